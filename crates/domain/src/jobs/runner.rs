//! The polling loop each server instance runs: fire due schedules, claim what it has room for,
//! run the claimed jobs concurrently. On shutdown it stops claiming, lets running jobs finish for a
//! grace period, then gives the rest back to the queue.

use crate::Services;
use std::collections::HashMap;
use std::time::Duration;
use tokio::sync::watch;
use tokio::task::JoinSet;
use uuid::Uuid;

#[derive(Debug, Clone)]
pub struct RunnerConfig {
    /// How often the queue is looked at when it was empty.
    pub poll_interval: Duration,
    /// Jobs run at the same time by this instance.
    pub concurrency: usize,
    /// How long running jobs may finish after shutdown was asked for.
    pub shutdown_grace: Duration,
}

impl Default for RunnerConfig {
    fn default() -> Self {
        Self {
            poll_interval: Duration::from_secs(2),
            concurrency: 4,
            shutdown_grace: Duration::from_secs(20),
        }
    }
}

/// A running job runner; `shutdown` stops it.
pub struct Runner {
    stop: watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
    /// The name its claims carry (`jobs.locked_by`).
    pub worker: String,
}

impl Runner {
    pub fn spawn(services: Services, config: RunnerConfig) -> Self {
        let worker = format!(
            "{}-{}",
            std::process::id(),
            &Uuid::new_v4().simple().to_string()[..8]
        );
        let (stop, stopped) = watch::channel(false);
        let task = tokio::spawn(run(services, config, worker.clone(), stopped));
        Self { stop, task, worker }
    }

    /// Stops claiming, waits for running jobs (up to the grace period), releases the others.
    pub async fn shutdown(self) {
        let _ = self.stop.send(true);
        if let Err(e) = self.task.await {
            tracing::error!(error = %e, "the job runner ended abnormally");
        }
    }
}

async fn run(
    services: Services,
    config: RunnerConfig,
    worker: String,
    mut stopped: watch::Receiver<bool>,
) {
    let jobs = services.jobs();
    if let Err(e) = jobs.schedule_start().await {
        tracing::warn!(error = %e, "cannot move the reminder schedule to now");
    }
    tracing::info!(%worker, concurrency = config.concurrency, "job runner started");
    let mut running: JoinSet<Uuid> = JoinSet::new();
    let mut leases: HashMap<tokio::task::Id, Uuid> = HashMap::new();
    while !*stopped.borrow() {
        let room = config.concurrency.saturating_sub(running.len());
        if room > 0 {
            if let Err(e) = jobs.fire_schedules().await {
                tracing::warn!(error = %e, "cannot fire job schedules");
            }
            match jobs.claim(&worker, room as u64).await {
                Ok(claimed) => {
                    for job in claimed {
                        let services = services.clone();
                        let lease = job.lease_token;
                        let handle = running.spawn(async move {
                            if let Err(e) = services.jobs().run_claimed(&job).await {
                                tracing::warn!(job = %job.id, error = %e, "cannot record a job's outcome");
                            }
                            lease
                        });
                        leases.insert(handle.id(), lease);
                    }
                }
                Err(e) => tracing::warn!(error = %e, "cannot claim jobs"),
            }
        }
        tokio::select! {
            _ = stopped.changed() => {}
            () = tokio::time::sleep(config.poll_interval) => {}
            Some(done) = running.join_next_with_id(), if !running.is_empty() => {
                forget(&mut leases, done);
            }
        }
    }
    // Shutting down: let running jobs finish, then give back what is left.
    let deadline = tokio::time::Instant::now() + config.shutdown_grace;
    while !running.is_empty() {
        match tokio::time::timeout_at(deadline, running.join_next_with_id()).await {
            Ok(Some(done)) => forget(&mut leases, done),
            Ok(None) | Err(_) => break,
        }
    }
    running.shutdown().await;
    let left: Vec<Uuid> = leases.into_values().collect();
    match jobs.release(&left).await {
        Ok(n) if n > 0 => tracing::info!(released = n, "job runner gave unfinished jobs back"),
        Ok(_) => {}
        Err(e) => {
            tracing::warn!(error = %e, "cannot give jobs back; they are taken over when their lease expires")
        }
    }
    tracing::info!(%worker, "job runner stopped");
}

fn forget(
    leases: &mut HashMap<tokio::task::Id, Uuid>,
    done: Result<(tokio::task::Id, Uuid), tokio::task::JoinError>,
) {
    match done {
        Ok((id, _)) => {
            leases.remove(&id);
        }
        // A panic of the bookkeeping itself: the lease stays listed and is given back at the end.
        Err(e) if e.is_panic() => tracing::error!(error = %e, "a job task panicked"),
        Err(e) => {
            leases.remove(&e.id());
        }
    }
}
