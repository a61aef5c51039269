//! Mounts the app; everything else lives in the library so tests can use it.

fn main() {
    entiscope_app::perf::mark_once("app-start");
    entiscope_app::crash::install();
    leptos::mount::mount_to_body(entiscope_app::App);
}
