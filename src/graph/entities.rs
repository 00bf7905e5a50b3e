//! Entities: the people, organizations and places a timeline's events
//! name, one per real thing across the corpus.
//!
//! **Names.** Each mention's participant phrases (actor, target, place)
//! are read with the backbone's tagger: a name is the run of proper nouns
//! at the phrase's head ("the Collective Security Treaty Organization"),
//! or before a possessive ("Russia's troops" names Russia), with inner
//! connectors ("Bank of America"). A leading title ("President", "Foreign
//! Minister", "Mr.") is left out of the name and says it is a person; a
//! run that ends in a title ("Kazakh President") is a role, not a name.
//!
//! **One entity per real thing.** Spellings are compared as the words of
//! [`names`](super::names) (lower case, possessives, determiners and company forms
//! dropped): two names of several words are one entity when their last
//! words are the same word or a misspelling of it and the words of the
//! shorter are among the longer's ("George Bush", "George W. Bush";
//! "N.Nazarbayev", "Nursultan Nazarbayev"), never by the last word alone
//! ("Singapore Airlines" is not "China Eastern Airlines"). A lone word is
//! the person whose surname it is when exactly one such person is named
//! ("Tokayev", "Kassym-Jomart Tokayev"), or a misspelling of another lone
//! word ("Tokaev"). An acronym is the one name whose initials it spells
//! ("CSTO").
//!
//! **Heads.** "The company" is the organization its article named last,
//! and a head written as a name ("the Ministry said") the organization of
//! that head ("the Interior Ministry").
//!
//! **Types** are votes: a title says person; a word such as
//! "Organization", "Ministry", "Party" or "Airlines" says organization;
//! being an event's place, or a word such as "Square" or "Airport", says
//! place; an acronym leans to organization; a name of several words that
//! speaks leans to person, and so does a lone word that begins or ends
//! more people's full names than other names ("Liu" when "Liu Jianchao"
//! and "Liu Dan" are named). No vote: `other`.
//!
//! Complexity: one tagging of each distinct participant phrase, then
//! near-linear grouping (names are compared within blocks that share the
//! start or the end of their last word).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use super::names::{acronym, initials, same_word, words as name_words};
use super::NAME_SIMILARITY;
use crate::language::ENGLISH;
use crate::model::{Entity, EntityKind, Event, EventType, Timeline};

/// Whether `word` is a title ([`crate::language::Language::is_title`]).
fn is_title(word: &str) -> bool {
    ENGLISH.is_title(&bare(word))
}

/// A word for a person's role: a role or a title of the language layer
/// ([`crate::language`]), or a word for a
/// profession in "-ist" ("economist", "analyst", "sinologist").
fn is_role(word: &str) -> bool {
    let w = bare(word);
    ENGLISH.is_role(w.as_str())
        || ENGLISH.is_title(w.as_str())
        || w.len() > 5 && w.ends_with("ist") && w.chars().all(char::is_alphabetic)
}

/// Which slot of a mention a phrase fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Actor,
    Target,
    Place,
}

/// A name found in a participant phrase, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Found {
    text: String,
    titled: bool,
}

/// The words of a phrase as the tagger expects them: punctuation around
/// words dropped, "'s" split off, "N.Nazarbayev" split after the initial.
fn tokens(phrase: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in phrase.split_whitespace() {
        let w = w.trim_matches(|c: char| {
            matches!(c, ',' | ';' | ':' | '!' | '?' | '"' | '“' | '”' | '(' | ')' | '[' | ']')
        });
        if w.is_empty() {
            continue;
        }
        let (base, possessive) = match w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")) {
            Some(b) if !b.is_empty() => (b, true),
            _ => match w.strip_suffix('\'').or_else(|| w.strip_suffix('’')) {
                Some(b) if b.ends_with('s') && b.len() > 1 => (b, true),
                _ => (w, false),
            },
        };
        // an initial glued to the name: "N.Nazarbayev"
        let b = base.as_bytes();
        if b.len() > 3 && b[0].is_ascii_uppercase() && b[1] == b'.' && b[2].is_ascii_uppercase() {
            out.push(base[..2].to_string());
            out.push(base[2..].to_string());
        } else {
            out.push(base.to_string());
        }
        if possessive {
            out.push("'s".to_string());
        }
    }
    out
}

fn has_upper(w: &str) -> bool {
    w.chars().any(char::is_uppercase)
}

fn bare(w: &str) -> String {
    w.trim_end_matches('.').to_lowercase()
}

/// The names of one participant phrase: the one at its head and those
/// before a possessive. `opening` is the start of the sentence when the
/// phrase opens it: its first word's capital may then be the sentence's.
fn names_in(phrase: &str, opening: Option<&[&str]>) -> Vec<Found> {
    let mut words = tokens(phrase);
    // "the Higher People's Court", "the Women's Union": a possessive of
    // such words before a capital is inside one name
    for k in (1..words.len().saturating_sub(1)).rev() {
        if words[k] == "'s"
            && has_upper(&words[k - 1])
            && has_upper(&words[k + 1])
            && ENGLISH.name_possessors.contains(&bare(&words[k - 1]).as_str())
        {
            words.remove(k);
            words[k - 1].push_str("'s");
        }
    }
    if words.is_empty() || !words.iter().any(|w| has_upper(w)) {
        return Vec::new();
    }
    let forms: Vec<&str> = words.iter().map(String::as_str).collect();
    // a capital inside the phrase marks a name's word ("the Collective
    // Security Treaty Organization")
    let capital: Vec<bool> = forms.iter().map(|w| has_upper(w)).collect();
    let inner =
        |k: usize| capital[k] && !ENGLISH.name_connectors.contains(&bare(forms[k]).as_str());
    // a lone capitalised word that opens its sentence ("Heavy shooting",
    // "Observers said", "Ryanair's shares"): the tagger reads the
    // sentence's first words
    let first_proper = capital[0]
        && match opening {
            // read in its sentence, even before another name: "Beleaguered
            // Louisiana", but "General Motors"
            Some(o) => acronym(forms[0]).is_some() || proper_opening(o),
            None => true,
        };
    let proper: Vec<bool> =
        (0..forms.len()).map(|k| if k == 0 { first_proper } else { inner(k) }).collect();
    let mut out = Vec::new();
    let run_before = |end: usize, out: &mut Vec<Found>| {
        if end == 0 || !proper[end - 1] {
            return;
        }
        let mut start = end - 1;
        while start > 0
            && (proper[start - 1]
                // a small word inside a name is written small: "Bank of
                // the West", but "Reuters The White House" is two names
                || start >= 2
                    && ENGLISH.name_connectors.contains(&bare(forms[start - 1]).as_str())
                    && !has_upper(forms[start - 1])
                    && proper[start - 2])
        {
            start -= 1;
        }
        // a role, not a name: "Kazakh President"
        if is_title(forms[end - 1]) {
            return;
        }
        // a title and what qualifies it stand before the name: "Foreign
        // Minister Wang Yi", "Russian President Vladimir Putin", "Mr. Smith"
        let titled = match (start..end - 1).rev().find(|&k| is_title(forms[k])) {
            Some(k) => {
                start = k + 1;
                // a title of two words: "Secretary General Kofi Annan"
                // (a role word alone may open a name: "General Motors")
                while start + 1 < end && is_role(forms[start]) {
                    start += 1;
                }
                true
            }
            None => false,
        };
        let after_title = start;
        while start < end && ENGLISH.name_connectors.contains(&bare(forms[start]).as_str()) {
            start += 1;
        }
        // "Secretary of State Antony Blinken": what the title's "of" names
        // is the office's, not the name's (a name keeps one word at least)
        if titled && start > after_title {
            while start + 1 < end
                && (ENGLISH.portfolios.contains(&bare(forms[start]).as_str())
                    || ENGLISH.name_connectors.contains(&bare(forms[start]).as_str()))
            {
                start += 1;
            }
        }
        // "chief executive Michael O'Leary", "economist Jane Doe"
        let mut titled = titled || start > 0 && is_role(forms[start - 1]);
        // the end of an office whose title the clause cut off: "(Assistant
        // Secretary for) Central Asian Affairs Richard Boucher"; a name of
        // two or three words follows it, no organization's
        if let Some(j) = (start..end).rev().find(|&k| bare(forms[k]) == "affairs") {
            let rest = &forms[j + 1..end];
            let organization = rest.iter().any(|w| {
                let w = bare(w);
                ENGLISH.organization_words.contains(&w.as_str())
                    || ENGLISH.place_words.contains(&w.as_str())
            });
            if (2..=3).contains(&rest.len()) && !organization {
                start = j + 1;
                titled = true;
            }
        }
        // "Wednesday", "January": a date the parse took for a participant,
        // or ran into a name ("December Barack Obama")
        while start < end && ENGLISH.calendar_names.contains(&bare(forms[start]).as_str()) {
            start += 1;
        }
        if start < end {
            out.push(Found { text: forms[start..end].join(" "), titled });
        }
    };
    let last = if forms.last() == Some(&"'s") { forms.len() - 1 } else { forms.len() };
    run_before(last, &mut out);
    for (k, _) in forms.iter().enumerate().take(last).skip(1).filter(|(_, w)| **w == "'s") {
        run_before(k, &mut out);
    }
    out
}

