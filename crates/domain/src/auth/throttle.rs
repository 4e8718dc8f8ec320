//! Throttling of secret guesses (passwords, check-in codes) per key, kept in Postgres so that every
//! server instance sees the same counters.
//!
//! An attempt is **reserved before the secret is checked**: one `INSERT … ON CONFLICT … DO UPDATE`
//! counts it as a failure up front and, when it is the `free`-th in the window, locks the key at the
//! same time. Parallel attempts therefore queue on the row and see each other's count: at most
//! `free` of them are answered, the rest are refused without the (slow) check running. A success
//! then clears the key (`reset`) or gives the attempt back (`release`). While a key is locked every
//! attempt is refused; after each lock-out one more attempt is answered, and if it fails the next
//! lock-out is twice as long (capped). Lock-outs are logged.

use crate::kernel::config::ThrottleConfig;
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::kernel::ids::UserId;
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use uuid::Uuid;

/// The key of an account: its user id, so that its e-mail and phone share one counter. A login
/// that names no account is keyed by the normalized login, so that it takes the same path.
pub fn account_key(user: Option<UserId>, normalized_login: &str) -> String {
    match user {
        Some(user) => format!("account:{}", user.0),
        None => format!("login:{normalized_login}"),
    }
}

pub fn address_key(address: &str) -> String {
    format!("address:{address}")
}

/// One person's check-in attempts at one meeting.
pub fn check_in_key(meeting: Uuid, user: UserId) -> String {
    format!("check-in:{meeting}:{}", user.0)
}

/// An attempt that was let through; `locked` when reserving it also locked the key.
#[derive(Debug, Clone)]
pub struct Reservation {
    pub key: String,
    pub failures: i32,
    pub lockout_secs: Option<u64>,
}

/// Counts an attempt against `key` before the secret is checked; refuses with `RATE_LIMITED`
/// (and counts nothing) while the key is locked.
pub async fn reserve(
    db: &DatabaseConnection,
    config: &ThrottleConfig,
    key: &str,
    free: i32,
    now: DateTime<Utc>,
) -> Result<Reservation, Error> {
    // $2 now, $3 window, $4 free attempts, $5 base lock-out, $6 longest lock-out (seconds).
    // `n` is the attempt's number in the window; SET sees the row as it was, so it is spelled twice.
    const RESERVE: &str = "
        INSERT INTO login_throttle AS t (key, failures, window_start, locked_until)
        VALUES ($1, 1, $2, CASE WHEN 1 >= $4 THEN $2 + make_interval(secs => $5) END)
        ON CONFLICT (key) DO UPDATE SET
          failures = CASE WHEN t.window_start < $2 - make_interval(secs => $3) THEN 1 ELSE t.failures + 1 END,
          window_start = CASE WHEN t.window_start < $2 - make_interval(secs => $3) THEN $2 ELSE t.window_start END,
          locked_until = CASE
            WHEN (CASE WHEN t.window_start < $2 - make_interval(secs => $3) THEN 1 ELSE t.failures + 1 END) >= $4
            THEN $2 + make_interval(secs => least($6, $5 * power(2, least(
                   (CASE WHEN t.window_start < $2 - make_interval(secs => $3) THEN 1 ELSE t.failures + 1 END) - $4,
                   20))))
            END
        WHERE t.locked_until IS NULL OR t.locked_until <= $2
        RETURNING failures, locked_until";
    let row = db
        .query_one_raw(stmt(
            RESERVE,
            [
                key.into(),
                now.into(),
                config.window.as_secs_f64().into(),
                free.into(),
                config.base_lockout.as_secs_f64().into(),
                config.max_lockout.as_secs_f64().into(),
            ],
        ))
        .await?;
    let Some(row) = row else {
        return Err(refusal(db, config, key, now).await?);
    };
    let failures: i32 = row.try_get("", "failures")?;
    let locked_until: Option<DateTime<Utc>> = row.try_get("", "locked_until")?;
    Ok(Reservation {
        key: key.to_owned(),
        failures,
        lockout_secs: locked_until.map(|until| secs_until(until, now)),
    })
}

