//! Users as others see them: a person is visible to themself, platform admins, and whoever may read
//! the people of one of the person's organizations (now or formerly) or of an alliance where the
//! person holds a role; contact details only where the policy allows.

pub mod admin;
pub mod profile;

use crate::entities::user;
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::kernel::ids::{OrganizationId, UserId};
use crate::policy;
use crate::policy::principal::Principal;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, FromQueryResult, QueryFilter, Value};
use std::collections::HashMap;
use uuid::Uuid;

impl Users<'_> {
    /// The people among `ids` the principal may see, contact details removed where they may not.
    pub async fn users_visible(
        &self,
        principal: &Principal,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, user::Model>, Error> {
        let scope = policy::people_organizations(principal);
        let me = policy::own_user(principal).map(|u| u.0);
        let organizations: Vec<Uuid> = scope.ids.iter().map(|o| o.0).collect();
        let alliances: Vec<Uuid> = scope.via_alliances.ids.iter().map(|a| a.0).collect();
        let rows = self
            .db
            .query_all_raw(stmt(
                "SELECT u.*, ARRAY(SELECT om.organization_id FROM organization_memberships om
                                    WHERE om.user_id = u.id AND om.joined_on <= $6
                                      AND (om.left_on IS NULL OR om.left_on > $6)) AS current_organizations
                   FROM users u
                  WHERE u.id = ANY($1)
                    AND ($2 OR u.id = $3
                         OR EXISTS (SELECT 1 FROM organization_memberships om
                                     WHERE om.user_id = u.id
                                       AND (om.organization_id = ANY($4)
                                            OR om.organization_id IN (SELECT am.organization_id FROM alliance_memberships am
                                                                       WHERE am.alliance_id = ANY($5))))
                         OR EXISTS (SELECT 1 FROM role_grants g
                                     WHERE g.user_id = u.id AND g.revoked_at IS NULL AND g.alliance_id = ANY($5)))",
                [
                    ids.to_vec().into(),
                    scope.all.into(),
                    Value::from(me),
                    organizations.into(),
                    alliances.into(),
                    self.today().into(),
                ],
            ))
            .await?;
        let mut out = HashMap::new();
        for row in rows {
            let mut found = user::Model::from_query_result(&row, "")?;
            let current: Vec<Uuid> = row.try_get("", "current_organizations")?;
            let current: Vec<OrganizationId> = current.into_iter().map(OrganizationId).collect();
            if !policy::may_see_contact(principal, UserId(found.id), &current) {
                found.email = None;
                found.phone = None;
            }
            out.insert(found.id, found);
        }
        Ok(out)
    }

    pub async fn me(&self, principal: &Principal) -> Result<Option<user::Model>, Error> {
        if let Some(profile) = principal.profile() {
            return Ok(Some(profile.clone()));
        }
        match principal.user_id() {
            Some(id) => Ok(user::Entity::find_by_id(id.0).one(&self.db).await?),
            None => Ok(None),
        }
    }

    /// One person, if the principal may see them.
    pub async fn user(
        &self,
        principal: &Principal,
        id: UserId,
    ) -> Result<Option<user::Model>, Error> {
        Ok(self.users_visible(principal, &[id.0]).await?.remove(&id.0))
    }
}

/// People as others see them. The façade of this domain: `services.users()`.
pub struct Users<'a>(&'a crate::Services);

impl crate::Services {
    pub fn users(&self) -> Users<'_> {
        Users(self)
    }
}

impl std::ops::Deref for Users<'_> {
    type Target = crate::Services;

    fn deref(&self) -> &crate::Services {
        self.0
    }
}

/// Normalizes a login: e-mail addresses are case-insensitive, phone numbers lose spaces and dashes.
pub fn normalize_login(login: &str) -> String {
    let trimmed = login.trim();
    if trimmed.contains('@') {
        trimmed.to_lowercase()
    } else {
        trimmed
            .chars()
            .filter(|c| !matches!(c, ' ' | '-'))
            .collect()
    }
}

/// The user an e-mail address or phone number (as typed at login) belongs to.
pub async fn find_user_by_login<C: ConnectionTrait>(
    conn: &C,
    login: &str,
) -> Result<Option<user::Model>, Error> {
    let login = normalize_login(login);
    let column = if login.contains('@') {
        user::Column::Email
    } else {
        user::Column::Phone
    };
    Ok(user::Entity::find()
        .filter(column.eq(login))
        .one(conn)
        .await?)
}
