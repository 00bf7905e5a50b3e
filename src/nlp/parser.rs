//! The labelled dependency parser: transition-based, arc-hybrid
//! (Kuhlmann et al. 2011), greedy, with an averaged perceptron over the
//! rich feature templates of Zhang and Nivre (2011), trained with the
//! dynamic oracle of Goldberg and Nivre (2013) so it learns to recover
//! from its own mistakes. Non-projective training trees are projectivized
//! by lifting (Nivre and Nilsson 2005): an arc that crosses another is
//! moved to the head's head until none does; the parser's trees are
//! projective.
//!
//! Transitions, with the stack `... s1 s0` and the buffer `b0 b1 ...`:
//! SHIFT (b0 onto the stack), LEFT-l (s0 <-l- b0, pop s0), RIGHT-l
//! (s1 -l-> s0, pop s0). The root sits at the bottom of the stack and takes
//! exactly one dependent, the last.

use super::perceptron::{
    argmax, hash_str, mix, read_str, read_u32, shuffle, write_str, xorshift, Trainer, Weights,
};
use super::tagger::Word;

/// One training sentence: words, their tags (tagger classes), gold heads
/// (1-based, 0 the root) and gold labels.
pub type TrainingSentence<'a> = (Vec<&'a str>, Vec<usize>, Vec<usize>, Vec<&'a str>);

/// The parser's model.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Parser {
    /// Dependency labels (with subtypes), sorted.
    pub labels: Vec<String>,
    /// Scores of SHIFT, LEFT and RIGHT.
    transitions: Weights,
    /// Scores of the labels of an arc (its features told the direction).
    arcs: Weights,
}

const NONE: usize = usize::MAX;

/// A parser configuration.
struct State {
    n: usize,
    stack: Vec<usize>,
    b: usize,
    heads: Vec<usize>,
    labels: Vec<usize>,
    /// Two leftmost and two rightmost children of each token (index 0 is the root).
    left: Vec<[usize; 2]>,
    right: Vec<[usize; 2]>,
    nleft: Vec<u8>,
    nright: Vec<u8>,
}

impl State {
    fn new(n: usize) -> State {
        State {
            n,
            stack: vec![0],
            b: 1,
            heads: vec![NONE; n + 1],
            labels: vec![NONE; n + 1],
            left: vec![[NONE; 2]; n + 1],
            right: vec![[NONE; 2]; n + 1],
            nleft: vec![0; n + 1],
            nright: vec![0; n + 1],
        }
    }

    fn terminal(&self) -> bool {
        self.b > self.n && self.stack.len() == 1
    }

    fn s(&self, k: usize) -> usize {
        if self.stack.len() > k {
            self.stack[self.stack.len() - 1 - k]
        } else {
            NONE
        }
    }

    fn buf(&self, k: usize) -> usize {
        if self.b + k <= self.n {
            self.b + k
        } else {
            NONE
        }
    }

    /// The `k`-th leftmost child of `i` (0 the leftmost), or `NONE`.
    fn left(&self, i: usize, k: usize) -> usize {
        if i == NONE {
            NONE
        } else {
            self.left[i][k]
        }
    }

    /// The `k`-th rightmost child of `i`, or `NONE`.
    fn right(&self, i: usize, k: usize) -> usize {
        if i == NONE {
            NONE
        } else {
            self.right[i][k]
        }
    }

    /// The label of `i`'s arc as a feature value (a marker for none).
    fn label(&self, i: usize) -> u64 {
        if i == NONE {
            0xffff
        } else {
            self.labels[i] as u64
        }
    }

    fn can_shift(&self) -> bool {
        self.b <= self.n
    }

    fn can_left(&self) -> bool {
        self.stack.len() >= 2 && self.b <= self.n
    }

    fn can_right(&self) -> bool {
        // the root takes one dependent, once everything else is attached
        self.stack.len() >= 3 || (self.stack.len() == 2 && self.b > self.n)
    }

