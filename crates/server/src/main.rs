#[tokio::main]
async fn main() -> std::process::ExitCode {
    match alliance_server::cli::run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("alliance: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
