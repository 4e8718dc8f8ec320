//! Failed-login throttling per account and per client address, kept in Postgres so that every
//! server instance sees the same counters. Lock-outs back off exponentially and are logged.

use crate::kernel::config::ThrottleConfig;
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection};

pub fn account_key(login: &str) -> String {
    format!("account:{}", login.trim().to_lowercase())
}

pub fn address_key(address: &str) -> String {
    format!("address:{address}")
}

/// Refuses with `RATE_LIMITED` while any of the keys is locked.
pub async fn check(
    db: &DatabaseConnection,
    keys: &[String],
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let rows = db
        .query_all_raw(stmt(
            "SELECT max(locked_until) AS until FROM login_throttle WHERE key = ANY($1) AND locked_until > $2",
            [keys.to_vec().into(), now.into()],
        ))
        .await?;
    let until: Option<DateTime<Utc>> = match rows.first() {
        Some(row) => row.try_get("", "until")?,
        None => None,
    };
    match until {
        Some(until) => {
            let secs = (until - now).num_seconds().max(1);
            Err(Error::RateLimited {
                retry_after_secs: u64::try_from(secs).unwrap_or(1),
            })
        }
        None => Ok(()),
    }
}

/// Counts a failure against `key`; past `free_failures` in the window the key is locked.
pub async fn record_failure(
    db: &DatabaseConnection,
    config: &ThrottleConfig,
    key: &str,
    free_failures: i32,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let window_secs = config.window.as_secs_f64();
    let row = db
        .query_one_raw(stmt(
            "INSERT INTO login_throttle (key, failures, window_start) VALUES ($1, 1, $2)
             ON CONFLICT (key) DO UPDATE SET
               failures = CASE WHEN login_throttle.window_start < $2 - make_interval(secs => $3)
                               THEN 1 ELSE login_throttle.failures + 1 END,
               window_start = CASE WHEN login_throttle.window_start < $2 - make_interval(secs => $3)
                                   THEN $2 ELSE login_throttle.window_start END
             RETURNING failures",
            [key.into(), now.into(), window_secs.into()],
        ))
        .await?;
    let failures: i32 = match row {
        Some(row) => row.try_get("", "failures")?,
        None => return Ok(()),
    };
    let excess = failures - free_failures;
    if excess > 0 {
        let factor = 2u32.saturating_pow(u32::try_from(excess - 1).unwrap_or(u32::MAX).min(20));
        let lockout = config
            .base_lockout
            .saturating_mul(factor)
            .min(config.max_lockout);
        let until = now + chrono::Duration::from_std(lockout).map_err(Error::internal)?;
        db.execute_raw(stmt(
            "UPDATE login_throttle SET locked_until = $2 WHERE key = $1",
            [key.into(), until.into()],
        ))
        .await?;
        // The key names the account or address, never a password.
        tracing::warn!(
            key,
            failures,
            lockout_secs = lockout.as_secs(),
            "login lock-out"
        );
    }
    Ok(())
}

pub async fn reset(db: &DatabaseConnection, key: &str) -> Result<(), Error> {
    db.execute_raw(stmt(
        "DELETE FROM login_throttle WHERE key = $1",
        [key.into()],
    ))
    .await?;
    Ok(())
}
