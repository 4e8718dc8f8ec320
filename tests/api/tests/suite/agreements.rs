//! Co-construction agreements, commitments and the document library, from the outside.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use alliance_api::kernel::ids::{Kind, encode};
use alliance_tests::agreements::AGREEMENT_FIELDS;
use alliance_tests::{CONSORTIUM, PAIRING_MEMBERS_ONLY, TestApp};
use chrono::{Days, NaiveDate, TimeZone, Utc};
use serde_json::{Value, json};

const ADMIN: &str = "admin@example.com";
const SECRETARIAT: &str = "secretariat@example.com";
const CONVENER: &str = "convener@example.com";
const ORG_ADMIN: &str = "orgadmin@example.com";
const MEMBER: &str = "member@example.com";
/// Secretary of 瀚恩清洁党支部, in the members-only pairing: another alliance's person.
const OUTSIDER: &str = "he.wei@example.com";

async fn consortium_parties(app: &TestApp) -> (String, String, String) {
    (
        app.organization_id("安徽新四军革命传统教育基金会").await,
        app.organization_id("华安证券公益基金会").await,
        app.organization_id("省塑料协会").await,
    )
}

async fn read_agreement(app: &TestApp, token: Option<&str>, id: &str) -> Value {
    let answer = app
        .gql(
            token,
            &format!("query($id: ID!) {{ agreement(id: $id) {{ {AGREEMENT_FIELDS} }} }}"),
            json!({ "id": id }),
        )
        .await;
    answer.ok()["agreement"].clone()
}

