//! Loading articles: the input side of the pipeline, before `extract`.
//!
//! # Accepted inputs
//!
//! Files and folders (searched recursively, in sorted path order, hidden
//! files skipped), and `-` for standard input:
//!
//! | input | what it holds |
//! |---|---|
//! | `.txt`, `.md`, `.markdown` | one article, with an optional metadata header (below) |
//! | `.html`, `.htm` | one web page: the article text is taken from `<article>` (else `<main>`, else `<body>`) with an HTML5 parser; title, date, author, publisher and url from its metadata |
//! | `.jsonl`, `.ndjson` | one article per line: a JSON object (below) |
//! | `.json` | a JSON array of such objects, or JSON lines |
//! | `-` | standard input, read as `.jsonl` (or a `.json` array) |
//!
//! ## Metadata header of text files
//!
//! ```text
//! ---
//! title: Where will Ruritania go after the strikes?
//! publisher: Pravda.Ru
//! author: Lyuba Lulko
//! url: https://example.org/article
//! date: 2022-01
//! ---
//! The article text, verbatim ...
//! ```
//!
//! Known keys are `title`, `publisher` (or `source`), `author`, `url` and
//! `date`; other keys are allowed and ignored, so front matter written for
//! other tools loads. Without a header the whole file is the article and
//! its first line is its title.
//!
//! ## Records of JSON collections
//!
//! | field | type | meaning |
//! |---|---|---|
//! | `text` | string, required (or `html`) | the article text |
//! | `html` | string | the page, when there is no `text`: read as an `.html` file |
//! | `id` | string or number | the document id [default: from `url`, else a hash of the text] |
//! | `title` | string | [default: the first line of the text] |
//! | `url` | string | kept when http(s) |
//! | `date` | string | publication date |
//! | `source` or `publisher` | string | who published it |
//! | `author` | string | who wrote it |
//!
//! A record without a usable `text` is skipped with an error naming the
//! file and line; a metadata field of the wrong type is ignored with a
//! warning. Other fields are ignored.
//!
//! ## Dates
//!
//! `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, optionally followed by a time
//! (`2022-01-06T10:30:00+06:00`, `2022-01-06 10:30`), `YYYY/MM/DD`, or an
//! e-mail style date (`Thu, 06 Jan 2022 10:30:00 +0600`). The day is taken
//! as written, in the publisher's time zone; a time is dropped.
//!
//! # Offsets and bad bytes
//!
//! Offsets everywhere in the pipeline are byte offsets into the whole file
//! (header included), into a record's `text`, or, for HTML, into the
//! article text as extracted (paragraphs separated by blank lines). Bytes
//! that are not UTF-8 are read as `?`, one for one, with a warning, so
//! offsets still point at the same bytes of the file. A file with a NUL
//! byte in its first 8 KiB is binary and skipped.

mod html;
mod records;

use std::collections::VecDeque;
use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::error::{LoadError, Location};
use crate::model::Document;

pub use html::parse_html;
pub use records::{normalize_date, parse_record};

/// An input named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or folder.
    Path(PathBuf),
    /// Standard input (`-`), read as a JSON collection.
    Stdin,
}

impl Input {
    /// `-` is standard input; anything else a path.
    #[must_use]
    pub fn from_path(p: &Path) -> Input {
        if p.as_os_str() == "-" {
            Input::Stdin
        } else {
            Input::Path(p.to_path_buf())
        }
    }
}

/// A problem that did not stop a document from loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The file (`stdin` for standard input).
    pub path: PathBuf,
    /// Where in it, when it applies.
    pub location: Option<Location>,
    /// What was found and what was done about it.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            Some(l) => write!(f, "{}:{l}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// A document that loaded, with what was odd about it.
#[derive(Debug)]
pub struct Loaded {
    /// The document, with its whole text.
    pub document: Document,
    /// Problems that did not stop it.
    pub warnings: Vec<Warning>,
}

/// One document to load: a file, or a record of a collection already
/// read. Loading units is independent, so it can run in parallel.
#[derive(Debug)]
pub enum Unit {
    /// An article file (`.txt`, `.md`, `.html`).
    File(PathBuf),
    /// One line of a JSON-lines collection.
    Line {
        /// The collection (`stdin` for standard input).
        origin: PathBuf,
        /// 1-based line number.
        line: usize,
        /// The line's bytes.
        bytes: Vec<u8>,
    },
    /// One element of a JSON array collection.
    Value {
        /// The collection.
        origin: PathBuf,
        /// 1-based position in the array.
        index: usize,
        /// The element.
        value: serde_json::Value,
    },
    /// Something that could not even be listed or read.
    Failed(LoadError),
}

