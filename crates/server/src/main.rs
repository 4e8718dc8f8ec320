use std::os::unix::process::CommandExt;

// The request path makes many small, short-lived allocations; mimalloc serves them faster than
// the system allocator (see README "Benchmark against PostGraphile").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc reads its options from the environment before `main`, and by default commits whole
/// arenas up front, which kept about 12 MB more resident under load for no measurable speed.
const ARENA_EAGER_COMMIT: &str = "MIMALLOC_ARENA_EAGER_COMMIT";

fn main() -> std::process::ExitCode {
    if std::env::var_os(ARENA_EAGER_COMMIT).is_none() {
        // Once, before any thread starts: the same program and arguments with the option set
        // (an explicit value, even the default, is respected and skips this).
        let mut args = std::env::args_os();
        if let (Ok(exe), Some(arg0)) = (std::env::current_exe(), args.next()) {
            let error = std::process::Command::new(exe)
                .arg0(arg0)
                .args(args)
                .env(ARENA_EAGER_COMMIT, "0")
                .exec();
            eprintln!(
                "alliance: could not restart with {ARENA_EAGER_COMMIT}=0 ({error}); going on"
            );
        }
    }
    run()
}

#[tokio::main]
async fn run() -> std::process::ExitCode {
    match alliance_server::cli::run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("alliance: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
