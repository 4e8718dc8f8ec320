//! Requests sent truly at once (`join_all` over one client) against the real server: rotation
//! edits race, first writes race, and none of it answers `INTERNAL`, loses a turn or deadlocks.
//! Also the lead-term boundary at local midnight.

#![allow(clippy::unwrap_used)]

use crate::rotation_oracle::{
    GENERATE, JOIN, LEAVE, Rng, SKIP, SWAP, Term, alliance_uuid, check_invariant, gid, terms,
    version,
};
use alliance_domain::kernel::config::ThrottleConfig;
use alliance_domain::kernel::local_time::{local_date, zone_or_default};
use alliance_tests::{CONSORTIUM, Gql, Options, TestApp};
use chrono::{Duration, Timelike};
use futures_util::future::join_all;
use serde_json::{Value, json};
use std::collections::HashSet;

/// How one answer ended: applied, refused with `userErrors` (their codes), or `CONFLICT`.
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    Applied,
    Refused(Vec<String>),
    Conflict,
}

/// Classifies an answer; anything but the three outcomes (above all `INTERNAL`) fails the test.
#[track_caller]
fn outcome(answer: &Gql, field: &str) -> Outcome {
    if answer.body.get("errors").is_some() {
        assert_eq!(
            answer.code(),
            Some("CONFLICT"),
            "only CONFLICT may answer a race: {}",
            answer.body
        );
        return Outcome::Conflict;
    }
    assert_eq!(answer.status, 200, "{}", answer.body);
    let codes: Vec<String> = answer.body["data"][field]["userErrors"]
        .as_array()
        .unwrap_or_else(|| panic!("no payload: {}", answer.body))
        .iter()
        .map(|e| e["code"].as_str().unwrap().to_owned())
        .collect();
    if codes.is_empty() {
        Outcome::Applied
    } else {
        Outcome::Refused(codes)
    }
}

#[tokio::test]
async fn fifty_identical_swaps_apply_exactly_once() {
    let app = TestApp::new().await;
    let admin = app.token("secretariat@example.com").await;
    let alliance = alliance_uuid(&app, CONSORTIUM).await;
    let alliance_gid = app.alliance_id(CONSORTIUM).await;
    let now = app.clock_now();
    let before = terms(&app, alliance).await;
    let cycles = check_invariant(&app, alliance, "before the swaps").await;
    let future: Vec<&Term> = before.iter().filter(|t| t.starts_at > now).collect();
    // Two terms to come of one cycle, with different leads.
    let (a, b) = future
        .iter()
        .flat_map(|a| future.iter().map(move |b| (*a, *b)))
        .find(|(a, b)| {
            a.organization != b.organization
                && cycles
                    .iter()
                    .any(|c| c.ids.contains(&a.id) && c.ids.contains(&b.id))
        })
        .expect("the demo schedule has two future terms in one cycle");
    let v = version(&app, &admin, &alliance_gid).await;
    let vars = json!({ "x": gid(a.id), "y": gid(b.id), "v": v });
    let answers = join_all((0..50).map(|_| app.gql(Some(&admin), SWAP, vars.clone()))).await;
    let outcomes: Vec<Outcome> = answers
        .iter()
        .map(|a| outcome(a, "swapLeadTerms"))
        .collect();
    let applied = outcomes.iter().filter(|o| **o == Outcome::Applied).count();
    let conflicts = outcomes.iter().filter(|o| **o == Outcome::Conflict).count();
    assert_eq!((applied, conflicts), (1, 49), "{outcomes:?}");

    // Swapped once: the two leads traded places, nothing else moved, and no one lost a turn.
    let after = terms(&app, alliance).await;
    assert_eq!(after.len(), before.len());
    for (old, new) in before.iter().zip(&after) {
        let expected = if old.id == a.id {
            b.organization
        } else if old.id == b.id {
            a.organization
        } else {
            old.organization
        };
        assert_eq!((new.id, new.organization), (old.id, expected));
    }
    check_invariant(&app, alliance, "after the swaps").await;
    assert_eq!(version(&app, &admin, &alliance_gid).await, v + 1);
}

