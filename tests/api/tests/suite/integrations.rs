//! Integration tokens and invitations.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use alliance_tests::{CONSORTIUM, PAIRING_MEMBERS_ONLY, TestApp};
use serde_json::json;

const CREATE: &str = "mutation($input: CreateIntegrationTokenInput!) { createIntegrationToken(input: $input) {
    secret integrationToken { id name prefix scopes alliance { name } revokedAt lastUsedAt } userErrors { field code message } } }";

async fn create_token(app: &TestApp, as_user: &str, scopes: &[&str]) -> (String, String) {
    let token = app.token(as_user).await;
    let alliance = app.alliance_id(CONSORTIUM).await;
    let answer = app.gql(Some(&token), CREATE, json!({ "input": { "name": "区级党建平台", "scopes": scopes, "allianceId": alliance } })).await;
    let payload = &answer.ok()["createIntegrationToken"];
    assert_eq!(payload["userErrors"], json!([]), "{}", answer.body);
    (
        payload["secret"].as_str().unwrap().to_owned(),
        payload["integrationToken"]["id"]
            .as_str()
            .unwrap()
            .to_owned(),
    )
}

#[tokio::test]
async fn an_integration_token_is_shown_once_and_gets_exactly_its_scopes() {
    let app = TestApp::new().await;
    let (secret, id) = create_token(&app, "secretariat@example.com", &["read:alliance"]).await;
    assert!(secret.starts_with("alt_"));
    // Stored hashed: the secret is nowhere in the database.
    assert_eq!(
        app.scalar_i64(&format!(
            "SELECT count(*) FROM integration_tokens WHERE prefix = '{}'",
            &secret[..10]
        ))
        .await,
        1
    );
    assert_eq!(app.scalar_i64("SELECT count(*) FROM integration_tokens WHERE position(convert_to('alt_', 'UTF8') in token_hash) > 0").await, 0);

    let consortium = app.alliance_id(CONSORTIUM).await;
    let read = app
        .gql(
            Some(&secret),
            "query($id: ID!) { alliance(id: $id) { name workingRules members { totalCount } } }",
            json!({ "id": consortium }),
        )
        .await;
    assert_eq!(read.ok()["alliance"]["name"], CONSORTIUM);
    assert!(read.ok()["alliance"]["workingRules"].is_string());
    assert_eq!(read.ok()["alliance"]["members"]["totalCount"], 5);
    // Another alliance does not exist for this token, even a public one.
    let list = app
        .gql(
            Some(&secret),
            "{ alliances { totalCount nodes { name } } }",
            json!({}),
        )
        .await;
    assert_eq!(list.ok()["alliances"]["totalCount"], 1);
    let other = app.alliance_id(PAIRING_MEMBERS_ONLY).await;
    assert!(
        app.gql(
            Some(&secret),
            "query($id: ID!) { alliance(id: $id) { name } }",
            json!({ "id": other })
        )
        .await
        .ok()["alliance"]
            .is_null()
    );
    // No scope grants writes it does not name.
    let write = app.gql(Some(&secret), "mutation { createOrganization(input: {name: \"X\", kind: OTHER}) { organization { id } } }", json!({})).await;
    assert_eq!(write.code(), Some("FORBIDDEN"));
    assert!(
        app.gql(Some(&secret), "{ me { name } }", json!({}))
            .await
            .ok()["me"]
            .is_null()
    );
    assert_eq!(
        app.scalar_i64("SELECT count(*) FROM integration_tokens WHERE last_used_at IS NOT NULL")
            .await,
        1
    );

    // The list shows the token to its creator without the secret.
    let admin = app.token("secretariat@example.com").await;
    let listed = app
        .gql(
            Some(&admin),
            "{ integrationTokens { totalCount nodes { id prefix scopes } } }",
            json!({}),
        )
        .await;
    assert_eq!(listed.ok()["integrationTokens"]["totalCount"], 1);
    assert!(!listed.body.to_string().contains(&secret));

    // Revoked: refused at once.
    let revoked = app.gql(Some(&admin), "mutation($id: ID!) { revokeIntegrationToken(input: {id: $id}) { integrationToken { revokedAt } } }", json!({ "id": id })).await;
    assert!(revoked.ok()["revokeIntegrationToken"]["integrationToken"]["revokedAt"].is_string());
    let after = app
        .gql(Some(&secret), "{ alliances { totalCount } }", json!({}))
        .await;
    assert_eq!((after.status, after.code()), (401, Some("UNAUTHENTICATED")));
}

