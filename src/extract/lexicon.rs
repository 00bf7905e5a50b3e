//! The event lexicon: which words signal a happening, and what kind.
//!
//! Each entry maps a verb (all its inflections) or an event noun to a
//! normalized *action* and an [`EventType`]. Actions are the merge key of
//! the graph stage, so synonyms share one: "dismissed", "dissolved" and
//! "the resignation of" the government are all `dismiss`. The lexicon is
//! general English news vocabulary; it names no person, place or
//! organisation.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::model::EventType;

/// What a trigger word means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entry {
    /// Normalized action, the merge key.
    pub action: &'static str,
    /// Kind of happening.
    pub event_type: EventType,
    /// A noun ("dismissal") rather than a verb form.
    pub noun: bool,
    /// How specific the word is: in a clause with several triggers the
    /// most specific one names the event ("shooting erupted" is a
    /// shooting).
    pub weight: u8,
    /// A verb that needs a particle or object to mean the event ("took" in
    /// "took to the streets"); see [`phrase_action`].
    pub phrasal: bool,
    /// A present-tense form ("say", "says"): for statements an attribution,
    /// for other verbs a state or a headline.
    pub present: bool,
}

use EventType::{Diplomacy, Economic, PoliticalChange, Protest, Security, Statement, Violence};

/// Verbs: lemma, irregular forms (past, participle), action, type, weight.
const VERBS: &[(&str, &[&str], &str, EventType, u8)] = &[
    ("protest", &[], "protest", Protest, 2),
    ("demonstrate", &[], "protest", Protest, 2),
    ("rally", &[], "protest", Protest, 2),
    ("riot", &[], "protest", Protest, 2),
    ("march", &[], "protest", Protest, 1),
    ("strike", &["struck"], "protest", Protest, 1),
    ("spark", &[], "unrest_start", Protest, 2),
    // phrasal: they start unrest only with it as their object
    ("trigger", &[], "cause_unrest", Protest, 2),
    ("ignite", &[], "cause_unrest", Protest, 2),
    ("provoke", &[], "cause_unrest", Protest, 2),
    ("catalyze", &[], "cause_unrest", Protest, 2),
    ("catalyse", &[], "cause_unrest", Protest, 2),
    ("erupt", &[], "unrest_start", Protest, 1),
    ("break", &["broke", "broken"], "unrest_start", Protest, 0),
    ("spiral", &["spiralled", "spiralling"], "escalate", Protest, 3),
    ("escalate", &[], "escalate", Protest, 2),
    ("shoot", &["shot"], "shoot", Violence, 3),
    ("kill", &[], "kill", Violence, 3),
    ("die", &["died", "dying"], "kill", Violence, 2),
    ("injure", &[], "injure", Violence, 3),
    ("wound", &[], "injure", Violence, 3),
    ("attack", &[], "attack", Violence, 2),
    ("clash", &[], "clash", Violence, 2),
    ("storm", &[], "storm", Violence, 3),
    ("burn", &["burnt"], "arson", Violence, 2),
    ("torch", &[], "arson", Violence, 3),
    ("set", &["set", "setting"], "set", Violence, 2),
    ("loot", &[], "loot", Violence, 2),
    ("bomb", &[], "attack", Violence, 3),
    ("explode", &[], "explosion", Violence, 2),
    ("topple", &[], "topple", Violence, 2),
    ("seize", &[], "seize", Violence, 2),
    ("dismiss", &[], "dismiss", PoliticalChange, 3),
    ("dissolve", &[], "dismiss", PoliticalChange, 3),
    ("sack", &[], "dismiss", PoliticalChange, 3),
    ("oust", &[], "dismiss", PoliticalChange, 3),
    ("remove", &[], "dismiss", PoliticalChange, 2),
    ("resign", &[], "resign", PoliticalChange, 3),
    ("appoint", &[], "appoint", PoliticalChange, 3),
    ("nominate", &[], "appoint", PoliticalChange, 3),
    ("elect", &[], "elect", PoliticalChange, 3),
    ("retain", &[], "retain_power", PoliticalChange, 2),
    ("rule", &[], "rule", PoliticalChange, 2),
    ("flee", &["fled"], "flee", PoliticalChange, 3),
    ("leave", &["left"], "flee", PoliticalChange, 0),
    ("overthrow", &["overthrew", "overthrown"], "overthrow", PoliticalChange, 3),
    ("impeach", &[], "impeach", PoliticalChange, 3),
    ("invite", &[], "request_help", Security, 3),
    ("ask", &[], "request_help", Security, 0),
    ("request", &[], "request_help", Security, 2),
    ("deploy", &[], "deploy", Security, 3),
    ("send", &["sent"], "deploy", Security, 1),
    ("dispatch", &[], "deploy", Security, 3),
    ("withdraw", &["withdrew", "withdrawn"], "withdraw", Security, 3),
    ("detain", &[], "detain", Security, 3),
    ("arrest", &[], "detain", Security, 3),
    ("suppress", &[], "crackdown", Security, 3),
    ("impose", &[], "impose", Security, 2),
    ("declare", &[], "declare", Security, 1),
    ("ban", &["banned", "banning"], "ban", Economic, 2),
    ("raise", &[], "price_rise", Economic, 1),
    ("hike", &[], "price_rise", Economic, 2),
    ("double", &[], "price_rise", Economic, 2),
    ("triple", &[], "price_rise", Economic, 2),
    ("slash", &[], "price_cut", Economic, 2),
    ("increase", &[], "price_rise", Economic, 1),
    ("lower", &[], "price_cut", Economic, 2),
    ("cut", &["cut", "cutting"], "price_cut", Economic, 1),
    ("reduce", &[], "price_cut", Economic, 1),
    ("say", &["said"], "statement", Statement, 0),
    ("announce", &[], "statement", Statement, 1),
    ("confirm", &[], "statement", Statement, 1),
    ("warn", &[], "warning", Statement, 1),
    ("note", &[], "statement", Statement, 0),
    ("stated", &[], "statement", Statement, 0),
    ("remind", &[], "statement", Statement, 0),
    ("claim", &[], "statement", Statement, 0),
    ("suggest", &[], "statement", Statement, 0),
    ("add", &[], "statement", Statement, 0),
    ("open", &[], "open", Violence, 0),
    ("comment", &[], "statement", Statement, 0),
    ("write", &["wrote", "written"], "statement", Statement, 0),
    ("tell", &["told"], "statement", Statement, 0),
    ("urge", &[], "appeal", Statement, 1),
    ("accuse", &[], "accuse", Statement, 1),
    ("deny", &["denied"], "statement", Statement, 1),
    ("call", &[], "appeal", Statement, 0),
    ("meet", &["met"], "meeting", Diplomacy, 2),
    ("visit", &[], "meeting", Diplomacy, 2),
    ("discuss", &[], "talks", Diplomacy, 2),
    ("sign", &[], "agreement", Diplomacy, 2),
    ("consult", &[], "talks", Diplomacy, 1),
    ("take", &["took", "taken"], "take", Security, 0),
    ("annex", &[], "annex", Security, 3),
    ("invade", &[], "invade", Security, 3),
    ("burst", &["burst", "bursting"], "disaster", EventType::Other, 2),
    ("collapse", &[], "disaster", EventType::Other, 2),
    ("flood", &[], "disaster", EventType::Other, 1),
    ("crash", &[], "disaster", EventType::Other, 2),
    ("evacuate", &[], "evacuate", Security, 2),
    ("rescue", &[], "evacuate", Security, 1),
    ("capture", &[], "seize", Violence, 2),
    ("release", &[], "release", Security, 2),
    ("free", &[], "release", Security, 1),
    ("sentence", &[], "sentence", Security, 2),
    ("convict", &[], "sentence", Security, 2),
    ("approve", &[], "approve", PoliticalChange, 2),
    ("pass", &[], "approve", PoliticalChange, 0),
    ("vote", &[], "vote", PoliticalChange, 1),
    ("win", &["won", "winning"], "elect", PoliticalChange, 1),
    ("launch", &[], "launch", Security, 1),
];