#[tokio::test]
async fn a_hundred_and_fifty_mixed_rotation_edits_never_answer_internal() {
    let app = TestApp::new().await;
    let admin = app.token("admin@example.com").await;
    let alliance = alliance_uuid(&app, CONSORTIUM).await;
    let alliance_gid = app.alliance_id(CONSORTIUM).await;
    let today = local_date(app.clock_now(), zone_or_default("Asia/Shanghai"));
    let mut newcomers = Vec::new();
    for i in 0..10 {
        let created = app.gql(Some(&admin), "mutation($n: String!) { createOrganization(input: {name: $n, kind: SOCIAL_ORGANIZATION}) { organization { id } } }", json!({ "n": format!("并发测试单位{i}") })).await;
        newcomers.push(created.ok()["createOrganization"]["organization"]["id"].clone());
    }
    let leavers = [
        "华安证券公益基金会",
        "省塑料协会",
        "省民营跨境电子商务协会",
        "省企业文化促进会",
    ];
    let mut rng = Rng::new(7);
    let initial = version(&app, &admin, &alliance_gid).await;
    let (mut versioned_applied, mut sent) = (0, 0);
    for wave in 0..5 {
        // Each wave reads the schedule, then sends 30 requests at once: 27 edits that carry the
        // version read, two joins and a leave (which carry none and must all apply).
        let now = app.clock_now();
        let schedule = terms(&app, alliance).await;
        let future: Vec<&Term> = schedule.iter().filter(|t| t.starts_at > now).collect();
        let v = version(&app, &admin, &alliance_gid).await;
        let mut requests: Vec<(&str, Value, &str)> = Vec::new();
        for _ in 0..27 {
            let pick = |rng: &mut Rng| gid(future[rng.below(future.len())].id);
            match rng.below(3) {
                0 => requests.push((
                    GENERATE,
                    json!({ "input": { "allianceId": alliance_gid, "leadScheduleVersion": v } }),
                    "generateLeadSchedule",
                )),
                1 => requests.push((
                    SWAP,
                    json!({ "x": pick(&mut rng), "y": pick(&mut rng), "v": v }),
                    "swapLeadTerms",
                )),
                _ => requests.push((
                    SKIP,
                    json!({ "id": pick(&mut rng), "v": v }),
                    "skipLeadTerm",
                )),
            }
        }
        for newcomer in &newcomers[wave * 2..wave * 2 + 2] {
            requests.push((
                JOIN,
                json!({ "a": alliance_gid, "o": newcomer, "d": today.to_string() }),
                "addAllianceMember",
            ));
        }
        let leaver = match leavers.get(wave) {
            Some(name) => json!(app.organization_id(name).await),
            None => newcomers[0].clone(),
        };
        let tomorrow = (today + Duration::days(1)).to_string();
        requests.push((
            LEAVE,
            json!({ "a": alliance_gid, "o": leaver, "d": tomorrow }),
            "removeAllianceMember",
        ));
        sent += requests.len();
        let answers = join_all(
            requests
                .iter()
                .map(|(query, vars, _)| app.gql(Some(&admin), query, vars.clone())),
        )
        .await;
        for ((_, _, field), answer) in requests.iter().zip(&answers) {
            let result = outcome(answer, field);
            match *field {
                "addAllianceMember" | "removeAllianceMember" => {
                    assert_eq!(
                        result,
                        Outcome::Applied,
                        "wave {wave}: {field} {}",
                        answer.body
                    );
                }
                _ if result == Outcome::Applied => versioned_applied += 1,
                _ => {}
            }
        }
        check_invariant(&app, alliance, &format!("after wave {wave}")).await;
    }
    assert_eq!(sent, 150);
    assert!(versioned_applied >= 1, "no versioned edit ever applied");
    // One version per applied change: the versioned edits and the 15 membership changes.
    let v = version(&app, &admin, &alliance_gid).await;
    assert_eq!(v, initial + versioned_applied + 15);
}

async fn schedule_meeting(app: &TestApp, convener: &str) -> (String, String) {
    let consortium = app.alliance_id(CONSORTIUM).await;
    let starts = app.clock_now() + Duration::minutes(30);
    let answer = app
        .gql(Some(convener), "mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id checkInCode } userErrors { field code } } }", json!({ "input": {
            "allianceId": consortium, "title": "并发测试会议", "startsAt": starts.to_rfc3339(), "endsAt": (starts + Duration::hours(2)).to_rfc3339(), "location": "党员活动室" } }))
        .await;
    let meeting = &answer.ok()["scheduleMeeting"]["meeting"];
    (
        meeting["id"].as_str().unwrap().to_owned(),
        meeting["checkInCode"].as_str().unwrap().to_owned(),
    )
}

