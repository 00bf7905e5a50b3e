//! The linguistic backbone: tokens and sentences with byte offsets,
//! part-of-speech tags, lemmas, morphological features and a labelled
//! dependency parse, in the conventions of Universal Dependencies
//! English (UD EWT and GUM), learned here in pure Rust.
//!
//! ```
//! let model = timeline::nlp::Model::embedded().expect("the committed model");
//! let text = "Tokayev dismissed the government on Wednesday.";
//! let s = &model.analyze(text)[0];
//! let verb = s.tokens.iter().find(|t| t.form == "dismissed").unwrap();
//! assert_eq!((verb.lemma.as_str(), verb.upos.as_str(), verb.deprel.as_str()), ("dismiss", "VERB", "root"));
//! assert_eq!(&text[verb.start..verb.end], "dismissed");
//! ```
//!
//! Stages: [`tokenize`] (rules), [`tagger`] (averaged perceptron, with
//! lemma and feature tables), [`parser`] (arc-hybrid, dynamic oracle,
//! averaged perceptron), over [`perceptron`]. [`conllu`] reads treebanks
//! and writes analyses; [`eval`] scores them as the `CoNLL` 2018 shared task
//! does. The model is trained by `timeline nlp train` (seeded, the same
//! bytes every time) and embedded in the binary from
//! `models/en-ud.model`; see `models/README.md` for the data and its
//! licence.

pub mod clusters;
pub mod conllu;
pub mod eval;
pub mod parser;
pub mod perceptron;
pub mod tagger;
pub mod tokenize;

use std::collections::HashSet;
use std::sync::LazyLock;

use perceptron::{read_str, read_u32, write_str};

/// A syntactic word with its analysis.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Token {
    /// Byte offset of the word in the text.
    pub start: usize,
    /// Byte offset past its end.
    pub end: usize,
    /// The word as written (for a clitic, its part: `n't`).
    pub form: String,
    /// Its lemma.
    pub lemma: String,
    /// Universal part of speech.
    pub upos: String,
    /// Penn Treebank tag.
    pub xpos: String,
    /// Morphological features (`Number=Sing|Person=3`), empty for none.
    pub feats: String,
    /// The head: 0 for the root, else the 1-based index of the head word
    /// in the sentence.
    pub head: usize,
    /// The dependency relation to the head (`nsubj`, `obl:tmod`).
    pub deprel: String,
}

/// A sentence: its byte span and words.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Sentence {
    /// Byte offset of the first word.
    pub start: usize,
    /// Byte offset past the last word.
    pub end: usize,
    /// The words.
    pub tokens: Vec<Token>,
    /// Multiword tokens (`don't`): first and last word index, 0-based.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub multiword: Vec<(usize, usize)>,
}

/// The trained backbone.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Lowercase prefixes after which a hyphenated word stays whole.
    pub keep_hyphen: HashSet<String>,
    /// Tagger, lemmatizer and feature tables.
    pub tagger: tagger::Tagger,
    /// Dependency parser.
    pub parser: parser::Parser,
}

const MAGIC: &[u8; 8] = b"TLNLP\x00\x02\x00";

static EMBEDDED: &[u8] = include_bytes!("../../models/en-ud.model");
static MODEL: LazyLock<Result<Model, crate::error::ModelError>> =
    LazyLock::new(|| Model::read(EMBEDDED));

impl Model {
    /// Whether the first of a sentence's words is a proper noun there, as
    /// the tagger reads it with the words after it (eight at most): a
    /// capital that opens a sentence says nothing by itself ("Analysts
    /// said", "Ryanair said").
    #[must_use]
    pub fn opens_with_proper_noun(&self, forms: &[&str]) -> bool {
        let forms = &forms[..forms.len().min(8)];
        let ws = tagger::words(forms);
        self.tagger.tag_prefix(&ws, 1).first().is_some_and(|&c| self.tagger.classes[c].0 == "PROPN")
    }

