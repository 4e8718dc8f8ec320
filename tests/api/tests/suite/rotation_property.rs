//! The rotation's invariant under random sequences of edits, over the API against real Postgres.
//!
//! A seeded random loop rather than `proptest`: every step costs a few round trips to the server
//! and the database, so a few hundred steps in a handful of long sequences find more than many
//! short cases would, and shrinking would need to replay database state. Each seed is printed on
//! failure, with the step and the action, so a failure replays exactly.
//!
//! After every step (generate, swap, skip, join, leave, a stale version, the clock moving forward)
//! the schedule is read straight from the database and checked by an oracle written here, apart
//! from the server's own check: terms begin and end at local midnight, every cycle with a term to
//! come gives each member of its plan one turn (see `crates/domain/src/rotation/cycles.rs`), and no
//! term that had started ever changes.

#![allow(clippy::unwrap_used)]

use crate::rotation_oracle::{
    GENERATE, JOIN, LEAVE, Rng, SKIP, SWAP, Term, alliance_uuid, check_invariant, gid, members_on,
    terms, version,
};
use alliance_api::kernel::ids::{Kind, encode};
use alliance_domain::kernel::local_time::{local_date, zone_or_default};
use alliance_tests::{CONSORTIUM, TestApp};
use chrono::Duration;
use serde_json::json;
use std::collections::{BTreeMap, HashMap, HashSet};
use uuid::Uuid;

