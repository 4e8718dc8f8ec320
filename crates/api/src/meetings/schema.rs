//! The meetings part of the schema: query, mutation and subscription roots, and their inputs.

pub use super::mutation::MeetingMutation;
pub use super::proposals::{ProposalMutation, ProposalQuery};
pub use super::query::MeetingQuery;
pub use super::subscription::MeetingSubscription;
