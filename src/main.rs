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
            eprintln!("error: {}", timeline::escape::terminal(&message(&e), true));
            ExitCode::from(2)
        }
    }
}

/// The error and its causes, each said once: the library's errors already
/// name their cause ("cannot write: No such file or directory"), so a
/// cause whose words the message holds is not repeated.
fn message(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if out.contains(&text) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&text);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_cause_the_message_names_is_said_once() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "no such file");
        let e = anyhow::Error::new(io).context("x.json: cannot write: no such file");
        assert_eq!(super::message(&e), "x.json: cannot write: no such file");
        let e = anyhow::anyhow!("disk full").context("x.json: cannot write");
        assert_eq!(super::message(&e), "x.json: cannot write: disk full");
    }
}
