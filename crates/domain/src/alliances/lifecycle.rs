//! Creating an alliance and moving it through its lifecycle: preparatory → active → dissolved.

use super::*;
use crate::entities::alliance;
use crate::kernel::audit::Actor;
use crate::kernel::error::{Error, FieldError, on_constraint};
use crate::kernel::ids::AllianceId;
use crate::kernel::local_time;
use crate::kernel::validation;
use crate::kernel::vocab::{AllianceKind, AllianceStatus, RotationPeriod, Visibility};
use crate::policy::principal::Principal;
use crate::policy::{self, Action, Resource};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set, TransactionTrait};
use serde_json::json;

impl Alliances<'_> {
    pub async fn create_alliance(
        &self,
        principal: &Principal,
        input: AllianceInput,
    ) -> Result<alliance::Model, Error> {
        policy::authorize(principal, Action::CreateAlliance, Resource::Platform)?;
        let mut errors = Vec::new();
        let name = validation::required_text(
            &mut errors,
            "name",
            input.name.as_deref().unwrap_or(""),
            200,
        );
        let name_en =
            validation::optional_text(&mut errors, "nameEn", input.name_en.as_deref(), 200);
        let supervising_body = validation::optional_text(
            &mut errors,
            "supervisingBody",
            input.supervising_body.as_deref(),
            200,
        );
        let instructor =
            validation::optional_text(&mut errors, "instructor", input.instructor.as_deref(), 100);
        let working_rules = validation::optional_text(
            &mut errors,
            "workingRules",
            input.working_rules.as_deref(),
            100_000,
        );
        if input.kind.is_none() {
            errors.push(FieldError::new(
                "kind",
                "REQUIRED",
                "choose the kind of alliance",
            ));
        }
        let time_zone = match input.time_zone.as_deref() {
            None => self.config.time_zone.name().to_owned(),
            Some(name) => zone_name(&mut errors, name),
        };
        validation::finish(errors)?;
        let kind = input.kind.unwrap_or(AllianceKind::Pairing);
        let now = self.now();
        let txn = self.db.begin().await?;
        let created = alliance::ActiveModel {
            id: Set(AllianceId::new().0),
            name: Set(name),
            name_en: Set(name_en),
            kind: Set(kind.as_str().to_owned()),
            status: Set(input.status.unwrap_or(AllianceStatus::Preparatory)),
            founded_on: Set(input.founded_on),
            supervising_body: Set(supervising_body),
            instructor: Set(instructor),
            rotation_period: Set(input
                .rotation_period
                .unwrap_or(RotationPeriod::Quarter)
                .as_str()
                .to_owned()),
            visibility: Set(input
                .visibility
                .unwrap_or(Visibility::Members)
                .as_str()
                .to_owned()),
            working_rules: Set(working_rules),
            agenda_deadline_days: Set(7),
            time_zone: Set(time_zone),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
            lead_schedule_version: Set(1),
        }
        .insert(&txn)
        .await
        .map_err(|e| on_constraint(e, &[NAME_TAKEN]))?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "alliance.create",
            "alliance",
            Some(created.id),
            json!({"name": created.name}),
        )
        .await?;
        txn.commit().await?;
        Ok(created)
    }

    pub async fn update_alliance(
        &self,
        principal: &Principal,
        id: AllianceId,
        version: i32,
        input: AllianceChanges,
    ) -> Result<alliance::Model, Error> {
        let current = self
            .alliance_readable(principal, id)
            .await?
            .ok_or(Error::NotFound("alliance"))?;
        policy::authorize(
            principal,
            Action::UpdateAlliance,
            AllianceFacts::of(&current).resource(),
        )?;
        let mut errors = Vec::new();
        let mut changes = alliance::ActiveModel {
            id: Set(id.0),
            ..Default::default()
        };
        if let Some(v) = input.name.required(&mut errors, "name") {
            changes.name = Set(validation::required_text(&mut errors, "name", &v, 200));
        }
        changes.name_en = input.name_en.text_column(&mut errors, "nameEn", 200);
        if let Some(v) = input.kind.required(&mut errors, "kind") {
            changes.kind = Set(v.as_str().to_owned());
        }
        if let Some(v) = input.status.required(&mut errors, "status") {
            if !status_move_allowed(current.status, v) {
                errors.push(FieldError::new(
                    "status",
                    "INVALID_TRANSITION",
                    format!("an alliance cannot go from {} to {}", current.status, v),
                ));
            }
            changes.status = Set(v);
        }
        changes.founded_on = input.founded_on.column();
        changes.supervising_body =
            input
                .supervising_body
                .text_column(&mut errors, "supervisingBody", 200);
        changes.instructor = input.instructor.text_column(&mut errors, "instructor", 100);
        if let Some(v) = input
            .rotation_period
            .required(&mut errors, "rotationPeriod")
        {
            changes.rotation_period = Set(v.as_str().to_owned());
        }
        if let Some(v) = input.visibility.required(&mut errors, "visibility") {
            changes.visibility = Set(v.as_str().to_owned());
        }
        changes.working_rules =
            input
                .working_rules
                .text_column(&mut errors, "workingRules", 100_000);
        if let Some(days) = input
            .agenda_deadline_days
            .required(&mut errors, "agendaDeadlineDays")
        {
            if (0..=60).contains(&days) {
                changes.agenda_deadline_days = Set(days);
            } else {
                errors.push(FieldError::new(
                    "agendaDeadlineDays",
                    "OUT_OF_RANGE",
                    "between 0 and 60 days",
                ));
            }
        }
        if let Some(name) = input.time_zone.required(&mut errors, "timeZone") {
            changes.time_zone = Set(zone_name(&mut errors, &name));
        }
        validation::finish(errors)?;
        changes.version = Set(version + 1);
        changes.updated_at = Set(self.now());
        let txn = self.db.begin().await?;
        let result = alliance::Entity::update_many()
            .set(changes)
            .filter(alliance::Column::Id.eq(id.0))
            .filter(alliance::Column::Version.eq(version))
            .exec(&txn)
            .await
            .map_err(|e| on_constraint(e, &[NAME_TAKEN]))?;
        if result.rows_affected == 0 {
            return Err(Error::Conflict(format!(
                "the alliance was changed by someone else (you edited version {version}); reload and try again"
            )));
        }
        self.record_audit(
            &txn,
            Actor::from(principal),
            "alliance.update",
            "alliance",
            Some(id.0),
            json!({"version": version + 1}),
        )
        .await?;
        let updated = alliance::Entity::find_by_id(id.0)
            .one(&txn)
            .await?
            .ok_or(Error::NotFound("alliance"))?;
        txn.commit().await?;
        Ok(updated)
    }
}

/// The canonical IANA name of `name`, or a `timeZone` error (`INVALID_TIME_ZONE`).
fn zone_name(errors: &mut Vec<FieldError>, name: &str) -> String {
    match local_time::parse_zone("timeZone", name) {
        Ok(zone) => zone.name().to_owned(),
        Err(Error::Invalid(found)) => {
            errors.extend(found);
            String::new()
        }
        Err(_) => String::new(),
    }
}
