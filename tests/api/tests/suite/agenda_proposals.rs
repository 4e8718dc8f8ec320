//! "My proposals": a member organization lists its agenda proposals with their status and edits or
//! withdraws them until the convener decides (`DECIDED`, `WITHDRAWN`, `CLOSED`, `DEADLINE_PASSED`;
//! a stale version is a `CONFLICT`). Only the proposing organization's admins may.

#![allow(clippy::unwrap_used)]

use alliance_tests::{CONSORTIUM, TestApp};
use chrono::Duration;
use serde_json::{Value, json};

const SCHEDULE: &str = "mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id version } userErrors { field code } } }";
const PROPOSE: &str = "mutation($m: ID!, $t: String!, $d: String) { proposeAgendaItem(input: {meetingId: $m, title: $t, description: $d}) { agendaItem { id version status description } userErrors { field code } } }";
const MINE: &str = "{ myAgendaProposals(first: 100) { totalCount nodes { id title description status version meeting { id title } } } }";
const UPDATE: &str = "mutation($i: UpdateAgendaProposalInput!) { updateAgendaProposal(input: $i) { agendaItem { id title description version status } userErrors { field code } } }";
const WITHDRAW: &str = "mutation($i: WithdrawAgendaProposalInput!) { withdrawAgendaProposal(input: $i) { agendaItem { id version status } userErrors { field code } } }";
const DECIDE: &str = "mutation($id: ID!) { decideAgendaItem(input: {id: $id, accept: true}) { agendaItem { status } userErrors { field code } } }";

const HOSTILE: &str =
    "<img src=x onerror=alert(1)> '; DROP TABLE agenda_items; -- \u{202e}议题\u{0}";

async fn meeting_in(app: &TestApp, convener: &str, days: i64) -> Value {
    let starts = app.clock_now() + Duration::days(days);
    app.gql(
        Some(convener),
        SCHEDULE,
        json!({ "input": {
            "allianceId": app.alliance_id(CONSORTIUM).await, "title": format!("议题会议 {days}"),
            "startsAt": starts.to_rfc3339(), "endsAt": (starts + Duration::hours(2)).to_rfc3339() } }),
    )
    .await
    .ok()["scheduleMeeting"]["meeting"]
        .clone()
}

async fn propose(app: &TestApp, token: &str, meeting: &Value, title: &str) -> Value {
    let proposed = app
        .gql(
            Some(token),
            PROPOSE,
            json!({ "m": meeting["id"], "t": title, "d": "说明" }),
        )
        .await;
    let item = proposed.ok()["proposeAgendaItem"]["agendaItem"].clone();
    assert_eq!(item["status"], "PROPOSED", "{}", proposed.body);
    item
}

/// The input of `updateAgendaProposal` (with a title) or `withdrawAgendaProposal`.
fn input(mutation: &str, id: &Value, title: &str, version: &Value) -> Value {
    if mutation == "updateAgendaProposal" {
        json!({ "id": id, "title": title, "version": version })
    } else {
        json!({ "id": id, "version": version })
    }
}

/// The node of `id` in a `myAgendaProposals` answer.
fn mine_node(answer: &Value, id: &Value) -> Value {
    answer["myAgendaProposals"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| &n["id"] == id)
        .cloned()
        .unwrap_or(Value::Null)
}

fn mine_ids(answer: &Value) -> Vec<Value> {
    answer["myAgendaProposals"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].clone())
        .collect()
}

