//! Web pages: the article text and metadata of an `.html` file.
//!
//! The page is parsed with an HTML5 parser (`scraper`, on `html5ever`),
//! which accepts whatever a browser accepts. The text comes from the first
//! `<article>`, else `<main>`, else `[itemprop=articleBody]`, else
//! `<body>`, leaving out scripts, styles, navigation, asides, footers,
//! forms and figures; each block (paragraph, heading, list item, ...)
//! becomes one paragraph, separated by blank lines, with white space
//! collapsed as a browser shows it. The tree is walked without recursion,
//! so deep nesting cannot overflow the stack. HTML5 tree building costs
//! time in proportion to the nesting depth for each tag, so a hostile page
//! nested thousands of elements deep would take minutes: tags deeper than
//! [`MAX_DEPTH`] are dropped before parsing (their text is kept), with a
//! warning.
//!
//! Metadata, first found wins: title from `og:title`, then `<title>`, then
//! the first `<h1>`; date from `article:published_time`,
//! `itemprop=datePublished`, `name=date` (and similar), then JSON-LD
//! `datePublished`, then a `<time datetime>`; author from `name=author`
//! or `article:author`; publisher from `og:site_name`; url from
//! `<link rel=canonical>` or `og:url`.

use std::path::Path;

use ego_tree::iter::Edge;
use scraper::{Html, Node, Selector};

use super::{binary, decode, normalize_date, Loaded, Warning};
use crate::error::{LoadError, Problem};
use crate::model::Document;

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "footer", "form", "figure",
    "iframe", "svg", "button", "select", "textarea", "head", "object", "video", "audio",
];

/// Elements that end a paragraph.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "section",
    "article",
    "main",
    "header",
    "br",
    "hr",
    "table",
    "tr",
    "td",
    "th",
    "dd",
    "dt",
    "dl",
    "address",
    "body",
    "caption",
];

/// The deepest nesting parsed as it is; deeper tags are dropped.
pub const MAX_DEPTH: usize = 256;

/// Elements that never nest: void elements, and those whose end tag is
/// optional (the next one closes them), so unclosed ones do not deepen.
const FLAT: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "td", "th", "tr", "dt", "dd", "option", "!doctype",
];

/// The most attributes a tag keeps; the rest of a longer tag is dropped
/// (html5ever checks each new attribute against the others, so a tag with
/// 200,000 attributes would take half a minute).
pub const MAX_ATTRIBUTES: usize = 256;

/// What [`flatten`] changed.
#[derive(Debug, Default, PartialEq, Eq)]
struct Flattened {
    /// Tags deeper than [`MAX_DEPTH`] dropped.
    deep: usize,
    /// End tags that close nothing open, dropped.
    stray: usize,
    /// Tags whose attributes past [`MAX_ATTRIBUTES`] were dropped.
    long: usize,
}