/// Nouns: form, action, type, weight.
const NOUNS: &[(&str, &str, EventType, u8)] = &[
    ("protest", "protest", Protest, 1),
    ("protests", "protest", Protest, 1),
    ("demonstration", "protest", Protest, 1),
    ("demonstrations", "protest", Protest, 1),
    ("riot", "protest", Protest, 1),
    ("riots", "protest", Protest, 1),
    ("unrest", "protest", Protest, 1),
    ("uprising", "protest", Protest, 1),
    ("revolt", "protest", Protest, 1),
    ("shooting", "shoot", Violence, 3),
    ("shootout", "shoot", Violence, 3),
    ("gunfire", "shoot", Violence, 2),
    ("explosion", "explosion", Violence, 2),
    ("explosions", "explosion", Violence, 2),
    ("attack", "attack", Violence, 2),
    ("clashes", "clash", Violence, 2),
    ("massacre", "kill", Violence, 3),
    ("suppression", "crackdown", Security, 3),
    ("crackdown", "crackdown", Security, 3),
    ("dismissal", "dismiss", PoliticalChange, 3),
    ("resignation", "dismiss", PoliticalChange, 3),
    ("ouster", "dismiss", PoliticalChange, 3),
    ("election", "elect", PoliticalChange, 2),
    ("elections", "elect", PoliticalChange, 2),
    ("coup", "overthrow", PoliticalChange, 3),
    ("deployment", "deploy", Security, 3),
    ("intervention", "deploy", Security, 2),
    ("invasion", "invade", Security, 3),
    ("annexation", "annex", Security, 3),
    ("withdrawal", "withdraw", Security, 3),
    ("appeal", "request_help", Security, 2),
    ("arrests", "detain", Security, 2),
    ("curfew", "emergency_rule", Security, 2),
    ("measures", "measures", Security, 1),
    ("visit", "meeting", Diplomacy, 1),
    ("summit", "meeting", Diplomacy, 1),
    ("talks", "talks", Diplomacy, 1),
    ("interview", "statement", Statement, 1),
    ("speech", "statement", Statement, 1),
    ("earthquake", "disaster", EventType::Other, 2),
    ("floods", "disaster", EventType::Other, 1),
    ("evacuation", "evacuate", Security, 2),
    ("referendum", "vote", PoliticalChange, 2),
    ("ceasefire", "agreement", Diplomacy, 2),
];

fn inflections(lemma: &str) -> Vec<String> {
    let mut v = vec![lemma.to_string()];
    let (stem_e, ends_e) = match lemma.strip_suffix('e') {
        Some(s) => (s.to_string(), true),
        None => (lemma.to_string(), false),
    };
    // the "-ed" form by the language layer's rule, the one titles use
    let past = crate::language::regular_past(lemma);
    if let Some(s) = lemma.strip_suffix('y').filter(|s| !s.ends_with(['a', 'e', 'o', 'u'])) {
        v.push(format!("{s}ies"));
        v.push(past);
        v.push(format!("{lemma}ing"));
        return v;
    }
    if lemma.ends_with(['s', 'x', 'z']) || lemma.ends_with("sh") || lemma.ends_with("ch") {
        v.push(format!("{lemma}es"));
    } else {
        v.push(format!("{lemma}s"));
    }
    v.push(past);
    if ends_e {
        v.push(format!("{stem_e}ing"));
    } else {
        v.push(format!("{lemma}ing"));
        // doubled consonant: stop -> stopped, ban -> banned
        let b = lemma.as_bytes();
        if b.len() >= 3 && b.len() <= 4 {
            let last = b[b.len() - 1];
            let vowel = |c: u8| b"aeiou".contains(&c);
            if !vowel(last)
                && vowel(b[b.len() - 2])
                && !vowel(b[b.len() - 3])
                && !b"wxy".contains(&last)
            {
                let l = last as char;
                v.push(format!("{lemma}{l}ed"));
                v.push(format!("{lemma}{l}ing"));
            }
        }
    }
    v
}

