//! Tests of the backbone on texts written for them, in the messy style of
//! pasted news, with the committed model.

use super::*;

fn model() -> &'static Model {
    Model::embedded().expect("the committed model loads")
}

fn find<'a>(s: &'a Sentence, form: &str) -> &'a Token {
    s.tokens.iter().find(|t| t.form == form).unwrap_or_else(|| panic!("no {form} in {s:?}"))
}

#[test]
fn the_committed_model_tags_and_parses_a_sample_right() {
    let text = "The governor dismissed the harbour board on Tuesday.";
    let s = &model().analyze(text)[0];
    let forms: Vec<&str> = s.tokens.iter().map(|t| t.form.as_str()).collect();
    assert_eq!(
        forms,
        ["The", "governor", "dismissed", "the", "harbour", "board", "on", "Tuesday", "."]
    );
    let upos: Vec<&str> = s.tokens.iter().map(|t| t.upos.as_str()).collect();
    assert_eq!(upos, ["DET", "NOUN", "VERB", "DET", "NOUN", "NOUN", "ADP", "PROPN", "PUNCT"]);
    let verb = find(s, "dismissed");
    assert_eq!(
        (verb.lemma.as_str(), verb.xpos.as_str(), verb.head, verb.deprel.as_str()),
        ("dismiss", "VBD", 0, "root")
    );
    assert!(verb.feats.contains("Tense=Past"), "{}", verb.feats);
    assert_eq!(find(s, "governor").head, 3);
    assert_eq!(find(s, "governor").deprel, "nsubj");
    assert_eq!(find(s, "board").deprel, "obj");
    assert_eq!(find(s, "Tuesday").deprel, "obl");
}

