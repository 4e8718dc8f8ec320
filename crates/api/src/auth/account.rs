//! Forgot password: requesting a one-time link and setting a new password with it.

use crate::kernel::context::{request, services};
use crate::kernel::error::{UserError, split};
use async_graphql::{Context, InputObject, Object, SimpleObject};

/// Input for `requestPasswordReset`.
#[derive(InputObject)]
pub struct RequestPasswordResetInput {
    /// The account's e-mail address or mobile number, as typed at login.
    login: String,
}

/// The result of `requestPasswordReset`. It is the same whether the login names an account or
/// not, so that it tells nobody which accounts exist.
#[derive(SimpleObject)]
pub struct RequestPasswordResetPayload {
    /// True once the request was taken; a link (valid 30 minutes, usable once) is sent by e-mail,
    /// or by text message when the account has only a mobile number, if the login names an account.
    accepted: bool,
    /// Invalid input: `login` `REQUIRED` or `INVALID`.
    user_errors: Vec<UserError>,
}

/// Input for `resetPassword`.
#[derive(InputObject)]
pub struct ResetPasswordInput {
    /// The secret token from the reset link (`…/reset-password/<token>`).
    token: String,
    /// The new password, 8 to 128 characters.
    new_password: String,
}

/// The result of `resetPassword`.
#[derive(SimpleObject)]
pub struct ResetPasswordPayload {
    /// True when the password was changed; every session of the account has then ended.
    password_reset: bool,
    /// Invalid input: `token` `INVALID`, `USED` or `EXPIRED`; `newPassword` `TOO_SHORT`/`TOO_LONG`.
    user_errors: Vec<UserError>,
}

#[derive(Default)]
pub struct AccountRecoveryMutation;

#[Object]
impl AccountRecoveryMutation {
    /// Asks for a password-reset link (no sign-in needed). Always answers `accepted: true` for a
    /// well-formed login, known or not; repeated requests for one login or from one address answer
    /// `RATE_LIMITED` with `retryAfter`.
    async fn request_password_reset(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The login to send the link for.")] input: RequestPasswordResetInput,
    ) -> async_graphql::Result<RequestPasswordResetPayload> {
        let request = request(ctx)?;
        let result = services(ctx)?
            .auth()
            .request_password_reset(&input.login, &request.client)
            .await;
        let (done, user_errors) = split(result)?;
        Ok(RequestPasswordResetPayload {
            accepted: done.is_some(),
            user_errors,
        })
    }

    /// Sets a new password with the token of a reset link. The link works once; every session of
    /// the account ends, so the person signs in again with the new password.
    async fn reset_password(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The token of the link and the new password.")] input: ResetPasswordInput,
    ) -> async_graphql::Result<ResetPasswordPayload> {
        let result = services(ctx)?
            .auth()
            .reset_password(&input.token, &input.new_password)
            .await;
        let (done, user_errors) = split(result)?;
        Ok(ResetPasswordPayload {
            password_reset: done.is_some(),
            user_errors,
        })
    }
}
