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

use std::collections::{HashMap, HashSet, VecDeque};
use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::error::{LoadError, Location, Problem};
use crate::model::Document;

pub use html::parse_html;
pub(crate) use records::fnv;
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
    File {
        /// The path as found.
        path: PathBuf,
        /// Its document id: the path below the folder named on the
        /// command line, without its extension (`2022/jan/a` for
        /// `corpus/2022/jan/a.txt` of `corpus`), or the file stem of a file
        /// named itself. It depends on nothing but the file's own place.
        id: String,
    },
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
///
/// Each file is read once, however many paths lead to it (symbolic links,
/// `./a` and `a`, a folder named twice); a second path gives a
/// [`Problem::Duplicate`] unit, a folder reached again through a link a
/// [`Problem::Loop`] one, and named pipes, sockets and devices a
/// [`Problem::NotAFile`] one, so the walk never blocks or loops. An
/// entry that cannot be listed or read is reported and the walk goes on.
#[must_use]
pub fn units(inputs: &[Input]) -> Units {
    Units {
        pending: inputs.iter().cloned().map(Pending::Input).collect(),
        reader: None,
        files: HashMap::new(),
        folders: HashSet::new(),
    }
}

enum Pending {
    Input(Input),
    /// A file found in a folder, with its id.
    Found(PathBuf, String),
    Unit(Unit),
}

/// The iterator of [`units`].
pub struct Units {
    pending: VecDeque<Pending>,
    reader: Option<LineReader>,
    /// Files read so far, by device and inode, with the first path.
    files: HashMap<FileKey, PathBuf>,
    /// Folders listed so far.
    folders: HashSet<FileKey>,
}

/// What identifies a file whatever the path to it.
type FileKey = (u64, u64);

#[cfg(unix)]
fn file_key(m: &std::fs::Metadata, _path: &Path) -> FileKey {
    use std::os::unix::fs::MetadataExt as _;
    (m.dev(), m.ino())
}

#[cfg(not(unix))]
fn file_key(_m: &std::fs::Metadata, path: &Path) -> FileKey {
    let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    (0, records::fnv(&canonical.to_string_lossy()))
}

/// What a path is when it is neither a regular file nor a folder.
fn special_kind(t: std::fs::FileType) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if t.is_fifo() {
            return Some("a named pipe");
        }
        if t.is_socket() {
            return Some("a socket");
        }
        if t.is_block_device() || t.is_char_device() {
            return Some("a device");
        }
    }
    (!t.is_file() && !t.is_dir()).then_some("neither a file nor a folder")
}

/// The id of a file found under `root`: its relative path without the
/// extension, with `/` between folders.
fn relative_id(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path).with_extension("");
    let parts: Vec<String> = rel
        .components()
        .filter_map(|c| match c {
            std::path::Component::Normal(p) => Some(p.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    if parts.is_empty() {
        stem_id(path)
    } else {
        parts.join("/")
    }
}

/// The id of a file named on its own: its stem.
fn stem_id(path: &Path) -> String {
    path.file_stem().map_or_else(|| "document".into(), |s| s.to_string_lossy().into_owned())
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
                        return Some(Unit::Failed(LoadError::io(path, source)));
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
                    let id = stem_id(&path);
                    if let Some(u) = self.expand(path, id) {
                        return Some(u);
                    }
                }
                Pending::Found(path, id) => {
                    if let Some(u) = self.expand(path, id) {
                        return Some(u);
                    }
                }
            }
        }
    }
}

