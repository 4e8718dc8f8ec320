//! Sessions, passwords, invitations.

use crate::auth::types::{InvitationNode, InvitationPreviewNode};
use crate::kernel::context::{ApiConfig, principal, request, services};
use crate::kernel::enums::Position;
use crate::kernel::error::{UserError, coded, split};
use crate::kernel::ids::{Kind, decode};
use crate::users::types::UserNode;
use alliance_domain::auth::IssuedSession;
use alliance_domain::auth::invitations::NewInvitation;
use alliance_domain::kernel::ids::OrganizationId;
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};

#[derive(Default)]
pub struct AuthQuery;

#[Object]
impl AuthQuery {
    /// The logged-in user, or null for an anonymous request or an integration token.
    async fn me(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<UserNode>> {
        use crate::kernel::error::ResultExt;
        Ok(services(ctx)?
            .users()
            .me(&*principal(ctx)?)
            .await
            .gql()?
            .map(UserNode))
    }

    /// What an invitation link is for; null when the token is not valid.
    async fn invitation(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The secret token from the invitation link (`…/invite/<token>`).")] token: String,
    ) -> async_graphql::Result<Option<InvitationPreviewNode>> {
        use crate::kernel::error::ResultExt;
        Ok(services(ctx)?
            .auth()
            .invitation_preview(&token)
            .await
            .gql()?
            .map(InvitationPreviewNode::from))
    }
}

/// Credentials for `login`.
#[derive(InputObject)]
pub struct LoginInput {
    /// E-mail address or mobile number.
    login: String,
    /// The account's password.
    password: String,
    /// Set the refresh token as an HttpOnly cookie instead of returning it (the web client does).
    #[graphql(default = false)]
    refresh_token_in_cookie: bool,
}

/// A new session: a short-lived access token and a refresh token to get the next one.
#[derive(SimpleObject, Default)]
pub struct SessionPayload {
    /// Send as `Authorization: Bearer <accessToken>`; valid about 15 minutes.
    access_token: Option<String>,
    /// When `accessToken` expires (UTC); refresh before then.
    expires_at: Option<DateTime<Utc>>,
    /// Null when it was set as an HttpOnly cookie.
    refresh_token: Option<String>,
    /// The signed-in user; null when `userErrors` is not empty.
    user: Option<UserNode>,
    /// Invalid input, one entry per field; empty on success.
    user_errors: Vec<UserError>,
}

/// Input for `refreshSession`.
#[derive(InputObject)]
pub struct RefreshSessionInput {
    /// The refresh token; when omitted, the HttpOnly cookie is used and the rotated token is set as a cookie again.
    refresh_token: Option<String>,
}

/// Input for `logout`.
#[derive(InputObject)]
pub struct LogoutInput {
    /// The session to end; when omitted, the cookie's or else the access token's session.
    refresh_token: Option<String>,
}

/// The result of `logout`.
#[derive(SimpleObject)]
pub struct LogoutPayload {
    /// Whether a session was ended.
    logged_out: bool,
    /// Always empty.
    user_errors: Vec<UserError>,
}

/// Input for `changePassword`.
#[derive(InputObject)]
pub struct ChangePasswordInput {
    /// The caller's current password; a wrong one answers the `userErrors` code `INCORRECT`.
    current_password: String,
    /// 8 to 128 characters.
    new_password: String,
}

/// The result of `changePassword`.
#[derive(SimpleObject)]
pub struct ChangePasswordPayload {
    /// The caller, after the change; null when `userErrors` is not empty.
    user: Option<UserNode>,
    /// Invalid input: `currentPassword` `INCORRECT`, `newPassword` `TOO_SHORT`/`TOO_LONG`.
    user_errors: Vec<UserError>,
}

/// Input for `inviteMember`.
#[derive(InputObject)]
pub struct InviteMemberInput {
    /// The organization to join; the caller must be its admin or secretary, or a platform admin
    /// (else `FORBIDDEN`).
    organization_id: ID,
    /// The invitee's full name, 1 to 100 characters.
    name: String,
    /// E-mail address or phone (at least one).
    email: Option<String>,
    /// Mobile number: optional `+`, then 6 to 20 digits (spaces and dashes ignored).
    phone: Option<String>,
    /// The position the invitee will hold; `SECRETARY` answers `TAKEN` when the organization already has one.
    #[graphql(default_with = "Position::Member")]
    position: Position,
    /// Whether the invitee will be an organization admin.
    #[graphql(default = false)]
    is_org_admin: bool,
}

/// The result of `inviteMember`: the invitation and its one-time link.
#[derive(SimpleObject)]
pub struct InviteMemberPayload {
    /// The invitation; null when `userErrors` is not empty.
    invitation: Option<InvitationNode>,
    /// The one-time link (also mailed when an e-mail address was given), to pass on by phone or chat.
    accept_url: Option<String>,
    /// Invalid input: `name` `REQUIRED`/`TOO_LONG`, `email`/`phone` `INVALID`, `email` `REQUIRED` when neither is given, `position` `TAKEN`.
    user_errors: Vec<UserError>,
}

/// Input for `acceptInvitation`.
#[derive(InputObject)]
pub struct AcceptInvitationInput {
    /// The secret token from the invitation link. Answers the `userErrors` codes `INVALID`, `EXPIRED`, `ALREADY_ACCEPTED` or `ALREADY_MEMBER`.
    token: String,
    /// The new password (8 to 128 characters), or the existing account's password.
    password: String,
    /// Set the refresh token as an HttpOnly cookie instead of returning it (the web client does).
    #[graphql(default = false)]
    refresh_token_in_cookie: bool,
}

#[derive(Default)]
pub struct AuthMutation;

fn cookie_header(config: &ApiConfig, value: &str, max_age: u64) -> String {
    let secure = if config.refresh_cookie_secure {
        "; Secure"
    } else {
        ""
    };
    format!(
        "{}={value}; Path=/graphql; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}",
        config.refresh_cookie_name
    )
}

fn set_refresh_cookie(ctx: &Context<'_>, token: &str) -> async_graphql::Result<()> {
    let config = ctx
        .data::<ApiConfig>()
        .map_err(|_| crate::kernel::error::internal("api config missing"))?;
    ctx.append_http_header(
        "Set-Cookie",
        cookie_header(config, token, config.refresh_cookie_max_age_secs),
    );
    Ok(())
}

fn clear_refresh_cookie(ctx: &Context<'_>) -> async_graphql::Result<()> {
    let config = ctx
        .data::<ApiConfig>()
        .map_err(|_| crate::kernel::error::internal("api config missing"))?;
    ctx.append_http_header("Set-Cookie", cookie_header(config, "", 0));
    Ok(())
}

async fn session_payload(
    ctx: &Context<'_>,
    result: Result<IssuedSession, alliance_domain::Error>,
    in_cookie: bool,
) -> async_graphql::Result<SessionPayload> {
    let (issued, user_errors) = split(result)?;
    let Some(issued) = issued else {
        return Ok(SessionPayload {
            user_errors,
            ..Default::default()
        });
    };
    // The rest of this response is read as the person who just signed in.
    let services = crate::kernel::context::services(ctx)?;
    let principal = services
        .auth()
        .authenticate(&issued.access_token)
        .await
        .map_err(crate::kernel::error::gql)?;
    crate::kernel::context::request(ctx)?.viewer.set(principal);
    let user = services
        .users()
        .me(&*crate::kernel::context::principal(ctx)?)
        .await
        .map_err(crate::kernel::error::gql)?;
    let refresh_token = if in_cookie {
        set_refresh_cookie(ctx, &issued.refresh_token)?;
        None
    } else {
        Some(issued.refresh_token)
    };
    Ok(SessionPayload {
        access_token: Some(issued.access_token),
        expires_at: Some(issued.expires_at),
        refresh_token,
        user: user.map(UserNode),
        user_errors,
    })
}

#[Object]
impl AuthMutation {
    /// Logs in with an e-mail address or mobile number. Wrong credentials answer `UNAUTHENTICATED`
    /// (the same for an unknown account); repeated failures answer `RATE_LIMITED` with `retryAfter`.
    async fn login(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The credentials.")] input: LoginInput,
    ) -> async_graphql::Result<SessionPayload> {
        let request = request(ctx)?;
        let result = services(ctx)?
            .auth()
            .login(&input.login, &input.password, &request.client)
            .await;
        session_payload(ctx, result, input.refresh_token_in_cookie).await
    }

