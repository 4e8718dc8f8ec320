//! Demo data: the alliances of the news reports our users sent us, with invented people.
//! Idempotent: every row is looked up by its natural key before it is inserted.

use crate::Services;
use crate::entities::{
    alliance, alliance_membership, organization, organization_membership, role_grant, user,
};
use crate::kernel::audit::Actor;
use crate::kernel::db::stmt;
use crate::kernel::error::{Error, FieldError};
use crate::kernel::validation;
use crate::kernel::vocab::{
    ActionItemStatus as ItemStatus, AllianceStatus, MeetingStatus, MinutesStatus,
};
use crate::kernel::vocab::{GrantedRole, RotationPeriod};
use chrono::{Datelike, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;
use uuid::Uuid;

pub const DEMO_PASSWORD: &str = "alliance-demo-2026";

mod activities;
mod agreements;
mod data;
mod documents;
pub mod media;
mod meetings;
mod resources;

use meetings::seed_meetings;

pub use data::CONSORTIUM;
use data::*;

/// Creates a platform admin (the `create-admin` command).
pub async fn create_platform_admin(
    services: &Services,
    email: &str,
    name: &str,
    password: &str,
) -> Result<user::Model, Error> {
    let mut errors = Vec::new();
    let email = validation::email(&mut errors, "email", Some(email));
    let name = validation::required_text(&mut errors, "name", name, 100);
    if let Err(e) = crate::auth::password::validate_new("password", password) {
        errors.push(e);
    }
    let Some(email) = email else {
        errors.push(FieldError::new(
            "email",
            "REQUIRED",
            "give an e-mail address",
        ));
        return Err(Error::Invalid(errors));
    };
    validation::finish(errors)?;
    if user::Entity::find()
        .filter(user::Column::Email.eq(email.clone()))
        .one(&services.db)
        .await?
        .is_some()
    {
        return Err(Error::invalid(
            "email",
            "TAKEN",
            "a user with this e-mail address already exists",
        ));
    }
    let hash = services.passwords.hash(password).await?;
    let now = services.now();
    let created = user::ActiveModel {
        id: Set(Uuid::now_v7()),
        name: Set(name),
        email: Set(Some(email)),
        phone: Set(None),
        password_hash: Set(Some(hash)),
        locale: Set("zh-CN".into()),
        is_platform_admin: Set(true),
        disabled_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    }
    .insert(&services.db)
    .await?;
    services
        .record_audit(
            &services.db,
            Actor::default(),
            "user.create_admin",
            "user",
            Some(created.id),
            json!({}),
        )
        .await?;
    Ok(created)
}

fn date((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// The first day of the rotation period containing `today`.
pub fn period_start(period: RotationPeriod, today: NaiveDate) -> NaiveDate {
    let months = match period {
        RotationPeriod::Month => 1,
        RotationPeriod::Quarter => 3,
        RotationPeriod::HalfYear => 6,
        RotationPeriod::Year => 12,
    };
    let month = (today.month0() / months) * months + 1;
    NaiveDate::from_ymd_opt(today.year(), month, 1).unwrap_or(today)
}

pub fn sub_period(period: RotationPeriod, start: NaiveDate) -> NaiveDate {
    let months = match period {
        RotationPeriod::Month => 1,
        RotationPeriod::Quarter => 3,
        RotationPeriod::HalfYear => 6,
        RotationPeriod::Year => 12,
    };
    start
        .checked_sub_months(chrono::Months::new(months))
        .unwrap_or(start)
}

pub fn add_period(period: RotationPeriod, start: NaiveDate) -> NaiveDate {
    let months = match period {
        RotationPeriod::Month => 1,
        RotationPeriod::Quarter => 3,
        RotationPeriod::HalfYear => 6,
        RotationPeriod::Year => 12,
    };
    start
        .checked_add_months(chrono::Months::new(months))
        .unwrap_or(start)
}

/// Loads the demo data; returns a summary for the terminal.
/// The demo's photos (drawn in code, processed like uploads): kept out of `demo` so that the
/// tests that seed the demo stay fast; `alliance seed --demo` adds them.
pub async fn demo_photos(services: &Services) -> Result<(), Error> {
    activities::seed_photos(services).await
}

pub async fn demo(services: &Services) -> Result<String, Error> {
    let db = &services.db;
    let now = services.now();
    // Terms begin at the alliances' local midnight (the deployment's zone, which new alliances
    // take); "today" is the local date there.
    let zone = services.config.time_zone;
    let today = services.today();
    let hash = services.passwords.hash(DEMO_PASSWORD).await?;

    let mut org_ids = std::collections::HashMap::new();
    for org in ORGS {
        let id = match organization::Entity::find()
            .filter(organization::Column::Name.eq(org.name))
            .one(db)
            .await?
        {
            Some(existing) => existing.id,
            None => {
                organization::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    name: Set(org.name.into()),
                    name_en: Set(Some(org.name_en.into())),
                    kind: Set(org.kind.as_str().into()),
                    host_entity: Set(Some(org.host.into())),
                    region: Set(Some(org.region.into())),
                    founded_on: Set(None),
                    honours: Set(Vec::new()),
                    created_at: Set(now),
                    updated_at: Set(now),
                    version: Set(1),
                }
                .insert(db)
                .await?
                .id
            }
        };
        org_ids.insert(org.name, id);
    }

    let mut user_ids = std::collections::HashMap::new();
    for (i, person) in PEOPLE.iter().enumerate() {
        let id = match user::Entity::find()
            .filter(user::Column::Email.eq(person.email))
            .one(db)
            .await?
        {
            Some(existing) => existing.id,
            None => {
                user::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    name: Set(person.name.into()),
                    email: Set(Some(person.email.into())),
                    phone: Set(Some(person.phone.into())),
                    password_hash: Set(Some(hash.clone())),
                    locale: Set("zh-CN".into()),
                    is_platform_admin: Set(i == 0),
                    disabled_at: Set(None),
                    created_at: Set(now),
                    updated_at: Set(now),
                    version: Set(1),
                }
                .insert(db)
                .await?
                .id
            }
        };
        user_ids.insert(person.email, id);
        if let Some(org) = person.org.and_then(|o| org_ids.get(o)) {
            let exists = organization_membership::Entity::find()
                .filter(organization_membership::Column::UserId.eq(id))
                .filter(organization_membership::Column::OrganizationId.eq(*org))
                .one(db)
                .await?
                .is_some();
            if !exists {
                organization_membership::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    user_id: Set(id),
                    organization_id: Set(*org),
                    position: Set(person.position.as_str().into()),
                    is_org_admin: Set(person.admin),
                    joined_on: Set(date((2021, 1, 1))),
                    left_on: Set(None),
                    created_at: Set(now),
                }
                .insert(db)
                .await?;
            }
        }
    }

    let mut alliance_count = 0;
    for union in UNIONS {
        let alliance_id = match alliance::Entity::find()
            .filter(alliance::Column::Name.eq(union.name))
            .one(db)
            .await?
        {
            Some(existing) => existing.id,
            None => {
                alliance::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    name: Set(union.name.into()),
                    name_en: Set(Some(union.name_en.into())),
                    kind: Set(union.kind.as_str().into()),
                    status: Set(AllianceStatus::Active),
                    founded_on: Set(Some(date(union.founded))),
                    supervising_body: Set(Some(union.supervising_body)
                        .filter(|s| !s.is_empty())
                        .map(Into::into)),
                    instructor: Set(Some(union.instructor)
                        .filter(|s| !s.is_empty())
                        .map(Into::into)),
                    rotation_period: Set(union.period.as_str().into()),
                    visibility: Set(union.visibility.as_str().into()),
                    working_rules: Set(Some(union.rules.into())),
                    agenda_deadline_days: Set(7),
                    time_zone: Set(services.config.time_zone.name().to_owned()),
                    created_at: Set(now),
                    updated_at: Set(now),
                    version: Set(1),
                    lead_schedule_version: Set(1),
                }
                .insert(db)
                .await?
                .id
            }
        };
        alliance_count += 1;
        for (order, member) in union.members.iter().enumerate() {
            let Some(org) = org_ids.get(member) else {
                continue;
            };
            let exists = alliance_membership::Entity::find()
                .filter(alliance_membership::Column::AllianceId.eq(alliance_id))
                .filter(alliance_membership::Column::OrganizationId.eq(*org))
                .one(db)
                .await?
                .is_some();
            if !exists {
                alliance_membership::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    alliance_id: Set(alliance_id),
                    organization_id: Set(*org),
                    joined_on: Set(date(union.founded)),
                    left_on: Set(None),
                    rotation_order: Set(i32::try_from(order).unwrap_or(0)),
                    created_at: Set(now),
                }
                .insert(db)
                .await?;
            }
        }
        // The rotation: two past terms, the current one (the first member in rotation order leads now)
        // and three to come.
        let members: Vec<(crate::kernel::ids::OrganizationId, i32)> = union
            .members
            .iter()
            .enumerate()
            .filter_map(|(i, m)| {
                org_ids.get(m).map(|o| {
                    (
                        crate::kernel::ids::OrganizationId(*o),
                        i32::try_from(i).unwrap_or(0),
                    )
                })
            })
            .collect();
        let mut first_start = period_start(union.period, today);
        for _ in 0..2 {
            first_start = sub_period(union.period, first_start);
        }
        crate::rotation::seed_schedule(
            db,
            alliance_id,
            zone,
            services.now(),
            &members,
            union.period,
            first_start,
            6,
            2,
        )
        .await?;
        seed_meetings(
            db,
            alliance_id,
            &members,
            union.name,
            now,
            services.config.time_zone,
        )
        .await?;
        if union.name == CONSORTIUM {
            for (email, role) in [
                ("secretariat@example.com", GrantedRole::AllianceAdmin),
                ("supervisor@example.com", GrantedRole::Supervisor),
            ] {
                let Some(user) = user_ids.get(email) else {
                    continue;
                };
                let exists = role_grant::Entity::find()
                    .filter(role_grant::Column::UserId.eq(*user))
                    .filter(role_grant::Column::AllianceId.eq(alliance_id))
                    .filter(role_grant::Column::Role.eq(role.as_str()))
                    .one(db)
                    .await?
                    .is_some();
                if !exists {
                    role_grant::ActiveModel {
                        id: Set(Uuid::now_v7()),
                        user_id: Set(*user),
                        alliance_id: Set(alliance_id),
                        role: Set(role.as_str().into()),
                        granted_by: Set(None),
                        created_at: Set(now),
                        revoked_at: Set(None),
                    }
                    .insert(db)
                    .await?;
                }
            }
        }
    }
    resources::seed_resources(db, now, zone).await?;
    agreements::seed_agreements(services).await?;
    documents::seed_documents(services).await?;
    activities::seed_activities(db, now).await?;
    services
        .record_audit(
            db,
            Actor::default(),
            "seed.demo",
            "platform",
            None,
            json!({}),
        )
        .await?;
    Ok(format!(
        "demo data ready: {} organizations, {} people, {alliance_count} alliances; demo logins use the password {DEMO_PASSWORD}",
        ORGS.len(),
        PEOPLE.len()
    ))
}
