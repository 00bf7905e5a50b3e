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
use crate::error::LoadError;
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

/// The page with tags deeper than [`MAX_DEPTH`] replaced by spaces, and how
/// many were, or `None` when the page is shallow enough. The scan follows
/// tags roughly (it is not a parser), which is all a depth bound needs.
fn flatten(page: &str) -> Option<(String, usize)> {
    let bytes = page.as_bytes();
    let mut depth = 0usize;
    let mut drop: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + off;
        let Some(len) = bytes[start..].iter().position(|&b| b == b'>') else { break };
        let end = start + len + 1;
        let tag = &page[start + 1..end - 1];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .collect::<String>()
            .to_ascii_lowercase();
        i = end;
        if name.is_empty() || name.starts_with("!-") || FLAT.contains(&name.as_str()) {
            continue;
        }
        if matches!(name.as_str(), "script" | "style" | "textarea" | "title") && !closing {
            // raw text: skip to its end tag
            let close = format!("</{name}");
            let found = (end..bytes.len().saturating_sub(close.len() - 1))
                .filter(|&p| bytes[p] == b'<')
                .find(|&p| bytes[p..p + close.len()].eq_ignore_ascii_case(close.as_bytes()));
            match found {
                Some(p) => i = p,
                None => break,
            }
            continue;
        }
        if closing {
            if depth > MAX_DEPTH {
                drop.push((start, end));
            }
            depth = depth.saturating_sub(1);
        } else if !tag.ends_with('/') {
            depth += 1;
            if depth > MAX_DEPTH {
                drop.push((start, end));
            }
        }
    }
    if drop.is_empty() {
        return None;
    }
    let mut out = bytes.to_vec();
    for &(a, b) in &drop {
        out[a..b].fill(b' ');
    }
    Some((String::from_utf8(out).expect("only ASCII tags were replaced"), drop.len()))
}

fn selector(s: &str) -> Selector {
    Selector::parse(s).expect("a valid selector")
}

/// A document from the bytes of a web page.
///
/// # Errors
/// [`LoadError::Binary`] for binary data and [`LoadError::Empty`] when the
/// page holds no article text.
pub fn parse_html(path: &Path, bytes: Vec<u8>) -> Result<Loaded, LoadError> {
    if let Some(offset) = binary(&bytes) {
        return Err(LoadError::Binary { path: path.to_path_buf(), offset });
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
        Some((flat, n)) => {
            warnings.push(Warning {
                path: path.to_path_buf(),
                location: None,
                message: format!(
                    "nested deeper than {MAX_DEPTH} elements: {n} deeper tags were dropped, their text kept"
                ),
            });
            flat
        }
        None => page,
    };
    let html = Html::parse_document(&page);
    let text = article_text(&html);
    if text.trim().is_empty() {
        return Err(LoadError::Empty { path: path.to_path_buf() });
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
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
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
        assert_eq!(d.date.as_deref(), Some("2021-05-04"));
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
        assert_eq!(l.document.date.as_deref(), Some("2020-02-01"));
    }

    #[test]
    fn shallow_pages_are_parsed_as_they_are() {
        let p = "<div><p>a<p>b<br><img src=x><script>if (a<b) {}</script><ul><li>c<li>d</ul></div>"
            .repeat(300);
        assert!(flatten(&p).is_none());
        let deep = format!("{}x{}", "<section>".repeat(300), "</section>".repeat(300));
        let (flat, n) = flatten(&deep).unwrap();
        assert_eq!(n, 2 * (300 - MAX_DEPTH));
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
        assert!(matches!(page("<html><script>x</script></html>"), Err(LoadError::Empty { .. })));
        assert!(matches!(page("\0\0"), Err(LoadError::Binary { .. })));
    }
}
