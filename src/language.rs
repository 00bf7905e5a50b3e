//! The word tables of the language layer: what extraction, the time
//! expression tagger and the graph know of English words, kept as data in
//! one [`Language`] value rather than as literals in each stage. A second
//! language is a second value; the invariant tests below hold for every
//! table (lower case, one word each, no repeats, sorted where the table
//! says so).

/// The word lists of one language.
#[derive(Debug)]
pub struct Language {
    /// Titles written before a person's name, lower case, without a final
    /// dot: "president", "dr", "gen".
    pub titles: &'static [&'static str],
    /// Words for what a person does, written before the name:
    /// "spokesperson", "coach".
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
}

impl Language {
    /// Whether `w` (lower case) is a title before a name.
    #[must_use]
    pub fn is_title(&self, w: &str) -> bool {
        self.titles.contains(&w)
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
        "author",
        "boss",
        "candidate",
        "coach",
        "colonel",
        "correspondent",
        "diplomat",
        "director",
        "envoy",
        "executive",
        "expert",
        "founder",
        "general",
        "head",
        "lawyer",
        "leader",
        "manager",
        "officer",
        "official",
        "player",
        "reporter",
        "researcher",
        "singer",
        "spokesperson",
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

    fn tables(l: &Language) -> [(&'static str, &'static [&'static str]); 6] {
        [
            ("titles", l.titles),
            ("roles", l.roles),
            ("currencies", l.currencies),
            ("currency_codes", l.currency_codes),
            ("counted", l.counted),
            ("count_cues", l.count_cues),
        ]
    }

    #[test]
    fn every_table_is_sorted_lower_case_single_words() {
        for (name, t) in tables(&ENGLISH) {
            assert!(!t.is_empty(), "{name}");
            for w in t {
                assert!(
                    !w.is_empty() && w.chars().all(|c| c.is_lowercase() || c.is_ascii_digit()),
                    "{name}: {w:?} is not one lower-case word"
                );
            }
            // sorted and without repeats, so a review sees each word once
            assert!(t.windows(2).all(|p| p[0] < p[1]), "{name} is not sorted or repeats a word");
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
