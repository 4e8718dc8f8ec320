//! The one error type of the domain. Each variant says what a client sees.

use sea_orm::DbErr;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A validation failure of one input field; becomes a `userErrors` entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// Input path, e.g. `password` or `scopes.1`.
    pub field: String,
    pub message: String,
    /// Stable machine-readable code the web client translates (`REQUIRED`, `TOO_SHORT`, …).
    pub code: &'static str,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            code,
            message: message.into(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Client sees `UNAUTHENTICATED`: no valid credentials, or a bad login.
    #[error("{0}")]
    Unauthenticated(&'static str),
    /// Client sees `FORBIDDEN`.
    #[error("you are not allowed to do this")]
    Forbidden,
    /// Client sees `NOT_FOUND`; also used where revealing existence would leak data.
    #[error("{0} not found")]
    NotFound(&'static str),
    /// Client sees `CONFLICT`, e.g. a stale `version`.
    #[error("{0}")]
    Conflict(String),
    /// Client sees a payload with `userErrors`.
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    /// Client sees `RATE_LIMITED` with `retryAfter` seconds.
    #[error("too many attempts, retry in {retry_after_secs} s")]
    RateLimited { retry_after_secs: u64 },
    /// Client sees `INTERNAL`; the cause is logged, never shown.
    #[error("internal error")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

impl Error {
    pub fn invalid(field: &str, code: &'static str, message: impl Into<String>) -> Self {
        Self::Invalid(vec![FieldError::new(field, code, message)])
    }

    pub fn internal(e: impl std::error::Error + Send + Sync + 'static) -> Self {
        Self::Internal(Box::new(e))
    }

    /// The stable code of DESIGN.md §3.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Unauthenticated(_) => "UNAUTHENTICATED",
            Self::Forbidden => "FORBIDDEN",
            Self::NotFound(_) => "NOT_FOUND",
            Self::Conflict(_) => "CONFLICT",
            Self::Invalid(_) => "BAD_USER_INPUT",
            Self::RateLimited { .. } => "RATE_LIMITED",
            Self::Internal(_) => "INTERNAL",
        }
    }
}

impl From<DbErr> for Error {
    fn from(e: DbErr) -> Self {
        Self::internal(e)
    }
}

/// The name of the violated constraint, when a statement failed on one.
pub fn constraint_name(e: &DbErr) -> Option<String> {
    use sea_orm::{RuntimeErr, sqlx};
    let runtime = match e {
        DbErr::Query(r) | DbErr::Exec(r) => r,
        _ => return None,
    };
    match runtime {
        RuntimeErr::SqlxError(err) => match err.as_ref() {
            sqlx::Error::Database(db) => db.constraint().map(str::to_owned),
            _ => None,
        },
        _ => None,
    }
}

/// Maps database constraint names to user-facing errors in one place; anything else stays internal.
pub fn on_constraint(e: DbErr, map: &[(&str, &str, &'static str, &str)]) -> Error {
    if let Some(name) = constraint_name(&e) {
        for (constraint, field, code, message) in map {
            if *constraint == name {
                return Error::invalid(field, code, *message);
            }
        }
    }
    Error::from(e)
}
