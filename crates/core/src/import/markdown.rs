//! Plain text of a Markdown article: heading, quote and list markers, emphasis,
//! code fences and link syntax removed; the words stay.

/// The text of `md`, one line per source line.
pub fn markdown_to_text(md: &str) -> String {
    let mut out = Vec::new();
    let mut in_fence = false;
    for line in md.lines() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            out.push(line.to_string());
            continue;
        }
        let mut t = t.trim_start_matches('#').trim_start();
        while let Some(r) = t.strip_prefix('>') {
            t = r.trim_start();
        }
        if let Some(r) = t
            .strip_prefix("- ")
            .or_else(|| t.strip_prefix("* "))
            .or_else(|| t.strip_prefix("+ "))
        {
            t = r;
        } else if let Some(dot) = t
            .find(". ")
            .filter(|&d| d > 0 && d <= 3 && t[..d].bytes().all(|b| b.is_ascii_digit()))
        {
            t = &t[dot + 2..];
        }
        if t.chars().all(|c| matches!(c, '-' | '*' | '_' | '=' | ' ')) && !t.is_empty() {
            continue; // a rule or a setext underline
        }
        out.push(inline(t));
    }
    out.join("\n")
}

/// Inline syntax: `![alt](url)` -> alt, `[text](url)` -> text, `**b**`, `__b__`,
/// `*i*` and backticks dropped.
fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        let link = rest
            .strip_prefix("![")
            .map(|r| (r, 2))
            .or_else(|| rest.strip_prefix('[').map(|r| (r, 1)));
        if let Some((after, _)) = link {
            if let Some(close) = after.find("](") {
                if let Some(paren) = after[close + 2..].find(')') {
                    out.push_str(&after[..close]);
                    rest = &after[close + 2 + paren + 1..];
                    continue;
                }
            }
        }
        if let Some(r) = rest.strip_prefix("**").or_else(|| rest.strip_prefix("__")) {
            rest = r;
            continue;
        }
        let mut chars = rest.chars();
        let c = chars.next().unwrap_or(' ');
        let prev_alnum = out.chars().last().is_some_and(char::is_alphanumeric);
        let next_alnum = chars.clone().next().is_some_and(char::is_alphanumeric);
        // A lone `*` or backtick is markup unless it sits inside a word.
        if (c == '*' || c == '`') && !(prev_alnum && next_alnum) {
            rest = chars.as_str();
            continue;
        }
        out.push(c);
        rest = chars.as_str();
    }
    out
}
