//! Uploads: good ones, and every bad one leaving no object and no row — on both stores.

use alliance_tests::TestApp;
use alliance_tests::media::{Store, backend, global, jpeg, pdf, png, png_bomb};
use tokio::io::AsyncWriteExt;

const MEMBER: &str = "member@example.com";
const HOST: &str = "zhao.mingyuan@example.com";

/// A bad upload: its name, the files, and the status, code and field of the answer.
type Case<'a> = (&'a str, Vec<(&'a str, Vec<u8>)>, u16, &'a str, &'a str);

async fn nothing_left(app: &TestApp) {
    assert_eq!(app.scalar_i64("SELECT count(*) FROM media").await, 0);
    assert!(
        app.media_keys().await.is_empty(),
        "{:?}",
        app.media_keys().await
    );
}

async fn photos_are_processed_and_stored(store: Store) {
    let backend = backend(store).await;
    let app = TestApp::with_media_store(&backend).await;
    let activity = app.insert_activity(MEMBER, HOST, "completed").await;
    let token = app.token(HOST).await;
    let answer = app
        .upload(
            Some(&token),
            ("activityId", &global("Activity", activity)),
            vec![
                ("会场.jpg", jpeg(1200, 800, Some("2026:05:01 10:30:00"))),
                ("合影.png", png(300, 200)),
            ],
        )
        .await;
    assert_eq!(answer.status, 201, "{:?}", answer.body);
    let media = answer.body["media"].as_array().unwrap();
    assert_eq!(media.len(), 2);
    assert_eq!(media[0]["contentType"], "image/jpeg");
    assert_eq!(media[0]["originalName"], "会场.jpg");
    assert_eq!(
        (media[0]["width"].as_i64(), media[0]["height"].as_i64()),
        (Some(1200), Some(800))
    );
    // No offset in EXIF: Asia/Shanghai, so 10:30 there is 02:30 UTC.
    assert_eq!(media[0]["takenAt"], "2026-05-01T02:30:00Z");
    assert_eq!(media[0]["takenAtSource"], "exif");
    assert_eq!(media[1]["takenAtSource"], "upload");
    assert_eq!(media[1]["contentType"], "image/png");
    assert_eq!(
        (media[0]["position"].as_i64(), media[1]["position"].as_i64()),
        (Some(0), Some(1))
    );
    // Three objects per photo, exactly those the rows name.
    let keys = app.media_keys().await;
    assert_eq!(keys.len(), 6, "{keys:?}");
    assert_eq!(keys, app.media_row_keys().await);
    // The stored original carries no metadata; its checksum is of the stored bytes.
    let original = app
        .scalar_i64("SELECT count(*) FROM media WHERE sha256 ~ '^[0-9a-f]{64}$' AND byte_size > 0")
        .await;
    assert_eq!(original, 2);
    let key: String = {
        use sea_orm::ConnectionTrait;
        let row = app
            .services
            .db
            .query_one_raw(alliance_domain::kernel::db::stmt(
                "SELECT object_key FROM media WHERE original_name = '会场.jpg'",
                [],
            ))
            .await
            .unwrap()
            .unwrap();
        row.try_get("", "object_key").unwrap()
    };
    let (_, mut stream) = app
        .services
        .media_storage
        .store
        .get(&key)
        .await
        .unwrap()
        .unwrap();
    let mut bytes = Vec::new();
    use futures_util::StreamExt;
    while let Some(chunk) = stream.next().await {
        bytes.extend_from_slice(&chunk.unwrap());
    }
    assert!(!bytes.windows(17).any(|w| w == b"GPS-SECRET-MARKER"));
    assert!(image::load_from_memory(&bytes).is_ok());
    let audit = app
        .scalar_i64("SELECT count(*) FROM audit_log WHERE action = 'media.upload'")
        .await;
    assert_eq!(audit, 1);
}

async fn bad_uploads_leave_nothing(store: Store) {
    let backend = backend(store).await;
    let app = TestApp::with_media_store(&backend).await;
    let activity = global(
        "Activity",
        app.insert_activity(MEMBER, HOST, "completed").await,
    );
    let token = app.token(HOST).await;
    let good = || ("ok.png", png(40, 40));
    let mut corrupt = png(200, 200);
    corrupt.truncate(corrupt.len() / 2);
    let too_big = vec![0xFFu8; 2 * 1024 * 1024 + 1];
    let cases: Vec<Case> = vec![
        // A later file fails: the earlier one's objects go too.
        (
            "corrupt",
            vec![good(), ("broken.png", corrupt)],
            400,
            "CORRUPT_IMAGE",
            "file.1",
        ),
        (
            "bomb",
            vec![good(), ("bomb.png", png_bomb(30_000, 30_000))],
            400,
            "IMAGE_TOO_LARGE",
            "file.1",
        ),
        (
            "bomb within the side limit",
            vec![("bomb.png", png_bomb(9_000, 9_000))],
            400,
            "IMAGE_TOO_LARGE",
            "file.0",
        ),
        (
            "disguised",
            vec![good(), ("photo.jpg", b"MZ\x90\0 an executable".to_vec())],
            400,
            "UNSUPPORTED_TYPE",
            "file.1",
        ),
        (
            "pdf to an activity",
            vec![("scan.jpg", pdf())],
            400,
            "UNSUPPORTED_TYPE",
            "file.0",
        ),
        (
            "oversize",
            vec![good(), ("huge.jpg", too_big)],
            413,
            "FILE_TOO_LARGE",
            "file.1",
        ),
        (
            "too many",
            (0..6).map(|_| good()).collect(),
            413,
            "TOO_MANY_FILES",
            "file.5",
        ),
        (
            "empty",
            vec![("empty.png", Vec::new())],
            400,
            "EMPTY_FILE",
            "file.0",
        ),
        ("no file", vec![], 400, "REQUIRED", "file"),
    ];
    for (name, files, status, code, field) in cases {
        let answer = app
            .upload(Some(&token), ("activityId", &activity), files)
            .await;
        assert_eq!(
            (answer.status, answer.code(), answer.field()),
            (status, code, field),
            "{name}: {:?}",
            answer.body
        );
        assert!(
            answer.body["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "{name}"
        );
        nothing_left(&app).await;
    }
    // A bad owner id and an unknown owner.
    let answer = app
        .upload(Some(&token), ("activityId", "not-an-id"), vec![good()])
        .await;
    assert_eq!((answer.status, answer.code()), (400, "INVALID_ID"));
    let answer = app
        .upload(
            Some(&token),
            ("activityId", &global("Activity", uuid::Uuid::new_v4())),
            vec![good()],
        )
        .await;
    assert_eq!((answer.status, answer.code()), (404, "NOT_FOUND"));
    // A meeting's id is not an activity's.
    let answer = app
        .upload(
            Some(&token),
            ("activityId", &global("Meeting", uuid::Uuid::new_v4())),
            vec![good()],
        )
        .await;
    assert_eq!((answer.status, answer.code()), (400, "INVALID_ID"));
    nothing_left(&app).await;
    interrupted_upload_leaves_nothing(&app, &token, &activity).await;
}

/// The client sends one whole file and half of a second, then goes away.
async fn interrupted_upload_leaves_nothing(app: &TestApp, token: &str, activity: &str) {
    let boundary = "XBOUNDARYX";
    let mut body = Vec::new();
    body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"activityId\"\r\n\r\n{activity}\r\n").as_bytes());
    body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n").as_bytes());
    body.extend_from_slice(&png(64, 64));
    body.extend_from_slice(format!("\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.png\"\r\nContent-Type: image/png\r\n\r\n").as_bytes());
    let second = png(300, 300);
    body.extend_from_slice(&second[..second.len() / 2]);
    let full_length = body.len() + second.len();
    let address = app.url.trim_start_matches("http://");
    let mut socket = tokio::net::TcpStream::connect(address).await.unwrap();
    let head = format!(
        "POST /media HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer {token}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {full_length}\r\n\r\n"
    );
    socket.write_all(head.as_bytes()).await.unwrap();
    socket.write_all(&body).await.unwrap();
    socket.flush().await.unwrap();
    // Let the server read and store the first file, then hang up.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    drop(socket);
    let mut left = Vec::new();
    for _ in 0..50 {
        left = app.media_keys().await;
        if left.is_empty() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        left.is_empty(),
        "objects left after an interrupted upload: {left:?}"
    );
    assert_eq!(app.scalar_i64("SELECT count(*) FROM media").await, 0);
}