    fn attach(&mut self, head: usize, dep: usize, label: usize) {
        self.heads[dep] = head;
        self.labels[dep] = label;
        if dep < head {
            let l = &mut self.left[head];
            if l[0] == NONE || dep < l[0] {
                l[1] = l[0];
                l[0] = dep;
            } else if l[1] == NONE || dep < l[1] {
                l[1] = dep;
            }
            self.nleft[head] = self.nleft[head].saturating_add(1);
        } else {
            let r = &mut self.right[head];
            if r[0] == NONE || dep > r[0] {
                r[1] = r[0];
                r[0] = dep;
            } else if r[1] == NONE || dep > r[1] {
                r[1] = dep;
            }
            self.nright[head] = self.nright[head].saturating_add(1);
        }
    }

    /// Apply a class: 0 SHIFT, 1 + 2l LEFT-l, 2 + 2l RIGHT-l.
    fn apply(&mut self, class: usize) {
        if class == 0 {
            self.stack.push(self.b);
            self.b += 1;
        } else if class % 2 == 1 {
            let s0 = self.stack.pop().expect("a left arc has s0");
            self.attach(self.b, s0, (class - 1) / 2);
        } else {
            let s0 = self.stack.pop().expect("a right arc has s0");
            let s1 = *self.stack.last().expect("a right arc has s1");
            self.attach(s1, s0, (class - 2) / 2);
        }
    }
}

/// Per-token feature values: word and tag hashes (index 0 is the root,
/// the last is "none").
struct Tokens {
    word: Vec<u64>,
    tag: Vec<u64>,
    /// The last three letters, for words the training data never had.
    suffix: Vec<u64>,
    /// Middle and coarse word clusters ([`super::clusters`]); empty
    /// without a cluster table.
    middle: Vec<u64>,
    coarse: Vec<u64>,
}

impl Tokens {
    /// `clusters`: each word's packed cluster, or nothing.
    fn new(words: &[Word], tags: &[usize], clusters: &[u32]) -> Tokens {
        let mut word = vec![hash_str("<root>")];
        let mut tag = vec![hash_str("<ROOT>")];
        let mut suffix = vec![hash_str("<root>")];
        for (w, t) in words.iter().zip(tags) {
            word.push(w.norm);
            suffix.push(w.suf[2]);
            tag.push(mix(0x7a9, *t as u64));
        }
        word.push(hash_str("<none>"));
        tag.push(hash_str("<NONE>"));
        suffix.push(hash_str("<none>"));
        let (mut middle, mut coarse) = (Vec::new(), Vec::new());
        if !clusters.is_empty() {
            middle.push(hash_str("<root>"));
            coarse.push(hash_str("<root>"));
            for &c in clusters {
                // the middle and coarse levels
                let [_, m, k] = super::tagger::cluster_parts(c);
                middle.push(mix(0xc1, m));
                coarse.push(mix(0xc2, k));
            }
            middle.push(hash_str("<none>"));
            coarse.push(hash_str("<none>"));
        }
        Tokens { word, tag, suffix, middle, coarse }
    }

    fn c(&self, i: usize) -> u64 {
        self.middle[if i == NONE { self.middle.len() - 1 } else { i }]
    }

    fn cc(&self, i: usize) -> u64 {
        self.coarse[if i == NONE { self.coarse.len() - 1 } else { i }]
    }

    fn w(&self, i: usize) -> u64 {
        self.word[if i == NONE { self.word.len() - 1 } else { i }]
    }

    fn t(&self, i: usize) -> u64 {
        self.tag[if i == NONE { self.tag.len() - 1 } else { i }]
    }

    fn suf(&self, i: usize) -> u64 {
        self.suffix[if i == NONE { self.suffix.len() - 1 } else { i }]
    }
}

