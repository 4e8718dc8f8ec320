//! Local time: each alliance's dates are counted in its own zone (Asia/Shanghai unless it names
//! another), instants stay in UTC, and every "now" comes from the injected clock.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use alliance_tests::TestApp;
use chrono::{DateTime, TimeZone, Utc};
use serde_json::{Value, json};

const CREATE: &str = "mutation($input: CreateAllianceInput!) { createAlliance(input: $input) {
    alliance { id version timeZone today } userErrors { field code } } }";
const UPDATE: &str = "mutation($input: UpdateAllianceInput!) { updateAlliance(input: $input) {
    alliance { id version timeZone today } userErrors { field code } } }";

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

/// Creates a members-only alliance as the platform admin; `zone` None names no zone.
async fn create_alliance(app: &TestApp, admin: &str, name: &str, zone: Option<&str>) -> Value {
    let mut input = json!({ "name": name, "kind": "PAIRING", "visibility": "MEMBERS" });
    if let Some(zone) = zone {
        input["timeZone"] = json!(zone);
    }
    let answer = app
        .gql(Some(admin), CREATE, json!({ "input": input }))
        .await;
    answer.ok()["createAlliance"].clone()
}

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
