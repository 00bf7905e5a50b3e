//! Extraction tests on small articles written for the tests, about other
//! events, in the same messy style as real pasted news.

use super::*;
use crate::corpus::parse_document;
use crate::model::EventType;
use std::path::Path;

fn doc(name: &str, text: &str) -> Document {
    parse_document(Path::new(name), text.as_bytes().to_vec()).unwrap()
}

fn extract_one(text: &str) -> Vec<Mention> {
    let mut docs = vec![doc("a.txt", text)];
    infer_references(&mut docs);
    extract(&docs[0])
}

fn extract_all(text: &str) -> Vec<Mention> {
    let mut docs = vec![doc("a.txt", text)];
    infer_references(&mut docs);
    extract_with(&docs[0], Detail::All)
}

pub(crate) fn find<'a>(ms: &'a [Mention], trigger: &str) -> &'a Mention {
    ms.iter()
        .find(|m| m.trigger == trigger)
        .unwrap_or_else(|| panic!("no mention of {trigger}: {ms:#?}"))
}

const PORT: &str = "---\ntitle: Port strike\ndate: 2023-03-10\n---\n\
Dockers in Varnel walked out on Monday.On Tuesday,the governor dismissed the harbour board and \
lowered the berth fees.Then the governor invited mediators from the capital.\n\
Police detained 40 strikers. \"We will burn the cranes,\" one striker said.\n\
The union may call a general strike.The mayor did not resign.\n\
I think that the governor wants a deal.";

#[test]
fn quotes_are_the_file_bytes_at_their_offsets() {
    let d = doc("a.txt", PORT);
    let mut docs = vec![d];
    infer_references(&mut docs);
    for m in extract(&docs[0]) {
        assert_eq!(&docs[0].text[m.start..m.end], m.quote);
    }
}

#[test]
fn clause_dates_resolve_against_the_document_day() {
    let ms = extract_one(PORT);
    let dismissed = find(&ms, "dismissed");
    assert_eq!(dismissed.date.as_ref().unwrap().earliest(), "2023-03-07");
    assert_eq!(dismissed.anchor, Anchor::Sentence);
    assert_eq!(dismissed.action, "dismiss");
    assert_eq!(dismissed.event_type, EventType::PoliticalChange);
    assert_eq!(dismissed.actor.as_deref(), Some("the governor"));
    let lowered = find(&ms, "lowered");
    assert_eq!(lowered.actor, dismissed.actor, "coordinated verbs share their subject");
    assert_eq!(lowered.date.as_ref().unwrap().earliest(), "2023-03-07");
    assert_eq!(lowered.quote, "lowered the berth fees");
}

#[test]
fn then_follows_the_latest_day_told_and_stops_at_the_reference() {
    let ms = extract_one(PORT);
    let invited = find(&ms, "invited");
    let d = invited.date.as_ref().unwrap();
    assert_eq!((d.earliest().as_str(), d.latest().as_str()), ("2023-03-07", "2023-03-10"));
    assert_eq!(invited.anchor, Anchor::Narrative);
}

#[test]
fn undated_mentions_stay_undated() {
    let ms = extract_one(PORT);
    let detained = find(&ms, "detained");
    assert!(detained.date.is_none());
    assert_eq!(detained.anchor, Anchor::None);
}

#[test]
fn modal_negated_quoted_and_opinion_clauses_are_not_events() {
    let ms = extract_one(PORT);
    for t in ["burn", "call", "resign", "wants"] {
        assert!(ms.iter().all(|m| m.trigger != t), "{t} should be left out: {ms:#?}");
    }
}

#[test]
fn the_reference_day_is_inferred_from_the_corpus_when_headers_lack_it() {
    let a = doc("a.txt", "---\ndate: 2021-08\n---\nOn Friday, rebels attacked the dam.");
    let b = doc("b.txt", "---\ndate: 2021-08\n---\nFloods reached the city on August 12.");
    let mut docs = vec![a, b];
    infer_references(&mut docs);
    let r = docs[0].reference.as_ref().unwrap();
    assert_eq!(r.date.to_string(), "2021-08-12");
    assert_eq!(r.source, ReferenceSource::Inferred);
    assert!(r.evidence.contains('b'), "{}", r.evidence);
    let ms = extract(&docs[0]);
    let d = ms[0].date.as_ref().unwrap();
    assert_eq!(d.earliest(), "2021-08-06");
    assert_eq!(d.resolution, Resolution::Inferred);
}

