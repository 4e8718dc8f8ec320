//! The public news (新闻动态) in the schema: published activities of public alliances, readable by
//! anyone without signing in.

mod query;
pub mod schema;
pub mod types;
