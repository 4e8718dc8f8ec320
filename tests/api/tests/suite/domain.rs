//! Domain rules that live in the database and the services, tested against real Postgres.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use alliance_domain::auth::ClientInfo;
use alliance_domain::auth::invitations::NewInvitation;
use alliance_domain::kernel::db::stmt;
use alliance_domain::kernel::error::constraint_name;
use alliance_domain::kernel::ids::{OrganizationId, UserId};
use alliance_domain::kernel::vocab::Position;
use alliance_domain::policy::facts as principal_loader;
use alliance_domain::policy::{self, Action, AllianceRole};
use alliance_domain::{Error, Principal};
use alliance_tests::{CONSORTIUM, TestApp};
use chrono::{Duration, TimeZone, Utc};
use sea_orm::ConnectionTrait;
use uuid::Uuid;

async fn uuid_of(app: &TestApp, sql: &str) -> Uuid {
    let row = app
        .services
        .db
        .query_one_raw(stmt(sql, []))
        .await
        .unwrap()
        .unwrap();
    row.try_get_by_index(0).unwrap()
}

async fn viewer_roles(app: &TestApp, token: &str) -> Vec<serde_json::Value> {
    let answer = app
        .gql(
            Some(token),
            "{ me { alliances { nodes { name viewerRoles } } } }",
            serde_json::json!({}),
        )
        .await;
    answer.ok()["me"]["alliances"]["nodes"][0]["viewerRoles"]
        .as_array()
        .unwrap()
        .clone()
}

#[tokio::test]
async fn lead_convener_rights_switch_exactly_at_the_term_boundary() {
    let app = TestApp::new().await;
    let db = &app.services.db;
    let alliance = uuid_of(
        &app,
        &format!("SELECT id FROM alliances WHERE name = '{CONSORTIUM}'"),
    )
    .await;
    let foundation = uuid_of(
        &app,
        "SELECT id FROM organizations WHERE name = '安徽新四军革命传统教育基金会'",
    )
    .await;
    let huaan = uuid_of(
        &app,
        "SELECT id FROM organizations WHERE name = '华安证券公益基金会'",
    )
    .await;
    let convener = uuid_of(
        &app,
        "SELECT id FROM users WHERE email = 'convener@example.com'",
    )
    .await;
    let huaan_secretary = uuid_of(
        &app,
        "SELECT id FROM users WHERE email = 'zhao.mingyuan@example.com'",
    )
    .await;
    // A clean schedule: the foundation leads until the boundary, Hua'an from then on.
    let boundary = Utc.with_ymd_and_hms(2031, 4, 1, 0, 0, 0).unwrap();
    db.execute_unprepared("DELETE FROM lead_terms")
        .await
        .unwrap();
    for (org, start, end) in [
        (foundation, boundary - Duration::days(90), boundary),
        (huaan, boundary, boundary + Duration::days(91)),
    ] {
        db.execute_raw(stmt(
            "INSERT INTO lead_terms (id, alliance_id, organization_id, starts_at, ends_at, plan_starts_at) VALUES ($1, $2, $3, $4, $5, $4)",
            [Uuid::now_v7().into(), alliance.into(), org.into(), start.into(), end.into()],
        ))
        .await
        .unwrap();
    }
    let resource = policy::Resource::Alliance {
        id: alliance.into(),
        public: true,
    };
    let zone = app.services.config.time_zone;
    let roles_at = |user: Uuid, at| {
        let db = db.clone();
        async move {
            Principal::User(
                principal_loader::load_user_principal(&db, UserId(user), None, false, at, zone)
                    .await
                    .unwrap(),
            )
        }
    };
    let before = boundary - Duration::seconds(1);
    let outgoing = roles_at(convener, before).await;
    let incoming = roles_at(huaan_secretary, before).await;
    assert!(policy::can(&outgoing, Action::ScheduleMeeting, resource));
    assert!(!policy::can(&incoming, Action::ScheduleMeeting, resource));
    let outgoing = roles_at(convener, boundary).await;
    let incoming = roles_at(huaan_secretary, boundary).await;
    assert!(!policy::can(&outgoing, Action::ScheduleMeeting, resource));
    assert!(policy::can(&incoming, Action::ScheduleMeeting, resource));
    assert!(
        policy::alliance_roles(&incoming, alliance.into()).contains(&AllianceRole::LeadConvener)
    );
    // Through the API too: the clock decides, no job runs at the boundary.
    app.clock.set(before);
    let token = app.token("convener@example.com").await;
    assert!(
        viewer_roles(&app, &token)
            .await
            .contains(&"LEAD_CONVENER".into())
    );
    app.clock.set(boundary);
    assert!(
        !viewer_roles(&app, &token)
            .await
            .contains(&"LEAD_CONVENER".into())
    );
}

