//! The migration `m20261202_000002_lead_terms_local_midnight` on a schedule written before it:
//! terms stored at UTC midnight move to the local midnight of the same date in their alliance's
//! zone (contiguous terms stay contiguous, the exclusion constraint is back), other instants stay,
//! and the terms that have not started form one plan.

#![allow(clippy::unwrap_used)]

use alliance_domain::kernel::db::stmt;
use alliance_migrations::{Migrator, MigratorTrait};
use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use sea_orm::{ConnectionTrait, Database};
use uuid::Uuid;

fn admin_url() -> String {
    std::env::var("ALLIANCE_TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn utc_midnight(date: NaiveDate) -> DateTime<Utc> {
    Utc.from_utc_datetime(&date.and_hms_opt(0, 0, 0).unwrap())
}

#[tokio::test]
async fn existing_terms_move_from_utc_midnight_to_local_midnight() {
    let admin = Database::connect(admin_url()).await.unwrap();
    let name = format!("alliance_migration_{}", Uuid::new_v4().simple());
    admin
        .execute_unprepared(&format!("CREATE DATABASE {name}"))
        .await
        .unwrap();
    let url = format!("{}/{name}", admin_url().rsplit_once('/').unwrap().0);
    let db = Database::connect(url).await.unwrap();
    // Everything before this migration.
    let before = Migrator::migrations()
        .iter()
        .position(|m| m.name() == "m20261202_000002_lead_terms_local_midnight")
        .unwrap();
    Migrator::up(&db, Some(u32::try_from(before).unwrap()))
        .await
        .unwrap();

    let (org, beijing, berlin) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
    db.execute_raw(stmt(
        "INSERT INTO organizations (id, name, kind) VALUES ($1, '迁移测试单位', 'other')",
        [org.into()],
    ))
    .await
    .unwrap();
    for (id, zone) in [(beijing, "Asia/Shanghai"), (berlin, "Europe/Berlin")] {
        db.execute_raw(stmt(
            "INSERT INTO alliances (id, name, kind, time_zone) VALUES ($1, $2, 'pairing', $3)",
            [id.into(), format!("迁移测试 {zone}").into(), zone.into()],
        ))
        .await
        .unwrap();
    }
    // Monthly terms at UTC midnight around today: two past, the current one, two to come.
    let today = Utc::now().date_naive();
    let first = NaiveDate::from_ymd_opt(today.year(), today.month(), 1).unwrap();
    let months: Vec<NaiveDate> = (-2i32..=3)
        .map(|k| {
            if k < 0 {
                first - chrono::Months::new(k.unsigned_abs())
            } else {
                first + chrono::Months::new(k.unsigned_abs())
            }
        })
        .collect();
    let insert = |alliance: Uuid, from: DateTime<Utc>, to: DateTime<Utc>| {
        let db = &db;
        async move {
            db.execute_raw(stmt(
                "INSERT INTO lead_terms (id, alliance_id, organization_id, starts_at, ends_at) VALUES ($1, $2, $3, $4, $5)",
                [Uuid::now_v7().into(), alliance.into(), org.into(), from.into(), to.into()],
            ))
            .await
            .unwrap();
        }
    };
    for pair in months.windows(2) {
        for alliance in [beijing, berlin] {
            insert(alliance, utc_midnight(pair[0]), utc_midnight(pair[1])).await;
        }
    }
    // A term that does not begin at UTC midnight was not written by the rotation: it stays.
    let odd_start = utc_midnight(months[5]) + Duration::hours(12);
    insert(berlin, odd_start, odd_start + Duration::days(30)).await;

    Migrator::up(&db, None).await.unwrap();

    for (alliance, zone) in [(beijing, "Asia/Shanghai"), (berlin, "Europe/Berlin")] {
        let rows = db
            .query_all_raw(stmt(
                "SELECT starts_at, ends_at, plan_starts_at,
                        (starts_at AT TIME ZONE $2)::time = '00:00' AS local_start,
                        (ends_at AT TIME ZONE $2)::time = '00:00' AS local_end,
                        (starts_at AT TIME ZONE $2)::date AS local_date
                   FROM lead_terms WHERE alliance_id = $1 ORDER BY starts_at",
                [alliance.into(), zone.into()],
            ))
            .await
            .unwrap();
        let rotation: Vec<_> = rows.iter().take(5).collect();
        for (i, row) in rotation.iter().enumerate() {
            assert!(
                row.try_get::<bool>("", "local_start").unwrap(),
                "{zone}: term {i} starts at local midnight"
            );
            assert!(
                row.try_get::<bool>("", "local_end").unwrap(),
                "{zone}: term {i} ends at local midnight"
            );
            assert_eq!(
                row.try_get::<NaiveDate>("", "local_date").unwrap(),
                months[i],
                "{zone}: the same date"
            );
        }
        for pair in rotation.windows(2) {
            let end: DateTime<Utc> = pair[0].try_get("", "ends_at").unwrap();
            let start: DateTime<Utc> = pair[1].try_get("", "starts_at").unwrap();
            assert_eq!(end, start, "{zone}: terms stay contiguous");
        }
        // The terms to come form one plan from the first of them; started ones keep the first term.
        let now = Utc::now();
        let starts: Vec<DateTime<Utc>> = rotation
            .iter()
            .map(|r| r.try_get("", "starts_at").unwrap())
            .collect();
        let first_future = *starts.iter().find(|s| **s > now).unwrap();
        for (row, start) in rotation.iter().zip(&starts) {
            let plan: DateTime<Utc> = row.try_get("", "plan_starts_at").unwrap();
            assert_eq!(
                plan,
                if *start > now {
                    first_future
                } else {
                    starts[0]
                },
                "{zone}"
            );
        }
    }
    let shanghai_first: DateTime<Utc> = db
        .query_one_raw(stmt(
            "SELECT min(starts_at) AS s FROM lead_terms WHERE alliance_id = $1",
            [beijing.into()],
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get("", "s")
        .unwrap();
    assert_eq!(shanghai_first, utc_midnight(months[0]) - Duration::hours(8));
    let odd: i64 = db
        .query_one_raw(stmt(
            "SELECT count(*) AS n FROM lead_terms WHERE starts_at = $1",
            [odd_start.into()],
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get("", "n")
        .unwrap();
    assert_eq!(odd, 1, "an instant that is not UTC midnight stays");
    let constraint: i64 = db
        .query_one_raw(stmt(
            "SELECT count(*) AS n FROM pg_constraint WHERE conname = 'lead_term_no_overlap'",
            [],
        ))
        .await
        .unwrap()
        .unwrap()
        .try_get("", "n")
        .unwrap();
    assert_eq!(constraint, 1, "the overlap constraint is back");
    db.close().await.unwrap();
    admin
        .execute_unprepared(&format!("DROP DATABASE {name} WITH (FORCE)"))
        .await
        .unwrap();
}
