//! Who may upload and see: anonymous, another alliance's member, a token without the scope, a
//! member who did or did not take part, ids of another alliance.

use alliance_tests::TestApp;
use alliance_tests::media::{global, local, png};
use serde_json::json;

const MEMBER: &str = "member@example.com";
const HOST: &str = "zhao.mingyuan@example.com";
/// Of the members-only pairing (HaaenClean – Jing'an hospital): another alliance.
const OUTSIDER: &str = "he.wei@example.com";

const LIST: &str =
    "query($owner: ID!) { media(ownerId: $owner) { id originalName uploadedBy { name } } }";

async fn token_with(app: &TestApp, scopes: &[&str]) -> String {
    let admin = app.token("secretariat@example.com").await;
    let alliance = app.alliance_id(alliance_tests::CONSORTIUM).await;
    let created = app
        .gql(
            Some(&admin),
            "mutation($input: CreateIntegrationTokenInput!) { createIntegrationToken(input: $input) { secret userErrors { code } } }",
            json!({ "input": { "name": "portal", "scopes": scopes, "allianceId": alliance } }),
        )
        .await;
    created.ok()["createIntegrationToken"]["secret"]
        .as_str()
        .unwrap_or_else(|| panic!("{}", created.body))
        .to_owned()
}

#[tokio::test]
async fn uploads_follow_the_policy() {
    let backend = local();
    let app = TestApp::with_media_store(&backend).await;
    let activity = app.insert_activity(MEMBER, HOST, "completed").await;
    let owner = global("Activity", activity);
    let photo = || vec![("a.png", png(20, 20))];
    // Anonymous: 401; a malformed token: 401.
    let answer = app.upload(None, ("activityId", &owner), photo()).await;
    assert_eq!((answer.status, answer.code()), (401, "UNAUTHENTICATED"));
    let answer = app
        .upload(Some("garbage"), ("activityId", &owner), photo())
        .await;
    assert_eq!(answer.status, 401);
    // Another alliance's member: the activity does not exist for them.
    let outsider = app.token(OUTSIDER).await;
    let answer = app
        .upload(Some(&outsider), ("activityId", &owner), photo())
        .await;
    assert_eq!((answer.status, answer.code()), (404, "NOT_FOUND"));
    // A member who did not take part: forbidden; after signing up: allowed.
    let member = app.token(MEMBER).await;
    let answer = app
        .upload(Some(&member), ("activityId", &owner), photo())
        .await;
    assert_eq!((answer.status, answer.code()), (403, "FORBIDDEN"));
    app.add_participant(activity, MEMBER).await;
    let answer = app
        .upload(Some(&member), ("activityId", &owner), photo())
        .await;
    assert_eq!(answer.status, 201, "{:?}", answer.body);
    // A token: write:activities may add photos; without it, not.
    let reader = token_with(&app, &["read:alliance"]).await;
    let answer = app
        .upload(Some(&reader), ("activityId", &owner), photo())
        .await;
    assert!(matches!(answer.status, 403 | 404), "{:?}", answer.body);
    let writer = token_with(&app, &["read:activities", "write:activities"]).await;
    let answer = app
        .upload(Some(&writer), ("activityId", &owner), photo())
        .await;
    assert_eq!(answer.status, 201, "{:?}", answer.body);
    // The plain UUID is accepted too.
    let host = app.token(HOST).await;
    let answer = app
        .upload(Some(&host), ("activityId", &activity.to_string()), photo())
        .await;
    assert_eq!(answer.status, 201, "{:?}", answer.body);
    // Cancelled activities take no photos.
    let cancelled = app.insert_activity(MEMBER, HOST, "cancelled").await;
    let answer = app
        .upload(
            Some(&host),
            ("activityId", &global("Activity", cancelled)),
            photo(),
        )
        .await;
    assert_eq!((answer.status, answer.code()), (400, "CANCELLED"));
    assert_eq!(app.scalar_i64("SELECT count(*) FROM media").await, 3);
    assert_eq!(app.media_keys().await.len(), 9);
}

