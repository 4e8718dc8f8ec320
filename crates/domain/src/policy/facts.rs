//! Turns a verified credential into a `Principal` with every relation the policy needs, as of now.

use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::kernel::ids::{AllianceId, OrganizationId, SessionId, UserId};
use crate::kernel::vocab::{GrantedRole, Position};
use crate::policy::principal::{OrgStanding, UserPrincipal};
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use uuid::Uuid;

/// One round trip: the user's current organizations, their current alliances, explicit grants and
/// the alliances whose current lead term belongs to an organization the user acts for.
pub async fn load_user_principal(
    db: &DatabaseConnection,
    user_id: UserId,
    session_id: Option<SessionId>,
    is_platform_admin: bool,
    now: DateTime<Utc>,
) -> Result<UserPrincipal, Error> {
    let today = now.date_naive();
    let rows = db
        .query_all_raw(stmt(
            "WITH orgs AS (
                 SELECT organization_id, position, is_org_admin FROM organization_memberships
                 WHERE user_id = $1 AND joined_on <= $2 AND (left_on IS NULL OR left_on > $2))
             SELECT 'org' AS kind, organization_id AS a, NULL::uuid AS b, position AS extra, is_org_admin AS flag
               FROM orgs
             UNION ALL
             SELECT 'alliance', am.alliance_id, am.organization_id, NULL, NULL
               FROM alliance_memberships am JOIN orgs o USING (organization_id)
              WHERE am.joined_on <= $2 AND (am.left_on IS NULL OR am.left_on > $2)
             UNION ALL
             SELECT 'grant', alliance_id, NULL, role, NULL FROM role_grants WHERE user_id = $1 AND revoked_at IS NULL
             UNION ALL
             SELECT 'lead', lt.alliance_id, lt.organization_id, NULL, NULL
               FROM lead_terms lt JOIN orgs o USING (organization_id)
              WHERE lt.starts_at <= $3 AND lt.ends_at > $3 AND (o.is_org_admin OR o.position = 'secretary')",
            [user_id.0.into(), today.into(), now.into()],
        ))
        .await?;
    let mut principal = UserPrincipal {
        user_id,
        session_id,
        is_platform_admin,
        ..Default::default()
    };
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
            _ => {}
        }
    }
    Ok(principal)
}
