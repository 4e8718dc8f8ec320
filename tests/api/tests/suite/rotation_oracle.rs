//! The rotation's oracle for the tests: the schedule read straight from the database, and the
//! invariant checked apart from the server's own check (see `crates/domain/src/rotation/cycles.rs`):
//! terms begin and end at local midnight, and every cycle with a term to come gives each member of
//! its plan exactly one turn (a shorter last cycle: no second turn).

#![allow(clippy::unwrap_used)]

use alliance_api::kernel::ids::{Kind, encode};
use alliance_domain::kernel::db::stmt;
use alliance_domain::kernel::local_time::{local_date, zone_or_default};
use alliance_tests::TestApp;
use chrono::{DateTime, NaiveDate, Timelike, Utc};
use sea_orm::ConnectionTrait;
use serde_json::json;
use std::collections::{BTreeMap, HashSet};
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

pub fn gid(term: Uuid) -> String {
    encode(Kind::LeadTerm, term).0
}

pub async fn version(app: &TestApp, token: &str, alliance: &str) -> i64 {
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