fn field_codes(payload: &Value) -> Vec<(String, String)> {
    payload["userErrors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn three_parties_sign_and_the_agreement_becomes_active() {
    let app = TestApp::new().await;
    let secretariat = app.token(SECRETARIAT).await;
    let alliance = app.alliance_id(CONSORTIUM).await;
    let (foundation, huaan, plastics) = consortium_parties(&app).await;
    let today = app.today_local();
    let from = (today - Days::new(30)).to_string();
    let until = (today + Days::new(335)).to_string();
    let created = app
        .create_agreement(
            &secretariat,
            &alliance,
            &[&foundation, &huaan, &plastics],
            &from,
            &until,
        )
        .await;
    assert_eq!(created["status"], "DRAFT");
    assert_eq!(created["expiresInDays"], Value::Null);
    let id = created["id"].as_str().unwrap();

    // The organization admin of 省塑料协会 signs for it, and not for another party.
    let org_admin = app.token(ORG_ADMIN).await;
    let wrong = app.sign_agreement(&org_admin, id, &foundation).await;
    assert_eq!(wrong.code(), Some("FORBIDDEN"), "{}", wrong.body);
    let signed = app.sign_agreement(&org_admin, id, &plastics).await;
    let agreement = &signed.ok()["signAgreement"]["agreement"];
    assert_eq!(agreement["status"], "DRAFT");
    assert_eq!(agreement["parties"][2]["signatoryName"], "张书记");
    assert_eq!(agreement["parties"][2]["signedOn"], today.to_string());
    // Signing twice is a conflict of the second.
    let again = app.sign_agreement(&org_admin, id, &plastics).await;
    assert_eq!(again.code(), Some("CONFLICT"), "{}", again.body);

    // A member reads but cannot sign; the convener (secretary of the foundation) signs.
    let member = app.token(MEMBER).await;
    let refused = app.sign_agreement(&member, id, &huaan).await;
    assert_eq!(refused.code(), Some("FORBIDDEN"));
    let convener = app.token(CONVENER).await;
    app.sign_agreement(&convener, id, &foundation).await.ok();
    let admin = app.token(ADMIN).await;
    let last = app.sign_agreement(&admin, id, &huaan).await;
    let agreement = &last.ok()["signAgreement"]["agreement"];
    assert_eq!(agreement["status"], "ACTIVE");
    assert_eq!(agreement["expiresInDays"], 335);
    assert!(
        agreement["parties"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["signed"] == true)
    );

    // Signed text is frozen: an edit is refused naming the agreement.
    let edit = app
        .gql(
            Some(&secretariat),
            "mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { agreement { id } userErrors { field code } } }",
            json!({ "input": { "id": id, "version": agreement["version"], "title": "改名" } }),
        )
        .await;
    assert_eq!(
        field_codes(&edit.ok()["updateAgreement"]),
        vec![("id".to_owned(), "NOT_DRAFT".to_owned())]
    );
    // Members of the alliance read it; one audit entry per mutation.
    assert_eq!(
        read_agreement(&app, Some(&member), id).await["status"],
        "ACTIVE"
    );
    assert_eq!(
        app.scalar_i64("SELECT count(*) FROM audit_log WHERE action LIKE 'agreement.%'")
            .await,
        4
    );
}

#[tokio::test]
async fn invalid_input_names_each_field_and_a_stale_version_conflicts() {
    let app = TestApp::new().await;
    let secretariat = app.token(SECRETARIAT).await;
    let alliance = app.alliance_id(CONSORTIUM).await;
    let (foundation, _, plastics) = consortium_parties(&app).await;
    let stranger = app.organization_id("瀚恩清洁党支部").await;
    let answer = app
        .gql(
            Some(&secretariat),
            "mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { agreement { id } userErrors { field code } } }",
            json!({ "input": { "allianceId": alliance, "title": "  ", "validFrom": "2027-01-01", "validUntil": "2026-01-01",
                "parties": [foundation, foundation, stranger], "renewalReminderDays": 400 } }),
        )
        .await;
    let mut codes = field_codes(&answer.ok()["createAgreement"]);
    codes.sort();
    assert_eq!(
        codes,
        vec![
            ("parties.1".to_owned(), "DUPLICATE".to_owned()),
            ("parties.2".to_owned(), "NOT_MEMBER".to_owned()),
            ("renewalReminderDays".to_owned(), "OUT_OF_RANGE".to_owned()),
            ("title".to_owned(), "REQUIRED".to_owned()),
            ("validUntil".to_owned(), "BEFORE_START".to_owned()),
        ]
    );
    assert_eq!(
        app.scalar_i64("SELECT count(*) FROM agreements").await,
        2 + 1
    );

    let draft = app
        .create_agreement(
            &secretariat,
            &alliance,
            &[&foundation, &plastics],
            "2027-01-01",
            "2027-12-31",
        )
        .await;
    let update = "mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { agreement { title version } userErrors { field code } } }";
    let first = app
        .gql(
            Some(&secretariat),
            update,
            json!({ "input": { "id": draft["id"], "version": 1, "title": "新标题<script>" } }),
        )
        .await;
    assert_eq!(first.ok()["updateAgreement"]["agreement"]["version"], 2);
    let stale = app
        .gql(
            Some(&secretariat),
            update,
            json!({ "input": { "id": draft["id"], "version": 1, "title": "另一个" } }),
        )
        .await;
    assert_eq!(stale.code(), Some("CONFLICT"), "{}", stale.body);
    // The organization admin of a party may edit the draft; a member may not.
    let member = app.token(MEMBER).await;
    let refused = app
        .gql(
            Some(&member),
            update,
            json!({ "input": { "id": draft["id"], "version": 2, "title": "x" } }),
        )
        .await;
    assert_eq!(refused.code(), Some("FORBIDDEN"));
}

#[tokio::test]
async fn outsiders_see_nothing_and_tokens_need_the_scope() {
    let app = TestApp::new().await;
    let secretariat = app.token(SECRETARIAT).await;
    let alliance = app.alliance_id(CONSORTIUM).await;
    let (foundation, huaan, _) = consortium_parties(&app).await;
    let draft = app
        .create_agreement(
            &secretariat,
            &alliance,
            &[&foundation, &huaan],
            "2027-01-01",
            "2027-12-31",
        )
        .await;
    let id = draft["id"].as_str().unwrap();
    let outsider = app.token(OUTSIDER).await;
    assert_eq!(read_agreement(&app, None, id).await, Value::Null);
    assert_eq!(read_agreement(&app, Some(&outsider), id).await, Value::Null);
    let list = app
        .gql(Some(&outsider), "query($a: ID!) { agreements(allianceId: $a) { totalCount } alliance(id: $a) { agreements { totalCount } documents { totalCount } currentWorkingRules { id } } }", json!({ "a": alliance }))
        .await;
    assert_eq!(list.ok()["agreements"]["totalCount"], 0);
    assert_eq!(list.ok()["alliance"]["agreements"]["totalCount"], 0);
    assert_eq!(list.ok()["alliance"]["documents"]["totalCount"], 0);
    assert_eq!(list.ok()["alliance"]["currentWorkingRules"], Value::Null);
    // Anonymous and outsiders cannot sign or create.
    let anonymous = app
        .gql(None, "mutation($input: RenewAgreementInput!) { renewAgreement(input: $input) { agreement { id } } }", json!({ "input": { "id": id } }))
        .await;
    assert_eq!(anonymous.code(), Some("NOT_FOUND"));
    let sign = app.sign_agreement(&outsider, id, &foundation).await;
    assert_eq!(sign.code(), Some("NOT_FOUND"));
    // A token of the alliance without `read:agreements` reads none; with it, it reads them.
    let create = "mutation($input: CreateIntegrationTokenInput!) { createIntegrationToken(input: $input) { secret } }";
    let without = app
        .gql(Some(&secretariat), create, json!({ "input": { "name": "门户", "scopes": ["read:alliance", "read:meetings"], "allianceId": alliance } }))
        .await;
    let without = without.ok()["createIntegrationToken"]["secret"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(read_agreement(&app, Some(&without), id).await, Value::Null);
    let with = app
        .gql(Some(&secretariat), create, json!({ "input": { "name": "平台", "scopes": ["read:agreements", "read:documents"], "allianceId": alliance } }))
        .await;
    let with = with.ok()["createIntegrationToken"]["secret"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(read_agreement(&app, Some(&with), id).await["id"], id);
    let node = app
        .gql(
            Some(&outsider),
            "query($id: ID!) { node(id: $id) { id } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(node.ok()["node"], Value::Null);
}

#[tokio::test]
async fn the_status_turns_expired_at_local_midnight_after_the_last_day() {
    let app = TestApp::new().await;
    let admin = app.token(ADMIN).await;
    let alliance = app.alliance_id(CONSORTIUM).await;
    let (foundation, huaan, _) = consortium_parties(&app).await;
    let today = app.today_local();
    let from = today - Days::new(10);
    let until = today + Days::new(5);
    let draft = app
        .create_agreement(
            &admin,
            &alliance,
            &[&foundation, &huaan],
            &from.to_string(),
            &until.to_string(),
        )
        .await;
    let id = draft["id"].as_str().unwrap();
    app.sign_agreement(&admin, id, &foundation).await.ok();
    app.sign_agreement(&admin, id, &huaan).await.ok();
    // Midnight in Shanghai (UTC+8) of the day after the last day is 16:00 UTC of the last day.
    let next = until + Days::new(1);
    let midnight =
        Utc.from_utc_datetime(&next.and_hms_opt(0, 0, 0).unwrap()) - chrono::Duration::hours(8);
    app.clock.set(midnight - chrono::Duration::minutes(1));
    let admin = app.token(ADMIN).await;
    let before = read_agreement(&app, Some(&admin), id).await;
    assert_eq!(before["status"], "ACTIVE");
    assert_eq!(before["expiresInDays"], 0);
    app.clock.set(midnight + chrono::Duration::minutes(1));
    let admin = app.token(ADMIN).await;
    let after = read_agreement(&app, Some(&admin), id).await;
    assert_eq!(after["status"], "EXPIRED");
    assert_eq!(after["expiresInDays"], Value::Null);
    let expired = app
        .gql(
            Some(&admin),
            "query($a: ID!) { agreements(allianceId: $a, status: EXPIRED) { nodes { id } } }",
            json!({ "a": alliance }),
        )
        .await;
    assert!(
        expired.ok()["agreements"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["id"] == id)
    );
}

#[tokio::test]
async fn fifty_signatures_of_one_party_at_once_record_one() {
    let app = TestApp::new().await;
    let admin = app.token(ADMIN).await;
    let alliance = app.alliance_id(CONSORTIUM).await;
    let (foundation, huaan, _) = consortium_parties(&app).await;
    let draft = app
        .create_agreement(
            &admin,
            &alliance,
            &[&foundation, &huaan],
            "2026-01-01",
            "2030-12-31",
        )
        .await;
    let id = draft["id"].as_str().unwrap().to_owned();
    let answers = futures_util::future::join_all(
        (0..50).map(|_| app.sign_agreement(&admin, &id, &foundation)),
    )
    .await;
    let applied = answers.iter().filter(|a| a.code().is_none()).count();
    assert_eq!(applied, 1);
    assert!(
        answers
            .iter()
            .all(|a| a.code().is_none() || a.code() == Some("CONFLICT"))
    );
    assert_eq!(
        app.scalar_i64("SELECT count(*) FROM audit_log WHERE action = 'agreement.sign'")
            .await,
        1
    );
}

#[tokio::test]
async fn renewal_follows_the_term_once_and_termination_needs_a_reason() {
    let app = TestApp::new().await;
    let secretariat = app.token(SECRETARIAT).await;
    let admin = app.token(ADMIN).await;
    let alliance = app.alliance_id(CONSORTIUM).await;
    let (foundation, huaan, _) = consortium_parties(&app).await;
    let draft = app
        .create_agreement(
            &secretariat,
            &alliance,
            &[&foundation, &huaan],
            "2026-01-01",
            "2026-12-31",
        )
        .await;
    let id = draft["id"].as_str().unwrap();
    let renew = "mutation($input: RenewAgreementInput!) { renewAgreement(input: $input) { agreement { id validFrom validUntil status previousAgreement { id } parties { organization { id } } } userErrors { field code } } }";
    let early = app
        .gql(Some(&secretariat), renew, json!({ "input": { "id": id } }))
        .await;
    assert_eq!(
        field_codes(&early.ok()["renewAgreement"]),
        vec![("id".to_owned(), "NOT_SIGNED".to_owned())]
    );
    app.sign_agreement(&admin, id, &foundation).await.ok();
    app.sign_agreement(&admin, id, &huaan).await.ok();
    let org_admin = app.token(ORG_ADMIN).await;
    let refused = app
        .gql(Some(&org_admin), renew, json!({ "input": { "id": id } }))
        .await;
    assert_eq!(refused.code(), Some("FORBIDDEN"));
    let renewed = app
        .gql(Some(&secretariat), renew, json!({ "input": { "id": id } }))
        .await;
    let next = &renewed.ok()["renewAgreement"]["agreement"];
    assert_eq!(next["validFrom"], "2027-01-01");
    assert_eq!(next["validUntil"], "2027-12-31");
    assert_eq!(next["status"], "DRAFT");
    assert_eq!(next["previousAgreement"]["id"], id);
    assert_eq!(next["parties"].as_array().unwrap().len(), 2);
    let twice = app
        .gql(Some(&secretariat), renew, json!({ "input": { "id": id } }))
        .await;
    assert_eq!(twice.code(), Some("CONFLICT"), "{}", twice.body);
    assert_eq!(
        read_agreement(&app, Some(&secretariat), id).await["renewedBy"]["id"],
        next["id"]
    );

    let terminate = "mutation($input: TerminateAgreementInput!) { terminateAgreement(input: $input) { agreement { status terminatedOn terminationReason } userErrors { field code } } }";
    let current = read_agreement(&app, Some(&secretariat), id).await;
    let blank = app
        .gql(
            Some(&secretariat),
            terminate,
            json!({ "input": { "id": id, "version": current["version"], "reason": " " } }),
        )
        .await;
    assert_eq!(
        field_codes(&blank.ok()["terminateAgreement"]),
        vec![("reason".to_owned(), "REQUIRED".to_owned())]
    );
    let stale = app
        .gql(
            Some(&secretariat),
            terminate,
            json!({ "input": { "id": id, "version": 1, "reason": "合并" } }),
        )
        .await;
    assert_eq!(stale.code(), Some("CONFLICT"));
    let done = app
        .gql(Some(&secretariat), terminate, json!({ "input": { "id": id, "version": current["version"], "reason": "单位合并", "terminatedOn": "2026-06-30" } }))
        .await;
    let ended = &done.ok()["terminateAgreement"]["agreement"];
    assert_eq!(ended["status"], "TERMINATED");
    assert_eq!(ended["terminatedOn"], "2026-06-30");
}

#[tokio::test]
async fn commitments_show_progress_from_their_notes() {
    let app = TestApp::new().await;
    let secretariat = app.token(SECRETARIAT).await;
    let alliance = app.alliance_id(CONSORTIUM).await;
    let (foundation, _, plastics) = consortium_parties(&app).await;
    let draft = app
        .create_agreement(
            &secretariat,
            &alliance,
            &[&foundation, &plastics],
            "2026-01-01",
            "2027-12-31",
        )
        .await;
    let id = draft["id"].as_str().unwrap();
    let outsider_org = app.organization_id("华安证券公益基金会").await;
    let bad = app
        .gql(Some(&secretariat), "mutation($input: AddCommitmentInput!) { addCommitment(input: $input) { commitment { id } userErrors { field code } } }",
            json!({ "input": { "agreementId": id, "ownerOrganizationId": outsider_org, "title": "x" } }))
        .await;
    assert_eq!(
        field_codes(&bad.ok()["addCommitment"]),
        vec![("ownerOrganizationId".to_owned(), "NOT_PARTY".to_owned())]
    );
    let invalid = app
        .gql(Some(&secretariat), "mutation($input: AddCommitmentInput!) { addCommitment(input: $input) { commitment { id } userErrors { field code } } }",
            json!({ "input": { "agreementId": id, "ownerOrganizationId": plastics, "title": "", "targetValue": -3, "targetUnit": "次" } }))
        .await;
    let mut codes = field_codes(&invalid.ok()["addCommitment"]);
    codes.sort();
    assert_eq!(
        codes,
        vec![
            ("targetValue".to_owned(), "OUT_OF_RANGE".to_owned()),
            ("title".to_owned(), "REQUIRED".to_owned())
        ]
    );
    let commitment = app.add_commitment(&secretariat, id, &plastics).await;
    let cid = commitment["id"].as_str().unwrap();
    // The owner organization's admin adds notes; a member may not.
    let note = "mutation($input: AddCommitmentNoteInput!) { addCommitmentNote(input: $input) { note { body progressAmount } commitment { progressValue progressPercent status version } userErrors { field code } } }";
    let member = app.token(MEMBER).await;
    let refused = app
        .gql(
            Some(&member),
            note,
            json!({ "input": { "commitmentId": cid, "body": "x", "progressAmount": 1 } }),
        )
        .await;
    assert_eq!(refused.code(), Some("FORBIDDEN"));
    let org_admin = app.token(ORG_ADMIN).await;
    let first = app.gql(Some(&org_admin), note, json!({ "input": { "commitmentId": cid, "body": "开展两次志愿服务", "progressAmount": 2.5 } })).await;
    let saved = &first.ok()["addCommitmentNote"];
    assert_eq!(saved["commitment"]["progressValue"], 2.5);
    assert_eq!(saved["commitment"]["progressPercent"], 25.0);
    assert_eq!(saved["commitment"]["status"], "IN_PROGRESS");
    app.gql(
        Some(&org_admin),
        note,
        json!({ "input": { "commitmentId": cid, "body": "又一次", "progressAmount": 1.5 } }),
    )
    .await
    .ok();
    let agreement = read_agreement(&app, Some(&member), id).await;
    assert_eq!(agreement["commitments"][0]["progressPercent"], 40.0);
    assert_eq!(
        agreement["commitments"][0]["notes"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    // Updates are version-checked.
    let update = "mutation($input: UpdateCommitmentInput!) { updateCommitment(input: $input) { commitment { status version } userErrors { field code } } }";
    let stale = app
        .gql(
            Some(&org_admin),
            update,
            json!({ "input": { "id": cid, "version": 1, "status": "ACHIEVED" } }),
        )
        .await;
    assert_eq!(stale.code(), Some("CONFLICT"));
    let version = agreement["commitments"][0]["version"].clone();
    let achieved = app
        .gql(
            Some(&org_admin),
            update,
            json!({ "input": { "id": cid, "version": version, "status": "ACHIEVED" } }),
        )
        .await;
    assert_eq!(
        achieved.ok()["updateCommitment"]["commitment"]["status"],
        "ACHIEVED"
    );
    let cleared = app
        .gql(
            Some(&org_admin),
            update,
            json!({ "input": { "id": cid, "version": 99, "title": null } }),
        )
        .await;
    assert_eq!(
        field_codes(&cleared.ok()["updateCommitment"]),
        vec![("title".to_owned(), "REQUIRED".to_owned())]
    );
}

#[tokio::test]
async fn a_renewal_reminder_is_written_once_with_two_runners() {
    let app = TestApp::new().await;
    let admin = app.token(ADMIN).await;
    let alliance = app.alliance_id(CONSORTIUM).await;
    let (foundation, _, plastics) = consortium_parties(&app).await;
    let today = app.today_local();
    let draft = app
        .create_agreement(
            &admin,
            &alliance,
            &[&foundation, &plastics],
            "2020-01-01",
            &(today + Days::new(10)).to_string(),
        )
        .await;
    let id = draft["id"].as_str().unwrap();
    app.sign_agreement(&admin, id, &foundation).await.ok();
    app.sign_agreement(&admin, id, &plastics).await.ok();
    let uuid = alliance_api::kernel::ids::decode_any(id).unwrap().1;
    let count = format!(
        "SELECT count(*) FROM notifications WHERE kind = 'agreement_expiring' AND entity_id = '{uuid}'"
    );
    let second = app.second_instance().await;
    for _ in 0..2 {
        let (one, two) = (app.services.jobs(), second.jobs());
        let (a, b) = tokio::join!(one.run_due_now(), two.run_due_now());
        a.unwrap();
        b.unwrap();
        // A new schedule period lets both fire again: still one per person.
        app.clock
            .set(app.clock_now() + chrono::Duration::minutes(10));
    }
    // Admins and secretaries of the two parties, and the secretariat.
    let people = app
        .scalar_i64(&format!(
            "SELECT count(DISTINCT u) FROM (
               SELECT om.user_id AS u FROM organization_memberships om JOIN agreement_parties p ON p.organization_id = om.organization_id
                WHERE p.agreement_id = '{uuid}' AND om.left_on IS NULL AND (om.is_org_admin OR om.position = 'secretary')
               UNION SELECT user_id FROM role_grants WHERE role = 'alliance_admin' AND revoked_at IS NULL
                  AND alliance_id = (SELECT alliance_id FROM agreements WHERE id = '{uuid}')) x"
        ))
        .await;
    assert!(people >= 2);
    assert_eq!(app.scalar_i64(&count).await, people);
    let secretariat = app.token(SECRETARIAT).await;
    let nearing = app
        .gql(
            Some(&secretariat),
            "{ agreementsNearingExpiry { nodes { id expiresInDays } } }",
            json!({}),
        )
        .await;
    assert!(
        nearing.ok()["agreementsNearingExpiry"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["id"] == id)
    );
}

#[tokio::test]
async fn documents_keep_every_version_and_the_working_rules_in_effect_are_one_field_away() {
    let app = TestApp::new().await;
    let secretariat = app.token(SECRETARIAT).await;
    let alliance = app.alliance_id(CONSORTIUM).await;
    let today = app.today_local();
    let rules = "query($a: ID!) { alliance(id: $a) { currentWorkingRules { number label body effectiveOn document { title } } documents(kind: WORKING_RULES) { totalCount } } }";
    // The seed's trial rules are in effect.
    let seeded = app
        .gql(Some(&secretariat), rules, json!({ "a": alliance }))
        .await;
    assert_eq!(
        seeded.ok()["alliance"]["currentWorkingRules"]["label"],
        "试行"
    );
    let document = app
        .create_document(&secretariat, &alliance, "WORKING_RULES")
        .await;
    let add = "mutation($input: AddDocumentVersionInput!) { addDocumentVersion(input: $input) { version { number label effectiveOn } userErrors { field code } } }";
    let now_version = app
        .gql(Some(&secretariat), add, json!({ "input": { "documentId": document["id"], "body": "修订后全文", "label": "正式", "effectiveOn": today.to_string() } }))
        .await;
    assert_eq!(
        now_version.ok()["addDocumentVersion"]["version"]["number"],
        2
    );
    let later = app
        .gql(Some(&secretariat), add, json!({ "input": { "documentId": document["id"], "body": "明年全文", "effectiveOn": (today + Days::new(30)).to_string() } }))
        .await;
    assert_eq!(later.ok()["addDocumentVersion"]["version"]["number"], 3);
    let blank = app
        .gql(
            Some(&secretariat),
            add,
            json!({ "input": { "documentId": document["id"], "body": "" } }),
        )
        .await;
    assert_eq!(
        field_codes(&blank.ok()["addDocumentVersion"]),
        vec![("body".to_owned(), "REQUIRED".to_owned())]
    );
    let member = app.token(MEMBER).await;
    let current = app
        .gql(Some(&member), rules, json!({ "a": alliance }))
        .await;
    assert_eq!(current.ok()["alliance"]["currentWorkingRules"]["number"], 2);
    assert_eq!(
        current.ok()["alliance"]["currentWorkingRules"]["label"],
        "正式"
    );
    let versions = app
        .gql(Some(&member), "query($id: ID!) { document(id: $id) { versions { number } currentVersion { number } } }", json!({ "id": document["id"] }))
        .await;
    assert_eq!(
        versions.ok()["document"]["versions"],
        json!([{ "number": 3 }, { "number": 2 }, { "number": 1 }])
    );
    // Members read; only the secretariat writes; outsiders do not see it.
    let refused = app
        .gql(
            Some(&member),
            add,
            json!({ "input": { "documentId": document["id"], "body": "x" } }),
        )
        .await;
    assert_eq!(refused.code(), Some("FORBIDDEN"));
    let outsider = app.token(OUTSIDER).await;
    let hidden = app
        .gql(
            Some(&outsider),
            add,
            json!({ "input": { "documentId": document["id"], "body": "x" } }),
        )
        .await;
    assert_eq!(hidden.code(), Some("NOT_FOUND"));
    let pairing = app.alliance_id(PAIRING_MEMBERS_ONLY).await;
    let foreign = app
        .gql(Some(&secretariat), "mutation($input: CreateDocumentInput!) { createDocument(input: $input) { document { id } } }",
            json!({ "input": { "allianceId": pairing, "kind": "OTHER", "title": "x", "body": "x" } }))
        .await;
    assert_eq!(foreign.code(), Some("NOT_FOUND"));
    let _ = (encode(Kind::Document, uuid::Uuid::nil()), NaiveDate::MIN);
}
