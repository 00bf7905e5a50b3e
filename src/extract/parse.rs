//! A sentence's dependency tree read for timelines: who did what to whom
//! and where (subject through coordination and complements, passive
//! agent, relative pronouns, "he" and "she", appositions, event-noun
//! arguments, participles, named places), the clause an event heads, and
//! whether a conditional governs it. [`super::title`] composes titles
//! from the same tree; [`super::learned`] builds mentions with both.

use super::timex::Timex;
use crate::language::ENGLISH;
use crate::nlp::Sentence;

/// A sentence with its dependents listed, and the document's time
/// expressions (in text order) to tell a date from a participant.
pub(super) struct Tree<'a> {
    pub(super) body: &'a str,
    pub(super) s: &'a Sentence,
    pub(super) kids: Vec<Vec<usize>>,
    pub(super) timexes: &'a [Timex],
}

impl<'a> Tree<'a> {
    pub(super) fn new(body: &'a str, s: &'a Sentence, timexes: &'a [Timex]) -> Tree<'a> {
        let n = s.tokens.len();
        let mut kids = vec![Vec::new(); n];
        for (i, t) in s.tokens.iter().enumerate() {
            if t.head > 0 && t.head <= n {
                kids[t.head - 1].push(i);
            }
        }
        Tree { body, s, kids, timexes }
    }

    pub(super) fn head(&self, i: usize) -> Option<usize> {
        let h = self.s.tokens[i].head;
        (h > 0 && h <= self.s.tokens.len()).then(|| h - 1)
    }

    pub(super) fn child(&self, i: usize, rel: &str) -> Option<usize> {
        self.kids[i].iter().copied().find(|&k| self.s.tokens[k].deprel == rel)
    }

    /// The object of `i`: its `obj` dependent, and of two the one that is
    /// no relative pronoun ("note that X discussed the crisis", which a
    /// parse may read as "note [that] X discussed the crisis").
    /// A noun that is the subject of the clause after it ("added the
    /// bank had restricted credit", read with "the bank" as the object)
    /// is none.
    pub(super) fn object(&self, i: usize) -> Option<usize> {
        let subject_of_next = |k: usize| {
            self.kids[i]
                .iter()
                .any(|&c| self.s.tokens[c].deprel == "ccomp" && self.stranded_subject(c) == Some(k))
        };
        let speaker = self.inverted_speaker(i);
        let mut objects = self.kids[i].iter().copied().filter(|&k| {
            self.s.tokens[k].deprel == "obj" && !subject_of_next(k) && Some(k) != speaker
        });
        let first = objects.next()?;
        let relative = |k: usize| {
            self.s.tokens[k].upos == "PRON" && self.s.tokens[k].lemma == "that"
                || self.s.tokens[k].xpos.starts_with('W')
        };
        Some(match objects.next() {
            Some(second) if relative(first) => second,
            _ => first,
        })
    }

    /// The dependent of `i` with relation `rel` whose case marker is one of
    /// `cases` ("by" for a passive agent, "of" for an event noun's theme).
    pub(super) fn marked(&self, i: usize, rels: &[&str], cases: &[&str]) -> Option<usize> {
        self.marked_where(i, rels, cases, |_| true)
    }

    /// [`Tree::marked`], the first dependent that also passes `keep`.
    fn marked_where(
        &self,
        i: usize,
        rels: &[&str],
        cases: &[&str],
        keep: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        self.kids[i].iter().copied().find(|&k| {
            rels.contains(&self.s.tokens[k].deprel.as_str())
                && self.kids[k].iter().any(|&c| {
                    self.s.tokens[c].deprel == "case"
                        && cases.contains(&self.s.tokens[c].lemma.to_lowercase().as_str())
                })
                && keep(k)
        })
    }

    /// Whether the document's tagging puts word `k` inside a time
    /// expression.
    pub(super) fn timed(&self, k: usize) -> bool {
        let t = &self.s.tokens[k];
        let at = self.timexes.partition_point(|x| x.end <= t.start);
        self.timexes.get(at).is_some_and(|x| x.start <= t.start && t.end <= x.end)
    }

    /// Whether word `i` is a number that the name right before it
    /// governs: a model's or a flight's name ("the iPhone 4", "Apollo 11",
    /// "Windows 7"), which a parse may hang under the number.
    /// A time expression ("January 2") or a score ("beat Croatia 6-2") is
    /// none.
    pub(super) fn named_number(&self, i: usize) -> bool {
        let t = &self.s.tokens[i];
        t.upos == "NUM"
            && crate::language::is_model_number(&t.form)
            && !self.timed(i)
            && self.kids[i].iter().any(|&c| {
                c + 1 == i
                    && !self.timed(c)
                    && !ENGLISH
                        .calendar_names
                        .contains(&self.s.tokens[c].form.to_lowercase().as_str())
                    && self.s.tokens[c].upos == "PROPN"
                    && matches!(
                        self.s.tokens[c].deprel.as_str(),
                        "compound" | "nmod:unmarked" | "nmod" | "flat"
                    )
            })
    }

    /// Whether `i` is a count as a subject ("The six were arrested", "At
    /// least 20 died", which a parse may hang on the verb as its number):
    /// it stands for those counted. A date never is.
    pub(super) fn counted(&self, i: usize) -> bool {
        let t = &self.s.tokens[i];
        let slipped = t.deprel == "nummod"
            && self.head(i).is_some_and(|h| h > i && self.s.tokens[h].upos == "VERB");
        t.upos == "NUM" && (t.deprel.starts_with("nsubj") || slipped) && !self.timed(i)
    }

    /// The name or noun phrase headed by `i`: the head with its compound,
    /// flat, adjective, number and possessor words, as written; `None` for
    /// a pronoun.
    pub(super) fn phrase(&self, i: usize) -> Option<String> {
        let t = &self.s.tokens[i];
        let named_number = self.named_number(i);
        if matches!(t.upos.as_str(), "PRON" | "DET" | "NUM" | "PUNCT")
            && !named_number
            && !self.counted(i)
        {
            return None;
        }
        if self.slipped_in(i) {
            return None;
        }
        let (mut lo, mut hi) = (i, i);
        let mut stack = vec![i];
        if named_number {
            lo = i - 1;
            stack.push(i - 1);
        }
        while let Some(k) = stack.pop() {
            for &c in &self.kids[k] {
                let rel = self.s.tokens[c].deprel.as_str();
                // a possessive marker belongs to the possessor, not the
                // phrase that owns it: "Apple 's store" is "Apple 's store"
                if ENGLISH.name_parts.contains(&rel) && !(k == i && rel == "case") {
                    lo = lo.min(c);
                    hi = hi.max(c);
                    stack.push(c);
                }
            }
        }
        // a phrase is contiguous: stop at a gap the relations do not cover
        let (a, b) = (self.s.tokens[lo].start, self.s.tokens[hi].end);
        let text = self.body.get(a..b)?.trim();
        let text = text.trim_end_matches(['\'', '’']).trim_end_matches(" 's").trim_end();
        (!text.is_empty() && text.chars().count() <= 80).then(|| text.to_string())
    }

    /// Whether word `k` is a verb or a function word the parse gives a
    /// participant's relation ("Adding" as the subject of "died"): it is
    /// no participant. A capitalized base form may be a name the tagger
    /// did not know ("Hadep failed").
    pub(super) fn slipped_in(&self, k: usize) -> bool {
        let t = &self.s.tokens[k];
        let unknown_name = t.xpos == "VB" && t.form.starts_with(char::is_uppercase);
        matches!(t.upos.as_str(), "VERB" | "AUX" | "ADP" | "CCONJ" | "SCONJ" | "PART" | "PUNCT")
            && !unknown_name
    }

    /// The byte span of the clause headed by `i`, without the other
    /// clauses it governs.
    pub(super) fn clause(&self, i: usize) -> (usize, usize) {
        let (mut lo, mut hi) = (self.s.tokens[i].start, self.s.tokens[i].end);
        let mut stack = vec![i];
        while let Some(k) = stack.pop() {
            for &c in &self.kids[k] {
                if ENGLISH.clause_breaks.contains(&self.s.tokens[c].deprel.as_str()) {
                    continue;
                }
                lo = lo.min(self.s.tokens[c].start);
                hi = hi.max(self.s.tokens[c].end);
                stack.push(c);
            }
        }
        (lo, hi)
    }

    /// Whether the words of bytes `start..end` belong to the clause headed
    /// by `head` ([`Tree::clause`]), not to another clause that lies
    /// inside its span: in "angry with Nazarbayev, who ruled from 1989 to
    /// 2019, and still retains influence", "1989" is the relative clause's,
    /// even when a parse makes "retains" govern the words around it. True
    /// when no word lies there (nothing to say otherwise).
    pub(super) fn holds(&self, head: usize, start: usize, end: usize) -> bool {
        let words = self.words_in(start, end);
        words.is_empty()
            || words.iter().any(|&k| {
                let mut at = k;
                for _ in 0..self.s.tokens.len() {
                    if at == head {
                        return true;
                    }
                    if ENGLISH.clause_breaks.contains(&self.s.tokens[at].deprel.as_str()) {
                        return false;
                    }
                    match self.head(at) {
                        Some(h) => at = h,
                        None => return false,
                    }
                }
                false
            })
    }

    /// The words (indices) whose bytes lie within `start..end`.
    fn words_in(&self, start: usize, end: usize) -> Vec<usize> {
        (0..self.s.tokens.len())
            .filter(|&w| self.s.tokens[w].start >= start && self.s.tokens[w].end <= end)
            .collect()
    }

    /// Whether a word of bytes `start..end` lies in the phrase of word `k`
    /// (`k` is among its heads): "in 1986" in "the suppression of
    /// protests in 1986" is the suppression's.
    pub(super) fn governs(&self, k: usize, start: usize, end: usize) -> bool {
        self.words_in(start, end)
            .into_iter()
            .any(|w| w == k || crate::nlp::governs(&self.s.tokens, k, w))
    }

    /// Whether the expression of bytes `start..end` modifies word `k`
    /// directly: its head word's head is `k` ("the explosion on April
    /// 20", "Monday's attack", "the April 20 explosion"), where a longer
    /// path would lean on the parse's least sure attachments.
    pub(super) fn modifies(&self, k: usize, start: usize, end: usize) -> bool {
        let words = self.words_in(start, end);
        // the expression's head: its word whose head lies outside it
        words.iter().any(|&w| self.head(w).is_some_and(|h| h == k && !words.contains(&h)))
    }

    /// The head of the relative clause that holds word `i` and describes
    /// its noun ("a man she met", "Niyazov, who died": "met", "died"):
    /// the nearest such clause above it. Not one told "in which" or
    /// "where", which sets the clause inside its noun's happening ("an
    /// exchange of fire in which one guard was killed"), nor one whose
    /// noun is no noun at all, nor any in a sentence whose root is a noun:
    /// that is a parse that missed the main verb ("On Sunday, Federer
    /// rallied" read as "Sunday" and a clause).
    pub(super) fn relative_clause(&self, i: usize) -> Option<usize> {
        // a root noun with no copula: the main verb was missed
        let verbless = self.s.tokens.iter().enumerate().any(|(k, t)| {
            t.head == 0
                && matches!(t.upos.as_str(), "NOUN" | "PROPN" | "NUM")
                && self.child(k, "cop").is_none()
        });
        if verbless {
            return None;
        }
        let mut at = i;
        for _ in 0..self.s.tokens.len() {
            if self.s.tokens[at].deprel == "acl:relcl" {
                let noun = self.head(at)?;
                let nominal =
                    matches!(self.s.tokens[noun].upos.as_str(), "NOUN" | "PROPN" | "PRON" | "NUM");
                let circumstance = self.kids[at].iter().any(|&c| {
                    let t = &self.s.tokens[c];
                    t.feats.contains("PronType=Rel")
                        && (t.deprel.starts_with("obl") || t.deprel.starts_with("advmod"))
                });
                let rooted = self.head(noun).is_some();
                return (nominal && rooted && !circumstance).then_some(at);
            }
            at = self.head(at)?;
        }
        None
    }

    /// Whether the time expression `x` dates the noun the relative clause
    /// at `r` describes, and so the clause: in the noun's own phrase ("the
    /// 2002 Bali bombings, which killed 202 people", "the bombings on
    /// Bali on October 1, which killed"), or in the clause of the verb
    /// that takes the noun when the noun names a happening ("the
    /// explosion, which killed four miners, took place on Wednesday"; not
    /// "Niyazov, who died suddenly, was buried on Sunday").
    /// `happening` tells whether a word names one. True as well when the
    /// expression is part of a word ("1973-1990" written as one).
    pub(super) fn dates_antecedent(
        &self,
        r: usize,
        x: &Timex,
        happening: impl Fn(usize) -> bool,
    ) -> bool {
        let Some(noun) = self.head(r) else { return false };
        if self.words_in(x.start, x.end).is_empty() || self.governs(noun, x.start, x.end) {
            return true;
        }
        happening(noun) && self.head(noun).is_some_and(|v| self.holds(v, x.start, x.end))
    }

    /// Whether word `i` stands in an "according to" phrase ("according
    /// to a report released by the IFC", "according to preliminary
    /// results announced early Monday"): the phrase names a source.
    pub(super) fn attributed(&self, i: usize) -> bool {
        let mut at = i;
        for _ in 0..self.s.tokens.len() {
            // ("according" marks a noun: hung on a verb, it is a parse's
            // slip and says nothing of the verb; and the phrase comes
            // after it: in "One was led into a building, according to a
            // report" a parse that hangs "led" on "report" is wrong)
            let nominal = matches!(self.s.tokens[at].upos.as_str(), "NOUN" | "PROPN" | "PRON");
            let according = nominal
                && self.kids[at].iter().any(|&c| {
                    self.s.tokens[c].form.eq_ignore_ascii_case("according")
                        && self.s.tokens[c].deprel == "case"
                        && c < i
                });
            if according {
                return true;
            }
            // within the phrase: a clause above it is no longer its
            match self.head(at) {
                Some(h) if !ENGLISH.clause_breaks.contains(&self.s.tokens[at].deprel.as_str()) => {
                    at = h;
                }
                _ => return false,
            }
        }
        false
    }

    /// The verb whose clause holds word `i` (itself for a verb).
    pub(super) fn clause_head(&self, i: usize) -> usize {
        let mut at = i;
        for _ in 0..self.s.tokens.len() {
            let t = &self.s.tokens[at];
            if matches!(t.upos.as_str(), "VERB" | "AUX") || t.deprel == "root" {
                return at;
            }
            match self.head(at) {
                Some(h) => at = h,
                None => return at,
            }
        }
        at
    }

    /// Whether `i` or a clause above it is introduced by a conditional.
    pub(super) fn conditional(&self, i: usize) -> bool {
        let mut at = Some(i);
        let mut steps = 0;
        while let Some(k) = at {
            if self.kids[k].iter().any(|&c| {
                self.s.tokens[c].deprel == "mark"
                    && ENGLISH
                        .conditionals
                        .contains(&self.s.tokens[c].lemma.to_lowercase().as_str())
            }) {
                return true;
            }
            steps += 1;
            if steps > self.s.tokens.len() {
                break;
            }
            at = self.head(k);
        }
        false
    }

    /// The phrase of a participant `k`; a relative pronoun ("which",
    /// "who") stands for the noun its clause modifies.
    pub(super) fn participant(&self, k: usize, before: Option<&str>) -> Option<String> {
        let t = &self.s.tokens[k];
        if t.upos == "PRON" && ENGLISH.person_pronouns.contains(&t.form.to_lowercase().as_str()) {
            // the latest named subject before it, in this sentence or earlier
            return self
                .antecedent_word(k)
                .and_then(|j| self.phrase(j))
                .or_else(|| before.map(str::to_string));
        }
        if t.upos == "PRON" && t.xpos.starts_with('W') {
            let mut at = self.head(k)?;
            for _ in 0..4 {
                if self.s.tokens[at].deprel == "acl:relcl" {
                    return self.head(at).and_then(|n| self.phrase(n));
                }
                at = self.head(at)?;
            }
            return None;
        }
        // "the chief executive, Steve Jobs" / "the co-founder of the
        // company Steve Jobs": a common noun whose phrase ends in a name is
        // that name
        if t.upos != "PROPN" {
            // "by Apple CEO Steve Jobs at the conference": the name in
            // apposition right after the noun, whatever follows it
            if let Some(p) = self.name_after(k).and_then(|c| self.phrase(c)) {
                return Some(p);
            }
            let end = self.last_of(k);
            if end > k && self.s.tokens[end].upos == "PROPN" {
                // climb from the name to `k` through name and apposition
                // relations only: "the takeover of Flyco" is no Flyco
                let mut n = end;
                let mut top = None;
                for _ in 0..self.s.tokens.len() {
                    let rel = self.s.tokens[n].deprel.as_str();
                    let Some(h) = self.head(n) else { break };
                    if !matches!(rel, "flat" | "flat:name" | "compound" | "appos") {
                        break;
                    }
                    if rel == "appos" || h == k {
                        top = top.or(Some(n));
                    }
                    if h == k {
                        return top.and_then(|n| self.phrase(n));
                    }
                    n = h;
                }
            }
            // "Part of Nazarbayev's family", "dozens of protesters": a bare
            // noun that counts or divides what its "of" names is a share
            // of them, told with them
            let bare = !self.kids[k]
                .iter()
                .any(|&c| matches!(self.s.tokens[c].deprel.as_str(), "det" | "nmod:poss" | "amod"));
            if t.upos == "NOUN" && bare && self.marked(k, &["nmod"], &["of"]).is_some() {
                let share = self.text(&self.span_without(k, ENGLISH.title_cuts));
                if share.chars().count() <= 48 {
                    return Some(share);
                }
            }
        }
        self.phrase(k)
    }

    /// The name in apposition right after the common noun `k`: "CEO Steve
    /// Jobs", "the chief executive, Lena Marsh".
    pub(super) fn name_after(&self, k: usize) -> Option<usize> {
        let names = || {
            self.kids[k].iter().copied().filter(move |&c| {
                let t = &self.s.tokens[c];
                c > k && matches!(t.deprel.as_str(), "appos" | "flat") && t.upos == "PROPN"
            })
        };
        // one written with a capital first: "director general Michel
        // Camdessus" is named Michel Camdessus, though the tagger made
        // "general" a name ("firebrand anti-US President Hugo Chavez" has
        // only the one)
        names()
            .find(|&c| self.s.tokens[c].form.starts_with(char::is_uppercase))
            .or_else(|| names().next())
    }

    /// The last word (not punctuation) of the subtree of `k`.
    pub(super) fn last_of(&self, k: usize) -> usize {
        let mut last = k;
        let mut stack = vec![k];
        while let Some(j) = stack.pop() {
            for &c in &self.kids[j] {
                if self.s.tokens[c].upos != "PUNCT" {
                    last = last.max(c);
                    stack.push(c);
                }
            }
        }
        last
    }

    /// The name a pronoun at word `k` stands for within its sentence: the
    /// latest subject headed by a proper name before it, except one inside
    /// what the pronoun's verb reports ("'Stormontgate never made sense to
    /// me,' he told RTE": whoever "he" is, he is not Stormontgate; a name
    /// the pronoun's clause holds is not the pronoun's, though one in a
    /// clause set before it may be: "When Jobs arrived, he spoke").
    pub(super) fn antecedent_word(&self, k: usize) -> Option<usize> {
        let reported = |j: usize| {
            let Some(h) = self.head(k) else { return false };
            // the word below the pronoun's verb on the way up from `j`
            let mut at = j;
            for _ in 0..self.s.tokens.len() {
                match self.head(at) {
                    Some(up) if up == h => {
                        return self.s.tokens[at].deprel == "ccomp";
                    }
                    Some(up) => at = up,
                    None => return false,
                }
            }
            false
        };
        (0..k.min(self.s.tokens.len())).rev().find(|&j| self.is_named_subject(j) && !reported(j))
    }

    /// The latest subject headed by a proper name before word `end`.
    pub(super) fn named_subject_word(&self, end: usize) -> Option<usize> {
        (0..end.min(self.s.tokens.len())).rev().find(|&j| self.is_named_subject(j))
    }

    /// Whether word `j` is a subject that is a proper name ("Monday was
    /// quiet": a date is nobody).
    fn is_named_subject(&self, j: usize) -> bool {
        let t = &self.s.tokens[j];
        matches!(t.deprel.as_str(), "nsubj" | "nsubj:pass") && t.upos == "PROPN" && !self.timed(j)
    }

    /// The name a later sentence's "he" or "she" most likely stands for:
    /// the named subject of the main clause ("Jobs said that OS X ..."
    /// keeps Jobs), else the sentence's latest named subject; `None` when
    /// the main clause's subject is no name, which continues the chain.
    pub(super) fn topic(&self) -> Option<String> {
        self.topic_word().and_then(|k| self.phrase(k))
    }

    /// The word that heads [`Tree::topic`].
    pub(super) fn topic_word(&self) -> Option<usize> {
        let root = self.s.tokens.iter().position(|t| t.head == 0)?;
        // the main clause: the root and the verbs coordinated with it
        let mut clause = vec![root];
        clause
            .extend(self.kids[root].iter().copied().filter(|&k| self.s.tokens[k].deprel == "conj"));
        for &v in &clause {
            if let Some(k) = self.child(v, "nsubj").or(self.child(v, "nsubj:pass")) {
                // a date ("Monday was quiet") keeps the chain
                if self.timed(k) {
                    return None;
                }
                // so do a common noun, a pronoun and a plural name ("The
                // company said that Smith ...", "He said that Smith ...",
                // "Islamists said": no "he"), unless a name follows the
                // noun ("Apple CEO Steve Jobs unveiled")
                let t = &self.s.tokens[k];
                if t.upos != "PROPN" || t.feats.contains("Number=Plur") {
                    return self.name_after(k);
                }
                return Some(k);
            }
        }
        self.named_subject_word(self.s.tokens.len())
    }

    /// Who did it and to whom or what: (actor, target); `before` is the
    /// latest named subject of the sentences before, for "he" and "she".
    pub(super) fn roles(&self, i: usize, before: Option<&str>) -> (Option<String>, Option<String>) {
        let t = &self.s.tokens[i];
        let phrase = |k: Option<usize>| k.and_then(|k| self.participant(k, before));
        if t.upos == "NOUN" || t.upos == "PROPN" {
            // "Sunday's elections": a date owns nothing
            let actor = phrase(self.child(i, "nmod:poss").filter(|&k| !self.is_time(k)));
            // "the sale of the unit", else "iPod use", "the price cut"
            let target = phrase(self.marked(i, &["nmod"], &["of"]))
                .or_else(|| phrase(self.child(i, "compound")));
            return (actor, target);
        }
        // a participle that modifies a noun: "iPods sold in France" (the
        // noun undergoes it), "people protesting" (the noun does it)
        // ("the report that Smith resigned", or a relative clause the
        // parse reads as one, has a subject of its own and is no such)
        // a time read as its subject is none: "Minister Jean Marsh on
        // Sunday stressed", parsed as the name and a clause of "Sunday"
        let own_subject = self.kids[i].iter().copied().find(|&k| {
            matches!(self.s.tokens[k].deprel.as_str(), "nsubj" | "nsubj:pass") && !self.is_time(k)
        });
        if t.deprel == "acl" && own_subject.is_none() {
            let noun = phrase(self.head(i));
            let object = phrase(self.object(i));
            return if t.xpos == "VBN" {
                (phrase(self.marked(i, &["obl", "obl:agent"], &["by"])), noun)
            } else {
                (noun, object)
            };
        }
        // a verb without a subject of its own shares its head's
        // ("rescuers arrived and searched the rubble", "agreed to sell")
        let mut subject_of = i;
        for _ in 0..3 {
            let has = self.child(subject_of, "nsubj").or(self.child(subject_of, "nsubj:pass"));
            if has.is_some() {
                break;
            }
            if let Some(c) = self.clause_read_as_adverbial(subject_of) {
                subject_of = c;
                continue;
            }
            let rel = self.s.tokens[subject_of].deprel.as_str();
            // and so does an adverbial clause of a gerund or an infinitive
            // ("unveiled it by walking on stage", "While introducing it,
            // Jobs hinted", "..., saying"), not a participle, whose noun
            // undergoes it ("Founded in 1976, Apple ..."); a gerund after
            // "from" or "of" is a noun's doing ("scenes emerged from looting")
            let gerund = rel == "advcl"
                && matches!(self.s.tokens[subject_of].xpos.as_str(), "VBG" | "VB")
                && self.kids[subject_of].iter().all(|&c| {
                    !matches!(self.s.tokens[c].deprel.as_str(), "mark" | "case")
                        || ENGLISH
                            .controlled_marks
                            .contains(&self.s.tokens[c].lemma.to_lowercase().as_str())
                });
            // a finite verb coordinated with the object of another verb is
            // the parse's slip for one coordinated with that verb: "stormed
            // the buildings,toppled statues,burned his residence"
            let finite = self.s.tokens[subject_of].feats.contains("VerbForm=Fin");
            let slipped = |h: usize| {
                finite
                    && matches!(self.s.tokens[h].upos.as_str(), "NOUN" | "PROPN")
                    && matches!(self.s.tokens[h].deprel.as_str(), "obj" | "obl")
                    && self.head(h).is_some_and(|v| self.s.tokens[v].upos == "VERB")
            };
            match (rel, self.head(subject_of)) {
                ("conj" | "xcomp", Some(h)) if self.s.tokens[h].upos == "VERB" => subject_of = h,
                // "X is 81 years old and has ruled the country": a
                // predicate with a copula has a subject to share too
                ("conj", Some(h)) if self.child(h, "cop").is_some() => subject_of = h,
                ("conj", Some(h)) if slipped(h) => subject_of = self.head(h).unwrap_or(h),
                ("advcl", Some(h)) if gerund && self.s.tokens[h].upos == "VERB" => subject_of = h,
                _ => break,
            }
        }
        // "unveiled iPhone 4", "carried out a recall": a parse may read
        // the object as an unmarked oblique, as it reads "Tuesday"; one
        // right after the verb (and its particle) that is no time is the
        // object
        let named_oblique = || {
            self.kids[i].iter().copied().find(|&k| {
                let t = &self.s.tokens[k];
                let first = self.span_without(k, &[]).first().copied().unwrap_or(k);
                let particle = self.child(i, "compound:prt").filter(|&p| p == i + 1);
                k > i
                    && self.child(k, "case").is_none()
                    && (t.deprel.starts_with("obl") && self.named_number(k)
                        || t.deprel == "obl"
                            && matches!(t.upos.as_str(), "NOUN" | "PROPN")
                            && first == particle.unwrap_or(i) + 1
                            && !self.is_time(k))
            })
        };
        if let Some(k) = self.inverted_speaker(i) {
            return (phrase(Some(k)), None);
        }
        let object = phrase(self.object(i))
            .or_else(|| phrase(self.child(i, "iobj")))
            .or_else(|| phrase(named_oblique()));
        if let Some(n) = self.stranded_subject(i) {
            return if self.child(i, "aux:pass").is_some() {
                (phrase(self.marked(i, &["obl", "obl:agent"], &["by"])), phrase(Some(n)))
            } else {
                (phrase(Some(n)), object)
            };
        }
        if let Some(p) = self.child(subject_of, "nsubj:pass") {
            let agent = phrase(self.marked(i, &["obl", "obl:agent"], &["by"]));
            return (agent, self.participant(p, before).or(object));
        }
        // two subjects ("The former chief ... Tom Reyes resigned"): the name,
        // and never a time ("In September, Baghdad said")
        let subject = self.kids[subject_of]
            .iter()
            .copied()
            .filter(|&k| self.s.tokens[k].deprel == "nsubj" || self.counted(k))
            .max_by_key(|&k| {
                let t = &self.s.tokens[k];
                (!self.is_time(k), t.upos == "PROPN", t.upos != "PRON")
            });
        (phrase(subject), object)
    }

    /// The clause before verb `v` (which has no subject) that the parse
    /// hung on it as an adverbial clause although nothing subordinates
    /// it: a finite verb with a subject of its own, no marker ("after",
    /// "when") and a comma or "and" between them. English has no such
    /// adverbial clause; it is the first of coordinated predicates that
    /// share its subject: "people stormed the buildings, toppled statues"
    /// read with "stormed" as a clause of "toppled".
    fn clause_read_as_adverbial(&self, v: usize) -> Option<usize> {
        let finite = |k: usize| {
            self.s.tokens[k].feats.contains("VerbForm=Fin")
                || self.kids[k].iter().any(|&a| {
                    self.s.tokens[a].deprel.starts_with("aux")
                        && self.s.tokens[a].feats.contains("VerbForm=Fin")
                })
        };
        self.kids[v].iter().copied().find(|&c| {
            let t = &self.s.tokens[c];
            let marked = self.kids[c].iter().any(|&m| {
                let m = &self.s.tokens[m];
                m.deprel == "mark" || m.deprel == "advmod" && m.xpos.starts_with('W')
            });
            let subject = self.kids[c].iter().any(|&k| {
                self.s.tokens[k].deprel.starts_with("nsubj") && k < c && !self.is_time(k)
            });
            let end = self.last_of(c);
            let joined = end < v
                && (end + 1..v).any(|k| {
                    let t = &self.s.tokens[k];
                    t.form == "," || t.upos == "CCONJ"
                });
            // "miners were working when explosives stored in a pit, caught
            // fire": a subordinator between leaves its clause open
            let open = (c + 1..v).any(|k| {
                let t = &self.s.tokens[k];
                t.upos == "SCONJ" || t.xpos == "WRB"
            });
            // "X said the students, were arrested": a saying's object is
            // the subject of the passive after it, a slip of another kind
            // and what a saying reports may come first ("Prices rose,
            // added Lee" with "Lee" read as an object)
            let saying = |k: usize| super::lexicon::is_saying(&self.s.tokens[k].form);
            c < v
                && !saying(c)
                && !saying(v)
                && self.child(v, "aux:pass").is_none()
                && t.deprel == "advcl"
                && t.upos == "VERB"
                && finite(c)
                && subject
                && !marked
                && !open
                && joined
        })
    }

    /// The speaker after a saying verb that follows what was said ("...,
    /// added Lee", "\u{201d} noted Liu Yuzhu"), which a parse reads as
    /// the verb's object: the verb has no subject, comes right after a
    /// comma or a quote mark, and the noun phrase right after it ends the
    /// clause.
    pub(super) fn inverted_speaker(&self, i: usize) -> Option<usize> {
        let t = &self.s.tokens[i];
        let quotative = ENGLISH.quotative_verbs.contains(&t.lemma.to_lowercase().as_str())
            && t.feats.contains("VerbForm=Fin");
        let after_quote = i.checked_sub(1).is_some_and(|p| {
            let p = &self.s.tokens[p];
            p.upos == "PUNCT" && matches!(p.form.as_str(), "," | "\"" | "\u{201d}" | "''")
        });
        let subject = self.kids[i].iter().any(|&c| {
            let rel = self.s.tokens[c].deprel.as_str();
            rel.starts_with("nsubj") || rel.starts_with("csubj") || rel == "expl"
        });
        if !quotative || !after_quote || subject {
            return None;
        }
        let k = self.kids[i].iter().copied().find(|&k| self.s.tokens[k].deprel == "obj")?;
        let span = self.span_without(k, &[]);
        let named = matches!(self.s.tokens[k].upos.as_str(), "PROPN" | "NOUN");
        // nothing after the speaker but punctuation or where it was said
        let in_setting = |mut w: usize| {
            for _ in 0..self.s.tokens.len() {
                match self.head(w) {
                    Some(h) if h == i => return self.s.tokens[w].deprel.starts_with("obl"),
                    Some(h) => w = h,
                    None => return false,
                }
            }
            false
        };
        let end = span.last().copied().unwrap_or(k);
        let rest_is_setting = (end + 1..self.s.tokens.len())
            .all(|w| self.s.tokens[w].upos == "PUNCT" || in_setting(w));
        (named && span.first() == Some(&(i + 1)) && rest_is_setting).then_some(k)
    }

    /// The noun right before a finite verb group that has no subject, a
    /// parse's slip: "riots after similar events had taken place" read as
    /// "riots after similar events" and a verb "had taken place" of no
    /// one. A noun the verb's clause modifies ("the man we met") is none.
    pub(super) fn stranded_subject(&self, i: usize) -> Option<usize> {
        let t = &self.s.tokens[i];
        if t.upos != "VERB"
            || self.kids[i].iter().any(|&c| {
                let rel = self.s.tokens[c].deprel.as_str();
                rel.starts_with("nsubj") || rel.starts_with("csubj") || rel == "expl"
            })
        {
            return None;
        }
        // the group's first word: an auxiliary before the verb, or itself
        let group: Vec<usize> = self.kids[i]
            .iter()
            .copied()
            .filter(|&c| c < i && matches!(self.s.tokens[c].deprel.as_str(), "aux" | "aux:pass"))
            .chain([i])
            .collect();
        let first = *group.iter().min()?;
        // every word between is the group's: "events had taken", not
        // "events, had taken" or "events which had taken"
        if (first..i).any(|w| !group.contains(&w)) {
            return None;
        }
        let finite = group.iter().any(|&w| self.s.tokens[w].feats.contains("VerbForm=Fin"));
        let n = first.checked_sub(1)?;
        let noun = &self.s.tokens[n];
        let attached_before = self.head(n).is_some_and(|h| h < n && h != i);
        if !(finite
            && matches!(noun.upos.as_str(), "NOUN" | "PROPN")
            && matches!(noun.deprel.as_str(), "nmod" | "obl" | "obj")
            && attached_before
            && self.head(i) != Some(n)
            && !self.timed(n))
        {
            return None;
        }
        // the whole noun phrase that ends there: "actions against the
        // hike in Kazakhstan spiraled" is no "Kazakhstan spiraled"; a
        // phrase after a plain preposition ("against the hike") is no
        // subject, one after a word that may open a clause ("after
        // similar events") may be
        let case = |k: usize| self.child(k, "case").map(|c| self.s.tokens[c].lemma.to_lowercase());
        let opens_clause = |c: &str| ENGLISH.clause_prepositions.contains(&c);
        let mut top = n;
        for _ in 0..self.s.tokens.len() {
            match case(top) {
                Some(c) if opens_clause(&c) => return Some(top),
                _ => {}
            }
            match self.head(top) {
                Some(h)
                    if h < top
                        && self.s.tokens[top].deprel == "nmod"
                        && matches!(self.s.tokens[h].upos.as_str(), "NOUN" | "PROPN") =>
                {
                    top = h;
                }
                _ => break,
            }
        }
        case(top).is_none().then_some(top)
    }

    /// A named place the event happened in: a name marked as a place
    /// ("in Ostrava"), not a time ("on Monday", "in March").
    pub(super) fn place(&self, i: usize) -> Option<String> {
        let rels = ["obl", "nmod", "obl:lmod"];
        let k = self.marked_where(i, &rels, ENGLISH.place_cases, |k| !self.timed(k))?;
        (self.s.tokens[k].upos == "PROPN").then(|| self.phrase(k)).flatten()
    }
}

/// How extraction reads "he" and "she" in a parsed sentence, by word:
/// the named subjects in text order (a pronoun stands for the latest
/// before it) and the topic a later sentence's pronoun continues
/// (the named subject of the main clause). For scoring that reading on a treebank's own parse
/// (`crate::graph::entities::pronoun_coreference`).
#[must_use]
pub fn pronoun_reading(s: &Sentence) -> (Vec<Option<usize>>, Option<usize>) {
    let t = Tree::new("", s, &[]);
    let antecedents = (0..s.tokens.len()).map(|k| t.antecedent_word(k)).collect();
    (antecedents, t.topic_word())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::Token;

    /// A sentence from (word, head, relation) triples, words one space apart.
    fn sentence(words: &[(&str, usize, &str)]) -> (String, Sentence) {
        let mut text = String::new();
        let mut tokens = Vec::new();
        for &(form, head, deprel) in words {
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(form);
            tokens.push(Token {
                start,
                end: text.len(),
                form: form.into(),
                lemma: form.to_lowercase(),
                upos: String::new(),
                xpos: String::new(),
                feats: String::new(),
                head,
                deprel: deprel.into(),
            });
        }
        let s = Sentence { start: 0, end: text.len(), tokens, multiword: Vec::new() };
        (text, s)
    }

    /// A parse as the backbone gave it, in CoNLL-U (ID, FORM, LEMMA,
    /// UPOS, XPOS, FEATS, HEAD, DEPREL), and its text.
    fn parsed(rows: &[&str]) -> (String, Sentence) {
        let conllu: String = rows.iter().fold(String::new(), |mut out, r| {
            out.push_str(&r.replace(' ', "\t"));
            out.push_str("\t_\t_\n");
            out
        });
        let gold = crate::nlp::conllu::parse(&conllu).unwrap();
        let s = gold[0].to_sentence();
        let text = s.tokens.iter().map(|t| t.form.as_str()).collect::<Vec<_>>().join(" ");
        (text, s)
    }

    #[test]
    fn a_verb_the_parse_left_without_its_subject_takes_the_noun_before_it() {
        // "after similar events had taken place": "events" read as a
        // noun's modifier, "taken" as a clause of no one
        let (text, s) = parsed(&[
            "1 Specialists specialist NOUN NNS _ 3 nsubj",
            "2 have have AUX VBP VerbForm=Fin 3 aux",
            "3 predicted predict VERB VBN VerbForm=Part 0 root",
            "4 riots riot NOUN NNS _ 3 obj",
            "5 after after ADP IN _ 7 case",
            "6 similar similar ADJ JJ _ 7 amod",
            "7 events event NOUN NNS _ 4 nmod",
            "8 had have AUX VBD VerbForm=Fin 9 aux",
            "9 taken take VERB VBN VerbForm=Part 3 conj",
            "10 place place NOUN NN _ 9 obj",
            "11 in in ADP IN _ 12 case",
            "12 Ostrava Ostrava PROPN NNP _ 9 obl",
        ]);
        let tree = Tree::new(&text, &s, &[]);
        assert_eq!(tree.stranded_subject(8), Some(6));
        let title = tree.title(8, None).unwrap();
        assert!(title.starts_with("Similar events had taken place"), "{title}");
        // "protest actions against the hike in Varnel spiraled": a name
        // in a phrase after a plain preposition is no subject
        let (text, s) = parsed(&[
            "1 Earlier early VERB VB VerbForm=Inf 0 root",
            "2 protest protest VERB VB VerbForm=Inf 1 obj",
            "3 actions action NOUN NNS _ 2 obj",
            "4 against against ADP IN _ 6 case",
            "5 the the DET DT _ 6 det",
            "6 hike hike NOUN NN _ 2 obl",
            "7 in in ADP IN _ 8 case",
            "8 Varnel Varnel PROPN NNP _ 6 nmod",
            "9 spiraled spiral VERB VBD VerbForm=Fin 2 acl",
        ]);
        assert_eq!(Tree::new(&text, &s, &[]).stranded_subject(8), None);
        // "added the bank had restricted credit": the clause's subject is
        // no object of the saying
        let (text, s) = parsed(&[
            "1 Halvorsen Halvorsen PROPN NNP _ 2 nsubj",
            "2 added add VERB VBD VerbForm=Fin 0 root",
            "3 the the DET DT _ 4 det",
            "4 bank bank NOUN NN _ 2 obj",
            "5 had have AUX VBD VerbForm=Fin 6 aux",
            "6 restricted restrict VERB VBN VerbForm=Part 2 ccomp",
            "7 credit credit NOUN NN _ 6 obj",
        ]);
        let tree = Tree::new(&text, &s, &[]);
        assert_eq!(tree.object(1), None);
        let title = tree.title(1, None).unwrap();
        assert_eq!(title, "Halvorsen added the bank had restricted credit");
    }

    #[test]
    fn predicates_the_parse_read_as_an_adverbial_clause_share_its_subject() {
        // "People stormed the buildings, toppled statues and clashed with
        // police", parsed with "stormed" as an unmarked clause of "toppled"
        // the rows one word later, for a word put before them
        let renumber = |row: &str| -> String {
            let f: Vec<&str> = row.split(' ').collect();
            let id: usize = f[0].parse().unwrap();
            let head: usize = f[6].parse().unwrap();
            let head = if head == 0 { 0 } else { head + 1 };
            format!("{} {} {head} {}", id + 1, f[1..6].join(" "), f[7])
        };
        let rows = |mark: Option<&str>| -> Vec<String> {
            let rows = [
                "1 People people NOUN NNS _ 2 nsubj",
                "2 stormed storm VERB VBD VerbForm=Fin 6 advcl",
                "3 the the DET DT _ 4 det",
                "4 buildings building NOUN NNS _ 2 obj",
                "5 , , PUNCT , _ 6 punct",
                "6 toppled topple VERB VBD VerbForm=Fin 0 root",
                "7 statues statue NOUN NNS _ 6 obj",
                "8 and and CCONJ CC _ 9 cc",
                "9 clashed clash VERB VBD VerbForm=Fin 6 conj",
                "10 with with ADP IN _ 11 case",
                "11 police police NOUN NN _ 9 obl",
            ];
            if let Some(m) = mark {
                // "After people stormed the buildings, toppled ..."
                std::iter::once(m.to_string()).chain(rows.iter().map(|r| renumber(r))).collect()
            } else {
                rows.iter().map(|r| (*r).to_string()).collect()
            }
        };
        let unmarked = rows(None);
        let (text, s) = parsed(&unmarked.iter().map(String::as_str).collect::<Vec<_>>());
        let tree = Tree::new(&text, &s, &[]);
        assert_eq!(tree.roles(5, None).0.as_deref(), Some("People"));
        assert_eq!(tree.roles(8, None).0.as_deref(), Some("People"));
        assert_eq!(tree.title(5, None).unwrap(), "People toppled statues");
        // a subordinated clause keeps its subject to itself
        let marked = rows(Some("1 After after SCONJ IN _ 3 mark"));
        let (text, s) = parsed(&marked.iter().map(String::as_str).collect::<Vec<_>>());
        let tree = Tree::new(&text, &s, &[]);
        assert_eq!(tree.roles(6, None).0, None);
    }

    /// A verb the parse makes a subject is no participant; a capitalized
    /// base form may be a name the tagger did not know.
    #[test]
    fn verbs_are_no_participants_unless_unknown_names() {
        let (text, mut s) = sentence(&[("Adding", 2, "nsubj"), ("died", 0, "root")]);
        for (t, (upos, xpos)) in s.tokens.iter_mut().zip([("VERB", "VBG"), ("VERB", "VBD")]) {
            (t.upos, t.xpos) = (upos.into(), xpos.into());
        }
        let t = Tree::new(&text, &s, &[]);
        assert_eq!(t.roles(1, None), (None, None));
        let (text, mut s) = sentence(&[("Hadep", 2, "nsubj"), ("failed", 0, "root")]);
        for (t, (upos, xpos)) in s.tokens.iter_mut().zip([("VERB", "VB"), ("VERB", "VBD")]) {
            (t.upos, t.xpos) = (upos.into(), xpos.into());
        }
        let t = Tree::new(&text, &s, &[]);
        assert_eq!(t.roles(1, None).0.as_deref(), Some("Hadep"));
    }

    /// The parse the backbone gives a seed sentence: "retains" governs the
    /// words around a relative clause, whose date is still not its own.
    #[test]
    fn a_date_inside_another_clause_is_not_held() {
        let (text, s) = sentence(&[
            ("angry", 0, "root"),
            ("with", 5, "case"),
            ("Nazarbayev", 5, "obl"),
            ("who", 4, "nsubj"),
            ("ruled", 3, "acl:relcl"),
            ("from", 7, "case"),
            ("1989", 5, "obl"),
            ("and", 10, "cc"),
            ("still", 10, "advmod"),
            ("retains", 1, "conj"),
            ("influence", 10, "obj"),
        ]);
        // "Nazarbayev" hangs from "retains" here, as in the bad parse
        let mut s = s;
        s.tokens[2].head = 10;
        let t = Tree::new(&text, &s, &[]);
        let at = |w: &str| text.find(w).map(|i| (i, i + w.len())).expect("word");
        let (a, b) = at("1989");
        let (retains, ruled) = (9, 4);
        // the clause of "retains" spans the relative clause ...
        let (lo, hi) = t.clause(retains);
        assert!(lo <= a && b <= hi);
        // ... but does not hold its date; "ruled" does
        assert!(!t.holds(retains, a, b));
        assert!(t.holds(ruled, a, b));
        let (n0, n1) = at("Nazarbayev");
        assert!(t.holds(retains, n0, n1));
        // nothing written there: nothing to say otherwise
        assert!(t.holds(retains, text.len(), text.len()));
    }

    /// "on Monday" is when, not where; "in Ostrava" is where.
    #[test]
    fn a_time_is_no_place() {
        let (text, mut s) = sentence(&[
            ("Rain", 2, "nsubj"),
            ("battered", 0, "root"),
            ("Ostrava", 2, "obj"),
            ("on", 5, "case"),
            ("Monday", 2, "obl"),
            ("in", 7, "case"),
            ("Moravia", 2, "obl"),
        ]);
        for k in [2, 4, 6] {
            s.tokens[k].upos = "PROPN".into();
        }
        let timexes = crate::extract::timex::tag(&text, &crate::extract::timex::Context::default());
        assert!(timexes.iter().any(|x| x.text == "Monday"));
        let t = Tree::new(&text, &s, &timexes);
        assert_eq!(t.place(1).as_deref(), Some("Moravia"));
        // without the tagging, "on Monday" reads as a place
        assert_eq!(Tree::new(&text, &s, &[]).place(1).as_deref(), Some("Monday"));
    }

    /// A long name is told short as the name, never its first word or
    /// an office without its country.
    #[test]
    fn a_name_told_short_is_the_whole_name() {
        let (text, s) = parsed(&[
            "1 North North PROPN NNP _ 2 compound",
            "2 Korea Korea PROPN NNP _ 5 nmod:poss",
            "3 's 's PART POS _ 2 case",
            "4 uncrowned uncrowned ADJ JJ _ 5 amod",
            "5 leader leader NOUN NN _ 6 nmod:desc",
            "6 Kim Kim PROPN NNP _ 9 nsubj",
            "7 Jong-Il Jong-Il PROPN NNP _ 6 flat",
            "8 Sung Sung PROPN NNP _ 6 flat",
            "9 reviewed review VERB VBD VerbForm=Fin 0 root",
            "10 troops troop NOUN NNS _ 9 obj",
        ]);
        let t = Tree::new(&text, &s, &[]);
        // "North Korea's uncrowned leader Kim Jong-Il Sung" is too long
        assert_eq!(t.np(5, 36), "Kim Jong-Il Sung");
        assert_eq!(t.title(8, None).unwrap(), "Kim Jong-Il Sung reviewed troops");
        let (text, s) = parsed(&[
            "1 Australian Australian ADJ JJ _ 3 amod",
            "2 Prime Prime PROPN NNP _ 3 compound",
            "3 Minister Minister PROPN NNP _ 4 compound",
            "4 Jonathan Jonathan PROPN NNP _ 6 nsubj",
            "5 Howardson Howardson PROPN NNP _ 4 flat",
            "6 said say VERB VBD VerbForm=Fin 0 root",
        ]);
        let t = Tree::new(&text, &s, &[]);
        // 39 characters: the name, not "Jonathan"
        assert_eq!(t.np(3, 36), "Jonathan Howardson");
    }

    /// "Minister Anna Berg on Sunday stressed support", parsed as the name
    /// and a clause of "Sunday": the name did it.
    #[test]
    fn a_time_read_as_a_subject_leaves_the_verb_to_the_name() {
        let (text, s) = parsed(&[
            "1 Minister Minister PROPN NNP _ 2 nmod:desc",
            "2 Anna Anna PROPN NNP _ 0 root",
            "3 Berg Berg PROPN NNP _ 2 flat",
            "4 on on ADP IN _ 6 mark",
            "5 Sunday Sunday PROPN NNP _ 6 nsubj",
            "6 stressed stress VERB VBD VerbForm=Fin 2 acl",
            "7 support support NOUN NN _ 6 obj",
            "8 during during ADP IN _ 9 case",
            "9 talks talk NOUN NNS _ 6 obl",
        ]);
        let timexes = crate::extract::timex::tag(&text, &crate::extract::timex::Context::default());
        assert!(timexes.iter().any(|x| x.text.contains("Sunday")));
        let t = Tree::new(&text, &s, &timexes);
        assert_eq!(t.roles(5, None).0.as_deref(), Some("Anna Berg"));
        // the event noun "talks" is told by its verb, and the verb by the name
        let title = t.title(8, None).unwrap();
        assert!(title.starts_with("Anna Berg stressed support"), "{title}");
    }

    /// "..., added Lee": the speaker after a saying verb, parsed as its
    /// object, is who said it.
    #[test]
    fn a_speaker_after_the_saying_verb_said_it() {
        let (text, s) = parsed(&[
            "1 Prices price NOUN NNS _ 2 nsubj",
            "2 rose rise VERB VBD VerbForm=Fin 6 ccomp",
            "3 sharply sharply ADV RB _ 2 advmod",
            "4 , , PUNCT , _ 6 punct",
            "5 and and CCONJ CC _ 6 cc",
            "6 added add VERB VBD VerbForm=Fin 0 root",
            "7 Mia Mia PROPN NNP _ 6 obj",
            "8 Lee Lee PROPN NNP _ 7 flat",
            "9 in in ADP IN _ 10 case",
            "10 Oslo Oslo PROPN NNP _ 6 obl",
            "11 . . PUNCT . _ 6 punct",
        ]);
        // "and added": no quote before the verb, the name is its object
        let t = Tree::new(&text, &s, &[]);
        assert_eq!(t.inverted_speaker(5), None);
        let mut s = s;
        s.tokens.remove(4);
        for tok in &mut s.tokens {
            if tok.head > 4 {
                tok.head -= 1;
            }
        }
        let t = Tree::new(&text, &s, &[]);
        assert_eq!(t.inverted_speaker(4), Some(5));
        assert_eq!(t.roles(4, None), (Some("Mia Lee".to_string()), None));
        assert_eq!(t.object(4), None);
        // a name followed by more than where it was said is an object:
        // "Oslo" a second object here
        s.tokens[8].deprel = "obj".into();
        s.tokens[8].head = 5;
        let t = Tree::new(&text, &s, &[]);
        assert_eq!(t.inverted_speaker(4), None);
    }
}
