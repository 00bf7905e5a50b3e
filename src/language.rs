//! The word tables of the language layer: what extraction, the time
//! expression tagger and the graph know of English words (function words,
//! titles and roles, pronouns, cue phrases, name parts, currencies), kept
//! as data in one [`Language`] value rather than as literals in each
//! stage. A second language is a second value; the invariant tests below
//! hold for every table (lower case, no repeats; the single-word tables
//! sorted). The time expression patterns and the event lexicon are
//! English grammar as well as words and stay in `extract`.

/// The word lists of one language.
#[derive(Debug)]
pub struct Language {
    /// Titles written before a person's name, lower case, without a final
    /// dot: "president", "dr", "gen".
    pub titles: &'static [&'static str],
    /// Words for what a person does or is to another, written before the
    /// name: "spokesperson", "coach", "his daughter Dariga".
    pub roles: &'static [&'static str],
    /// Currency names as written after an amount ("2,000 tenge", "5
    /// billion yuan"): a number before one is money, not a year.
    pub currencies: &'static [&'static str],
    /// Currency codes and abbreviations written before an amount ("USD
    /// 2,000", "Rs 1990"): the number after one is money, not a year.
    pub currency_codes: &'static [&'static str],
    /// Words after a number that make it a count or a measure, not a year
    /// ("2000 people", "1990 km", "2010 were killed"); currencies are
    /// counted too.
    pub counted: &'static [&'static str],
    /// Words before a number that make it a count, an approximation or a
    /// label, not a year ("about 2000", "flight 2019", "page 1990").
    pub count_cues: &'static [&'static str],
    /// The world's countries by their common English names (lower case;
    /// "united states", "ivory coast"), without those that are as often a
    /// person's name or a word ("Jordan", "Chad", "US"): such a name is a
    /// place whatever else its words suggest.
    pub countries: &'static [&'static str],
    /// Words that open a new clause: a mention's clause ends before them.
    pub boundary_words: &'static [&'static str],
    /// Auxiliaries and adverbs stepped over from a trigger back to its
    /// subject ("has been", "was also").
    pub auxiliaries: &'static [&'static str],
    /// Modal verbs before a trigger: what it reports may not have happened.
    pub modals: &'static [&'static str],
    /// The auxiliary verbs (a closed class): a participant ends before one.
    pub auxiliary_verbs: &'static [&'static str],
    /// Adverbs of place and time a participant never ends on ("here").
    pub trailing_adverbs: &'static [&'static str],
    /// The ending of a verb's gerund and present participle ("declaring"):
    /// a trigger with it tells its event as a nominal, not as a clause.
    pub gerund_ending: &'static str,
    /// Words before a trigger, in the text, that deny it ("without" too:
    /// "left without paying"). The parse's negating dependents are
    /// [`Language::negators`].
    pub negations: &'static [&'static str],
    /// How a sentence of opinion, not of news, begins ("i think").
    pub opinion_starts: &'static [&'static str],
    /// Pronouns before a trigger: no named subject to take.
    pub pronouns: &'static [&'static str],
    /// Words that open a sentence telling what came next ("then").
    pub narrative_cues: &'static [&'static str],
    /// Words before a trigger that make it a noun ("the appeal").
    pub determiners: &'static [&'static str],
    /// Capitalised words that open a clause without being a name.
    pub function_caps: &'static [&'static str],
    /// Prepositions: a name after one is no subject.
    pub prepositions: &'static [&'static str],
    /// Markers (by lemma) of an adverbial gerund or infinitive whose doer
    /// is its main verb's subject ("unveiled it by walking on stage",
    /// "while introducing it", "left without paying"); "from looting" and
    /// the like name no doer.
    pub controlled_marks: &'static [&'static str],
    /// Words that may follow a place name: prepositions, conjunctions, verbs.
    pub place_followers: &'static [&'static str],
    /// Dependents (by lemma) that negate the word they attach to in the
    /// parse; the words before a trigger are [`Language::negations`].
    pub negators: &'static [&'static str],
    /// Modal lemmas that mark tense (future), not modality, in ``TimeML``.
    pub future_modals: &'static [&'static str],
    /// Subordinators that make their clause hypothetical.
    pub conditionals: &'static [&'static str],
    /// Pronouns that stand for a person named before them, as an event's
    /// participant. Reflexives are left out: "announced himself" names
    /// the subject again, no one new ([`Language::person_pronoun_forms`]
    /// has them).
    pub person_pronouns: &'static [&'static str],
    /// Prepositions that introduce where something happened.
    pub place_cases: &'static [&'static str],
    /// Relations that open another clause: a quote stops before them.
    pub clause_breaks: &'static [&'static str],
    /// Relations of the words that belong to a participant's name.
    pub name_parts: &'static [&'static str],
    /// Relations whose words a title's noun phrase leaves out: other clauses,
    /// appositions and asides.
    pub title_cuts: &'static [&'static str],
    /// Words a title never ends on.
    pub title_dangling: &'static [&'static str],
    /// Abbreviations (lower case, without their last full stop) after
    /// which a full stop ends no sentence.
    pub abbreviations: &'static [&'static str],
    /// Words that make a name an organization's.
    pub organization_words: &'static [&'static str],
    /// Words whose possessive stands inside a name ("People's Daily",
    /// "Women's Union", "Children's Hospital").
    pub name_possessors: &'static [&'static str],
    /// Words that make a name a place's.
    pub place_words: &'static [&'static str],
    /// Small words inside a name ("Bank of America", "Ministry for the
    /// Environment").
    pub name_connectors: &'static [&'static str],
    /// What a title's "of" names before the name ("Secretary of State
    /// Antony Blinken", "Minister of Foreign Affairs Sergei Lavrov"): the
    /// portfolios and offices of governments and companies.
    pub portfolios: &'static [&'static str],
    /// Day and month names: dates, never entities.
    pub calendar_names: &'static [&'static str],
    /// Nouns by which an article refers again to an organization it named:
    /// "the company said", "the airline's shares".
    pub descriptions: &'static [&'static str],
    /// Every form of a person's third-person pronoun, reflexives too: the
    /// pronouns coreference resolves.
    pub person_pronoun_forms: &'static [&'static str],
    /// Words that open a noun phrase without being part of a name.
    pub name_determiners: &'static [&'static str],
    /// Company forms that a name may carry or drop ("Apple Inc." = "Apple").
    pub company_forms: &'static [&'static str],
    /// Small words that acronyms skip ("Bank of America" = "`BoA`" = "BA").
    pub acronym_skips: &'static [&'static str],
    /// Words a quote's clause may open with that a title leaves out.
    pub connectives: &'static [&'static str],
    /// Words that are never a corpus's subject, though titles capitalise them.
    pub subject_stop: &'static [&'static str],
    /// Conjunctions that offer alternatives ("arrested or killed"): their
    /// conjuncts are not told in the order they happened.
    pub alternatives: &'static [&'static str],
    /// Prepositions that also open a clause ("after the talks", "after
    /// the talks had failed"): a noun after one may be a clause's subject.
    pub clause_prepositions: &'static [&'static str],
    /// Saying verbs whose speaker may follow them after a quote ("...,
    /// added Lee"), lemmas: none takes a hearer as its object.
    pub quotative_verbs: &'static [&'static str],
    /// The irregular verbs, each "lemma past participle" ("take took
    /// taken"): what [`Language::past`] and [`Language::participle`] do
    /// not make by rule.
    pub irregular_verbs: &'static [&'static str],
}

