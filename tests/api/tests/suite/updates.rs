//! Update mutations tell a field left out (unchanged) from an explicit `null` (cleared).

use alliance_tests::TestApp;
use serde_json::json;

const READ_ORG: &str = "query($id: ID!) { node(id: $id) { ... on Organization { version name nameEn region foundedOn honours } } }";
const UPDATE_ORG: &str = "mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { version name nameEn region foundedOn honours } userErrors { field code } } }";

#[tokio::test]
async fn organization_fields_are_kept_when_left_out_and_cleared_by_null() {
    let app = TestApp::new().await;
    let admin = app.token("orgadmin@example.com").await;
    let id = app.organization_id("省塑料协会").await;
    let read = || async {
        app.gql(Some(&admin), READ_ORG, json!({ "id": id }))
            .await
            .ok()["node"]
            .clone()
    };
    let set = app
        .gql(
            Some(&admin),
            UPDATE_ORG,
            json!({ "input": { "id": id, "version": read().await["version"],
                "nameEn": "Plastics Branch", "region": "静安区", "foundedOn": "2001-07-01",
                "honours": ["先进基层党组织"] } }),
        )
        .await;
    let saved = set.ok()["updateOrganization"]["organization"].clone();
    assert_eq!(saved["foundedOn"], "2001-07-01", "{}", set.body);
    let name = saved["name"].clone();

    // Left out: unchanged.
    let kept = app
        .gql(
            Some(&admin),
            UPDATE_ORG,
            json!({ "input": { "id": id, "version": saved["version"], "region": "徐汇区" } }),
        )
        .await;
    let kept = kept.ok()["updateOrganization"]["organization"].clone();
    assert_eq!(kept["region"], "徐汇区");
    assert_eq!(kept["nameEn"], "Plastics Branch");
    assert_eq!(kept["foundedOn"], "2001-07-01");
    assert_eq!(kept["honours"], json!(["先进基层党组织"]));
    assert_eq!(kept["name"], name);

    // Explicit null: cleared, also through a variable.
    let cleared = app
        .gql(
            Some(&admin),
            "mutation($id: ID!, $v: Int!, $none: String) { updateOrganization(input: {id: $id, version: $v, nameEn: $none, honours: null}) { organization { version nameEn region foundedOn honours } userErrors { field code } } }",
            json!({ "id": id, "v": kept["version"], "none": null }),
        )
        .await;
    let cleared = cleared.ok()["updateOrganization"]["organization"].clone();
    assert_eq!(cleared["nameEn"], json!(null));
    assert_eq!(cleared["honours"], json!([]));
    assert_eq!(cleared["region"], "徐汇区", "a field left out stays");
    let founded = app
        .gql(
            Some(&admin),
            UPDATE_ORG,
            json!({ "input": { "id": id, "version": cleared["version"], "foundedOn": null } }),
        )
        .await;
    let founded = founded.ok()["updateOrganization"]["organization"].clone();
    assert_eq!(founded["foundedOn"], json!(null));

    // Required fields cannot be cleared; nothing is written.
    let refused = app
        .gql(
            Some(&admin),
            UPDATE_ORG,
            json!({ "input": { "id": id, "version": founded["version"], "name": null, "kind": null, "region": null } }),
        )
        .await;
    assert_eq!(
        refused.ok()["updateOrganization"]["userErrors"],
        json!([{ "field": "name", "code": "REQUIRED" }, { "field": "kind", "code": "REQUIRED" }]),
        "{}",
        refused.body
    );
    let after = read().await;
    assert_eq!(after["version"], founded["version"]);
    assert_eq!(after["region"], "徐汇区");
    assert_eq!(after["name"], name);
}

