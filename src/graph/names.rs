//! Does a participant phrase name the entity a user asked for?
//!
//! Names are compared as word sequences (lower case, possessives, leading
//! determiners and company-form suffixes dropped). English noun phrases
//! end in their head, so a phrase names the entity when it ends in the
//! entity's last word (or a close misspelling of it) and holds the
//! entity's other words too ("the new iPhone 3G" for "iPhone 3G"), or
//! when it is a capitalised short form of the entity ("Jobs" for "Steve
//! Jobs", "Apple Corps" for "Beatles Apple Corps"). An acronym matches
//! the initials of a name ("GM", "General Motors"). So "iPod nano" (a nano)
//! does not name the iPod, and "China Eastern Airlines" does not name
//! Singapore Airlines.

use crate::language::ENGLISH;

/// Words of a name: split at spaces and punctuation (hyphens, apostrophes
/// and dots inside a word stay), possessives and determiners dropped; each
/// lower case, with whether it was written capitalised.
pub(super) fn words(s: &str) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = s
        .split(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '/')
        })
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .map(|w| w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w))
        .filter(|w| !w.is_empty() && *w != "s")
        .map(|w| (w.to_lowercase(), w.chars().next().is_some_and(char::is_uppercase)))
        .collect();
    while out.first().is_some_and(|(w, _)| ENGLISH.name_determiners.contains(&w.as_str())) {
        out.remove(0);
    }
    while out.len() > 1
        && out.last().is_some_and(|(w, _)| ENGLISH.company_forms.contains(&w.as_str()))
    {
        out.pop();
    }
    out
}

/// The same word, or a misspelling of it: similar by Jaro-Winkler and
/// one edit apart (two for long words), so "Tokaev" is "Tokayev" but
/// "Force" is not "France". Short words are too close to one another
/// for that ("Iran" and "Iraq", "Mali" and "Bali"), and a different first
/// letter needs a longer word ("Yokayev" is Tokayev, "Zambia" is not
/// Gambia).
pub(super) fn same_word(a: &str, b: &str, similarity: f64) -> bool {
    let n = a.chars().count().min(b.chars().count());
    let first = a.chars().next() == b.chars().next();
    a == b
        || n >= if first { 5 } else { 7 }
            && a.chars().any(char::is_alphabetic)
            && strsim::jaro_winkler(a, b) >= similarity
            && strsim::levenshtein(a, b) <= if n >= 9 { 2 } else { 1 }
}

pub(super) fn initials(ws: &[(String, bool)]) -> String {
    ws.iter()
        .filter(|(w, _)| !ENGLISH.acronym_skips.contains(&w.as_str()))
        .filter_map(|(w, _)| w.chars().next())
        .collect()
}

/// An acronym as written: two to eight letters or digits, at least two
/// capitals, no lower-case letter after the first ("GM", "CSTO", "USAF").
pub(super) fn acronym(s: &str) -> Option<String> {
    let s = s.trim().trim_matches('.').replace('.', "");
    let n = s.chars().count();
    ((2..=8).contains(&n)
        && s.chars().all(char::is_alphanumeric)
        && s.chars().filter(|c| c.is_uppercase()).count() >= 2
        && s.chars().skip(1).all(|c| !c.is_lowercase()))
    .then(|| s.to_lowercase())
}

/// Whether `phrase` (a participant as the text gives it) names `entity`;
/// `similarity` is the Jaro-Winkler score two spellings of a word need.
#[must_use]
pub fn names(entity: &str, phrase: &str, similarity: f64) -> bool {
    let e = words(entity);
    let p = words(phrase);
    let (Some((e_last, _)), Some((p_last, p_cap))) = (e.last(), p.last()) else {
        return false;
    };
    // an acronym for the initials of the other's name
    if let Some(a) = acronym(entity) {
        if p.len() > 1 && initials(&p) == a {
            return true;
        }
    }
    if let Some(a) = acronym(phrase) {
        if e.len() > 1 && initials(&e) == a {
            return true;
        }
    }
    if !same_word(p_last, e_last, similarity) {
        return false;
    }
    let e_rest = &e[..e.len() - 1];
    let p_rest = &p[..p.len() - 1];
    // the phrase holds all of the entity's words (and maybe modifiers
    // before them: "Apple's new iPod")
    if e_rest.iter().all(|(w, _)| p_rest.iter().any(|(x, _)| x == w)) {
        return true;
    }
    // a capitalised short form: every word of the phrase is one of the
    // entity's ("Jobs", "Apple Corps")
    *p_cap && p_rest.iter().all(|(x, _)| e_rest.iter().any(|(w, _)| w == x))
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: f64 = 0.84;

    #[test]
    fn heads_and_all_words_must_agree() {
        assert!(names("iPod", "the iPod", S));
        assert!(names("iPod", "Apple's new iPod", S));
        assert!(!names("iPod", "iPod nano", S));
        assert!(!names("iPod", "the iPod family", S));
        assert!(names("iPhone 3G", "the new iPhone 3G", S));
        assert!(!names("iPhone 3G", "iPhone", S));
        assert!(!names("iPhone 3G", "iPhone 4", S));
        assert!(names("iTunes store", "the iTunes Music Store", S));
        assert!(!names("iTunes store", "the store", S));
        assert!(!names("Singapore Airlines", "China Eastern Airlines", S));
        assert!(!names("General Motors", "Ford Motor Company", S));
        assert!(!names("Air Force", "for", S));
        assert!(!names("Air France", "Air Force", S));
    }

    #[test]
    fn short_forms_misspellings_possessives_and_company_forms() {
        assert!(names("Steve Jobs", "Jobs", S));
        assert!(names("Steve Jobs", "Steve Jobs'", S));
        assert!(names("Beatles Apple Corps", "Apple Corps", S));
        assert!(names("Tokayev", "Kassym-Jomart Tokayev", S));
        assert!(names("Tokaev", "President Tokayev", S));
        assert!(names("Tokayev", "Tokayev's", S));
        assert!(names("Apple", "Apple Inc.", S));
        assert!(!names("Steve Jobs", "jobs", S));
        assert!(names("Tokayev", "Yokayev", S));
        // close, but other places
        assert!(!names("Iran", "Iraq", S));
        assert!(!names("Gambia", "Zambia", S));
        assert!(!names("Austria", "Australia", S));
    }

    #[test]
    fn acronyms_match_initials() {
        assert!(names("GM", "General Motors", S));
        assert!(names("CSTO", "the Collective Security Treaty Organization", S));
        assert!(names("Collective Security Treaty Organization", "CSTO", S));
        assert!(names("USAF", "United States Air Force", S));
        assert!(!names("GM", "Ford Motor", S));
        assert!(!names("CAC 40", "the CAC", S));
        assert!(names("CAC 40", "the CAC 40", S));
    }
}
