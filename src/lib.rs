//! # timeline
//!
//! Turn a folder of news articles into an ordered, sourced timeline: an SVG
//! image to paste into a report and a JSON file other programs can read.
//!
//! The pipeline has three stages, one module each, with plain serde types
//! ([`model`]) between them:
//!
//! 0. [`corpus`]: files, folders, web pages and JSON collections ->
//!    documents;
//! 1. [`extract`]: text -> dated event mentions, each with its exact quote
//!    and byte offsets, one document at a time ([`extract_inputs`] streams
//!    a corpus through it in parallel; `timeline extract` is the same step
//!    for a cluster);
//! 2. [`graph`]: mentions -> events merged across sources, ordered, with
//!    review findings;
//! 3. [`render`]: timeline -> SVG, and every other output format through
//!    [`render::format::write`].
//!
//! ```
//! use timeline::{build_from_documents, corpus, render};
//! use std::path::Path;
//!
//! let text = "Floods hit the valley.\nOn March 3, 2021, the army evacuated the town. \
//!             Then the mayor resigned.";
//! let doc = corpus::parse_document(Path::new("news/floods.txt"), text.as_bytes().to_vec())?;
//! let timeline = build_from_documents(vec![doc]);
//! assert_eq!(timeline.events[0].date.as_ref().unwrap().earliest(), "2021-03-03");
//! let svg = render::render(&timeline, &render::RenderOptions::default());
//! assert!(svg.starts_with("<svg"));
//! // any format by name, as `build -o` and `render -o` write it
//! let opts = render::RenderOptions::default();
//! let page = render::format::write(&timeline, &opts, render::format::Format::Html)?;
//! assert!(page.starts_with(b"<!DOCTYPE html>"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod corpus;
pub mod error;
pub mod escape;
pub mod extract;
pub mod graph;
pub mod hash;
pub mod language;
pub mod model;
pub mod nlp;
pub mod pipeline;
pub mod render;

use std::io::Write as _;
use std::path::{Path, PathBuf};

pub use error::{LoadError, ReadError, WriteError};
pub use extract::Detail;
pub use model::Timeline;

/// Run the whole pipeline on documents already loaded.
#[must_use]
pub fn build_from_documents(documents: Vec<model::Document>) -> Timeline {
    use rayon::prelude::*;
    // documents are independent: extract them in parallel, collected in
    // document order so the output stays the same bytes
    // a document the extractor fails on is left out, not the corpus
    let parts: Vec<model::Extracted> = documents
        .into_par_iter()
        .filter_map(|d| extract::extract_checked(d, Detail::Major).ok())
        .collect();
    build_from_parts(parts)
}

/// The merge step: extracted documents (from this process or from mention
/// files written by `timeline extract`) to a timeline.
#[must_use]
pub fn build_from_parts(parts: Vec<model::Extracted>) -> Timeline {
    build_from_parts_with(parts, Detail::Major)
}

/// [`build_from_parts`], keeping the mentions `detail` asks for.
#[must_use]
pub fn build_from_parts_with(parts: Vec<model::Extracted>, detail: Detail) -> Timeline {
    let (documents, mentions) = extract::settle(parts, detail);
    graph::build(
        documents,
        mentions.into_iter().flatten().filter(|m| kept(m, detail)),
        &graph::MergeOptions::default(),
    )
}

/// Whether a timeline at `detail` is built from `m`: every mention at
/// [`Detail::All`], all but the minor ones at [`Detail::Major`].
fn kept(m: &model::Mention, detail: Detail) -> bool {
    detail == Detail::All || !m.minor
}

/// Load the articles under `paths` and build their timeline.
///
/// Returns the timeline of every article that loaded and the errors of
/// those that did not; one bad file never loses the others.
#[must_use]
pub fn build(paths: &[PathBuf]) -> (Timeline, Vec<LoadError>) {
    build_dated(paths, None)
}

/// As [`build`], with `date` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`) for the
/// articles whose header gives none: what a user knows of the period.
#[must_use]
pub fn build_dated(
    paths: &[PathBuf],
    date: Option<model::PartialDate>,
) -> (Timeline, Vec<LoadError>) {
    let opts = pipeline::Options { date, ..pipeline::Options::of_paths(paths) };
    let gathered = pipeline::gather(&opts, &mut |_| {});
    (build_from_parts(gathered.parts), gathered.skipped)
}

/// What happened to one document of a run.
#[derive(Debug)]
pub enum Outcome {
    /// Loaded and extracted.
    Extracted {
        /// The map step's result.
        extracted: Box<model::Extracted>,
        /// Problems that did not stop it.
        warnings: Vec<corpus::Warning>,
        /// Bytes of text read.
        bytes: usize,
    },
    /// Not usable, with the reason.
    Skipped(LoadError),
}