#[test]
fn no_reference_means_relative_dates_stay_open() {
    let ms = extract_one("On Friday, rebels attacked the dam and engineers fled.");
    assert!(ms.iter().all(|m| m.date.is_none()), "{ms:#?}");
}

#[test]
fn ranges_date_a_rule_and_lists_split_into_items() {
    let ms = extract_one(
        "The general, 77, who ruled the island from 1974 to 2001, is ill.\n\
         Unrest broke out after similar events had taken place in Peru in 2019, in Chile in 2019, and in Bolivia in 2020.",
    );
    let ruled = find(&ms, "ruled");
    let d = ruled.date.as_ref().unwrap();
    assert_eq!(
        (d.earliest().as_str(), d.latest().as_str(), d.granularity),
        ("1974", "2001", Granularity::Range)
    );
    let items: Vec<_> =
        ms.iter().filter(|m| m.quote.starts_with("in ")).map(|m| m.quote.as_str()).collect();
    assert_eq!(items, vec!["in Peru in 2019", "in Chile in 2019", "in Bolivia in 2020"]);
}

#[test]
fn glued_sentences_initials_and_pronouns() {
    let ms = extract_one(
        "---\ndate: 2020-06-05\n---\nFirst of all,Marenko wanted calm.On Thursday,he sacked the cabinet.A.B.Voss resigned.",
    );
    let sacked = find(&ms, "sacked");
    assert_eq!(sacked.actor.as_deref(), Some("Marenko"));
    assert_eq!(sacked.date.as_ref().unwrap().earliest(), "2020-06-04");
    assert_eq!(find(&ms, "resigned").actor.as_deref(), Some("A.B.Voss"));
}

#[test]
fn nominal_events_need_their_own_date_unless_a_verb_reports_them() {
    let ms = extract_one(
        "---\ndate: 2019-04-20\n---\nThe protests worried investors.\n\
         Heavy shooting erupted near the bridge, witnesses said, on April 18.\n\
         They marked the anniversary of the massacre of miners in 1972.",
    );
    let protests = find(&ms, "protests");
    assert!(protests.supporting && protests.date.is_none(), "{protests:#?}");
    assert_eq!(find(&ms, "shooting").date.as_ref().unwrap().earliest(), "2019-04-18");
    assert_eq!(find(&ms, "massacre").date.as_ref().unwrap().earliest(), "1972");
}

#[test]
fn reporting_frames_date_what_they_report() {
    let ms = extract_one(
        "---\ndate: 2019-04-20\n---\nThe ministry said Friday that two battalions have been deployed in the north.",
    );
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(ms[0].action, "deploy");
    assert_eq!(ms[0].date.as_ref().unwrap().earliest(), "2019-04-19");
}

#[test]
fn troops_on_the_ground_is_a_deployment() {
    let ms = extract_one("The soldiers are already in Moravia and more may come.");
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(ms[0].action, "deploy");
}

#[test]
fn an_article_pasted_twice_counts_once() {
    let text = "Rebels stormed the radio station.  Troops withdrew from the city.\n\n\
                Rebels stormed the radio station.\nTroops withdrew from the city.";
    let ms = extract_one(text);
    assert_eq!(ms.len(), 2, "{ms:#?}");
}

#[test]
fn two_sayings_told_by_one_word_each_are_no_pasted_copy() {
    // each quote is the lone "said" between commas; a copy repeats the
    // words around it too
    let text = "---\ndate: 2022-01-08\n---\n\
                Nargis Kassenov, an expert in Washington, said that the appeal was a terrible \
                solution.\nMukhtar Ablyazov, a former banker who lives abroad, said that the \
                decision was taken by the old leader.";
    let ms = extract_one(text);
    let said: Vec<&Mention> = ms.iter().filter(|m| m.trigger == "said").collect();
    assert_eq!(said.len(), 2, "{ms:#?}");
    let pasted = format!("{text}\n\n{}", &text[text.find("Nargis").unwrap()..]);
    let ms = extract_one(&pasted);
    assert_eq!(ms.iter().filter(|m| m.trigger == "said").count(), 2, "{ms:#?}");
}