    /// The model committed with the code, loaded once.
    ///
    /// # Errors
    /// When the committed file is not a model (it is empty before the first
    /// `timeline nlp train`).
    pub fn embedded() -> Result<&'static Model, crate::error::ModelError> {
        MODEL.as_ref().map_err(Clone::clone)
    }

    /// Sentences of `text` with every word analysed.
    #[must_use]
    pub fn analyze(&self, text: &str) -> Vec<Sentence> {
        let pieces = tokenize::words(text, &self.keep_hyphen);
        sentence_runs(text, &pieces).map(|run| self.sentence(text, run)).collect()
    }

    /// The sentences of `text` that hold one of the byte offsets `at`
    /// (sorted), each analysed; the others are split but not tagged or
    /// parsed, so the cost follows the sentences asked for.
    #[must_use]
    pub fn analyze_at(&self, text: &str, at: &[usize]) -> Vec<Sentence> {
        let pieces = tokenize::words(text, &self.keep_hyphen);
        let mut starts = tokenize::sentence_starts(text, &pieces);
        starts.push(pieces.len());
        let mut out = Vec::new();
        let mut a = 0;
        let mut next = 0;
        for b in starts {
            if b > a {
                let (lo, hi) = (pieces[a].start, pieces[b - 1].end);
                while next < at.len() && at[next] < lo {
                    next += 1;
                }
                if next < at.len() && at[next] < hi {
                    out.push(self.sentence(text, &pieces[a..b]));
                }
            }
            a = b;
        }
        out
    }

    /// One sentence from its words' spans.
    #[must_use]
    pub fn sentence(&self, text: &str, pieces: &[tokenize::Piece]) -> Sentence {
        let forms: Vec<&str> = pieces.iter().map(|p| &text[p.start..p.end]).collect();
        let mut s = self.analyze_words(&forms);
        for (t, p) in s.tokens.iter_mut().zip(pieces) {
            t.start = p.start;
            t.end = p.end;
        }
        let mut k = 0;
        while k < pieces.len() {
            if pieces[k].joined {
                let first = k;
                while k < pieces.len() && pieces[k].joined {
                    k += 1;
                }
                s.multiword.push((first, k.min(pieces.len() - 1)));
            }
            k += 1;
        }
        s.start = pieces.first().map_or(0, |p| p.start);
        s.end = pieces.last().map_or(0, |p| p.end);
        s
    }

    /// Tag, lemmatize and parse words already split (gold tokens); spans
    /// are left at 0.
    #[must_use]
    pub fn analyze_words(&self, forms: &[&str]) -> Sentence {
        // each word's hashes once, for the tagger, the tables and the parser
        let ws = tagger::words(forms);
        let classes = self.tagger.tag_words(&ws);
        let clusters = tagger::cluster_ids(&ws, &self.tagger.clusters);
        let (heads, labels) = self.parser.parse_words(&ws, &classes, &clusters);
        let mut tokens = forms
            .iter()
            .zip(ws.iter().zip(&classes))
            .zip(heads.iter().zip(&labels))
            .map(|((f, (w, &c)), (&h, &l))| {
                let (upos, xpos) = &self.tagger.classes[c];
                Token {
                    start: 0,
                    end: 0,
                    form: (*f).to_string(),
                    lemma: self.tagger.lemma_of(f, w, c),
                    upos: upos.clone(),
                    xpos: xpos.clone(),
                    feats: self.tagger.feats_of(w, c).to_string(),
                    head: h,
                    deprel: self.parser.labels.get(l).cloned().unwrap_or_else(|| "dep".into()),
                }
            })
            .collect::<Vec<_>>();
        nouns_read_as_verbs(&mut tokens);
        fronted_phrase_subjects(&mut tokens);
        bare_day_subjects(&mut tokens);
        quoted_name_subjects(&mut tokens);
        relative_clause_subjects(&mut tokens);
        inverted_speakers(&mut tokens);
        speakers_before_saying(&mut tokens);
        relative_clause_roots(&mut tokens);
        active_subjects(&mut tokens);
        Sentence { start: 0, end: 0, tokens, multiword: Vec::new() }
    }

    /// The model's bytes: a magic number, the hyphen prefixes, the tagger,
    /// the parser. The same model gives the same bytes.
    #[must_use]
    pub fn write(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        let mut keep: Vec<&String> = self.keep_hyphen.iter().collect();
        keep.sort();
        out.extend_from_slice(&u32::try_from(keep.len()).unwrap_or(0).to_le_bytes());
        for k in keep {
            write_str(&mut out, k);
        }
        self.tagger.write(&mut out);
        self.parser.write(&mut out);
        out
    }

    /// Read a model written by [`Model::write`].
    ///
    /// # Errors
    /// What is wrong with the bytes.
    pub fn read(bytes: &[u8]) -> Result<Model, crate::error::ModelError> {
        if bytes.is_empty() {
            return Err("no language model: models/en-ud.model is empty (train one with `timeline nlp train`)".into());
        }
        if !bytes.starts_with(MAGIC) {
            return Err("expected a timeline language model (TLNLP version 2), but the file starts otherwise".into());
        }
        let mut at = MAGIC.len();
        let n = read_u32(bytes, &mut at)? as usize;
        let mut keep_hyphen = HashSet::with_capacity(n);
        for _ in 0..n {
            keep_hyphen.insert(read_str(bytes, &mut at)?);
        }
        let tagger = tagger::Tagger::read(bytes, &mut at)?;
        let parser = parser::Parser::read(bytes, &mut at)?;
        if at != bytes.len() {
            return Err(format!("the model has {} bytes after its end", bytes.len() - at).into());
        }
        Ok(Model { keep_hyphen, tagger, parser })
    }

    /// Train on treebank sentences (see [`train`]).
    #[must_use]
    pub fn train(sentences: &[conllu::GoldSentence], options: &TrainOptions) -> Model {
        train(sentences, options, &[])
    }
}