/// Everything a run extracted, with what it skipped.
#[derive(Debug, Default)]
pub struct Gathered {
    /// Extracted documents, in input order.
    pub parts: Vec<model::Extracted>,
    /// Files and records skipped, with their reasons.
    pub skipped: Vec<LoadError>,
    /// Problems that did not stop a document.
    pub warnings: Vec<corpus::Warning>,
    /// Copies are counted once.
    pub copies: Copies,
}

/// The texts seen so far in a run, so that a copy of an article (a second
/// file with the same bytes, the same record twice, a mention file given
/// twice) counts as one source.
#[derive(Debug, Default)]
pub struct Copies {
    seen: std::collections::HashMap<String, String>,
}

impl Copies {
    /// The outcome as it is, or a [`error::Problem::Duplicate`] skip when
    /// its text was seen before (by [`model::Extracted::digest`]).
    pub fn admit(&mut self, o: Outcome) -> Outcome {
        let Outcome::Extracted { extracted, .. } = &o else { return o };
        let Some(digest) = &extracted.digest else { return o };
        if let Some(first) = self.seen.get(digest) {
            Outcome::Skipped(LoadError::new(
                extracted.document.path.clone(),
                error::Problem::Duplicate { of: first.into(), how: "the same text as" },
            ))
        } else {
            self.seen.insert(digest.clone(), extracted.document.path.clone());
            o
        }
    }
}

impl Gathered {
    /// Keep one outcome already admitted by [`Gathered::copies`], with the
    /// mentions a timeline at `detail` is built from: at
    /// [`Detail::Major`] the [minor](model::Mention::minor) ones are
    /// dropped here, as the merge would drop them, rather than held until
    /// then (about a tenth of a news corpus' mentions).
    pub fn keep(&mut self, o: Outcome, detail: Detail) {
        match o {
            Outcome::Extracted { mut extracted, warnings, .. } => {
                extracted.mentions.retain(|m| kept(m, detail));
                // held until the merge: no spare room kept per document
                extracted.mentions.shrink_to_fit();
                extracted.days.shrink_to_fit();
                self.parts.push(*extracted);
                self.warnings.extend(warnings);
            }
            Outcome::Skipped(e) => self.skipped.push(e),
        }
    }
}

/// Documents loaded and extracted together, in parallel.
const BATCH: usize = 256;

/// The streaming map step: read every document under `inputs`, extract it,
/// and hand each outcome to `sink` in input order.
///
/// Documents are loaded and extracted in parallel, a batch at a time, and
/// their text is dropped once extracted (unless the merge step may need
/// it, see [`extract::settle`]), so memory grows with the mentions found,
/// not with the corpus text. `date` is given to documents without a
/// publication date of their own; `detail` says which mentions to find.
pub fn extract_inputs(
    inputs: &[corpus::Input],
    date: Option<model::PartialDate>,
    detail: Detail,
    mut sink: impl FnMut(Outcome),
) {
    use rayon::prelude::*;
    let mut units = corpus::units(inputs);
    loop {
        let batch: Vec<corpus::Unit> = units.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            break;
        }
        let outcomes: Vec<Outcome> = batch
            .into_par_iter()
            .map(|unit| match corpus::load_unit(unit) {
                Ok(mut loaded) => {
                    if loaded.document.date.is_none() {
                        loaded.document.date = date;
                    }
                    let bytes = loaded.document.text.len();
                    match extract::extract_checked(loaded.document, detail) {
                        Ok(extracted) => Outcome::Extracted {
                            extracted: Box::new(extracted),
                            warnings: loaded.warnings,
                            bytes,
                        },
                        Err(e) => Outcome::Skipped(e),
                    }
                }
                Err(e) => Outcome::Skipped(e),
            })
            .collect();
        outcomes.into_iter().for_each(&mut sink);
    }
}