#[test]
fn counts_with_thousands_separators_stay_in_their_clause() {
    let ms = extract_one("Over 3,500 workers have been detained, dozens were injured.");
    assert_eq!(find(&ms, "detained").quote, "Over 3,500 workers have been detained");
}

#[test]
fn a_date_after_the_document_is_kept() {
    let ms = extract_one(
        "---\ndate: 2022-01\n---\nThe problem was that in 2029 the old leader retained power.",
    );
    assert_eq!(find(&ms, "retained").date.as_ref().unwrap().earliest(), "2029");
}

#[test]
fn extraction_never_panics_and_quotes_stay_on_char_boundaries() {
    fn prop(s: String) -> bool {
        let mut docs = vec![Document {
            id: "q".into(),
            path: "q.txt".into(),
            title: None,
            publisher: None,
            author: None,
            url: None,
            date: "2022-01".parse().ok(),
            reference: None,
            body_start: 0,
            text: s,
        }];
        infer_references(&mut docs);
        extract(&docs[0]).iter().all(|m| docs[0].text.get(m.start..m.end) == Some(m.quote.as_str()))
    }
    quickcheck::QuickCheck::new().tests(300).quickcheck(prop as fn(String) -> bool);
    // and on text made of the words the extractor reacts to
    let words = [
        "On",
        "Monday,",
        "he",
        "dismissed",
        "the",
        "\u{201c}",
        "2,000",
        "in",
        "1990",
        "to",
        "2001",
        "Then",
        "troops",
        "are",
        "already",
        "in",
        "Kyiv.",
        "Jan.",
        "6",
        "\u{e9}.\u{c9}",
        "\n",
        "said",
        "that",
    ];
    for s in word_soup(&words, 7, 300, 40, |state| if state % 3 == 0 { ' ' } else { ',' }) {
        assert!(prop(s));
    }
}

#[test]
fn a_cause_clause_is_part_of_the_happening_it_explains() {
    let ms = extract_one("Crowds took to the streets after the council tripled bus fares.");
    assert_eq!(ms.len(), 1, "{ms:#?}");
    assert_eq!(ms[0].action, "unrest_start");
    assert_eq!(ms[0].quote, "Crowds took to the streets after the council tripled bus fares");
}

#[test]
fn curfews_and_states_of_emergency_are_emergency_rule() {
    let ms = extract_one(
        "Despite declaring a state of emergency and imposing a curfew, the unrest went on.",
    );
    assert_eq!(ms.iter().filter(|m| m.action == "emergency_rule").count(), 2, "{ms:#?}");
}

#[test]
fn undated_documents_of_one_story_share_a_reference_day() {
    let a = doc("a.txt", "On Friday, rebels attacked the dam.");
    let b = doc("b.txt", "Floods reached the city on August 12, 2021.");
    let mut docs = vec![a, b];
    infer_references(&mut docs);
    assert_eq!(docs[0].reference.as_ref().unwrap().date.to_string(), "2021-08-12");
    // spread over years, they do not
    let a = doc("a.txt", "On Friday, rebels attacked the dam.");
    let b = doc("b.txt", "Floods reached the city on August 12, 2021.");
    let c = doc("c.txt", "The dam opened on May 3, 1990.");
    let mut docs = vec![a, b, c];
    infer_references(&mut docs);
    assert!(docs[0].reference.is_none());
}

#[test]
fn the_place_is_the_first_name_after_a_preposition() {
    let ms = extract_one(
        "---\ndate: 2019-04-20\n---\nHeavy shooting erupted on Freedom Square in the city of Varnel on April 18.\nRebels stormed the station in the capital.",
    );
    assert_eq!(find(&ms, "shooting").place.as_deref(), Some("Freedom Square"));
    assert_eq!(find(&ms, "stormed").place, None, "the capital is no name; April is no place");
    let ms = extract_one("In 1990 the army stormed the palace in the Soviet era of reforms.");
    assert_eq!(find(&ms, "stormed").place, None, "an adjective is no place");
}

/// Issue 16: a "that"-less coordinated clause whose mentions overlap made
/// the cause check slice the body backwards.
#[test]
fn overlapping_mentions_in_a_coordinated_clause_do_not_panic() {
    for text in [
        "Troops are already on the ground and elections were postponed.",
        "troops are already on the ground and election",
    ] {
        let ms = extract_one(text);
        let d = doc("a.txt", text);
        for m in &ms {
            assert_eq!(&d.text[m.start..m.end], m.quote);
        }
    }
}

