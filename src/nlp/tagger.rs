//! Part-of-speech tags (UPOS and PTB XPOS as one joint class), lemmas and
//! morphological features.
//!
//! The tagger is a greedy left-to-right averaged perceptron over the usual
//! features (the word, its affixes and shape, its neighbours two either
//! side, the two tags before it), with a tag dictionary for frequent words
//! that almost always take one tag. Lemmas come from the training data's
//! (word, tag) -> lemma table, and for unseen words from suffix rules
//! learned from the same data (`running`/VBG -> strip 4, add `run`...).
//! Features (Tense, `VerbForm`, Number, Mood, ...) come from the (word, tag)
//! table, else the tag's most common features.

use std::collections::{BTreeMap, HashMap};

use super::conllu::GoldSentence;
use super::perceptron::{
    argmax, hash_str, mix, read_str, read_u32, shuffle, write_str, KeyMap, Trainer, Weights,
};

/// The tagger, lemmatizer and feature table.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Tagger {
    /// Joint classes: (UPOS, XPOS).
    pub classes: Vec<(String, String)>,
    weights: Weights,
    /// The second pass: the same features and the first pass's tags of
    /// the words ahead (empty when not trained).
    second: Weights,
    /// Frequent unambiguous words (by hash of the normalized form) -> class.
    dictionary: KeyMap<u16>,
    /// (word, class) -> lemma rule.
    lemmas: KeyMap<u32>,
    /// (suffix, class) -> lemma rule, for unseen words; suffixes of 1-4 chars.
    suffix_lemmas: KeyMap<u32>,
    rules: Vec<LemmaRule>,
    /// (word, class) -> features.
    feats: KeyMap<u32>,
    /// class -> most common features.
    class_feats: Vec<u32>,
    feat_strings: Vec<String>,
    /// Word clusters from unlabeled text ([`super::clusters`]): the hash of
    /// a normalized form -> its fine, middle and coarse clusters, packed
    /// ([`super::clusters::pack`]).
    pub(crate) clusters: KeyMap<u32>,
}

/// How a lemma is made from its word form.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct LemmaRule {
    lower: bool,
    strip: u8,
    append: String,
}

impl LemmaRule {
    fn learn(form: &str, lemma: &str) -> LemmaRule {
        let lcp = |a: &str, b: &str| {
            a.chars()
                .zip(b.chars())
                .take_while(|(x, y)| x == y)
                .map(|(x, _)| x.len_utf8())
                .sum::<usize>()
        };
        let lower = form.to_lowercase();
        let (base, is_lower) = if lcp(&lower, lemma) >= lcp(form, lemma) {
            (lower.as_str(), true)
        } else {
            (form, false)
        };
        let common = lcp(base, lemma);
        LemmaRule {
            lower: is_lower,
            strip: u8::try_from(base[common..].chars().count()).unwrap_or(u8::MAX),
            append: lemma[common..].to_string(),
        }
    }

    fn apply(&self, form: &str) -> Option<String> {
        let base = if self.lower { form.to_lowercase() } else { form.to_string() };
        let n = base.chars().count().checked_sub(usize::from(self.strip))?;
        let cut = base.char_indices().nth(n).map_or(base.len(), |(i, _)| i);
        if cut == 0 && self.append.is_empty() {
            return None;
        }
        Some(format!("{}{}", &base[..cut], self.append))
    }
}