/// Whether the first of a sentence's words is a proper noun there (without
/// the model, a capital that opens a sentence says nothing).
fn proper_opening(words: &[&str]) -> bool {
    crate::nlp::Model::embedded().is_ok_and(|model| model.opens_with_proper_noun(words))
}

/// The words a phrase's first capital is read in: the first words of a
/// mention's quote when it opens with `phrase`; the phrase and then the
/// quote when the quote does not hold the phrase at all (a subject before
/// the clause the quote keeps: "Part of the family | have left the
/// country"), which may open its sentence as well. `None` for a phrase
/// inside the quote, past its first word: a capital there is a name's.
fn opening_of<'a>(quote: &'a str, phrase: &'a str) -> Option<Vec<&'a str>> {
    let first = phrase.split_whitespace().next()?;
    let clean = |w: &'a str| w.trim_end_matches([',', '.', ';', ':']);
    if quote.split_whitespace().next()? == first {
        return Some(quote.split_whitespace().take(8).map(clean).collect());
    }
    (!quote.contains(phrase)).then(|| {
        phrase.split_whitespace().chain(quote.split_whitespace()).take(8).map(clean).collect()
    })
}

/// The comparison key of a name, and its words.
fn key_of(text: &str) -> (String, Vec<String>) {
    // "Kassym-Jomart" and "Kassym Jomart" are written both ways
    let ws: Vec<String> = name_words(text)
        .into_iter()
        .flat_map(|(w, _)| {
            w.split('-').filter(|p| !p.is_empty()).map(String::from).collect::<Vec<_>>()
        })
        .collect();
    (ws.join(" "), ws)
}

/// What is known of one distinct name.
#[derive(Debug, Default)]
struct Name {
    words: Vec<String>,
    acronym: bool,
    /// The words are a country's name ([`crate::language::Language::countries`]).
    country: bool,
    /// The words hold an "and" ("Procter and Gamble", or two people
    /// written as one: "Chen and Zhang"): not one person's full name, so
    /// no lone surname joins it.
    joined: bool,
    /// Spellings as written, with how often.
    spellings: BTreeMap<String, usize>,
    mentions: usize,
    votes: [u32; 4],
}

fn vote(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Place => 2,
        EntityKind::Other => 3,
    }
}

impl Name {
    fn person(&self) -> bool {
        let v = &self.votes;
        v[0] > 0 && v[0] >= v[1] && v[0] >= v[2]
    }

    /// A name first seen written as `text`, of the words `words` (its key's).
    fn new(text: &str, words: Vec<String>) -> Name {
        Name {
            acronym: words.len() == 1 && acronym(text).is_some(),
            country: ENGLISH.countries.contains(&words.join(" ").as_str()),
            joined: words.iter().any(|w| w == "and" || w == "&"),
            words,
            ..Name::default()
        }
    }

    fn add_votes(&mut self, found: &Found, slot: Slot, speaks: bool) {
        let words = &self.words;
        if found.titled {
            self.votes[vote(EntityKind::Person)] += 3;
        }
        // a company form, which the words leave out: "Apple Inc."
        let company_form = found.text.split_whitespace().count() > 1
            && found.text.split_whitespace().last().is_some_and(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
                ENGLISH.company_forms.contains(&w.as_str())
            });
        if company_form || words.iter().any(|w| ENGLISH.organization_words.contains(&w.as_str())) {
            self.votes[vote(EntityKind::Organization)] += 3;
        }
        if words.iter().any(|w| ENGLISH.place_words.contains(&w.as_str())) {
            self.votes[vote(EntityKind::Place)] += 2;
        }
        // a country is a place, whatever a model guesses of its letters
        if self.country {
            self.votes[vote(EntityKind::Place)] += 4;
        }
        if slot == Slot::Place {
            self.votes[vote(EntityKind::Place)] += 2;
        }
        if self.acronym {
            self.votes[vote(EntityKind::Organization)] += 1;
        }
        // "N. Nazarbayev": an initial and a surname
        if words.len() >= 2 && words[0].chars().count() == 1 {
            self.votes[vote(EntityKind::Person)] += 2;
        }
        if speaks && slot == Slot::Actor && words.len() >= 2 && !self.acronym {
            self.votes[vote(EntityKind::Person)] += 1;
        }
    }

    /// The learned model's vote: two for a type it is sure of (p >= 0.6),
    /// one for a likely one.
    fn add_learned(&mut self, found: &Found) {
        if let Some((kind, p)) = TypeModel::embedded().predict(found) {
            if p >= 0.4 {
                self.votes[vote(kind)] += if p >= 0.6 { 2 } else { 1 };
            }
        }
    }

    fn kind(&self) -> EntityKind {
        let order = [EntityKind::Person, EntityKind::Organization, EntityKind::Place];
        let best =
            order.into_iter().max_by_key(|&k| (self.votes[vote(k)], std::cmp::Reverse(vote(k))));
        best.filter(|&k| self.votes[vote(k)] > 0).unwrap_or(EntityKind::Other)
    }
}

/// A lone word that begins or ends more people's full names than other
/// names ("Liu" of "Liu Jianchao" and "Liu Dan", "Song" of "Song Min-soon":
/// a family name written first) leans to person: one vote, which a
/// title, a country or the model's guess outweighs ("Europe" stays a
/// place though a bad parse names "Europe Douglas Alexander").
fn person_words_vote(names: &mut [Name], words_alone: &[usize]) {
    let mut tally: HashMap<&str, (u32, u32)> = HashMap::new();
    for n in names.iter().filter(|n| (2..=4).contains(&n.words.len()) && !n.joined) {
        let person = n.person();
        let (first, last) = (&n.words[0], &n.words[n.words.len() - 1]);
        for w in std::iter::once(first).chain((last != first).then_some(last)) {
            let t = tally.entry(w.as_str()).or_default();
            if person {
                t.0 += 1;
            } else {
                t.1 += 1;
            }
        }
    }
    let leaning: Vec<usize> = words_alone
        .iter()
        .copied()
        .filter(|&i| !names[i].country)
        .filter(|&i| tally.get(names[i].words[0].as_str()).is_some_and(|&(p, o)| p > o))
        .collect();
    for i in leaning {
        names[i].votes[vote(EntityKind::Person)] += 1;
    }
}

/// Union-find over name indices; a group's root is its best-ranked name
/// (the most mentioned).
fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], rank: &[usize], total: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        let (keep, join) = if rank[ra] <= rank[rb] { (ra, rb) } else { (rb, ra) };
        parent[join] = keep;
        total[keep] += total[join];
    }
}

/// A lone word as a misspelling of another: [`same_word`], for words of
/// six letters or more ("Tokaev"; "Brown" is no "Browne").
fn misspelt(a: &str, b: &str) -> bool {
    a != b && a.chars().count().min(b.chars().count()) >= 6 && same_word(a, b, NAME_SIMILARITY)
}

/// How many times more mentions one full name needs than any other with
/// the same surname for the surname alone to be read as it.
const DOMINANT: usize = 4;

/// Whether a name written `a` times is at most half as often written as
/// a group of `b` mentions: what a misspelling of it would be.
fn rarer(a: usize, b: usize) -> bool {
    a * 2 <= b
}

/// Whether every word of the shorter list is among the longer's (an
/// initial stands for a word it starts: "n" for "nursultan").
fn words_within(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    !short.is_empty()
        && short.iter().all(|w| {
            long.iter().any(|x| {
                same_word(x, w, NAME_SIMILARITY)
                    || w.chars().count() == 1 && x.starts_with(w.as_str())
                    || x.chars().count() == 1 && w.starts_with(x.as_str())
            })
        })
}

fn block_keys(last: &str) -> [String; 2] {
    let chars: Vec<char> = last.chars().collect();
    let n = chars.len();
    [
        format!("<{}", chars[..n.min(3)].iter().collect::<String>()),
        format!(">{}", chars[n.saturating_sub(3)..].iter().collect::<String>()),
    ]
}

fn slug(name: &str) -> String {
    let mut s = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            s.push(c);
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
    }
    let s = s.trim_end_matches('-');
    let s: String = s.chars().take(48).collect();
    format!("ent-{}", if s.is_empty() { "name" } else { s.trim_end_matches('-') })
}

/// The names (then the entities) one mention holds, ascending: rarely more
/// than four, so kept inline; a set per mention of a large corpus is most
/// of what reading its entities takes.
type Held = smallvec::SmallVec<[u32; 4]>;

