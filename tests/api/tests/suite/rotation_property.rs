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

use alliance_api::kernel::ids::{Kind, encode};
use alliance_domain::kernel::db::stmt;
use alliance_domain::kernel::local_time::{local_date, zone_or_default};
use alliance_tests::{CONSORTIUM, TestApp};
use chrono::{DateTime, Duration, NaiveDate, Timelike, Utc};
use sea_orm::ConnectionTrait;
use serde_json::json;
use std::collections::{BTreeMap, HashMap, HashSet};
use uuid::Uuid;

/// A small deterministic generator (xorshift64*), so that a seed replays a sequence exactly.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub id: Uuid,
    pub organization: Uuid,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub plan: DateTime<Utc>,
    pub handover: Option<String>,
}

pub async fn alliance_uuid(app: &TestApp, name: &str) -> Uuid {
    let row = app
        .services
        .db
        .query_one_raw(stmt(
            "SELECT id FROM alliances WHERE name = $1",
            [name.into()],
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get("", "id").unwrap()
}

pub async fn terms(app: &TestApp, alliance: Uuid) -> Vec<Term> {
    let rows = app
        .services
        .db
        .query_all_raw(stmt(
            "SELECT id, organization_id, starts_at, ends_at, plan_starts_at, handover_report
             FROM lead_terms WHERE alliance_id = $1 ORDER BY starts_at",
            [alliance.into()],
        ))
        .await
        .unwrap();
    rows.iter()
        .map(|r| Term {
            id: r.try_get("", "id").unwrap(),
            organization: r.try_get("", "organization_id").unwrap(),
            starts_at: r.try_get("", "starts_at").unwrap(),
            ends_at: r.try_get("", "ends_at").unwrap(),
            plan: r.try_get("", "plan_starts_at").unwrap(),
            handover: r.try_get("", "handover_report").unwrap(),
        })
        .collect()
}

/// The organizations that are members on `day`.
pub async fn members_on(app: &TestApp, alliance: Uuid, day: NaiveDate) -> HashSet<Uuid> {
    let rows = app
        .services
        .db
        .query_all_raw(stmt(
            "SELECT organization_id FROM alliance_memberships
             WHERE alliance_id = $1 AND joined_on <= $2 AND (left_on IS NULL OR left_on > $2)",
            [alliance.into(), day.into()],
        ))
        .await
        .unwrap();
    rows.iter()
        .map(|r| r.try_get("", "organization_id").unwrap())
        .collect()
}

/// A cycle with a term to come: its terms' ids, in order.
pub struct Cycle {
    pub ids: Vec<Uuid>,
}

/// The oracle: checks the invariant of the schedule as it is now, and returns its cycles.
pub async fn check_invariant(app: &TestApp, alliance: Uuid, context: &str) -> Vec<Cycle> {
    let zone = zone_or_default("Asia/Shanghai");
    let now = app.clock_now();
    let all = terms(app, alliance).await;
    for t in &all {
        let (s, e) = (
            t.starts_at.with_timezone(&zone),
            t.ends_at.with_timezone(&zone),
        );
        assert!(
            s.hour() == 0 && s.minute() == 0 && e.hour() == 0 && e.minute() == 0,
            "{context}: term {} is not from local midnight to local midnight: {s} – {e}",
            t.id
        );
    }
    let mut plans: BTreeMap<DateTime<Utc>, Vec<&Term>> = BTreeMap::new();
    for t in &all {
        plans.entry(t.plan).or_default().push(t);
    }
    let mut cycles = Vec::new();
    for (plan, list) in plans {
        let members = members_on(app, alliance, local_date(plan, zone)).await;
        let n = members.len();
        assert!(
            n > 0 || list.iter().all(|t| t.starts_at <= now),
            "{context}: a plan without members has terms to come"
        );
        for chunk in list.chunks(n.max(1)) {
            if chunk.iter().all(|t| t.starts_at <= now) {
                continue;
            }
            let orgs: Vec<Uuid> = chunk.iter().map(|t| t.organization).collect();
            let distinct: HashSet<Uuid> = orgs.iter().copied().collect();
            assert_eq!(
                distinct.len(),
                orgs.len(),
                "{context}: a member leads twice in a cycle of plan {plan}: {orgs:?}"
            );
            assert!(
                distinct.is_subset(&members),
                "{context}: a non-member leads in plan {plan}: {orgs:?} vs {members:?}"
            );
            if chunk.len() == n {
                assert_eq!(
                    distinct, members,
                    "{context}: a member lost its turn in plan {plan}"
                );
            }
            cycles.push(Cycle {
                ids: chunk.iter().map(|t| t.id).collect(),
            });
        }
    }
    cycles
}

fn gid(term: Uuid) -> String {
    encode(Kind::LeadTerm, term).0
}

async fn version(app: &TestApp, token: &str, alliance: &str) -> i64 {
    app.gql(
        Some(token),
        "query($id: ID!) { alliance(id: $id) { leadScheduleVersion } }",
        json!({ "id": alliance }),
    )
    .await
    .ok()["alliance"]["leadScheduleVersion"]
        .as_i64()
        .unwrap()
}

pub const GENERATE: &str = "mutation($input: GenerateLeadScheduleInput!) { generateLeadSchedule(input: $input) { userErrors { field code } } }";
pub const SWAP: &str = "mutation($x: ID!, $y: ID!, $v: Int!) { swapLeadTerms(input: {firstId: $x, secondId: $y, leadScheduleVersion: $v}) { userErrors { field code } } }";
pub const SKIP: &str = "mutation($id: ID!, $v: Int!) { skipLeadTerm(input: {id: $id, leadScheduleVersion: $v}) { userErrors { field code } } }";
pub const JOIN: &str = "mutation($a: ID!, $o: ID!, $d: NaiveDate!) { addAllianceMember(input: {allianceId: $a, organizationId: $o, joinedOn: $d}) { userErrors { field code } } }";
pub const LEAVE: &str = "mutation($a: ID!, $o: ID!, $d: NaiveDate!) { removeAllianceMember(input: {allianceId: $a, organizationId: $o, leftOn: $d}) { userErrors { field code } } }";

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
    let admin = app.token("admin@example.com").await;
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
