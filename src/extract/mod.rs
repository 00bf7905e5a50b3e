//! Stage 1: text -> dated event mentions with their quotes.
//!
//! For each document: split sentences ([`sentences`]), tag time expressions
//! ([`timex`]), find the clauses that report a happening ([`lexicon`];
//! with [`Detail::All`], every event the learned model [`events`] finds as
//! well), read participants and compose titles from the backbone's parse
//! of their sentences,
//! leave out what did not happen (modal, negated, hypothetical, opinion,
//! quoted speech), and date each mention from the best evidence: a time
//! expression in its clause, then in its sentence, then the narrative
//! ("then ..." follows the latest event told so far), else none. A
//! lexicon mention with no evidence stays undated; a mention of the
//! learned model ([`Detail::All`]) takes its article's date, marked
//! `document`. Nothing ever takes today's date.
//!
//! Relative expressions need a reference day. [`infer_references`] gives
//! each document one: its own publication day when the header has it,
//! otherwise the latest explicit day that the document or another document
//! of the same period reports (an article cannot predate what it reports),
//! marked as inferred with that evidence.

pub mod events;
pub mod guard;
mod learned;
pub mod lexicon;
mod parse;
mod references;
pub mod sentences;
pub mod timeml;
pub mod timex;
mod title;

use std::collections::HashSet;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use crate::language::ENGLISH;
use crate::model::{
    Anchor, DateInfo, DateSource, Document, Evidence, Granularity, Mention, RangeSource,
    ReferenceSource, Relation, Resolution, Span,
};
use lexicon::Entry;
pub use parse::pronoun_reading;
pub use references::{
    choose_references, digest, explicit_days, explicit_days_recognized, extract_checked,
    extract_document, infer_references, settle, unique_id,
};
use timex::{Context, Timex, TimexType};

/// The time expressions lying within `start..end`, found by binary search
/// (they are in text order), so a lookup never scans the whole document.
fn inside(timexes: &[Timex], start: usize, end: usize) -> impl Iterator<Item = &Timex> {
    let first = timexes.partition_point(|t| t.start < start);
    timexes[first..].iter().take_while(move |t| t.start < end).filter(move |t| t.end <= end)
}

/// The date that heads a sentence as a chronology's item does ("2 June:
/// BP starts the next procedure", "May 6 - Oil washes ashore"): a date
/// that opens the sentence (after any bullet) and is set off from the
/// rest by a colon or a spaced dash. It dates the item's happenings that
/// have no date of their own; the parse reads the date as the sentence's
/// root and the happening as a clause beside it, outside its reach.
fn heading<'t>(body: &str, sentence_start: usize, timexes: &'t [Timex]) -> Option<&'t Timex> {
    let rest = body.get(sentence_start..)?;
    let lead = rest.len()
        - rest.trim_start_matches(|c: char| c.is_whitespace() || "*•·‣▪–—-".contains(c)).len();
    let t = timexes.get(timexes.partition_point(|t| t.start < sentence_start + lead))?;
    if t.start != sentence_start + lead || t.kind != TimexType::Date || t.span.is_none() {
        return None;
    }
    let after = body.get(t.end..)?;
    let gap = after.len() - after.trim_start_matches([' ', '\t']).len();
    let after = &after[gap..];
    let dash = ["- ", "– ", "— ", "-\t"].iter().any(|d| after.starts_with(d)) && gap > 0;
    let colon = after.starts_with(": ") || after.starts_with(":\t");
    (dash || colon).then_some(t)
}

/// The tagging context of a document.
#[must_use]
pub fn context(doc: &Document) -> Context {
    let reference = doc.reference.as_ref().map(|r| r.date);
    Context {
        reference,
        inferred: doc.reference.as_ref().is_some_and(|r| r.source == ReferenceSource::Inferred),
        year: reference.map(|r| r.year()).or_else(|| doc.date_span().map(|s| s.lo.year())),
    }
}

/// A word of a sentence with its byte range in the document body.
#[derive(Debug, Clone)]
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    lower: String,
}

static WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{L}\p{N}](?:[\p{L}\p{N}'’\-]|\.\p{Lu})*").expect("word regex")
});
static PLACE_YEAR_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\bin ((?:\p{Lu}[\p{L}\-]+)(?:\s+\p{Lu}[\p{L}\-]+)*),?\s+in\s+((?:1[5-9]|20)\d\d)\b",
    )
    .expect("list regex")
});
static PRESENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(troops|soldiers|forces|units|peacekeepers|paratroopers|servicemen)\b[^.;:]{0,40}?\b(?:are|were|is|was|have been|had been)\s+(?:already\s+|now\s+)?(?:on the ground|stationed|in\s+\p{Lu})").expect("presence regex")
});

fn is_name_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A capitalised word that may be part of a person's or a body's name:
/// not a day or month ("on Monday criticised" names nobody; April, May,
/// June and August are people's names too), a possessive ("Iraq's
/// envoy") or a contraction ("Don't").
fn is_person_word(w: &Word) -> bool {
    let l = w.lower.as_str();
    let clitic = ["'s", "\u{2019}s", "n't", "n\u{2019}t"].iter().any(|c| l.ends_with(c));
    is_name_word(w.text) && !is_calendar_word(l) && !clitic
}

/// A day or month (in lower case) that is no person's name too: not
/// April, May, June or August.
fn is_calendar_word(lower: &str) -> bool {
    ENGLISH.calendar_names.contains(&lower) && !matches!(lower, "april" | "may" | "june" | "august")
}

/// Which mentions extraction finds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Detail {
    /// The mentions of the event lexicon: the happenings a timeline of the
    /// whole corpus shows (the default).
    #[default]
    Major,
    /// Every mention the learned event model finds on the parse as well
    /// ([minor mentions](Mention::minor)): what an entity timeline needs.
    /// The parse costs about ten times the time of the rest.
    All,
}

/// Extract the lexicon's event mentions of one document
/// ([`extract_with`] at [`Detail::Major`]).
#[must_use]
pub fn extract(doc: &Document) -> Vec<Mention> {
    extract_with(doc, Detail::Major)
}

