//! PERSON recogniser: runs of capitalised name words, accepted when a cue
//! says they name a person: a title or role before ("Foreign Minister Sergey
//! Lavrov", "his Italian counterpart Luigi Di Maio"), a reporting verb after
//! or before ("Mevlut Cavusoglu said", "said Olesya Vartanyan"), an age
//! (", 41,"), a country's possessive ("Turkey's Hulusi Akar"), a known given
//! name first, or a surname ending typical of the region ("Hikmet Hajiyev").
//! Titles are never in the span. Title Case headlines give no cue. Once a
//! full name is found (in the text or, for a corpus, anywhere), its surname
//! alone is a mention too ("Aliyev"); so is a surname-shaped word coordinated
//! with a person ("Pashinyan and Aliyev"), and a byline's authors.

use super::context::{Cand, Ctx};
use super::cues::Cue;
use super::EntityType;
use crate::text::{FastSet, TokenKind};

/// Whether a given name that is also an English word ("Will", "Velvet",
/// "Mike") at token `i` reads as a name: not opening a sentence ("Will Talks
/// resume?") and not after an article ("the Velvet Revolution").
fn word_name_in_place(ctx: &Ctx<'_>, i: usize) -> bool {
    !ctx.tokens[i].sent_start
        && (i == 0 || !matches!(ctx.folded_word(i - 1).as_ref(), "the" | "a" | "an"))
}

/// In a run of capitalised words no cue accepted, the first given name
/// that starts a name of two or more words ending the run, where that last
/// word is no organisation or place head ("Mary Hospital" is not a person):
/// the words before it are a title's complement ("Deputy Foreign Minister
/// for Political Affairs Abbas Araghchi").
fn given_inside(ctx: &Ctx<'_>, i: usize, j: usize) -> Option<usize> {
    if ends_in_head(ctx, j - 1) {
        return None;
    }
    (i + 1..j.saturating_sub(1)).find(|&k| {
        let starts_word = ctx.tokens[k].start > ctx.tokens[k - 1].end;
        starts_word && ctx.know.is_given_name(&ctx.folded_word(k))
    })
}

/// Whether the run's last word is the head of a named organisation, place,
/// event or document rather than a surname ("Saint Mary Hospital").
fn ends_in_head(ctx: &Ctx<'_>, last: usize) -> bool {
    let w = ctx.folded_word(last);
    NOT_SURNAMES.contains(&w.as_ref())
        || NEVER_LAST.contains(&w.as_ref())
        || [
            Cue::OrgHeads,
            Cue::GenericHeads,
            Cue::PlaceHeads,
            Cue::PlaceAfter,
        ]
        .iter()
        .any(|c| ctx.cues.has(*c, &w))
}

/// Heads of named places, events and documents that end a run like a
/// surname would ("Saint Mary Hospital"), and are surnames too: they only
/// take away the given-name cue (the heads no name ends in are `NEVER_LAST`).
const NOT_SURNAMES: &[&str] = &[
    "hospital",
    "school",
    "airport",
    "stadium",
    "square",
    "street",
    "avenue",
    "park",
    "garden",
    "gardens",
    "bridge",
    "station",
    "hotel",
    "museum",
    "prize",
    "award",
    "cup",
    "plan",
    "day",
    "hall",
    "palace",
    "tower",
    "mosque",
    "cathedral",
    "church",
    "monastery",
];

/// Heads of events, agreements and bodies that no name ends in, whatever
/// cue precedes it: "the Leader of the Islamic Revolution" is no person,
/// nor are the "Revolution Guards" (unlike "Hospital" or "Park", which are
/// surnames too: those only lose the given-name cue).
const NEVER_LAST: &[&str] = &[
    "revolution",
    "war",
    "agreement",
    "treaty",
    "declaration",
    "accord",
    "accords",
    "protocol",
    "summit",
    "conference",
    "festival",
    "games",
    "guards",
    "forces",
    "troops",
    "corps",
];

/// "II", "IV", "XIV": a regnal or papal number after a name.
fn roman_numeral(w: &str) -> bool {
    (2..=5).contains(&w.len()) && w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
}

