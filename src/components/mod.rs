//! UI components, one per file.

mod article_list;
mod article_view;
mod entity_view;
mod facets;
mod filter_bar;
mod notices;
mod search_box;
mod shortcuts;
pub mod types;
mod workspace_panel;

pub use article_list::ArticleList;
pub use article_view::ArticleView;
pub use entity_view::EntityView;
pub use facets::Facets;
pub use filter_bar::FilterBar;
pub use notices::Notices;
pub use search_box::SearchBox;
pub use shortcuts::{use_shortcuts, ShortcutsOverlay};
pub use workspace_panel::WorkspacePanel;
