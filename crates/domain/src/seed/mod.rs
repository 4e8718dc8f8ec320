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

mod data;

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

/// Two past meetings with approved minutes, decisions and action items (one done, one overdue),
/// and one upcoming meeting; skipped when the alliance already has meetings.
async fn seed_meetings<C: ConnectionTrait>(
    db: &C,
    alliance_id: Uuid,
    members: &[(crate::kernel::ids::OrganizationId, i32)],
    name: &str,
    now: chrono::DateTime<Utc>,
    zone: chrono_tz::Tz,
) -> Result<(), Error> {
    use crate::entities::{action_item, decision, meeting, minutes};
    use crate::kernel::local_time::{local_date, start_of_day};
    let existing = db
        .query_one_raw(stmt(
            "SELECT 1 AS found FROM meetings WHERE alliance_id = $1 LIMIT 1",
            [alliance_id.into()],
        ))
        .await?;
    if existing.is_some() || members.is_empty() {
        return Ok(());
    }
    let org = |i: usize| members[i % members.len()].0.0;
    let plans = [
        (
            -75_i64,
            "第一次联席会议：年度工作计划",
            "completed",
            "regular",
        ),
        (-30, "第二次联席会议：季度工作交流", "completed", "regular"),
        (
            10,
            "第三次联席会议：年度工作总结",
            "scheduled",
            "work_summary",
        ),
    ];
    for (index, (days, title, status, kind)) in plans.iter().enumerate() {
        // 14:30 on the alliance's clock.
        let day = local_date(now + chrono::Duration::days(*days), zone);
        let starts = start_of_day(day, zone) + chrono::Duration::minutes(14 * 60 + 30);
        let id = Uuid::now_v7();
        // The host is the lead unit on the meeting's date, as when a convener schedules one.
        let host = db
            .query_one_raw(stmt(
                "SELECT organization_id FROM lead_terms WHERE alliance_id = $1 AND starts_at <= $2 AND ends_at > $2",
                [alliance_id.into(), starts.into()],
            ))
            .await?
            .and_then(|row| row.try_get::<Uuid>("", "organization_id").ok());
        meeting::ActiveModel {
            id: Set(id),
            alliance_id: Set(alliance_id),
            host_organization_id: Set(host.or(Some(org(index)))),
            kind: Set((*kind).into()),
            title: Set((*title).into()),
            starts_at: Set(starts),
            ends_at: Set(starts + chrono::Duration::hours(2)),
            location: Set(Some("牵头单位党员活动室".into())),
            online_url: Set(None),
            status: Set(MeetingStatus::parse(status).unwrap_or(MeetingStatus::Scheduled)),
            check_in_code: Set(format!("{:06}", rand::random::<u32>() % 1_000_000)),
            created_by: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
        }
        .insert(db)
        .await?;
        db.execute_raw(stmt(
            "INSERT INTO attendances (id, meeting_id, organization_id, user_id, rsvp, checked_in_at)
             SELECT gen_random_uuid(), $1, om.organization_id, om.user_id,
                    CASE WHEN $3 THEN 'yes' ELSE 'pending' END,
                    CASE WHEN $3 AND row_number() OVER (ORDER BY om.user_id) % 4 <> 0 THEN $2 END
               FROM alliance_memberships am JOIN organization_memberships om ON om.organization_id = am.organization_id
              WHERE am.alliance_id = $4 AND am.left_on IS NULL AND om.left_on IS NULL",
            [id.into(), starts.into(), (*status == "completed").into(), alliance_id.into()],
        ))
        .await?;
        db.execute_raw(stmt(
            "INSERT INTO agenda_items (id, meeting_id, position, title, presenter_organization_id, minutes_allotted, proposed_by_organization_id, status)
             VALUES (gen_random_uuid(), $1, 1, '各成员单位党建工作交流', $2, 30, $2, 'accepted'),
                    (gen_random_uuid(), $1, 2, '研究部署下阶段联合行动', $3, 20, $3, 'accepted')",
            [id.into(), org(index).into(), org(index + 1).into()],
        ))
        .await?;
        if *status != "completed" {
            continue;
        }
        let decided = Uuid::now_v7();
        decision::ActiveModel {
            id: Set(decided),
            meeting_id: Set(id),
            text: Set(format!("{name}：联合开展一次主题党日活动")),
            created_at: Set(now),
        }
        .insert(db)
        .await?;
        minutes::ActiveModel {
            meeting_id: Set(id),
            body: Set(format!("# {title}\n\n## 议题\n\n1. 各成员单位党建工作交流\n2. 研究部署下阶段联合行动\n\n## 决定事项\n\n- 联合开展一次主题党日活动\n")),
            status: Set(MinutesStatus::Approved),
            approved_by: Set(None),
            approved_at: Set(Some(starts + chrono::Duration::days(2))),
            updated_by: Set(None),
            updated_at: Set(starts + chrono::Duration::days(2)),
            version: Set(2),
        }
        .insert(db)
        .await?;
        // The first meeting's item is done; the second's is overdue and open.
        let done = index == 0;
        action_item::ActiveModel {
            id: Set(Uuid::now_v7()),
            meeting_id: Set(id),
            decision_id: Set(Some(decided)),
            title: Set(if done {
                "整理共建活动方案并报送指导员".into()
            } else {
                "完成联合主题党日活动总结".into()
            }),
            assignee_organization_id: Set(org(index + 1)),
            assignee_user_id: Set(None),
            due_on: Set(Some(day + chrono::Duration::days(20))),
            status: Set(if done {
                ItemStatus::Done
            } else {
                ItemStatus::Open
            }),
            completed_at: Set(done.then_some(starts + chrono::Duration::days(15))),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}