/// The form the features see: lower case, typographic quotes as ASCII,
/// numbers by their shape.
#[must_use]
pub fn normalize(form: &str) -> String {
    let f: String = form
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{2032}' | '`' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{ab}' | '\u{bb}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    if f.chars().any(|c| c.is_ascii_digit())
        && f.chars().all(|c| c.is_ascii_digit() || ",.:/-".contains(c))
    {
        if f.len() == 4 && f.chars().all(|c| c.is_ascii_digit()) {
            return "!year".into();
        }
        return format!("!num{}", f.len().min(6));
    }
    f
}

/// The shape of a word: `Xxxx`, `dd`, `X.X.` (runs of one kind folded).
fn shape(form: &str) -> String {
    let mut s = String::new();
    for c in form.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if !s.ends_with(k) || !matches!(k, 'x' | 'd') || s.len() < 2 {
            s.push(k);
        }
    }
    s.chars().take(8).collect()
}

/// Per-word hashes computed once per sentence.
/// Per-word hashes computed once per sentence, and shared by the
/// tagger, the lemma and feature tables and the parser.
#[derive(Clone, Copy, Default)]
pub(crate) struct Word {
    /// The normalized form.
    pub(crate) norm: u64,
    /// Its last 1 to 4 characters.
    pub(crate) suf: [u64; 4],
    pre: [u64; 2],
    shape: u64,
    flags: u64,
    /// How many characters the normalized form has.
    chars: usize,
}

/// The last `k` characters of `n` (all of it when shorter).
fn last_chars(n: &str, k: usize) -> &str {
    let at = n.char_indices().rev().nth(k.saturating_sub(1)).map_or(0, |(i, _)| i);
    &n[at..]
}

/// The first `k` characters of `n`.
fn first_chars(n: &str, k: usize) -> &str {
    let at = n.char_indices().nth(k).map_or(n.len(), |(i, _)| i);
    &n[..at]
}

/// The hashes of each word of a sentence.
pub(crate) fn words(forms: &[&str]) -> Vec<Word> {
    forms
        .iter()
        .map(|f| {
            let n = normalize(f);
            let suf = |k: usize| hash_str(last_chars(&n, k));
            let pre = |k: usize| hash_str(first_chars(&n, k));
            let flags = u64::from(f.contains('-'))
                | u64::from(f.chars().any(char::is_numeric)) << 1
                | u64::from(f.chars().next().is_some_and(char::is_uppercase)) << 2
                | u64::from(f.chars().all(char::is_uppercase)) << 3;
            Word {
                norm: hash_str(&n),
                suf: [suf(1), suf(2), suf(3), suf(4)],
                pre: [pre(1), pre(2)],
                shape: hash_str(&shape(f)),
                flags,
                chars: n.chars().count(),
            }
        })
        .collect()
}

const START: u64 = 0x1234_5678;
const END: u64 = 0x8765_4321;

#[allow(clippy::too_many_arguments)]
fn features(
    ws: &[Word],
    dict: &[u64],
    clus: &[u32],
    i: usize,
    prev: u64,
    prev2: u64,
    out: &mut Vec<u64>,
) {
    out.clear();
    let w = |k: isize| -> u64 {
        match i.checked_add_signed(k) {
            None => START,
            Some(j) => ws.get(j).map_or(END, |x| x.norm),
        }
    };
    let me = &ws[i];
    let t = |id: u64, v: u64| mix(id, v);
    out.push(t(1, 0));
    out.push(t(2, me.norm));
    for (k, s) in me.suf.iter().enumerate() {
        out.push(t(3 + k as u64, *s));
    }
    out.push(t(7, me.pre[0]));
    out.push(t(8, me.pre[1]));
    out.push(t(9, me.shape));
    out.push(t(10, me.flags));
    out.push(t(11, prev));
    out.push(t(12, mix(prev, prev2)));
    out.push(t(13, mix(prev, me.norm)));
    out.push(t(14, w(-1)));
    out.push(t(15, w(-2)));
    out.push(t(16, w(1)));
    out.push(t(17, w(2)));
    out.push(t(18, mix(w(-1), me.norm)));
    out.push(t(19, mix(me.norm, w(1))));
    out.push(t(20, ws.get(i + 1).map_or(END, |x| x.suf[2])));
    out.push(t(21, if i == 0 { START } else { ws[i - 1].suf[2] }));
    out.push(t(22, mix(prev, ws.get(i + 1).map_or(END, |x| x.norm))));
    out.push(t(23, mix(me.shape, prev)));
    out.push(t(24, u64::from(i == 0)));
    out.push(t(25, mix(me.suf[2], prev)));
    // what the tag dictionary says of the words ahead: a cheap look at
    // the right context's tags
    let d = |k: usize| dict.get(i + k).copied().unwrap_or(END);
    out.push(t(26, d(1)));
    out.push(t(27, mix(d(1), d(2))));
    out.push(t(28, mix(me.norm, d(1))));
    out.push(t(29, mix(prev, d(1))));
    out.push(t(30, ws.get(i + 1).map_or(END, |x| x.shape)));
    out.push(t(31, mix(w(1), w(2))));
    out.push(t(32, mix(me.suf[1], d(1))));
    if !clus.is_empty() {
        // the words' clusters (`NO_CLUSTER` for a word the text lacked)
        let c = |k: isize| -> [u64; 3] {
            match i.checked_add_signed(k) {
                None => [START; 3],
                Some(j) => clus.get(j).map_or([END; 3], |&c| cluster_parts(c)),
            }
        };
        let [f0, m0, c0] = c(0);
        let [fp, mp, cp] = c(-1);
        let [fnx, mnx, cnx] = c(1);
        out.push(t(50, f0));
        out.push(t(51, c0));
        out.push(t(52, mp));
        out.push(t(53, mnx));
        out.push(t(54, mix(prev, m0)));
        out.push(t(55, mix(f0, cnx)));
        out.push(t(56, mix(cp, f0)));
        out.push(t(58, m0));
        out.push(t(59, fp));
        out.push(t(60, fnx));
        out.push(t(57, mix(me.suf[2], c0)));
    }
}

/// The second pass's extra features: the first pass's tags ahead.
fn ahead(first: &[usize], i: usize, me: &Word, prev: u64, out: &mut Vec<u64>) {
    let t = |k: usize| first.get(i + k).map_or(END, |&c| c as u64 + 1);
    out.push(mix(40, t(1)));
    out.push(mix(41, mix(t(1), t(2))));
    out.push(mix(42, mix(me.norm, t(1))));
    out.push(mix(43, mix(prev, t(1))));
    out.push(mix(44, mix(me.suf[2], t(1))));
    out.push(mix(45, mix(me.shape, t(1))));
}

/// A word without a cluster.
const NO_CLUSTER: u32 = u32::MAX;

/// A packed cluster's fine, middle and coarse levels as feature values
/// (all [`NO_CLUSTER`] for a word without one).
pub(crate) fn cluster_parts(c: u32) -> [u64; 3] {
    if c == NO_CLUSTER {
        [u64::from(c); 3]
    } else {
        let [f, m, k] = super::clusters::unpack(c);
        [u64::from(f), u64::from(m) | 0x1_0000, u64::from(k) | 0x2_0000]
    }
}

/// The cluster of each word ([`NO_CLUSTER`] for those the table lacks;
/// nothing when there is no table).
pub(crate) fn cluster_ids(ws: &[Word], clusters: &KeyMap<u32>) -> Vec<u32> {
    if clusters.is_empty() {
        return Vec::new();
    }
    ws.iter().map(|w| clusters.get(&w.norm).copied().unwrap_or(NO_CLUSTER)).collect()
}

/// The tag dictionary's class of each word (a marker for words it lacks).
fn dict_classes(ws: &[Word], dictionary: &KeyMap<u16>) -> Vec<u64> {
    ws.iter().map(|w| dictionary.get(&w.norm).map_or(0xd1c7, |&c| u64::from(c) + 1)).collect()
}

impl Tagger {
    /// The joint class of each word, left to right.
    #[must_use]
    pub fn tag(&self, forms: &[&str]) -> Vec<usize> {
        self.tag_words(&words(forms))
    }

    /// [`Tagger::tag`] from the words' hashes.
    pub(crate) fn tag_words(&self, ws: &[Word]) -> Vec<usize> {
        self.tag_prefix(ws, ws.len())
    }

    /// The classes of the first `n` words of `ws`, the same as the first
    /// `n` of [`Tagger::tag_words`]: a word's class depends on the classes
    /// before it and, in the second pass, on the first pass's two classes
    /// after it, so the first pass stops two words later and the rest of
    /// the sentence is not scored (its words still inform the features).
    pub(crate) fn tag_prefix(&self, ws: &[Word], n: usize) -> Vec<usize> {
        let n = n.min(ws.len());
        let reach = if self.second.is_empty() { n } else { (n + 2).min(ws.len()) };
        let dict = dict_classes(ws, &self.dictionary);
        let clus = cluster_ids(ws, &self.clusters);
        let mut out = Vec::with_capacity(reach);
        let mut feats = Vec::with_capacity(32);
        let mut scores = vec![0.0; self.classes.len()];
        let (mut prev, mut prev2) = (START, START);
        for i in 0..reach {
            let c = if let Some(&c) = self.dictionary.get(&ws[i].norm) {
                usize::from(c)
            } else {
                features(ws, &dict, &clus, i, prev, prev2, &mut feats);
                self.weights.score(&feats, &mut scores);
                argmax(&scores)
            };
            prev2 = prev;
            prev = c as u64 + 1;
            out.push(c);
        }
        if self.second.is_empty() {
            return out;
        }
        let first = out;
        let mut out = Vec::with_capacity(n);
        let (mut prev, mut prev2) = (START, START);
        for i in 0..n {
            let c = if let Some(&c) = self.dictionary.get(&ws[i].norm) {
                usize::from(c)
            } else {
                features(ws, &dict, &clus, i, prev, prev2, &mut feats);
                ahead(&first, i, &ws[i], prev, &mut feats);
                self.second.score(&feats, &mut scores);
                argmax(&scores)
            };
            prev2 = prev;
            prev = c as u64 + 1;
            out.push(c);
        }
        out
    }

    /// Learn the second pass from first-pass tags the tagger did not
    /// learn from (`first[s]` for sentence `s`, jackknifed).
    pub fn train_second(
        &mut self,
        sentences: &[GoldSentence],
        first: &[Vec<usize>],
        iterations: usize,
        seed: u64,
        prune: f32,
    ) {
        let class_of: HashMap<(&str, &str), usize> = self
            .classes
            .iter()
            .enumerate()
            .map(|(i, (u, x))| ((u.as_str(), x.as_str()), i))
            .collect();
        let mut trainer = Trainer::new(self.classes.len());
        let mut order: Vec<usize> = (0..sentences.len()).collect();
        let mut rng = seed | 1;
        let mut feats = Vec::new();
        let mut scores = vec![0.0; self.classes.len()];
        for _ in 0..iterations {
            shuffle(&mut order, &mut rng);
            for &si in &order {
                let forms: Vec<&str> =
                    sentences[si].words.iter().map(|w| w.form.as_str()).collect();
                let ws = words(&forms);
                let dict = dict_classes(&ws, &self.dictionary);
                let clus = cluster_ids(&ws, &self.clusters);
                let (mut prev, mut prev2) = (START, START);
                for i in 0..ws.len() {
                    let w = &sentences[si].words[i];
                    let truth =
                        class_of.get(&(w.upos.as_str(), w.xpos.as_str())).copied().unwrap_or(0);
                    let guess = if let Some(&c) = self.dictionary.get(&ws[i].norm) {
                        usize::from(c)
                    } else {
                        features(&ws, &dict, &clus, i, prev, prev2, &mut feats);
                        ahead(&first[si], i, &ws[i], prev, &mut feats);
                        trainer.score(&feats, &mut scores);
                        let guess = argmax(&scores);
                        trainer.tick();
                        trainer.update(&feats, truth, guess);
                        guess
                    };
                    prev2 = prev;
                    prev = guess as u64 + 1;
                }
            }
        }
        self.second = trainer.finish(prune);
    }

    /// Features and votes of the two passes.
    #[must_use]
    pub fn sizes(&self) -> [(usize, usize); 2] {
        [(self.weights.len(), self.weights.votes()), (self.second.len(), self.second.votes())]
    }

    /// The lemma of `form` tagged `class`.
    #[must_use]
    pub fn lemma(&self, form: &str, class: usize) -> String {
        self.lemma_of(form, &words(&[form])[0], class)
    }

    /// [`Tagger::lemma`], from the word's hashes.
    pub(crate) fn lemma_of(&self, form: &str, w: &Word, class: usize) -> String {
        let key = mix(w.norm, class as u64);
        if let Some(&r) = self.lemmas.get(&key) {
            if let Some(l) = self.rules[r as usize].apply(form) {
                return l;
            }
        }
        for k in (1..=4.min(w.chars)).rev() {
            if let Some(&r) = self.suffix_lemmas.get(&mix(w.suf[k - 1], class as u64)) {
                if let Some(l) = self.rules[r as usize].apply(form) {
                    return l;
                }
            }
        }
        if self.classes[class].0 == "PROPN" {
            form.to_string()
        } else {
            form.to_lowercase()
        }
    }

    /// The features (`Number=Sing|...`, empty for none) of `form` tagged `class`.
    #[must_use]
    pub fn feats(&self, form: &str, class: usize) -> &str {
        self.feats_of(&words(&[form])[0], class)
    }

    /// [`Tagger::feats`], from the word's hashes.
    pub(crate) fn feats_of(&self, w: &Word, class: usize) -> &str {
        let key = mix(w.norm, class as u64);
        let i = self.feats.get(&key).copied().unwrap_or(self.class_feats[class]);
        &self.feat_strings[i as usize]
    }

    /// Learn from treebank sentences: `iterations` passes in a seeded
    /// shuffled order.
    #[must_use]
    pub fn train(
        sentences: &[GoldSentence],
        clusters: &KeyMap<u32>,
        iterations: usize,
        seed: u64,
        prune: f32,
    ) -> Tagger {
        let mut class_of: BTreeMap<(String, String), usize> = BTreeMap::new();
        for s in sentences {
            for w in &s.words {
                let n = class_of.len();
                class_of.entry((w.upos.clone(), w.xpos.clone())).or_insert(n);
            }
        }
        // class ids in sorted order, so the model does not depend on data order
        let classes: Vec<(String, String)> = class_of.keys().cloned().collect();
        for (i, c) in classes.iter().enumerate() {
            class_of.insert(c.clone(), i);
        }
        let gold: Vec<Vec<usize>> = sentences
            .iter()
            .map(|s| s.words.iter().map(|w| class_of[&(w.upos.clone(), w.xpos.clone())]).collect())
            .collect();
        // the tag dictionary: words seen 20 times with one tag 99 % of the time
        let mut counts: HashMap<u64, HashMap<usize, usize>> = HashMap::new();
        for (s, g) in sentences.iter().zip(&gold) {
            for (w, &c) in s.words.iter().zip(g) {
                *counts.entry(hash_str(&normalize(&w.form))).or_default().entry(c).or_default() +=
                    1;
            }
        }
        let mut dictionary = KeyMap::default();
        for (w, cs) in &counts {
            let total: usize = cs.values().sum();
            let (&best, &n) =
                cs.iter().max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c))).expect("counted");
            if total >= 20 && n * 100 >= total * 99 {
                dictionary.insert(*w, u16::try_from(best).unwrap_or(0));
            }
        }
        let mut trainer = Trainer::new(classes.len());
        let mut order: Vec<usize> = (0..sentences.len()).collect();
        let mut rng = seed | 1;
        let mut feats = Vec::new();
        let mut scores = vec![0.0; classes.len()];
        for _ in 0..iterations {
            // the same seed, the same order
            shuffle(&mut order, &mut rng);
            for &si in &order {
                let forms: Vec<&str> =
                    sentences[si].words.iter().map(|w| w.form.as_str()).collect();
                let ws = words(&forms);
                let dict = dict_classes(&ws, &dictionary);
                let clus = cluster_ids(&ws, clusters);
                let (mut prev, mut prev2) = (START, START);
                for i in 0..ws.len() {
                    let truth = gold[si][i];
                    let guess = if let Some(&c) = dictionary.get(&ws[i].norm) {
                        usize::from(c)
                    } else {
                        features(&ws, &dict, &clus, i, prev, prev2, &mut feats);
                        trainer.score(&feats, &mut scores);
                        let guess = argmax(&scores);
                        trainer.tick();
                        trainer.update(&feats, truth, guess);
                        guess
                    };
                    prev2 = prev;
                    prev = guess as u64 + 1;
                }
            }
        }
        let weights = trainer.finish(prune);
        // lemma rules and feature strings
        let mut rules: Vec<LemmaRule> = Vec::new();
        let mut rule_id: HashMap<LemmaRule, u32> = HashMap::new();
        let mut by_word: HashMap<u64, HashMap<u32, usize>> = HashMap::new();
        let mut by_suffix: HashMap<u64, HashMap<u32, usize>> = HashMap::new();
        let mut feat_id: BTreeMap<String, u32> = BTreeMap::new();
        let mut word_feats: HashMap<u64, HashMap<u32, usize>> = HashMap::new();
        let mut class_feat_counts: Vec<HashMap<u32, usize>> = vec![HashMap::new(); classes.len()];
        let mut feat_strings: Vec<String> = Vec::new();
        for (s, g) in sentences.iter().zip(&gold) {
            for (w, &c) in s.words.iter().zip(g) {
                let rule = LemmaRule::learn(&w.form, &w.lemma);
                let next = u32::try_from(rules.len()).unwrap_or(u32::MAX);
                let r = *rule_id.entry(rule.clone()).or_insert_with(|| {
                    rules.push(rule);
                    next
                });
                let n = normalize(&w.form);
                *by_word.entry(mix(hash_str(&n), c as u64)).or_default().entry(r).or_default() += 1;
                let chars: Vec<char> = n.chars().collect();
                for k in 1..=4.min(chars.len()) {
                    let suffix: String = chars[chars.len() - k..].iter().collect();
                    *by_suffix
                        .entry(mix(hash_str(&suffix), c as u64))
                        .or_default()
                        .entry(r)
                        .or_default() += 1;
                }
                let f = if w.feats == "_" { String::new() } else { w.feats.clone() };
                let next = u32::try_from(feat_strings.len()).unwrap_or(u32::MAX);
                let fi = *feat_id.entry(f.clone()).or_insert_with(|| {
                    feat_strings.push(f);
                    next
                });
                *word_feats
                    .entry(mix(hash_str(&n), c as u64))
                    .or_default()
                    .entry(fi)
                    .or_default() += 1;
                *class_feat_counts[c].entry(fi).or_default() += 1;
            }
        }
        let best = |m: &HashMap<u32, usize>| {
            *m.iter().max_by_key(|(r, n)| (**n, std::cmp::Reverse(**r))).expect("counted").0
        };
        let lemmas: KeyMap<u32> = by_word.iter().map(|(k, m)| (*k, best(m))).collect();
        let suffix_lemmas: KeyMap<u32> = by_suffix
            .iter()
            .filter(|(_, m)| m.values().sum::<usize>() >= 3)
            .map(|(k, m)| (*k, best(m)))
            .collect();
        let class_feats: Vec<u32> =
            class_feat_counts.iter().map(|m| if m.is_empty() { 0 } else { best(m) }).collect();
        let feats: KeyMap<u32> = word_feats.iter().map(|(k, m)| (*k, best(m))).collect();
        if feat_strings.is_empty() {
            feat_strings.push(String::new());
        }
        Tagger {
            classes,
            weights,
            second: Weights::default(),
            dictionary,
            lemmas,
            suffix_lemmas,
            rules,
            feats,
            class_feats,
            feat_strings,
            clusters: clusters.clone(),
        }
    }

    /// Serialize (see [`super::Model::write`]).
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&u32::try_from(self.classes.len()).unwrap_or(0).to_le_bytes());
        for (u, x) in &self.classes {
            write_str(out, u);
            write_str(out, x);
        }
        self.weights.write(out);
        self.second.write(out);
        write_map16(out, &self.dictionary);
        write_map32(out, &self.lemmas);
        write_map32(out, &self.suffix_lemmas);
        out.extend_from_slice(&u32::try_from(self.rules.len()).unwrap_or(0).to_le_bytes());
        for r in &self.rules {
            out.push(u8::from(r.lower));
            out.push(r.strip);
            write_str(out, &r.append);
        }
        write_map32(out, &self.feats);
        out.extend_from_slice(&u32::try_from(self.class_feats.len()).unwrap_or(0).to_le_bytes());
        for f in &self.class_feats {
            out.extend_from_slice(&f.to_le_bytes());
        }
        out.extend_from_slice(&u32::try_from(self.feat_strings.len()).unwrap_or(0).to_le_bytes());
        for f in &self.feat_strings {
            write_str(out, f);
        }
        write_map32(out, &self.clusters);
    }

    /// Read what [`Tagger::write`] wrote.
    ///
    /// # Errors
    /// When the bytes are not a tagger.
    pub fn read(bytes: &[u8], at: &mut usize) -> Result<Tagger, crate::error::ModelError> {
        let n = read_u32(bytes, at)? as usize;
        let mut classes = Vec::with_capacity(n);
        for _ in 0..n {
            classes.push((read_str(bytes, at)?, read_str(bytes, at)?));
        }
        let weights = Weights::read(bytes, at)?;
        let second = Weights::read(bytes, at)?;
        let dictionary = read_map16(bytes, at)?;
        let lemmas = read_map32(bytes, at)?;
        let suffix_lemmas = read_map32(bytes, at)?;
        let nr = read_u32(bytes, at)? as usize;
        let mut rules = Vec::with_capacity(nr);
        for _ in 0..nr {
            let b = bytes.get(*at..*at + 2).ok_or("the model ends in a lemma rule")?;
            *at += 2;
            rules.push(LemmaRule { lower: b[0] == 1, strip: b[1], append: read_str(bytes, at)? });
        }
        let feats = read_map32(bytes, at)?;
        let nc = read_u32(bytes, at)? as usize;
        let mut class_feats = Vec::with_capacity(nc);
        for _ in 0..nc {
            class_feats.push(read_u32(bytes, at)?);
        }
        let nf = read_u32(bytes, at)? as usize;
        let mut feat_strings = Vec::with_capacity(nf);
        for _ in 0..nf {
            feat_strings.push(read_str(bytes, at)?);
        }
        let clusters = read_map32(bytes, at)?;
        let bad_rule =
            lemmas.values().chain(suffix_lemmas.values()).any(|&r| r as usize >= rules.len());
        let bad_feat =
            feats.values().chain(&class_feats).any(|&f| f as usize >= feat_strings.len());
        let bad_class = dictionary.values().any(|&c| usize::from(c) >= classes.len());
        let second_fits = second.is_empty() || second.classes == classes.len();
        if bad_rule
            || bad_feat
            || bad_class
            || class_feats.len() != classes.len()
            || weights.classes != classes.len()
            || !second_fits
        {
            return Err("the tagger's tables do not fit together".into());
        }
        Ok(Tagger {
            classes,
            weights,
            second,
            dictionary,
            lemmas,
            suffix_lemmas,
            rules,
            feats,
            class_feats,
            feat_strings,
            clusters,
        })
    }
}

fn sorted<V: Copy>(m: &KeyMap<V>) -> Vec<(u64, V)> {
    let mut v: Vec<(u64, V)> = m.iter().map(|(k, v)| (*k, *v)).collect();
    v.sort_unstable_by_key(|x| x.0);
    v
}

fn write_map16(out: &mut Vec<u8>, m: &KeyMap<u16>) {
    out.extend_from_slice(&u32::try_from(m.len()).unwrap_or(0).to_le_bytes());
    for (k, v) in sorted(m) {
        out.extend_from_slice(&k.to_le_bytes());
        out.extend_from_slice(&v.to_le_bytes());
    }
}

fn write_map32(out: &mut Vec<u8>, m: &KeyMap<u32>) {
    out.extend_from_slice(&u32::try_from(m.len()).unwrap_or(0).to_le_bytes());
    for (k, v) in sorted(m) {
        out.extend_from_slice(&k.to_le_bytes());
        out.extend_from_slice(&v.to_le_bytes());
    }
}

fn read_map16(bytes: &[u8], at: &mut usize) -> Result<KeyMap<u16>, crate::error::ModelError> {
    let n = read_u32(bytes, at)? as usize;
    let raw = bytes.get(*at..*at + n * 10).ok_or("the model ends in a table")?;
    *at += n * 10;
    Ok(raw
        .chunks_exact(10)
        .map(|c| {
            (
                u64::from_le_bytes(c[..8].try_into().expect("8 bytes")),
                u16::from_le_bytes([c[8], c[9]]),
            )
        })
        .collect())
}

fn read_map32(bytes: &[u8], at: &mut usize) -> Result<KeyMap<u32>, crate::error::ModelError> {
    let n = read_u32(bytes, at)? as usize;
    let raw = bytes.get(*at..*at + n * 12).ok_or("the model ends in a table")?;
    *at += n * 12;
    Ok(raw
        .chunks_exact(12)
        .map(|c| {
            (
                u64::from_le_bytes(c[..8].try_into().expect("8 bytes")),
                u32::from_le_bytes(c[8..12].try_into().expect("4 bytes")),
            )
        })
        .collect())
}
