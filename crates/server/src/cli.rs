//! The command line: serve, migrate, seed, create-admin, print-schema.

use crate::app::{AppState, metrics_router, router};
use crate::config::{Config, LogFormat};
use crate::observability::init_logging;
use alliance_domain::kernel::clock::SystemClock;
use alliance_domain::kernel::mail::{LogMailer, Mailer, SmtpMailer};
use alliance_domain::{DomainConfig, Services};
use alliance_migrations::{Migrator, MigratorTrait};
use anyhow::Context;
use clap::{Parser, Subcommand};
use std::io::Read;
use std::net::SocketAddr;
use std::sync::Arc;

#[derive(Parser)]
#[command(
    name = "alliance",
    version,
    about = "Alliance: a platform for party-building alliances"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Apply pending migrations, then serve the API and the web client.
    Serve,
    /// Apply pending migrations.
    Migrate,
    /// Load data. `--demo` loads the demo alliances and accounts (idempotent).
    Seed {
        #[arg(long)]
        demo: bool,
    },
    /// Create a platform admin; the password is read from standard input.
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "Platform admin")]
        name: String,
    },
    /// Print the GraphQL schema (SDL), as committed in schema.graphql.
    PrintSchema,
}

fn database_url() -> String {
    std::env::var("DATABASE_URL")
        .ok()
        .filter(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/alliance".into())
}

async fn connect(url: &str, max: u32) -> anyhow::Result<sea_orm::DatabaseConnection> {
    connect_waiting(
        url,
        max,
        alliance_domain::kernel::db::DEFAULT_ACQUIRE_TIMEOUT,
    )
    .await
}

async fn connect_waiting(
    url: &str,
    max: u32,
    acquire_timeout: std::time::Duration,
) -> anyhow::Result<sea_orm::DatabaseConnection> {
    alliance_domain::kernel::db::connect(url, max, acquire_timeout)
        .await
        .with_context(|| format!("cannot connect to DATABASE_URL ({})", redact(url)))
}

/// The URL without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let credentials = &url[scheme + 3..at];
            match credentials.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

pub async fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Serve => serve().await,
        Command::Migrate => {
            init_logging(LogFormat::Text);
            let db = connect(&database_url(), 2).await?;
            Migrator::up(&db, None).await.context("migration failed")?;
            println!("migrations applied");
            Ok(())
        }
        Command::Seed { demo } => {
            init_logging(LogFormat::Text);
            anyhow::ensure!(demo, "nothing to seed: pass --demo to load the demo data");
            let db = connect(&database_url(), 2).await?;
            Migrator::up(&db, None).await.context("migration failed")?;
            // Demo photos go where the server will look for them (ALLIANCE_MEDIA_DIR / ALLIANCE_S3_*).
            let media = crate::media::config::from_lookup(&|name| std::env::var(name).ok())?;
            let services = Services::new(
                db,
                DomainConfig::for_tests(),
                Arc::new(SystemClock),
                Arc::new(LogMailer),
            )?
            .with_media(media.services()?);
            let summary = alliance_domain::seed::demo(&services).await?;
            alliance_domain::seed::demo_photos(&services).await?;
            println!("{summary}");
            Ok(())
        }
        Command::CreateAdmin { email, name } => {
            init_logging(LogFormat::Text);
            let mut password = String::new();
            std::io::stdin()
                .read_to_string(&mut password)
                .context("cannot read the password from standard input")?;
            let password = password.trim_end_matches(['\n', '\r']);
            let db = connect(&database_url(), 2).await?;
            Migrator::up(&db, None).await.context("migration failed")?;
            let services = Services::new(
                db,
                DomainConfig::for_tests(),
                Arc::new(SystemClock),
                Arc::new(LogMailer),
            )?;
            match alliance_domain::seed::create_platform_admin(&services, &email, &name, password)
                .await
            {
                Ok(user) => {
                    println!("platform admin {} created", user.email.unwrap_or_default());
                    Ok(())
                }
                Err(alliance_domain::Error::Invalid(fields)) => {
                    let text: Vec<String> = fields
                        .iter()
                        .map(|f| format!("{}: {}", f.field, f.message))
                        .collect();
                    anyhow::bail!("{}", text.join("; "))
                }
                Err(e) => Err(e.into()),
            }
        }
        Command::PrintSchema => {
            print!("{}", alliance_api::schema::sdl());
            Ok(())
        }
    }
}

async fn serve() -> anyhow::Result<()> {
    let config = Config::from_env().map_err(|e| anyhow::anyhow!("{e}"))?;
    init_logging(config.log_format);
    if config.jwt_secret_generated {
        tracing::warn!(
            "ALLIANCE_DEV=1 and no ALLIANCE_JWT_SECRET: generated a random secret; sessions end when the server restarts"
        );
    }
    let db = connect_waiting(
        &config.database_url,
        config.db_max_connections,
        config.db_acquire_timeout,
    )
    .await?;
    Migrator::up(&db, None).await.context("migration failed")?;
    // Development without SMTP keeps the delivered messages for `GET /dev/outbox`.
    let dev_outbox = (config.dev && config.smtp_url.is_none())
        .then(alliance_domain::kernel::dev_outbox::DevOutbox::default);
    let mailer: Arc<dyn Mailer> = match (&config.smtp_url, &dev_outbox) {
        (Some(url), _) => {
            Arc::new(SmtpMailer::new(url, &config.mail_from).map_err(|e| anyhow::anyhow!(e))?)
        }
        (None, Some(dev)) => dev.mailer(),
        (None, None) => Arc::new(LogMailer),
    };
    let mut services = Services::new(db, config.domain.clone(), Arc::new(SystemClock), mailer)?
        .with_media(config.media.services()?);
    if let Some(dev) = &dev_outbox {
        services = services.with_sms(dev.sms_sender());
    }
    services.events.listen(&services.db).await?;
    let jobs = crate::jobs::spawn(&services, &config);
    let mut state = AppState::new(services, &config);
    state.dev_outbox = dev_outbox;
    if let Some(address) = config.metrics_listen {
        let listener = tokio::net::TcpListener::bind(address)
            .await
            .with_context(|| format!("cannot listen on ALLIANCE_METRICS_LISTEN={address}"))?;
        let metrics = metrics_router(state.clone());
        tracing::info!(%address, "serving /metrics");
        tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, metrics)
                .with_graceful_shutdown(shutdown_signal())
                .await
            {
                tracing::error!(error = %e, "the metrics listener stopped");
            }
        });
    }
    let app = router(state, &config.web_dist, &config.cors_origins);
    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .with_context(|| format!("cannot listen on ALLIANCE_LISTEN={}", config.listen))?;
    let web = if config.web_dist.join("index.html").is_file() {
        "with the web client"
    } else {
        "API only (no frontend/dist)"
    };
    tracing::info!(address = %config.listen, web, "serving");
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    crate::jobs::stopped(jobs).await;
    tracing::info!("stopped");
    Ok(())
}

/// SIGTERM or Ctrl-C: stop accepting, let in-flight requests finish.
pub(crate) async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing in-flight requests");
}

#[cfg(test)]
mod tests {
    #[test]
    fn redacts_passwords() {
        assert_eq!(
            super::redact("postgres://u:secret@h:5432/db"),
            "postgres://u:***@h:5432/db"
        );
        assert_eq!(super::redact("postgres://u@h/db"), "postgres://u@h/db");
    }
}
