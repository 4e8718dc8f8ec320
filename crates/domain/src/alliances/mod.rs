//! Alliances (联盟), their member organizations and role grants.

mod lifecycle;
mod members;
mod reads;

pub mod grants;

use crate::entities::{alliance, alliance_membership};
use crate::kernel::error::Error;
use crate::kernel::ids::AllianceId;
use crate::kernel::patch::Patch;
use crate::kernel::scope;
use crate::kernel::vocab::{AllianceKind, AllianceStatus, RotationPeriod, Visibility};
use crate::policy::principal::Principal;
use crate::policy::{self, Action, Resource};
use chrono::NaiveDate;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use std::collections::HashMap;
use uuid::Uuid;

#[derive(Debug, Clone, Copy)]
pub struct AllianceFacts {
    pub id: AllianceId,
    pub public: bool,
    /// Days before a meeting that agenda proposals close.
    pub agenda_deadline_days: i32,
}

impl AllianceFacts {
    pub fn resource(&self) -> Resource<'static> {
        Resource::Alliance {
            id: self.id,
            public: self.public,
        }
    }

    pub fn of(model: &alliance::Model) -> Self {
        Self {
            id: AllianceId(model.id),
            public: model.visibility == Visibility::Public.as_str(),
            agenda_deadline_days: model.agenda_deadline_days,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct AllianceInput {
    pub name: Option<String>,
    pub name_en: Option<String>,
    pub kind: Option<AllianceKind>,
    pub status: Option<AllianceStatus>,
    pub founded_on: Option<NaiveDate>,
    pub supervising_body: Option<String>,
    pub instructor: Option<String>,
    pub rotation_period: Option<RotationPeriod>,
    pub visibility: Option<Visibility>,
    pub working_rules: Option<String>,
    pub agenda_deadline_days: Option<i32>,
    /// IANA zone name; new alliances get the deployment's zone when none is named.
    pub time_zone: Option<String>,
}

/// The changes of `updateAlliance`; see [`Patch`](crate::kernel::patch::Patch). The texts and
/// `founded_on` may be cleared; the other fields are required.
#[derive(Debug, Default)]
pub struct AllianceChanges {
    pub name: Patch<String>,
    pub name_en: Patch<String>,
    pub kind: Patch<AllianceKind>,
    pub status: Patch<AllianceStatus>,
    pub founded_on: Patch<NaiveDate>,
    pub supervising_body: Patch<String>,
    pub instructor: Patch<String>,
    pub rotation_period: Patch<RotationPeriod>,
    pub visibility: Patch<Visibility>,
    pub working_rules: Patch<String>,
    pub agenda_deadline_days: Patch<i32>,
    pub time_zone: Patch<String>,
}

const NAME_TAKEN: (&str, &str, &str, &str) = (
    "alliances_name_key",
    "name",
    "TAKEN",
    "an alliance with this name already exists",
);

/// Allowed moves of the alliance lifecycle: preparatory → active → dissolved.
fn status_move_allowed(from: AllianceStatus, to: AllianceStatus) -> bool {
    use AllianceStatus as S;
    matches!(
        (from, to),
        (S::Preparatory, _) | (S::Active, S::Active | S::Dissolved) | (S::Dissolved, S::Dissolved)
    )
}

/// Members-only fields of an alliance, removed unless the principal may read its internal content.
fn redact(principal: &Principal, mut found: alliance::Model) -> alliance::Model {
    if !policy::can(
        principal,
        Action::ReadAllianceInternal,
        AllianceFacts::of(&found).resource(),
    ) {
        found.working_rules = None;
    }
    found
}

impl Alliances<'_> {
    pub async fn alliance_facts(&self, id: AllianceId) -> Result<Option<AllianceFacts>, Error> {
        Ok(alliance::Entity::find_by_id(id.0)
            .one(&self.db)
            .await?
            .as_ref()
            .map(AllianceFacts::of))
    }

    /// One alliance membership, if the principal may see the alliance.
    pub async fn alliance_membership_visible(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<Option<alliance_membership::Model>, Error> {
        Ok(alliance_membership::Entity::find_by_id(id)
            .filter(scope::alliance_in(
                "alliance_memberships.alliance_id",
                &policy::readable_alliances(principal),
            ))
            .one(&self.db)
            .await?)
    }

    /// The facts decisions and derived fields need (visibility, agenda deadline), for alliances
    /// the principal may not see in full: nothing here is shown as such.
    pub async fn alliance_facts_many(
        &self,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, AllianceFacts>, Error> {
        let rows = alliance::Entity::find()
            .filter(alliance::Column::Id.is_in(ids.to_vec()))
            .all(&self.db)
            .await?;
        Ok(rows.iter().map(|a| (a.id, AllianceFacts::of(a))).collect())
    }

    /// The alliance if it exists and the principal may at least see its profile (internal use:
    /// nothing removed).
    pub(crate) async fn alliance_readable(
        &self,
        principal: &Principal,
        id: AllianceId,
    ) -> Result<Option<alliance::Model>, Error> {
        let found = alliance::Entity::find_by_id(id.0).one(&self.db).await?;
        Ok(found.filter(|a| {
            policy::can(
                principal,
                Action::ReadAllianceProfile,
                AllianceFacts::of(a).resource(),
            )
        }))
    }
}

/// Alliances, their member organizations and role grants. The façade of this domain: `services.alliances()`.
pub struct Alliances<'a>(&'a crate::Services);

impl crate::Services {
    pub fn alliances(&self) -> Alliances<'_> {
        Alliances(self)
    }
}

impl std::ops::Deref for Alliances<'_> {
    type Target = crate::Services;

    fn deref(&self) -> &crate::Services {
        self.0
    }
}
