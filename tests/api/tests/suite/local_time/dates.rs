//! Dates that are "today": membership days and due dates, in each alliance's zone.

#![allow(clippy::unwrap_used)]

use super::*;

const SEE: &str = "query($id: ID!) { alliance(id: $id) { id } }";

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