static LEXICON: LazyLock<HashMap<String, Entry>> = LazyLock::new(|| {
    let mut m = HashMap::new();
    for &(form, action, event_type, weight) in NOUNS {
        m.insert(
            form.to_string(),
            Entry { action, event_type, noun: true, weight, phrasal: false, present: false },
        );
    }
    for &(lemma, irregular, action, event_type, weight) in VERBS {
        let phrasal = action == "cause_unrest"
            || matches!(
                lemma,
                "take"
                    | "leave"
                    | "break"
                    | "ask"
                    | "call"
                    | "send"
                    | "open"
                    | "declare"
                    | "impose"
                    | "set"
            );
        let e = Entry { action, event_type, noun: false, weight, phrasal, present: false };
        let forms = inflections(lemma);
        // the lemma and its -s form are present tense; an irregular past
        // that looks like the lemma ("cut", "burst") is not
        let present: Vec<String> =
            forms.iter().take(2).filter(|f| !irregular.contains(&f.as_str())).cloned().collect();
        for f in forms.into_iter().chain(irregular.iter().map(|s| (*s).to_string())) {
            let e = Entry { present: present.contains(&f), ..e };
            // nouns were inserted first and keep their reading
            m.entry(f).or_insert(e);
        }
    }
    m
});

/// The lexicon entry of a lower-case word, if it is a trigger.
#[must_use]
pub fn lookup(word: &str) -> Option<Entry> {
    LEXICON.get(word).copied()
}

/// Whether a word, in any case, is a saying of the lexicon ("said",
/// "told", "added"): a statement.
#[must_use]
pub fn is_saying(word: &str) -> bool {
    lookup(&word.to_lowercase()).is_some_and(|e| e.event_type == Statement)
}

/// `entry` as its clause reads it: a phrasal verb takes the action its
/// following words give it ([`phrase_action`]), or is no trigger at all
/// without them ("set a record", "the play opened"); other entries stay
/// as they are. `after` is the text that follows the word, as written
/// (only a phrasal verb's is read, in lower case).
#[must_use]
pub fn in_phrase(entry: Entry, after: &str) -> Option<Entry> {
    if !entry.phrasal {
        return Some(entry);
    }
    phrase_action(entry.action, &after.to_lowercase()).map(|(action, event_type)| Entry {
        action,
        event_type,
        phrasal: false,
        ..entry
    })
}

/// For a phrasal verb, the action its following words give it, or `None`
/// when the phrase means no event ("took a look", "asked him whether").
///
/// `after` is the lower-case text that follows the verb in its clause.
#[must_use]
pub fn phrase_action(lemma_action: &str, after: &str) -> Option<(&'static str, EventType)> {
    let a = skip_adverbs(after);
    match lemma_action {
        "take" => {
            if a.starts_with("to the streets") {
                // "took to the streets": the protests began
                Some(("unrest_start", Protest))
            } else if a.starts_with("place") {
                Some(("occur", EventType::Other))
            } else if a.starts_with("power") || a.starts_with("office") || a.starts_with("control")
            {
                Some(("take_power", PoliticalChange))
            } else if a.contains("measures") || a.contains("steps") {
                Some(("measures", Security))
            } else {
                None
            }
        }
        "flee" => (a.starts_with("the country") || a.starts_with("for ") || a.contains("country"))
            .then_some(("flee", PoliticalChange)),
        "unrest_start" => {
            (a.starts_with("out") || a.starts_with("down")).then_some(("unrest_start", Protest))
        }
        // "triggered mass protests", "provoked a wave of riots"; not
        // "triggered outrage", "provoked a slide in the share price"
        "cause_unrest" => a
            .split_whitespace()
            .take(6)
            .any(|w| UNREST.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())))
            .then_some(("unrest_start", Protest)),
        "request_help" => {
            // "asked X to send", "asked for help"; not "asked him whether"
            let words: Vec<&str> = a.split_whitespace().take(5).collect();
            words.iter().any(|w| matches!(*w, "to" | "for")).then_some(("request_help", Security))
        }
        "open" => a.starts_with("fire").then_some(("shoot", Violence)),
        // "set fire to the cars", "set the station on fire", "set ablaze"
        "set" => {
            let head: String = a.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
            (a.starts_with("fire to")
                || a.starts_with("ablaze")
                || head.contains(" on fire")
                || head.contains(" ablaze"))
            .then_some(("arson", Violence))
        }
        // a state of emergency, martial law and a curfew are one kind of
        // measure: emergency rule
        "declare" | "impose" => {
            let head: String = a.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
            if ["emergency", "martial law", "curfew", "lockdown"].iter().any(|k| head.contains(k)) {
                Some(("emergency_rule", Security))
            } else if lemma_action == "impose" && head.contains("sanction") {
                Some(("sanctions", Security))
            } else {
                None
            }
        }
        "appeal" => (a.starts_with("for") || a.starts_with("on")).then_some(("appeal", Statement)),
        "deploy" => {
            // "sent troops", "sent its forces"; not "sent a letter"
            let words: Vec<&str> = a.split_whitespace().take(4).collect();
            words.iter().any(|w| is_force_noun(w)).then_some(("deploy", Security))
        }
        _ => None,
    }
}

/// `after` without the day names and adverbs news puts between a verb
/// and its particle or object: "called Thursday for talks", "sent here
/// again its troops".
fn skip_adverbs(after: &str) -> &str {
    let mut a = after.trim_start();
    while let Some((word, rest)) = a.split_once(char::is_whitespace) {
        let w = word.trim_end_matches(',');
        let skip = crate::language::ENGLISH.is_weekday(w)
            || matches!(
                w,
                "today" | "yesterday" | "tonight" | "here" | "again" | "also" | "publicly"
            );
        if !skip {
            break;
        }
        a = rest.trim_start();
    }
    a
}

