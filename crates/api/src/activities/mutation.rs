//! Activity mutations: create and edit, head-counts, sign-up and check-in, and the lifecycle.

use super::inputs::*;
use super::links;
use super::types::ActivityNode;
use crate::kernel::context::{principal, services};
use crate::kernel::error::split;
use crate::kernel::ids::{Kind, decode};
use crate::kernel::patch::patch;
use alliance_domain::activities::{ActivityChanges, ActivityInput, Step, activity};
use alliance_domain::kernel::ids::{AllianceId, OrganizationId, UserId};
use alliance_domain::kernel::patch::Patch;
use async_graphql::{Context, ID, MaybeUndefined, Object};

#[derive(Default)]
pub struct ActivityMutation;

fn payload(
    result: Result<activity::Model, alliance_domain::Error>,
) -> async_graphql::Result<ActivityPayload> {
    let (activity, user_errors) = split(result)?;
    Ok(ActivityPayload {
        activity: activity.map(ActivityNode),
        user_errors,
    })
}

fn org_ids(ids: &[ID], field: &str) -> async_graphql::Result<Vec<OrganizationId>> {
    ids.iter()
        .enumerate()
        .map(|(i, id)| decode(id, Kind::Organization, &format!("{field}.{i}")).map(OrganizationId))
        .collect()
}

fn patch_id(
    value: MaybeUndefined<ID>,
    decode_one: impl Fn(&ID) -> async_graphql::Result<uuid::Uuid>,
) -> async_graphql::Result<Patch<uuid::Uuid>> {
    Ok(match patch(value) {
        Patch::Keep => Patch::Keep,
        Patch::Clear => Patch::Clear,
        Patch::Set(id) => Patch::Set(decode_one(&id)?),
    })
}

async fn step(
    ctx: &Context<'_>,
    input: ActivityStepInput,
    step: Step,
) -> async_graphql::Result<ActivityPayload> {
    let id = decode(&input.id, Kind::Activity, "id")?;
    payload(
        services(ctx)?
            .activities()
            .step(&*principal(ctx)?, id, input.version, step)
            .await,
    )
}

#[Object]
impl ActivityMutation {
    /// Creates a planned activity (organization admins, the lead convener, alliance admins, tokens
    /// with `write:activities`); the creator must act for the host or a co-organizer.
    async fn create_activity(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The alliance, theme, kind, time, place and organizers.")]
        input: CreateActivityInput,
    ) -> async_graphql::Result<ActivityPayload> {
        let alliance = AllianceId(decode(&input.alliance_id, Kind::Alliance, "allianceId")?);
        let host = input
            .host_organization_id
            .as_ref()
            .map(|id| decode(id, Kind::Organization, "hostOrganizationId"))
            .transpose()?
            .map(OrganizationId);
        let agreement = input
            .agreement_id
            .as_ref()
            .map(|id| links::decode(id, links::AGREEMENT, "agreementId"))
            .transpose()?;
        let commitment = input
            .commitment_id
            .as_ref()
            .map(|id| links::decode(id, links::COMMITMENT, "commitmentId"))
            .transpose()?;
        let result = services(ctx)?
            .activities()
            .create_activity(
                &*principal(ctx)?,
                alliance,
                ActivityInput {
                    theme: input.theme,
                    kind: Some(input.kind.into()),
                    starts_at: Some(input.starts_at),
                    ends_at: Some(input.ends_at),
                    location: input.location,
                    signup_closes_at: input.signup_closes_at,
                    capacity: input.capacity,
                    summary: input.summary,
                    host_organization_id: host,
                    co_organizer_ids: org_ids(&input.co_organizer_ids, "coOrganizerIds")?,
                    agreement_id: agreement,
                    commitment_id: commitment,
                },
            )
            .await;
        payload(result)
    }

