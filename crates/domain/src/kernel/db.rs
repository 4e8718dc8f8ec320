//! Connecting to Postgres.

use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};
use std::time::Duration;

/// How long a request waits for a pooled connection by default (`ALLIANCE_DB_ACQUIRE_TIMEOUT_MS`).
pub const DEFAULT_ACQUIRE_TIMEOUT: Duration = Duration::from_millis(2000);

/// How long a pooled connection may sit unused before it is checked again before use.
pub const PING_WHEN_IDLE_FOR: Duration = Duration::from_secs(5);

/// Every connection plans each prepared statement once and reuses the plan (`plan_cache_mode`, set
/// in the startup packet). Our statements are prepared and cached per connection, and their
/// policy filters take the principal's facts as parameters (`$1 OR alliance_id = ANY($2)`); left
/// to choose, Postgres kept planning them anew on every execution because a custom plan looks
/// cheaper, and planning was more than half of its time per dashboard. Measured with
/// `log_min_duration_statement` over 100 dashboards (scripts/bench.sh's database): Postgres time
/// per dashboard 4.95 → 2.95 ms at 200 meetings and 4.21 → 2.69 ms at 20,000, with no statement
/// slower; `organizations(first: 20)` 0.54 → 0.46 ms.
pub const PLAN_CACHE_MODE: &str = "force_generic_plan";

/// A pool of at most `max_connections`. A request waits at most `acquire_timeout` for a
/// connection: while the database is down or restarting it then fails with an error that
/// classifies as unavailable (`SERVICE_UNAVAILABLE`), instead of hanging. A connection idle for
/// [`PING_WHEN_IDLE_FOR`] or longer is checked before use, so that those a restart or an idle
/// timeout killed are replaced rather than handed out; one in constant use is not: a check on every
/// checkout was a round-trip of its own before each statement (on `me { id }`, a second of two).
pub async fn connect(
    url: &str,
    max_connections: u32,
    acquire_timeout: Duration,
) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(max_connections)
        .min_connections(1)
        .connect_timeout(acquire_timeout)
        .acquire_timeout(acquire_timeout)
        .test_before_acquire_if_idle_for(PING_WHEN_IDLE_FOR)
        // Statement text goes to logs only at debug level; parameters (passwords, tokens) never do.
        .sqlx_logging(false)
        .map_sqlx_postgres_opts(|pg| pg.options([("plan_cache_mode", PLAN_CACHE_MODE)]));
    Database::connect(options).await
}

/// A Postgres statement with `$n` parameters.
pub fn stmt<I>(sql: &str, values: I) -> sea_orm::Statement
where
    I: IntoIterator<Item = sea_orm::Value>,
{
    sea_orm::Statement::from_sql_and_values(sea_orm::DbBackend::Postgres, sql, values)
}
