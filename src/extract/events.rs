//! Event mentions as `TimeML` defines them, learned from annotated news.
//!
//! Every word of a sentence analysed by the backbone ([`crate::nlp`]) is
//! classified by an averaged perceptron as no event or as an event of one of
//! the seven `TimeML` classes ([`EventClass`]); no word list decides what can
//! be an event. The features are the word's form, lemma, tags and suffixes,
//! its neighbours, its dependency relation, its head and its function-word
//! children, and whether a time expression covers it. Two smaller
//! perceptrons give each event its tense and aspect from its auxiliary
//! chain; polarity and modality are read off its dependents (a negator, a
//! modal verb).
//!
//! The model is trained by `timeline events train` on `TimeML` folders
//! (`TimeBank` and AQUAINT as TempEval-3 released them), seeded so the same
//! data gives the same bytes, and embedded from `models/en-events.model`.
//! `timeline events cv` reports the TempEval-3 task B figures of a k-fold
//! cross-validation by document, and `timeline eval` scores the committed
//! model on any `TimeML` folder.

use std::fmt;
use std::sync::LazyLock;

use serde::Serialize;

use super::timeml;
use super::timex::{self, Context, Timex};
use crate::language::ENGLISH;
use crate::nlp::perceptron::{argmax, hash_str, mix, read_u32, shuffle, Trainer, Weights};
use crate::nlp::{self, Sentence, Token};

macro_rules! vocabulary {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $v:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        pub enum $name {
            $($(#[$vm])* #[serde(rename = $s)] $v),+
        }

        impl $name {
            /// Every value, in the order of the model's classes.
            pub const ALL: &'static [$name] = &[$($name::$v),+];

            /// The `TimeML` name.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$v => $s),+
                }
            }

            /// The value of a `TimeML` name (case-blind).
            #[must_use]
            pub fn parse(s: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.as_str().eq_ignore_ascii_case(s))
            }

            #[allow(dead_code)]
            fn index(self) -> usize {
                Self::ALL.iter().position(|&v| v == self).unwrap_or(0)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// The `TimeML` event classes.
    EventClass {
        /// Something that happens: "exploded", "the election".
        Occurrence = "OCCURRENCE",
        /// Someone says, tells or reports: "said", "announced".
        Reporting = "REPORTING",
        /// A circumstance that holds: "the war", "was in charge".
        State = "STATE",
        /// An action that introduces another event: "tried", "ordered".
        IAction = "I_ACTION",
        /// A state that introduces another event: "believe", "want".
        IState = "I_STATE",
        /// The start, end or continuation of another event: "began".
        Aspectual = "ASPECTUAL",
        /// Seeing or hearing another event: "saw", "heard".
        Perception = "PERCEPTION",
    }
}

vocabulary! {
    /// `TimeML` tense of an event instance.
    Tense {
        /// No tense (nouns, most adjectives, modal constructions).
        None = "NONE",
        /// Simple or perfect past.
        Past = "PAST",
        /// Present.
        Present = "PRESENT",
        /// Will or shall.
        Future = "FUTURE",
        /// To-infinitive or bare infinitive.
        Infinitive = "INFINITIVE",
        /// An -ing form without a finite auxiliary.
        Prespart = "PRESPART",
        /// A past participle without a finite auxiliary.
        Pastpart = "PASTPART",
    }
}

vocabulary! {
    /// `TimeML` grammatical aspect of an event instance.
    Aspect {
        /// Simple.
        None = "NONE",
        /// Be + -ing.
        Progressive = "PROGRESSIVE",
        /// Have + participle.
        Perfective = "PERFECTIVE",
        /// Have been + -ing.
        PerfectiveProgressive = "PERFECTIVE_PROGRESSIVE",
    }
}

vocabulary! {
    /// `TimeML` polarity.
    Polarity {
        /// Asserted.
        Pos = "POS",
        /// Negated ("did not say", "no injuries").
        Neg = "NEG",
    }
}

/// An event mention found in a text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventMention {
    /// Byte offset of the event word in the text.
    pub start: usize,
    /// Byte offset past its end.
    pub end: usize,
    /// The event word as written.
    pub text: String,
    /// Its lemma.
    pub lemma: String,
    /// ``TimeML`` class.
    pub class: EventClass,
    /// ``TimeML`` tense.
    pub tense: Tense,
    /// ``TimeML`` aspect.
    pub aspect: Aspect,
    /// ``TimeML`` polarity.
    pub polarity: Polarity,
    /// The modal verb that qualifies it (`would`, `could`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modality: Option<String>,
    /// ``TimeML`` part of speech: `VERB`, `NOUN`, `ADJECTIVE`, `PREPOSITION`
    /// or `OTHER`.
    pub pos: &'static str,
    /// The sentence (0-based, in the analysis given).
    pub sentence: usize,
    /// The word in its sentence (0-based).
    pub token: usize,
    /// How far the event score lies above the no-event score.
    pub margin: f32,
}

