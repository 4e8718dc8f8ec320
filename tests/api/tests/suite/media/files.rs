//! Agreement scans and document files: PDFs (and photos) by the secretariat only, on both stores'
//! shared code path.

use alliance_tests::TestApp;
use alliance_tests::media::{global, local, pdf, png};
use sea_orm::ConnectionTrait;
use serde_json::json;

const SECRETARIAT: &str = "secretariat@example.com";

#[tokio::test]
async fn agreement_scans_and_document_files_are_for_the_secretariat() {
    let backend = local();
    let app = TestApp::with_media_store(&backend).await;
    let alliance = app.alliance_of("member@example.com").await;
    let (agreement, document, version) = (
        uuid::Uuid::now_v7(),
        uuid::Uuid::now_v7(),
        uuid::Uuid::now_v7(),
    );
    for sql in [
        format!(
            "INSERT INTO agreements (id, alliance_id, title, valid_from, valid_until) VALUES ('{agreement}', '{alliance}', '共建协议', '2026-01-01', '2027-12-31')"
        ),
        format!(
            "INSERT INTO documents (id, alliance_id, kind, title) VALUES ('{document}', '{alliance}', 'working_rules', '工作规则')"
        ),
        format!(
            "INSERT INTO document_versions (id, document_id, number, effective_on) VALUES ('{version}', '{document}', 1, '2026-01-01')"
        ),
    ] {
        app.services.db.execute_unprepared(&sql).await.unwrap();
    }
    let admin = app.token(SECRETARIAT).await;
    let member = app.token("member@example.com").await;
    for (field, kind, id) in [
        ("agreementId", "Agreement", agreement),
        ("documentVersionId", "DocumentVersion", version),
    ] {
        let owner = global(kind, id);
        let refused = app
            .upload(Some(&member), (field, &owner), vec![("scan.pdf", pdf())])
            .await;
        assert_eq!(
            (refused.status, refused.code()),
            (403, "FORBIDDEN"),
            "{kind}"
        );
        let answer = app
            .upload(
                Some(&admin),
                (field, &owner),
                vec![("签字扫描件.pdf", pdf()), ("盖章页.png", png(60, 80))],
            )
            .await;
        assert_eq!(answer.status, 201, "{kind}: {:?}", answer.body);
        assert_eq!(answer.body["media"][0]["kind"], "file");
        assert_eq!(answer.body["media"][0]["contentType"], "application/pdf");
        assert!(answer.body["media"][0]["takenAt"].is_null());
        let listed = app
            .gql(
                Some(&member),
                "query($o: ID!) { media(ownerId: $o) { kind thumbnail: url(variant: THUMBNAIL) { url } original: url(variant: ORIGINAL) { url } } }",
                json!({ "o": owner }),
            )
            .await;
        let media = &listed.ok()["media"];
        assert_eq!(media[0]["kind"], "FILE");
        assert!(media[0]["thumbnail"].is_null(), "a PDF has no thumbnail");
        let file = app
            .get_path(media[0]["original"]["url"].as_str().unwrap())
            .await;
        assert_eq!(file.status(), 200);
        assert_eq!(file.headers()["content-type"], "application/pdf");
        assert!(
            file.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .contains("filename*=UTF-8''")
        );
    }
    assert_eq!(app.scalar_i64("SELECT count(*) FROM media").await, 4);
    // A document version's deletion sweeps its file.
    app.services
        .db
        .execute_unprepared(&format!("DELETE FROM documents WHERE id = '{document}'"))
        .await
        .unwrap();
    assert_eq!(app.services.media().sweep().await.unwrap(), 2);
    assert_eq!(app.media_keys().await, app.media_row_keys().await);
}
