//! Command-line interface (binary only): clap arguments, then a call into
//! the library.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context as _};
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use crate::progress::{Progress, Verbosity};
use timeline::corpus::Input;
use timeline::extract::timex::{self, Context};
use timeline::model::{EventType, PartialDate, Reference, ReferenceSource};
use timeline::pipeline::{self, PipelineError};
use timeline::render::{self, format::Format, Layout, RenderOptions, Theme};

/// Build ordered, sourced event timelines from folders of news articles.
#[derive(Debug, Parser)]
#[command(name = "timeline", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Print errors only: no progress, warnings or summary.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Print every skipped document and warning, and the time of each stage.
    #[arg(short, long, global = true)]
    verbose: bool,
}

/// Where the articles come from (`build`, `review`).
#[derive(Debug, clap::Args)]
struct Sources {
    /// Article files or folders (.txt, .md, .html, .jsonl, .json), or `-`
    /// for JSON lines on standard input.
    #[arg(required_unless_present = "mentions")]
    inputs: Vec<PathBuf>,
    /// Mention files written by `timeline extract` (`-` for standard
    /// input), merged after the inputs.
    #[arg(long, value_name = "FILE", num_args = 1..)]
    mentions: Vec<PathBuf>,
    /// The date of articles whose metadata gives none (YYYY, YYYY-MM or
    /// YYYY-MM-DD): what you know of the period they were written in.
    #[arg(long, value_name = "DATE")]
    date: Option<PartialDate>,
}