/// The trained event models.
#[derive(Debug, Clone, PartialEq)]
pub struct EventModel {
    /// No event (class 0) or one of [`EventClass::ALL`] (class 1 + index).
    pub detect: Weights,
    /// [`Tense::ALL`] of an event.
    pub tense: Weights,
    /// [`Aspect::ALL`] of an event.
    pub aspect: Weights,
    /// Added to every event class's score before the decision: above 0
    /// finds more events, below fewer.
    pub bias: f32,
}

const MAGIC: &[u8; 8] = b"TLEVT\x00\x01\x00";

static EMBEDDED: &[u8] = include_bytes!("../../models/en-events.model");
static MODEL: LazyLock<Result<EventModel, crate::error::ModelError>> =
    LazyLock::new(|| EventModel::read(EMBEDDED));

// feature templates
const T_BIAS: u64 = 1;
const T_LOWER: u64 = 2;
const T_LEMMA: u64 = 3;
const T_UPOS: u64 = 4;
const T_XPOS: u64 = 5;
const T_LEMMA_XPOS: u64 = 6;
const T_SUFFIX: u64 = 7;
const T_PREV: u64 = 8;
const T_NEXT: u64 = 9;
const T_PREV_UPOS: u64 = 10;
const T_NEXT_UPOS: u64 = 11;
const T_PREV2_UPOS: u64 = 12;
const T_NEXT2_UPOS: u64 = 13;
const T_DEPREL: u64 = 14;
const T_DEPREL_UPOS: u64 = 15;
const T_HEAD_LEMMA: u64 = 16;
const T_HEAD_UPOS: u64 = 17;
const T_DEPREL_HEAD: u64 = 18;
const T_CHILD_REL: u64 = 19;
const T_CHILD_FUNCTION: u64 = 20;
const T_TIMEX: u64 = 21;
const T_SHAPE: u64 = 22;
const T_LEMMA_DEPREL: u64 = 23;
const T_GRANDHEAD: u64 = 24;
const T_FEATS: u64 = 25;
const T_LEMMA_HEAD: u64 = 26;
const T_PREV_LEMMA_UPOS: u64 = 27;
const T_CHAIN: u64 = 28;
const T_CHAIN_XPOS: u64 = 29;
const T_CHILD_LEMMA: u64 = 30;

#[inline]
fn key(template: u64, parts: &[&str]) -> u64 {
    parts.iter().fold(mix(template, 0x51ed), |h, p| mix(h, hash_str(p)))
}

/// A sentence prepared for features: children lists and lowercase forms.
struct View<'a> {
    s: &'a Sentence,
    lower: Vec<String>,
    kids: Vec<Vec<usize>>,
    timex: Vec<bool>,
}

