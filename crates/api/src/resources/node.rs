//! `node(id:)` for shared resources and bookings, through the same visibility as every other path.

use crate::kernel::error::ResultExt;
use crate::kernel::ids::Kind;
use crate::node::Node;
use crate::resources::types::{ResourceBookingNode, SharedResourceNode};
use alliance_domain::{Principal, Services};
use uuid::Uuid;

pub async fn resolve(
    services: &Services,
    viewer: &Principal,
    kind: Kind,
    id: Uuid,
) -> async_graphql::Result<Option<Node>> {
    Ok(match kind {
        Kind::SharedResource => services
            .resources()
            .resource(viewer, id)
            .await
            .gql()?
            .map(|r| Node::SharedResource(SharedResourceNode(r))),
        Kind::ResourceBooking => services
            .resources()
            .booking(viewer, id)
            .await
            .gql()?
            .map(|b| Node::ResourceBooking(ResourceBookingNode(b))),
        _ => None,
    })
}
