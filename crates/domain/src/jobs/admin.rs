//! The jobs' state for platform admins: the list, counts per state, and retrying a failed job.

use super::Jobs;
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::kernel::pagination::{Page, PageRequest};
use crate::kernel::vocab::JobState;
use crate::policy::principal::Principal;
use crate::policy::{self, Action, Resource};
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, FromQueryResult, TransactionTrait};
use uuid::Uuid;

/// A job as admins see it; never its payload (addresses, one-time links).
#[derive(Debug, Clone, FromQueryResult)]
pub struct JobRow {
    pub id: Uuid,
    pub kind: String,
    pub state: String,
    pub attempts: i32,
    pub max_attempts: i32,
    pub run_at: DateTime<Utc>,
    pub last_error: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Which jobs to list.
#[derive(Debug, Clone, Default)]
pub struct JobFilter {
    pub state: Option<JobState>,
}

const COLUMNS: &str =
    "id, kind, state, attempts, max_attempts, run_at, last_error, created_at, updated_at";

impl Jobs<'_> {
    /// Jobs newest first, optionally of one state, with the total across pages.
    pub async fn background_jobs(
        &self,
        principal: &Principal,
        page: PageRequest,
        filter: JobFilter,
    ) -> Result<(Page<JobRow>, u64), Error> {
        policy::authorize(principal, Action::ReadBackgroundJobs, Resource::Platform)?;
        let state = filter.state.map(|s| s.as_str().to_owned());
        let total = self
            .db
            .query_one_raw(stmt(
                "SELECT count(*) AS n FROM jobs WHERE ($1::text IS NULL OR state = $1)",
                [state.clone().into()],
            ))
            .await?
            .and_then(|r| r.try_get::<i64>("", "n").ok())
            .unwrap_or(0);
        let rows = JobRow::find_by_statement(stmt(
            &format!(
                "SELECT {COLUMNS} FROM jobs
                  WHERE ($1::text IS NULL OR state = $1) AND ($2::uuid IS NULL OR id < $2)
                  ORDER BY id DESC LIMIT $3"
            ),
            [
                state.into(),
                page.after.into(),
                i64::try_from(page.limit()).unwrap_or(1).into(),
            ],
        ))
        .all(&self.db)
        .await?;
        Ok((
            Page::from_rows(rows, page),
            u64::try_from(total).unwrap_or(0),
        ))
    }

    /// How many jobs are in each state.
    pub async fn background_job_counts(
        &self,
        principal: &Principal,
    ) -> Result<Vec<(JobState, u64)>, Error> {
        policy::authorize(principal, Action::ReadBackgroundJobs, Resource::Platform)?;
        let rows = self
            .db
            .query_all_raw(stmt(
                "SELECT state, count(*) AS n FROM jobs GROUP BY state",
                [],
            ))
            .await?;
        let mut counts: Vec<(JobState, u64)> = JobState::ALL.iter().map(|s| (*s, 0)).collect();
        for row in rows {
            let state: String = row.try_get("", "state")?;
            let n: i64 = row.try_get("", "n")?;
            if let Some(slot) = counts.iter_mut().find(|(s, _)| s.as_str() == state) {
                slot.1 = u64::try_from(n).unwrap_or(0);
            }
        }
        Ok(counts)
    }

    /// Puts a failed job back in the queue, due now, with its attempts reset; its last error stays
    /// until it runs again. Only failed jobs can be retried (`CONFLICT` otherwise).
    pub async fn retry_background_job(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<JobRow, Error> {
        policy::authorize(principal, Action::RetryBackgroundJob, Resource::Platform)?;
        let txn = self.db.begin().await?;
        let retried = JobRow::find_by_statement(stmt(
            &format!(
                "UPDATE jobs SET state = 'pending', attempts = 0, run_at = $2, updated_at = $2
                  WHERE id = $1 AND state = 'failed' RETURNING {COLUMNS}"
            ),
            [id.into(), self.now().into()],
        ))
        .one(&txn)
        .await?;
        if let Some(job) = retried {
            self.record_audit(
                &txn,
                crate::kernel::audit::Actor::from(principal),
                "background_job.retry",
                "background_job",
                Some(id),
                serde_json::json!({ "kind": job.kind }),
            )
            .await?;
            txn.commit().await?;
            return Ok(job);
        }
        txn.rollback().await?;
        let found = self
            .db
            .query_one_raw(stmt("SELECT state FROM jobs WHERE id = $1", [id.into()]))
            .await?;
        match found {
            None => Err(Error::NotFound("background job")),
            Some(row) => {
                let state: String = row.try_get("", "state")?;
                Err(Error::Conflict(format!(
                    "only failed jobs can be retried; this one is {state}"
                )))
            }
        }
    }
}