impl Language {
    /// Every table by its field name, for invariant checks and reviews.
    #[must_use]
    pub fn tables(&self) -> Vec<(&'static str, &'static [&'static str])> {
        vec![
            ("titles", self.titles),
            ("roles", self.roles),
            ("currencies", self.currencies),
            ("currency_codes", self.currency_codes),
            ("counted", self.counted),
            ("count_cues", self.count_cues),
            ("countries", self.countries),
            ("boundary_words", self.boundary_words),
            ("auxiliaries", self.auxiliaries),
            ("modals", self.modals),
            ("auxiliary_verbs", self.auxiliary_verbs),
            ("trailing_adverbs", self.trailing_adverbs),
            ("negations", self.negations),
            ("opinion_starts", self.opinion_starts),
            ("pronouns", self.pronouns),
            ("narrative_cues", self.narrative_cues),
            ("determiners", self.determiners),
            ("function_caps", self.function_caps),
            ("prepositions", self.prepositions),
            ("controlled_marks", self.controlled_marks),
            ("place_followers", self.place_followers),
            ("negators", self.negators),
            ("future_modals", self.future_modals),
            ("conditionals", self.conditionals),
            ("person_pronouns", self.person_pronouns),
            ("place_cases", self.place_cases),
            ("clause_breaks", self.clause_breaks),
            ("name_parts", self.name_parts),
            ("title_cuts", self.title_cuts),
            ("title_dangling", self.title_dangling),
            ("abbreviations", self.abbreviations),
            ("organization_words", self.organization_words),
            ("name_possessors", self.name_possessors),
            ("place_words", self.place_words),
            ("name_connectors", self.name_connectors),
            ("portfolios", self.portfolios),
            ("calendar_names", self.calendar_names),
            ("quotative_verbs", self.quotative_verbs),
            ("descriptions", self.descriptions),
            ("person_pronoun_forms", self.person_pronoun_forms),
            ("name_determiners", self.name_determiners),
            ("company_forms", self.company_forms),
            ("acronym_skips", self.acronym_skips),
            ("connectives", self.connectives),
            ("subject_stop", self.subject_stop),
            ("alternatives", self.alternatives),
            ("irregular_verbs", self.irregular_verbs),
        ]
    }

    /// The simple past of a verb, from its lemma and a form of it (the
    /// form shows a doubled consonant: "banning" -> "banned"): "took",
    /// "declared", "stormed", "denied".
    #[must_use]
    pub fn past(&self, lemma: &str, form: &str) -> String {
        self.irregular(lemma)
            .map_or_else(|| spelled_past(lemma, form), |(past, _)| past.to_string())
    }

    /// The past participle: "taken", "declared", "banned".
    #[must_use]
    pub fn participle(&self, lemma: &str, form: &str) -> String {
        self.irregular(lemma)
            .map_or_else(|| spelled_past(lemma, form), |(_, part)| part.to_string())
    }

    fn irregular(&self, lemma: &str) -> Option<(&'static str, &'static str)> {
        let lemma = lemma.to_lowercase();
        self.irregular_verbs.iter().find_map(|e| {
            let mut w = e.split(' ');
            (w.next() == Some(lemma.as_str()))
                .then(|| (w.next().unwrap_or(e), w.next().unwrap_or(e)))
        })
    }

    /// Whether `w` (lower case) is a title before a name: one of the
    /// titles, or a hyphenated compound of titles and roles
    /// ("secretary-general", "governor-general").
    #[must_use]
    pub fn is_title(&self, w: &str) -> bool {
        self.titles.contains(&w)
            || w.contains('-')
                && w.split('-').all(|p| self.titles.contains(&p) || self.roles.contains(&p))
                && w.split('-').any(|p| self.titles.contains(&p))
    }

    /// Whether the capitalised word `w` names a people in the plural
    /// ("Palestinians", "Europeans", "Koreans"): its people, not a place.
    /// Only the endings no place name has in English ("-ians", "-eans");
    /// "the Balkans" and "the Philippines" are places.
    #[must_use]
    pub fn is_people_plural(&self, w: &str) -> bool {
        w.starts_with(char::is_uppercase)
            && w.chars().count() >= 6
            && (w.ends_with("ians") || w.ends_with("eans"))
    }

    /// Whether `w` (lower case) is a day of the week.
    #[must_use]
    pub fn is_weekday(&self, w: &str) -> bool {
        // the calendar names open with the seven days
        self.calendar_names[..7].contains(&w)
    }

    /// Whether `w` (lower case) is a role word before a name.
    #[must_use]
    pub fn is_role(&self, w: &str) -> bool {
        self.roles.contains(&w)
    }

    /// Whether a number followed by the word `next` (lower case) counts or
    /// measures something.
    #[must_use]
    pub fn counts(&self, next: &str) -> bool {
        self.counted.contains(&next) || self.currencies.contains(&next)
    }

    /// Whether a number after the word `prev` (lower case) is a count, an
    /// amount or a label.
    #[must_use]
    pub fn cues_count(&self, prev: &str) -> bool {
        self.count_cues.contains(&prev) || self.currency_codes.contains(&prev)
    }
}

/// The "-ed" form of a regular verb. A form in "-ing" or "-ed" shows the
/// stem as the verb spells it before an ending ("bann-ing", "stopp-ed");
/// else the lemma's own rules apply ("declare" -> "declared", "deny" ->
/// "denied").
fn spelled_past(lemma: &str, form: &str) -> String {
    let lemma = lemma.to_lowercase();
    let form = form.to_lowercase();
    let stem = form.strip_suffix("ing").or_else(|| form.strip_suffix("ed"));
    match stem {
        // a doubled consonant the lemma does not write: "banning", "stopped"
        Some(s)
            if s.len() == lemma.len() + 1
                && s.starts_with(lemma.as_str())
                && s.ends_with(&lemma[lemma.len() - 1..]) =>
        {
            format!("{s}ed")
        }
        _ => regular_past(&lemma),
    }
}

/// The "-ed" form of a regular verb by its lemma's spelling alone:
/// "declare" -> "declared", "deny" -> "denied", "play" -> "played",
/// "storm" -> "stormed" (a doubled consonant needs a form that shows it,
/// see [`Language::past`]).
#[must_use]
pub fn regular_past(lemma: &str) -> String {
    if lemma.ends_with('e') {
        format!("{lemma}d")
    } else if let Some(stem) =
        lemma.strip_suffix('y').filter(|s| !s.is_empty() && !s.ends_with(['a', 'e', 'o', 'u']))
    {
        format!("{stem}ied")
    } else {
        format!("{lemma}ed")
    }
}

/// Whether `word` is a model's or a flight's number: digits, then letters
/// at most ("4", "500", "3G", "4S"), as in "iPhone 4" or "Apollo 11".
#[must_use]
pub fn is_model_number(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// English.
pub static ENGLISH: Language = Language {
    titles: &[
        "adm",
        "admiral",
        "ambassador",
        "ayatollah",
        "capt",
        "ceo",
        "chairman",
        "chairwoman",
        "chancellor",
        "col",
        "commander",
        "congressman",
        "congresswoman",
        "dame",
        "democrat",
        "dr",
        "gen",
        "gov",
        "governor",
        "judge",
        "justice",
        "king",
        "lawmaker",
        "lord",
        "lt",
        "mayor",
        "minister",
        "mr",
        "mrs",
        "ms",
        "pope",
        "premier",
        "president",
        "prince",
        "princess",
        "prof",
        "professor",
        "queen",
        "rep",
        "representative",
        "republican",
        "rev",
        "secretary",
        "sen",
        "senator",
        "sgt",
        "sheikh",
        "sir",
        "spokesman",
        "spokeswoman",
    ],
    roles: &[
        "actor",
        "actress",
        "attorney",
        "aunt",
        "author",
        "boss",
        "brother",
        "candidate",
        "coach",
        "colonel",
        "correspondent",
        "cousin",
        "daughter",
        "diplomat",
        "director",
        "envoy",
        "executive",
        "expert",
        "father",
        "founder",
        "general",
        "granddaughter",
        "grandson",
        "head",
        "husband",
        "lawyer",
        "leader",
        "manager",
        "mother",
        "nephew",
        "niece",
        "officer",
        "official",
        "player",
        "reporter",
        "researcher",
        "singer",
        "sister",
        "son",
        "spokesperson",
        "uncle",
        "widow",
        "widower",
        "wife",
        "writer",
    ],
    currencies: &[
        "baht",
        "birr",
        "bolivars",
        "cedis",
        "cents",
        "dinars",
        "dirhams",
        "dollar",
        "dollars",
        "dong",
        "drams",
        "euro",
        "euros",
        "forints",
        "francs",
        "hryvnias",
        "krona",
        "krone",
        "kroner",
        "kronor",
        "kwacha",
        "kyats",
        "lari",
        "lei",
        "leva",
        "lira",
        "lire",
        "manats",
        "naira",
        "pence",
        "pesos",
        "pounds",
        "rand",
        "reais",
        "rials",
        "ringgit",
        "riyals",
        "roubles",
        "rubles",
        "rupees",
        "rupiah",
        "shekels",
        "shillings",
        "soles",
        "som",
        "taka",
        "tenge",
        "won",
        "yen",
        "yuan",
        "zlotys",
    ],
    currency_codes: &[
        "aud", "brl", "cad", "chf", "cny", "eur", "gbp", "inr", "jpy", "krw", "kzt", "mxn", "rmb",
        "rs", "rub", "usd", "zar",
    ],
    counted: &[
        "barrels",
        "cars",
        "cases",
        "children",
        "copies",
        "deaths",
        "died",
        "employees",
        "feet",
        "gw",
        "have",
        "hours",
        "injured",
        "kg",
        "killed",
        "kilometers",
        "kilometres",
        "km",
        "members",
        "men",
        "meters",
        "metres",
        "miles",
        "minutes",
        "more",
        "mw",
        "officers",
        "others",
        "people",
        "per",
        "percent",
        "persons",
        "points",
        "police",
        "protester",
        "protesters",
        "residents",
        "seats",
        "seconds",
        "shares",
        "soldiers",
        "students",
        "times",
        "tonnes",
        "tons",
        "troops",
        "units",
        "vehicles",
        "votes",
        "were",
        "women",
        "workers",
    ],
    boundary_words: &[
        "and", "but", "while", "whereas", "after", "before", "because", "which", "who", "when",
        "where", "although", "though", "until", "having", "adding", "despite", "then", "whether",
        "if",
    ],
    auxiliaries: &[
        "has",
        "have",
        "had",
        "was",
        "were",
        "is",
        "are",
        "been",
        "be",
        "being",
        "already",
        "also",
        "then",
        "reportedly",
        "simply",
        "immediately",
        "quickly",
        "later",
        "finally",
        "just",
        "did",
        "does",
        "do",
        "allegedly",
        "again",
        "formally",
        "officially",
        "first",
        "reported",
    ],
    gerund_ending: "ing",
    auxiliary_verbs: &[
        "has", "have", "had", "was", "were", "is", "are", "been", "be", "being", "did", "does",
        "do", "will", "would", "could", "can", "may", "might", "should", "must", "shall", "cannot",
    ],
    trailing_adverbs: &["here", "there", "earlier", "further", "now", "still", "instead"],
    modals: &[
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "should",
        "must",
        "shall",
        "cannot",
        "wants",
        "want",
        "wanted",
        "aims",
        "aim",
        "plans",
        "planned",
        "plan",
        "trying",
        "tries",
        "try",
        "hope",
        "hopes",
        "intends",
        "intend",
        "threatened",
        "threatens",
        "able",
        "unable",
        "likely",
        "unlikely",
        "possible",
        "probably",
        "perhaps",
        "if",
        "unless",
        "whether",
        "wish",
        "decided",
        "decision",
        "ready",
        "order",
        "attempt",
        "failed",
        "fail",
        "refused",
    ],
    negations: &["not", "never", "no", "n't", "nor", "neither", "without"],
    opinion_starts: &[
        "i think",
        "i believe",
        "i find",
        "i want",
        "i guess",
        "in my opinion",
        "it seems",
        "it appears",
        "personally",
        "perhaps",
        "maybe",
        "it is believed",
        "it is hard",
        "i rimmed",
        "i remind",
        "we would",
        "if ",
        "it is possible",
        "it is likely",
    ],
    pronouns: &["he", "she", "they", "it", "we", "i", "you"],
    narrative_cues: &[
        "then",
        "afterwards",
        "afterward",
        "subsequently",
        "later",
        "after that",
        "following that",
        "soon after",
        "next",
    ],
    determiners: &["the", "a", "an", "his", "her", "its", "their", "this", "that", "our", "my"],
    function_caps: &[
        "then",
        "but",
        "and",
        "the",
        "as",
        "in",
        "on",
        "at",
        "after",
        "before",
        "when",
        "while",
        "so",
        "also",
        "however",
        "meanwhile",
        "instead",
        "it",
        "this",
        "that",
        "there",
        "first",
        "firstly",
        "of",
        "for",
        "to",
        "by",
        "with",
        "if",
        "although",
        "because",
        "since",
        "yes",
        "no",
        "former",
        "a",
        "an",
        "all",
        "some",
        "many",
        "other",
        "another",
        "his",
        "her",
        "their",
        "these",
        "those",
        "such",
        "most",
        "several",
        "both",
        "each",
        "every",
        "people",
        "we",
        "i",
        "you",
        "they",
        "he",
        "she",
        "who",
        "what",
        "where",
        "why",
        "how",
        "here",
        "now",
        "today",
    ],
    controlled_marks: &[
        "by", "while", "whilst", "when", "after", "before", "without", "upon", "on", "in",
        "through", "since", "despite", "to", "until", "as",
    ],
    prepositions: &[
        "in", "of", "on", "at", "from", "to", "for", "with", "by", "against", "into", "about",
        "under",
    ],
    place_followers: &[
        "in", "on", "at", "with", "and", "or", "to", "from", "for", "of", "by", "as", "after",
        "before", "since", "during", "where", "which", "who", "that", "is", "was", "were", "are",
        "has", "have", "had", "said", "says", "but", "while", "when", "until", "over", "near",
    ],
    negators: &["not", "never", "no", "neither", "nor", "n't"],
    future_modals: &["will", "shall"],
    conditionals: &["if", "unless", "whether", "lest"],
    person_pronouns: &["he", "she", "him", "her", "his", "hers"],
    place_cases: &["in", "at", "on", "near", "outside", "inside"],
    clause_breaks: &["ccomp", "parataxis", "advcl", "acl:relcl", "conj", "list", "csubj", "punct"],
    name_parts: &[
        "compound",
        "flat",
        "flat:name",
        "amod",
        "nummod",
        "fixed",
        "nmod:poss",
        "case",
        "goeswith",
        "det",
    ],
    title_cuts: &[
        "acl:relcl",
        "acl",
        "appos",
        "parataxis",
        "punct",
        "advcl",
        "dep",
        "list",
        "discourse",
        "conj",
        "cc",
    ],
    title_dangling: &[
        "in", "on", "at", "of", "for", "from", "to", "by", "since", "during", "until", "after",
        "before", "that", "the", "a", "an", "and", "or", "with", "as", "its", "their", "what",
        "which", "who", "whom", "whose", "where", "why", "how", "against", "into", "between",
        "among", "without", "within", "toward", "towards", "upon", "via", "amid", "despite",
        "than", "onto", "per",
    ],
    abbreviations: &[
        "mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt",
        "sgt", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "inc", "corp", "ltd", "co", "vs", "no", "jr", "sr", "mt", "ft", "approx", "est", "dept",
        "univ", "e.g", "i.e", "etc", "u.s", "u.k", "u.n", "a.m", "p.m",
    ],
    organization_words: &[
        "organization",
        "organisation",
        "ministry",
        "council",
        "party",
        "inc",
        "corp",
        "corporation",
        "company",
        "co",
        "ltd",
        "plc",
        "llc",
        "airlines",
        "airways",
        "bank",
        "group",
        "agency",
        "union",
        "committee",
        "commission",
        "government",
        "army",
        "navy",
        "police",
        "university",
        "court",
        "parliament",
        "assembly",
        "association",
        "federation",
        "institute",
        "office",
        "department",
        "forces",
        "service",
        "services",
        "network",
        "foundation",
        "fund",
        "front",
        "movement",
        "league",
        "alliance",
        "club",
        "board",
        "authority",
        "senate",
        "congress",
        "cabinet",
        "administration",
        "reuters",
        "press",
        "news",
        "times",
        "post",
        "motors",
        "holdings",
        "industries",
        "systems",
        "technologies",
        "energy",
        "oil",
        "petroleum",
        "church",
        "school",
        "college",
        "hospital",
        "guard",
        "brigade",
        "regiment",
        "battalion",
        "nations",
        "confederation",
        "laboratory",
        "bureau",
        "tribunal",
        "secretariat",
        "directorate",
        "consortium",
        "coalition",
        "academy",
        "society",
        "exchange",
    ],
    name_possessors: &[
        "people",
        "women",
        "children",
        "workers",
        "men",
        "farmers",
        "veterans",
        "citizens",
        "teachers",
        "writers",
        "journalists",
        "nations",
        "consumers",
        "investors",
        "youth",
    ],
    place_words: &[
        "square",
        "street",
        "avenue",
        "road",
        "airport",
        "province",
        "region",
        "river",
        "island",
        "islands",
        "sea",
        "ocean",
        "gulf",
        "bay",
        "lake",
        "valley",
        "county",
        "city",
        "mountains",
        "mount",
        "republic",
        "kingdom",
        "states",
        "emirates",
        "district",
        "village",
        "town",
        "coast",
        "peninsula",
        "strait",
        "desert",
        "park",
        "bridge",
        "port",
        "oblast",
        "territory",
    ],
    name_connectors: &["of", "and", "for", "the", "de", "&", "al", "bin", "von", "van", "du"],
    portfolios: &[
        "state",
        "defense",
        "defence",
        "foreign",
        "affairs",
        "home",
        "interior",
        "internal",
        "justice",
        "finance",
        "economy",
        "economic",
        "treasury",
        "trade",
        "commerce",
        "industry",
        "energy",
        "health",
        "education",
        "labor",
        "labour",
        "agriculture",
        "transport",
        "transportation",
        "environment",
        "homeland",
        "security",
        "national",
        "public",
        "staff",
        "war",
        "culture",
        "information",
        "communications",
        "development",
        "emergency",
        "situations",
        "operations",
        "police",
        "intelligence",
    ],
    calendar_names: &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "yesterday",
        "tomorrow",
    ],
    descriptions: &[
        "company",
        "firm",
        "group",
        "airline",
        "carrier",
        "carmaker",
        "automaker",
        "bank",
        "lender",
        "retailer",
        "insurer",
        "manufacturer",
        "conglomerate",
        "operator",
        "broadcaster",
        "publisher",
        "chain",
        "startup",
        "giant",
        "organization",
        "organisation",
        "alliance",
        "bloc",
    ],
    person_pronoun_forms: &["he", "she", "him", "her", "his", "hers", "himself", "herself"],
    name_determiners: &["the", "a", "an", "this", "that", "these", "those"],
    company_forms: &[
        "inc",
        "inc.",
        "corp",
        "corp.",
        "corporation",
        "co",
        "co.",
        "ltd",
        "ltd.",
        "plc",
        "llc",
        "ag",
        "sa",
        "s.a.",
        "gmbh",
        "nv",
        "n.v.",
        "group",
    ],
    acronym_skips: &["of", "and", "the", "for", "&", "de", "du", "la"],
    connectives: &[
        "and", "but", "then", "that", "which", "who", "having", "after", "before", "while", "as",
        "so", "when", "although", "adding", "despite", "also", "because",
    ],
    subject_stop: &[
        "the", "a", "an", "in", "on", "of", "and", "for", "to", "with", "after", "before", "where",
        "how", "why", "what", "who", "when", "will", "is", "are", "was", "new", "news", "update",
        "live", "breaking", "opinion", "analysis", "report",
    ],
    alternatives: &["or", "nor", "either", "neither", "whether", "versus", "vs"],
    clause_prepositions: &[
        "after", "before", "since", "until", "till", "once", "as", "because", "while", "when",
        "whereas", "though", "although", "if", "unless",
    ],
    quotative_verbs: &[
        "say",
        "add",
        "comment",
        "note",
        "write",
        "explain",
        "continue",
        "insist",
        "stress",
        "observe",
        "remark",
        "declare",
        "conclude",
        "reply",
        "recall",
        "argue",
        "admit",
        "acknowledge",
        "concede",
        "quip",
    ],
    irregular_verbs: &[
        "arise arose arisen",
        "awake awoke awoken",
        "bear bore borne",
        "beat beat beaten",
        "become became become",
        "begin began begun",
        "bend bent bent",
        "bet bet bet",
        "bid bid bid",
        "bind bound bound",
        "bite bit bitten",
        "bleed bled bled",
        "blow blew blown",
        "break broke broken",
        "breed bred bred",
        "bring brought brought",
        "broadcast broadcast broadcast",
        "build built built",
        "burst burst burst",
        "buy bought bought",
        "cast cast cast",
        "catch caught caught",
        "choose chose chosen",
        "cling clung clung",
        "come came come",
        "cost cost cost",
        "creep crept crept",
        "cut cut cut",
        "deal dealt dealt",
        "dig dug dug",
        "do did done",
        "draw drew drawn",
        "drink drank drunk",
        "drive drove driven",
        "eat ate eaten",
        "fall fell fallen",
        "feed fed fed",
        "feel felt felt",
        "fight fought fought",
        "find found found",
        "flee fled fled",
        "fling flung flung",
        "fly flew flown",
        "forbid forbade forbidden",
        "forecast forecast forecast",
        "foresee foresaw foreseen",
        "forget forgot forgotten",
        "forgive forgave forgiven",
        "freeze froze frozen",
        "get got got",
        "give gave given",
        "go went gone",
        "grind ground ground",
        "grow grew grown",
        "hang hung hung",
        "have had had",
        "hear heard heard",
        "hide hid hidden",
        "hit hit hit",
        "hold held held",
        "hurt hurt hurt",
        "keep kept kept",
        "kneel knelt knelt",
        "know knew known",
        "lay laid laid",
        "lead led led",
        "leave left left",
        "lend lent lent",
        "let let let",
        "light lit lit",
        "lose lost lost",
        "make made made",
        "mean meant meant",
        "meet met met",
        "mislead misled misled",
        "mistake mistook mistaken",
        "offset offset offset",
        "overcome overcame overcome",
        "override overrode overridden",
        "overrun overran overrun",
        "oversee oversaw overseen",
        "overtake overtook overtaken",
        "overthrow overthrew overthrown",
        "pay paid paid",
        "put put put",
        "quit quit quit",
        "read read read",
        "rebuild rebuilt rebuilt",
        "rid rid rid",
        "ride rode ridden",
        "ring rang rung",
        "rise rose risen",
        "run ran run",
        "say said said",
        "see saw seen",
        "seek sought sought",
        "sell sold sold",
        "send sent sent",
        "set set set",
        "shake shook shaken",
        "shed shed shed",
        "shoot shot shot",
        "show showed shown",
        "shrink shrank shrunk",
        "shut shut shut",
        "sing sang sung",
        "sink sank sunk",
        "sit sat sat",
        "slay slew slain",
        "sleep slept slept",
        "slide slid slid",
        "speak spoke spoken",
        "speed sped sped",
        "spend spent spent",
        "spin spun spun",
        "split split split",
        "spread spread spread",
        "spring sprang sprung",
        "stand stood stood",
        "steal stole stolen",
        "stick stuck stuck",
        "sting stung stung",
        "strike struck struck",
        "swear swore sworn",
        "sweep swept swept",
        "swim swam swum",
        "swing swung swung",
        "take took taken",
        "teach taught taught",
        "tear tore torn",
        "tell told told",
        "think thought thought",
        "throw threw thrown",
        "thrust thrust thrust",
        "undergo underwent undergone",
        "understand understood understood",
        "undertake undertook undertaken",
        "undo undid undone",
        "uphold upheld upheld",
        "upset upset upset",
        "wake woke woken",
        "wear wore worn",
        "weep wept wept",
        "win won won",
        "wind wound wound",
        "withdraw withdrew withdrawn",
        "withhold withheld withheld",
        "withstand withstood withstood",
        "write wrote written",
    ],
    countries: &[
        "afghanistan",
        "albania",
        "algeria",
        "america",
        "andorra",
        "angola",
        "antigua and barbuda",
        "argentina",
        "armenia",
        "australia",
        "austria",
        "azerbaijan",
        "bahamas",
        "bahrain",
        "bangladesh",
        "barbados",
        "belarus",
        "belgium",
        "belize",
        "benin",
        "bhutan",
        "bolivia",
        "bosnia and herzegovina",
        "botswana",
        "brazil",
        "britain",
        "brunei",
        "bulgaria",
        "burkina faso",
        "burma",
        "burundi",
        "cambodia",
        "cameroon",
        "canada",
        "cape verde",
        "central african republic",
        "chile",
        "china",
        "colombia",
        "comoros",
        "congo",
        "costa rica",
        "croatia",
        "cuba",
        "cyprus",
        "czech republic",
        "czechia",
        "denmark",
        "djibouti",
        "dominica",
        "dominican republic",
        "east timor",
        "ecuador",
        "egypt",
        "el salvador",
        "equatorial guinea",
        "eritrea",
        "estonia",
        "eswatini",
        "ethiopia",
        "fiji",
        "finland",
        "france",
        "gabon",
        "gambia",
        "georgia",
        "germany",
        "ghana",
        "great britain",
        "greece",
        "grenada",
        "guatemala",
        "guinea",
        "guinea-bissau",
        "guyana",
        "haiti",
        "honduras",
        "hungary",
        "iceland",
        "india",
        "indonesia",
        "iran",
        "iraq",
        "ireland",
        "israel",
        "italy",
        "ivory coast",
        "jamaica",
        "japan",
        "kazakhstan",
        "kenya",
        "kiribati",
        "kosovo",
        "kuwait",
        "kyrgyzstan",
        "laos",
        "latvia",
        "lebanon",
        "lesotho",
        "liberia",
        "libya",
        "liechtenstein",
        "lithuania",
        "luxembourg",
        "madagascar",
        "malawi",
        "malaysia",
        "maldives",
        "mali",
        "malta",
        "marshall islands",
        "mauritania",
        "mauritius",
        "mexico",
        "micronesia",
        "moldova",
        "monaco",
        "mongolia",
        "montenegro",
        "morocco",
        "mozambique",
        "myanmar",
        "namibia",
        "nauru",
        "nepal",
        "netherlands",
        "new zealand",
        "nicaragua",
        "niger",
        "nigeria",
        "north korea",
        "north macedonia",
        "norway",
        "oman",
        "pakistan",
        "palau",
        "palestine",
        "panama",
        "papua new guinea",
        "paraguay",
        "peru",
        "philippines",
        "poland",
        "portugal",
        "qatar",
        "romania",
        "russia",
        "rwanda",
        "saint lucia",
        "samoa",
        "san marino",
        "saudi arabia",
        "senegal",
        "serbia",
        "seychelles",
        "sierra leone",
        "singapore",
        "slovakia",
        "slovenia",
        "solomon islands",
        "somalia",
        "south africa",
        "south korea",
        "south sudan",
        "spain",
        "sri lanka",
        "sudan",
        "suriname",
        "sweden",
        "switzerland",
        "syria",
        "taiwan",
        "tajikistan",
        "tanzania",
        "thailand",
        "togo",
        "tonga",
        "trinidad and tobago",
        "tunisia",
        "turkey",
        "turkmenistan",
        "tuvalu",
        "uae",
        "uganda",
        "uk",
        "ukraine",
        "united arab emirates",
        "united kingdom",
        "united states",
        "uruguay",
        "usa",
        "uzbekistan",
        "vanuatu",
        "vatican",
        "venezuela",
        "vietnam",
        "yemen",
        "zambia",
        "zimbabwe",
    ],
    count_cues: &[
        "about",
        "almost",
        "approximately",
        "around",
        "flight",
        "just",
        "least",
        "nearly",
        "no",
        "number",
        "only",
        "over",
        "page",
        "room",
        "roughly",
        "route",
        "some",
        "than",
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_verb_has_its_past_tense_and_participle() {
        let l = &ENGLISH;
        // a doubled consonant as the gerund spells it, a silent "e", "-y";
        // then the irregular ones
        for (lemma, form, past) in [
            ("ban", "banning", "banned"),
            ("stop", "stopped", "stopped"),
            ("visit", "visiting", "visited"),
            ("declare", "declaring", "declared"),
            ("agree", "agreeing", "agreed"),
            ("die", "dying", "died"),
            ("deny", "denying", "denied"),
            ("play", "playing", "played"),
            ("storm", "storming", "stormed"),
            ("take", "taking", "took"),
            ("Seek", "seeking", "sought"),
        ] {
            assert_eq!(l.past(lemma, form), past);
        }
        assert_eq!(l.participle("take", "taking"), "taken");
        assert_eq!(l.participle("withdraw", "withdrawing"), "withdrawn");
        for e in l.irregular_verbs {
            assert_eq!(e.split(' ').count(), 3, "{e}: lemma, past, participle");
        }
    }

    #[test]
    fn every_table_is_lower_case_without_repeats() {
        for (name, t) in ENGLISH.tables() {
            assert!(!t.is_empty(), "{name}");
            for w in t {
                assert!(
                    !w.is_empty() && w.trim_start() == *w && w.to_lowercase() == *w,
                    "{name}: {w:?} is not a lower-case word or phrase"
                );
            }
            let mut seen = std::collections::HashSet::new();
            assert!(t.iter().all(|w| seen.insert(w)), "{name} repeats a word");
        }
    }

    #[test]
    fn the_word_tables_are_single_words_in_order() {
        let l = &ENGLISH;
        for (name, t) in [
            ("titles", l.titles),
            ("roles", l.roles),
            ("currencies", l.currencies),
            ("currency_codes", l.currency_codes),
            ("counted", l.counted),
            ("count_cues", l.count_cues),
        ] {
            assert!(t.iter().all(|w| w.chars().all(char::is_alphanumeric)), "{name}");
            // sorted, so a review sees each word once and in its place
            assert!(t.windows(2).all(|p| p[0] < p[1]), "{name} is not sorted");
        }
    }

    #[test]
    fn a_compound_of_titles_and_roles_is_a_title() {
        assert!(ENGLISH.is_title("secretary-general"));
        assert!(ENGLISH.is_title("governor-general"));
        // a role alone, or a compound with other words, is none
        assert!(!ENGLISH.is_title("general"));
        assert!(!ENGLISH.is_title("son-in-law"));
        assert!(!ENGLISH.is_title("well-known"));
    }

    #[test]
    fn a_people_in_the_plural_is_no_place() {
        for w in ["Palestinians", "Europeans", "Koreans", "Indians"] {
            assert!(ENGLISH.is_people_plural(w), "{w}");
        }
        for w in ["Balkans", "Philippines", "Netherlands", "Asians'", "Ians", "politicians"] {
            assert!(!ENGLISH.is_people_plural(w), "{w}");
        }
    }

    #[test]
    fn a_word_is_a_title_or_a_role_not_both() {
        for w in ENGLISH.titles {
            assert!(!ENGLISH.is_role(w), "{w}");
        }
    }

    #[test]
    fn amounts_in_any_currency_are_counts() {
        for next in ["tenge", "yuan", "rupees", "dollars", "euros", "naira"] {
            assert!(ENGLISH.counts(next), "{next}");
        }
        for prev in ["usd", "rs", "eur", "about", "flight"] {
            assert!(ENGLISH.cues_count(prev), "{prev}");
        }
        assert!(!ENGLISH.counts("election") && !ENGLISH.cues_count("in"));
    }
}
