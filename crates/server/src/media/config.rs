//! Media settings from the environment (documented in the README and `.env.example`).

use crate::config::ConfigError;
use alliance_domain::media::{MediaServices, MediaSettings, MediaStore, S3Settings};
use std::path::PathBuf;
use std::time::Duration;

/// Where media live: a local directory, or an S3-compatible bucket when `ALLIANCE_S3_BUCKET` is set.
#[derive(Debug, Clone)]
pub enum MediaBackend {
    Local(PathBuf),
    S3(S3Settings),
}

#[derive(Debug, Clone)]
pub struct MediaConfig {
    pub backend: MediaBackend,
    pub settings: MediaSettings,
}

impl MediaConfig {
    /// Opens the store.
    pub fn services(&self) -> Result<MediaServices, alliance_domain::Error> {
        let store = match &self.backend {
            MediaBackend::Local(dir) => MediaStore::local(dir)?,
            MediaBackend::S3(s3) => MediaStore::s3(s3)?,
        };
        Ok(MediaServices {
            store,
            settings: self.settings.clone(),
        })
    }
}

fn text(get: &dyn Fn(&str) -> Option<String>, name: &str) -> Option<String> {
    get(name)
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

fn positive(
    get: &dyn Fn(&str) -> Option<String>,
    name: &str,
    default: u64,
) -> Result<u64, ConfigError> {
    match text(get, name) {
        None => Ok(default),
        Some(v) => v.parse::<u64>().ok().filter(|n| *n > 0).ok_or_else(|| {
            ConfigError(format!(
                "{name}={v:?} is not valid: expected a positive whole number"
            ))
        }),
    }
}

pub fn from_lookup(get: &dyn Fn(&str) -> Option<String>) -> Result<MediaConfig, ConfigError> {
    let defaults = MediaSettings::default();
    let max_file_bytes = positive(
        get,
        "ALLIANCE_MEDIA_MAX_FILE_BYTES",
        defaults.max_file_bytes as u64,
    )?;
    let max_files = positive(get, "ALLIANCE_MEDIA_MAX_FILES", defaults.max_files as u64)?;
    let ttl = positive(
        get,
        "ALLIANCE_MEDIA_URL_TTL_SECS",
        defaults.url_ttl.as_secs(),
    )?;
    if !(300..=900).contains(&ttl) {
        return Err(ConfigError(format!(
            "ALLIANCE_MEDIA_URL_TTL_SECS={ttl} is not valid: expected 300 to 900 seconds"
        )));
    }
    let settings = MediaSettings {
        max_file_bytes: usize::try_from(max_file_bytes).unwrap_or(usize::MAX),
        max_files: usize::try_from(max_files).unwrap_or(usize::MAX),
        url_ttl: Duration::from_secs(ttl),
        ..defaults
    };
    let backend = match text(get, "ALLIANCE_S3_BUCKET") {
        None => MediaBackend::Local(PathBuf::from(
            text(get, "ALLIANCE_MEDIA_DIR").unwrap_or_else(|| "data/media".into()),
        )),
        Some(bucket) => {
            let required = |name: &str| {
                text(get, name).ok_or_else(|| {
                    ConfigError(format!(
                        "{name} is not set: it is required when ALLIANCE_S3_BUCKET is set"
                    ))
                })
            };
            let endpoint = required("ALLIANCE_S3_ENDPOINT")?;
            if !(endpoint.starts_with("http://") || endpoint.starts_with("https://")) {
                return Err(ConfigError(format!(
                    "ALLIANCE_S3_ENDPOINT={endpoint:?} is not valid: expected an http(s) URL"
                )));
            }
            MediaBackend::S3(S3Settings {
                endpoint,
                bucket,
                region: text(get, "ALLIANCE_S3_REGION").unwrap_or_else(|| "us-east-1".into()),
                access_key: required("ALLIANCE_S3_ACCESS_KEY")?,
                secret_key: required("ALLIANCE_S3_SECRET_KEY")?,
            })
        }
    };
    Ok(MediaConfig { backend, settings })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn media(vars: &[(&str, &str)]) -> Result<MediaConfig, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        from_lookup(&move |name| map.get(name).cloned())
    }

    #[test]
    fn defaults_are_a_local_directory_and_ten_minute_urls() {
        let c = media(&[]).unwrap();
        assert!(matches!(c.backend, MediaBackend::Local(ref dir) if dir.ends_with("data/media")));
        assert_eq!(c.settings.url_ttl, Duration::from_secs(600));
        let c = media(&[
            ("ALLIANCE_S3_BUCKET", "photos"),
            ("ALLIANCE_S3_ENDPOINT", "http://127.0.0.1:9000"),
            ("ALLIANCE_S3_ACCESS_KEY", "k"),
            ("ALLIANCE_S3_SECRET_KEY", "s"),
        ])
        .unwrap();
        assert!(
            matches!(c.backend, MediaBackend::S3(ref s) if s.bucket == "photos" && s.region == "us-east-1")
        );
    }

    #[test]
    fn bad_values_name_their_variable() {
        for (vars, name) in [
            (
                vec![("ALLIANCE_MEDIA_MAX_FILES", "0")],
                "ALLIANCE_MEDIA_MAX_FILES",
            ),
            (
                vec![("ALLIANCE_MEDIA_MAX_FILE_BYTES", "big")],
                "ALLIANCE_MEDIA_MAX_FILE_BYTES",
            ),
            (
                vec![("ALLIANCE_MEDIA_URL_TTL_SECS", "3600")],
                "ALLIANCE_MEDIA_URL_TTL_SECS",
            ),
            (vec![("ALLIANCE_S3_BUCKET", "b")], "ALLIANCE_S3_ENDPOINT"),
            (
                vec![
                    ("ALLIANCE_S3_BUCKET", "b"),
                    ("ALLIANCE_S3_ENDPOINT", "s3.example.com"),
                ],
                "ALLIANCE_S3_ENDPOINT",
            ),
            (
                vec![
                    ("ALLIANCE_S3_BUCKET", "b"),
                    ("ALLIANCE_S3_ENDPOINT", "https://s3.example.com"),
                ],
                "ALLIANCE_S3_ACCESS_KEY",
            ),
        ] {
            let e = media(&vars).unwrap_err();
            assert!(e.0.starts_with(name), "{name}: {e}");
        }
    }
}
