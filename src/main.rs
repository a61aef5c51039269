//! Mounts the app; everything else lives in the library so tests can use it.

fn main() {
    entiscope_app::perf::mark_once("app-start");
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(entiscope_app::App);
}