/// Wire copy puts a bare day between a subject and its verb ("Software
/// companies Tuesday launched a campaign", "Police Monday morning shot",
/// "Officials yesterday said") or after a verb ("the ministry said
/// Thursday", "said Saturday that the market would recover"), which the
/// treebanks hardly have: the parse reads the day as a subject, and the
/// noun phrase before it as an oblique or a compound. Here the day
/// becomes a temporal modifier and that phrase's head the subject.
fn bare_day_subjects(tokens: &mut [Token]) {
    let is_day = |t: &Token| {
        let l = t.form.to_lowercase();
        crate::language::ENGLISH.is_weekday(&l) || matches!(l.as_str(), "today" | "yesterday")
    };
    let part_of_day = |t: &Token| {
        matches!(t.form.to_lowercase().as_str(), "morning" | "afternoon" | "evening" | "night")
    };
    for d in 0..tokens.len() {
        // (as a passive subject too: "said Saturday they had seized")
        if !tokens[d].deprel.starts_with("nsubj") {
            continue;
        }
        // the day, or a part of it after a day ("Monday morning")
        let first = if is_day(&tokens[d]) {
            d
        } else if d > 0 && part_of_day(&tokens[d]) && is_day(&tokens[d - 1]) {
            d - 1
        } else {
            continue;
        };
        let verb = tokens[d].head;
        if verb == 0 || verb > tokens.len() {
            continue;
        }
        if verb <= d {
            // after its verb: "said Thursday"
            tokens[d].deprel = "obl:tmod".into();
            continue;
        }
        let other_subject = tokens
            .iter()
            .enumerate()
            .any(|(k, t)| k != d && t.head == verb && t.deprel.starts_with("nsubj"));
        if other_subject {
            // "said Saturday that the market would recover": the day is
            // the verb's before it
            if first > 0 && tokens[first - 1].upos == "VERB" && !governs(tokens, d, first - 1) {
                tokens[d].head = first;
            }
            tokens[d].deprel = "obl:tmod".into();
            continue;
        }
        // the noun phrase before the day (past a comma or bracket): its
        // head, the highest word before the day ("Indonesia's head
        // telecommunications official", "the party, the Action Congress
        // (AC),")
        let Some(mut n) = first.checked_sub(1) else { continue };
        while tokens[n].upos == "PUNCT" && n > 0 {
            n -= 1;
        }
        for _ in 0..tokens.len() {
            match tokens[n].head {
                up if up > 0 && up <= first => n = up - 1,
                _ => break,
            }
        }
        let noun = &tokens[n];
        let on_day_or_verb =
            (first..=d).any(|k| noun.head == k + 1) || noun.head == verb && noun.deprel != "nsubj";
        if !matches!(noun.upos.as_str(), "NOUN" | "PROPN") || is_day(noun) || !on_day_or_verb {
            continue;
        }
        tokens[n].head = verb;
        tokens[n].deprel = "nsubj".into();
        tokens[d].deprel = "obl:tmod".into();
    }
}

/// A repair of the tags and the parse: a noun before a noun read as a
/// bare verb ("Share prices rose", "protest actions against the fuel hike
/// spiraled out of control"). A bare verb that nothing licenses (no
/// subject, auxiliary, "to" or verb before it), followed by nouns and
/// then, over only the words of a noun phrase, by a finite verb with no
/// subject, is a modifier of the noun after it; that noun is the finite
/// verb's subject. An imperative ("Add extras, however, ...") has no
/// finite verb right after its object.
fn nouns_read_as_verbs(tokens: &mut [Token]) {
    const SUBJECTS: [&str; 4] = ["nsubj", "nsubj:pass", "csubj", "expl"];
    let finite = |t: &Token| matches!(t.xpos.as_str(), "VBD" | "VBZ" | "VBP" | "MD");
    for v in 0..tokens.len() {
        // a verb joined to another ("coordinate and ensure funds were
        // kept") shares that one's subject
        if tokens[v].xpos != "VB" || tokens[v].deprel == "conj" {
            continue;
        }
        if v > 0 && matches!(tokens[v - 1].upos.as_str(), "VERB" | "AUX" | "PART") {
            continue;
        }
        let licensed = tokens.iter().any(|t| {
            t.head == v + 1
                && (SUBJECTS.contains(&t.deprel.as_str())
                    || t.deprel.starts_with("aux")
                    || t.deprel == "mark")
        });
        if licensed {
            continue;
        }
        // the nouns after it; the last is the head of the phrase
        let run = tokens[v + 1..].iter().take_while(|t| t.upos == "NOUN").count();
        if run == 0 {
            continue;
        }
        let n = v + run;
        // then only a noun phrase's words, up to the finite verb
        let Some(gap) = tokens[n + 1..].iter().take(12).position(|t| {
            !(matches!(
                t.upos.as_str(),
                "ADP" | "DET" | "ADJ" | "NOUN" | "PROPN" | "NUM" | "ADV" | "CCONJ"
            ) || t.xpos == "HYPH")
        }) else {
            continue;
        };
        let f = n + 1 + gap;
        // a present "-s" with nothing of its own may be a plural noun
        // ("help reduce project costs,")
        let bare_s = tokens[f].xpos == "VBZ"
            && !tokens
                .iter()
                .enumerate()
                .any(|(k, t)| k != n && t.head == f + 1 && t.upos != "PUNCT");
        if !finite(&tokens[f]) || bare_s {
            continue;
        }
        // an auxiliary or copula's clause is its head's
        let p = if matches!(tokens[f].deprel.as_str(), "aux" | "aux:pass" | "cop") {
            match tokens[f].head {
                0 => continue,
                h => h - 1,
            }
        } else {
            f
        };
        // likewise a finite verb joined to another ("insisted the team
        // take pictures ... and prevented them")
        if p <= n
            || tokens[p].deprel == "conj"
            || tokens
                .iter()
                .enumerate()
                .any(|(k, t)| k != n && t.head == p + 1 && SUBJECTS.contains(&t.deprel.as_str()))
        {
            continue;
        }
        let before = tokens.to_vec();
        let (head, deprel) = (tokens[v].head, tokens[v].deprel.clone());
        let inside = governs(tokens, v, p);
        let passive = tokens.iter().any(|t| t.head == p + 1 && t.deprel == "aux:pass");
        for (k, t) in tokens.iter_mut().enumerate() {
            if t.head != v + 1 || k == p {
                continue;
            }
            if k > n && k < f {
                // "against the fuel hike": the noun's modifier
                t.head = n + 1;
                if t.deprel == "obl" {
                    t.deprel = "nmod".into();
                }
            } else {
                t.head = p + 1;
            }
        }
        let t = &mut tokens[v];
        t.upos = "NOUN".into();
        t.xpos = "NN".into();
        t.feats = "Number=Sing".into();
        t.lemma = t.form.to_lowercase();
        for t in &mut tokens[v..n] {
            t.head = n + 1;
            t.deprel = "compound".into();
        }
        tokens[n].head = p + 1;
        tokens[n].deprel = if passive { "nsubj:pass" } else { "nsubj" }.into();
        if inside {
            tokens[p].head = head;
            tokens[p].deprel = deprel;
        }
        if !is_tree(tokens) {
            tokens.clone_from_slice(&before);
        }
    }
}

