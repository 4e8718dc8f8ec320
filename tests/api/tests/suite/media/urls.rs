//! Signed URLs (expiry, tampering, guessing) and the public URL of public news only.

use alliance_tests::TestApp;
use alliance_tests::media::{global, local, png};
use serde_json::json;

const MEMBER: &str = "member@example.com";
const HOST: &str = "zhao.mingyuan@example.com";

const URLS: &str = "query($id: ID!) { node(id: $id) { ... on MediaItem {
    id kind url(variant: THUMBNAIL) { url expiresAt } web: url { url } original: url(variant: ORIGINAL) { url } } } }";

async fn upload_one(app: &TestApp, activity: uuid::Uuid) -> String {
    let token = app.token(HOST).await;
    let answer = app
        .upload(
            Some(&token),
            ("activityId", &global("Activity", activity)),
            vec![("a.png", png(800, 600))],
        )
        .await;
    assert_eq!(answer.status, 201, "{:?}", answer.body);
    answer.body["media"][0]["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn members_only_media_are_served_by_short_lived_signed_urls() {
    let backend = local();
    let app = TestApp::with_media_store(&backend).await;
    let activity = app.insert_activity(MEMBER, HOST, "completed").await;
    let id = upload_one(&app, activity).await;
    let member = app.token(MEMBER).await;
    let found = app.gql(Some(&member), URLS, json!({ "id": id })).await;
    let node = &found.ok()["node"];
    let url = node["url"]["url"].as_str().unwrap().to_owned();
    assert!(url.starts_with("/media/") && url.contains("sig="), "{url}");
    assert!(!url.starts_with("/media/public/"));
    let expires: chrono::DateTime<chrono::Utc> =
        node["url"]["expiresAt"].as_str().unwrap().parse().unwrap();
    let ttl = expires - app.clock_now();
    assert!(
        ttl >= chrono::Duration::minutes(5) && ttl <= chrono::Duration::minutes(15),
        "{ttl}"
    );
    let got = app.get_path(&url).await;
    assert_eq!(got.status(), 200);
    assert_eq!(got.headers()["content-type"], "image/jpeg");
    assert!(
        got.headers()["cache-control"]
            .to_str()
            .unwrap()
            .starts_with("private")
    );
    let thumb = image::load_from_memory(&got.bytes().await.unwrap()).unwrap();
    assert_eq!((thumb.width(), thumb.height()), (400, 300));
    let original = app
        .get_path(node["original"]["url"].as_str().unwrap())
        .await;
    assert_eq!(
        (
            original.status().as_u16(),
            original.headers()["content-type"].to_str().unwrap()
        ),
        (200, "image/png")
    );

    // Tampered: another variant, another id, another expiry, a changed signature.
    let media_uuid = url.split('/').nth(2).unwrap().to_owned();
    let other_variant = url.replace("/thumbnail?", "/original?");
    let other_id = url.replace(&media_uuid, &uuid::Uuid::new_v4().to_string());
    let (base, query) = url.split_once('?').unwrap();
    let exp: i64 = query
        .split('&')
        .find_map(|p| p.strip_prefix("exp="))
        .unwrap()
        .parse()
        .unwrap();
    let later = url.replace(&format!("exp={exp}"), &format!("exp={}", exp + 3600));
    let sig = query
        .split('&')
        .find_map(|p| p.strip_prefix("sig="))
        .unwrap();
    let mut flipped = sig.to_owned().into_bytes();
    flipped[0] = if flipped[0] == b'A' { b'B' } else { b'A' };
    let forged = format!(
        "{base}?exp={exp}&sig={}",
        String::from_utf8(flipped).unwrap()
    );
    for bad in [
        other_variant,
        other_id,
        later,
        forged,
        base.to_owned(),
        format!("{base}?exp={exp}&sig="),
    ] {
        let answer = app.get_path(&bad).await;
        assert_eq!(answer.status(), 403, "{bad}");
        let body = answer.bytes().await.unwrap();
        assert!(
            !body.starts_with(&[0xFF, 0xD8]) && body.len() < 200,
            "{bad}: bytes served"
        );
    }
    // Expired: the clock moves past `exp`.
    app.clock.set(expires + chrono::Duration::seconds(1));
    assert_eq!(app.get_path(&url).await.status(), 403);
    // Not public: the public URL does not serve it.
    assert_eq!(
        app.get_path(&format!("/media/public/{media_uuid}/thumbnail"))
            .await
            .status(),
        404
    );
}

#[tokio::test]
async fn public_media_only_for_published_activities_of_public_alliances() {
    let backend = local();
    let app = TestApp::with_media_store(&backend).await;
    // Public alliance (the consortium), published: public.
    let published = app.insert_activity(MEMBER, HOST, "published").await;
    let id = upload_one(&app, published).await;
    let found = app.gql(None, URLS, json!({ "id": id })).await;
    let url = found.ok()["node"]["url"]["url"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        url.starts_with("/media/public/") && url.ends_with("/thumbnail"),
        "{url}"
    );
    assert!(found.ok()["node"]["url"]["expiresAt"].is_null());
    let got = app.get_path(&url).await;
    assert_eq!(got.status(), 200);
    assert!(
        got.headers()["cache-control"]
            .to_str()
            .unwrap()
            .starts_with("public, max-age=")
    );
    let media_uuid = url.split('/').nth(3).unwrap().to_owned();
    for variant in ["web", "original"] {
        assert_eq!(
            app.get_path(&format!("/media/public/{media_uuid}/{variant}"))
                .await
                .status(),
            200
        );
    }
    for bad in ["huge", "thumbnail.jpg", ""] {
        assert_eq!(
            app.get_path(&format!("/media/public/{media_uuid}/{bad}"))
                .await
                .status(),
            404,
            "{bad}"
        );
    }
    // Unpublished again: gone from the public URL at once.
    app.scalar_i64(&format!(
        "WITH u AS (UPDATE activities SET status = 'completed', published_at = NULL WHERE id = '{published}' RETURNING 1) SELECT count(*) FROM u"
    ))
    .await;
    assert_eq!(app.get_path(&url).await.status(), 404);
    assert!(app.gql(None, URLS, json!({ "id": id })).await.ok()["node"].is_null());

    // Published in a members-only alliance: never public.
    let private = app
        .insert_activity("he.wei@example.com", "he.wei@example.com", "published")
        .await;
    let token = app.token("he.wei@example.com").await;
    let answer = app
        .upload(
            Some(&token),
            ("activityId", &global("Activity", private)),
            vec![("b.png", png(50, 50))],
        )
        .await;
    assert_eq!(answer.status, 201, "{:?}", answer.body);
    let private_id = answer.body["media"][0]["id"].as_str().unwrap().to_owned();
    assert!(app.gql(None, URLS, json!({ "id": private_id })).await.ok()["node"].is_null());
    let uuid: String = {
        use sea_orm::ConnectionTrait;
        let row = app
            .services
            .db
            .query_one_raw(alliance_domain::kernel::db::stmt(
                "SELECT id::text AS id FROM media WHERE activity_id = $1",
                [private.into()],
            ))
            .await
            .unwrap()
            .unwrap();
        row.try_get("", "id").unwrap()
    };
    assert_eq!(
        app.get_path(&format!("/media/public/{uuid}/thumbnail"))
            .await
            .status(),
        404
    );
    let member_url = app
        .gql(Some(&token), URLS, json!({ "id": private_id }))
        .await;
    let signed = member_url.ok()["node"]["url"]["url"].as_str().unwrap();
    assert!(!signed.starts_with("/media/public/"));
    assert_eq!(app.get_path(signed).await.status(), 200);
}
