//! Progress and messages on stderr (binary only).
//!
//! A progress line appears when stderr is a terminal and the work has
//! taken more than half a second; piped or `--quiet`, nothing but errors
//! is written. Skipped documents and warnings are printed as they come,
//! the first [`SHOWN`] of each unless `-v`; a summary line ends the run.

use std::collections::BTreeMap;
use std::io::IsTerminal as _;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use timeline::{LoadError, Outcome};

/// How many skips and warnings are printed without `-v`.
const SHOWN: usize = 20;

/// How much to say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verbosity {
    /// Errors only.
    Quiet,
    /// Progress, the first skips and warnings, a summary.
    Normal,
    /// Everything, with the time of each stage.
    Verbose,
}

/// The reporter of one run.
pub struct Progress {
    bar: ProgressBar,
    verbosity: Verbosity,
    terminal: bool,
    shown: bool,
    start: Instant,
    stage_start: Instant,
    /// Documents extracted.
    pub documents: usize,
    /// Bytes of text read.
    pub bytes: usize,
    /// Mentions found.
    pub mentions: usize,
    skipped: BTreeMap<&'static str, usize>,
    warnings: usize,
}

impl Progress {
    /// Start reporting.
    pub fn new(verbosity: Verbosity) -> Progress {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {pos} documents, {msg} [{elapsed}]")
                .expect("a valid template"),
        );
        let now = Instant::now();
        Progress {
            bar,
            verbosity,
            terminal: std::io::stderr().is_terminal(),
            shown: false,
            start: now,
            stage_start: now,
            documents: 0,
            bytes: 0,
            mentions: 0,
            skipped: BTreeMap::new(),
            warnings: 0,
        }
    }

    fn tick(&mut self) {
        if !self.shown
            && self.terminal
            && self.verbosity != Verbosity::Quiet
            && self.start.elapsed() > Duration::from_millis(500)
        {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.bar.enable_steady_tick(Duration::from_millis(120));
            self.shown = true;
        }
    }

    /// Print a warning, unless `-q`.
    pub fn warn(&self, line: &str) {
        if self.verbosity != Verbosity::Quiet {
            self.say(&format!("warning: {line}"));
        }
    }

    /// Print a line above the progress line.
    pub fn say(&self, line: &str) {
        // file names and article text may hold terminal escape sequences
        let line = timeline::escape::terminal(line, false);
        self.bar.suspend(|| eprintln!("{line}"));
    }

    /// Show what the pipeline reports.
    pub fn report(&mut self, r: timeline::pipeline::Report<'_>) {
        match r {
            timeline::pipeline::Report::Outcome(o) => self.outcome(o),
            timeline::pipeline::Report::Stage(name) => self.stage(name),
            timeline::pipeline::Report::Warning(w) => self.warn(&w),
        }
    }

    /// Count one document's outcome, printing its skip or warnings.
    pub fn outcome(&mut self, o: &Outcome) {
        match o {
            Outcome::Extracted { extracted, warnings, bytes } => {
                self.documents += 1;
                self.bytes += bytes;
                self.mentions += extracted.mentions.len();
                for w in warnings {
                    self.warnings += 1;
                    if self.verbosity == Verbosity::Verbose
                        || (self.verbosity == Verbosity::Normal && self.warnings <= SHOWN)
                    {
                        self.say(&format!("warning: {w}"));
                    }
                }
            }
            Outcome::Skipped(e) => {
                let n: usize = self.skipped.values().sum();
                *self.skipped.entry(reason(e)).or_default() += 1;
                if self.verbosity != Verbosity::Normal || n < SHOWN {
                    self.say(&format!("skipped: {e}"));
                }
            }
        }
        self.bar.set_position(self.documents as u64);
        self.bar.set_message(size(self.bytes));
        self.tick();
    }

    /// A new stage begins ("merging", "drawing"): say so on the bar, and
    /// with `-v` how long the last one took.
    pub fn stage(&mut self, name: &str) {
        if self.verbosity == Verbosity::Verbose {
            self.say(&format!("  {:.2} s", self.stage_start.elapsed().as_secs_f64()));
            self.say(name);
        }
        self.stage_start = Instant::now();
        self.bar.set_message(format!("{}, {name}", size(self.bytes)));
        self.tick();
    }

    /// Skips and warnings not printed, as a note.
    fn hidden(&self) -> Option<String> {
        let skipped: usize = self.skipped.values().sum();
        let hidden_skips = skipped.saturating_sub(SHOWN);
        let hidden_warnings = self.warnings.saturating_sub(SHOWN);
        (self.verbosity == Verbosity::Normal && hidden_skips + hidden_warnings > 0).then(|| {
            format!(
                "({hidden_skips} more skipped and {hidden_warnings} more warnings not shown; -v shows them)"
            )
        })
    }

    /// End the run with the summary line; `what` says what was made.
    pub fn finish(self, what: &str) {
        self.bar.finish_and_clear();
        if self.verbosity == Verbosity::Quiet {
            return;
        }
        if self.verbosity == Verbosity::Verbose {
            eprintln!("  {:.2} s", self.stage_start.elapsed().as_secs_f64());
        }
        if let Some(h) = self.hidden() {
            eprintln!("{h}");
        }
        let skipped: usize = self.skipped.values().sum();
        let reasons = if skipped == 0 {
            String::new()
        } else {
            let list: Vec<String> = self.skipped.iter().map(|(r, n)| format!("{n} {r}")).collect();
            format!(": {}", list.join(", "))
        };
        eprintln!(
            "read {} documents ({}; {} skipped{reasons}; {} warnings), {} mentions{what} in {:.1} s",
            self.documents,
            size(self.bytes),
            skipped,
            self.warnings,
            self.mentions,
            self.start.elapsed().as_secs_f64()
        );
    }
}

/// Bytes for a person: `850 B`, `31 KB`, `12.5 MB`.
fn size(bytes: usize) -> String {
    match bytes {
        b if b < 1_000 => format!("{b} B"),
        b if b < 1_000_000 => format!("{} KB", b / 1_000),
        b => format!("{:.1} MB", b as f64 / 1e6),
    }
}

/// A short reason for the summary.
fn reason(e: &LoadError) -> &'static str {
    e.problem.reason()
}
