//! Calendar files: the meeting link opens the web client, instants in UTC.

#![allow(clippy::unwrap_used)]

use super::*;

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

/// The lines of the first component `name` (e.g. `VALARM`) inside `lines`.
fn component(lines: &[String], name: &str) -> Vec<String> {
    lines
        .iter()
        .skip_while(|l| *l != &format!("BEGIN:{name}"))
        .take_while(|l| *l != &format!("END:{name}"))
        .cloned()
        .collect()
}

#[tokio::test]
async fn a_meeting_event_reminds_names_its_host_and_lists_the_accepted_agenda() {
    let app = TestApp::new().await;
    let convener = app.token("convener@example.com").await;
    let org_admin = app.token("orgadmin@example.com").await;
    let consortium = app.alliance_id(alliance_tests::CONSORTIUM).await;
    let starts = app.clock_now() + chrono::Duration::days(12);
    let scheduled = app
        .gql(Some(&convener), "mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id hostOrganization { name } } userErrors { field code } } }", json!({ "input": {
            "allianceId": consortium, "title": "日历议程会议", "startsAt": starts.to_rfc3339(), "endsAt": (starts + chrono::Duration::hours(2)).to_rfc3339(), "onlineUrl": "https://meet.example.com/abc" } }))
        .await;
    let meeting = scheduled.ok()["scheduleMeeting"]["meeting"].clone();
    let host = meeting["hostOrganization"]["name"]
        .as_str()
        .unwrap()
        .to_owned();
    // Accepted with a presenter and a time; another proposed but not decided; a third rejected.
    let propose = "mutation($m: ID!, $t: String!) { proposeAgendaItem(input: {meetingId: $m, title: $t, minutesAllotted: 15}) { agendaItem { id } userErrors { field code } } }";
    let mut items = Vec::new();
    for title in [
        "社区志愿服务对接, 第二期; 方案",
        "尚未决定的议题",
        "被否决的议题",
    ] {
        let proposed = app
            .gql(
                Some(&org_admin),
                propose,
                json!({ "m": meeting["id"], "t": title }),
            )
            .await;
        items.push(proposed.ok()["proposeAgendaItem"]["agendaItem"]["id"].clone());
    }
    let decide = "mutation($i: ID!, $a: Boolean!) { decideAgendaItem(input: {id: $i, accept: $a}) { agendaItem { status } } }";
    for (item, accept) in [(&items[0], true), (&items[2], false)] {
        let decided = app
            .gql(Some(&convener), decide, json!({ "i": item, "a": accept }))
            .await;
        assert!(
            decided.ok()["decideAgendaItem"]["agendaItem"]["status"].is_string(),
            "{}",
            decided.body
        );
    }
    let presenter = app
        .gql(
            Some(&org_admin),
            "{ me { organizationMemberships(first: 1) { nodes { organization { name } } } } }",
            json!({}),
        )
        .await;
    // The presenter defaults to the proposing organization.
    let presenter =
        presenter.ok()["me"]["organizationMemberships"]["nodes"][0]["organization"]["name"]
            .as_str()
            .unwrap()
            .to_owned();

    let ics_of = |locale: &'static str| {
        let app = &app;
        let convener = convener.clone();
        let id = meeting["id"].clone();
        async move {
            app.gql(
                Some(&convener),
                "query($id: ID!, $l: String) { meeting(id: $id) { ics(locale: $l) } }",
                json!({ "id": id, "l": locale }),
            )
            .await
            .ok()["meeting"]["ics"]
                .as_str()
                .unwrap()
                .to_owned()
        }
    };
    let zh = ics_of("zh-CN").await;
    let event = event_lines(&zh, "日历议程会议");
    // The reminder: 30 minutes before the start, shown on screen, the same on every fetch.
    let alarm = component(&event, "VALARM");
    assert!(alarm.contains(&"ACTION:DISPLAY".to_owned()), "{alarm:?}");
    let trigger = alarm
        .iter()
        .find_map(|l| l.strip_prefix("TRIGGER").and_then(|t| t.rsplit_once(':')))
        .unwrap_or_else(|| panic!("a TRIGGER in {alarm:?}"));
    assert!(
        ["-PT30M", "-PT1800S"].contains(&trigger.1) && !trigger.0.contains("RELATED=END"),
        "30 minutes before the start: {alarm:?}"
    );
    assert_eq!(
        zh,
        ics_of("zh-CN").await,
        "nothing in the file changes between fetches"
    );
    // The organizer is the host, by name, and no one's e-mail address.
    let organizer = event
        .iter()
        .find(|l| l.starts_with("ORGANIZER"))
        .unwrap_or_else(|| panic!("an ORGANIZER in {event:?}"));
    assert!(
        organizer.contains(&format!("CN={host}")) || organizer.contains(&format!("CN=\"{host}\"")),
        "{organizer}"
    );
    assert!(!organizer.contains("mailto:"), "{organizer}");
    // The description: host, the accepted item (escaped, with its presenter and time), links.
    let description = property(&event, "DESCRIPTION")
        .replace("\\n", "\n")
        .replace("\\,", ",")
        .replace("\\;", ";");
    assert!(
        description.contains(&format!("主办单位: {host}")),
        "{description}"
    );
    assert!(
        description.contains("1. 社区志愿服务对接, 第二期; 方案"),
        "{description}"
    );
    assert!(description.contains("15 分钟"), "{description}");
    assert!(
        description.contains(&format!("({presenter}, 15 分钟)")),
        "{description}"
    );
    assert!(
        !description.contains("尚未决定的议题"),
        "only accepted items: {description}"
    );
    assert!(
        !description.contains("被否决的议题"),
        "only accepted items: {description}"
    );
    assert!(
        description.contains("线上会议: https://meet.example.com/abc"),
        "{description}"
    );
    assert!(description.contains("会议页面: http"), "{description}");

    let en = ics_of("en").await;
    let description = property(&event_lines(&en, "日历议程会议"), "DESCRIPTION").to_owned();
    assert!(description.contains("Agenda:"), "{description}");
    assert!(description.contains("Host: "), "{description}");
}