/// `texts` strings of `len` words drawn from `words` by a seeded linear
/// congruential generator, each word followed by `sep` of the generator's
/// state: text made of what the extractor reacts to, the same every run.
pub(crate) fn word_soup(
    words: &[&str],
    seed: u64,
    texts: usize,
    len: usize,
    sep: fn(u64) -> char,
) -> Vec<String> {
    let mut state = seed;
    (0..texts)
        .map(|_| {
            let mut s = String::new();
            for _ in 0..len {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                s.push_str(words[(state >> 33) as usize % words.len()]);
                s.push(sep(state));
            }
            s
        })
        .collect()
}

/// A title is no name, and does not count against one: "He" after "US
/// Attorney General Carl Brennan toured ..." is Brennan, not the reporter
/// named before, whatever the title.
#[test]
fn he_after_a_titled_name_is_that_person() {
    for title in ["President", "Attorney General", "Prime Minister", "Adm.", "Governor"] {
        let text = format!(
            "---\ndate: 2010-06-05\n---\nSpill response\n\n\
            The BBC's Andy Gallacher says the failure is another blow for the region.\n\
            On Friday, US {title} Carl Brennan toured oil-hit areas, saying the US would help.\n\
            He said he would triple the clean-up crews.\n"
        );
        let ms = extract_one(&text);
        let said = ms.iter().rfind(|m| m.trigger == "said").expect("said");
        assert_eq!(said.actor.as_deref(), Some("Brennan"), "{title}: {ms:#?}");
    }
}

#[test]
fn a_possessive_date_dates_its_noun_not_the_clause() {
    let text = "---\ntitle: Fair\ndate: 2019-09-12\n---\n\
Yesterday, at this year's trade fair in Varnel, the governor dismissed the harbour board.\n\
On Friday, the union condemned Monday’s attack on the depot.";
    let ms = extract_one(text);
    let dismissed = find(&ms, "dismissed");
    assert_eq!(dismissed.date.as_ref().unwrap().earliest(), "2019-09-11");
    // the possessive still dates the noun it determines
    assert_eq!(
        possessive_gap(text, text.find("Monday’s").unwrap() + 6, text.find("attack").unwrap()),
        Some(true)
    );
    assert_eq!(
        possessive_gap(text, text.find("this year").unwrap() + 9, text.find("dismissed").unwrap()),
        Some(false)
    );
    assert_eq!(
        possessive_gap(text, text.find("Yesterday").unwrap() + 9, text.find("dismissed").unwrap()),
        None
    );
}

#[test]
fn a_people_after_on_is_no_place() {
    let text = "---\ntitle: Curfew\ndate: 2006-11-20\n---\n\
The army imposed a curfew on Monday on Palestinians.\n\
The army imposed a curfew on Tuesday on Hebron.";
    let ms = extract_one(text);
    let places: Vec<Option<&str>> = ms.iter().map(|m| m.place.as_deref()).collect();
    assert_eq!(places, [None, Some("Hebron")], "{ms:#?}");
}

#[test]
fn a_pronoun_contraction_is_nobody_he_stands_for() {
    let text = "---\ntitle: Strike\ndate: 2006-11-20\n---\n\
Governor Ilse Marenko resigned on Monday. \"I'm leaving with regret,\" she said on Monday.";
    let ms = extract_one(text);
    let said = find(&ms, "said");
    assert_eq!(said.actor.as_deref(), Some("Marenko"), "{ms:#?}");
}

#[test]
fn he_is_the_main_clause_subject_not_a_name_in_what_was_said() {
    let text = "---\ntitle: Keynote\ndate: 2005-06-06\n---\n\
Chief executive Lena Marsh opened the conference in Vienna on Monday.\n\
Marsh announced that Orbix would soon be available for phones.\n\
She demoed the new widget.";
    let ms = extract_all(text);
    let demoed = find(&ms, "demoed");
    assert_eq!(demoed.actor.as_deref(), Some("Marsh"), "{ms:#?}");
}