/// Extract the event mentions of one document. Its reference day must be
/// set first (see [`infer_references`]) for relative dates to resolve.
///
/// Complexity: linear in the length of the document.
#[must_use]
pub fn extract_with(doc: &Document, detail: Detail) -> Vec<Mention> {
    extract_recognized(doc, detail, &timex::recognize(doc.body()))
}

/// [`extract_with`], given the time expressions already
/// [recognized](timex::recognize) in the document's body, so a document
/// is scanned for them once.
#[must_use]
pub fn extract_recognized(
    doc: &Document,
    detail: Detail,
    recognized: &timex::Recognized,
) -> Vec<Mention> {
    let ctx = context(doc);
    let body = doc.body();
    let base = doc.body_start;
    let timexes = recognized.resolve(body, &ctx);
    let ranges = timex::ranges(body, &timexes);
    let mut mentions: Vec<Mention> = Vec::new();
    let mut seen = HashSet::new();
    // the sentences a pasted copy repeats
    let mut repeated: Vec<(usize, usize)> = Vec::new();
    let mut last_person: Option<String> = None;
    // the latest event told so far, for "then ..." (see narrative_dates)
    let upper = ctx.reference.or_else(|| doc.date_span().map(|s| s.hi));
    let mut latest: Option<(NaiveDate, usize, usize)> = None;
    for (s_start, s_end) in sentences::split(body) {
        let sentence = &body[s_start..s_end];
        // an article pasted twice must not count twice
        let key: String = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
        if key.len() > 30 && !seen.insert(key) {
            repeated.push((base + s_start, base + s_end));
            continue;
        }
        let words: Vec<Word> = WORD
            .find_iter(sentence)
            .map(|m| Word {
                start: s_start + m.start(),
                end: s_start + m.end(),
                text: m.as_str(),
                lower: m.as_str().to_lowercase().replace('’', "'"),
            })
            .collect();
        if words.is_empty() {
            continue;
        }
        let lower_sentence = sentence.to_lowercase();
        let opinion = ENGLISH.opinion_starts.iter().any(|o| lower_sentence.starts_with(o))
            || lower_sentence.contains("it seems to me")
            || lower_sentence.starts_with("as i said");
        let quoted = quoted_ranges(body, s_start, s_end);
        let sentence_timexes: Vec<&Timex> = inside(&timexes, s_start, s_end).collect();
        let segments = segments(body, s_start, s_end, &words, &sentence_timexes);
        let narrative = ENGLISH.narrative_cues.iter().any(|c| {
            lower_sentence.starts_with(c)
                && lower_sentence[c.len()..].starts_with(|ch: char| !ch.is_alphanumeric())
        });
        let before = mentions.len();
        let mut opening = Opening { words: &words, common: None };
        for &(g_start, g_end) in &segments {
            track_subject(&words, g_start, g_end, &mut last_person, &mut opening);
            let seg_words: Vec<(usize, &Word)> = words
                .iter()
                .enumerate()
                .filter(|(_, w)| w.start >= g_start && w.end <= g_end)
                .collect();
            let Some((wi, word, entry, action, event_type)) =
                best_trigger(body, &words, &seg_words, g_start, g_end)
            else {
                continue;
            };
            if opinion || quoted.iter().any(|&(a, b)| word.start >= a && word.start < b) {
                continue;
            }
            if !entry.noun && is_irrealis(&words, wi, g_start) {
                continue;
            }
            // "critics say", "TASS reports": attribution, not a happening
            if entry.present && event_type == crate::model::EventType::Statement {
                continue;
            }
            // a present tense ("retains", "invites") is a state or a
            // headline unless its own clause dates it
            let clause_only = entry.noun || entry.present && !word.lower.ends_with("ing");
            let date = anchor(
                body,
                word.start,
                &timexes,
                &ranges,
                &sentence_timexes,
                (g_start, g_end),
                clause_only,
            );
            // a bare event noun ("the protests") makes an event only when its
            // own clause dates it; otherwise it may only support one
            let supporting = entry.noun && date.as_ref().is_none_or(|d| d.1 != Anchor::Clause);
            let date = if supporting { None } else { date };
            if clause_only && !supporting && date.as_ref().is_none_or(|d| d.1 != Anchor::Clause) {
                continue;
            }
            let actor =
                find_actor(body, &words, wi, g_start, entry.noun, &mut last_person, &mut opening);
            let target = find_target(body, word.end, g_end);
            let place = find_place(body, word.end, s_end);
            let (q_start, q_end) = trim_quote(body, g_start, g_end);
            let (date, anchor_rule, timex_value) = match date {
                Some((info, rule, value)) => (Some(info), rule, Some(value)),
                None => (None, Anchor::None, None),
            };
            mentions.push(Mention {
                document: doc.id.clone(),
                start: base + q_start,
                end: base + q_end,
                quote: body[q_start..q_end].to_string(),
                trigger: word.text.to_string(),
                action: action.to_string(),
                event_type,
                actor,
                target,
                place,
                date,
                anchor: anchor_rule,
                timex: timex_value,
                supporting,
                follows: None,
                minor: false,
                title: None,
            });
        }
        if !opinion {
            presence_mentions(doc, body, s_start, s_end, &quoted, &sentence_timexes, &mut mentions);
            list_mentions(doc, body, s_start, sentence, &timexes, before, &mut mentions);
        }
        share_subjects(&mut mentions, before, body, base);
        drop_reporting_frames(&mut mentions, before);
        attach_causes(&mut mentions, before, body, base);
        if narrative {
            narrative_dates(&mut mentions, before, latest, &ctx, doc);
        }
        latest = mentions[before..]
            .iter()
            .filter_map(|m| told(m, upper))
            .fold(latest, |a, t| a.max(Some(t)));
    }
    // an article pasted twice, even with other line breaks, counts once:
    // a quote written twice is a copy; a short one ("said") only with the
    // words around it, or every second saying would be
    let mut quotes = HashSet::new();
    let (kept, copies): (Vec<Mention>, Vec<Mention>) = mentions
        .into_iter()
        .partition(|m| quotes.insert(copy_key(body, m.start - base, m.end - base)));
    mentions = kept;
    // participants and titles from the parse, and the other events the
    // learned model finds (told apart from the copies' words too)
    let copies: Vec<(usize, usize)> =
        copies.iter().map(|m| (m.start, m.end)).chain(repeated).collect();
    let learned = learned::mentions(doc, body, &timexes, &ranges, &mut mentions, &copies, detail);
    mentions.extend(learned);
    for m in &mut mentions {
        m.actor = m.actor.take().and_then(tidy_participant);
        m.target = m.target.take().and_then(tidy_participant);
    }
    mentions
}