/// Whether token `i` can be part of a name.
fn name_word(ctx: &Ctx<'_>, i: usize, taken: &[bool]) -> bool {
    let Some(t) = ctx.tokens.get(i) else {
        return false;
    };
    if t.kind != TokenKind::Word || taken[i] || !ctx.is_cap(i) {
        return false;
    }
    let w = ctx.word(i);
    let bare = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("\u{2019}s"))
        .unwrap_or(w);
    // "I’m", "We’ve", "You’ll": a pronoun's contraction opens no name
    // ("I’m Asbed Bedrossian").
    if contraction(bare) {
        return false;
    }
    // All-caps words are acronyms or headline shouting, not names.
    let has_lower =
        bare.bytes().any(|b| b.is_ascii_lowercase()) || bare.chars().any(char::is_lowercase);
    if !has_lower && bare.chars().nth(1).is_some() {
        return false;
    }
    // Titles are never part of the name ("Coach Zinedine Zidane").
    !ctx.cue(i, Cue::NotName) && !ctx.cue(i, Cue::NotPerson) && !ctx.cue_any_case(i, Cue::Titles)
}

/// A word with a pronoun's or verb's contracted ending ("I'm", "they're",
/// "we've", "I'll", "he'd", "don't"), straight or curly apostrophe.
fn contraction(w: &str) -> bool {
    let Some(pos) = w.rfind(['\'', '\u{2019}']) else {
        return false;
    };
    let stem = &w[..pos];
    let end = w[pos..].trim_start_matches(['\'', '\u{2019}']);
    !stem.is_empty()
        && (matches!(end, "m" | "re" | "ve" | "ll" | "d") || end == "t" && stem.ends_with('n'))
}

/// A middle initial: one capital letter ("H" of "Ilham H. Aliyev").
pub fn initial(ctx: &Ctx<'_>, i: usize) -> bool {
    let w = ctx.word(i);
    w.len() == 1 && w.bytes().all(|b| b.is_ascii_uppercase())
}

/// "H. E." or "H.E." at token `i` (His or Her Excellency): a diplomatic
/// title, not a name's initials.
fn excellency(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.word(i) == "H"
        && ctx.is_punct(i + 1, '.')
        && ctx.word(i + 2) == "E"
        && ctx.is_punct(i + 3, '.')
        && ctx.same_block(i, i + 3)
}

/// A particle inside a name ("Di", "al", "von").
fn particle(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
        && ctx.cue_any_case(i, Cue::NameParticles)
}

/// Token `i` ends like a surname of the region ("-yan", "-yev", "-oglu").
pub fn has_surname_ending(ctx: &Ctx<'_>, i: usize) -> bool {
    let f = ctx.folded_word(i);
    let f = f.strip_suffix("'s").unwrap_or(&f);
    f.len() >= 5 && ctx.cues.words(Cue::SurnameEndings).any(|e| f.ends_with(e))
}

/// A word that alone, mid-sentence, reads as a surname: a surname ending
/// of the region other than "-ian", which also makes adjectives
/// ("Caucasian", "Christian"): "Pompeo met Mnatsakanyan", "calls with
/// Lavrov". Places with such endings ("Rostov") are in the dictionary and
/// taken before this runs.
fn surname_alone(ctx: &Ctx<'_>, i: usize) -> bool {
    has_surname_ending(ctx, i) && !ctx.folded_word(i).trim_end_matches("'s").ends_with("ian")
}

/// A title or role word at token `i`; not a possessive ("King's College",
/// "the president's office" name no person after them).
fn title(ctx: &Ctx<'_>, i: usize) -> bool {
    // A plural too: "BBC correspondents Orla Guerin and Steve Rosenberg".
    let plural = || {
        let w = ctx.lower(i);
        w.len() > 4 && w.ends_with('s') && ctx.cues.has(Cue::Titles, &w[..w.len() - 1])
    };
    ctx.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
        && (ctx.cue_any_case(i, Cue::Titles) || plural())
        && ctx.end_without_possessive(i) == ctx.tokens[i].end
}

/// Whether a title cue precedes token `start`: the title itself, then
/// capitalised modifiers, "of <Place>", a comma ("counterpart, Vladimir Putin").
fn title_before(ctx: &Ctx<'_>, start: usize, taken: &[bool]) -> bool {
    // "the Governor of Khoda Afrin": a title's "of" names its domain.
    if start > 0 && ctx.is(start - 1, "of")
        || start > 1 && ctx.is(start - 1, "the") && ctx.is(start - 2, "of")
    {
        return false; // "the director of the Eurasian Red Cross"
    }
    let mut i = start;
    let mut steps = 0;
    while i > 0 && steps < 6 && ctx.same_block(i - 1, start) {
        i -= 1;
        steps += 1;
        if title(ctx, i) || (i >= 3 && excellency(ctx, i - 3)) {
            return true;
        }
        // "Mr. Smith", "Gen. X": an abbreviated title whose period does not
        // end the sentence ("..., an analyst. Shares of Apple" is no cue).
        if ctx.is_punct(i, '.') && i > 0 && title(ctx, i - 1) && !ctx.tokens[i + 1].sent_start {
            return true;
        }
        let ok = ctx.is_punct(i, ',') && steps == 1
            || ctx.is(i, "of")
            || ctx.is(i, "the")
            || taken[i]
            || (ctx.is_cap(i) && ctx.tokens[i].kind == TokenKind::Word);
        if !ok {
            return false;
        }
    }
    false
}

