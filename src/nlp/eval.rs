//! Scores as the `CoNLL` 2018 shared task reports them: from gold tokens,
//! the accuracy of UPOS, XPOS, `UFeats`, Lemmas, UAS and LAS; from raw text,
//! F1 of tokens and sentences, then the same figures over the words aligned
//! to the gold ones (by their character spans, words of a multiword token
//! by their place in it). LAS compares the universal part of the relation
//! (`nmod` for `nmod:poss`), as the shared task's script does.

use std::collections::HashMap;
use std::fmt;

use super::conllu::GoldSentence;
use super::{Model, Sentence};

/// The figures, as percentages.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    /// Tokens F1 (100 from gold tokens).
    pub tokens: f64,
    /// Sentences F1 (100 from gold tokens).
    pub sentences: f64,
    /// Words F1 (100 from gold tokens).
    pub words: f64,
    /// UPOS.
    pub upos: f64,
    /// XPOS.
    pub xpos: f64,
    /// Morphological features, all of a word's.
    pub ufeats: f64,
    /// Lemmas.
    pub lemmas: f64,
    /// Unlabelled attachment.
    pub uas: f64,
    /// Labelled attachment.
    pub las: f64,
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "ud: tokens {:.2} sentences {:.2} UPOS {:.2} XPOS {:.2} UFeats {:.2} Lemmas {:.2} UAS {:.2} LAS {:.2}",
            self.tokens, self.sentences, self.upos, self.xpos, self.ufeats, self.lemmas, self.uas, self.las
        )
    }
}

fn universal(d: &str) -> &str {
    d.split(':').next().unwrap_or(d)
}

fn feats(f: &str) -> &str {
    if f == "_" {
        ""
    } else {
        f
    }
}

#[derive(Default)]
struct Counts {
    gold: usize,
    system: usize,
    upos: usize,
    xpos: usize,
    ufeats: usize,
    lemmas: usize,
    uas: usize,
    las: usize,
}

fn f1(correct: usize, gold: usize, system: usize) -> f64 {
    if gold + system == 0 {
        return 100.0;
    }

    200.0 * correct as f64 / (gold + system) as f64
}

impl Counts {
    fn scores(&self) -> Scores {
        let s = |c| f1(c, self.gold, self.system);
        Scores {
            tokens: 100.0,
            sentences: 100.0,
            words: 100.0,
            upos: s(self.upos),
            xpos: s(self.xpos),
            ufeats: s(self.ufeats),
            lemmas: s(self.lemmas),
            uas: s(self.uas),
            las: s(self.las),
        }
    }
}

/// Score the model from gold tokens.
#[must_use]
pub fn gold_tokens(model: &Model, gold: &[GoldSentence]) -> Scores {
    use rayon::prelude::*;
    let parts: Vec<Counts> = gold
        .par_iter()
        .map(|g| {
            let forms: Vec<&str> = g.words.iter().map(|w| w.form.as_str()).collect();
            let s = model.analyze_words(&forms);
            let mut c = Counts { gold: forms.len(), system: forms.len(), ..Counts::default() };
            for (w, t) in g.words.iter().zip(&s.tokens) {
                c.upos += usize::from(w.upos == t.upos);
                c.xpos += usize::from(w.xpos == t.xpos);
                c.ufeats += usize::from(feats(&w.feats) == t.feats);
                c.lemmas += usize::from(w.lemma == t.lemma);
                let head = w.head == t.head;
                c.uas += usize::from(head);
                c.las += usize::from(head && universal(&w.deprel) == universal(&t.deprel));
            }
            c
        })
        .collect();
    sum(&parts).scores()
}

fn sum(parts: &[Counts]) -> Counts {
    let mut c = Counts::default();
    for p in parts {
        c.gold += p.gold;
        c.system += p.system;
        c.upos += p.upos;
        c.xpos += p.xpos;
        c.ufeats += p.ufeats;
        c.lemmas += p.lemmas;
        c.uas += p.uas;
        c.las += p.las;
    }
    c
}

/// The raw text of a treebank: each sentence's `# text`, a space between
/// sentences of a paragraph and a blank line between paragraphs; and each
/// gold word's span in it, with its place in its multiword token.
/// A raw text, its sentences' spans, and each gold word's span and place
/// in its multiword token.
type Raw = (String, Vec<(usize, usize)>, Vec<Vec<(usize, usize, usize)>>);

