//! A person's own account: profile (name, mobile number, language) and e-mail change.

use crate::kernel::context::{principal, services};
use crate::kernel::error::{UserError, split};
use crate::users::types::UserNode;
use alliance_domain::users::profile::ProfileChange;
use async_graphql::{Context, InputObject, Object, SimpleObject};

/// Input for `updateMyProfile`: the new values of every field.
#[derive(InputObject)]
pub struct UpdateMyProfileInput {
    /// Full name, 1 to 100 characters.
    name: String,
    /// Mobile number: optional `+`, then 6 to 20 digits (spaces and dashes ignored); null or blank
    /// removes it (only when the account has an e-mail address). Another account's number answers `TAKEN`.
    phone: Option<String>,
    /// `zh-CN` or `en`: the language of the web client and of notifications.
    locale: String,
    /// `User.version` as last read; a stale one answers `CONFLICT`.
    version: i32,
}

/// The result of `updateMyProfile`.
#[derive(SimpleObject)]
pub struct UpdateMyProfilePayload {
    /// The caller after the change (with its new `version`); null when `userErrors` is not empty.
    user: Option<UserNode>,
    /// Invalid input: `name` `REQUIRED`/`TOO_LONG`, `phone` `INVALID`/`TAKEN`/`REQUIRED`, `locale` `INVALID`.
    user_errors: Vec<UserError>,
}

/// Input for `requestEmailChange`.
#[derive(InputObject)]
pub struct RequestEmailChangeInput {
    /// The new e-mail address; a confirmation link (valid 24 hours) is sent to it.
    new_email: String,
}

/// The result of `requestEmailChange`.
#[derive(SimpleObject)]
pub struct RequestEmailChangePayload {
    /// The address the confirmation link went to (lower-cased); null when `userErrors` is not empty.
    sent_to: Option<String>,
    /// Invalid input: `newEmail` `REQUIRED`, `INVALID`, `UNCHANGED` or `TAKEN`.
    user_errors: Vec<UserError>,
}

/// Input for `confirmEmailChange`.
#[derive(InputObject)]
pub struct ConfirmEmailChangeInput {
    /// The secret token from the confirmation link (`…/confirm-email/<token>`).
    token: String,
}

/// The result of `confirmEmailChange`.
#[derive(SimpleObject)]
pub struct ConfirmEmailChangePayload {
    /// The account's e-mail address now; null when `userErrors` is not empty.
    email: Option<String>,
    /// Invalid input: `token` `INVALID`, `USED`, `EXPIRED` or `EMAIL_TAKEN`.
    user_errors: Vec<UserError>,
}

#[derive(Default)]
pub struct ProfileMutation;

#[Object]
impl ProfileMutation {
    /// Changes the caller's own name, mobile number and language (signed-in people only; tokens
    /// get `FORBIDDEN`).
    async fn update_my_profile(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The new values and the version they were read at.")]
        input: UpdateMyProfileInput,
    ) -> async_graphql::Result<UpdateMyProfilePayload> {
        let result = services(ctx)?
            .users()
            .update_my_profile(
                &*principal(ctx)?,
                ProfileChange {
                    name: input.name,
                    phone: input.phone,
                    locale: input.locale,
                    version: input.version,
                },
            )
            .await;
        let (user, user_errors) = split(result)?;
        Ok(UpdateMyProfilePayload {
            user: user.map(UserNode),
            user_errors,
        })
    }

    /// Sends a confirmation link to a new e-mail address of the caller; the address changes when
    /// the link is opened (`confirmEmailChange`). Repeated requests answer `RATE_LIMITED`.
    async fn request_email_change(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The new address.")] input: RequestEmailChangeInput,
    ) -> async_graphql::Result<RequestEmailChangePayload> {
        let result = services(ctx)?
            .users()
            .request_email_change(&*principal(ctx)?, &input.new_email)
            .await;
        let (sent_to, user_errors) = split(result)?;
        Ok(RequestEmailChangePayload {
            sent_to,
            user_errors,
        })
    }

    /// Switches an account to its new e-mail address with the token of the confirmation link (no
    /// sign-in needed: the link proves the mailbox). The old address is told of the change.
    async fn confirm_email_change(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The token of the confirmation link.")] input: ConfirmEmailChangeInput,
    ) -> async_graphql::Result<ConfirmEmailChangePayload> {
        let result = services(ctx)?
            .users()
            .confirm_email_change(&input.token)
            .await;
        let (user, user_errors) = split(result)?;
        Ok(ConfirmEmailChangePayload {
            email: user.and_then(|u| u.email),
            user_errors,
        })
    }
}
