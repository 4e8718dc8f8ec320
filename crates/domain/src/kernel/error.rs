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
    /// Client sees `SERVICE_UNAVAILABLE` (HTTP `Retry-After`): the database cannot be reached or is
    /// restarting. Nothing was written; the same request may be sent again.
    #[error("the service is unavailable, retry in a moment")]
    Unavailable(#[source] Box<dyn std::error::Error + Send + Sync>),
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
            Self::Unavailable(_) => "SERVICE_UNAVAILABLE",
            Self::Internal(_) => "INTERNAL",
        }
    }
}

/// What a failed statement means for the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DbFailure {
    /// The database cannot be reached, refuses connections or is shutting down.
    Unavailable,
    /// A unique or exclusion constraint: a concurrent request wrote the same thing first.
    Conflict,
    /// A serialization failure or deadlock: the transaction may be run again as it is.
    Retryable,
    /// Anything else: a defect, logged and answered `INTERNAL`.
    Other,
}

/// Classifies a database error by its SQLSTATE (or, without one, by how the driver failed).
pub fn classify(e: &DbErr) -> DbFailure {
    use sea_orm::{RuntimeErr, sqlx};
    let runtime = match e {
        DbErr::ConnectionAcquire(_) => return DbFailure::Unavailable,
        DbErr::Conn(r) | DbErr::Query(r) | DbErr::Exec(r) => r,
        _ => return DbFailure::Other,
    };
    let RuntimeErr::SqlxError(err) = runtime else {
        return DbFailure::Other;
    };
    match err.as_ref() {
        sqlx::Error::Database(db) => classify_sqlstate(db.code().as_deref().unwrap_or("")),
        sqlx::Error::Io(_)
        | sqlx::Error::Tls(_)
        | sqlx::Error::Protocol(_)
        | sqlx::Error::PoolTimedOut
        | sqlx::Error::PoolClosed
        | sqlx::Error::WorkerCrashed
        | sqlx::Error::BeginFailed => DbFailure::Unavailable,
        _ => DbFailure::Other,
    }
}

/// SQLSTATE classes: 08 connection exception, 57P01–57P03 shutdown / cannot connect now,
/// 53 insufficient resources, 23505 unique, 23P01 exclusion, 40001 serialization, 40P01 deadlock.
fn classify_sqlstate(code: &str) -> DbFailure {
    match code {
        "23505" | "23P01" => DbFailure::Conflict,
        "40001" | "40P01" => DbFailure::Retryable,
        "57P01" | "57P02" | "57P03" => DbFailure::Unavailable,
        c if c.starts_with("08") || c.starts_with("53") => DbFailure::Unavailable,
        _ => DbFailure::Other,
    }
}

impl From<DbErr> for Error {
    fn from(e: DbErr) -> Self {
        match classify(&e) {
            DbFailure::Unavailable => Self::Unavailable(Box::new(e)),
            DbFailure::Conflict => {
                tracing::info!(constraint = ?constraint_name(&e), "write lost a race");
                Self::Conflict("a concurrent change wrote this first; read it again".into())
            }
            DbFailure::Retryable => {
                Self::Conflict("a concurrent change got in the way; send the request again".into())
            }
            DbFailure::Other => Self::internal(e),
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlstates_map_to_what_the_client_can_do() {
        assert_eq!(classify_sqlstate("23505"), DbFailure::Conflict);
        assert_eq!(classify_sqlstate("23P01"), DbFailure::Conflict);
        assert_eq!(classify_sqlstate("40001"), DbFailure::Retryable);
        assert_eq!(classify_sqlstate("40P01"), DbFailure::Retryable);
        assert_eq!(classify_sqlstate("57P01"), DbFailure::Unavailable);
        assert_eq!(classify_sqlstate("08006"), DbFailure::Unavailable);
        assert_eq!(classify_sqlstate("53300"), DbFailure::Unavailable);
        assert_eq!(classify_sqlstate("23503"), DbFailure::Other);
        assert_eq!(classify_sqlstate("22P02"), DbFailure::Other);
        let acquire = DbErr::ConnectionAcquire(sea_orm::error::ConnAcquireErr::Timeout);
        assert_eq!(classify(&acquire), DbFailure::Unavailable);
        assert_eq!(Error::from(acquire).code(), "SERVICE_UNAVAILABLE");
        assert_eq!(classify(&DbErr::Custom("x".into())), DbFailure::Other);
    }
}