/// The documents under `inputs`, in order, read lazily: folders are
/// listed when reached and collections read one record at a time, so
/// memory stays bounded whatever the corpus size.
#[must_use]
pub fn units(inputs: &[Input]) -> Units {
    Units { pending: inputs.iter().cloned().map(Pending::Input).collect(), reader: None }
}

enum Pending {
    Input(Input),
    Unit(Unit),
}

/// The iterator of [`units`].
pub struct Units {
    pending: VecDeque<Pending>,
    reader: Option<LineReader>,
}

struct LineReader {
    origin: PathBuf,
    reader: Box<dyn BufRead + Send>,
    line: usize,
}

impl fmt::Debug for Units {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Units").field("pending", &self.pending.len()).finish_non_exhaustive()
    }
}

impl Iterator for Units {
    type Item = Unit;

    fn next(&mut self) -> Option<Unit> {
        loop {
            if let Some(r) = &mut self.reader {
                let mut bytes = Vec::new();
                match r.reader.read_until(b'\n', &mut bytes) {
                    Ok(0) => self.reader = None,
                    Ok(_) => {
                        r.line += 1;
                        if bytes.iter().all(u8::is_ascii_whitespace) {
                            continue;
                        }
                        return Some(Unit::Line { origin: r.origin.clone(), line: r.line, bytes });
                    }
                    Err(source) => {
                        let path = r.origin.clone();
                        self.reader = None;
                        return Some(Unit::Failed(LoadError::Io { path, source }));
                    }
                }
                continue;
            }
            match self.pending.pop_front()? {
                Pending::Unit(u) => return Some(u),
                Pending::Input(Input::Stdin) => {
                    let stdin: Box<dyn Read + Send> = Box::new(std::io::stdin());
                    if let Some(u) = self.open_collection(PathBuf::from("stdin"), stdin) {
                        return Some(u);
                    }
                }
                Pending::Input(Input::Path(path)) => {
                    if let Some(u) = self.expand(path) {
                        return Some(u);
                    }
                }
            }
        }
    }
}

impl Units {
    /// Turn one path into units (queued at the front, in order), or
    /// return the unit it is.
    fn expand(&mut self, path: PathBuf) -> Option<Unit> {
        match std::fs::metadata(&path) {
            Err(source) if source.kind() == std::io::ErrorKind::NotFound => {
                Some(Unit::Failed(LoadError::Io {
                    path,
                    source: std::io::Error::new(source.kind(), "no such file or folder"),
                }))
            }
            Err(source) => Some(Unit::Failed(LoadError::Io { path, source })),
            Ok(m) if m.is_dir() => {
                let mut found = Vec::new();
                if let Err(e) = walk(&path, &mut found) {
                    return Some(Unit::Failed(e));
                }
                if found.is_empty() {
                    return Some(Unit::Failed(LoadError::NoArticles { path }));
                }
                for p in found.into_iter().rev() {
                    self.pending.push_front(Pending::Input(Input::Path(p)));
                }
                None
            }
            Ok(_) => match kind(&path) {
                Kind::Collection => match File::open(&path) {
                    Ok(f) => self.open_collection(path, Box::new(f)),
                    Err(source) => Some(Unit::Failed(LoadError::Io { path, source })),
                },
                Kind::Article | Kind::Other => Some(Unit::File(path)),
            },
        }
    }

    /// Start reading a collection: JSON lines, or an array read whole.
    fn open_collection(&mut self, origin: PathBuf, read: Box<dyn Read + Send>) -> Option<Unit> {
        let mut reader = BufReader::with_capacity(1 << 16, read);
        // peek past white space for '['
        let first = loop {
            match reader.fill_buf() {
                Ok([]) => break None,
                Ok(buf) => {
                    let n = buf.iter().take_while(|b| b.is_ascii_whitespace()).count();
                    if n < buf.len() {
                        break Some(buf[n]);
                    }
                    let len = buf.len();
                    reader.consume(len);
                }
                Err(source) => return Some(Unit::Failed(LoadError::Io { path: origin, source })),
            }
        };
        match first {
            None => Some(Unit::Failed(LoadError::Empty { path: origin })),
            Some(b'[') => {
                let mut bytes = Vec::new();
                if let Err(source) = reader.read_to_end(&mut bytes) {
                    return Some(Unit::Failed(LoadError::Io { path: origin, source }));
                }
                let values: Vec<serde_json::Value> = match serde_json::from_slice(&bytes) {
                    Ok(v) => v,
                    Err(e) => {
                        return Some(Unit::Failed(LoadError::Record {
                            path: origin,
                            location: Location::Line(e.line()),
                            message: format!("expected a JSON array of articles: {e}"),
                        }))
                    }
                };
                if values.is_empty() {
                    return Some(Unit::Failed(LoadError::Empty { path: origin }));
                }
                for (i, value) in values.into_iter().enumerate().rev() {
                    self.pending.push_front(Pending::Unit(Unit::Value {
                        origin: origin.clone(),
                        index: i + 1,
                        value,
                    }));
                }
                None
            }
            Some(_) => {
                self.reader = Some(LineReader { origin, reader: Box::new(reader), line: 0 });
                None
            }
        }
    }
}

