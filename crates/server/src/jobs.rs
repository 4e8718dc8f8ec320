//! Starts the background job runner with the server (`ALLIANCE_JOBS=on`, the default) and stops it
//! on SIGTERM or Ctrl-C: no new claims, running jobs finish within the grace period, the rest go
//! back to the queue for another instance.

use crate::config::Config;
use alliance_domain::Services;
use alliance_domain::jobs::Runner;
use tokio::task::JoinHandle;

/// The runner, stopping itself on the shutdown signal; await the handle before exiting.
pub fn spawn(services: &Services, config: &Config) -> Option<JoinHandle<()>> {
    if !config.jobs_enabled {
        tracing::info!(
            "ALLIANCE_JOBS=off: this instance runs no background jobs (reminders, mail, SMS)"
        );
        return None;
    }
    let runner = Runner::spawn(services.clone(), config.jobs.clone());
    Some(tokio::spawn(async move {
        crate::cli::shutdown_signal().await;
        runner.shutdown().await;
    }))
}

/// Waits for the runner to have given its jobs back (after the signal).
pub async fn stopped(handle: Option<JoinHandle<()>>) {
    if let Some(handle) = handle
        && let Err(e) = handle.await
    {
        tracing::error!(error = %e, "the job runner did not stop cleanly");
    }
}
