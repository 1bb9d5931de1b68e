//! The filters chained as a user chains them, on the demo corpus in examples/.

use korpus::{pipeline, records, slice_of};

#[test]
fn raw_articles_come_out_clean_and_a_second_normalize_changes_nothing() {
    let first = pipeline("normalize --raw examples/articles/*.txt > target/pipeline-once.jsonl 2>/dev/null; cat target/pipeline-once.jsonl");
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let docs = records(&first);
    assert_eq!(docs.len(), 12, "one record per article");
    for doc in &docs {
        let id = doc["id"].as_str().unwrap();
        let text = doc["text"].as_str().unwrap();
        assert!(
            id.starts_with("examples/articles/") && id.ends_with(".txt"),
            "{id}"
        );
        for bad in [
            "Ã", "â€", "\r", "\u{ad}", "\u{200b}", "\u{feff}", "\u{a0}", "  ", "&amp;", "&quot;",
            "\n\n\n",
        ] {
            assert!(!text.contains(bad), "{id} still has {bad:?}");
        }
        assert!(!text.ends_with(char::is_whitespace), "{id}");
    }
    let mojibake = docs
        .iter()
        .find(|d| d["id"].as_str().unwrap().contains("04-"))
        .unwrap();
    assert!(mojibake["text"].as_str().unwrap().contains("Straße"));
    let cp1252 = docs
        .iter()
        .find(|d| d["id"].as_str().unwrap().contains("11-"))
        .unwrap();
    assert!(cp1252["text"].as_str().unwrap().contains("Renée"));

    let again = pipeline("normalize target/pipeline-once.jsonl");
    assert!(again.status.success());
    assert_eq!(
        again.stdout, first.stdout,
        "normalize | normalize must change nothing"
    );
}

