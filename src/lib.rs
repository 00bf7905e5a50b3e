//! # timeline
//!
//! Turn a folder of news articles into an ordered, sourced timeline: an SVG
//! image to paste into a report and a JSON file other programs can read.
//!
//! The pipeline has three stages, one module each, with plain serde types
//! ([`model`]) between them:
//!
//! 1. [`extract`]: text -> dated event mentions, each with its exact quote
//!    and byte offsets;
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
pub fn build_from_documents(mut documents: Vec<model::Document>) -> Timeline {
    use rayon::prelude::*;
    extract::infer_references(&mut documents);
    // documents are independent: extract them in parallel, collected in
    // document order so the output stays the same bytes
    let per_doc: Vec<Vec<model::Mention>> = documents.par_iter().map(extract::extract).collect();
    let mentions: Vec<model::Mention> = per_doc.into_iter().flatten().collect();
    graph::build(documents, mentions, &graph::Options::default())
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
    let mut corpus = corpus::load(paths);
    if let Some(d) = date {
        for doc in corpus.documents.iter_mut().filter(|doc| doc.date.is_none()) {
            doc.date = Some(d.to_string());
        }
    }
    (build_from_documents(corpus.documents), corpus.skipped)
}

/// Serialize a timeline as pretty JSON with a final newline.
#[must_use]
pub fn to_json(t: &Timeline) -> String {
    let mut s = serde_json::to_string_pretty(t).expect("a timeline always serializes");
    s.push('\n');
    s
}

/// Read a timeline JSON written by `build` (perhaps edited by a person).
///
/// # Errors
/// [`ReadError`] naming the file, line and column when it cannot be read or
/// does not match the format.
pub fn read_timeline(path: &Path) -> Result<Timeline, ReadError> {
    let text = std::fs::read_to_string(path)
        .map_err(|source| ReadError::Io { path: path.to_path_buf(), source })?;
    serde_json::from_str(&text).map_err(|e| ReadError::Json {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        message: e.to_string().split(" at line").next().unwrap_or("").to_string(),
    })
}

/// Write `bytes` to `path` whole or not at all: into a temporary file in
/// the same folder, then renamed over the target.
///
/// # Errors
/// [`WriteError`] naming the path when the folder is not writable.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let err = |source| WriteError { path: path.to_path_buf(), source };
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("out");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(err)
}