    /// Changes an activity, its organizers or its report (the organizers' admins, alliance admins).
    async fn update_activity(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The activity, the version read, and the fields to change.")]
        input: UpdateActivityInput,
    ) -> async_graphql::Result<ActivityPayload> {
        let id = decode(&input.id, Kind::Activity, "id")?;
        let co_organizers = match patch(input.co_organizer_ids) {
            Patch::Keep => Patch::Keep,
            Patch::Clear => Patch::Clear,
            Patch::Set(ids) => Patch::Set(org_ids(&ids, "coOrganizerIds")?),
        };
        let changes = ActivityChanges {
            theme: patch(input.theme),
            kind: patch(input.kind).map(Into::into),
            starts_at: patch(input.starts_at),
            ends_at: patch(input.ends_at),
            location: patch(input.location),
            signup_closes_at: patch(input.signup_closes_at),
            capacity: patch(input.capacity),
            summary: patch(input.summary),
            report: patch(input.report),
            outcomes: patch(input.outcomes),
            host_organization_id: patch_id(input.host_organization_id, |id| {
                decode(id, Kind::Organization, "hostOrganizationId")
            })?
            .map(OrganizationId),
            co_organizer_ids: co_organizers,
            agreement_id: patch_id(input.agreement_id, |id| {
                links::decode(id, links::AGREEMENT, "agreementId")
            })?,
            commitment_id: patch_id(input.commitment_id, |id| {
                links::decode(id, links::COMMITMENT, "commitmentId")
            })?,
        };
        payload(
            services(ctx)?
                .activities()
                .update_activity(&*principal(ctx)?, id, input.version, changes)
                .await,
        )
    }

    /// Replaces the head-counts of people without accounts, per organization.
    async fn set_activity_headcounts(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The activity, the version read, and every organization's count.")]
        input: SetActivityHeadcountsInput,
    ) -> async_graphql::Result<ActivityPayload> {
        let id = decode(&input.id, Kind::Activity, "id")?;
        let mut counts = Vec::with_capacity(input.headcounts.len());
        for (i, h) in input.headcounts.iter().enumerate() {
            let org = decode(
                &h.organization_id,
                Kind::Organization,
                &format!("headcounts.{i}.organizationId"),
            )?;
            counts.push((OrganizationId(org), h.head_count));
        }
        payload(
            services(ctx)?
                .activities()
                .set_headcounts(&*principal(ctx)?, id, input.version, counts)
                .await,
        )
    }

    /// The viewer signs up (before sign-up closes, within the capacity); idempotent.
    async fn sign_up_for_activity(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The activity.")] input: ActivitySignUpInput,
    ) -> async_graphql::Result<ActivityPayload> {
        let id = decode(&input.activity_id, Kind::Activity, "activityId")?;
        payload(
            services(ctx)?
                .activities()
                .sign_up(&*principal(ctx)?, id)
                .await,
        )
    }

    /// The viewer withdraws their sign-up before the start (not once checked in); idempotent.
    async fn cancel_activity_sign_up(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The activity.")] input: ActivitySignUpInput,
    ) -> async_graphql::Result<ActivityPayload> {
        let id = decode(&input.activity_id, Kind::Activity, "activityId")?;
        payload(
            services(ctx)?
                .activities()
                .cancel_sign_up(&*principal(ctx)?, id)
                .await,
        )
    }

    /// The viewer checks in with the code, on the activity's day (in the alliance's zone); idempotent.
    async fn check_in_to_activity(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The activity and its code.")] input: CheckInToActivityInput,
    ) -> async_graphql::Result<ActivityPayload> {
        let id = decode(&input.activity_id, Kind::Activity, "activityId")?;
        payload(
            services(ctx)?
                .activities()
                .check_in(&*principal(ctx)?, id, &input.code)
                .await,
        )
    }

    /// An organizer checks a person in (also after the activity is completed); idempotent.
    async fn check_in_activity_participant(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The activity and the person.")] input: CheckInActivityParticipantInput,
    ) -> async_graphql::Result<ActivityPayload> {
        let id = decode(&input.activity_id, Kind::Activity, "activityId")?;
        let user = UserId(decode(&input.user_id, Kind::User, "userId")?);
        payload(
            services(ctx)?
                .activities()
                .check_in_participant(&*principal(ctx)?, id, user)
                .await,
        )
    }

    /// PLANNED → COMPLETED, once the activity has started.
    async fn complete_activity(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The activity and the version read.")] input: ActivityStepInput,
    ) -> async_graphql::Result<ActivityPayload> {
        step(ctx, input, Step::Complete).await
    }

    /// COMPLETED → PUBLISHED (needs a report); a public alliance's activity appears in the news.
    async fn publish_activity(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The activity and the version read.")] input: ActivityStepInput,
    ) -> async_graphql::Result<ActivityPayload> {
        step(ctx, input, Step::Publish).await
    }

    /// PUBLISHED → COMPLETED: the activity leaves the news.
    async fn unpublish_activity(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The activity and the version read.")] input: ActivityStepInput,
    ) -> async_graphql::Result<ActivityPayload> {
        step(ctx, input, Step::Unpublish).await
    }

    /// PLANNED → CANCELLED; final.
    async fn cancel_activity(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The activity and the version read.")] input: ActivityStepInput,
    ) -> async_graphql::Result<ActivityPayload> {
        step(ctx, input, Step::Cancel).await
    }
}