/// Add `i` to `set`, kept ascending and without repeats.
fn hold(set: &mut Held, i: usize) {
    let i = u32::try_from(i).expect("fewer than 2^32 names");
    if let Err(at) = set.binary_search(&i) {
        set.insert(at, i);
    }
}

/// Find the entities the events name, group them into one per real thing,
/// and point every event at its entities ([`Event::entities`]).
pub fn gather(events: &mut [Event]) -> Vec<Entity> {
    let mut cache: HashMap<String, Vec<Found>> = HashMap::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut names: Vec<Name> = Vec::new();
    // the first words of names read inside their sentences: such a word
    // opening a sentence is a name there too ("Moscow called for ..."),
    // which the tagger, reading the sentence's first capital, may doubt
    let mut inside: BTreeSet<String> = BTreeSet::new();
    for m in events.iter().flat_map(|e| &e.mentions) {
        for phrase in
            [m.actor.as_deref(), m.target.as_deref(), m.place.as_deref()].into_iter().flatten()
        {
            if opening_of(&m.quote, phrase).is_none() {
                let found =
                    cache.entry(phrase.to_string()).or_insert_with(|| names_in(phrase, None));
                inside.extend(
                    found
                        .iter()
                        .filter_map(|f| f.text.split_whitespace().next())
                        .map(str::to_lowercase),
                );
            }
        }
    }
    // per event, per mention: the names it holds
    let mut named: Vec<Vec<Held>> = Vec::with_capacity(events.len());
    for e in events.iter() {
        let speaks = e.event_type == EventType::Statement;
        let mut per_event = Vec::with_capacity(e.mentions.len());
        for m in &e.mentions {
            let mut held = Held::new();
            let slots = [
                (Slot::Actor, m.actor.as_deref()),
                (Slot::Target, m.target.as_deref()),
                (Slot::Place, m.place.as_deref()),
            ];
            for (slot, phrase) in slots {
                let Some(phrase) = phrase else { continue };
                // a phrase that opens its quote is read with the words
                // after it; elsewhere on its own
                let opening = opening_of(&m.quote, phrase).filter(|_| {
                    let first = phrase.split_whitespace().next().unwrap_or_default();
                    !inside.contains(&first.to_lowercase())
                });
                let key = match &opening {
                    Some(o) => format!("{phrase}\u{1}{}", o.join(" ")),
                    None => phrase.to_string(),
                };
                let found =
                    cache.entry(key).or_insert_with(|| names_in(phrase, opening.as_deref()));
                for f in found.iter() {
                    let (key, words) = key_of(&f.text);
                    if key.is_empty() {
                        continue;
                    }
                    let i = *index.entry(key).or_insert_with(|| {
                        names.push(Name::new(&f.text, words));
                        names.len() - 1
                    });
                    let n = &mut names[i];
                    if n.spellings.is_empty() {
                        n.add_learned(f);
                    }
                    *n.spellings.entry(f.text.clone()).or_default() += 1;
                    n.add_votes(f, slot, speaks);
                    hold(&mut held, i);
                }
            }
            for &i in &held {
                names[i as usize].mentions += 1;
            }
            per_event.push(held);
        }
        named.push(per_event);
    }
    if names.is_empty() {
        return Vec::new();
    }
    // the most mentioned names first: they root their groups
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by(|&a, &b| {
        (std::cmp::Reverse(names[a].mentions), &names[a].words)
            .cmp(&(std::cmp::Reverse(names[b].mentions), &names[b].words))
    });
    let mut rank = vec![0; names.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    let mut parent: Vec<usize> = (0..names.len()).collect();
    // mentions per group, at its root
    let mut total: Vec<usize> = names.iter().map(|n| n.mentions).collect();
    let last = |n: &Name| n.words.last().cloned().unwrap_or_default();
    // names of several words, then lone words, compared within blocks
    let mut blocks: HashMap<String, Vec<usize>> = HashMap::new();
    for &i in order.iter().filter(|&&i| names[i].words.len() >= 2) {
        let mut candidates: BTreeSet<usize> = BTreeSet::new();
        for b in block_keys(&last(&names[i])) {
            candidates.extend(blocks.get(&b).into_iter().flatten().copied());
        }
        for j in candidates {
            let (a, b) = (&names[i], &names[j]);
            let (ra, rb) = (&a.words[..a.words.len() - 1], &b.words[..b.words.len() - 1]);
            // the shorter's words among the longer's, or one first name
            // and surname with other middle names ("Kassym-Jomart",
            // "Kassym-Zhomart")
            let same_person = a.person()
                && b.person()
                && ra.len() >= 2
                && rb.len() >= 2
                && same_word(&ra[0], &rb[0], NAME_SIMILARITY);
            if same_word(&last(a), &last(b), NAME_SIMILARITY)
                && (words_within(ra, rb) || same_person)
            {
                union(&mut parent, &rank, &mut total, j, i);
            }
        }
        for b in block_keys(&last(&names[i])) {
            blocks.entry(b).or_default().push(i);
        }
    }
    let mut by_initials: HashMap<String, BTreeSet<usize>> = HashMap::new();
    for &i in order.iter().filter(|&&i| names[i].words.len() >= 2) {
        let ws: Vec<(String, bool)> = names[i].words.iter().map(|w| (w.clone(), true)).collect();
        by_initials.entry(initials(&ws)).or_default().insert(i);
    }
    // acronyms: the one name whose initials they spell
    let lone: Vec<usize> = order.iter().copied().filter(|&i| names[i].words.len() == 1).collect();
    for &i in lone.iter().filter(|&&i| names[i].acronym) {
        let word = last(&names[i]);
        let roots: BTreeSet<usize> =
            by_initials.get(&word).into_iter().flatten().map(|&j| find(&mut parent, j)).collect();
        if roots.len() == 1 {
            let j = *roots.iter().next().expect("one");
            union(&mut parent, &rank, &mut total, j, i);
        }
    }
    // lone words: the surname of exactly one person named in full,
    // spelt the same first ("Nazarbayev" is not "Dariga Nazarbayeva" when
    // "N. Nazarbayev" is named too), then as a rarer misspelling
    let words_alone: Vec<usize> = lone.iter().copied().filter(|&i| !names[i].acronym).collect();
    let mut attached = vec![false; names.len()];
    for exact in [true, false] {
        for &i in &words_alone {
            if attached[i] {
                continue;
            }
            let word = last(&names[i]);
            let mut people = BTreeSet::new();
            for b in block_keys(&word) {
                for &j in blocks.get(&b).into_iter().flatten() {
                    let other = last(&names[j]);
                    let r = find(&mut parent, j);
                    let alike = if exact {
                        other == word
                    } else {
                        rarer(names[i].mentions, total[r]) && misspelt(&word, &other)
                    };
                    let kind = names[r].kind();
                    // a surname is never the last word of two people
                    // written as one ("Chen and Zhang")
                    if alike
                        && !names[r].joined
                        && !names[j].joined
                        && (names[r].person() || names[j].person() || kind == EntityKind::Other)
                    {
                        people.insert(r);
                    }
                }
            }
            // one person, or one far more written of about than the
            // others ("Obama": Barack, not Michelle; "Bush" stays apart
            // when George and Jeb are both in the news)
            let mut by_total: Vec<usize> = people.into_iter().collect();
            by_total.sort_by_key(|&r| (std::cmp::Reverse(total[r]), rank[r]));
            let dominant = match by_total.as_slice() {
                [one] => Some(*one),
                [first, second, ..] if total[*first] >= DOMINANT * total[*second] => Some(*first),
                _ => None,
            };
            if let Some(j) = dominant {
                union(&mut parent, &rank, &mut total, j, i);
                attached[i] = true;
            }
        }
    }
    // a rarer misspelling of another lone word ("Tokaev", "Tokayev"),
    // never a chain of them ("Brown", "Browne", "Browner")
    let mut lone_blocks: HashMap<String, Vec<usize>> = HashMap::new();
    for &i in &words_alone {
        for b in block_keys(&last(&names[i])) {
            lone_blocks.entry(b).or_default().push(i);
        }
    }
    for &i in words_alone.iter().filter(|&&i| !attached[i]) {
        let word = last(&names[i]);
        let mut candidates: BTreeSet<usize> = BTreeSet::new();
        for b in block_keys(&word) {
            candidates.extend(lone_blocks.get(&b).into_iter().flatten().copied());
        }
        // the most written first
        let best = candidates
            .into_iter()
            .filter(|&j| j != i && misspelt(&word, &last(&names[j])))
            .map(|j| (find(&mut parent, j), j))
            .filter(|&(r, _)| rarer(names[i].mentions, total[r]))
            .min_by_key(|&(r, j)| (rank[r], rank[j]));
        if let Some((r, _)) = best {
            union(&mut parent, &rank, &mut total, r, i);
        }
    }
    person_words_vote(&mut names, &words_alone);
    // the groups, keyed by their root name
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..names.len() {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut entity_of = vec![usize::MAX; names.len()];
    let mut built: Vec<(Entity, Vec<usize>)> = Vec::new();
    for members in groups.values() {
        let mut spellings: BTreeMap<&str, usize> = BTreeMap::new();
        let mut votes = [0u32; 4];
        for &i in members {
            for (s, c) in &names[i].spellings {
                *spellings.entry(s.as_str()).or_default() += c;
            }
            for (v, x) in votes.iter_mut().zip(names[i].votes) {
                *v += x;
            }
        }
        // the fullest name: most words (an acronym last), then most written
        let name = spellings
            .iter()
            .max_by_key(|&(s, &c)| {
                // the most written full name ("Barack Obama", not the
                // "December Barack Obama" of a bad parse), else the most
                // written name, an acronym last
                let words = name_words(s).iter().filter(|(w, _)| w.chars().count() > 1).count();
                (acronym(s).is_none(), words >= 2, c, words, std::cmp::Reverse(*s))
            })
            .map(|(s, _)| (*s).to_string())
            .unwrap_or_default();
        let aliases: Vec<String> =
            spellings.keys().filter(|s| **s != name).map(|s| (*s).to_string()).collect();
        let kind = Name { votes, ..Name::default() }.kind();
        for &i in members {
            entity_of[i] = built.len();
        }
        built.push((
            Entity { id: String::new(), name, kind, aliases, mention_count: 0, event_count: 0 },
            members.clone(),
        ));
    }
    // each mention's entities, with "the company" read as the company
    // its article named last
    let mut held: Vec<Vec<Held>> = named
        .into_iter()
        .map(|ms| {
            ms.into_iter()
                .map(|h| {
                    let mut out = Held::new();
                    for i in h {
                        hold(&mut out, entity_of[i as usize]);
                    }
                    out
                })
                .collect()
        })
        .collect();
    let kinds: Vec<EntityKind> = built.iter().map(|(x, _)| x.kind).collect();
    let order = reading_order(events);
    resolve_descriptions(events, &order, &mut held, &kinds);
    let words: Vec<Vec<String>> = built.iter().map(|(x, _)| key_of(&x.name).1).collect();
    resolve_heads(&order, &mut held, &words);
    resolve_first_names(&order, &mut held, &words, &kinds);
    // counts, and each event's entities
    let mut per_event: Vec<BTreeSet<usize>> = Vec::with_capacity(events.len());
    for mentions in &held {
        let mut all = BTreeSet::new();
        for ents in mentions {
            for &k in ents {
                built[k as usize].0.mention_count += 1;
            }
            all.extend(ents.iter().map(|&k| k as usize));
        }
        for &k in &all {
            built[k].0.event_count += 1;
        }
        per_event.push(all);
    }
    // most mentioned first; ids from names, unique
    let mut sorted: Vec<usize> = (0..built.len()).collect();
    sorted.sort_by(|&a, &b| {
        let (x, y) = (&built[a].0, &built[b].0);
        (std::cmp::Reverse(x.mention_count), &x.name)
            .cmp(&(std::cmp::Reverse(y.mention_count), &y.name))
    });
    // a head read as its article's organization may be left with none
    sorted.retain(|&k| built[k].0.mention_count > 0);
    let mut seen = BTreeSet::new();
    for &k in &sorted {
        let id = crate::extract::unique_id(&slug(&built[k].0.name), &mut seen);
        built[k].0.id = id;
    }
    for (e, ents) in events.iter_mut().zip(&per_event) {
        let mut ids: Vec<String> = ents.iter().map(|&k| built[k].0.id.clone()).collect();
        ids.sort();
        e.entities = ids;
    }
    sorted.into_iter().map(|k| built[k].0.clone()).collect()
}

/// Whether a participant phrase is a definite description of an
/// organization ("the company", "the German carmaker", "its parent
/// company"): a determiner, at most two modifiers, a [`ENGLISH.descriptions`] noun.
fn describes_organization(phrase: &str) -> bool {
    let words: Vec<String> = phrase.split_whitespace().map(bare).collect();
    let possessive =
        words.last().and_then(|w| w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")));
    let head = possessive.map_or_else(|| words.last().cloned().unwrap_or_default(), String::from);
    matches!(words.first().map(String::as_str), Some("the" | "its" | "this" | "that"))
        && (2..=4).contains(&words.len())
        && ENGLISH.descriptions.contains(&head.as_str())
}

/// Within each document, in text order, a mention whose actor or target is
/// "the company" (see [`describes_organization`]) takes part with the
/// organization (or untyped name) its article named last.
/// Every mention as (document, start, event, mention), in the order its
/// article tells them: what "the company" and "the Ministry" are read in.
fn reading_order(events: &[Event]) -> Vec<(&str, usize, usize, usize)> {
    // sized once: it is alive at the build's peak of memory
    let n = events.iter().map(|e| e.mentions.len()).sum();
    let mut order: Vec<(&str, usize, usize, usize)> = Vec::with_capacity(n);
    for (ei, e) in events.iter().enumerate() {
        for (mi, m) in e.mentions.iter().enumerate() {
            order.push((m.document.as_str(), m.start, ei, mi));
        }
    }
    order.sort_unstable();
    order
}

fn resolve_descriptions(
    events: &[Event],
    order: &[(&str, usize, usize, usize)],
    held: &mut [Vec<Held>],
    kinds: &[EntityKind],
) {
    let mut last: Option<(&str, usize)> = None;
    for &(doc, _, ei, mi) in order {
        let m = &events[ei].mentions[mi];
        let described = [m.actor.as_deref(), m.target.as_deref()]
            .into_iter()
            .flatten()
            .any(describes_organization);
        match last {
            Some((d, k)) if d == doc && described => {
                hold(&mut held[ei][mi], k);
            }
            _ => {}
        }
        // the organization named last (an actor's before a target's)
        let named = held[ei][mi]
            .iter()
            .map(|&k| k as usize)
            .filter(|&k| matches!(kinds[k], EntityKind::Organization | EntityKind::Other))
            .min_by_key(|&k| {
                let actor = m.actor.as_deref().is_some_and(|a| !describes_organization(a));
                (!actor, k)
            });
        if let Some(k) = named {
            last = Some((doc, k));
        } else if last.is_some_and(|(d, _)| d != doc) {
            last = None;
        }
    }
}

/// A lone organization head written as a name ("the Ministry said", "the
/// Front") is the organization of that head its article named last ("the
/// Foreign Ministry"), as "the company" is; with none named before, it
/// stays itself. `words` are each entity's name words (lower case).
fn resolve_heads(
    order: &[(&str, usize, usize, usize)],
    held: &mut [Vec<Held>],
    words: &[Vec<String>],
) {
    let head = |k: usize| match words[k].as_slice() {
        [w] if ENGLISH.organization_words.contains(&w.as_str()) => Some(w.as_str()),
        _ => None,
    };
    if !(0..words.len()).any(|k| head(k).is_some()) {
        return;
    }
    let mut doc = "";
    let mut last: HashMap<&str, usize> = HashMap::new();
    for &(d, _, ei, mi) in order {
        if d != doc {
            doc = d;
            last.clear();
        }
        let mut out = Held::new();
        for &k in &held[ei][mi] {
            let k = k as usize;
            hold(&mut out, head(k).and_then(|w| last.get(w).copied()).unwrap_or(k));
        }
        for &k in &out {
            let k = k as usize;
            if head(k).is_none() {
                for w in &words[k] {
                    if ENGLISH.organization_words.contains(&w.as_str()) {
                        last.insert(w.as_str(), k);
                    }
                }
            }
        }
        held[ei][mi] = out;
    }
}

/// A lone first name ("Steve called podcasting ...") is the one person of
/// its article whose full name begins with it ("Steve Jobs"); with two
/// such people ("Steve Jobs", "Steve Ballmer"), or none, it stays itself.
/// Read within each article only: across a corpus a first name is anyone's.
fn resolve_first_names(
    order: &[(&str, usize, usize, usize)],
    held: &mut [Vec<Held>],
    words: &[Vec<String>],
    kinds: &[EntityKind],
) {
    let lone = |k: usize| {
        matches!(words[k].as_slice(), [w] if w.chars().count() > 1)
            && matches!(kinds[k], EntityKind::Person | EntityKind::Other)
    };
    let mut at = 0;
    while at < order.len() {
        let doc = order[at].0;
        let end = at + order[at..].iter().take_while(|o| o.0 == doc).count();
        // each first name of the article's people named in full
        let mut people: HashMap<&str, BTreeSet<usize>> = HashMap::new();
        for &(_, _, ei, mi) in &order[at..end] {
            for &k in &held[ei][mi] {
                let k = k as usize;
                if kinds[k] == EntityKind::Person && words[k].len() >= 2 {
                    people.entry(words[k][0].as_str()).or_default().insert(k);
                }
            }
        }
        for &(_, _, ei, mi) in &order[at..end] {
            if !held[ei][mi].iter().any(|&k| lone(k as usize)) {
                continue;
            }
            let mut out = Held::new();
            for &k in &held[ei][mi] {
                let k = k as usize;
                let person = people.get(words[k].first().map_or("", String::as_str));
                let one = match person.map(|p| p.iter().copied().collect::<Vec<_>>()) {
                    Some(p) if lone(k) && p.len() == 1 => p[0],
                    _ => k,
                };
                hold(&mut out, one);
            }
            held[ei][mi] = out;
        }
        at = end;
    }
}

/// The entities `query` names: by name, alias, acronym or a close
/// misspelling ([`super::names::names`]), most mentioned first.
#[must_use]
pub fn matching<'a>(entities: &'a [Entity], query: &str) -> Vec<&'a Entity> {
    entities
        .iter()
        .filter(|e| {
            std::iter::once(&e.name)
                .chain(&e.aliases)
                .any(|a| super::names::names(query, a, NAME_SIMILARITY))
        })
        .collect()
}

/// Keep the entities the timeline's events still name (after a filter
/// left some events out). Their counts stay those of the corpus: which
/// mention named which entity is not kept, so a count over the events
/// left could only be guessed.
pub fn keep_named(t: &mut Timeline) {
    let named: BTreeSet<&str> =
        t.events.iter().flat_map(|e| e.entities.iter().map(String::as_str)).collect();
    t.entities.retain(|x| named.contains(x.id.as_str()));
}

/// The type of a name written alone (no slot, no sentence): by the rules'
/// votes and, unless `rules_only`, the learned [`TypeModel`]'s. `None`
/// when the words hold no name.
#[must_use]
pub fn type_of_name(phrase: &str, rules_only: bool) -> Option<EntityKind> {
    let found = names_in(phrase, None).into_iter().next()?;
    let (_, words) = key_of(&found.text);
    let mut name = Name::new(&found.text, words);
    name.add_votes(&found, Slot::Target, false);
    if !rules_only {
        name.add_learned(&found);
    }
    Some(name.kind())
}

const KINDS: [EntityKind; 4] =
    [EntityKind::Person, EntityKind::Organization, EntityKind::Place, EntityKind::Other];

/// The features a [`TypeModel`] reads of a name: its words, first and last
/// word, the last word's ending, its length in words, whether it is an
/// acronym and whether a title stood before it.
fn features(found: &Found) -> Vec<String> {
    let (_, words) = key_of(&found.text);
    let mut out: Vec<String> = words.iter().map(|w| format!("w={w}")).collect();
    if let Some(last) = words.last() {
        out.push(format!("l={last}"));
        let chars: Vec<char> = last.chars().collect();
        out.push(format!(
            "s={}",
            chars[chars.len().saturating_sub(3)..].iter().collect::<String>()
        ));
    }
    if words.len() > 1 {
        out.push(format!("f={}", words[0]));
    }
    out.push(format!("n={}", words.len().min(3)));
    if acronym(&found.text).is_some() {
        out.push("acronym".into());
    }
    if found.titled {
        out.push("titled".into());
    }
    out
}

/// A naive Bayes table of name features by entity type, learned from
/// GUM's named mentions (`timeline nlp train-entity-types`; the file is
/// `models/entity-types.tsv`, a header line of the types' counts, then one
/// line per feature: the feature and its count in each type).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TypeModel {
    totals: [u32; 4],
    counts: HashMap<String, [u32; 4]>,
}