#[tokio::test]
async fn expired_integration_tokens_are_rejected() {
    let app = TestApp::new().await;
    let (secret, _) = create_token(&app, "secretariat@example.com", &["read:alliance"]).await;
    app.scalar_i64("WITH u AS (UPDATE integration_tokens SET expires_at = now() - interval '1 minute' RETURNING 1) SELECT count(*) FROM u").await;
    let answer = app
        .gql(Some(&secret), "{ alliances { totalCount } }", json!({}))
        .await;
    assert_eq!(
        (answer.status, answer.code()),
        (401, Some("UNAUTHENTICATED"))
    );
}

#[tokio::test]
async fn token_creation_is_validated_and_authorized() {
    let app = TestApp::new().await;
    let admin = app.token("secretariat@example.com").await;
    let consortium = app.alliance_id(CONSORTIUM).await;
    let bad = app.gql(Some(&admin), CREATE, json!({ "input": { "name": "", "scopes": ["read:alliance", "drop:everything"], "allianceId": consortium, "expiresAt": "2001-01-01T00:00:00Z" } })).await;
    let errors: Vec<(String, String)> = bad.ok()["createIntegrationToken"]["userErrors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        vec![
            ("name".into(), "REQUIRED".into()),
            ("scopes.1".into(), "INVALID".into()),
            ("expiresAt".into(), "IN_PAST".into())
        ]
    );

    // A plain member may not create tokens for the alliance.
    let member = app.token("member@example.com").await;
    let forbidden = app.gql(Some(&member), CREATE, json!({ "input": { "name": "x", "scopes": ["read:alliance"], "allianceId": consortium } })).await;
    assert_eq!(forbidden.code(), Some("FORBIDDEN"));
    // An org admin may, for the organization.
    let org_admin = app.token("orgadmin@example.com").await;
    let plastics = app.organization_id("省塑料协会").await;
    let ok = app.gql(Some(&org_admin), CREATE, json!({ "input": { "name": "协会网站", "scopes": ["read:organization"], "organizationId": plastics } })).await;
    assert_eq!(ok.ok()["createIntegrationToken"]["userErrors"], json!([]));
    let secret = ok.ok()["createIntegrationToken"]["secret"]
        .as_str()
        .unwrap();
    let read = app
        .gql(
            Some(secret),
            "query($id: ID!) { organization(id: $id) { name } }",
            json!({ "id": plastics }),
        )
        .await;
    assert_eq!(read.ok()["organization"]["name"], "省塑料协会");
    assert_eq!(
        app.scalar_i64("SELECT count(*) FROM audit_log WHERE action = 'integration_token.create'")
            .await,
        1
    );
}

const INVITE: &str = "mutation($input: InviteMemberInput!) { inviteMember(input: $input) { acceptUrl invitation { id name position } userErrors { field code } } }";
const ACCEPT: &str = "mutation($token: String!, $password: String!) { acceptInvitation(input: {token: $token, password: $password}) { accessToken user { name } userErrors { field code } } }";

