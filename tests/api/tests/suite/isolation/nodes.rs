//! Nothing of a members-only alliance reaches an outsider: not through `node(id:)` with every
//! field, not through any root query.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use super::introspection::{Schema, is_empty, named, objects_with_ids, short};
use super::world::{self, PLATFORM_ADMIN, Viewer, World, outsiders};
use super::{NODE_DEPTH, NodesOfB, error_codes, fail_on, nodes_of_b, readable, refusal_codes};
use alliance_tests::{Gql, TestApp};
use serde_json::{Value, json};
use std::collections::BTreeSet;

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
        ("media", "ownerId") => json!(w.b_media_activity),
        ("sharedResource", "id") => json!(w.b_resource),
        ("agreement", "id") => json!(w.b_agreement),
        ("document", "id") => json!(w.b_document),
        ("activity", "id") => json!(w.b_activity),
        ("newsArticle", "id") => json!(w.b_news_article),
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
