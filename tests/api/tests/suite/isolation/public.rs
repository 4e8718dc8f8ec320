//! A public alliance shows its profile, and nothing else, to anyone.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use super::introspection::{Schema, is_empty, objects_with_ids, short};
use super::world::{PLATFORM_ADMIN, PUBLIC_PAIRING, World, must};
use super::{error_codes, fail_on, nodes_of_b};
use alliance_tests::TestApp;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};

/// What anyone may read of a public alliance, by type. Everything else read through it must be
/// empty: null, an empty list, or a connection with `totalCount` 0.
const PUBLIC_ALLOW_LIST: &[(&str, &[&str])] = &[
    (
        "Alliance",
        &[
            "id",
            "name",
            "nameEn",
            "kind",
            "status",
            "foundedOn",
            "supervisingBody",
            "instructor",
            "rotationPeriod",
            "visibility",
            "version",
            "members",
            "currentLead",
            "leadTerms",
            // The version of the (public) lead schedule.
            "leadScheduleVersion",
            // Non-null and about the viewer (empty for outsiders) or the proposal deadline rule.
            "viewerRoles",
            "agendaDeadlineDays",
            // The zone its public lead terms and dates are shown in, and its date today.
            "timeZone",
            "today",
        ],
    ),
    (
        "AllianceMembership",
        // `alliance` leads back to a public alliance, checked against this same list.
        &[
            "id",
            "alliance",
            "organization",
            "joinedOn",
            "rotationOrder",
        ],
    ),
    (
        "Organization",
        &[
            "id",
            "name",
            "nameEn",
            "kind",
            "region",
            "hostEntity",
            "foundedOn",
            "honours",
            "version",
            // The public alliances it belongs to; a members-only one must not show (checked by id).
            "alliances",
        ],
    ),
    (
        "LeadTerm",
        &[
            "id",
            "organization",
            "startsAt",
            "endsAt",
            "isCurrent",
            "version",
        ],
    ),
];

fn publicly_readable(ty: &str, field: &str) -> bool {
    PUBLIC_ALLOW_LIST
        .iter()
        .any(|(t, fields)| *t == ty && fields.contains(&field))
}

/// Violations of the allow-list, one per viewer and `Type.field`, with an example path and value.
type PublicViolations = BTreeMap<(String, String), (String, String, usize)>;

fn walk_public(value: &Value, path: &str, who: &str, out: &mut PublicViolations) {
    match value {
        Value::Array(items) => {
            for item in items {
                walk_public(item, path, who, out);
            }
        }
        Value::Object(object) => {
            let ty = object
                .get("__typename")
                .and_then(Value::as_str)
                .unwrap_or_default();
            if ty.ends_with("Connection") {
                walk_public(&object["nodes"], path, who, out);
                return;
            }
            for (field, child) in object {
                if field == "__typename" {
                    continue;
                }
                if publicly_readable(ty, field) {
                    walk_public(child, &format!("{path}.{field}"), who, out);
                } else if !is_empty(child) {
                    out.entry((who.to_owned(), format!("{ty}.{field}")))
                        .or_insert_with(|| (path.to_owned(), short(child), 0))
                        .2 += 1;
                }
            }
        }
        _ => {}
    }
}

