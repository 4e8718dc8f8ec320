//! Shared resources (资源共享) and bookings, as outsiders and insiders see them.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use alliance_tests::resources::{APPROVE, OFFER, offer_venue, request, requested};
use alliance_tests::{CONSORTIUM, PAIRING_MEMBERS_ONLY, TestApp};
use chrono::{DateTime, Duration, Timelike, Utc};
use serde_json::{Value, json};

/// 瀚恩 (he.wei acts for it) and 静安 (luo.gang is its secretary) make up the members-only pairing B.
const OWNER: &str = "he.wei@example.com";
const REQUESTER: &str = "luo.gang@example.com";
/// People of the consortium A, who have nothing to do with B.
const OUTSIDER: &str = "orgadmin@example.com";
const A_SECRETARIAT: &str = "secretariat@example.com";
const ADMIN: &str = "admin@example.com";

const DECLINE: &str =
    "mutation($input: DeclineResourceBookingInput!) { declineResourceBooking(input: $input) {
    booking { id version status decisionReason } userErrors { field code message } } }";
const USED: &str =
    "mutation($input: MarkResourceBookingUsedInput!) { markResourceBookingUsed(input: $input) {
    booking { id version status contributionNote } userErrors { field code message } } }";
const CANCEL: &str =
    "mutation($input: ResourceBookingVersionInput!) { cancelResourceBooking(input: $input) {
    booking { id version status } userErrors { field code message } } }";
const UPDATE: &str = "mutation($input: UpdateResourceInput!) { updateResource(input: $input) {
    sharedResource { id version name capacity } userErrors { field code message } } }";
const WITHDRAW: &str =
    "mutation($input: WithdrawResourceInput!) { withdrawResource(input: $input) {
    sharedResource { id version withdrawnAt } userErrors { field code message } } }";
const READ: &str = "query($id: ID!) { sharedResource(id: $id) { id name offeredTo { id }
    bookings { id status startsAt endsAt } } }";

struct Pairing {
    app: TestApp,
    owner: String,
    requester: String,
    haaen: String,
    alliance: String,
    resource: String,
}

async fn pairing() -> Pairing {
    let app = TestApp::new().await;
    let owner = app.token(OWNER).await;
    let requester = app.token(REQUESTER).await;
    let haaen = app.organization_id("瀚恩清洁党支部").await;
    let alliance = app.alliance_id(PAIRING_MEMBERS_ONLY).await;
    let resource = offer_venue(&app, &owner, &haaen, &alliance, "瀚恩党员活动室").await;
    Pairing {
        app,
        owner,
        requester,
        haaen,
        alliance,
        resource,
    }
}

/// 10:00 UTC, `days` from the test clock's today, plus `hours`.
fn at(app: &TestApp, days: i64, hours: i64) -> DateTime<Utc> {
    let now = app.clock_now();
    let midnight = now
        - Duration::seconds(i64::from(now.num_seconds_from_midnight()))
        - Duration::nanoseconds(i64::from(now.nanosecond()));
    midnight + Duration::days(days) + Duration::hours(10 + hours)
}

async fn run(app: &TestApp, token: &str, doc: &str, input: Value, field: &str) -> Value {
    let answer = app.gql(Some(token), doc, json!({ "input": input })).await;
    answer.ok()[field].clone()
}

