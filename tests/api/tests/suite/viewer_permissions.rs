//! `viewerPermissions` for every kind of caller, the viewer's own alliances (`alliances(mine:)`)
//! and the scopes offered per kind of token target.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use alliance_tests::{CONSORTIUM, TestApp};
use serde_json::{Value, json};

const PERMISSIONS: &str = "{ viewerPermissions { manageUsers readAuditLog manageIntegrationTokens
    readBackgroundJobs createOrganization createAlliance } }";
const MINE: &str = "query($mine: Boolean) { alliances(first: 100, mine: $mine) {
    totalCount nodes { id name viewerRoles } } }";
const CREATE: &str =
    "mutation($input: CreateIntegrationTokenInput!) { createIntegrationToken(input: $input) {
    secret userErrors { field code } } }";

fn permissions(answer: &Value) -> [bool; 6] {
    let p = &answer["viewerPermissions"];
    [
        "manageUsers",
        "readAuditLog",
        "manageIntegrationTokens",
        "readBackgroundJobs",
        "createOrganization",
        "createAlliance",
    ]
    .map(|field| p[field].as_bool().unwrap())
}

async fn token_secret(app: &TestApp, as_token: &str, input: Value) -> String {
    let created = app
        .gql(Some(as_token), CREATE, json!({ "input": input }))
        .await;
    let payload = &created.ok()["createIntegrationToken"];
    assert_eq!(payload["userErrors"], json!([]), "{}", created.body);
    payload["secret"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn each_role_is_told_what_it_may_do_at_platform_level() {
    let app = TestApp::new().await;
    let consortium = app.alliance_id(CONSORTIUM).await;
    let secretariat = app.token("secretariat@example.com").await;
    let integration = token_secret(
        &app,
        &secretariat,
        json!({ "name": "区级平台", "scopes": ["read:alliance"], "allianceId": consortium }),
    )
    .await;
    // [manageUsers, readAuditLog, manageIntegrationTokens, readBackgroundJobs, createOrganization, createAlliance]
    let all = [true; 6];
    let none = [false; 6];
    let tokens_only = [false, false, true, false, false, false];
    let cases: Vec<(&str, Option<String>, [bool; 6])> = vec![
        ("anonymous", None, none),
        (
            "platform admin",
            Some(app.token("admin@example.com").await),
            all,
        ),
        (
            "alliance admin",
            Some(secretariat.clone()),
            [false, true, true, false, false, false],
        ),
        (
            "lead convener (secretary of the lead unit)",
            Some(app.token("convener@example.com").await),
            tokens_only,
        ),
        (
            "supervisor",
            Some(app.token("supervisor@example.com").await),
            none,
        ),
        (
            "organization admin",
            Some(app.token("orgadmin@example.com").await),
            tokens_only,
        ),
        (
            "plain member",
            Some(app.token("member@example.com").await),
            none,
        ),
        ("integration token", Some(integration), none),
    ];
    for (name, token, expected) in cases {
        let answer = app.gql(token.as_deref(), PERMISSIONS, json!({})).await;
        assert_eq!(
            permissions(answer.ok()),
            expected,
            "{name}: {}",
            answer.body
        );
    }
    // What the answer promises holds: the member cannot list users, the admin can.
    let member = app.token("member@example.com").await;
    let users = app
        .gql(
            Some(&member),
            "{ users(first: 1) { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(users.code(), Some("FORBIDDEN"), "{}", users.body);
}

#[tokio::test]
async fn mine_lists_the_alliances_in_which_the_viewer_holds_a_role() {
    let app = TestApp::new().await;
    let consortium = app.alliance_id(CONSORTIUM).await;
    // The supervisor belongs to no organization: the consortium comes through the grant.
    let supervisor = app.token("supervisor@example.com").await;
    let answer = app
        .gql(Some(&supervisor), MINE, json!({ "mine": true }))
        .await;
    let nodes = answer.ok()["alliances"]["nodes"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(nodes.len(), 1, "{}", answer.body);
    assert_eq!(nodes[0]["id"], consortium.as_str());
    assert_eq!(nodes[0]["viewerRoles"], json!(["SUPERVISOR"]));
    assert_eq!(answer.ok()["alliances"]["totalCount"], 1);

    // For every signed-in role, `mine` is exactly the visible alliances with a viewer role.
    for login in [
        "secretariat@example.com",
        "convener@example.com",
        "orgadmin@example.com",
        "member@example.com",
        "admin@example.com",
    ] {
        let token = app.token(login).await;
        let ids = |answer: &Value, only_roles: bool| -> Vec<String> {
            answer["alliances"]["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|n| !only_roles || !n["viewerRoles"].as_array().unwrap().is_empty())
                .map(|n| n["id"].as_str().unwrap().to_owned())
                .collect()
        };
        let mine = app.gql(Some(&token), MINE, json!({ "mine": true })).await;
        let every = app.gql(Some(&token), MINE, json!({})).await;
        let mut mine_ids = ids(mine.ok(), false);
        let mut with_roles = ids(every.ok(), true);
        mine_ids.sort();
        with_roles.sort();
        assert_eq!(mine_ids, with_roles, "{login}: {}", mine.body);
        if login != "admin@example.com" {
            assert!(!mine_ids.is_empty(), "{login} holds a role somewhere");
        }
    }
    // A public alliance the member does not belong to is listed without `mine`, not with it.
    let member = app.token("member@example.com").await;
    let every = app.gql(Some(&member), MINE, json!({ "mine": false })).await;
    let mine = app.gql(Some(&member), MINE, json!({ "mine": true })).await;
    assert!(
        every.ok()["alliances"]["totalCount"].as_i64().unwrap()
            > mine.ok()["alliances"]["totalCount"].as_i64().unwrap(),
        "{} / {}",
        every.body,
        mine.body
    );

    // Anonymous callers and tokens hold no role anywhere.
    let secretariat = app.token("secretariat@example.com").await;
    let integration = token_secret(
        &app,
        &secretariat,
        json!({ "name": "门户", "scopes": ["read:alliance"], "allianceId": consortium }),
    )
    .await;
    for token in [None, Some(integration.as_str())] {
        let answer = app.gql(token, MINE, json!({ "mine": true })).await;
        assert_eq!(answer.ok()["alliances"]["totalCount"], 0, "{}", answer.body);
    }
}

#[tokio::test]
async fn scopes_are_offered_and_accepted_only_where_they_do_something() {
    let app = TestApp::new().await;
    let scopes = "query($t: IntegrationTargetKind) { integrationScopes(target: $t) }";
    let org = app.gql(None, scopes, json!({ "t": "ORGANIZATION" })).await;
    assert_eq!(
        org.ok()["integrationScopes"],
        json!(["read:organization", "read:members", "read:resources"])
    );
    let alliance = app.gql(None, scopes, json!({ "t": "ALLIANCE" })).await;
    let list = alliance.ok()["integrationScopes"]
        .as_array()
        .unwrap()
        .clone();
    assert!(list.contains(&json!("read:meetings")) && !list.contains(&json!("read:members")));
    let every = app.gql(None, scopes, json!({})).await;
    assert_eq!(
        every.ok()["integrationScopes"].as_array().unwrap().len(),
        10
    );
    let bad = app.gql(None, scopes, json!({ "t": "<script>" })).await;
    assert!(bad.code() != Some("INTERNAL"), "{}", bad.body);
    assert!(!bad.errors().as_array().unwrap().is_empty());

    // An organization token with an alliance scope is refused, naming the scope.
    let orgadmin = app.token("orgadmin@example.com").await;
    let plastics = app.organization_id("省塑料协会").await;
    let answer = app
        .gql(
            Some(&orgadmin),
            CREATE,
            json!({ "input": { "name": "网站", "scopes": ["read:organization", "read:meetings"], "organizationId": plastics } }),
        )
        .await;
    assert_eq!(
        answer.ok()["createIntegrationToken"]["userErrors"],
        json!([{ "field": "scopes.1", "code": "NOT_FOR_TARGET" }]),
        "{}",
        answer.body
    );
    assert_eq!(answer.ok()["createIntegrationToken"]["secret"], Value::Null);
}
