//! The `timeline` command: parse arguments, call the library, report.
mod cli;
mod progress;

use std::process::ExitCode;

// the pipeline allocates many small strings on every thread; mimalloc's
// per-thread heaps keep that off glibc's arena locks
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(e) => {
            // a closed pipe (`timeline tag f | head`) is not a failure
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}