/// A surname-shaped word joined by "and" or a comma to a person found, or
/// to another surname-shaped word ("calls with Pashinyan and Aliyev"): a
/// person too.
fn coordinated(ctx: &Ctx<'_>, taken: &[bool], found: &[Cand]) -> Vec<Cand> {
    let is_person_at = |k: usize| {
        ctx.tokens.get(k).is_some_and(|t| {
            found
                .iter()
                .any(|c| c.start <= t.start && t.end <= c.end.max(t.end) && t.start < c.end)
        })
    };
    let mut out = Vec::new();
    for i in 0..ctx.tokens.len() {
        if !name_word(ctx, i, taken) || !has_surname_ending(ctx, i) || is_person_at(i) {
            continue;
        }
        if name_word(ctx, i + 1, taken) || (i > 0 && name_word(ctx, i - 1, taken)) {
            continue; // part of a longer run, judged there
        }
        let joined = |a: usize, b: usize| {
            ctx.same_block(a, b) && (ctx.is(a, "and") || ctx.is_punct(a, ',') || ctx.is(a, "or"))
        };
        // Another lone surname-shaped word counts as well ("Pashinyan and
        // Aliyev").
        let lone_surname = |k: usize| {
            name_word(ctx, k, taken)
                && has_surname_ending(ctx, k)
                && !name_word(ctx, k + 1, taken)
                && !(k > 0 && name_word(ctx, k - 1, taken))
        };
        let before = i >= 2 && joined(i - 1, i) && (is_person_at(i - 2) || lone_surname(i - 2));
        let after = joined(i + 1, i) && (is_person_at(i + 2) || lone_surname(i + 2));
        if before || after {
            out.push(Cand {
                start: ctx.tokens[i].start,
                end: ctx.end_without_possessive(i),
                ty: EntityType::Person,
                id: None,
                entry: None,
                prio: 4,
            });
        }
    }
    out
}

/// Bylines: a block opening with "By" ("Written by", "Author:") names its
/// authors, often in capitals ("By AIDA SULTANOVA and AVET DEMOURIAN
/// Associated Press").
fn bylines(ctx: &Ctx<'_>, taken: &[bool]) -> Vec<Cand> {
    let mut out = Vec::new();
    let author_word = |k: usize| credited_word(ctx, taken, k);
    for (i, t) in ctx.tokens.iter().enumerate() {
        if !(ctx.starts_block(i) && t.kind == TokenKind::Word) {
            continue;
        }
        out.extend(located_authors(ctx, i, &author_word));
        // "By", "Written by", "Reported by", "Author:".
        let lead = ctx.word(i).to_ascii_lowercase();
        let mut k = match lead.as_str() {
            "by" => i + 1,
            "written" | "reported" | "compiled" | "edited" | "authored" | "words"
                if ctx.is(i + 1, "by") =>
            {
                i + 2
            }
            "author" | "authors" if ctx.is_punct(i + 1, ':') => i + 2,
            _ => continue,
        };
        loop {
            let start = k;
            while author_word(k) && ctx.same_block(i, k) && k < start + 4 {
                k += 1;
            }
            if k - start >= 2 {
                out.push(author(ctx, start, k));
            }
            if (ctx.is(k, "and") || ctx.is_punct(k, ',')) && ctx.same_block(i, k) {
                k += 1;
            } else {
                break;
            }
        }
    }
    out
}