#[tokio::test]
async fn an_invitee_sets_a_password_from_the_one_time_link() {
    let app = TestApp::new().await;
    let admin = app.token("orgadmin@example.com").await;
    let plastics = app.organization_id("省塑料协会").await;
    let invited = app.gql(Some(&admin), INVITE, json!({ "input": { "organizationId": plastics, "name": "新党员", "email": "New.Member@Example.com" } })).await;
    let payload = &invited.ok()["inviteMember"];
    assert_eq!(payload["userErrors"], json!([]));
    let url = payload["acceptUrl"].as_str().unwrap();
    let token = url.rsplit('/').next().unwrap();
    // The mail carries the same link (sent from the outbox by a job).
    app.run_due_jobs().await;
    let mail = app.outbox.messages();
    assert_eq!(mail.len(), 1);
    assert_eq!(mail[0].to, "new.member@example.com");
    assert!(mail[0].body.contains(url));

    let preview = app.gql(None, "query($t: String!) { invitation(token: $t) { organizationName name expired accepted } }", json!({ "t": token })).await;
    assert_eq!(
        preview.ok()["invitation"],
        json!({ "organizationName": "省塑料协会", "name": "新党员", "expired": false, "accepted": false })
    );

    let short = app
        .gql(None, ACCEPT, json!({ "token": token, "password": "short" }))
        .await;
    assert_eq!(
        short.ok()["acceptInvitation"]["userErrors"][0],
        json!({ "field": "password", "code": "TOO_SHORT" })
    );
    let accepted = app
        .gql(
            None,
            ACCEPT,
            json!({ "token": token, "password": "a-good-password" }),
        )
        .await;
    let session = &accepted.ok()["acceptInvitation"];
    assert_eq!(session["user"]["name"], "新党员");
    let me = app
        .gql(
            session["accessToken"].as_str(),
            "{ me { email organizationMemberships { nodes { position organization { name } } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        me.ok()["me"]["organizationMemberships"]["nodes"][0]["organization"]["name"],
        "省塑料协会"
    );
    assert_eq!(me.ok()["me"]["email"], "new.member@example.com");

    let again = app
        .gql(
            None,
            ACCEPT,
            json!({ "token": token, "password": "a-good-password" }),
        )
        .await;
    assert_eq!(
        again.ok()["acceptInvitation"]["userErrors"][0]["code"],
        "ALREADY_ACCEPTED"
    );
    let bogus = app
        .gql(
            None,
            ACCEPT,
            json!({ "token": "ainv_nope", "password": "a-good-password" }),
        )
        .await;
    assert_eq!(
        bogus.ok()["acceptInvitation"]["userErrors"][0]["code"],
        "INVALID"
    );
}

#[tokio::test]
async fn invitations_are_for_organization_admins_and_checked() {
    let app = TestApp::new().await;
    let plastics = app.organization_id("省塑料协会").await;
    let member = app.token("member@example.com").await;
    let forbidden = app
        .gql(
            Some(&member),
            INVITE,
            json!({ "input": { "organizationId": plastics, "name": "x", "phone": "13900000000" } }),
        )
        .await;
    assert_eq!(forbidden.code(), Some("FORBIDDEN"));
    let anonymous = app
        .gql(
            None,
            INVITE,
            json!({ "input": { "organizationId": plastics, "name": "x", "phone": "13900000000" } }),
        )
        .await;
    assert_eq!(anonymous.code(), Some("UNAUTHENTICATED"));
    let admin = app.token("orgadmin@example.com").await;
    let invalid = app.gql(Some(&admin), INVITE, json!({ "input": { "organizationId": plastics, "name": " ", "email": "not-an-email" } })).await;
    let errors = &invalid.ok()["inviteMember"]["userErrors"];
    assert_eq!(errors[0], json!({ "field": "name", "code": "REQUIRED" }));
    assert_eq!(errors[1], json!({ "field": "email", "code": "INVALID" }));
    let neither = app
        .gql(
            Some(&admin),
            INVITE,
            json!({ "input": { "organizationId": plastics, "name": "x" } }),
        )
        .await;
    assert_eq!(
        neither.ok()["inviteMember"]["userErrors"][0]["code"],
        "REQUIRED"
    );
    let second_secretary = app.gql(Some(&admin), INVITE, json!({ "input": { "organizationId": plastics, "name": "第二书记", "phone": "13900000001", "position": "SECRETARY" } })).await;
    assert_eq!(
        second_secretary.ok()["inviteMember"]["userErrors"][0],
        json!({ "field": "position", "code": "TAKEN" })
    );
    // By phone only: no mail, the link comes back to the inviter.
    let by_phone = app.gql(Some(&admin), INVITE, json!({ "input": { "organizationId": plastics, "name": "电话邀请", "phone": "139 0000 0000" } })).await;
    assert!(
        by_phone.ok()["inviteMember"]["acceptUrl"]
            .as_str()
            .unwrap()
            .contains("/invitations/ainv_")
    );
    app.run_due_jobs().await;
    assert!(app.outbox.messages().is_empty());
    assert_eq!(app.sms.messages().len(), 1, "the link goes out by text");
}
