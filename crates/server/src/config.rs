//! Configuration, read once at start from the environment. Every variable is documented in the
//! README and `.env.example`; a missing or malformed value stops the program naming the variable.

use alliance_api::Limits;
use alliance_domain::DomainConfig;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    pub db_max_connections: u32,
    /// How long a request waits for a database connection before it answers
    /// `SERVICE_UNAVAILABLE` (`ALLIANCE_DB_ACQUIRE_TIMEOUT_MS`).
    pub db_acquire_timeout: Duration,
    pub listen: SocketAddr,
    /// Where `/metrics` is served instead of on `listen`, when set.
    pub metrics_listen: Option<SocketAddr>,
    pub dev: bool,
    /// True when the JWT secret was generated because `ALLIANCE_DEV=1` and none was given.
    pub jwt_secret_generated: bool,
    pub domain: DomainConfig,
    pub limits: Limits,
    pub introspection: bool,
    pub cors_origins: Vec<String>,
    pub cookie_secure: bool,
    pub web_dist: PathBuf,
    pub smtp_url: Option<String>,
    pub mail_from: String,
    pub trust_proxy: bool,
    pub log_format: LogFormat,
    /// `ALLIANCE_JOBS`: whether this instance runs background jobs (on by default).
    pub jobs_enabled: bool,
    /// `ALLIANCE_JOBS_POLL_MS`, `ALLIANCE_JOBS_CONCURRENCY`, `ALLIANCE_JOBS_SHUTDOWN_GRACE_SECS`.
    pub jobs: alliance_domain::jobs::RunnerConfig,
    /// `ALLIANCE_MEDIA_*` and `ALLIANCE_S3_*`: where photos and files live, and their limits.
    pub media: crate::media::config::MediaConfig,
}

#[derive(Debug)]
pub struct ConfigError(pub String);

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

pub const MIN_SECRET_BYTES: usize = 32;

struct Env<'a> {
    get: &'a dyn Fn(&str) -> Option<String>,
}

