//! The organizers' kit of an activity: the check-in QR code (managers only, while check-in is
//! open) and the ACTIVITY_PUBLISHED notification to the people of the host and co-organizers.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use alliance_tests::activities::{activity_mutation, publish, uuid_of};
use alliance_tests::{CONSORTIUM, TestApp};
use serde_json::{Value, json};

/// Deputy secretary and admin of 省塑料协会 (the host below).
const HOST_ADMIN: &str = "orgadmin@example.com";
/// Secretary of 省塑料协会 (the host): a person of the host besides the publisher.
const HOST_SECRETARY: &str = "sun.li@example.com";
/// Member of 华安证券公益基金会 (the co-organizer below).
const CO_MEMBER: &str = "member@example.com";
/// Secretary of 华安证券公益基金会.
const CO_SECRETARY: &str = "zhao.mingyuan@example.com";
/// Secretary of 省民营跨境电子商务协会: in the consortium, but not organizing.
const BYSTANDER: &str = "qian.tao@example.com";
/// Secretary of 瀚恩清洁: another alliance.
const OUTSIDER: &str = "he.wei@example.com";

const KIT: &str = "query($id: ID!) { activity(id: $id) { status checkInUrl checkInQrSvg } }";

/// A planned, started activity hosted by 省塑料协会 with 华安证券公益基金会 co-organizing.
async fn co_organized(app: &TestApp, theme: &str) -> Value {
    let alliance = app.alliance_id(CONSORTIUM).await;
    let token = app.token(HOST_ADMIN).await;
    let now = app.clock_now();
    let answer = activity_mutation(
        app,
        Some(&token),
        "createActivity",
        json!({ "allianceId": alliance, "theme": theme, "kind": "SYMPOSIUM",
                "startsAt": now - chrono::Duration::minutes(30), "endsAt": now + chrono::Duration::hours(2),
                "coOrganizerIds": [app.organization_id("华安证券公益基金会").await] }),
    )
    .await;
    let payload = &answer.ok()["createActivity"];
    assert_eq!(payload["userErrors"], json!([]), "{}", answer.body);
    assert_eq!(
        payload["activity"]["organizers"].as_array().unwrap().len(),
        2
    );
    payload["activity"].clone()
}

async fn kit(app: &TestApp, token: Option<&str>, id: &str) -> Value {
    app.gql(token, KIT, json!({ "id": id })).await.ok()["activity"].clone()
}

#[tokio::test]
async fn managers_see_the_check_in_qr_code_while_check_in_is_open_and_nobody_else_does() {
    let app = TestApp::new().await;
    let activity = co_organized(&app, "二维码签到").await;
    let id = activity["id"].as_str().unwrap();

    let manager = kit(&app, Some(&app.token(HOST_ADMIN).await), id).await;
    let url = manager["checkInUrl"].as_str().unwrap();
    assert!(url.contains("/check-in?code="), "{url}");
    let svg = manager["checkInQrSvg"].as_str().unwrap();
    assert!(svg.contains("<svg"), "{svg}");
    assert!(
        svg.len() > 1000,
        "a QR code of the link, not an empty picture"
    );
    // The same picture each time: it is drawn from the link, which does not change.
    let again = kit(&app, Some(&app.token(HOST_ADMIN).await), id).await;
    assert_eq!(again["checkInQrSvg"], manager["checkInQrSvg"]);

    // People who may read the activity but not manage it see neither the link nor the code.
    for login in [CO_MEMBER, BYSTANDER] {
        let seen = kit(&app, Some(&app.token(login).await), id).await;
        assert_eq!(seen["status"], "PLANNED", "{login} reads the activity");
        assert_eq!(seen["checkInUrl"], Value::Null, "{login}");
        assert_eq!(seen["checkInQrSvg"], Value::Null, "{login}");
    }
    // Anonymous visitors and another alliance's people do not see the activity at all.
    assert_eq!(kit(&app, None, id).await, Value::Null);
    assert_eq!(
        kit(&app, Some(&app.token(OUTSIDER).await), id).await,
        Value::Null
    );

    // Once completed, self check-in is closed: no link and no code to show.
    let token = app.token(HOST_ADMIN).await;
    let answer = activity_mutation(
        &app,
        Some(&token),
        "completeActivity",
        json!({ "id": id, "version": activity["version"] }),
    )
    .await;
    assert_eq!(answer.ok()["completeActivity"]["userErrors"], json!([]));
    let closed = kit(&app, Some(&token), id).await;
    assert_eq!(closed["status"], "COMPLETED");
    assert_eq!(closed["checkInUrl"], Value::Null);
    assert_eq!(closed["checkInQrSvg"], Value::Null);
}

