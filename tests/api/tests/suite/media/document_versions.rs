//! A document version that is a file: `POST /media` with `documentId` creates the version and its
//! file together; refused uploads leave neither a row nor an object.

use alliance_tests::media::{docx, local, pdf};
use alliance_tests::{CONSORTIUM, TestApp};
use sea_orm::ConnectionTrait;
use serde_json::json;

const SECRETARIAT: &str = "secretariat@example.com";
const MEMBER: &str = "member@example.com";
/// Of the members-only pairing: another alliance's person.
const OUTSIDER: &str = "he.wei@example.com";

const VERSIONS: &str = "query($d: ID!) { node(id: $d) { ... on Document { version versions { number label effectiveOn note body file { name contentType byteSize url urlExpiresAt } } } } }";

async fn versions(app: &TestApp) -> i64 {
    app.scalar_i64("SELECT count(*) FROM document_versions")
        .await
}

#[tokio::test]
async fn a_version_can_be_a_file_and_members_download_it() {
    let app = TestApp::with_media_store(&local()).await;
    let secretariat = app.token(SECRETARIAT).await;
    let alliance = app.alliance_id(CONSORTIUM).await;
    let document = app
        .create_document(&secretariat, &alliance, "WORKING_RULES")
        .await;
    let id = document["id"].as_str().unwrap();
    // The UTC date is never after the alliance's (Asia/Shanghai) date: in effect today.
    let today = app.today_local().to_string();
    let answer = app
        .upload_form(
            Some(&secretariat),
            &[
                ("label", "正式"),
                ("documentId", id),
                ("effectiveOn", &today),
                ("note", "<script>alert(1)</script> 修订"),
            ],
            vec![("工作规则（修订）.docx", docx())],
        )
        .await;
    assert_eq!(answer.status, 201, "{:?}", answer.body);
    assert_eq!(answer.body["documentVersion"]["number"], 2);
    assert_eq!(
        answer.body["media"][0]["contentType"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    let member = app.token(MEMBER).await;
    let listed = app.gql(Some(&member), VERSIONS, json!({ "d": id })).await;
    let node = &listed.ok()["node"];
    assert_eq!(node["version"], 2, "adding a version bumps the document");
    let newest = &node["versions"][0];
    assert_eq!(newest["number"], 2);
    assert_eq!(newest["label"], "正式");
    assert_eq!(newest["effectiveOn"], today);
    assert_eq!(newest["note"], "<script>alert(1)</script> 修订");
    assert!(newest["body"].is_null(), "a file version has no body");
    assert_eq!(newest["file"]["name"], "工作规则（修订）.docx");
    assert_eq!(newest["file"]["byteSize"], docx().len());
    assert!(newest["file"]["urlExpiresAt"].is_string());
    assert!(
        node["versions"][1]["file"].is_null(),
        "a text version has no file"
    );
    let url = newest["file"]["url"].as_str().unwrap();
    let got = app.get_path(url).await;
    assert_eq!(got.status(), 200);
    assert_eq!(got.bytes().await.unwrap().to_vec(), docx());
    // The working rules in effect are now the file version.
    let rules = app
        .gql(
            Some(&member),
            "query($a: ID!) { alliance(id: $a) { currentWorkingRules { number file { name } } } }",
            json!({ "a": alliance }),
        )
        .await;
    assert_eq!(
        rules.ok()["alliance"]["currentWorkingRules"]["file"]["name"],
        "工作规则（修订）.docx"
    );
    // Another alliance's person and anonymous see no document, so no link.
    for token in [Some(app.token(OUTSIDER).await), None] {
        let seen = app
            .gql(token.as_deref(), VERSIONS, json!({ "d": id }))
            .await;
        assert!(seen.body["data"]["node"].is_null(), "{:?}", seen.body);
    }
}

#[tokio::test]
async fn refused_file_versions_leave_no_row_and_no_object() {
    let app = TestApp::with_media_store(&local()).await;
    let secretariat = app.token(SECRETARIAT).await;
    let alliance = app.alliance_id(CONSORTIUM).await;
    let document = app
        .create_document(&secretariat, &alliance, "SUMMARY")
        .await;
    let id = document["id"].as_str().unwrap();
    let before = versions(&app).await;
    // Not a type a document version takes, whatever its name says.
    let wrong = app
        .upload_form(
            Some(&secretariat),
            &[("documentId", id)],
            vec![("总结.pdf", b"MZ\x90\x00 an executable".to_vec())],
        )
        .await;
    assert_eq!(
        (wrong.status, wrong.code(), wrong.field()),
        (400, "UNSUPPORTED_TYPE", "file.0")
    );
    // A bad date names its field; two files are one too many.
    let bad_date = app
        .upload_form(
            Some(&secretariat),
            &[("documentId", id), ("effectiveOn", "2021-13-40")],
            vec![("a.pdf", pdf())],
        )
        .await;
    assert_eq!(
        (bad_date.status, bad_date.code(), bad_date.field()),
        (400, "INVALID_DATE", "effectiveOn")
    );
    let two = app
        .upload_form(
            Some(&secretariat),
            &[("documentId", id)],
            vec![("a.pdf", pdf()), ("b.pdf", pdf())],
        )
        .await;
    assert_eq!((two.code(), two.field()), ("TOO_MANY_FILES", "file.1"));
    let none = app
        .upload_form(Some(&secretariat), &[("documentId", id)], vec![])
        .await;
    assert_eq!((none.status, none.code()), (400, "REQUIRED"));
    // A member without ManageDocuments, anonymous, and a label without documentId.
    let member = app.token(MEMBER).await;
    let forbidden = app
        .upload_form(Some(&member), &[("documentId", id)], vec![("a.pdf", pdf())])
        .await;
    assert_eq!((forbidden.status, forbidden.code()), (403, "FORBIDDEN"));
    let anonymous = app
        .upload_form(None, &[("documentId", id)], vec![("a.pdf", pdf())])
        .await;
    assert_eq!(anonymous.status, 401);
    let stray = app
        .upload_form(
            Some(&secretariat),
            &[("documentVersionId", "not-an-id"), ("label", "x")],
            vec![],
        )
        .await;
    assert_eq!((stray.status, stray.field()), (400, "documentVersionId"));
    assert_eq!(versions(&app).await, before);
    assert!(app.media_keys().await.is_empty());
    assert_eq!(app.scalar_i64("SELECT count(*) FROM media").await, 0);
}

#[tokio::test]
async fn another_alliances_document_is_not_found() {
    let app = TestApp::with_media_store(&local()).await;
    let theirs = uuid::Uuid::now_v7();
    let other = app.alliance_of(OUTSIDER).await;
    app.services
        .db
        .execute_unprepared(&format!(
            "INSERT INTO documents (id, alliance_id, kind, title) VALUES ('{theirs}', '{other}', 'other', '别家的文件')"
        ))
        .await
        .map(|_| ())
        .unwrap();
    let secretariat = app.token(SECRETARIAT).await;
    for value in [
        alliance_tests::media::global("Document", theirs),
        theirs.to_string(),
    ] {
        let answer = app
            .upload_form(
                Some(&secretariat),
                &[("documentId", &value)],
                vec![("a.pdf", pdf())],
            )
            .await;
        assert_eq!((answer.status, answer.code()), (404, "NOT_FOUND"));
    }
    assert_eq!(
        app.scalar_i64(&format!(
            "SELECT count(*) FROM document_versions WHERE document_id = '{theirs}'"
        ))
        .await,
        0
    );
    assert!(app.media_keys().await.is_empty());
}

#[tokio::test]
async fn fifty_racing_uploads_get_fifty_numbers() {
    let app = TestApp::with_media_store(&local()).await;
    let secretariat = app.token(SECRETARIAT).await;
    let alliance = app.alliance_id(CONSORTIUM).await;
    let document = app
        .create_document(&secretariat, &alliance, "ANNUAL_PLAN")
        .await;
    let id = document["id"].as_str().unwrap();
    let uploads = (0..50).map(|i| {
        let (app, secretariat) = (&app, &secretariat);
        async move {
            let name = format!("计划{i}.pdf");
            app.upload_form(
                Some(secretariat),
                &[("documentId", id)],
                vec![(&name, pdf())],
            )
            .await
        }
    });
    let answers = futures_util::future::join_all(uploads).await;
    let mut numbers: Vec<i64> = answers
        .iter()
        .map(|a| {
            assert_eq!(a.status, 201, "{:?}", a.body);
            a.body["documentVersion"]["number"].as_i64().unwrap()
        })
        .collect();
    numbers.sort_unstable();
    assert_eq!(numbers, (2..=51).collect::<Vec<_>>());
    assert_eq!(
        app.scalar_i64(
            "SELECT count(DISTINCT document_version_id) FROM media WHERE document_version_id IS NOT NULL"
        )
        .await,
        50
    );
}
