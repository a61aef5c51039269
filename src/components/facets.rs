//! Facet panels: per entity type, the entities of the matching articles with
//! their article and mention counts, a filter-as-you-type box, sorting by count
//! or name, "show more", and for each entity: filter by it, exclude it, or open
//! it. Each entry also says how many articles would remain if it were added.

use crate::components::types::{articles, plural};
use crate::state::AppState;
use entiscope_core::extract::EntityType;
use entiscope_core::index::FacetEntry;
use entiscope_core::text::fold_str;
use entiscope_core::url_state::encode;
use leptos::prelude::*;

/// Entries shown before "show more".
const SHORT_LIST: usize = 8;

/// One panel per entity type.
#[component]
pub fn Facets() -> impl IntoView {
    EntityType::ALL
        .into_iter()
        .map(|ty| view! { <FacetPanel ty=ty/> })
        .collect_view()
}

/// The panel of one entity type.
#[component]
fn FacetPanel(
    /// The type listed.
    ty: EntityType,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let corpus = state.corpus.clone();
    let filtered = state.filtered;
    let (needle, set_needle) = signal(String::new());
    let (by_name, set_by_name) = signal(false);
    let (expanded, set_expanded) = signal(false);

    let entries = {
        let corpus = corpus.clone();
        Memo::new(move |_| filtered.with(|f| f.filter.facet(&corpus.index, &f.result, ty)))
    };
    let listed = {
        let corpus = corpus.clone();
        Memo::new(move |_| {
            let needle = fold_str(needle.get().trim());
            let mut list: Vec<FacetEntry> = entries
                .get()
                .into_iter()
                .filter(|f| {
                    needle.is_empty() || {
                        let e = corpus.entity(f.entity);
                        fold_str(&e.name).contains(&needle)
                            || e.aliases.iter().any(|a| fold_str(a).contains(&needle))
                    }
                })
                .collect();
            if by_name.get() {
                list.sort_by_cached_key(|f| fold_str(&corpus.entity(f.entity).name));
            }
            list
        })
    };
    let total = move || listed.with(Vec::len);
    let visible = move || {
        let mut list = listed.get();
        if !expanded.get() {
            list.truncate(SHORT_LIST);
        }
        list
    };
    let heading_id = format!("facet-{}", ty.key());
    let labelled_by = heading_id.clone();
    let empty_text = move || {
        if needle.with(|n| n.trim().is_empty()) {
            "None in the matching articles."
        } else {
            "No entity matches this filter."
        }
    };

    view! {
        <section class=format!("facet type-{}", ty.key()) data-testid="facet" data-entity-type=ty.key()
            aria-labelledby=labelled_by>
            <h2 class="facet-title" id=heading_id>
                <span class="type-swatch" aria-hidden="true"></span>
                {plural(ty)} " " <span class="facet-total">{move || entries.with(Vec::len)}</span>
            </h2>
            <div class="facet-tools">
                <input type="search" class="facet-filter" placeholder="Filter…"
                    aria-label=format!("Filter the list of {}", plural(ty).to_lowercase())
                    on:input=move |ev| set_needle.set(event_target_value(&ev))/>
                <button type="button" class="facet-sort" aria-pressed=move || by_name.get().to_string()
                    title="Sort by name instead of by number of articles"
                    on:click=move |_| set_by_name.update(|b| *b = !*b)>
                    {move || if by_name.get() { "A–Z" } else { "Count" }}
                </button>
            </div>
            <Show when=move || total() == 0>
                <p class="facet-empty">{empty_text}</p>
            </Show>
            <ul class="facet-list">
                <For each=visible
                    key=|f| (f.entity, f.articles, f.mentions, f.if_added)
                    children=move |f| view! { <FacetItem entry=f/> }/>
            </ul>
            <Show when=move || { total() > SHORT_LIST }>
                <button type="button" class="show-more" on:click=move |_| set_expanded.update(|x| *x = !*x)>
                    {move || if expanded.get() { "Show fewer".to_string() } else { format!("Show all {}", total()) }}
                </button>
            </Show>
        </section>
    }
}

/// One entity of a facet panel.
#[component]
fn FacetItem(
    /// The entity and its counts.
    entry: FacetEntry,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let entity = state.corpus.entity(entry.entity).clone();
    // `id` is the URL key (unique across types); `entity.id` the extractor's slug.
    let id = state.corpus.index.key(entry.entity);
    let view_state = state.view;
    let included = {
        let id = id.clone();
        move || view_state.with(|v| v.include.contains(&id))
    };
    let excluded = {
        let id = id.clone();
        move || view_state.with(|v| v.exclude.contains(&id))
    };
    let toggle_include = {
        let (state, id, included) = (state.clone(), id.clone(), included.clone());
        move |_| {
            if included() {
                state.remove_filter(&id)
            } else {
                state.include(&id)
            }
        }
    };
    let toggle_exclude = {
        let (state, id, excluded) = (state.clone(), id.clone(), excluded.clone());
        move |_| {
            if excluded() {
                state.remove_filter(&id)
            } else {
                state.exclude(&id)
            }
        }
    };
    let open = {
        let (state, id) = (state.clone(), id.clone());
        move |ev: leptos::ev::MouseEvent| {
            if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
                return;
            }
            ev.prevent_default();
            state.open_entity(&id);
        }
    };
    let name = entity.name.clone();
    let (included_class, excluded_class) = (included.clone(), excluded.clone());
    let counts_title = format!(
        "{} and {} mention{} in the matching articles; {} if added as a filter",
        articles(entry.articles),
        entry.mentions,
        if entry.mentions == 1 { "" } else { "s" },
        articles(entry.if_added)
    );
    view! {
        <li class="facet-entity" class:is-included=included_class class:is-excluded=excluded_class
            data-testid="facet-entity" data-entity-id=entity.id.clone() data-entity-key=id.clone()>
            <a class="facet-name" href=format!("?entity={}", encode(&id)) on:click=open
                title=format!("Open {name}")>{name.clone()}</a>
            <span class="facet-count" title=counts_title.clone()>
                <span class="visually-hidden">" in "</span>{entry.articles}
                <span class="visually-hidden">{if entry.articles == 1 { " article" } else { " articles" }}</span>
            </span>
            <span class="facet-if" title=counts_title aria-hidden="true">{format!("→{}", entry.if_added)}</span>
            <button type="button" class="facet-add" data-testid="facet-include"
                aria-pressed=move || included().to_string()
                aria-label=format!("Only articles that mention {name} ({} would remain)", articles(entry.if_added))
                on:click=toggle_include>"+"</button>
            <button type="button" class="facet-not" data-testid="facet-exclude"
                aria-pressed=move || excluded().to_string()
                aria-label=format!("Exclude articles that mention {}", entity.name)
                on:click=toggle_exclude>"−"</button>
        </li>
    }
}
