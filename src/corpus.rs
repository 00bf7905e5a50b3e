//! Loading articles: the input side of the pipeline, before `extract`.
//!
//! A corpus is a file or a folder (searched recursively, in sorted order) of
//! `.txt` and `.md` articles. A file may start with a metadata header:
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
//! Known keys are `title`, `publisher`, `author`, `url` and `date`
//! (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`); other keys are kept out of the model
//! but allowed, so front matter written for other tools loads. Without a
//! header the whole file is the article and its first line is its title.
//! Offsets everywhere in the pipeline are byte offsets into the whole file.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::error::LoadError;
use crate::model::{Document, Span};

/// The result of loading a corpus: what loaded and what was skipped.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Documents that loaded, in path order.
    pub documents: Vec<Document>,
    /// Files that could not be loaded, each with its reason.
    pub skipped: Vec<LoadError>,
}

/// Load every article under `paths` (files or folders).
///
/// Never fails as a whole: a path that does not exist, a folder with no
/// article and a bad file are each reported in [`Corpus::skipped`], and
/// loading goes on with the rest.
#[must_use]
pub fn load(paths: &[PathBuf]) -> Corpus {
    let mut corpus = Corpus::default();
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let before = files.len();
            if let Err(e) = walk(path, &mut files) {
                corpus.skipped.push(e);
            } else if files.len() == before {
                corpus.skipped.push(LoadError::NoArticles { path: path.clone() });
            }
        } else if path.exists() {
            files.push(path.clone());
        } else {
            corpus.skipped.push(LoadError::Io {
                path: path.clone(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or folder"),
            });
        }
    }
    let mut ids = BTreeSet::new();
    for file in files {
        match load_file(&file) {
            Ok(mut doc) => {
                doc.id = unique_id(&doc.id, &mut ids);
                corpus.documents.push(doc);
            }
            Err(e) => corpus.skipped.push(e),
        }
    }
    corpus
}

fn unique_id(stem: &str, seen: &mut BTreeSet<String>) -> String {
    let mut id = stem.to_string();
    let mut n = 2;
    while !seen.insert(id.clone()) {
        id = format!("{stem}-{n}");
        n += 1;
    }
    id
}

fn is_article(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(),
        Some("txt" | "md" | "markdown")
    )
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
        } else if is_article(&p) {
            out.push(p);
        }
    }
    Ok(())
}

/// Load one article file.
///
/// # Errors
/// [`LoadError`] naming the file (and header line) when it cannot be read,
/// is not UTF-8, has a malformed header or holds no text.
pub fn load_file(path: &Path) -> Result<Document, LoadError> {
    let bytes =
        std::fs::read(path).map_err(|source| LoadError::Io { path: path.to_path_buf(), source })?;
    parse_document(path, bytes)
}

/// Build a document from a file's bytes (split from [`load_file`] so tests
/// can feed bytes).
///
/// # Errors
/// As [`load_file`].
pub fn parse_document(path: &Path, bytes: Vec<u8>) -> Result<Document, LoadError> {
    let text = String::from_utf8(bytes).map_err(|e| LoadError::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    let header = parse_header(path, &text)?;
    let body = &text[header.body_start..];
    if body.trim().is_empty() {
        return Err(LoadError::Empty { path: path.to_path_buf() });
    }
    let title = header.title.or_else(|| {
        body.lines().map(str::trim).find(|l| !l.is_empty()).map(|l| truncate_chars(l, 120))
    });
    let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or("document").to_string();
    Ok(Document {
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
    })
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
                if let Some(v) = &value {
                    if Span::parse_partial(v).is_none() {
                        return Err(err(
                            line_no,
                            format!(
                                "expected a date like 2022-01-06, 2022-01 or 2022, but found {v:?}"
                            ),
                        ));
                    }
                }
                header.date = value;
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
    fn empty_and_non_utf8_files_are_errors() {
        assert!(matches!(parse("  \n"), Err(LoadError::Empty { .. })));
        let e = parse_document(Path::new("b.txt"), vec![b'a', 0xff, b'b']).unwrap_err();
        assert_eq!(
            e.to_string(),
            "b.txt: expected UTF-8 text, but found an invalid byte at offset 1"
        );
    }

    #[test]
    fn duplicate_stems_get_unique_ids() {
        let mut seen = BTreeSet::new();
        assert_eq!(unique_id("a", &mut seen), "a");
        assert_eq!(unique_id("a", &mut seen), "a-2");
        assert_eq!(unique_id("a", &mut seen), "a-3");
    }
}
