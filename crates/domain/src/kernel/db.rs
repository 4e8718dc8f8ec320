//! Connecting to Postgres.

use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};
use std::time::Duration;

/// How long a request waits for a pooled connection by default (`ALLIANCE_DB_ACQUIRE_TIMEOUT_MS`).
pub const DEFAULT_ACQUIRE_TIMEOUT: Duration = Duration::from_millis(2000);

/// A pool of at most `max_connections`. A request waits at most `acquire_timeout` for a
/// connection: while the database is down or restarting it then fails with an error that
/// classifies as unavailable (`SERVICE_UNAVAILABLE`), instead of hanging. Connections are checked
/// before use, so that those a restart killed are replaced rather than handed out.
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
        .test_before_acquire(true)
        // Statement text goes to logs only at debug level; parameters (passwords, tokens) never do.
        .sqlx_logging(false);
    Database::connect(options).await
}

/// A Postgres statement with `$n` parameters.
pub fn stmt<I>(sql: &str, values: I) -> sea_orm::Statement
where
    I: IntoIterator<Item = sea_orm::Value>,
{
    sea_orm::Statement::from_sql_and_values(sea_orm::DbBackend::Postgres, sql, values)
}