fn features(st: &State, tk: &Tokens, out: &mut Vec<u64>) {
    out.clear();
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let (b0, b1, b2) = (st.buf(0), st.buf(1), st.buf(2));
    let (s0l1, s0l2, s0r1, s0r2) =
        (st.left(s0, 0), st.left(s0, 1), st.right(s0, 0), st.right(s0, 1));
    let (s1l1, s1r1) = (st.left(s1, 0), st.right(s1, 0));
    let (b0l1, b0l2) = (st.left(b0, 0), st.left(b0, 1));
    let lab = |i: usize| st.label(i);
    let (w, t) = (|i| tk.w(i), |i| tk.t(i));
    let dist = |a: usize, b: usize| -> u64 {
        if a == NONE || b == NONE {
            0
        } else {
            let d = a.abs_diff(b);
            (if d > 5 { 5 + d.min(40) / 10 } else { d }) as u64
        }
    };
    let val = |v: &Vec<u8>, i: usize| if i == NONE { 99 } else { u64::from(v[i].min(4)) };
    let mut f = |id: u64, v: u64| out.push(mix(id, v));
    // single words
    f(1, w(s0));
    f(2, t(s0));
    f(3, mix(w(s0), t(s0)));
    f(4, w(b0));
    f(5, t(b0));
    f(6, mix(w(b0), t(b0)));
    f(7, w(b1));
    f(8, t(b1));
    f(9, mix(w(b1), t(b1)));
    f(10, t(b2));
    f(11, w(s1));
    f(12, t(s1));
    f(13, mix(w(s1), t(s1)));
    f(14, t(s2));
    // pairs
    f(20, mix(mix(w(s0), t(s0)), mix(w(b0), t(b0))));
    f(21, mix(mix(w(s0), t(s0)), w(b0)));
    f(22, mix(w(s0), mix(w(b0), t(b0))));
    f(23, mix(mix(w(s0), t(s0)), t(b0)));
    f(24, mix(t(s0), mix(w(b0), t(b0))));
    f(25, mix(w(s0), w(b0)));
    f(26, mix(t(s0), t(b0)));
    f(27, mix(t(b0), t(b1)));
    f(28, mix(t(s1), t(s0)));
    f(29, mix(w(s1), w(s0)));
    f(30, mix(mix(w(s1), t(s1)), t(s0)));
    f(31, mix(t(s1), mix(w(s0), t(s0))));
    f(32, mix(t(s1), t(b0)));
    f(33, mix(mix(w(s1), t(s1)), mix(w(s0), t(s0))));
    // triples
    f(40, mix(mix(t(b0), t(b1)), t(b2)));
    f(41, mix(mix(t(s0), t(b0)), t(b1)));
    f(42, mix(mix(t(s1), t(s0)), t(b0)));
    f(43, mix(mix(t(s0), t(s0l1)), t(b0)));
    f(44, mix(mix(t(s0), t(s0r1)), t(b0)));
    f(45, mix(mix(t(s0), t(b0)), t(b0l1)));
    f(46, mix(mix(t(s1), t(s0)), t(s0l1)));
    f(47, mix(mix(t(s1), t(s0)), t(s0r1)));
    f(48, mix(mix(t(s1), t(s1r1)), t(s0)));
    f(49, mix(mix(t(s2), t(s1)), t(s0)));
    f(50, mix(mix(t(s0), t(s0l1)), t(s0l2)));
    f(51, mix(mix(t(s0), t(s0r1)), t(s0r2)));
    f(52, mix(mix(t(b0), t(b0l1)), t(b0l2)));
    f(53, mix(mix(t(s1), t(s1l1)), t(s0)));
    f(54, mix(mix(w(s0), t(s1)), t(b0)));
    f(55, mix(mix(t(s1), w(s0)), w(b0)));
    // distance
    let d = dist(s0, b0);
    let d1 = dist(s1, s0);
    f(60, mix(w(s0), d));
    f(61, mix(t(s0), d));
    f(62, mix(w(b0), d));
    f(63, mix(t(b0), d));
    f(64, mix(mix(t(s0), t(b0)), d));
    f(65, mix(mix(t(s1), t(s0)), d1));
    f(66, mix(mix(w(s1), w(s0)), d1));
    // valency
    f(70, mix(w(s0), val(&st.nright, s0)));
    f(71, mix(t(s0), val(&st.nright, s0)));
    f(72, mix(w(s0), val(&st.nleft, s0)));
    f(73, mix(t(s0), val(&st.nleft, s0)));
    f(74, mix(w(b0), val(&st.nleft, b0)));
    f(75, mix(t(b0), val(&st.nleft, b0)));
    f(76, mix(t(s1), val(&st.nright, s1)));
    // children and their labels
    f(80, w(s0l1));
    f(81, t(s0l1));
    f(82, lab(s0l1));
    f(83, w(s0r1));
    f(84, t(s0r1));
    f(85, lab(s0r1));
    f(86, w(b0l1));
    f(87, t(b0l1));
    f(88, lab(b0l1));
    f(89, t(s1r1));
    f(90, lab(s1r1));
    f(91, mix(t(s0), lab(s0l1)));
    f(92, mix(t(s0), lab(s0r1)));
    f(93, mix(t(b0), lab(b0l1)));
    f(94, mix(mix(t(s0), lab(s0l1)), lab(s0l2)));
    f(95, mix(mix(t(s0), lab(s0r1)), lab(s0r2)));
    f(96, mix(mix(t(b0), lab(b0l1)), lab(b0l2)));
    f(97, mix(t(s1), lab(s1r1)));
    f(98, u64::from(b0 == NONE) | u64::from(s1 == 0) << 1);
    // word endings, for words never seen in training
    f(100, mix(tk.suf(s0), t(s0)));
    f(101, mix(tk.suf(b0), t(b0)));
    f(102, mix(tk.suf(s0), tk.suf(b0)));
    f(103, mix(mix(w(s0), t(b0)), t(b1)));
    f(104, mix(mix(t(s0), w(b0)), t(b1)));
    if !tk.middle.is_empty() {
        // word clusters in place of words (Koo, Carreras and Collins 2008)
        let (c, cc) = (|i| tk.c(i), |i| tk.cc(i));
        f(110, c(s0));
        f(111, c(b0));
        f(112, c(b1));
        f(113, c(s1));
        f(114, mix(c(s0), c(b0)));
        f(115, mix(cc(s0), t(b0)));
        f(116, mix(t(s0), cc(b0)));
        f(117, mix(cc(s0), cc(b0)));
        f(118, mix(mix(c(s0), t(s0)), t(b0)));
        f(119, mix(t(s0), mix(c(b0), t(b0))));
        f(120, mix(cc(s1), mix(t(s0), t(b0))));
    }
}

