//! The queue: enqueue (inside the caller's transaction), claim, finish, fail, release.

use super::Jobs;
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, FromQueryResult};
use serde_json::Value;
use uuid::Uuid;

/// A job this instance holds until `locked_until`.
#[derive(Debug, Clone, FromQueryResult)]
pub struct ClaimedJob {
    pub id: Uuid,
    pub kind: String,
    pub payload: Value,
    /// Runs so far, this one included.
    pub attempts: i32,
    pub max_attempts: i32,
    pub lease_token: Uuid,
}

struct AbortOnDrop<T>(tokio::task::JoinHandle<T>);

impl<T> Drop for AbortOnDrop<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// What one `run_due_now` did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunSummary {
    pub succeeded: usize,
    pub failed: usize,
}

/// `chrono` of a std duration, saturating (settings are small).
pub(crate) fn span(d: std::time::Duration) -> chrono::Duration {
    chrono::Duration::from_std(d).unwrap_or(chrono::Duration::days(365))
}

/// An error as an admin should read it: the message and its causes.
pub(crate) fn describe(e: &(dyn std::error::Error + 'static)) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        text.push_str(": ");
        text.push_str(&c.to_string());
        cause = c.source();
    }
    text.chars().take(2000).collect()
}

impl Jobs<'_> {
    /// Adds a job due now, on `conn`: pass the business transaction, so that the job exists if and
    /// only if the write it belongs to was committed.
    pub async fn enqueue<C: ConnectionTrait>(
        &self,
        conn: &C,
        kind: &str,
        payload: Value,
    ) -> Result<Uuid, Error> {
        let id = Uuid::now_v7();
        let now = self.now();
        conn.execute_raw(stmt(
            "INSERT INTO jobs (id, kind, payload, state, attempts, max_attempts, run_at, created_at, updated_at)
             VALUES ($1, $2, $3, 'pending', 0, $4, $5, $5, $5)",
            [
                id.into(),
                kind.into(),
                payload.into(),
                self.jobs_settings.max_attempts.into(),
                now.into(),
            ],
        ))
        .await?;
        Ok(id)
    }

    /// Claims up to `limit` due jobs (and jobs whose lease expired) for `worker`.
    pub async fn claim(&self, worker: &str, limit: u64) -> Result<Vec<ClaimedJob>, Error> {
        let now = self.now();
        let until = now + span(self.jobs_settings.lease);
        self.give_up_abandoned(now).await?;
        let rows = ClaimedJob::find_by_statement(stmt(
            "UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_token = gen_random_uuid(),
                    locked_by = $1, locked_until = $3, updated_at = $2
              WHERE id IN (SELECT id FROM jobs
                            WHERE (state = 'pending' AND run_at <= $2)
                               OR (state = 'running' AND locked_until <= $2 AND attempts < max_attempts)
                            ORDER BY run_at, id
                            LIMIT $4
                            FOR UPDATE SKIP LOCKED)
             RETURNING id, kind, payload, attempts, max_attempts, lease_token",
            [
                worker.into(),
                now.into(),
                until.into(),
                i64::try_from(limit).unwrap_or(1).into(),
            ],
        ))
        .all(&self.db)
        .await?;
        Ok(rows)
    }

    /// Jobs whose lease expired after their last allowed attempt fail, naming why.
    async fn give_up_abandoned(&self, now: DateTime<Utc>) -> Result<(), Error> {
        self.db
            .execute_raw(stmt(
                "UPDATE jobs SET state = 'failed', lease_token = NULL, locked_until = NULL, updated_at = $1,
                        last_error = 'the instance running it stopped before it finished (lease expired)'
                  WHERE state = 'running' AND locked_until <= $1 AND attempts >= max_attempts",
                [now.into()],
            ))
            .await?;
        Ok(())
    }

    /// Runs a claimed job and records the outcome; true when it succeeded.
    pub async fn run_claimed(&self, job: &ClaimedJob) -> Result<bool, Error> {
        let services = (**self).clone();
        let (kind, payload) = (job.kind.clone(), job.payload.clone());
        let limit = self.jobs_settings.lease;
        // Its own task, so that a panic is a failure of the job, not of the runner; bounded by the
        // lease, so that it never runs on while another instance has taken it over.
        // Aborted if this future is dropped (the runner stopping), so that nothing runs unowned.
        let mut task = AbortOnDrop(tokio::spawn(async move {
            services.jobs().execute(&kind, payload).await
        }));
        let outcome = match tokio::time::timeout(limit, &mut task.0).await {
            Ok(Ok(result)) => result,
            Ok(Err(join)) => Err(format!("the job panicked or was cancelled: {join}")),
            Err(_) => Err(format!("timed out after {} s", limit.as_secs())),
        };
        drop(task);
        match outcome {
            Ok(()) => {
                self.finish(job).await?;
                Ok(true)
            }
            Err(error) => {
                tracing::warn!(job = %job.id, kind = %job.kind, attempt = job.attempts, %error, "job failed");
                self.fail(job, &error).await?;
                Ok(false)
            }
        }
    }

    async fn finish(&self, job: &ClaimedJob) -> Result<(), Error> {
        // Outbox payloads hold addresses and one-time links: nothing to keep once delivered.
        self.db
            .execute_raw(stmt(
                "UPDATE jobs SET state = 'done', lease_token = NULL, locked_until = NULL, updated_at = $3,
                        payload = CASE WHEN kind IN ('mail', 'sms') THEN '{}'::jsonb ELSE payload END
                  WHERE id = $1 AND lease_token = $2",
                [job.id.into(), job.lease_token.into(), self.now().into()],
            ))
            .await?;
        Ok(())
    }

    async fn fail(&self, job: &ClaimedJob, error: &str) -> Result<(), Error> {
        let now = self.now();
        let retry_at = now + span(self.jobs_settings.backoff(job.attempts));
        self.db
            .execute_raw(stmt(
                "UPDATE jobs SET state = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'pending' END,
                        run_at = CASE WHEN attempts >= max_attempts THEN run_at ELSE $3 END,
                        last_error = $4, lease_token = NULL, locked_until = NULL, updated_at = $5
                  WHERE id = $1 AND lease_token = $2",
                [
                    job.id.into(),
                    job.lease_token.into(),
                    retry_at.into(),
                    error.into(),
                    now.into(),
                ],
            ))
            .await?;
        Ok(())
    }

    /// Gives claimed jobs back (on shutdown): due again now, the attempt not counted.
    pub async fn release(&self, leases: &[Uuid]) -> Result<u64, Error> {
        if leases.is_empty() {
            return Ok(0);
        }
        let done = self
            .db
            .execute_raw(stmt(
                "UPDATE jobs SET state = 'pending', attempts = greatest(attempts - 1, 0), run_at = $2,
                        lease_token = NULL, locked_until = NULL, updated_at = $2
                  WHERE state = 'running' AND lease_token = ANY($1)",
                [leases.to_vec().into(), self.now().into()],
            ))
            .await?;
        Ok(done.rows_affected())
    }

    /// Fires the schedules that are due and runs every due job, one after the other, until none is
    /// left: what the runner does, without waiting for it. Tests use it to stay deterministic.
    pub async fn run_due_now(&self) -> Result<RunSummary, Error> {
        let worker = format!("inline-{}", Uuid::new_v4().simple());
        let mut summary = RunSummary::default();
        self.fire_schedules().await?;
        // A failed job is due again only after its back-off, so this ends; the bound is a guard.
        for _ in 0..10_000 {
            let claimed = self.claim(&worker, 16).await?;
            if claimed.is_empty() {
                break;
            }
            for job in &claimed {
                if self.run_claimed(job).await? {
                    summary.succeeded += 1;
                } else {
                    summary.failed += 1;
                }
            }
        }
        Ok(summary)
    }
}