/// Photographers in picture credits, where agencies write surnames in
/// capitals: "Karen MINASYAN / AFP", "TOFIK BABAYEV/AFP via Getty Images",
/// "Photo: Egor Kirillov / Mediazona". Two or three capitalised words,
/// starting with a known given name or ending in a surname's ending, right
/// before "/" and a capitalised agency or outlet.
fn photo_credits(ctx: &Ctx<'_>, taken: &[bool]) -> Vec<Cand> {
    let mut out = Vec::new();
    let word = |k: usize| credited_word(ctx, taken, k);
    for k in 2..ctx.tokens.len().saturating_sub(1) {
        if !ctx.is_punct(k, '/') || !ctx.is_cap(k + 1) || !ctx.same_block(k, k + 1) {
            continue;
        }
        let Some(start) = [k - 2, k.saturating_sub(3)].into_iter().find(|&a| {
            a + 2 <= k
                && (a..k).all(word)
                && ctx.same_block(a, k)
                && (ctx.know.is_given_name(&ctx.folded_word(a)) || has_surname_ending(ctx, k - 1))
                && (a == 0 || !word(a - 1))
        }) else {
            continue;
        };
        out.push(author(ctx, start, k));
    }
    out
}

/// A word of a credited name (a byline's author, a photographer): any
/// capitalised word, capitals too, that is no cue word and no other entity.
fn credited_word(ctx: &Ctx<'_>, taken: &[bool], k: usize) -> bool {
    ctx.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word)
        && ctx.is_cap(k)
        && !taken[k]
        && !ctx.cue(k, Cue::NotName)
        && !ctx.cue(k, Cue::NotPerson)
}

/// A byline's author: tokens `start..end`.
fn author(ctx: &Ctx<'_>, start: usize, end: usize) -> Cand {
    Cand {
        start: ctx.tokens[start].start,
        end: ctx.tokens[end - 1].end,
        ty: EntityType::Person,
        id: None,
        entry: None,
        prio: 7,
    }
}

/// A byline line of authors with the places they write from: "Jack Losh in
/// Yerevan, and agencies", "Andrew Roth in Moscow and Shaun Walker in
/// Baku". Only a short block starting with the name, each name of two or
/// three words starting with a given name and followed by "in" and a place
/// found ("Heavy Fighting in Karabakh" is a headline).
fn located_authors(ctx: &Ctx<'_>, i: usize, author_word: &dyn Fn(usize) -> bool) -> Vec<Cand> {
    const MAX_TOKENS: usize = 16;
    let block_len = (i..ctx.tokens.len().min(i + MAX_TOKENS + 1))
        .take_while(|&k| ctx.same_block(i, k))
        .count();
    if block_len > MAX_TOKENS {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut k = i;
    loop {
        let start = k;
        while author_word(k) && ctx.same_block(i, k) && k < start + 3 {
            k += 1;
        }
        let place = k + 1;
        let located = k - start >= 2
            && ctx.know.is_given_name(&ctx.folded_word(start))
            && ctx.is(k, "in")
            && ctx.same_block(i, place)
            && !author_word(place)
            && ctx.is_cap(place);
        if !located {
            break;
        }
        out.push(author(ctx, start, k));
        // The place may be several tokens ("Nagorno-Karabakh"); then "and"
        // or a comma may bring the next author.
        k = place;
        while k < ctx.tokens.len() && ctx.same_block(i, k) && !author_word(k) && ctx.is_cap(k) {
            k += 1;
        }
        while k < ctx.tokens.len()
            && ctx.same_block(i, k)
            && ctx.tokens[k].kind != TokenKind::Word
            && !ctx.is_cap(k)
        {
            k += 1; // "-" of "Nagorno-Karabakh", a comma
        }
        if ctx.is(k, "and") {
            k += 1;
        }
        if !author_word(k) {
            break;
        }
    }
    out
}

/// An age after the name: "Lusine Avanesyan, 42," / "(42)".
fn age_after(ctx: &Ctx<'_>, end: usize) -> bool {
    (ctx.is_punct(end, ',') || ctx.is_punct(end, '('))
        && ctx
            .tokens
            .get(end + 1)
            .is_some_and(|t| t.kind == TokenKind::Number)
        && ctx.word(end + 1).len() <= 2
        && (ctx.is_punct(end + 2, ',') || ctx.is_punct(end + 2, ')') || ctx.is_punct(end + 2, '.'))
}

/// A country's possessive right before: "Turkey's Hulusi Akar".
fn country_possessive_before(ctx: &Ctx<'_>, start: usize) -> bool {
    start > 0
        && ctx.same_block(start - 1, start)
        && ctx.end_without_possessive(start - 1) < ctx.tokens[start - 1].end
        && ctx.know.country_names.contains(
            ctx.folded(
                ctx.tokens[start - 1].start,
                ctx.end_without_possessive(start - 1),
            )
            .as_ref(),
        )
}

/// A reporting verb right before token `start` ("..., said Olesya
/// Vartanyan", "according to Thomas de Waal").
fn verb_before(ctx: &Ctx<'_>, start: usize) -> bool {
    start > 0
        && ctx.same_block(start - 1, start)
        && (matches!(
            ctx.lower(start - 1),
            "said" | "says" | "told" | "added" | "wrote" | "tweeted" | "asked"
        ) || (start > 1 && ctx.lower(start - 2) == "according" && ctx.lower(start - 1) == "to"))
}

/// Whether a reporting verb follows token `end` (exclusive), directly or
/// after an apposition (", foreign affairs aide to the president, told").
pub fn verb_after(ctx: &Ctx<'_>, end: usize) -> bool {
    let verb = |i: usize| {
        ctx.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word)
            && ctx.cue_any_case(i, Cue::ReportingVerbs)
    };
    if verb(end)
        || (ctx.is(end, "has") || ctx.is(end, "had") || ctx.is(end, "also")) && verb(end + 1)
    {
        return true;
    }
    if ctx.is_punct(end, ',') || ctx.is_punct(end, '(') {
        // An apposition naming a role: ", foreign affairs aide to ...".
        let mut i = end + 1;
        while i < ctx.tokens.len() && i < end + 8 && ctx.same_block(i, end) {
            if title(ctx, i) {
                return true;
            }
            if ctx.is_punct(i, ',') || ctx.is_punct(i, '.') {
                break;
            }
            i += 1;
        }
    }
    false
}

