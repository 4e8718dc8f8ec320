//! The zone of an alliance: set, refused when unknown, known to Postgres.

#![allow(clippy::unwrap_used)]

use super::*;
use sea_orm::ConnectionTrait;

#[tokio::test]
async fn an_alliance_has_a_zone_and_its_own_today() {
    let app = TestApp::new().await;
    // 17:00 UTC on 1 March is already 01:00 on 2 March in Beijing.
    app.clock.set(at(2027, 3, 1, 17, 0));
    let admin = app.token("admin@example.com").await;
    let beijing = create_alliance(&app, &admin, "时区联盟甲", None).await;
    assert_eq!(beijing["userErrors"], json!([]));
    assert_eq!(beijing["alliance"]["timeZone"], "Asia/Shanghai");
    assert_eq!(beijing["alliance"]["today"], "2027-03-02");
    let utc = create_alliance(&app, &admin, "时区联盟乙", Some("UTC")).await;
    assert_eq!(utc["alliance"]["timeZone"], "UTC");
    assert_eq!(utc["alliance"]["today"], "2027-03-01");
    // Rows and audit entries are dated by the same clock, not by the system's.
    assert_eq!(
        app.scalar_i64("SELECT count(*) FROM alliances WHERE created_at = '2027-03-01T17:00:00Z' AND updated_at = created_at").await,
        2
    );
    assert_eq!(
        app.scalar_i64("SELECT count(*) FROM audit_log WHERE action = 'alliance.create' AND at = '2027-03-01T17:00:00Z'").await,
        2
    );
    assert_eq!(
        app.scalar_i64("SELECT count(*) FROM sessions WHERE created_at = '2027-03-01T17:00:00Z'")
            .await,
        1
    );

    // Changed later: the canonical name is kept, and today follows.
    let updated = app
        .gql(
            Some(&admin),
            UPDATE,
            json!({ "input": { "id": utc["alliance"]["id"], "version": utc["alliance"]["version"], "timeZone": " America/Los_Angeles " } }),
        )
        .await;
    let updated = &updated.ok()["updateAlliance"];
    assert_eq!(updated["userErrors"], json!([]));
    assert_eq!(updated["alliance"]["timeZone"], "America/Los_Angeles");
    assert_eq!(updated["alliance"]["today"], "2027-03-01");
}

#[tokio::test]
async fn unknown_zones_are_refused_naming_time_zone() {
    let app = TestApp::new().await;
    let admin = app.token("admin@example.com").await;
    for zone in [
        "Beijing",
        "",
        "Asia/Shanghai; DROP TABLE alliances",
        "+08:00",
    ] {
        let refused = create_alliance(&app, &admin, "无效时区联盟", Some(zone)).await;
        assert_eq!(refused["alliance"], Value::Null, "{zone:?}");
        assert_eq!(
            refused["userErrors"],
            json!([{ "field": "timeZone", "code": "INVALID_TIME_ZONE" }]),
            "{zone:?}"
        );
    }
    let created = create_alliance(&app, &admin, "有效时区联盟", Some("Europe/Berlin")).await;
    let id = &created["alliance"]["id"];
    let refused = app
        .gql(
            Some(&admin),
            UPDATE,
            json!({ "input": { "id": id, "version": created["alliance"]["version"], "timeZone": "Mars/Olympus" } }),
        )
        .await;
    assert_eq!(
        refused.ok()["updateAlliance"]["userErrors"],
        json!([{ "field": "timeZone", "code": "INVALID_TIME_ZONE" }])
    );
    let kept = app
        .gql(
            Some(&admin),
            "query($id: ID!) { alliance(id: $id) { timeZone version } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(kept.ok()["alliance"]["timeZone"], "Europe/Berlin");
}

#[tokio::test]
async fn postgres_knows_every_zone_the_api_accepts() {
    // Local dates are computed in SQL (`now AT TIME ZONE alliances.time_zone`), so every name an
    // alliance may store must be one Postgres reads too.
    let app = TestApp::empty().await;
    let names: Vec<String> = alliance_domain::kernel::local_time::zone_names()
        .map(str::to_owned)
        .collect();
    assert!(names.len() > 400);
    let rows = app
        .services
        .db
        .query_all_raw(alliance_domain::kernel::db::stmt(
            "SELECT n FROM unnest($1::text[]) n WHERE n NOT IN (SELECT name FROM pg_timezone_names)",
            [names.into()],
        ))
        .await
        .unwrap();
    let missing: Vec<String> = rows
        .iter()
        .map(|r| r.try_get::<String>("", "n").unwrap())
        .collect();
    assert_eq!(missing, Vec::<String>::new());
}
