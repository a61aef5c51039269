//! UI components, one per file.

mod article_list;
mod article_view;
mod notices;

pub use article_list::ArticleList;
pub use article_view::ArticleView;
pub use notices::Notices;
