//! Fuzz the file importers: the first byte picks the kind of file, the rest is
//! its content. Importing must never panic, and HTML must yield text only.
//!
//!     cargo fuzz run import
#![no_main]

use entiscope_core::import::{html_to_text, import_file, markdown_to_text};
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 6] = ["a.txt", "a.md", "a.html", "a.json", "a.jsonl", "a.bin"];

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else { return };
    let name = NAMES[kind as usize % NAMES.len()];
    if let Ok(articles) = import_file(name, rest) {
        for a in articles {
            assert!(!a.text.trim().is_empty());
        }
    }
    let text = String::from_utf8_lossy(rest);
    let _ = markdown_to_text(&text);
    let html = html_to_text(&format!("{text}<script>CANARY</script>"));
    if !text.contains('<') && !text.contains("CANARY") {
        assert!(!html.contains("CANARY"), "script content leaked into text");
    }
});