/// Read mention files written by `timeline extract` (`-` for standard
/// input), handing each document to `sink` in file order.
///
/// A line that is not a mention record is skipped with an error naming
/// the file and line; the others are kept.
pub fn read_mentions(paths: &[PathBuf], mut sink: impl FnMut(Outcome)) {
    use std::io::BufRead as _;
    for path in paths {
        let (name, reader): (PathBuf, Box<dyn std::io::BufRead>) = if path.as_os_str() == "-" {
            ("stdin".into(), Box::new(std::io::stdin().lock()))
        } else {
            match std::fs::File::open(path) {
                Ok(f) => (path.clone(), Box::new(std::io::BufReader::new(f))),
                Err(source) => {
                    sink(Outcome::Skipped(LoadError::io(path.clone(), source)));
                    continue;
                }
            }
        };
        for (i, line) in reader.split(b'\n').enumerate() {
            let at = error::Location::Line(i + 1);
            let line = match line {
                Ok(l) => l,
                Err(source) => {
                    sink(Outcome::Skipped(LoadError::io(name.clone(), source)));
                    break;
                }
            };
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let fail =
                |message: String| Outcome::Skipped(LoadError::record(name.clone(), at, message));
            match serde_json::from_slice::<model::Extracted>(&line) {
                Ok(e) if e.format == model::MENTIONS_FORMAT => match e.check() {
                    Ok(()) => {
                        let bytes = e.text.as_ref().map_or(0, String::len);
                        sink(Outcome::Extracted {
                            extracted: Box::new(e),
                            warnings: Vec::new(),
                            bytes,
                        });
                    }
                    Err(error::Expected(message)) => sink(fail(message)),
                },
                Ok(e) => sink(fail(format!(
                    "expected a mention record ({}), but found format {:?}",
                    model::MENTIONS_FORMAT,
                    e.format
                ))),
                Err(e) => sink(fail(format!(
                    "expected a mention record ({}) as written by `timeline extract`, but {}",
                    model::MENTIONS_FORMAT,
                    e.to_string().split(" at line").next().unwrap_or("")
                ))),
            }
        }
    }
}

/// The most events a timeline JSON is pretty-printed with: a larger one
/// is written compact, on one line (a third smaller and faster to write
/// and read; `jq .` shows it pretty).
pub const PRETTY_EVENTS: usize = 5_000;

/// Whether `t` is written pretty ([`PRETTY_EVENTS`]).
fn pretty(t: &Timeline) -> bool {
    t.events.len() <= PRETTY_EVENTS
}

/// Serialize a timeline as JSON with a final newline: pretty, or compact
/// past [`PRETTY_EVENTS`] events.
#[must_use]
pub fn to_json(t: &Timeline) -> String {
    let mut s = if pretty(t) { serde_json::to_string_pretty(t) } else { serde_json::to_string(t) }
        .expect("a timeline always serializes");
    s.push('\n');
    s
}

/// Write a timeline as [`to_json`] does, streamed into the file (whole or
/// not at all) rather than built in memory first.
///
/// # Errors
/// [`WriteError`] naming the path.
pub fn write_json(path: &Path, t: &Timeline) -> Result<(), WriteError> {
    json_file(path, t)?.commit()
}

/// The timeline JSON written into a temporary file for `path`, to commit
/// with other outputs ([`commit_all`]).
///
/// # Errors
/// [`WriteError`] naming the path.
pub fn json_file(path: &Path, t: &Timeline) -> Result<AtomicFile, WriteError> {
    let mut f = AtomicFile::create(path)?;
    let err = |source| WriteError { path: path.to_path_buf(), source };
    let written = if pretty(t) {
        serde_json::to_writer_pretty(&mut f, t)
    } else {
        serde_json::to_writer(&mut f, t)
    };
    written.map_err(|e| err(e.into()))?;
    f.write_all(b"\n").map_err(err)?;
    Ok(f)
}

/// Read a timeline JSON written by `build` (perhaps edited by a person),
/// with one message per event whose date could not be read and which is
/// therefore undated (see [`model::undate_unreadable`]).
///
/// # Errors
/// [`ReadError`] naming the file, line and column when it cannot be read or
/// does not match the format.
pub fn read_timeline(path: &Path) -> Result<(Timeline, Vec<String>), ReadError> {
    let text = std::fs::read_to_string(path)
        .map_err(|source| ReadError::Io { path: path.to_path_buf(), source })?;
    parse_timeline(&text, path)
}

/// Parse a timeline JSON read from `path` (named in errors), with the
/// messages of [`read_timeline`].
///
/// # Errors
/// [`ReadError::Json`] naming the file, line and column.
pub fn parse_timeline(text: &str, path: &Path) -> Result<(Timeline, Vec<String>), ReadError> {
    let error = match serde_json::from_str(text) {
        Ok(t) => return Ok((t, Vec::new())),
        Err(e) => ReadError::Json {
            path: path.to_path_buf(),
            line: e.line(),
            column: e.column(),
            message: e.to_string().split(" at line").next().unwrap_or("").to_string(),
        },
    };
    // a hand-edited date must not lose the whole file: undate what does
    // not read and try again; any other fault keeps its line and column
    let Ok(mut value) = serde_json::from_str::<serde_json::Value>(text) else { return Err(error) };
    let said = model::undate_unreadable(&mut value);
    if said.is_empty() {
        return Err(error);
    }
    serde_json::from_value(value).map(|t| (t, said)).map_err(|_| error)
}

