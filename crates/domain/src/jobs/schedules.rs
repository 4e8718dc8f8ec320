//! Periodic jobs. Each schedule is a row of `job_schedules`; the instance whose conditional UPDATE
//! moves `next_run_at` on enqueues the run in the same transaction, so a schedule fires once across
//! instances and a crash between the two loses nothing.

use super::{Jobs, kinds};
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use sea_orm::{ConnectionTrait, TransactionTrait};
use serde_json::json;
use std::time::Duration;

/// A job enqueued every `every`.
pub struct Schedule {
    pub name: &'static str,
    pub kind: &'static str,
    pub every: Duration,
}

/// Every periodic job of the server.
pub const SCHEDULES: &[Schedule] = &[
    Schedule {
        name: "reminders",
        kind: kinds::REMINDERS,
        every: Duration::from_secs(5 * 60),
    },
    Schedule {
        name: "jobs_cleanup",
        kind: kinds::CLEANUP,
        every: Duration::from_secs(24 * 3600),
    },
    Schedule {
        name: "media_sweep",
        kind: kinds::MEDIA_SWEEP,
        every: Duration::from_secs(15 * 60),
    },
];

impl Jobs<'_> {
    /// Enqueues the runs of the schedules that are due; returns how many fired here.
    pub async fn fire_schedules(&self) -> Result<usize, Error> {
        let now = self.now();
        // One read per poll; only a due (or not yet stored) schedule takes the write path.
        let mut due: Vec<&Schedule> = SCHEDULES.iter().collect();
        for row in self
            .db
            .query_all_raw(stmt(
                "SELECT name FROM job_schedules WHERE next_run_at > $1",
                [now.into()],
            ))
            .await?
        {
            let name: String = row.try_get("", "name")?;
            due.retain(|s| s.name != name);
        }
        let mut fired = 0;
        for schedule in due {
            let txn = self.db.begin().await?;
            txn.execute_raw(stmt(
                "INSERT INTO job_schedules (name, next_run_at) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
                [schedule.name.into(), now.into()],
            ))
            .await?;
            let advanced = txn
                .execute_raw(stmt(
                    "UPDATE job_schedules SET next_run_at = $3 WHERE name = $1 AND next_run_at <= $2",
                    [
                        schedule.name.into(),
                        now.into(),
                        (now + super::queue::span(schedule.every)).into(),
                    ],
                ))
                .await?;
            if advanced.rows_affected() == 1 {
                self.enqueue(&txn, schedule.kind, json!({ "schedule": schedule.name }))
                    .await?;
                fired += 1;
            }
            txn.commit().await?;
        }
        Ok(fired)
    }

    /// At start, makes the schedules due now unless one fired in the last half minute (another
    /// instance starting at the same time): a restart catches up without waiting a period.
    pub async fn schedule_start(&self) -> Result<(), Error> {
        let now = self.now();
        for schedule in SCHEDULES {
            let recent = now + super::queue::span(schedule.every) - chrono::Duration::seconds(30);
            self.db
                .execute_raw(stmt(
                    "UPDATE job_schedules SET next_run_at = $2 WHERE name = $1 AND next_run_at > $2 AND next_run_at <= $3",
                    [schedule.name.into(), now.into(), recent.into()],
                ))
                .await?;
        }
        Ok(())
    }
}
