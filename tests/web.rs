//! The app in a real browser (headless Chromium via wasm-bindgen-test): the
//! embedded corpus and what the first screen renders.
#![cfg(target_arch = "wasm32")]

use entiscope_app::{corpus_data, App};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

#[wasm_bindgen_test]
fn embedded_corpus_is_the_default_five() {
    let docs = corpus_data::documents();
    assert_eq!(docs.len(), 5);
    assert!(docs.iter().all(|d| d.meta.word_count > 400));
    assert_eq!(docs[0].id, "000_a00b3b19d7c29351");
}

#[wasm_bindgen_test]
fn app_mounts_and_lists_every_article() {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), App);
    let cards = host
        .query_selector_all("[data-testid=article-card]")
        .unwrap();
    assert_eq!(cards.length(), 5);
    let first = cards.get(0).unwrap().unchecked_into::<web_sys::Element>();
    assert_eq!(
        first.get_attribute("data-article-id").as_deref(),
        Some("000_a00b3b19d7c29351")
    );
    assert!(host.text_content().unwrap().contains("Anadolu Agency"));
    drop(handle);
}

#[wasm_bindgen_test]
fn a_panic_shows_a_readable_screen_with_ways_out() {
    entiscope_app::crash::show("index out of bounds: the len is 3 but the index is 7");
    let crash = document()
        .get_element_by_id("crash")
        .expect("crash screen shown");
    let text = crash.text_content().unwrap();
    assert!(text.contains("stopped working"));
    assert!(text.contains("index out of bounds"));
    assert!(crash
        .query_selector("[data-testid=crash-reload]")
        .unwrap()
        .is_some());
    let reset = crash
        .query_selector("[data-testid=crash-reset]")
        .unwrap()
        .unwrap();
    assert_eq!(reset.get_attribute("href").as_deref(), Some("?reset=1"));
    // A second panic does not stack a second screen.
    entiscope_app::crash::show("again");
    assert_eq!(document().query_selector_all("#crash").unwrap().length(), 1);
}
