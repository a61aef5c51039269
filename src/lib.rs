//! entiscope's browser app: a thin reactive shell over `entiscope-core`.
//!
//! - [`corpus_data`]: the corpus compiled into the app by `build.rs`.
//! - [`state`]: the app's state, owned by the URL (see [`url`]).
//! - [`components`]: one component per file; [`app`] assembles them.
#![forbid(unsafe_code)]

pub mod app;
pub mod bundle;
pub mod components;
pub mod corpus_data;
pub mod crash;
pub mod extraction;
pub mod local;
pub mod overview;
pub mod perf;
pub mod state;
pub mod storage;
pub mod url;

pub use app::App;
