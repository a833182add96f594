use tracing_subscriber::{fmt, EnvFilter};

/// Logs to stderr, filtered by `RUST_LOG` (default: `info` for B2BiZen, `warn` elsewhere).
pub fn init() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("warn,b2bizen=info,tower_http=warn"));
    let _ = fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_writer(std::io::stderr)
        .try_init();
}