impl Units {
    /// Turn one path into units (queued at the front, in order), or
    /// return the unit it is. `id` is the id a file there gets.
    fn expand(&mut self, path: PathBuf, id: String) -> Option<Unit> {
        let meta = match std::fs::metadata(&path) {
            Err(source) if source.kind() == std::io::ErrorKind::NotFound => {
                return Some(Unit::Failed(LoadError::io(
                    path,
                    std::io::Error::new(source.kind(), "no such file or folder"),
                )))
            }
            Err(source) => return Some(Unit::Failed(LoadError::io(path, source))),
            Ok(m) => m,
        };
        let key = file_key(&meta, &path);
        if meta.is_dir() {
            if !self.folders.insert(key) {
                return Some(Unit::Failed(LoadError::new(path, Problem::Loop)));
            }
            let mut found = Vec::new();
            walk(&path, &path, &mut found, &mut self.folders);
            if found.is_empty() {
                return Some(Unit::Failed(LoadError::new(path, Problem::NoArticles)));
            }
            for p in found.into_iter().rev() {
                self.pending.push_front(p);
            }
            return None;
        }
        if let Some(kind) = special_kind(meta.file_type()) {
            return Some(Unit::Failed(LoadError::new(path, Problem::NotAFile { kind })));
        }
        if let Some(first) = self.files.get(&key) {
            return Some(Unit::Failed(LoadError::new(
                path,
                Problem::Duplicate { of: first.clone(), how: "the same file as" },
            )));
        }
        self.files.insert(key, path.clone());
        // collections are streamed a record at a time; articles read whole
        if kind(&path) != Kind::Collection && meta.len() > MAX_FILE {
            return Some(Unit::Failed(LoadError::new(
                path,
                Problem::TooLarge { size: meta.len(), limit: MAX_FILE },
            )));
        }
        match kind(&path) {
            Kind::Collection => match File::open(&path) {
                Ok(f) => self.open_collection(path, Box::new(f)),
                Err(source) => Some(Unit::Failed(LoadError::io(path, source))),
            },
            Kind::Article | Kind::Other => Some(Unit::File { path, id }),
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
                Err(source) => return Some(Unit::Failed(LoadError::io(origin, source))),
            }
        };
        match first {
            None => Some(Unit::Failed(LoadError::new(origin, Problem::Empty))),
            Some(b'[') => {
                let mut bytes = Vec::new();
                if let Err(source) = reader.read_to_end(&mut bytes) {
                    return Some(Unit::Failed(LoadError::io(origin, source)));
                }
                let values: Vec<serde_json::Value> = match serde_json::from_slice(&bytes) {
                    Ok(v) => v,
                    Err(e) => {
                        return Some(Unit::Failed(LoadError::record(
                            origin,
                            Location::Line(e.line()),
                            format!("expected a JSON array of articles: {e}"),
                        )))
                    }
                };
                if values.is_empty() {
                    return Some(Unit::Failed(LoadError::new(origin, Problem::Empty)));
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
                // a timeline or mention file written here into the input
                // folder is no collection of articles
                if let Some(what) = reader.fill_buf().ok().and_then(own_output) {
                    return Some(Unit::Failed(LoadError::new(origin, Problem::OwnOutput(what))));
                }
                self.reader = Some(LineReader { origin, reader: Box::new(reader), line: 0 });
                None
            }
        }
    }
}

/// The start of the Markdown this tool writes (`render::export::markdown`).
pub const MARKDOWN_MARK: &str = "<!-- written by timeline -->";
/// The separator line of the TLS summary this tool writes
/// (`render::export::tls`).
pub const TLS_RULE: &str = "--------------------------------";
/// The generator of the HTML report this tool writes.
pub const HTML_MARK: &str = "<meta name=\"generator\" content=\"timeline\">";

/// What this tool wrote, when `head` (a file's first bytes) is one of its
/// outputs: a timeline JSON or mention file (their `format`), a `TimelineJS`
/// export, an HTML report or a Markdown export (their marks), a TLS
/// summary (a date line first, and the 32-dash rule). Outputs written
/// into an input folder are not read back as articles on the next run.
#[must_use]
pub fn own_output(head: &[u8]) -> Option<&'static str> {
    let head = &head[..head.len().min(4096)];
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if text.starts_with('{') {
        // the format field comes first in both files
        let start: String = text.chars().take(80).filter(|c| !c.is_whitespace()).collect();
        if start.starts_with("{\"format\":\"timeline/") {
            return Some("a timeline JSON");
        }
        if start.starts_with("{\"format\":\"timeline-mentions/") {
            return Some("a mention file");
        }
        if text.contains("\"events\"")
            && text.contains("\"start_date\"")
            && text.contains("\"headline\"")
        {
            return Some("a TimelineJS export");
        }
        return None;
    }
    if text.starts_with(MARKDOWN_MARK) {
        return Some("a Markdown export");
    }
    if text.contains(HTML_MARK) {
        return Some("an HTML report");
    }
    let first = text.lines().next().unwrap_or("");
    let date = first.len() == 10
        && first.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if date && text.lines().any(|l| l == TLS_RULE) {
        return Some("a TLS summary");
    }
    None
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

/// The largest article file read, 1 GiB: past it a file is
/// skipped rather than read into memory.
pub const MAX_FILE: u64 = 1 << 30;

/// The article files under `dir` (of the input folder `root`), in path
/// order, with the entries that could not be listed as failed units;
/// folders already listed (`folders`) are not entered again.
fn walk(root: &Path, dir: &Path, out: &mut Vec<Pending>, folders: &mut HashSet<FileKey>) {
    let fail = |e: LoadError| Pending::Unit(Unit::Failed(e));
    let listing = match std::fs::read_dir(dir) {
        Ok(l) => l,
        Err(source) => {
            out.push(fail(LoadError::io(dir.to_path_buf(), source)));
            return;
        }
    };
    let mut entries: Vec<PathBuf> = Vec::new();
    for entry in listing {
        match entry {
            Ok(e) => entries.push(e.path()),
            Err(source) => out.push(fail(LoadError::io(dir.to_path_buf(), source))),
        }
    }
    entries.sort();
    for p in entries {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        match std::fs::metadata(&p) {
            Ok(m) if m.is_dir() => {
                if folders.insert(file_key(&m, &p)) {
                    walk(root, &p, out, folders);
                } else {
                    out.push(fail(LoadError::new(p, Problem::Loop)));
                }
            }
            Ok(_) if kind(&p) == Kind::Other => {}
            Ok(_) => {
                let id = relative_id(root, &p);
                out.push(Pending::Found(p, id));
            }
            // a dangling link or an entry that cannot be examined: report
            // it when it looks like an article, as a file would be
            Err(source) => {
                if kind(&p) != Kind::Other {
                    out.push(fail(LoadError::io(p, source)));
                }
            }
        }
    }
}

