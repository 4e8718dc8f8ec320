//! Logs and metrics. One log line per request (operation name, duration, outcome); passwords and
//! tokens never reach a log: request bodies and headers are not logged at all.

use crate::config::LogFormat;
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};
use std::io::IsTerminal;
use std::sync::OnceLock;
use tracing_subscriber::EnvFilter;

pub fn init_logging(format: LogFormat) {
    let filter = EnvFilter::try_from_env("ALLIANCE_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,sea_orm=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        // Colours only on a terminal: a log file or a pipe gets plain text.
        .with_ansi(use_colour(
            std::io::stdout().is_terminal(),
            std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        ));
    // A second init (tests) keeps the first subscriber.
    let _ = match format {
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
        LogFormat::Text => builder.try_init(),
    };
}

/// Whether log lines carry ANSI colours: on a terminal, unless `NO_COLOR` is set (no-color.org).
fn use_colour(stdout_is_terminal: bool, no_color: bool) -> bool {
    stdout_is_terminal && !no_color
}

static METRICS: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// The process-wide Prometheus recorder (installed once, shared by every router in the process).
pub fn metrics_handle() -> Option<&'static PrometheusHandle> {
    METRICS
        .get_or_init(|| {
            PrometheusBuilder::new()
                .set_buckets(&[
                    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
                ])
                .ok()
                .and_then(|b| b.install_recorder().ok())
        })
        .as_ref()
}

/// What the GraphQL handler tells the request log about the request.
#[derive(Debug, Clone)]
pub struct OperationInfo {
    pub name: String,
    pub outcome: &'static str,
}

#[cfg(test)]
mod tests {
    use super::use_colour;

    #[test]
    fn colours_only_on_a_terminal_without_no_color() {
        assert!(use_colour(true, false));
        assert!(!use_colour(false, false));
        assert!(!use_colour(true, true));
        assert!(!use_colour(false, true));
    }
}