/// A file written whole or not at all: the bytes go to a temporary file
/// in the same folder, renamed over the target by [`AtomicFile::commit`]
/// (or, with other outputs, by [`commit_all`]); dropped without a commit,
/// the temporary file is removed, and [`remove_temporaries`] removes those
/// still open when the process is interrupted.
///
/// The temporary file has a random name and is created exclusively
/// (`O_EXCL`), so no file or link planted in the folder is followed or
/// overwritten; it takes the permissions of the file it replaces, so a
/// rebuild never widens who can read an output.
#[derive(Debug)]
pub struct AtomicFile {
    path: PathBuf,
    tmp: PathBuf,
    file: Option<std::io::BufWriter<std::fs::File>>,
}

/// Temporary files being written, for [`remove_temporaries`].
static TEMPORARIES: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

fn temporaries() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    TEMPORARIES.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn forget_temporary(tmp: &Path) {
    temporaries().retain(|t| t != tmp);
}

/// Remove every temporary output file still being written: for a signal
/// handler (Ctrl-C), before the process exits.
pub fn remove_temporaries() {
    for t in temporaries().drain(..) {
        let _ = std::fs::remove_file(t);
    }
}

/// 64 unpredictable bits: std seeds every `RandomState` from the
/// operating system's randomness.
fn random_u64() -> u64 {
    use std::hash::{BuildHasher as _, Hasher as _};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(std::process::id());
    h.finish()
}

impl AtomicFile {
    /// Start writing `path`.
    ///
    /// # Errors
    /// [`WriteError`] naming the path when its folder is not writable or
    /// the path is a folder.
    pub fn create(path: &Path) -> Result<AtomicFile, WriteError> {
        let err = |source| WriteError { path: path.to_path_buf(), source };
        if path.is_dir() {
            return Err(err(std::io::Error::new(
                std::io::ErrorKind::IsADirectory,
                "it is a folder; expected a file name",
            )));
        }
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("out");
        let mut tries = 0;
        let (tmp, file) = loop {
            let tmp = dir.join(format!(".{name}.{:016x}.tmp", random_u64()));
            match std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp) {
                Ok(f) => break (tmp, f),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && tries < 16 => {
                    tries += 1;
                }
                Err(e) => return Err(err(e)),
            }
        };
        temporaries().push(tmp.clone());
        if let Ok(m) = std::fs::metadata(path) {
            let _ = file.set_permissions(m.permissions());
        }
        Ok(AtomicFile { path: path.to_path_buf(), tmp, file: Some(std::io::BufWriter::new(file)) })
    }

    /// Flush and sync the bytes, leaving the target as it is until
    /// [`Ready::rename`].
    ///
    /// # Errors
    /// [`WriteError`] naming the path (disk full, for one); the temporary
    /// file is then removed.
    pub fn finish(mut self) -> Result<Ready, WriteError> {
        let file = self.file.take().expect("finished once");
        let result = file
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)
            .and_then(|f| f.sync_all());
        let ready = Ready { path: self.path.clone(), tmp: Some(self.tmp.clone()) };
        result.map(|()| ready).map_err(|source| WriteError { path: self.path.clone(), source })
    }

    /// Flush, sync and rename over the target.
    ///
    /// # Errors
    /// [`WriteError`] naming the path; the target is then left as it was.
    pub fn commit(self) -> Result<(), WriteError> {
        commit_all(vec![self])
    }
}

/// An output written and synced, not yet renamed into place; dropped, its
/// temporary file is removed.
#[derive(Debug)]
pub struct Ready {
    path: PathBuf,
    tmp: Option<PathBuf>,
}

impl Ready {
    /// Rename over the target.
    ///
    /// # Errors
    /// [`WriteError`] naming the path.
    pub fn rename(mut self) -> Result<(), WriteError> {
        let tmp = self.tmp.take().expect("renamed once");
        let result = std::fs::rename(&tmp, &self.path);
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        forget_temporary(&tmp);
        result.map_err(|source| WriteError { path: self.path.clone(), source })
    }
}

impl Drop for Ready {
    fn drop(&mut self) {
        if let Some(tmp) = self.tmp.take() {
            let _ = std::fs::remove_file(&tmp);
            forget_temporary(&tmp);
        }
    }
}