impl<'a> View<'a> {
    fn new(s: &'a Sentence, timexes: &[Timex]) -> View<'a> {
        let n = s.tokens.len();
        let mut kids = vec![Vec::new(); n];
        for (i, t) in s.tokens.iter().enumerate() {
            if t.head > 0 && t.head <= n {
                kids[t.head - 1].push(i);
            }
        }
        let first = timexes.partition_point(|x| x.end <= s.start);
        let timex = s
            .tokens
            .iter()
            .map(|t| {
                timexes[first..]
                    .iter()
                    .take_while(|x| x.start < s.end)
                    .any(|x| x.start < t.end && t.start < x.end)
            })
            .collect();
        View { s, lower: s.tokens.iter().map(|t| t.form.to_lowercase()).collect(), kids, timex }
    }

    fn tok(&self, i: isize) -> Option<&Token> {
        usize::try_from(i).ok().and_then(|i| self.s.tokens.get(i))
    }

    fn head(&self, i: usize) -> Option<&Token> {
        let h = self.s.tokens[i].head;
        (h > 0).then(|| self.s.tokens.get(h - 1)).flatten()
    }

    /// The auxiliary chain of word `i`: its aux, cop and mark dependents
    /// as `lemma/xpos`, in text order (`have/VBZ be/VBN`).
    fn chain(&self, i: usize) -> String {
        let mut c = String::new();
        for &k in &self.kids[i] {
            let t = &self.s.tokens[k];
            if matches!(t.deprel.as_str(), "aux" | "aux:pass" | "cop" | "mark")
                && !matches!(t.upos.as_str(), "SCONJ" | "ADP")
                || (t.deprel == "mark" && self.lower[k] == "to")
            {
                if !c.is_empty() {
                    c.push(' ');
                }
                c.push_str(&t.lemma.to_lowercase());
                c.push('/');
                c.push_str(&t.xpos);
            }
        }
        c
    }

    /// Features of word `i` for detection and class.
    fn detection(&self, i: usize, out: &mut Vec<u64>) {
        out.clear();
        let t = &self.s.tokens[i];
        let lower = self.lower[i].as_str();
        let lemma = t.lemma.to_lowercase();
        let ii = isize::try_from(i).unwrap_or(isize::MAX);
        let none = "<none>";
        out.push(key(T_BIAS, &[]));
        out.push(key(T_LOWER, &[lower]));
        out.push(key(T_LEMMA, &[&lemma]));
        out.push(key(T_UPOS, &[&t.upos]));
        out.push(key(T_XPOS, &[&t.xpos]));
        out.push(key(T_LEMMA_XPOS, &[&lemma, &t.xpos]));
        out.push(key(T_FEATS, &[&t.feats, &t.upos]));
        let chars: Vec<char> = lower.chars().collect();
        for n in 2..=4 {
            if chars.len() > n {
                let suffix: String = chars[chars.len() - n..].iter().collect();
                out.push(key(T_SUFFIX + 100 * n as u64, &[&suffix, &t.upos]));
            }
        }
        let p = self.tok(ii - 1);
        let nx = self.tok(ii + 1);
        out.push(key(T_PREV, &[p.map_or(none, |t| t.lemma.as_str())]));
        out.push(key(T_NEXT, &[nx.map_or(none, |t| t.lemma.as_str())]));
        out.push(key(T_PREV_UPOS, &[p.map_or(none, |t| t.upos.as_str()), &t.upos]));
        out.push(key(T_NEXT_UPOS, &[&t.upos, nx.map_or(none, |t| t.upos.as_str())]));
        out.push(key(T_PREV2_UPOS, &[self.tok(ii - 2).map_or(none, |t| t.upos.as_str())]));
        out.push(key(T_NEXT2_UPOS, &[self.tok(ii + 2).map_or(none, |t| t.upos.as_str())]));
        out.push(key(T_PREV_LEMMA_UPOS, &[p.map_or(none, |t| t.lemma.as_str()), &lemma]));
        out.push(key(T_DEPREL, &[&t.deprel]));
        out.push(key(T_DEPREL_UPOS, &[&t.deprel, &t.upos]));
        out.push(key(T_LEMMA_DEPREL, &[&lemma, &t.deprel]));
        let head = self.head(i);
        let head_lemma = head.map_or(none, |h| h.lemma.as_str());
        out.push(key(T_HEAD_LEMMA, &[head_lemma]));
        out.push(key(T_HEAD_UPOS, &[head.map_or(none, |h| h.upos.as_str()), &t.upos]));
        out.push(key(T_DEPREL_HEAD, &[&t.deprel, head_lemma]));
        out.push(key(T_LEMMA_HEAD, &[&lemma, head_lemma]));
        if let Some(h) = head {
            let hi = t.head - 1;
            let g = self.head(hi);
            out.push(key(T_GRANDHEAD, &[&h.deprel, g.map_or(none, |g| g.lemma.as_str())]));
        }
        for &k in &self.kids[i] {
            let c = &self.s.tokens[k];
            out.push(key(T_CHILD_REL, &[&c.deprel, &t.upos]));
            if matches!(c.upos.as_str(), "AUX" | "ADP" | "DET" | "PART" | "SCONJ") {
                out.push(key(T_CHILD_FUNCTION, &[&c.deprel, &self.lower[k]]));
            } else if matches!(c.deprel.as_str(), "nsubj" | "obj" | "nsubj:pass" | "compound") {
                out.push(key(T_CHILD_LEMMA, &[&c.deprel, &c.lemma]));
            }
        }
        out.push(key(T_CHAIN, &[&self.chain(i)]));
        out.push(key(T_TIMEX, &[if self.timex[i] { "in" } else { "out" }, &t.upos]));
        let first = t.form.chars().next().unwrap_or(' ');
        let shape = if t.form.chars().any(|c| c.is_ascii_digit()) {
            "digit"
        } else if t.form.chars().all(|c| !c.is_lowercase()) && first.is_alphabetic() {
            "upper"
        } else if first.is_uppercase() {
            if i == 0 {
                "title-first"
            } else {
                "title"
            }
        } else {
            "lower"
        };
        out.push(key(T_SHAPE, &[shape]));
    }

    /// Features of event word `i` for tense and aspect.
    fn grammar(&self, i: usize, out: &mut Vec<u64>) {
        out.clear();
        let t = &self.s.tokens[i];
        let chain = self.chain(i);
        out.push(key(T_BIAS, &[]));
        out.push(key(T_XPOS, &[&t.xpos]));
        out.push(key(T_UPOS, &[&t.upos]));
        out.push(key(T_FEATS, &[&t.feats]));
        out.push(key(T_DEPREL, &[&t.deprel]));
        out.push(key(T_CHAIN, &[&chain]));
        out.push(key(T_CHAIN_XPOS, &[&chain, &t.xpos]));
        out.push(key(T_DEPREL_UPOS, &[&t.deprel, &t.xpos]));
        for part in chain.split(' ').filter(|p| !p.is_empty()) {
            out.push(key(T_CHILD_FUNCTION, &[part]));
            out.push(key(T_CHILD_FUNCTION + 1000, &[part, &t.xpos]));
        }
        // an event without auxiliaries of its own takes them from the verb
        // it completes ("expected to rise", "has been trying to sell")
        if let Some(h) = self.head(i) {
            out.push(key(T_HEAD_UPOS, &[&t.deprel, &h.xpos, &t.xpos]));
            out.push(key(T_GRANDHEAD, &[&t.deprel, &self.chain(t.head - 1)]));
        }
    }

    fn polarity(&self, i: usize) -> Polarity {
        let neg = self.kids[i].iter().any(|&k| {
            let c = &self.s.tokens[k];
            ENGLISH.negators.contains(&c.lemma.to_lowercase().as_str())
                || ENGLISH.negators.contains(&self.lower[k].as_str())
        });
        if neg {
            Polarity::Neg
        } else {
            Polarity::Pos
        }
    }

    fn modality(&self, i: usize) -> Option<String> {
        self.kids[i].iter().find_map(|&k| {
            let c = &self.s.tokens[k];
            (c.xpos == "MD" && !ENGLISH.future_modals.contains(&c.lemma.to_lowercase().as_str()))
                .then(|| self.lower[k].clone())
        })
    }
}

fn timeml_pos(upos: &str) -> &'static str {
    match upos {
        "VERB" | "AUX" => "VERB",
        "NOUN" | "PROPN" => "NOUN",
        "ADJ" => "ADJECTIVE",
        "ADP" => "PREPOSITION",
        _ => "OTHER",
    }
}