#[tokio::test]
async fn meeting_location_and_link_are_cleared_by_null_only() {
    let app = TestApp::new().await;
    let convener = app.token("convener@example.com").await;
    let starts = app.clock_now() + chrono::Duration::days(3);
    let scheduled = app
        .gql(
            Some(&convener),
            "mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id version } userErrors { field code } } }",
            json!({ "input": {
                "allianceId": app.alliance_id(alliance_tests::CONSORTIUM).await,
                "title": "季度联席会", "startsAt": starts.to_rfc3339(),
                "endsAt": (starts + chrono::Duration::hours(2)).to_rfc3339(),
                "location": "党群服务中心", "onlineUrl": "https://meet.example.org/q1" } }),
        )
        .await;
    let meeting = scheduled.ok()["scheduleMeeting"]["meeting"].clone();
    const UPDATE: &str = "mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { version title location onlineUrl } userErrors { field code } } }";
    let retitled = app
        .gql(
            Some(&convener),
            UPDATE,
            json!({ "input": { "id": meeting["id"], "version": meeting["version"], "title": "季度联席会议" } }),
        )
        .await;
    let retitled = retitled.ok()["updateMeeting"]["meeting"].clone();
    assert_eq!(retitled["location"], "党群服务中心");
    assert_eq!(retitled["onlineUrl"], "https://meet.example.org/q1");
    let cleared = app
        .gql(
            Some(&convener),
            UPDATE,
            json!({ "input": { "id": meeting["id"], "version": retitled["version"], "location": null, "onlineUrl": null } }),
        )
        .await;
    let cleared = cleared.ok()["updateMeeting"]["meeting"].clone();
    assert_eq!(cleared["location"], json!(null));
    assert_eq!(cleared["onlineUrl"], json!(null));
    assert_eq!(cleared["title"], "季度联席会议");
    let refused = app
        .gql(
            Some(&convener),
            UPDATE,
            json!({ "input": { "id": meeting["id"], "version": cleared["version"], "title": null, "startsAt": null } }),
        )
        .await;
    assert_eq!(
        refused.ok()["updateMeeting"]["userErrors"],
        json!([{ "field": "title", "code": "REQUIRED" }, { "field": "startsAt", "code": "REQUIRED" }]),
        "{}",
        refused.body
    );
}

#[tokio::test]
async fn alliance_texts_are_cleared_by_null_and_kept_when_left_out() {
    let app = TestApp::new().await;
    let secretariat = app.token("secretariat@example.com").await;
    let id = app.alliance_id(alliance_tests::CONSORTIUM).await;
    const UPDATE: &str = "mutation($input: UpdateAllianceInput!) { updateAlliance(input: $input) { alliance { version instructor supervisingBody foundedOn workingRules timeZone } userErrors { field code } } }";
    let version = app
        .gql(
            Some(&secretariat),
            "query($id: ID!) { alliance(id: $id) { version } }",
            json!({ "id": id }),
        )
        .await
        .ok()["alliance"]["version"]
        .clone();
    let set = app
        .gql(
            Some(&secretariat),
            UPDATE,
            json!({ "input": { "id": id, "version": version, "instructor": "陈指导", "foundedOn": "2020-07-01" } }),
        )
        .await;
    let set = set.ok()["updateAlliance"]["alliance"].clone();
    assert_eq!(set["instructor"], "陈指导");
    let rules = set["workingRules"].clone();
    assert!(rules.is_string(), "the demo alliance has working rules");
    let cleared = app
        .gql(
            Some(&secretariat),
            UPDATE,
            json!({ "input": { "id": id, "version": set["version"], "instructor": null, "foundedOn": null } }),
        )
        .await;
    let cleared = cleared.ok()["updateAlliance"]["alliance"].clone();
    assert_eq!(cleared["instructor"], json!(null));
    assert_eq!(cleared["foundedOn"], json!(null));
    assert_eq!(cleared["workingRules"], rules, "left out, kept");
    assert_eq!(cleared["timeZone"], "Asia/Shanghai");
    let refused = app
        .gql(
            Some(&secretariat),
            UPDATE,
            json!({ "input": { "id": id, "version": cleared["version"], "timeZone": null, "visibility": null } }),
        )
        .await;
    assert_eq!(
        refused.ok()["updateAlliance"]["userErrors"],
        json!([{ "field": "visibility", "code": "REQUIRED" }, { "field": "timeZone", "code": "REQUIRED" }]),
        "{}",
        refused.body
    );
}