/// Transition types; an arc's label is chosen by a second model.
const SHIFT: usize = 0;
const LEFT: usize = 1;
const RIGHT: usize = 2;

/// Which transition types are allowed in `st`.
fn valid(st: &State) -> [bool; 3] {
    [st.can_shift(), st.can_left(), st.can_right()]
}

/// The class [`State::apply`] takes for a type and label.
fn class(kind: usize, label: usize) -> usize {
    match kind {
        SHIFT => 0,
        LEFT => 1 + 2 * label,
        _ => 2 + 2 * label,
    }
}

/// The label model's features: the arc a LEFT or RIGHT transition makes
/// in `st`, its head and dependent (words, tags, endings, distance), the
/// children each has already (their labels, the dependent's first word:
/// a preposition or a marker) and the dependent's neighbours, told the
/// arc's direction. A quarter of the transition features: the label is
/// chosen once per word, and its votes spread over some fifty labels.
fn label_features(st: &State, tk: &Tokens, kind: usize, out: &mut Vec<u64>) {
    out.clear();
    let d = st.s(0);
    let h = if kind == LEFT { st.buf(0) } else { st.s(1) };
    let lab = |i: usize| st.label(i);
    let (w, t) = (|i| tk.w(i), |i| tk.t(i));
    let (dl1, dl2, dr1) = (st.left(d, 0), st.left(d, 1), st.right(d, 0));
    let (hl1, hr1) = (st.left(h, 0), st.right(h, 0));
    let near = |i: usize, k: isize| match i.checked_add_signed(k) {
        Some(j) if i != NONE && j <= st.n => j,
        _ => NONE,
    };
    let dist = if d == NONE || h == NONE { 0 } else { d.abs_diff(h).min(6) as u64 };
    let val = |v: &Vec<u8>, i: usize| if i == NONE { 99 } else { u64::from(v[i].min(3)) };
    let mut f = |id: u64, v: u64| out.push(mix(mix(id, kind as u64), v));
    f(200, 0);
    f(201, w(d));
    f(202, t(d));
    f(203, mix(w(d), t(d)));
    f(204, w(h));
    f(205, t(h));
    f(206, mix(w(h), t(h)));
    f(207, mix(t(h), t(d)));
    f(208, mix(w(h), t(d)));
    f(209, mix(t(h), w(d)));
    f(210, mix(w(h), w(d)));
    f(211, mix(mix(t(h), t(d)), dist));
    f(212, mix(tk.suf(d), t(d)));
    f(213, mix(mix(tk.suf(d), t(d)), t(h)));
    f(214, lab(dl1));
    f(215, lab(dr1));
    f(216, mix(t(d), lab(dl1)));
    f(217, mix(t(d), lab(dr1)));
    f(218, mix(mix(t(d), lab(dl1)), lab(dl2)));
    f(219, mix(w(dl1), t(d)));
    f(220, mix(mix(w(dl1), t(d)), t(h)));
    f(221, mix(t(h), lab(hl1)));
    f(222, mix(t(h), lab(hr1)));
    f(223, mix(mix(t(d), val(&st.nleft, d)), val(&st.nright, d)));
    f(224, mix(t(near(d, -1)), t(d)));
    f(225, mix(t(d), t(near(d, 1))));
    f(226, mix(mix(t(h), t(d)), t(st.buf(0))));
    f(227, mix(w(dl2), t(d)));
}

