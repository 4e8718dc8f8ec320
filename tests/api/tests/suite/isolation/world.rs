//! The data the isolation tests look at: the demo seed, plus everything the seed lacks, created
//! through the API as the people who would create it.
//!
//! - Alliance **B** is the members-only pairing 瀚恩清洁—静安区中心医院 (何伟 of 瀚恩 leads it now,
//!   罗刚 is the secretary of 静安). It gets a meeting with agenda items, an attendance, draft minutes,
//!   a decision, an action item, a handover report, an invitation, a calendar feed, notifications
//!   and integration tokens.
//! - Alliance **A** is the public consortium, where 陈立 convenes, 周敏 is the secretariat, 吴建华
//!   supervises, 王芳 administers 省塑料协会 and 李娜 is a plain member. Nobody of A has a role in B.

use alliance_tests::{CONSORTIUM, PAIRING_MEMBERS_ONLY, TestApp};
use serde_json::{Value, json};

/// The public pairing whose profile anyone may read.
pub const PUBLIC_PAIRING: &str = "南方阻燃—重庆潮汕商会党建共建";

pub const B_CONVENER: &str = "he.wei@example.com";
pub const B_SECRETARY: &str = "luo.gang@example.com";
pub const PLATFORM_ADMIN: &str = "admin@example.com";

/// Runs a mutation that must succeed; returns its payload.
pub async fn must(app: &TestApp, token: &str, query: &str, variables: Value) -> Value {
    let answer = app.gql(Some(token), query, variables).await;
    let data = answer.ok();
    let payload = data
        .as_object()
        .and_then(|o| o.values().next())
        .cloned()
        .unwrap_or(Value::Null);
    assert_eq!(
        payload["userErrors"],
        json!([]),
        "setup step refused: {query}\n{}",
        answer.body
    );
    payload
}

fn id(value: &Value) -> String {
    value
        .as_str()
        .unwrap_or_else(|| panic!("expected an id, got {value}"))
        .to_owned()
}

/// Ids of the objects the tests pass around.
#[derive(Debug, Default)]
pub struct World {
    pub a_alliance: String,
    pub a_convener_org: String,
    pub a_meeting: String,
    pub a_agenda_items: Vec<String>,
    pub a_future_term: String,
    pub a_member_user: String,
    pub b_alliance: String,
    pub b_haaen: String,
    pub b_jingan: String,
    pub b_convener: String,
    pub b_secretary: String,
    pub b_org_membership: String,
    pub b_meeting: String,
    pub b_meeting_version: i64,
    pub b_check_in_code: String,
    pub b_agenda_items: Vec<String>,
    pub b_decision: String,
    pub b_action_item: String,
    pub b_future_term: String,
    pub b_started_term: String,
    pub b_token: String,
    /// A planned activity of B hosted by 瀚恩清洁, and its check-in code.
    pub b_activity: String,
    pub b_activity_code: String,
    /// The same activity's id as a news article (never published: B is members-only).
    pub b_news_article: String,
    pub b_feed: String,
    pub b_invitation: String,
    /// A role grant in B, and audit entries that concern B.
    pub b_grant: String,
    pub b_audit_entries: Vec<String>,
    /// Notifications of B's people, with their owner (only the owner reads a notification).
    pub b_notifications: Vec<(String, &'static str)>,
    /// Secrets of integration tokens: B with only `read:alliance`, B with only `read:meetings`,
    /// A with every alliance read scope, and 省塑料协会 (of A) with every organization read scope.
    pub b_read_alliance_token: String,
    pub b_read_meetings_token: String,
    pub a_token: String,
    pub a_org_token: String,
    /// Media (issue 10): an activity of A, an activity of B and a photo of B's activity.
    pub a_activity: String,
    /// B's activity with the photo (inserted by the media factory).
    pub b_media_activity: String,
    pub b_media: String,
    /// A resource 瀚恩 offers to B, and a booking 静安 requested.
    pub b_resource: String,
    pub b_booking: String,
    /// An agreement of B (a draft of 瀚恩清洁 and 静安区中心医院后勤), a commitment of it, and a
    /// document of B's library.
    pub b_agreement: String,
    pub b_commitment: String,
    pub b_document: String,
}

const TOKEN: &str =
    "mutation($input: CreateIntegrationTokenInput!) { createIntegrationToken(input: $input) {
    secret integrationToken { id } userErrors { field code message } } }";

