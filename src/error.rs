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

/// An article that could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The path does not exist or cannot be read.
    #[error("{}: cannot read: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The file holds binary data, not text.
    #[error(
        "{}: expected text, but found binary data (a NUL byte at offset {offset})",
        path.display()
    )]
    Binary {
        /// The file.
        path: PathBuf,
        /// Offset of the first NUL byte.
        offset: usize,
    },
    /// A record of a JSON collection (or a line of a mention file) that
    /// cannot be used.
    #[error("{}:{location}: {message}", path.display())]
    Record {
        /// The collection (`stdin` for standard input).
        path: PathBuf,
        /// Where in it.
        location: Location,
        /// What was expected and what was found.
        message: String,
    },
    /// The metadata header is malformed.
    #[error("{}:{line}: {message}", path.display())]
    Header {
        /// The file.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// What was expected and what was found.
        message: String,
    },
    /// The file holds no article text.
    #[error("{}: expected article text, but the file is empty", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The same file or the same text was read before: it counts once.
    #[error("{}: {how} {}, so it counts once", path.display(), of.display())]
    Duplicate {
        /// The file (or record) left out.
        path: PathBuf,
        /// The one kept.
        of: PathBuf,
        /// "the same file as" or "the same text as".
        how: &'static str,
    },
    /// A named pipe, socket or device where an article was expected:
    /// reading it could block or never end.
    #[error("{}: expected a regular file, but found {kind}", path.display())]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is ("a named pipe", "a device", ...).
        kind: &'static str,
    },
    /// A folder reached again through a symbolic link.
    #[error("{}: a folder already read (a symbolic link loop or a second link to it)", path.display())]
    Loop {
        /// The path of the link.
        path: PathBuf,
    },
    /// A file larger than the loader reads.
    #[error(
        "{}: expected an article of at most {} MiB, but the file holds {} MiB",
        path.display(), limit >> 20, size >> 20
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// Extraction failed on this document (a bug in the extractor); the
    /// other documents are kept.
    #[error("{}: extraction failed, so the document is left out: {message}", path.display())]
    Extraction {
        /// The document.
        path: PathBuf,
        /// What went wrong, and where in the extractor.
        message: String,
    },
    /// A file this tool wrote (a timeline JSON, a mention file, an HTML
    /// or Markdown report, a `TimelineJS` or TLS export), found among the
    /// articles: it is not read as one.
    #[error("{}: {what} this tool wrote, not an article, so it is skipped", path.display())]
    OwnOutput {
        /// The file.
        path: PathBuf,
        /// What it is ("a timeline JSON", "an HTML report", ...).
        what: &'static str,
    },
    /// A folder with no article files in it.
    #[error(
        "{}: expected articles (.txt, .md, .html, .jsonl, .json), but the folder has none",
        path.display()
    )]
    NoArticles {
        /// The folder.
        path: PathBuf,
    },
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