#[tokio::test]
async fn the_database_refuses_two_leads_at_once_and_double_membership() {
    let app = TestApp::new().await;
    let db = &app.services.db;
    let alliance = uuid_of(
        &app,
        &format!("SELECT id FROM alliances WHERE name = '{CONSORTIUM}'"),
    )
    .await;
    let huaan = uuid_of(
        &app,
        "SELECT id FROM organizations WHERE name = '华安证券公益基金会'",
    )
    .await;
    // The seed planned the rotation; a term overlapping its last one by a second is refused.
    let row = db
        .query_one_raw(stmt(
            "SELECT max(ends_at) AS ends_at FROM lead_terms WHERE alliance_id = $1",
            [alliance.into()],
        ))
        .await
        .unwrap()
        .unwrap();
    let ends: chrono::DateTime<Utc> = row.try_get("", "ends_at").unwrap();
    let insert = |start: chrono::DateTime<Utc>| {
        db.execute_raw(stmt(
            "INSERT INTO lead_terms (id, alliance_id, organization_id, starts_at, ends_at, plan_starts_at) VALUES ($1, $2, $3, $4, $5, $4)",
            [Uuid::now_v7().into(), alliance.into(), huaan.into(), start.into(), (start + Duration::days(90)).into()],
        ))
    };
    let overlap = insert(ends - Duration::seconds(1)).await.unwrap_err();
    assert_eq!(
        constraint_name(&overlap).as_deref(),
        Some("lead_term_no_overlap")
    );
    insert(ends)
        .await
        .expect("a term starting exactly at the end of the last one is fine");

    let again = db
        .execute_raw(stmt(
            "INSERT INTO alliance_memberships (id, alliance_id, organization_id, joined_on, rotation_order) VALUES ($1, $2, $3, '2030-01-01', 9)",
            [Uuid::now_v7().into(), alliance.into(), huaan.into()],
        ))
        .await
        .unwrap_err();
    assert_eq!(
        constraint_name(&again).as_deref(),
        Some("alliance_memberships_no_overlap")
    );
}

