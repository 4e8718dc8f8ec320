//! Turns the policy's list scopes into SQL, so that a batch or a list only ever selects rows the
//! principal may see — the filter runs before the page is cut, never after.

use crate::kernel::local_time;
use crate::policy::{AllianceScope, OrganizationScope};
use chrono::{DateTime, Utc};
use sea_orm::Value;
use sea_orm::sea_query::{Expr, SimpleExpr};
use uuid::Uuid;

fn ids(scope: &AllianceScope) -> Vec<Uuid> {
    scope.ids.iter().map(|a| a.0).collect()
}

/// `column` (an alliance id) is in `scope`, for the query builder.
pub(crate) fn alliance_in(column: &str, scope: &AllianceScope) -> SimpleExpr {
    Expr::cust_with_values(
        format!(
            "($1 OR {column} = ANY($2) OR ($3 AND {column} IN (SELECT id FROM alliances WHERE visibility = 'public')))"
        ),
        [
            Value::from(scope.all),
            Value::from(ids(scope)),
            Value::from(scope.public),
        ],
    )
}

/// `column` (an alliance id) is in `scope`, as raw SQL whose parameters start at `$first`.
pub(crate) fn alliance_in_sql(
    column: &str,
    scope: &AllianceScope,
    first: usize,
) -> (String, Vec<Value>) {
    let (a, b, c) = (first, first + 1, first + 2);
    (
        format!(
            "(${a} OR {column} = ANY(${b}) OR (${c} AND {column} IN (SELECT id FROM alliances WHERE visibility = 'public')))"
        ),
        vec![
            Value::from(scope.all),
            Value::from(ids(scope)),
            Value::from(scope.public),
        ],
    )
}

/// `column` (an organization id) is in `scope` — one of its own organizations, or a current member
/// of one of its alliances (as of `now`, in each alliance's zone) — as raw SQL whose parameters
/// start at `$first`.
pub(crate) fn organization_in_sql(
    column: &str,
    scope: &OrganizationScope,
    now: DateTime<Utc>,
    first: usize,
) -> (String, Vec<Value>) {
    let (a, b, c, d, e) = (first, first + 1, first + 2, first + 3, first + 4);
    let today = local_time::today_sql(&format!("${e}"), "al.time_zone");
    (
        format!(
            "(${a} OR {column} = ANY(${b}) OR {column} IN (
                SELECT am.organization_id FROM alliance_memberships am JOIN alliances al ON al.id = am.alliance_id
                 WHERE am.joined_on <= {today} AND (am.left_on IS NULL OR am.left_on > {today})
                   AND (am.alliance_id = ANY(${c}) OR (${d} AND al.visibility = 'public'))))"
        ),
        vec![
            Value::from(scope.all),
            Value::from(scope.ids.iter().map(|o| o.0).collect::<Vec<_>>()),
            Value::from(ids(&scope.via_alliances)),
            Value::from(scope.via_alliances.public),
            Value::from(now),
        ],
    )
}

/// `column` (a meeting id) belongs to a meeting of an alliance in `scope`, for the query builder.
pub(crate) fn meeting_in(column: &str, scope: &AllianceScope) -> SimpleExpr {
    Expr::cust_with_values(
        format!("{column} IN (SELECT id FROM meetings WHERE $1 OR alliance_id = ANY($2))"),
        [Value::from(scope.all), Value::from(ids(scope))],
    )
}