#[test]
fn a_gerund_clause_shares_its_verb_s_subject_and_a_day_is_nobody() {
    let text = "---\ntitle: Launch\ndate: 2007-01-10\n---\n\
Lena Marsh unveiled the tablet on Tuesday by walking onto the stage.\n\
Tuesday was chosen for the launch by the board.\n\
She thanked the engineers.";
    let ms = extract_all(text);
    assert_eq!(find(&ms, "walking").actor.as_deref(), Some("Lena Marsh"), "{ms:#?}");
    assert_eq!(find(&ms, "thanked").actor.as_deref(), Some("Lena Marsh"), "{ms:#?}");
}

#[test]
fn a_name_in_apposition_after_a_role_is_the_participant() {
    let text = "---\ntitle: Launch\ndate: 2010-06-18\n---\n\
The Corvo 4 was introduced by Halvor CEO Lena Marsh at the company's conference on June 7.";
    let ms = extract_all(text);
    assert_eq!(find(&ms, "introduced").actor.as_deref(), Some("Lena Marsh"), "{ms:#?}");
}

#[test]
fn a_role_before_a_name_leaves_the_name_for_he_and_she() {
    let text = "---\ntitle: Launch\ndate: 2007-01-10\n---\n\
Orbix announced a rival tablet on Monday.\n\
Halvor CEO Lena Marsh unveiled the Corvo tablet on Tuesday.\n\
She thanked the engineers.";
    let ms = extract_all(text);
    assert_eq!(find(&ms, "thanked").actor.as_deref(), Some("Lena Marsh"), "{ms:#?}");
}

#[test]
fn a_title_names_the_person_behind_a_long_office_and_the_object_not_that() {
    let text = "---\ntitle: Talks\ndate: 2022-01-10\n---\n\
It is worthy of note that US Secretary of State Halvor Brandt discussed the dispute in Varnel with the Danish Trade Minister Ole Berg.";
    let ms = extract_all(text);
    let m = find(&ms, "discussed");
    let title = m.title.as_deref().unwrap_or_default();
    assert!(title.contains("Halvor Brandt discussed the dispute"), "{ms:#?}");
    // "note that X discussed", read as a clause of "note": X did it
    assert!(m.actor.as_deref().unwrap_or_default().ends_with("Halvor Brandt"), "{ms:#?}");
}

#[test]
fn a_title_keeps_a_name_that_runs_on_from_its_office() {
    let text = "---\ntitle: Freight\ndate: 1997-04-10\n---\n\
CargoNet chairman Richard Pearson said on Monday that the company would double its fleet.";
    let ms = extract_all(text);
    let said = find(&ms, "said").title.as_deref().unwrap_or_default();
    assert!(said.starts_with("CargoNet chairman Richard Pearson said"), "{ms:#?}");
}

#[test]
fn a_share_of_a_group_is_told_with_the_group() {
    let text = "---\ntitle: Flight\ndate: 2022-01-10\n---\n\
Part of the minister's family left the country on a private jet on Tuesday. \
Dozens of protesters stormed the city hall on Wednesday.";
    let ms = extract_all(text);
    assert_eq!(
        find(&ms, "left").actor.as_deref(),
        Some("Part of the minister's family"),
        "{ms:#?}"
    );
    assert_eq!(find(&ms, "stormed").actor.as_deref(), Some("Dozens of protesters"), "{ms:#?}");
}

#[test]
fn a_count_as_subject_heads_its_title_and_a_year_does_not() {
    let text = "---\ntitle: Raids\ndate: 2022-01-10\n---\n\
The six were arrested in various areas of Varnel on Sunday. \
At least 20 died in the floods. \
2019 saw the government resign after the protests.";
    let ms = extract_all(text);
    let arrested = find(&ms, "arrested");
    assert_eq!(
        arrested.title.as_deref(),
        Some("Six arrested in various areas of Varnel"),
        "{ms:#?}"
    );
    assert_eq!(arrested.target.as_deref(), Some("six"));
    assert_eq!(find(&ms, "died").title.as_deref(), Some("At least 20 died in the floods"));
    // a year is no count of people
    assert!(
        ms.iter().all(|m| !m.title.as_deref().unwrap_or_default().starts_with("2019")),
        "{ms:#?}"
    );
}

#[test]
fn what_was_said_before_its_speaker_is_told_in_the_title() {
    let text = "---\ntitle: Markets\ndate: 2022-01-10\n---\n\
Prices of copper rose sharply on Monday, London traders said.";
    let ms = extract_all(text);
    let said = find(&ms, "said").title.as_deref().unwrap_or_default();
    assert!(said.starts_with("London traders said prices of copper rose"), "{ms:#?}");
}

