//! A bare Leptos counter, mounted the way entiscope mounts: the floor that
//! `make bench` compares entiscope's first render with.

use leptos::prelude::*;

#[component]
fn Counter() -> impl IntoView {
    let count = RwSignal::new(0);
    view! {
        <main>
            <button type="button" data-testid="counter" on:click=move |_| count.update(|n| *n += 1)>
                "Clicked " {count} " times"
            </button>
        </main>
    }
}

fn main() {
    leptos::mount::mount_to_body(Counter);
}
