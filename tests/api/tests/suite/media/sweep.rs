//! The sweep: a deleted activity leaves no orphaned object or row.

use alliance_tests::TestApp;
use alliance_tests::media::{global, local, png};

const MEMBER: &str = "member@example.com";
const HOST: &str = "zhao.mingyuan@example.com";

#[tokio::test]
async fn a_deleted_activity_leaves_no_orphaned_object() {
    let backend = local();
    let app = TestApp::with_media_store(&backend).await;
    let gone = app.insert_activity(MEMBER, HOST, "completed").await;
    let kept = app.insert_activity(MEMBER, HOST, "completed").await;
    let host = app.token(HOST).await;
    for activity in [gone, kept] {
        let answer = app
            .upload(
                Some(&host),
                ("activityId", &global("Activity", activity)),
                vec![("a.png", png(30, 30)), ("b.png", png(40, 40))],
            )
            .await;
        assert_eq!(answer.status, 201);
    }
    assert_eq!(app.media_keys().await.len(), 12);
    app.scalar_i64(&format!(
        "WITH d AS (DELETE FROM activities WHERE id = '{gone}' RETURNING 1) SELECT count(*) FROM d"
    ))
    .await;
    // The owner's deletion marks its media for the sweep.
    assert_eq!(
        app.scalar_i64("SELECT count(*) FROM media WHERE orphaned_at IS NOT NULL")
            .await,
        2
    );
    let removed = app.services.media().sweep().await.unwrap();
    assert_eq!(removed, 2);
    assert_eq!(app.scalar_i64("SELECT count(*) FROM media").await, 2);
    let keys = app.media_keys().await;
    assert_eq!(keys.len(), 6);
    assert_eq!(keys, app.media_row_keys().await);
    // Nothing else is due; an ownerless row past the grace period goes too.
    assert_eq!(app.services.media().sweep().await.unwrap(), 0);
    app.scalar_i64(&format!(
        "WITH u AS (UPDATE media SET activity_id = NULL, orphaned_at = NULL, created_at = now() - interval '2 days' WHERE activity_id = '{kept}' RETURNING 1) SELECT count(*) FROM u"
    ))
    .await;
    // The trigger marked them anyway (their owner column was cleared).
    assert_eq!(app.services.media().sweep().await.unwrap(), 2);
    assert!(app.media_keys().await.is_empty());
}

#[tokio::test]
async fn the_sweep_runs_as_a_scheduled_job() {
    let backend = local();
    let app = TestApp::with_media_store(&backend).await;
    let gone = app.insert_activity(MEMBER, HOST, "completed").await;
    let host = app.token(HOST).await;
    let answer = app
        .upload(
            Some(&host),
            ("activityId", &global("Activity", gone)),
            vec![("a.png", png(30, 30))],
        )
        .await;
    assert_eq!(answer.status, 201);
    app.scalar_i64(&format!(
        "WITH d AS (DELETE FROM activities WHERE id = '{gone}' RETURNING 1) SELECT count(*) FROM d"
    ))
    .await;
    app.services.jobs().fire_schedules().await.unwrap();
    app.run_due_jobs().await;
    assert_eq!(app.scalar_i64("SELECT count(*) FROM media").await, 0);
    assert!(app.media_keys().await.is_empty());
}
