use std::os::unix::process::CommandExt;

// The request path makes many small, short-lived allocations; mimalloc serves them faster than
// the system allocator (see README "Benchmark against PostGraphile").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc reads its options from the environment before `main`. By default it commits whole
/// arenas up front, which kept about 12 MB more resident under load for no measurable speed; and it
/// returns memory freed back to an arena only after a delay (10 × its purge delay) and only when
/// some later allocation comes by, so each login's argon2id hash (19 MiB, allocated and freed on a
/// blocking thread) stayed resident for seconds into the load that followed: peak RSS under load
/// 57 → 44 MB without it, with no measurable cost on `me { id }` (scripts/bench.sh).
const MIMALLOC_OPTIONS: [(&str, &str); 2] = [
    ("MIMALLOC_ARENA_EAGER_COMMIT", "0"),
    ("MIMALLOC_ARENA_PURGE_MULT", "0"),
];

fn main() -> std::process::ExitCode {
    let unset: Vec<_> = MIMALLOC_OPTIONS
        .iter()
        .filter(|(name, _)| std::env::var_os(name).is_none())
        .collect();
    if !unset.is_empty() {
        // Once, before any thread starts: the same program and arguments with the options set
        // (an explicit value, even the default, is respected and skips this).
        let mut args = std::env::args_os();
        if let (Ok(exe), Some(arg0)) = (std::env::current_exe(), args.next()) {
            let error = std::process::Command::new(exe)
                .arg0(arg0)
                .args(args)
                .envs(unset.iter().map(|(name, value)| (name, value)))
                .exec();
            eprintln!(
                "alliance: could not restart with mimalloc's options set ({error}); going on"
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