#[derive(PartialEq, Eq)]
enum Kind {
    Article,
    Collection,
    Other,
}

fn kind(path: &Path) -> Kind {
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("txt" | "md" | "markdown" | "html" | "htm") => Kind::Article,
        Some("jsonl" | "ndjson" | "json") => Kind::Collection,
        _ => Kind::Other,
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), LoadError> {
    let io = |source| LoadError::Io { path: dir.to_path_buf(), source };
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(dir).map_err(io)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        if p.is_dir() {
            walk(&p, out)?;
        } else if kind(&p) != Kind::Other {
            out.push(p);
        }
    }
    Ok(())
}

/// Load one unit into a document.
///
/// # Errors
/// [`LoadError`] naming the file (and line or record) when it cannot be
/// read, is binary, has a malformed header, or holds no text.
pub fn load_unit(unit: Unit) -> Result<Loaded, LoadError> {
    match unit {
        Unit::File(path) => load_file(&path),
        Unit::Line { origin, line, bytes } => {
            let (text, bad) = decode(bytes);
            let mut loaded = match serde_json::from_str::<serde_json::Value>(&text) {
                Ok(v) => parse_record(&origin, Location::Line(line), v)?,
                Err(e) => {
                    return Err(LoadError::Record {
                        path: origin,
                        location: Location::Line(line),
                        message: format!("expected a JSON object, but {e}"),
                    })
                }
            };
            if let Some(bad) = bad {
                loaded.warnings.push(Warning {
                    path: origin,
                    location: Some(Location::Line(line)),
                    message: bad.message(),
                });
            }
            Ok(loaded)
        }
        Unit::Value { origin, index, value } => {
            parse_record(&origin, Location::Record(index), value)
        }
        Unit::Failed(e) => Err(e),
    }
}

/// Load one article file (`.txt`, `.md` or `.html`).
///
/// # Errors
/// As [`load_unit`].
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    let bytes =
        std::fs::read(path).map_err(|source| LoadError::Io { path: path.to_path_buf(), source })?;
    let html = matches!(
        path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(),
        Some("html" | "htm")
    );
    if html {
        parse_html(path, bytes)
    } else {
        parse_text(path, bytes)
    }
}

/// Bytes that were not UTF-8.
#[derive(Debug, Clone, Copy)]
struct BadBytes {
    count: usize,
    first: usize,
    line: usize,
}

impl BadBytes {
    fn message(self) -> String {
        format!(
            "{} byte{} not UTF-8 (the first at byte {}, line {}) read as '?'; offsets are unchanged",
            self.count,
            if self.count == 1 { " is" } else { "s are" },
            self.first,
            self.line
        )
    }
}

/// UTF-8 text from bytes, each invalid byte replaced by `?` so that byte
/// offsets stay those of the input.
fn decode(bytes: Vec<u8>) -> (String, Option<BadBytes>) {
    match String::from_utf8(bytes) {
        Ok(s) => (s, None),
        Err(e) => {
            let mut bytes = e.into_bytes();
            let mut bad: Option<BadBytes> = None;
            let mut at = 0;
            while at < bytes.len() {
                match std::str::from_utf8(&bytes[at..]) {
                    Ok(_) => break,
                    Err(e) => {
                        let start = at + e.valid_up_to();
                        let len = e.error_len().unwrap_or(bytes.len() - start);
                        for b in &mut bytes[start..start + len] {
                            *b = b'?';
                        }
                        match &mut bad {
                            Some(b) => b.count += len,
                            None => {
                                let line =
                                    1 + bytes[..start].iter().filter(|&&b| b == b'\n').count();
                                bad = Some(BadBytes { count: len, first: start, line });
                            }
                        }
                        at = start + len;
                    }
                }
            }
            let text = String::from_utf8(bytes).expect("every invalid byte was replaced");
            (text, bad)
        }
    }
}

