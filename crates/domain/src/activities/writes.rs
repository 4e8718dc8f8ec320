//! Creating an activity and changing it: theme, kind, time and place, organizers, the agreement
//! it serves, the report, and the head-counts of people without accounts.

use super::{
    Activities, ActivityChanges, ActivityInput, ActivityStatus, CHANGED_TOPIC, activity,
    check_in_code,
};
use crate::alliances::AllianceFacts;
use crate::kernel::audit::Actor;
use crate::kernel::db::stmt;
use crate::kernel::error::{Error, FieldError};
use crate::kernel::events;
use crate::kernel::ids::{AllianceId, OrganizationId};
use crate::kernel::patch::Patch;
use crate::kernel::validation;
use crate::policy::principal::Principal;
use crate::policy::{self, Action, Resource};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

/// Longest report (markdown), as the migration allows.
const REPORT_MAX: usize = 200_000;

fn check_times(
    errors: &mut Vec<FieldError>,
    starts: DateTime<Utc>,
    ends: DateTime<Utc>,
    signup_closes: Option<DateTime<Utc>>,
) {
    if ends <= starts {
        errors.push(FieldError::new(
            "endsAt",
            "BEFORE_START",
            "must be after the start",
        ));
    }
    if signup_closes.is_some_and(|c| c > starts) {
        errors.push(FieldError::new(
            "signupClosesAt",
            "AFTER_START",
            "sign-up must close at the start or before",
        ));
    }
}

fn check_capacity(errors: &mut Vec<FieldError>, capacity: Option<i32>) {
    if capacity.is_some_and(|c| !(1..=100_000).contains(&c)) {
        errors.push(FieldError::new(
            "capacity",
            "OUT_OF_RANGE",
            "must be between 1 and 100000",
        ));
    }
}