/// Commit outputs as a set: every file is written and synced first, and
/// only when all are ready are they renamed into place, one right after
/// the other. A failure before that (disk full, an output that is a
/// folder) leaves every target as it was.
///
/// # Errors
/// The first [`WriteError`]; no target has changed then, unless a rename
/// itself failed after others succeeded (the folder vanished).
pub fn commit_all(files: Vec<AtomicFile>) -> Result<(), WriteError> {
    let ready: Vec<Ready> = files.into_iter().map(AtomicFile::finish).collect::<Result<_, _>>()?;
    for r in &ready {
        if r.path.is_dir() {
            return Err(WriteError {
                path: r.path.clone(),
                source: std::io::Error::new(
                    std::io::ErrorKind::IsADirectory,
                    "it is a folder; expected a file name",
                ),
            });
        }
    }
    ready.into_iter().try_for_each(Ready::rename)
}

impl std::io::Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file.as_mut().expect("not committed").write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.as_mut().expect("not committed").flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = std::fs::remove_file(&self.tmp);
            forget_temporary(&self.tmp);
        }
    }
}

/// Write `bytes` to `path` whole or not at all: into a temporary file in
/// the same folder, then renamed over the target.
///
/// # Errors
/// [`WriteError`] naming the path when the folder is not writable.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let mut f = AtomicFile::create(path)?;
    f.write_all(bytes).map_err(|source| WriteError { path: path.to_path_buf(), source })?;
    f.commit()
}

#[cfg(test)]
mod tests {
    quickcheck::quickcheck! {
        /// The stable harness of the `json` fuzz target.
        fn json_readers_never_panic(text: String) -> bool {
            if let Ok((t, _)) = super::parse_timeline(&text, std::path::Path::new("f.json")) {
                let _ = super::render::render(&t, &super::render::RenderOptions::default());
            }
            if let Ok(e) = serde_json::from_str::<super::model::Extracted>(&text) {
                if e.check().is_ok() {
                    let _ = super::build_from_parts(vec![e]);
                }
            }
            true
        }
    }

    /// Small timelines are pretty, large ones compact; both read back the
    /// same, streamed or built in memory.
    #[test]
    fn large_timelines_are_written_compact() {
        let dir = tempfile::tempdir().unwrap();
        let mut t = super::Timeline {
            format: super::model::FORMAT.into(),
            documents: Vec::new(),
            events: Vec::new(),
            findings: Vec::new(),
            edges: Vec::new(),
            entities: Vec::new(),
        };
        let event: super::model::Event = serde_json::from_str(
            r#"{"id":"e","title":"t","type":"other","date":null,"participants":[],
                "sources":[],"mention_count":0,"source_count":0,"flags":[],"mentions":[]}"#,
        )
        .unwrap();
        for (n, lines) in [(3, false), (super::PRETTY_EVENTS + 1, true)] {
            t.events = (0..n)
                .map(|i| super::model::Event { id: format!("e{i}"), ..event.clone() })
                .collect();
            let path = dir.path().join(format!("t{n}.json"));
            super::write_json(&path, &t).unwrap();
            let written = std::fs::read_to_string(&path).unwrap();
            assert_eq!(written, super::to_json(&t));
            assert_eq!(written.lines().count() == 1, lines, "{n} events");
            let (back, undated) = super::read_timeline(&path).unwrap();
            assert_eq!((back.events.len(), undated.len()), (n, 0));
        }
    }

    /// What the Ctrl-C handler does: every temporary still being written
    /// goes, the target stays as it was; temporaries never share a name.
    #[test]
    fn interrupted_writes_leave_no_temporary_and_the_old_file() {
        use std::io::Write as _;
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("t.svg");
        std::fs::write(&target, "old").unwrap();
        let mut a = super::AtomicFile::create(&target).unwrap();
        let b = super::AtomicFile::create(&target).unwrap();
        assert_ne!(a.tmp, b.tmp, "random temporary names");
        a.write_all(b"new, half written").unwrap();
        a.flush().unwrap();
        super::remove_temporaries();
        assert!(!a.tmp.exists() && !b.tmp.exists());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
        let names: Vec<_> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["t.svg"]);
    }

    #[test]
    fn a_hostile_mention_record_is_refused_not_merged() {
        let line = r#"{"format":"timeline-mentions/1","document":{"id":"a","path":"p","body_start":99},"days":[],"mentions":[],"text":"short"}"#;
        let e: super::model::Extracted = serde_json::from_str(line).unwrap();
        assert_eq!(
            e.check().unwrap_err().0,
            "expected \"body_start\" within the text (5 bytes), but found 99"
        );
    }
}
