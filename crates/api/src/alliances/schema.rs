//! Alliances: queries and admin mutations.

use crate::alliances::types::{AllianceMembershipNode, AllianceNode};
use crate::kernel::connection::{Conn, build, page_request};
use crate::kernel::context::{principal, services};
use crate::kernel::enums::{
    AllianceKind, AllianceStatus, AllianceVisibility, GrantedRole, RotationPeriod,
};
use crate::kernel::error::{ResultExt, UserError, split};
use crate::kernel::ids::{Kind, decode};
use crate::kernel::loaders::loaders;
use crate::kernel::patch::patch;
use alliance_domain::alliances::{AllianceChanges, AllianceInput};
use alliance_domain::kernel::ids::{AllianceId, OrganizationId, UserId};
use async_graphql::{Context, ID, InputObject, MaybeUndefined, Object, SimpleObject};
use chrono::NaiveDate;

#[derive(Default)]
pub struct AllianceQuery;

#[Object]
impl AllianceQuery {
    /// Alliances the viewer may see: their own, public ones, and for integrations their target.
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn alliances(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Page size, 0 to 100 (default 20); outside that range answers `BAD_USER_INPUT`."
        )]
        first: Option<i32>,
        #[graphql(desc = "The `cursor` of the last edge already seen; omit for the first page.")]
        after: Option<String>,
        #[graphql(
            desc = "True: only the alliances in which the viewer holds a role now (through a member organization, as alliance admin, supervisor or lead convener), not every public one. Omitted or false: every alliance the viewer may see."
        )]
        mine: Option<bool>,
    ) -> async_graphql::Result<Conn<AllianceNode>> {
        let page = page_request(ctx, first, after)?;
        let (rows, total) = services(ctx)?
            .alliances()
            .alliances(&*principal(ctx)?, mine.unwrap_or(false), page)
            .await
            .gql()?;
        // The same rows, as the viewer may see them, answer `alliance` of the meetings and
        // activities in the same document (the dashboard) without another statement.
        loaders(ctx)?
            .alliances
            .feed_many(rows.items.iter().map(|a| (a.id, a.clone())))
            .await;
        Ok(build(
            rows,
            i64::try_from(total).unwrap_or(i64::MAX),
            |a| a.id,
            AllianceNode,
        ))
    }

    /// One alliance; null when it does not exist or the viewer may not see it.
    async fn alliance(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "The alliance's global id; an id of another type answers `BAD_USER_INPUT`."
        )]
        id: ID,
    ) -> async_graphql::Result<Option<AllianceNode>> {
        let id = AllianceId(decode(&id, Kind::Alliance, "id")?);
        Ok(services(ctx)?
            .alliances()
            .alliance(&*principal(ctx)?, id)
            .await
            .gql()?
            .map(AllianceNode))
    }
}

/// Input for `createAlliance`.
#[derive(InputObject)]
pub struct CreateAllianceInput {
    /// Name in Chinese, 1 to 200 characters.
    name: String,
    /// Name in English, at most 200 characters.
    name_en: Option<String>,
    /// Pairing, tripartite or consortium.
    kind: AllianceKind,
    /// Defaults to PREPARATORY.
    status: Option<AllianceStatus>,
    /// The day the alliance was founded (`YYYY-MM-DD`).
    founded_on: Option<NaiveDate>,
    /// The body the alliance works under, at most 200 characters.
    supervising_body: Option<String>,
    /// The party-building instructor's name, at most 100 characters.
    instructor: Option<String>,
    /// Defaults to QUARTER.
    rotation_period: Option<RotationPeriod>,
    /// Defaults to MEMBERS.
    visibility: Option<AllianceVisibility>,
    /// Working rules in markdown, at most 100,000 characters.
    working_rules: Option<String>,
    /// IANA time zone name (e.g. `Asia/Shanghai`) in which the alliance's dates are counted;
    /// defaults to the deployment's zone. An unknown name answers `INVALID_TIME_ZONE`.
    time_zone: Option<String>,
}