impl Sources {
    /// The pipeline's options for these sources (standard input checked).
    fn options(&self) -> anyhow::Result<pipeline::Options> {
        let inputs: Vec<Input> = self.inputs.iter().map(|p| Input::from_path(p)).collect();
        check_stdin(&inputs, self.mentions.iter().any(|m| m.as_os_str() == "-"))?;
        Ok(pipeline::Options {
            inputs,
            mentions: self.mentions.clone(),
            date: self.date,
            ..pipeline::Options::default()
        })
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the timeline of a corpus: writes the SVG and the JSON beside it.
    ///
    /// Reads folders (recursively, in path order) of .txt and .md articles
    /// with optional front matter, .html pages, and .jsonl/.json
    /// collections; see the README for the metadata each may carry. A file
    /// or record that cannot be read is reported and skipped; the command
    /// fails only when no article could be used.
    Build {
        #[command(flatten)]
        sources: Sources,
        /// The SVG to write.
        #[arg(short, long, value_name = "OUT.svg")]
        output: PathBuf,
        /// Where to write the timeline JSON [default: OUTPUT with .json].
        #[arg(long, value_name = "PATH")]
        json: Option<PathBuf>,
        /// A reviewer's corrections to apply (see `timeline review`).
        #[arg(long, value_name = "EDITS.json")]
        edits: Option<PathBuf>,
        #[command(flatten)]
        filter: FilterArgs,
        #[command(flatten)]
        style: Style,
    },
    /// Draw a timeline JSON again, for example after a person edited it.
    Render {
        /// A timeline JSON written by `build`.
        input: PathBuf,
        /// A reviewer's corrections to apply.
        #[arg(long, value_name = "EDITS.json")]
        edits: Option<PathBuf>,
        /// The SVG to write.
        #[arg(short, long, value_name = "OUT.svg")]
        output: PathBuf,
        #[command(flatten)]
        style: Style,
    },
    /// Print the temporal expressions of one text file.
    Tag {
        /// A UTF-8 text file.
        file: PathBuf,
        /// The day relative expressions resolve against (YYYY-MM-DD).
        /// Without it, the latest explicit day in the text is used and
        /// stderr says so.
        #[arg(long, value_name = "YYYY-MM-DD")]
        reference_date: Option<NaiveDate>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = TagFormat::Json)]
        format: TagFormat,
    },
    /// What a reviewer must look at: findings, worst first, with quotes.
    ///
    /// Sources that disagree, dates after their own article, dates
    /// resolved from an inferred reference day, single-source events,
    /// dates taken over by merging, events that may be one, contradictory
    /// orderings, and edits that no longer apply. Corrections go into an
    /// edits file (see the README) that `build` and `render` apply.
    ///
    /// Exits 1 when it reports an error-severity finding (check before
    /// publishing), 2 when it cannot run, 0 otherwise.
    Review {
        #[command(flatten)]
        sources: Sources,
        /// A reviewer's corrections to apply first.
        #[arg(long, value_name = "EDITS.json")]
        edits: Option<PathBuf>,
        /// text for a person, json for programs, dot for the ordering graph.
        #[arg(long, value_enum, default_value_t = ReviewFormat::Text)]
        format: ReviewFormat,
    },
    /// The map step of a distributed run: articles in, mention records out.
    ///
    /// Reads articles like `build` (by default JSON lines on standard
    /// input) and writes one JSON line per document: the document, the days
    /// it reports and its event mentions. `build --mentions` merges such
    /// files into the same timeline one `build` of all the articles gives,
    /// so this runs unchanged under GNU parallel, Spark's `RDD.pipe` or
    /// Hadoop streaming.
    Extract {
        /// Article files or folders, or `-` for JSON lines on standard
        /// input.
        #[arg(default_value = "-")]
        inputs: Vec<PathBuf>,
        /// The date of articles whose metadata gives none.
        #[arg(long, value_name = "DATE")]
        date: Option<PartialDate>,
        /// Write here (whole or not at all) instead of standard output.
        #[arg(short, long, value_name = "FILE.jsonl")]
        output: Option<PathBuf>,
        /// Also every event the learned event model finds (minor
        /// mentions), for `build --mentions ... --entity` or
        /// `--all-events`.
        #[arg(long)]
        all_events: bool,
    },
    /// The time expressions and `TimeML` events of one text file.
    ///
    /// Events are found by the learned event model on the backbone's
    /// parse, each with its `TimeML` class, tense, aspect, polarity and
    /// modality; offsets are UTF-8 byte offsets into the file.
    Annotate {
        /// A UTF-8 text file.
        file: PathBuf,
        /// The day relative expressions resolve against (YYYY-MM-DD).
        /// Without it, the latest explicit day in the text is used and
        /// stderr says so.
        #[arg(long, value_name = "YYYY-MM-DD")]
        reference_date: Option<NaiveDate>,
        /// json: {"timexes": [...], "events": [...]}; timeml: the text
        /// with inline TIMEX3 and EVENT tags, then MAKEINSTANCE tags.
        #[arg(long, value_enum, default_value_t = TagFormat::Json)]
        format: TagFormat,
    },
    /// The event model: train it, or cross-validate it on `TimeML` data.
    Events {
        #[command(subcommand)]
        command: EventsCommand,
    },
    /// The linguistic backbone: train, evaluate, or analyse a text.
    Nlp {
        #[command(subcommand)]
        command: NlpCommand,
    },
    /// Score the time expression tagger on `TimeML` files (TempEval-3 style).
    ///
    /// Reads every .tml file under the given folders, tags its text with
    /// the document creation time as reference day, and prints strict and
    /// relaxed precision, recall and F1, type and value F1, and the errors
    /// grouped by kind of expression.
    Eval {
        /// Folders (or files) of `TimeML` documents.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Also list every miss, extra and wrong value.
        #[arg(short, long)]
        verbose: bool,
        /// An event model file instead of the embedded one.
        #[arg(long, value_name = "MODEL")]
        events_model: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
enum EventsCommand {
    /// Train the event model on `TimeML` folders (seeded: the same data
    /// and options give the same bytes).
    Train {
        /// Folders (or files) of gold `TimeML` documents (`TimeBank`, AQUAINT).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Folders of automatically annotated `TimeML` (TE3 silver), used for
        /// event detection only.
        #[arg(long, value_name = "DIR")]
        silver: Vec<PathBuf>,
        /// The model to write.
        #[arg(short, long, default_value = "models/en-events.model")]
        output: PathBuf,
        #[command(flatten)]
        options: EventTrainArgs,
    },
    /// K-fold cross-validation by document: TempEval-3 task B figures.
    Cv {
        /// Folders (or files) of gold `TimeML` documents.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// Folders of automatically annotated `TimeML` added to every fold's
        /// training data.
        #[arg(long, value_name = "DIR")]
        silver: Vec<PathBuf>,
        /// Folds.
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// Also list every miss, extra and wrong class.
        #[arg(short, long)]
        verbose: bool,
        #[command(flatten)]
        options: EventTrainArgs,
    },
}

#[derive(Debug, clap::Args)]
struct EventTrainArgs {
    /// Seed of every shuffle.
    #[arg(long, default_value_t = 2026)]
    seed: u64,
    /// Passes over the data.
    #[arg(long, default_value_t = 12)]
    iterations: usize,
    /// Averaged weights smaller than this are left out.
    #[arg(long, default_value_t = 0.05)]
    prune: f32,
    /// Added to every event class's score: above 0 finds more events.
    #[arg(long, default_value_t = 0.0, allow_negative_numbers = true)]
    bias: f32,
}

impl EventTrainArgs {
    fn options(&self) -> timeline::extract::events::TrainOptions {
        timeline::extract::events::TrainOptions {
            seed: self.seed,
            iterations: self.iterations,
            prune: self.prune,
            bias: self.bias,
        }
    }
}

#[derive(Debug, Subcommand)]
enum NlpCommand {
    /// Train the tagger, lemmatizer and parser on CoNLL-U treebanks
    /// (seeded: the same data and options give the same bytes).
    Train {
        /// CoNLL-U files (UD English EWT and GUM train).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The model to write.
        #[arg(short, long, default_value = "models/en-ud.model")]
        output: PathBuf,
        /// Seed of every shuffle.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        /// Passes over the data for the tagger.
        #[arg(long, default_value_t = 8)]
        tagger_iterations: usize,
        /// Passes over the data for the parser.
        #[arg(long, default_value_t = 15)]
        parser_iterations: usize,
        /// Folds of jackknifed tags for the parser (1: gold tags).
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// Averaged parser weights smaller than this are left out.
        #[arg(long, default_value_t = 2.0)]
        prune: f32,
        /// Averaged tagger weights smaller than this are left out.
        #[arg(long, default_value_t = 0.5)]
        tagger_prune: f32,
        /// Unlabeled text the word clusters are learned from: files or
        /// folders of `.txt`, `TimeML` `.tml` (its tags left out) and `.jsonl`
        /// (each line's `text`), read in name order.
        #[arg(long)]
        unlabeled: Vec<PathBuf>,
        /// Fine, middle and coarse word clusters learned from the
        /// unlabeled text.
        #[arg(long, value_delimiter = ',', num_args = 3, default_values_t = [1024, 256, 32])]
        clusters: Vec<usize>,
    },
    /// Score the model on a CoNLL-U file: `CoNLL` 2018 shared task figures.
    Eval {
        /// The gold CoNLL-U file.
        gold: PathBuf,
        /// Start from each sentence's `# text` instead of gold tokens.
        #[arg(long)]
        raw: bool,
        /// A model file instead of the embedded one.
        #[arg(long)]
        model: Option<PathBuf>,
    },
    /// Print the analysis of a text file, with byte offsets.
    Parse {
        /// A UTF-8 text file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ParseFormat::Conllu)]
        format: ParseFormat,
        /// A model file instead of the embedded one.
        #[arg(long)]
        model: Option<PathBuf>,
    },
    /// Score the entity types of the timeline's entities on GUM's named
    /// mentions (CoNLL-U with `Entity=` brackets): names found, types right.
    EntityTypes {
        /// A GUM CoNLL-U file (dev, to develop on).
        gold: PathBuf,
    },
    /// Score the timeline's reading of "he" and "she" on GUM (its mentions
    /// given): pronouns right, and MUC over pronouns and named mentions.
    Coreference {
        /// A GUM CoNLL-U file (dev, to develop on).
        gold: PathBuf,
    },
    /// Learn the entity type table from GUM's named mentions (counted, so
    /// the same data gives the same bytes).
    TrainEntityTypes {
        /// GUM CoNLL-U files with `Entity=` brackets (train).
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The model to write.
        #[arg(short, long, default_value = "models/entity-types.tsv")]
        output: PathBuf,
        /// Features seen fewer times are left out.
        #[arg(long, default_value_t = 1)]
        min_count: u32,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ParseFormat {
    /// CoNLL-U, with each word's byte range in MISC.
    Conllu,
    /// JSON: sentences with their tokens.
    Json,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ReviewFormat {
    /// Grouped by severity, with quotes.
    Text,
    /// The findings as JSON.
    Json,
    /// The ordering graph for Graphviz.
    Dot,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum TagFormat {
    /// A JSON array of {start, end, text, type, value}.
    Json,
    /// The text with inline <TIMEX3> tags.
    Timeml,
}

#[derive(Debug, clap::Args)]
#[command(next_help_heading = "Filters")]
struct FilterArgs {
    /// Keep events that reach this day or later (undated ones are left out).
    #[arg(long, value_name = "YYYY-MM-DD")]
    from: Option<NaiveDate>,
    /// Keep events that start on or before this day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    to: Option<NaiveDate>,
    /// Keep events reported by at least N documents.
    #[arg(long, value_name = "N", default_value_t = 0)]
    min_sources: usize,
    /// Keep events of these types (repeat or separate with commas): protest,
    /// violence, `political_change`, security, economic, statement,
    /// diplomacy, other.
    #[arg(long = "type", value_name = "TYPE", value_delimiter = ',')]
    types: Vec<String>,
    /// Keep events in which this actor or target takes part (an
    /// entity-centred timeline); spelling variants match. Such a timeline
    /// holds every event the learned model finds, as --all-events.
    #[arg(long, value_name = "NAME")]
    entity: Option<String>,
    /// Keep the events of the N most important days: the days the most
    /// articles report events of (events not dated to one day are left
    /// out).
    #[arg(long, value_name = "N")]
    days: Option<usize>,
    /// Keep at most K events of each day, the most salient.
    #[arg(long, value_name = "K")]
    per_day: Option<usize>,
    /// Then keep the K most salient events (sources, headline and lead,
    /// a date from the text, named participants; statements count low).
    #[arg(long, value_name = "K")]
    top: Option<usize>,
    /// Keep only events whose date a text gives: leave out the undated and
    /// those only bounded by their article's date ("by Jan 2022").
    #[arg(long)]
    text_dates: bool,
    /// Every event the learned event model finds, not only the happenings
    /// of the event lexicon: what did not happen (negated, modal, future,
    /// conditional, quoted) is still left out, and events without a date
    /// of their own take their article's.
    #[arg(long)]
    all_events: bool,
}

impl FilterArgs {
    fn filter(&self) -> anyhow::Result<timeline::graph::Filter> {
        let types = self
            .types
            .iter()
            .map(|t| {
                EventType::from_name(t.trim()).ok_or_else(|| {
                    let all: Vec<&str> = EventType::ALL.iter().map(|t| t.name()).collect();
                    anyhow::anyhow!("--type: expected one of {}, but found {t:?}", all.join(", "))
                })
            })
            .collect::<anyhow::Result<_>>()?;
        if let (Some(f), Some(t)) = (self.from, self.to) {
            if f > t {
                bail!("--from {f} is after --to {t}");
            }
        }
        Ok(timeline::graph::Filter {
            from: self.from,
            to: self.to,
            min_sources: self.min_sources,
            types,
            entity: self.entity.clone(),
            days: self.days,
            per_day: self.per_day,
            top: self.top,
            text_dates: self.text_dates,
        })
    }
}

#[derive(Debug, clap::Args)]
struct Style {
    /// Image width in pixels [default: 1200, or the --size's].
    #[arg(long)]
    width: Option<f64>,
    /// Where the image goes: column (a 6.5-inch text column), page (a
    /// landscape page) or slide. Sets the width so its smallest text prints
    /// at 7 pt or more, and a PNG's resolution.
    #[arg(long, value_enum)]
    size: Option<SizeArg>,
    /// Heading of the image [default: the period covered].
    #[arg(long)]
    title: Option<String>,
    /// Colour theme.
    #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
    theme: ThemeArg,
    /// Which way time runs; vertical suits long timelines in documents.
    #[arg(long, value_enum, default_value_t = LayoutArg::Horizontal)]
    layout: LayoutArg,
    /// Draw at most N events, the most reported; the JSON keeps all
    /// (0 draws every event).
    #[arg(long, value_name = "N", default_value_t = 400)]
    max_events: usize,
    /// Output format [default: from the output's extension: .svg, .png
    /// (rasterized at 2x), .html (a report page), .md, .mmd (Mermaid)].
    #[arg(long, value_enum)]
    format: Option<Format>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LayoutArg {
    Horizontal,
    Vertical,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum SizeArg {
    /// A 6.5-inch text column: 620 px wide, PNG at 3x (286 dpi).
    Column,
    /// A landscape page, 9 inches: 860 px, PNG at 3x (287 dpi).
    Page,
    /// A 16:9 slide: 800 px, PNG at 2x (120 dpi).
    Slide,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ThemeArg {
    Light,
    Dark,
}

impl Style {
    fn options(&self) -> anyhow::Result<RenderOptions> {
        let size = self.size.map(|s| match s {
            SizeArg::Column => render::PrintSize::Column,
            SizeArg::Page => render::PrintSize::Page,
            SizeArg::Slide => render::PrintSize::Slide,
        });
        let width = self.width.unwrap_or_else(|| size.map_or(1200.0, render::PrintSize::width));
        if !(width.is_finite() && (480.0..=20000.0).contains(&width)) {
            bail!("--width: expected a number of pixels from 480 to 20000, but found {width}");
        }
        Ok(RenderOptions {
            width,
            size,
            title: self.title.clone(),
            theme: match self.theme {
                ThemeArg::Light => Theme::Light,
                ThemeArg::Dark => Theme::Dark,
            },
            layout: match self.layout {
                LayoutArg::Horizontal => Layout::Horizontal,
                LayoutArg::Vertical => Layout::Vertical,
            },
            max_events: self.max_events,
            ..RenderOptions::default()
        })
    }
}

/// Parse the arguments and run the command.
pub fn run() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    let verbosity = if cli.quiet {
        Verbosity::Quiet
    } else if cli.verbose {
        Verbosity::Verbose
    } else {
        Verbosity::Normal
    };
    timeline::extract::guard::quiet_guarded_panics();
    match cli.command {
        Command::Build { sources, output, json, edits, filter, style } => {
            build(&sources, &output, json, edits.as_deref(), &filter, &style, verbosity)
        }
        Command::Extract { inputs, date, output, all_events } => {
            let detail = if all_events { timeline::Detail::All } else { timeline::Detail::Major };
            extract(&inputs, date, output.as_deref(), detail, verbosity)
        }
        Command::Render { input, output, edits, style } => {
            let opts = style.options()?;
            let format = Format::resolve(style.format, &output)?;
            let same = |a: &Path, b: &Path| {
                std::fs::canonicalize(a)
                    .ok()
                    .zip(std::fs::canonicalize(b).ok())
                    .is_some_and(|(a, b)| a == b)
            };
            if same(&input, &output) {
                bail!(
                    "{}: the output would overwrite the timeline JSON it is drawn from; choose another -o",
                    output.display()
                );
            }
            let (t, undated) = timeline::read_timeline(&input)?;
            for w in undated {
                eprintln!(
                    "{}",
                    timeline::escape::terminal(&format!("{}: {w}", input.display()), false)
                );
            }
            let t = pipeline::apply_edits(t, edits.as_deref(), &mut |r| {
                if let pipeline::Report::Warning(w) = r {
                    eprintln!("{}", timeline::escape::terminal(&w, false));
                }
            })?;
            timeline::write_atomic(&output, &render::format::write(&t, &opts, format)?)?;
            let undated = t.events.iter().filter(|e| e.date.is_none()).count();
            let note = if undated > 0 && format.leaves_out_undated() {
                format!("; {undated} undated, which it leaves out")
            } else {
                String::new()
            };
            eprintln!("wrote {} ({} events{note})", output.display(), t.events.len());
            Ok(ExitCode::SUCCESS)
        }
        Command::Tag { file, reference_date, format } => tag(&file, reference_date, format),
        Command::Eval { inputs, verbose, events_model } => {
            eval(&inputs, verbose, events_model.as_deref())
        }
        Command::Annotate { file, reference_date, format } => {
            annotate(&file, reference_date, format)
        }
        Command::Events { command } => events(command),
        Command::Nlp { command } => nlp(command),
        Command::Review { sources, edits, format } => {
            review(&sources, edits.as_deref(), format, verbosity)
        }
    }
}

/// Standard input can be read once, and not from a person typing.
fn check_stdin(inputs: &[Input], mentions_from_stdin: bool) -> anyhow::Result<()> {
    use std::io::IsTerminal as _;
    let n =
        inputs.iter().filter(|i| **i == Input::Stdin).count() + usize::from(mentions_from_stdin);
    if n > 1 {
        bail!("standard input (-) can be read only once");
    }
    if n == 1 && std::io::stdin().is_terminal() {
        bail!("expected articles as JSON lines on standard input, but it is a terminal: pipe them in, or name files or folders");
    }
    Ok(())
}

fn review(
    sources: &Sources,
    edits: Option<&Path>,
    format: ReviewFormat,
    verbosity: Verbosity,
) -> anyhow::Result<ExitCode> {
    let mut progress = Progress::new(verbosity);
    let opts = pipeline::Options { edits: edits.map(Path::to_path_buf), ..sources.options()? };
    let t = match pipeline::build(&opts, &mut |r| progress.report(r)) {
        Err(PipelineError::NoArticle) => {
            bail!("no article could be read, so there is nothing to review")
        }
        built => built?.timeline,
    };
    progress.finish(&format!(", {} events, {} findings", t.events.len(), t.findings.len()));
    let mut out = std::io::stdout().lock();
    match format {
        ReviewFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &t.findings)?;
            writeln!(out)?;
        }
        ReviewFormat::Dot => write!(out, "{}", timeline::graph::order::dot(&t.events, &t.edges))?,
        ReviewFormat::Text => {
            // what articles wrote reaches a terminal here: no escape
            // sequences get through
            let t8 = |s: &str| timeline::escape::terminal(s, false).into_owned();
            let by_id: std::collections::BTreeMap<&str, &timeline::model::Event> =
                t.events.iter().map(|e| (e.id.as_str(), e)).collect();
            let mut last = None;
            for f in &t.findings {
                if last != Some((f.severity, f.kind)) {
                    writeln!(out, "\n{:?}: {}", f.severity, f.kind)?;
                    last = Some((f.severity, f.kind));
                }
                writeln!(out, "  - {}", t8(&f.message))?;
                for id in &f.events {
                    if let Some(e) = by_id.get(id.as_str()) {
                        let date = e.date.as_ref().map_or_else(
                            || "undated".into(),
                            |d| format!("{}..{}", d.earliest(), d.latest()),
                        );
                        writeln!(out, "      {} ({}): {}", t8(id), t8(&date), t8(&e.title))?;
                        for m in e.mentions.iter().take(3) {
                            writeln!(
                                out,
                                "        [{}] \u{201c}{}\u{201d}",
                                t8(&m.document),
                                t8(&m.quote)
                            )?;
                        }
                    }
                }
            }
            let count = |s: timeline::model::Severity| {
                t.findings.iter().filter(|f| f.severity == s).count()
            };
            writeln!(
                out,
                "\n{} findings: {} errors, {} warnings, {} for information",
                t.findings.len(),
                count(timeline::model::Severity::Error),
                count(timeline::model::Severity::Warning),
                count(timeline::model::Severity::Info)
            )?;
        }
    }
    // an error a reviewer must fix before publishing fails the command,
    // so that a script can gate on it (a failure to run exits 2)
    if t.findings.iter().any(|f| f.severity == timeline::model::Severity::Error) {
        Ok(ExitCode::from(1))
    } else {
        Ok(ExitCode::SUCCESS)
    }
}

fn build(
    sources: &Sources,
    output: &Path,
    json: Option<PathBuf>,
    edits: Option<&Path>,
    filter_args: &FilterArgs,
    style: &Style,
    verbosity: Verbosity,
) -> anyhow::Result<ExitCode> {
    let filter = filter_args.filter()?;
    let mut opts = style.options()?;
    // an entity timeline is titled after its entity
    opts.subject.clone_from(&filter.entity);
    let format = Format::resolve(style.format, output)?;
    let json = json.unwrap_or_else(|| output.with_extension("json"));
    if json == output {
        bail!(
            "{}: the output and the timeline JSON would be one file; choose --json",
            output.display()
        );
    }
    let run = pipeline::Options {
        all_events: filter_args.all_events,
        edits: edits.map(Path::to_path_buf),
        filter,
        ..sources.options()?
    };
    let mut progress = Progress::new(verbosity);
    let built = match pipeline::build(&run, &mut |r| progress.report(r)) {
        Err(PipelineError::NoArticle) => {
            bail!("no article could be read, so no timeline was written")
        }
        built => built?,
    };
    if built.subject.is_some() {
        // titled after the entity's full name
        opts.subject = built.subject;
    }
    let t = built.timeline;
    progress.stage("drawing");
    // render first: nothing is written unless both outputs are ready
    let image = render::format::write(&t, &opts, format)?;
    // both written and synced before either replaces its old version
    let json_file = timeline::json_file(&json, &t)?;
    let mut image_file = timeline::AtomicFile::create(output)?;
    image_file
        .write_all(&image)
        .map_err(|source| timeline::WriteError { path: output.to_path_buf(), source })?;
    timeline::commit_all(vec![json_file, image_file])?;
    let dated = t.events.iter().filter(|e| e.date.is_some()).count();
    progress.finish(&format!(
        ", {} events ({} dated), {} findings; wrote {} and {}",
        t.events.len(),
        dated,
        t.findings.len(),
        output.display(),
        json.display(),
    ));
    Ok(ExitCode::SUCCESS)
}

fn extract(
    inputs: &[PathBuf],
    date: Option<PartialDate>,
    output: Option<&Path>,
    detail: timeline::Detail,
    verbosity: Verbosity,
) -> anyhow::Result<ExitCode> {
    let inputs: Vec<Input> = inputs.iter().map(|p| Input::from_path(p)).collect();
    check_stdin(&inputs, false)?;
    let mut progress = Progress::new(verbosity);
    let mut file = output.map(timeline::AtomicFile::create).transpose()?;
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let out: &mut dyn std::io::Write = match &mut file {
        Some(f) => f,
        None => &mut stdout,
    };
    let mut failed: Option<std::io::Error> = None;
    let mut written = 0usize;
    let mut copies = timeline::Copies::default();
    timeline::extract_inputs(&inputs, date, detail, |o| {
        let o = copies.admit(o);
        progress.outcome(&o);
        if let (timeline::Outcome::Extracted { extracted, .. }, None) = (&o, &failed) {
            let line = serde_json::to_string(extracted).expect("a record always serializes");
            match writeln!(out, "{line}") {
                Ok(()) => written += 1,
                Err(e) => failed = Some(e),
            }
        }
    });
    if let Some(e) = failed {
        return Err(e.into());
    }
    if written == 0 {
        bail!("no article could be read, so no mentions were written");
    }
    out.flush()?;
    if let Some(f) = file {
        f.commit()?;
    }
    progress.finish("");
    Ok(ExitCode::SUCCESS)
}

/// A UTF-8 text file, whole.
fn read_text(file: &Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(file).with_context(|| format!("{}: cannot read", file.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{}: expected UTF-8 text, but found an invalid byte at offset {}",
            file.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

/// The tagging context of a lone text file: the reference day given, else
/// the one inferred from the text (said on stderr), else none.
fn file_context(
    file: &Path,
    text: &str,
    recognized: &timex::Recognized,
    reference: Option<NaiveDate>,
) -> anyhow::Result<Context> {
    Ok(if let Some(r) = reference {
        Context { reference: Some(r), inferred: false, year: None }
    } else {
        let mut doc = timeline::corpus::parse_document(file, text.as_bytes().to_vec())?;
        doc.body_start = 0;
        let days = timeline::extract::explicit_days_recognized(&doc, recognized);
        let mut docs = vec![doc];
        timeline::extract::choose_references(&mut docs, &[days]);
        if let Some(Reference { date, source: ReferenceSource::Inferred, evidence }) =
            &docs[0].reference
        {
            eprintln!("reference date inferred: {date} ({evidence})");
            Context { reference: Some(*date), inferred: true, year: None }
        } else {
            eprintln!("no reference date given or found: relative expressions stay unresolved");
            Context::default()
        }
    })
}

fn tag(file: &Path, reference: Option<NaiveDate>, format: TagFormat) -> anyhow::Result<ExitCode> {
    let text = read_text(file)?;
    let recognized = timex::recognize(&text);
    let ctx = file_context(file, &text, &recognized, reference)?;
    let tags = recognized.resolve(&text, &ctx);
    let mut out = std::io::stdout().lock();
    match format {
        TagFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &tags)?;
            writeln!(out)?;
        }
        TagFormat::Timeml => {
            write!(out, "{}", timeline::extract::timeml::inline(&text, &tags, &[]))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn annotate(
    file: &Path,
    reference: Option<NaiveDate>,
    format: TagFormat,
) -> anyhow::Result<ExitCode> {
    use timeline::extract::events;
    let text = read_text(file)?;
    let ctx = file_context(file, &text, &timex::recognize(&text), reference)?;
    let nlp = load_model(None)?;
    let model = events::EventModel::embedded().map_err(|e| anyhow::anyhow!(e))?;
    let a = events::annotate(&nlp, model, &text, &ctx);
    let mut out = std::io::stdout().lock();
    match format {
        TagFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &a)?;
            writeln!(out)?;
        }
        TagFormat::Timeml => {
            let doc =
                timeline::extract::timeml::document(&text, &a.timexes, &a.events, ctx.reference);
            write!(out, "{doc}")?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The `TimeML` documents under `inputs`, by file stem; a file that does
/// not read is reported and skipped.
fn read_timeml(
    inputs: &[PathBuf],
) -> anyhow::Result<(Vec<(String, timeline::extract::timeml::Document)>, usize)> {
    let mut files = Vec::new();
    for p in inputs {
        timeline::extract::timeml::files(p, &mut files)?;
    }
    if files.is_empty() {
        bail!("expected .tml files under {}, but found none", inputs[0].display());
    }
    let mut docs = Vec::with_capacity(files.len());
    let mut skipped = 0;
    for f in &files {
        let read = std::fs::read_to_string(f)
            .map_err(anyhow::Error::from)
            .and_then(|t| timeline::extract::timeml::parse(&t).map_err(|e| anyhow::anyhow!(e)));
        match read {
            Ok(d) => {
                let name = f.file_stem().and_then(|s| s.to_str()).unwrap_or("?").to_string();
                docs.push((name, d));
            }
            Err(e) => {
                eprintln!("skipped: {}: {e}", f.display());
                skipped += 1;
            }
        }
    }
    Ok((docs, skipped))
}

/// Analyse `TimeML` documents for the event model, in parallel, in order.
fn prepare_timeml(
    docs: Vec<(String, timeline::extract::timeml::Document)>,
) -> anyhow::Result<Vec<timeline::extract::events::Prepared>> {
    use rayon::prelude::*;
    let nlp = load_model(None)?;
    Ok(docs
        .into_par_iter()
        .map(|(name, d)| timeline::extract::events::Prepared::new(&nlp, &name, d))
        .collect())
}

fn eval(
    inputs: &[PathBuf],
    verbose: bool,
    events_model: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    use timeline::extract::{events, timeml};
    let (docs, skipped) = read_timeml(inputs)?;
    let mut scores = timeml::Scores::default();
    for (name, doc) in &docs {
        if doc.dct.is_none() {
            eprintln!("{name}: no document creation time: relative expressions stay unresolved");
        }
        let ctx = Context { reference: doc.dct, inferred: false, year: None };
        let pred = timex::tag(&doc.text, &ctx);
        scores.add(name, &doc.text, &doc.gold, &pred);
    }
    let model = match events_model {
        Some(p) => {
            let bytes =
                std::fs::read(p).with_context(|| format!("{}: cannot read", p.display()))?;
            std::borrow::Cow::Owned(
                events::EventModel::read(&bytes)
                    .map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?,
            )
        }
        None => std::borrow::Cow::Borrowed(
            events::EventModel::embedded().map_err(|e| anyhow::anyhow!(e))?,
        ),
    };
    let with_events = docs.iter().any(|(_, d)| !d.events.is_empty());
    let n = docs.len();
    let mut event_scores = timeml::EventScores::default();
    if with_events {
        for d in prepare_timeml(docs)? {
            d.score(&model, &mut event_scores);
        }
    }
    let mut out = std::io::stdout().lock();
    if verbose {
        for line in scores.details.iter().chain(&event_scores.details) {
            writeln!(out, "{line}")?;
        }
    }
    writeln!(out, "documents: {n} ({skipped} skipped)")?;
    write!(out, "{}", scores.report())?;
    if with_events {
        write!(out, "{}", event_scores.report())?;
    } else {
        writeln!(out, "event: no EVENT annotations in these documents")?;
    }
    Ok(ExitCode::SUCCESS)
}

fn events(command: EventsCommand) -> anyhow::Result<ExitCode> {
    use timeline::extract::events;
    let start = std::time::Instant::now();
    let load = |inputs: &[PathBuf]| -> anyhow::Result<Vec<events::Prepared>> {
        if inputs.is_empty() {
            return Ok(Vec::new());
        }
        let (docs, _) = read_timeml(inputs)?;
        prepare_timeml(docs)
    };
    match command {
        EventsCommand::Train { inputs, silver, output, options } => {
            let docs = load(&inputs)?;
            let silver = load(&silver)?;
            let gold: usize = docs.iter().map(|d| d.doc.events.len()).sum();
            eprintln!(
                "training on {} documents ({gold} events) and {} silver documents",
                docs.len(),
                silver.len()
            );
            let model = events::train(
                &docs.iter().collect::<Vec<_>>(),
                &silver.iter().collect::<Vec<_>>(),
                &options.options(),
            );
            let bytes = model.write();
            timeline::write_atomic(&output, &bytes)?;
            eprintln!(
                "wrote {} ({:.1} MB, {} detection features) in {:.0} s",
                output.display(),
                bytes.len() as f64 / 1e6,
                model.detect.len(),
                start.elapsed().as_secs_f64()
            );
        }
        EventsCommand::Cv { inputs, silver, folds, verbose, options } => {
            let docs = load(&inputs)?;
            let silver = load(&silver)?;
            let scores = events::cross_validate(&docs, &silver, folds, &options.options());
            let mut out = std::io::stdout().lock();
            if verbose {
                for line in &scores.details {
                    writeln!(out, "{line}")?;
                }
            }
            writeln!(
                out,
                "{} documents, {folds}-fold cross-validation by document{}",
                docs.len(),
                if silver.is_empty() {
                    String::new()
                } else {
                    format!(", with {} silver documents", silver.len())
                }
            )?;
            write!(out, "{}", scores.report())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The texts of `paths` for learning word clusters: files, and the files
/// of folders (recursively, in name order); `.tml` keeps the text between
/// its tags, `.jsonl` each line's `text`, anything else is read as text.
fn read_unlabeled(paths: &[PathBuf]) -> anyhow::Result<Vec<String>> {
    fn files(p: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
        if p.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
                .with_context(|| format!("{}: cannot list", p.display()))?
                .map(|e| e.map(|e| e.path()))
                .collect::<Result<_, _>>()
                .with_context(|| format!("{}: cannot list", p.display()))?;
            entries.sort();
            for e in entries {
                files(&e, out)?;
            }
        } else {
            out.push(p.to_path_buf());
        }
        Ok(())
    }
    let mut all = Vec::new();
    for p in paths {
        files(p, &mut all)?;
    }
    let tag = regex::Regex::new(r"<[^>]*>").expect("a valid pattern");
    let mut texts = Vec::new();
    for f in all {
        let text = std::fs::read_to_string(&f)
            .with_context(|| format!("{}: cannot read UTF-8 text", f.display()))?;
        match f.extension().and_then(|e| e.to_str()) {
            Some("tml") => {
                let body = text
                    .split_once("<TEXT>")
                    .and_then(|(_, b)| b.split_once("</TEXT>"))
                    .map_or(text.as_str(), |(b, _)| b);
                let plain = tag.replace_all(body, "");
                texts.push(
                    plain
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"")
                        .replace("&amp;", "&"),
                );
            }
            Some("jsonl") => {
                for (n, line) in text.lines().enumerate() {
                    if line.trim().is_empty() {
                        continue;
                    }
                    let v: serde_json::Value = serde_json::from_str(line).with_context(|| {
                        format!("{}:{}: expected a JSON object with a `text`", f.display(), n + 1)
                    })?;
                    if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                        texts.push(t.to_string());
                    }
                }
            }
            _ => texts.push(text),
        }
    }
    Ok(texts)
}

fn read_treebank(path: &Path) -> anyhow::Result<Vec<timeline::nlp::conllu::GoldSentence>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read", path.display()))?;
    timeline::nlp::conllu::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

fn load_model(
    path: Option<&Path>,
) -> anyhow::Result<std::borrow::Cow<'static, timeline::nlp::Model>> {
    use std::borrow::Cow;
    match path {
        Some(p) => {
            let bytes =
                std::fs::read(p).with_context(|| format!("{}: cannot read", p.display()))?;
            let m = timeline::nlp::Model::read(&bytes)
                .map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?;
            Ok(Cow::Owned(m))
        }
        None => {
            Ok(Cow::Borrowed(timeline::nlp::Model::embedded().map_err(|e| anyhow::anyhow!(e))?))
        }
    }
}

fn nlp(command: NlpCommand) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match command {
        NlpCommand::Train {
            inputs,
            output,
            seed,
            tagger_iterations,
            parser_iterations,
            folds,
            prune,
            tagger_prune,
            unlabeled,
            clusters,
        } => {
            let texts = read_unlabeled(&unlabeled)?;
            let mut sentences = Vec::new();
            for p in &inputs {
                sentences.extend(read_treebank(p)?);
            }
            let words: usize = sentences.iter().map(|s| s.words.len()).sum();
            eprintln!("training on {} sentences, {words} words", sentences.len());
            let start = std::time::Instant::now();
            let opts = timeline::nlp::TrainOptions {
                seed,
                tagger_iterations,
                parser_iterations,
                folds: folds.max(1),
                prune,
                tagger_prune,
                clusters: [0, 1, 2].map(|i| clusters.get(i).copied().unwrap_or(1).max(1)),
            };
            let model = timeline::nlp::train(&sentences, &opts, &texts);
            let bytes = model.write();
            timeline::write_atomic(&output, &bytes)?;
            eprintln!(
                "wrote {} ({:.1} MB) in {:.0} s",
                output.display(),
                bytes.len() as f64 / 1e6,
                start.elapsed().as_secs_f64()
            );
        }
        NlpCommand::Eval { gold, raw, model } => {
            let model = load_model(model.as_deref())?;
            let sentences = read_treebank(&gold)?;
            let scores = if raw {
                timeline::nlp::eval::raw_text(&model, &sentences)
            } else {
                timeline::nlp::eval::gold_tokens(&model, &sentences)
            };
            let words: usize = sentences.iter().map(|s| s.words.len()).sum();
            writeln!(
                out,
                "{}: {} sentences, {words} words{}",
                gold.display(),
                sentences.len(),
                if raw { ", from raw text" } else { ", from gold tokens" }
            )?;
            writeln!(out, "{scores}")?;
        }
        NlpCommand::EntityTypes { gold } => {
            use timeline::graph::entities;
            use timeline::model::EntityKind;
            let sentences = read_treebank(&gold)?;
            let names = entities::gold_names(&sentences);
            let kinds = [
                EntityKind::Person,
                EntityKind::Organization,
                EntityKind::Place,
                EntityKind::Other,
            ];
            let count = |k: EntityKind| names.iter().filter(|(_, g)| *g == k).count();
            writeln!(
                out,
                "{}: {} named mentions ({})",
                gold.display(),
                names.len(),
                kinds
                    .iter()
                    .map(|&k| format!("{} {}", k.name(), count(k)))
                    .collect::<Vec<_>>()
                    .join(", ")
            )?;
            let pct = |a: usize, b: usize| if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 };
            for (label, rules_only) in [("rules", true), ("rules and model", false)] {
                let predicted: Vec<(EntityKind, Option<EntityKind>)> = names
                    .iter()
                    .map(|(text, g)| (*g, entities::type_of_name(text, rules_only)))
                    .collect();
                let found = predicted.iter().filter(|(_, p)| p.is_some()).count();
                let right = predicted.iter().filter(|(g, p)| *p == Some(*g)).count();
                let mut per = Vec::new();
                for k in kinds {
                    let tp = predicted.iter().filter(|(g, p)| *g == k && *p == Some(k)).count();
                    let guessed = predicted.iter().filter(|(_, p)| *p == Some(k)).count();
                    let (p, r) = (pct(tp, guessed), pct(tp, count(k)));
                    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
                    per.push(format!("{} P {p:.1} R {r:.1} F1 {f:.1}", k.name()));
                }
                writeln!(
                    out,
                    "{label}: names found {found} ({:.1} %), types right {right} of {} ({:.1} %); {}",
                    pct(found, names.len()),
                    names.len(),
                    pct(right, names.len()),
                    per.join("; ")
                )?;
            }
        }
        NlpCommand::Coreference { gold } => {
            let sentences = read_treebank(&gold)?;
            let c = timeline::graph::entities::pronoun_coreference(&sentences);
            let pct =
                |a: usize| if c.pronouns == 0 { 0.0 } else { 100.0 * a as f64 / c.pronouns as f64 };
            writeln!(
                out,
                "{}: {} personal pronouns; resolved {} ({:.1} %), right {} ({:.1} %); MUC R {:.1} P {:.1} F1 {:.1}",
                gold.display(),
                c.pronouns,
                c.resolved,
                pct(c.resolved),
                c.right,
                pct(c.right),
                c.muc.0,
                c.muc.1,
                c.muc.2
            )?;
        }
        NlpCommand::TrainEntityTypes { inputs, output, min_count } => {
            let mut names = Vec::new();
            for input in &inputs {
                names.extend(timeline::graph::entities::gold_names(&read_treebank(input)?));
            }
            let model = timeline::graph::entities::TypeModel::train(&names, min_count);
            let text = model.write();
            let mut file = timeline::AtomicFile::create(&output)?;
            file.write_all(text.as_bytes())
                .map_err(|source| timeline::WriteError { path: output.clone(), source })?;
            file.commit()?;
            writeln!(
                out,
                "learned from {} named mentions: {} features, {} bytes, written to {}",
                names.len(),
                text.lines().count() - 1,
                text.len(),
                output.display()
            )?;
        }
        NlpCommand::Parse { file, format, model } => {
            let model = load_model(model.as_deref())?;
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("{}: cannot read UTF-8 text", file.display()))?;
            let sentences = model.analyze(&text);
            match format {
                ParseFormat::Conllu => {
                    write!(out, "{}", timeline::nlp::conllu::write(&text, &sentences))?;
                }
                ParseFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &sentences)?;
                    writeln!(out)?;
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
