//! `backgroundJobs`, `backgroundJobCounts` and `retryBackgroundJob` (platform admins only).

use crate::jobs::types::{BackgroundJobCounts, BackgroundJobNode};
use crate::kernel::connection::{Conn, build, page_request};
use crate::kernel::context::{principal, services};
use crate::kernel::enums::BackgroundJobState;
use crate::kernel::error::ResultExt;
use crate::kernel::ids::{Kind, decode};
use alliance_domain::jobs::JobFilter;
use alliance_domain::kernel::vocab::JobState;
use async_graphql::{Context, ID, InputObject, Object, SimpleObject};

#[derive(Default)]
pub struct JobQuery;

#[Object]
impl JobQuery {
    /// Background jobs, newest first (platform admins only; others `FORBIDDEN`).
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn background_jobs(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Only jobs in this state.")] state: Option<BackgroundJobState>,
        #[graphql(desc = "How many (0 to 100, default 20).")] first: Option<i32>,
        #[graphql(desc = "The `cursor` of the last job of the previous page.")] after: Option<
            String,
        >,
    ) -> async_graphql::Result<Conn<BackgroundJobNode>> {
        let page = page_request(ctx, first, after)?;
        let filter = JobFilter {
            state: state.map(JobState::from),
        };
        let (rows, total) = services(ctx)?
            .jobs()
            .background_jobs(&*principal(ctx)?, page, filter)
            .await
            .gql()?;
        Ok(build(
            rows,
            i64::try_from(total).unwrap_or(i64::MAX),
            |j| j.id,
            BackgroundJobNode,
        ))
    }

    /// How many background jobs are in each state (platform admins only; others `FORBIDDEN`).
    async fn background_job_counts(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<BackgroundJobCounts> {
        let counts = services(ctx)?
            .jobs()
            .background_job_counts(&*principal(ctx)?)
            .await
            .gql()?;
        let of = |state: JobState| {
            counts
                .iter()
                .find(|(s, _)| *s == state)
                .map_or(0, |(_, n)| i64::try_from(*n).unwrap_or(i64::MAX))
        };
        Ok(BackgroundJobCounts {
            pending: of(JobState::Pending),
            running: of(JobState::Running),
            failed: of(JobState::Failed),
            done: of(JobState::Done),
        })
    }
}

/// Which failed job to queue again.
#[derive(InputObject)]
pub struct RetryBackgroundJobInput {
    /// The `BackgroundJob` to retry; it must be `FAILED` (else `CONFLICT`).
    job_id: ID,
}

/// The job after `retryBackgroundJob`.
#[derive(SimpleObject)]
pub struct RetryBackgroundJobPayload {
    /// The job, `PENDING` again and due now, its attempts reset.
    job: BackgroundJobNode,
}

#[derive(Default)]
pub struct JobMutation;

#[Object]
impl JobMutation {
    /// Queues a failed background job again, due now (platform admins only; others `FORBIDDEN`).
    /// A job that is not `FAILED` answers `CONFLICT`; an unknown one `NOT_FOUND`.
    async fn retry_background_job(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Which job.")] input: RetryBackgroundJobInput,
    ) -> async_graphql::Result<RetryBackgroundJobPayload> {
        let id = decode(&input.job_id, Kind::BackgroundJob, "jobId")?;
        let job = services(ctx)?
            .jobs()
            .retry_background_job(&*principal(ctx)?, id)
            .await
            .gql()?;
        Ok(RetryBackgroundJobPayload {
            job: BackgroundJobNode(job),
        })
    }
}