/// Input for `updateAlliance`: a field left out stays as it is; `null` (or an empty string) clears
/// an optional text or `foundedOn`, and is refused with `REQUIRED` for the other fields.
#[derive(InputObject)]
pub struct UpdateAllianceInput {
    /// The alliance's global id.
    id: ID,
    /// The `version` you read; a stale one is refused with `CONFLICT`.
    version: i32,
    /// New name in Chinese, 1 to 200 characters.
    name: MaybeUndefined<String>,
    /// New name in English, at most 200 characters; `null` clears it.
    name_en: MaybeUndefined<String>,
    /// New kind.
    kind: MaybeUndefined<AllianceKind>,
    /// Moves only forward: PREPARATORY → ACTIVE → DISSOLVED.
    status: MaybeUndefined<AllianceStatus>,
    /// New founding day (`YYYY-MM-DD`); `null` clears it.
    founded_on: MaybeUndefined<NaiveDate>,
    /// New supervising body, at most 200 characters; `null` clears it.
    supervising_body: MaybeUndefined<String>,
    /// New instructor's name, at most 100 characters; `null` clears it.
    instructor: MaybeUndefined<String>,
    /// New length of a lead term.
    rotation_period: MaybeUndefined<RotationPeriod>,
    /// Who may see the alliance.
    visibility: MaybeUndefined<AllianceVisibility>,
    /// New working rules in markdown, at most 100,000 characters; `null` clears them.
    working_rules: MaybeUndefined<String>,
    /// Days before a meeting that agenda proposals close (0 to 60; 7 by default).
    agenda_deadline_days: MaybeUndefined<i32>,
    /// New IANA time zone name (e.g. `Asia/Shanghai`); an unknown name answers `INVALID_TIME_ZONE`.
    time_zone: MaybeUndefined<String>,
}

/// The result of `createAlliance` or `updateAlliance`.
#[derive(SimpleObject)]
pub struct AlliancePayload {
    /// The alliance as saved; null when `userErrors` is not empty.
    alliance: Option<AllianceNode>,
    /// Invalid input: `name` `REQUIRED`/`TOO_LONG`, `kind` `REQUIRED`, texts `TOO_LONG`, `status` `INVALID_TRANSITION`, `agendaDeadlineDays` `OUT_OF_RANGE`, `timeZone` `INVALID_TIME_ZONE`.
    user_errors: Vec<UserError>,
}

/// Input for `addAllianceMember`.
#[derive(InputObject)]
pub struct AddAllianceMemberInput {
    /// The alliance's global id.
    alliance_id: ID,
    /// The organization to add; an unknown one answers `NOT_FOUND`, a current member `ALREADY_MEMBER`.
    organization_id: ID,
    /// The day it joins (`YYYY-MM-DD`).
    joined_on: NaiveDate,
    /// Position in the lead rotation; defaults to last.
    rotation_order: Option<i32>,
}

/// The result of `addAllianceMember`.
#[derive(SimpleObject)]
pub struct AddAllianceMemberPayload {
    /// The new membership; null when `userErrors` is not empty.
    membership: Option<AllianceMembershipNode>,
    /// Invalid input: `organizationId` `NOT_FOUND`/`ALREADY_MEMBER`, `rotationOrder` `OUT_OF_RANGE`.
    user_errors: Vec<UserError>,
}

/// Input for `grantAllianceRole`.
#[derive(InputObject)]
pub struct GrantAllianceRoleInput {
    /// The alliance's global id; an unknown one answers `NOT_FOUND`.
    alliance_id: ID,
    /// The person's global id; an unknown one answers `NOT_FOUND`.
    user_id: ID,
    /// The role to grant.
    role: GrantedRole,
}

/// The result of `grantAllianceRole`.
#[derive(SimpleObject)]
pub struct GrantAllianceRolePayload {
    /// The alliance; null when `userErrors` is not empty.
    alliance: Option<AllianceNode>,
    /// The new grant; null when the input was refused.
    role_grant: Option<crate::alliances::grants::RoleGrantNode>,
    /// `ALREADY_GRANTED` on `role` when the user already holds this role here; `NOT_FOUND` on
    /// `allianceId` or `userId` for an unknown alliance or user.
    user_errors: Vec<UserError>,
}

#[derive(Default)]
pub struct AllianceMutation;