/// Load one unit into a document.
///
/// # Errors
/// [`LoadError`] naming the file (and line or record) when it cannot be
/// read, is binary, has a malformed header, or holds no text.
pub fn load_unit(unit: Unit) -> Result<Loaded, LoadError> {
    match unit {
        Unit::File { path, id } => load_file(&path).map(|mut l| {
            l.document.id = id;
            l
        }),
        Unit::Line { origin, line, bytes } => {
            let (text, bad) = decode(bytes);
            let mut loaded = match serde_json::from_str::<serde_json::Value>(&text) {
                Ok(v) => parse_record(&origin, Location::Line(line), v)?,
                Err(e) => {
                    return Err(LoadError::record(
                        origin,
                        Location::Line(line),
                        format!("expected a JSON object, but {e}"),
                    ))
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
    let io = |source| LoadError::io(path.to_path_buf(), source);
    let file = File::open(path).map_err(io)?;
    // bounded, in case the file grew or is not what its listing said
    let mut bytes = Vec::new();
    file.take(MAX_FILE + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_FILE {
        return Err(LoadError::new(
            path.to_path_buf(),
            Problem::TooLarge { size: bytes.len() as u64, limit: MAX_FILE },
        ));
    }
    if let Some(what) = own_output(&bytes) {
        return Err(LoadError::new(path.to_path_buf(), Problem::OwnOutput(what)));
    }
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
                        if let Some(b) = &mut bad {
                            b.count += len;
                        } else {
                            let line = bytes[..start].split(|&b| b == b'\n').count();
                            bad = Some(BadBytes { count: len, first: start, line });
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
        return Err(LoadError::new(path.to_path_buf(), Problem::Binary { offset }));
    }
    let (text, bad) = decode(bytes);
    let mut warnings = Vec::new();
    if let Some(bad) = bad {
        warnings.push(Warning { path: path.to_path_buf(), location: None, message: bad.message() });
    }
    let header = parse_header(path, &text)?;
    let body = &text[header.body_start..];
    if body.trim().is_empty() {
        return Err(LoadError::new(path.to_path_buf(), Problem::Empty));
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
    date: Option<crate::model::PartialDate>,
    body_start: usize,
}

fn parse_header(path: &Path, text: &str) -> Result<Header, LoadError> {
    let mut header = Header::default();
    let first_len = match text.strip_prefix('\u{feff}').unwrap_or(text) {
        t if t.starts_with("---\n") => 4,
        t if t.starts_with("---\r\n") => 5,
        _ => return Ok(header),
    } + (text.len() - text.strip_prefix('\u{feff}').unwrap_or(text).len());
    let err = |line: usize, message: String| LoadError::header(path.to_path_buf(), line, message);
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
                    if !crate::escape::is_web_url(v) {
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
    fn the_tools_own_outputs_are_known_and_articles_are_not() {
        for (head, what) in [
            ("{\n  \"format\": \"timeline/1\",\n  \"documents\": []", "a timeline JSON"),
            ("{\"format\":\"timeline-mentions/1\",\"document\":{}}\n", "a mention file"),
            ("{\"title\": {}, \"events\": [{\"start_date\": {\"year\": 2020}, \"text\": {\"headline\": \"x\"}}]}", "a TimelineJS export"),
            ("<!DOCTYPE html>\n<html><head>\n<meta name=\"generator\" content=\"timeline\">", "an HTML report"),
            ("<!-- written by timeline -->\n\n# Floods\n", "a Markdown export"),
            ("2021-03-07\nThe dam burst.\n--------------------------------\n", "a TLS summary"),
        ] {
            assert_eq!(own_output(head.as_bytes()), Some(what), "{head}");
        }
        for article in [
            "{\"text\": \"Police fired on protesters.\", \"date\": \"2022-01-06\"}",
            "{\"format\": \"news\", \"text\": \"The timeline/1 plan\"}",
            "2021-03-07\nThe dam burst on Sunday, officials said.\n",
            "<html><head><meta name=\"generator\" content=\"WordPress\"></head>",
            "# Floods\n\nThe river rose.",
            "",
        ] {
            assert_eq!(own_output(article.as_bytes()), None, "{article}");
        }
    }

    #[test]
    fn header_is_read_and_body_offset_points_past_it() {
        let doc =
            parse("---\ntitle: Floods\ndate: 2021-07\nurl: https://x.org/a\n---\nRain fell.\n")
                .unwrap();
        assert_eq!(doc.title.as_deref(), Some("Floods"));
        assert_eq!(doc.date.map(|d| d.to_string()).as_deref(), Some("2021-07"));
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
        assert!(matches!(parse("  \n"), Err(LoadError { problem: Problem::Empty, .. })));
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
        assert_eq!(doc.date.map(|d| d.to_string()).as_deref(), Some("2022-01-06"));
    }
}