/// A repair of the parse: a phrase a preposition opens the sentence with
/// is no subject ("In media footage and social networks, scenes of chaos
/// emerged", "As for the Bloc Quebecois, leader Gilles Duceppe said").
/// Read as the subject, with the real one after the comma as its
/// conjunct, it is made an oblique, and that conjunct the subject, with
/// the words after it that hung on the phrase ("France, Italy and China
/// were honored").
fn fronted_phrase_subjects(tokens: &mut [Token]) {
    let Some(first) = tokens.first() else { return };
    // ("At least 75 officers" opens on a number, not a phrase)
    let quantity =
        tokens.get(1).is_some_and(|t| matches!(t.form.to_lowercase().as_str(), "least" | "most"));
    if first.upos != "ADP" || first.deprel != "case" || quantity {
        return;
    }
    let Some(s) = tokens
        .iter()
        .position(|t| matches!(t.deprel.as_str(), "nsubj" | "nsubj:pass") && t.head > 0)
    else {
        return;
    };
    // the subject is the phrase's own noun, before its comma ("With a
    // population of 47 million, 5.2 million South Africans" has the
    // subject after it)
    let comma_before = tokens[..s].iter().any(|t| t.form == ",");
    if comma_before || !governs(tokens, s, 0) && tokens[0].head != s + 1 {
        return;
    }
    let verb = tokens[s].head - 1;
    // the first word of each word's phrase (a comma before it may hang
    // on it)
    let start = |k: usize| {
        (0..=k).find(|&w| w == k || tokens[w].upos != "PUNCT" && governs(tokens, k, w)).unwrap_or(k)
    };
    let Some(c) = (s + 1..verb).find(|&c| {
        tokens[c].head == s + 1
            && tokens[c].deprel == "conj"
            && matches!(tokens[c].upos.as_str(), "NOUN" | "PROPN" | "PRON")
            && start(c) > 0
            && tokens[start(c) - 1].form == ","
    }) else {
        return;
    };
    let before = tokens.to_vec();
    let from = start(c);
    for (k, t) in tokens.iter_mut().enumerate().skip(from) {
        if k != c && t.head == s + 1 {
            t.head = c + 1;
        }
    }
    tokens[c].head = verb + 1;
    tokens[c].deprel = std::mem::replace(&mut tokens[s].deprel, "obl".into());
    if !is_tree(tokens) {
        tokens.clone_from_slice(&before);
    }
}

