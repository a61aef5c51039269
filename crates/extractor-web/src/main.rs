//! The module's entry point: nothing runs at start-up. The app calls the
//! functions `entiscope_extractor` exports once it has loaded the module.

// Links the library, whose `#[wasm_bindgen]` functions are the module's API.
use entiscope_extractor as _;

fn main() {}
