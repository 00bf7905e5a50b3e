//! Stage 2: mentions -> events -> an ordered, reviewed [`Timeline`].
//!
//! * **Merge.** Mentions are blocked by their normalized action (only
//!   mentions of the same kind of happening are ever compared, so the work
//!   grows with the size of each block, not with the square of the corpus)
//!   and, within a block, joined when their dates are compatible and their
//!   participants agree: names are compared by Jaro-Winkler similarity, so
//!   "Marenko", "Marenco" and "Marenkova" are one person. An undated mention
//!   joins the best-matching dated event and takes its date, with a note;
//!   one that matches only by kind and period joins only where one dated
//!   happening of that kind could be it (`best_cluster`).
//! * **Order.** A petgraph graph over events holds BEFORE edges from
//!   disjoint date intervals and from the text ("then ..."); see [`order`].
//!   petgraph stays inside this module.
//! * **Review.** [`Finding`]s for dates after their own article, dates
//!   resolved against an inferred reference, single-source events and
//!   events that may be one happening told with different dates.

pub mod edits;
pub mod order;

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};

use crate::language::ENGLISH;
use crate::model::{
    DateInfo, Document, Event, EventType, Finding, FindingKind, Flag, Granularity, Mention,
    ReferenceSource, Resolution, Severity, Span, Timeline, FORMAT,
};

/// How the graph stage merges mentions into events. The defaults are the
/// values the shipped figures were measured with.
#[derive(Debug, Clone)]
pub struct MergeOptions {
    /// Minimum Jaro-Winkler similarity for two names to be one participant
    /// (default [`NAME_SIMILARITY`]).
    pub name_similarity: f64,
    /// Byte distance within which two undated mentions of one action in one
    /// article are taken as one happening told twice (default 400).
    pub nearby_bytes: usize,
    /// How many days before its article an undated report from another
    /// article may have happened to join a dated event (default 62).
    pub recent_days: u64,
}

impl Default for MergeOptions {
    fn default() -> MergeOptions {
        MergeOptions { name_similarity: NAME_SIMILARITY, nearby_bytes: 400, recent_days: 62 }
    }
}

/// Actions whose undated reports are tallies of one ongoing situation.
const TALLIES: &[&str] = &["kill", "injure", "detain"];

/// Default name similarity threshold.
pub const NAME_SIMILARITY: f64 = 0.84;

/// Mentions becoming one event.
struct Cluster {
    // boxed on purpose: see `build`, where mentions are boxed for the merge
    #[allow(clippy::vec_box)]
    mentions: Vec<Box<Mention>>,
    span: Option<Span>,
    /// Months of the documents reporting it, for the same-period rules.
    periods: BTreeSet<i32>,
    /// Where in each document it is reported, for the nearby rules.
    positions: BTreeMap<String, Vec<usize>>,
    actors: Vec<String>,
    /// The keys of the actors written as proper names.
    named_actors: Vec<String>,
    /// (key, written as a proper name)
    targets: Vec<(String, bool)>,
    /// The name words of its documents' participants ([`doc_names`]),
    /// hashed and sorted: what tells one story from another.
    names: Vec<u64>,
}

/// The words of the proper names that a document's mentions give as
/// doers, targets and places, hashed and sorted: two articles that share
/// none tell different stories, and a happening of one is not one of the
/// other for being of the same kind and date ("police detained 20" in
/// Dhaka and in Lima).
fn doc_names(m: &Mention, into: &mut Vec<u64>) {
    let parts = [m.actor.as_deref(), m.target.as_deref(), m.place.as_deref()];
    for part in parts.into_iter().flatten().filter(|p| is_proper(p)) {
        for w in part.split_whitespace() {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            let lower = w.to_lowercase();
            if w.starts_with(char::is_uppercase)
                && w.chars().count() >= 3
                && !crate::language::ENGLISH.subject_stop.contains(&lower.as_str())
            {
                into.push(crate::hash::fnv64(&lower));
            }
        }
    }
}

/// Whether two sorted name lists share a word, or either has none (no
/// sign of another story).
fn same_story(a: &[u64], b: &[u64]) -> bool {
    a.is_empty() || b.is_empty() || a.iter().any(|x| b.binary_search(x).is_ok())
}

impl Cluster {
    /// Whether the cluster has a mention in `m`'s document within `bytes`.
    fn is_near(&self, m: &Mention, bytes: usize) -> bool {
        self.positions
            .get(&m.document)
            .is_some_and(|ps| ps.iter().any(|p| p.abs_diff(m.start) < bytes))
    }
}

/// The date a mention's own text gives: not the article's date that only
/// bounds a report told as recent (resolution `document`), which merges
/// like an undated report and dates its event only when no report gives
/// a date.
fn text_span(m: &Mention) -> Option<Span> {
    m.date.as_ref().filter(|d| d.resolution != Resolution::Document).map(|d| d.span)
}

