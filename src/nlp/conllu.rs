//! CoNLL-U, the Universal Dependencies format: reading treebanks for
//! training and evaluation, and writing analyses.
//! (<https://universaldependencies.org/format.html>)

use std::fmt::Write as _;

use super::{Sentence, Token};

/// A sentence of a treebank, with its gold analysis.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldSentence {
    /// The `# text` comment, when there is one.
    pub text: Option<String>,
    /// Whether a `# newpar` or `# newdoc` comment starts a new paragraph here.
    pub new_paragraph: bool,
    /// Whether a `# newdoc` comment starts a new document here.
    pub new_document: bool,
    /// The syntactic words (multiword token lines are folded into `multiword`).
    pub words: Vec<GoldWord>,
    /// Multiword tokens: (first word index, last word index, surface form),
    /// 0-based and inclusive.
    pub multiword: Vec<(usize, usize, String)>,
}

/// One word line of CoNLL-U.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldWord {
    /// FORM.
    pub form: String,
    /// LEMMA.
    pub lemma: String,
    /// UPOS.
    pub upos: String,
    /// XPOS.
    pub xpos: String,
    /// FEATS (`_` when empty).
    pub feats: String,
    /// HEAD: 0 for the root, else the 1-based index of the head word.
    pub head: usize,
    /// DEPREL, with its subtype (`nmod:poss`).
    pub deprel: String,
    /// Whether MISC says `SpaceAfter=No`.
    pub no_space_after: bool,
    /// MISC's `Entity=` value (GUM's entity brackets), empty when none.
    pub entity: String,
}

/// Read every sentence of a CoNLL-U text. Empty nodes (`8.1`) are left
/// out; comments other than `# text`, `# newpar` and `# newdoc` ignored.
///
/// # Errors
/// The 1-based line and what was expected, for a malformed line.
pub fn parse(text: &str) -> Result<Vec<GoldSentence>, String> {
    let mut out = Vec::new();
    let mut cur = GoldSentence {
        text: None,
        new_paragraph: false,
        new_document: false,
        words: Vec::new(),
        multiword: Vec::new(),
    };
    let mut pending_mwt: Vec<(usize, usize, String)> = Vec::new();
    let flush = |cur: &mut GoldSentence,
                 out: &mut Vec<GoldSentence>,
                 mwt: &mut Vec<(usize, usize, String)>| {
        if !cur.words.is_empty() {
            cur.multiword = std::mem::take(mwt);
            out.push(std::mem::replace(
                cur,
                GoldSentence {
                    text: None,
                    new_paragraph: false,
                    new_document: false,
                    words: Vec::new(),
                    multiword: Vec::new(),
                },
            ));
        }
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            flush(&mut cur, &mut out, &mut pending_mwt);
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim_start();
            if let Some(t) = c.strip_prefix("text =") {
                cur.text = Some(t.trim().to_string());
            } else if c.starts_with("newpar") || c.starts_with("newdoc") {
                cur.new_paragraph = true;
                cur.new_document |= c.starts_with("newdoc");
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(format!(
                "line {}: expected 10 tab-separated columns, but found {}",
                n + 1,
                cols.len()
            ));
        }
        if cols[0].contains('.') {
            continue;
        }
        if let Some((a, b)) = cols[0].split_once('-') {
            let (a, b): (usize, usize) = match (a.parse(), b.parse()) {
                (Ok(a), Ok(b)) if a >= 1 && b >= a => (a, b),
                _ => {
                    return Err(format!(
                        "line {}: expected a range like 3-4, but found {:?}",
                        n + 1,
                        cols[0]
                    ))
                }
            };
            pending_mwt.push((a - 1, b - 1, cols[1].to_string()));
            continue;
        }
        let head = if cols[6] == "_" {
            0
        } else {
            cols[6].parse().map_err(|_| {
                format!("line {}: expected a HEAD number, but found {:?}", n + 1, cols[6])
            })?
        };
        cur.words.push(GoldWord {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            no_space_after: cols[9].split('|').any(|m| m == "SpaceAfter=No"),
            entity: cols[9]
                .split('|')
                .find_map(|m| m.strip_prefix("Entity="))
                .unwrap_or_default()
                .to_string(),
        });
    }
    flush(&mut cur, &mut out, &mut pending_mwt);
    for (i, s) in out.iter().enumerate() {
        if s.words.iter().any(|w| w.head > s.words.len()) {
            return Err(format!("sentence {}: a HEAD points past the sentence", i + 1));
        }
    }
    Ok(out)
}

/// Write analysed sentences as CoNLL-U, with `# text` and byte offsets
/// of each word in MISC (`TokenRange=start:end`, of the document).
#[must_use]
pub fn write(text: &str, sentences: &[Sentence]) -> String {
    let mut s = String::new();
    for (k, sent) in sentences.iter().enumerate() {
        let _ = writeln!(s, "# sent_id = {}", k + 1);
        let _ = writeln!(s, "# text = {}", text[sent.start..sent.end].replace(['\n', '\r'], " "));
        let mut mwt = sent.multiword.iter().peekable();
        for (i, t) in sent.tokens.iter().enumerate() {
            if let Some(&&(a, b)) = mwt.peek() {
                if a == i {
                    let (start, end) = (sent.tokens[a].start, sent.tokens[b].end);
                    let _ = writeln!(
                        s,
                        "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t_",
                        a + 1,
                        b + 1,
                        field(&text[start..end])
                    );
                    mwt.next();
                }
            }
            let _ = writeln!(
                s,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t_\tTokenRange={}:{}",
                i + 1,
                field(&t.form),
                field(&t.lemma),
                t.upos,
                t.xpos,
                if t.feats.is_empty() { "_" } else { &t.feats },
                t.head,
                t.deprel,
                t.start,
                t.end
            );
        }
        s.push('\n');
    }
    s
}

/// A CoNLL-U field holds no tab or line break.
fn field(s: &str) -> String {
    let f: String = s.chars().map(|c| if c.is_whitespace() { '_' } else { c }).collect();
    if f.is_empty() {
        "_".into()
    } else {
        f
    }
}

impl GoldSentence {
    /// The sentence as a [`Sentence`] with the gold analysis, spans laid
    /// out as the words joined by single spaces.
    #[must_use]
    pub fn to_sentence(&self) -> Sentence {
        let mut tokens = Vec::with_capacity(self.words.len());
        let mut at = 0;
        for w in &self.words {
            let end = at + w.form.len();
            tokens.push(Token {
                start: at,
                end,
                form: w.form.clone(),
                lemma: w.lemma.clone(),
                upos: w.upos.clone(),
                xpos: w.xpos.clone(),
                feats: if w.feats == "_" { String::new() } else { w.feats.clone() },
                head: w.head,
                deprel: w.deprel.clone(),
            });
            at = end + 1;
        }
        Sentence {
            start: 0,
            end: at.saturating_sub(1),
            tokens,
            multiword: self.multiword.iter().map(|&(a, b, _)| (a, b)).collect(),
        }
    }
}
