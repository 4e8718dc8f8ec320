//! A bounded retry of a whole transaction when the database gives it up for a reason that running
//! it again can cure: a serialization failure or a deadlock (`DbFailure::Retryable`). Anything else
//! ends the attempt with its error at once.
//!
//! Write the transaction as a function that begins, works and commits, and returns
//! `Result<T, TxError>`: `?` on a `DbErr` keeps the database failure (so it can be told retryable),
//! `?` on an [`Error`] ends it. [`retry`] runs it up to [`ATTEMPTS`] times with a short, jittered,
//! growing back-off; the last retryable failure becomes `CONFLICT` ("send the request again").

use crate::kernel::error::{DbFailure, Error, classify};
use sea_orm::DbErr;
use std::future::Future;
use std::time::Duration;

/// How many times a transaction runs at most.
pub const ATTEMPTS: u32 = 3;

/// Why one attempt of a transaction failed.
#[derive(Debug)]
pub enum TxError {
    /// The database gave the transaction up (serialization failure, deadlock); it may run again.
    Retryable(DbErr),
    /// Final: the error the caller answers with.
    Final(Error),
}

impl From<DbErr> for TxError {
    fn from(e: DbErr) -> Self {
        if classify(&e) == DbFailure::Retryable {
            Self::Retryable(e)
        } else {
            Self::Final(Error::from(e))
        }
    }
}

impl From<Error> for TxError {
    fn from(e: Error) -> Self {
        Self::Final(e)
    }
}

impl From<TxError> for Error {
    fn from(e: TxError) -> Self {
        match e {
            TxError::Retryable(db) => Error::from(db),
            TxError::Final(e) => e,
        }
    }
}

/// The pause before attempt `next` (2, 3, …): 10 ms, 20 ms, … plus up to 10 ms of jitter, so
/// that transactions that collided do not collide again in step.
fn backoff(next: u32) -> Duration {
    let base = 10u64 << next.saturating_sub(2).min(6);
    Duration::from_millis(base + rand::random_range(0..=10))
}

/// Runs `attempt` until it succeeds, fails finally, or has run [`ATTEMPTS`] times.
pub async fn retry<T, F, Fut>(mut attempt: F) -> Result<T, Error>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, TxError>>,
{
    let mut run = 1;
    loop {
        match attempt().await {
            Ok(value) => return Ok(value),
            Err(TxError::Final(e)) => return Err(e),
            Err(TxError::Retryable(e)) if run >= ATTEMPTS => {
                tracing::warn!(error = %e, attempts = run, "transaction given up after retries");
                return Err(Error::from(e));
            }
            Err(TxError::Retryable(e)) => {
                run += 1;
                tracing::info!(error = %e, attempt = run, "transaction retried");
                tokio::time::sleep(backoff(run)).await;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    fn db_error() -> DbErr {
        // Retryable failures are told by SQLSTATE (see `kernel::error`); a custom error is `Other`.
        DbErr::Custom("deadlock".into())
    }

    #[test]
    fn back_off_grows_and_stays_small() {
        assert!(backoff(2) >= Duration::from_millis(10));
        assert!(backoff(2) <= Duration::from_millis(20));
        assert!(backoff(3) >= Duration::from_millis(20));
        assert!(backoff(40) <= Duration::from_millis(650));
    }

    #[tokio::test]
    async fn retryable_failures_run_again_a_bounded_number_of_times() {
        let runs = AtomicU32::new(0);
        let answer: Result<(), Error> = retry(|| async {
            runs.fetch_add(1, Ordering::SeqCst);
            Err(TxError::Retryable(db_error()))
        })
        .await;
        assert_eq!(runs.load(Ordering::SeqCst), ATTEMPTS);
        assert!(answer.is_err());

        let runs = AtomicU32::new(0);
        let answer = retry(|| async {
            if runs.fetch_add(1, Ordering::SeqCst) == 0 {
                Err(TxError::Retryable(db_error()))
            } else {
                Ok(7)
            }
        })
        .await;
        assert_eq!(answer.unwrap(), 7);
        assert_eq!(runs.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn final_errors_are_not_retried() {
        let runs = AtomicU32::new(0);
        let answer: Result<(), Error> = retry(|| async {
            runs.fetch_add(1, Ordering::SeqCst);
            Err(TxError::from(Error::Conflict("stale".into())))
        })
        .await;
        assert_eq!(runs.load(Ordering::SeqCst), 1);
        assert_eq!(answer.unwrap_err().code(), "CONFLICT");
        // A database error that is not retryable ends the attempt at once.
        assert!(matches!(TxError::from(db_error()), TxError::Final(_)));
    }
}
