//! The `timeline` command: parse arguments, call the library, report.
mod cli;
mod progress;

use std::process::ExitCode;

// the pipeline allocates many small strings on every thread; mimalloc's
// per-thread heaps keep that off glibc's arena locks
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // Ctrl-C or a kill leaves the previous outputs as they were, and no
    // temporary file behind
    let _ = ctrlc::set_handler(|| {
        timeline::remove_temporaries();
        std::process::exit(130);
    });
    match cli::run() {
        Ok(code) => code,
        Err(e) => {
            // a closed pipe (`timeline tag f | head`) is not a failure
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {}", timeline::escape::terminal(&format!("{e:#}"), true));
            ExitCode::from(2)
        }
    }
}
