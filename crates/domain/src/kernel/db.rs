//! Connecting to Postgres.

use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};
use std::time::Duration;

pub async fn connect(url: &str, max_connections: u32) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .max_connections(max_connections)
        .min_connections(1)
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(5))
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