#[tokio::test]
async fn fifty_first_saves_of_minutes_apply_once() {
    let app = TestApp::new().await;
    let convener = app.token("convener@example.com").await;
    let (meeting, _) = schedule_meeting(&app, &convener).await;
    let save = "mutation($m: ID!, $b: String!) { saveMinutes(input: {meetingId: $m, body: $b}) { minutes { body version } userErrors { field code } } }";
    let body = |i: usize| {
        if i.is_multiple_of(2) {
            "甲稿：会议纪要"
        } else {
            "乙稿：会议纪要"
        }
    };
    let answers = join_all(
        (0..50).map(|i| app.gql(Some(&convener), save, json!({ "m": meeting, "b": body(i) }))),
    )
    .await;
    let stored = app
        .gql(
            Some(&convener),
            "query($id: ID!) { meeting(id: $id) { minutes { body version } } }",
            json!({ "id": meeting }),
        )
        .await
        .ok()["meeting"]["minutes"]
        .clone();
    assert_eq!(stored["version"], 1, "one first save applied: {stored}");
    // The same first text sent again is the same save; the other text is an edit of a version
    // its sender never read.
    for (i, answer) in answers.iter().enumerate() {
        if body(i) == stored["body"] {
            assert_eq!(
                outcome(answer, "saveMinutes"),
                Outcome::Applied,
                "{}",
                answer.body
            );
            assert_eq!(answer.body["data"]["saveMinutes"]["minutes"], stored);
        } else {
            assert_eq!(
                outcome(answer, "saveMinutes"),
                Outcome::Conflict,
                "{}",
                answer.body
            );
        }
    }
}

const INVITE: &str = "mutation($input: InviteMemberInput!) { inviteMember(input: $input) { acceptUrl userErrors { field code } } }";
const ACCEPT: &str = "mutation($token: String!, $password: String!) { acceptInvitation(input: {token: $token, password: $password}) { accessToken userErrors { field code } } }";

#[tokio::test]
async fn a_hundred_check_ins_of_a_late_invitee_record_one_attendance() {
    // The check-in throttle counts every try before the code is checked; this test is about the
    // race, so the free tries are raised above the number sent.
    let app = TestApp::spawn(Options {
        throttle: ThrottleConfig {
            check_in_free_failures: 1000,
            ..ThrottleConfig::default()
        },
        ..Options::default()
    })
    .await;
    let convener = app.token("convener@example.com").await;
    let (meeting, code) = schedule_meeting(&app, &convener).await;
    // Someone joins a member organization after the meeting was scheduled: no attendance yet.
    let orgadmin = app.token("orgadmin@example.com").await;
    let plastics = app.organization_id("省塑料协会").await;
    let invited = app.gql(Some(&orgadmin), INVITE, json!({ "input": { "organizationId": plastics, "name": "后来的党员", "email": "late.member@example.com" } })).await;
    let url = invited.ok()["inviteMember"]["acceptUrl"]
        .as_str()
        .unwrap()
        .to_owned();
    let accepted = app
        .gql(None, ACCEPT, json!({ "token": url.rsplit('/').next().unwrap(), "password": "a long enough password 42" }))
        .await;
    let late = accepted.ok()["acceptInvitation"]["accessToken"]
        .as_str()
        .unwrap()
        .to_owned();
    let before = app.scalar_i64("SELECT count(*) FROM attendances a JOIN users u ON u.id = a.user_id WHERE u.email = 'late.member@example.com'").await;
    assert_eq!(before, 0, "invited after scheduling");

    let check_in = "mutation($m: ID!, $c: String!) { checkIn(input: {meetingId: $m, code: $c}) { attendance { id checkedInAt rsvp } userErrors { field code } } }";
    let rsvp = "mutation($m: ID!) { respondToMeeting(input: {meetingId: $m, response: YES}) { attendance { id } userErrors { field code } } }";
    let mut requests: Vec<(&str, Value, &str)> = (0..100)
        .map(|_| (check_in, json!({ "m": meeting, "c": code }), "checkIn"))
        .collect();
    // First RSVPs in the same burst race for the same first row.
    requests.extend((0..10).map(|_| (rsvp, json!({ "m": meeting }), "respondToMeeting")));
    let answers = join_all(
        requests
            .iter()
            .map(|(q, vars, _)| app.gql(Some(&late), q, vars.clone())),
    )
    .await;
    let mut attendances = HashSet::new();
    let mut check_ins = HashSet::new();
    for ((_, _, field), answer) in requests.iter().zip(&answers) {
        let result = outcome(answer, field);
        assert!(
            matches!(result, Outcome::Applied | Outcome::Conflict),
            "{field}: {result:?}"
        );
        if result == Outcome::Applied {
            let attendance = &answer.body["data"][field]["attendance"];
            attendances.insert(attendance["id"].as_str().unwrap().to_owned());
            if *field == "checkIn" {
                check_ins.insert(attendance["checkedInAt"].as_str().unwrap().to_owned());
            }
        }
    }
    assert_eq!(
        attendances.len(),
        1,
        "every answer is about one attendance: {attendances:?}"
    );
    assert_eq!(check_ins.len(), 1, "one check-in time: {check_ins:?}");
    let rows = app.scalar_i64("SELECT count(*) FROM attendances a JOIN users u ON u.id = a.user_id WHERE u.email = 'late.member@example.com' AND a.checked_in_at IS NOT NULL").await;
    assert_eq!(rows, 1);
    let recorded = app
        .scalar_i64("SELECT count(*) FROM audit_log WHERE action = 'meeting.check_in'")
        .await;
    assert_eq!(recorded, 1, "the check-in is recorded once");
}

