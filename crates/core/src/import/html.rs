//! Visible text of an HTML page: tags dropped, script/style/template content
//! dropped, block elements as paragraph breaks, character references decoded.
//! A small tolerant scanner, not a browser: it never runs anything.

/// Elements whose content is never shown as text.
const HIDDEN: [&str; 10] = [
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "head", "select",
];

/// Elements that end a paragraph.
const BLOCKS: [&str; 34] = [
    "p",
    "div",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "hr",
    "dd",
    "dt",
    "dl",
    "main",
    "aside",
    "nav",
    "title",
    "caption",
    "address",
    "details",
    "summary",
];

/// The visible text of `html`, one paragraph per line, blank lines between.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::new();
    let mut para = String::new();
    let flush = |para: &mut String, out: &mut String| {
        let text = collapse(para);
        if !text.is_empty() {
            if !out.is_empty() {
                out.push_str("\n\n");
            }
            out.push_str(&text);
        }
        para.clear();
    };
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        para.push_str(&decode_entities(&rest[..lt]));
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
            continue;
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            rest = rest.find('>').map_or("", |i| &rest[i + 1..]);
            continue;
        }
        let Some(gt) = tag_end(rest) else {
            // A lone '<' is text.
            para.push('<');
            rest = &rest[1..];
            continue;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            para.push('<');
            para.push_str(tag);
            para.push('>');
            continue;
        }
        if !closing && HIDDEN.contains(&name.as_str()) && !tag.ends_with('/') {
            // Skip to the matching end tag (case-insensitive), or to the end.
            let close = format!("</{name}");
            rest = find_ci(rest, &close).map_or("", |i| {
                rest[i..].find('>').map_or("", |j| &rest[i + j + 1..])
            });
            if name == "head" {
                flush(&mut para, &mut out);
            }
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            flush(&mut para, &mut out);
        } else if matches!(name.as_str(), "td" | "th") {
            para.push(' ');
        }
    }
    para.push_str(&decode_entities(rest));
    flush(&mut para, &mut out);
    out
}

/// The index of the `>` ending a tag that starts at `s[0] == '<'`, honouring
/// quoted attribute values; `None` if `s` does not start a tag.
fn tag_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.len() < 2 || !(b[1].is_ascii_alphabetic() || b[1] == b'/') {
        return None;
    }
    let mut quote = None;
    for (i, &c) in b.iter().enumerate().skip(1) {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, b'>') => return Some(i),
            _ => {}
        }
    }
    None
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    (0..h.len().saturating_sub(n.len() - 1)).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Decode character references: numeric ones and the common named ones;
/// unknown names stay as written.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.find(';').filter(|&e| e <= 12);
        let decoded = end.and_then(|e| entity(&rest[1..e]));
        match (end, decoded) {
            (Some(e), Some(c)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return Some(match char::from_u32(code) {
            Some('\0') | None => '\u{fffd}',
            Some(c) => c,
        });
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "copy" => '©',
        "eacute" => 'é',
        "egrave" => 'è',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "ccedil" => 'ç',
        "shy" => '\u{ad}',
        _ => return None,
    })
}
