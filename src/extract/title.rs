//! Titles a journalist would accept, composed from the parse: who did
//! what to whom, where; what a statement reports when it fits; a noun
//! phrase for an event noun; never a lone verb, a dangling function word
//! or a date (the axis shows it), at most [`TITLE_MAX`] characters.

use super::parse::Tree;

use crate::language::ENGLISH;

/// The longest title composed from the parse, in characters.
pub const TITLE_MAX: usize = 72;

impl Tree<'_> {
    /// The words of `k`'s subtree without the relations in `cuts` (and
    /// what hangs below them), as a sorted list of word indices.
    pub(super) fn span_without(&self, k: usize, cuts: &[&str]) -> Vec<usize> {
        self.span_keeping(k, |c| !cuts.contains(&self.s.tokens[c].deprel.as_str()))
    }

    /// [`Tree::span_without`] with the dependents `keep` accepts.
    fn span_keeping(&self, k: usize, keep: impl Fn(usize) -> bool) -> Vec<usize> {
        let mut out = vec![k];
        let mut stack = vec![k];
        while let Some(j) = stack.pop() {
            for &c in &self.kids[j] {
                // a hyphen inside a word is no punctuation to cut
                let hyphen = self.s.tokens[c].xpos == "HYPH";
                if hyphen || keep(c) {
                    out.push(c);
                    stack.push(c);
                }
            }
        }
        out.sort_unstable();
        // a title piece is contiguous: keep the run around `k`
        let at = out.iter().position(|&x| x == k).unwrap_or(0);
        let mut lo = at;
        while lo > 0 && out[lo - 1] + 1 == out[lo] {
            lo -= 1;
        }
        let mut hi = at;
        while hi + 1 < out.len() && out[hi] + 1 == out[hi + 1] {
            hi += 1;
        }
        let mut run = out[lo..=hi].to_vec();
        // never begin or end on a function word or punctuation
        let weak = |t: &crate::nlp::Token| {
            matches!(t.upos.as_str(), "ADP" | "CCONJ" | "SCONJ" | "PUNCT" | "PART" | "AUX")
                || t.upos == "DET" && t.deprel != "nsubj"
                || t.upos == "PRON" && t.feats.contains("Poss=Yes")
        };
        while run.len() > 1 && run.last().is_some_and(|&x| weak(&self.s.tokens[x])) {
            run.pop();
        }
        // "at least 20", "at most": a preposition before a superlative
        // is part of the quantity
        let quantity = |k: usize| {
            self.s.tokens.get(k + 1).is_some_and(|n| matches!(n.xpos.as_str(), "JJS" | "RBS"))
        };
        while run.len() > 1
            && matches!(self.s.tokens[run[0]].upos.as_str(), "PUNCT" | "CCONJ" | "SCONJ" | "ADP")
            && !(self.s.tokens[run[0]].upos == "ADP" && quantity(run[0]))
        {
            run.remove(0);
        }
        run
    }

    /// Whether `c` is a name in apposition that runs on from its noun
    /// with no comma or bracket between ("US Secretary of State Anthony
    /// Blinken"): part of how the text names one person, which a title
    /// keeps whole. "the company, Flyco," is an apposition a title cuts.
    fn name_in_line(&self, c: usize) -> bool {
        let t = &self.s.tokens[c];
        t.deprel == "appos"
            && t.upos == "PROPN"
            && !self.timed(c)
            && self.head(c).is_some_and(|h| h < c)
            && c.checked_sub(1).is_some_and(|p| self.s.tokens[p].upos != "PUNCT")
    }

    /// Whether the noun `k` has an infinitive of its own ("their
    /// willingness to talk", "the time to act"), which a title leaves out.
    fn infinitive_of(&self, k: usize) -> bool {
        self.kids[k].iter().any(|&c| {
            self.s.tokens[c].deprel == "acl"
                && self.kids[c].iter().any(|&m| self.s.tokens[m].xpos == "TO")
        })
    }

    /// The noun phrase right before word `k` (past a comma), which a
    /// relative word there stands for when the parse hung its clause
    /// elsewhere ("China, whose invasion of Tibet" read as an apposition).
    fn noun_before(&self, k: usize) -> Option<String> {
        let mut p = k.checked_sub(1)?;
        if self.s.tokens[p].form == "," {
            p = p.checked_sub(1)?;
        }
        if !matches!(self.s.tokens[p].upos.as_str(), "NOUN" | "PROPN") {
            return None;
        }
        // up to the head of a name or compound ("Fouad Siniora")
        for _ in 0..self.s.tokens.len() {
            let rel = self.s.tokens[p].deprel.as_str();
            match self.head(p) {
                Some(h) if h < p && matches!(rel, "flat" | "flat:name" | "compound") => p = h,
                _ => break,
            }
        }
        self.phrase(p)
    }

    /// The text of consecutive words `a..=b` as written.
    pub(super) fn text(&self, words: &[usize]) -> String {
        match (words.first(), words.last()) {
            (Some(&a), Some(&b)) => self
                .body
                .get(self.s.tokens[a].start..self.s.tokens[b].end)
                .unwrap_or("")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            _ => String::new(),
        }
    }

    /// Whether the phrase of word `k` is a time expression ("Wednesday",
    /// "on January 2"): the axis shows dates, the title does not.
    pub(super) fn is_time(&self, k: usize) -> bool {
        let t = &self.s.tokens[k];
        if t.upos == "NUM" && !self.named_number(k) || t.deprel.contains("tmod") {
            return true;
        }
        self.timed(k)
    }

    /// A noun phrase for a title, shortened to its head and the words
    /// before it when it is long; a relative pronoun stands for its noun.
    pub(super) fn np(&self, k: usize, budget: usize) -> String {
        let t = &self.s.tokens[k];
        if t.upos == "PRON" && t.xpos.starts_with('W') {
            return self.participant(k, None).unwrap_or_default();
        }
        // a date the noun governs is left to the axis ("Japan on Saturday
        // indicated", "On March 7 the dam burst" with "burst" read as a
        // noun) when the rest stays whole ("the 1991 Gulf war" keeps its
        // year, or it would lose "the")
        let kept = |c: usize| {
            !ENGLISH.title_cuts.contains(&self.s.tokens[c].deprel.as_str()) || self.name_in_line(c)
        };
        let all = self.span_keeping(k, kept);
        let dated = |c: usize| self.head(c) == Some(k) && self.timed(c);
        let undated = self.span_keeping(k, |c| kept(c) && !dated(c));
        let times: Vec<usize> = self.kids[k]
            .iter()
            .copied()
            .filter(|&c| dated(c))
            .flat_map(|c| self.span_without(c, &[]))
            .collect();
        let whole = all.iter().all(|w| undated.contains(w) || times.contains(w));
        let mut words = if whole { undated } else { all };
        // a number the parse hung on the verb belongs to the noun after
        // it ("Over 2,000 protester have been detained": a verb takes no
        // number of its own)
        if let Some(&first) = words.first() {
            let slipped = first.checked_sub(1).filter(|&n| {
                self.s.tokens[n].deprel == "nummod"
                    && self.head(n).is_some_and(|h| self.s.tokens[h].upos == "VERB")
            });
            if let Some(n) = slipped {
                let number = self.span_without(n, &[]);
                if number.last() == Some(&n) {
                    words.splice(0..0, number);
                }
            }
        }
        let full = self.text(&words);
        // "whose invasion of Tibet": the possessor the relative word stands
        // for ("China's invasion of Tibet"); left as written when nothing
        // names it
        if let Some((&first, rest)) = words.split_first() {
            let t = &self.s.tokens[first];
            if t.feats.contains("PronType=Rel") && t.deprel == "nmod:poss" && !rest.is_empty() {
                let owner = self
                    .participant(first, None)
                    .or_else(|| self.noun_before(first))
                    .map(|a| possessive(&a));
                if let Some(owned) = owner.map(|o| format!("{o} {}", self.text(rest))) {
                    if owned.chars().count() <= budget {
                        return owned;
                    }
                }
            }
        }
        if full.chars().count() <= budget {
            return full;
        }
        // a run of capitalised words with a title in it, however the parse
        // hung them ("Chief Cabinet Secretary Yasuhisa Shiozaki"): the
        // name after the last title or role
        let capital =
            |w: &usize| self.s.tokens[*w].form.chars().next().is_some_and(char::is_uppercase);
        let office_at = words.iter().rposition(|&w| {
            let lower = self.s.tokens[w].form.to_lowercase();
            ENGLISH.is_title(&lower) || ENGLISH.is_role(&lower)
        });
        if let Some(p) = office_at.filter(|_| words.iter().all(capital)) {
            let name = &words[p + 1..];
            let text = self.text(name);
            if !name.is_empty()
                && name.iter().all(|&w| self.s.tokens[w].upos == "PROPN")
                && text.chars().count() <= budget
            {
                return text;
            }
        }
        // "US Secretary of State Anthony Blinken": the name without its office
        // (a common noun or a title: "John Howard" is not cut to "Howard")
        let lower = t.form.to_lowercase();
        let office = t.upos != "PROPN" || ENGLISH.is_title(&lower) || ENGLISH.is_role(&lower);
        let name = office.then(|| self.name_after(k)).flatten();
        if let Some(name) = name.and_then(|c| self.phrase(c)) {
            if name.chars().count() <= budget {
                return name;
            }
        }
        // numbers stay: "invest 20 percent" is not "invest percent"
        let short_words = self.span_without(
            k,
            &[ENGLISH.title_cuts, &["nmod", "nmod:poss", "obl", "conj", "cc"]].concat(),
        );
        let short = self.text(&short_words);
        // a name told short is the name: "North Korea's leader Kim
        // Jong-Il" is "Kim Jong-Il", not "leader Kim Jong-Il", and
        // "Australian Prime Minister John Howard" is "John Howard"
        let lost_possessor = words
            .iter()
            .any(|&w| self.s.tokens[w].deprel == "nmod:poss" && !short_words.contains(&w));
        if (office || !lost_possessor) && short.chars().count() <= budget {
            return short;
        }
        if !office {
            let name = self.span_keeping(k, |c| {
                let c = &self.s.tokens[c];
                let lower = c.form.to_lowercase();
                let capital = c.form.chars().next().is_some_and(char::is_uppercase);
                let part = c.deprel.starts_with("flat")
                    || c.deprel == "compound" && c.upos == "PROPN"
                    || c.deprel == "amod" && capital;
                part && !ENGLISH.is_title(&lower) && !ENGLISH.is_role(&lower)
            });
            // the name ends the phrase: "Overseas Development Minister"
            // is no name "Overseas Development"
            let text = self.text(&name);
            if name.last() == short_words.last() && text.chars().count() <= budget {
                return text;
            }
        }
        if short.chars().count() <= budget {
            return short;
        }
        // the head with its article and number only: "a 35-year-old man"
        // is told "a man", never "man"
        let mut bare: Vec<&str> = Vec::new();
        for &c in self.kids[k].iter().filter(|&&c| c < k) {
            match self.s.tokens[c].deprel.as_str() {
                "det" => bare.push(&self.s.tokens[c].form),
                // "40 million": a number with its own words
                "nummod" => bare.extend(
                    self.span_without(c, &[]).iter().map(|&w| self.s.tokens[w].form.as_str()),
                ),
                _ => {}
            }
        }
        bare.push(&t.form);
        // the article agrees with the word now after it: "an independent
        // policy" told short is "a policy"
        let article = match (bare.first(), bare.get(1)) {
            (Some(&a), Some(next))
                if a.eq_ignore_ascii_case("a") || a.eq_ignore_ascii_case("an") =>
            {
                let vowel = next.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']);
                Some(match (vowel, a.starts_with('A')) {
                    (true, false) => "an",
                    (true, true) => "An",
                    (false, false) => "a",
                    (false, true) => "A",
                })
            }
            _ => None,
        };
        if let Some(a) = article {
            bare[0] = a;
        }
        let bare = bare.join(" ");
        if bare.chars().count() <= budget {
            bare
        } else {
            self.s.tokens[k].form.clone()
        }
    }

    /// How the verb at `i` is written when no auxiliary carries its tense:
    /// a gerund ("banning", "people protesting"), which a title tells in
    /// the past tense.
    fn untensed(&self, i: usize) -> Option<Untensed> {
        let t = &self.s.tokens[i];
        if t.upos != "VERB"
            || self.kids[i].iter().any(|&c| {
                matches!(self.s.tokens[c].deprel.as_str(), "aux" | "aux:pass" | "cop" | "mark")
            })
        {
            return None;
        }
        // a gerund with a determiner or possessive is a noun ("a special
        // ministers meeting", "Monday's ruling")
        let nominal = self.kids[i]
            .iter()
            .any(|&c| matches!(self.s.tokens[c].deprel.as_str(), "det" | "nmod:poss" | "amod"))
            || i > 0 && self.s.tokens[i - 1].upos == "DET";
        (t.xpos == "VBG" && !nominal).then_some(Untensed::Gerund)
    }

    /// "were" for a plural phrase headed at `k` ("2,000 protesters",
    /// "they"), else "was".
    fn be_past(&self, k: Option<usize>) -> &'static str {
        let plural = k.is_some_and(|k| {
            self.s.tokens[k].feats.contains("Number=Plur")
                || self.kids[k].iter().any(|&c| {
                    let n = &self.s.tokens[c];
                    n.deprel == "nummod" && !matches!(n.form.to_lowercase().as_str(), "one" | "1")
                })
        });
        if plural {
            "were"
        } else {
            "was"
        }
    }

    /// The verb `v` of a title told in the past tense, its words after it
    /// as `rest` tells them ("protesting against the government" ->
    /// "protested against the government"); `rest` as it is when `v` has
    /// an auxiliary of its own.
    fn in_past(&self, v: usize, rest: String) -> String {
        let t = &self.s.tokens[v];
        match self.untensed(v) {
            Some(Untensed::Gerund) => match rest.strip_prefix(t.form.as_str()) {
                Some(after) => format!("{}{after}", ENGLISH.past(&t.lemma, &t.form)),
                None => rest,
            },
            _ => rest,
        }
    }

    /// The verb group of `i` for a title: its particle, its negation-free
    /// auxiliaries where they carry meaning ("has taken", "are
    /// protesting"), none for a passive or a regular perfect ("was
    /// removed" -> "removed", "has lowered" -> "lowered"). A `reported`
    /// clause keeps its group as written, modals, passive and negation
    /// included: "said talks could not resume", "said he was arrested"
    /// (the event itself is never modal or negated).
    pub(super) fn verb_group(&self, i: usize, reported: bool) -> String {
        let t = &self.s.tokens[i];
        let tok = |c: usize| &self.s.tokens[c];
        // a passive with a noun after it keeps its auxiliary, or it reads
        // as active: "Tokayev was elected the president", not "Tokayev
        // elected the president"
        let passive = self.kids[i].iter().any(|&c| tok(c).deprel == "aux:pass");
        // (a finite one, no modal: "to be given the status" stays a
        // headline's "given the status")
        let finite = self.kids[i].iter().any(|&c| {
            c < i
                && tok(c).deprel.starts_with("aux")
                && tok(c).xpos != "MD"
                && tok(c).feats.contains("VerbForm=Fin")
        });
        let named = passive
            && finite
            && self.kids[i].iter().any(|&c| {
                c > i
                    && matches!(tok(c).deprel.as_str(), "obj" | "xcomp" | "iobj")
                    && matches!(tok(c).upos.as_str(), "NOUN" | "PROPN")
            });
        let passive = passive && !named;
        let regular_perfect = t.xpos == "VBN" && t.form.to_lowercase().ends_with("ed") && !named;
        let nominal = t.upos == "ADJ" || t.upos == "NOUN";
        let words: Vec<usize> = self.kids[i]
            .iter()
            .copied()
            .filter(|&c| c < i)
            .filter(|&c| {
                let rel = tok(c).deprel.as_str();
                let negation = rel == "advmod"
                    && ENGLISH.negators.contains(&tok(c).form.to_lowercase().as_str());
                if reported {
                    matches!(rel, "aux" | "aux:pass") || negation || nominal && rel == "cop"
                } else {
                    // a predicate adjective or noun keeps its copula: "was absent"
                    rel == "aux" && tok(c).xpos != "MD" && !passive && !regular_perfect
                        || nominal && rel == "cop"
                        || named && rel == "aux:pass"
                }
            })
            .collect();
        let mut out: Vec<String> = words.iter().map(|&c| tok(c).form.clone()).collect();
        if nominal && self.child(i, "cop").is_some() {
            // "was a message", "is the largest bank": the noun's own words
            let own = self.span_without(
                i,
                &[
                    ENGLISH.title_cuts,
                    &["nsubj", "nsubj:pass", "cop", "aux", "aux:pass", "mark", "advmod", "obl"],
                    &["nmod", "case", "expl", "csubj", "ccomp", "xcomp", "obl:tmod"],
                ]
                .concat(),
            );
            out.push(self.text(&own));
        } else {
            out.push(t.form.clone());
        }
        if let Some(p) = self.child(i, "compound:prt") {
            out.push(tok(p).form.clone());
        }
        out.join(" ")
    }

    /// A title for the event at word `i`: who did what to whom (where),
    /// from the parse, starting with a capital. `None` when the parse
    /// gives only a lone verb.
    pub(super) fn title(&self, i: usize, before: Option<&str>) -> Option<String> {
        self.compose(i, before, 0).map(|t| finish_title(&t))
    }

    /// [`Tree::title`] as the text writes it (no capital added).
    pub(super) fn compose(&self, i: usize, before: Option<&str>, depth: usize) -> Option<String> {
        self.compose_with(i, before, depth, true)
    }

    /// [`Tree::compose`], with or without a prepositional complement.
    pub(super) fn compose_with(
        &self,
        i: usize,
        before: Option<&str>,
        depth: usize,
        obliques: bool,
    ) -> Option<String> {
        self.compose_said(i, before, depth, obliques, None, TITLE_MAX)
    }

    /// [`Tree::compose_with`] for a clause `speaker` reports: a pronoun
    /// that stands for the speaker stays a pronoun ("Lee said he would
    /// resign", not "Lee said Lee would resign"), in at most `budget`
    /// characters: its phrases are told short to fit.
    fn compose_said(
        &self,
        i: usize,
        before: Option<&str>,
        depth: usize,
        obliques: bool,
        speaker: Option<&str>,
        budget: usize,
    ) -> Option<String> {
        let t = &self.s.tokens[i];
        // an event noun that is the subject of a verb is told by that
        // verb's clause: "heavy shooting erupted on the square"
        // likewise an event noun a verb takes: "went on strike"; not by a
        // saying verb, which only reports it ("the dam burst, officials
        // said" read with "burst" as a noun)
        let argument = t.deprel.starts_with("nsubj") || matches!(t.deprel.as_str(), "obj" | "obl");
        let saying = |h: usize| super::lexicon::is_saying(&self.s.tokens[h].form);
        if matches!(t.upos.as_str(), "NOUN" | "PROPN") && argument {
            if let Some(h) = self.head(i).filter(|&h| !saying(h)) {
                if matches!(self.s.tokens[h].upos.as_str(), "VERB") && depth < 2 {
                    return self.compose_with(h, before, depth + 1, obliques);
                }
            }
        }
        if matches!(t.upos.as_str(), "NOUN" | "PROPN") && self.child(i, "cop").is_none() {
            // a headline clause parsed as a noun and its participle:
            // "Heavy shooting erupted on the square"
            let next = self.kids[i].iter().copied().find(|&c| {
                c == i + 1 && self.s.tokens[c].deprel == "acl" && self.s.tokens[c].upos == "VERB"
            });
            if let (Some(v), true) = (next, depth < 2) {
                let np = self.np(i, 36);
                return self.compose(v, before, depth + 1).map(|rest| {
                    // "people protesting" -> "people protested"
                    let rest = if depth == 0 { self.in_past(v, rest) } else { rest };
                    format!("{np} {rest}")
                });
            }
            let np = self.np(i, TITLE_MAX);
            return (np.split_whitespace().count() > 1).then_some(np);
        }
        let (actor, _) = self.roles(i, before);
        let subject_word = self.kids[i]
            .iter()
            .copied()
            .filter(|&k| {
                matches!(self.s.tokens[k].deprel.as_str(), "nsubj" | "nsubj:pass")
                    || self.counted(k)
            })
            .filter(|&k| !self.is_time(k) || self.counted(k))
            .filter(|&k| !self.slipped_in(k))
            .max_by_key(|&k| (self.s.tokens[k].upos == "PROPN", self.s.tokens[k].upos != "PRON"))
            .or_else(|| self.stranded_subject(i));
        // the head noun of a participle is told before it ("iPods sold in
        // France", "people protesting"); a headline participle has none
        // (a finite verb is none: "Minister Jean Marsh on Sunday stressed"
        // parsed as a name and its clause is the name's doing)
        let headline = depth > 0 && t.deprel == "acl" && !t.feats.contains("VerbForm=Fin");
        let subject = match subject_word {
            Some(k) if self.s.tokens[k].upos == "PRON" => {
                let p = self.participant(k, before);
                let same = |p: &str, s: &str| p.contains(s) || s.contains(p);
                // in a reported clause a pronoun nothing names stays one:
                // "the rebels said they had taken the town"; so does a
                // third person's in the title's own clause ("They seized a
                // quarter of the country" is no verb without its doer)
                let pronoun = || {
                    let t = &self.s.tokens[k];
                    let form = if t.form == "I" { t.form.clone() } else { t.form.to_lowercase() };
                    let third = t.feats.contains("Person=3");
                    ((depth > 0 || third) && t.xpos == "PRP").then_some(form)
                };
                match (&p, speaker) {
                    (Some(p), Some(s)) if same(p, s) => pronoun(),
                    (None, _) => pronoun(),
                    _ => p,
                }
            }
            Some(k) => Some(self.np(k, 36)),
            None if headline => None,
            None if t.deprel == "acl" && matches!(t.xpos.as_str(), "VBG" | "VBN") => {
                self.head(i).map(|h| self.np(h, 36))
            }
            None => actor,
        };
        // "Nursultan Nazarbayev, 81": a title's subject ends at a comma
        let subject = subject
            .map(|s| match s.split_once(", ") {
                Some((a, _)) if !a.trim().is_empty() => a.trim().to_string(),
                _ => s,
            })
            // (a comma the parse made a subject is none)
            .filter(|s| s.chars().any(char::is_alphanumeric));
        // likewise a predicate noun: "said it was not the time [to act]"
        if depth > 0 && self.child(i, "cop").is_some() && self.infinitive_of(i) {
            return None;
        }
        let verb = self.verb_group(i, depth > 0);
        // the title's own gerund in the past tense: "Moscow demonstrating
        // its ability" -> "Moscow demonstrated its ability"; with no
        // subject, its object is what it happened to: "Banning the export
        // of food" -> "The export of food was banned"
        let passive_object = self
            .object(i)
            .filter(|&o| !self.is_time(o) && self.child(i, "ccomp").is_none())
            .filter(|_| {
                depth == 0 && subject.is_none() && self.untensed(i) == Some(Untensed::Gerund)
            })
            // what a saying verb takes is what was said, not what it was
            // done to ("adding Hadep denounces such actions")
            .filter(|_| !super::lexicon::is_saying(&t.form))
            .map(|o| (o, self.np(o, 48)))
            .filter(|(_, np)| !np.is_empty());
        let verb = match &passive_object {
            Some((o, _)) => {
                // (with its particle: "ruling out X" -> "X was ruled out")
                let particle = verb.strip_prefix(t.form.as_str()).unwrap_or("");
                format!("{} {}", self.be_past(Some(*o)), ENGLISH.participle(&t.lemma, &t.form))
                    + particle
            }
            None if depth == 0 && subject.is_some() => self.in_past(i, verb),
            None => verb,
        };
        let mut title = match (&subject, &passive_object) {
            (Some(s), _) => format!("{s} {verb}"),
            (None, Some((_, np))) => format!("{np} {verb}"),
            (None, None) => verb.clone(),
        };
        let subject = subject.or_else(|| passive_object.as_ref().map(|(_, np)| np.clone()));
        let room = |title: &str| budget.saturating_sub(title.chars().count() + 1);
        let mut complement = false;
        // the last word of the sentence the title has told so far
        let last_word = |k: usize| self.span_without(k, &[]).last().copied().unwrap_or(k);
        let mut told = i;
        // what was said: the reported clause, told short
        let verbal = |c: usize| {
            matches!(self.s.tokens[c].upos.as_str(), "VERB" | "AUX")
                || self.child(c, "cop").is_some()
        };
        // (the first clause: "Both times" may be parsed as one too)
        let said =
            self.kids[i].iter().copied().find(|&c| self.s.tokens[c].deprel == "ccomp" && verbal(c));
        // "Prices rose sharply, traders said": what was said may come
        // first, which a parse may read as an unmarked adverbial clause;
        // told as reported speech when it is no direct quote and no one
        // was told it ("told AFP")
        let saying = || {
            super::lexicon::is_saying(&t.form)
                && self.object(i).or_else(|| self.child(i, "iobj")).is_none()
        };
        let quoted = |c: usize| {
            self.span_without(c, &[]).iter().any(|&w| {
                matches!(self.s.tokens[w].form.as_str(), "\"" | "“" | "”" | "«" | "»" | "``" | "''")
            })
        };
        let fronted = || {
            self.kids[i].iter().copied().find(|&c| {
                c < i
                    && self.s.tokens[c].deprel == "advcl"
                    && self.s.tokens[c].feats.contains("VerbForm=Fin")
                    && verbal(c)
                    && self.kids[c].iter().all(|&k| self.s.tokens[k].deprel != "mark")
                    && !quoted(c)
            })
        };
        let said = said.or_else(|| fronted().filter(|_| saying()));
        let mut reported = false;
        if let Some(c) = said.filter(|_| depth < 1) {
            // who was told, between the verb and what: "told reporters
            // the talks had failed"
            let hearer = self
                .object(i)
                .or_else(|| self.child(i, "iobj"))
                .filter(|&o| i < o && o < c && !self.is_time(o) && self.s.tokens[o].upos != "PRON");
            let head = match hearer.map(|o| self.np(o, 24)).filter(|np| !np.is_empty()) {
                Some(np) => format!("{title} {np}"),
                None => title.clone(),
            };
            // told whole or not at all: a clause cut short misleads
            let fits = |inner: &String| {
                inner.split_whitespace().count() > 2 && inner.chars().count() <= room(&head)
            };
            // too long whole, a clause with an object is still whole
            // without its prepositional complement ("said young Kazakhs
            // want similar freedoms", of "... as Ukrainians, Georgians")
            // (the object told, with no clause of its own left out:
            // "indicated their willingness [to talk]" is cut short)
            let object = self.object(c).filter(|&o| {
                self.child(c, "xcomp").is_none()
                    && self.child(c, "ccomp").is_none()
                    && self.child(o, "acl").is_none()
            });
            let inner = self
                .compose_said(c, before, depth + 1, true, subject.as_deref(), room(&head))
                .filter(fits)
                .or_else(|| {
                    let word = &self.s.tokens[object?].form;
                    self.compose_said(c, before, depth + 1, false, subject.as_deref(), room(&head))
                        .filter(|inner| fits(inner) && inner.split(' ').any(|w| w == word))
                });
            if let Some(inner) = inner {
                // a quote's capital is no name's: "said Groups of ..."
                let first = inner.split_whitespace().next().unwrap_or("");
                // (nor is a word's before a name: "Foreign Minister Qian")
                let common = self.span_without(c, &[]).iter().any(|&w| {
                    let t = &self.s.tokens[w];
                    let before_name = self.s.tokens.get(w + 1).is_some_and(|n| n.upos == "PROPN");
                    t.form == first && t.upos != "PROPN" && t.form != "I" && !before_name
                });
                let inner = if common { lower_first(&inner) } else { inner };
                title = format!("{head} {inner}");
                complement = true;
                reported = true;
                told = told.max(last_word(c));
            }
        }
        if passive_object.is_some() {
            complement = true;
            told = told.max(passive_object.as_ref().map_or(i, |&(o, _)| last_word(o)));
        } else if !complement {
            let object = self.object(i).or_else(|| self.child(i, "iobj"));
            // a reported clause whose object needs its infinitive is cut
            // short without it: "said they had shown their willingness"
            if depth > 0 && object.is_some_and(|o| self.infinitive_of(o)) {
                return None;
            }
            // "are beating and humiliating our soldiers": the object both
            // verbs share hangs on the second, which has no subject of its own
            let shared = self.kids[i].iter().copied().find(|&c| {
                object.is_none()
                    && c == i + 2
                    && self.s.tokens[i + 1].deprel == "cc"
                    && self.s.tokens[c].deprel == "conj"
                    && self.s.tokens[c].upos == "VERB"
                    && self.child(c, "nsubj").is_none()
                    && self.object(c).is_some()
            });
            let (object, joined) = match shared {
                Some(c) => {
                    // both in the past when the first is: "stormed and burned"
                    let w = &self.s.tokens[c];
                    let past = depth == 0
                        && subject.is_some()
                        && self.untensed(i) == Some(Untensed::Gerund)
                        && self.untensed(c) == Some(Untensed::Gerund);
                    let form = if past { ENGLISH.past(&w.lemma, &w.form) } else { w.form.clone() };
                    (self.object(c), format!("{title} and {form}"))
                }
                None => (object, title.clone()),
            };
            if let Some(o) = object.filter(|&o| !self.is_time(o)) {
                // the second verb left out when both do not fit: "are beating
                // [and humiliating] our soldiers"
                let heads = if shared.is_some() && t.upos == "VERB" {
                    vec![&joined, &title]
                } else {
                    vec![&joined]
                };
                let fitting = heads.into_iter().find_map(|head| {
                    let np = self.np(o, room(head));
                    (!np.is_empty() && np.chars().count() <= room(head))
                        .then(|| format!("{head} {np}"))
                });
                if let Some(t) = fitting {
                    title = t;
                    complement = true;
                    told = told.max(last_word(o));
                }
            }
        }
        // "resigned from his post", "spiralled out of control", "called for
        // talks": the first prepositional complement after the verb
        let obl = self.kids[i].iter().copied().find(|&k| {
            let rel = self.s.tokens[k].deprel.as_str();
            // "called for resolving the crisis": a clause a preposition opens
            // (a preposition before a gerund may be tagged as a
            // subordinator: "for resolving"; "while resolving" tells when)
            let gerund = self.s.tokens[k].xpos == "VBG";
            let prepositional_clause = rel == "advcl"
                && self.kids[k].iter().any(|&c| {
                    let m = &self.s.tokens[c];
                    m.deprel == "mark"
                        && (m.upos == "ADP"
                            || gerund
                                && m.xpos == "IN"
                                && !ENGLISH.connectives.contains(&m.form.to_lowercase().as_str()))
                });
            k > i
                && (matches!(rel, "obl" | "xcomp" | "obl:npmod") || prepositional_clause)
                && self.s.tokens[k].upos != "NUM"
        });
        // what was said ends the title: "said in a statement" after it
        // reads as part of what was said
        if let Some(k) = obl.filter(|&k| obliques && !reported && !self.is_time(k)) {
            let mut words = self.span_without(k, ENGLISH.title_cuts);
            words.retain(|&w| w >= i);
            // the preposition that introduces it stays: "from his post"
            if let Some(c) = self.kids[k]
                .iter()
                .copied()
                .find(|&c| matches!(self.s.tokens[c].deprel.as_str(), "case" | "mark"))
            {
                if c > i && !words.contains(&c) {
                    words.insert(0, c);
                }
            }
            let text = self.text(&words);
            // a comma between what the title tells and the complement
            // sets it apart, as an item of a list or an aside: "taken
            // place in Lyon in 2016, in Porto in 2018" is not "in Lyon in
            // Porto"
            let first = words.first().copied().unwrap_or(k);
            let apart = (told + 1..first).any(|w| self.s.tokens[w].form == ",");
            if !apart && !text.is_empty() && text.chars().count() <= room(&title) {
                title = format!("{title} {text}");
                complement = true;
            } else if depth > 0 && (!complement || self.s.tokens[k].deprel == "xcomp") && !apart {
                // a reported clause without the complement it needs is
                // cut short: leave it out ("did not expect the bank" of
                // "did not expect the bank to raise rates")
                return None;
            }
        }
        // a lone verb is no title, and a reported clause needs its subject
        if subject.is_none() && (!complement || depth > 0) && !headline {
            return None;
        }
        Some(title)
    }
}

