//! Errors of the library, one enum per concern.
//!
//! Every input error names the file and, where it applies, the 1-based line,
//! and says what was expected: `corpus/a.txt:3: expected "key: value" in the
//! header, but found "title Ruritania"`.

use std::fmt;
use std::path::PathBuf;

/// Where in a collection a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// A 1-based line (JSON lines, or a header line).
    Line(usize),
    /// A 1-based position in a JSON array.
    Record(usize),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Line(n) => write!(f, "{n}"),
            Location::Record(n) => write!(f, "record {n}"),
        }
    }
}

/// An article that could not be loaded: the file, where in it when that
/// is known (a header line, a record of a collection), and what was wrong.
/// The location is written once, in front of every message:
/// `news.jsonl:7: expected article text, but "text" is empty`.
#[derive(Debug)]
pub struct LoadError {
    /// The file, folder or collection (`stdin` for standard input).
    pub path: PathBuf,
    /// Where in it.
    pub at: Option<Location>,
    /// What was wrong.
    pub problem: Problem,
}

/// What was wrong with an input (see [`LoadError`]).
#[derive(Debug, thiserror::Error)]
pub enum Problem {
    /// The path does not exist or cannot be read.
    #[error("cannot read: {0}")]
    Io(#[source] std::io::Error),
    /// The file holds binary data, not text.
    #[error("expected text, but found binary data (a NUL byte at offset {offset})")]
    Binary {
        /// Offset of the first NUL byte.
        offset: usize,
    },
    /// A metadata header line that cannot be used: what was expected and
    /// what was found.
    #[error("{0}")]
    Header(String),
    /// A record of a collection (or a line of a mention file) that cannot
    /// be used: what was expected and what was found.
    #[error("{0}")]
    Record(String),
    /// The file holds no article text.
    #[error("expected article text, but the file is empty")]
    Empty,
    /// The same file or the same text was read before: it counts once.
    #[error("{how} {}, so it counts once", of.display())]
    Duplicate {
        /// The one kept.
        of: PathBuf,
        /// "the same file as" or "the same text as".
        how: &'static str,
    },
    /// A named pipe, socket or device where an article was expected:
    /// reading it could block or never end.
    #[error("expected a regular file, but found {kind}")]
    NotAFile {
        /// What it is ("a named pipe", "a device", ...).
        kind: &'static str,
    },
    /// A folder reached again through a symbolic link.
    #[error("a folder already read (a symbolic link loop or a second link to it)")]
    Loop,
    /// A file larger than the loader reads.
    #[error("expected an article of at most {} MiB, but the file holds {} MiB", limit >> 20, size >> 20)]
    TooLarge {
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// Extraction failed on this document (a bug in the extractor); the
    /// other documents are kept.
    #[error("extraction failed, so the document is left out: {0}")]
    Extraction(String),
    /// A file this tool wrote (a timeline JSON, a mention file, an HTML
    /// or Markdown report, a `TimelineJS` or TLS export), found among the
    /// articles: it is not read as one.
    #[error("{0} this tool wrote, not an article, so it is skipped")]
    OwnOutput(&'static str),
    /// A folder with no article files in it.
    #[error("expected articles (.txt, .md, .html, .jsonl, .json), but the folder has none")]
    NoArticles,
}

impl LoadError {
    /// `problem` with the whole of `path`.
    pub fn new(path: impl Into<PathBuf>, problem: Problem) -> LoadError {
        LoadError { path: path.into(), at: None, problem }
    }

    /// `path` cannot be read.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> LoadError {
        LoadError::new(path, Problem::Io(source))
    }

    /// What was expected in the record at `at` of the collection `path`,
    /// and what was found.
    pub fn record(path: impl Into<PathBuf>, at: Location, message: String) -> LoadError {
        LoadError { path: path.into(), at: Some(at), problem: Problem::Record(message) }
    }

    /// What was expected on header line `line` of `path`, and what was
    /// found.
    pub fn header(path: impl Into<PathBuf>, line: usize, message: String) -> LoadError {
        LoadError {
            path: path.into(),
            at: Some(Location::Line(line)),
            problem: Problem::Header(message),
        }
    }
}

impl Problem {
    /// A short reason, for a summary of what was skipped.
    #[must_use]
    pub fn reason(&self) -> &'static str {
        match self {
            Problem::Io(_) => "unreadable",
            Problem::Binary { .. } => "binary",
            Problem::Empty => "empty",
            Problem::Header(_) => "bad header",
            Problem::Record(_) => "bad record",
            Problem::NoArticles => "no articles",
            Problem::Duplicate { .. } => "duplicate",
            Problem::NotAFile { .. } => "not a file",
            Problem::Loop => "link loop",
            Problem::TooLarge { .. } => "too large",
            Problem::OwnOutput(_) => "written by this tool",
            Problem::Extraction(_) => "extraction failed",
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(at) = self.at {
            write!(f, ":{at}")?;
        }
        write!(f, ": {}", self.problem)
    }
}

impl std::error::Error for LoadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.problem)
    }
}

/// A timeline JSON that could not be read back.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file cannot be read.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The JSON does not match the timeline format.
    #[error(
        "{}:{line}:{column}: expected a timeline JSON ({}), but {message}",
        path.display(), crate::model::FORMAT
    )]
    Json {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What serde said.
        message: String,
    },
}

/// An output file that could not be written.
#[derive(Debug, thiserror::Error)]
#[error("{}: cannot write: {source}", path.display())]
pub struct WriteError {
    /// The file.
    pub path: PathBuf,
    /// What the operating system said.
    pub source: std::io::Error,
}

/// A model file (the language backbone, the event model, the entity-type
/// table) that cannot be read: what is wrong with it, in words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ModelError(pub String);

impl From<&str> for ModelError {
    fn from(s: &str) -> ModelError {
        ModelError(s.to_string())
    }
}

impl From<String> for ModelError {
    fn from(s: String) -> ModelError {
        ModelError(s)
    }
}

/// A `TimeML` document that cannot be read: what was expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct TimeMlError(pub String);

/// Code that panicked inside [`crate::extract::guard::guarded`]: the panic's
/// message, so one bad article is reported and the others go on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Panicked(pub String);

/// A value that does not have the form its field needs, in words: "expected
/// a date like 2022-01-06, but found \"soon\"". The caller adds where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Expected(pub String);