/// Gold trees for the dynamic oracle.
struct Gold<'a> {
    heads: &'a [usize],
    children: Vec<Vec<usize>>,
}

impl Gold<'_> {
    /// The cost (gold arcs lost) of a transition type in `st`, and whether
    /// the arc it makes is gold.
    fn cost(&self, st: &State, in_stack: &[bool], kind: usize) -> (usize, bool) {
        let s0 = st.s(0);
        let b = st.b;
        let in_buffer = |k: usize| k >= b && k <= st.n;
        if kind == SHIFT {
            let b0 = b;
            let h = self.heads[b0];
            let mut c = usize::from(in_stack[h] && h != s0);
            c += self.children[b0].iter().filter(|&&k| in_stack[k]).count();
            return (c, false);
        }
        let h = self.heads[s0];
        let lost_children = self.children[s0].iter().filter(|&&k| in_buffer(k)).count();
        let s1 = st.s(1);
        if kind == LEFT {
            if h == b {
                return (lost_children, true);
            }
            (usize::from(h == s1 || in_buffer(h)) + lost_children, false)
        } else {
            if h == s1 {
                return (lost_children, true);
            }
            (usize::from(in_buffer(h)) + lost_children, false)
        }
    }
}

/// Lift arcs until the tree is projective (heads are 1-based, 0 the root).
#[must_use]
pub fn projectivize(heads: &[usize]) -> Vec<usize> {
    let n = heads.len();
    let mut h: Vec<usize> = std::iter::once(0).chain(heads.iter().copied()).collect();
    let dominated = |h: &[usize], top: usize, mut k: usize| {
        let mut steps = 0;
        while k != 0 && k != top && steps <= n {
            k = h[k];
            steps += 1;
        }
        k == top
    };
    loop {
        // the shortest non-projective arc
        let mut worst: Option<(usize, usize)> = None;
        for d in 1..=n {
            let head = h[d];
            if head == 0 {
                continue;
            }
            let (a, b) = if head < d { (head, d) } else { (d, head) };
            let crossing = (a + 1..b).any(|k| !dominated(&h, head, k));
            if crossing && worst.is_none_or(|(_, wd)| b - a < h[wd].abs_diff(wd)) {
                worst = Some((head, d));
            }
        }
        match worst {
            Some((head, d)) => h[d] = h[head],
            None => break,
        }
    }
    h[1..].to_vec()
}

