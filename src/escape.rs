//! Every character of article text on its way into an output passes
//! through one of these writers, one per format, so no article, file name
//! or hand-edited JSON can break a format or inject into it.
//!
//! | format | writer | what it guarantees |
//! |---|---|---|
//! | SVG, HTML | [`xml_chars`] over the whole document, [`xml`] for text and attributes | only XML 1.0 characters; markup only from the tool |
//! | Markdown | [`markdown`] | no raw HTML, links or emphasis from text; one table cell stays one cell |
//! | links, anywhere | [`safe_url`] | only `http(s)` links, with nothing that can leave an attribute |
//! | terminal | [`terminal`] | no escape sequences: control characters are shown as `\x1b` |
//! | DOT, Mermaid | [`plain`] | one line of printable text |

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether XML 1.0 allows `c` in a document.
#[must_use]
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// `s` with every character XML 1.0 forbids made visible: a C0 control
/// becomes its Unicode control picture (form feed -> `␌`), U+FFFE and
/// U+FFFF become `�`. Borrowed when nothing changes.
#[must_use]
pub fn xml_chars(s: &str) -> Cow<'_, str> {
    if s.chars().all(is_xml_char) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                c if is_xml_char(c) => c,
                c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
                _ => '\u{fffd}',
            })
            .collect(),
    )
}

/// Text for an XML or HTML element or attribute value: markup characters
/// as entities, and only XML 1.0 characters.
#[must_use]
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in xml_chars(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Text for Markdown, one line: HTML's markup characters as entities (so
/// a renderer shows `<img onerror=...>` as text), Markdown's own
/// punctuation escaped (no links, images, emphasis or table cells from
/// text), line breaks and other control characters as spaces.
#[must_use]
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '!' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || !is_xml_char(c) => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Text for a Mermaid diagram, one line: the characters Mermaid's syntax
/// gives a meaning (`:` separates events, `#` starts an entity code, `;`
/// ends a statement, `%%` a comment, and markup) written as Mermaid's
/// entity codes (`#58;`), which it draws as the characters themselves.
#[must_use]
pub fn mermaid(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in plain(s).chars() {
        match c {
            ':' | '#' | ';' | '%' | '<' | '>' | '"' | '`' | '{' | '}' | '&' | '\\' => {
                let _ = write!(out, "#{};", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// Text for a Graphviz DOT quoted string, one line: printable text with
/// DOT's quote and escape characters escaped, so no title can end a label
/// or a statement.
#[must_use]
pub fn dot(s: &str) -> String {
    plain(s).replace('\\', "\\\\").replace('"', "\\\"")
}

/// Whether `u` is a web address: `http://` or `https://`, in any case,
/// spaces around ignored. The one test every loader and writer uses.
#[must_use]
pub fn is_web_url(u: &str) -> bool {
    let u = u.trim();
    let scheme = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    scheme.starts_with("http://") || scheme.starts_with("https://")
}

/// Only `http://` and `https://` links, with the characters that could end
/// an attribute, a Markdown link or a line percent-encoded; `None` for any
/// other scheme (`javascript:`, `data:`, relative paths).
#[must_use]
pub fn safe_url(u: &str) -> Option<String> {
    if !is_web_url(u) {
        return None;
    }
    let u = u.trim();
    let mut out = String::with_capacity(u.len());
    for c in u.chars() {
        match c {
            '"' | '<' | '>' | '\'' | ' ' | '(' | ')' | '[' | ']' | '`' | '\\' | '|' => {
                let _ = write!(out, "%{:02X}", c as u32);
            }
            c if c.is_control() || !is_xml_char(c) || c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    Some(out)
}

/// Text for a terminal: control characters (C0, DEL, C1), which could move
/// the cursor, recolour or retitle the terminal, shown as `\x1b`-style
/// escapes. A line break is kept only when `lines` is true.
#[must_use]
pub fn terminal(s: &str, lines: bool) -> Cow<'_, str> {
    let bad = |c: char| c.is_control() && !(lines && c == '\n') && c != '\t';
    if !s.chars().any(bad) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if bad(c) {
            let n = c as u32;
            if n <= 0xff {
                let _ = write!(out, "\\x{n:02x}");
            } else {
                let _ = write!(out, "\\u{{{n:x}}}");
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One line of printable text: control characters and characters XML
/// forbids as spaces, runs of white space as one.
#[must_use]
pub fn plain(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c.is_control() || !is_xml_char(c))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_keeps_only_xml_characters() {
        let s = "a\u{c}b\u{8}c\u{1a}d\u{1b}[31me\0f\u{fffe}g\u{ffff}\t\n";
        let x = xml_chars(s);
        assert!(x.chars().all(is_xml_char));
        assert_eq!(x, "a\u{240c}b\u{2408}c\u{241a}d\u{241b}[31me\u{2400}f\u{fffd}g\u{fffd}\t\n");
        assert!(matches!(xml_chars("plain é “text”"), Cow::Borrowed(_)));
        assert_eq!(xml("<a href='x'>&\u{c}"), "&lt;a href=&#39;x&#39;&gt;&amp;\u{240c}");
    }

    #[test]
    fn markdown_has_no_html_links_or_cells_from_text() {
        let m = markdown("<img src=x onerror=alert(1)> [a](javascript:x) | b\r\nc *d* `e`");
        assert!(!m.contains('<'), "{m}");
        for (at, _) in m.match_indices("](") {
            assert!(m[..at].ends_with('\\'), "a live link: {m}");
        }
        assert!(!m.contains('\r') && !m.contains('\n'));
        assert_eq!(m.matches('|').count(), m.matches("\\|").count());
    }

    #[test]
    fn only_http_links_survive() {
        assert_eq!(safe_url("javascript:alert(1)"), None);
        assert_eq!(safe_url(" JAVASCRIPT:alert(1)"), None);
        assert_eq!(safe_url("data:text/html,x"), None);
        assert_eq!(
            safe_url("https://x.org/a b\"><script>(1)").as_deref(),
            Some("https://x.org/a%20b%22%3E%3Cscript%3E%281%29")
        );
        assert_eq!(safe_url("HTTPS://x.org/\r\n").as_deref(), Some("HTTPS://x.org/"));
        assert!(is_web_url(" Http://x.org") && is_web_url("https://"));
        assert!(!is_web_url("ftp://x.org") && !is_web_url("http:/x") && !is_web_url("/a/b"));
    }

    #[test]
    fn dot_and_mermaid_text_cannot_end_a_label() {
        assert_eq!(dot("a \"b\" \\ c\nd"), "a \\\"b\\\" \\\\ c d");
        let m = mermaid("Jan 5: riot; 50% <b> #1 %%\nnext");
        assert_eq!(m, "Jan 5#58; riot#59; 50#37; #60;b#62; #35;1 #37;#37; next");
        // what is left once the entity codes are read holds no syntax
        let bare = regex::Regex::new("#[0-9]+;").unwrap().replace_all(&m, "");
        assert!(!bare.contains([':', ';', '<', '%', '#', '\n']), "{m}");
    }

    #[test]
    fn terminals_see_escapes_not_control_characters() {
        assert_eq!(terminal("red \u{1b}[31m\u{9b}2J\u{7}", false), "red \\x1b[31m\\x9b2J\\x07");
        assert_eq!(terminal("two\nlines", true), "two\nlines");
        assert_eq!(terminal("two\nlines", false), "two\\x0alines");
    }
}