    /// Exchanges a refresh token for a new pair. Each refresh token works once: presenting a used
    /// one again revokes the whole session.
    async fn refresh_session(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The refresh token, or none to use the session cookie.")]
        input: RefreshSessionInput,
    ) -> async_graphql::Result<SessionPayload> {
        let request = request(ctx)?;
        let (token, from_cookie) = match input.refresh_token {
            Some(token) => (token, false),
            None => match &request.refresh_cookie {
                Some(cookie) => (cookie.clone(), true),
                None => {
                    return Err(coded(
                        "no refresh token: give one or send the session cookie",
                        "UNAUTHENTICATED",
                    ));
                }
            },
        };
        let result = services(ctx)?.auth().refresh_session(&token).await;
        if from_cookie && result.is_err() {
            clear_refresh_cookie(ctx)?;
        }
        session_payload(ctx, result, from_cookie).await
    }

    /// Ends a session and clears the session cookie.
    async fn logout(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The session to end.")] input: LogoutInput,
    ) -> async_graphql::Result<LogoutPayload> {
        use crate::kernel::error::ResultExt;
        let request = request(ctx)?;
        let token = input
            .refresh_token
            .or_else(|| request.refresh_cookie.clone());
        let logged_out = services(ctx)?
            .auth()
            .logout(&request.viewer.get(), token.as_deref())
            .await
            .gql()?;
        clear_refresh_cookie(ctx)?;
        Ok(LogoutPayload {
            logged_out,
            user_errors: Vec::new(),
        })
    }

