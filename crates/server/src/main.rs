// The request path makes many small, short-lived allocations; mimalloc serves them faster than
// the system allocator (see README "Benchmark against PostGraphile").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