static TYPE_MODEL: std::sync::LazyLock<TypeModel> = std::sync::LazyLock::new(|| {
    TypeModel::read(include_str!("../../models/entity-types.tsv")).unwrap_or_default()
});

impl TypeModel {
    /// The model committed with the code.
    #[must_use]
    pub fn embedded() -> &'static TypeModel {
        &TYPE_MODEL
    }

    /// Learn from named mentions and their types; features seen fewer than
    /// `min_count` times are left out. Deterministic.
    #[must_use]
    pub fn train(names: &[(String, EntityKind)], min_count: u32) -> TypeModel {
        let mut m = TypeModel::default();
        for (text, kind) in names {
            let Some(found) = names_in(text, None).into_iter().next() else { continue };
            let k = vote(*kind);
            m.totals[k] += 1;
            for f in features(&found) {
                m.counts.entry(f).or_default()[k] += 1;
            }
        }
        m.counts.retain(|_, c| c.iter().sum::<u32>() >= min_count);
        m
    }

    /// The model as text, features sorted: the same data, the same bytes.
    #[must_use]
    pub fn write(&self) -> String {
        let mut keys: Vec<&String> = self.counts.keys().collect();
        keys.sort();
        let row = |c: &[u32; 4]| c.iter().map(u32::to_string).collect::<Vec<_>>().join("\t");
        let mut out = format!("#types\t{}\n", row(&self.totals));
        for k in keys {
            let _ = writeln!(out, "{k}\t{}", row(&self.counts[k]));
        }
        out
    }

    /// Read a model written by [`TypeModel::write`].
    ///
    /// # Errors
    /// The 1-based line that is not a feature and four counts.
    pub fn read(text: &str) -> Result<TypeModel, crate::error::ModelError> {
        let mut m = TypeModel::default();
        for (i, line) in text.lines().enumerate() {
            let cols: Vec<&str> = line.split('\t').collect();
            let parsed: Option<Vec<u32>> = cols.iter().skip(1).map(|c| c.parse().ok()).collect();
            let Some(counts) = parsed.filter(|c| cols.len() == 5 && c.len() == 4) else {
                return Err(format!("line {}: expected a feature and four counts", i + 1).into());
            };
            let c = [counts[0], counts[1], counts[2], counts[3]];
            if i == 0 && cols[0] == "#types" {
                m.totals = c;
            } else {
                m.counts.insert(cols[0].to_string(), c);
            }
        }
        Ok(m)
    }

    /// The most likely type of a name and its probability, when the model
    /// knows at least one of its features.
    fn predict(&self, found: &Found) -> Option<(EntityKind, f64)> {
        let all: u32 = self.totals.iter().sum();
        if all == 0 {
            return None;
        }
        let names = features(found);
        // a name the table knows something of: a word or an ending, not
        // only its length or shape
        if !names
            .iter()
            .any(|f| !f.starts_with("n=") && f != "acronym" && self.counts.contains_key(f))
        {
            return None;
        }
        let feats: Vec<&[u32; 4]> = names.iter().filter_map(|f| self.counts.get(f)).collect();
        let mut logp = [0.0_f64; 4];
        for (k, lp) in logp.iter_mut().enumerate() {
            let n = f64::from(self.totals[k]);
            *lp = ((n + 1.0) / (f64::from(all) + 4.0)).ln();
            for c in &feats {
                *lp += ((f64::from(c[k]) + 0.1) / (n + 0.4)).ln();
            }
        }
        let max = logp.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let z: f64 = logp.iter().map(|l| (l - max).exp()).sum();
        let (k, best) = logp
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))
            .expect("four types");
        Some((KINDS[k], (best - max).exp() / z))
    }
}