impl EventModel {
    /// The model committed with the code, loaded once.
    ///
    /// # Errors
    /// When the committed file is not a model.
    pub fn embedded() -> Result<&'static EventModel, crate::error::ModelError> {
        MODEL.as_ref().map_err(Clone::clone)
    }

    /// The event mentions of analysed sentences; `timexes` are the text's
    /// time expressions (a word they cover is rarely an event).
    #[must_use]
    pub fn detect(
        &self,
        text: &str,
        sentences: &[Sentence],
        timexes: &[Timex],
    ) -> Vec<EventMention> {
        let mut out = Vec::new();
        let mut f = Vec::with_capacity(64);
        let mut scores = vec![0.0; self.detect.classes.max(1)];
        let mut g = Vec::with_capacity(16);
        let mut ts = vec![0.0; self.tense.classes.max(1)];
        let mut asp = vec![0.0; self.aspect.classes.max(1)];
        for (si, s) in sentences.iter().enumerate() {
            let v = View::new(s, timexes);
            for (i, t) in s.tokens.iter().enumerate() {
                if t.upos == "PUNCT" || t.end <= t.start {
                    continue;
                }
                v.detection(i, &mut f);
                self.detect.score(&f, &mut scores);
                for s in scores.iter_mut().skip(1) {
                    *s += self.bias;
                }
                let best = argmax(&scores);
                if best == 0 {
                    continue;
                }
                v.grammar(i, &mut g);
                self.tense.score(&g, &mut ts);
                self.aspect.score(&g, &mut asp);
                out.push(EventMention {
                    start: t.start,
                    end: t.end,
                    text: text.get(t.start..t.end).unwrap_or(&t.form).to_string(),
                    lemma: t.lemma.clone(),
                    class: EventClass::ALL[(best - 1).min(EventClass::ALL.len() - 1)],
                    tense: Tense::ALL.get(argmax(&ts)).copied().unwrap_or(Tense::None),
                    aspect: Aspect::ALL.get(argmax(&asp)).copied().unwrap_or(Aspect::None),
                    polarity: v.polarity(i),
                    modality: v.modality(i),
                    pos: timeml_pos(&t.upos),
                    sentence: si,
                    token: i,
                    margin: scores[best] - scores[0],
                });
            }
        }
        out
    }

    /// The model's bytes: a magic number, the bias, then the detection,
    /// tense and aspect weights. The same model gives the same bytes.
    #[must_use]
    pub fn write(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&self.bias.to_le_bytes());
        self.detect.write(&mut out);
        self.tense.write(&mut out);
        self.aspect.write(&mut out);
        out
    }

    /// Read a model written by [`EventModel::write`].
    ///
    /// # Errors
    /// What is wrong with the bytes.
    pub fn read(bytes: &[u8]) -> Result<EventModel, crate::error::ModelError> {
        if bytes.is_empty() {
            return Err("no event model: models/en-events.model is empty (train one with `timeline events train`)".into());
        }
        if !bytes.starts_with(MAGIC) {
            return Err(
                "expected a timeline event model (TLEVT version 1), but the file starts otherwise"
                    .into(),
            );
        }
        let mut at = MAGIC.len();
        let bias = f32::from_bits(read_u32(bytes, &mut at)?);
        let detect = Weights::read(bytes, &mut at)?;
        let tense = Weights::read(bytes, &mut at)?;
        let aspect = Weights::read(bytes, &mut at)?;
        if detect.classes != EventClass::ALL.len() + 1
            || tense.classes != Tense::ALL.len()
            || aspect.classes != Aspect::ALL.len()
        {
            return Err("the event model's classes are not TimeML's".into());
        }
        if at != bytes.len() {
            return Err(
                format!("the event model has {} bytes after its end", bytes.len() - at).into()
            );
        }
        Ok(EventModel { detect, tense, aspect, bias })
    }
}