#[tokio::test]
async fn a_public_alliance_shows_only_its_profile_to_outsiders() {
    let app = TestApp::new().await;
    let schema = Schema::load(&app).await;
    let world = World::build(&app).await;
    let mut b_ids: BTreeSet<String> = nodes_of_b(&app, &schema, &world)
        .await
        .found
        .into_keys()
        .collect();
    let admin = app.token(PLATFORM_ADMIN).await;
    let public = app.alliance_id(PUBLIC_PAIRING).await;
    let flame = app.organization_id("南方阻燃党支部").await;

    // What the public pairing holds beyond its profile: a handover report, an upcoming meeting
    // with draft minutes (the seed adds past meetings with check-ins, so attendance rates are set),
    // and one member that also belongs to the members-only alliance.
    let terms = app
        .gql(
            Some(&admin),
            "query($id: ID!) { alliance(id: $id) { leadTerms { id isCurrent } } }",
            json!({ "id": public }),
        )
        .await;
    let terms = terms.ok()["alliance"]["leadTerms"]
        .as_array()
        .unwrap()
        .clone();
    let current = terms.iter().position(|t| t["isCurrent"] == true).unwrap();
    must(&app, &admin, "mutation($id: ID!) { submitHandoverReport(input: {id: $id, report: \"交接：内部总结\"}) { leadTerm { id } userErrors { field code } } }", json!({ "id": terms[current - 1]["id"] })).await;
    let starts = app.clock_now() + chrono::Duration::days(30);
    let meeting = must(&app, &admin, "mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id } userErrors { field code } } }",
        json!({ "input": { "allianceId": public, "title": "联席会议（内部）", "startsAt": starts, "endsAt": starts + chrono::Duration::hours(1) } })).await;
    must(&app, &admin, "mutation($m: ID!) { saveMinutes(input: {meetingId: $m, body: \"草稿\"}) { minutes { version } userErrors { field code } } }", json!({ "m": meeting["meeting"]["id"] })).await;
    let joined = must(&app, &admin, "mutation($a: ID!, $o: ID!, $d: NaiveDate!) { addAllianceMember(input: {allianceId: $a, organizationId: $o, joinedOn: $d}) { membership { id } userErrors { field code } } }",
        json!({ "a": world.b_alliance, "o": flame, "d": app.clock_now().date_naive() })).await;
    b_ids.insert(joined["membership"]["id"].as_str().unwrap().to_owned());

    let selection = schema.selection("Alliance", 3);
    let query = format!(
        "query($id: ID!) {{ alliance(id: $id) {{ {selection} }} alliances(first: 5) {{ nodes {{ {selection} }} }} }}"
    );

    // The control: there is something to leak, and the query is valid.
    let full = app.gql(Some(&admin), &query, json!({ "id": public })).await;
    let shown = &full.ok()["alliance"];
    assert!(shown["workingRules"].is_string());
    assert!(shown["meetings"]["totalCount"].as_i64().unwrap() > 0);
    assert!(
        shown["leadTerms"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["handoverReport"].is_string())
    );
    assert!(
        shown["members"]["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["attendanceRate"].is_number())
    );

    let viewers = [
        ("anonymous", None, vec![]),
        (
            "member of another alliance (李娜, A)",
            Some(app.token("member@example.com").await),
            vec![world.a_alliance.clone()],
        ),
        (
            "secretary of a members-only alliance (高翔, 海疆集团)",
            Some(app.token("gao.xiang@example.com").await),
            vec![app.alliance_id("海疆集团—惠州石化HSE中心党建共建").await],
        ),
        (
            "alliance token of another alliance (A)",
            Some(world.a_token.clone()),
            vec![world.a_alliance.clone()],
        ),
    ];
    let mut violations = BTreeSet::new();
    let mut beyond = PublicViolations::new();
    for (who, token, own) in &viewers {
        let answer = app
            .gql(token.as_deref(), &query, json!({ "id": public }))
            .await;
        for (code, detail) in error_codes(&answer) {
            if !["FORBIDDEN", "NOT_FOUND", "UNAUTHENTICATED"].contains(&code.as_str()) {
                violations.insert(format!("[{who}] error {code}: {detail}"));
            }
        }
        let data = answer.data();
        if token.is_none() {
            assert_eq!(data["alliance"]["name"], PUBLIC_PAIRING, "{}", answer.body);
        }
        let mut alliances: Vec<&Value> = vec![&data["alliance"]];
        alliances.extend(data["alliances"]["nodes"].as_array().into_iter().flatten());
        for alliance in alliances {
            let Some(id) = alliance["id"].as_str() else {
                continue;
            };
            if own.iter().any(|o| o == id) {
                continue;
            }
            if id == world.b_alliance {
                violations.insert(format!("[{who}] the members-only alliance is listed"));
            }
            let name = alliance["name"].as_str().unwrap_or_default();
            walk_public(alliance, &format!("Alliance({name})"), who, &mut beyond);
            let mut reached = Vec::new();
            objects_with_ids(alliance, &mut reached);
            for (ty, id, _) in reached {
                if b_ids.contains(&id) {
                    violations.insert(format!(
                        "[{who}] {ty} of the members-only alliance reached through public {name}"
                    ));
                }
            }
        }
    }
    for ((who, field), (path, value, count)) in beyond {
        violations.insert(format!(
            "[{who}] {field} = {value} (via {path}; {count} time(s))"
        ));
    }
    fail_on("fields beyond the public profile", &violations);
}
