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

const ADD_MEMBER: &str = "mutation($input: AddAllianceMemberInput!) { addAllianceMember(input: $input) { membership { id } userErrors { field code } } }";
const SEE: &str = "query($id: ID!) { alliance(id: $id) { id } }";

async fn add_member(app: &TestApp, admin: &str, alliance: &Value, org: &str, joined_on: &str) {
    let answer = app
        .gql(
            Some(admin),
            ADD_MEMBER,
            json!({ "input": { "allianceId": alliance, "organizationId": org, "joinedOn": joined_on } }),
        )
        .await;
    assert_eq!(
        answer.ok()["addAllianceMember"]["userErrors"],
        json!([]),
        "{}",
        answer.body
    );
}

async fn sees(app: &TestApp, login: &str, alliance: &Value) -> bool {
    let token = app.token(login).await;
    let answer = app.gql(Some(&token), SEE, json!({ "id": alliance })).await;
    !answer.ok()["alliance"].is_null()
}

#[tokio::test]
async fn a_membership_starting_today_is_in_effect_from_local_midnight() {
    let app = TestApp::new().await;
    app.clock.set(at(2027, 3, 1, 15, 59));
    let admin = app.token("admin@example.com").await;
    let plastics = app.organization_id("省塑料协会").await;
    let beijing =
        create_alliance(&app, &admin, "北京时间联盟", None).await["alliance"]["id"].clone();
    let utc = create_alliance(&app, &admin, "协调世界时联盟", Some("UTC")).await["alliance"]["id"]
        .clone();
    add_member(&app, &admin, &beijing, &plastics, "2027-03-02").await;
    add_member(&app, &admin, &utc, &plastics, "2027-03-02").await;

    // 15:59 UTC is 23:59 on 1 March in Beijing: not yet a member of either members-only alliance.
    assert!(!sees(&app, "orgadmin@example.com", &beijing).await);
    assert!(!sees(&app, "orgadmin@example.com", &utc).await);
    // 16:01 UTC is 00:01 on 2 March in Beijing: a member there, not yet in the UTC alliance.
    app.clock.set(at(2027, 3, 1, 16, 1));
    assert!(sees(&app, "orgadmin@example.com", &beijing).await);
    assert!(!sees(&app, "orgadmin@example.com", &utc).await);
    // The UTC alliance behaves as before: from 00:00 UTC.
    app.clock.set(at(2027, 3, 1, 23, 59));
    assert!(!sees(&app, "orgadmin@example.com", &utc).await);
    app.clock.set(at(2027, 3, 2, 0, 1));
    assert!(sees(&app, "orgadmin@example.com", &utc).await);
    assert!(sees(&app, "orgadmin@example.com", &beijing).await);

    // The organization's alliances, as the platform admin lists them, follow the same days.
    let token = app.token("admin@example.com").await;
    let listed = app
        .gql(
            Some(&token),
            "query($id: ID!) { node(id: $id) { ... on Organization { alliances { nodes { alliance { name } } } } } }",
            json!({ "id": plastics }),
        )
        .await;
    let names: Vec<&str> = listed.ok()["node"]["alliances"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["alliance"]["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"北京时间联盟") && names.contains(&"协调世界时联盟"),
        "{names:?}"
    );
}

#[tokio::test]
async fn an_accepted_invitation_starts_the_membership_on_the_local_day() {
    let app = TestApp::new().await;
    // 01:00 on 2 March in Beijing, still 1 March in UTC.
    app.clock.set(at(2027, 3, 1, 17, 0));
    let admin = app.token("orgadmin@example.com").await;
    let plastics = app.organization_id("省塑料协会").await;
    let invited = app
        .gql(
            Some(&admin),
            "mutation($input: InviteMemberInput!) { inviteMember(input: $input) { acceptUrl userErrors { field code } } }",
            json!({ "input": { "organizationId": plastics, "name": "夜班党员", "email": "night.shift@example.com" } }),
        )
        .await;
    let url = invited.ok()["inviteMember"]["acceptUrl"]
        .as_str()
        .unwrap()
        .to_owned();
    let accepted = app
        .gql(
            None,
            "mutation($token: String!, $password: String!) { acceptInvitation(input: {token: $token, password: $password}) { accessToken userErrors { field code } } }",
            json!({ "token": url.rsplit('/').next().unwrap(), "password": "a-good-password" }),
        )
        .await;
    let token = accepted.ok()["acceptInvitation"]["accessToken"]
        .as_str()
        .unwrap()
        .to_owned();
    let me = app
        .gql(
            Some(&token),
            "{ me { organizationMemberships { nodes { joinedOn organization { name } } } alliances { totalCount } } }",
            json!({}),
        )
        .await;
    let me = &me.ok()["me"];
    let membership = &me["organizationMemberships"]["nodes"][0];
    assert_eq!(membership["joinedOn"], "2027-03-02");
    assert_eq!(membership["organization"]["name"], "省塑料协会");
    // In effect at once: the new member sees the alliances of the organization.
    assert!(me["alliances"]["totalCount"].as_i64().unwrap() > 0, "{me}");
}

const ITEMS: &str = "query($id: ID!) { node(id: $id) { ... on Meeting { actionItems { title dueOn isOverdue isDueToday } } } }";

/// An alliance in `zone` with one meeting and two action items, due 1 and 2 March 2027.
async fn meeting_with_items(app: &TestApp, admin: &str, name: &str, zone: &str) -> Value {
    let alliance = create_alliance(app, admin, name, Some(zone)).await["alliance"]["id"].clone();
    let plastics = app.organization_id("省塑料协会").await;
    add_member(app, admin, &alliance, &plastics, "2027-01-01").await;
    let scheduled = app
        .gql(
            Some(admin),
            "mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id } userErrors { field code } } }",
            json!({ "input": { "allianceId": alliance, "title": "月度例会", "startsAt": "2027-02-26T02:00:00Z", "endsAt": "2027-02-26T04:00:00Z" } }),
        )
        .await;
    let meeting = scheduled.ok()["scheduleMeeting"]["meeting"]["id"].clone();
    assert!(meeting.is_string(), "{}", scheduled.body);
    for (title, due) in [("一日到期", "2027-03-01"), ("二日到期", "2027-03-02")] {
        let created = app
            .gql(
                Some(admin),
                "mutation($input: CreateActionItemInput!) { createActionItem(input: $input) { actionItem { id } userErrors { field code } } }",
                json!({ "input": { "meetingId": meeting, "title": title, "assigneeOrganizationId": plastics, "dueOn": due } }),
            )
            .await;
        assert_eq!(
            created.ok()["createActionItem"]["userErrors"],
            json!([]),
            "{}",
            created.body
        );
    }
    meeting
}

async fn due_states(app: &TestApp, meeting: &Value) -> Vec<(String, bool, bool)> {
    let token = app.token("admin@example.com").await;
    let answer = app.gql(Some(&token), ITEMS, json!({ "id": meeting })).await;
    let mut out: Vec<(String, bool, bool)> = answer.ok()["node"]["actionItems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["dueOn"].as_str().unwrap().to_owned(),
                i["isOverdue"].as_bool().unwrap(),
                i["isDueToday"].as_bool().unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[tokio::test]
async fn due_today_and_overdue_follow_the_alliance_zone() {
    let app = TestApp::new().await;
    app.clock.set(at(2027, 2, 20, 12, 0));
    let admin = app.token("admin@example.com").await;
    let beijing = meeting_with_items(&app, &admin, "到期北京联盟", "Asia/Shanghai").await;
    let utc = meeting_with_items(&app, &admin, "到期世界时联盟", "UTC").await;

    // 17:00 UTC on 1 March: 2 March 01:00 in Beijing.
    app.clock.set(at(2027, 3, 1, 17, 0));
    let s = |d: &str, overdue, today| (d.to_owned(), overdue, today);
    assert_eq!(
        due_states(&app, &beijing).await,
        [s("2027-03-01", true, false), s("2027-03-02", false, true)]
    );
    // The UTC alliance is still on 1 March.
    assert_eq!(
        due_states(&app, &utc).await,
        [s("2027-03-01", false, true), s("2027-03-02", false, false)]
    );
    // 15:59 UTC: still 1 March in Beijing too.
    app.clock.set(at(2027, 3, 1, 15, 59));
    assert_eq!(
        due_states(&app, &beijing).await,
        [s("2027-03-01", false, true), s("2027-03-02", false, false)]
    );
}

async fn me(app: &TestApp, token: &str) -> alliance_tests::Gql {
    app.gql(Some(token), "{ me { name } }", json!({})).await
}

#[tokio::test]
async fn access_tokens_live_by_the_injected_clock() {
    let app = TestApp::new().await;
    let issued = at(2027, 3, 1, 8, 0);
    app.clock.set(issued);
    let login = app
        .login_payload("member@example.com", alliance_domain::seed::DEMO_PASSWORD)
        .await;
    let payload = &login.ok()["login"];
    let token = payload["accessToken"].as_str().unwrap().to_owned();
    // Issued by the clock: it expires 15 minutes after the clock's time, not the system's.
    assert_eq!(
        payload["expiresAt"]
            .as_str()
            .unwrap()
            .parse::<DateTime<Utc>>()
            .unwrap(),
        issued + chrono::Duration::minutes(15)
    );
    // Accepted until `exp` (with the 30 seconds of leeway there always was), refused after.
    for (offset, accepted) in [
        (0, true),
        (899, true),
        (929, true),
        (931, false),
        (3600, false),
    ] {
        app.clock.set(issued + chrono::Duration::seconds(offset));
        let answer = me(&app, &token).await;
        if accepted {
            assert_eq!(answer.ok()["me"]["name"], "李娜", "at +{offset}s");
        } else {
            assert_eq!(
                answer.code(),
                Some("UNAUTHENTICATED"),
                "at +{offset}s: {}",
                answer.body
            );
        }
    }
    // Nor before it was issued (`nbf`), beyond the leeway.
    app.clock.set(issued - chrono::Duration::seconds(60));
    assert_eq!(me(&app, &token).await.code(), Some("UNAUTHENTICATED"));
    app.clock.set(issued - chrono::Duration::seconds(20));
    assert_eq!(me(&app, &token).await.ok()["me"]["name"], "李娜");
}

/// The VEVENT of `ics` (unfolded) whose SUMMARY ends with `title`, as its lines.
fn event_lines(ics: &str, title: &str) -> Vec<String> {
    let unfolded = ics.replace("\r\n ", "");
    unfolded
        .split("BEGIN:VEVENT")
        .find(|e| {
            e.lines()
                .any(|l| l.starts_with("SUMMARY:") && l.ends_with(title))
        })
        .unwrap_or_else(|| panic!("no event {title} in {unfolded}"))
        .lines()
        .map(str::to_owned)
        .collect()
}

fn property<'a>(lines: &'a [String], name: &str) -> &'a str {
    lines
        .iter()
        .find_map(|l| l.strip_prefix(&format!("{name}:")))
        .unwrap_or_else(|| panic!("no {name} in {lines:?}"))
}

#[tokio::test]
async fn calendar_links_open_the_meeting_page_of_the_web_client() {
    // A web client to serve: its history fallback answers every client route with index.html.
    let dist = std::env::temp_dir().join(format!("alliance-web-{}", uuid::Uuid::now_v7()));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        "<!doctype html><title>党建联盟</title>",
    )
    .unwrap();
    let app = TestApp::spawn(alliance_tests::Options {
        web_dist: Some(dist.clone()),
        ..Default::default()
    })
    .await;
    app.clock.set(at(2027, 2, 20, 12, 0));
    let admin = app.token("admin@example.com").await;
    let meeting = meeting_with_items(&app, &admin, "日历链接联盟", "Asia/Shanghai").await;
    let alliance = app
        .gql(
            Some(&admin),
            "query($id: ID!) { node(id: $id) { ... on Meeting { ics alliance { id } } } }",
            json!({ "id": meeting }),
        )
        .await;
    let node = &alliance.ok()["node"];
    let feed = app
        .gql(
            Some(&admin),
            "mutation($a: ID!) { createCalendarFeed(input: { allianceId: $a }) { url } }",
            json!({ "a": node["alliance"]["id"] }),
        )
        .await;
    let feed_url = feed.ok()["createCalendarFeed"]["url"]
        .as_str()
        .unwrap()
        .replace("http://localhost:8080", &app.url);
    let ics = app
        .client
        .get(&feed_url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();

    let expected = format!(
        "http://localhost:8080/meetings/{}",
        meeting.as_str().unwrap()
    );
    for calendar in [ics.as_str(), node["ics"].as_str().unwrap()] {
        let event = event_lines(calendar, "月度例会");
        // The link names the meeting by the id the web client's route and the API take.
        assert_eq!(property(&event, "URL"), expected);
        // Instants in UTC: 10:00 in Beijing is 02:00Z.
        assert_eq!(property(&event, "DTSTART"), "20270226T020000Z");
        assert_eq!(property(&event, "DTEND"), "20270226T040000Z");
    }
    // The server serves the web client at that path, and the id in it opens the meeting.
    let page = app
        .client
        .get(expected.replace("http://localhost:8080", &app.url))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status().as_u16(), 200);
    assert!(page.text().await.unwrap().contains("党建联盟"));
    let id = expected.rsplit('/').next().unwrap();
    let opened = app
        .gql(
            Some(&admin),
            "query($id: ID!) { meeting(id: $id) { title } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(opened.ok()["meeting"]["title"], "月度例会");
    std::fs::remove_dir_all(dist).ok();
}