/// The offset of a NUL byte in the first 8 KiB: binary data, not text.
fn binary(bytes: &[u8]) -> Option<usize> {
    bytes.iter().take(8192).position(|&b| b == 0)
}

/// Build a document from a text file's bytes (split from [`load_file`] so
/// tests can feed bytes).
///
/// # Errors
/// As [`load_unit`].
pub fn parse_text(path: &Path, bytes: Vec<u8>) -> Result<Loaded, LoadError> {
    if let Some(offset) = binary(&bytes) {
        return Err(LoadError::Binary { path: path.to_path_buf(), offset });
    }
    let (text, bad) = decode(bytes);
    let mut warnings = Vec::new();
    if let Some(bad) = bad {
        warnings.push(Warning { path: path.to_path_buf(), location: None, message: bad.message() });
    }
    let header = parse_header(path, &text)?;
    let body = &text[header.body_start..];
    if body.trim().is_empty() {
        return Err(LoadError::Empty { path: path.to_path_buf() });
    }
    let title = header.title.or_else(|| first_line(body));
    let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or("document").to_string();
    let document = Document {
        id,
        path: path.to_string_lossy().into_owned(),
        title,
        publisher: header.publisher,
        author: header.author,
        url: header.url,
        date: header.date,
        reference: None,
        body_start: header.body_start,
        text,
    };
    Ok(Loaded { document, warnings })
}

/// As [`parse_text`], for callers that want the document alone.
///
/// # Errors
/// As [`load_unit`].
pub fn parse_document(path: &Path, bytes: Vec<u8>) -> Result<Document, LoadError> {
    parse_text(path, bytes).map(|l| l.document)
}

/// The first non-blank line, shortened to 120 characters: a title.
fn first_line(body: &str) -> Option<String> {
    body.lines().map(str::trim).find(|l| !l.is_empty()).map(|l| truncate_chars(l, 120))
}

fn truncate_chars(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", s[..i].trim_end()),
        None => s.to_string(),
    }
}

#[derive(Default)]
struct Header {
    title: Option<String>,
    publisher: Option<String>,
    author: Option<String>,
    url: Option<String>,
    date: Option<String>,
    body_start: usize,
}