/// The page made safe for the tree builder, or `None` when it already is:
/// tags that would nest deeper than [`MAX_DEPTH`], end tags that close
/// nothing open and attributes past [`MAX_ATTRIBUTES`] are replaced by
/// spaces (so no text moves). The scan follows what the tree builder
/// opens: a stack of open elements, end tags closing the nearest open
/// element of their name (and what is open inside it), comments, doctype
/// and void elements opening nothing, raw-text elements skipped whole. It
/// is linear in the page: the stack search is bounded by the depth limit.
fn flatten(page: &str) -> Option<(String, Flattened)> {
    let bytes = page.as_bytes();
    let mut open: Vec<String> = Vec::new();
    // opening tags dropped for depth, not yet closed
    let mut excess = 0usize;
    let mut drop: Vec<(usize, usize)> = Vec::new();
    let mut what = Flattened::default();
    let mut i = 0;
    while let Some(off) = memchr(b'<', &bytes[i..]) {
        let start = i + off;
        // comments end at "-->", whatever '>' they hold
        if bytes[start..].starts_with(b"<!--") {
            match find(bytes, start + 4, b"-->") {
                Some(p) => i = p + 3,
                None => break,
            }
            continue;
        }
        let Some(len) = memchr(b'>', &bytes[start..]) else { break };
        let end = start + len + 1;
        i = end;
        let tag = &page[start + 1..end - 1];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() || !tag.trim_start_matches('/').starts_with(char::is_alphabetic) {
            // "<!doctype>", "<?xml ?>", "< 3": nothing opens
            continue;
        }
        if !closing {
            // a flood of attributes: keep the first ones
            let mut words = tag
                .char_indices()
                .filter(|&(k, c)| {
                    !c.is_ascii_whitespace()
                        && (k == 0 || tag.as_bytes()[k - 1].is_ascii_whitespace())
                })
                .map(|(k, _)| k);
            // the name, then the attributes kept; the next word starts the cut
            if let Some(cut) = words.nth(MAX_ATTRIBUTES + 1) {
                let body_end = if tag.ends_with('/') { tag.len() - 1 } else { tag.len() };
                if cut < body_end {
                    drop.push((start + 1 + cut, start + 1 + body_end));
                    what.long += 1;
                }
            }
        }
        if FLAT.contains(&name.as_str()) {
            continue;
        }
        if matches!(name.as_str(), "script" | "style" | "textarea" | "title") && !closing {
            // raw text: skip to its end tag
            let close = format!("</{name}");
            // and past its end tag, which closes nothing on the stack
            match find_ignore_case(bytes, end, close.as_bytes())
                .and_then(|p| memchr(b'>', &bytes[p..]).map(|q| p + q + 1))
            {
                Some(p) => i = p,
                None => break,
            }
            continue;
        }
        if closing {
            if let Some(k) = open.iter().rposition(|n| *n == name) {
                open.truncate(k);
            } else {
                // the end of a dropped tag, or of nothing: the tree builder
                // would ignore it, and it must not lower the depth count
                drop.push((start, end));
                if excess > 0 {
                    excess -= 1;
                } else {
                    what.stray += 1;
                }
            }
        } else if !tag.ends_with('/') {
            if open.len() < MAX_DEPTH {
                open.push(name);
            } else {
                excess += 1;
                drop.push((start, end));
                what.deep += 1;
            }
        }
    }
    // stray end tags alone change nothing the tree builder does slowly;
    // only rewrite the page when something else needs it
    if what.deep == 0 && what.long == 0 && what.stray < MAX_DEPTH {
        return None;
    }
    let mut out = bytes.to_vec();
    for &(a, b) in &drop {
        out[a..b].fill(b' ');
    }
    let page = String::from_utf8(out).expect("only ASCII tags were replaced");
    Some((page, what))
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&b| b == needle)
}

/// Where `needle` next occurs in `hay` from `from`.
fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| from + p)
}