/// A repair of the parse's labels: a passive subject (`nsubj:pass`) of a
/// verb with no passive auxiliary (nor any form of "be") but another
/// auxiliary ("The traffickers had killed several policemen", "will
/// kill") or an object is its active
/// subject. (The treebanks' passive subjects without an auxiliary are of
/// headlines and absolutes, "Pastor Implicated in Abuse", "with the legs
/// crossed", which have neither.)
fn active_subjects(tokens: &mut [Token]) {
    for s in 0..tokens.len() {
        if tokens[s].deprel != "nsubj:pass" {
            continue;
        }
        let verb = tokens[s].head;
        let kids = || tokens.iter().filter(|t| t.head == verb);
        // (a form of "be" the parse labelled otherwise still makes a
        // passive: "have been simultaneously hanged")
        if kids().any(|t| t.deprel == "aux:pass" || matches!(t.lemma.as_str(), "be" | "get")) {
            continue;
        }
        if kids().any(|t| t.deprel == "aux" || t.deprel == "obj") {
            tokens[s].deprel = "nsubj".into();
        }
    }
}

/// A repair of the parse: a name in quotation marks right after a noun
/// names that noun ("an interview with the Kyrgyz service “Radio
/// Liberty” said", "the newspaper 'Izvestia'"). Read as a second subject
/// of the verb after it, it is made the noun's apposition, and the verb
/// keeps its other subject.
fn quoted_name_subjects(tokens: &mut [Token]) {
    let opening = |t: &Token| matches!(t.form.as_str(), "“" | "«" | "\"" | "``" | "‘" | "'");
    let closing = |t: &Token| matches!(t.form.as_str(), "”" | "»" | "\"" | "''" | "’" | "'");
    for d in 0..tokens.len() {
        if !tokens[d].deprel.starts_with("nsubj") || tokens[d].upos != "PROPN" {
            continue;
        }
        let verb = tokens[d].head;
        let other_subject = tokens
            .iter()
            .enumerate()
            .any(|(k, t)| k != d && t.head == verb && t.deprel.starts_with("nsubj"));
        if verb == 0 || !other_subject {
            continue;
        }
        // the name's words, and the marks around them
        let words: Vec<usize> =
            (0..tokens.len()).filter(|&k| k == d || governs(tokens, d, k)).collect();
        let (lo, hi) = (words[0], words[words.len() - 1]);
        let inner = |k: &usize| !matches!(tokens[*k].upos.as_str(), "PUNCT");
        let (lo, hi) =
            match (words.iter().find(|k| inner(k)), words.iter().rev().find(|k| inner(k))) {
                (Some(&a), Some(&b)) => (a.max(lo), b.min(hi)),
                _ => continue,
            };
        let (Some(open), Some(close)) = (lo.checked_sub(1), tokens.get(hi + 1)) else { continue };
        let Some(noun) = open.checked_sub(1) else { continue };
        if opening(&tokens[open])
            && closing(close)
            && matches!(tokens[noun].upos.as_str(), "NOUN" | "PROPN")
            && !governs(tokens, d, noun)
        {
            tokens[d].head = noun + 1;
            tokens[d].deprel = "appos".into();
        }
    }
}

/// A repair of the parse: a noun and the relative pronoun after it
/// ("said Tomlinson, who has 26 touchdowns") read as two subjects of the
/// relative clause's verb, that verb hung on the saying verb before. The
/// noun is the subject the saying verb lacks, and the relative clause
/// the noun's. (After other verbs the noun's own verb may come later:
/// "said the two sides, who signed a deal, were still at odds".)
fn relative_clause_subjects(tokens: &mut [Token]) {
    let relative = |t: &Token| t.upos == "PRON" && t.feats.contains("PronType=Rel");
    for w in 0..tokens.len() {
        // the pronoun is the subject, or the subject's possessor: "said
        // Blair, whose country holds the presidency"
        let t = &tokens[w];
        let subject = if t.deprel.starts_with("nsubj") {
            Some(w)
        } else if t.deprel == "nmod:poss" && t.head > w + 1 && t.head <= tokens.len() {
            Some(t.head - 1).filter(|&h| tokens[h].deprel.starts_with("nsubj"))
        } else {
            None
        };
        let Some(subject) = subject.filter(|_| relative(t)) else { continue };
        let verb = tokens[subject].head;
        // the noun right before the pronoun (past a comma), the verb's
        // other subject
        let mut n = w;
        while n > 0 && tokens[n - 1].upos == "PUNCT" && tokens[n - 1].form == "," {
            n -= 1;
        }
        let Some(n) = n.checked_sub(1).and_then(|p| {
            let mut k = p;
            // up to the noun's head within the phrase ("Mr. Smith")
            for _ in 0..tokens.len() {
                let t = &tokens[k];
                if t.deprel.starts_with("nsubj") && t.head == verb {
                    return Some(k);
                }
                match t.head {
                    h if h > 0 && h <= p + 1 && h - 1 < k => k = h - 1,
                    _ => return None,
                }
            }
            None
        }) else {
            continue;
        };
        if !matches!(tokens[n].upos.as_str(), "NOUN" | "PROPN") || verb == 0 || verb <= w + 1 {
            continue;
        }
        let v = verb - 1;
        let up = tokens[v].head;
        // the clause before: its verb comes before the noun
        if up == 0 || up > n || !matches!(tokens[up - 1].upos.as_str(), "VERB" | "AUX") {
            continue;
        }
        // a saying verb after what was said: a clause of its own before it
        // and no subject
        let subject = tokens.iter().any(|t| t.head == up && t.deprel.starts_with("nsubj"));
        let said = tokens[..up - 1]
            .iter()
            .any(|t| t.head == up && matches!(t.deprel.as_str(), "ccomp" | "parataxis"));
        if subject || !said {
            continue;
        }
        tokens[n].head = up;
        tokens[n].deprel = "nsubj".into();
        tokens[v].head = n + 1;
        tokens[v].deprel = "acl:relcl".into();
    }
}

