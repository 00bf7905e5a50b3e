//! What is not a time expression, or not a past one: counts and amounts
//! ("2000 people", "USD 2010"), clock-like numbers, the windows around
//! anchor words that recognition searches, future-pointing context.

use super::patterns::ANCHOR;

/// Words after a bare number that show it counts things, so "2000" in
/// "2000 protesters" is no year.
pub(super) fn looks_like_count(text: &str, start: usize, end: usize) -> bool {
    let language = &crate::language::ENGLISH;
    let before = text[..start].trim_end();
    if before.ends_with(['$', '€', '£', '¥', '#', '№'])
        || before.ends_with(|c: char| c.is_ascii_digit() || c == ',' || c == '.')
            && !before.ends_with(". ")
            && text[..start].ends_with(|c: char| !c.is_whitespace())
    {
        return true;
    }
    let prev_word =
        before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_ascii_lowercase();
    if language.cues_count(&prev_word) {
        return true;
    }
    let after = &text[end..];
    if after.starts_with(['%', '-']) && !after.starts_with("-2") && !after.starts_with("-1") {
        return true;
    }
    let next_word: String = after
        .trim_start_matches([' ', '\u{a0}'])
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let next = next_word.to_ascii_lowercase();
    language.counts(&next)
}

/// How far around an anchor a time expression may reach, in bytes.
pub(super) const REACH_BEFORE: usize = 40;
pub(super) const REACH_AFTER: usize = 40;

/// Whether the digits at `a..b` can begin a time expression on their own: a
/// year, an ISO date, a clock time or a decade ("'90s"). Other numbers
/// ("$2.5 million", "15%") need a word anchor (a month, a unit) to matter.
pub(super) fn is_time_number(text: &str, a: usize, b: usize) -> bool {
    let digits = &text[a..b];
    let after = &text[b..];
    let before = text[..a].chars().next_back();
    if before.is_some_and(|c| c == ',' || c == '.') {
        return false;
    }
    match digits.len() {
        4 => matches!(&digits[..2], "15" | "16" | "17" | "18" | "19" | "20"),
        1 | 2 => {
            let rest = after.trim_start().as_bytes();
            after.starts_with(':')
                || matches!(rest.first(), Some(b'a' | b'p' | b'A' | b'P'))
                    && matches!(rest.get(1), Some(b'.' | b'm' | b'M'))
                || before == Some('\'') && after.starts_with('s')
        }
        _ => false,
    }
}

/// The parts of `text` where time expressions can be: windows around the
/// anchor words, widened to white space and merged. News text is mostly
/// free of them, so the pattern families run on a fraction of it.
pub(super) fn windows(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut skip_to = 0;
    for m in ANCHOR.find_iter(text) {
        if m.start() < skip_to {
            continue;
        }
        if m.as_str().as_bytes()[0].is_ascii_digit() {
            let run = text[m.start()..].bytes().take_while(u8::is_ascii_digit).count();
            skip_to = m.start() + run;
            if !is_time_number(text, m.start(), skip_to) {
                continue;
            }
        }
        let mut a = floor_char(text, m.start().saturating_sub(REACH_BEFORE));
        // start at a word boundary, so `\b` at the window start is real
        if let Some(i) = text[a..m.start()].find(char::is_whitespace) {
            if a > 0 {
                a += i;
            }
        }
        let mut b = floor_char(text, (m.end() + REACH_AFTER).min(text.len()));
        if b < text.len() {
            b = text[..b].rfind(char::is_whitespace).filter(|&i| i >= m.end()).unwrap_or(b);
        }
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// Words that point to the future when they stand around an expression.
const FUTURE_CUES: [&str; 5] = ["will", "shall", "'ll", "scheduled", "upcoming"];

/// Whether the words around an expression point to the future ("will meet
/// on Friday"), which turns the news past bias round.
pub(super) fn is_future_context(text: &str, start: usize, end: usize) -> bool {
    let mut lo = floor_char(text, start.saturating_sub(FUTURE_BEFORE));
    let mut hi = floor_char(text, (end + FUTURE_AFTER).min(text.len()));
    // within the sentence only
    if let Some(i) = text[lo..start].rfind(['.', '!', '?', '\n']) {
        lo += i + 1;
    }
    if let Some(i) = text[end..hi].find(['.', '!', '?', '\n']) {
        hi = end + i;
    }
    let window = text[lo..hi].to_ascii_lowercase();
    // most windows hold none of the words: split only those that may
    FUTURE_CUES.iter().any(|c| window.contains(c))
        && window
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .any(|w| FUTURE_CUES.contains(&w))
        || window.contains("going to")
        || window.contains("is due")
        || window.contains("are due")
}

/// How far before and after an expression its sentence is searched for a
/// future auxiliary, in bytes.
pub(super) const FUTURE_BEFORE: usize = 90;
pub(super) const FUTURE_AFTER: usize = 30;

pub(super) fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