/// A text's time expressions and events (`timeline annotate`).
#[derive(Debug, Clone, Serialize)]
pub struct Annotation {
    /// Time expressions, in text order.
    pub timexes: Vec<Timex>,
    /// Event mentions, in text order.
    pub events: Vec<EventMention>,
}

/// Analyse `text`, tag its time expressions against `ctx` and find its
/// events.
#[must_use]
pub fn annotate(nlp: &nlp::Model, events: &EventModel, text: &str, ctx: &Context) -> Annotation {
    let sentences = nlp.analyze(text);
    let timexes = timex::tag(text, ctx);
    let events = events.detect(text, &sentences, &timexes);
    Annotation { timexes, events }
}

/// One word of training data: its features and gold labels.
#[derive(Debug, Clone)]
struct Example {
    features: Vec<u64>,
    /// 0 for no event, else 1 + the class index.
    class: usize,
    /// Tense and aspect features, and the gold tense and aspect, for an
    /// event with those attributes.
    grammar: Option<(Vec<u64>, Option<usize>, Option<usize>)>,
}

/// A ``TimeML`` document analysed for training and evaluation.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The document's name (file stem).
    pub name: String,
    /// The ``TimeML`` document.
    pub doc: timeml::Document,
    sentences: Vec<Sentence>,
    timexes: Vec<Timex>,
    examples: Vec<Vec<Example>>,
}

