//! Fuzz the URL-state parser: any query string parses without panicking, and
//! the state it yields survives a round trip through its own query string.
//!
//!     cargo fuzz run url_state
#![no_main]

use entiscope_core::url_state::ViewState;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let (state, _notices) = ViewState::parse(&query);
    let (again, notices) = ViewState::parse(&state.to_query());
    assert!(notices.is_empty(), "a formatted state must parse cleanly");
    assert_eq!(again.to_query(), state.to_query());
});
