//! Users as others see them.

pub mod admin;

use crate::Services;
use crate::entities::user;
use crate::kernel::error::Error;
use crate::kernel::ids::UserId;
use crate::policy::principal::Principal;
use crate::policy::{self, Action};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use std::collections::HashMap;
use uuid::Uuid;

impl Services {
    pub async fn users_by_ids(&self, ids: &[Uuid]) -> Result<HashMap<Uuid, user::Model>, Error> {
        let rows = user::Entity::find()
            .filter(user::Column::Id.is_in(ids.to_vec()))
            .all(&self.db)
            .await?;
        Ok(rows.into_iter().map(|u| (u.id, u)).collect())
    }

    pub async fn me(&self, principal: &Principal) -> Result<Option<user::Model>, Error> {
        match principal.user_id() {
            Some(id) => Ok(user::Entity::find_by_id(id.0).one(&self.db).await?),
            None => Ok(None),
        }
    }

    /// A user is visible to themself, platform admins, and whoever may read the members of one of
    /// the user's current organizations.
    pub async fn user(
        &self,
        principal: &Principal,
        id: UserId,
    ) -> Result<Option<user::Model>, Error> {
        if principal.user_id() != Some(id) && !principal.is_platform_admin() {
            let orgs = self
                .memberships_of_users(
                    &[id.0],
                    crate::kernel::pagination::PageRequest {
                        first: 100,
                        after: None,
                    },
                    false,
                )
                .await?;
            let org_ids: Vec<Uuid> = orgs
                .get(&id.0)
                .map(|m| m.iter().map(|m| m.organization_id).collect())
                .unwrap_or_default();
            let facts = self.organization_facts_many(&org_ids).await?;
            if !facts
                .values()
                .any(|f| policy::can(principal, Action::ReadOrganizationMembers, f.resource()))
            {
                return Ok(None);
            }
        }
        Ok(user::Entity::find_by_id(id.0).one(&self.db).await?)
    }
}
