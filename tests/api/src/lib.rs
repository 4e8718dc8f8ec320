//! Test harness: every test gets its own Postgres database, cloned from a template that is
//! migrated once per run, and a real server on a random port. Tests run in parallel.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::missing_panics_doc)]

use alliance_api::Limits;
use alliance_domain::kernel::clock::FixedClock;
use alliance_domain::kernel::config::ThrottleConfig;
use alliance_domain::kernel::mail::Outbox;
use alliance_domain::kernel::sms::SmsOutbox;
use alliance_domain::{DomainConfig, Services};
use alliance_migrations::{Migrator, MigratorTrait};
use alliance_server::{AppState, Config};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use serde_json::{Value, json};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

pub mod activities;
pub mod agreements;

pub use alliance_domain::seed::DEMO_PASSWORD;

pub mod media;
pub mod resources;

fn admin_url() -> String {
    std::env::var("ALLIANCE_TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn url_for(database: &str) -> String {
    let admin = admin_url();
    let base = admin
        .rsplit_once('/')
        .map(|(b, _)| b.to_owned())
        .unwrap_or(admin);
    format!("{base}/{database}")
}

/// The template's name changes whenever the migrations do, so a stale template is never used.
fn template_name() -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for migration in Migrator::migrations() {
        hasher.update(migration.name().as_bytes());
    }
    // Every migration's SQL: editing one before it lands must not reuse a stale template.
    let sql_dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../migrations/src/sql");
    let mut files: Vec<_> = std::fs::read_dir(sql_dir)
        .expect("migrations/src/sql is readable")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .collect();
    files.sort();
    for file in files {
        hasher.update(std::fs::read(&file).expect("a migration file is readable"));
    }
    let digest = hasher.finalize();
    format!(
        "alliance_tpl_{}",
        digest
            .iter()
            .take(6)
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    )
}

async fn ensure_template(admin: &DatabaseConnection) -> String {
    let name = template_name();
    // One process builds it; the others wait on the lock, then find it.
    admin
        .execute_unprepared("SELECT pg_advisory_lock(727274)")
        .await
        .unwrap();
    let exists = admin
        .query_one_raw(alliance_domain::kernel::db::stmt(
            "SELECT 1 AS found FROM pg_database WHERE datname = $1",
            [name.clone().into()],
        ))
        .await
        .unwrap()
        .is_some();
    if !exists {
        let building = format!("{name}_building");
        admin
            .execute_unprepared(&format!("DROP DATABASE IF EXISTS {building} WITH (FORCE)"))
            .await
            .unwrap();
        admin
            .execute_unprepared(&format!("CREATE DATABASE {building}"))
            .await
            .unwrap();
        {
            let db = Database::connect(url_for(&building)).await.unwrap();
            Migrator::up(&db, None).await.unwrap();
            db.close().await.unwrap();
        }
        admin
            .execute_unprepared(&format!("ALTER DATABASE {building} RENAME TO {name}"))
            .await
            .unwrap();
    }
    admin
        .execute_unprepared("SELECT pg_advisory_unlock(727274)")
        .await
        .unwrap();
    name
}

/// A database of its own, dropped when the test ends.
pub struct TestDb {
    pub name: String,
    pub url: String,
    /// False for a database the test did not create (see [`Options::database_url`]): kept on drop.
    owned: bool,
}

impl TestDb {
    pub async fn new() -> Self {
        let admin = Database::connect(admin_url())
            .await
            .expect("Postgres must run at ALLIANCE_TEST_DATABASE_URL (default 127.0.0.1:5432)");
        let template = ensure_template(&admin).await;
        let name = format!("alliance_test_{}", uuid::Uuid::new_v4().simple());
        let mut attempts = 0;
        loop {
            match admin
                .execute_unprepared(&format!("CREATE DATABASE {name} TEMPLATE {template}"))
                .await
            {
                Ok(_) => break,
                // Another clone of the template may be in progress; it takes a moment.
                Err(e)
                    if attempts < 20 && e.to_string().contains("being accessed by other users") =>
                {
                    attempts += 1;
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                }
                Err(e) => panic!("cannot create test database: {e}"),
            }
        }
        admin.close().await.ok();
        Self {
            url: url_for(&name),
            name,
            owned: true,
        }
    }