/// The action of a verb whose lexicon sense needs its clause, else
/// `None` (the entry's own): "raised prices" is a price rise, "raised $5
/// million" and "increased public awareness" are increases; "won the
/// election" is an election, "won the bronze medal" a win; "removed the
/// minister" is a dismissal, "removed the cap" a removal. `word` is the
/// verb (or its noun: "an increase", "a shot") in lower case, `noun`
/// whether it is used as a noun, `before` and `after` the text of its
/// clause on either side as written: only the eight words nearest the
/// word on each side are read (in lower case), and only for the actions
/// that have senses.
#[must_use]
pub fn clause_sense(
    action: &str,
    word: &str,
    before: &str,
    after: &str,
    noun: bool,
) -> Option<(&'static str, EventType)> {
    let sensed = matches!(
        action,
        "price_rise"
            | "shoot"
            | "rule"
            | "storm"
            | "clash"
            | "unrest_start"
            | "price_cut"
            | "elect"
            | "protest"
            | "release"
            | "launch"
            | "disaster"
            | "approve"
            | "dismiss"
    );
    if !sensed {
        return None;
    }
    let word_of = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let near_after: Vec<String> = after.split_whitespace().take(8).map(word_of).collect();
    let mut near_before: Vec<String> =
        before.split_whitespace().rev().take(8).map(word_of).collect();
    near_before.reverse();
    let any = |ws: &[String], set: &[&str]| ws.iter().any(|w| set.contains(&w.as_str()));
    match action {
        "price_rise" | "price_cut" => {
            let priced = any(&near_after, PRICED) || any(&near_before, PRICED);
            (!priced).then_some(if action == "price_rise" {
                ("increase", EventType::Other)
            } else {
                ("decrease", EventType::Other)
            })
        }
        "elect" if matches!(word, "win" | "wins" | "won" | "winning") => {
            (!any(&near_after, ELECTED)).then_some(("win", EventType::Other))
        }
        // workers strike (for, over, against something); a bomb, a quake
        // or a storm strikes something, and a deal is struck
        // ("strike" and "strikes" may be the noun: "a general strike")
        "protest" if matches!(word, "struck" | "striking") => {
            // "struck a deal", "the agreement struck with"
            let deal_word = |w: &String| DEALS.contains(&w.as_str());
            let deal = near_after.iter().take(3).any(deal_word)
                || near_before.iter().rev().take(2).any(deal_word);
            // "struck for higher pay", "struck on Monday", "struck again":
            // no object, a walkout
            let object = near_after.first().is_some_and(|w| {
                !w.is_empty()
                    && !crate::language::ENGLISH.prepositions.contains(&w.as_str())
                    && !crate::language::ENGLISH.calendar_names.contains(&w.as_str())
                    && !matches!(
                        w.as_str(),
                        "again"
                            | "back"
                            | "out"
                            | "nationwide"
                            | "today"
                            | "yesterday"
                            | "this"
                            | "last"
                            | "and"
                            | "but"
                            | "after"
                            | "before"
                            | "when"
                            | "as"
                    )
            });
            if deal {
                Some(("agreement", Diplomacy))
            } else {
                object.then_some(("hit", EventType::Other))
            }
        }
        // workers go on strike; aircraft and missiles strike targets, and
        // a footballer's strike finds the net
        "protest" if matches!(word, "strike" | "strikes") => {
            let armed = near_before.iter().rev().take(2).any(|w| ARMED.contains(&w.as_str()))
                || near_after.iter().take(4).any(|w| TARGETS.contains(&w.as_str()));
            if near_after.iter().take(3).any(|w| DEALS.contains(&w.as_str())) {
                // "to strike a deal"
                Some(("agreement", Diplomacy))
            } else if armed {
                Some(("attack", Violence))
            } else {
                (any(&near_after, SHOTS) || any(&near_before, SHOTS))
                    .then_some(("shot", EventType::Other))
            }
        }
        // troops storm a building; a team storms to victory or back, a
        // minister storms out of a meeting
        "storm" => {
            let figurative = near_after
                .first()
                .is_some_and(|w| matches!(w.as_str(), "back" | "out" | "off" | "home" | "past"))
                || near_after.iter().take(3).any(|w| {
                    matches!(w.as_str(), "victory" | "win" | "title" | "lead" | "final" | "fame")
                });
            figurative.then_some(("surge", EventType::Other))
        }
        // a price rise sparks protests; a remark sparks a debate, fears or
        // a sell-off, which is no unrest
        "unrest_start" if word.starts_with("spark") => {
            let unrest = near_after.iter().take(6).any(|w| UNREST.contains(&w.as_str()))
                || any(&near_before, UNREST);
            (!unrest).then_some(("cause", EventType::Other))
        }
        // protesters clash with the police; two teams clash in a match
        "clash" => (any(&near_after, MATCHES) || any(&near_before, MATCHES))
            .then_some(("match", EventType::Other)),
        // shares and currencies rally; protesters hold one, or rally
        // behind a leader
        "protest" if word.starts_with("rall") => {
            let market = any(&near_before, MARKETS)
                || near_after.iter().take(4).any(|w| matches!(w.as_str(), "percent" | "points"));
            let behind = near_after
                .first()
                .is_some_and(|w| matches!(w.as_str(), "behind" | "around" | "round" | "to"));
            if market {
                Some(("rise", Economic))
            } else {
                behind.then_some(("support", EventType::Other))
            }
        }
        // people are released; a report, figures or an album are published
        "release" if word.starts_with("releas") => (any(&near_after, PUBLISHED)
            || any(&near_before, PUBLISHED))
        .then_some(("publish", EventType::Other)),
        // an offensive or rockets are launched; a product or a bid too,
        // which is no security event
        "launch" if !any(&near_after, MILITARY) => Some(("launch", EventType::Other)),
        // a building or a mine collapses; talks, a system or a man too
        "disaster" if word.starts_with("collaps") => {
            // ("buried under collapsed houses")
            let structure = any(&near_before, STRUCTURES)
                || near_after.iter().take(3).any(|w| STRUCTURES.contains(&w.as_str()));
            (!structure).then_some(("collapse", EventType::Other))
        }
        // a law is passed; a man passes away, time passes
        "approve" if word.starts_with("pass") => (!any(&near_after, LEGISLATION)
            && !any(&near_before, LEGISLATION))
        .then_some(("pass", EventType::Other)),
        // people are shot dead, in the head, by the police; a ball, a
        // film, a round of golf and a vaccine are shots too
        "shoot" if word.starts_with("shot") || word.starts_with("shoot") => {
            let violent = any(&near_after, VIOLENT) || any(&near_before, VIOLENT);
            let other = any(&near_after, SHOTS)
                || any(&near_before, SHOTS)
                // "shot 68", "shot up", "shot to fame"
                || near_after.first().is_some_and(|w| {
                    w.starts_with(|c: char| c.is_ascii_digit()) || matches!(w.as_str(), "up" | "to")
                })
                // the noun is a shot at goal, a photo, a vaccine more
                // often than a gunshot
                || noun && word == "shot";
            (!violent && other).then_some(("shot", EventType::Other))
        }
        // a leader rules a country; a court rules on a case, and a
        // minister rules out a deal
        "rule" => {
            let verb_use = near_after
                .first()
                .is_some_and(|w| matches!(w.as_str(), "that" | "on" | "out" | "in" | "against"));
            if word == "rules" && (noun || !verb_use) {
                // "the relaxed rules": regulations, not "the court rules
                // that ..."
                Some(("regulation", EventType::Other))
            } else if near_after.first().is_some_and(|w| w == "out") {
                Some(("rule_out", Statement))
            } else if any(&near_before, COURTS) || any(&near_after, COURTS) {
                Some(("ruling", Security))
            } else {
                None
            }
        }
        // a minister is dismissed; so are a claim ("dismissed as
        // baseless") and a case
        "dismiss" if word.starts_with("dismiss") => {
            let first = |n: usize| &near_after[..near_after.len().min(n)];
            if any(&near_after, SENT_OFF) || any(&near_before, SENT_OFF) {
                // a player sent off, a batsman out
                Some(("dismissal", EventType::Other))
            } else if near_after.first().is_some_and(|w| w == "from") {
                // "dismissed from the government"
                None
            } else if any(first(3), CASES) {
                Some(("ruling", Security))
            } else if near_after
                .iter()
                .take(3)
                .position(|w| w == "as")
                .is_some_and(|k| !as_office(&near_after[k + 1..]))
                || any(&near_after, CLAIMS)
            {
                Some(("reject", Statement))
            } else {
                None
            }
        }
        "dismiss" if word.starts_with("remov") => {
            let office = any(&near_after, OFFICES)
                || near_after.iter().chain(&near_before).any(|w| {
                    crate::language::ENGLISH.is_role(w) || crate::language::ENGLISH.is_title(w)
                });
            (!office).then_some(("remove", EventType::Other))
        }
        _ => None,
    }
}

