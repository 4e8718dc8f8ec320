//! The activities part of the schema: query, mutation and subscription roots.

pub use super::mutation::ActivityMutation;
pub use super::query::ActivityQuery;
pub use super::subscription::ActivitySubscription;