/// Whether the verb `v` (a word index) follows a clause of its own (what
/// was said) and has no subject.
fn said_without_subject(tokens: &[Token], v: usize) -> bool {
    let said_before = tokens[..v]
        .iter()
        .any(|t| t.head == v + 1 && matches!(t.deprel.as_str(), "ccomp" | "parataxis"));
    let subject = tokens.iter().any(|t| {
        t.head == v + 1
            && (t.deprel.starts_with("nsubj")
                || t.deprel.starts_with("csubj")
                || t.deprel == "expl")
    });
    said_before && !subject
}

/// A repair of the parse: the speaker right before a saying verb that
/// follows what was said ("..., officials said.", "..., the president's
/// press adviser said Monday") read as a conjunct, apposition or object of
/// a word of the reported clause. The verb has a clause before it and no
/// subject; the noun phrase between the last comma or quotation mark and
/// the verb, whose words all hang on one of them, is made its subject.
fn speakers_before_saying(tokens: &mut [Token]) {
    for v in 1..tokens.len() {
        let verb = &tokens[v];
        if verb.upos != "VERB"
            || !crate::language::ENGLISH.quotative_verbs.contains(&verb.lemma.as_str())
        {
            continue;
        }
        if !said_without_subject(tokens, v) {
            continue;
        }
        let Some(mark) = tokens[..v]
            .iter()
            .rposition(|t| matches!(t.form.as_str(), "," | "\"" | "\u{201d}" | "''"))
        else {
            continue;
        };
        // the phrase's words, and its head: the one whose head is outside
        let (a, b) = (mark + 1, v);
        if a >= b || b - a > 8 {
            continue;
        }
        let outside: Vec<usize> = (a..b)
            .filter(|&k| {
                let h = tokens[k].head;
                h == 0 || h - 1 < a || h > b
            })
            .collect();
        let [n] = outside[..] else { continue };
        if !matches!(tokens[n].upos.as_str(), "NOUN" | "PROPN" | "PRON") || governs(tokens, n, v) {
            continue;
        }
        tokens[n].head = v + 1;
        tokens[n].deprel = "nsubj".into();
    }
}

/// A repair of the parse: the speaker right after a saying verb that
/// follows what was said ("'It feels great,' said Spicer at Heathrow
/// airport", "..., said the Media Indonesia daily") read as the subject of
/// a noun or adverb after it. The verb has no subject and a clause before
/// it; the noun phrase that starts right after it is made its subject.
fn inverted_speakers(tokens: &mut [Token]) {
    for v in 0..tokens.len().saturating_sub(1) {
        if tokens[v].upos != "VERB" {
            continue;
        }
        if !said_without_subject(tokens, v) {
            continue;
        }
        // the head of the noun phrase that starts right after the verb
        let mut n = v + 1;
        for _ in 0..tokens.len() {
            let t = &tokens[n];
            let inner =
                matches!(t.deprel.as_str(), "det" | "compound" | "flat" | "amod" | "nmod:poss");
            let h = t.head;
            if inner
                && h > n + 1
                && h <= tokens.len()
                && matches!(tokens[h - 1].upos.as_str(), "NOUN" | "PROPN")
            {
                n = h - 1;
            } else {
                break;
            }
        }
        // (the subject of a clause after the verb is what was said: "said
        // fresh studies could be carried out", "said the treaty was prone")
        let t = &tokens[n];
        let predicate = |h: usize| {
            matches!(tokens[h].upos.as_str(), "VERB" | "AUX")
                || tokens.iter().any(|c| c.head == h + 1 && c.deprel == "cop")
        };
        let misplaced = t.deprel.starts_with("nsubj")
            && t.head != v + 1
            && t.head > 0
            && t.head <= tokens.len()
            && !predicate(t.head - 1);
        if matches!(t.upos.as_str(), "NOUN" | "PROPN") && misplaced && !governs(tokens, n, v) {
            tokens[n].head = v + 1;
            tokens[n].deprel = "nsubj".into();
        }
    }
}

