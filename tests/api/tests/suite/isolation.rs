//! Visibility by construction, proven from the schema itself (issue 6).
//!
//! Every query here is built from introspection, so a field or type added tomorrow is walked the
//! same way without editing this file:
//! - every `Node` of a members-only alliance, fetched through `node(id:)` with every field (one
//!   level of nesting), as everyone who must not see it;
//! - a public alliance, read with every field three levels deep, against an explicit allow-list
//!   of what anyone may read;
//! - every mutation that takes an `ID`, given ids of another alliance by someone with full rights
//!   in their own;
//! - every schema element has a description.
//!
//! Each test collects all violations and prints them before failing.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

mod introspection;
mod world;

use alliance_tests::{Gql, TestApp};
use introspection::{Schema, is_empty, named, objects_with_ids, short};
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use world::{PLATFORM_ADMIN, PUBLIC_PAIRING, Viewer, World, must, outsiders};

/// How deep the `node(id:)` walk selects: every field of the node, of the objects it holds, and
/// of the objects those hold (so `Meeting.attendances.user` is read, not only `attendances`).
const NODE_DEPTH: usize = 2;

/// Types that only wrap others; what they hold is checked, not they themselves.
const WRAPPERS: &[&str] = &["PageInfo"];

/// Prints every violation, then fails.
#[track_caller]
fn fail_on(what: &str, violations: &BTreeSet<String>) {
    if !violations.is_empty() {
        let listed: Vec<&str> = violations.iter().map(String::as_str).collect();
        panic!("{} {what}:\n  {}", violations.len(), listed.join("\n  "));
    }
}

/// Error codes that mean "not for you"; anything else (above all `INTERNAL`) is a violation.
fn refusal_codes(viewer: &Viewer) -> &'static [&'static str] {
    if viewer.token.is_none() {
        &["FORBIDDEN", "NOT_FOUND", "UNAUTHENTICATED"]
    } else {
        &["FORBIDDEN", "NOT_FOUND"]
    }
}