#[test]
fn a_pronoun_nothing_names_keeps_its_place_as_the_title_s_subject() {
    let text = "---\ntitle: Raids\ndate: 2022-01-10\n---\n\
Troops stood by. They seized more than half a ton of opium on Monday.";
    let ms = extract_all(text);
    let seized = find(&ms, "seized").title.as_deref().unwrap_or_default();
    assert!(seized.starts_with("They seized"), "{ms:#?}");
}

#[test]
fn a_verb_of_many_senses_takes_its_clause_sense() {
    let ms = extract_one(
        "---\ndate: 2023-03-10\n---\nThe Varnel team won the bronze medal on Monday. \
         The Green party won a majority of seats on Tuesday. \
         Engineers removed the cap on Wednesday. \
         The governor removed the harbour minister from his post on Thursday. \
         The port raised berth fees on Friday. \
         Police shot two protesters on Saturday. \
         Martins' long-range shot hit the crossbar on Sunday. \
         The supreme court ruled on March 6 that the decree was void. \
         The premier ruled out early elections on March 7.",
    );
    let action = |trigger: &str, after: &str| {
        ms.iter()
            .find(|m| m.trigger == trigger && m.quote.contains(after))
            .map_or_else(|| panic!("no {trigger} ... {after}: {ms:#?}"), |m| m.action.as_str())
    };
    assert_eq!(action("won", "medal"), "win");
    assert_eq!(action("won", "seats"), "elect");
    assert_eq!(action("removed", "cap"), "remove");
    assert_eq!(action("removed", "minister"), "dismiss");
    assert_eq!(action("raised", "fees"), "price_rise");
    assert_eq!(action("shot", "protesters"), "shoot");
    assert_eq!(action("shot", "crossbar"), "shot");
    assert_eq!(action("ruled", "decree"), "ruling");
    assert_eq!(action("ruled", "elections"), "rule_out");
}

#[test]
fn a_lexicon_verb_read_as_an_adjective_names_no_happening() {
    let ms = extract_one(
        "---\ndate: 2023-03-10\n---\nThe lower house of parliament on Monday adopted a new law. \
         The governor lowered the berth fees on Tuesday. \
         At least 40 wounded people were taken to hospital on Wednesday.",
    );
    // minor: left to entity timelines and `--all-events`
    assert!(ms.iter().all(|m| m.trigger != "lower" || m.minor), "{ms:#?}");
    assert!(ms.iter().any(|m| m.trigger == "lowered" && !m.minor), "{ms:#?}");
    // a participle still tells what happened to them
    assert!(ms.iter().any(|m| m.trigger == "wounded" && !m.minor), "{ms:#?}");
}

/// Who the one "told" of `text` is said to be.
fn teller(text: &str) -> Option<String> {
    let ms = extract_one(text);
    find(&ms, "told").actor.clone()
}

#[test]
fn a_day_name_is_nobody_a_later_he_can_be() {
    // "on Monday criticised": the capitalised day opens the clause, but
    // "he" is still the lawyer named before it
    let actor = teller(
        "---\ndate: 2023-03-10\n---\nThe former attorney general Ramsey Clark has claimed \
         that the trial is unfair and on Monday criticised the proceedings as chaotic.\n\n\
         \"I think it is going to be very difficult,\" he told reporters on Tuesday.",
    );
    assert!(actor.as_deref().is_some_and(|a| a.contains("Clark")), "{actor:?}");
}

#[test]
fn a_month_that_is_a_name_stays_one() {
    let actor = teller(
        "---\ndate: 2023-03-10\n---\nPrime Minister Theresa May resigned on Friday.\n\n\
         \"It is the honour of my life,\" she told reporters on Friday.",
    );
    assert!(actor.as_deref().is_some_and(|a| a.contains("May")), "{actor:?}");
}

#[test]
fn a_day_owns_nothing_and_does_nothing() {
    let ms = extract_all(
        "---\ndate: 2023-03-10\n---\nTurnout was high in Sunday's elections.\n\n\
         Yadav, a wily politician, Monday refused to step down. \
         \"I will not resign,\" he told reporters on Monday.",
    );
    let elections = find(&ms, "elections");
    assert_eq!(elections.actor, None, "{ms:#?}");
    let told = find(&ms, "told");
    assert_ne!(told.actor.as_deref(), Some("Monday"), "{ms:#?}");
}

