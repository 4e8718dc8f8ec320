//! Factories of the media tests: a store (a temporary directory, or an S3-compatible server
//! started for the test: `moto_server`), owners inserted with SQL, uploads over HTTP, and images
//! made in code (photos with EXIF, a corrupt one, a decompression bomb).

use crate::{Options, TestApp};
use alliance_domain::kernel::db::stmt;
use alliance_domain::media::{MediaServices, MediaSettings, MediaStore, S3Settings};
use sea_orm::ConnectionTrait;
use serde_json::Value;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use uuid::Uuid;

/// Which store a test runs against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Store {
    Local,
    S3,
}

/// A store for one test; removed (directory deleted, server stopped) when dropped.
pub struct MediaBackend {
    pub services: MediaServices,
    dir: Option<PathBuf>,
    moto: Option<Child>,
}

impl Drop for MediaBackend {
    fn drop(&mut self) {
        if let Some(dir) = &self.dir {
            let _ = std::fs::remove_dir_all(dir);
        }
        if let Some(child) = &mut self.moto {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// Small limits, so that the limit tests send little.
pub fn test_settings() -> MediaSettings {
    MediaSettings {
        max_file_bytes: 2 * 1024 * 1024,
        max_files: 5,
        ..MediaSettings::default()
    }
}

pub async fn backend(store: Store) -> MediaBackend {
    match store {
        Store::Local => local(),
        Store::S3 => s3().await,
    }
}

pub fn local() -> MediaBackend {
    let dir = std::env::temp_dir().join(format!("alliance-media-{}", Uuid::new_v4().simple()));
    MediaBackend {
        services: MediaServices {
            store: MediaStore::local(&dir).unwrap(),
            settings: test_settings(),
        },
        dir: Some(dir),
        moto: None,
    }
}

/// `moto_server` from `ALLIANCE_MOTO_SERVER`, else from `PATH` (`scripts/test.sh` installs it
/// into a virtualenv when missing). Not being able to start it fails the test: the S3 path must
/// be tested wherever the suite runs.
pub async fn s3() -> MediaBackend {
    let program = std::env::var("ALLIANCE_MOTO_SERVER").unwrap_or_else(|_| "moto_server".into());
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(&program)
        .args(["-H", "127.0.0.1", "-p", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!(
                "cannot start the S3-compatible test server `{program}` ({e}): install it with \
                 `pip install 'moto[server]'` or set ALLIANCE_MOTO_SERVER to its path (scripts/test.sh does)"
            )
        });
    let endpoint = format!("http://127.0.0.1:{port}");
    let mut backend = MediaBackend {
        services: MediaServices::default(),
        dir: None,
        moto: Some(child),
    };
    let client = reqwest::Client::new();
    let mut ready = false;
    for _ in 0..100 {
        if client.get(&endpoint).send().await.is_ok() {
            ready = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert!(
        ready,
        "moto_server did not answer on {endpoint} within 20 s"
    );
    let bucket = "alliance-media-test";
    let created = client
        .put(format!("{endpoint}/{bucket}"))
        .send()
        .await
        .unwrap();
    assert!(
        created.status().is_success(),
        "creating the bucket: {}",
        created.status()
    );
    let store = MediaStore::s3(&S3Settings {
        endpoint,
        bucket: bucket.into(),
        region: "us-east-1".into(),
        access_key: "test".into(),
        secret_key: "test".into(),
    })
    .unwrap();
    backend.services = MediaServices {
        store,
        settings: test_settings(),
    };
    backend
}

/// An answer of `POST /media`.
#[derive(Debug)]
pub struct Upload {
    pub status: u16,
    pub body: Value,
}

impl Upload {
    /// The code of the first error (`FILE_TOO_LARGE`, …), else the top code.
    pub fn code(&self) -> &str {
        self.body["errors"][0]["code"]
            .as_str()
            .or_else(|| self.body["code"].as_str())
            .unwrap_or_default()
    }

    pub fn field(&self) -> &str {
        self.body["errors"][0]["field"].as_str().unwrap_or_default()
    }
}

impl TestApp {
    /// A server with the demo data whose media go to `backend`.
    pub async fn with_media_store(backend: &MediaBackend) -> Self {
        Self::spawn(Options {
            media: Some(backend.services.clone()),
            ..Options::default()
        })
        .await
    }

    /// The alliance that the organization of the person `email` belongs to.
    pub async fn alliance_of(&self, email: &str) -> Uuid {
        let row = self
            .services
            .db
            .query_one_raw(stmt(
                "SELECT am.alliance_id FROM alliance_memberships am
                   JOIN organization_memberships om ON om.organization_id = am.organization_id
                   JOIN users u ON u.id = om.user_id WHERE u.email = $1 LIMIT 1",
                [email.into()],
            ))
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("{email} belongs to no alliance"));
        row.try_get("", "alliance_id").unwrap()
    }

    /// The organization of the person `email`.
    pub async fn organization_of(&self, email: &str) -> Uuid {
        let row = self
            .services
            .db
            .query_one_raw(stmt(
                "SELECT om.organization_id FROM organization_memberships om
                   JOIN users u ON u.id = om.user_id WHERE u.email = $1 LIMIT 1",
                [email.into()],
            ))
            .await
            .unwrap()
            .unwrap();
        row.try_get("", "organization_id").unwrap()
    }

    /// An activity in the alliance of `member_email`, hosted by `host_email`'s organization,
    /// in `status` (`planned`, `completed`, `published`, `cancelled`). Inserted with SQL until the
    /// activities domain lands.
    pub async fn insert_activity(
        &self,
        member_email: &str,
        host_email: &str,
        status: &str,
    ) -> Uuid {
        let alliance = self.alliance_of(member_email).await;
        let host = self.organization_of(host_email).await;
        let id = Uuid::now_v7();
        let now = self.clock_now();
        let published = (status == "published").then_some(now);
        self.services
            .db
            .execute_raw(stmt(
                "INSERT INTO activities (id, alliance_id, kind, theme, starts_at, ends_at, status, check_in_code, published_at)
                 VALUES ($1, $2, 'symposium', '测试活动', $3, $4, $5, '123456', $6)",
                [
                    id.into(),
                    alliance.into(),
                    (now - chrono::Duration::days(2)).into(),
                    (now - chrono::Duration::days(1)).into(),
                    status.into(),
                    published.into(),
                ],
            ))
            .await
            .unwrap();
        self.services
            .db
            .execute_raw(stmt(
                "INSERT INTO activity_organizers (activity_id, organization_id, role) VALUES ($1, $2, 'host')",
                [id.into(), host.into()],
            ))
            .await
            .unwrap();
        id
    }

    /// `email` signed up for the activity.
    pub async fn add_participant(&self, activity: Uuid, email: &str) {
        self.services
            .db
            .execute_raw(stmt(
                "INSERT INTO activity_participants (id, activity_id, user_id, signed_up_at)
                 SELECT $1, $2, id, $3 FROM users WHERE email = $4",
                [
                    Uuid::now_v7().into(),
                    activity.into(),
                    self.clock_now().into(),
                    email.into(),
                ],
            ))
            .await
            .unwrap();
    }

    /// Posts a multipart upload: `owner` is the form field (`activityId`, …) and its value.
    pub async fn upload(
        &self,
        token: Option<&str>,
        owner: (&str, &str),
        files: Vec<(&str, Vec<u8>)>,
    ) -> Upload {
        let mut form = reqwest::multipart::Form::new().text(owner.0.to_owned(), owner.1.to_owned());
        for (name, bytes) in files {
            form = form.part(
                "file",
                reqwest::multipart::Part::bytes(bytes)
                    .file_name(name.to_owned())
                    // A lie on purpose: the server must decide by the bytes.
                    .mime_str("image/jpeg")
                    .unwrap(),
            );
        }
        let mut request = self
            .client
            .post(format!("{}/media", self.url))
            .multipart(form);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        let text = response.text().await.unwrap();
        Upload {
            status,
            body: serde_json::from_str(&text)
                .unwrap_or_else(|_| panic!("not JSON ({status}): {text}")),
        }
    }

    /// Posts a multipart upload of text `fields` (in order) and then `files`.
    pub async fn upload_form(
        &self,
        token: Option<&str>,
        fields: &[(&str, &str)],
        files: Vec<(&str, Vec<u8>)>,
    ) -> Upload {
        let mut form = reqwest::multipart::Form::new();
        for (name, value) in fields {
            form = form.text((*name).to_owned(), (*value).to_owned());
        }
        for (name, bytes) in files {
            form = form.part(
                "file",
                reqwest::multipart::Part::bytes(bytes).file_name(name.to_owned()),
            );
        }
        let mut request = self
            .client
            .post(format!("{}/media", self.url))
            .multipart(form);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        let text = response.text().await.unwrap();
        Upload {
            status,
            body: serde_json::from_str(&text)
                .unwrap_or_else(|_| panic!("not JSON ({status}): {text}")),
        }
    }

    /// Every key in the media store.
    pub async fn media_keys(&self) -> Vec<String> {
        self.services.media_storage.store.keys().await.unwrap()
    }

    /// Every object key the media rows name, sorted.
    pub async fn media_row_keys(&self) -> Vec<String> {
        let rows = self
            .services
            .db
            .query_all_raw(stmt(
                "SELECT k FROM media, LATERAL (VALUES (object_key), (thumbnail_key), (web_key)) v(k) WHERE k IS NOT NULL ORDER BY k",
                [],
            ))
            .await
            .unwrap();
        rows.iter().map(|r| r.try_get("", "k").unwrap()).collect()
    }

    /// GET of a URL path on this server.
    pub async fn get_path(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.url))
            .send()
            .await
            .unwrap()
    }
}

pub fn global(type_name: &str, id: Uuid) -> String {
    alliance_domain::kernel::ids::global_id(type_name, id)
}

/// A PNG of `w` × `h` with a gradient.
pub fn png(w: u32, h: u32) -> Vec<u8> {
    let image = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(image)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

/// A JPEG of `w` × `h`, with an EXIF `DateTimeOriginal` (`YYYY:MM:DD HH:MM:SS`, no offset) and
/// a marker string standing in for a GPS position, when given.
pub fn jpeg(w: u32, h: u32, taken: Option<&str>) -> Vec<u8> {
    let image = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x % 256) as u8, 64, (y % 256) as u8])
    });
    let mut plain = Vec::new();
    image::DynamicImage::ImageRgb8(image)
        .write_to(
            &mut std::io::Cursor::new(&mut plain),
            image::ImageFormat::Jpeg,
        )
        .unwrap();
    let Some(taken) = taken else { return plain };
    let mut tiff: Vec<u8> = b"II*\0".to_vec();
    tiff.extend_from_slice(&8u32.to_le_bytes());
    // IFD0: one entry, the Exif IFD pointer (to offset 26).
    tiff.extend_from_slice(&1u16.to_le_bytes());
    tiff.extend_from_slice(&0x8769u16.to_le_bytes());
    tiff.extend_from_slice(&4u16.to_le_bytes());
    tiff.extend_from_slice(&1u32.to_le_bytes());
    tiff.extend_from_slice(&26u32.to_le_bytes());
    tiff.extend_from_slice(&0u32.to_le_bytes());
    // Exif IFD: DateTimeOriginal, 20 ASCII bytes at offset 44.
    tiff.extend_from_slice(&1u16.to_le_bytes());
    tiff.extend_from_slice(&0x9003u16.to_le_bytes());
    tiff.extend_from_slice(&2u16.to_le_bytes());
    tiff.extend_from_slice(&20u32.to_le_bytes());
    tiff.extend_from_slice(&44u32.to_le_bytes());
    tiff.extend_from_slice(&0u32.to_le_bytes());
    tiff.extend_from_slice(taken.as_bytes());
    tiff.push(0);
    tiff.extend_from_slice(b"GPS-SECRET-MARKER");
    let mut payload = b"Exif\0\0".to_vec();
    payload.extend_from_slice(&tiff);
    let mut out = plain[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
    out.extend_from_slice(&payload);
    out.extend_from_slice(&plain[2..]);
    out
}

