//! Sentence splitting for messy news text.
//!
//! Pasted news often lacks the space after a full stop ("people.In
//! addition"), so a stop followed directly by a capital letter also ends a
//! sentence, unless it follows a lone initial ("N.Ostrov", "I.M.Marenko")
//! or a known abbreviation ("Jan. 6", "Mr. Smith", "U.S."). Line breaks end
//! sentences too: headlines and bylines have no stop at all. A run of
//! text longer than [`MAX_SENTENCE`] bytes without a sentence end (a table
//! dump, a page with no stops) is cut at white space, so the work per
//! sentence, and so per document, stays linear in the text.

use crate::language::ENGLISH;

/// The longest sentence, in bytes; longer runs are cut at white space.
pub const MAX_SENTENCE: usize = 2000;

/// Byte ranges `(start, end)` of the sentences of `text`, trimmed of
/// surrounding white space; empty sentences are left out.
#[must_use]
pub fn split(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if i - start >= MAX_SENTENCE {
            let half = start + MAX_SENTENCE / 2;
            let cut = bytes[half..i].iter().rposition(u8::is_ascii_whitespace).map_or_else(
                || (i..=bytes.len()).find(|&c| text.is_char_boundary(c)).unwrap_or(i),
                |p| half + p,
            );
            push_trimmed(text, start, cut, &mut out);
            start = cut;
        }
        let b = bytes[i];
        let end_here = match b {
            b'\n' => Some(i),
            b'.' | b'!' | b'?' => is_stop(text, i).then_some(i + 1),
            _ => None,
        };
        if let Some(mut end) = end_here {
            // a closing quote right after the stop belongs to the sentence
            while let Some(c) = text[end..].chars().next() {
                if matches!(c, '"' | '”' | '’' | ')' | '»') {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            push_trimmed(text, start, end, &mut out);
            start = end;
            i = end.max(i + 1);
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push((start + lead, end - trail));
    }
}

/// Whether the stop at byte `i` ends a sentence.
fn is_stop(text: &str, i: usize) -> bool {
    let after = &text[i + 1..];
    let next = after.chars().next();
    // the word before the stop
    let word: String = text[..i]
        .chars()
        .rev()
        .take(64)
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let lower = word.to_lowercase();
    let lone_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase)
        || word.ends_with(|c: char| c.is_uppercase())
            && word.len() >= 2
            && word.as_bytes()[word.len() - 2] == b'.';
    match next {
        None | Some('”' | '’' | ')' | '»') => true,
        Some(c) if c.is_whitespace() => {
            if ENGLISH.abbreviations.contains(&lower.as_str()) {
                // "Jan. 6" and "Mr. Smith" go on; "in the U.S. The" ends
                let following = after.trim_start().chars().next();
                return lower == "u.s"
                    && following.is_some_and(char::is_uppercase)
                    && !after.trim_start().starts_with(|c: char| c.is_ascii_digit());
            }
            !lone_initial || word.chars().count() > 1 && !word.contains('.')
        }
        Some(c) if c.is_uppercase() || matches!(c, '"' | '“' | '«') => {
            // "people.In addition": a stop glued to the next sentence, but
            // not an initial or a dotted abbreviation ("N.Ostrov")
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            // "on May 5.Then": a number, the stop, a capitalised word
            let number_then_word = !word.is_empty()
                && word.chars().all(|c| c.is_ascii_digit())
                && after.chars().nth(1).is_some_and(char::is_lowercase);
            number_then_word
                || !lone_initial
                    && letters >= 2
                    && !ENGLISH.abbreviations.contains(&lower.as_str())
                    && word.chars().last().is_some_and(char::is_lowercase)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn glued_stops_and_initials() {
        assert_eq!(
            sents(
                "Crowds grew.Then police came. M.Smith and J.R.Doe spoke on May 5.Then they left."
            ),
            vec![
                "Crowds grew.",
                "Then police came.",
                "M.Smith and J.R.Doe spoke on May 5.",
                "Then they left."
            ]
        );
    }

    #[test]
    fn abbreviations_numbers_and_lines() {
        assert_eq!(
            sents("On Jan. 6 Mr. Brown left the U.S. embassy with 100.000 people.\nHeadline here\n\nNext one!"),
            vec!["On Jan. 6 Mr. Brown left the U.S. embassy with 100.000 people.", "Headline here", "Next one!"]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sents("He said: \"We won.\" Then he left."),
            vec!["He said: \"We won.\"", "Then he left."]
        );
    }

    #[test]
    fn offsets_are_char_boundaries_for_any_text() {
        for t in ["é.É", "…", "a.“B", "ä. ö.Ü"] {
            for (s, e) in split(t) {
                assert!(t.is_char_boundary(s) && t.is_char_boundary(e));
            }
        }
    }

    #[test]
    fn runs_without_a_stop_are_cut_at_white_space() {
        let t = "the council met and ".repeat(500);
        let parts = split(&t);
        assert!(parts.len() >= 5);
        for &(s, e) in &parts {
            assert!(e - s <= MAX_SENTENCE, "{}", e - s);
            // cut between words, never inside one
            assert!(s == 0 || t.as_bytes()[s - 1] == b' ', "{s}");
            assert!(e == t.len() || t.as_bytes()[e] == b' ', "{e}");
        }
        let t = "é".repeat(3000);
        let parts = split(&t);
        assert!(parts.len() >= 2);
        assert_eq!(parts.iter().map(|(s, e)| e - s).sum::<usize>(), t.len());
    }
}