#[test]
fn the_cp1252_article_is_named_in_a_warning() {
    let out = pipeline("normalize --raw examples/articles/*.txt > /dev/null");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success());
    assert!(
        err.contains(
            "normalize: warning: examples/articles/11-port-rally-cp1252.txt: not valid UTF-8"
        ),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn boilerplate_goes_and_unknown_fields_survive_in_order() {
    let out = pipeline(
        "normalize --raw -q --drop-boilerplate examples/articles/01-*.txt \
         | sed 's/^{/{\"outlet\":\"Anzeiger\",\"n\":[1,2],/' | normalize",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = &records(&out)[0];
    let keys: Vec<&str> = doc.keys().map(|k| k.as_str()).collect();
    assert_eq!(keys, ["outlet", "n", "id", "text"]);
    let text = doc["text"].as_str().unwrap();
    assert!(!text.to_lowercase().contains("cookies"), "{text}");
    assert!(!text.contains("Nach oben"), "{text}");
}

#[test]
fn a_bad_line_in_the_middle_is_one_message_and_the_rest_comes_out() {
    let out = pipeline(
        "normalize --raw -q examples/articles/0[1-3]-*.txt > target/pipeline-bad.jsonl; \
         { head -n 1 target/pipeline-bad.jsonl; echo '{\"text\": oops}'; tail -n 2 target/pipeline-bad.jsonl; } \
         > target/pipeline-bad-in.jsonl; normalize target/pipeline-bad-in.jsonl || echo \"exit $?\" >&2",
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(records(&out).len(), 3);
    assert!(
        err.contains("normalize: target/pipeline-bad-in.jsonl:2: not valid JSON"),
        "{err}"
    );
    assert!(err.contains("exit 1"), "{err}");
}

#[test]
fn normalize_then_sentences_covers_every_article_exactly() {
    let docs = pipeline(
        "normalize --raw -q --drop-boilerplate examples/articles/*.txt \
         | sed 's/^{/{\"outlet\":\"demo\",/' > target/pipeline-docs.jsonl; cat target/pipeline-docs.jsonl",
    );
    assert!(docs.status.success());
    let sents = pipeline("sentences target/pipeline-docs.jsonl");
    assert!(
        sents.status.success(),
        "{}",
        String::from_utf8_lossy(&sents.stderr)
    );
    let docs = records(&docs);
    let sents = records(&sents);
    let mut at = 0;
    for doc in &docs {
        let id = doc["id"].as_str().unwrap();
        let chars: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
        let mine: Vec<_> = sents[at..]
            .iter()
            .take_while(|s| s["id"] == doc["id"])
            .collect();
        assert!(!mine.is_empty(), "{id} has sentences");
        at += mine.len();
        let mut end = 0;
        for (n, s) in mine.iter().enumerate() {
            let keys: Vec<&str> = s.keys().map(|k| k.as_str()).collect();
            assert_eq!(keys, ["outlet", "id", "text", "sentence", "start", "end"]);
            assert_eq!(s["sentence"], n, "{id}: numbered from 0 in order");
            let start = s["start"].as_u64().unwrap() as usize;
            let stop = s["end"].as_u64().unwrap() as usize;
            assert!(
                chars[end..start].iter().all(|c| c.is_whitespace()),
                "{id}: only whitespace between sentences"
            );
            let slice: String = chars[start..stop].iter().collect();
            assert_eq!(
                s["text"].as_str().unwrap(),
                slice,
                "{id}: the span slices the text"
            );
            end = stop;
        }
        assert!(chars[end..].iter().all(|c| c.is_whitespace()), "{id}");
    }
    assert_eq!(
        at,
        sents.len(),
        "every sentence belongs to a document, in order"
    );

    // The policy on the demo articles: abbreviations, ordinals and quotes hold together, the
    // headline, byline and "Stand:" line stand alone.
    let texts: Vec<&str> = sents.iter().map(|s| s["text"].as_str().unwrap()).collect();
    for whole in [
        "Stadtrat beschließt Sparhaushalt – Bäder bleiben offen",
        "Von Anna Berger, Wendelsburg",
        "Stand: 22.10.2024, 14:30 Uhr",
        "Ab 23 Uhr soll in Wohngebieten z. B. nur noch jede zweite Laterne brennen.",
        "„Das“, sagte er, „wäre das Ende unserer Handlungsfähigkeit gewesen.“",
        "Hofstätter forderte, den 2. Bauabschnitt des Radschnellwegs nach Lindenbrück vorzuziehen.",
    ] {
        assert!(texts.contains(&whole), "missing sentence: {whole}");
    }
}

#[test]
fn numbers_after_sentences_slice_the_sentence_they_sit_on() {
    let out = pipeline(
        "normalize --raw -q --drop-boilerplate examples/articles/*.txt | sentences | numbers",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out);
    let mut seen = 0;
    for rec in &recs {
        let text = rec["text"].as_str().unwrap();
        for f in rec["numbers"].as_array().expect("every record gets a list") {
            assert_eq!(f["text"].as_str().unwrap(), slice_of(text, f));
            seen += 1;
        }
    }
    assert!(
        seen > 50,
        "the demo articles hold many figures, found {seen}"
    );
    // The demo's crowd figures, with what they count and their hedges.
    let has = |text: &str, unit: &str, hedge: Option<&str>| {
        recs.iter()
            .flat_map(|r| r["numbers"].as_array().unwrap())
            .any(|f| {
                f["text"] == text
                    && f["unit"] == unit
                    && f["qualifier"] == hedge.map_or(serde_json::Value::Null, |h| h.into())
            })
    };
    assert!(has("10.000", "Menschen", Some("bis zu")));
    assert!(has("12\u{202f}000", "Menschen", Some("rund")));
}

#[test]
fn dedupe_pairs_the_wire_copies_and_keys_sentences_on_id_and_number() {
    // Articles: the clinic story printed twice (05, 06) is one story; nothing else is merged.
    let out = pipeline(
        "normalize --raw -q --drop-boilerplate examples/articles/*.txt | numbers | dedupe --mark",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let recs = records(&out);
    assert_eq!(recs.len(), 12, "--mark keeps every article");
    let copies: Vec<(&str, &str)> = recs
        .iter()
        .filter_map(|r| Some((r["id"].as_str()?, r["dup_of"].as_str()?)))
        .collect();
    assert_eq!(
        copies,
        [(
            "examples/articles/06-klinikum-jobabbau.txt",
            "examples/articles/05-klinikum-stellenabbau.txt"
        )]
    );
    // the fields of earlier filters pass through dedupe, in order, before its own
    let keys: Vec<&String> = recs[5].keys().collect();
    let n = keys.len();
    assert_eq!(keys[n - 3..], ["numbers", "dup_of", "dup_score"]);

    // Sentences: a repeated sentence names the first copy's article and sentence number.
    let out = pipeline(
        "normalize --raw -q --drop-boilerplate examples/articles/*.txt | sentences | dedupe --mark",
    );
    assert!(out.status.success());
    let recs = records(&out);
    let first = |id: &str, n: u64| {
        recs.iter()
            .find(|r| r["id"] == id && r["sentence"] == n)
            .unwrap_or_else(|| panic!("{id} has sentence {n}"))
    };
    let copy = recs
        .iter()
        .find(|r| {
            r["id"] == "examples/articles/06-klinikum-jobabbau.txt"
                && r["text"]
                    .as_str()
                    .is_some_and(|t| t.starts_with("Das teilte die Geschäftsführung"))
        })
        .expect("06 repeats a sentence of 05");
    assert_eq!(
        copy["dup_of"],
        "examples/articles/05-klinikum-stellenabbau.txt"
    );
    let of = first(
        copy["dup_of"].as_str().unwrap(),
        copy["dup_of_sentence"].as_u64().unwrap(),
    );
    assert_eq!(of["text"], copy["text"]);
    assert!(of["dup_of"].is_null());
    // dropping instead of marking leaves exactly the first copies
    let dropped = pipeline(
        "normalize --raw -q --drop-boilerplate examples/articles/*.txt | sentences | dedupe",
    );
    let kept = records(&dropped).len();
    let firsts = recs.iter().filter(|r| r["dup_of"].is_null()).count();
    assert_eq!(kept, firsts);
}