impl Prepared {
    /// Analyse a ``TimeML`` document: sentences, time expressions (against its
    /// creation time) and each word's features and gold labels. A gold
    /// event labels the first word it overlaps.
    #[must_use]
    pub fn new(nlp: &nlp::Model, name: &str, doc: timeml::Document) -> Prepared {
        let sentences = nlp.analyze(&doc.text);
        let ctx = Context { reference: doc.dct, inferred: false, year: None };
        let timexes = timex::tag(&doc.text, &ctx);
        let mut examples = Vec::with_capacity(sentences.len());
        let mut g = 0;
        for s in &sentences {
            let v = View::new(s, &timexes);
            let mut ex = Vec::with_capacity(s.tokens.len());
            for (i, t) in s.tokens.iter().enumerate() {
                if t.upos == "PUNCT" || t.end <= t.start {
                    continue;
                }
                while g < doc.events.len() && doc.events[g].end <= t.start {
                    g += 1;
                }
                let gold = doc.events.get(g).filter(|e| e.start < t.end && t.start < e.end);
                let mut features = Vec::new();
                v.detection(i, &mut features);
                let (class, grammar) = match gold.and_then(|e| EventClass::parse(&e.class)) {
                    Some(c) => {
                        let e = &doc.events[g];
                        g += 1;
                        let mut gf = Vec::new();
                        v.grammar(i, &mut gf);
                        let tense = Tense::parse(&e.tense).map(Tense::index);
                        let aspect = Aspect::parse(&e.aspect).map(Aspect::index);
                        (1 + c.index(), Some((gf, tense, aspect)))
                    }
                    None => (0, None),
                };
                ex.push(Example { features, class, grammar });
            }
            examples.push(ex);
        }
        Prepared { name: name.to_string(), doc, sentences, timexes, examples }
    }