/// A participant as a noun phrase: the words before a verb or after it
/// that the event lexicon takes for one may run on into the clause ("Lu
/// Yucheng was quoted as", "it was", "the hanging of", "had earlier").
/// A phrase that ends on a word no noun phrase ends on (a preposition,
/// an article, an auxiliary, a modal, an adverb of the kind read past
/// between a subject and its verb, "here") is cut before its first
/// auxiliary or modal, else before that run of words; `None` when
/// nothing is left.
fn tidy_participant(p: String) -> Option<String> {
    // (written in lower case: "Theresa May" ends on a name)
    let verbish = |w: &str| ENGLISH.auxiliary_verbs.contains(&w);
    let dangling = |w: &str| {
        [
            ENGLISH.title_dangling,
            ENGLISH.auxiliaries,
            ENGLISH.auxiliary_verbs,
            ENGLISH.trailing_adverbs,
        ]
        .iter()
        .any(|list| list.contains(&w))
    };
    // the words with where each ends in `p`
    let mut words: Vec<(&str, usize)> = Vec::new();
    let mut at = 0;
    for w in p.split_whitespace() {
        at += p[at..].find(w).unwrap_or(0) + w.len();
        words.push((w, at));
    }
    if !words.last().is_some_and(|(w, _)| dangling(w)) {
        return Some(p);
    }
    let mut keep = words.iter().position(|(w, _)| verbish(w)).unwrap_or(words.len());
    while keep > 0 && dangling(words[keep - 1].0) {
        keep -= 1;
    }
    (keep > 0).then(|| p[..words[keep - 1].1].to_string())
}

/// What a pasted copy of the quote at `start..end` of `body` repeats: the
/// quote's words, and for a short quote also where it stands in its
/// sentence and the sentence's words (at most 200 bytes on either side).
fn copy_key(body: &str, start: usize, end: usize) -> String {
    const SHORT: usize = 30;
    const AROUND: usize = 200;
    let words = |a: usize, b: usize| {
        body.get(a..b).unwrap_or_default().split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let (start, end) = (start.min(body.len()), end.min(body.len()));
    let quote = words(start, end);
    let (mut a, mut b) = (start, end);
    if b.saturating_sub(a) <= SHORT {
        // (not a line break: a copy may break its lines elsewhere)
        let ends = |c: char| matches!(c, '.' | '!' | '?');
        let mut from = a.saturating_sub(AROUND);
        while !body.is_char_boundary(from) {
            from += 1;
        }
        a = body[from..a].rfind(ends).map_or(from, |i| from + i + 1);
        let mut to = (b + AROUND).min(body.len());
        while !body.is_char_boundary(to) {
            to -= 1;
        }
        b = body[b..to].find(ends).map_or(to, |i| b + i);
        // the quote, where it stands in its sentence, and the sentence
        let before = body.get(a..start).unwrap_or_default().split_whitespace().count();
        return format!("{quote}\u{1f}{before}\u{1f}{}", words(a, b));
    }
    quote
}

/// Byte ranges inside quotation marks: direct speech is a claim, not a
/// report of what happened.
fn quoted_ranges(body: &str, s_start: usize, s_end: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in body[s_start..s_end].char_indices() {
        let at = s_start + i;
        match c {
            '“' | '«' => open = Some(at),
            '”' | '»' => {
                if let Some(o) = open.take() {
                    out.push((o, at));
                }
            }
            '"' => match open.take() {
                Some(o) => out.push((o, at)),
                None => open = Some(at),
            },
            _ => {}
        }
    }
    // an unclosed quote runs to the end of the sentence only if it opens it
    if let Some(o) = open {
        if o == s_start {
            out.push((o, s_end));
        }
    }
    out
}

/// Split a sentence into clauses at punctuation and at conjunctions.
fn segments(
    body: &str,
    s_start: usize,
    s_end: usize,
    words: &[Word],
    timexes: &[&Timex],
) -> Vec<(usize, usize)> {
    let mut cuts = vec![s_start];
    for (i, c) in body[s_start..s_end].char_indices() {
        let digits = c == ','
            && body[..s_start + i].ends_with(|d: char| d.is_ascii_digit())
            && body[s_start + i + 1..].starts_with(|d: char| d.is_ascii_digit());
        if !digits && matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–' | '“' | '”' | '"' | '…')
        {
            cuts.push(s_start + i + c.len_utf8());
        }
    }
    for (k, w) in words.iter().enumerate() {
        if ENGLISH.boundary_words.contains(&w.lower.as_str()) && k > 0 {
            cuts.push(w.start);
        }
        // " - " used as a dash
        if body[..w.start].ends_with(" - ") {
            cuts.push(w.start);
        }
        if w.lower == "that" && k > 0 && lexicon::is_saying(&words[k - 1].lower) {
            cuts.push(w.start);
        }
    }
    cuts.push(s_end);
    // a time expression is never cut ("April 10, 2023")
    cuts.retain(|&c| !timexes.iter().any(|t| t.start < c && c < t.end));
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2).map(|w| (w[0], w[1])).filter(|(a, b)| body[*a..*b].trim().len() > 2).collect()
}