impl Activities<'_> {
    pub async fn create_activity(
        &self,
        principal: &Principal,
        alliance_id: AllianceId,
        input: ActivityInput,
    ) -> Result<activity::Model, Error> {
        let owner = self
            .alliances()
            .alliance_readable(principal, alliance_id)
            .await?
            .ok_or(Error::NotFound("alliance"))?;
        policy::authorize(
            principal,
            Action::CreateActivity,
            AllianceFacts::of(&owner).resource(),
        )?;
        let mut errors = Vec::new();
        let theme = validation::required_text(&mut errors, "theme", &input.theme, 200);
        let location =
            validation::optional_text(&mut errors, "location", input.location.as_deref(), 300);
        let summary =
            validation::optional_text(&mut errors, "summary", input.summary.as_deref(), 500);
        let Some(kind) = input.kind else {
            return Err(Error::invalid("kind", "REQUIRED", "choose the kind"));
        };
        let (starts_at, ends_at) = match (input.starts_at, input.ends_at) {
            (Some(s), Some(e)) => (s, e),
            _ => {
                errors.push(FieldError::new(
                    "startsAt",
                    "REQUIRED",
                    "give the start and end time",
                ));
                (self.now(), self.now() + chrono::Duration::hours(1))
            }
        };
        check_times(&mut errors, starts_at, ends_at, input.signup_closes_at);
        check_capacity(&mut errors, input.capacity);
        let host = input
            .host_organization_id
            .or_else(|| policy::acting_organization_in(principal, alliance_id));
        let Some(host) = host else {
            errors.push(FieldError::new(
                "hostOrganizationId",
                "REQUIRED",
                "name the host organization",
            ));
            return Err(Error::Invalid(errors));
        };
        let organizers = self
            .check_organizers(&mut errors, owner.id, host, &input.co_organizer_ids)
            .await?;
        let agreement = self
            .check_links(
                &mut errors,
                owner.id,
                input.agreement_id,
                input.commitment_id,
            )
            .await?;
        // A person creates activities for an organization they act for (or as the secretariat),
        // so that the creator may go on to manage it; tokens create for their alliance.
        let all = organizers.all();
        if principal.user_id().is_some()
            && !policy::can(
                principal,
                Action::ManageActivity,
                Resource::Activity {
                    alliance: alliance_id,
                    public: false,
                    organizers: &all,
                },
            )
        {
            errors.push(FieldError::new(
                "hostOrganizationId",
                "NOT_YOURS",
                "the host or a co-organizer must be an organization you act for",
            ));
        }
        validation::finish(errors)?;
        let now = self.now();
        let txn = self.db.begin().await?;
        let created = activity::ActiveModel {
            id: Set(Uuid::now_v7()),
            alliance_id: Set(owner.id),
            agreement_id: Set(agreement),
            commitment_id: Set(input.commitment_id),
            kind: Set(kind),
            theme: Set(theme),
            starts_at: Set(starts_at),
            ends_at: Set(ends_at),
            location: Set(location),
            signup_closes_at: Set(input.signup_closes_at),
            capacity: Set(input.capacity),
            status: Set(ActivityStatus::Planned),
            summary: Set(summary),
            report: Set(String::new()),
            outcomes: Set(None),
            check_in_code: Set(check_in_code()),
            published_at: Set(None),
            cover_media_id: Set(None),
            created_by: Set(principal.user_id().map(|u| u.0)),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
        }
        .insert(&txn)
        .await?;
        self.write_organizers(&txn, created.id, &organizers).await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "activity.create",
            "activity",
            Some(created.id),
            json!({"theme": created.theme, "kind": kind.as_str()}),
        )
        .await?;
        events::publish(&txn, CHANGED_TOPIC, created.id).await?;
        txn.commit().await?;
        Ok(created)
    }

    pub async fn update_activity(
        &self,
        principal: &Principal,
        id: Uuid,
        version: i32,
        input: ActivityChanges,
    ) -> Result<activity::Model, Error> {
        let loaded = self
            .loaded_for(principal, id, Action::ManageActivity)
            .await?;
        let current = &loaded.found;
        if current.status == ActivityStatus::Cancelled {
            return Err(Error::invalid(
                "id",
                "CANCELLED",
                "a cancelled activity cannot be changed",
            ));
        }
        let mut errors = Vec::new();
        let mut changes = activity::ActiveModel {
            id: Set(id),
            ..Default::default()
        };
        if let Some(v) = input.theme.required(&mut errors, "theme") {
            changes.theme = Set(validation::required_text(&mut errors, "theme", &v, 200));
        }
        if let Some(v) = input.kind.required(&mut errors, "kind") {
            changes.kind = Set(v);
        }
        let starts = input
            .starts_at
            .required(&mut errors, "startsAt")
            .unwrap_or(current.starts_at);
        let ends = input
            .ends_at
            .required(&mut errors, "endsAt")
            .unwrap_or(current.ends_at);
        let signup_closes = match input.signup_closes_at {
            Patch::Keep => current.signup_closes_at,
            Patch::Clear => None,
            Patch::Set(v) => Some(v),
        };
        check_times(&mut errors, starts, ends, signup_closes);
        changes.starts_at = Set(starts);
        changes.ends_at = Set(ends);
        changes.signup_closes_at = Set(signup_closes);
        let capacity = input.capacity.column();
        if let sea_orm::ActiveValue::Set(c) = &capacity {
            check_capacity(&mut errors, *c);
        }
        changes.capacity = capacity;
        changes.location = input.location.text_column(&mut errors, "location", 300);
        changes.summary = input.summary.text_column(&mut errors, "summary", 500);
        changes.outcomes = input.outcomes.text_column(&mut errors, "outcomes", 20_000);
        match input.report {
            Patch::Keep => {}
            Patch::Clear => changes.report = Set(String::new()),
            Patch::Set(v) => {
                if v.chars().count() > REPORT_MAX {
                    errors.push(FieldError::new(
                        "report",
                        "TOO_LONG",
                        format!("must be at most {REPORT_MAX} characters"),
                    ));
                }
                changes.report = Set(v);
            }
        }
        let host = input
            .host_organization_id
            .required(&mut errors, "hostOrganizationId");
        let co = match input.co_organizer_ids {
            Patch::Keep => None,
            Patch::Clear => Some(Vec::new()),
            Patch::Set(v) => Some(v),
        };
        let organizers = if host.is_some() || co.is_some() {
            let current_host = loaded.organizers.first().copied();
            let host = host.or(current_host).unwrap_or(OrganizationId(Uuid::nil()));
            let co = co.unwrap_or_else(|| loaded.organizers.iter().skip(1).copied().collect());
            Some(
                self.check_organizers(&mut errors, current.alliance_id, host, &co)
                    .await?,
            )
        } else {
            None
        };
        let agreement = match &input.agreement_id {
            Patch::Keep => current.agreement_id,
            Patch::Clear => None,
            Patch::Set(v) => Some(*v),
        };
        let commitment = match &input.commitment_id {
            Patch::Keep => current.commitment_id,
            Patch::Clear => None,
            Patch::Set(v) => Some(*v),
        };
        if !matches!(input.agreement_id, Patch::Keep) || !matches!(input.commitment_id, Patch::Keep)
        {
            let agreement = self
                .check_links(&mut errors, current.alliance_id, agreement, commitment)
                .await?;
            changes.agreement_id = Set(agreement);
            changes.commitment_id = Set(commitment);
        }
        validation::finish(errors)?;
        let txn = self.db.begin().await?;
        let updated = self.save_versioned(&txn, id, version, changes).await?;
        if let Some(organizers) = &organizers {
            self.write_organizers(&txn, id, organizers).await?;
        }
        self.record_audit(
            &txn,
            Actor::from(principal),
            "activity.update",
            "activity",
            Some(id),
            json!({"version": updated.version}),
        )
        .await?;
        events::publish(&txn, CHANGED_TOPIC, id).await?;
        txn.commit().await?;
        Ok(updated)
    }

    /// Replaces the head-counts (people without accounts, per organization).
    pub async fn set_headcounts(
        &self,
        principal: &Principal,
        id: Uuid,
        version: i32,
        counts: Vec<(OrganizationId, i32)>,
    ) -> Result<activity::Model, Error> {
        let loaded = self
            .loaded_for(principal, id, Action::ManageActivity)
            .await?;
        if loaded.found.status == ActivityStatus::Cancelled {
            return Err(Error::invalid(
                "id",
                "CANCELLED",
                "a cancelled activity cannot be changed",
            ));
        }
        let mut errors = Vec::new();
        if counts.len() > 200 {
            errors.push(FieldError::new(
                "headcounts",
                "TOO_MANY",
                "at most 200 organizations",
            ));
        }
        let mut seen = Vec::new();
        for (i, (org, count)) in counts.iter().enumerate() {
            if seen.contains(org) {
                errors.push(FieldError::new(
                    format!("headcounts.{i}.organizationId"),
                    "DUPLICATE",
                    "each organization once",
                ));
            }
            seen.push(*org);
            if !(0..=100_000).contains(count) {
                errors.push(FieldError::new(
                    format!("headcounts.{i}.headCount"),
                    "OUT_OF_RANGE",
                    "must be between 0 and 100000",
                ));
            }
            if !self
                .meetings()
                .is_current_member(&self.db, loaded.owner.id, org.0)
                .await?
            {
                errors.push(FieldError::new(
                    format!("headcounts.{i}.organizationId"),
                    "NOT_MEMBER",
                    "must be a current member organization of the alliance",
                ));
            }
        }
        validation::finish(errors)?;
        let txn = self.db.begin().await?;
        let updated = self
            .save_versioned(
                &txn,
                id,
                version,
                activity::ActiveModel {
                    id: Set(id),
                    ..Default::default()
                },
            )
            .await?;
        txn.execute_raw(stmt(
            "DELETE FROM activity_headcounts WHERE activity_id = $1",
            [id.into()],
        ))
        .await?;
        let (orgs, numbers): (Vec<Uuid>, Vec<i32>) = counts.iter().map(|(o, n)| (o.0, *n)).unzip();
        txn.execute_raw(stmt(
            "INSERT INTO activity_headcounts (activity_id, organization_id, head_count)
             SELECT $1, org, n FROM unnest($2::uuid[], $3::int[]) AS t(org, n)",
            [id.into(), orgs.into(), numbers.into()],
        ))
        .await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "activity.set_headcounts",
            "activity",
            Some(id),
            json!({"total": counts.iter().map(|(_, n)| i64::from(*n)).sum::<i64>()}),
        )
        .await?;
        events::publish(&txn, CHANGED_TOPIC, id).await?;
        txn.commit().await?;
        Ok(updated)
    }

    /// Writes `changes` if the row is still at `version` (else `CONFLICT`), bumping the version.
    pub(crate) async fn save_versioned<C: ConnectionTrait>(
        &self,
        conn: &C,
        id: Uuid,
        version: i32,
        mut changes: activity::ActiveModel,
    ) -> Result<activity::Model, Error> {
        changes.version = Set(version + 1);
        changes.updated_at = Set(self.now());
        let result = activity::Entity::update_many()
            .set(changes)
            .filter(activity::Column::Id.eq(id))
            .filter(activity::Column::Version.eq(version))
            .exec(conn)
            .await?;
        if result.rows_affected == 0 {
            return Err(Error::Conflict(format!(
                "the activity was changed by someone else (you edited version {version}); reload and try again"
            )));
        }
        activity::Entity::find_by_id(id)
            .one(conn)
            .await?
            .ok_or(Error::NotFound("activity"))
    }
}