/// Whether the words after "as" name an office ("dismissed as prime
/// minister", "as head of the army"), not a judgement ("as baseless").
fn as_office(words: &[String]) -> bool {
    let english = &crate::language::ENGLISH;
    words.iter().take(4).any(|w| {
        english.is_role(w) || english.is_title(w) || OFFICES.contains(&w.as_str()) || w == "head"
    })
}

/// What is struck when a deal is.
const DEALS: &[&str] =
    &["deal", "deals", "agreement", "compromise", "bargain", "pact", "accord", "truce"];

/// Words right before "strike" that make it an armed attack.
const ARMED: &[&str] = &[
    "air",
    "missile",
    "missiles",
    "drone",
    "rocket",
    "artillery",
    "military",
    "nuclear",
    "pre-emptive",
    "preemptive",
    "retaliatory",
    "surgical",
    "naval",
    "aerial",
    "israeli",
    "us",
];

/// What an armed strike hits ("strikes on militants").
const TARGETS: &[&str] = &[
    "militants",
    "targets",
    "positions",
    "bases",
    "rebels",
    "insurgents",
    "fighters",
    "hideouts",
    "camps",
    "strongholds",
];

/// Words near "dismissed" in sport: a player sent off, a batsman out.
const SENT_OFF: &[&str] = &[
    "minutes", "minute", "yellow", "red", "card", "cards", "referee", "tackle", "tackles", "foul",
    "wicket", "wickets", "lbw", "bowled", "caught", "runs", "innings", "duck",
];

/// Who rules on a case.
const COURTS: &[&str] = &[
    "court",
    "courts",
    "judge",
    "judges",
    "tribunal",
    "justice",
    "justices",
    "jury",
    "magistrate",
    "arbitrator",
    "arbitration",
    "appeal",
    "appeals",
    "lawsuit",
    "case",
    "verdict",
    "panel",
];

/// What a spark starts when it is unrest.
const UNREST: &[&str] = &[
    "protest",
    "protests",
    "riot",
    "riots",
    "rioting",
    "unrest",
    "clashes",
    "violence",
    "demonstrations",
    "uprising",
    "revolt",
    "fighting",
    "strikes",
    "unrests",
    "turmoil",
    "rebellion",
    "mutiny",
    "insurrection",
    "war",
    "looting",
    "attacks",
    "violent",
    "intifada",
];

