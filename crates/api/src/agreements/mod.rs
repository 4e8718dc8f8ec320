//! Co-construction agreements and their commitments in the schema: the query and mutation roots,
//! their inputs, and the object types.

pub mod inputs;
mod mutation;
mod query;
pub mod types;

pub use mutation::AgreementMutation;
pub use query::AgreementQuery;
