//! One's own profile over HTTP: name, phone and language with `version`, the e-mail change
//! confirmed from the new address, and contact details no one else may read.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use alliance_tests::{DEMO_PASSWORD, TestApp};
use serde_json::{Value, json};

const UPDATE: &str = "mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) {
    user { name phone locale version } userErrors { field code } } }";
const REQUEST: &str = "mutation($email: String!) { requestEmailChange(input: {newEmail: $email}) {
    sentTo userErrors { field code } } }";
const CONFIRM: &str = "mutation($token: String!) { confirmEmailChange(input: {token: $token}) {
    email userErrors { field code } } }";
const ME: &str = "{ me { id name email phone locale version } }";

async fn me(app: &TestApp, token: &str) -> Value {
    app.gql(Some(token), ME, json!({})).await.ok()["me"].clone()
}

fn confirm_token(body: &str) -> String {
    let start = body.rfind("/confirm-email/").unwrap() + "/confirm-email/".len();
    body[start..]
        .split(char::is_whitespace)
        .next()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn a_person_edits_their_own_profile_with_its_version() {
    let app = TestApp::new().await;
    let token = app.token("member@example.com").await;
    let before = me(&app, &token).await;
    let version = before["version"].as_i64().unwrap();
    let input = json!({ "name": "  李娜娜 ", "phone": "139-1234-5678", "locale": "en", "version": version });
    let answer = app
        .gql(Some(&token), UPDATE, json!({ "input": input }))
        .await;
    let user = &answer.ok()["updateMyProfile"]["user"];
    assert_eq!(user["name"], "李娜娜");
    assert_eq!(user["phone"], "13912345678");
    assert_eq!(user["locale"], "en");
    assert_eq!(user["version"].as_i64().unwrap(), version + 1);
    // The same stale version again is a conflict, and nothing changes.
    let stale =
        json!({ "name": "Someone else", "phone": null, "locale": "zh-CN", "version": version });
    let conflict = app
        .gql(Some(&token), UPDATE, json!({ "input": stale }))
        .await;
    assert_eq!(conflict.code(), Some("CONFLICT"), "{}", conflict.body);
    assert_eq!(me(&app, &token).await["name"], "李娜娜");
}

#[tokio::test]
async fn bad_profile_input_names_the_field() {
    let app = TestApp::new().await;
    let token = app.token("member@example.com").await;
    let version = me(&app, &token).await["version"].clone();
    let cases = [
        (
            json!({ "name": " ", "phone": null, "locale": "en", "version": version }),
            "name",
            "REQUIRED",
        ),
        (
            json!({ "name": "x", "phone": "12ab<script>", "locale": "en", "version": version }),
            "phone",
            "INVALID",
        ),
        (
            json!({ "name": "x", "phone": null, "locale": "fr'; --", "version": version }),
            "locale",
            "INVALID",
        ),
        // The convener's number belongs to another account.
        (
            json!({ "name": "x", "phone": "13800000003", "locale": "en", "version": version }),
            "phone",
            "TAKEN",
        ),
    ];
    for (input, field, code) in cases {
        let answer = app
            .gql(Some(&token), UPDATE, json!({ "input": input }))
            .await;
        let errors = &answer.ok()["updateMyProfile"]["userErrors"];
        assert_eq!(errors[0]["field"], field, "{}", answer.body);
        assert_eq!(errors[0]["code"], code, "{}", answer.body);
    }
}

#[tokio::test]
async fn anonymous_callers_cannot_edit_a_profile_or_change_an_address() {
    let app = TestApp::new().await;
    let input = json!({ "name": "x", "phone": null, "locale": "en", "version": 1 });
    let anonymous = app.gql(None, UPDATE, json!({ "input": input })).await;
    assert_eq!(anonymous.code(), Some("UNAUTHENTICATED"));
    let email = app
        .gql(None, REQUEST, json!({ "email": "new@example.org" }))
        .await;
    assert_eq!(email.code(), Some("UNAUTHENTICATED"));
}

#[tokio::test]
async fn a_new_email_address_is_switched_once_confirmed_and_the_old_one_is_told() {
    let app = TestApp::new().await;
    let token = app.token("member@example.com").await;
    let taken = app
        .gql(
            Some(&token),
            REQUEST,
            json!({ "email": "Admin@Example.com" }),
        )
        .await;
    assert_eq!(
        taken.ok()["requestEmailChange"]["userErrors"][0]["code"],
        "TAKEN"
    );
    let invalid = app
        .gql(Some(&token), REQUEST, json!({ "email": "not an address" }))
        .await;
    assert_eq!(
        invalid.ok()["requestEmailChange"]["userErrors"][0]["field"],
        "newEmail"
    );

    let answer = app
        .gql(
            Some(&token),
            REQUEST,
            json!({ "email": "Li.Na@New.example.org" }),
        )
        .await;
    assert_eq!(
        answer.ok()["requestEmailChange"]["sentTo"],
        "li.na@new.example.org"
    );
    // Nothing changes until the link is opened.
    assert_eq!(me(&app, &token).await["email"], "member@example.com");
    app.run_due_jobs().await;
    let mail = app
        .outbox
        .messages()
        .into_iter()
        .find(|m| m.to == "li.na@new.example.org")
        .unwrap();
    let link = confirm_token(&mail.body);
    let confirmed = app.gql(None, CONFIRM, json!({ "token": link })).await;
    assert_eq!(
        confirmed.ok()["confirmEmailChange"]["email"],
        "li.na@new.example.org"
    );
    assert_eq!(me(&app, &token).await["email"], "li.na@new.example.org");
    app.run_due_jobs().await;
    assert!(
        app.outbox
            .messages()
            .iter()
            .any(|m| m.to == "member@example.com" && m.body.contains("li.na@new.example.org")),
        "the old address is told"
    );
    // The new address logs in; the link works once.
    let login = app
        .login_payload("li.na@new.example.org", DEMO_PASSWORD)
        .await;
    assert_eq!(login.ok()["login"]["user"]["name"], "李娜");
    let again = app.gql(None, CONFIRM, json!({ "token": link })).await;
    assert_eq!(
        again.ok()["confirmEmailChange"]["userErrors"][0]["code"],
        "USED"
    );
    let unknown = app.gql(None, CONFIRM, json!({ "token": "aem_nope" })).await;
    assert_eq!(
        unknown.ok()["confirmEmailChange"]["userErrors"][0]["field"],
        "token"
    );
}

#[tokio::test]
async fn contact_details_are_only_for_the_person_and_their_organization_admins() {
    let app = TestApp::new().await;
    let member = app.token("member@example.com").await;
    let id = me(&app, &member).await["id"].as_str().unwrap().to_owned();
    let query = "query($id: ID!) { node(id: $id) { ... on User { name email phone } } }";
    // Another alliance's person (the member of the consortium is not theirs) and a fellow member
    // of an alliance see no contact details; platform admins do.
    for login in [
        "supervisor@example.com",
        "he.wei@example.com",
        "convener@example.com",
    ] {
        let token = app.token(login).await;
        let answer = app.gql(Some(&token), query, json!({ "id": id })).await;
        let node = &answer.body["data"]["node"];
        assert!(
            node["email"].is_null(),
            "{login} read the e-mail: {}",
            answer.body
        );
        assert!(
            node["phone"].is_null(),
            "{login} read the phone: {}",
            answer.body
        );
    }
    let admin = app.token("admin@example.com").await;
    let answer = app.gql(Some(&admin), query, json!({ "id": id })).await;
    assert_eq!(answer.ok()["node"]["email"], "member@example.com");
    let anonymous = app.gql(None, query, json!({ "id": id })).await;
    assert!(anonymous.body["data"]["node"]["email"].is_null());
}
