//! Captions and taken-at (version-checked), deletion, order and the cover.

use alliance_tests::TestApp;
use alliance_tests::media::{global, local, png};
use serde_json::json;

const MEMBER: &str = "member@example.com";
const HOST: &str = "zhao.mingyuan@example.com";

const UPDATE: &str = "mutation($input: UpdateMediaInput!) { updateMedia(input: $input) {
    media { id caption takenAt takenAtSource version } userErrors { field code } } }";

#[tokio::test]
async fn captions_and_taken_at_are_edited_with_versions() {
    let backend = local();
    let app = TestApp::with_media_store(&backend).await;
    let activity = app.insert_activity(MEMBER, HOST, "completed").await;
    app.add_participant(activity, MEMBER).await;
    let member = app.token(MEMBER).await;
    let answer = app
        .upload(
            Some(&member),
            ("activityId", &global("Activity", activity)),
            vec![("a.png", png(30, 30))],
        )
        .await;
    let id = answer.body["media"][0]["id"].as_str().unwrap().to_owned();
    // The uploader edits; a hostile caption is stored as text.
    let caption = "<script>alert(1)</script> 参观文化长廊 '; DROP TABLE media; --";
    let saved = app
        .gql(Some(&member), UPDATE, json!({ "input": { "id": id, "version": 1, "caption": caption, "takenAt": "2026-04-30T01:00:00Z" } }))
        .await;
    let media = &saved.ok()["updateMedia"]["media"];
    assert_eq!(media["caption"], caption);
    assert_eq!(media["takenAtSource"], "EDITED");
    assert_eq!(media["version"], 2);
    // A stale version: CONFLICT; too long: userErrors; taken-at cannot be cleared.
    let stale = app
        .gql(
            Some(&member),
            UPDATE,
            json!({ "input": { "id": id, "version": 1, "caption": "x" } }),
        )
        .await;
    assert_eq!(stale.code(), Some("CONFLICT"));
    let long = app
        .gql(
            Some(&member),
            UPDATE,
            json!({ "input": { "id": id, "version": 2, "caption": "长".repeat(501) } }),
        )
        .await;
    assert_eq!(
        long.ok()["updateMedia"]["userErrors"][0]["code"],
        "TOO_LONG"
    );
    let cleared = app
        .gql(
            Some(&member),
            UPDATE,
            json!({ "input": { "id": id, "version": 2, "takenAt": null } }),
        )
        .await;
    assert_eq!(
        cleared.ok()["updateMedia"]["userErrors"][0]["field"],
        "takenAt"
    );
    // Another member of the same alliance may see but not edit.
    let other = app.token("qian.tao@example.com").await;
    let refused = app
        .gql(
            Some(&other),
            UPDATE,
            json!({ "input": { "id": id, "version": 2, "caption": "x" } }),
        )
        .await;
    assert_eq!(refused.code(), Some("FORBIDDEN"), "{}", refused.body);
    // Fifty edits of one version at once: one wins, the others conflict.
    let token = app.token(HOST).await;
    let edits = (0..50).map(|i| {
        let (app, token, id) = (&app, &token, &id);
        async move {
            app.gql(
                Some(token),
                UPDATE,
                json!({ "input": { "id": id, "version": 2, "caption": format!("c{i}") } }),
            )
            .await
        }
    });
    let answers = futures_util::future::join_all(edits).await;
    let won = answers
        .iter()
        .filter(|a| a.body.get("errors").is_none())
        .count();
    assert_eq!(won, 1);
    assert!(
        answers
            .iter()
            .filter(|a| a.body.get("errors").is_some())
            .all(|a| a.code() == Some("CONFLICT"))
    );
    assert_eq!(app.scalar_i64("SELECT version::bigint FROM media").await, 3);
    assert_eq!(
        app.scalar_i64("SELECT count(*) FROM audit_log WHERE action = 'media.update'")
            .await,
        2
    );
}

#[tokio::test]
async fn order_cover_and_deletion() {
    let backend = local();
    let app = TestApp::with_media_store(&backend).await;
    let activity = app.insert_activity(MEMBER, HOST, "completed").await;
    let owner = global("Activity", activity);
    let host = app.token(HOST).await;
    let answer = app
        .upload(
            Some(&host),
            ("activityId", &owner),
            vec![
                ("a.png", png(30, 30)),
                ("b.png", png(31, 31)),
                ("c.png", png(32, 32)),
            ],
        )
        .await;
    let ids: Vec<String> = answer.body["media"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_str().unwrap().to_owned())
        .collect();
    let reorder = "mutation($o: ID!, $ids: [ID!]!) { reorderMedia(input: {ownerId: $o, mediaIds: $ids}) { media { originalName position } userErrors { code } } }";
    let reordered = app
        .gql(
            Some(&host),
            reorder,
            json!({ "o": owner, "ids": [ids[2], ids[0], ids[1]] }),
        )
        .await;
    let names: Vec<&str> = reordered.ok()["reorderMedia"]["media"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["originalName"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["c.png", "a.png", "b.png"]);
    let partial = app
        .gql(
            Some(&host),
            reorder,
            json!({ "o": owner, "ids": [ids[0], ids[0], ids[1]] }),
        )
        .await;
    assert_eq!(
        partial.ok()["reorderMedia"]["userErrors"][0]["code"],
        "NOT_ALL_MEDIA"
    );
    let cover = "mutation($a: ID!, $m: ID!) { setActivityCover(input: {activityId: $a, mediaId: $m}) { media { id } userErrors { code } } }";
    let set = app
        .gql(Some(&host), cover, json!({ "a": owner, "m": ids[1] }))
        .await;
    assert_eq!(set.ok()["setActivityCover"]["media"]["id"], ids[1].as_str());
    assert_eq!(
        app.scalar_i64("SELECT count(*) FROM activities WHERE cover_media_id IS NOT NULL")
            .await,
        1
    );
    // Deleting the cover: gone for everyone, no longer the cover, its objects removed.
    let delete = "mutation($id: ID!) { deleteMedia(input: {id: $id}) { deletedMediaId } }";
    let deleted = app.gql(Some(&host), delete, json!({ "id": ids[1] })).await;
    assert_eq!(
        deleted.ok()["deleteMedia"]["deletedMediaId"],
        ids[1].as_str()
    );
    assert_eq!(
        app.scalar_i64("SELECT count(*) FROM activities WHERE cover_media_id IS NOT NULL")
            .await,
        0
    );
    assert_eq!(app.scalar_i64("SELECT count(*) FROM media").await, 2);
    assert_eq!(app.media_keys().await, app.media_row_keys().await);
    assert_eq!(app.media_keys().await.len(), 6);
    let again = app.gql(Some(&host), delete, json!({ "id": ids[1] })).await;
    assert_eq!(again.code(), Some("NOT_FOUND"));
    // A member who did not upload may not delete.
    let member = app.token(MEMBER).await;
    let refused = app
        .gql(Some(&member), delete, json!({ "id": ids[0] }))
        .await;
    assert_eq!(refused.code(), Some("FORBIDDEN"));
}