    /// The document's events as `model` finds them.
    #[must_use]
    pub fn detect(&self, model: &EventModel) -> Vec<EventMention> {
        model.detect(&self.doc.text, &self.sentences, &self.timexes)
    }

    /// Score `model` on this document.
    pub fn score(&self, model: &EventModel, scores: &mut timeml::EventScores) {
        let found = self.detect(model);
        let pred: Vec<timeml::PredictedEvent<'_>> = found
            .iter()
            .map(|e| timeml::PredictedEvent {
                start: e.start,
                end: e.end,
                class: e.class.as_str(),
                tense: e.tense.as_str(),
                aspect: e.aspect.as_str(),
                polarity: e.polarity.as_str(),
            })
            .collect();
        scores.add(&self.name, &self.doc.text, &self.doc.events, &pred);
    }
}

/// How to train the event models.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// The seed of every shuffle.
    pub seed: u64,
    /// Passes over the data.
    pub iterations: usize,
    /// Averaged weights smaller than this are left out of the model.
    pub prune: f32,
    /// The decision bias of the model (see [`EventModel::bias`]).
    pub bias: f32,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions { seed: 2026, iterations: 12, prune: 0.05, bias: 0.0 }
    }
}

/// Train on prepared documents; `silver` documents (automatic labels)
/// add to the detection data only.
#[must_use]
pub fn train(docs: &[&Prepared], silver: &[&Prepared], o: &TrainOptions) -> EventModel {
    let gold: Vec<&Vec<Example>> = docs.iter().flat_map(|d| d.examples.iter()).collect();
    let all: Vec<&Vec<Example>> =
        gold.iter().copied().chain(silver.iter().flat_map(|d| d.examples.iter())).collect();
    let mut detect = Trainer::new(EventClass::ALL.len() + 1);
    let mut tense = Trainer::new(Tense::ALL.len());
    let mut aspect = Trainer::new(Aspect::ALL.len());
    let mut state = o.seed | 1;
    let mut order: Vec<usize> = (0..all.len()).collect();
    let mut scores = vec![0.0; EventClass::ALL.len() + 1];
    let mut ts = vec![0.0; Tense::ALL.len()];
    let mut asp = vec![0.0; Aspect::ALL.len()];
    for _ in 0..o.iterations {
        shuffle(&mut order, &mut state);
        for &k in &order {
            for e in all[k] {
                detect.score(&e.features, &mut scores);
                let guess = argmax(&scores);
                detect.update(&e.features, e.class, guess);
                detect.tick();
                // tense and aspect from gold documents only
                if k >= gold.len() {
                    continue;
                }
                if let Some((g, t, a)) = &e.grammar {
                    if let Some(t) = *t {
                        tense.score(g, &mut ts);
                        tense.update(g, t, argmax(&ts));
                        tense.tick();
                    }
                    if let Some(a) = *a {
                        aspect.score(g, &mut asp);
                        aspect.update(g, a, argmax(&asp));
                        aspect.tick();
                    }
                }
            }
        }
    }
    EventModel {
        detect: detect.finish(o.prune),
        tense: tense.finish(o.prune),
        aspect: aspect.finish(o.prune),
        bias: o.bias,
    }
}

