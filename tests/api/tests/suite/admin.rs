//! Administration the roles need: role grants (list, revoke), platform user accounts (list,
//! search, disable, enable) and the audit log as a query — each against every kind of caller.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use alliance_tests::{CONSORTIUM, DEMO_PASSWORD, PAIRING_MEMBERS_ONLY, TestApp};
use serde_json::{Value, json};

const GRANT: &str = "mutation($input: GrantAllianceRoleInput!) { grantAllianceRole(input: $input) {
    roleGrant { id role user { name } revokedAt } userErrors { field code } } }";
const REVOKE: &str = "mutation($id: ID!) { revokeAllianceRole(input: {grantId: $id}) {
    roleGrant { id revokedAt } userErrors { field code } } }";
const GRANTS: &str = "query($id: ID!, $all: Boolean) { alliance(id: $id) {
    roleGrants(includeRevoked: $all) { totalCount edges { node { id role revokedAt grantedAt user { id name } } } } } }";
const ROLES: &str = "query($id: ID!) { alliance(id: $id) { viewerRoles } }";
const ME: &str = "{ me { id name } }";
const USERS: &str = "query($search: String, $disabled: Boolean, $first: Int, $after: String) {
    users(search: $search, disabled: $disabled, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id name email phone disabledAt } } } }";
const DISABLE: &str = "mutation($id: ID!) { disableUser(input: {userId: $id}) { user { id disabledAt } userErrors { field code } } }";
const ENABLE: &str = "mutation($id: ID!) { enableUser(input: {userId: $id}) { user { id disabledAt } userErrors { field code } } }";
const AUDIT: &str = "query($first: Int, $after: String, $actorId: ID, $allianceId: ID, $entityType: String, $entityId: ID,
    $action: String, $from: DateTime, $to: DateTime) {
    auditEntries(first: $first, after: $after, actorId: $actorId, allianceId: $allianceId, entityType: $entityType,
                 entityId: $entityId, action: $action, from: $from, to: $to) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id action entityType entityId at changes actorTokenPrefix actor { id name } alliance { id name } } } } }";
const REFRESH: &str =
    "mutation($t: String) { refreshSession(input: {refreshToken: $t}) { accessToken } }";

/// Everyone the brief tests against, logged in (anonymous is `None`).
struct Callers {
    platform: String,
    secretariat: String,
    /// Alliance admin of the members-only pairing, and an org admin of a consortium member.
    other_admin: String,
    member: String,
    /// An integration token with read:alliance on the consortium.
    integration: String,
}

