//! UI components, one per file.

mod article_list;
mod article_view;
mod claims_view;
mod entity_view;
mod facets;
mod filter_bar;
mod map_view;
mod network_view;
mod notices;
mod overview_parts;
mod passages_view;
mod quotes_view;
mod search_box;
mod shortcuts;
mod sparkline;
mod tabs;
mod timeline_view;
pub mod types;
mod workspace_panel;

pub use article_list::ArticleList;
pub use article_view::ArticleView;
pub use claims_view::ClaimsView;
pub use entity_view::EntityView;
pub use facets::Facets;
pub use filter_bar::FilterBar;
pub use notices::Notices;
pub use overview_parts::Overview;
pub use passages_view::PassagesView;
pub use quotes_view::{quote_item, QuotesView};
pub use search_box::SearchBox;
pub use shortcuts::{use_shortcuts, ShortcutsOverlay};
pub use sparkline::Sparkline;
pub use tabs::Tabs;
pub use workspace_panel::WorkspacePanel;