fn codes(payload: &Value) -> Vec<(String, String)> {
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

#[tokio::test]
async fn an_organization_offers_edits_and_withdraws_a_resource() {
    let p = pairing().await;
    let app = &p.app;
    // Field errors name the field.
    let bad = run(
        app,
        &p.owner,
        OFFER,
        json!({ "organizationId": p.haaen, "allianceIds": [p.alliance],
        "kind": "EXPERT", "name": "  ", "capacity": 0, "location": "x".repeat(301) }),
        "offerResource",
    )
    .await;
    let found = codes(&bad);
    for expected in [
        ("name", "REQUIRED"),
        ("capacity", "OUT_OF_RANGE"),
        ("location", "TOO_LONG"),
    ] {
        assert!(
            found.contains(&(expected.0.into(), expected.1.into())),
            "{bad}"
        );
    }
    let none = run(
        app,
        &p.owner,
        OFFER,
        json!({ "organizationId": p.haaen, "allianceIds": [],
        "kind": "EXPERT", "name": "专家" }),
        "offerResource",
    )
    .await;
    assert_eq!(
        codes(&none),
        vec![("allianceIds".into(), "REQUIRED".into())]
    );
    // Only for one's own organization: 静安's secretary may not offer 瀚恩's resources.
    let answer = app
        .gql(
            Some(&p.requester),
            OFFER,
            json!({ "input": { "organizationId": p.haaen,
        "allianceIds": [p.alliance], "kind": "VENUE", "name": "冒名" } }),
        )
        .await;
    assert_eq!(answer.code(), Some("FORBIDDEN"), "{}", answer.body);
    let answer = app
        .gql(
            None,
            OFFER,
            json!({ "input": { "organizationId": p.haaen,
        "allianceIds": [p.alliance], "kind": "VENUE", "name": "匿名" } }),
        )
        .await;
    assert_eq!(answer.code(), Some("UNAUTHENTICATED"));
    // Not to an alliance the organization does not belong to.
    let consortium = app.alliance_id(CONSORTIUM).await;
    let answer = app
        .gql(
            Some(&p.owner),
            OFFER,
            json!({ "input": { "organizationId": p.haaen,
        "allianceIds": [consortium], "kind": "VENUE", "name": "外盟" } }),
        )
        .await;
    assert_eq!(answer.code(), Some("FORBIDDEN"), "{}", answer.body);

    // Hostile text is kept as text.
    let hostile = "<script>alert(1)</script>'; DROP TABLE shared_resources; --";
    let saved = run(
        app,
        &p.owner,
        UPDATE,
        json!({ "id": p.resource, "version": 1, "name": hostile, "capacity": null }),
        "updateResource",
    )
    .await;
    assert_eq!(saved["userErrors"], json!([]), "{saved}");
    assert_eq!(saved["sharedResource"]["name"], hostile);
    assert_eq!(saved["sharedResource"]["capacity"], Value::Null);
    assert_eq!(saved["sharedResource"]["version"], 2);
    let stale = app
        .gql(
            Some(&p.owner),
            UPDATE,
            json!({ "input": { "id": p.resource, "version": 1, "name": "旧" } }),
        )
        .await;
    assert_eq!(stale.code(), Some("CONFLICT"));
    let cleared = run(
        app,
        &p.owner,
        UPDATE,
        json!({ "id": p.resource, "version": 2, "name": null }),
        "updateResource",
    )
    .await;
    assert_eq!(codes(&cleared), vec![("name".into(), "REQUIRED".into())]);
    let answer = app
        .gql(
            Some(&p.requester),
            UPDATE,
            json!({ "input": { "id": p.resource, "version": 2, "name": "他人" } }),
        )
        .await;
    assert_eq!(answer.code(), Some("FORBIDDEN"));

    let stale = app
        .gql(
            Some(&p.owner),
            WITHDRAW,
            json!({ "input": { "id": p.resource, "version": 1 } }),
        )
        .await;
    assert_eq!(stale.code(), Some("CONFLICT"));
    let withdrawn = run(
        app,
        &p.owner,
        WITHDRAW,
        json!({ "id": p.resource, "version": 2 }),
        "withdrawResource",
    )
    .await;
    assert!(
        withdrawn["sharedResource"]["withdrawnAt"].is_string(),
        "{withdrawn}"
    );
    let late = request(app, &p.requester, &p.resource, at(app, 3, 0), at(app, 3, 2)).await;
    assert_eq!(
        codes(&late),
        vec![("resourceId".into(), "WITHDRAWN".into())]
    );
    let listed = app
        .gql(
            Some(&p.requester),
            "query($a: ID!) { sharedResources(allianceId: $a) { totalCount } }",
            json!({ "a": p.alliance }),
        )
        .await;
    assert_eq!(listed.ok()["sharedResources"]["totalCount"], 0);
    assert_eq!(
        app.scalar_i64("SELECT count(*) FROM audit_log WHERE action LIKE 'resource.%'")
            .await,
        3,
        "offer, update and withdraw are audited once each"
    );
}

#[tokio::test]
async fn only_the_people_of_an_offered_alliance_and_scoped_tokens_see_a_resource() {
    let p = pairing().await;
    let app = &p.app;
    let booking = requested(app, &p.requester, &p.resource, at(app, 5, 0), at(app, 5, 2)).await;
    let admin = app.token(ADMIN).await;
    let token = |scopes: Value| {
        let admin = admin.clone();
        let alliance = p.alliance.clone();
        async move {
            let created = app.gql(Some(&admin), "mutation($input: CreateIntegrationTokenInput!) { createIntegrationToken(input: $input) { secret userErrors { field code } } }",
                json!({ "input": { "name": "门户", "scopes": scopes, "allianceId": alliance } })).await;
            created.ok()["createIntegrationToken"]["secret"]
                .as_str()
                .unwrap()
                .to_owned()
        }
    };
    let scoped = token(json!(["read:alliance", "read:resources"])).await;
    let unscoped = token(json!(["read:alliance", "read:meetings"])).await;
    let outsider = app.token(OUTSIDER).await;
    for (label, viewer, visible) in [
        ("member", Some(p.requester.as_str()), true),
        ("read:resources token", Some(scoped.as_str()), true),
        ("anonymous", None, false),
        ("member of another alliance", Some(outsider.as_str()), false),
        ("token without the scope", Some(unscoped.as_str()), false),
    ] {
        let one = app.gql(viewer, READ, json!({ "id": p.resource })).await;
        assert_eq!(
            one.ok()["sharedResource"].is_object(),
            visible,
            "{label}: {}",
            one.body
        );
        let node = app
            .gql(
                viewer,
                "query($ids: [ID!]!) { nodes(ids: $ids) { id } }",
                json!({ "ids": [p.resource, booking] }),
            )
            .await;
        let nodes = node.ok()["nodes"].as_array().unwrap().clone();
        assert!(
            nodes.iter().all(|n| n.is_object() == visible),
            "{label}: {}",
            node.body
        );
        let list = app
            .gql(
                viewer,
                "{ sharedResources(first: 100) { nodes { id } } }",
                json!({}),
            )
            .await;
        let listed = list.ok()["sharedResources"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["id"] == p.resource.as_str());
        assert_eq!(listed, visible, "{label}");
        let nested = app
            .gql(
                viewer,
                "query($a: ID!) { alliance(id: $a) { sharedResources { nodes { id } } } }",
                json!({ "a": p.alliance }),
            )
            .await;
        let nested_ids = nested.data()["alliance"]["sharedResources"]["nodes"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert_eq!(!nested_ids.is_empty(), visible, "{label}: {}", nested.body);
    }
    // The calendar lists the booking for the member.
    let seen = app
        .gql(Some(&p.requester), READ, json!({ "id": p.resource }))
        .await;
    assert_eq!(
        seen.ok()["sharedResource"]["bookings"][0]["id"],
        booking.as_str()
    );
}

#[tokio::test]
async fn a_booking_is_requested_approved_declined_used_and_cancelled() {
    let p = pairing().await;
    let app = &p.app;
    // Field errors.
    let backwards = request(app, &p.requester, &p.resource, at(app, 2, 2), at(app, 2, 0)).await;
    assert_eq!(
        codes(&backwards),
        vec![("endsAt".into(), "BEFORE_START".into())]
    );
    let past = request(
        app,
        &p.requester,
        &p.resource,
        at(app, -2, 0),
        at(app, -2, 1),
    )
    .await;
    assert_eq!(codes(&past), vec![("startsAt".into(), "IN_PAST".into())]);
    let own = request(app, &p.owner, &p.resource, at(app, 2, 0), at(app, 2, 1)).await;
    assert!(
        codes(&own).contains(&("organizationId".into(), "OWN_RESOURCE".into())),
        "{own}"
    );
    let answer = app.gql(None, alliance_tests::resources::REQUEST, json!({ "input": { "resourceId": p.resource, "startsAt": at(app, 2, 0), "endsAt": at(app, 2, 1) } })).await;
    assert_eq!(
        answer.code(),
        Some("NOT_FOUND"),
        "anonymous callers do not learn the resource exists"
    );

    let first = requested(app, &p.requester, &p.resource, at(app, 2, 0), at(app, 2, 2)).await;
    assert!(
        app.scalar_i64("SELECT count(*) FROM notifications WHERE kind = 'booking_requested'")
            .await
            >= 1,
        "the owner's admins are told"
    );
    // The requester may not decide its own request.
    let answer = app
        .gql(
            Some(&p.requester),
            APPROVE,
            json!({ "input": { "id": first, "version": 1 } }),
        )
        .await;
    assert_eq!(answer.code(), Some("FORBIDDEN"));
    let stale = app
        .gql(
            Some(&p.owner),
            APPROVE,
            json!({ "input": { "id": first, "version": 7 } }),
        )
        .await;
    assert_eq!(stale.code(), Some("CONFLICT"));
    let approved = run(
        app,
        &p.owner,
        APPROVE,
        json!({ "id": first, "version": 1 }),
        "approveResourceBooking",
    )
    .await;
    assert_eq!(approved["booking"]["status"], "APPROVED", "{approved}");
    let again = run(
        app,
        &p.owner,
        APPROVE,
        json!({ "id": first, "version": 2 }),
        "approveResourceBooking",
    )
    .await;
    assert_eq!(
        codes(&again),
        vec![("id".into(), "INVALID_TRANSITION".into())]
    );
    assert!(
        app.scalar_i64("SELECT count(*) FROM notifications WHERE kind = 'booking_decided'")
            .await
            >= 1,
        "the requester is told"
    );

    let second = requested(app, &p.requester, &p.resource, at(app, 4, 0), at(app, 4, 2)).await;
    let blank = run(
        app,
        &p.owner,
        DECLINE,
        json!({ "id": second, "version": 1, "reason": "   " }),
        "declineResourceBooking",
    )
    .await;
    assert_eq!(codes(&blank), vec![("reason".into(), "REQUIRED".into())]);
    let declined = run(
        app,
        &p.owner,
        DECLINE,
        json!({ "id": second, "version": 1, "reason": "当天场地检修" }),
        "declineResourceBooking",
    )
    .await;
    assert_eq!(declined["booking"]["status"], "DECLINED");
    assert_eq!(declined["booking"]["decisionReason"], "当天场地检修");

    let no_note = run(
        app,
        &p.owner,
        USED,
        json!({ "id": first, "version": 2, "contributionNote": "" }),
        "markResourceBookingUsed",
    )
    .await;
    assert_eq!(
        codes(&no_note),
        vec![("contributionNote".into(), "REQUIRED".into())]
    );
    let answer = app
        .gql(
            Some(&p.requester),
            USED,
            json!({ "input": { "id": first, "version": 2, "contributionNote": "自报" } }),
        )
        .await;
    assert_eq!(answer.code(), Some("FORBIDDEN"));
    let used = run(
        app,
        &p.owner,
        USED,
        json!({ "id": first, "version": 2, "contributionNote": "提供活动室半天及茶歇" }),
        "markResourceBookingUsed",
    )
    .await;
    assert_eq!(used["booking"]["status"], "USED");
    assert_eq!(used["booking"]["contributionNote"], "提供活动室半天及茶歇");

    let third = requested(app, &p.requester, &p.resource, at(app, 6, 0), at(app, 6, 2)).await;
    let answer = app
        .gql(
            Some(&p.owner),
            CANCEL,
            json!({ "input": { "id": third, "version": 1 } }),
        )
        .await;
    assert_eq!(
        answer.code(),
        Some("FORBIDDEN"),
        "the owner declines; only the requester cancels"
    );
    let stale = app
        .gql(
            Some(&p.requester),
            CANCEL,
            json!({ "input": { "id": third, "version": 3 } }),
        )
        .await;
    assert_eq!(stale.code(), Some("CONFLICT"));
    let cancelled = run(
        app,
        &p.requester,
        CANCEL,
        json!({ "id": third, "version": 1 }),
        "cancelResourceBooking",
    )
    .await;
    assert_eq!(cancelled["booking"]["status"], "CANCELLED");
    let used_again = run(
        app,
        &p.requester,
        CANCEL,
        json!({ "id": first, "version": 3 }),
        "cancelResourceBooking",
    )
    .await;
    assert_eq!(
        codes(&used_again),
        vec![("id".into(), "INVALID_TRANSITION".into())]
    );

    // People of another alliance meet NOT_FOUND on every booking mutation.
    let outsider = app.token(OUTSIDER).await;
    let secretariat = app.token(A_SECRETARIAT).await;
    for (token, doc, input) in [
        (&outsider, APPROVE, json!({ "id": second, "version": 2 })),
        (
            &outsider,
            DECLINE,
            json!({ "id": second, "version": 2, "reason": "越权" }),
        ),
        (
            &outsider,
            USED,
            json!({ "id": first, "version": 3, "contributionNote": "越权" }),
        ),
        (&secretariat, CANCEL, json!({ "id": third, "version": 2 })),
        (
            &outsider,
            UPDATE,
            json!({ "id": p.resource, "version": 1, "name": "越权" }),
        ),
        (
            &outsider,
            WITHDRAW,
            json!({ "id": p.resource, "version": 1 }),
        ),
        (
            &outsider,
            alliance_tests::resources::REQUEST,
            json!({ "resourceId": p.resource, "startsAt": at(app, 9, 0), "endsAt": at(app, 9, 1) }),
        ),
    ] {
        let answer = app.gql(Some(token), doc, json!({ "input": input })).await;
        assert_eq!(answer.code(), Some("NOT_FOUND"), "{doc}: {}", answer.body);
    }
}

#[tokio::test]
async fn an_overlapping_slot_is_refused_naming_the_booking_it_collides_with() {
    let p = pairing().await;
    let app = &p.app;
    let ten_to_twelve =
        requested(app, &p.requester, &p.resource, at(app, 3, 0), at(app, 3, 2)).await;
    // Requests may overlap requests: the second is told about the first.
    let eleven = request(app, &p.requester, &p.resource, at(app, 3, 1), at(app, 3, 3)).await;
    assert_eq!(eleven["userErrors"], json!([]), "{eleven}");
    assert_eq!(
        eleven["overlappingRequests"][0]["id"],
        ten_to_twelve.as_str()
    );
    let eleven = eleven["booking"]["id"].as_str().unwrap().to_owned();
    run(
        app,
        &p.owner,
        APPROVE,
        json!({ "id": ten_to_twelve, "version": 1 }),
        "approveResourceBooking",
    )
    .await;
    // Approving the overlapping request is refused, naming the approved booking and its range.
    let refused = run(
        app,
        &p.owner,
        APPROVE,
        json!({ "id": eleven, "version": 1 }),
        "approveResourceBooking",
    )
    .await;
    assert_eq!(
        codes(&refused),
        vec![("id".into(), "OVERLAP".into())],
        "{refused}"
    );
    let message = refused["userErrors"][0]["message"].as_str().unwrap();
    assert!(message.contains(&ten_to_twelve), "{message}");
    assert!(
        message.contains(&at(app, 3, 0).format("%Y-%m-%dT%H:%M:%SZ").to_string()),
        "{message}"
    );
    // A new request over the approved slot is refused the same way.
    let over = request(app, &p.requester, &p.resource, at(app, 3, 1), at(app, 3, 4)).await;
    assert_eq!(codes(&over), vec![("startsAt".into(), "OVERLAP".into())]);
    assert!(
        over["userErrors"][0]["message"]
            .as_str()
            .unwrap()
            .contains(&ten_to_twelve)
    );
    // Touching slots do not overlap: [10, 12) and [12, 14).
    let twelve = requested(app, &p.requester, &p.resource, at(app, 3, 2), at(app, 3, 4)).await;
    let approved = run(
        app,
        &p.owner,
        APPROVE,
        json!({ "id": twelve, "version": 1 }),
        "approveResourceBooking",
    )
    .await;
    assert_eq!(approved["booking"]["status"], "APPROVED", "{approved}");
    // The database holds the line even when the code is bypassed.
    use sea_orm::ConnectionTrait;
    let bypass = app
        .services
        .db
        .execute_unprepared(
            "UPDATE resource_bookings SET status = 'approved' WHERE status = 'requested'",
        )
        .await;
    assert!(
        bypass.is_err_and(|e| e.to_string().contains("resource_bookings_no_overlap")),
        "the exclusion constraint refuses overlapping approvals"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fifty_approvals_racing_for_one_slot_approve_exactly_one() {
    let p = pairing().await;
    let app = &p.app;
    let mut ids = Vec::new();
    for i in 0..50 {
        // Each overlaps every other: they share [10:30, 11:30).
        let offset = Duration::minutes(i % 30);
        ids.push(
            requested(
                app,
                &p.requester,
                &p.resource,
                at(app, 8, 0) + offset,
                at(app, 8, 2) - offset,
            )
            .await,
        );
    }
    let answers = futures_util::future::join_all(ids.iter().map(|id| {
        app.gql(
            Some(&p.owner),
            APPROVE,
            json!({ "input": { "id": id, "version": 1 } }),
        )
    }))
    .await;
    let mut approved = 0;
    for answer in &answers {
        assert!(answer.body.get("errors").is_none(), "{}", answer.body);
        let payload = &answer.data()["approveResourceBooking"];
        if payload["booking"]["status"] == "APPROVED" {
            approved += 1;
        } else {
            assert_eq!(
                codes(payload),
                vec![("id".into(), "OVERLAP".into())],
                "{payload}"
            );
        }
    }
    assert_eq!(approved, 1);
    assert_eq!(
        app.scalar_i64(
            "SELECT count(*) FROM resource_bookings b JOIN shared_resources r ON r.id = b.resource_id
              WHERE b.status = 'approved' AND r.name = '瀚恩党员活动室'"
        )
        .await,
        1
    );
}
