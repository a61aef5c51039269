//! Performance marks the test suite and `make bench` read (User Timing API).

use std::cell::RefCell;
use std::collections::HashSet;

thread_local! {
    static MARKED: RefCell<HashSet<&'static str>> = RefCell::new(HashSet::new());
}

/// Record `performance.mark(name)` the first time only (e.g. the first paint of
/// the article list, which defines first render).
pub fn mark_once(name: &'static str) {
    if !MARKED.with(|m| m.borrow_mut().insert(name)) {
        return;
    }
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}

/// Milliseconds since navigation start (0 when unavailable).
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