async fn user_id(app: &TestApp, token: &str) -> String {
    app.gql(Some(token), ME, json!({})).await.ok()["me"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn grant(app: &TestApp, as_token: &str, alliance: &str, user: &str, role: &str) -> Value {
    let answer = app
        .gql(
            Some(as_token),
            GRANT,
            json!({ "input": { "allianceId": alliance, "userId": user, "role": role } }),
        )
        .await;
    answer.ok()["grantAllianceRole"].clone()
}

async fn callers(app: &TestApp) -> Callers {
    let platform = app.token("admin@example.com").await;
    let secretariat = app.token("secretariat@example.com").await;
    let other_admin = app.token("orgadmin@example.com").await;
    let pairing = app.alliance_id(PAIRING_MEMBERS_ONLY).await;
    let other_id = user_id(app, &other_admin).await;
    let granted = grant(app, &platform, &pairing, &other_id, "ALLIANCE_ADMIN").await;
    assert_eq!(granted["userErrors"], json!([]), "{granted}");
    let member = app.token("member@example.com").await;
    let consortium = app.alliance_id(CONSORTIUM).await;
    let created = app
        .gql(
            Some(&secretariat),
            "mutation($input: CreateIntegrationTokenInput!) { createIntegrationToken(input: $input) { secret userErrors { code } } }",
            json!({ "input": { "name": "区级平台", "scopes": ["read:alliance", "read:meetings"], "allianceId": consortium } }),
        )
        .await;
    let integration = created.ok()["createIntegrationToken"]["secret"]
        .as_str()
        .unwrap()
        .to_owned();
    Callers {
        platform,
        secretariat,
        other_admin,
        member,
        integration,
    }
}

fn total(answer: &Value) -> i64 {
    answer["totalCount"].as_i64().unwrap()
}

#[tokio::test]
async fn role_grants_are_listed_for_platform_and_alliance_admins_only() {
    let app = TestApp::new().await;
    let c = callers(&app).await;
    let consortium = app.alliance_id(CONSORTIUM).await;
    let vars = json!({ "id": consortium });

    for token in [&c.platform, &c.secretariat] {
        let answer = app.gql(Some(token), GRANTS, vars.clone()).await;
        let grants = &answer.ok()["alliance"]["roleGrants"];
        assert_eq!(total(grants), 2, "{}", answer.body);
        let names: Vec<&str> = grants["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["node"]["user"]["name"].as_str().unwrap())
            .collect();
        assert!(names.contains(&"周敏"), "{names:?}");
        assert!(names.contains(&"吴建华"), "{names:?}");
    }
    // Members, the admin of another alliance, integration tokens and (the consortium is public)
    // anonymous visitors see the alliance, not its grants.
    for token in [
        Some(c.other_admin.as_str()),
        Some(c.member.as_str()),
        Some(c.integration.as_str()),
        None,
    ] {
        let answer = app.gql(token, GRANTS, vars.clone()).await;
        let grants = &answer.ok()["alliance"]["roleGrants"];
        assert_eq!(total(grants), 0, "{}", answer.body);
        assert_eq!(grants["edges"], json!([]));
    }

    // node(id:) follows the same rule.
    let answer = app.gql(Some(&c.platform), GRANTS, vars.clone()).await;
    let id = answer.ok()["alliance"]["roleGrants"]["edges"][0]["node"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let node = "query($id: ID!) { node(id: $id) { id ... on RoleGrant { role } } }";
    for token in [&c.platform, &c.secretariat] {
        let seen = app.gql(Some(token), node, json!({ "id": id })).await;
        assert_eq!(seen.ok()["node"]["id"], id.as_str());
    }
    for token in [
        Some(c.other_admin.as_str()),
        Some(c.member.as_str()),
        Some(c.integration.as_str()),
        None,
    ] {
        let seen = app.gql(token, node, json!({ "id": id })).await;
        assert_eq!(seen.ok()["node"], Value::Null);
    }
}

#[tokio::test]
async fn granting_a_held_role_is_reported_and_revoking_ends_the_rights_at_the_next_request() {
    let app = TestApp::new().await;
    let c = callers(&app).await;
    let consortium = app.alliance_id(CONSORTIUM).await;
    let member_id = user_id(&app, &c.member).await;

    // First grant succeeds; the same grant again is ALREADY_GRANTED on `role`.
    let first = grant(&app, &c.platform, &consortium, &member_id, "ALLIANCE_ADMIN").await;
    assert_eq!(first["userErrors"], json!([]));
    assert_eq!(first["roleGrant"]["role"], "ALLIANCE_ADMIN");
    assert_eq!(first["roleGrant"]["revokedAt"], Value::Null);
    let grant_id = first["roleGrant"]["id"].as_str().unwrap().to_owned();
    let again = grant(&app, &c.platform, &consortium, &member_id, "ALLIANCE_ADMIN").await;
    assert_eq!(
        again["userErrors"],
        json!([{ "field": "role", "code": "ALREADY_GRANTED" }])
    );
    assert_eq!(again["roleGrant"], Value::Null);
    // Only platform admins grant.
    for token in [&c.secretariat, &c.other_admin, &c.member, &c.integration] {
        let answer = app
            .gql(
                Some(token),
                GRANT,
                json!({ "input": { "allianceId": consortium, "userId": member_id, "role": "SUPERVISOR" } }),
            )
            .await;
        assert_eq!(answer.code(), Some("FORBIDDEN"), "{}", answer.body);
    }

    // The member, now in the secretariat, sees the grants with the same token.
    let roles = app
        .gql(Some(&c.member), ROLES, json!({ "id": consortium }))
        .await;
    assert!(
        roles.ok()["alliance"]["viewerRoles"]
            .as_array()
            .unwrap()
            .contains(&json!("ALLIANCE_ADMIN"))
    );
    let grants = app
        .gql(Some(&c.member), GRANTS, json!({ "id": consortium }))
        .await;
    assert_eq!(total(&grants.ok()["alliance"]["roleGrants"]), 3);

    // Nobody but a platform admin revokes: the secretariat sees the grant (FORBIDDEN); for the
    // others it does not exist (NOT_FOUND).
    let denied = app
        .gql(Some(&c.secretariat), REVOKE, json!({ "id": grant_id }))
        .await;
    assert_eq!(denied.code(), Some("FORBIDDEN"));
    for token in [
        Some(c.other_admin.as_str()),
        Some(c.integration.as_str()),
        None,
    ] {
        let denied = app.gql(token, REVOKE, json!({ "id": grant_id })).await;
        assert_eq!(denied.code(), Some("NOT_FOUND"), "{}", denied.body);
    }

    let revoked = app
        .gql(Some(&c.platform), REVOKE, json!({ "id": grant_id }))
        .await;
    let payload = &revoked.ok()["revokeAllianceRole"];
    assert_eq!(payload["userErrors"], json!([]));
    assert!(payload["roleGrant"]["revokedAt"].is_string());

    // The same access token: the role is gone on the very next request.
    let roles = app
        .gql(Some(&c.member), ROLES, json!({ "id": consortium }))
        .await;
    assert!(
        !roles.ok()["alliance"]["viewerRoles"]
            .as_array()
            .unwrap()
            .contains(&json!("ALLIANCE_ADMIN"))
    );
    let grants = app
        .gql(Some(&c.member), GRANTS, json!({ "id": consortium }))
        .await;
    assert_eq!(total(&grants.ok()["alliance"]["roleGrants"]), 0);
    let update = app
        .gql(
            Some(&c.member),
            "mutation($id: ID!) { updateAlliance(input: {id: $id, version: 1, instructor: \"x\"}) { userErrors { code } } }",
            json!({ "id": consortium }),
        )
        .await;
    assert_eq!(update.code(), Some("FORBIDDEN"));

    // Current grants by default; the revoked one with includeRevoked.
    let current = app
        .gql(Some(&c.platform), GRANTS, json!({ "id": consortium }))
        .await;
    assert_eq!(total(&current.ok()["alliance"]["roleGrants"]), 2);
    let all = app
        .gql(
            Some(&c.platform),
            GRANTS,
            json!({ "id": consortium, "all": true }),
        )
        .await;
    assert_eq!(total(&all.ok()["alliance"]["roleGrants"]), 3);

    // Revoking twice is ALREADY_REVOKED; an unknown id NOT_FOUND; a malformed one BAD_USER_INPUT.
    let twice = app
        .gql(Some(&c.platform), REVOKE, json!({ "id": grant_id }))
        .await;
    assert_eq!(
        twice.ok()["revokeAllianceRole"]["userErrors"],
        json!([{ "field": "grantId", "code": "ALREADY_REVOKED" }])
    );
    let unknown = alliance_api::kernel::ids::encode(
        alliance_api::kernel::ids::Kind::RoleGrant,
        uuid::Uuid::now_v7(),
    );
    let answer = app
        .gql(Some(&c.platform), REVOKE, json!({ "id": unknown.0 }))
        .await;
    assert_eq!(answer.code(), Some("NOT_FOUND"));
    for bad in ["not-an-id", &consortium] {
        let answer = app
            .gql(Some(&c.platform), REVOKE, json!({ "id": bad }))
            .await;
        assert_eq!(answer.code(), Some("BAD_USER_INPUT"), "{bad}");
    }

    // The revocation is audited, and the role can be granted afresh.
    let audit = app
        .gql(
            Some(&c.platform),
            AUDIT,
            json!({ "action": "alliance.revoke_role" }),
        )
        .await;
    let entries = &audit.ok()["auditEntries"];
    assert_eq!(total(entries), 1);
    assert_eq!(
        entries["edges"][0]["node"]["changes"]["role"],
        "alliance_admin"
    );
    let regrant = grant(&app, &c.platform, &consortium, &member_id, "ALLIANCE_ADMIN").await;
    assert_eq!(regrant["userErrors"], json!([]));
}

#[tokio::test]
async fn platform_admins_list_and_search_users_and_nobody_else_does() {
    let app = TestApp::new().await;
    let c = callers(&app).await;
    let all = app.gql(Some(&c.platform), USERS, json!({})).await;
    let count = total(&all.ok()["users"]);
    assert!(count >= 22, "{}", all.body);

    // Keyset pages cover every user exactly once.
    let mut seen = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let page = app
            .gql(
                Some(&c.platform),
                USERS,
                json!({ "first": 7, "after": after }),
            )
            .await;
        let users = &page.ok()["users"];
        assert_eq!(total(users), count);
        for edge in users["edges"].as_array().unwrap() {
            seen.push(edge["node"]["id"].as_str().unwrap().to_owned());
        }
        if users["pageInfo"]["hasNextPage"] != true {
            break;
        }
        after = users["pageInfo"]["endCursor"].as_str().map(str::to_owned);
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), seen.len());
    assert_eq!(i64::try_from(seen.len()).unwrap(), count);

    let search = |term: &'static str| {
        let app = &app;
        let token = c.platform.clone();
        async move {
            let answer = app
                .gql(Some(&token), USERS, json!({ "search": term }))
                .await;
            answer.ok()["users"].clone()
        }
    };
    // Name, e-mail (any case) and phone.
    let by_name = search("林海").await;
    assert_eq!(total(&by_name), 1);
    assert_eq!(by_name["edges"][0]["node"]["email"], "admin@example.com");
    let by_email = search("SECRETARIAT@EXAMPLE").await;
    assert_eq!(total(&by_email), 1);
    assert_eq!(by_email["edges"][0]["node"]["name"], "周敏");
    let by_phone = search("13800000006").await;
    assert_eq!(by_phone["edges"][0]["node"]["email"], "member@example.com");
    // LIKE wildcards match literally.
    assert_eq!(total(&search("%").await), 0);
    assert_eq!(total(&search("_").await), 0);
    assert_eq!(total(&search("\\").await), 0);
    // Nobody is disabled in the demo.
    let disabled = app
        .gql(Some(&c.platform), USERS, json!({ "disabled": true }))
        .await;
    assert_eq!(total(&disabled.ok()["users"]), 0);

    // A NUL byte is refused naming `search`, never INTERNAL.
    let hostile = app
        .gql(Some(&c.platform), USERS, json!({ "search": "a\u{0}b" }))
        .await;
    assert_eq!(hostile.code(), Some("BAD_USER_INPUT"));
    assert!(
        hostile.errors()[0]["message"]
            .as_str()
            .unwrap()
            .contains("search")
    );
    let long = "x".repeat(101);
    let hostile = app
        .gql(Some(&c.platform), USERS, json!({ "search": long }))
        .await;
    assert_eq!(hostile.code(), Some("BAD_USER_INPUT"));
    let bad_cursor = app
        .gql(Some(&c.platform), USERS, json!({ "after": "%%%" }))
        .await;
    assert_eq!(bad_cursor.code(), Some("BAD_USER_INPUT"));

    for token in [&c.secretariat, &c.other_admin, &c.member, &c.integration] {
        let answer = app.gql(Some(token), USERS, json!({})).await;
        assert_eq!(answer.code(), Some("FORBIDDEN"), "{}", answer.body);
    }
    assert_eq!(
        app.gql(None, USERS, json!({})).await.code(),
        Some("UNAUTHENTICATED")
    );
}

#[tokio::test]
async fn disabling_a_user_ends_their_tokens_at_once_and_enabling_lets_them_back_in() {
    let app = TestApp::new().await;
    let c = callers(&app).await;
    let login = app
        .login_payload("supervisor@example.com", DEMO_PASSWORD)
        .await;
    let access = login.ok()["login"]["accessToken"]
        .as_str()
        .unwrap()
        .to_owned();
    let refresh = login.ok()["login"]["refreshToken"]
        .as_str()
        .unwrap()
        .to_owned();
    let second_access = app.token("supervisor@example.com").await;
    let supervisor = user_id(&app, &access).await;
    let platform_id = user_id(&app, &c.platform).await;

    // Only platform admins disable, and not themselves.
    for token in [&c.secretariat, &c.other_admin, &c.member, &c.integration] {
        let answer = app
            .gql(Some(token), DISABLE, json!({ "id": supervisor }))
            .await;
        assert_eq!(answer.code(), Some("FORBIDDEN"), "{}", answer.body);
    }
    assert_eq!(
        app.gql(None, DISABLE, json!({ "id": supervisor }))
            .await
            .code(),
        Some("UNAUTHENTICATED")
    );
    let own = app
        .gql(Some(&c.platform), DISABLE, json!({ "id": platform_id }))
        .await;
    assert_eq!(
        own.ok()["disableUser"]["userErrors"],
        json!([{ "field": "userId", "code": "SELF" }])
    );
    let unknown = alliance_api::kernel::ids::encode(
        alliance_api::kernel::ids::Kind::User,
        uuid::Uuid::now_v7(),
    );
    let answer = app
        .gql(Some(&c.platform), DISABLE, json!({ "id": unknown.0 }))
        .await;
    assert_eq!(answer.code(), Some("NOT_FOUND"));
    let answer = app
        .gql(Some(&c.platform), DISABLE, json!({ "id": "garbage" }))
        .await;
    assert_eq!(answer.code(), Some("BAD_USER_INPUT"));

    let disabled = app
        .gql(Some(&c.platform), DISABLE, json!({ "id": supervisor }))
        .await;
    let payload = &disabled.ok()["disableUser"];
    assert_eq!(payload["userErrors"], json!([]));
    assert!(payload["user"]["disabledAt"].is_string());

    // Every session ended: both access tokens and the refresh token stop working now.
    for token in [&access, &second_access] {
        assert_eq!(
            app.gql(Some(token), ME, json!({})).await.code(),
            Some("UNAUTHENTICATED")
        );
    }
    assert_eq!(
        app.gql(None, REFRESH, json!({ "t": refresh })).await.code(),
        Some("UNAUTHENTICATED")
    );
    let refused = app
        .login_payload("supervisor@example.com", DEMO_PASSWORD)
        .await;
    assert_eq!(refused.code(), Some("UNAUTHENTICATED"));

    // disabledAt is for platform admins only; the secretariat sees the user through the grants.
    let consortium = app.alliance_id(CONSORTIUM).await;
    let through_grants = |token: String| {
        let app = &app;
        let consortium = consortium.clone();
        async move {
            let answer = app
                .gql(
                    Some(&token),
                    "query($id: ID!) { alliance(id: $id) { roleGrants { edges { node { user { name disabledAt } } } } } }",
                    json!({ "id": consortium }),
                )
                .await;
            answer.ok()["alliance"]["roleGrants"]["edges"]
                .as_array()
                .unwrap()
                .iter()
                .find(|e| e["node"]["user"]["name"] == "吴建华")
                .unwrap()["node"]["user"]["disabledAt"]
                .clone()
        }
    };
    assert!(through_grants(c.platform.clone()).await.is_string());
    assert_eq!(through_grants(c.secretariat.clone()).await, Value::Null);
    let listed = app
        .gql(Some(&c.platform), USERS, json!({ "disabled": true }))
        .await;
    assert_eq!(total(&listed.ok()["users"]), 1);
    let again = app
        .gql(Some(&c.platform), DISABLE, json!({ "id": supervisor }))
        .await;
    assert_eq!(
        again.ok()["disableUser"]["userErrors"],
        json!([{ "field": "userId", "code": "ALREADY_DISABLED" }])
    );

    // Enabling: only platform admins; then the user signs in again (old sessions stay ended).
    for token in [&c.secretariat, &c.member, &c.integration] {
        let answer = app
            .gql(Some(token), ENABLE, json!({ "id": supervisor }))
            .await;
        assert_eq!(answer.code(), Some("FORBIDDEN"));
    }
    let enabled = app
        .gql(Some(&c.platform), ENABLE, json!({ "id": supervisor }))
        .await;
    assert_eq!(enabled.ok()["enableUser"]["userErrors"], json!([]));
    assert_eq!(
        enabled.ok()["enableUser"]["user"]["disabledAt"],
        Value::Null
    );
    let back = app.token("supervisor@example.com").await;
    assert_eq!(
        app.gql(Some(&back), ME, json!({})).await.ok()["me"]["name"],
        "吴建华"
    );
    assert_eq!(
        app.gql(Some(&access), ME, json!({})).await.code(),
        Some("UNAUTHENTICATED")
    );
    let twice = app
        .gql(Some(&c.platform), ENABLE, json!({ "id": supervisor }))
        .await;
    assert_eq!(
        twice.ok()["enableUser"]["userErrors"],
        json!([{ "field": "userId", "code": "NOT_DISABLED" }])
    );

    // Both are audited, by the platform admin, on the user.
    for action in ["user.disable", "user.enable"] {
        let audit = app
            .gql(
                Some(&c.platform),
                AUDIT,
                json!({ "action": action, "entityId": supervisor, "actorId": platform_id }),
            )
            .await;
        let entries = &audit.ok()["auditEntries"];
        assert_eq!(total(entries), 1, "{action}");
        assert_eq!(entries["edges"][0]["node"]["entityType"], "user");
        assert_eq!(entries["edges"][0]["node"]["entityId"], supervisor.as_str());
    }
}

fn nodes(answer: &Value) -> Vec<Value> {
    answer["auditEntries"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"].clone())
        .collect()
}

#[tokio::test]
async fn the_audit_log_filters_by_actor_entity_action_and_time_and_keeps_alliances_apart() {
    let app = TestApp::new().await;
    let c = callers(&app).await;
    let consortium = app.alliance_id(CONSORTIUM).await;
    let pairing = app.alliance_id(PAIRING_MEMBERS_ONLY).await;
    let platform_id = user_id(&app, &c.platform).await;
    let member_id = user_id(&app, &c.member).await;

    // Entries are dated by the server's clock, which stands still in tests.
    let before = app.clock_now();
    let granted = grant(&app, &c.platform, &consortium, &member_id, "SUPERVISOR").await;
    assert_eq!(granted["userErrors"], json!([]));
    let after = before + chrono::Duration::seconds(1);

    // Newest first, across keyset pages, with a total.
    let page1 = app
        .gql(Some(&c.platform), AUDIT, json!({ "first": 3 }))
        .await;
    let first = nodes(page1.ok());
    let count = total(&page1.ok()["auditEntries"]);
    assert!(count > 3);
    assert_eq!(first[0]["action"], "alliance.grant_role");
    let cursor = page1.ok()["auditEntries"]["pageInfo"]["endCursor"].clone();
    let page2 = app
        .gql(
            Some(&c.platform),
            AUDIT,
            json!({ "first": 3, "after": cursor }),
        )
        .await;
    let second = nodes(page2.ok());
    let all: Vec<&Value> = first.iter().chain(second.iter()).collect();
    for pair in all.windows(2) {
        assert!(pair[0]["at"].as_str().unwrap() >= pair[1]["at"].as_str().unwrap());
        assert_ne!(pair[0]["id"], pair[1]["id"]);
    }

    // Actor + action + entity: exactly the grant, pointing at the alliance by global id.
    let exact = app
        .gql(
            Some(&c.platform),
            AUDIT,
            json!({ "actorId": platform_id, "action": "alliance.grant_role", "entityType": "alliance", "entityId": consortium }),
        )
        .await;
    let entries = nodes(exact.ok());
    assert_eq!(entries.len(), 1, "{}", exact.body);
    let entry = &entries[0];
    assert_eq!(entry["entityId"], consortium.as_str());
    assert_eq!(entry["alliance"]["name"], CONSORTIUM);
    assert_eq!(entry["actor"]["id"], platform_id.as_str());
    assert_eq!(entry["changes"]["role"], "supervisor");
    assert_eq!(entry["actorTokenPrefix"], Value::Null);
    // node(id:) finds it for the platform admin and the secretariat, not for a member.
    let node = "query($id: ID!) { node(id: $id) { ... on AuditEntry { action } } }";
    let id = entry["id"].clone();
    assert_eq!(
        app.gql(Some(&c.platform), node, json!({ "id": id }))
            .await
            .ok()["node"]["action"],
        "alliance.grant_role"
    );
    assert_eq!(
        app.gql(Some(&c.secretariat), node, json!({ "id": id }))
            .await
            .ok()["node"]["action"],
        "alliance.grant_role"
    );
    for token in [&c.other_admin, &c.member, &c.integration] {
        assert_eq!(
            app.gql(Some(token), node, json!({ "id": id })).await.ok()["node"],
            Value::Null
        );
    }

    // Time: [from, to).
    let window = |from: chrono::DateTime<chrono::Utc>, to: chrono::DateTime<chrono::Utc>| json!({ "action": "alliance.grant_role", "allianceId": consortium, "from": from, "to": to });
    let inside = app
        .gql(Some(&c.platform), AUDIT, window(before, after))
        .await;
    assert_eq!(total(&inside.ok()["auditEntries"]), 1);
    let earlier = app
        .gql(
            Some(&c.platform),
            AUDIT,
            window(before - chrono::Duration::hours(1), before),
        )
        .await;
    assert_eq!(total(&earlier.ok()["auditEntries"]), 0);
    let later = app
        .gql(
            Some(&c.platform),
            AUDIT,
            window(after, after + chrono::Duration::hours(1)),
        )
        .await;
    assert_eq!(total(&later.ok()["auditEntries"]), 0);

    // The secretariat reads only the consortium's entries, without naming it.
    let mine = app
        .gql(Some(&c.secretariat), AUDIT, json!({ "first": 100 }))
        .await;
    let entries = nodes(mine.ok());
    assert!(!entries.is_empty());
    for entry in &entries {
        assert_eq!(entry["alliance"]["name"], CONSORTIUM, "{entry}");
    }
    assert!(entries.iter().any(|e| e["action"] == "alliance.grant_role"));
    // The integration token the secretariat created is an entry of the consortium, too.
    assert!(
        entries
            .iter()
            .any(|e| e["action"] == "integration_token.create")
    );
    let forbidden = app
        .gql(
            Some(&c.secretariat),
            AUDIT,
            json!({ "allianceId": pairing }),
        )
        .await;
    assert_eq!(forbidden.code(), Some("FORBIDDEN"));
    // The admin of the pairing never sees a consortium entry, and sees their own grant.
    let theirs = app
        .gql(Some(&c.other_admin), AUDIT, json!({ "first": 100 }))
        .await;
    let entries = nodes(theirs.ok());
    assert!(entries.iter().any(|e| e["action"] == "alliance.grant_role"));
    for entry in &entries {
        assert_eq!(entry["alliance"]["name"], PAIRING_MEMBERS_ONLY, "{entry}");
    }
    let forbidden = app
        .gql(
            Some(&c.other_admin),
            AUDIT,
            json!({ "allianceId": consortium }),
        )
        .await;
    assert_eq!(forbidden.code(), Some("FORBIDDEN"));

    // Members and tokens may not read the log; anonymous callers are asked to sign in.
    for token in [&c.member, &c.integration] {
        let answer = app.gql(Some(token), AUDIT, json!({})).await;
        assert_eq!(answer.code(), Some("FORBIDDEN"), "{}", answer.body);
    }
    assert_eq!(
        app.gql(None, AUDIT, json!({})).await.code(),
        Some("UNAUTHENTICATED")
    );

    // Hostile input: BAD_USER_INPUT, never INTERNAL.
    for vars in [
        json!({ "entityType": "alliance\u{0}" }),
        json!({ "action": "x\u{0}" }),
        json!({ "action": "x".repeat(101) }),
        json!({ "actorId": "garbage" }),
        json!({ "actorId": consortium }),
        json!({ "allianceId": "garbage" }),
        json!({ "entityId": "not-a-uuid" }),
        json!({ "from": "yesterday" }),
        json!({ "to": "2026-13-45T99:00:00Z" }),
        json!({ "from": after, "to": before }),
        json!({ "after": "%%" }),
        json!({ "first": 1000 }),
    ] {
        let answer = app.gql(Some(&c.platform), AUDIT, vars.clone()).await;
        assert_eq!(
            answer.code(),
            Some("BAD_USER_INPUT"),
            "{vars}: {}",
            answer.body
        );
    }
    // An entity id as the raw UUID works too (for entities that are not nodes).
    let raw = app
        .gql(
            Some(&c.platform),
            AUDIT,
            json!({ "entityId": uuid::Uuid::now_v7().to_string() }),
        )
        .await;
    assert_eq!(total(&raw.ok()["auditEntries"]), 0);
}

#[tokio::test]
async fn audit_entries_and_users_load_in_a_fixed_number_of_statements() {
    let app = TestApp::new().await;
    let platform = app.token("admin@example.com").await;
    // Audit entries with their actors and alliances, users with their contact details: one page of
    // one row and one of fifty cost the same statements (actors and alliances come from loaders).
    for query in [AUDIT, USERS] {
        let (_, few) = app
            .statements_for(&platform, query, json!({ "first": 1 }))
            .await;
        let (_, many) = app
            .statements_for(&platform, query, json!({ "first": 50 }))
            .await;
        assert_eq!(few, many, "{query}: statements grow with rows");
    }
}
