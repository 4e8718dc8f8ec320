//! Relay cursor connections over keyset pages.

use crate::kernel::error::ResultExt;
use crate::kernel::ids::{decode_cursor, encode_cursor};
use alliance_domain::kernel::pagination::{Page, PageRequest};
use async_graphql::connection::{Connection, Edge};
use async_graphql::{OutputType, SchemaBuilder, SimpleObject};
use uuid::Uuid;

/// Extra fields on every connection.
#[derive(SimpleObject, Debug, Clone, Copy)]
pub struct ConnectionFields {
    /// How many items there are in all, across pages.
    pub total_count: i64,
}

pub type Conn<T> = Connection<String, T, ConnectionFields>;

/// Validates `first` (0..=100, default 20) and `after`; the total is counted only when the
/// connection's `totalCount` is selected.
pub fn page_request(
    ctx: &async_graphql::Context<'_>,
    first: Option<i32>,
    after: Option<String>,
) -> async_graphql::Result<PageRequest> {
    let page = PageRequest::new(first, decode_cursor(after.as_deref())?).gql()?;
    Ok(if ctx.look_ahead().field("totalCount").exists() {
        page
    } else {
        page.without_count()
    })
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

/// async-graphql's `Connection` types carry no description of their own; this gives each one.
pub fn describe<Q, M, S>(builder: SchemaBuilder<Q, M, S>) -> SchemaBuilder<Q, M, S> {
    use crate::alliances::types::{AllianceMembershipNode, AllianceNode};
    use crate::meetings::types::{ActionItemNode, MeetingNode};
    use crate::organizations::types::{OrganizationMembershipNode, OrganizationNode};
    use crate::rotation::types::NotificationNode;
    use crate::tokens::types::IntegrationTokenNode;
    builder
        .override_output_type_description::<Conn<crate::activities::types::ActivityNode>>(
            "A page of activities; pass the last `cursor` as `after` for the next page.",
        )
        .override_output_type_description::<Conn<crate::news::types::NewsArticleNode>>(
            "A page of news articles, newest first; pass the last `cursor` as `after` for the next page.",
        )
        .override_output_type_description::<Conn<crate::meetings::types::AgendaItemNode>>(
            "A page of agenda proposals, newest first; pass the last `cursor` as `after` for the next page.",
        )
        .override_output_type_description::<Conn<ActionItemNode>>(
            "A page of action items; pass the last `cursor` as `after` for the next page.",
        )
        .override_output_type_description::<Conn<AllianceNode>>(
            "A page of alliances; pass the last `cursor` as `after` for the next page.",
        )
        .override_output_type_description::<Conn<AllianceMembershipNode>>(
            "A page of alliance memberships; pass the last `cursor` as `after` for the next page.",
        )
        .override_output_type_description::<Conn<IntegrationTokenNode>>(
            "A page of integration tokens; pass the last `cursor` as `after` for the next page.",
        )
        .override_output_type_description::<Conn<MeetingNode>>(
            "A page of meetings; pass the last `cursor` as `after` for the next page.",
        )
        .override_output_type_description::<Conn<NotificationNode>>(
            "A page of notifications; pass the last `cursor` as `after` for the next page.",
        )
        .override_output_type_description::<Conn<OrganizationNode>>(
            "A page of organizations; pass the last `cursor` as `after` for the next page.",
        )
        .override_output_type_description::<Conn<OrganizationMembershipNode>>(
            "A page of organization memberships; pass the last `cursor` as `after` for the next page.",
        )
        .override_output_type_description::<Conn<crate::jobs::types::BackgroundJobNode>>(
            "A page of background jobs, newest first; pass the last `cursor` as `after` for the next page.",
        )
        .override_output_type_description::<Conn<crate::audit::types::AuditEntryNode>>(
            "A page of audit entries, newest first; pass the last `cursor` as `after` for the next page.",
        )
        .override_output_type_description::<Conn<crate::users::types::UserNode>>(
            "A page of user accounts; pass the last `cursor` as `after` for the next page.",
        )
        .override_output_type_description::<Conn<crate::resources::types::SharedResourceNode>>(
            "A page of shared resources; pass the last `cursor` as `after` for the next page.",
        )
        .override_output_type_description::<Conn<crate::agreements::types::AgreementNode>>(
            "A page of agreements; pass the last `cursor` as `after` for the next page.",
        )
        .override_output_type_description::<Conn<crate::documents::types::DocumentNode>>(
            "A page of documents; pass the last `cursor` as `after` for the next page.",
        )
        .override_output_type_description::<Conn<crate::alliances::grants::RoleGrantNode>>(
            "A page of role grants; pass the last `cursor` as `after` for the next page.",
        )
}