#[tokio::test]
async fn one_current_secretary_per_organization_and_nothing_half_written() {
    let app = TestApp::new().await;
    let plastics = OrganizationId(
        uuid_of(
            &app,
            "SELECT id FROM organizations WHERE name = '省塑料协会'",
        )
        .await,
    );
    let admin_id = uuid_of(
        &app,
        "SELECT id FROM users WHERE email = 'orgadmin@example.com'",
    )
    .await;
    let admin = Principal::User(
        principal_loader::load_user_principal(
            &app.services.db,
            UserId(admin_id),
            None,
            false,
            app.clock_now(),
            app.services.config.time_zone,
        )
        .await
        .unwrap(),
    );
    let plastics_secretary = "UPDATE organization_memberships SET left_on = current_date WHERE position = 'secretary' AND left_on IS NULL AND organization_id IN (SELECT id FROM organizations WHERE name = '省塑料协会')";
    // The secretary leaves, and a new one is invited …
    app.services
        .db
        .execute_unprepared(plastics_secretary)
        .await
        .unwrap();
    let (_, url) = app
        .services
        .auth()
        .invite_member(
            &admin,
            NewInvitation {
                organization_id: plastics,
                name: "第二书记".into(),
                email: Some("second.secretary@example.com".into()),
                phone: None,
                position: Position::Secretary,
                is_org_admin: false,
            },
        )
        .await
        .unwrap();
    let token = url.rsplit('/').next().unwrap();
    let users_before = app.scalar_i64("SELECT count(*) FROM users").await;
    // … but someone else is appointed first: accepting is refused, and the new account is rolled back with it.
    app.services
        .db
        .execute_unprepared("UPDATE organization_memberships SET position = 'secretary' WHERE user_id = (SELECT id FROM users WHERE email = 'orgadmin@example.com')")
        .await
        .unwrap();
    let refused = app
        .services
        .auth()
        .accept_invitation(token, "a-good-password", &ClientInfo::default())
        .await
        .unwrap_err();
    match refused {
        Error::Invalid(fields) => assert_eq!(
            (fields[0].field.as_str(), fields[0].code),
            ("position", "TAKEN")
        ),
        other => panic!("expected a field error, got {other:?}"),
    }
    assert_eq!(
        app.scalar_i64("SELECT count(*) FROM users").await,
        users_before
    );
    assert_eq!(
        app.scalar_i64("SELECT count(*) FROM invitations WHERE accepted_at IS NOT NULL")
            .await,
        0
    );
    // Once that secretary has left too, the invitation goes through.
    app.services
        .db
        .execute_unprepared(plastics_secretary)
        .await
        .unwrap();
    app.services
        .auth()
        .accept_invitation(token, "a-good-password", &ClientInfo::default())
        .await
        .unwrap();
    assert_eq!(
        app.scalar_i64("SELECT count(*) FROM users").await,
        users_before + 1
    );
}

#[tokio::test]
async fn e_mail_addresses_are_unique_whatever_their_case() {
    let app = TestApp::new().await;
    let taken = alliance_domain::seed::create_platform_admin(
        &app.services,
        "MEMBER@Example.com",
        "Someone",
        "long-enough-password",
    )
    .await
    .unwrap_err();
    match taken {
        Error::Invalid(fields) => assert_eq!(
            (fields[0].field.as_str(), fields[0].code),
            ("email", "TAKEN")
        ),
        other => panic!("expected a field error, got {other:?}"),
    }
    let raw = app.services.db.execute_unprepared("INSERT INTO users (id, name, email) VALUES (gen_random_uuid(), 'x', 'Upper@Example.com')").await.unwrap_err();
    assert!(
        raw.to_string().contains("users_email_check") || constraint_name(&raw).is_some(),
        "{raw}"
    );
    let seeded_twice = alliance_domain::seed::demo(&app.services).await.unwrap();
    assert!(seeded_twice.contains("14 organizations"));
    assert_eq!(
        app.scalar_i64("SELECT count(*) FROM organizations").await,
        14
    );
    assert_eq!(app.scalar_i64("SELECT count(*) FROM lead_terms").await, 30);
    assert_eq!(app.scalar_i64("SELECT count(*) FROM meetings").await, 15);
}

#[tokio::test]
async fn demo_meetings_are_hosted_by_the_lead_unit_of_their_date() {
    let app = TestApp::new().await;
    let mismatched = app
        .scalar_i64(
            "SELECT count(*) FROM meetings m JOIN lead_terms lt ON lt.alliance_id = m.alliance_id
              AND lt.starts_at <= m.starts_at AND lt.ends_at > m.starts_at
              WHERE m.host_organization_id IS DISTINCT FROM lt.organization_id",
        )
        .await;
    assert_eq!(mismatched, 0);
    assert_eq!(
        app.scalar_i64(
            "SELECT count(*) FROM action_items WHERE status = 'open' AND due_on < current_date"
        )
        .await,
        5,
        "one overdue item per alliance"
    );
}
