//! Background jobs on Postgres: reminders, the outbox for mail and SMS, housekeeping.
//!
//! A job is a row of `jobs`. Any number of server instances poll the table; a claim is one
//! `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING`, so each due job goes to one
//! instance, which holds it for a lease. A job whose instance died is claimed again once its lease
//! has expired. A failure is retried with exponential back-off up to the job's `max_attempts`, then
//! the job stays `failed` with its last error, visible to platform admins, who may retry it.
//! Periodic jobs come from `job_schedules`: the instance whose conditional UPDATE advances a
//! schedule enqueues its run, so a schedule fires once across instances.
//!
//! All times come from the injected clock, so tests move a `FixedClock` past a back-off or a lease.

mod admin;
mod handlers;
mod queue;
pub mod runner;
mod schedules;

pub use admin::{JobFilter, JobRow};
pub use queue::{ClaimedJob, RunSummary};
pub use runner::{Runner, RunnerConfig};

use crate::kernel::vocab::JobState;
use std::time::Duration;

/// What kinds of job exist; each has a handler in `handlers.rs`.
pub mod kinds {
    /// Writes the reminders that are due (agenda deadline, action item due, lead term starting).
    pub const REMINDERS: &str = "reminders";
    /// Delivers one e-mail from the outbox.
    pub const MAIL: &str = "mail";
    /// Delivers one text message from the outbox.
    pub const SMS: &str = "sms";
    /// Deletes finished jobs after a retention period.
    pub const CLEANUP: &str = "jobs_cleanup";
    /// Deletes the objects and rows of deleted or ownerless media.
    pub const MEDIA_SWEEP: &str = "media_sweep";
}

/// Attempts and back-off, shared by every instance (they are stored per job when it is enqueued).
#[derive(Debug, Clone)]
pub struct JobSettings {
    /// Runs of a job before it stays `failed`.
    pub max_attempts: i32,
    /// The wait after the first failure; it doubles after each further one.
    pub backoff_base: Duration,
    /// The longest wait between two attempts.
    pub backoff_max: Duration,
    /// How long a claim holds; a job still running then is taken over by another instance.
    pub lease: Duration,
    /// How long finished jobs are kept.
    pub keep_done: Duration,
}

impl Default for JobSettings {
    fn default() -> Self {
        Self {
            max_attempts: 8,
            backoff_base: Duration::from_secs(30),
            backoff_max: Duration::from_secs(3600),
            lease: Duration::from_secs(300),
            keep_done: Duration::from_secs(14 * 24 * 3600),
        }
    }
}

impl JobSettings {
    /// The wait before the next attempt, after `attempts` runs that failed.
    pub fn backoff(&self, attempts: i32) -> Duration {
        let exponent = u32::try_from(attempts.saturating_sub(1).clamp(0, 30)).unwrap_or(0);
        self.backoff_base
            .saturating_mul(2u32.saturating_pow(exponent))
            .min(self.backoff_max)
    }
}

/// Job states as the admin list filters them.
pub type State = JobState;

/// Background jobs. The façade of this domain: `services.jobs()`.
pub struct Jobs<'a>(&'a crate::Services);

impl crate::Services {
    pub fn jobs(&self) -> Jobs<'_> {
        Jobs(self)
    }
}

impl std::ops::Deref for Jobs<'_> {
    type Target = crate::Services;

    fn deref(&self) -> &crate::Services {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_its_ceiling() {
        let s = JobSettings {
            backoff_base: Duration::from_secs(10),
            backoff_max: Duration::from_secs(60),
            ..JobSettings::default()
        };
        assert_eq!(s.backoff(1), Duration::from_secs(10));
        assert_eq!(s.backoff(2), Duration::from_secs(20));
        assert_eq!(s.backoff(3), Duration::from_secs(40));
        assert_eq!(s.backoff(4), Duration::from_secs(60));
        assert_eq!(s.backoff(1000), Duration::from_secs(60));
        assert_eq!(s.backoff(0), Duration::from_secs(10));
    }
}