fn parse_header(path: &Path, text: &str) -> Result<Header, LoadError> {
    let mut header = Header::default();
    let first_len = match text.strip_prefix('\u{feff}').unwrap_or(text) {
        t if t.starts_with("---\n") => 4,
        t if t.starts_with("---\r\n") => 5,
        _ => return Ok(header),
    } + (text.len() - text.strip_prefix('\u{feff}').unwrap_or(text).len());
    let err = |line: usize, message: String| LoadError::Header {
        path: path.to_path_buf(),
        line,
        message,
    };
    let mut offset = first_len;
    let mut line_no = 1;
    loop {
        line_no += 1;
        if offset >= text.len() {
            return Err(err(
                line_no - 1,
                "expected a closing \"---\" line after the header, but the file ended".into(),
            ));
        }
        let rest = &text[offset..];
        let line_len = rest.find('\n').map_or(rest.len(), |i| i + 1);
        let line = rest[..line_len].trim_end_matches(['\n', '\r']);
        offset += line_len;
        if line.trim() == "---" {
            break;
        }
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            return Err(err(
                line_no,
                format!("expected \"key: value\" in the header, but found {line:?}"),
            ));
        };
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim().trim_matches('"').to_string();
        let value = (!value.is_empty()).then_some(value);
        match key.as_str() {
            "title" => header.title = value,
            "publisher" | "source" => header.publisher = value,
            "author" => header.author = value,
            "url" => {
                if let Some(v) = &value {
                    if !(v.starts_with("http://") || v.starts_with("https://")) {
                        return Err(err(
                            line_no,
                            format!("expected an http(s) url, but found {v:?}"),
                        ));
                    }
                }
                header.url = value;
            }
            "date" => {
                header.date = match &value {
                    Some(v) => Some(normalize_date(v).ok_or_else(|| {
                        err(
                            line_no,
                            format!(
                                "expected a date like 2022-01-06, 2022-01 or 2022, but found {v:?}"
                            ),
                        )
                    })?),
                    None => None,
                };
            }
            k if k.is_empty() || k.contains(char::is_whitespace) => {
                return Err(err(
                    line_no,
                    format!("expected \"key: value\" in the header, but found {line:?}"),
                ))
            }
            _ => {}
        }
    }
    header.body_start = offset;
    Ok(header)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Document, LoadError> {
        parse_document(Path::new("news/a.txt"), s.as_bytes().to_vec())
    }

    #[test]
    fn header_is_read_and_body_offset_points_past_it() {
        let doc =
            parse("---\ntitle: Floods\ndate: 2021-07\nurl: https://x.org/a\n---\nRain fell.\n")
                .unwrap();
        assert_eq!(doc.title.as_deref(), Some("Floods"));
        assert_eq!(doc.date.as_deref(), Some("2021-07"));
        assert_eq!(doc.url.as_deref(), Some("https://x.org/a"));
        assert_eq!(doc.body(), "Rain fell.\n");
        assert_eq!(&doc.text[doc.body_start..doc.body_start + 4], "Rain");
    }

    #[test]
    fn plain_text_takes_its_first_line_as_title() {
        let doc = parse("\n  Storm hits coast \nThe storm hit.").unwrap();
        assert_eq!(doc.title.as_deref(), Some("Storm hits coast"));
        assert_eq!(doc.body_start, 0);
    }

    #[test]
    fn malformed_header_names_file_and_line() {
        let e = parse("---\ntitle: A\nno colon here\n---\nx").unwrap_err();
        assert_eq!(
            e.to_string(),
            "news/a.txt:3: expected \"key: value\" in the header, but found \"no colon here\""
        );
        let e = parse("---\ndate: March 32\n---\nx").unwrap_err();
        assert!(e.to_string().starts_with("news/a.txt:2: expected a date like"), "{e}");
        let e = parse("---\ntitle: A\n").unwrap_err();
        assert!(e.to_string().contains("closing \"---\""), "{e}");
        let e = parse("---\nurl: javascript:alert(1)\n---\nx").unwrap_err();
        assert!(e.to_string().contains("http(s) url"), "{e}");
    }

    #[test]
    fn empty_and_binary_files_are_errors() {
        assert!(matches!(parse("  \n"), Err(LoadError::Empty { .. })));
        let e = parse_document(Path::new("b.txt"), b"PK\x03\x04\0\0data".to_vec()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "b.txt: expected text, but found binary data (a NUL byte at offset 4)"
        );
    }

    #[test]
    fn invalid_utf8_is_read_byte_for_byte_with_a_warning() {
        let bytes = b"Caf\xe9 opened.\nOn March 3, 2021, \xff\xfe the army \xe2\x82 left.".to_vec();
        let len = bytes.len();
        let l = parse_text(Path::new("c.txt"), bytes.clone()).unwrap();
        assert_eq!(l.document.text.len(), len);
        let at = l.document.text.find("the army").unwrap();
        assert_eq!(&bytes[at..at + 8], b"the army");
        assert_eq!(l.document.text, "Caf? opened.\nOn March 3, 2021, ?? the army ?? left.");
        assert_eq!(
            l.warnings[0].to_string(),
            "c.txt: 5 bytes are not UTF-8 (the first at byte 3, line 1) read as '?'; offsets are unchanged"
        );
    }

    quickcheck::quickcheck! {
        /// The stable harness of the `load` fuzz target: any bytes, as a
        /// text file, a page or a record, give a document or an error.
        fn loaders_never_panic_and_keep_offsets(bytes: Vec<u8>, html: bool) -> bool {
            let _ = load_unit(Unit::Line { origin: "f.jsonl".into(), line: 1, bytes: bytes.clone() });
            if html {
                let _ = parse_html(Path::new("f.html"), bytes);
                true
            } else {
                let len = bytes.len();
                parse_text(Path::new("f.txt"), bytes).map_or(true, |l| l.document.text.len() == len)
            }
        }
    }

    #[test]
    fn a_file_that_vanishes_before_it_is_read_is_named() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["a.txt", "b.txt"] {
            std::fs::write(dir.path().join(name), "On May 5, 2021, the council resigned.").unwrap();
        }
        let mut units = units(&[Input::Path(dir.path().to_path_buf())]);
        let first = units.next().unwrap();
        std::fs::remove_file(dir.path().join("b.txt")).unwrap();
        let second = units.next().unwrap();
        assert!(load_unit(first).is_ok());
        let e = load_unit(second).unwrap_err();
        assert!(e.to_string().contains("b.txt: cannot read"), "{e}");
    }

    #[test]
    fn header_dates_may_carry_a_time() {
        let doc = parse("---\ndate: 2022-01-06T23:30:00-05:00\n---\nx").unwrap();
        assert_eq!(doc.date.as_deref(), Some("2022-01-06"));
    }
}