#[test]
fn messy_news_gets_sensible_sentences_tags_and_heads() {
    // no space after full stops and commas, curly quotes, a misspelt name,
    // a pasted duplicate sentence
    let text =
        "Protesters stormed the akimat.Police fired tear gas,and Tokaev,who leads the country,\
                declared an emergency. \u{201c}We will restore order,\u{201d} he said.\
                Police fired tear gas,and Tokaev,who leads the country,declared an emergency.";
    let sentences = model().analyze(text);
    let firsts: Vec<&str> = sentences.iter().map(|s| s.tokens[0].form.as_str()).collect();
    assert_eq!(firsts, ["Protesters", "Police", "\u{201c}", "Police"], "{sentences:#?}");
    let s = &sentences[1];
    let fired = find(s, "fired");
    assert_eq!(fired.upos, "VERB");
    assert_eq!(
        find(s, "Police").head,
        s.tokens.iter().position(|t| t.form == "fired").unwrap() + 1
    );
    let tokaev = find(s, "Tokaev");
    assert_eq!(tokaev.upos, "PROPN");
    assert_eq!(find(s, "declared").upos, "VERB");
    // the duplicate gets the same analysis
    let strip = |s: &Sentence| {
        s.tokens
            .iter()
            .map(|t| (t.form.clone(), t.upos.clone(), t.head, t.deprel.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(&sentences[1]), strip(&sentences[3]));
    // curly quotes are punctuation
    assert_eq!(sentences[2].tokens[0].upos, "PUNCT");
}

#[test]
fn a_prefix_is_tagged_as_the_whole_sentence_tags_it() {
    // the opening words' classes do not change when the tagger stops early
    for text in [
        "Heavy shooting erupted near the airport on Wednesday, witnesses said.",
        "Ryanair said it would cut 3,000 jobs by the end of the year.",
        "Marenko, who leads the union, called a strike from 1989 to 2019.",
        "Analysts were surprised.",
        "Protesters stormed the akimat.Police fired tear gas",
    ] {
        let forms: Vec<&str> = text.split(' ').collect();
        let ws = super::tagger::words(&forms);
        let whole = model().tagger.tag_words(&ws);
        for n in 0..=forms.len() + 1 {
            assert_eq!(
                model().tagger.tag_prefix(&ws, n),
                whole[..n.min(whole.len())],
                "{text}, {n} words"
            );
        }
    }
}

#[test]
fn clitics_are_words_of_a_multiword_token() {
    let text = "Kazakhstan\u{2019}s president doesn't resign.";
    let s = &model().analyze(text)[0];
    let forms: Vec<&str> = s.tokens.iter().map(|t| t.form.as_str()).collect();
    assert_eq!(forms, ["Kazakhstan", "\u{2019}s", "president", "does", "n't", "resign", "."]);
    assert_eq!(s.multiword, [(0, 1), (3, 4)]);
    assert_eq!(find(s, "n't").lemma, "not");
    assert_eq!(find(s, "does").lemma, "do");
}

/// One root, and every word reaches it.
fn assert_tree(s: &Sentence) {
    let n = s.tokens.len();
    assert_eq!(s.tokens.iter().filter(|t| t.head == 0).count(), 1, "{s:?}");
    for (i, t) in s.tokens.iter().enumerate() {
        let mut at = i + 1;
        for _ in 0..=n {
            if at == 0 {
                break;
            }
            at = s.tokens[at - 1].head;
        }
        assert_eq!(at, 0, "word {} does not reach the root: {s:?}", t.form);
    }
}

#[test]
fn wire_copy_with_bare_days_still_parses_to_trees() {
    // the bare-day repair moves heads: the trees must stay trees
    let words: Vec<&str> = "Police Tuesday said officials Monday morning arrested two men \
                            yesterday the ministry Friday that rebels launched talks Sunday \
                            night and analysts warned today"
        .split_whitespace()
        .collect();
    let comma_every_seventh = |state: u64| if state % 7 == 0 { ',' } else { ' ' };
    for text in crate::extract::tests::word_soup(&words, 5, 200, 14, comma_every_seventh) {
        for s in model().analyze(&text) {
            assert_tree(&s);
        }
    }
}

#[test]
fn every_tree_has_one_root_and_no_cycle() {
    let text = "The dam burst on Monday and water swept through three villages, officials said, \
                while rescuers evacuated 2,400 residents from the valley before the rain stopped.";
    for s in model().analyze(text) {
        assert_tree(&s);
    }
}

#[test]
fn the_model_bytes_round_trip() {
    let m = model();
    let bytes = m.write();
    assert_eq!(Model::read(&bytes).as_ref(), Ok(m));
    assert!(Model::read(&bytes[..bytes.len() / 2]).is_err());
    assert!(Model::read(b"not a model").is_err());
}

quickcheck::quickcheck! {
    /// Every word's span is exactly its text; words are in order and never
    /// overlap; sentences hold their words.
    fn spans_are_exactly_their_text(text: String) -> bool {
        let sentences = model().analyze(&text);
        let mut last = 0;
        for s in &sentences {
            for t in &s.tokens {
                if t.start < last || t.end <= t.start || text.get(t.start..t.end) != Some(t.form.as_str()) {
                    return false;
                }
                if t.start < s.start || t.end > s.end || t.head > s.tokens.len() {
                    return false;
                }
                last = t.end;
            }
        }
        true
    }
}

#[test]
fn spans_hold_on_typographic_text_and_long_runs() {
    let text =
        "\u{201c}Caf\u{e9} owners\u{2019} rally\u{201d} \u{2014} 7.8 quake hit U.S. towns\u{2026} "
            .repeat(40)
            + &"word ".repeat(900);
    let sentences = model().analyze(&text);
    assert!(sentences.iter().all(|s| s.tokens.len() <= tokenize::MAX_SENTENCE));
    for s in &sentences {
        for t in &s.tokens {
            assert_eq!(&text[t.start..t.end], t.form);
        }
    }
}

/// A treebank of a few sentences written for this test.
const TINY: &str = "# text = The mayor resigned.
1\tThe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t2\tdet\t_\t_
2\tmayor\tmayor\tNOUN\tNN\tNumber=Sing\t3\tnsubj\t_\t_
3\tresigned\tresign\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

# text = Floods hit the valley.
1\tFloods\tflood\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_
2\thit\thit\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\tDefinite=Def|PronType=Art\t4\tdet\t_\t_
4\tvalley\tvalley\tNOUN\tNN\tNumber=Sing\t2\tobj\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

";

#[test]
fn training_is_seeded_and_deterministic() {
    let gold = conllu::parse(&TINY.repeat(30)).unwrap();
    // no pruning: on so little data every averaged weight is small
    let o = TrainOptions {
        tagger_iterations: 3,
        parser_iterations: 3,
        // three folds, so each holds both sentences (two would hold one
        // each, and each fold's tagger would guess the other's words)
        folds: 3,
        prune: 0.0,
        tagger_prune: 0.0,
        ..TrainOptions::default()
    };
    // unlabeled text for the word clusters
    let text = "The mayor resigned on Monday. The minister resigned on Friday. \
                The governor left on Tuesday. "
        .repeat(4);
    let unlabeled = [text.clone(), text];
    let a = train(&gold, &o, &unlabeled).write();
    let b = train(&gold, &o, &unlabeled).write();
    assert_eq!(a, b, "the same data and seed give the same bytes");
    let m = Model::read(&a).unwrap();
    assert!(!m.tagger.clusters.is_empty());
    let s = m.analyze_words(&["The", "mayor", "resigned", "."]);
    let heads: Vec<usize> = s.tokens.iter().map(|t| t.head).collect();
    assert_eq!(heads, [2, 3, 0, 3]);
    assert_eq!(s.tokens[2].lemma, "resign");
    // the evaluation of a model on its training data
    let scores = eval::gold_tokens(&m, &gold);
    assert!(scores.las > 99.0, "{scores}");
    let raw = eval::raw_text(&m, &gold);
    assert!(raw.tokens > 99.0 && raw.sentences > 99.0, "{raw}");
}

#[test]
fn conllu_errors_name_the_line() {
    let e = conllu::parse("1\tThe\tthe\n").unwrap_err();
    assert!(e.starts_with("line 1: expected 10 tab-separated columns"), "{e}");
    let e = conllu::parse("1\tThe\tthe\tDET\tDT\t_\tx\tdet\t_\t_\n").unwrap_err();
    assert!(e.contains("HEAD"), "{e}");
}

#[test]
fn a_bare_day_in_wire_copy_is_no_subject() {
    // the subject before the day, the day before or after the verb
    let s = &model().analyze("Software companies Tuesday launched a campaign.")[0];
    assert_eq!(find(s, "companies").deprel, "nsubj", "{s:?}");
    assert_eq!(find(s, "companies").head, 4);
    assert_eq!(find(s, "Tuesday").deprel, "obl:tmod");
    let s = &model().analyze("Analysts said Saturday that the market would recover.")[0];
    assert_ne!(find(s, "Saturday").deprel, "nsubj", "{s:?}");
    // the head of the phrase before the day, past an adjective the tagger
    // took for its noun, or a comma
    let s = &model().analyze("Indonesia's head telecommunications official Thursday called on people to limit Internet use.")[0];
    assert_eq!(find(s, "Thursday").deprel, "obl:tmod", "{s:?}");
    assert!(s.tokens.iter().any(|t| t.deprel == "nsubj" && t.start < 44), "{s:?}");
    // a day that is the subject stays one
    let s = &model().analyze("Monday was quiet in the capital.")[0];
    assert_eq!(find(s, "Monday").deprel, "nsubj");
    // read as the passive subject of the reported clause, which has its own
    let s = &model().analyze(
        "In a separate incident, Iranian police said Saturday they had seized more than half \
         a ton of opium hidden in cars.",
    )[0];
    let said = s.tokens.iter().position(|t| t.form == "said").unwrap() + 1;
    assert_eq!((find(s, "Saturday").deprel.as_str(), find(s, "Saturday").head), ("obl:tmod", said));
}

#[test]
fn a_passive_subject_needs_a_passive() {
    let subject = |text: &str, word: &str| {
        let s = &model().analyze(text)[0];
        find(s, word).deprel.clone()
    };
    // the parse reads these subjects as passive ones
    let text = "The \"international traffickers,\" all of them Iranian, had killed or wounded \
                several policemen in clashes with security forces, the papers said.";
    assert_eq!(subject(text, "traffickers"), "nsubj");
    // a form of "be" makes a passive whatever its label
    let text = "Thirteen drug traffickers, also accused of armed robbery and murder, have been \
                simultaneously hanged in southeastern Iran, newspapers reported Saturday.";
    assert_eq!(subject(text, "traffickers"), "nsubj:pass");
    assert_eq!(subject("Seven people were killed on Monday.", "people"), "nsubj:pass");
}

#[test]
fn a_quoted_name_after_a_noun_names_it_and_is_no_second_subject() {
    let s = &model().analyze(
        "The former banker, who lives abroad, in an interview with the Kyrgyz service \
         \u{201c}Radio Liberty\u{201d} said that the decision was taken in the capital.",
    )[0];
    let said = s.tokens.iter().position(|t| t.form == "said").unwrap() + 1;
    let subjects: Vec<&str> = s
        .tokens
        .iter()
        .filter(|t| t.head == said && t.deprel.starts_with("nsubj"))
        .map(|t| t.form.as_str())
        .collect();
    assert_eq!(subjects, ["banker"], "{s:?}");
    let service = s.tokens.iter().position(|t| t.form == "service").unwrap() + 1;
    assert_eq!((find(s, "Liberty").head, find(s, "Liberty").deprel.as_str()), (service, "appos"));
    assert_tree(s);
    // the repair keeps trees trees in any order of such words
    assert_soup_parses_to_trees(
        "the service \u{201c}Radio Liberty\u{201d} said the paper 'Pravda' reported officials , told",
        5,
    );
}

#[test]
fn a_speaker_after_the_quote_with_a_relative_clause_is_the_saying_verbs_subject() {
    let s = &model().analyze(
        "\"It is extra meaningful, because you clinch the division,\" said Tomlinson, \
         who has 26 touchdowns rushing and three receiving.",
    )[0];
    let said = s.tokens.iter().position(|t| t.form == "said").unwrap() + 1;
    let name = s.tokens.iter().position(|t| t.form == "Tomlinson").unwrap() + 1;
    assert_eq!((find(s, "Tomlinson").head, find(s, "Tomlinson").deprel.as_str()), (said, "nsubj"));
    assert_eq!((find(s, "has").head, find(s, "has").deprel.as_str()), (name, "acl:relcl"), "{s:?}");
    assert_tree(s);
    // a noun whose own verb comes after its relative clause keeps it
    let s = &model().analyze(
        "Officials said the two sides, who signed a landmark peace deal last month, \
         were still at odds.",
    )[0];
    assert_ne!(find(s, "sides").head, said_of(s), "{s:?}");
    assert_tree(s);
    assert_soup_parses_to_trees(
        "\" said Singh , who has the record told Mr. Lee which , \u{201d}",
        7,
    );
}

#[test]
fn a_speaker_after_the_saying_verb_is_its_subject_not_the_next_nouns() {
    let subject_of_said = |text: &str| {
        let s = &model().analyze(text)[0];
        assert_tree(s);
        let said = said_of(s);
        s.tokens
            .iter()
            .find(|t| t.head == said && t.deprel.starts_with("nsubj"))
            .map(|t| t.form.clone())
    };
    // read as the subject of the place or of "daily" after it
    let text = "\"It feels great to be home,\" said Spicer at London's Heathrow airport.";
    assert_eq!(subject_of_said(text).as_deref(), Some("Spicer"));
    let text = "Wijaya could face Limpele in the final, said the Media Indonesia daily.";
    assert_eq!(subject_of_said(text).as_deref(), Some("Indonesia"));
    // whose relative clause follows it
    let text = "\"It would cast a real shadow,\" said Blair, whose country holds the presidency.";
    assert_eq!(subject_of_said(text).as_deref(), Some("Blair"));
    // the subject of what was said stays there
    let text = "During a press conference about the exhibitions which will take place in \
                1998, the cardinal said fresh scientific studies could be carried out.";
    assert_ne!(subject_of_said(text).as_deref(), Some("studies"));
    assert_soup_parses_to_trees(
        "\" said Spicer at the airport daily , whose country holds it was",
        9,
    );
}

#[test]
fn a_relative_clause_is_never_the_root() {
    // the sentence parsed, its root (1-based), checked to be `verb` with
    // `subject` its subject and `clause` a relative clause
    let main = |text: &str, verb: &str, subject: &str, clause: &str| {
        let s = model().analyze(text).remove(0);
        assert_tree(&s);
        let root = s.tokens.iter().position(|t| t.head == 0).unwrap() + 1;
        assert_eq!(s.tokens[root - 1].form, verb, "{s:?}");
        assert_eq!((find(&s, subject).head, find(&s, subject).deprel.as_str()), (root, "nsubj"));
        assert_eq!(find(&s, clause).deprel, "acl:relcl");
        (s, root)
    };
    let (s, root) = main(
        "On Thursday, Ichiro Ozawa, who heads the main opposition New Frontier Party (NFP), \
         promised to support the bill in parliament.",
        "promised",
        "Ichiro",
        "heads",
    );
    assert_eq!(find(&s, "Thursday").head, root);
    assert_eq!(find(&s, ".").head, root);
    // a clause on a root noun, with the main verb hung on the clause
    main(
        "Jackson, who had a history of health problems, collapsed at his Los Angeles home \
         at about midday on Thursday.",
        "collapsed",
        "Jackson",
        "had",
    );
    // a question's "who" is the root's subject as it should be
    let s = &model().analyze("Who won the election, and who lost it?")[0];
    assert_tree(s);
    assert_ne!(find(s, "won").deprel, "acl:relcl", "{s:?}");
    assert_soup_parses_to_trees(
        "The pope , who held a mass , was to return on Sunday which promised",
        11,
    );
}

/// Every sentence of 200 texts of 12 of the space-separated `words` in
/// random order (seeded) parses to a tree: the repairs never make a cycle
/// or a second root.
fn assert_soup_parses_to_trees(words: &str, seed: u64) {
    let words: Vec<&str> = words.split_whitespace().collect();
    for text in crate::extract::tests::word_soup(&words, seed, 200, 12, |_| ' ') {
        for s in model().analyze(&text) {
            assert_tree(&s);
        }
    }
}

fn said_of(s: &Sentence) -> usize {
    s.tokens.iter().position(|t| t.form == "said").unwrap() + 1
}

#[test]
fn the_speaker_before_a_saying_after_what_was_said_is_its_subject() {
    // the parse hangs "officials" on "troubles" as a conjunct
    let s = &model().analyze(
        "Committees of senior monks, Islamic elders and government authorities have been \
         formed to head off further troubles, officials said.",
    )[0];
    let officials = find(s, "officials");
    assert_eq!((officials.head, officials.deprel.as_str()), (said_of(s), "nsubj"), "{s:?}");
    // a speaker the parse already has stays
    let s = &model().analyze("\"We will win,\" he said on Monday.")[0];
    assert_eq!(find(s, "he").deprel, "nsubj");
    assert_soup_parses_to_trees(
        "officials said , dealers and analysts added the report noted \" troubles were \
         formed to head off further . Smith",
        23,
    );
}

#[test]
fn a_noun_before_a_noun_read_as_a_bare_verb_is_its_modifier() {
    let head_of = |s: &Sentence, form: &str| {
        let t = find(s, form);
        (s.tokens[t.head - 1].form.clone(), t.deprel.clone())
    };
    // the tagger reads "Share" as an imperative
    let s =
        &model().analyze("Share prices rose 1.1 percent on the Korea Stock Exchange Monday.")[0];
    assert_tree(s);
    assert_eq!(find(s, "Share").upos, "NOUN", "{s:?}");
    assert_eq!(head_of(s, "Share"), ("prices".into(), "compound".into()));
    assert_eq!(head_of(s, "prices"), ("rose".into(), "nsubj".into()));
    assert_eq!(find(s, "rose").head, 0);
    // over the noun's own modifiers, and in a clause told after a time
    let s = &model().analyze(
        "Earlier this week protest actions against the fuel hike in Kazakhstan spiraled out of control.",
    )[0];
    assert_tree(s);
    assert_eq!(find(s, "protest").upos, "NOUN", "{s:?}");
    assert_eq!(head_of(s, "actions"), ("spiraled".into(), "nsubj".into()));
    // a verb joined to another keeps its reading: its subject is that one's
    let s = &model().analyze(
        "It ordered the departments to coordinate and ensure funds were kept in special accounts.",
    )[0];
    assert_eq!(find(s, "ensure").upos, "VERB", "{s:?}");
    // an imperative has no finite verb right after its object
    let s = &model().analyze("Add extras, however, and the car could cost 57,000 dollars.")[0];
    assert_eq!(find(s, "Add").upos, "VERB", "{s:?}");
    assert_soup_parses_to_trees(
        "share prices rose protest actions against the fuel hike in spiraled out of control \
         earlier this week ensure funds were kept and . Monday",
        29,
    );
}

#[test]
fn a_phrase_a_preposition_opens_the_sentence_with_is_no_subject() {
    let head_of = |s: &Sentence, form: &str| {
        let t = find(s, form);
        (s.tokens.get(t.head.wrapping_sub(1)).map(|h| h.form.clone()), t.deprel.clone())
    };
    let s = &model().analyze(
        "In media footage and social networks, scenes of chaos emerged from looting of shops.",
    )[0];
    assert_tree(s);
    assert_eq!(head_of(s, "scenes"), (Some("emerged".into()), "nsubj".into()), "{s:?}");
    assert_eq!(find(s, "networks").deprel, "obl", "{s:?}");
    // a fronted number is the subject's own: "At least 75 officers"
    let s = &model().analyze(
        "At least 75 officers from the Texas Department of Public Safety, the US Border Patrol \
         and the FBI took part.",
    )[0];
    assert_ne!(find(s, "Patrol").deprel, "nsubj", "{s:?}");
    assert_soup_parses_to_trees(
        "in media footage and social networks , scenes of chaos emerged as for the bloc . \
         at least officers said",
        31,
    );
}