impl World {
    pub async fn build(app: &TestApp) -> Self {
        let mut w = World {
            a_alliance: app.alliance_id(CONSORTIUM).await,
            b_alliance: app.alliance_id(PAIRING_MEMBERS_ONLY).await,
            ..World::default()
        };
        let admin = app.token(PLATFORM_ADMIN).await;
        let convener = app.token(B_CONVENER).await;
        let secretary = app.token(B_SECRETARY).await;
        let now = app.clock_now();
        let starts = now + chrono::Duration::days(30);

        // B: a meeting with every kind of content.
        let b_shape = app
            .gql(
                Some(&admin),
                "query($id: ID!) { alliance(id: $id) { members { nodes { organization { id name members { nodes { id user { id email } } } } } }
                   leadTerms { id startsAt isCurrent } } }",
                json!({ "id": w.b_alliance }),
            )
            .await;
        let b = b_shape.ok()["alliance"].clone();
        for member in b["members"]["nodes"].as_array().unwrap() {
            let org = &member["organization"];
            for m in org["members"]["nodes"].as_array().unwrap() {
                match m["user"]["email"].as_str() {
                    Some(B_CONVENER) => {
                        w.b_haaen = id(&org["id"]);
                        w.b_convener = id(&m["user"]["id"]);
                        w.b_org_membership = id(&m["id"]);
                    }
                    Some(B_SECRETARY) => {
                        w.b_jingan = id(&org["id"]);
                        w.b_secretary = id(&m["user"]["id"]);
                    }
                    _ => {}
                }
            }
        }
        let terms = b["leadTerms"].as_array().unwrap();
        let current = terms.iter().position(|t| t["isCurrent"] == true).unwrap();
        w.b_started_term = id(&terms[current - 1]["id"]);
        w.b_future_term = id(&terms[current + 1]["id"]);

        let meeting = must(app, &convener, "mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id version checkInCode } userErrors { field code } } }",
            json!({ "input": { "allianceId": w.b_alliance, "title": "第四次联席会议：环保宣传共建", "startsAt": starts, "endsAt": starts + chrono::Duration::hours(2), "location": "瀚恩清洁党员活动室" } })).await;
        w.b_meeting = id(&meeting["meeting"]["id"]);
        w.b_check_in_code = id(&meeting["meeting"]["checkInCode"]);
        let propose = "mutation($m: ID!, $t: String!) { proposeAgendaItem(input: {meetingId: $m, title: $t, minutesAllotted: 15}) { agendaItem { id } userErrors { field code } } }";
        for (token, title) in [
            (&convener, "白领健康指导服务"),
            (&secretary, "党员线上培训"),
        ] {
            let item = must(app, token, propose, json!({ "m": w.b_meeting, "t": title })).await;
            w.b_agenda_items.push(id(&item["agendaItem"]["id"]));
        }
        must(app, &secretary, "mutation($m: ID!) { respondToMeeting(input: {meetingId: $m, response: YES}) { attendance { id } userErrors { field code } } }", json!({ "m": w.b_meeting })).await;
        must(app, &convener, "mutation($m: ID!, $u: ID!) { checkInMember(input: {meetingId: $m, userId: $u}) { attendance { id } userErrors { field code } } }", json!({ "m": w.b_meeting, "u": w.b_secretary })).await;
        must(app, &convener, "mutation($m: ID!) { saveMinutes(input: {meetingId: $m, body: \"# 草稿：仅召集人可见\"}) { minutes { version } userErrors { field code } } }", json!({ "m": w.b_meeting })).await;
        let decision = must(app, &convener, "mutation($m: ID!) { recordDecision(input: {meetingId: $m, text: \"联合开展环保宣传\"}) { decision { id } userErrors { field code } } }", json!({ "m": w.b_meeting })).await;
        w.b_decision = id(&decision["decision"]["id"]);
        let item = must(app, &convener, "mutation($m: ID!, $d: ID, $o: ID!, $u: ID) { createActionItem(input: {meetingId: $m, decisionId: $d, title: \"制定环保宣传方案\", assigneeOrganizationId: $o, assigneeUserId: $u, dueOn: \"2031-06-30\"}) { actionItem { id } userErrors { field code } } }",
            json!({ "m": w.b_meeting, "d": w.b_decision, "o": w.b_jingan, "u": w.b_secretary })).await;
        w.b_action_item = id(&item["actionItem"]["id"]);
        must(app, &secretary, "mutation($i: ID!) { updateActionItem(input: {id: $i, version: 1, status: IN_PROGRESS, note: \"已启动\"}) { actionItem { id } userErrors { field code } } }", json!({ "i": w.b_action_item })).await;
        let fresh = app
            .gql(
                Some(&admin),
                "query($id: ID!) { meeting(id: $id) { version } }",
                json!({ "id": w.b_meeting }),
            )
            .await;
        w.b_meeting_version = fresh.ok()["meeting"]["version"].as_i64().unwrap();
        must(app, &admin, "mutation($id: ID!) { submitHandoverReport(input: {id: $id, report: \"交接：内部总结，仅成员可见\"}) { leadTerm { id } userErrors { field code } } }", json!({ "id": w.b_started_term })).await;
        let invitation = must(app, &convener, "mutation($o: ID!) { inviteMember(input: {organizationId: $o, name: \"新党员\", email: \"new.member@example.com\"}) { invitation { id } userErrors { field code } } }", json!({ "o": w.b_haaen })).await;
        w.b_invitation = id(&invitation["invitation"]["id"]);
        let grant = must(app, &admin, "mutation($a: ID!, $u: ID!) { grantAllianceRole(input: {allianceId: $a, userId: $u, role: SUPERVISOR}) { roleGrant { id } userErrors { field code } } }", json!({ "a": w.b_alliance, "u": w.b_secretary })).await;
        w.b_grant = id(&grant["roleGrant"]["id"]);
        let audit = app
            .gql(
                Some(&admin),
                "query($a: ID!) { auditEntries(allianceId: $a, first: 5) { nodes { id } } }",
                json!({ "a": w.b_alliance }),
            )
            .await;
        w.b_audit_entries = audit.ok()["auditEntries"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| id(&e["id"]))
            .collect();
        assert!(!w.b_audit_entries.is_empty(), "B's changes are audited");
        let feed = must(app, &convener, "mutation($a: ID) { createCalendarFeed(input: {allianceId: $a}) { feed { id } userErrors { field code } } }", json!({ "a": w.b_alliance })).await;
        w.b_feed = id(&feed["feed"]["id"]);
        let agreement = app
            .create_agreement(
                &admin,
                &w.b_alliance,
                &[&w.b_haaen, &w.b_jingan],
                "2026-01-01",
                "2028-12-31",
            )
            .await;
        w.b_agreement = id(&agreement["id"]);
        w.b_commitment = id(&app.add_commitment(&admin, &w.b_agreement, &w.b_haaen).await["id"]);
        w.b_document = id(&app.create_document(&admin, &w.b_alliance, "OTHER").await["id"]);
        let activity = must(app, &convener, "mutation($input: CreateActivityInput!) { createActivity(input: $input) { activity { id checkInCode } userErrors { field code } } }",
            json!({ "input": { "allianceId": w.b_alliance, "theme": "环保宣传进社区", "kind": "VOLUNTEER_SERVICE", "startsAt": now - chrono::Duration::minutes(30), "endsAt": now + chrono::Duration::hours(2), "hostOrganizationId": w.b_haaen } })).await;
        w.b_activity = id(&activity["activity"]["id"]);
        w.b_activity_code = id(&activity["activity"]["checkInCode"]);
        w.b_news_article = alliance_domain::kernel::ids::global_id(
            "NewsArticle",
            alliance_tests::activities::uuid_of(&w.b_activity),
        );
        for (token, owner) in [(&convener, B_CONVENER), (&secretary, B_SECRETARY)] {
            let listed = app
                .gql(
                    Some(token),
                    "{ notifications(first: 50) { nodes { id } } }",
                    json!({}),
                )
                .await;
            for n in listed.ok()["notifications"]["nodes"].as_array().unwrap() {
                w.b_notifications.push((id(&n["id"]), owner));
            }
        }
        assert!(
            !w.b_notifications.is_empty(),
            "scheduling and assigning notify B's people"
        );

        // Tokens: two of B with one scope each, one of A, one of an organization of A.
        for (scope, slot) in [
            ("read:alliance", &mut w.b_read_alliance_token),
            ("read:meetings", &mut w.b_read_meetings_token),
        ] {
            let created = must(app, &admin, TOKEN, json!({ "input": { "name": format!("B {scope}"), "scopes": [scope], "allianceId": w.b_alliance } })).await;
            *slot = id(&created["secret"]);
            w.b_token = id(&created["integrationToken"]["id"]);
        }
        let secretariat = app.token("secretariat@example.com").await;
        let a_token = must(app, &secretariat, TOKEN, json!({ "input": { "name": "区级平台", "scopes": ["read:alliance", "read:meetings"], "allianceId": w.a_alliance } })).await;
        w.a_token = id(&a_token["secret"]);
        let plastics = app.organization_id("省塑料协会").await;
        let orgadmin = app.token("orgadmin@example.com").await;
        let org_token = must(app, &orgadmin, TOKEN, json!({ "input": { "name": "协会门户", "scopes": ["read:organization", "read:members"], "organizationId": plastics } })).await;
        w.a_org_token = id(&org_token["secret"]);

        // A: the convener's organization, the upcoming meeting and its agenda, a future term.
        let a_shape = app
            .gql(
                Some(&admin),
                "query($id: ID!) { alliance(id: $id) { currentLead { organization { id } }
                   leadTerms { id isCurrent }
                   meetings(first: 20) { nodes { id status agendaItems { id } } } } }",
                json!({ "id": w.a_alliance }),
            )
            .await;
        let a = a_shape.ok()["alliance"].clone();
        w.a_convener_org = id(&a["currentLead"]["organization"]["id"]);
        let terms = a["leadTerms"].as_array().unwrap();
        let current = terms.iter().position(|t| t["isCurrent"] == true).unwrap();
        w.a_future_term = id(&terms[current + 1]["id"]);
        let upcoming = a["meetings"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["status"] == "SCHEDULED")
            .expect("the seed has an upcoming meeting in A")
            .clone();
        w.a_meeting = id(&upcoming["id"]);
        w.a_agenda_items = upcoming["agendaItems"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| id(&i["id"]))
            .collect();
        let (resource, booking) = alliance_tests::resources::offer_and_request(
            app,
            &convener,
            &secretary,
            &w.b_haaen,
            &w.b_alliance,
        )
        .await;
        w.b_resource = resource;
        w.b_booking = booking;
        let member = app.token("member@example.com").await;
        w.a_member_user = id(&app
            .gql(Some(&member), "{ me { id } }", json!({}))
            .await
            .ok()["me"]["id"]);
        (w.a_activity, w.b_media_activity, w.b_media) =
            alliance_tests::media::isolation_media(app, CONSORTIUM, PAIRING_MEMBERS_ONLY).await;
        w
    }
}

