//! Domain errors → GraphQL errors with a stable `extensions.code`, or `userErrors` in a payload.

use alliance_domain::{Error as DomainError, FieldError};
use async_graphql::{ErrorExtensions, SimpleObject};

/// A validation failure of one input field.
#[derive(SimpleObject, Debug, Clone)]
pub struct UserError {
    /// The input field, as a dotted path: `password`, `scopes.1`.
    pub field: String,
    /// A readable explanation (English); clients translate `code`.
    pub message: String,
    /// Stable code: `REQUIRED`, `TOO_SHORT`, `TOO_LONG`, `INVALID`, `TAKEN`, `EXPIRED`, …
    pub code: String,
}

impl From<FieldError> for UserError {
    fn from(e: FieldError) -> Self {
        Self {
            field: e.field,
            message: e.message,
            code: e.code.to_owned(),
        }
    }
}

/// Seconds a client should wait before sending again a request the database could not serve; in
/// `extensions.retryAfter` (for WebSocket clients, which see no headers) and in HTTP `Retry-After`.
pub const RETRY_AFTER_SECS: u64 = 2;

pub fn coded(message: impl Into<String>, code: &'static str) -> async_graphql::Error {
    async_graphql::Error::new(message).extend_with(|_, ext| ext.set("code", code))
}

pub fn internal(detail: &str) -> async_graphql::Error {
    tracing::error!(detail, "internal error");
    coded("internal error", "INTERNAL")
}

/// Maps a domain error. Internal causes are logged here and never shown.
pub fn gql(e: DomainError) -> async_graphql::Error {
    gql_ref(&e)
}

/// [`gql`] for a shared error (a loader hands one error to every field that waited on its batch):
/// each gets the same code.
pub fn gql_ref(e: &DomainError) -> async_graphql::Error {
    match e {
        DomainError::Internal(cause) => {
            tracing::error!(error = %cause, debug = ?cause, "internal error");
            coded("internal error", "INTERNAL")
        }
        DomainError::Unavailable(cause) => {
            tracing::warn!(error = %cause, "database unavailable");
            async_graphql::Error::new(e.to_string()).extend_with(|_, ext| {
                ext.set("code", "SERVICE_UNAVAILABLE");
                ext.set("retryAfter", RETRY_AFTER_SECS);
            })
        }
        DomainError::RateLimited { retry_after_secs } => {
            let secs = *retry_after_secs;
            async_graphql::Error::new(e.to_string()).extend_with(|_, ext| {
                ext.set("code", "RATE_LIMITED");
                ext.set("retryAfter", secs);
            })
        }
        DomainError::Invalid(fields) => {
            let fields: Vec<String> = fields
                .iter()
                .map(|f| format!("{}: {}", f.field, f.message))
                .collect();
            coded(
                format!("invalid input: {}", fields.join("; ")),
                "BAD_USER_INPUT",
            )
        }
        _ => coded(e.to_string(), e.code()),
    }
}

/// `?` for domain results inside resolvers, keeping the code.
pub trait ResultExt<T> {
    fn gql(self) -> async_graphql::Result<T>;
}

impl<T> ResultExt<T> for Result<T, DomainError> {
    fn gql(self) -> async_graphql::Result<T> {
        self.map_err(gql)
    }
}

/// For mutations: validation failures become `userErrors`, anything else a GraphQL error.
pub fn split<T>(
    result: Result<T, DomainError>,
) -> async_graphql::Result<(Option<T>, Vec<UserError>)> {
    match result {
        Ok(value) => Ok((Some(value), Vec::new())),
        Err(DomainError::Invalid(fields)) => {
            Ok((None, fields.into_iter().map(UserError::from).collect()))
        }
        Err(e) => Err(gql(e)),
    }
}

/// A required relation the viewer may not see (rows always exist: foreign keys): `FORBIDDEN`,
/// never `INTERNAL`, so a hidden organization or person is reported as such.
pub fn hidden(what: &str) -> async_graphql::Error {
    coded(format!("you may not see this {what}"), "FORBIDDEN")
}