/// A trigger: word index, word, entry (with `noun` set for noun uses of
/// verb forms, and cleared for nouns that are the subject of a verb in the
/// clause), action and type.
type Trigger<'w, 'a> = (usize, &'w Word<'a>, Entry, &'static str, crate::model::EventType);

/// The most specific trigger of a clause.
///
/// Verbs under a modal, a negation or an infinitive "to" take no part: "asked
/// Russia to send forces" is an asking, not a sending.
fn best_trigger<'w, 'a>(
    body: &str,
    words: &'w [Word<'a>],
    seg: &[(usize, &'w Word<'a>)],
    g_start: usize,
    g_end: usize,
) -> Option<Trigger<'w, 'a>> {
    let mut best: Option<(u8, Trigger<'w, 'a>)> = None;
    let mut has_verb = false;
    for &(wi, w) in seg {
        let Some(mut entry) = lexicon::lookup(&w.lower) else { continue };
        // a capitalised trigger inside a sentence is a name ("Freedom Square")
        if is_name_word(w.text) && wi > 0 && !is_sentence_start(body, words, wi) {
            continue;
        }
        // "at the request of": a verb form used as a noun
        if !entry.noun && wi > 0 && ENGLISH.determiners.contains(&words[wi - 1].lower.as_str()) {
            entry.noun = true;
        }
        let (before, after) =
            (&body[g_start.min(w.start)..w.start], &body[w.end..g_end.max(w.end)]);
        let Some(entry) = lexicon::in_phrase(entry, after) else { continue };
        let (action, event_type) =
            lexicon::clause_sense(entry.action, &w.lower, before, after, entry.noun)
                .unwrap_or((entry.action, entry.event_type));
        if !entry.noun && is_irrealis(words, wi, g_start) {
            continue;
        }
        // "are said to be carriers", "was reported to have fled": hearsay,
        // no one's statement
        if event_type == crate::model::EventType::Statement && is_hearsay(words, wi) {
            continue;
        }
        has_verb |= !entry.noun;
        // a verb outranks a noun of the same weight
        let score = entry.weight * 2 + if entry.noun { 0 } else { 2 };
        if best.as_ref().is_none_or(|(s, _)| score > *s) {
            best = Some((score, (wi, w, entry, action, event_type)));
        }
    }
    best.map(|(_, mut t)| {
        // "heavy shooting erupted": the noun names the event, the verb
        // makes it a report of a happening
        if t.2.noun && has_verb {
            t.2.noun = false;
        }
        t
    })
}

/// Whether the saying at `wi` is a passive with an infinitive after it
/// ("are said to be", "was widely reported to have"): hearsay.
fn is_hearsay(words: &[Word], wi: usize) -> bool {
    let hearsay_verb = matches!(
        words[wi].lower.as_str(),
        "said"
            | "reported"
            | "rumoured"
            | "rumored"
            | "alleged"
            | "believed"
            | "thought"
            | "claimed"
    );
    let to_after = hearsay_verb && words.get(wi + 1).is_some_and(|w| w.lower == "to");
    let be = |w: &Word| matches!(w.lower.as_str(), "is" | "are" | "was" | "were" | "be" | "been");
    let be_before = (1..=2).any(|d| {
        wi.checked_sub(d).is_some_and(|k| be(&words[k]))
            && (d == 1 || words[wi - 1].lower.ends_with("ly"))
    });
    to_after && be_before
}

fn is_sentence_start(body: &str, words: &[Word], wi: usize) -> bool {
    wi == 0 || body[words[wi - 1].end..words[wi].start].contains(['.', '\n'])
}

/// Whether the verb at `wi` is under a modal, a negation or an infinitive
/// "to", so it reports no happening.
fn is_irrealis(words: &[Word], wi: usize, g_start: usize) -> bool {
    let w = &words[wi];
    if w.lower.ends_with("ing") && wi > 0 && words[wi - 1].lower == "to" {
        return false; // "turned to protesting" is rare; "to" + gerund keeps
    }
    if wi > 0 && words[wi - 1].lower == "to" {
        return true;
    }
    // look back over the clause, and a little before it for the subject's
    // auxiliaries ("will not be able to")
    let from = words.iter().position(|x| x.start >= g_start).unwrap_or(wi);
    let window = &words[from.min(wi)..wi];
    window.iter().rev().take(6).any(|x| {
        ENGLISH.modals.contains(&x.lower.as_str())
            || ENGLISH.negations.contains(&x.lower.as_str())
            || x.lower.ends_with("n't")
    })
}

fn anchor(
    body: &str,
    trigger: usize,
    timexes: &[Timex],
    ranges: &[timex::Range],
    sentence: &[&Timex],
    (g_start, g_end): (usize, usize),
    noun: bool,
) -> Option<(DateInfo, Anchor, String)> {
    let usable =
        |t: &&Timex| t.kind != TimexType::Duration && t.kind != TimexType::Set && t.span.is_some();
    let in_clause = |t: &&Timex| t.start >= g_start && t.end <= g_end;
    let pick = |t: &Timex, rule: Anchor| -> (DateInfo, Anchor, String) {
        let at = timexes.partition_point(|x| x.start < t.start);
        let idx = timexes[at..].iter().position(|x| std::ptr::eq(x, t)).map(|i| at + i);
        let range = idx.and_then(|i| {
            let r = ranges.partition_point(|r| r.second < i);
            ranges[r..].iter().take(2).find(|r| r.first == i || r.second == i)
        });
        if let Some(r) = range {
            let a = &timexes[r.first];
            let b = &timexes[r.second];
            let info = DateInfo::new(
                r.span,
                Granularity::Range,
                a.resolution.max(b.resolution),
                Evidence::of(DateSource::Range(Box::new(RangeSource {
                    from: a.text.clone(),
                    to: b.text.clone(),
                    from_value: a.value.clone(),
                    to_value: b.value.clone(),
                }))),
            );
            return (info, rule, format!("{}/{}", a.value, b.value));
        }
        let gran = t.granularity.unwrap_or(Granularity::Day);
        let info = DateInfo::new(t.span.expect("usable"), gran, t.resolution, expression(t));
        (info, rule, t.value.clone())
    };
    // in the clause: for a noun the expression after it ("the suppression
    // of protests in 1986"), else the nearest
    let mut in_clause_all: Vec<&Timex> =
        sentence.iter().copied().filter(usable).filter(|t| in_clause(t)).collect();
    // "Yesterday, at this year's conference, Jobs unveiled": an expression
    // in the possessive dates the noun it determines, not the clause,
    // unless that noun is the trigger's ("Monday's attack")
    let own_first = |ts: &mut Vec<&Timex>| {
        let foreign = |t: &&Timex| possessive_gap(body, t.end, trigger).is_some_and(|near| !near);
        if ts.iter().any(|t| !foreign(t)) {
            ts.retain(|t| !foreign(t));
        }
    };
    own_first(&mut in_clause_all);
    let chosen = if noun {
        in_clause_all
            .iter()
            .copied()
            .find(|t| t.start >= trigger)
            .or_else(|| in_clause_all.last().copied())
    } else {
        in_clause_all.iter().copied().min_by_key(|t| (t.start.abs_diff(trigger), t.start))
    };
    if let Some(t) = chosen {
        return Some(pick(t, Anchor::Clause));
    }
    // a range whose "from" lies in the clause but whose second date was cut
    // off by a comma is still the clause's
    if noun {
        return None;
    }
    let mid = usize::midpoint(g_start, g_end);
    let mut in_sentence: Vec<&Timex> = sentence.iter().copied().filter(usable).collect();
    own_first(&mut in_sentence);
    in_sentence
        .into_iter()
        .min_by_key(|t| (t.start.abs_diff(mid), t.start))
        .map(|t| pick(t, Anchor::Sentence))
}