/// The codes of the payload's `userErrors`, after asserting there is no top-level error.
fn user_codes(answer: &alliance_tests::Gql, field: &str, context: &str) -> Vec<String> {
    assert!(
        answer.body.get("errors").is_none(),
        "{context}: {}",
        answer.body
    );
    answer.body["data"][field]["userErrors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap().to_owned())
        .collect()
}

async fn run(seed: u64, steps: usize) {
    let app = TestApp::new().await;
    let mut admin = app.token("admin@example.com").await;
    let alliance = alliance_uuid(&app, CONSORTIUM).await;
    let alliance_gid = app.alliance_id(CONSORTIUM).await;
    let zone = zone_or_default("Asia/Shanghai");
    // Newcomers that may join (each at most once).
    let mut newcomers = Vec::new();
    for i in 0..4 {
        let created = app.gql(Some(&admin), "mutation($n: String!) { createOrganization(input: {name: $n, kind: SOCIAL_ORGANIZATION}) { organization { id } } }", json!({ "n": format!("轮值测试单位{i}") })).await;
        newcomers.push(
            created.ok()["createOrganization"]["organization"]["id"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    let mut rng = Rng::new(seed);
    let mut started: HashMap<Uuid, Term> = HashMap::new();
    let mut left: HashSet<Uuid> = HashSet::new();
    let mut outcomes: BTreeMap<String, usize> = BTreeMap::new();
    for step in 0..steps {
        let now = app.clock_now();
        let today = local_date(now, zone);
        let schedule = terms(&app, alliance).await;
        let future: Vec<&Term> = schedule.iter().filter(|t| t.starts_at > now).collect();
        let v = version(&app, &admin, &alliance_gid).await;
        let cycles =
            check_invariant(&app, alliance, &format!("seed {seed} before step {step}")).await;
        let action = rng.below(9);
        let context = format!("seed {seed} step {step} action {action}");
        let outcome = match action {
            0 => {
                let terms_arg = (rng.below(3) > 0).then(|| 1 + rng.below(12));
                let answer = app.gql(Some(&admin), GENERATE, json!({ "input": { "allianceId": alliance_gid, "leadScheduleVersion": v, "terms": terms_arg } })).await;
                let codes = user_codes(&answer, "generateLeadSchedule", &context);
                assert!(
                    codes
                        .iter()
                        .all(|c| ["NO_MEMBERS", "OVERLAP"].contains(&c.as_str())),
                    "{context}: {codes:?}"
                );
                format!("generate {codes:?}")
            }
            1 | 2 if future.len() >= 2 => {
                let a = future[rng.below(future.len())];
                let b = future[rng.below(future.len())];
                let same_cycle = cycles
                    .iter()
                    .any(|c| c.ids.contains(&a.id) && c.ids.contains(&b.id));
                let answer = app
                    .gql(
                        Some(&admin),
                        SWAP,
                        json!({ "x": gid(a.id), "y": gid(b.id), "v": v }),
                    )
                    .await;
                let codes = user_codes(&answer, "swapLeadTerms", &context);
                if same_cycle || a.organization == b.organization {
                    assert!(
                        codes.is_empty(),
                        "{context}: a swap within a cycle is refused: {codes:?}"
                    );
                } else {
                    assert_eq!(codes, ["OTHER_CYCLE"], "{context}");
                }
                format!("swap {codes:?}")
            }
            3 | 4 if !future.is_empty() => {
                let t = future[rng.below(future.len())];
                let last = cycles.iter().any(|c| c.ids.last() == Some(&t.id));
                let answer = app
                    .gql(Some(&admin), SKIP, json!({ "id": gid(t.id), "v": v }))
                    .await;
                let codes = user_codes(&answer, "skipLeadTerm", &context);
                if last {
                    assert_eq!(codes, ["LAST_IN_CYCLE"], "{context}");
                } else {
                    assert!(codes.is_empty(), "{context}: {codes:?}");
                    let after = terms(&app, alliance).await;
                    let moved = after.iter().find(|x| x.id == t.id).unwrap();
                    assert_ne!(
                        moved.organization, t.organization,
                        "{context}: the skipped organization still leads the term"
                    );
                }
                format!("skip {codes:?}")
            }
            5 if !newcomers.is_empty() => {
                let org = newcomers.remove(rng.below(newcomers.len()));
                let answer = app
                    .gql(
                        Some(&admin),
                        JOIN,
                        json!({ "a": alliance_gid, "o": org, "d": today.to_string() }),
                    )
                    .await;
                let codes = user_codes(&answer, "addAllianceMember", &context);
                assert!(codes.is_empty(), "{context}: {codes:?}");
                "join".to_owned()
            }
            6 => {
                let current: Vec<Uuid> = members_on(&app, alliance, today)
                    .await
                    .into_iter()
                    .filter(|m| !left.contains(m))
                    .collect();
                if current.len() <= 2 {
                    "leave (too few members)".to_owned()
                } else {
                    let org = current[rng.below(current.len())];
                    left.insert(org);
                    let leave_on = today + Duration::days(1);
                    let answer = app.gql(Some(&admin), LEAVE, json!({ "a": alliance_gid, "o": encode(Kind::Organization, org).0, "d": leave_on.to_string() })).await;
                    let codes = user_codes(&answer, "removeAllianceMember", &context);
                    assert!(
                        codes.is_empty() || codes == ["BEFORE_JOINING"],
                        "{context}: {codes:?}"
                    );
                    format!("leave {codes:?}")
                }
            }
            7 if !future.is_empty() => {
                // A stale version never applies.
                let t = future[rng.below(future.len())];
                let answer = app
                    .gql(Some(&admin), SKIP, json!({ "id": gid(t.id), "v": v - 1 }))
                    .await;
                assert_eq!(
                    answer.code(),
                    Some("CONFLICT"),
                    "{context}: {}",
                    answer.body
                );
                assert_eq!(
                    terms(&app, alliance).await,
                    schedule,
                    "{context}: a stale edit changed the schedule"
                );
                "stale".to_owned()
            }
            _ => {
                // Time moves forward: by some days, or to just before or after a term's start.
                let next = match future.get(rng.below(3)) {
                    Some(t) if rng.below(2) == 0 => {
                        t.starts_at + Duration::minutes(rng.below(3) as i64 - 1)
                    }
                    _ => now + Duration::days(1 + rng.below(60) as i64),
                };
                app.clock.set(next.max(now));
                // Access tokens expire on the server's clock: sign in again at the new time.
                admin = app.token("admin@example.com").await;
                "clock".to_owned()
            }
        };
        *outcomes.entry(outcome).or_default() += 1;
        let context = format!("seed {seed} after step {step} ({context})");
        check_invariant(&app, alliance, &context).await;
        // Terms that had started never change; record the ones that have started now.
        let now = app.clock_now();
        let after = terms(&app, alliance).await;
        for old in started.values() {
            assert_eq!(
                after.iter().find(|t| t.id == old.id),
                Some(old),
                "{context}: a started term changed"
            );
        }
        for t in after.into_iter().filter(|t| t.starts_at <= now) {
            started.insert(t.id, t);
        }
    }
    // The sequence did exercise the edits, not only refusals.
    let applied = |prefix: &str| {
        outcomes
            .iter()
            .filter(|(k, _)| k.starts_with(prefix) && k.ends_with("[]"))
            .map(|(_, n)| n)
            .sum::<usize>()
    };
    assert!(
        applied("swap") > 0 && applied("skip") > 0 && applied("generate") > 0,
        "seed {seed}: {outcomes:?}"
    );
    assert!(
        outcomes.contains_key("join") && outcomes.contains_key("clock"),
        "seed {seed}: {outcomes:?}"
    );
}

#[tokio::test]
async fn random_edits_joins_leaves_and_time_keep_every_turn_seed_1() {
    run(1, 160).await;
}

#[tokio::test]
async fn random_edits_joins_leaves_and_time_keep_every_turn_seed_2() {
    run(2, 160).await;
}

#[tokio::test]
async fn random_edits_joins_leaves_and_time_keep_every_turn_seed_3() {
    run(3, 160).await;
}