/// A repair of the parse: a relative clause read as the sentence's main
/// clause ("The pope, who held a mass on Sunday, was to return", with
/// "held" the root and "return" hung on it), or as the clause of a root
/// noun with the main predicate hung on the clause ("Jackson, who had a
/// history of illness, collapsed"). A relative clause is never the main
/// one: when its subject is a relative pronoun right after a noun (past a
/// comma) and a predicate without a subject follows the clause after a
/// comma, that predicate becomes the root, the noun its subject and the
/// clause the noun's. Words the root held after that predicate (and a
/// root verb's before the noun) go with the predicate.
fn relative_clause_roots(tokens: &mut [Token]) {
    let Some(root) = tokens.iter().position(|t| t.head == 0) else { return };
    let rel_subject = |r: usize| {
        tokens.iter().position(|t| {
            t.head == r + 1 && t.deprel.starts_with("nsubj") && t.feats.contains("PronType=Rel")
        })
    };
    // the clause and its pronoun: the root itself, or a clause on a root
    // noun ("Jackson, who had a history of illness, collapsed" read as
    // "Jackson" and its clause)
    let noun_root = matches!(tokens[root].upos.as_str(), "NOUN" | "PROPN")
        && !tokens.iter().any(|t| t.head == root + 1 && t.deprel == "cop");
    let clause = if noun_root {
        tokens.iter().enumerate().find_map(|(r, t)| {
            (t.head == root + 1 && t.deprel == "acl:relcl").then_some(r).zip(rel_subject(r))
        })
    } else {
        Some(root).zip(rel_subject(root))
    };
    let Some((r, w)) = clause else { return };
    // the noun before the pronoun, past a comma, which the root holds
    let Some(n) = w.checked_sub(2).filter(|&p| tokens[p + 1].form == ",") else { return };
    // (up to the head of its phrase: "Ichiro Ozawa", "Mobutu, 66,")
    let mut n = n;
    for _ in 0..tokens.len() {
        let inner = matches!(
            tokens[n].deprel.as_str(),
            "flat" | "compound" | "det" | "amod" | "nmod:poss" | "nummod" | "appos"
        );
        match tokens[n].head {
            h if inner && h > 0 && h - 1 < w => n = h - 1,
            _ => break,
        }
    }
    let held = if noun_root { n == root } else { tokens[n].head == r + 1 };
    if !held || !matches!(tokens[n].upos.as_str(), "NOUN" | "PROPN") {
        return;
    }
    let kids = |k: usize| tokens.iter().enumerate().filter(move |(_, t)| t.head == k + 1);
    let first_word = |k: usize| (0..k).find(|&j| j == k || governs(tokens, k, j)).unwrap_or(k);
    // the main predicate: after the clause and a comma, with no subject
    let m = kids(r).map(|(c, _)| c).find(|&c| {
        let t = &tokens[c];
        let predicate = matches!(t.upos.as_str(), "VERB" | "AUX")
            || kids(c).any(|(_, k)| matches!(k.deprel.as_str(), "cop" | "aux"));
        let subject = kids(c).any(|(_, k)| k.deprel.starts_with("nsubj"));
        let f = first_word(c);
        c > w
            && matches!(t.deprel.as_str(), "conj" | "parataxis" | "advcl" | "ccomp")
            && predicate
            && !subject
            && (tokens[f].form == "," || f > 0 && tokens[f - 1].form == ",")
    });
    let Some(m) = m else { return };
    let passive = kids(m).any(|(_, k)| k.deprel == "aux:pass");
    let before = tokens.to_vec();
    // the root's words before the noun (a root verb's, not a root noun's
    // own) or after the predicate are the predicate's
    for (c, t) in tokens.iter_mut().enumerate() {
        let outside = if noun_root { c > m } else { c < n || c > m };
        if t.head == root + 1 && c != w && c != n && c != r && outside {
            t.head = m + 1;
        }
    }
    tokens[m].head = 0;
    tokens[m].deprel = "root".into();
    tokens[n].head = m + 1;
    tokens[n].deprel = if passive { "nsubj:pass" } else { "nsubj" }.into();
    tokens[r].head = n + 1;
    tokens[r].deprel = "acl:relcl".into();
    if !is_tree(tokens) {
        tokens.clone_from_slice(&before);
    }
}

/// Whether the heads make one tree: one root, and every word reaches it.
fn is_tree(tokens: &[Token]) -> bool {
    let roots = tokens.iter().filter(|t| t.head == 0).count();
    roots == 1
        && (0..tokens.len()).all(|k| {
            let mut at = k + 1;
            for _ in 0..=tokens.len() {
                match at {
                    0 => return true,
                    a if a > tokens.len() => return false,
                    a => at = tokens[a - 1].head,
                }
            }
            false
        })
}

/// Whether word `a` is an ancestor of word `b` (0-based indices).
pub(crate) fn governs(tokens: &[Token], a: usize, b: usize) -> bool {
    let mut k = b;
    for _ in 0..tokens.len() {
        match tokens[k].head {
            h if h == 0 || h > tokens.len() => return false,
            h if h - 1 == a => return true,
            h => k = h - 1,
        }
    }
    false
}

/// The words of each sentence of `text` ([`tokenize::sentence_starts`]).
fn sentence_runs<'p>(
    text: &str,
    pieces: &'p [tokenize::Piece],
) -> impl Iterator<Item = &'p [tokenize::Piece]> {
    let mut starts = tokenize::sentence_starts(text, pieces);
    starts.push(pieces.len());
    let mut a = 0;
    starts.into_iter().filter_map(move |b| {
        let run = (b > a).then(|| &pieces[a..b]);
        a = b;
        run
    })
}