/// When the expression ending at `end` is a possessive ("this year's",
/// "Monday’s", tokenized "Monday 's"): whether the noun it determines is
/// the one at `trigger` (at most one word, "Monday's deadly attack",
/// between). `None` when it is no possessive.
fn possessive_gap(body: &str, end: usize, trigger: usize) -> Option<bool> {
    let rest = body.get(end..)?;
    let after = rest.trim_start_matches(' ');
    let after = after
        .strip_prefix("'s")
        .or_else(|| after.strip_prefix("’s"))
        .filter(|a| a.starts_with(|c: char| c.is_whitespace()))?;
    let owner = end + (rest.len() - after.len());
    if trigger < owner {
        return Some(false);
    }
    let between = body.get(owner..trigger).unwrap_or("");
    Some(between.split_whitespace().count() <= 1)
}

/// Whether the capitalised word that opens a sentence is a common word
/// there ("Analysts were surprised", "Heavy shooting erupted") rather than
/// a name ([`crate::nlp::Model::opens_with_proper_noun`]), asked once per
/// sentence.
struct Opening<'s, 'a> {
    words: &'s [Word<'a>],
    common: Option<bool>,
}

impl Opening<'_, '_> {
    fn common(&mut self) -> bool {
        *self.common.get_or_insert_with(|| {
            let forms: Vec<&str> = self.words.iter().take(8).map(|w| w.text).collect();
            crate::nlp::Model::embedded()
                .is_ok_and(|model| !forms.is_empty() && !model.opens_with_proper_noun(&forms))
        })
    }

    /// Whether `run` (word indices) is the sentence's first word alone
    /// and a common one.
    fn common_run(&mut self, start: usize, end: usize) -> bool {
        start == 0 && end == 1 && self.common()
    }
}

/// A clause that opens with a person's name ("Marenko wanted ...") makes
/// that name the antecedent of a later "he".
fn track_subject(
    words: &[Word],
    g_start: usize,
    g_end: usize,
    last: &mut Option<String>,
    opening: &mut Opening,
) {
    let seg: Vec<&Word> = words.iter().filter(|w| w.start >= g_start && w.end <= g_end).collect();
    let mut k = 0;
    // "Then President Marenko": function words and titles before the name
    while k < seg.len()
        && (ENGLISH.function_caps.contains(&seg[k].lower.as_str())
            || ENGLISH.is_title(&seg[k].lower))
    {
        k += 1;
    }
    let start = k;
    while k < seg.len()
        && is_person_word(seg[k])
        && !ENGLISH.function_caps.contains(&seg[k].lower.as_str())
    {
        k += 1;
    }
    // "the President said": a title alone names nobody
    // at most four words of name, not counting titles and roles ("US
    // Attorney General Carl Brennan")
    let named = seg[start..k]
        .iter()
        .filter(|w| !ENGLISH.is_title(&w.lower) && !ENGLISH.is_role(&w.lower))
        .count();
    // "the National Assembly office chairman": a body that tells a
    // person's office, not the person
    let office =
        seg[k..].iter().take(2).any(|w| ENGLISH.is_title(&w.lower) || ENGLISH.is_role(&w.lower));
    if k > start && k < seg.len() && named <= 4 && !ENGLISH.is_title(&seg[k - 1].lower) && !office {
        let name = seg[k - 1].text.rsplit('.').next().unwrap_or(seg[k - 1].text);
        let next = &seg[k].lower;
        // a name followed by a verb-like word, not by "of" or a noun list
        // `seg` is the run of `words` from the clause's start
        let first = words.partition_point(|w| w.start < g_start) + start;
        // "I'm", "We'll": a pronoun's contraction names nobody
        let stem = name.split(['\'', '’']).next().unwrap_or(name).to_lowercase();
        if name.chars().count() > 2
            && !ENGLISH.pronouns.contains(&stem.as_str())
            && !matches!(next.as_str(), "of" | "and" | "in" | "is" | "was" | "are" | "were")
            && lexicon::lookup(&name.to_lowercase()).is_none()
            && !opening.common_run(first, first + k - start)
        {
            *last = Some(name.to_string());
        }
    }
}

