//! The `BackgroundJob` type and its state.

use crate::kernel::enums::BackgroundJobState;
use crate::kernel::ids::{Kind, encode};
use alliance_domain::jobs::JobRow;
use async_graphql::{ID, Object, SimpleObject};
use chrono::{DateTime, Utc};

pub struct BackgroundJobNode(pub JobRow);

/// A unit of work the server runs after a request or on a schedule: a reminder run, an e-mail or
/// a text message from the outbox. Visible to platform admins only; its payload never is.
#[Object(name = "BackgroundJob")]
impl BackgroundJobNode {
    /// Global id, for `retryBackgroundJob`.
    async fn id(&self) -> ID {
        encode(Kind::BackgroundJob, self.0.id)
    }

    /// What it does: `reminders`, `mail`, `sms`, `jobs_cleanup`.
    async fn kind(&self) -> &str {
        &self.0.kind
    }

    /// Where it stands.
    async fn state(&self) -> BackgroundJobState {
        BackgroundJobState::from_db(&self.0.state)
    }

    /// Runs so far (a retry by an admin starts again from 0).
    async fn attempts(&self) -> i32 {
        self.0.attempts
    }

    /// Runs before it stays `FAILED`.
    async fn max_attempts(&self) -> i32 {
        self.0.max_attempts
    }

    /// The error of the last failed run; null if no run failed.
    async fn last_error(&self) -> Option<&str> {
        self.0.last_error.as_deref()
    }

    /// When it runs (pending), or last became due.
    async fn run_at(&self) -> DateTime<Utc> {
        self.0.run_at
    }

    /// When it was enqueued.
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// When its state last changed.
    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// How many background jobs are in each state.
#[derive(SimpleObject)]
pub struct BackgroundJobCounts {
    /// Waiting to run.
    pub pending: i64,
    /// Running now.
    pub running: i64,
    /// Gave up; see their `lastError`.
    pub failed: i64,
    /// Finished (kept for two weeks).
    pub done: i64,
}
