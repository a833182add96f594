use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    b2bizen::server::telemetry::init();
    let args = std::env::args().skip(1).collect();
    match b2bizen::server::cli::main(args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // One line, whole cause chain: "cannot reach the database at …: connection refused".
            let line = format!("{err:#}").replace('\n', " ");
            eprintln!("b2bizen: {line}");
            ExitCode::FAILURE
        }
    }
}
