//! Joint activities end to end: the lifecycle, validation naming fields, stale versions, who may
//! read and act, 50 check-ins at once, and the public news (GraphQL, HTML and Atom) holding the
//! published activities of public alliances and nothing else.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use alliance_tests::activities::{FIELDS, activity_mutation, publish, running_activity, uuid_of};
use alliance_tests::{CONSORTIUM, Options, PAIRING_MEMBERS_ONLY, TestApp};
use serde_json::{Value, json};
use std::collections::BTreeSet;

const ORG_ADMIN: &str = "orgadmin@example.com";
const MEMBER: &str = "member@example.com";
const SECRETARIAT: &str = "secretariat@example.com";
/// Secretary of 瀚恩清洁, in the members-only pairing: an outsider to the consortium.
const OUTSIDER: &str = "he.wei@example.com";

fn payload<'a>(answer: &'a alliance_tests::Gql, name: &str) -> &'a Value {
    &answer.ok()[name]
}

fn error_fields(payload: &Value) -> BTreeSet<(String, String)> {
    payload["userErrors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

async fn read(app: &TestApp, token: Option<&str>, id: &str) -> Value {
    app.gql(
        token,
        &format!("query($id: ID!) {{ activity(id: $id) {{ {FIELDS} }} }}"),
        json!({ "id": id }),
    )
    .await
    .ok()["activity"]
        .clone()
}

#[tokio::test]
async fn an_activity_goes_from_planned_to_published_and_counts_everyone() {
    let app = TestApp::new().await;
    let alliance = app.alliance_id(CONSORTIUM).await;
    let activity = running_activity(&app, ORG_ADMIN, &alliance, "“两新”组织党建座谈会").await;
    let id = activity["id"].as_str().unwrap().to_owned();
    assert_eq!(activity["status"], "PLANNED");
    assert_eq!(activity["organizers"][0]["isHost"], true);
    assert_eq!(
        activity["organizers"][0]["organization"]["name"],
        "省塑料协会"
    );
    assert_eq!(activity["viewerCanManage"], true);
    let code = activity["checkInCode"].as_str().unwrap().to_owned();
    assert_eq!(code.len(), 6);

    // A member sees the activity but not its code; checks in with it (signing up is closed).
    let member = app.token(MEMBER).await;
    let seen = read(&app, Some(&member), &id).await;
    assert_eq!(seen["checkInCode"], Value::Null);
    assert_eq!(seen["viewerCanManage"], false);
    let answer = activity_mutation(
        &app,
        Some(&member),
        "signUpForActivity",
        json!({ "activityId": id }),
    )
    .await;
    assert_eq!(
        error_fields(payload(&answer, "signUpForActivity")),
        BTreeSet::from([("activityId".into(), "SIGNUP_CLOSED".into())])
    );
    let answer = activity_mutation(
        &app,
        Some(&member),
        "checkInToActivity",
        json!({ "activityId": id, "code": "000000x" }),
    )
    .await;
    assert_eq!(
        error_fields(payload(&answer, "checkInToActivity")),
        BTreeSet::from([("code".into(), "INVALID".into())])
    );
    let answer = activity_mutation(
        &app,
        Some(&member),
        "checkInToActivity",
        json!({ "activityId": id, "code": code }),
    )
    .await;
    let checked = &payload(&answer, "checkInToActivity")["activity"];
    assert!(
        checked["viewerParticipation"]["checkedInAt"].is_string(),
        "{}",
        answer.body
    );

    // Head-counts of people without accounts, and an organizer checking someone in.
    let admin = app.token(ORG_ADMIN).await;
    let plastics = app.organization_id("省塑料协会").await;
    let answer = activity_mutation(&app, Some(&admin), "setActivityHeadcounts", json!({ "id": id, "version": 1, "headcounts": [{ "organizationId": plastics, "headCount": 20 }] })).await;
    let after = &payload(&answer, "setActivityHeadcounts")["activity"];
    assert_eq!(
        after["totals"],
        json!({ "signedUp": 0, "checkedIn": 1, "headCount": 20, "participants": 21 })
    );
    assert_eq!(after["participants"][0]["user"]["name"], "李娜");
    let version = after["version"].clone();

    // A stale version is a conflict; publishing before completing is not a valid move.
    let answer = activity_mutation(
        &app,
        Some(&admin),
        "updateActivity",
        json!({ "id": id, "version": 1, "theme": "改名" }),
    )
    .await;
    assert_eq!(answer.code(), Some("CONFLICT"), "{}", answer.body);
    let answer = activity_mutation(
        &app,
        Some(&admin),
        "publishActivity",
        json!({ "id": id, "version": version }),
    )
    .await;
    assert_eq!(
        error_fields(payload(&answer, "publishActivity")),
        BTreeSet::from([("id".into(), "INVALID_TRANSITION".into())])
    );
    let answer = activity_mutation(
        &app,
        Some(&admin),
        "completeActivity",
        json!({ "id": id, "version": version }),
    )
    .await;
    let done = &payload(&answer, "completeActivity")["activity"];
    assert_eq!(done["status"], "COMPLETED");
    let answer = activity_mutation(
        &app,
        Some(&admin),
        "publishActivity",
        json!({ "id": id, "version": done["version"] }),
    )
    .await;
    assert_eq!(
        error_fields(payload(&answer, "publishActivity")),
        BTreeSet::from([("report".into(), "REQUIRED".into())])
    );

    let published = publish(
        &app,
        ORG_ADMIN,
        &activity_after(&app, &admin, &id).await,
        "## 座谈\n\n共话发展。",
    )
    .await;
    assert_eq!(published["status"], "PUBLISHED");
    let news = app
        .gql(
            None,
            "{ news(first: 100) { nodes { id title organizerNames report } } }",
            json!({}),
        )
        .await;
    let titles: Vec<&Value> = news.ok()["news"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| &n["title"])
        .collect();
    assert!(
        titles.contains(&&json!("“两新”组织党建座谈会")),
        "{titles:?}"
    );

    // Unpublished, it leaves the news.
    let answer = activity_mutation(
        &app,
        Some(&admin),
        "unpublishActivity",
        json!({ "id": id, "version": published["version"] }),
    )
    .await;
    assert_eq!(
        payload(&answer, "unpublishActivity")["activity"]["status"],
        "COMPLETED"
    );
    let news = app
        .gql(None, "{ news(first: 100) { nodes { title } } }", json!({}))
        .await;
    assert!(!news.body.to_string().contains("“两新”组织党建座谈会"));
    // Every change wrote one audit entry.
    let audited = app
        .scalar_i64(&format!(
            "SELECT count(*) FROM audit_log WHERE entity_id = '{}'",
            uuid_of(&id)
        ))
        .await;
    assert_eq!(
        audited, 7,
        "create, check-in, head-counts, complete, report, publish, unpublish: one entry each"
    );
}

async fn activity_after(app: &TestApp, token: &str, id: &str) -> Value {
    // Back to COMPLETED → planned is not possible: publish() starts from where the activity is,
    // so hand it a view whose status the helper's steps accept.
    let current = read(app, Some(token), id).await;
    assert_eq!(current["status"], "COMPLETED");
    current
}

#[tokio::test]
async fn invalid_input_is_named_by_field() {
    let app = TestApp::new().await;
    let alliance = app.alliance_id(CONSORTIUM).await;
    let haaen = app.organization_id("瀚恩清洁党支部").await;
    let admin = app.token(ORG_ADMIN).await;
    let now = app.clock_now();
    let answer = activity_mutation(
        &app,
        Some(&admin),
        "createActivity",
        json!({
        "allianceId": alliance, "theme": "   ", "kind": "TRAINING",
        "startsAt": now, "endsAt": now - chrono::Duration::hours(1),
        "signupClosesAt": now + chrono::Duration::hours(1), "capacity": 0,
        "location": "地".repeat(301), "coOrganizerIds": [haaen] }),
    )
    .await;
    assert_eq!(
        error_fields(payload(&answer, "createActivity")),
        BTreeSet::from([
            ("theme".into(), "REQUIRED".into()),
            ("endsAt".into(), "BEFORE_START".into()),
            ("signupClosesAt".into(), "AFTER_START".into()),
            ("capacity".into(), "OUT_OF_RANGE".into()),
            ("location".into(), "TOO_LONG".into()),
            ("coOrganizerIds.0".into(), "NOT_MEMBER".into()),
        ]),
        "{}",
        answer.body
    );
    // Hosted by an organization the creator does not act for.
    let huaan = app.organization_id("华安证券公益基金会").await;
    let answer = activity_mutation(&app, Some(&admin), "createActivity", json!({
        "allianceId": alliance, "theme": "座谈", "kind": "TRAINING", "startsAt": now, "endsAt": now + chrono::Duration::hours(1),
        "hostOrganizationId": huaan })).await;
    assert_eq!(
        error_fields(payload(&answer, "createActivity")),
        BTreeSet::from([("hostOrganizationId".into(), "NOT_YOURS".into())])
    );
    // A commitment id that does not exist in the alliance.
    let bogus = alliance_domain::kernel::ids::global_id("Commitment", uuid::Uuid::now_v7());
    let answer = activity_mutation(&app, Some(&admin), "createActivity", json!({
        "allianceId": alliance, "theme": "座谈", "kind": "TRAINING", "startsAt": now, "endsAt": now + chrono::Duration::hours(1),
        "commitmentId": bogus })).await;
    assert_eq!(
        error_fields(payload(&answer, "createActivity")),
        BTreeSet::from([("commitmentId".into(), "NOT_FOUND".into())])
    );
    // An id of the wrong type is bad input, not an internal error.
    let answer = activity_mutation(
        &app,
        Some(&admin),
        "completeActivity",
        json!({ "id": alliance, "version": 1 }),
    )
    .await;
    assert_eq!(answer.code(), Some("BAD_USER_INPUT"));
    // Completing a future activity.
    let answer = activity_mutation(&app, Some(&admin), "createActivity", json!({
        "allianceId": alliance, "theme": "未来", "kind": "TRAINING", "startsAt": now + chrono::Duration::days(3), "endsAt": now + chrono::Duration::days(3) + chrono::Duration::hours(1) })).await;
    let future = payload(&answer, "createActivity")["activity"].clone();
    let answer = activity_mutation(
        &app,
        Some(&admin),
        "completeActivity",
        json!({ "id": future["id"], "version": 1 }),
    )
    .await;
    assert_eq!(
        error_fields(payload(&answer, "completeActivity")),
        BTreeSet::from([("id".into(), "NOT_STARTED".into())])
    );
    let answer = activity_mutation(&app, Some(&admin), "setActivityHeadcounts", json!({ "id": future["id"], "version": 1,
        "headcounts": [{ "organizationId": haaen, "headCount": 3 }, { "organizationId": haaen, "headCount": -1 }] })).await;
    assert_eq!(
        error_fields(payload(&answer, "setActivityHeadcounts")),
        BTreeSet::from([
            ("headcounts.0.organizationId".into(), "NOT_MEMBER".into()),
            ("headcounts.1.organizationId".into(), "NOT_MEMBER".into()),
            ("headcounts.1.organizationId".into(), "DUPLICATE".into()),
            ("headcounts.1.headCount".into(), "OUT_OF_RANGE".into()),
        ])
    );
    // Sign-up ahead, once, and withdrawing it.
    let member = app.token(MEMBER).await;
    for _ in 0..2 {
        let answer = activity_mutation(
            &app,
            Some(&member),
            "signUpForActivity",
            json!({ "activityId": future["id"] }),
        )
        .await;
        assert_eq!(
            payload(&answer, "signUpForActivity")["activity"]["totals"]["signedUp"],
            1,
            "{}",
            answer.body
        );
    }
    let answer = activity_mutation(
        &app,
        Some(&member),
        "checkInToActivity",
        json!({ "activityId": future["id"], "code": "123456" }),
    )
    .await;
    assert!(!error_fields(payload(&answer, "checkInToActivity")).is_empty());
    let answer = activity_mutation(
        &app,
        Some(&member),
        "cancelActivitySignUp",
        json!({ "activityId": future["id"] }),
    )
    .await;
    assert_eq!(
        payload(&answer, "cancelActivitySignUp")["activity"]["totals"]["signedUp"],
        0
    );
    // Cancelled, it cannot be changed.
    let answer = activity_mutation(
        &app,
        Some(&admin),
        "cancelActivity",
        json!({ "id": future["id"], "version": 1 }),
    )
    .await;
    assert_eq!(
        payload(&answer, "cancelActivity")["activity"]["status"],
        "CANCELLED"
    );
    let answer = activity_mutation(
        &app,
        Some(&admin),
        "updateActivity",
        json!({ "id": future["id"], "version": 2, "theme": "再改" }),
    )
    .await;
    assert_eq!(
        error_fields(payload(&answer, "updateActivity")),
        BTreeSet::from([("id".into(), "CANCELLED".into())])
    );
}

#[tokio::test]
async fn outsiders_anonymous_and_tokens_without_the_scope_see_and_do_nothing() {
    let app = TestApp::new().await;
    let alliance = app.alliance_id(CONSORTIUM).await;
    let activity = running_activity(&app, ORG_ADMIN, &alliance, "内部活动").await;
    let id = activity["id"].as_str().unwrap();
    let outsider = app.token(OUTSIDER).await;
    let member = app.token(MEMBER).await;

    assert_eq!(read(&app, None, id).await, Value::Null);
    assert_eq!(read(&app, Some(&outsider), id).await, Value::Null);
    let node = app
        .gql(
            None,
            "query($id: ID!) { node(id: $id) { id } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(node.ok()["node"], Value::Null);
    let list = app.gql(Some(&outsider), "query($a: ID!) { activities(allianceId: $a) { totalCount } alliance(id: $a) { activities { totalCount } } }", json!({ "a": alliance })).await;
    assert_eq!(list.ok()["activities"]["totalCount"], 0);
    assert_eq!(list.ok()["alliance"]["activities"]["totalCount"], 0);
    let ledger = app
        .gql(
            None,
            "query($o: ID!) { node(id: $o) { ... on Organization { activities { totalCount } } } }",
            json!({ "o": app.organization_id("省塑料协会").await }),
        )
        .await;
    assert_eq!(
        ledger.ok()["node"]["activities"]["totalCount"],
        0,
        "the public ledger shows no internal activity"
    );

    let answer = activity_mutation(&app, None, "createActivity", json!({ "allianceId": alliance, "theme": "匿名", "kind": "OTHER", "startsAt": app.clock_now(), "endsAt": app.clock_now() + chrono::Duration::hours(1) })).await;
    assert_eq!(answer.code(), Some("UNAUTHENTICATED"));
    let answer = activity_mutation(&app, Some(&member), "createActivity", json!({ "allianceId": alliance, "theme": "普通党员", "kind": "OTHER", "startsAt": app.clock_now(), "endsAt": app.clock_now() + chrono::Duration::hours(1) })).await;
    assert_eq!(answer.code(), Some("FORBIDDEN"));
    let answer = activity_mutation(
        &app,
        Some(&member),
        "updateActivity",
        json!({ "id": id, "version": 1, "theme": "改" }),
    )
    .await;
    assert_eq!(answer.code(), Some("FORBIDDEN"));
    for (name, input) in [
        ("signUpForActivity", json!({ "activityId": id })),
        (
            "checkInToActivity",
            json!({ "activityId": id, "code": activity["checkInCode"] }),
        ),
        ("publishActivity", json!({ "id": id, "version": 1 })),
    ] {
        let answer = activity_mutation(&app, Some(&outsider), name, input).await;
        assert_eq!(answer.code(), Some("NOT_FOUND"), "{name}: {}", answer.body);
    }

    // The ledger of the host, for the alliance's own people.
    let ledger = app.gql(Some(&member), "query($o: ID!) { node(id: $o) { ... on Organization { activities { totalCount nodes { theme } } } } }", json!({ "o": app.organization_id("省塑料协会").await })).await;
    assert!(
        ledger.body.to_string().contains("内部活动"),
        "{}",
        ledger.body
    );

    // Tokens: read:activities reads (without names of people unless read:alliance), others do not.
    let secretariat = app.token(SECRETARIAT).await;
    let mut secrets = Vec::new();
    for scopes in [
        json!(["read:alliance"]),
        json!(["read:activities"]),
        json!(["read:activities", "read:alliance"]),
    ] {
        let answer = app.gql(Some(&secretariat), "mutation($input: CreateIntegrationTokenInput!) { createIntegrationToken(input: $input) { secret userErrors { field code } } }",
            json!({ "input": { "name": "区级平台", "scopes": scopes, "allianceId": alliance } })).await;
        secrets.push(
            answer.ok()["createIntegrationToken"]["secret"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    let checked = activity_mutation(
        &app,
        Some(&member),
        "checkInToActivity",
        json!({ "activityId": id, "code": activity["checkInCode"] }),
    )
    .await;
    assert_eq!(
        payload(&checked, "checkInToActivity")["userErrors"],
        json!([])
    );
    assert_eq!(read(&app, Some(&secrets[0]), id).await, Value::Null);
    let scoped = read(&app, Some(&secrets[1]), id).await;
    assert_eq!(scoped["theme"], "内部活动");
    assert_eq!(scoped["participants"], json!([]));
    assert_eq!(scoped["totals"]["checkedIn"], 1);
    let full = read(&app, Some(&secrets[2]), id).await;
    assert_eq!(full["participants"].as_array().unwrap().len(), 1);
    let answer = activity_mutation(&app, Some(&secrets[1]), "createActivity", json!({ "allianceId": alliance, "theme": "令牌", "kind": "OTHER", "startsAt": app.clock_now(), "endsAt": app.clock_now() + chrono::Duration::hours(1), "hostOrganizationId": app.organization_id("省塑料协会").await })).await;
    assert_eq!(
        answer.code(),
        Some("NOT_FOUND"),
        "read:activities neither writes nor sees the alliance profile"
    );
    assert_eq!(
        app.scalar_i64("SELECT count(*) FROM activities WHERE theme = '令牌'")
            .await,
        0
    );
}

#[tokio::test]
async fn fifty_check_ins_at_once_record_one_participant() {
    let app = TestApp::spawn(Options {
        throttle: alliance_domain::kernel::config::ThrottleConfig {
            check_in_free_failures: 1000,
            ..Default::default()
        },
        ..Options::default()
    })
    .await;
    let alliance = app.alliance_id(CONSORTIUM).await;
    let activity = running_activity(&app, ORG_ADMIN, &alliance, "并发签到").await;
    let member = app.token(MEMBER).await;
    let query = format!(
        "mutation($input: CheckInToActivityInput!) {{ checkInToActivity(input: $input) {{ activity {{ {FIELDS} }} userErrors {{ field code }} }} }}"
    );
    let input =
        json!({ "input": { "activityId": activity["id"], "code": activity["checkInCode"] } });
    let answers = futures_util::future::join_all(
        (0..50).map(|_| app.gql(Some(&member), &query, input.clone())),
    )
    .await;
    for answer in &answers {
        assert_eq!(
            answer.ok()["checkInToActivity"]["userErrors"],
            json!([]),
            "{}",
            answer.body
        );
    }
    let id = uuid_of(activity["id"].as_str().unwrap());
    assert_eq!(
        app.scalar_i64(&format!(
            "SELECT count(*) FROM activity_participants WHERE activity_id = '{id}'"
        ))
        .await,
        1
    );
    assert_eq!(app.scalar_i64(&format!("SELECT count(*) FROM audit_log WHERE action = 'activity.check_in' AND entity_id = '{id}'")).await, 1);
}

/// The ids (uuids) of every published activity of a public alliance.
async fn public_published(app: &TestApp) -> BTreeSet<uuid::Uuid> {
    use sea_orm::ConnectionTrait;
    let rows = app
        .services
        .db
        .query_all_raw(alliance_domain::kernel::db::stmt(
            "SELECT a.id FROM activities a JOIN alliances al ON al.id = a.alliance_id
              WHERE a.status = 'published' AND al.visibility = 'public'",
            [],
        ))
        .await
        .unwrap();
    rows.iter().map(|r| r.try_get("", "id").unwrap()).collect()
}

#[tokio::test]
async fn the_news_holds_published_activities_of_public_alliances_and_nothing_else() {
    let app = TestApp::new().await;
    let consortium = app.alliance_id(CONSORTIUM).await;
    let pairing = app.alliance_id(PAIRING_MEMBERS_ONLY).await;
    let hostile = "<script>alert('x')</script> & \"共建\"";
    let public = running_activity(&app, ORG_ADMIN, &consortium, hostile).await;
    publish(
        &app,
        ORG_ADMIN,
        &public,
        "**正文** <img src=x onerror=alert(1)>",
    )
    .await;
    running_activity(&app, ORG_ADMIN, &consortium, "未发布的活动").await;
    let internal = running_activity(&app, OUTSIDER, &pairing, "成员可见联盟的活动").await;
    publish(&app, OUTSIDER, &internal, "内部报告").await;
    let admin = app.token(ORG_ADMIN).await;
    let cancelled = running_activity(&app, ORG_ADMIN, &consortium, "取消的活动").await;
    activity_mutation(
        &app,
        Some(&admin),
        "cancelActivity",
        json!({ "id": cancelled["id"], "version": 1 }),
    )
    .await;
    let expected = public_published(&app).await;
    assert!(expected.contains(&uuid_of(public["id"].as_str().unwrap())));

    // GraphQL, anonymously.
    let news = app.gql(None, "{ news(first: 100) { totalCount nodes { id title allianceName cover { url } photos { url } } } }", json!({})).await;
    let nodes = news.ok()["news"]["nodes"].as_array().unwrap().clone();
    let got: BTreeSet<uuid::Uuid> = nodes
        .iter()
        .map(|n| uuid_of(n["id"].as_str().unwrap()))
        .collect();
    assert_eq!(got, expected);
    let text = news.body.to_string();
    for absent in ["未发布的活动", "成员可见联盟的活动", "取消的活动"] {
        assert!(!text.contains(absent), "{absent} leaked into the news");
    }
    let pairing_news = app
        .gql(
            None,
            "query($a: ID!) { news(allianceId: $a) { totalCount } }",
            json!({ "a": pairing }),
        )
        .await;
    assert_eq!(pairing_news.ok()["news"]["totalCount"], 0);
    let article_id = nodes.iter().find(|n| n["title"] == hostile).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let internal_article = alliance_domain::kernel::ids::global_id(
        "NewsArticle",
        uuid_of(internal["id"].as_str().unwrap()),
    );
    let one = app.gql(None, "query($a: ID!, $b: ID!) { a: newsArticle(id: $a) { title } b: newsArticle(id: $b) { title } }", json!({ "a": article_id, "b": internal_article })).await;
    assert_eq!(one.ok()["a"]["title"], hostile);
    assert_eq!(one.ok()["b"], Value::Null);

    // The HTML pages, escaped, with Open Graph and a canonical link.
    let page = app
        .client
        .get(format!("{}/news", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    assert!(
        page.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let html = page.text().await.unwrap();
    assert!(!html.contains("<script>alert"), "the theme is escaped");
    assert!(
        html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;共建&quot;")
    );
    for absent in ["未发布的活动", "成员可见联盟的活动", "取消的活动"] {
        assert!(!html.contains(absent));
    }
    let article = app
        .client
        .get(format!("{}/news/{article_id}", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(article.status(), 200);
    let html = article.text().await.unwrap();
    assert!(
        html.contains("<meta property=\"og:title\" content=\"&lt;script&gt;"),
        "{html}"
    );
    assert!(html.contains(&format!(
        "<link rel=\"canonical\" href=\"{}/news/{article_id}\">",
        app.services.config.public_url.trim_end_matches('/')
    )));
    assert!(html.contains("<strong>正文</strong>"));
    assert!(
        !html.contains("<img src=x"),
        "raw HTML in the report is shown as text"
    );
    assert!(!html.contains("<script>"));
    let hidden = app
        .client
        .get(format!("{}/news/{internal_article}", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(hidden.status(), 404);

    // The Atom feeds parse and hold exactly the published public activities.
    let body = app
        .client
        .get(format!("{}/news/feed.atom", app.url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let feed: atom_syndication::Feed = body.parse().unwrap();
    let entries: BTreeSet<uuid::Uuid> = feed
        .entries()
        .iter()
        .map(|e| uuid_of(e.id().rsplit('/').next().unwrap()))
        .collect();
    assert_eq!(entries, expected);
    let title = feed
        .entries()
        .iter()
        .find(|e| e.title().as_str() == hostile);
    assert!(
        title.is_some(),
        "the hostile title survives escaping intact"
    );
    let body = app
        .client
        .get(format!("{}/alliances/{consortium}/news.atom", app.url))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let feed: atom_syndication::Feed = body.parse().unwrap();
    assert!(
        feed.entries()
            .iter()
            .all(|e| e.title().as_str() != "成员可见联盟的活动")
    );
    assert!(feed.entries().iter().any(|e| e.title().as_str() == hostile));
    let members_only = app
        .client
        .get(format!("{}/alliances/{pairing}/news.atom", app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(members_only.status(), 404);
}

#[tokio::test]
async fn the_demo_activities_are_published_once_however_often_the_seed_runs() {
    let app = TestApp::new().await;
    alliance_domain::seed::demo(&app.services).await.unwrap();
    assert_eq!(
        app.scalar_i64("SELECT count(*) FROM activities WHERE status = 'published'")
            .await,
        2
    );
    assert_eq!(
        app.scalar_i64("SELECT coalesce(sum(head_count), 0)::bigint FROM activity_headcounts")
            .await,
        20
    );
    let news = app
        .gql(
            None,
            "{ news { totalCount nodes { title organizerNames } } }",
            json!({}),
        )
        .await;
    assert_eq!(news.ok()["news"]["totalCount"], 2);
    assert!(news.body.to_string().contains("南方阻燃党支部"));
}

mod live {
    use super::*;
    use futures_util::{SinkExt, StreamExt};
    use std::time::Duration;
    use tokio_tungstenite::tungstenite::Message;
    use tokio_tungstenite::tungstenite::client::IntoClientRequest;

    type Ws = tokio_tungstenite::WebSocketStream<
        tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>,
    >;

    async fn open(app: &TestApp, token: &str) -> Ws {
        let mut request = (app.url.replace("http://", "ws://") + "/graphql/ws")
            .into_client_request()
            .unwrap();
        request.headers_mut().insert(
            "Sec-WebSocket-Protocol",
            "graphql-transport-ws".parse().unwrap(),
        );
        let (mut socket, _) = tokio_tungstenite::connect_async(request).await.unwrap();
        send(&mut socket, json!({ "type": "connection_init", "payload": { "Authorization": format!("Bearer {token}") } })).await;
        let ack = next(&mut socket, Duration::from_secs(30)).await.unwrap();
        assert_eq!(ack["type"], "connection_ack", "{ack}");
        socket
    }

    async fn send(socket: &mut Ws, message: Value) {
        socket
            .send(Message::Text(message.to_string().into()))
            .await
            .unwrap();
    }

    /// The next graphql-ws message (pings answered), or `None` after `within`.
    async fn next(socket: &mut Ws, within: Duration) -> Option<Value> {
        loop {
            let message = tokio::time::timeout(within, socket.next())
                .await
                .ok()??
                .unwrap();
            if let Message::Text(text) = message {
                let value: Value = serde_json::from_str(&text).unwrap();
                if value["type"] == "ping" {
                    send(socket, json!({ "type": "pong" })).await;
                    continue;
                }
                return Some(value);
            }
        }
    }

    const SUBSCRIBE: &str =
        "subscription($a: ID!) { activityPublished(allianceId: $a) { id theme status } }";

    #[tokio::test]
    async fn publishing_reaches_the_alliances_people_and_no_outsider() {
        let app = TestApp::new().await;
        let consortium = app.alliance_id(CONSORTIUM).await;
        let pairing = app.alliance_id(PAIRING_MEMBERS_ONLY).await;
        let mut member = open(&app, &app.token(MEMBER).await).await;
        send(&mut member, json!({ "id": "1", "type": "subscribe", "payload": { "query": SUBSCRIBE, "variables": { "a": consortium } } })).await;
        let mut outsider = open(&app, &app.token(OUTSIDER).await).await;
        send(&mut outsider, json!({ "id": "1", "type": "subscribe", "payload": { "query": SUBSCRIBE, "variables": { "a": consortium } } })).await;
        let refused = next(&mut outsider, Duration::from_secs(30)).await.unwrap();
        assert_eq!(refused["payload"]["data"], Value::Null, "{refused}");
        assert_eq!(
            refused["payload"]["errors"][0]["extensions"]["code"],
            "NOT_FOUND"
        );

        // The pairing's activity is published: nothing for the consortium's subscriber.
        let other = running_activity(&app, OUTSIDER, &pairing, "结对活动").await;
        publish(&app, OUTSIDER, &other, "内部").await;
        let activity = running_activity(&app, ORG_ADMIN, &consortium, "联合体活动").await;
        let published = publish(&app, ORG_ADMIN, &activity, "报道").await;
        // The subscription may start after that first event: re-announce until one arrives.
        let id = uuid_of(published["id"].as_str().unwrap());
        let mut delivered = None;
        for _ in 0..10 {
            if let Some(message) = next(&mut member, Duration::from_secs(2)).await {
                assert_eq!(message["type"], "next", "{message}");
                delivered = Some(message);
            }
            if delivered.is_some() {
                break;
            }
            alliance_domain::kernel::events::publish(
                &app.services.db,
                alliance_domain::activities::PUBLISHED_TOPIC,
                id,
            )
            .await
            .unwrap();
        }
        let delivered = delivered.expect("the member heard of the publication");
        assert_eq!(
            delivered["payload"]["data"]["activityPublished"]["theme"],
            "联合体活动"
        );
        assert_eq!(
            delivered["payload"]["data"]["activityPublished"]["status"],
            "PUBLISHED"
        );
        let pairing_id = uuid_of(other["id"].as_str().unwrap());
        alliance_domain::kernel::events::publish(
            &app.services.db,
            alliance_domain::activities::PUBLISHED_TOPIC,
            pairing_id,
        )
        .await
        .unwrap();
        if let Some(message) = next(&mut member, Duration::from_secs(2)).await {
            assert_ne!(
                message["payload"]["data"]["activityPublished"]["theme"], "结对活动",
                "{message}"
            );
        }
    }
}
