//! Invitations: an organization admin invites by e-mail or phone; the invitee sets a password from
//! a one-time link. The link goes out through the outbox (an e-mail, or a text message when a
//! mobile number is the only contact), enqueued in the invitation's transaction and delivered by a
//! job with retries, so a mail outage neither loses it nor fails the request. It is always handed
//! back to the inviter too, so that it can be passed on by phone or chat.

use super::Auth;
use super::{ClientInfo, IssuedSession, secret};
use crate::entities::{invitation, organization, organization_membership, user};
use crate::kernel::audit::Actor;
use crate::kernel::error::{Error, FieldError, on_constraint};
use crate::kernel::ids::{OrganizationId, UserId};
use crate::kernel::mail::Message;
use crate::kernel::sms::Sms;
use crate::kernel::validation;
use crate::kernel::vocab::Position;
use crate::policy::principal::Principal;
use crate::policy::{self, Action};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QuerySelect, Set, TransactionTrait,
};
use serde_json::json;
use uuid::Uuid;

pub const INVITATION_PREFIX: &str = "ainv_";

#[derive(Debug, Clone)]
pub struct NewInvitation {
    pub organization_id: OrganizationId,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub position: Position,
    pub is_org_admin: bool,
}

#[derive(Debug, Clone)]
pub struct InvitationPreview {
    pub organization_name: String,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub expires_at: DateTime<Utc>,
    pub expired: bool,
    pub accepted: bool,
}

const SECRETARY_TAKEN: (&str, &str, &str, &str) = (
    "organization_memberships_one_secretary",
    "position",
    "TAKEN",
    "the organization already has a secretary",
);

