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
//! 3. [`render`]: timeline -> SVG.
//!
//! ```
//! use timeline::{build_from_documents, corpus, render};
//! use std::path::Path;
//!
//! let text = "Floods hit the valley.\nOn March 3, 2021, the army evacuated the town. \
//!             Then the mayor resigned.";
//! let doc = corpus::parse_document(Path::new("news/floods.txt"), text.as_bytes().to_vec())?;
//! let timeline = build_from_documents(vec![doc]);
//! assert_eq!(timeline.events[0].date.as_ref().unwrap().earliest, "2021-03-03");
//! let svg = render::render(&timeline, &render::RenderOptions::default());
//! assert!(svg.starts_with("<svg"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod corpus;
pub mod error;
pub mod extract;
pub mod graph;
pub mod model;
pub mod render;

use std::io::Write as _;
use std::path::{Path, PathBuf};

pub use error::{LoadError, ReadError, WriteError};
pub use model::Timeline;

/// Run the whole pipeline on documents already loaded.
#[must_use]
pub fn build_from_documents(documents: Vec<model::Document>) -> Timeline {
    use rayon::prelude::*;
    // documents are independent: extract them in parallel, collected in
    // document order so the output stays the same bytes
    let parts: Vec<model::Extracted> =
        documents.into_par_iter().map(extract::extract_document).collect();
    build_from_parts(parts)
}

/// The merge step: extracted documents (from this process or from mention
/// files written by `timeline extract`) to a timeline.
#[must_use]
pub fn build_from_parts(parts: Vec<model::Extracted>) -> Timeline {
    let (documents, mentions) = extract::settle(parts);
    graph::build(documents, mentions.into_iter().flatten(), &graph::Options::default())
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
pub fn build_dated(paths: &[PathBuf], date: Option<&str>) -> (Timeline, Vec<LoadError>) {
    let inputs: Vec<corpus::Input> = paths.iter().map(|p| corpus::Input::from_path(p)).collect();
    let mut gathered = Gathered::default();
    extract_inputs(&inputs, date, |o| gathered.add(o));
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
}

impl Gathered {
    /// Keep one outcome.
    pub fn add(&mut self, o: Outcome) {
        match o {
            Outcome::Extracted { extracted, warnings, .. } => {
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
/// publication date of their own.
pub fn extract_inputs(inputs: &[corpus::Input], date: Option<&str>, mut sink: impl FnMut(Outcome)) {
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
                        loaded.document.date = date.map(str::to_string);
                    }
                    let bytes = loaded.document.text.len();
                    Outcome::Extracted {
                        extracted: Box::new(extract::extract_document(loaded.document)),
                        warnings: loaded.warnings,
                        bytes,
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
                    sink(Outcome::Skipped(LoadError::Io { path: path.clone(), source }));
                    continue;
                }
            }
        };
        for (i, line) in reader.split(b'\n').enumerate() {
            let at = error::Location::Line(i + 1);
            let line = match line {
                Ok(l) => l,
                Err(source) => {
                    sink(Outcome::Skipped(LoadError::Io { path: name.clone(), source }));
                    break;
                }
            };
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let fail = |message: String| {
                Outcome::Skipped(LoadError::Record { path: name.clone(), location: at, message })
            };
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
                    Err(message) => sink(fail(message)),
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

/// Serialize a timeline as pretty JSON with a final newline.
#[must_use]
pub fn to_json(t: &Timeline) -> String {
    let mut s = serde_json::to_string_pretty(t).expect("a timeline always serializes");
    s.push('\n');
    s
}

/// Write a timeline as [`to_json`] does, streamed into the file (whole or
/// not at all) rather than built in memory first.
///
/// # Errors
/// [`WriteError`] naming the path.
pub fn write_json(path: &Path, t: &Timeline) -> Result<(), WriteError> {
    let mut f = AtomicFile::create(path)?;
    let err = |source| WriteError { path: path.to_path_buf(), source };
    serde_json::to_writer_pretty(&mut f, t).map_err(|e| err(e.into()))?;
    f.write_all(b"\n").map_err(err)?;
    f.commit()
}

/// Read a timeline JSON written by `build` (perhaps edited by a person).
///
/// # Errors
/// [`ReadError`] naming the file, line and column when it cannot be read or
/// does not match the format.
pub fn read_timeline(path: &Path) -> Result<Timeline, ReadError> {
    let text = std::fs::read_to_string(path)
        .map_err(|source| ReadError::Io { path: path.to_path_buf(), source })?;
    parse_timeline(&text, path)
}

/// Parse a timeline JSON read from `path` (named in errors).
///
/// # Errors
/// [`ReadError::Json`] naming the file, line and column.
pub fn parse_timeline(text: &str, path: &Path) -> Result<Timeline, ReadError> {
    serde_json::from_str(text).map_err(|e| ReadError::Json {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        message: e.to_string().split(" at line").next().unwrap_or("").to_string(),
    })
}

/// A file written whole or not at all: the bytes go to a temporary file
/// in the same folder, renamed over the target by [`AtomicFile::commit`];
/// dropped without a commit, the temporary file is removed.
#[derive(Debug)]
pub struct AtomicFile {
    path: PathBuf,
    tmp: PathBuf,
    file: Option<std::io::BufWriter<std::fs::File>>,
}

impl AtomicFile {
    /// Start writing `path`.
    ///
    /// # Errors
    /// [`WriteError`] naming the path when its folder is not writable.
    pub fn create(path: &Path) -> Result<AtomicFile, WriteError> {
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("out");
        let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let file = std::fs::File::create(&tmp)
            .map_err(|source| WriteError { path: path.to_path_buf(), source })?;
        Ok(AtomicFile { path: path.to_path_buf(), tmp, file: Some(std::io::BufWriter::new(file)) })
    }

    /// Flush, sync and rename over the target.
    ///
    /// # Errors
    /// [`WriteError`] naming the path; the target is then left as it was.
    pub fn commit(mut self) -> Result<(), WriteError> {
        let err = |source| WriteError { path: self.path.clone(), source };
        let file = self.file.take().expect("committed once");
        let result = file
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)
            .and_then(|f| f.sync_all())
            .and_then(|()| std::fs::rename(&self.tmp, &self.path));
        if result.is_err() {
            let _ = std::fs::remove_file(&self.tmp);
        }
        result.map_err(err)
    }
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
            if let Ok(t) = super::parse_timeline(&text, std::path::Path::new("f.json")) {
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

    #[test]
    fn a_hostile_mention_record_is_refused_not_merged() {
        let line = r#"{"format":"timeline-mentions/1","document":{"id":"a","path":"p","body_start":99},"days":[],"mentions":[],"text":"short"}"#;
        let e: super::model::Extracted = serde_json::from_str(line).unwrap();
        assert_eq!(
            e.check().unwrap_err(),
            "expected \"body_start\" within the text (5 bytes), but found 99"
        );
    }
}