#[tokio::test]
async fn the_proposing_organization_lists_edits_and_withdraws_its_proposal() {
    let app = TestApp::new().await;
    let convener = app.token("convener@example.com").await;
    let org_admin = app.token("orgadmin@example.com").await;
    let meeting = meeting_in(&app, &convener, 10).await;
    let item = propose(&app, &org_admin, &meeting, "原来的议题").await;

    let mine = app.gql(Some(&org_admin), MINE, json!({})).await;
    let node = &mine_node(mine.ok(), &item["id"]);
    assert_eq!(node["id"], item["id"]);
    assert_eq!(node["status"], "PROPOSED");
    assert_eq!(node["description"], "说明");
    assert_eq!(node["meeting"]["id"], meeting["id"]);

    // Hostile text is kept as text, exactly (a NUL byte is refused by Postgres, so not here).
    let hostile = HOSTILE.replace('\u{0}', "");
    let updated = app
        .gql(Some(&org_admin), UPDATE, json!({ "i": { "id": item["id"], "title": "改过的议题", "description": hostile, "version": item["version"] } }))
        .await;
    let changed = &updated.ok()["updateAgendaProposal"]["agendaItem"];
    assert_eq!(changed["title"], "改过的议题", "{}", updated.body);
    assert_eq!(changed["description"], hostile.trim());
    assert_eq!(changed["version"], item["version"].as_i64().unwrap() + 1);

    // The version read before the edit is stale now.
    let stale = app
        .gql(
            Some(&org_admin),
            UPDATE,
            json!({ "i": { "id": item["id"], "title": "又改", "version": item["version"] } }),
        )
        .await;
    assert_eq!(stale.code(), Some("CONFLICT"), "{}", stale.body);

    // Bad input is named by field, and nothing changes.
    let blank = app
        .gql(
            Some(&org_admin),
            UPDATE,
            json!({ "i": { "id": item["id"], "title": "  ", "version": changed["version"] } }),
        )
        .await;
    assert_eq!(
        blank.ok()["updateAgendaProposal"]["userErrors"][0]["field"],
        "title"
    );
    let long = app
        .gql(Some(&org_admin), UPDATE, json!({ "i": { "id": item["id"], "title": "长", "description": "长".repeat(2001), "version": changed["version"] } }))
        .await;
    let error = &long.ok()["updateAgendaProposal"]["userErrors"][0];
    assert_eq!(error["field"], "description");
    assert_eq!(error["code"], "TOO_LONG");

    let withdrawn = app
        .gql(
            Some(&org_admin),
            WITHDRAW,
            json!({ "i": { "id": item["id"], "version": changed["version"] } }),
        )
        .await;
    assert_eq!(
        withdrawn.ok()["withdrawAgendaProposal"]["agendaItem"]["status"],
        "WITHDRAWN",
        "{}",
        withdrawn.body
    );
    let version = withdrawn.ok()["withdrawAgendaProposal"]["agendaItem"]["version"].clone();

    // Withdrawn: no edit, no second withdrawal, no decision; still listed as withdrawn.
    let again = app
        .gql(
            Some(&org_admin),
            UPDATE,
            json!({ "i": { "id": item["id"], "title": "再改", "version": version } }),
        )
        .await;
    assert_eq!(
        again.ok()["updateAgendaProposal"]["userErrors"][0]["code"],
        "WITHDRAWN"
    );
    let twice = app
        .gql(
            Some(&org_admin),
            WITHDRAW,
            json!({ "i": { "id": item["id"], "version": version } }),
        )
        .await;
    assert_eq!(
        twice.ok()["withdrawAgendaProposal"]["userErrors"][0]["code"],
        "WITHDRAWN"
    );
    let decided = app
        .gql(Some(&convener), DECIDE, json!({ "id": item["id"] }))
        .await;
    assert_eq!(
        decided.ok()["decideAgendaItem"]["userErrors"][0]["code"],
        "WITHDRAWN"
    );
    let mine = app.gql(Some(&org_admin), MINE, json!({})).await;
    assert_eq!(mine_node(mine.ok(), &item["id"])["status"], "WITHDRAWN");
}

#[tokio::test]
async fn decided_closed_and_late_proposals_stay_as_they_are() {
    let app = TestApp::new().await;
    let convener = app.token("convener@example.com").await;
    let org_admin = app.token("orgadmin@example.com").await;

    let meeting = meeting_in(&app, &convener, 10).await;
    let accepted = propose(&app, &org_admin, &meeting, "会被采纳").await;
    let decided = app
        .gql(Some(&convener), DECIDE, json!({ "id": accepted["id"] }))
        .await;
    assert_eq!(
        decided.ok()["decideAgendaItem"]["agendaItem"]["status"],
        "ACCEPTED"
    );
    for (query, name) in [
        (UPDATE, "updateAgendaProposal"),
        (WITHDRAW, "withdrawAgendaProposal"),
    ] {
        // The decision bumped the version: the one read before is stale, the current one is decided.
        let current = app.gql(Some(&org_admin), MINE, json!({})).await;
        let version = mine_node(current.ok(), &accepted["id"])["version"].clone();
        let answer = app
            .gql(
                Some(&org_admin),
                query,
                json!({ "i": input(name, &accepted["id"], "晚了", &version) }),
            )
            .await;
        assert_eq!(
            answer.ok()[name]["userErrors"][0]["code"],
            "DECIDED",
            "{}",
            answer.body
        );
        assert_eq!(answer.ok()[name]["userErrors"][0]["field"], "id");
    }

    // The meeting is cancelled: CLOSED.
    let cancelled = meeting_in(&app, &convener, 12).await;
    let item = propose(&app, &org_admin, &cancelled, "会议取消了").await;
    app.gql(Some(&convener), "mutation($i: UpdateMeetingInput!) { updateMeeting(input: $i) { userErrors { code } } }", json!({ "i": { "id": cancelled["id"], "version": cancelled["version"], "status": "CANCELLED" } }))
        .await
        .ok();
    let closed = app
        .gql(
            Some(&org_admin),
            WITHDRAW,
            json!({ "i": { "id": item["id"], "version": item["version"] } }),
        )
        .await;
    assert_eq!(
        closed.ok()["withdrawAgendaProposal"]["userErrors"][0]["code"],
        "CLOSED"
    );

    // Past the agenda deadline (7 days before the start): DEADLINE_PASSED.
    let late = propose(&app, &org_admin, &meeting, "截止以后").await;
    app.clock.set(app.clock_now() + Duration::days(4));
    let org_admin = app.token("orgadmin@example.com").await;
    let answer = app
        .gql(
            Some(&org_admin),
            UPDATE,
            json!({ "i": { "id": late["id"], "title": "截止以后改", "version": late["version"] } }),
        )
        .await;
    assert_eq!(
        answer.ok()["updateAgendaProposal"]["userErrors"][0]["code"],
        "DEADLINE_PASSED",
        "{}",
        answer.body
    );
}