impl Auth<'_> {
    /// Returns the invitation and the link to accept it.
    /// An invitation, for those who may invite to its organization (its admins, platform admins).
    pub async fn invitation_visible(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<Option<invitation::Model>, Error> {
        let Some(found) = invitation::Entity::find_by_id(id).one(&self.db).await? else {
            return Ok(None);
        };
        let Some(facts) = self
            .organizations()
            .organization_facts(OrganizationId(found.organization_id))
            .await?
        else {
            return Ok(None);
        };
        Ok(policy::can(principal, Action::InviteMember, facts.resource()).then_some(found))
    }

    pub async fn invite_member(
        &self,
        principal: &Principal,
        input: NewInvitation,
    ) -> Result<(invitation::Model, String), Error> {
        let facts = self
            .organizations()
            .organization_facts(input.organization_id)
            .await?
            .ok_or(Error::NotFound("organization"))?;
        policy::authorize(principal, Action::InviteMember, facts.resource())?;
        let mut errors = Vec::new();
        let name = validation::required_text(&mut errors, "name", &input.name, 100);
        let email = validation::email(&mut errors, "email", input.email.as_deref());
        let phone = validation::phone(&mut errors, "phone", input.phone.as_deref());
        if input.position == Position::Secretary {
            let has_secretary = organization_membership::Entity::find()
                .filter(organization_membership::Column::OrganizationId.eq(input.organization_id.0))
                .filter(organization_membership::Column::Position.eq(Position::Secretary.as_str()))
                .filter(organization_membership::Column::LeftOn.is_null())
                .one(&self.db)
                .await?
                .is_some();
            if has_secretary {
                errors.push(FieldError::new(
                    "position",
                    "TAKEN",
                    "the organization already has a secretary",
                ));
            }
        }
        if email.is_none() && phone.is_none() {
            errors.push(FieldError::new(
                "email",
                "REQUIRED",
                "give an e-mail address or a mobile number",
            ));
        }
        validation::finish(errors)?;
        let org = organization::Entity::find_by_id(input.organization_id.0)
            .one(&self.db)
            .await?
            .ok_or(Error::NotFound("organization"))?;

        let token = secret::generate(INVITATION_PREFIX);
        let now = self.now();
        let ttl =
            chrono::Duration::from_std(self.config.invitation_ttl).map_err(Error::internal)?;
        let txn = self.db.begin().await?;
        let created = invitation::ActiveModel {
            id: Set(Uuid::now_v7()),
            organization_id: Set(org.id),
            name: Set(name.clone()),
            email: Set(email.clone()),
            phone: Set(phone),
            position: Set(input.position.as_str().to_owned()),
            is_org_admin: Set(input.is_org_admin),
            token_hash: Set(secret::hash(&token)),
            invited_by: Set(principal.user_id().map(|u| u.0)),
            created_at: Set(now),
            expires_at: Set(now + ttl),
            accepted_at: Set(None),
            accepted_user_id: Set(None),
        }
        .insert(&txn)
        .await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "invitation.create",
            "invitation",
            Some(created.id),
            json!({"organization": org.id, "name": name}),
        )
        .await?;
        let url = format!(
            "{}/invitations/{token}",
            self.config.public_url.trim_end_matches('/')
        );
        match (&email, &created.phone) {
            (Some(to), _) => {
                let body = format!(
                    "{name}，您好：\n\n{} 邀请您加入党建联盟平台。请在 7 天内打开以下链接设置密码：\n{url}\n\nYou have been invited to join {} on Alliance. Open the link above within 7 days to set your password.",
                    org.name, org.name
                );
                let message = Message {
                    to: to.clone(),
                    subject: format!("邀请加入 {} / Invitation to {}", org.name, org.name),
                    body,
                };
                self.jobs().send_mail(&txn, &message).await?;
            }
            (None, Some(phone)) => {
                let message = Sms {
                    to: phone.clone(),
                    body: format!(
                        "{name}，{} 邀请您加入党建联盟平台，7 天内打开链接设置密码：{url}",
                        org.name
                    ),
                };
                self.jobs().send_sms(&txn, &message).await?;
            }
            (None, None) => {}
        }
        txn.commit().await?;
        Ok((created, url))
    }

    pub async fn invitation_preview(
        &self,
        token: &str,
    ) -> Result<Option<InvitationPreview>, Error> {
        let Some(found) = invitation::Entity::find()
            .filter(invitation::Column::TokenHash.eq(secret::hash(token)))
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        let org = organization::Entity::find_by_id(found.organization_id)
            .one(&self.db)
            .await?
            .ok_or(Error::NotFound("organization"))?;
        Ok(Some(InvitationPreview {
            organization_name: org.name,
            name: found.name,
            email: found.email,
            phone: found.phone,
            expires_at: found.expires_at,
            expired: found.expires_at <= self.now(),
            accepted: found.accepted_at.is_some(),
        }))
    }

    /// Accepts an invitation: creates the account (or, for an existing account, checks its
    /// password), adds the membership and opens a session, all in one transaction.
    pub async fn accept_invitation(
        &self,
        token: &str,
        password: &str,
        client: &ClientInfo,
    ) -> Result<IssuedSession, Error> {
        let now = self.now();
        let txn = self.db.begin().await?;
        let found = invitation::Entity::find()
            .filter(invitation::Column::TokenHash.eq(secret::hash(token)))
            .lock_exclusive()
            .one(&txn)
            .await?
            .ok_or_else(|| {
                Error::invalid("token", "INVALID", "this invitation link is not valid")
            })?;
        if found.accepted_at.is_some() {
            return Err(Error::invalid(
                "token",
                "ALREADY_ACCEPTED",
                "this invitation has already been accepted",
            ));
        }
        if found.expires_at <= now {
            return Err(Error::invalid(
                "token",
                "EXPIRED",
                "this invitation has expired; ask for a new one",
            ));
        }
        let existing = match (&found.email, &found.phone) {
            (Some(email), _) => {
                user::Entity::find()
                    .filter(user::Column::Email.eq(email.clone()))
                    .one(&txn)
                    .await?
            }
            (None, Some(phone)) => {
                user::Entity::find()
                    .filter(user::Column::Phone.eq(phone.clone()))
                    .one(&txn)
                    .await?
            }
            _ => None,
        };
        let user_id = match existing {
            Some(existing) => {
                // Holding the link must not be enough to take over an existing account, nor
                // a way around the login throttle.
                let attempt = self
                    .reserve_password_attempt(Some(UserId(existing.id)), "", client)
                    .await?;
                let matches = password.chars().count() <= super::password::MAX_LENGTH
                    && self
                        .passwords
                        .verify(password, existing.password_hash.as_deref())
                        .await?;
                if matches {
                    self.password_attempt_succeeded(&attempt).await?;
                } else {
                    self.password_attempt_failed("accept_invitation", &attempt);
                }
                if !matches || existing.disabled_at.is_some() {
                    return Err(Error::invalid(
                        "password",
                        "INCORRECT",
                        "you already have an account: enter its password",
                    ));
                }
                UserId(existing.id)
            }
            None => {
                if let Err(e) = super::password::validate_new("password", password) {
                    return Err(Error::Invalid(vec![e]));
                }
                let hash = self.passwords.hash(password).await?;
                let id = UserId::new();
                user::ActiveModel {
                    id: Set(id.0),
                    name: Set(found.name.clone()),
                    email: Set(found.email.clone()),
                    phone: Set(found.phone.clone()),
                    password_hash: Set(Some(hash)),
                    locale: Set("zh-CN".into()),
                    is_platform_admin: Set(false),
                    disabled_at: Set(None),
                    created_at: Set(now),
                    updated_at: Set(now),
                    version: Set(1),
                }
                .insert(&txn)
                .await
                .map_err(|e| {
                    on_constraint(
                        e,
                        &[(
                            "users_phone_key",
                            "phone",
                            "TAKEN",
                            "this mobile number belongs to another account",
                        )],
                    )
                })?;
                id
            }
        };
        organization_membership::ActiveModel {
            id: Set(Uuid::now_v7()),
            user_id: Set(user_id.0),
            organization_id: Set(found.organization_id),
            position: Set(found.position.clone()),
            is_org_admin: Set(found.is_org_admin),
            joined_on: Set(self.today()),
            left_on: Set(None),
            created_at: Set(now),
        }
        .insert(&txn)
        .await
        .map_err(|e| {
            on_constraint(
                e,
                &[
                    SECRETARY_TAKEN,
                    (
                        "organization_memberships_one_current",
                        "token",
                        "ALREADY_MEMBER",
                        "you are already a member of this organization",
                    ),
                ],
            )
        })?;
        invitation::ActiveModel {
            id: Set(found.id),
            accepted_at: Set(Some(now)),
            accepted_user_id: Set(Some(user_id.0)),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        let issued = self.start_session(&txn, user_id, client).await?;
        self.record_audit(
            &txn,
            Actor {
                user_id: Some(user_id.0),
                token_id: None,
            },
            "invitation.accept",
            "invitation",
            Some(found.id),
            json!({}),
        )
        .await?;
        txn.commit().await?;
        Ok(issued)
    }
}