/// As [`find`], ASCII case ignored.
fn find_ignore_case(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

fn selector(s: &str) -> Selector {
    Selector::parse(s).expect("a valid selector")
}

/// A document from the bytes of a web page.
///
/// # Errors
/// [`Problem::Binary`](crate::error::Problem::Binary) for binary data and [`Problem::Empty`](crate::error::Problem::Empty) when the
/// page holds no article text.
pub fn parse_html(path: &Path, bytes: Vec<u8>) -> Result<Loaded, LoadError> {
    if let Some(offset) = binary(&bytes) {
        return Err(LoadError::new(path.to_path_buf(), Problem::Binary { offset }));
    }
    let (page, bad) = decode(bytes);
    let mut warnings = Vec::new();
    if let Some(bad) = bad {
        warnings.push(Warning {
            path: path.to_path_buf(),
            location: None,
            message: bad.message().replace("; offsets are unchanged", ""),
        });
    }
    let page = match flatten(&page) {
        Some((flat, what)) => {
            let mut say = |message: String| {
                warnings.push(Warning { path: path.to_path_buf(), location: None, message });
            };
            if what.deep > 0 {
                say(format!(
                    "nested deeper than {MAX_DEPTH} elements: {} deeper tags were dropped, their text kept",
                    what.deep
                ));
            }
            if what.stray > 0 {
                say(format!("{} end tags that close nothing were dropped", what.stray));
            }
            if what.long > 0 {
                say(format!(
                    "{} tags with more than {MAX_ATTRIBUTES} attributes lost the rest of them",
                    what.long
                ));
            }
            flat
        }
        None => page,
    };
    let html = Html::parse_document(&page);
    let text = article_text(&html);
    if text.trim().is_empty() {
        return Err(LoadError::new(path.to_path_buf(), Problem::Empty));
    }
    let meta = |names: &[&str]| -> Option<String> {
        names.iter().find_map(|n| {
            let sel = selector(&format!(
                "meta[property=\"{n}\"], meta[name=\"{n}\"], meta[itemprop=\"{n}\"]"
            ));
            html.select(&sel)
                .find_map(|e| e.value().attr("content"))
                .map(collapse)
                .filter(|s| !s.is_empty())
        })
    };
    let first_text = |sel: &str| -> Option<String> {
        html.select(&selector(sel))
            .map(|e| collapse(&e.text().collect::<String>()))
            .find(|s| !s.is_empty())
    };
    let title = meta(&["og:title", "twitter:title"])
        .or_else(|| first_text("title"))
        .or_else(|| first_text("h1"));
    let date_text = meta(&[
        "article:published_time",
        "datePublished",
        "date",
        "pubdate",
        "publish-date",
        "dc.date",
        "DC.date.issued",
        "sailthru.date",
    ])
    .or_else(|| json_ld_date(&html))
    .or_else(|| {
        html.select(&selector("time[datetime]"))
            .find_map(|e| e.value().attr("datetime").map(str::to_string))
    });
    let date = date_text.as_deref().and_then(normalize_date);
    if let (Some(d), None) = (&date_text, &date) {
        warnings.push(Warning {
            path: path.to_path_buf(),
            location: None,
            message: format!(
                "expected a publication date like 2022-01-06, but found {d:?}; it is ignored"
            ),
        });
    }
    let url = html
        .select(&selector("link[rel=canonical]"))
        .find_map(|e| e.value().attr("href").map(str::to_string))
        .or_else(|| meta(&["og:url"]))
        .filter(|u| crate::escape::is_web_url(u));
    let document = Document {
        id: path.file_stem().and_then(|s| s.to_str()).unwrap_or("page").to_string(),
        path: path.to_string_lossy().into_owned(),
        title: title.map(|t| super::truncate_chars(&t, 200)),
        publisher: meta(&["og:site_name", "application-name"]),
        author: meta(&["author", "article:author", "byl"]),
        url,
        date,
        reference: None,
        body_start: 0,
        text,
    };
    Ok(Loaded { document, warnings })
}

/// `datePublished` from the page's JSON-LD blocks.
fn json_ld_date(html: &Html) -> Option<String> {
    fn find(v: &serde_json::Value, depth: usize) -> Option<String> {
        if depth > 8 {
            return None;
        }
        match v {
            serde_json::Value::Object(m) => m
                .get("datePublished")
                .and_then(|d| d.as_str().map(str::to_string))
                .or_else(|| m.values().find_map(|x| find(x, depth + 1))),
            serde_json::Value::Array(a) => a.iter().find_map(|x| find(x, depth + 1)),
            _ => None,
        }
    }
    html.select(&selector("script[type=\"application/ld+json\"]")).find_map(|e| {
        let text: String = e.text().collect();
        serde_json::from_str::<serde_json::Value>(&text).ok().and_then(|v| find(&v, 0))
    })
}

/// Collapse runs of white space into one space, as a browser shows text.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The article's text: its blocks as paragraphs separated by blank lines.
fn article_text(html: &Html) -> String {
    let root = ["article", "main", "[itemprop=articleBody]", "body"]
        .iter()
        .find_map(|s| html.select(&selector(s)).next())
        .unwrap_or_else(|| html.root_element());
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut skipping = 0usize;
    let flush = |current: &mut String, paragraphs: &mut Vec<String>| {
        let p = collapse(current);
        if !p.is_empty() {
            paragraphs.push(p);
        }
        current.clear();
    };
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let name = e.name();
                    if skipping > 0 || SKIP.contains(&name) {
                        skipping += 1;
                    } else if BLOCK.contains(&name) {
                        flush(&mut current, &mut paragraphs);
                    }
                }
                Node::Text(t) if skipping == 0 => {
                    current.push_str(t);
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if skipping > 0 {
                        skipping -= 1;
                    } else if BLOCK.contains(&e.name()) {
                        flush(&mut current, &mut paragraphs);
                    }
                }
            }
        }
    }
    flush(&mut current, &mut paragraphs);
    paragraphs.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(s: &str) -> Result<Loaded, LoadError> {
        parse_html(Path::new("web/page.html"), s.as_bytes().to_vec())
    }

    #[test]
    fn article_text_and_metadata_come_from_the_page() {
        let l = page(
            r#"<!doctype html><html><head><title>Site | Bridge falls</title>
            <meta property="og:title" content="Bridge falls in Varnel">
            <meta property="article:published_time" content="2021-05-04T09:00:00+02:00">
            <meta name="author" content="A. Writer"><meta property="og:site_name" content="The Courier">
            <link rel="canonical" href="https://courier.example/bridge">
            <script>var x = "March 3, 2020";</script></head>
            <body><nav>Home | World</nav><article><h1>Bridge  falls</h1>
            <p>The bridge <b>collapsed</b> on May 3,
            2021.</p><aside>Read more: May 9</aside><p>Then the mayor resigned.</p>
            <figure><figcaption>Photo</figcaption></figure></article><footer>(c) 2021</footer></body></html>"#,
        )
        .unwrap();
        let d = &l.document;
        assert_eq!(
            d.text,
            "Bridge falls\n\nThe bridge collapsed on May 3, 2021.\n\nThen the mayor resigned."
        );
        assert_eq!(d.title.as_deref(), Some("Bridge falls in Varnel"));
        assert_eq!(d.date.map(|d| d.to_string()).as_deref(), Some("2021-05-04"));
        assert_eq!(d.author.as_deref(), Some("A. Writer"));
        assert_eq!(d.publisher.as_deref(), Some("The Courier"));
        assert_eq!(d.url.as_deref(), Some("https://courier.example/bridge"));
        assert_eq!(d.id, "page");
    }

    #[test]
    fn json_ld_gives_the_date_when_meta_does_not() {
        let l = page(
            r#"<html><head><script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2020-02-01"}]}</script></head><body><p>Rain fell.</p></body></html>"#,
        )
        .unwrap();
        assert_eq!(l.document.date.map(|d| d.to_string()).as_deref(), Some("2020-02-01"));
    }

    #[test]
    fn shallow_pages_are_parsed_as_they_are() {
        let p = "<div><p>a<p>b<br><img src=x><script>if (a<b) {}</script><ul><li>c<li>d</ul></div>"
            .repeat(300);
        assert!(flatten(&p).is_none());
        let deep = format!("{}x{}", "<section>".repeat(300), "</section>".repeat(300));
        let (flat, what) = flatten(&deep).unwrap();
        assert_eq!(what.deep, 300 - MAX_DEPTH);
        assert_eq!(flat.len(), deep.len());
    }

    #[test]
    fn hostile_pages_do_not_break_the_loader() {
        // deep nesting, unclosed and misnested tags, a page of nothing
        let deep = format!("{}Deep text.{}", "<div><span>".repeat(20_000), "</b></i>".repeat(100));
        let l = page(&deep).unwrap();
        assert!(l.document.text.contains("Deep text."));
        assert!(l.warnings[0].message.contains("deeper tags were dropped"), "{:?}", l.warnings);
        let misnested = "<b><i><p>One</b> two</i></p><table><td>three".repeat(2000);
        assert!(page(&misnested).unwrap().document.text.contains("three"));
        assert!(matches!(
            page("<html><script>x</script></html>"),
            Err(LoadError { problem: Problem::Empty, .. })
        ));
        assert!(matches!(page("\0\0"), Err(LoadError { problem: Problem::Binary { .. }, .. })));
    }
}