fn raw(gold: &[GoldSentence]) -> Raw {
    let mut text = String::new();
    let mut sentence_spans = Vec::new();
    let mut word_spans = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        if i > 0 {
            text.push_str(if g.new_paragraph { "\n\n" } else { " " });
        }
        let base = text.len();
        let own = g.text.clone().unwrap_or_else(|| {
            g.words.iter().map(|w| w.form.as_str()).collect::<Vec<_>>().join(" ")
        });
        text.push_str(&own);
        // lay the words (or their multiword tokens) on the sentence text
        let mut at = 0;
        let mut spans = Vec::with_capacity(g.words.len());
        let mut k = 0;
        while k < g.words.len() {
            let (surface, last) = match g.multiword.iter().find(|m| m.0 == k) {
                Some(m) => (m.2.as_str(), m.1),
                None => (g.words[k].form.as_str(), k),
            };
            let found = own[at..].find(surface).filter(|&p| own[at..at + p].trim().is_empty());
            let (a, b) = if let Some(p) = found {
                (at + p, at + p + surface.len())
            } else {
                // the treebank's text and forms disagree: skip ahead
                let a = at + own[at..].len() - own[at..].trim_start().len();
                let b = own[a..].find(char::is_whitespace).map_or(own.len(), |e| a + e);
                (a, b)
            };
            for (j, _) in (k..=last).enumerate() {
                spans.push((base + a, base + b, j));
            }
            at = b;
            k = last + 1;
        }
        if let (Some(first), Some(last)) = (spans.first(), spans.last()) {
            sentence_spans.push((first.0, last.1));
        }
        word_spans.push(spans);
    }
    (text, sentence_spans, word_spans)
}

/// Score the model on raw text: the treebank's sentences' text, tokenized,
/// split and analysed by the model.
#[must_use]
pub fn raw_text(model: &Model, gold: &[GoldSentence]) -> Scores {
    let (text, gold_sentences, gold_words) = raw(gold);
    let system: Vec<Sentence> = model.analyze(&text);
    // tokens: multiword surfaces and plain words, by span
    let gold_tokens: std::collections::HashSet<(usize, usize)> =
        gold_words.iter().flatten().map(|&(a, b, _)| (a, b)).collect();
    let mut sys_tokens = std::collections::HashSet::new();
    // system words: (span, place in multiword) -> (sentence, word)
    let mut sys_words: HashMap<(usize, usize, usize), (usize, usize)> = HashMap::new();
    let mut system_words = 0;
    for (si, s) in system.iter().enumerate() {
        let mut k = 0;
        while k < s.tokens.len() {
            let last = s.multiword.iter().find(|m| m.0 == k).map_or(k, |m| m.1);
            let (a, b) = (s.tokens[k].start, s.tokens[last].end);
            sys_tokens.insert((a, b));
            for (j, w) in (k..=last).enumerate() {
                sys_words.insert((a, b, j), (si, w));
            }
            system_words += last - k + 1;
            k = last + 1;
        }
    }
    let token_match = gold_tokens.iter().filter(|t| sys_tokens.contains(t)).count();
    let sys_sentences: std::collections::HashSet<(usize, usize)> =
        system.iter().map(|s| (s.start, s.end)).collect();
    let sentence_match = gold_sentences.iter().filter(|s| sys_sentences.contains(s)).count();
    let gold_word_count: usize = gold_words.iter().map(Vec::len).sum();
    let mut c = Counts { gold: gold_word_count, system: system_words, ..Counts::default() };
    let mut aligned = 0;
    for (g, spans) in gold.iter().zip(&gold_words) {
        // the system word of each gold word, if aligned
        let at: Vec<Option<(usize, usize)>> =
            spans.iter().map(|k| sys_words.get(k).copied()).collect();
        for (i, w) in g.words.iter().enumerate() {
            let Some((si, wi)) = at[i] else { continue };
            aligned += 1;
            let t = &system[si].tokens[wi];
            c.upos += usize::from(w.upos == t.upos);
            c.xpos += usize::from(w.xpos == t.xpos);
            c.ufeats += usize::from(feats(&w.feats) == t.feats);
            c.lemmas += usize::from(w.lemma == t.lemma);
            let head = if w.head == 0 {
                t.head == 0
            } else {
                at[w.head - 1].is_some_and(|(hs, hw)| hs == si && t.head == hw + 1)
            };
            c.uas += usize::from(head);
            c.las += usize::from(head && universal(&w.deprel) == universal(&t.deprel));
        }
    }
    let mut scores = c.scores();
    scores.tokens = f1(token_match, gold_tokens.len(), sys_tokens.len());
    scores.sentences = f1(sentence_match, gold_sentences.len(), system.len());
    scores.words = f1(aligned, gold_word_count, system_words);
    scores
}