/// Words near "clash" that make it a game.
const MATCHES: &[&str] = &[
    "match",
    "matches",
    "game",
    "games",
    "group",
    "cup",
    "league",
    "final",
    "semi-final",
    "quarter-final",
    "semifinal",
    "quarterfinal",
    "derby",
    "fixture",
    "tournament",
    "championship",
    "stadium",
    "kick-off",
    "season",
];
/// What a court dismisses.
const CASES: &[&str] =
    &["case", "cases", "charge", "charges", "lawsuit", "lawsuits", "suit", "petition", "complaint"];

/// What a speaker dismisses.
const CLAIMS: &[&str] = &[
    "claim",
    "claims",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "report",
    "reports",
    "criticism",
    "criticisms",
    "suggestion",
    "suggestions",
    "concern",
    "concerns",
    "rumour",
    "rumours",
    "rumor",
    "rumors",
    "speculation",
    "idea",
    "calls",
    "demands",
    "ultimatum",
    "threat",
    "threats",
    "fears",
];

/// Words near "shot" that make it a shooting: the wounded and the dead,
/// weapons, who shoots, where a bullet strikes.
const VIOLENT: &[&str] = &[
    "dead",
    "death",
    "deaths",
    "killed",
    "killing",
    "wounded",
    "wounding",
    "injured",
    "injuring",
    "gun",
    "guns",
    "gunman",
    "gunmen",
    "gunfire",
    "rifle",
    "rifles",
    "pistol",
    "bullet",
    "bullets",
    "sniper",
    "snipers",
    "police",
    "policeman",
    "policemen",
    "officers",
    "troops",
    "soldier",
    "soldiers",
    "militants",
    "rebels",
    "insurgents",
    "protesters",
    "demonstrators",
    "civilians",
    "fire",
    "down",
    "head",
    "chest",
    "neck",
    "leg",
    "legs",
    "stomach",
    "back",
    "murder",
    "murdered",
    "suspect",
    "attack",
    "attackers",
    "hospital",
    "victim",
    "victims",
    "fatally",
    "executed",
    "forces",
    "army",
];

/// Words near "shot" that make it no shooting: sport, film and
/// photography, vaccines, charts.
const SHOTS: &[&str] = &[
    "goal",
    "goals",
    "ball",
    "post",
    "crossbar",
    "bar",
    "net",
    "round",
    "par",
    "birdie",
    "birdies",
    "bogey",
    "hole",
    "holes",
    "putt",
    "film",
    "films",
    "movie",
    "movies",
    "video",
    "videos",
    "footage",
    "photo",
    "photos",
    "photograph",
    "photographs",
    "picture",
    "pictures",
    "camera",
    "cameras",
    "cctv",
    "scene",
    "scenes",
    "documentary",
    "title",
    "medal",
    "match",
    "game",
    "basket",
    "pointer",
    "three-pointer",
    "wicket",
    "innings",
    "keeper",
    "goalkeeper",
    "save",
    "wide",
    "tiebreak",
    "tiebreaker",
    "forehand",
    "forehanded",
    "backhand",
    "serve",
    "rankings",
    "charts",
    "chart",
    "fame",
    "flu",
    "vaccine",
    "vaccines",
    "injection",
    "booster",
    "dose",
];

/// What has a price: a rise or cut of one is a price change.
/// ("rates" alone may be obesity rates, a "toll" the dead: "interest"
/// tells interest rates)
const PRICED: &[&str] = &[
    "price", "prices", "interest", "tariff", "tariffs", "tax", "taxes", "fee", "fees", "fare",
    "fares", "cost", "costs", "wage", "wages", "salary", "salaries", "pension", "pensions", "rent",
    "rents", "duty", "duties", "petrol", "fuel", "gas", "diesel", "gasoline",
];

/// What is won in an election.
const ELECTED: &[&str] = &[
    "election",
    "elections",
    "vote",
    "votes",
    "ballot",
    "poll",
    "polls",
    "seat",
    "seats",
    "majority",
    "presidency",
    "primary",
    "primaries",
    "nomination",
    "referendum",
    "mandate",
    "runoff",
    "re-election",
    "reelection",
    "term",
    "leadership",
    "landslide",
];

/// What rallies on a market.
const MARKETS: &[&str] = &[
    "shares",
    "share",
    "stocks",
    "stock",
    "index",
    "indices",
    "indexes",
    "market",
    "markets",
    "dollar",
    "euro",
    "yen",
    "pound",
    "franc",
    "yuan",
    "rupee",
    "currency",
    "currencies",
    "bonds",
    "futures",
    "oil",
    "gold",
    "crude",
    "nikkei",
    "dow",
    "nasdaq",
    "prices",
];

/// What is published rather than set free.
const PUBLISHED: &[&str] = &[
    "report",
    "reports",
    "list",
    "statement",
    "data",
    "figures",
    "album",
    "film",
    "results",
    "details",
    "video",
    "tape",
    "book",
    "record",
    "song",
    "photos",
    "pictures",
    "findings",
    "survey",
    "study",
    "document",
    "documents",
    "version",
    "schedule",
    "budget",
    "funds",
    "poll",
    "statistics",
    "transcript",
    "text",
    "footage",
    "forecast",
    "estimate",
    "estimates",
];

/// What a military launch sends.
const MILITARY: &[&str] = &[
    "attack",
    "attacks",
    "offensive",
    "operation",
    "operations",
    "strike",
    "strikes",
    "raid",
    "raids",
    "rocket",
    "rockets",
    "missile",
    "missiles",
    "war",
    "assault",
    "invasion",
    "bombing",
    "airstrikes",
    "air",
    "shells",
    "mortar",
    "mortars",
    "counteroffensive",
    "incursion",
];