/// Merge order within a block: real reports before supporting nouns, dated
/// before undated, the most precise first, then by position.
#[allow(clippy::type_complexity)]
fn merge_key(m: &Mention) -> (bool, bool, Option<i64>, Option<Resolution>, &str, usize) {
    let span = text_span(m);
    (
        m.supporting,
        span.is_none(),
        span.map(|s| s.days()),
        m.date.as_ref().map(|d| d.resolution),
        m.document.as_str(),
        m.start,
    )
}

/// `block` in [`merge_key`] order (stable), each key computed once.
// boxed on purpose: see `build`, where mentions are boxed for the merge
#[allow(clippy::vec_box)]
fn sorted_by_merge_key(block: Vec<Box<Mention>>) -> Vec<Box<Mention>> {
    let keys: Vec<_> = block.iter().map(|m| merge_key(m)).collect();
    let mut order: Vec<usize> = (0..block.len()).collect();
    order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
    drop(keys);
    let mut slots: Vec<Option<Box<Mention>>> = block.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// The comparable form of a participant: its last name-like word, lower
/// case, without possessive ("President I.M.Marenko's" -> "marenko").
fn key_name(s: &str) -> String {
    let mut words = s.split(|c: char| c.is_whitespace() || c == '.').filter(|w| !w.is_empty());
    let last = words.next_back().unwrap_or(s);
    let last = last.trim_end_matches("'s").trim_end_matches("’s");
    // a model's number is no name on its own: "iPhone 4" is not "iOS 4"
    if crate::language::is_model_number(last) {
        if let Some(before) = words.next_back() {
            return format!("{} {last}", before.to_lowercase());
        }
    }
    let key = last.to_lowercase();
    // "troops", "soldiers", "its forces" are one participant
    if crate::extract::lexicon::is_force_noun(&key) {
        return "forces".into();
    }
    key
}

fn similar(a: &str, b: &str, threshold: f64) -> bool {
    // a model and its number ("iphone 4"): the same number, a like name
    match (a.rsplit_once(' '), b.rsplit_once(' ')) {
        (Some((x, n)), Some((y, m))) => n == m && similar(x, y, threshold),
        (None, None) => a == b || strsim::jaro_winkler(a, b) >= threshold,
        _ => false,
    }
}

fn is_proper(s: &str) -> bool {
    let mut words = s.split_whitespace();
    match words.next_back() {
        // a model's number after its name: "iPhone 4", "Apollo 11"
        Some(w) if crate::language::is_model_number(w) => {
            words.next_back().is_some_and(|w| w.chars().any(char::is_uppercase))
        }
        Some(w) => w.starts_with(char::is_uppercase),
        None => false,
    }
}

/// +score when compatible, `None` when the participants contradict; and
/// whether a name written as a proper name matched (a common noun, "the
/// minister", may match in another story).
///
/// Paraphrase varies the words of a target ("the peacekeepers", "a security
/// block"), so only a named target contradicts another, and only for
/// happenings whose target is their identity (who was dismissed, what was
/// priced). A speaker must match for statements.
fn participant_score(c: &Cluster, m: &Mention, threshold: f64) -> Option<(u32, bool)> {
    let mut score = 0;
    let mut named = false;
    if let Some(t) = &m.target {
        let key = key_name(t);
        if c.targets.iter().any(|x| similar(&x.0, &key, threshold)) {
            score += 2;
            named |= is_proper(t);
        } else {
            let (named, named_before) = (is_proper(t), c.targets.iter().any(|x| x.1));
            // a happening whose target is its identity: one name is enough
            let identity = matches!(m.event_type, EventType::PoliticalChange | EventType::Economic)
                && !c.targets.is_empty()
                && (named || named_before);
            // two names: "introduced iPhone 4" is not "introduced iOS 4"
            let two_names = m.event_type != EventType::Statement && named && named_before;
            if identity || two_names {
                return None;
            }
        }
    }
    // a speaker is compared whatever its case ("the North Koreans said" is
    // not "The German government said"); other actors only when named
    let statement = m.event_type == EventType::Statement;
    if let Some(a) = m.actor.as_deref().filter(|a| statement || a.starts_with(char::is_uppercase)) {
        let a = key_name(a);
        if c.actors.iter().any(|x| similar(x, &a, threshold)) {
            score += 1;
            named |= is_proper(m.actor.as_deref().unwrap_or(""));
        } else if statement && !c.actors.is_empty() {
            return None;
        } else if is_proper(m.actor.as_deref().unwrap_or("")) && !c.named_actors.is_empty() {
            // two people named as the doers: "Yeltsin sacked his minister"
            // is not "Tshisekedi dismissed the talks"
            return None;
        }
    }
    Some((score, named))
}

/// The cluster a mention joins among those that accept it (`(score,
/// strong, index)`): the best-scoring, the earliest on a tie. A cluster
/// that accepts it only for being of the same kind and period (not
/// `strong`: no shared participant, not the same article) is taken only
/// when it is the one such happening: where several dated happenings of
/// that kind could be the one an undated report tells ("BP cut the pipe",
/// "the state cut its budget", "S&P cut BP's rating" in one month), the
/// report stays an event of its own rather than lend its source to an
/// arbitrary one of them.
fn best_cluster(accepted: &[(u32, bool, usize)], clusters: &[Cluster]) -> Option<(u32, usize)> {
    let &(score, strong, i) =
        accepted.iter().max_by_key(|&&(s, strong, i)| (s, strong, Reverse(i)))?;
    if strong {
        return Some((score, i));
    }
    let spans: BTreeSet<Option<Span>> =
        accepted.iter().filter(|a| !a.1).map(|a| clusters[a.2].span).collect();
    (spans.len() == 1).then_some((score, i))
}

/// Merge mentions into events, order them and review them.
///
/// Complexity: O(n log n) in the number of mentions for sorting and
/// ordering, plus the pairwise comparisons inside each action block.
#[must_use]
pub fn build(
    documents: Vec<Document>,
    mentions: impl IntoIterator<Item = Mention>,
    options: &MergeOptions,
) -> Timeline {
    let threshold = options.name_similarity;
    let doc_spans: BTreeMap<&str, Option<Span>> =
        documents.iter().map(|d| (d.id.as_str(), d.date_span())).collect();
    // when each document was written: its date, else its reference day
    let written: BTreeMap<&str, Span> = documents
        .iter()
        .filter_map(|d| {
            let span = d.date_span().or_else(|| d.reference.as_ref().map(|r| Span::day(r.date)))?;
            Some((d.id.as_str(), span))
        })
        .collect();
    // each mention is boxed while it is blocked, sorted and clustered: the
    // vectors that move it around then hold pointers, and it is moved out
    // of its box once, into its event's exact-sized list, instead of being
    // copied into a growing list at every stage
    let mut blocks: BTreeMap<String, Vec<Box<Mention>>> = BTreeMap::new();
    let mut names: BTreeMap<String, Vec<u64>> = BTreeMap::new();
    for m in mentions {
        if !names.contains_key(&m.document) {
            names.insert(m.document.clone(), Vec::new());
        }
        if let Some(list) = names.get_mut(&m.document) {
            doc_names(&m, list);
        }
        blocks.entry(m.action.clone()).or_default().push(Box::new(m));
    }
    for list in names.values_mut() {
        list.sort_unstable();
        list.dedup();
        list.shrink_to_fit();
    }
    let no_names = Vec::new();
    let mut events = Vec::new();
    for (_, block) in blocks {
        // dated mentions first, most precise first, then by position
        // (each key computed once: it parses the date)
        let block = sorted_by_merge_key(block);
        let mut clusters: Vec<Cluster> = Vec::new();
        let mut index = Index::default();
        for m in block {
            let span = text_span(&m);
            let statement = m.event_type == EventType::Statement;
            let periods = period_keys(doc_spans.get(m.document.as_str()).copied().flatten());
            let own_names = names.get(&m.document).unwrap_or(&no_names);
            let candidates = index.candidates(&m, &periods);
            let accepted = candidates
                .into_iter()
                .map(|i| (i, &clusters[i]))
                .filter(|(_, c)| match (span, c.span) {
                    (Some(a), Some(b)) => a.overlaps(&b),
                    _ => true,
                })
                .filter(|(_, c)| {
                    // a saying is one event only for one speaker on one date:
                    // people say many things
                    !statement
                        || m.actor.is_some() && !c.actors.is_empty() && span.is_some() && c.span.is_some()
                        // "Putin noted ... Putin went on to say": the same
                        // speaker a few sentences on in the same article
                        || m.actor.is_some() && c.is_near(&m, 800)
                })
                .filter_map(|(i, c)| {
                    // an article tells its own story: its other reports come first
                    // (supporting nouns need a shared participant, not just
                    // the same article)
                    let own = if m.supporting { 0 } else { u32::from(c.positions.contains_key(&m.document)) * 2 };
                    participant_score(c, &m, threshold).map(|(s, named)| (s, named, own, i))
                })
                .filter_map(|(s, named, own, i)| {
                    let c = &clusters[i];
                    let same_doc = c.positions.contains_key(&m.document);
                    let nearby = c.is_near(&m, options.nearby_bytes);
                    let period = periods.iter().any(|p| c.periods.contains(p)) || same_doc;
                    // an undated report is not the same happening as the
                    // reports of articles from another period (an archive
                    // of years has many "police detained protesters")
                    let elsewhen = span.is_none() && !period && !periods.is_empty() && !c.periods.is_empty();
                    // an undated report from another article can only tell
                    // of a happening of the weeks before that article: "the
                    // ship struck" in a 2010 story is not the 1967 wreck
                    let stale = span.is_none() && !same_doc && c.span.is_some_and(|cs| {
                        written.get(m.document.as_str()).is_some_and(|ds| {
                            cs.hi > ds.hi
                                || ds.lo.checked_sub_days(chrono::Days::new(options.recent_days)).is_some_and(|from| cs.lo < from)
                        })
                    });
                    // a minor mention's action is any verb ("made", "took"):
                    // across articles only shared participants make one event
                    let generic = m.minor && !same_doc;
                    // and only articles of one story share happenings by
                    // kind and period alone
                    let story = same_doc || same_story(&c.names, own_names);
                    // "died in the clashes. More than 50 people have
                    // died": the next sentence elaborates the same one
                    let strong = s > 0 || own > 0 || nearby;
                    // with a date on one side, a report of the same kind
                    // of happening from the same period; undated casualty
                    // and arrest counts of documents of one period are
                    // one running tally, not new events
                    let kind = !generic
                        && story
                        && period
                        && (span.is_some() || c.span.is_some() || TALLIES.contains(&m.action.as_str()));
                    (!elsewhen && !stale && (story || named) && (strong || kind)).then_some((s + own, strong, i))
                })
                .collect::<Vec<_>>();
            let best = best_cluster(&accepted, &clusters);
            let i = match best {
                Some((score, i)) if !m.supporting || score > 0 => i,
                // a supporting noun joins only an event it shares a
                // participant with
                _ if m.supporting => continue,
                _ => {
                    clusters.push(Cluster {
                        mentions: Vec::new(),
                        span,
                        periods: BTreeSet::new(),
                        positions: BTreeMap::new(),
                        actors: Vec::new(),
                        named_actors: Vec::new(),
                        targets: Vec::new(),
                        names: Vec::new(),
                    });
                    clusters.len() - 1
                }
            };
            index.add(i, &m, &periods);
            let c = &mut clusters[i];
            // a speaker counts whatever its case ("the president said" is
            // not "Ash said"), as `participant_score` compares it
            let speaker =
                statement || m.actor.as_deref().is_some_and(|a| a.starts_with(char::is_uppercase));
            if let Some(a) = m.actor.as_deref().filter(|_| speaker) {
                let k = key_name(a);
                if is_proper(a) && !c.named_actors.contains(&k) {
                    c.named_actors.push(k.clone());
                }
                if !c.actors.contains(&k) {
                    c.actors.push(k);
                }
            }
            if let Some(t) = &m.target {
                let k = (key_name(t), is_proper(t));
                if !c.targets.contains(&k) {
                    c.targets.push(k);
                }
            }
            c.periods.extend(periods.iter().copied());
            if !c.positions.contains_key(&m.document) {
                c.names.extend_from_slice(own_names);
                c.names.sort_unstable();
                c.names.dedup();
            }
            c.positions.entry(m.document.clone()).or_default().push(m.start);
            if let (Some(s), Some(cs)) = (span, c.span) {
                c.span = s.intersect(&cs).or(Some(cs));
            } else if c.span.is_none() {
                c.span = span;
            }
            c.mentions.push(m);
        }
        events.extend(clusters.into_iter().map(into_event));
    }
    // the day each document's narrative is told up to: its reference day
    // (and whether that was inferred), else the end of its date
    let told_by: order::ToldBy<'_> = documents
        .iter()
        .filter_map(|d| match &d.reference {
            Some(r) => Some((d.id.as_str(), (r.date, r.source == ReferenceSource::Inferred))),
            None => d.date_span().map(|s| (d.id.as_str(), (s.hi, false))),
        })
        .collect();
    let (mut events, edges, mut findings) = order::order(events, &[], &told_by);
    findings.extend(review(&documents, &mut events));
    salience::assign(&documents, &mut events);
    let entities = entities::gather(&mut events);
    crate::model::Finding::sort(&mut findings);
    Timeline { format: FORMAT.into(), documents, events, findings, edges, entities }
}

/// How many clusters of one posting list are compared at most: the newest.
/// Keeps merging linear on corpora where one name or one month is common.
const MAX_CANDIDATES: usize = 64;

/// Blocking: which clusters of an action block a mention is compared with.
/// A mention meets only clusters that share a participant key with it, a
/// document, or a document period (month); never the whole block.
#[derive(Default)]
struct Index {
    keys: std::collections::HashMap<String, Vec<usize>>,
    docs: std::collections::HashMap<String, Vec<usize>>,
    periods: std::collections::HashMap<i32, Vec<usize>>,
}

/// Month numbers covered by a document's date, at most three (a year-dated
/// document has no useful period).
fn period_keys(span: Option<Span>) -> Vec<i32> {
    use chrono::Datelike;
    let Some(s) = span else { return Vec::new() };
    let month = |d: chrono::NaiveDate| d.year() * 12 + i32::try_from(d.month0()).unwrap_or(0);
    let (a, b) = (month(s.lo), month(s.hi));
    if b - a > 2 {
        return Vec::new();
    }
    (a..=b).collect()
}

fn mention_keys(m: &Mention) -> Vec<String> {
    let mut keys = Vec::new();
    if let Some(a) = m.actor.as_deref().filter(|a| a.starts_with(char::is_uppercase)) {
        keys.push(format!("a:{}", phonetic(&key_name(a))));
    }
    if let Some(t) = &m.target {
        keys.push(format!("t:{}", phonetic(&key_name(t))));
    }
    keys
}

/// A coarse key under which spelling variants meet (Marenko, Marenco,
/// Marenkova): the first letter and the consonants of the next few letters.
/// Names are then compared by Jaro-Winkler; this only blocks.
fn phonetic(s: &str) -> String {
    let mut chars = s.chars();
    let Some(first) = chars.next() else { return String::new() };
    let rest: String = chars.filter(|c| !"aeiouyh'’".contains(*c)).take(3).collect();
    format!("{first}{rest}")
}

impl Index {
    fn candidates(&self, m: &Mention, periods: &[i32]) -> Vec<usize> {
        let mut out = Vec::new();
        let mut take = |list: Option<&Vec<usize>>| {
            if let Some(l) = list {
                out.extend(l.iter().rev().take(MAX_CANDIDATES));
            }
        };
        for k in mention_keys(m) {
            take(self.keys.get(&k));
        }
        take(self.docs.get(&m.document));
        for p in periods {
            take(self.periods.get(p));
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    fn add(&mut self, cluster: usize, m: &Mention, periods: &[i32]) {
        let push = |list: &mut Vec<usize>| {
            if list.last() != Some(&cluster) {
                list.push(cluster);
            }
        };
        for k in mention_keys(m) {
            push(self.keys.entry(k).or_default());
        }
        push(self.docs.entry(m.document.clone()).or_default());
        for &p in periods {
            push(self.periods.entry(p).or_default());
        }
    }
}

pub(crate) use crate::hash::fnv32 as fnv;

fn into_event(c: Cluster) -> Event {
    let mut mentions: Vec<Mention> = c.mentions.into_iter().map(|m| *m).collect();
    mentions.sort_by(|a, b| (&a.document, a.start).cmp(&(&b.document, b.start)));
    // the date: the best-evidenced mention's, narrowed to what all agree on
    let best = mentions.iter().filter(|m| m.date.is_some()).min_by_key(|m| {
        (m.anchor, m.date.as_ref().map(|d| (d.resolution, d.granularity)), &m.document, m.start)
    });
    let date = best.and_then(|m| m.date.clone()).map(|mut d| {
        if let (span, Some(common)) = (d.span, c.span) {
            if common != span && span.contains(&common) {
                d = DateInfo::new(
                    common,
                    if common.lo == common.hi { Granularity::Day } else { Granularity::Range },
                    d.resolution,
                    d.evidence.narrowed(crate::model::Narrowing::OtherReports),
                );
            }
        }
        d
    });
    let sources: BTreeSet<String> = mentions.iter().map(|m| m.document.clone()).collect();
    let mut participants: BTreeSet<String> = BTreeSet::new();
    for m in &mentions {
        if let Some(a) = m.actor.as_deref().filter(|a| a.starts_with(char::is_uppercase)) {
            participants.insert(a.to_string());
        }
    }
    let rep = best.unwrap_or(&mentions[0]);
    // the most informative title composed from a parse: one that says who
    // (it does not open on its own verb, nor on a pronoun), then one that tells the event as
    // a fact (no modal verb: "will be perceived", except in what a
    // statement reports; not a gerund: "promises declaring a state of
    // emergency"), then a few words more (they tell more, up to nine), the
    // dating mention's on a tie
    let composed =
        mentions.iter().filter_map(|m| m.title.as_deref().map(|t| (m, t))).max_by_key(|&(m, t)| {
            let first = t.split_whitespace().next().unwrap_or("");
            let modal = m.event_type != EventType::Statement
                && t.split_whitespace()
                    .any(|w| ENGLISH.modals.contains(&w.to_lowercase().as_str()));
            // the trigger's verb, without its particle ("showing off")
            let verb = m.trigger.split_whitespace().next().unwrap_or("").to_lowercase();
            let gerund = verb.ends_with(ENGLISH.gerund_ending);
            // a pronoun says who less well than a name or a noun
            let pronoun = ENGLISH.pronouns.contains(&first.to_lowercase().as_str());
            (
                !first.eq_ignore_ascii_case(&m.trigger),
                !pronoun,
                !modal && !gerund,
                t.split_whitespace().count().min(9),
                std::ptr::eq(m, rep),
                std::cmp::Reverse((&m.document, m.start)),
            )
        });
    let title = composed.map_or_else(|| title(rep), |(_, t)| t.to_string());
    let id = event_id(&rep.action, date.as_ref(), &mentions[0]);
    let mut flags = Vec::new();
    let bounded = |d: &DateInfo| d.resolution == Resolution::Document;
    if date.as_ref().is_some_and(|d| !bounded(d))
        && mentions.iter().any(|m| m.date.as_ref().is_none_or(bounded))
    {
        flags.push(Flag::DateSharedByMerge);
    }
    Event {
        id,
        title,
        event_type: rep.event_type,
        date,
        participants: participants.into_iter().collect(),
        entities: Vec::new(),
        places: mentions
            .iter()
            .filter_map(|m| m.place.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect(),
        mention_count: mentions.len(),
        source_count: sources.len(),
        sources: sources.into_iter().collect(),
        flags,
        mentions,
        salience: 0.0,
    }
}

/// An event's stable id: its action, its date's first day and a hash of
/// its first mention's place.
fn event_id(action: &str, date: Option<&DateInfo>, first: &Mention) -> String {
    format!(
        "{}-{}-{:08x}",
        action.replace('_', "-"),
        date.map_or("undated".to_string(), DateInfo::earliest),
        fnv(&format!("{}:{}:{}", first.document, first.start, first.end))
    )
}

/// A short title: actor, trigger and object where known, else the quote.
fn title(rep: &Mention) -> String {
    let actor = rep.actor.clone().filter(|a| a.starts_with(char::is_uppercase));
    let quote = rep.quote.trim();
    let from_trigger = quote.find(&rep.trigger).map_or(quote, |i| &quote[i..]);
    // the clause without its leading connectives ("and", "that", ...)
    let mut clause = quote;
    loop {
        let first = clause.split_whitespace().next().unwrap_or("").to_lowercase();
        if ENGLISH.connectives.contains(&first.as_str()) {
            clause =
                clause[clause.find(char::is_whitespace).unwrap_or(clause.len())..].trim_start();
        } else {
            break;
        }
    }
    let text = match actor {
        Some(a) if !quote.contains(&a) || quote.find(&a) < quote.find(&rep.trigger) => {
            format!("{} {}", short_actor(&a), from_trigger)
        }
        // a quote of connectives only ("adding") is its own title
        _ if clause.is_empty() => quote.to_string(),
        _ if clause.split_whitespace().count() <= 12 => clause.to_string(),
        _ => from_trigger.to_string(),
    };
    let text = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let mut words: Vec<&str> = text.split_whitespace().collect();
    let cut = words.len() > 10;
    words.truncate(10);
    let mut t = words.join(" ");
    if cut {
        t.push('…');
    }
    let mut c = t.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => t,
    }
}

/// "President Ilse Marenko" -> "Marenko"; organisations stay whole.
fn short_actor(a: &str) -> String {
    let words: Vec<&str> = a.split_whitespace().collect();
    let titles = [
        "President",
        "Prime",
        "Minister",
        "Former",
        "Ex-Minister",
        "Secretary",
        "General",
        "Sinologist",
        "Expert",
        "Governor",
        "Mayor",
        "Chancellor",
        "King",
        "Queen",
        "Senator",
        "Minister,",
        "Spokesman",
        "Chairman",
    ];
    // "President K.J. Marenko" -> "Marenko"; "United States" stays whole
    if words.len() > 1 && words.iter().any(|w| titles.contains(w)) {
        let last = words[words.len() - 1];
        return last.rsplit('.').next().unwrap_or(last).to_string();
    }
    a.to_string()
}

fn review(documents: &[Document], events: &mut [Event]) -> Vec<Finding> {
    let doc_spans: BTreeMap<&str, Option<Span>> =
        documents.iter().map(|d| (d.id.as_str(), d.date_span())).collect();
    let mut findings = Vec::new();
    for e in events.iter_mut() {
        for m in &e.mentions {
            let (Some(d), Some(Some(ds))) =
                (m.date.as_ref().map(|d| d.span), doc_spans.get(m.document.as_str()))
            else {
                continue;
            };
            if d.lo > ds.hi {
                findings.push(Finding {
                    kind: FindingKind::DateAfterDocument,
                    severity: Severity::Error,
                    events: vec![e.id.clone()],
                    message: format!(
                        "{} is dated {} but its article {} is of {}: \"{}\"",
                        e.title,
                        d.earliest_str(),
                        m.document,
                        ds.latest_str(),
                        m.quote
                    ),
                });
                if !e.flags.contains(&Flag::DateAfterDocument) {
                    e.flags.push(Flag::DateAfterDocument);
                }
            }
        }
        if let Some(d) = &e.date {
            if d.resolution == Resolution::Inferred {
                findings.push(Finding {
                    kind: FindingKind::InferredReference,
                    severity: Severity::Warning,
                    events: vec![e.id.clone()],
                    message: format!(
                        "{}: {} resolved against a reference day inferred from the corpus: {}",
                        e.title,
                        d.earliest(),
                        d.evidence
                    ),
                });
                e.flags.push(Flag::InferredDate);
            }
            if e.source_count == 1 {
                findings.push(Finding {
                    kind: FindingKind::SingleSource,
                    severity: Severity::Info,
                    events: vec![e.id.clone()],
                    message: format!("{}: reported by {} only", e.title, e.sources[0]),
                });
            }
        }
    }
    disagreements(events, &mut findings);
    for e in events.iter() {
        let borrowed = e.mentions.iter().filter(|m| m.date.is_none() && !m.supporting).count();
        let dated_sources: BTreeSet<&str> =
            e.mentions.iter().filter(|m| m.date.is_some()).map(|m| m.document.as_str()).collect();
        if e.date.is_some() && borrowed > 0 && dated_sources.len() == 1 && e.source_count > 1 {
            findings.push(Finding {
                kind: FindingKind::DateFromMerge,
                severity: Severity::Info,
                events: vec![e.id.clone()],
                message: format!(
                    "{}: {borrowed} of its reports give no date and take the date of {}",
                    e.title,
                    dated_sources.iter().next().unwrap_or(&"")
                ),
            });
        }
    }
    crate::model::Finding::sort(&mut findings);
    findings
}

/// Events of one action and one named participant whose dates do not meet
/// (sources that disagree, or two happenings to tell apart), and events of
/// one action on one day from different sources (perhaps one happening).
/// Only neighbours within each group are compared, so this is linear.
fn disagreements(events: &mut [Event], findings: &mut Vec<Finding>) {
    let mut groups: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    let mut days: BTreeMap<(String, chrono::NaiveDate), Vec<usize>> = BTreeMap::new();
    for (i, e) in events.iter().enumerate() {
        let Some(s) = e.date.as_ref().map(|d| d.span) else { continue };
        let action = e.mentions.first().map(|m| m.action.clone()).unwrap_or_default();
        let mut keys: BTreeSet<String> = BTreeSet::new();
        for m in e.mentions.iter().filter(|m| !m.supporting) {
            for p in [m.actor.as_deref(), m.target.as_deref()]
                .into_iter()
                .flatten()
                .filter(|p| is_proper(p))
            {
                keys.insert(key_name(p));
            }
        }
        for k in keys {
            groups.entry((action.clone(), k)).or_default().push(i);
        }
        if s.lo == s.hi && action != "statement" {
            days.entry((action, s.lo)).or_default().push(i);
        }
    }
    let span_of = |e: &Event| e.date.as_ref().map(|d| d.span);
    let mut disputed = BTreeSet::new();
    for ((action, who), mut list) in groups {
        list.sort_by_key(|&i| span_of(&events[i]).map(|s| (s.lo, s.hi)));
        for w in list.windows(2) {
            let (a, b) = (&events[w[0]], &events[w[1]]);
            let (Some(sa), Some(sb)) = (span_of(a), span_of(b)) else { continue };
            if !sa.overlaps(&sb) && a.sources != b.sources && (sb.lo - sa.hi).num_days() < 60 {
                findings.push(Finding {
                    kind: FindingKind::SourcesDisagree,
                    severity: Severity::Warning,
                    events: vec![a.id.clone(), b.id.clone()],
                    message: format!(
                        "{action} with {who}: {} says {}..{}, {} says {}..{}: \"{}\" / \"{}\"",
                        a.sources.join(", "),
                        sa.earliest_str(),
                        sa.latest_str(),
                        b.sources.join(", "),
                        sb.earliest_str(),
                        sb.latest_str(),
                        a.mentions[0].quote,
                        b.mentions[0].quote
                    ),
                });
                disputed.insert(w[0]);
                disputed.insert(w[1]);
            }
        }
    }
    for ((action, day), list) in days {
        for w in list.windows(2) {
            let (a, b) = (&events[w[0]], &events[w[1]]);
            if a.sources != b.sources {
                findings.push(Finding {
                    kind: FindingKind::MaybeSameEvent,
                    severity: Severity::Info,
                    events: vec![a.id.clone(), b.id.clone()],
                    message: format!(
                        "two {action} events on {day} from different sources: \"{}\" / \"{}\"",
                        a.title, b.title
                    ),
                });
            }
        }
    }
    for i in disputed {
        if !events[i].flags.contains(&Flag::Disputed) {
            events[i].flags.push(Flag::Disputed);
        }
    }
}

pub mod entities;
pub mod names;
pub mod salience;
#[cfg(test)]
mod tests;

/// Which events to keep: `build --from/--to/--min-sources/--type/--entity`.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Keep events whose date interval reaches this day or later (undated
    /// events are dropped when set). Default: no bound.
    pub from: Option<chrono::NaiveDate>,
    /// Keep events whose date interval starts on or before this day.
    /// Default: no bound.
    pub to: Option<chrono::NaiveDate>,
    /// Keep events reported by at least this many documents. Default 0.
    pub min_sources: usize,
    /// Keep only these types; empty keeps all. Default empty.
    pub types: Vec<EventType>,
    /// Keep only events in which this actor or target takes part, matched
    /// by name similarity, so "Marenco" finds "Marenko". Default: none.
    pub entity: Option<String>,
    /// Keep only the events of this many days, the most reported
    /// ([`salience::days`]); events not dated to one day are dropped.
    /// Default: every day.
    pub days: Option<usize>,
    /// Keep at most this many events of each day, the most salient.
    /// Default: all.
    pub per_day: Option<usize>,
    /// Then keep only this many events, the most salient
    /// ([`salience`]). Default: all.
    pub top: Option<usize>,
    /// Keep only events whose date a text gives: the undated and those
    /// only bounded by their article (resolution `document`, "by Jan
    /// 2022") are left out. Default false.
    pub text_dates: bool,
}

impl Filter {
    /// Whether the event passes every condition.
    #[must_use]
    pub fn keeps(&self, e: &Event) -> bool {
        self.keeps_naming(e, &BTreeSet::new())
    }

    /// [`Filter::keeps`], where an event also takes part in the
    /// `--entity` timeline when it names one of the entities `chosen`
    /// (their ids: [`entities::matching`] of the entity asked for).
    #[must_use]
    pub fn keeps_naming(&self, e: &Event, chosen: &BTreeSet<String>) -> bool {
        let span = e.date.as_ref().map(|d| d.span);
        if self.from.is_some() || self.to.is_some() {
            let Some(s) = span else { return false };
            if self.from.is_some_and(|f| s.hi < f) || self.to.is_some_and(|t| s.lo > t) {
                return false;
            }
        }
        if e.source_count < self.min_sources {
            return false;
        }
        if self.text_dates && e.date.as_ref().is_none_or(|d| d.resolution == Resolution::Document) {
            return false;
        }
        if !self.types.is_empty() && !self.types.contains(&e.event_type) {
            return false;
        }
        if let Some(name) = &self.entity {
            let phrases = e
                .mentions
                .iter()
                .flat_map(|m| [m.actor.as_deref(), m.target.as_deref(), m.place.as_deref()])
                .flatten();
            let found = e.entities.iter().any(|id| chosen.contains(id))
                || phrases
                    .chain(e.participants.iter().map(String::as_str))
                    .any(|p| names::names(name, p, NAME_SIMILARITY));
            if !found {
                return false;
            }
        }
        true
    }
}

/// Keep the events `filter` keeps, and the findings about them.
#[must_use]
pub fn filter(mut t: Timeline, filter: &Filter) -> Timeline {
    let chosen: BTreeSet<String> = filter.entity.as_deref().map_or_else(BTreeSet::new, |name| {
        entities::matching(&t.entities, name).into_iter().map(|x| x.id.clone()).collect()
    });
    t.events.retain(|e| filter.keeps_naming(e, &chosen));
    if filter.days.is_some() || filter.per_day.is_some() {
        let days = salience::days(&t.events);
        // events of no single day stay unless days are chosen
        let mut keep: Vec<bool> = t
            .events
            .iter()
            .map(|e| filter.days.is_none() && salience::day_of(e).is_none())
            .collect();
        for d in days.iter().take(filter.days.unwrap_or(usize::MAX)) {
            for &i in d.events.iter().take(filter.per_day.unwrap_or(usize::MAX)) {
                keep[i] = true;
            }
        }
        let mut keep = keep.into_iter();
        t.events.retain(|_| keep.next().unwrap_or(false));
    }
    if let Some(k) = filter.top.filter(|&k| k < t.events.len()) {
        let keep: BTreeSet<String> = salience::ranking(&t.events)
            .into_iter()
            .take(k)
            .map(|i| t.events[i].id.clone())
            .collect();
        t.events.retain(|e| keep.contains(&e.id));
    }
    let kept: BTreeSet<&str> = t.events.iter().map(|e| e.id.as_str()).collect();
    t.findings.retain(|f| f.events.iter().all(|id| kept.contains(id.as_str())));
    // no edge points at an event the file no longer holds
    t.edges.retain(|e| kept.contains(e.before.as_str()) && kept.contains(e.after.as_str()));
    entities::keep_named(&mut t);
    t
}