/// K-fold cross-validation by document (document `i` is in fold `i % k`):
/// each fold scored by a model trained on the others (and on `silver`).
#[must_use]
pub fn cross_validate(
    docs: &[Prepared],
    silver: &[Prepared],
    folds: usize,
    o: &TrainOptions,
) -> timeml::EventScores {
    use rayon::prelude::*;
    let k = folds.max(2);
    let silver: Vec<&Prepared> = silver.iter().collect();
    let parts: Vec<timeml::EventScores> = (0..k)
        .into_par_iter()
        .map(|fold| {
            let train_docs: Vec<&Prepared> =
                docs.iter().enumerate().filter(|(i, _)| i % k != fold).map(|(_, d)| d).collect();
            let model = train(&train_docs, &silver, o);
            let mut s = timeml::EventScores::default();
            for d in docs.iter().enumerate().filter(|(i, _)| i % k == fold).map(|(_, d)| d) {
                d.score(&model, &mut s);
            }
            s
        })
        .collect();
    let mut total = timeml::EventScores::default();
    for p in parts {
        total.merge(p);
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_names_round_trip() {
        for c in EventClass::ALL {
            assert_eq!(EventClass::parse(c.as_str()), Some(*c));
        }
        assert_eq!(EventClass::parse("i_action"), Some(EventClass::IAction));
        assert_eq!(serde_json::to_string(&EventClass::IState).unwrap(), "\"I_STATE\"");
        assert_eq!(Tense::parse("PRESPART"), Some(Tense::Prespart));
        assert_eq!(Aspect::PerfectiveProgressive.as_str(), "PERFECTIVE_PROGRESSIVE");
        assert_eq!(Tense::parse("bogus"), None);
    }

    fn found(text: &str) -> Vec<EventMention> {
        let nlp = nlp::Model::embedded().expect("backbone");
        let m = EventModel::embedded().expect("the committed event model");
        let ctx = Context::default();
        annotate(nlp, m, text, &ctx).events
    }

    #[test]
    fn the_committed_model_finds_verbs_and_nominal_events() {
        let text =
            "The company announced on Monday that it had completed the takeover of its rival.";
        let ev = found(text);
        let words: Vec<&str> = ev.iter().map(|e| e.text.as_str()).collect();
        for w in ["announced", "completed", "takeover"] {
            assert!(words.contains(&w), "{w} not in {words:?}");
        }
        for w in ["The", "company", "Monday", "that", "its", "rival"] {
            assert!(!words.contains(&w), "{w} in {words:?}");
        }
        let said = ev.iter().find(|e| e.text == "announced").unwrap();
        assert_eq!(
            (said.class, said.tense, said.pos),
            (EventClass::Reporting, Tense::Past, "VERB")
        );
        let done = ev.iter().find(|e| e.text == "completed").unwrap();
        assert_eq!((done.tense, done.aspect), (Tense::Past, Aspect::Perfective));
        for e in &ev {
            assert_eq!(&text[e.start..e.end], e.text);
        }
    }

    #[test]
    fn negation_and_modality_come_from_the_parse() {
        let ev = found("Officials did not confirm the deaths. The plant could close next year.");
        let confirm = ev.iter().find(|e| e.text == "confirm").expect("confirm");
        assert_eq!(confirm.polarity, Polarity::Neg);
        let close = ev.iter().find(|e| e.text == "close").expect("close");
        assert_eq!((close.polarity, close.modality.as_deref()), (Polarity::Pos, Some("could")));
    }

    #[test]
    fn messy_text_keeps_exact_spans() {
        let text = "Protesters stormed the akimat.Police fired tear gas,officials said “the clashes” ended.";
        let ev = found(text);
        assert!(ev.iter().any(|e| e.text == "stormed"), "{ev:?}");
        assert!(ev.iter().any(|e| e.text == "fired"), "{ev:?}");
        for e in &ev {
            assert_eq!(&text[e.start..e.end], e.text);
        }
    }

    #[test]
    fn model_bytes_round_trip() {
        let m = EventModel::embedded().expect("model");
        let bytes = m.write();
        assert_eq!(EventModel::read(&bytes).as_ref(), Ok(m));
        assert!(EventModel::read(&bytes[..bytes.len() - 1]).is_err());
        assert!(EventModel::read(b"").unwrap_err().0.contains("empty"));
        assert!(EventModel::read(b"TLNLP\x00\x01\x00").unwrap_err().0.contains("event model"));
    }
}