/// One entity mention of GUM's brackets: its document, sentence, words
/// (first, last) and GUM's entity id and type.
struct GoldMention {
    doc: usize,
    sentence: usize,
    first: usize,
    last: usize,
    id: String,
    kind: String,
}

/// Every entity mention of GUM's `Entity=` brackets, in the order they
/// close.
fn gold_mentions(sentences: &[crate::nlp::conllu::GoldSentence]) -> Vec<GoldMention> {
    static BRACKET: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\((\d+)-([a-z]+)[^()]*(\))?|(\d+)\)").expect("valid pattern")
    });
    let mut out = Vec::new();
    let mut doc = 0;
    for (si, s) in sentences.iter().enumerate() {
        if s.new_document && si > 0 {
            doc += 1;
        }
        // open spans: (entity id, GUM type, first word)
        let mut open: Vec<(String, String, usize)> = Vec::new();
        for (i, w) in s.words.iter().enumerate() {
            for c in BRACKET.captures_iter(&w.entity) {
                if let (Some(id), Some(kind)) = (c.get(1), c.get(2)) {
                    let (id, kind) = (id.as_str().to_string(), kind.as_str().to_string());
                    if c.get(3).is_some() {
                        out.push(GoldMention { doc, sentence: si, first: i, last: i, id, kind });
                    } else {
                        open.push((id, kind, i));
                    }
                } else if let Some(id) = c.get(4) {
                    if let Some(k) = open.iter().rposition(|(x, _, _)| x == id.as_str()) {
                        let (id, kind, first) = open.remove(k);
                        out.push(GoldMention { doc, sentence: si, first, last: i, id, kind });
                    }
                }
            }
        }
    }
    out
}

