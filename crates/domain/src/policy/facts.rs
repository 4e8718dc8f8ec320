//! Turns a verified credential into a `Principal` with every relation the policy needs, as of now.

use crate::entities::user;
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::kernel::ids::{AllianceId, OrganizationId, SessionId, UserId};
use crate::kernel::local_time::local_date;
use crate::kernel::vocab::{GrantedRole, Position};
use crate::policy::principal::{OrgStanding, UserPrincipal};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sea_orm::{ConnectionTrait, DatabaseConnection};
use std::sync::Arc;
use uuid::Uuid;

/// The facts of a user as of `now` (`$3`): their current organizations (as of `$2`, today in the
/// deployment's zone), their current alliances (as of today in each alliance's own zone), explicit
/// grants and the alliances whose current lead term belongs to an organization they act for.
const FACTS: &str = "WITH orgs AS (
                 SELECT organization_id, position, is_org_admin FROM organization_memberships
                 WHERE user_id = $1 AND joined_on <= $2 AND (left_on IS NULL OR left_on > $2))
             SELECT 'org' AS kind, organization_id AS a, NULL::uuid AS b, position AS extra, is_org_admin AS flag
               FROM orgs
             UNION ALL
             SELECT 'alliance', am.alliance_id, am.organization_id, NULL, NULL
               FROM alliance_memberships am JOIN orgs o USING (organization_id)
               JOIN alliances al ON al.id = am.alliance_id
              WHERE am.joined_on <= (($3::timestamptz AT TIME ZONE al.time_zone)::date)
                AND (am.left_on IS NULL OR am.left_on > (($3::timestamptz AT TIME ZONE al.time_zone)::date))
             UNION ALL
             SELECT 'grant', alliance_id, NULL, role, NULL FROM role_grants WHERE user_id = $1 AND revoked_at IS NULL
             UNION ALL
             SELECT 'lead', lt.alliance_id, lt.organization_id, NULL, NULL
               FROM lead_terms lt JOIN orgs o USING (organization_id)
              WHERE lt.starts_at <= $3 AND lt.ends_at > $3 AND (o.is_org_admin OR o.position = 'secretary')";

/// A session that is still open, of a user who is not disabled: one more row of the same query,
/// carrying the user's row (without the password hash) as JSON so that `me` needs no other statement.
const SESSION_GATE: &str = "
             UNION ALL
             SELECT 'session', u.id, NULL, (to_jsonb(u) - 'password_hash')::text, u.is_platform_admin
               FROM sessions s JOIN users u ON u.id = s.user_id
              WHERE s.id = $4 AND s.user_id = $1 AND s.revoked_at IS NULL AND u.disabled_at IS NULL";

/// One round trip (`zone` is the deployment's, for organization memberships): the user's current organizations, their current alliances, explicit grants and
/// the alliances whose current lead term belongs to an organization the user acts for.
pub async fn load_user_principal(
    db: &DatabaseConnection,
    user_id: UserId,
    session_id: Option<SessionId>,
    is_platform_admin: bool,
    now: DateTime<Utc>,
    zone: Tz,
) -> Result<UserPrincipal, Error> {
    let rows = db
        .query_all_raw(stmt(
            FACTS,
            [user_id.0.into(), local_date(now, zone).into(), now.into()],
        ))
        .await?;
    let mut principal = UserPrincipal {
        user_id,
        session_id,
        is_platform_admin,
        ..Default::default()
    };
    read_facts(rows, &mut principal)?;
    Ok(principal)
}

/// Like [`load_user_principal`], and in the same round trip checks that the session is still open
/// and the user not disabled (the platform-admin flag is read from the same row). `None` when the
/// session has ended or the user is disabled.
pub async fn load_session_principal(
    db: &DatabaseConnection,
    user_id: UserId,
    session_id: SessionId,
    now: DateTime<Utc>,
    zone: Tz,
) -> Result<Option<UserPrincipal>, Error> {
    let rows = db
        .query_all_raw(stmt(
            &format!("{FACTS}{SESSION_GATE}"),
            [
                user_id.0.into(),
                local_date(now, zone).into(),
                now.into(),
                session_id.0.into(),
            ],
        ))
        .await?;
    let mut principal = UserPrincipal {
        user_id,
        session_id: Some(session_id),
        ..Default::default()
    };
    let open = read_facts(rows, &mut principal)?;
    Ok(open.map(|(is_platform_admin, profile)| UserPrincipal {
        is_platform_admin,
        profile,
        ..principal
    }))
}

/// What the session row says: the user's platform-admin flag and, when it read back, their row.
type SessionRow = (bool, Option<Arc<user::Model>>);

/// Fills the principal from the rows; returns the session row, if there was one.
fn read_facts(
    rows: Vec<sea_orm::QueryResult>,
    principal: &mut UserPrincipal,
) -> Result<Option<SessionRow>, Error> {
    let mut session = None;
    for row in rows {
        let kind: String = row.try_get("", "kind")?;
        let a: Uuid = row.try_get("", "a")?;
        match kind.as_str() {
            "org" => {
                let position: String = row.try_get("", "extra")?;
                let is_admin: bool = row.try_get("", "flag")?;
                principal.organizations.insert(
                    OrganizationId(a),
                    OrgStanding {
                        position: Position::parse(&position).unwrap_or(Position::Member),
                        is_admin,
                    },
                );
            }
            "alliance" => {
                let org: Uuid = row.try_get("", "b")?;
                principal
                    .member_alliances
                    .entry(AllianceId(a))
                    .or_default()
                    .insert(OrganizationId(org));
            }
            "grant" => {
                let role: String = row.try_get("", "extra")?;
                if let Some(role) = GrantedRole::parse(&role) {
                    principal.grants.insert((AllianceId(a), role));
                }
            }
            "lead" => {
                principal.lead_alliances.insert(AllianceId(a));
            }
            "session" => {
                let profile: Option<String> = row.try_get("", "extra")?;
                // A row that does not read back is only a missed shortcut: `me` then asks again.
                let profile = profile
                    .and_then(|json| serde_json::from_str::<user::Model>(&json).ok())
                    .map(Arc::new);
                session = Some((row.try_get("", "flag")?, profile));
            }
            _ => {}
        }
    }
    Ok(session)
}
