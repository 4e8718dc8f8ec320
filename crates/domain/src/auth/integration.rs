//! Integration tokens: opaque, prefixed, shown once, stored hashed, scoped to one alliance or
//! organization, expiring, revocable, with last-used time.

use super::Auth;
use super::secret;
use super::sessions::INTEGRATION_PREFIX;
use crate::entities::integration_token;
use crate::kernel::audit::Actor;
use crate::kernel::db::stmt;
use crate::kernel::error::{Error, FieldError};
use crate::kernel::ids::{AllianceId, IntegrationTokenId, OrganizationId};
use crate::kernel::pagination::{Page, PageRequest};
use crate::kernel::validation;
use crate::kernel::vocab::Scope;
use crate::policy::principal::{IntegrationPrincipal, Principal, TokenTarget};
use crate::policy::{self, Action};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};
use serde_json::json;

pub const DEFAULT_LIFETIME_DAYS: i64 = 90;
pub const MAX_LIFETIME_DAYS: i64 = 366;

#[derive(Debug, Clone, Default)]
pub struct NewIntegrationToken {
    pub name: String,
    pub scopes: Vec<String>,
    pub alliance_id: Option<AllianceId>,
    pub organization_id: Option<OrganizationId>,
    pub expires_at: Option<DateTime<Utc>>,
}