/// A verb form that carries no tense of its own. (A participle with no
/// auxiliary, "20 people injured", is left as headlines write it: the
/// tagger does not tell it from a simple past, "the nationalists fled".)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Untensed {
    /// "-ing": "banning", "people protesting".
    Gerund,
}

/// `t` with each clitic the words were split into joined to its word
/// again: "we do n't want" -> "we don't want", "it 's", "would 've".
fn attach_clitics(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for w in t.split(' ') {
        let l = w.replace('\u{2019}', "'").to_lowercase();
        let clitic = matches!(l.as_str(), "n't" | "'s" | "'re" | "'ve" | "'m" | "'ll" | "'d");
        if !(out.is_empty() || clitic && out.ends_with(|c: char| c.is_alphanumeric())) {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// A composed title made ready: clitics joined, a time expression at its
/// end cut (the axis shows the date), no dangling word or comma, a
/// capital first.
pub(super) fn finish_title(t: &str) -> String {
    let mut t = attach_clitics(t.trim());
    // at most TITLE_MAX characters, cut at a word
    if t.chars().count() > TITLE_MAX {
        let cut = t.char_indices().nth(TITLE_MAX).map_or(t.len(), |(i, _)| i);
        let at = t[..cut].rfind(' ').unwrap_or(cut);
        t.truncate(at);
    }
    let tags = super::timex::tag(&t, &super::timex::Context::default());
    if let Some(x) = tags.last().filter(|x| x.end + 1 >= t.len() && x.start > 0) {
        t.truncate(x.start);
    }
    // a preposition that may be a verb's particle ("put through") ends a
    // title, but not before a question word cut off ("over what")
    let mut after_wh = false;
    loop {
        let trimmed = t.trim_end().trim_end_matches([',', ';', ':']).trim_end();
        let last = trimmed.rsplit(' ').next().unwrap_or("");
        let lower = last.to_lowercase();
        let particle =
            after_wh && matches!(lower.as_str(), "over" | "through" | "about" | "across");
        if trimmed.contains(' ') && (ENGLISH.title_dangling.contains(&lower.as_str()) || particle) {
            after_wh = lower.starts_with("wh") || lower == "how";
            t = trimmed[..trimmed.len() - last.len()].to_string();
        } else {
            t = trimmed.to_string();
            break;
        }
    }
    capitalize(&t)
}

/// The possessive of a noun phrase: "China's", "the rebels'".
fn possessive(phrase: &str) -> String {
    if phrase.ends_with('s') && !phrase.ends_with("ss") {
        format!("{phrase}'")
    } else {
        format!("{phrase}'s")
    }
}

/// `s` with its first letter in lower case.
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

pub(super) fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::finish_title;

    #[test]
    fn titles_never_end_on_a_question_word_or_its_preposition() {
        assert_eq!(
            finish_title("Bajan said we were shocked with what"),
            "Bajan said we were shocked"
        );
        assert_eq!(
            finish_title("police attacked the crowd over what"),
            "Police attacked the crowd"
        );
        assert_eq!(finish_title("Italy occupied Albania between"), "Italy occupied Albania");
        // a verb's particle stays: "put through" is no dangling "through"
        assert_eq!(finish_title("The company put through"), "The company put through");
    }

    #[test]
    fn clitics_join_their_words_again() {
        assert_eq!(
            finish_title("Congress said we do n't want elections"),
            "Congress said we don't want elections"
        );
        assert_eq!(finish_title("Ed said we wo n't push"), "Ed said we won't push");
        assert_eq!(
            finish_title("Gujral told AFP it \u{2019}s a tragedy"),
            "Gujral told AFP it\u{2019}s a tragedy"
        );
        assert_eq!(
            finish_title("Lillee said I would 've picked Warne"),
            "Lillee said I would've picked Warne"
        );
        // a quote mark alone is no clitic
        assert_eq!(finish_title("Ash said ' no"), "Ash said ' no");
    }
}
