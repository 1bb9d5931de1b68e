//! `quotes` on the held-out paragraphs of `tests/heldout/` (German and English news of our own,
//! written for scoring and first scored unseen; see its README), scored as the bench's
//! `score.py` scores: a quotation is found when the shared characters cover half of the gold
//! span and half of the predicted one (after trimming spaces, marks and , ; : .); a speaker is
//! right when the gold key (a surname, or the role word where the text names nobody) is in
//! the predicted speaker. The floors are this set's figures when it was committed, a little
//! under: a change that loses quotations or speakers here fails.

use korpus::{pipeline_ok, read_jsonl, records};
use serde_json::Value;

const MARKS: &str = "„“”\"«»‚‘’‹›'";

fn trim(chars: &[char], mut b: usize, mut e: usize) -> (usize, usize) {
    let cut = |c: char| c.is_whitespace() || ",;:.".contains(c) || MARKS.contains(c);
    e = e.min(chars.len());
    while b < e && cut(chars[b]) {
        b += 1;
    }
    while e > b && cut(chars[e - 1]) {
        e -= 1;
    }
    (b, e)
}

fn span(q: &Value, chars: &[char]) -> (usize, usize) {
    let at = |k: &str| q[k].as_u64().expect("start and end are offsets") as usize;
    trim(chars, at("start"), at("end"))
}

#[derive(Debug, Default)]
struct Score {
    gold: usize,
    predicted: usize,
    matched: usize,
    speakers: usize,
    speakers_right: usize,
    not_quotes_taken: usize,
}

impl Score {
    fn f1(&self) -> f64 {
        2.0 * self.matched as f64 / (self.gold + self.predicted) as f64
    }

    fn speaker(&self) -> f64 {
        self.speakers_right as f64 / self.speakers as f64
    }
}

fn score(file: &str) -> Score {
    let gold = read_jsonl(file);
    let out = pipeline_ok(&format!("quotes {file}"));
    let predicted = records(&out);
    assert_eq!(predicted.len(), gold.len(), "one record out for each in");
    let mut s = Score::default();
    for (g, p) in gold.iter().zip(&predicted) {
        assert_eq!(g["id"], p["id"]);
        let chars: Vec<char> = g["text"].as_str().unwrap().chars().collect();
        let gq = g["quotes"].as_array().unwrap();
        let pq = p["quotes"].as_array().unwrap();
        s.gold += gq.len();
        s.predicted += pq.len();
        // one to one, the largest overlaps first
        let mut pairs = Vec::new();
        for (gi, gold_q) in gq.iter().enumerate() {
            let (gb, ge) = span(gold_q, &chars);
            for (pi, pred_q) in pq.iter().enumerate() {
                let (pb, pe) = span(pred_q, &chars);
                let shared = ge.min(pe).saturating_sub(gb.max(pb));
                if shared > 0 && shared * 2 >= ge - gb && shared * 2 >= pe - pb {
                    pairs.push((shared, gi, pi));
                }
            }
        }
        pairs.sort_unstable_by(|a, b| b.cmp(a));
        let (mut used_g, mut used_p) = (vec![false; gq.len()], vec![false; pq.len()]);
        for (_, gi, pi) in pairs {
            if used_g[gi] || used_p[pi] {
                continue;
            }
            used_g[gi] = true;
            used_p[pi] = true;
            s.matched += 1;
            if let Some(key) = gq[gi]["speaker_key"].as_str() {
                s.speakers += 1;
                let said = pq[pi]["speaker"].as_str().unwrap_or("").to_lowercase();
                s.speakers_right += usize::from(said.contains(&key.to_lowercase()));
            }
        }
        let not_quotes: Vec<&str> = g["not_quotes"]
            .as_array()
            .map_or(Vec::new(), |a| a.iter().filter_map(Value::as_str).collect());
        s.not_quotes_taken += pq
            .iter()
            .filter(|q| not_quotes.contains(&q["text"].as_str().unwrap_or("")))
            .count();
    }
    eprintln!(
        "{file}: quote F1 {:.3} ({} gold, {} found, {} matched); speaker {:.3} of {}; \
         not-quotes taken {}",
        s.f1(),
        s.gold,
        s.predicted,
        s.matched,
        s.speaker(),
        s.speakers,
        s.not_quotes_taken
    );
    s
}

/// Each set and its floors: the number of gold quotations, the least quote F1 and speaker
/// accuracy, the most titles and scare quotes taken. The second set (`fresh_*`) was written
/// after the first had been read, the third (`third_*`) after the second; each is held to its
/// first score (in the commit that added it).
const SETS: &[(&str, usize, f64, f64, usize)] = &[
    ("tests/heldout/quotes_de.jsonl", 72, 0.98, 0.90, 0),
    ("tests/heldout/quotes_en.jsonl", 55, 0.98, 0.90, 0),
    ("tests/heldout/fresh_de.jsonl", 44, 0.98, 0.80, 0),
    ("tests/heldout/fresh_en.jsonl", 25, 0.98, 0.72, 0),
    ("tests/heldout/third_de.jsonl", 43, 0.98, 0.80, 0),
    ("tests/heldout/third_en.jsonl", 30, 0.98, 0.85, 0),
];

/// Every set holds to its floors; a failure names each set below them, not only the first.
#[test]
fn held_out_paragraphs_hold_their_floors() {
    let mut below = Vec::new();
    for &(file, gold, f1, speaker, titles) in SETS {
        let s = score(file);
        if s.gold != gold || s.f1() < f1 || s.speaker() < speaker || s.not_quotes_taken > titles {
            below.push(format!(
                "{file}: want {gold} gold, F1 >= {f1}, speaker >= {speaker}, titles <= {titles}; \
                 got {s:?}"
            ));
        }
    }
    assert!(below.is_empty(), "{}", below.join("\n"));
}