fn span_text(sentences: &[crate::nlp::conllu::GoldSentence], m: &GoldMention) -> String {
    let words = &sentences[m.sentence].words[m.first..=m.last];
    words.iter().map(|w| w.form.as_str()).collect::<Vec<_>>().join(" ")
}

fn is_named(sentences: &[crate::nlp::conllu::GoldSentence], m: &GoldMention) -> bool {
    sentences[m.sentence].words[m.last].upos == "PROPN"
}

/// GUM's named mentions, to measure [`type_of_name`]: the entity spans of
/// its `Entity=` brackets whose last word is a proper noun, with GUM's
/// type mapped to ours (person, organization, place; the rest `other`).
#[must_use]
pub fn gold_names(sentences: &[crate::nlp::conllu::GoldSentence]) -> Vec<(String, EntityKind)> {
    gold_mentions(sentences)
        .iter()
        .filter(|m| is_named(sentences, m))
        .map(|m| {
            let ours = match m.kind.as_str() {
                "person" => EntityKind::Person,
                "organization" => EntityKind::Organization,
                "place" => EntityKind::Place,
                _ => EntityKind::Other,
            };
            (span_text(sentences, m), ours)
        })
        .collect()
}

/// How the timeline's coreference does on GUM, with GUM's mentions given:
/// each "he", "she" (and their other cases) is read as extraction reads
/// them on GUM's own parse: the latest named subject before it in its
/// sentence, else the named subject of the main clause of the latest
/// sentence that has one (a subject that is no name continues the chain); names
/// written alike in a document are one entity. Scored over those pronouns and the named mentions.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct CorefScores {
    /// Pronouns scored (he, she, him, her, his, hers, himself, herself with
    /// an entity of their own in GUM).
    pub pronouns: usize,
    /// Pronouns given an antecedent.
    pub resolved: usize,
    /// Pronouns given one of their own entity's names.
    pub right: usize,
    /// MUC recall, precision and F1 over the pronouns and named mentions.
    pub muc: (f64, f64, f64),
}

/// A treebank sentence as the backbone would have parsed it (no offsets).
fn gold_parse(s: &crate::nlp::conllu::GoldSentence) -> crate::nlp::Sentence {
    let tokens = s
        .words
        .iter()
        .map(|w| crate::nlp::Token {
            start: 0,
            end: 0,
            form: w.form.clone(),
            lemma: w.lemma.clone(),
            upos: w.upos.clone(),
            xpos: w.xpos.clone(),
            feats: w.feats.clone(),
            head: w.head,
            deprel: w.deprel.clone(),
        })
        .collect();
    crate::nlp::Sentence { start: 0, end: 0, tokens, multiword: Vec::new() }
}