#[tokio::test]
async fn media_are_visible_only_to_those_who_may_read_them() {
    let backend = local();
    let app = TestApp::with_media_store(&backend).await;
    let activity = app.insert_activity(MEMBER, HOST, "completed").await;
    let owner = global("Activity", activity);
    let host = app.token(HOST).await;
    let answer = app
        .upload(
            Some(&host),
            ("activityId", &owner),
            vec![("内部.png", png(30, 30))],
        )
        .await;
    let id = answer.body["media"][0]["id"].as_str().unwrap().to_owned();
    let node = "query($id: ID!) { node(id: $id) { ... on MediaItem { id originalName } } }";
    // Members see it, with the uploader.
    let member = app.token(MEMBER).await;
    let listed = app
        .gql(Some(&member), LIST, json!({ "owner": owner }))
        .await;
    assert_eq!(listed.ok()["media"][0]["originalName"], "内部.png");
    assert_eq!(listed.ok()["media"][0]["uploadedBy"]["name"], "赵明远");
    assert_eq!(
        app.gql(Some(&member), node, json!({ "id": id })).await.ok()["node"]["id"],
        id.as_str()
    );
    // Anonymous, another alliance's member, a token without read:activities: nothing.
    let outsider = app.token(OUTSIDER).await;
    let no_scope = token_with(&app, &["read:alliance", "read:meetings"]).await;
    for (who, token) in [
        ("anonymous", None),
        ("outsider", Some(outsider.as_str())),
        ("token without scope", Some(no_scope.as_str())),
    ] {
        assert!(
            app.gql(token, node, json!({ "id": id })).await.ok()["node"].is_null(),
            "{who}"
        );
        let listed = app.gql(token, LIST, json!({ "owner": owner })).await;
        assert_eq!(listed.code(), Some("NOT_FOUND"), "{who}: {}", listed.body);
    }
    // A token with read:activities on this alliance sees it.
    let reader = token_with(&app, &["read:activities"]).await;
    assert_eq!(
        app.gql(Some(&reader), node, json!({ "id": id })).await.ok()["node"]["id"],
        id.as_str()
    );
    // A wrong kind of owner id is a bad input, not an internal error.
    let listed = app
        .gql(
            Some(&member),
            LIST,
            json!({ "owner": global("Meeting", activity) }),
        )
        .await;
    assert_eq!(listed.code(), Some("BAD_USER_INPUT"));
}

#[tokio::test]
async fn mutations_refuse_ids_of_another_alliance() {
    let backend = local();
    let app = TestApp::with_media_store(&backend).await;
    let activity = app.insert_activity(MEMBER, HOST, "completed").await;
    let host = app.token(HOST).await;
    let answer = app
        .upload(
            Some(&host),
            ("activityId", &global("Activity", activity)),
            vec![("a.png", png(30, 30))],
        )
        .await;
    let id = answer.body["media"][0]["id"].as_str().unwrap().to_owned();
    let outsider = app.token(OUTSIDER).await;
    let own = app.insert_activity(OUTSIDER, OUTSIDER, "completed").await;
    let cases = [
        (
            "mutation($id: ID!) { updateMedia(input: {id: $id, version: 1, caption: \"x\"}) { media { id } } }",
            json!({ "id": id }),
        ),
        (
            "mutation($id: ID!) { deleteMedia(input: {id: $id}) { deletedMediaId } }",
            json!({ "id": id }),
        ),
        (
            "mutation($o: ID!, $id: ID!) { reorderMedia(input: {ownerId: $o, mediaIds: [$id]}) { media { id } } }",
            json!({ "o": global("Activity", activity), "id": id }),
        ),
        (
            "mutation($o: ID!, $id: ID!) { setActivityCover(input: {activityId: $o, mediaId: $id}) { media { id } } }",
            json!({ "o": global("Activity", activity), "id": id }),
        ),
        // Their own activity with a photo of ours as its cover.
        (
            "mutation($o: ID!, $id: ID!) { setActivityCover(input: {activityId: $o, mediaId: $id}) { media { id } userErrors { code } } }",
            json!({ "o": global("Activity", own), "id": id }),
        ),
    ];
    for (query, variables) in cases {
        let answer = app.gql(Some(&outsider), query, variables).await;
        let refused = matches!(answer.code(), Some("NOT_FOUND" | "FORBIDDEN"))
            || answer.body["data"]
                .as_object()
                .and_then(|d| d.values().next())
                .is_some_and(|p| !p["userErrors"].as_array().is_none_or(|e| e.is_empty()));
        assert!(refused, "{query}: {}", answer.body);
    }
    assert_eq!(
        app.scalar_i64("SELECT count(*) FROM media WHERE caption IS NULL AND orphaned_at IS NULL")
            .await,
        1
    );
    assert_eq!(
        app.scalar_i64("SELECT count(*) FROM activities WHERE cover_media_id IS NOT NULL")
            .await,
        0
    );
}