impl Env<'_> {
    fn text(&self, name: &str) -> Option<String> {
        (self.get)(name)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    }

    fn parse<T: FromStr>(&self, name: &str, default: T, what: &str) -> Result<T, ConfigError> {
        match self.text(name) {
            None => Ok(default),
            Some(v) => v
                .parse()
                .map_err(|_| ConfigError(format!("{name}={v:?} is not valid: expected {what}"))),
        }
    }

    fn flag(&self, name: &str, default: bool) -> Result<bool, ConfigError> {
        match self.text(name).as_deref() {
            None => Ok(default),
            Some("1" | "true" | "yes" | "on") => Ok(true),
            Some("0" | "false" | "no" | "off") => Ok(false),
            Some(v) => Err(ConfigError(format!(
                "{name}={v:?} is not valid: expected 1 or 0"
            ))),
        }
    }

    fn positive(&self, name: &str, default: usize) -> Result<usize, ConfigError> {
        let v: usize = self.parse(name, default, "a positive whole number")?;
        if v == 0 {
            return Err(ConfigError(format!(
                "{name}=0 is not valid: expected a positive whole number"
            )));
        }
        Ok(v)
    }
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(&|name| std::env::var(name).ok())
    }

    pub fn from_lookup(get: &dyn Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let env = Env { get };
        let dev = env.flag("ALLIANCE_DEV", false)?;
        let listen: SocketAddr = env.parse(
            "ALLIANCE_LISTEN",
            SocketAddr::from(([127, 0, 0, 1], 8080)),
            "an address like 127.0.0.1:8080",
        )?;
        let metrics_listen = match env.text("ALLIANCE_METRICS_LISTEN") {
            None => None,
            Some(v) => Some(v.parse::<SocketAddr>().map_err(|_| {
                ConfigError(format!(
                    "ALLIANCE_METRICS_LISTEN={v:?} is not valid: expected an address like 127.0.0.1:9090"
                ))
            })?),
        };
        if metrics_listen == Some(listen) {
            return Err(ConfigError(format!(
                "ALLIANCE_METRICS_LISTEN={listen} is the same as ALLIANCE_LISTEN: give another port or leave it unset"
            )));
        }
        let (jwt_secret, jwt_secret_generated) = match env.text("ALLIANCE_JWT_SECRET") {
            Some(s) if s.len() >= MIN_SECRET_BYTES => (s.into_bytes(), false),
            Some(_) if !dev => {
                return Err(ConfigError(format!(
                    "ALLIANCE_JWT_SECRET is too short: it must be at least {MIN_SECRET_BYTES} bytes"
                )));
            }
            None if !dev => {
                return Err(ConfigError(format!(
                    "ALLIANCE_JWT_SECRET is not set: give a random secret of at least {MIN_SECRET_BYTES} bytes (or ALLIANCE_DEV=1 to generate one for development)"
                )));
            }
            _ => (
                rand::random::<[u8; 32]>()
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect::<String>()
                    .into_bytes(),
                true,
            ),
        };
        let public_url = env
            .text("ALLIANCE_PUBLIC_URL")
            .unwrap_or_else(|| format!("http://localhost:{}", listen.port()));
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(ConfigError(format!(
                "ALLIANCE_PUBLIC_URL={public_url:?} is not valid: expected an http(s) URL"
            )));
        }
        let defaults = Limits::default();
        let limits = Limits {
            max_depth: env.positive("ALLIANCE_MAX_DEPTH", defaults.max_depth)?,
            max_complexity: env.positive("ALLIANCE_MAX_COMPLEXITY", defaults.max_complexity)?,
            max_aliases: env.parse(
                "ALLIANCE_MAX_ALIASES",
                defaults.max_aliases,
                "a whole number",
            )?,
            max_root_fields: env.positive("ALLIANCE_MAX_ROOT_FIELDS", defaults.max_root_fields)?,
            max_batch: env.positive("ALLIANCE_MAX_BATCH", defaults.max_batch)?,
            max_body_bytes: env.positive("ALLIANCE_MAX_BODY_BYTES", defaults.max_body_bytes)?,
            timeout: Duration::from_millis(env.positive(
                "ALLIANCE_REQUEST_TIMEOUT_MS",
                defaults.timeout.as_millis() as usize,
            )? as u64),
        };
        let log_format = match env.text("ALLIANCE_LOG_FORMAT").as_deref() {
            None | Some("text") => LogFormat::Text,
            Some("json") => LogFormat::Json,
            Some(v) => {
                return Err(ConfigError(format!(
                    "ALLIANCE_LOG_FORMAT={v:?} is not valid: expected text or json"
                )));
            }
        };
        let cors_origins: Vec<String> = env
            .text("ALLIANCE_CORS_ORIGINS")
            .map(|v| {
                v.split(',')
                    .map(|o| o.trim().trim_end_matches('/').to_owned())
                    .filter(|o| !o.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        for origin in &cors_origins {
            if !(origin.starts_with("http://") || origin.starts_with("https://")) {
                return Err(ConfigError(format!(
                    "ALLIANCE_CORS_ORIGINS contains {origin:?}: expected http(s) origins separated by commas"
                )));
            }
        }
        let mut domain = DomainConfig::for_tests();
        domain.jwt_secret = jwt_secret;
        domain.public_url = public_url;
        domain.access_token_ttl =
            Duration::from_secs(env.parse("ALLIANCE_ACCESS_TOKEN_TTL_SECS", 900u64, "seconds")?);
        domain.max_concurrent_hashes = env.positive(
            "ALLIANCE_HASH_CONCURRENCY",
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(2),
        )?;
        domain.check_in_opens_before = Duration::from_secs(
            60 * env.parse("ALLIANCE_CHECK_IN_OPENS_MINUTES", 120u64, "minutes")?,
        );
        domain.check_in_closes_after = Duration::from_secs(
            60 * env.parse("ALLIANCE_CHECK_IN_CLOSES_MINUTES", 120u64, "minutes")?,
        );
        domain.notification_mail = env.flag(
            "ALLIANCE_NOTIFICATION_MAIL",
            env.text("ALLIANCE_SMTP_URL").is_some(),
        )?;
        domain.time_zone = match env.text("ALLIANCE_TIME_ZONE") {
            None => domain.time_zone,
            Some(v) => alliance_domain::kernel::local_time::parse_zone("ALLIANCE_TIME_ZONE", &v).map_err(|_| {
                ConfigError(format!(
                    "ALLIANCE_TIME_ZONE={v:?} is not valid: expected an IANA time zone name like Asia/Shanghai"
                ))
            })?,
        };
        let media = crate::media::config::from_lookup(get)?;
        Ok(Self {
            media,
            database_url: env
                .text("DATABASE_URL")
                .unwrap_or_else(|| "postgres://postgres@127.0.0.1:5432/alliance".into()),
            db_max_connections: u32::try_from(env.positive("ALLIANCE_DB_MAX_CONNECTIONS", 10)?)
                .unwrap_or(10),
            db_acquire_timeout: Duration::from_millis(env.positive(
                "ALLIANCE_DB_ACQUIRE_TIMEOUT_MS",
                alliance_domain::kernel::db::DEFAULT_ACQUIRE_TIMEOUT.as_millis() as usize,
            )? as u64),
            listen,
            metrics_listen,
            dev,
            jwt_secret_generated,
            domain,
            limits,
            introspection: env.flag("ALLIANCE_INTROSPECTION", true)?,
            cors_origins,
            cookie_secure: env.flag("ALLIANCE_COOKIE_SECURE", true)?,
            web_dist: PathBuf::from(
                env.text("ALLIANCE_WEB_DIST")
                    .unwrap_or_else(|| "frontend/dist".into()),
            ),
            smtp_url: env.text("ALLIANCE_SMTP_URL"),
            mail_from: env
                .text("ALLIANCE_MAIL_FROM")
                .unwrap_or_else(|| "Alliance <no-reply@localhost>".into()),
            trust_proxy: env.flag("ALLIANCE_TRUST_PROXY", false)?,
            log_format,
            jobs_enabled: env.flag("ALLIANCE_JOBS", true)?,
            jobs: alliance_domain::jobs::RunnerConfig {
                poll_interval: Duration::from_millis(
                    env.positive("ALLIANCE_JOBS_POLL_MS", 2000)? as u64
                ),
                concurrency: env.positive("ALLIANCE_JOBS_CONCURRENCY", 4)?,
                shutdown_grace: Duration::from_secs(env.parse(
                    "ALLIANCE_JOBS_SHUTDOWN_GRACE_SECS",
                    20u64,
                    "seconds",
                )?),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(&move |name| map.get(name).cloned())
    }

    const SECRET: (&str, &str) = ("ALLIANCE_JWT_SECRET", "0123456789abcdef0123456789abcdef");

    #[test]
    fn missing_secret_is_refused_unless_dev() {
        let e = config(&[]).unwrap_err();
        assert!(e.0.contains("ALLIANCE_JWT_SECRET"), "{e}");
        let dev = config(&[("ALLIANCE_DEV", "1")]).unwrap();
        assert!(dev.jwt_secret_generated);
        assert!(dev.domain.jwt_secret.len() >= MIN_SECRET_BYTES);
    }

    #[test]
    fn short_secret_is_refused() {
        let e = config(&[("ALLIANCE_JWT_SECRET", "short")]).unwrap_err();
        assert!(e.0.contains("ALLIANCE_JWT_SECRET is too short"), "{e}");
    }

    #[test]
    fn bad_values_name_their_variable() {
        for (name, value) in [
            ("ALLIANCE_LISTEN", "nowhere"),
            ("ALLIANCE_MAX_DEPTH", "deep"),
            ("ALLIANCE_MAX_BATCH", "0"),
            ("ALLIANCE_DEV", "maybe"),
            ("ALLIANCE_LOG_FORMAT", "xml"),
            ("ALLIANCE_CORS_ORIGINS", "example.org"),
            ("ALLIANCE_REQUEST_TIMEOUT_MS", "-5"),
            ("ALLIANCE_DB_ACQUIRE_TIMEOUT_MS", "0"),
            ("ALLIANCE_DB_ACQUIRE_TIMEOUT_MS", "soon"),
            ("ALLIANCE_METRICS_LISTEN", "metrics"),
            ("ALLIANCE_METRICS_LISTEN", "127.0.0.1:8080"),
            ("ALLIANCE_TIME_ZONE", "Beijing"),
            ("ALLIANCE_JOBS", "sometimes"),
            ("ALLIANCE_JOBS_CONCURRENCY", "0"),
            ("ALLIANCE_JOBS_POLL_MS", "soon"),
        ] {
            let e = config(&[SECRET, (name, value)]).unwrap_err();
            assert!(e.0.starts_with(name), "{name}: {e}");
        }
    }

    #[test]
    fn defaults_and_overrides() {
        let c = config(&[SECRET]).unwrap();
        assert_eq!(c.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(
            c.database_url,
            "postgres://postgres@127.0.0.1:5432/alliance"
        );
        assert!(c.introspection);
        assert_eq!(c.db_acquire_timeout, Duration::from_millis(2000));
        let c = config(&[SECRET, ("ALLIANCE_DB_ACQUIRE_TIMEOUT_MS", "750")]).unwrap();
        assert_eq!(c.db_acquire_timeout, Duration::from_millis(750));
        assert_eq!(c.domain.time_zone.name(), "Asia/Shanghai");
        let c = config(&[SECRET, ("ALLIANCE_TIME_ZONE", "Europe/Berlin")]).unwrap();
        assert_eq!(c.domain.time_zone.name(), "Europe/Berlin");
        let c = config(&[
            SECRET,
            ("ALLIANCE_LISTEN", "0.0.0.0:9000"),
            ("ALLIANCE_MAX_BATCH", "3"),
            (
                "ALLIANCE_CORS_ORIGINS",
                "https://a.example, https://b.example/",
            ),
        ])
        .unwrap();
        assert_eq!(c.listen.port(), 9000);
        assert_eq!(c.limits.max_batch, 3);
        assert_eq!(
            c.cors_origins,
            vec!["https://a.example", "https://b.example"]
        );
    }
}