/// PERSON candidates. `taken[i]` marks tokens already covered by a dictionary
/// entity (places, organisations, nationalities), which are never names;
/// `known` holds folded surnames of people named in full in other documents
/// of the corpus, which count as names here too.
pub fn find(ctx: &Ctx<'_>, taken: &[bool], known: &FastSet<String>) -> Vec<Cand> {
    let mut out = Vec::new();
    let mut surnames: FastSet<String> = FastSet::default();
    // Names of two or more words accepted, and runs of as many words no cue
    // accepted: the same name again is the same person ("Orla Guerin" in a
    // caption after "correspondents Orla Guerin").
    let mut full_names: FastSet<String> = FastSet::default();
    let mut unaccepted: Vec<(usize, usize)> = Vec::new();
    let n = ctx.tokens.len();
    let mut i = 0;
    while i < n {
        if !name_word(ctx, i, taken) {
            i += 1;
            continue;
        }
        if ctx.cues.has(Cue::ToponymPrefixes, &ctx.folded_word(i)) {
            i += 1; // "Ashagi X" is a village (see place.rs)
            continue;
        }
        if excellency(ctx, i) {
            i += 4; // "H. E. Ilham Aliyev": the name follows the title
            continue;
        }
        // A headline's verb is no given name ("Revisiting Aliyev's
        // interview"): a word in -ing that is not a known given name.
        let w = ctx.folded_word(i);
        if w.len() >= 6
            && w.ends_with("ing")
            && name_word(ctx, i + 1, taken)
            && !ctx.know.is_given_name(&w)
        {
            i += 1;
            continue;
        }
        // Extend the run: name words, and particles between name words.
        let mut j = i + 1;
        while j < n && ctx.same_block(i, j) {
            if name_word(ctx, j, taken) && !ctx.word(j - 1).ends_with("'s") {
                j += 1;
            } else if particle(ctx, j) && name_word(ctx, j + 1, taken) {
                j += 2;
            } else if ctx.glued_hyphen(j) && name_word(ctx, j + 1, taken) {
                j += 2; // "Ter-Petrosyan", "Jean-Yves"
            } else if particle(ctx, j) && ctx.glued_hyphen(j + 1) && name_word(ctx, j + 2, taken) {
                j += 3; // "al-Assad"
            } else if initial(ctx, j - 1) && ctx.is_punct(j, '.') && name_word(ctx, j + 1, taken) {
                j += 2; // "Ilham H. Aliyev"
            } else {
                break;
            }
        }
        // Words, not tokens: "Ter-Petrosyan" is one.
        let len = (i..j)
            .filter(|&k| k == i || ctx.tokens[k].start > ctx.tokens[k - 1].end)
            .count();
        let first = ctx.folded_word(i);
        let last_end = ctx.end_without_possessive(j - 1);
        let cue_title = title_before(ctx, i, taken);
        let cue_verb = verb_after(ctx, j)
            || (len >= 2
                && (verb_before(ctx, i) || age_after(ctx, j) || country_possessive_before(ctx, i)));
        let given = (ctx.know.given_names.contains(first.as_ref())
            || (ctx.know.given_words.contains(first.as_ref()) && word_name_in_place(ctx, i)))
            && !ends_in_head(ctx, j - 1);
        let suffix = has_surname_ending(ctx, j - 1);
        let sent_initial_only = ctx.tokens[i].sent_start && len == 1;
        let accept = if ctx.in_headline(i) {
            // Title Case: capitals carry no cue; only a name ending in a
            // surname-shaped word after a given name or a title.
            (len == 2 && given && suffix) || (cue_title && suffix && len <= 3)
        } else if len >= 2 {
            len <= 4 && (cue_title || cue_verb || given || suffix)
        } else {
            (!sent_initial_only && cue_title)
                || (cue_verb && suffix)
                || (!ctx.tokens[i].sent_start
                    && surname_alone(ctx, i)
                    // "with a Kalashnikov": a person is not "a Smith".
                    && !(i > 0 && matches!(ctx.lower(i - 1), "a" | "an")))
        };
        let accept = accept && !NEVER_LAST.contains(&ctx.folded_word(j - 1).as_ref());
        if !accept && len >= 3 && !ctx.in_headline(i) {
            if let Some(k) = given_inside(ctx, i, j) {
                i = k; // "for Political Affairs Abbas Araghchi": from "Abbas"
                continue;
            }
        }
        // A regnal number belongs to the name ("Karekin II").
        let regnal = accept
            && j < n
            && ctx.same_block(i, j)
            && ctx.tokens[j].start == ctx.tokens[j - 1].end + 1
            && roman_numeral(ctx.word(j));
        let last_end = if regnal { ctx.tokens[j].end } else { last_end };
        if !accept && (2..=4).contains(&len) {
            unaccepted.push((i, j));
        }
        if accept {
            if len >= 2 {
                full_names.insert(ctx.folded(ctx.tokens[i].start, last_end).into_owned());
            }
            out.push(Cand {
                start: ctx.tokens[i].start,
                end: last_end,
                ty: EntityType::Person,
                id: None,
                entry: None,
                prio: if len >= 2 { 7 } else { 4 },
            });
            if len >= 2 {
                // The surname: the last word, or a Chinese family name first.
                let words: Vec<&str> = (i..j).map(|k| ctx.word(k)).collect();
                let mut k =
                    if len == 2 && j == i + 2 && super::names::surname_index(ctx.cues, &words) == 0
                    {
                        i
                    } else {
                        j - 1
                    };
                let surname_end = ctx.end_without_possessive(k);
                // A hyphenated surname is one word ("Amiri-Rad").
                while k >= i + 2 && ctx.glued_hyphen(k - 1) {
                    k -= 2;
                }
                surnames.insert(ctx.folded(ctx.tokens[k].start, surname_end).into_owned());
            }
        }
        i = j;
    }
    for (i, j) in unaccepted {
        let end = ctx.end_without_possessive(j - 1);
        if full_names.contains(ctx.folded(ctx.tokens[i].start, end).as_ref()) {
            out.push(Cand {
                start: ctx.tokens[i].start,
                end,
                ty: EntityType::Person,
                id: None,
                entry: None,
                prio: 7,
            });
        }
    }
    out.extend(coordinated(ctx, taken, &out));
    out.extend(bylines(ctx, taken));
    out.extend(photo_credits(ctx, taken));
    // Surname-only mentions of people named in full elsewhere in the text.
    if !surnames.is_empty() || !known.is_empty() {
        let mut next = 0;
        for (i, t) in ctx.tokens.iter().enumerate() {
            if i < next || t.kind != TokenKind::Word || taken[i] || !ctx.is_cap(i) {
                continue;
            }
            // A hyphenated surname whole ("Amiri-Rad"), else the word.
            let mut last = i;
            while ctx.glued_hyphen(last + 1) && name_word(ctx, last + 2, taken) {
                last += 2;
            }
            next = last + 1;
            let end = ctx.end_without_possessive(last);
            let f = ctx.folded(t.start, end);
            if surnames.contains(f.as_ref()) || known.contains(f.as_ref()) {
                out.push(Cand {
                    start: t.start,
                    end,
                    ty: EntityType::Person,
                    id: None,
                    entry: None,
                    prio: 4,
                });
            }
        }
    }
    out
}
