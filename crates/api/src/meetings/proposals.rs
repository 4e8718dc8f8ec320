//! "My proposals": the viewer's organizations' agenda proposals, edited or withdrawn until decided.

use super::inputs::{AgendaItemPayload, UpdateAgendaProposalInput, WithdrawAgendaProposalInput};
use super::mutation::with_meeting;
use crate::kernel::connection::{Conn, build, page_request};
use crate::kernel::context::{principal, services};
use crate::kernel::error::{ResultExt, split};
use crate::kernel::ids::{Kind, decode};
use crate::meetings::types::AgendaItemNode;
use alliance_domain::entities::agenda_item;
use alliance_domain::meetings::ProposalEdit;
use async_graphql::{Context, Object};

#[derive(Default)]
pub struct ProposalQuery;

#[Object]
impl ProposalQuery {
    /// Agenda proposals of the organizations the viewer belongs to, in meetings they may see, newest
    /// first, with their status (proposed, accepted, rejected or withdrawn). Empty for anonymous
    /// visitors and integration tokens.
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn my_agenda_proposals(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Page size, 0 to 100 (default 20); outside that range answers `BAD_USER_INPUT`."
        )]
        first: Option<i32>,
        #[graphql(desc = "The `cursor` of the last edge already seen; omit for the first page.")]
        after: Option<String>,
    ) -> async_graphql::Result<Conn<AgendaItemNode>> {
        let page = page_request(ctx, first, after)?;
        let (rows, total) = services(ctx)?
            .meetings()
            .my_agenda_proposals(&*principal(ctx)?, page)
            .await
            .gql()?;
        Ok(build(
            rows,
            i64::try_from(total).unwrap_or(i64::MAX),
            |a| a.id,
            AgendaItemNode,
        ))
    }
}

#[derive(Default)]
pub struct ProposalMutation;

async fn payload(
    ctx: &Context<'_>,
    result: Result<agenda_item::Model, alliance_domain::Error>,
) -> async_graphql::Result<AgendaItemPayload> {
    let (item, user_errors) = split(result)?;
    let meeting = match &item {
        Some(item) => with_meeting(ctx, item.meeting_id).await?,
        None => None,
    };
    Ok(AgendaItemPayload {
        agenda_item: item.map(AgendaItemNode),
        meeting,
        user_errors,
    })
}

#[Object]
impl ProposalMutation {
    /// The proposing organization's admins and secretary change a proposal's title and description,
    /// until the convener decides on it, the agenda deadline passes or the meeting is over (`id`
    /// `DECIDED`, `WITHDRAWN`, `DEADLINE_PASSED`, `CLOSED`); a stale `version` is a `CONFLICT`.
    async fn update_agenda_proposal(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The proposal, its new text and the version you read.")]
        input: UpdateAgendaProposalInput,
    ) -> async_graphql::Result<AgendaItemPayload> {
        let id = decode(&input.id, Kind::AgendaItem, "id")?;
        let result = services(ctx)?
            .meetings()
            .update_agenda_proposal(
                &*principal(ctx)?,
                id,
                ProposalEdit {
                    title: input.title,
                    description: input.description,
                    version: input.version,
                },
            )
            .await;
        payload(ctx, result).await
    }

    /// The proposing organization's admins and secretary withdraw a proposal before it is decided
    /// (same refusals as `updateAgendaProposal`); it leaves the agenda and shows as WITHDRAWN.
    async fn withdraw_agenda_proposal(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The proposal and the version you read.")]
        input: WithdrawAgendaProposalInput,
    ) -> async_graphql::Result<AgendaItemPayload> {
        let id = decode(&input.id, Kind::AgendaItem, "id")?;
        let result = services(ctx)?
            .meetings()
            .withdraw_agenda_proposal(&*principal(ctx)?, id, input.version)
            .await;
        payload(ctx, result).await
    }
}