impl Parser {
    /// Features and votes of the transition and label models.
    #[must_use]
    pub fn sizes(&self) -> [(usize, usize); 2] {
        [(self.transitions.len(), self.transitions.votes()), (self.arcs.len(), self.arcs.votes())]
    }

    /// Parse: heads (1-based, 0 the root) and label indices of each word.
    #[must_use]
    pub fn parse(&self, words: &[&str], tags: &[usize]) -> (Vec<usize>, Vec<usize>) {
        self.parse_words(&super::tagger::words(words), tags, &[])
    }

    /// [`Parser::parse`], from the words' hashes (the tagger's).
    pub(crate) fn parse_words(
        &self,
        words: &[Word],
        tags: &[usize],
        clusters: &[u32],
    ) -> (Vec<usize>, Vec<usize>) {
        let n = words.len();
        let tk = Tokens::new(words, tags, clusters);
        let mut st = State::new(n);
        let mut feats = Vec::with_capacity(128);
        let mut dfeats = Vec::with_capacity(128);
        let mut scores = [0.0_f32; 3];
        let mut label_scores = vec![0.0; self.labels.len()];
        while !st.terminal() {
            features(&st, &tk, &mut feats);
            self.transitions.score(&feats, &mut scores);
            let ok = valid(&st);
            let kind = (0..3)
                .filter(|&k| ok[k])
                .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
                .unwrap_or(RIGHT);
            let label = if kind == SHIFT {
                0
            } else {
                label_features(&st, &tk, kind, &mut dfeats);
                self.arcs.score(&dfeats, &mut label_scores);
                argmax(&label_scores)
            };
            st.apply(class(kind, label));
        }
        let heads = st.heads[1..].iter().map(|&h| if h == NONE { 0 } else { h }).collect();
        let labels = st.labels[1..].iter().map(|&l| if l == NONE { 0 } else { l }).collect();
        (heads, labels)
    }