    /// A database that exists already (migrated by the caller); it is not dropped.
    pub fn external(url: &str) -> Self {
        Self {
            name: url.rsplit('/').next().unwrap_or_default().to_owned(),
            url: url.to_owned(),
            owned: false,
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if !self.owned {
            return;
        }
        let name = self.name.clone();
        // Drop runs outside async; a short-lived runtime on another thread does the cleanup.
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async {
                if let Ok(admin) = Database::connect(admin_url()).await {
                    let _ = admin
                        .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .await;
                    let _ = admin.close().await;
                }
            });
        })
        .join();
    }
}

#[derive(Clone)]
pub struct Options {
    pub limits: Limits,
    pub throttle: ThrottleConfig,
    pub web_dist: Option<PathBuf>,
    pub cors: Vec<String>,
    pub demo: bool,
    /// Overrides the access-token lifetime (15 minutes), e.g. to see a live connection expire.
    pub access_token_ttl: Option<std::time::Duration>,
    /// Serve this (migrated) database instead of a fresh clone of the template, through the
    /// server's own pool settings (`kernel::db::connect`), e.g. a cluster the test stops.
    pub database_url: Option<String>,
    /// The pool's acquire timeout (`ALLIANCE_DB_ACQUIRE_TIMEOUT_MS`) with `database_url`.
    pub db_acquire_timeout: std::time::Duration,
    /// Where photos and files go (memory unless given; see `media::local` and `media::s3`).
    pub media: Option<alliance_domain::media::MediaServices>,
    /// Notifications also go by mail (`ALLIANCE_NOTIFICATION_MAIL`; off in tests unless asked).
    pub notification_mail: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            limits: Limits::default(),
            throttle: ThrottleConfig::default(),
            web_dist: None,
            cors: Vec::new(),
            demo: true,
            access_token_ttl: None,
            database_url: None,
            db_acquire_timeout: alliance_domain::kernel::db::DEFAULT_ACQUIRE_TIMEOUT,
            media: None,
            notification_mail: false,
        }
    }
}

/// A running server on its own database.
pub struct TestApp {
    pub url: String,
    pub client: reqwest::Client,
    pub services: Services,
    pub clock: FixedClock,
    pub outbox: Outbox,
    /// Text messages delivered by the outbox jobs.
    pub sms: SmsOutbox,
    /// SQL statements run through the server's connection pool.
    pub statements: Arc<AtomicUsize>,
    /// Their text, in order, since the last `reset_statements`.
    pub statement_log: Arc<std::sync::Mutex<Vec<String>>>,
    pub db: TestDb,
}

/// A GraphQL answer.
#[derive(Debug)]
pub struct Gql {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: Value,
}

impl Gql {
    pub fn data(&self) -> &Value {
        &self.body["data"]
    }

    /// The `extensions.code` of the first error.
    pub fn code(&self) -> Option<&str> {
        self.body["errors"][0]["extensions"]["code"].as_str()
    }

    pub fn errors(&self) -> &Value {
        &self.body["errors"]
    }

    #[track_caller]
    pub fn ok(&self) -> &Value {
        assert!(
            self.body.get("errors").is_none(),
            "unexpected errors: {}",
            self.body
        );
        &self.body["data"]
    }
}

impl TestApp {
    pub async fn new() -> Self {
        Self::spawn(Options::default()).await
    }

    pub async fn empty() -> Self {
        Self::spawn(Options {
            demo: false,
            ..Options::default()
        })
        .await
    }