/// What collapses in a disaster.
const STRUCTURES: &[&str] = &[
    "building",
    "buildings",
    "house",
    "houses",
    "roof",
    "bridge",
    "dam",
    "mine",
    "tunnel",
    "wall",
    "walls",
    "tower",
    "towers",
    "school",
    "stadium",
    "hotel",
    "block",
    "apartment",
    "structure",
    "ceiling",
    "stand",
    "mall",
    "factory",
    "church",
    "mosque",
    "temple",
    "embankment",
    "pit",
    "shaft",
    "levee",
    "home",
    "homes",
    "scaffolding",
    "crane",
    "hospital",
    "market",
];

/// What a legislature passes.
const LEGISLATION: &[&str] = &[
    "law",
    "laws",
    "bill",
    "bills",
    "resolution",
    "resolutions",
    "budget",
    "amendment",
    "amendments",
    "motion",
    "legislation",
    "measure",
    "measures",
    "act",
    "decree",
    "constitution",
    "reform",
    "reforms",
    "treaty",
    "vote",
    "referendum",
];

/// Offices one is removed from.
const OFFICES: &[&str] = &[
    "post",
    "office",
    "power",
    "position",
    "council",
    "government",
    "cabinet",
    "board",
    "job",
    "presidency",
    "command",
    "chairmanship",
    "leadership",
    "parliament",
    "seat",
    "posts",
    "committee",
    "commission",
];

/// Whether a lexicon action names a lasting state rather than a
/// happening: "has ruled since 1989", "has retained power" hold up to the
/// day of writing.
#[must_use]
pub fn is_lasting(action: &str) -> bool {
    matches!(action, "rule" | "retain_power")
}