#[tokio::test]
async fn only_the_proposing_organizations_admins_may_change_a_proposal() {
    let app = TestApp::new().await;
    let convener = app.token("convener@example.com").await;
    let org_admin = app.token("orgadmin@example.com").await;
    let meeting = meeting_in(&app, &convener, 10).await;
    let item = propose(&app, &org_admin, &meeting, "别人的议题").await;

    let member = app.token("member@example.com").await;
    let outsider = app.token("gao.xiang@example.com").await;
    for (token, who) in [
        (Some(member.as_str()), "member of another organization"),
        (Some(convener.as_str()), "the convener"),
        (Some(outsider.as_str()), "member of another alliance"),
        (None, "anonymous"),
    ] {
        let listed = app.gql(token, MINE, json!({})).await;
        assert!(
            !mine_ids(listed.ok()).contains(&item["id"]),
            "{who} sees it"
        );
        for (query, name) in [
            (UPDATE, "updateAgendaProposal"),
            (WITHDRAW, "withdrawAgendaProposal"),
        ] {
            let answer = app
                .gql(
                    token,
                    query,
                    json!({ "i": input(name, &item["id"], "夺走", &item["version"]) }),
                )
                .await;
            assert!(answer.data()[name].is_null(), "{who}: {}", answer.body);
            assert!(
                matches!(
                    answer.code(),
                    Some("FORBIDDEN" | "NOT_FOUND" | "UNAUTHENTICATED")
                ),
                "{who}: {}",
                answer.body
            );
        }
    }
    // Nothing changed.
    let untouched = app.gql(Some(&org_admin), MINE, json!({})).await;
    let node = &mine_node(untouched.ok(), &item["id"]);
    assert_eq!(node["title"], "别人的议题");
    assert_eq!(node["version"], item["version"]);

    // An id of another type is bad input, not a server error.
    let wrong = app
        .gql(
            Some(&org_admin),
            WITHDRAW,
            json!({ "i": { "id": meeting["id"], "version": 1 } }),
        )
        .await;
    assert_eq!(wrong.code(), Some("BAD_USER_INPUT"), "{}", wrong.body);
}

#[tokio::test]
async fn of_fifty_edits_or_withdrawals_at_once_one_wins() {
    let app = TestApp::new().await;
    let convener = app.token("convener@example.com").await;
    let org_admin = app.token("orgadmin@example.com").await;
    let meeting = meeting_in(&app, &convener, 10).await;
    let item = propose(&app, &org_admin, &meeting, "并发议题").await;

    let edits = (0..50).map(|n| {
        let (app, token, item) = (&app, &org_admin, &item);
        async move {
            app.gql(Some(token), UPDATE, json!({ "i": { "id": item["id"], "title": format!("版本 {n}"), "version": item["version"] } }))
                .await
        }
    });
    let answers = futures_util::future::join_all(edits).await;
    let won: Vec<_> = answers
        .iter()
        .filter(|a| a.data()["updateAgendaProposal"]["agendaItem"].is_object())
        .collect();
    assert_eq!(won.len(), 1, "exactly one edit wins");
    assert!(
        answers
            .iter()
            .filter(|a| a.data()["updateAgendaProposal"]["agendaItem"].is_null())
            .all(|a| a.code() == Some("CONFLICT")),
        "the others are told it changed"
    );
    let winner = won[0].data()["updateAgendaProposal"]["agendaItem"].clone();
    let now = app.gql(Some(&org_admin), MINE, json!({})).await;
    let node = &mine_node(now.ok(), &item["id"]);
    assert_eq!(node["title"], winner["title"]);
    assert_eq!(node["version"], item["version"].as_i64().unwrap() + 1);

    let withdrawals = (0..50).map(|_| {
        let (app, token, winner) = (&app, &org_admin, &winner);
        async move {
            app.gql(
                Some(token),
                WITHDRAW,
                json!({ "i": { "id": winner["id"], "version": winner["version"] } }),
            )
            .await
        }
    });
    let answers = futures_util::future::join_all(withdrawals).await;
    let won = answers
        .iter()
        .filter(|a| a.data()["withdrawAgendaProposal"]["agendaItem"]["status"] == "WITHDRAWN")
        .count();
    assert_eq!(won, 1, "exactly one withdrawal wins");
    for answer in &answers {
        let refused = answer.data()["withdrawAgendaProposal"]["agendaItem"].is_null();
        if refused {
            let code = answer
                .code()
                .or(answer.data()["withdrawAgendaProposal"]["userErrors"][0]["code"].as_str());
            assert!(
                matches!(code, Some("CONFLICT" | "WITHDRAWN")),
                "{}",
                answer.body
            );
        }
    }
    let audits = app
        .scalar_i64("SELECT count(*) FROM audit_log WHERE action = 'agenda.withdraw_proposal'")
        .await;
    assert_eq!(audits, 1);
}