/// The actor of a trigger: the name or noun phrase right before it.
fn find_actor(
    body: &str,
    words: &[Word],
    wi: usize,
    g_start: usize,
    noun: bool,
    last_person: &mut Option<String>,
    opening: &mut Opening,
) -> Option<String> {
    let mut k = wi;
    // skip auxiliaries and adverbs
    while k > 0
        && words[k - 1].start >= g_start
        && ENGLISH.auxiliaries.contains(&words[k - 1].lower.as_str())
    {
        k -= 1;
    }
    // a name in apposition right before the verb: "Irish low-cost airline,
    // Ryanair, announced"
    if !noun && k > 0 && words[k - 1].start < g_start {
        if let Some(name) = apposition(body, words, k) {
            if name.chars().count() > 2 {
                *last_person = Some(name.rsplit([' ', '.']).next().unwrap_or(&name).to_string());
            }
            return Some(name);
        }
    }
    if k == 0 || words[k - 1].start < g_start && !noun {
        return None;
    }
    let prev = &words[k - 1];
    if noun {
        // "the governor's appeal", "Marenko's appeal"
        let t = prev.text.trim_end_matches("'s").trim_end_matches("’s");
        // "Sunday's elections": a day owns nothing
        let day = is_calendar_word(&t.to_lowercase());
        return (prev.text.len() != t.len() && is_name_word(t) && !day).then(|| t.to_string());
    }
    if matches!(prev.lower.as_str(), "he" | "she") {
        return last_person.clone();
    }
    if ENGLISH.pronouns.contains(&prev.lower.as_str()) {
        return None;
    }
    let mut j = k;
    while j > 0 && words[j - 1].start >= g_start && is_name_word(words[j - 1].text) && j + 5 > k {
        j -= 1;
    }
    // "Then Marenko", "former President": a title is no name on its own
    while j < k
        && (ENGLISH.function_caps.contains(&words[j].lower.as_str())
            || j + 1 == k && ENGLISH.is_title(&words[j].lower))
    {
        j += 1;
    }
    // "strike in Varnel spiraled": a name after a preposition is no subject
    if j < k
        && j > 0
        && ENGLISH.prepositions.contains(&words[j - 1].lower.as_str())
        && words[j - 1].start >= g_start
    {
        return None;
    }
    // "Yadav, a wily politician, Monday refused": a day is nobody
    if j < k && words[j..k].iter().all(|w| is_calendar_word(&w.lower)) {
        return None;
    }
    if j < k {
        let name: Vec<&str> = words[j..k].iter().map(|w| w.text).collect();
        let name = name.join(" ");
        // a person-like name: the last word, initials dropped (not a
        // common word that opens the sentence: "Analysts said")
        if let Some(last) = name.rsplit([' ', '.']).next() {
            if last.chars().count() > 2
                && !opening.common_run(j, k)
                && is_person_word(&words[k - 1])
            {
                *last_person = Some(last.to_string());
            }
        }
        return Some(name);
    }
    // a short lower-case noun phrase: "the Ruritanian president"
    let mut j = k;
    while j > 0 && words[j - 1].start >= g_start && k - j < 4 {
        j -= 1;
        if matches!(words[j].lower.as_str(), "the" | "a" | "an" | "his" | "her" | "its" | "their") {
            break;
        }
    }
    while j < k
        && (ENGLISH.boundary_words.contains(&words[j].lower.as_str())
            || ENGLISH.function_caps.contains(&words[j].lower.as_str())
                && !ENGLISH.determiners.contains(&words[j].lower.as_str()))
    {
        j += 1;
    }
    if j < k && words[j].text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    (j < k && !(k - j == 1 && ENGLISH.determiners.contains(&words[j].lower.as_str())))
        .then(|| words[j..k].iter().map(|w| w.text).collect::<Vec<_>>().join(" "))
}

/// The name set off by commas right before word `k` (", Ryanair, announced"),
/// after a noun phrase that it renames: one to four capitalised words.
fn apposition(body: &str, words: &[Word], k: usize) -> Option<String> {
    let gap = |a: &Word, b: &Word| body.get(a.end..b.start).map(str::trim);
    if k < 2 || gap(&words[k - 1], &words[k]) != Some(",") {
        return None;
    }
    let mut j = k;
    while j > 0 && k - j < 4 && is_name_word(words[j - 1].text) {
        j -= 1;
    }
    // a comma before the name, and words before that comma
    if j == k || j == 0 || gap(&words[j - 1], &words[j]) != Some(",") {
        return None;
    }
    if ENGLISH.function_caps.contains(&words[j].lower.as_str()) {
        return None;
    }
    Some(words[j..k].iter().map(|w| w.text).collect::<Vec<_>>().join(" "))
}

/// The object of a trigger: the words after it up to a preposition or the
/// end of the clause, at most six.
fn find_target(body: &str, from: usize, g_end: usize) -> Option<String> {
    let rest = body.get(from..g_end.max(from))?;
    let mut out = Vec::new();
    for m in WORD.find_iter(rest) {
        let w = m.as_str();
        let l = w.to_lowercase();
        if matches!(
            l.as_str(),
            "from"
                | "to"
                | "in"
                | "on"
                | "at"
                | "with"
                | "for"
                | "by"
                | "as"
                | "into"
                | "over"
                | "during"
                | "against"
                | "after"
                | "that"
                | "out"
                | "of"
        ) && !out.is_empty()
            || out.len() >= 6
        {
            break;
        }
        if out.is_empty()
            && matches!(
                l.as_str(),
                "in" | "on"
                    | "at"
                    | "with"
                    | "by"
                    | "as"
                    | "into"
                    | "during"
                    | "after"
                    | "that"
                    | "from"
                    | "against"
                    | "over"
            )
        {
            return None;
        }
        if matches!(l.as_str(), "to" | "out" | "of" | "up" | "down" | "off" | "also" | "already")
            && out.is_empty()
        {
            continue;
        }
        out.push(w);
    }
    (!out.is_empty()).then(|| out.join(" "))
}

static PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:in|at|on|near|outside|across)\s+(?:the\s+(?:city|town|village|province|region|capital)\s+of\s+)?(?:the\s+)?(\p{Lu}[\p{L}\-]+(?:\s+\p{Lu}[\p{L}\-]+){0,3})")
        .expect("place regex")
});

/// The place of a happening: the first name after "in", "at", "on" ... in
/// the rest of its sentence that is neither a month nor a weekday.
fn find_place(body: &str, from: usize, s_end: usize) -> Option<String> {
    let rest = body.get(from..s_end.max(from))?;
    PLACE.captures_iter(rest).find_map(|c| {
        let m = c.get(1)?;
        let name = m.as_str();
        let first = name.split_whitespace().next().unwrap_or("").to_lowercase();
        // "in the Soviet era": a name before a common noun modifies it
        let next: String =
            rest[m.end()..].trim_start().chars().take_while(|c| c.is_alphabetic()).collect();
        let modifier = next.starts_with(char::is_lowercase)
            && !ENGLISH.place_followers.contains(&next.as_str());
        // "restrictions slapped on Palestinians": a people is no place
        let people = !name.contains(' ') && ENGLISH.is_people_plural(name);
        (!timex::is_calendar_word(&first) && !modifier && !people).then(|| name.to_string())
    })
}