/// Fifty uploads to one activity at once: every row and object is there, positions distinct.
async fn parallel_uploads_stay_consistent(store: Store) {
    let backend = backend(store).await;
    let app = TestApp::with_media_store(&backend).await;
    let activity = global(
        "Activity",
        app.insert_activity(MEMBER, HOST, "completed").await,
    );
    let token = app.token(HOST).await;
    let uploads = (0..50).map(|i| {
        let (app, token, activity) = (&app, &token, &activity);
        async move {
            let name = format!("p{i}.png");
            app.upload(
                Some(token),
                ("activityId", activity),
                vec![(&name, png(32 + i, 32))],
            )
            .await
        }
    });
    let answers = futures_util::future::join_all(uploads).await;
    for answer in &answers {
        assert_eq!(answer.status, 201, "{:?}", answer.body);
    }
    assert_eq!(app.scalar_i64("SELECT count(*) FROM media").await, 50);
    assert_eq!(
        app.scalar_i64("SELECT count(DISTINCT position) FROM media")
            .await,
        50
    );
    assert_eq!(
        app.scalar_i64("SELECT max(position)::bigint FROM media")
            .await,
        49
    );
    let keys = app.media_keys().await;
    assert_eq!(keys.len(), 150);
    assert_eq!(keys, app.media_row_keys().await);
}

#[tokio::test]
async fn local_photos_are_processed_and_stored() {
    photos_are_processed_and_stored(Store::Local).await;
}

#[tokio::test]
async fn s3_photos_are_processed_and_stored() {
    photos_are_processed_and_stored(Store::S3).await;
}

#[tokio::test]
async fn local_bad_uploads_leave_nothing() {
    bad_uploads_leave_nothing(Store::Local).await;
}

#[tokio::test]
async fn s3_bad_uploads_leave_nothing() {
    bad_uploads_leave_nothing(Store::S3).await;
}

#[tokio::test]
async fn local_parallel_uploads_stay_consistent() {
    parallel_uploads_stay_consistent(Store::Local).await;
}

#[tokio::test]
async fn s3_parallel_uploads_stay_consistent() {
    parallel_uploads_stay_consistent(Store::S3).await;
}