#[test]
fn a_body_that_tells_an_office_is_not_who_he_is() {
    // "the National Assembly office chairman" is Vu Mao, not "Assembly"
    let ms = extract_one(
        "---\ndate: 1997-04-02\n---\nRepresentation could fall to 80 percent, said Vu Mao, \
         the National Assembly office chairman. Up to seven deputies will be replaced, he said \
         on Tuesday.",
    );
    let said = ms.iter().rfind(|m| m.trigger == "said").expect("a saying");
    assert_ne!(said.actor.as_deref(), Some("Assembly"), "{ms:#?}");
}

#[test]
fn hearsay_is_nobody_s_statement() {
    let ms = extract_one(
        "---\ndate: 2023-03-10\n---\nTwo of the miners were said to have responded to rescuers \
         on Friday. Security alerts were widely reported to have been imposed on Saturday. \
         The governor said on Sunday that the mine would reopen.",
    );
    let said: Vec<&Mention> = ms.iter().filter(|m| m.action == "statement").collect();
    assert_eq!(said.len(), 1, "{ms:#?}");
    assert!(said[0].quote.contains("governor"), "{ms:#?}");
}

#[test]
fn a_participant_ends_as_a_noun_phrase_does() {
    let tidy = |p: &str| tidy_participant(p.to_string());
    // cut before its first auxiliary or modal, else before the run of
    // words no noun phrase ends on
    assert_eq!(tidy("Lu Yucheng was quoted as").as_deref(), Some("Lu Yucheng"));
    assert_eq!(tidy("his country would").as_deref(), Some("his country"));
    assert_eq!(tidy("the hanging of").as_deref(), Some("the hanging"));
    assert_eq!(tidy("the Bangkok Post as").as_deref(), Some("the Bangkok Post"));
    assert_eq!(tidy("a HAMAS delegation here").as_deref(), Some("a HAMAS delegation"));
    assert_eq!(tidy("here"), None);
    assert_eq!(tidy("had earlier"), None);
    assert_eq!(tidy("the"), None);
    assert_eq!(tidy("Prime Minister Theresa May").as_deref(), Some("Prime Minister Theresa May"));
    // a phrase that ends well is kept whole, whatever it holds
    for p in ["Bank of America", "the plan", "his decision", "Moody's", "what was left of it"] {
        assert_eq!(tidy(p).as_deref(), Some(p));
    }
}

#[test]
fn a_tidied_participant_is_a_prefix_that_ends_well() {
    // any words, with the ones a participant never ends on among them
    fn prop(picks: Vec<(u8, bool)>) -> bool {
        let words = [
            "the", "Bank", "of", "was", "quoted", "as", "here", "May", "may", "rebels", "’s",
            "État", "would", "earlier", "for",
        ];
        let mut p = String::new();
        for &(k, tab) in &picks {
            p.push_str(words[usize::from(k) % words.len()]);
            p.push(if tab { '\t' } else { ' ' });
        }
        match tidy_participant(p.clone()) {
            None => true,
            Some(t) => {
                let last = t.split_whitespace().last().unwrap_or("");
                // (kept whole when it holds no word)
                p.starts_with(&t)
                    && (t == p && last.is_empty()
                        || !ENGLISH.title_dangling.contains(&last)
                            && !ENGLISH.auxiliary_verbs.contains(&last))
            }
        }
    }
    quickcheck::QuickCheck::new().tests(500).quickcheck(prop as fn(Vec<(u8, bool)>) -> bool);
}

#[test]
fn a_verb_of_causing_starts_unrest_only_when_unrest_is_its_object() {
    let text = "---\ntitle: Kyiv\ndate: 2000-11-30\n---\n\
The death of the journalist triggered nationwide demonstrations on Tuesday.\n\
The verdict on Wednesday triggered outrage among his colleagues.";
    let ms = extract_one(text);
    let started: Vec<&str> =
        ms.iter().filter(|m| m.action == "unrest_start").map(|m| m.quote.as_str()).collect();
    assert_eq!(started.len(), 1, "{ms:#?}");
    assert!(started[0].contains("nationwide demonstrations"), "{started:?}");
    let d = find(&ms, "triggered").date.as_ref().expect("dated by its clause");
    assert_eq!(d.earliest(), "2000-11-28");
}
