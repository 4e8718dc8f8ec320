//! Demo photos: drawn in code, stored like uploads, once.

use alliance_domain::seed::media::{DemoPhoto, seed_activity_photos};
use alliance_tests::TestApp;
use alliance_tests::media::local;

#[tokio::test]
async fn demo_photos_are_stored_once_with_a_cover() {
    let backend = local();
    let app = TestApp::with_media_store(&backend).await;
    let activity = app
        .insert_activity("xu.feng@example.com", "xu.feng@example.com", "published")
        .await;
    let uploader: uuid::Uuid = {
        use sea_orm::ConnectionTrait;
        let row = app
            .services
            .db
            .query_one_raw(alliance_domain::kernel::db::stmt(
                "SELECT id FROM users WHERE email = 'xu.feng@example.com'",
                [],
            ))
            .await
            .unwrap()
            .unwrap();
        row.try_get("", "id").unwrap()
    };
    let photos = [
        DemoPhoto {
            name: "座谈会.jpg",
            top: [180, 20, 20],
            bottom: [240, 200, 80],
        },
        DemoPhoto {
            name: "文化长廊.jpg",
            top: [20, 60, 160],
            bottom: [230, 230, 230],
        },
    ];
    for _ in 0..2 {
        seed_activity_photos(&app.services, activity, uploader, &photos)
            .await
            .unwrap();
    }
    assert_eq!(app.scalar_i64("SELECT count(*) FROM media").await, 2);
    assert_eq!(app.media_keys().await.len(), 6);
    assert_eq!(
        app.scalar_i64("SELECT count(*) FROM activities a JOIN media m ON m.id = a.cover_media_id WHERE m.original_name = '座谈会.jpg'").await,
        1
    );
    // A published activity of a public alliance: its cover is served at the public URL.
    let cover: String = {
        use sea_orm::ConnectionTrait;
        let row = app
            .services
            .db
            .query_one_raw(alliance_domain::kernel::db::stmt(
                "SELECT cover_media_id::text AS id FROM activities WHERE cover_media_id IS NOT NULL",
                [],
            ))
            .await
            .unwrap()
            .unwrap();
        row.try_get("", "id").unwrap()
    };
    let got = app.get_path(&format!("/media/public/{cover}/web")).await;
    assert_eq!(got.status(), 200);
    assert_eq!(got.headers()["content-type"], "image/jpeg");
}
