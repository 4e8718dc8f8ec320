//! Ids of another alliance in mutations are refused.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use super::introspection::{Schema, named, short};
use super::world::World;
use super::{error_codes, fail_on};
use alliance_tests::TestApp;
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};

/// One attempt: `actor` (with full rights in A) sends `input`, which carries ids of B in
/// `foreign` fields.
struct Case {
    mutation: &'static str,
    actor: &'static str,
    input: Value,
    foreign: &'static [&'static str],
}

const CONVENER: &str = "convener@example.com";
const SECRETARIAT: &str = "secretariat@example.com";
const SUPERVISOR: &str = "supervisor@example.com";
const ORG_ADMIN: &str = "orgadmin@example.com";
const MEMBER: &str = "member@example.com";

/// Mutation → how to build a cross-alliance input. Every mutation of the schema with an `ID` in
/// its input must be here (the test fails otherwise, so a new mutation is noticed).
fn cases(w: &World, starts: chrono::DateTime<chrono::Utc>, failed_job: &str) -> Vec<Case> {
    let ends = starts + chrono::Duration::hours(2);
    let today = starts.date_naive();
    let case = |mutation, actor, input, foreign| Case {
        mutation,
        actor,
        input,
        foreign,
    };
    let mut a_items_with_b = w.a_agenda_items.clone();
    a_items_with_b.push(w.b_agenda_items[0].clone());
    vec![
        // Platform administration: the secretariat of A has no say over B's people or grants.
        case(
            "disableUser",
            SECRETARIAT,
            json!({ "userId": w.b_convener }),
            &["userId"],
        ),
        case(
            "enableUser",
            SECRETARIAT,
            json!({ "userId": w.b_convener }),
            &["userId"],
        ),
        // Background jobs belong to no alliance: only platform admins retry them.
        case(
            "retryBackgroundJob",
            SECRETARIAT,
            json!({ "jobId": failed_job }),
            &["jobId"],
        ),
        case(
            "revokeAllianceRole",
            SECRETARIAT,
            json!({ "grantId": w.b_grant }),
            &["grantId"],
        ),
        case(
            "inviteMember",
            ORG_ADMIN,
            json!({ "organizationId": w.b_haaen, "name": "外来者", "email": "outsider@example.com" }),
            &["organizationId"],
        ),
        case(
            "updateOrganizationMember",
            ORG_ADMIN,
            json!({ "membershipId": w.b_org_membership, "position": "MEMBER" }),
            &["membershipId"],
        ),
        case(
            "deactivateOrganizationMember",
            ORG_ADMIN,
            json!({ "membershipId": w.b_org_membership }),
            &["membershipId"],
        ),
        case(
            "updateOrganization",
            ORG_ADMIN,
            json!({ "id": w.b_haaen, "version": 1, "name": "改名" }),
            &["id"],
        ),
        case(
            "updateAlliance",
            SECRETARIAT,
            json!({ "id": w.b_alliance, "version": 1, "name": "改名" }),
            &["id"],
        ),
        case(
            "addAllianceMember",
            SECRETARIAT,
            json!({ "allianceId": w.b_alliance, "organizationId": w.a_convener_org, "joinedOn": today }),
            &["allianceId"],
        ),
        case(
            "grantAllianceRole",
            SECRETARIAT,
            json!({ "allianceId": w.b_alliance, "userId": w.a_member_user, "role": "SUPERVISOR" }),
            &["allianceId"],
        ),
        case(
            "grantAllianceRole",
            SECRETARIAT,
            json!({ "allianceId": w.a_alliance, "userId": w.b_convener, "role": "SUPERVISOR" }),
            &["userId"],
        ),
        case(
            "createIntegrationToken",
            SECRETARIAT,
            json!({ "name": "越权", "scopes": ["read:alliance"], "allianceId": w.b_alliance }),
            &["allianceId"],
        ),
        case(
            "createIntegrationToken",
            ORG_ADMIN,
            json!({ "name": "越权", "scopes": ["read:organization"], "organizationId": w.b_haaen }),
            &["organizationId"],
        ),
        case(
            "revokeIntegrationToken",
            SECRETARIAT,
            json!({ "id": w.b_token }),
            &["id"],
        ),
        case(
            "scheduleMeeting",
            CONVENER,
            json!({ "allianceId": w.a_alliance, "title": "联席会议", "startsAt": starts, "endsAt": ends, "hostOrganizationId": w.b_haaen }),
            &["hostOrganizationId"],
        ),
        case(
            "scheduleMeeting",
            CONVENER,
            json!({ "allianceId": w.b_alliance, "title": "联席会议", "startsAt": starts, "endsAt": ends }),
            &["allianceId"],
        ),
        // Media: the secretariat of A edits nothing of B's.
        case(
            "updateMedia",
            SECRETARIAT,
            json!({ "id": w.b_media, "version": 1, "caption": "改" }),
            &["id"],
        ),
        case(
            "deleteMedia",
            SECRETARIAT,
            json!({ "id": w.b_media }),
            &["id"],
        ),
        case(
            "reorderMedia",
            SECRETARIAT,
            json!({ "ownerId": w.b_media_activity, "mediaIds": [w.b_media] }),
            &["ownerId", "mediaIds"],
        ),
        case(
            "setActivityCover",
            SECRETARIAT,
            json!({ "activityId": w.a_activity, "mediaId": w.b_media }),
            &["mediaId"],
        ),
        case(
            "setActivityCover",
            SECRETARIAT,
            json!({ "activityId": w.b_media_activity, "mediaId": w.b_media }),
            &["activityId", "mediaId"],
        ),
        case(
            "updateMeeting",
            CONVENER,
            json!({ "id": w.b_meeting, "version": w.b_meeting_version, "title": "改名" }),
            &["id"],
        ),
        case(
            "proposeAgendaItem",
            CONVENER,
            json!({ "meetingId": w.a_meeting, "title": "议题", "presenterOrganizationId": w.b_haaen }),
            &["presenterOrganizationId"],
        ),
        case(
            "proposeAgendaItem",
            ORG_ADMIN,
            json!({ "meetingId": w.b_meeting, "title": "议题" }),
            &["meetingId"],
        ),
        case(
            "decideAgendaItem",
            CONVENER,
            json!({ "id": w.b_agenda_items[1], "accept": true }),
            &["id"],
        ),
        case(
            "updateAgendaProposal",
            ORG_ADMIN,
            json!({ "id": w.b_agenda_items[1], "title": "夺走", "version": 1 }),
            &["id"],
        ),
        case(
            "withdrawAgendaProposal",
            ORG_ADMIN,
            json!({ "id": w.b_agenda_items[1], "version": 1 }),
            &["id"],
        ),
        case(
            "reorderAgenda",
            CONVENER,
            json!({ "meetingId": w.a_meeting, "itemIds": a_items_with_b }),
            &["itemIds"],
        ),
        case(
            "reorderAgenda",
            CONVENER,
            json!({ "meetingId": w.b_meeting, "itemIds": w.b_agenda_items }),
            &["meetingId"],
        ),
        case(
            "respondToMeeting",
            MEMBER,
            json!({ "meetingId": w.b_meeting, "response": "YES" }),
            &["meetingId"],
        ),
        case(
            "checkIn",
            MEMBER,
            json!({ "meetingId": w.b_meeting, "code": w.b_check_in_code }),
            &["meetingId"],
        ),
        case(
            "checkInMember",
            CONVENER,
            json!({ "meetingId": w.a_meeting, "userId": w.b_convener }),
            &["userId"],
        ),
        case(
            "checkInMember",
            CONVENER,
            json!({ "meetingId": w.b_meeting, "userId": w.b_secretary }),
            &["meetingId"],
        ),
        case(
            "saveMinutes",
            CONVENER,
            json!({ "meetingId": w.b_meeting, "body": "覆盖", "version": 1 }),
            &["meetingId"],
        ),
        case(
            "submitMinutes",
            CONVENER,
            json!({ "meetingId": w.b_meeting, "version": 1 }),
            &["meetingId"],
        ),
        case(
            "returnMinutes",
            SUPERVISOR,
            json!({ "meetingId": w.b_meeting, "version": 1, "comment": "请修改" }),
            &["meetingId"],
        ),
        case(
            "approveMinutes",
            SUPERVISOR,
            json!({ "meetingId": w.b_meeting, "version": 1 }),
            &["meetingId"],
        ),
        case(
            "recordDecision",
            CONVENER,
            json!({ "meetingId": w.b_meeting, "text": "越权决定" }),
            &["meetingId"],
        ),
        case(
            "createActionItem",
            CONVENER,
            json!({ "meetingId": w.a_meeting, "title": "任务", "assigneeOrganizationId": w.b_haaen }),
            &["assigneeOrganizationId"],
        ),
        case(
            "createActionItem",
            CONVENER,
            json!({ "meetingId": w.a_meeting, "title": "任务", "assigneeOrganizationId": w.a_convener_org, "assigneeUserId": w.b_convener }),
            &["assigneeUserId"],
        ),
        case(
            "createActionItem",
            CONVENER,
            json!({ "meetingId": w.a_meeting, "title": "任务", "decisionId": w.b_decision, "assigneeOrganizationId": w.a_convener_org }),
            &["decisionId"],
        ),
        case(
            "createActionItem",
            CONVENER,
            json!({ "meetingId": w.b_meeting, "title": "任务", "assigneeOrganizationId": w.b_jingan }),
            &["meetingId"],
        ),
        case(
            "updateActionItem",
            CONVENER,
            json!({ "id": w.b_action_item, "version": 2, "status": "DONE", "note": "越权" }),
            &["id"],
        ),
        case(
            "generateLeadSchedule",
            SECRETARIAT,
            json!({ "allianceId": w.b_alliance, "leadScheduleVersion": 1 }),
            &["allianceId"],
        ),
        case(
            "swapLeadTerms",
            SECRETARIAT,
            json!({ "firstId": w.a_future_term, "secondId": w.b_future_term, "leadScheduleVersion": 1 }),
            &["secondId"],
        ),
        case(
            "skipLeadTerm",
            SECRETARIAT,
            json!({ "id": w.b_future_term, "leadScheduleVersion": 1 }),
            &["id"],
        ),
        case(
            "submitHandoverReport",
            SECRETARIAT,
            json!({ "id": w.b_started_term, "report": "越权" }),
            &["id"],
        ),
        case(
            "removeAllianceMember",
            SECRETARIAT,
            json!({ "allianceId": w.b_alliance, "organizationId": w.b_jingan, "leftOn": today }),
            &["allianceId"],
        ),
        case(
            "removeAllianceMember",
            SECRETARIAT,
            json!({ "allianceId": w.a_alliance, "organizationId": w.b_haaen, "leftOn": today }),
            &["organizationId"],
        ),
        case(
            "markNotificationsRead",
            MEMBER,
            json!({ "ids": w.b_notifications.iter().map(|(id, _)| id).collect::<Vec<_>>() }),
            &["ids"],
        ),
        case(
            "createCalendarFeed",
            MEMBER,
            json!({ "allianceId": w.b_alliance }),
            &["allianceId"],
        ),
        // Shared resources: an organization admin of A has no say over B's resources and bookings.
        case(
            "offerResource",
            ORG_ADMIN,
            json!({ "organizationId": w.b_haaen, "allianceIds": [w.b_alliance], "kind": "VENUE", "name": "越权" }),
            &["organizationId", "allianceIds"],
        ),
        case(
            "updateResource",
            ORG_ADMIN,
            json!({ "id": w.b_resource, "version": 1, "name": "越权" }),
            &["id"],
        ),
        case(
            "withdrawResource",
            ORG_ADMIN,
            json!({ "id": w.b_resource, "version": 1 }),
            &["id"],
        ),
        case(
            "requestResourceBooking",
            ORG_ADMIN,
            json!({ "resourceId": w.b_resource, "startsAt": starts, "endsAt": ends }),
            &["resourceId"],
        ),
        case(
            "approveResourceBooking",
            ORG_ADMIN,
            json!({ "id": w.b_booking, "version": 1 }),
            &["id"],
        ),
        case(
            "declineResourceBooking",
            ORG_ADMIN,
            json!({ "id": w.b_booking, "version": 1, "reason": "越权" }),
            &["id"],
        ),
        case(
            "markResourceBookingUsed",
            ORG_ADMIN,
            json!({ "id": w.b_booking, "version": 1, "contributionNote": "越权" }),
            &["id"],
        ),
        case(
            "cancelResourceBooking",
            SECRETARIAT,
            json!({ "id": w.b_booking, "version": 1 }),
            &["id"],
        ),
        case(
            "revokeCalendarFeed",
            MEMBER,
            json!({ "id": w.b_feed }),
            &["id"],
        ),
        // Agreements, commitments and documents: the secretariat of A has no say in B.
        case(
            "createAgreement",
            SECRETARIAT,
            json!({ "allianceId": w.b_alliance, "title": "x", "validFrom": today, "validUntil": today, "parties": [w.b_haaen, w.b_jingan] }),
            &["allianceId"],
        ),
        case(
            "createAgreement",
            SECRETARIAT,
            json!({ "allianceId": w.a_alliance, "title": "x", "validFrom": today, "validUntil": today, "parties": [w.a_convener_org, w.b_haaen] }),
            &["parties"],
        ),
        case(
            "updateAgreement",
            SECRETARIAT,
            json!({ "id": w.b_agreement, "version": 1, "title": "x" }),
            &["id"],
        ),
        case(
            "signAgreement",
            ORG_ADMIN,
            json!({ "id": w.b_agreement, "organizationId": w.b_haaen, "signatoryName": "x" }),
            &["id"],
        ),
        case(
            "terminateAgreement",
            SECRETARIAT,
            json!({ "id": w.b_agreement, "version": 1, "reason": "x" }),
            &["id"],
        ),
        case(
            "renewAgreement",
            SECRETARIAT,
            json!({ "id": w.b_agreement }),
            &["id"],
        ),
        case(
            "addCommitment",
            SECRETARIAT,
            json!({ "agreementId": w.b_agreement, "ownerOrganizationId": w.b_haaen, "title": "x" }),
            &["agreementId"],
        ),
        case(
            "updateCommitment",
            SECRETARIAT,
            json!({ "id": w.b_commitment, "version": 1, "title": "x" }),
            &["id"],
        ),
        case(
            "addCommitmentNote",
            SECRETARIAT,
            json!({ "commitmentId": w.b_commitment, "body": "x" }),
            &["commitmentId"],
        ),
        case(
            "createDocument",
            SECRETARIAT,
            json!({ "allianceId": w.b_alliance, "kind": "OTHER", "title": "x", "body": "x" }),
            &["allianceId"],
        ),
        case(
            "addDocumentVersion",
            SECRETARIAT,
            json!({ "documentId": w.b_document, "body": "x" }),
            &["documentId"],
        ),
        // Activities: B's activity is not found from A, and A's names no organization of B.
        case(
            "createActivity",
            ORG_ADMIN,
            json!({ "allianceId": w.b_alliance, "theme": "越权活动", "kind": "OTHER", "startsAt": starts, "endsAt": ends }),
            &["allianceId"],
        ),
        case(
            "createActivity",
            SECRETARIAT,
            json!({ "allianceId": w.a_alliance, "theme": "越权活动", "kind": "OTHER", "startsAt": starts, "endsAt": ends, "hostOrganizationId": w.b_haaen }),
            &["hostOrganizationId"],
        ),
        case(
            "createActivity",
            SECRETARIAT,
            json!({ "allianceId": w.a_alliance, "theme": "越权活动", "kind": "OTHER", "startsAt": starts, "endsAt": ends, "hostOrganizationId": w.a_convener_org, "coOrganizerIds": [w.b_jingan] }),
            &["coOrganizerIds"],
        ),
        case(
            "updateActivity",
            SECRETARIAT,
            json!({ "id": w.b_activity, "version": 1, "theme": "改名" }),
            &["id"],
        ),
        case(
            "setActivityHeadcounts",
            SECRETARIAT,
            json!({ "id": w.b_activity, "version": 1, "headcounts": [] }),
            &["id"],
        ),
        case(
            "signUpForActivity",
            MEMBER,
            json!({ "activityId": w.b_activity }),
            &["activityId"],
        ),
        case(
            "cancelActivitySignUp",
            MEMBER,
            json!({ "activityId": w.b_activity }),
            &["activityId"],
        ),
        case(
            "checkInToActivity",
            MEMBER,
            json!({ "activityId": w.b_activity, "code": w.b_activity_code }),
            &["activityId"],
        ),
        case(
            "checkInActivityParticipant",
            SECRETARIAT,
            json!({ "activityId": w.b_activity, "userId": w.b_secretary }),
            &["activityId"],
        ),
        case(
            "completeActivity",
            SECRETARIAT,
            json!({ "id": w.b_activity, "version": 1 }),
            &["id"],
        ),
        case(
            "publishActivity",
            SECRETARIAT,
            json!({ "id": w.b_activity, "version": 1 }),
            &["id"],
        ),
        case(
            "unpublishActivity",
            SECRETARIAT,
            json!({ "id": w.b_activity, "version": 1 }),
            &["id"],
        ),
        case(
            "cancelActivity",
            SECRETARIAT,
            json!({ "id": w.b_activity, "version": 1 }),
            &["id"],
        ),
    ]
}

