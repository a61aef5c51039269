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
use std::collections::HashMap;

/// Entries shown before "show more".
const SHORT_LIST: usize = 8;

/// Entries each "show more" adds (a large corpus has thousands per type).
const MORE: usize = 50;

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
    let corpus = state.corpus();
    let filtered = state.filtered;
    let (needle, set_needle) = signal(String::new());
    let (by_name, set_by_name) = signal(false);
    let (limit, set_limit) = signal(SHORT_LIST);

    let entries = {
        let corpus = corpus.clone();
        Memo::new(move |_| filtered.with(|f| corpus.facet(&f.filter, &f.result, ty)))
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
    // One signal per row, set only when that row's counts or filter state
    // change: a filter click then re-renders the rows it changed, not every
    // row of every panel (see `RowState`).
    let rows = StoredValue::new(HashMap::<u32, ArcRwSignal<RowState>>::new());
    Effect::new(move |_| {
        entries.with(|list| {
            filtered.with(|f| {
                let by_entity: HashMap<u32, &FacetEntry> =
                    list.iter().map(|e| (e.entity, e)).collect();
                rows.with_value(|rows| {
                    for (&entity, row) in rows {
                        let next =
                            RowState::new(entity, by_entity.get(&entity).copied(), &f.filter);
                        if row.with_untracked(|r| *r != next) {
                            row.set(next);
                        }
                    }
                });
            })
        })
    });
    let row_of = move |entity: u32| {
        let state = entries.with_untracked(|list| {
            filtered.with_untracked(|f| {
                RowState::new(entity, list.iter().find(|e| e.entity == entity), &f.filter)
            })
        });
        rows.try_update_value(|rows| {
            let row = rows
                .entry(entity)
                .or_insert_with(|| ArcRwSignal::new(state.clone()));
            if row.with_untracked(|r| *r != state) {
                row.set(state);
            }
            row.clone()
        })
        .unwrap_or_default()
    };
    let visible = move || {
        let mut list = listed.get();
        list.truncate(limit.get());
        list
    };
    // Rows are keyed by entity only and read their counts from `counts`, so a
    // filter change updates numbers in place instead of rebuilding rows.
    let visible_ids = move || {
        visible()
            .into_iter()
            .map(|f| f.entity)
            .collect::<Vec<u32>>()
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
                <For each=visible_ids
                    key=|e| *e
                    children=move |e| view! { <FacetItem entity=e row=row_of(e)/> }/>
            </ul>
            <Show when=move || { total() > limit.get() }>
                <button type="button" class="show-more" on:click=move |_| set_limit.update(|n| *n += MORE)>
                    {move || {
                        let rest = total() - limit.get();
                        if rest <= MORE { format!("Show all {}", total()) } else { format!("Show {MORE} more of {rest}") }
                    }}
                </button>
            </Show>
            <Show when=move || { limit.get() > SHORT_LIST }>
                <button type="button" class="show-fewer" on:click=move |_| set_limit.set(SHORT_LIST)>"Show fewer"</button>
            </Show>
        </section>
    }
}

/// What one facet row shows besides its entity: its counts under the
/// current filter and whether it is itself a filter.
#[derive(Clone, Debug, Default, PartialEq)]
struct RowState {
    entry: FacetEntry,
    included: bool,
    excluded: bool,
}

impl RowState {
    fn new(
        entity: u32,
        entry: Option<&FacetEntry>,
        filter: &entiscope_core::index::Filter,
    ) -> RowState {
        RowState {
            entry: entry.cloned().unwrap_or_default(),
            included: filter.include.contains(&entity),
            excluded: filter.exclude.contains(&entity),
        }
    }
}

/// One entity of a facet panel.
#[component]
fn FacetItem(
    /// The entity's number.
    entity: u32,
    /// Its counts and filter state, set by the panel when they change.
    row: ArcRwSignal<RowState>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    // A Copy handle on the shared signal, owned by this row.
    let row = RwSignal::from(row);
    let entry = move || row.with(|r| r.entry.clone());
    let e = state.corpus().entity(entity).clone();
    // `key` names the entity in URLs (unique across types); `e.id` is the extractor's slug.
    let key = state.corpus().index.key(entity);
    let included = move || row.with(|r| r.included);
    let excluded = move || row.with(|r| r.excluded);
    let toggle_include = {
        let (state, key) = (state.clone(), key.clone());
        move |_| {
            if row.with_untracked(|r| r.included) {
                state.remove_filter(&key)
            } else {
                state.include(&key)
            }
        }
    };
    let toggle_exclude = {
        let (state, key) = (state.clone(), key.clone());
        move |_| {
            if row.with_untracked(|r| r.excluded) {
                state.remove_filter(&key)
            } else {
                state.exclude(&key)
            }
        }
    };
    let open = {
        let (state, key) = (state.clone(), key.clone());
        move |ev: leptos::ev::MouseEvent| {
            if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 {
                return;
            }
            ev.prevent_default();
            state.open_entity(&key);
        }
    };
    let name = e.name.clone();
    let corpus = state.corpus();
    let in_local = corpus
        .index
        .postings(entity)
        .iter()
        .any(|&(d, _)| corpus.is_local(d));
    let counts_title = move || {
        let f = entry();
        format!(
            "{} and {} mention{} in the matching articles; {} if added as a filter",
            articles(f.articles),
            f.mentions,
            if f.mentions == 1 { "" } else { "s" },
            articles(f.if_added)
        )
    };
    let include_label = {
        let name = name.clone();
        move || {
            format!(
                "Only articles that mention {name} ({} would remain)",
                articles(entry().if_added)
            )
        }
    };
    view! {
        <li class="facet-entity" class:is-included=included class:is-excluded=excluded
            data-testid="facet-entity" data-entity-id=e.id.clone() data-entity-key=key.clone()>
            <span class="facet-name-cell">
                <a class="facet-name" href=format!("?entity={}", encode(&key)) on:click=open
                    title=format!("Open {name}")>{name.clone()}</a>
                {in_local.then_some(view! { <span class="badge-local" data-testid="facet-local" title="Mentioned in your articles">"yours"</span> })}
            </span>
            <span class="facet-count" title=counts_title>
                <span class="visually-hidden">" in "</span>{move || entry().articles}
                <span class="visually-hidden">{move || if entry().articles == 1 { " article" } else { " articles" }}</span>
            </span>
            <span class="facet-if" title=counts_title aria-hidden="true">{move || format!("→{}", entry().if_added)}</span>
            <button type="button" class="facet-add" data-testid="facet-include"
                aria-pressed=move || included().to_string()
                aria-label=include_label
                on:click=toggle_include>"+"</button>
            <button type="button" class="facet-not" data-testid="facet-exclude"
                aria-pressed=move || excluded().to_string()
                aria-label=format!("Exclude articles that mention {name}")
                on:click=toggle_exclude>"−"</button>
        </li>
    }
}