impl Auth<'_> {
    /// Creates a token; the secret is returned here and never again.
    pub async fn create_integration_token(
        &self,
        principal: &Principal,
        input: NewIntegrationToken,
    ) -> Result<(integration_token::Model, String), Error> {
        let mut errors = Vec::new();
        let name = validation::required_text(&mut errors, "name", &input.name, 100);
        if input.scopes.is_empty() {
            errors.push(FieldError::new(
                "scopes",
                "REQUIRED",
                "choose at least one scope",
            ));
        }
        let mut scopes = Vec::new();
        for (i, scope) in input.scopes.iter().enumerate() {
            match Scope::parse(scope.trim()) {
                Some(s) if !scopes.contains(&s.as_str().to_owned()) => {
                    scopes.push(s.as_str().to_owned())
                }
                Some(_) => {}
                None => errors.push(FieldError::new(
                    format!("scopes.{i}"),
                    "INVALID",
                    format!("unknown scope `{scope}`"),
                )),
            }
        }
        let now = self.now();
        let expires_at = input
            .expires_at
            .unwrap_or(now + Duration::days(DEFAULT_LIFETIME_DAYS));
        if expires_at <= now {
            errors.push(FieldError::new(
                "expiresAt",
                "IN_PAST",
                "must be in the future",
            ));
        } else if expires_at > now + Duration::days(MAX_LIFETIME_DAYS) {
            errors.push(FieldError::new(
                "expiresAt",
                "TOO_LATE",
                "must be within a year",
            ));
        }
        let target = match (input.alliance_id, input.organization_id) {
            (Some(a), None) => Some(TokenTarget::Alliance(a)),
            (None, Some(o)) => Some(TokenTarget::Organization(o)),
            _ => {
                errors.push(FieldError::new(
                    "allianceId",
                    "REQUIRED",
                    "give exactly one of allianceId and organizationId",
                ));
                None
            }
        };
        // A scope that does nothing on that kind of target is refused rather than kept.
        if let Some(target) = target {
            let allowed = policy::scopes_for_target(target.kind());
            for (i, scope) in input.scopes.iter().enumerate() {
                if Scope::parse(scope.trim()).is_some_and(|s| !allowed.contains(&s)) {
                    errors.push(FieldError::new(
                        format!("scopes.{i}"),
                        "NOT_FOR_TARGET",
                        format!("`{scope}` does nothing on this kind of target"),
                    ));
                }
            }
        }
        validation::finish(errors)?;
        let Some(target) = target else {
            return Err(Error::Forbidden);
        };
        self.authorize_token_target(principal, target).await?;

        let secret = secret::generate(INTEGRATION_PREFIX);
        let txn = self.db.begin().await?;
        let token = integration_token::ActiveModel {
            id: Set(IntegrationTokenId::new().0),
            name: Set(name),
            prefix: Set(secret.chars().take(INTEGRATION_PREFIX.len() + 6).collect()),
            token_hash: Set(secret::hash(&secret)),
            scopes: Set(scopes.clone()),
            alliance_id: Set(input.alliance_id.map(|a| a.0)),
            organization_id: Set(input.organization_id.map(|o| o.0)),
            created_by: Set(principal.user_id().map(|u| u.0)),
            created_at: Set(now),
            expires_at: Set(expires_at),
            revoked_at: Set(None),
            last_used_at: Set(None),
        }
        .insert(&txn)
        .await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "integration_token.create",
            "integration_token",
            Some(token.id),
            json!({"name": token.name, "scopes": scopes}),
        )
        .await?;
        txn.commit().await?;
        Ok((token, secret))
    }

    async fn authorize_token_target(
        &self,
        principal: &Principal,
        target: TokenTarget,
    ) -> Result<(), Error> {
        match target {
            TokenTarget::Alliance(id) => {
                let alliance = self
                    .alliances()
                    .alliance_facts(id)
                    .await?
                    .ok_or(Error::NotFound("alliance"))?;
                policy::authorize(principal, Action::ManageAllianceTokens, alliance.resource())
            }
            TokenTarget::Organization(id) => {
                let facts = self
                    .organizations()
                    .organization_facts(id)
                    .await?
                    .ok_or(Error::NotFound("organization"))?;
                policy::authorize(
                    principal,
                    Action::ManageOrganizationTokens,
                    facts.resource(),
                )
            }
        }
    }

    /// Tokens the principal may manage: all for platform admins; otherwise those they created or
    /// that target an alliance they administer or an organization they act for.
    /// `only` narrows the list to one token (for `node(id:)`).
    pub async fn integration_tokens_matching(
        &self,
        principal: &Principal,
        page: PageRequest,
        only: Option<uuid::Uuid>,
    ) -> Result<(Page<integration_token::Model>, u64), Error> {
        let scope = policy::readable_tokens(principal).ok_or(Error::Forbidden)?;
        let mut query = integration_token::Entity::find();
        if !scope.all {
            let ids = |v: &[uuid::Uuid]| v.to_vec();
            let alliances: Vec<uuid::Uuid> = scope.alliances.iter().map(|a| a.0).collect();
            let organizations: Vec<uuid::Uuid> = scope.organizations.iter().map(|o| o.0).collect();
            query = query.filter(
                Condition::any()
                    .add(integration_token::Column::CreatedBy.eq(scope.creator.map(|u| u.0)))
                    .add(integration_token::Column::AllianceId.is_in(ids(&alliances)))
                    .add(integration_token::Column::OrganizationId.is_in(ids(&organizations))),
            );
        }
        if let Some(id) = only {
            query = query.filter(integration_token::Column::Id.eq(id));
        }
        crate::kernel::pagination::page_by_id(&self.db, query, integration_token::Column::Id, page)
            .await
    }

    pub async fn revoke_integration_token(
        &self,
        principal: &Principal,
        id: IntegrationTokenId,
    ) -> Result<integration_token::Model, Error> {
        let token = integration_token::Entity::find_by_id(id.0)
            .one(&self.db)
            .await?
            .ok_or(Error::NotFound("integration token"))?;
        let target = match (token.alliance_id, token.organization_id) {
            (Some(a), _) => TokenTarget::Alliance(AllianceId(a)),
            (_, Some(o)) => TokenTarget::Organization(OrganizationId(o)),
            _ => return Err(Error::Forbidden),
        };
        let is_creator =
            token.created_by.is_some() && token.created_by == principal.user_id().map(|u| u.0);
        if !is_creator {
            self.authorize_token_target(principal, target).await?;
        }
        if token.revoked_at.is_some() {
            return Ok(token);
        }
        let txn = self.db.begin().await?;
        let revoked = integration_token::ActiveModel {
            id: Set(token.id),
            revoked_at: Set(Some(self.now())),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "integration_token.revoke",
            "integration_token",
            Some(token.id),
            json!({}),
        )
        .await?;
        txn.commit().await?;
        Ok(revoked)
    }

    pub(crate) async fn authenticate_integration_token(
        &self,
        secret: &str,
    ) -> Result<Principal, Error> {
        const REJECTED: Error =
            Error::Unauthenticated("invalid, expired or revoked integration token");
        let now = self.now();
        let token = integration_token::Entity::find()
            .filter(integration_token::Column::TokenHash.eq(secret::hash(secret)))
            .one(&self.db)
            .await?
            .ok_or(REJECTED)?;
        if token.revoked_at.is_some() || token.expires_at <= now {
            return Err(REJECTED);
        }
        // A token acts on its creator's authority: it ends when the creator is disabled, or gone.
        let creator_active = match token.created_by {
            Some(creator) => self
                .db
                .query_one_raw(stmt(
                    "SELECT 1 AS active FROM users WHERE id = $1 AND disabled_at IS NULL",
                    [creator.into()],
                ))
                .await?
                .is_some(),
            None => false,
        };
        if !creator_active {
            return Err(REJECTED);
        }
        let target = match (token.alliance_id, token.organization_id) {
            (Some(a), _) => TokenTarget::Alliance(AllianceId(a)),
            (_, Some(o)) => TokenTarget::Organization(OrganizationId(o)),
            _ => return Err(REJECTED),
        };
        // Written at most once a minute per token, so that busy integrations do not write per request.
        if token
            .last_used_at
            .is_none_or(|t| now - t > Duration::seconds(60))
        {
            self.db
                .execute_raw(stmt(
                    "UPDATE integration_tokens SET last_used_at = $2 WHERE id = $1",
                    [token.id.into(), now.into()],
                ))
                .await?;
        }
        Ok(Principal::Integration(IntegrationPrincipal::new(
            IntegrationTokenId(token.id),
            token
                .scopes
                .iter()
                .filter_map(|s| Scope::parse(s))
                .collect(),
            target,
        )))
    }
}