/// Who looks, and what of B they may see.
pub struct Viewer {
    pub label: &'static str,
    pub token: Option<String>,
    /// Types of B's objects this viewer may read (an empty list: nothing of B).
    pub may_read: &'static [&'static str],
    /// Fields that stay empty even on a readable object.
    pub hidden_fields: &'static [&'static str],
}

/// What an alliance token with only `read:meetings` may read: the meetings and what is inside
/// them. The alliance, its organizations and its people need `read:alliance` (and people
/// `read:members` on an organization token), as `policy::can` decides for `node(id:)`.
pub const MEETING_CONTENT: &[&str] = &[
    "Meeting",
    "AgendaItem",
    "Attendance",
    "Decision",
    "Minutes",
    "ActionItem",
    "ActionItemNote",
];

/// What an alliance token with only `read:alliance` may read: the alliance, its member
/// organizations' profiles, the memberships and the rotation.
pub const ALLIANCE_CONTENT: &[&str] =
    &["Alliance", "AllianceMembership", "LeadTerm", "Organization"];

/// Everyone who must not see B, or only a part of it.
pub async fn outsiders(app: &TestApp, world: &World) -> Vec<Viewer> {
    let nothing: &'static [&'static str] = &[];
    vec![
        Viewer {
            label: "anonymous",
            token: None,
            may_read: nothing,
            hidden_fields: nothing,
        },
        Viewer {
            label: "member of another alliance (李娜, A)",
            token: Some(app.token("member@example.com").await),
            may_read: nothing,
            hidden_fields: nothing,
        },
        Viewer {
            label: "organization admin of another organization (王芳, 省塑料协会 in A)",
            token: Some(app.token("orgadmin@example.com").await),
            may_read: nothing,
            hidden_fields: nothing,
        },
        Viewer {
            label: "secretary of another members-only alliance (高翔, 海疆集团)",
            token: Some(app.token("gao.xiang@example.com").await),
            may_read: nothing,
            hidden_fields: nothing,
        },
        Viewer {
            label: "alliance token of another alliance (A, read:alliance read:meetings)",
            token: Some(world.a_token.clone()),
            may_read: nothing,
            hidden_fields: nothing,
        },
        Viewer {
            label: "organization token of another organization (省塑料协会, read:organization read:members)",
            token: Some(world.a_org_token.clone()),
            may_read: nothing,
            hidden_fields: nothing,
        },
        Viewer {
            label: "token of B with only read:alliance",
            token: Some(world.b_read_alliance_token.clone()),
            may_read: ALLIANCE_CONTENT,
            hidden_fields: nothing,
        },
        Viewer {
            label: "token of B with only read:meetings",
            token: Some(world.b_read_meetings_token.clone()),
            may_read: MEETING_CONTENT,
            // Conveners only; a token is no convener.
            hidden_fields: &[
                "Meeting.checkInCode",
                "Meeting.checkInUrl",
                "Meeting.checkInQrSvg",
            ],
        },
    ]
}