    /// Learn from sentences: words, tags (as the tagger gives them), gold
    /// heads and labels. `iterations` passes, seeded; from the second one
    /// on, the parser follows its own choices nine times in ten.
    #[must_use]
    pub fn train(
        sentences: &[TrainingSentence<'_>],
        clusters: &super::perceptron::KeyMap<u32>,
        iterations: usize,
        seed: u64,
        prune: f32,
    ) -> Parser {
        let mut labels: Vec<String> =
            sentences.iter().flat_map(|s| s.3.iter().map(|l| (*l).to_string())).collect();
        labels.sort();
        labels.dedup();
        let mut transitions = Trainer::new(3);
        let mut arcs = Trainer::new(labels.len());
        let golds: Vec<(Vec<usize>, Vec<usize>)> = sentences
            .iter()
            .map(|s| {
                let heads = projectivize(&s.2);
                let ls =
                    s.3.iter()
                        .map(|l| labels.binary_search_by(|x| x.as_str().cmp(l)).expect("a label"))
                        .collect();
                (heads, ls)
            })
            .collect();
        let mut order: Vec<usize> = (0..sentences.len()).collect();
        let mut rng = seed | 1;
        let mut feats = Vec::with_capacity(128);
        let mut dfeats = Vec::with_capacity(128);
        let mut scores = [0.0_f32; 3];
        let mut label_scores = vec![0.0; labels.len()];
        for it in 0..iterations {
            shuffle(&mut order, &mut rng);
            for &si in &order {
                let (words, tags, _, _) = &sentences[si];
                let n = words.len();
                let (gh, gl) = &golds[si];
                let mut heads = vec![0; n + 1];
                let mut children = vec![Vec::new(); n + 1];
                for d in 1..=n {
                    heads[d] = gh[d - 1];
                    children[gh[d - 1]].push(d);
                }
                let gold = Gold { heads: &heads, children };
                let ws = super::tagger::words(words);
                let tk = Tokens::new(&ws, tags, &super::tagger::cluster_ids(&ws, clusters));
                let mut st = State::new(n);
                let mut in_stack = vec![false; n + 2];
                in_stack[0] = true;
                while !st.terminal() {
                    features(&st, &tk, &mut feats);
                    transitions.score(&feats, &mut scores);
                    let ok = valid(&st);
                    let costs: [(usize, bool); 3] = std::array::from_fn(|k| {
                        if ok[k] {
                            gold.cost(&st, &in_stack, k)
                        } else {
                            (usize::MAX, false)
                        }
                    });
                    let legal = (0..3).filter(|&k| ok[k]);
                    let guess = legal
                        .clone()
                        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
                        .unwrap_or(RIGHT);
                    let least = legal.clone().map(|k| costs[k].0).min().unwrap_or(0);
                    let best = legal
                        .filter(|&k| costs[k].0 == least)
                        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
                        .unwrap_or(guess);
                    transitions.tick();
                    if costs[guess].0 != least {
                        transitions.update(&feats, best, guess);
                    }
                    let follow = if it > 0 && xorshift(&mut rng) % 10 != 0 { guess } else { best };
                    // the label of a gold arc, learned where the arc is made
                    let mut label = 0;
                    if follow != SHIFT {
                        label_features(&st, &tk, follow, &mut dfeats);
                        arcs.score(&dfeats, &mut label_scores);
                        label = argmax(&label_scores);
                        if costs[follow].1 {
                            let truth = gl[st.s(0) - 1];
                            arcs.tick();
                            arcs.update(&dfeats, truth, label);
                            label = truth;
                        }
                    }
                    if follow == SHIFT {
                        in_stack[st.b] = true;
                    } else {
                        in_stack[st.s(0)] = false;
                    }
                    st.apply(class(follow, label));
                }
            }
        }
        Parser { labels, transitions: transitions.finish(prune), arcs: arcs.finish(prune) }
    }

    /// Serialize.
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&u32::try_from(self.labels.len()).unwrap_or(0).to_le_bytes());
        for l in &self.labels {
            write_str(out, l);
        }
        self.transitions.write(out);
        self.arcs.write(out);
    }

    /// Read what [`Parser::write`] wrote.
    ///
    /// # Errors
    /// When the bytes are not a parser.
    pub fn read(bytes: &[u8], at: &mut usize) -> Result<Parser, crate::error::ModelError> {
        let n = read_u32(bytes, at)? as usize;
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            labels.push(read_str(bytes, at)?);
        }
        let transitions = Weights::read(bytes, at)?;
        let arcs = Weights::read(bytes, at)?;
        if transitions.classes != 3 || arcs.classes != labels.len() {
            return Err("the parser's weights do not fit its labels".into());
        }
        Ok(Parser { labels, transitions, arcs })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifting_makes_a_crossing_tree_projective() {
        // 1 <- 3, 2 <- 4 cross; lifting 2 to 4's head
        let heads = [3, 4, 0, 3];
        let p = projectivize(&heads);
        assert_eq!(p, [3, 3, 0, 3]);
        assert_eq!(projectivize(&[2, 0, 2]), [2, 0, 2]);
    }
}