#[tokio::test]
async fn lead_convener_rights_switch_at_local_midnight() {
    let app = TestApp::new().await;
    let alliance = alliance_uuid(&app, CONSORTIUM).await;
    let consortium = app.alliance_id(CONSORTIUM).await;
    let now = app.clock_now();
    let current = terms(&app, alliance)
        .await
        .into_iter()
        .find(|t| t.starts_at <= now && now < t.ends_at)
        .unwrap();
    // The term ends at 00:00 in Beijing, which is 16:00 UTC the day before.
    let boundary = current.ends_at;
    let shanghai = zone_or_default("Asia/Shanghai");
    assert_eq!((boundary.hour(), boundary.minute()), (16, 0), "{boundary}");
    assert_eq!(boundary.with_timezone(&shanghai).hour(), 0);
    assert_eq!(
        local_date(boundary, shanghai),
        boundary.date_naive() + Duration::days(1)
    );

    // Scheduling a meeting is for the alliance's admins and the lead unit's convener.
    let schedule = "mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id } userErrors { field code } } }";
    let roles = "query($id: ID!) { alliance(id: $id) { viewerRoles currentLead { organization { name } } } }";
    let attempt = |token: String| {
        let starts = boundary + Duration::days(10);
        let vars = json!({ "input": { "allianceId": consortium, "title": "交接后的联席会", "startsAt": starts.to_rfc3339(), "endsAt": (starts + Duration::hours(2)).to_rfc3339() } });
        let app = &app;
        async move {
            app.gql(Some(&token), schedule, vars)
                .await
                .code()
                .map(str::to_owned)
        }
    };
    let outgoing = "convener@example.com"; // secretary of the current lead unit
    let incoming = "zhao.mingyuan@example.com"; // secretary of the next one
    for (at, leader, lead_user, other_user) in [
        (
            boundary - Duration::minutes(1),
            "安徽新四军革命传统教育基金会",
            outgoing,
            incoming,
        ),
        (
            boundary + Duration::minutes(1),
            "华安证券公益基金会",
            incoming,
            outgoing,
        ),
    ] {
        app.clock.set(at);
        let (lead_token, other_token) = (app.token(lead_user).await, app.token(other_user).await);
        let seen = app
            .gql(Some(&lead_token), roles, json!({ "id": consortium }))
            .await;
        assert_eq!(
            seen.ok()["alliance"]["currentLead"]["organization"]["name"],
            leader,
            "at {at}"
        );
        assert!(
            seen.ok()["alliance"]["viewerRoles"]
                .as_array()
                .unwrap()
                .contains(&json!("LEAD_CONVENER")),
            "{lead_user} leads at {at}: {}",
            seen.body
        );
        assert_eq!(
            attempt(lead_token).await,
            None,
            "{lead_user} may convene at {at}"
        );
        assert_eq!(
            attempt(other_token).await.as_deref(),
            Some("FORBIDDEN"),
            "{other_user} may not convene at {at}"
        );
    }
}