/// Logs the lock-outs that reserving failed attempts caused. The key names the account (by id),
/// login or address, never a secret.
pub fn log_lockouts<'a>(what: &str, reserved: impl IntoIterator<Item = &'a Reservation>) {
    for r in reserved {
        if let Some(lockout_secs) = r.lockout_secs {
            tracing::warn!(
                key = %r.key,
                failures = r.failures,
                lockout_secs,
                what,
                "lock-out after repeated failures"
            );
        }
    }
}

async fn refusal(
    db: &DatabaseConnection,
    config: &ThrottleConfig,
    key: &str,
    now: DateTime<Utc>,
) -> Result<Error, Error> {
    let row = db
        .query_one_raw(stmt(
            "SELECT locked_until FROM login_throttle WHERE key = $1",
            [key.into()],
        ))
        .await?;
    let until: Option<DateTime<Utc>> = match row {
        Some(row) => row.try_get("", "locked_until")?,
        None => None,
    };
    let retry_after_secs = match until {
        Some(until) if until > now => secs_until(until, now),
        // Unlocked in the meantime (a success cleared it): retrying soon is fine.
        _ => config.base_lockout.as_secs().max(1),
    };
    Ok(Error::RateLimited { retry_after_secs })
}

fn secs_until(until: DateTime<Utc>, now: DateTime<Utc>) -> u64 {
    let millis = (until - now).num_milliseconds().max(1000);
    u64::try_from((millis + 999) / 1000).unwrap_or(1)
}

/// Clears a key after a success.
pub async fn reset(db: &DatabaseConnection, key: &str) -> Result<(), Error> {
    db.execute_raw(stmt(
        "DELETE FROM login_throttle WHERE key = $1",
        [key.into()],
    ))
    .await?;
    Ok(())
}

/// Gives back an attempt that succeeded, for keys that successes must not clear (a client address
/// shared by many people): the count goes down by one, and a lock-out this count no longer
/// reaches ends.
pub async fn release(db: &DatabaseConnection, key: &str, free: i32) -> Result<(), Error> {
    db.execute_raw(stmt(
        "UPDATE login_throttle SET failures = greatest(failures - 1, 0),
                locked_until = CASE WHEN failures - 1 < $2 THEN NULL ELSE locked_until END
          WHERE key = $1",
        [key.into(), free.into()],
    ))
    .await?;
    Ok(())
}

/// The reservations of one password check: the account's and, when known, the client address's.
#[derive(Debug)]
pub struct PasswordAttempt {
    account: Reservation,
    address: Option<Reservation>,
}

impl PasswordAttempt {
    fn all(&self) -> impl Iterator<Item = &Reservation> {
        std::iter::once(&self.account).chain(self.address.as_ref())
    }
}

impl crate::Services {
    /// Reserves a password check (login, the current password of `changePassword`, an existing
    /// account's password when accepting an invitation) against the account and the client
    /// address, before the hash runs. Refuses with `RATE_LIMITED` while either is locked.
    pub(crate) async fn reserve_password_attempt(
        &self,
        user: Option<UserId>,
        normalized_login: &str,
        client: &super::ClientInfo,
    ) -> Result<PasswordAttempt, Error> {
        let limits = &self.config.throttle;
        let now = self.now();
        // The address first: a refused address then costs the account nothing.
        let address = match client.address.as_deref() {
            Some(address) => Some(
                reserve(
                    &self.db,
                    limits,
                    &address_key(address),
                    limits.address_free_failures,
                    now,
                )
                .await?,
            ),
            None => None,
        };
        let account = reserve(
            &self.db,
            limits,
            &account_key(user, normalized_login),
            limits.account_free_failures,
            now,
        )
        .await?;
        Ok(PasswordAttempt { account, address })
    }

    /// The password was right: the account's counter is cleared and the address gets its
    /// attempt back (a success must not let an address clear failures it made elsewhere).
    pub(crate) async fn password_attempt_succeeded(
        &self,
        attempt: &PasswordAttempt,
    ) -> Result<(), Error> {
        reset(&self.db, &attempt.account.key).await?;
        if let Some(address) = &attempt.address {
            release(
                &self.db,
                &address.key,
                self.config.throttle.address_free_failures,
            )
            .await?;
        }
        Ok(())
    }

    /// The password was wrong: the attempt stays counted; lock-outs it caused are logged.
    pub(crate) fn password_attempt_failed(&self, what: &str, attempt: &PasswordAttempt) {
        log_lockouts(what, attempt.all());
    }
}