/// Score the timeline's reading of personal pronouns on GUM (see
/// [`CorefScores`]).
#[must_use]
pub fn pronoun_coreference(sentences: &[crate::nlp::conllu::GoldSentence]) -> CorefScores {
    let mut all = gold_mentions(sentences);
    // text order: by document, sentence, first word, the longer first
    all.sort_by_key(|m| (m.doc, m.sentence, m.first, std::cmp::Reverse(m.last)));
    let pronoun = |m: &GoldMention| {
        m.first == m.last && {
            let w = &sentences[m.sentence].words[m.first];
            w.upos == "PRON"
                && ENGLISH.person_pronoun_forms.contains(&w.form.to_lowercase().as_str())
        }
    };
    let kept: Vec<&GoldMention> =
        all.iter().filter(|m| pronoun(m) || is_named(sentences, m)).collect();
    let mut scores = CorefScores::default();
    let n = kept.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let rank: Vec<usize> = (0..n).collect();
    let mut total = vec![1; n];
    // the kept mentions of each sentence
    let mut of_sentence: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, m) in kept.iter().enumerate() {
        of_sentence.entry(m.sentence).or_default().push(i);
    }
    // the first mention of each name's key in the document
    let mut first_of: HashMap<(usize, String), usize> = HashMap::new();
    // the name a pronoun of a later sentence continues
    let mut chain: Option<usize> = None;
    let no_mentions = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        if s.new_document {
            chain = None;
        }
        let ms = of_sentence.get(&si).unwrap_or(&no_mentions);
        // extraction's own reading, on GUM's parse
        let (antecedents, topic) = crate::extract::pronoun_reading(&gold_parse(s));
        // the named mention a word of the reading heads (a name GUM does
        // not mark is none: the pronoun then goes unresolved)
        let mention_of = |w: usize| {
            ms.iter()
                .copied()
                .find(|&i| !pronoun(kept[i]) && (kept[i].first..=kept[i].last).contains(&w))
        };
        for &i in ms {
            let m = kept[i];
            if pronoun(m) {
                scores.pronouns += 1;
                // the latest named subject before it in its sentence, else
                // the chain of the sentences before
                let antecedent = match antecedents.get(m.first).copied().flatten() {
                    Some(w) => mention_of(w),
                    None => chain,
                };
                if let Some(j) = antecedent {
                    scores.resolved += 1;
                    scores.right += usize::from(kept[j].id == m.id);
                    union(&mut parent, &rank, &mut total, j, i);
                }
                continue;
            }
            let text = span_text(sentences, m);
            let (key, _) = key_of(&text);
            match first_of.get(&(m.doc, key.clone())) {
                Some(&j) => union(&mut parent, &rank, &mut total, j, i),
                None => {
                    first_of.insert((m.doc, key), i);
                }
            }
        }
        if let Some(w) = topic {
            chain = mention_of(w);
        }
    }
    // MUC: links kept of each gold chain (recall) and each system chain
    // (precision)
    let system: Vec<usize> = (0..n).map(|i| find(&mut parent, i)).collect();
    let gold: Vec<(usize, &str)> = kept.iter().map(|m| (m.doc, m.id.as_str())).collect();
    let muc = |key: &dyn Fn(usize) -> (usize, String), other: &dyn Fn(usize) -> (usize, String)| {
        let mut chains: BTreeMap<(usize, String), BTreeSet<(usize, String)>> = BTreeMap::new();
        let mut sizes: BTreeMap<(usize, String), usize> = BTreeMap::new();
        for i in 0..n {
            chains.entry(key(i)).or_default().insert(other(i));
            *sizes.entry(key(i)).or_default() += 1;
        }
        let num: usize = chains.iter().map(|(k, parts)| sizes[k] - parts.len()).sum();
        let den: usize = sizes.values().map(|s| s - 1).sum();
        if den == 0 {
            0.0
        } else {
            num as f64 / den as f64
        }
    };
    let by_gold = |i: usize| (gold[i].0, gold[i].1.to_string());
    let by_system = |i: usize| (usize::MAX, system[i].to_string());
    let r = muc(&by_gold, &by_system);
    let p = muc(&by_system, &by_gold);
    let f = if r + p > 0.0 { 2.0 * r * p / (r + p) } else { 0.0 };
    scores.muc = (100.0 * r, 100.0 * p, 100.0 * f);
    scores
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Mention;

    fn texts(phrase: &str) -> Vec<(String, bool)> {
        names_in(phrase, None).into_iter().map(|f| (f.text, f.titled)).collect()
    }

    fn opening(phrase: &str, sentence: &str) -> Vec<String> {
        let words: Vec<&str> = sentence.split_whitespace().collect();
        names_in(phrase, Some(&words)).into_iter().map(|f| f.text).collect()
    }

    #[test]
    fn names_are_the_proper_nouns_at_the_head_without_titles() {
        assert_eq!(
            texts("former President Nursultan Nazarbayev"),
            [("Nursultan Nazarbayev".into(), true)]
        );
        assert_eq!(
            texts("the Collective Security Treaty Organization"),
            [("Collective Security Treaty Organization".into(), false)]
        );
        assert_eq!(texts("Foreign Minister Wang Yi"), [("Wang Yi".into(), true)]);
        assert_eq!(texts("UN Secretary General Kofi Annan"), [("Kofi Annan".into(), true)]);
        assert_eq!(texts("Secretary-General Kofi Annan"), [("Kofi Annan".into(), true)]);
        // what a person is to another says as much as a title
        assert_eq!(texts("his daughter Dariga Nazarbayeva"), [("Dariga Nazarbayeva".into(), true)]);
        assert_eq!(texts("her husband's company"), []);
        // what a title's "of" names is the office's
        assert_eq!(texts("Secretary of State Antony Blinken"), [("Antony Blinken".into(), true)]);
        assert_eq!(
            texts("the Minister of Foreign Affairs Sergei Lavrov"),
            [("Sergei Lavrov".into(), true)]
        );
        // and a name keeps a word at least
        assert_eq!(texts("Secretary of State")[0].0, "State");
        assert_eq!(texts("N.Nazarbayev"), [("N. Nazarbayev".into(), false)]);
        assert_eq!(texts("Russia's troops"), [("Russia".into(), false)]);
        assert_eq!(texts("Russia's Foreign Ministry").len(), 2);
        for (phrase, name, titled) in [
            // a possessive inside a name
            ("the Beijing Higher People's Court", "Beijing Higher People's Court", false),
            ("the People's Daily's editor", "People's Daily", false),
            // an office cut from its title still stands before the name
            ("Central Asian Affairs Richard Boucher", "Richard Boucher", true),
            ("the Veterans Affairs Department", "Veterans Affairs Department", false),
        ] {
            assert_eq!(texts(phrase), [(name.to_string(), titled)], "{phrase}");
        }
        assert_eq!(texts("Tokayev's"), [("Tokayev".into(), false)]);
        assert_eq!(texts("Bank of America"), [("Bank of America".into(), false)]);
        assert_eq!(texts("General Motors"), [("General Motors".into(), false)]);
        // roles and common nouns are not names
        assert!(texts("the Kazakh President").is_empty());
        assert!(texts("protesters").is_empty());
        assert_eq!(opening("Residents of Almaty", "Residents of Almaty fled the city"), ["Almaty"]);
        // a capital that opens the sentence is read in the sentence
        assert!(opening("Protesters", "Protesters gathered in the square").is_empty());
        assert!(opening("Heavy", "Heavy shooting erupted on Republic Square").is_empty());
        assert!(opening("Analysts", "Analysts were surprised by the move").is_empty());
        assert_eq!(opening("Ryanair", "Ryanair cut 3,000 jobs on Monday"), ["Ryanair"]);
        assert_eq!(opening("Ryanair's shares", "Ryanair 's shares fell"), ["Ryanair"]);
        // a subject the quote does not hold is read in front of it
        let outside = |phrase: &str, quote: &str| {
            let words = opening_of(quote, phrase);
            names_in(phrase, words.as_deref()).into_iter().map(|f| f.text).collect::<Vec<_>>()
        };
        assert!(outside("Part", "have reportedly left the country on a private jet").is_empty());
        assert_eq!(outside("Tokayev", "dismissed the government"), ["Tokayev"]);
        // inside the quote, past its first word, a capital is a name's
        assert_eq!(outside("Tokayev", "said Tokayev on Monday"), ["Tokayev"]);
    }

    fn mention(actor: Option<&str>, target: Option<&str>, place: Option<&str>) -> Mention {
        let mut m = Mention::bare("d1", 0, 4, "say", EventType::Statement);
        // the names written inside a sentence, as articles do
        m.quote = format!(
            "as reported, {} said {} was in {}",
            actor.unwrap_or("someone"),
            target.unwrap_or("something"),
            place.unwrap_or("town")
        );
        m.actor = actor.map(String::from);
        m.target = target.map(String::from);
        m.place = place.map(String::from);
        m
    }

    fn event(id: &str, mentions: Vec<Mention>) -> Event {
        Event {
            id: id.into(),
            title: id.into(),
            event_type: EventType::Statement,
            date: None,
            participants: Vec::new(),
            places: Vec::new(),
            entities: Vec::new(),
            sources: vec!["d1".into()],
            mention_count: mentions.len(),
            source_count: 1,
            flags: Vec::new(),
            mentions,
            salience: 0.0,
        }
    }

    fn gathered(events: &mut [Event]) -> Vec<Entity> {
        gather(events)
    }

    fn entity<'a>(all: &'a [Entity], name: &str) -> &'a Entity {
        all.iter().find(|e| e.name == name).unwrap_or_else(|| panic!("no {name} in {all:#?}"))
    }

    /// A country is a place even where the letters of its name look like
    /// a surname's and nothing in the sentence says "in".
    #[test]
    fn countries_are_places() {
        let mut events = vec![
            event("a", vec![mention(None, Some("Belarus"), None)]),
            event("b", vec![mention(Some("South Korea"), Some("the United States"), None)]),
            event("c", vec![mention(Some("Michael Jordan"), None, None)]),
        ];
        let all = gathered(&mut events);
        for country in ["Belarus", "South Korea", "United States"] {
            assert_eq!(entity(&all, country).kind, EntityKind::Place, "{country}");
        }
        assert_ne!(entity(&all, "Michael Jordan").kind, EntityKind::Place);
        // and so for a name read alone, by the rules or with the model
        for rules_only in [true, false] {
            assert_eq!(type_of_name("Belarus", rules_only), Some(EntityKind::Place));
        }
    }

    #[test]
    fn one_entity_per_real_thing() {
        let mut events = vec![
            event(
                "a",
                vec![mention(
                    Some("President Kassym-Jomart Tokayev"),
                    Some("the government"),
                    Some("Almaty"),
                )],
            ),
            event(
                "b",
                vec![mention(Some("Tokayev"), None, None), mention(Some("Tokaev"), None, None)],
            ),
            event(
                "c",
                vec![mention(Some("the Collective Security Treaty Organization"), None, None)],
            ),
            event("d", vec![mention(Some("CSTO"), Some("Kazakhstan"), None)]),
            event(
                "e",
                vec![mention(Some("Singapore Airlines"), Some("China Eastern Airlines"), None)],
            ),
            event(
                "f",
                vec![
                    mention(Some("N.Nazarbayev"), None, None),
                    mention(Some("Nursultan Nazarbayev"), None, None),
                ],
            ),
            event("g", vec![mention(Some("Iran"), Some("Iraq"), None)]),
            event("h", vec![mention(Some("the United Nations"), None, None)]),
            event("i", vec![mention(Some("his daughter Dariga Nazarbayeva"), None, None)]),
            event("j", vec![mention(Some("Chen and Zhang"), None, None)]),
            event("k", vec![mention(Some("Zhang"), None, None)]),
        ];
        let all = gathered(&mut events);
        // a surname is not the last word of two people written as one
        assert_ne!(entity(&all, "Zhang").id, entity(&all, "Chen and Zhang").id);
        assert_eq!(entity(&all, "United Nations").kind, EntityKind::Organization);
        // a speaker of two words leans to a person; "Nations" outweighs it
        let (_, words) = key_of("United Nations");
        let mut name = Name::new("United Nations", words);
        name.add_votes(&Found { text: "United Nations".into(), titled: false }, Slot::Actor, true);
        assert_eq!(name.kind(), EntityKind::Organization);
        assert_eq!(entity(&all, "Dariga Nazarbayeva").kind, EntityKind::Person);
        let tokayev = entity(&all, "Kassym-Jomart Tokayev");
        assert_eq!(tokayev.kind, EntityKind::Person);
        assert_eq!(tokayev.aliases, ["Tokaev", "Tokayev"]);
        assert_eq!((tokayev.mention_count, tokayev.event_count), (3, 2));
        let csto = entity(&all, "Collective Security Treaty Organization");
        assert_eq!(csto.aliases, ["CSTO"]);
        assert_eq!(csto.kind, EntityKind::Organization);
        assert_eq!(entity(&all, "Almaty").kind, EntityKind::Place);
        assert_ne!(
            entity(&all, "Singapore Airlines").id,
            entity(&all, "China Eastern Airlines").id
        );
        assert_eq!(entity(&all, "Nursultan Nazarbayev").aliases, ["N. Nazarbayev"]);
        assert_ne!(entity(&all, "Iran").id, entity(&all, "Iraq").id);
        // events point at their entities
        assert_eq!(events[1].entities, std::slice::from_ref(&tokayev.id));
        assert!(events[3].entities.contains(&csto.id));
        // the same input, the same entities
        let mut again = events.clone();
        assert_eq!(gathered(&mut again), all);
        assert_eq!(matching(&all, "Tokayev").len(), 1);
        assert_eq!(matching(&all, "CSTO")[0].id, csto.id);
    }

    #[test]
    fn a_surname_goes_to_the_person_far_more_written_of_and_misspellings_do_not_chain() {
        let said = |who: &str| mention(Some(who), None, None);
        let mut events = vec![
            event("a", (0..4).map(|_| said("President Barack Obama")).collect()),
            event("b", vec![said("First lady Michelle Obama")]),
            event("c", vec![said("Obama")]),
            event("d", vec![said("adviser Carol Browner"), said("adviser Carol Browner")]),
            event("e", vec![said("Lord John Browne"), said("Lord John Browne")]),
            event("f", vec![said("Browner"), said("Browne"), said("Brown")]),
        ];
        let all = gathered(&mut events);
        assert_eq!(entity(&all, "Barack Obama").aliases, ["Obama"]);
        assert_eq!(entity(&all, "Carol Browner").aliases, ["Browner"]);
        assert_eq!(entity(&all, "John Browne").aliases, ["Browne"]);
        assert!(entity(&all, "Brown").aliases.is_empty());
    }

    /// A mention by `who` at byte `start` of document `doc`.
    fn at(doc: &str, start: usize, who: &str) -> Mention {
        let mut m = mention(Some(who), None, None);
        m.document = doc.into();
        m.start = start;
        m
    }

    #[test]
    fn a_lone_organization_head_is_the_one_its_article_named_last() {
        let mut events = vec![
            event("a", vec![at("d1", 0, "the Foreign Ministry")]),
            event("b", vec![at("d1", 50, "the Ministry"), at("d2", 50, "the Ministry")]),
            event("c", vec![at("d2", 90, "the Interior Ministry")]),
        ];
        let all = gathered(&mut events);
        // in d1 after the Foreign Ministry; in d2 before any ministry
        assert_eq!(entity(&all, "Foreign Ministry").mention_count, 2);
        assert_eq!(entity(&all, "Ministry").mention_count, 1);
        assert_eq!(entity(&all, "Interior Ministry").mention_count, 1);
        let ids = |e: &Event| e.entities.clone();
        assert_eq!(ids(&events[1]).len(), 2, "{:?}", events[1].entities);
    }

    #[test]
    fn a_lone_first_name_is_the_one_person_of_its_article_it_begins() {
        let mut events = vec![
            event("a", vec![at("d1", 0, "President Steve Marlow"), at("d2", 0, "CEO Steve Brand")]),
            event("b", vec![at("d1", 50, "Steve")]),
            event("c", vec![at("d2", 50, "Steve")]),
            event(
                "d",
                vec![
                    at("d3", 0, "Steve"),
                    at("d3", 9, "Steve Marlow"),
                    at("d3", 20, "Steve Brand"),
                ],
            ),
        ];
        let all = gathered(&mut events);
        let id = |name: &str| entity(&all, name).id.clone();
        assert_eq!(events[1].entities, [id("Steve Marlow")]);
        assert_eq!(events[2].entities, [id("Steve Brand")]);
        // two Steves in d3: the lone one stays itself
        assert!(events[3].entities.contains(&id("Steve")), "{:?}", events[3].entities);
    }

    #[test]
    fn a_name_read_inside_a_sentence_is_a_name_where_it_opens_one() {
        // the tagger may doubt a capital that opens a sentence; one read
        // inside another sentence settles it
        let quoted = |who: &str, quote: &str| {
            let mut m = mention(Some(who), None, None);
            m.quote = quote.into();
            m
        };
        let mut events = vec![
            event("a", vec![quoted("Varnel", "Varnel called for talks")]),
            event("b", vec![quoted("Varnel", "troops were sent by Varnel")]),
        ];
        let all = gathered(&mut events);
        assert_eq!(entity(&all, "Varnel").mention_count, 2, "{all:?}");
    }

    #[test]
    fn a_company_form_says_organization() {
        assert_eq!(type_of_name("Apple Inc.", false), Some(EntityKind::Organization));
        assert_eq!(type_of_name("Corvale Ltd", false), Some(EntityKind::Organization));
    }

    #[test]
    fn a_lone_family_name_of_several_people_leans_to_person() {
        let said = |who: &str| mention(Some(who), None, None);
        let mut events = vec![
            event("a", vec![said("spokesman Liu Jianchao"), said("Liu Dan")]),
            event("b", vec![said("Liu"), said("Liu")]),
            event("c", vec![said("Europe"), said("Europe Douglas Alexander")]),
        ];
        let all = gathered(&mut events);
        // two Lius are named in full: the lone one is neither, but a person
        assert_eq!(entity(&all, "Liu").kind, EntityKind::Person);
        assert!(entity(&all, "Liu").aliases.is_empty());
        // one vote does not outweigh what else is known of a name
        assert_eq!(entity(&all, "Europe").kind, EntityKind::Place);
    }

    /// GUM's brackets, read: nested, single-word and multi-word spans;
    /// only spans ending in a proper noun are names.
    const GUM: &str = "# text = Lord Byron met the Bank of England in London .\n\
1\tLord\tLord\tPROPN\tNNP\t_\t3\tnsubj\t_\tEntity=(1-person-new-sssss-cf1-1-coref-Lord_Byron\n\
2\tByron\tByron\tPROPN\tNNP\t_\t1\tflat\t_\tEntity=1)\n\
3\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_\n\
4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\tEntity=(2-organization-new-sssss-cf2-1-sgl\n\
5\tBank\tBank\tPROPN\tNNP\t_\t3\tobj\t_\t_\n\
6\tof\tof\tADP\tIN\t_\t7\tcase\t_\t_\n\
7\tEngland\tEngland\tPROPN\tNNP\t_\t5\tnmod\t_\tEntity=(3-place-new-sssss-cf3-1-sgl)2)\n\
8\tin\tin\tADP\tIN\t_\t9\tcase\t_\t_\n\
9\tLondon\tLondon\tPROPN\tNNP\t_\t3\tobl\t_\tEntity=(4-place-new-sssss-cf4-1-sgl)\n\
10\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";

    #[test]
    fn gum_names_train_a_type_table_that_reads_back() {
        let sentences = crate::nlp::conllu::parse(GUM).unwrap();
        let names = gold_names(&sentences);
        assert_eq!(
            names,
            [
                ("Lord Byron".to_string(), EntityKind::Person),
                ("England".to_string(), EntityKind::Place),
                ("the Bank of England".to_string(), EntityKind::Organization),
                ("London".to_string(), EntityKind::Place),
            ]
        );
        let model = TypeModel::train(&names, 1);
        let text = model.write();
        assert_eq!(TypeModel::read(&text).unwrap(), model);
        assert_eq!(TypeModel::train(&names, 1).write(), text, "the same data, the same bytes");
        assert!(TypeModel::read("w=x\t1\t2").unwrap_err().0.contains("line 1"));
    }

    /// "He" is the person named last; names written alike are one entity;
    /// MUC counts the links.
    #[test]
    fn pronouns_are_read_as_the_person_named_last() {
        let e = |id: &str, kind: &str| format!("Entity=({id}-person-{kind}-sssss-cf{id}-1-sgl)");
        let doc = format!(
            "# newdoc id = a\n# text = Byron said that Mary left .\n\
1\tByron\tByron\tPROPN\tNNP\t_\t2\tnsubj\t_\t{}\n\
2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_\n\
3\tthat\tthat\tSCONJ\tIN\t_\t5\tmark\t_\t_\n\
4\tMary\tMary\tPROPN\tNNP\t_\t5\tnsubj\t_\t{}\n\
5\tleft\tleave\tVERB\tVBD\t_\t2\tccomp\t_\t_\n\
6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n\
# text = He wept .\n\
1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\t{}\n\
2\twept\tweep\tVERB\tVBD\t_\t0\troot\t_\t_\n\
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n\
# text = Mary smiled and she left .\n\
1\tMary\tMary\tPROPN\tNNP\t_\t2\tnsubj\t_\t{}\n\
2\tsmiled\tsmile\tVERB\tVBD\t_\t0\troot\t_\t_\n\
3\tand\tand\tCCONJ\tCC\t_\t5\tcc\t_\t_\n\
4\tshe\tshe\tPRON\tPRP\t_\t5\tnsubj\t_\t{}\n\
5\tleft\tleave\tVERB\tVBD\t_\t2\tconj\t_\t_\n\
6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n",
            e("1", "new"),
            e("2", "new"),
            e("1", "giv"),
            e("2", "giv"),
            e("2", "giv"),
        );
        let sentences = crate::nlp::conllu::parse(&doc).unwrap();
        let c = pronoun_coreference(&sentences);
        // "He": Byron, the main clause's subject, not Mary of what he
        // said; "she": Mary, the named subject before it in its sentence
        assert_eq!((c.pronouns, c.resolved, c.right), (2, 2, 2));
        assert!((c.muc.0 - 100.0).abs() < 1e-9 && (c.muc.1 - 100.0).abs() < 1e-9, "{:?}", c.muc);
    }

    /// The committed table loads and types names it was not told about by
    /// any rule.
    #[test]
    fn the_committed_type_table_loads_and_types_names() {
        let m = TypeModel::embedded();
        assert!(m.totals.iter().sum::<u32>() > 1000 && m.counts.len() > 1000);
        assert_eq!(type_of_name("London", false), Some(EntityKind::Place));
        assert_eq!(type_of_name("London", true), Some(EntityKind::Other));
        assert_eq!(type_of_name("John Smith", false), Some(EntityKind::Person));
    }

    #[test]
    fn a_surname_shared_by_two_people_stays_apart() {
        let mut events = vec![
            event("a", vec![mention(Some("President George Bush"), None, None)]),
            event("b", vec![mention(Some("Governor Jeb Bush"), None, None)]),
            event("c", vec![mention(Some("Bush"), None, None)]),
        ];
        let all = gathered(&mut events);
        assert_eq!(all.len(), 3, "{all:#?}");
    }
}