fn error_codes(answer: &Gql) -> Vec<(String, String)> {
    answer
        .errors()
        .as_array()
        .map(|errors| {
            errors
                .iter()
                .map(|e| {
                    (
                        e["extensions"]["code"]
                            .as_str()
                            .unwrap_or("(no code)")
                            .to_owned(),
                        format!("{} at {}", e["message"], e["path"]),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

// ---------------------------------------------------------------------------------------------
// 1. Nothing of a members-only alliance reaches an outsider through any field.
// ---------------------------------------------------------------------------------------------

/// Every `Node` reachable from B, with who may read it (a platform admin, or the owner of a
/// notification), found by following every field one level deep from B and the seeds only
/// reachable from their owners (tokens, invitations, notifications), until nothing new turns
/// up. Other alliances (public ones, reached from an organization's `alliances`) are not
/// followed: they are not B's. Seeds that even their reader cannot fetch through `node(id:)` come
/// back apart: the control fails for them.
struct NodesOfB {
    found: BTreeMap<String, (String, &'static str)>,
    /// Id and why it fails the control.
    unreadable: Vec<(String, String)>,
}

async fn nodes_of_b(app: &TestApp, schema: &Schema, world: &World) -> NodesOfB {
    let query = schema.node_query(NODE_DEPTH);
    let node_types = schema.node_types();
    let mut readers: BTreeMap<&str, String> = BTreeMap::new();
    let mut found: BTreeMap<String, (String, &'static str)> = BTreeMap::new();
    let mut unreadable = Vec::new();
    let mut queue: Vec<(String, &'static str)> = vec![
        (world.b_alliance.clone(), PLATFORM_ADMIN),
        (world.b_token.clone(), PLATFORM_ADMIN),
        (world.b_invitation.clone(), PLATFORM_ADMIN),
    ];
    queue.extend(world.b_notifications.iter().cloned());
    while let Some((id, reader)) = queue.pop() {
        if found.contains_key(&id) || found.len() > 400 {
            continue;
        }
        if !readers.contains_key(reader) {
            readers.insert(reader, app.token(reader).await);
        }
        let answer = app
            .gql(Some(&readers[reader]), &query, json!({ "id": id }))
            .await;
        let node = &answer.ok()["node"];
        let Some(ty) = node["__typename"].as_str() else {
            let message = format!(
                "[control] {reader} gets null from node(id: {id}) (created in World::build; \
                 a Node type that node(id:) does not resolve)"
            );
            unreadable.push((id, message));
            continue;
        };
        found.insert(id, (ty.to_owned(), reader));
        let mut reached = Vec::new();
        objects_with_ids(node, &mut reached);
        for (ty, id, _) in reached {
            let other_alliance = ty == "Alliance" && id != world.b_alliance;
            if node_types.contains(&ty) && !other_alliance && !found.contains_key(&id) {
                queue.push((id, PLATFORM_ADMIN));
            }
        }
    }
    NodesOfB { found, unreadable }
}

/// The violations in one answer to `node(id:)` for `viewer`.
fn node_violations(
    schema: &Schema,
    viewer: &Viewer,
    ty: &str,
    id: &str,
    answer: &Gql,
    out: &mut BTreeSet<String>,
) {
    for (code, detail) in error_codes(answer) {
        if !refusal_codes(viewer).contains(&code.as_str()) {
            let _ = id;
            out.insert(format!("[{}] {ty}: error {code}: {detail}", viewer.label));
        }
    }
    if answer.status >= 500 {
        out.insert(format!("[{}] {ty}: HTTP {}", viewer.label, answer.status));
    }
    walk_readable(schema, viewer, &answer.data()["node"], ty, out);
}

/// Whether `viewer` may see this object of B.
fn readable(viewer: &Viewer, ty: &str, object: &Value) -> bool {
    if WRAPPERS.contains(&ty) {
        return true;
    }
    // Draft minutes are for conveners and supervisors; none of the outsiders is one.
    if ty == "Minutes" && object["status"] != "APPROVED" {
        return false;
    }
    viewer.may_read.contains(&ty)
}

fn walk_readable(
    schema: &Schema,
    viewer: &Viewer,
    value: &Value,
    path: &str,
    out: &mut BTreeSet<String>,
) {
    match value {
        Value::Array(items) => {
            for item in items {
                walk_readable(schema, viewer, item, path, out);
            }
        }
        Value::Object(object) => {
            let Some(ty) = object.get("__typename").and_then(Value::as_str) else {
                return;
            };
            if let Some(node_ty) = schema.connection_node(ty) {
                let probe = json!({ "status": "APPROVED" });
                if !readable(viewer, &node_ty, &probe) && !is_empty(value) {
                    out.insert(format!(
                        "[{}] {path}: {} of {node_ty} (totalCount {})",
                        viewer.label,
                        object["nodes"].as_array().map_or(0, Vec::len),
                        object["totalCount"]
                    ));
                }
                walk_readable(schema, viewer, &object["nodes"], path, out);
                return;
            }
            if !readable(viewer, ty, value) {
                out.insert(format!("[{}] {path}: {ty} comes back", viewer.label));
                return;
            }
            for (field, child) in object {
                if field == "__typename" {
                    continue;
                }
                let key = format!("{ty}.{field}");
                if viewer.hidden_fields.contains(&key.as_str()) && !is_empty(child) {
                    out.insert(format!(
                        "[{}] {path}.{field} = {}",
                        viewer.label,
                        short(child)
                    ));
                }
                walk_readable(schema, viewer, child, &format!("{path}.{field}"), out);
            }
        }
        _ => {}
    }
}

#[tokio::test]
async fn no_node_of_a_members_only_alliance_reaches_an_outsider_through_any_field() {
    let app = TestApp::new().await;
    let schema = Schema::load(&app).await;
    let world = World::build(&app).await;
    let NodesOfB {
        found: nodes,
        unreadable,
    } = nodes_of_b(&app, &schema, &world).await;

    // Every Node type has an object of B to look at; a new type needs a seed in `World`.
    let covered: BTreeSet<&str> = nodes.values().map(|(ty, _)| ty.as_str()).collect();
    let missing: Vec<String> = schema
        .node_types()
        .into_iter()
        .filter(|t| !covered.contains(t.as_str()))
        .collect();
    let mut violations: BTreeSet<String> = unreadable.iter().map(|(_, m)| m.clone()).collect();
    for ty in missing {
        violations.insert(format!(
            "[control] no readable {ty} of the members-only alliance: create one in world::World::build"
        ));
    }

    // The control (in `nodes_of_b`): a platform admin or the owner read every one of them with
    // the same query, without an error.
    let query = schema.node_query(NODE_DEPTH);

    // Ids the control could not read are still asked for: nobody else may get them either.
    let mut asked: Vec<(&str, &str)> = nodes
        .iter()
        .map(|(id, (ty, _))| (id.as_str(), ty.as_str()))
        .collect();
    asked.extend(
        unreadable
            .iter()
            .map(|(id, _)| (id.as_str(), "(unresolved)")),
    );
    for viewer in outsiders(&app, &world).await {
        for &(id, ty) in &asked {
            let answer = app
                .gql(viewer.token.as_deref(), &query, json!({ "id": id }))
                .await;
            node_violations(&schema, &viewer, ty, id, &answer, &mut violations);
        }
    }
    println!(
        "walked {} nodes of B ({} types) as {} viewers",
        nodes.len(),
        covered.len(),
        outsiders(&app, &world).await.len()
    );
    fail_on("leaks of the members-only alliance", &violations);
}

/// Root fields left out of the root walk, and why.
const ROOT_FIELDS_NOT_WALKED: &[(&str, &str)] = &[
    ("node", "walked object by object above"),
    (
        "invitation",
        "takes the secret invitation token, which only the invitee has",
    ),
];

/// Arguments for root fields, aimed at B: a required one must be here, an optional one named
/// here is filled in (so `meetings(allianceId:)` asks for B's meetings outright).
fn root_argument(w: &World, field: &str, arg: &str, ids: &[&str]) -> Option<Value> {
    Some(match (field, arg) {
        (_, "first") => json!(10),
        ("nodes", "ids") => json!(ids),
        ("alliance", "id") => json!(w.b_alliance),
        ("organization", "id") => json!(w.b_haaen),
        ("meeting", "id") => json!(w.b_meeting),
        (_, "allianceId") => json!(w.b_alliance),
        (_, "includeDone" | "includePast") => json!(true),
        _ => return None,
    })
}

#[tokio::test]
async fn no_root_query_reveals_a_members_only_alliance_to_an_outsider() {
    let app = TestApp::new().await;
    let schema = Schema::load(&app).await;
    let world = World::build(&app).await;
    // B's convener assigns B's work to a person of A; if the server lets that through (a
    // cross-alliance write, refused in the mutation test), that person must still not read B.
    let convener = app.token(world::B_CONVENER).await;
    app.gql(Some(&convener), "mutation($m: ID!, $o: ID!, $u: ID) { createActionItem(input: {meetingId: $m, title: \"外单位任务\", assigneeOrganizationId: $o, assigneeUserId: $u}) { actionItem { id } } }",
        json!({ "m": world.b_meeting, "o": world.b_haaen, "u": world.a_member_user })).await;
    let nodes = nodes_of_b(&app, &schema, &world).await.found;
    let ids: Vec<&str> = nodes.keys().map(String::as_str).take(100).collect();

    let mut queries = Vec::new();
    for field in schema.fields("Query") {
        let name = field["name"].as_str().unwrap_or_default();
        if ROOT_FIELDS_NOT_WALKED.iter().any(|(f, _)| *f == name) {
            continue;
        }
        let mut args = Vec::new();
        for arg in field["args"].as_array().into_iter().flatten() {
            let arg_name = arg["name"].as_str().unwrap_or_default();
            match root_argument(&world, name, arg_name, &ids) {
                Some(value) => args.push(format!("{arg_name}: {value}")),
                None if arg["type"]["kind"] == "NON_NULL" && arg["defaultValue"].is_null() => {
                    panic!(
                        "Query.{name}({arg_name}:) is required: add it to root_argument or ROOT_FIELDS_NOT_WALKED"
                    )
                }
                None => {}
            }
        }
        let args = if args.is_empty() {
            String::new()
        } else {
            format!("({})", args.join(", "))
        };
        let target = named(&field["type"]).name;
        let selection = schema.select_field(name, &args, &target, NODE_DEPTH);
        queries.push((name.to_owned(), format!("{{ {selection} }}")));
    }

    // The control: the platform admin's answers are valid and hold B's objects.
    let admin = app.token(PLATFORM_ADMIN).await;
    let mut seen_by_admin = 0;
    for (name, query) in &queries {
        let answer = app.gql(Some(&admin), query, json!({})).await;
        let mut reached = Vec::new();
        objects_with_ids(answer.ok(), &mut reached);
        seen_by_admin += reached
            .iter()
            .filter(|(_, id, _)| nodes.contains_key(id))
            .count();
        let _ = name;
    }
    assert!(
        seen_by_admin > 0,
        "the root walk reaches B as a platform admin"
    );

    let mut violations = BTreeSet::new();
    for viewer in outsiders(&app, &world).await {
        for (name, query) in &queries {
            let answer = app.gql(viewer.token.as_deref(), query, json!({})).await;
            for (code, detail) in error_codes(&answer) {
                if !refusal_codes(&viewer).contains(&code.as_str()) {
                    violations.insert(format!(
                        "[{}] Query.{name}: error {code}: {detail}",
                        viewer.label
                    ));
                }
            }
            let mut reached = Vec::new();
            objects_with_ids(answer.data(), &mut reached);
            for (ty, id, object) in reached {
                if nodes.contains_key(&id) && !readable(&viewer, &ty, object) {
                    violations.insert(format!("[{}] Query.{name} reaches {ty} of B", viewer.label));
                }
            }
        }
    }
    fail_on(
        "root queries revealing the members-only alliance",
        &violations,
    );
}

// ---------------------------------------------------------------------------------------------
// 1b. A public alliance shows its profile, and nothing else, to anyone.
// ---------------------------------------------------------------------------------------------

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
            // Non-null and about the viewer (empty for outsiders) or the proposal deadline rule.
            "viewerRoles",
            "agendaDeadlineDays",
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
        "query($id: ID!) {{ alliance(id: $id) {{ {selection} }} alliances(first: 20) {{ nodes {{ {selection} }} }} }}"
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

// ---------------------------------------------------------------------------------------------
// 2. Ids of another alliance in mutations are refused.
// ---------------------------------------------------------------------------------------------

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
fn cases(w: &World, starts: chrono::DateTime<chrono::Utc>) -> Vec<Case> {
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
            json!({ "allianceId": w.b_alliance }),
            &["allianceId"],
        ),
        case(
            "swapLeadTerms",
            SECRETARIAT,
            json!({ "firstId": w.a_future_term, "secondId": w.b_future_term }),
            &["secondId"],
        ),
        case(
            "skipLeadTerm",
            SECRETARIAT,
            json!({ "id": w.b_future_term }),
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
        case(
            "revokeCalendarFeed",
            MEMBER,
            json!({ "id": w.b_feed }),
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
    let table = cases(&world, app.clock_now() + chrono::Duration::days(40));

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

// ---------------------------------------------------------------------------------------------
// 3. Every schema element has a description an integrator can act on.
// ---------------------------------------------------------------------------------------------

const BUILT_IN_SCALARS: &[&str] = &["String", "Int", "Float", "Boolean", "ID"];

fn undocumented(element: &Value) -> bool {
    element["description"]
        .as_str()
        .is_none_or(|d| d.trim().is_empty())
}

#[tokio::test]
async fn every_schema_element_has_a_description() {
    let app = TestApp::empty().await;
    let schema = Schema::load(&app).await;
    let mut missing = BTreeSet::new();
    for (name, ty) in &schema.types {
        if name.starts_with("__") || BUILT_IN_SCALARS.contains(&name.as_str()) {
            continue;
        }
        if undocumented(ty) {
            missing.insert(format!("type {name}"));
        }
        for field in ty["fields"].as_array().into_iter().flatten() {
            let field_name = field["name"].as_str().unwrap_or_default();
            if undocumented(field) {
                missing.insert(format!("field {name}.{field_name}"));
            }
            for arg in field["args"].as_array().into_iter().flatten() {
                if undocumented(arg) {
                    missing.insert(format!(
                        "argument {name}.{field_name}({})",
                        arg["name"].as_str().unwrap_or_default()
                    ));
                }
            }
        }
        for field in ty["inputFields"].as_array().into_iter().flatten() {
            if undocumented(field) {
                missing.insert(format!(
                    "input field {name}.{}",
                    field["name"].as_str().unwrap_or_default()
                ));
            }
        }
        for value in ty["enumValues"].as_array().into_iter().flatten() {
            if undocumented(value) {
                missing.insert(format!(
                    "enum value {name}.{}",
                    value["name"].as_str().unwrap_or_default()
                ));
            }
        }
    }
    fail_on("schema elements without a description", &missing);
}
