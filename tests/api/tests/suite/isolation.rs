//! Visibility by construction, proven from the schema itself (issue 6).
//!
//! Every query here is built from introspection, so a field or type added tomorrow is walked the
//! same way without editing these files:
//! - `nodes`: every `Node` of a members-only alliance, fetched through `node(id:)` with every
//!   field (two levels of nesting), and every root query, as everyone who must not see it;
//! - `public`: a public alliance, read with every field three levels deep, against an explicit
//!   allow-list of what anyone may read;
//! - `mutations`: every mutation that takes an `ID`, given ids of another alliance by someone
//!   with full rights in their own;
//! - `descriptions`: every schema element has a description.
//!
//! Each test collects all violations and prints them before failing. They are expected to fail
//! until the read paths are fixed; never weaken them to pass.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

mod introspection;
mod mutations;
mod nodes;
mod public;
mod world;

use alliance_tests::{Gql, TestApp};
use introspection::{Schema, objects_with_ids};
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use world::{PLATFORM_ADMIN, Viewer, World};

/// How deep the `node(id:)` walk selects: every field of the node, of the objects it holds, and
/// of the objects those hold (so `Meeting.attendances.user` is read, not only `attendances`).
pub(crate) const NODE_DEPTH: usize = 2;

/// Types that only wrap others; what they hold is checked, not they themselves.
const WRAPPERS: &[&str] = &["PageInfo"];

/// Prints every violation, then fails.
#[track_caller]
pub(crate) fn fail_on(what: &str, violations: &BTreeSet<String>) {
    if !violations.is_empty() {
        let listed: Vec<&str> = violations.iter().map(String::as_str).collect();
        panic!("{} {what}:\n  {}", violations.len(), listed.join("\n  "));
    }
}

/// Error codes that mean "not for you"; anything else (above all `INTERNAL`) is a violation.
pub(crate) fn refusal_codes(viewer: &Viewer) -> &'static [&'static str] {
    if viewer.token.is_none() {
        &["FORBIDDEN", "NOT_FOUND", "UNAUTHENTICATED"]
    } else {
        &["FORBIDDEN", "NOT_FOUND"]
    }
}

pub(crate) fn error_codes(answer: &Gql) -> Vec<(String, String)> {
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

/// Whether `viewer` may see this object of B.
pub(crate) fn readable(viewer: &Viewer, ty: &str, object: &Value) -> bool {
    if WRAPPERS.contains(&ty) {
        return true;
    }
    // Draft minutes are for conveners and supervisors; none of the outsiders is one.
    if ty == "Minutes" && object["status"] != "APPROVED" {
        return false;
    }
    viewer.may_read.contains(&ty)
}

/// Every `Node` reachable from B, with who may read it (a platform admin, or the owner of a
/// notification), found by following every field one level deep from B and the seeds only
/// reachable from their owners (tokens, invitations, notifications), until nothing new turns
/// up. Other alliances (public ones, reached from an organization's `alliances`) are not
/// followed: they are not B's. Seeds that even their reader cannot fetch through `node(id:)` come
/// back apart: the control fails for them.
pub(crate) struct NodesOfB {
    pub(crate) found: BTreeMap<String, (String, &'static str)>,
    /// Id and why it fails the control.
    pub(crate) unreadable: Vec<(String, String)>,
}

pub(crate) async fn nodes_of_b(app: &TestApp, schema: &Schema, world: &World) -> NodesOfB {
    let query = schema.node_query(NODE_DEPTH);
    let node_types = schema.node_types();
    let mut readers: BTreeMap<&str, String> = BTreeMap::new();
    let mut found: BTreeMap<String, (String, &'static str)> = BTreeMap::new();
    let mut unreadable = Vec::new();
    let mut queue: Vec<(String, &'static str)> = vec![
        (world.b_alliance.clone(), PLATFORM_ADMIN),
        (world.b_token.clone(), PLATFORM_ADMIN),
        (world.b_invitation.clone(), PLATFORM_ADMIN),
        (world.b_grant.clone(), PLATFORM_ADMIN),
        (world.b_media.clone(), PLATFORM_ADMIN),
    ];
    queue.extend(
        world
            .b_audit_entries
            .iter()
            .map(|e| (e.clone(), PLATFORM_ADMIN)),
    );
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