/// The subjects of `login`'s ACTIVITY_PUBLISHED notifications, with their English titles.
async fn published_notices(app: &TestApp, login: &str) -> Vec<(String, String)> {
    let answer = app
        .gql(
            Some(&app.token(login).await),
            r#"{ notifications(first: 100) { nodes { kind subjectId title(locale: "en") } } }"#,
            json!({}),
        )
        .await;
    answer.ok()["notifications"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "ACTIVITY_PUBLISHED")
        .map(|n| {
            (
                n["subjectId"].as_str().unwrap().to_owned(),
                n["title"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn publishing_tells_the_organizers_people_once_per_publish_and_nobody_else() {
    let app = TestApp::new().await;
    let activity = co_organized(&app, "联合主题党日").await;
    let id = activity["id"].as_str().unwrap().to_owned();
    let published = publish(&app, HOST_ADMIN, &activity, "# 活动报告\n\n开展主题党日。").await;
    assert_eq!(published["status"], "PUBLISHED");

    for login in [HOST_SECRETARY, CO_MEMBER, CO_SECRETARY] {
        let notices = published_notices(&app, login).await;
        assert_eq!(notices.len(), 1, "{login}: {notices:?}");
        assert_eq!(notices[0].0, id, "{login} is led to the activity");
        assert!(notices[0].1.contains("联合主题党日"), "{:?}", notices[0]);
    }
    for login in [HOST_ADMIN, BYSTANDER, OUTSIDER] {
        assert_eq!(published_notices(&app, login).await, vec![], "{login}");
    }
    let zh = app
        .gql(
            Some(&app.token(CO_MEMBER).await),
            r#"{ notifications(first: 1) { nodes { title(locale: "zh-CN") } } }"#,
            json!({}),
        )
        .await;
    assert_eq!(
        zh.ok()["notifications"]["nodes"][0]["title"],
        "五家省级社会组织党建工作联合体：本单位参与组织的活动「联合主题党日」已发布"
    );

    // Unpublishing tells nobody; publishing again is a new publish, told once more.
    let token = app.token(HOST_ADMIN).await;
    let mut version = published["version"].clone();
    for step in ["unpublishActivity", "publishActivity"] {
        let answer = activity_mutation(
            &app,
            Some(&token),
            step,
            json!({ "id": id, "version": version }),
        )
        .await;
        assert_eq!(
            answer.ok()[step]["userErrors"],
            json!([]),
            "{}",
            answer.body
        );
        version = answer.ok()[step]["activity"]["version"].clone();
        let expected = if step == "unpublishActivity" { 1 } else { 2 };
        assert_eq!(
            published_notices(&app, CO_MEMBER).await.len(),
            expected,
            "after {step}"
        );
    }
    assert_eq!(published_notices(&app, HOST_ADMIN).await, vec![]);
}

#[tokio::test]
async fn fifty_publishes_at_once_publish_once_and_tell_each_person_once() {
    let app = TestApp::new().await;
    let activity = co_organized(&app, "并发发布").await;
    let id = activity["id"].as_str().unwrap().to_owned();
    let token = app.token(HOST_ADMIN).await;
    let mut version = activity["version"].clone();
    for (step, extra) in [
        (
            "updateActivity",
            json!({ "report": "报告", "summary": "摘要" }),
        ),
        ("completeActivity", json!({})),
    ] {
        let mut input = json!({ "id": id, "version": version });
        for (k, v) in extra.as_object().unwrap() {
            input[k] = v.clone();
        }
        let answer = activity_mutation(&app, Some(&token), step, input).await;
        assert_eq!(
            answer.ok()[step]["userErrors"],
            json!([]),
            "{}",
            answer.body
        );
        version = answer.ok()[step]["activity"]["version"].clone();
    }

    let input = json!({ "id": id, "version": version });
    let answers = futures_util::future::join_all(
        (0..50).map(|_| activity_mutation(&app, Some(&token), "publishActivity", input.clone())),
    )
    .await;
    let won = answers
        .iter()
        .filter(|a| {
            a.errors().is_null() && a.ok()["publishActivity"]["activity"]["status"] == "PUBLISHED"
        })
        .count();
    assert_eq!(won, 1, "one publish wins");
    for answer in &answers {
        if !answer.errors().is_null() {
            assert_eq!(answer.code(), Some("CONFLICT"), "{}", answer.body);
        }
    }
    let uuid = uuid_of(&id);
    assert_eq!(
        app.scalar_i64(&format!(
            "SELECT count(*) FROM audit_log WHERE action = 'activity.publish' AND entity_id = '{uuid}'"
        ))
        .await,
        1
    );
    for login in [HOST_SECRETARY, CO_MEMBER, CO_SECRETARY] {
        assert_eq!(published_notices(&app, login).await.len(), 1, "{login}");
    }
    // Every notification of this publish is one per person.
    assert_eq!(
        app.scalar_i64(&format!(
            "SELECT count(*) - count(DISTINCT user_id) FROM notifications
              WHERE kind = 'activity_published' AND entity_id = '{uuid}'"
        ))
        .await,
        0
    );
}
