//! Relay cursor connections over keyset pages.

use crate::kernel::error::ResultExt;
use crate::kernel::ids::{decode_cursor, encode_cursor};
use alliance_domain::kernel::pagination::{Page, PageRequest};
use async_graphql::connection::{Connection, Edge};
use async_graphql::{OutputType, SimpleObject};
use uuid::Uuid;

/// Extra fields on every connection.
#[derive(SimpleObject, Debug, Clone, Copy)]
pub struct ConnectionFields {
    /// How many items there are in all, across pages.
    pub total_count: i64,
}

pub type Conn<T> = Connection<String, T, ConnectionFields>;

/// Validates `first` (0..=100, default 20) and `after`.
pub fn page_request(
    first: Option<i32>,
    after: Option<String>,
) -> async_graphql::Result<PageRequest> {
    PageRequest::new(first, decode_cursor(after.as_deref())?).gql()
}

pub fn build<M, T: OutputType>(
    page: Page<M>,
    total: i64,
    id: impl Fn(&M) -> Uuid,
    wrap: impl Fn(M) -> T,
) -> Conn<T> {
    let mut connection = Connection::with_additional_fields(
        page.has_previous,
        page.has_next,
        ConnectionFields { total_count: total },
    );
    connection.edges.extend(
        page.items
            .into_iter()
            .map(|item| Edge::new(encode_cursor(id(&item)), wrap(item))),
    );
    connection
}
