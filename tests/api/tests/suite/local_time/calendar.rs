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
