//! Role grants of an alliance (alliance admin / secretariat, supervisor): who holds them, and
//! revoking them. Granting lives next to the other alliance mutations in `mod.rs`.

use super::Alliances;
use crate::entities::role_grant;
use crate::kernel::audit::Actor;
use crate::kernel::error::Error;
use crate::kernel::ids::{AllianceId, RoleGrantId};
use crate::kernel::pagination::{Page, PageRequest, page_by_id};
use crate::policy::principal::Principal;
use crate::policy::{self, Action, Resource};
use sea_orm::prelude::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, TransactionTrait};
use serde_json::json;

impl Alliances<'_> {
    /// The grants of one alliance, current ones only unless `include_revoked`. Viewers who may not
    /// see them (everyone but platform admins and the alliance's secretariat) get an empty page.
    pub async fn role_grants(
        &self,
        principal: &Principal,
        alliance: AllianceId,
        page: PageRequest,
        include_revoked: bool,
    ) -> Result<(Page<role_grant::Model>, u64), Error> {
        let visible = match self.alliance_facts(alliance).await? {
            Some(facts) => policy::can(principal, Action::ReadRoleGrants, facts.resource()),
            None => false,
        };
        if !visible {
            return Ok((Page::from_rows(Vec::new(), page), 0));
        }
        let mut query =
            role_grant::Entity::find().filter(role_grant::Column::AllianceId.eq(alliance.0));
        if !include_revoked {
            query = query.filter(role_grant::Column::RevokedAt.is_null());
        }
        page_by_id(&self.db, query, role_grant::Column::Id, page).await
    }

    /// One grant, if the viewer may see the grants of its alliance.
    pub async fn role_grant(
        &self,
        principal: &Principal,
        id: RoleGrantId,
    ) -> Result<Option<role_grant::Model>, Error> {
        let Some(grant) = role_grant::Entity::find_by_id(id.0).one(&self.db).await? else {
            return Ok(None);
        };
        let visible = match self.alliance_facts(AllianceId(grant.alliance_id)).await? {
            Some(facts) => policy::can(principal, Action::ReadRoleGrants, facts.resource()),
            None => false,
        };
        Ok(visible.then_some(grant))
    }

    /// Ends a grant now. Who may grant may revoke (platform admins); the holder's rights end with
    /// their next request, since the principal is loaded per request.
    pub async fn revoke_alliance_role(
        &self,
        principal: &Principal,
        id: RoleGrantId,
    ) -> Result<role_grant::Model, Error> {
        let grant = self
            .role_grant(principal, id)
            .await?
            .ok_or(Error::NotFound("role grant"))?;
        policy::authorize(principal, Action::GrantAllianceRole, Resource::Platform)?;
        let already = || {
            Error::invalid(
                "grantId",
                "ALREADY_REVOKED",
                "this role grant was already revoked",
            )
        };
        if grant.revoked_at.is_some() {
            return Err(already());
        }
        let now = self.now();
        let txn = self.db.begin().await?;
        // Conditional on `revoked_at IS NULL`, so two concurrent revocations write one entry.
        let result = role_grant::Entity::update_many()
            .col_expr(role_grant::Column::RevokedAt, Expr::value(now))
            .filter(role_grant::Column::Id.eq(grant.id))
            .filter(role_grant::Column::RevokedAt.is_null())
            .exec(&txn)
            .await?;
        if result.rows_affected == 0 {
            return Err(already());
        }
        self.record_audit(
            &txn,
            Actor::from(principal),
            "alliance.revoke_role",
            "alliance",
            Some(grant.alliance_id),
            json!({"grant": grant.id, "user": grant.user_id, "role": grant.role}),
        )
        .await?;
        txn.commit().await?;
        Ok(role_grant::Model {
            revoked_at: Some(now),
            ..grant
        })
    }
}