/// Nouns for armed forces, used by the presence construction ("troops are
/// already in the country") and by "sent ... forces".
#[must_use]
pub fn is_force_noun(w: &str) -> bool {
    matches!(
        w.trim_matches(|c: char| !c.is_alphanumeric()),
        "troops"
            | "soldiers"
            | "forces"
            | "units"
            | "peacekeepers"
            | "paratroopers"
            | "army"
            | "military"
            | "contingent"
            | "servicemen"
            | "battalions"
            | "tanks"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_cover_regular_and_irregular_forms() {
        for w in [
            "dismissed",
            "dissolves",
            "dissolving",
            "fled",
            "withdrew",
            "banned",
            "denied",
            "shot",
            "rallies",
        ] {
            assert!(lookup(w).is_some(), "{w}");
        }
        assert_eq!(lookup("dissolved").unwrap().action, "dismiss");
        assert_eq!(lookup("resignation").unwrap().action, "dismiss");
        assert!(lookup("resignation").unwrap().noun);
        assert!(lookup("government").is_none());
    }

    #[test]
    fn phrasal_verbs_need_their_particle() {
        assert_eq!(phrase_action("take", "to the streets in March").unwrap().0, "unrest_start");
        assert_eq!(phrase_action("open", "fire on the crowd").unwrap().0, "shoot");
        assert_eq!(phrase_action("set", "fire to two cars").unwrap().0, "arson");
        assert_eq!(phrase_action("set", "the station on fire").unwrap().0, "arson");
        assert!(phrase_action("set", "a date for the talks").is_none());
        // a day name or an adverb between the verb and its phrase
        assert_eq!(phrase_action("appeal", "thursday for a review").unwrap().0, "appeal");
        assert_eq!(phrase_action("appeal", "here monday, for calm").unwrap().0, "appeal");
        assert!(phrase_action("appeal", "thursday a meeting").is_none());
        assert!(phrase_action("take", "a look").is_none());
        assert!(phrase_action("request_help", "him whether it was true").is_none());
        assert!(phrase_action("request_help", "the UN to send help").is_some());
        assert!(phrase_action("deploy", "a letter").is_none());
        assert_eq!(phrase_action("declare", "a state of emergency").unwrap().0, "emergency_rule");
        assert_eq!(phrase_action("impose", "a curfew in the capital").unwrap().0, "emergency_rule");
        // a verb of causing starts unrest only when unrest is what it caused
        assert_eq!(
            phrase_action("cause_unrest", "nationwide demonstrations").unwrap().0,
            "unrest_start"
        );
        assert_eq!(
            phrase_action("cause_unrest", "a wave of serious riots").unwrap().0,
            "unrest_start"
        );
        assert!(phrase_action("cause_unrest", "outrage among locals").is_none());
        assert!(phrase_action("cause_unrest", "the automatic protection system").is_none());
    }

    #[test]
    fn a_verb_of_many_senses_takes_the_one_its_clause_gives() {
        let sense = |a, w, b, c| clause_sense(a, w, b, c, false).map_or(a, |s| s.0);
        assert_eq!(
            sense("price_rise", "raised", "the bank", "interest rates by half"),
            "price_rise"
        );
        assert_eq!(sense("price_rise", "increased", "fuel prices", "by 20 percent"), "price_rise");
        assert_eq!(sense("price_rise", "raised", "the charity", "$5 million"), "increase");
        assert_eq!(sense("price_cut", "cut", "the two countries", "ties"), "decrease");
        assert_eq!(sense("elect", "won", "the party", "a majority of seats"), "elect");
        assert_eq!(sense("elect", "won", "india", "the bronze medal"), "win");
        // "elected" is an election whatever follows
        assert_eq!(sense("elect", "elected", "parliament", "a speaker"), "elect");
        assert_eq!(sense("dismiss", "removed", "the president", "the minister"), "dismiss");
        assert_eq!(sense("dismiss", "removed", "he was", "from the security council"), "dismiss");
        assert_eq!(sense("dismiss", "removed", "engineers", "the cap from the well"), "remove");
        assert_eq!(sense("protest", "struck", "dockers", "for higher pay"), "protest");
        assert_eq!(sense("protest", "struck", "the rivals", "a deal on pay"), "agreement");
        assert_eq!(sense("protest", "struck", "the quake", "the coast"), "hit");
        assert_eq!(sense("protest", "struck", "a failure", "hong kong's peak tram"), "hit");
        assert_eq!(sense("protest", "struck", "dockers", "on monday"), "protest");
        assert_eq!(sense("protest", "struck", "dockers", "again"), "protest");
        assert_eq!(sense("protest", "struck", "an agreement", "with the union"), "agreement");
        assert_eq!(sense("protest", "rallied", "shares", "1.5 percent"), "rise");
        assert_eq!(sense("protest", "rallied", "the party", "behind its leader"), "support");
        assert_eq!(sense("protest", "rallied", "thousands", "in the capital"), "protest");
        assert_eq!(sense("release", "released", "the rebels", "two hostages"), "release");
        assert_eq!(sense("release", "released", "the ministry", "its annual report"), "publish");
        assert_eq!(sense("launch", "launched", "the army", "an offensive"), "launch");
        let kind = |a, w, b, c| clause_sense(a, w, b, c, false).map(|s| s.1);
        assert_eq!(kind("launch", "launched", "the firm", "a phone"), Some(EventType::Other));
        assert_eq!(kind("launch", "launched", "the army", "an offensive"), None);
        assert_eq!(sense("disaster", "collapsed", "a school", "in the quake"), "disaster");
        assert_eq!(sense("disaster", "collapsed", "the talks", "on monday"), "collapse");
        assert_eq!(
            sense("disaster", "collapsed", "buried under", "prefabricated houses"),
            "disaster"
        );
        assert_eq!(sense("approve", "passed", "parliament", "the budget"), "approve");
        assert_eq!(sense("approve", "passed", "he", "away"), "pass");
        assert!(phrase_action("declare", "victory").is_none());
        assert!(phrase_action("deploy", "its forces to").is_some());
        assert_eq!(sense("shoot", "shot", "police", "two protesters"), "shoot");
        assert_eq!(sense("shoot", "shot", "he was", "in the head"), "shoot");
        assert_eq!(sense("shoot", "shot", "the rebels", "down a helicopter"), "shoot");
        assert_eq!(sense("shoot", "shot", "the director", "the film in paris"), "shot");
        assert_eq!(sense("shoot", "shot", "woods", "68 in the second round"), "shot");
        assert_eq!(sense("shoot", "shot", "the song", "to the top of the charts"), "shot");
        // with no word either way, the verb is a shooting and the noun not
        assert_eq!(sense("shoot", "shot", "a man", "his neighbour"), "shoot");
        let noun = |b, c| clause_sense("shoot", "shot", b, c, true).map_or("shoot", |s| s.0);
        assert_eq!(noun("a mistimed pull", "that was skied to mid-on"), "shot");
        assert_eq!(noun("a single", "killed the guard"), "shoot");
        assert_eq!(sense("protest", "strike", "a general", "on monday"), "protest");
        assert_eq!(sense("protest", "strike", "hoping to", "a deal with iran"), "agreement");
        assert_eq!(sense("protest", "strike", "ordered an air", "on the reactor"), "attack");
        assert_eq!(sense("protest", "strikes", "to resume", "on militants in gaza"), "attack");
        assert_eq!(sense("protest", "strike", "brittain's first-time", "into the net"), "shot");
        assert_eq!(sense("storm", "stormed", "troops", "the building"), "storm");
        assert_eq!(sense("storm", "storming", "he is", "back onto the stage"), "surge");
        assert_eq!(sense("storm", "stormed", "the team", "to victory"), "surge");
        assert_eq!(sense("dismiss", "dismissed", "sissoko was", "on 65 minutes"), "dismissal");
        assert_eq!(sense("dismiss", "dismissed", "england were", "for 120 runs"), "dismissal");
        assert_eq!(sense("rule", "ruled", "marcos", "the philippines for 20 years"), "rule");
        let noun = |a, w, b, c| clause_sense(a, w, b, c, true).map_or(a, |s| s.0);
        assert_eq!(noun("rule", "rules", "the relaxed", "could lead to bad loans"), "regulation");
        assert_eq!(noun("rule", "rule", "under colonial", "until 1960"), "rule");
        assert_eq!(sense("rule", "rules", "the relaxed", "could lead to bad loans"), "regulation");
        assert_eq!(sense("rule", "rules", "the court", "that the law is void"), "ruling");
        assert_eq!(sense("rule", "ruling", "the nafta panel", "under the trade pact"), "ruling");
        assert_eq!(sense("dismiss", "dismissing", "a mediator", "it as a travesty"), "reject");
        assert_eq!(sense("clash", "clashed", "protesters", "with the police"), "clash");
        assert_eq!(
            sense("unrest_start", "sparked", "the price rise", "mass protests"),
            "unrest_start"
        );
        assert_eq!(
            sense("unrest_start", "sparked", "the riots", "immediately after"),
            "unrest_start"
        );
        assert_eq!(sense("unrest_start", "sparked", "the remark", "a fresh debate"), "cause");
        assert_eq!(sense("clash", "clash", "group f opens with a", "in kaiserslautern"), "match");
        assert_eq!(sense("rule", "ruled", "the minister", "out a coalition"), "rule_out");
        assert_eq!(sense("rule", "ruled", "the supreme court", "that the law was void"), "ruling");
        assert_eq!(sense("dismiss", "dismissed", "the president", "the cabinet"), "dismiss");
        assert_eq!(sense("dismiss", "dismissed", "he", "as baseless the claims"), "reject");
        assert_eq!(sense("dismiss", "dismissed", "he was", "as prime minister"), "dismiss");
        assert_eq!(sense("dismiss", "dismissed", "he was", "as the country's premier"), "dismiss");
        assert_eq!(sense("dismiss", "dismissed", "the ministry", "the allegations"), "reject");
        assert_eq!(sense("dismiss", "dismissed", "a judge", "the charges against him"), "ruling");
        assert_eq!(
            sense("dismiss", "dismissed", "vieira", "from government reiterated its charges"),
            "dismiss"
        );
    }
}