#[cfg(test)]
mod limits {
    use super::*;
    use std::fmt::Write as _;

    fn page(s: &str) -> Result<Loaded, LoadError> {
        parse_html(Path::new("web/page.html"), s.as_bytes().to_vec())
    }

    /// Issue 16: `<div></x>` repeated: the end tags close nothing, so the
    /// tree builder nests 100,000 divs; the depth count must not drop.
    #[test]
    fn stray_end_tags_do_not_hide_deep_nesting() {
        let hostile =
            format!("<p>Floods hit Varnel on May 3, 2021.</p>{}", "<div></x>".repeat(100_000));
        let (_, what) = flatten(&hostile).expect("too deep to parse as it is");
        assert_eq!(what.deep, 100_000 - MAX_DEPTH);
        let l = page(&hostile).unwrap();
        assert!(l.document.text.contains("Floods hit Varnel"));
    }

    /// Issue 16: `WordPress` writes comments around every paragraph; they
    /// open nothing, so the footer stays out of the article.
    #[test]
    fn comments_are_not_counted_as_open_tags() {
        let body = (0..300).fold(String::new(), |mut s, i| {
            let _ = write!(
                s,
                "<!-- wp:paragraph --><p>Paragraph {i} > more.</p><!-- /wp:paragraph -->"
            );
            s
        });
        let p = format!("<html><body><article>{body}</article><footer>Copyright line; the editor resigned.</footer></body></html>");
        assert!(flatten(&p).is_none(), "nothing to drop");
        let l = page(&p).unwrap();
        assert!(l.document.text.contains("Paragraph 299 > more."));
        assert!(!l.document.text.contains("Copyright"), "footer text became article text");
    }

    /// Issue 16: one element with 200,000 attributes.
    #[test]
    fn an_attribute_flood_is_cut() {
        let attrs = (0..200_000).fold(String::new(), |mut s, i| {
            let _ = write!(s, " a{i}=\"x\"");
            s
        });
        let p =
            format!("<html><body><p{attrs}>The council resigned on May 5, 2021.</p></body></html>");
        let (flat, what) = flatten(&p).unwrap();
        assert_eq!(what.long, 1);
        assert_eq!(flat.len(), p.len());
        let l = page(&p).unwrap();
        assert!(l.document.text.contains("The council resigned"));
        assert!(l.warnings.iter().any(|w| w.message.contains("attributes")), "{:?}", l.warnings);
    }
}