/// Trim connectives and punctuation off the ends of a clause.
fn trim_quote(body: &str, a: usize, b: usize) -> (usize, usize) {
    let s = &body[a..b];
    let trimmed_start = s.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | '“' | '"' | '-' | '—' | '–')
    });
    let mut start = a + (s.len() - trimmed_start.len());
    // a leading conjunction is the seam between clauses, not their text
    for w in ["and ", "but ", "while ", "whereas ", "which ", "who ", "that ", "adding ", "having "]
    {
        if body[start..b].len() > w.len() + 8
            && body[start..b].get(..w.len()).is_some_and(|p| p.eq_ignore_ascii_case(w))
        {
            start += w.len();
            break;
        }
    }
    let t = &body[start..b];
    let trimmed = t.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(c, ',' | ';' | ':' | '(' | ')' | '“' | '”' | '"' | '.' | '-' | '—' | '–')
    });
    (start, start + trimmed.len())
}

/// "The troops are already in the country": a deployment told as a state.
fn presence_mentions(
    doc: &Document,
    body: &str,
    s_start: usize,
    s_end: usize,
    quoted: &[(usize, usize)],
    sentence_timexes: &[&Timex],
    out: &mut Vec<Mention>,
) {
    let sentence = &body[s_start..s_end];
    for m in PRESENCE.find_iter(sentence) {
        let (a, b) = (s_start + m.start(), s_start + m.end());
        if quoted.iter().any(|&(x, y)| a >= x && a < y)
            || out.iter().any(|x| x.start < doc.body_start + b && doc.body_start + a < x.end)
        {
            continue;
        }
        let prefix = sentence[..m.start()].to_lowercase();
        if prefix
            .split_whitespace()
            .rev()
            .take(4)
            .any(|w| ENGLISH.modals.contains(&w) || ENGLISH.negations.contains(&w))
        {
            continue;
        }
        // extend to the end of the clause
        let end = body[b..s_end].find([',', ';', '.']).map_or(s_end, |i| b + i);
        let (qa, qb) = trim_quote(body, a, end);
        let date = sentence_timexes
            .iter()
            .find(|t| t.span.is_some() && t.kind == TimexType::Date)
            .map(|t| {
                DateInfo::new(
                    t.span.expect("span"),
                    t.granularity.unwrap_or(Granularity::Day),
                    t.resolution,
                    expression(t),
                )
            });
        out.push(Mention {
            document: doc.id.clone(),
            start: doc.body_start + qa,
            end: doc.body_start + qb,
            quote: body[qa..qb].to_string(),
            trigger: m.as_str().split_whitespace().next().unwrap_or("").to_string(),
            action: "deploy".into(),
            event_type: crate::model::EventType::Security,
            actor: None,
            target: Some(m.as_str().split_whitespace().next().unwrap_or("").to_string()),
            place: None,
            anchor: if date.is_some() { Anchor::Sentence } else { Anchor::None },
            timex: None,
            date,
            supporting: false,
            follows: None,
            minor: false,
            title: None,
        });
    }
}

/// "... took place in A in 2014, in B in 2018": one happening per item.
fn list_mentions(
    doc: &Document,
    body: &str,
    s_start: usize,
    sentence: &str,
    timexes: &[Timex],
    before: usize,
    out: &mut Vec<Mention>,
) {
    let items: Vec<_> = PLACE_YEAR_LIST.captures_iter(sentence).collect();
    if items.len() < 2 {
        return;
    }
    let first = items[0].get(0).expect("match").start();
    // the event the list distributes: a trigger of this sentence before it
    let head =
        out[before..].iter().rev().find(|m| m.start < doc.body_start + s_start + first).cloned();
    // a phrasal verb with its phrase ("took place"), as the clause reads it
    let head_word = WORD
        .find_iter(&sentence[..first])
        .filter_map(|w| {
            let after = &sentence[w.end()..first];
            let e = lexicon::in_phrase(lexicon::lookup(&w.as_str().to_lowercase())?, after)?;
            Some((w, e))
        })
        .last();
    let (action, event_type, trigger) = match (&head, head_word) {
        (Some(h), _) => (h.action.clone(), h.event_type, h.trigger.clone()),
        (None, Some((w, e))) => (e.action.to_string(), e.event_type, w.as_str().to_string()),
        (None, None) => return,
    };
    for c in items {
        let m = c.get(0).expect("match");
        let (a, b) = (s_start + m.start(), s_start + m.end());
        let Some(t) = inside(timexes, a, b).find(|t| t.span.is_some()) else {
            continue;
        };
        out.push(Mention {
            document: doc.id.clone(),
            start: doc.body_start + a,
            end: doc.body_start + b,
            quote: body[a..b].to_string(),
            trigger: trigger.clone(),
            action: action.clone(),
            event_type,
            actor: None,
            target: Some(c[1].to_string()),
            place: None,
            date: Some(DateInfo::new(
                t.span.expect("span"),
                t.granularity.unwrap_or(Granularity::Year),
                t.resolution,
                expression(t),
            )),
            anchor: Anchor::Clause,
            timex: Some(t.value.clone()),
            supporting: false,
            follows: None,
            minor: false,
            title: None,
        });
    }
    // the head mention itself is now told by the items
    if let Some(h) = head {
        if let Some(pos) = out
            .iter()
            .position(|m| m.start == h.start && m.end == h.end && m.document == h.document)
        {
            out.remove(pos);
        }
    }
}