/// Whether a userError names one of the fields that carried a foreign id (`itemIds.2` names `itemIds`).
fn names_a_foreign_field(errors: &Value, foreign: &[&str]) -> bool {
    errors.as_array().into_iter().flatten().any(|e| {
        let field = e["field"].as_str().unwrap_or_default();
        foreign
            .iter()
            .any(|f| field == *f || field.starts_with(&format!("{f}.")))
    })
}

#[tokio::test]
async fn ids_of_another_alliance_are_refused_by_every_mutation() {
    let app = TestApp::new().await;
    let schema = Schema::load(&app).await;
    let world = World::build(&app).await;
    let job = uuid::Uuid::now_v7();
    app.services
        .db
        .execute_unprepared(&format!(
            "INSERT INTO jobs (id, kind, state, attempts, max_attempts, run_at, last_error, created_at, updated_at)
             VALUES ('{job}', 'mail', 'failed', 8, 8, now(), 'unreachable', now(), now())"
        ))
        .await
        .unwrap();
    let failed_job =
        alliance_api::kernel::ids::encode(alliance_api::kernel::ids::Kind::BackgroundJob, job).0;
    let table = cases(
        &world,
        app.clock_now() + chrono::Duration::days(40),
        &failed_job,
    );

    let in_schema = schema.mutations_taking_ids();
    let in_table: BTreeSet<&str> = table.iter().map(|c| c.mutation).collect();
    let untested: Vec<&String> = in_schema
        .keys()
        .filter(|m| !in_table.contains(m.as_str()))
        .collect();
    assert!(
        untested.is_empty(),
        "mutations taking an ID with no cross-alliance case in `cases` (ID fields: {:?}): {untested:?}",
        untested.iter().map(|m| &in_schema[*m]).collect::<Vec<_>>()
    );
    let stale: Vec<&&str> = in_table
        .iter()
        .filter(|m| !in_schema.contains_key(**m))
        .collect();
    assert!(
        stale.is_empty(),
        "cases for mutations that no longer take an ID: {stale:?}"
    );

    let mut tokens = BTreeMap::new();
    let mut violations = BTreeSet::new();
    for case in &table {
        if !tokens.contains_key(case.actor) {
            tokens.insert(case.actor, app.token(case.actor).await);
        }
        let input = schema.mutation_input(case.mutation);
        let payload = named(&schema.field("Mutation", case.mutation).unwrap()["type"]).name;
        let errors = if schema.field(&payload, "userErrors").is_some() {
            "userErrors { field code message }"
        } else {
            ""
        };
        let document = format!(
            "mutation($input: {input}!) {{ {}(input: $input) {{ __typename {errors} }} }}",
            case.mutation
        );
        let audit_before = app.scalar_i64("SELECT count(*) FROM audit_log").await;
        let read_before = app
            .scalar_i64("SELECT count(*) FROM notifications WHERE read_at IS NOT NULL")
            .await;
        let answer = app
            .gql(
                Some(&tokens[case.actor]),
                &document,
                json!({ "input": case.input }),
            )
            .await;
        let label = format!(
            "{}({}) as {}",
            case.mutation,
            case.foreign.join(", "),
            case.actor
        );
        let codes = error_codes(&answer);
        for (code, detail) in &codes {
            if !["FORBIDDEN", "NOT_FOUND", "CONFLICT"].contains(&code.as_str()) {
                violations.insert(format!("{label}: error {code}: {detail}"));
            }
        }
        let user_errors = &answer.data()[case.mutation]["userErrors"];
        let refused = !codes.is_empty() || names_a_foreign_field(user_errors, case.foreign);
        println!(
            "{label}: {}",
            codes
                .first()
                .map_or_else(|| short(user_errors), |(code, _)| code.clone())
        );
        if !refused {
            violations.insert(format!("{label}: not refused: {}", short(&answer.body)));
        }
        let audit_after = app.scalar_i64("SELECT count(*) FROM audit_log").await;
        let read_after = app
            .scalar_i64("SELECT count(*) FROM notifications WHERE read_at IS NOT NULL")
            .await;
        if audit_after != audit_before || read_after != read_before {
            violations.insert(format!(
                "{label}: changed something (audit or notifications)"
            ));
        }
    }
    fail_on("cross-alliance mutations not refused", &violations);
}