/// A tiny PNG whose header claims `w` × `h` pixels: a decompression bomb's shape.
pub fn png_bomb(w: u32, h: u32) -> Vec<u8> {
    let mut bytes = png(1, 1);
    bytes[16..20].copy_from_slice(&w.to_be_bytes());
    bytes[20..24].copy_from_slice(&h.to_be_bytes());
    let crc = crc32(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.to_be_bytes());
    bytes
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for byte in data {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A minimal PDF.
/// The start of a Word (`.docx`) file: a zip whose first entry is under `word/`, which is what
/// decides the type.
pub fn docx() -> Vec<u8> {
    let mut bytes = b"PK\x03\x04".to_vec();
    bytes.extend_from_slice(&[0u8; 26]);
    bytes.extend_from_slice(b"word/document.xml");
    bytes.extend_from_slice(&[0u8; 64]);
    bytes
}

pub fn pdf() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".to_vec()
}

/// For the isolation tests: an activity in each of two alliances (by name) and a photo row of the
/// second one's activity (no bytes: the mutations under test must refuse before reading any).
/// Returns the global ids of the first activity, the second activity and the photo.
pub async fn isolation_media(
    app: &TestApp,
    a_name: &str,
    b_name: &str,
) -> (String, String, String) {
    let mut activities = Vec::new();
    for name in [a_name, b_name] {
        let id = Uuid::now_v7();
        app.services
            .db
            .execute_raw(stmt(
                "INSERT INTO activities (id, alliance_id, kind, theme, starts_at, ends_at, check_in_code)
                 SELECT $1, id, 'study_session', '学习会', now(), now() + interval '2 hours', '000000' FROM alliances WHERE name = $2",
                [id.into(), name.into()],
            ))
            .await
            .unwrap();
        activities.push(id);
    }
    let media = Uuid::now_v7();
    app.services
        .db
        .execute_raw(stmt(
            "INSERT INTO media (id, alliance_id, activity_id, kind, object_key, original_name, content_type, byte_size, sha256)
             SELECT $1, alliance_id, id, 'photo', $2, 'b.jpg', 'image/jpeg', 10, repeat('a', 64) FROM activities WHERE id = $3",
            [media.into(), Uuid::new_v4().to_string().into(), activities[1].into()],
        ))
        .await
        .unwrap();
    (
        global("Activity", activities[0]),
        global("Activity", activities[1]),
        global("MediaItem", media),
    )
}