    /// Changes the caller's password; every other session of theirs is ended.
    async fn change_password(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The current and the new password.")] input: ChangePasswordInput,
    ) -> async_graphql::Result<ChangePasswordPayload> {
        let request = request(ctx)?;
        let result = services(ctx)?
            .auth()
            .change_password(
                &request.viewer.get(),
                &input.current_password,
                &input.new_password,
                &request.client,
            )
            .await;
        let (user, user_errors) = split(result)?;
        Ok(ChangePasswordPayload {
            user: user.map(UserNode),
            user_errors,
        })
    }

    /// Invites a person to an organization (organization admins). The invitee sets a password from the link.
    async fn invite_member(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Who to invite, where, and in which position.")] input: InviteMemberInput,
    ) -> async_graphql::Result<InviteMemberPayload> {
        let organization_id = OrganizationId(decode(
            &input.organization_id,
            Kind::Organization,
            "organizationId",
        )?);
        let result = services(ctx)?
            .auth()
            .invite_member(
                &*principal(ctx)?,
                NewInvitation {
                    organization_id,
                    name: input.name,
                    email: input.email,
                    phone: input.phone,
                    position: input.position.into(),
                    is_org_admin: input.is_org_admin,
                },
            )
            .await;
        let (created, user_errors) = split(result)?;
        let (invitation, accept_url) = match created {
            Some((invitation, url)) => (Some(InvitationNode(invitation)), Some(url)),
            None => (None, None),
        };
        Ok(InviteMemberPayload {
            invitation,
            accept_url,
            user_errors,
        })
    }

    /// Accepts an invitation and logs the invitee in.
    async fn accept_invitation(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The invitation token and the password.")] input: AcceptInvitationInput,
    ) -> async_graphql::Result<SessionPayload> {
        let request = request(ctx)?;
        let result = services(ctx)?
            .auth()
            .accept_invitation(&input.token, &input.password, &request.client)
            .await;
        session_payload(ctx, result, input.refresh_token_in_cookie).await
    }
}