#[Object]
impl AllianceMutation {
    /// Creates an alliance (platform admins).
    async fn create_alliance(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The new alliance's profile.")] input: CreateAllianceInput,
    ) -> async_graphql::Result<AlliancePayload> {
        let result = services(ctx)?
            .alliances()
            .create_alliance(
                &*principal(ctx)?,
                AllianceInput {
                    name: Some(input.name),
                    name_en: input.name_en,
                    kind: Some(input.kind.into()),
                    status: input.status.map(Into::into),
                    founded_on: input.founded_on,
                    supervising_body: input.supervising_body,
                    instructor: input.instructor,
                    rotation_period: input.rotation_period.map(Into::into),
                    visibility: input.visibility.map(Into::into),
                    working_rules: input.working_rules,
                    agenda_deadline_days: None,
                    time_zone: input.time_zone,
                },
            )
            .await;
        let (alliance, user_errors) = split(result)?;
        Ok(AlliancePayload {
            alliance: alliance.map(AllianceNode),
            user_errors,
        })
    }

    /// Updates the given fields of an alliance (alliance admins, platform admins).
    async fn update_alliance(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The alliance, the version read, and the fields to change.")]
        input: UpdateAllianceInput,
    ) -> async_graphql::Result<AlliancePayload> {
        let id = AllianceId(decode(&input.id, Kind::Alliance, "id")?);
        let result = services(ctx)?
            .alliances()
            .update_alliance(
                &*principal(ctx)?,
                id,
                input.version,
                AllianceChanges {
                    name: patch(input.name),
                    name_en: patch(input.name_en),
                    kind: patch(input.kind).map(Into::into),
                    status: patch(input.status).map(Into::into),
                    founded_on: patch(input.founded_on),
                    supervising_body: patch(input.supervising_body),
                    instructor: patch(input.instructor),
                    rotation_period: patch(input.rotation_period).map(Into::into),
                    visibility: patch(input.visibility).map(Into::into),
                    working_rules: patch(input.working_rules),
                    agenda_deadline_days: patch(input.agenda_deadline_days),
                    time_zone: patch(input.time_zone),
                },
            )
            .await;
        let (alliance, user_errors) = split(result)?;
        Ok(AlliancePayload {
            alliance: alliance.map(AllianceNode),
            user_errors,
        })
    }

    /// Adds a member organization (alliance admins, platform admins).
    async fn add_alliance_member(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The alliance, the organization and the joining day.")]
        input: AddAllianceMemberInput,
    ) -> async_graphql::Result<AddAllianceMemberPayload> {
        let alliance = AllianceId(decode(&input.alliance_id, Kind::Alliance, "allianceId")?);
        let organization = OrganizationId(decode(
            &input.organization_id,
            Kind::Organization,
            "organizationId",
        )?);
        let result = services(ctx)?
            .alliances()
            .add_alliance_member(
                &*principal(ctx)?,
                alliance,
                organization,
                input.joined_on,
                input.rotation_order,
            )
            .await;
        let (membership, user_errors) = split(result)?;
        Ok(AddAllianceMemberPayload {
            membership: membership.map(AllianceMembershipNode),
            user_errors,
        })
    }

    /// Grants a user a role on an alliance (platform admins).
    async fn grant_alliance_role(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The alliance, the person and the role.")] input: GrantAllianceRoleInput,
    ) -> async_graphql::Result<GrantAllianceRolePayload> {
        let alliance = AllianceId(decode(&input.alliance_id, Kind::Alliance, "allianceId")?);
        let user = UserId(decode(&input.user_id, Kind::User, "userId")?);
        let services = services(ctx)?;
        let viewer = principal(ctx)?;
        let viewer = &*viewer;
        let result = services
            .alliances()
            .grant_alliance_role(viewer, alliance, user, input.role.into())
            .await;
        let (grant, user_errors) = split(result)?;
        let alliance = match grant {
            Some(_) => services
                .alliances()
                .alliance(viewer, alliance)
                .await
                .gql()?
                .map(AllianceNode),
            None => None,
        };
        Ok(GrantAllianceRolePayload {
            alliance,
            role_grant: grant.map(crate::alliances::grants::RoleGrantNode),
            user_errors,
        })
    }
}
