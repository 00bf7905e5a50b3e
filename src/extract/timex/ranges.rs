//! Ranges written as two time expressions ("from 1989 to 2019").

use super::{Timex, TimexType};
use crate::model::Span;

/// A date range written as two time expressions: "from 1989 to 2019",
/// "between 2009 and 2010", "2009-2010".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    /// Index of the first expression in the tagged list.
    pub first: usize,
    /// Index of the second.
    pub second: usize,
    /// Byte offset where the whole range starts ("from" included).
    pub start: usize,
    /// Byte offset one past its end.
    pub end: usize,
    /// The interval from the start of the first to the end of the second.
    pub span: Span,
}

/// Join consecutive dates that the text presents as a range.
#[must_use]
pub fn ranges(text: &str, timexes: &[Timex]) -> Vec<Range> {
    let mut out = Vec::new();
    for (i, pair) in timexes.windows(2).enumerate() {
        let (a, b) = (&pair[0], &pair[1]);
        let (Some(sa), Some(sb)) = (a.span, b.span) else { continue };
        if a.kind != TimexType::Date || b.kind != TimexType::Date || sa.lo > sb.hi {
            continue;
        }
        let gap = text[a.end..b.start].trim().to_ascii_lowercase();
        // only the few bytes before matter: never copy the whole prefix
        let before_end = text[..a.start].trim_end().len();
        let tail_start = (before_end.saturating_sub(8)..=before_end)
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(before_end);
        let before = text[tail_start..before_end].to_ascii_lowercase();
        let joined =
            matches!(gap.as_str(), "-" | "–" | "—" | "to" | "until" | "till" | "through" | "and");
        let opener = if before.ends_with("from") {
            Some("from")
        } else if before.ends_with("between") {
            Some("between")
        } else {
            None
        };
        let ok = match gap.as_str() {
            "-" | "–" | "—" => true,
            "and" => opener == Some("between"),
            _ => joined,
        };
        if ok {
            let start = opener.map_or(a.start, |o| before_end - o.len());
            out.push(Range {
                first: i,
                second: i + 1,
                start,
                end: b.end,
                span: Span { lo: sa.lo, hi: sb.hi },
            });
        }
    }
    out
}