/// "He dissolved the government and dismissed the minister": verbs joined
/// by "and", "but" or "or" share the subject of the first.
fn share_subjects(mentions: &mut [Mention], before: usize, body: &str, base: usize) {
    for k in before + 1..mentions.len() {
        if mentions[k].actor.is_some() || mentions[k].supporting || mentions[k - 1].supporting {
            continue;
        }
        let at = mentions[k].start - base;
        let mut from = at.saturating_sub(12);
        while !body.is_char_boundary(from) {
            from -= 1;
        }
        let lead = body[from..at].trim_end().to_lowercase();
        let conj = ["and", "but", "or", "then"].iter().any(|c| {
            lead.ends_with(c)
                && !lead[..lead.len() - c.len()].ends_with(|ch: char| ch.is_alphanumeric())
        });
        if conj
            && mentions[k]
                .quote
                .split_whitespace()
                .next()
                .and_then(|w| lexicon::lookup(&w.to_lowercase()))
                .is_some()
        {
            let actor = mentions[k - 1].actor.clone();
            mentions[k].actor = actor;
        }
    }
}

/// "People took to the streets after the authorities doubled the prices":
/// an undated cause clause right after the happening it explains is part of
/// that happening's report, not a timeline event of its own.
fn attach_causes(mentions: &mut Vec<Mention>, before: usize, body: &str, base: usize) {
    let mut k = before + 1;
    while k < mentions.len() {
        let (prev, cur) = (&mentions[k - 1], &mentions[k]);
        let lower = cur.quote.to_lowercase();
        let causal = ["after ", "following ", "because ", "as a result of "]
            .iter()
            .any(|c| lower.starts_with(c));
        // mentions of one clause may overlap ("are on the ground and
        // elections were postponed"): then there is no gap between them
        let gap_start = prev.end.saturating_sub(base).min(body.len());
        let gap_end = cur.start.saturating_sub(base).min(body.len());
        let gap = body.get(gap_start..gap_end.max(gap_start)).unwrap_or("");
        // a dated "after ..." or a "before ..." clause stays its own event,
        // and the order between the two is kept for the graph
        let lower_quote = cur.quote.to_lowercase();
        if causal && cur.date.is_some() && prev.follows.is_none() {
            let r = Relation { start: cur.start, end: cur.end, cue: "after".into() };
            mentions[k - 1].follows = Some(Box::new(r));
            k += 1;
            continue;
        }
        if lower_quote.starts_with("before ") && cur.follows.is_none() && prev.end <= cur.start {
            let r = Relation { start: prev.start, end: prev.end, cue: "before".into() };
            mentions[k].follows = Some(Box::new(r));
            k += 1;
            continue;
        }
        if causal
            && cur.date.is_none()
            && !cur.supporting
            && prev.event_type != crate::model::EventType::Statement
            && prev.end <= cur.start
            && gap.trim_matches(|c: char| c.is_whitespace() || c == ',').is_empty()
        {
            let end = cur.end;
            let prev = &mut mentions[k - 1];
            prev.end = end;
            prev.quote = body[prev.start - base..end - base].to_string();
            mentions.remove(k);
        } else {
            k += 1;
        }
    }
}

/// "X said Thursday that troops were deployed": the deployment is the
/// event; the saying only dates it.
fn drop_reporting_frames(mentions: &mut Vec<Mention>, before: usize) {
    let has_content = mentions[before..]
        .iter()
        .any(|m| m.event_type != crate::model::EventType::Statement && !m.supporting);
    if !has_content {
        return;
    }
    let frame_date = mentions[before..]
        .iter()
        .find(|m| m.event_type == crate::model::EventType::Statement && m.date.is_some())
        .and_then(|m| m.date.clone());
    let mut i = before;
    while i < mentions.len() {
        if mentions[i].event_type == crate::model::EventType::Statement {
            mentions.remove(i);
        } else {
            if mentions[i].date.is_none() {
                if let Some(d) = &frame_date {
                    mentions[i].date = Some(d.clone());
                    mentions[i].anchor = Anchor::Sentence;
                }
            }
            i += 1;
        }
    }
}

/// A mention's day-or-week date (start, and its offsets) when it is not
/// after `upper`: a candidate for the event a "then ..." follows.
fn told(m: &Mention, upper: Option<NaiveDate>) -> Option<(NaiveDate, usize, usize)> {
    let s = m.date.as_ref().filter(|d| d.granularity <= Granularity::Week)?.span;
    (s.hi <= upper?).then_some((s.lo, m.start, m.end))
}

/// "Then X happened": after the latest day told so far in this document,
/// and not after the reference day. `latest` is the latest of the
/// mentions told before (see [`told`]), kept as the text is read so the
/// work stays linear.
fn narrative_dates(
    mentions: &mut [Mention],
    before: usize,
    latest: Option<(NaiveDate, usize, usize)>,
    ctx: &Context,
    doc: &Document,
) {
    let upper = ctx.reference.or_else(|| doc.date_span().map(|s| s.hi));
    let Some(upper) = upper else { return };
    // the latest event told so far: "then" follows it
    let Some((lower, f_start, f_end)) = latest else { return };
    let cue = doc.body()[mentions.get(before).map_or(0, |m| m.start - doc.body_start)..]
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    for m in &mut mentions[before..] {
        if m.follows.is_none() && !m.supporting {
            m.follows = Some(Box::new(Relation {
                start: f_start,
                end: f_end,
                cue: if cue.is_empty() { "then".into() } else { cue.clone() },
            }));
        }
        if m.date.is_none() {
            let span = Span { lo: lower, hi: upper };
            let gran = if span.lo == span.hi { Granularity::Day } else { Granularity::Range };
            let res = if ctx.inferred { Resolution::Inferred } else { Resolution::Narrative };
            let res = res.max(Resolution::Narrative);
            m.date = Some(DateInfo::new(
                span,
                gran,
                res,
                Evidence::of(DateSource::Narrative {
                    after: doc.text.get(f_start..f_end).unwrap_or("").to_string(),
                    lower,
                    upper,
                }),
            ));
            m.anchor = Anchor::Narrative;
        }
    }
}

#[cfg(test)]
pub(crate) mod tests;

/// The evidence of a date read from the time expression `t`.
fn expression(t: &Timex) -> Evidence {
    Evidence::of(DateSource::Expression { text: t.text.clone(), value: t.value.clone() })
}