/// How to train.
#[derive(Debug, Clone, Copy)]
pub struct TrainOptions {
    /// The seed of every shuffle.
    pub seed: u64,
    /// Passes of the tagger.
    pub tagger_iterations: usize,
    /// Passes of the parser.
    pub parser_iterations: usize,
    /// Folds for the parser's training tags (jackknifing): the parser
    /// learns on tags as the tagger predicts them on text it has not seen.
    pub folds: usize,
    /// Averaged parser weights smaller than this are left out of the model.
    pub prune: f32,
    /// The same for the tagger.
    pub tagger_prune: f32,
    /// Fine, middle and coarse word clusters learned from unlabeled text.
    pub clusters: [usize; 3],
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            seed: 2026,
            tagger_iterations: 8,
            parser_iterations: 15,
            folds: 5,
            prune: 2.0,
            tagger_prune: 0.5,
            clusters: [1024, 256, 32],
        }
    }
}

/// Train the backbone: hyphen prefixes from the words that keep their
/// hyphen, word clusters from the treebank's words and the `unlabeled`
/// texts, the tagger on everything, the parser on jackknifed tags.
#[must_use]
pub fn train(sentences: &[conllu::GoldSentence], o: &TrainOptions, unlabeled: &[String]) -> Model {
    use rayon::prelude::*;
    let mut keep_hyphen = HashSet::new();
    for s in sentences {
        for w in &s.words {
            if let Some((left, right)) = w.form.split_once('-') {
                if !left.is_empty()
                    && !right.is_empty()
                    && left.chars().all(char::is_alphabetic)
                    && right.starts_with(char::is_alphabetic)
                {
                    keep_hyphen.insert(left.to_lowercase());
                }
            }
        }
    }
    let clusters = if unlabeled.is_empty() {
        perceptron::KeyMap::default()
    } else {
        // the treebank's sentences and the texts', as hashes of the
        // normalized forms the tagger looks up
        let mut sequences: Vec<Vec<u64>> = sentences
            .iter()
            .map(|s| {
                s.words.iter().map(|w| perceptron::hash_str(&tagger::normalize(&w.form))).collect()
            })
            .collect();
        let texts: Vec<Vec<Vec<u64>>> = unlabeled
            .par_iter()
            .map(|text| {
                let pieces = tokenize::words(text, &keep_hyphen);
                sentence_runs(text, &pieces)
                    .map(|run| {
                        run.iter()
                            .map(|p| {
                                perceptron::hash_str(&tagger::normalize(&text[p.start..p.end]))
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect();
        sequences.extend(texts.into_iter().flatten());
        let options =
            clusters::ClusterOptions { levels: o.clusters, seed: o.seed, ..Default::default() };
        clusters::learn(&sequences, &options)
    };
    let (mut tagger, folds) = rayon::join(
        || tagger::Tagger::train(sentences, &clusters, o.tagger_iterations, o.seed, o.tagger_prune),
        || {
            // each fold tagged by a tagger that never saw it
            (0..o.folds.max(1))
                .into_par_iter()
                .map(|k| {
                    let train: Vec<conllu::GoldSentence> = sentences
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| i % o.folds.max(1) != k)
                        .map(|(_, s)| s.clone())
                        .collect();
                    let t = if o.folds > 1 {
                        tagger::Tagger::train(
                            &train,
                            &clusters,
                            o.tagger_iterations,
                            o.seed + k as u64,
                            o.tagger_prune,
                        )
                    } else {
                        tagger::Tagger::default()
                    };
                    (k, t)
                })
                .collect::<Vec<_>>()
        },
    );
    let tags: Vec<Vec<usize>> = sentences
        .par_iter()
        .enumerate()
        .map(|(i, s)| {
            let forms: Vec<&str> = s.words.iter().map(|w| w.form.as_str()).collect();
            if o.folds > 1 {
                let fold = &folds[i % o.folds].1;
                // the fold's classes mapped to the full tagger's
                fold.tag(&forms)
                    .into_iter()
                    .map(|c| tagger.classes.iter().position(|x| *x == fold.classes[c]).unwrap_or(0))
                    .collect()
            } else {
                tagger.tag(&forms)
            }
        })
        .collect();
    if o.folds > 1 {
        tagger.train_second(sentences, &tags, o.tagger_iterations, o.seed, o.tagger_prune);
    }
    let data: Vec<parser::TrainingSentence<'_>> = sentences
        .iter()
        .zip(tags)
        .map(|(s, t)| {
            (
                s.words.iter().map(|w| w.form.as_str()).collect(),
                t,
                s.words.iter().map(|w| w.head).collect(),
                s.words.iter().map(|w| w.deprel.as_str()).collect(),
            )
        })
        .collect();
    let parser = parser::Parser::train(&data, &clusters, o.parser_iterations, o.seed, o.prune);
    Model { keep_hyphen, tagger, parser }
}

#[cfg(test)]
mod tests;
