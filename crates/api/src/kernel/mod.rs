//! What every domain of the API shares: request context, error mapping, global ids, connections,
//! limits, loaders and the enums of the schema.

pub mod coercion;
pub mod connection;
pub mod context;
pub mod enums;
pub mod error;
pub mod executor;
pub mod field_order;
pub mod ids;
pub mod input_guard;
pub mod limits;
pub mod live;
pub mod loaders;
pub mod patch;
pub mod qr;