    pub async fn spawn(options: Options) -> Self {
        let (db, mut connection) = match &options.database_url {
            None => {
                let db = TestDb::new().await;
                // The server's own pool settings (plan cache mode, checks before use).
                let connection =
                    alliance_domain::kernel::db::connect(&db.url, 10, options.db_acquire_timeout)
                        .await
                        .unwrap();
                (db, connection)
            }
            Some(url) => {
                let connection =
                    alliance_domain::kernel::db::connect(url, 10, options.db_acquire_timeout)
                        .await
                        .unwrap();
                (TestDb::external(url), connection)
            }
        };
        let statements = Arc::new(AtomicUsize::new(0));
        let counter = statements.clone();
        let statement_log = Arc::new(std::sync::Mutex::new(Vec::new()));
        let log = statement_log.clone();
        connection.set_metric_callback(move |info| {
            counter.fetch_add(1, Ordering::SeqCst);
            if let Ok(mut log) = log.lock() {
                log.push(info.statement.sql.clone());
            }
        });
        let clock = FixedClock::new(chrono::Utc::now());
        let outbox = Outbox::default();
        let sms = SmsOutbox::default();
        let mut domain = DomainConfig::for_tests();
        domain.throttle = options.throttle.clone();
        domain.notification_mail = options.notification_mail;
        if let Some(ttl) = options.access_token_ttl {
            domain.access_token_ttl = ttl;
        }
        let services = Services::new(
            connection,
            domain.clone(),
            Arc::new(clock.clone()),
            Arc::new(outbox.clone()),
        )
        .unwrap()
        .with_sms(Arc::new(sms.clone()))
        .with_media(options.media.clone().unwrap_or_default());
        services.events.listen(&services.db).await.unwrap();
        if options.demo {
            alliance_domain::seed::demo(&services).await.unwrap();
        }
        let mut config =
            Config::from_lookup(&|name| (name == "ALLIANCE_DEV").then(|| "1".to_owned())).unwrap();
        config.domain = domain;
        config.limits = options.limits.clone();
        config.cookie_secure = true;
        let state = AppState::new(services.clone(), &config);
        let dist = options
            .web_dist
            .clone()
            .unwrap_or_else(|| PathBuf::from("/nonexistent"));
        let app = alliance_server::router(state, &dist, &options.cors);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            axum::serve(
                listener,
                app.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .await
            .unwrap();
        });
        statements.store(0, Ordering::SeqCst);
        statement_log.lock().unwrap().clear();
        Self {
            url: format!("http://{addr}"),
            client: reqwest::Client::new(),
            services,
            clock,
            outbox,
            sms,
            statements,
            statement_log,
            db,
        }
    }

    /// Sends a GraphQL request; `token` goes in `Authorization: Bearer`.
    pub async fn gql(&self, token: Option<&str>, query: &str, variables: Value) -> Gql {
        self.post(
            token,
            &[],
            json!({ "query": query, "variables": variables }),
        )
        .await
    }

    pub async fn post(&self, token: Option<&str>, headers: &[(&str, &str)], body: Value) -> Gql {
        let mut request = self
            .client
            .post(format!("{}/graphql", self.url))
            .json(&body);
        if let Some(token) = token {
            request = request.header("Authorization", format!("Bearer {token}"));
        }
        for (k, v) in headers {
            request = request.header(*k, *v);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let text = response.text().await.unwrap();
        let body =
            serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON ({status}): {text}"));
        Gql {
            status,
            headers,
            body,
        }
    }

    /// Logs in with the demo password; returns the full payload.
    pub async fn login_payload(&self, login: &str, password: &str) -> Gql {
        self.gql(
            None,
            "mutation($login: String!, $password: String!) { login(input: {login: $login, password: $password}) {
                accessToken expiresAt refreshToken user { id name } userErrors { field message code } } }",
            json!({ "login": login, "password": password }),
        )
        .await
    }

    /// An access token for a demo account.
    pub async fn token(&self, login: &str) -> String {
        let answer = self.login_payload(login, DEMO_PASSWORD).await;
        answer.ok()["login"]["accessToken"]
            .as_str()
            .unwrap_or_else(|| panic!("login failed for {login}: {}", answer.body))
            .to_owned()
    }

    /// Statements one request runs: the fewest of three runs (loader batches at different depths may
    /// merge or split with timing) and the most, for a ceiling.
    pub async fn statements_for(
        &self,
        token: &str,
        query: &str,
        variables: Value,
    ) -> (usize, usize) {
        let mut seen = Vec::new();
        for _ in 0..3 {
            self.reset_statements();
            self.gql(Some(token), query, variables.clone()).await.ok();
            seen.push(self.statement_count());
        }
        (
            seen.iter().copied().min().unwrap_or(0),
            seen.iter().copied().max().unwrap_or(0),
        )
    }

    /// Today in the demo alliances' time zone (Asia/Shanghai, UTC+8 all year): the date the server
    /// uses for them, which is already tomorrow's UTC date after 16:00 UTC.
    pub fn today_local(&self) -> chrono::NaiveDate {
        (self.clock_now() + chrono::Duration::hours(8)).date_naive()
    }

    pub fn clock_now(&self) -> chrono::DateTime<chrono::Utc> {
        use alliance_domain::kernel::clock::Clock;
        self.clock.now()
    }

    pub fn reset_statements(&self) {
        self.statements.store(0, Ordering::SeqCst);
        self.statement_log.lock().unwrap().clear();
    }

    /// The statements run since the last `reset_statements`.
    pub fn statements_run(&self) -> Vec<String> {
        self.statement_log.lock().unwrap().clone()
    }

    /// Runs every background job that is due now (fires due schedules first), as the server's
    /// runner would, and waits for them: the outbox is delivered when this returns.
    pub async fn run_due_jobs(&self) -> alliance_domain::jobs::RunSummary {
        self.services.jobs().run_due_now().await.unwrap()
    }

    /// Another server instance's services on the same database: its own connection pool, the same
    /// clock, mailer and SMS outbox.
    pub async fn second_instance(&self) -> Services {
        let connection = Database::connect(self.db.url.clone()).await.unwrap();
        Services::new(
            connection,
            self.services.config.as_ref().clone(),
            Arc::new(self.clock.clone()),
            Arc::new(self.outbox.clone()),
        )
        .unwrap()
        .with_sms(Arc::new(self.sms.clone()))
        .with_jobs_settings(self.services.jobs_settings.clone())
    }

    pub fn statement_count(&self) -> usize {
        self.statements.load(Ordering::SeqCst)
    }

    /// The global id of a demo organization or alliance by name (looked up directly).
    pub async fn organization_id(&self, name: &str) -> String {
        let row = self
            .services
            .db
            .query_one_raw(alliance_domain::kernel::db::stmt(
                "SELECT id FROM organizations WHERE name = $1",
                [name.into()],
            ))
            .await
            .unwrap()
            .unwrap();
        alliance_api::kernel::ids::encode(
            alliance_api::kernel::ids::Kind::Organization,
            row.try_get("", "id").unwrap(),
        )
        .0
    }

    pub async fn alliance_id(&self, name: &str) -> String {
        let row = self
            .services
            .db
            .query_one_raw(alliance_domain::kernel::db::stmt(
                "SELECT id FROM alliances WHERE name = $1",
                [name.into()],
            ))
            .await
            .unwrap()
            .unwrap();
        alliance_api::kernel::ids::encode(
            alliance_api::kernel::ids::Kind::Alliance,
            row.try_get("", "id").unwrap(),
        )
        .0
    }

    pub async fn scalar_i64(&self, sql: &str) -> i64 {
        let row = self
            .services
            .db
            .query_one_raw(alliance_domain::kernel::db::stmt(sql, []))
            .await
            .unwrap()
            .unwrap();
        row.try_get_by_index::<i64>(0).unwrap()
    }
}

pub const CONSORTIUM: &str = alliance_domain::seed::CONSORTIUM;
pub const PAIRING_MEMBERS_ONLY: &str = "瀚恩清洁—静安区中心医院后勤党支部结对共建";
