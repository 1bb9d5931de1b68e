//! The filters chained as a user chains them, on the demo corpus in examples/.

use korpus::{pipeline, pipeline_ok, records, slice_of};

/// Checks that every annotation of `rec[key]` (numbers, quotes) slices the record's text as
/// it claims; returns how many there are.
fn slices(rec: &serde_json::Map<String, serde_json::Value>, key: &str) -> usize {
    let text = rec["text"].as_str().unwrap();
    let list = rec[key].as_array().expect("every record gets a list");
    for a in list {
        assert_eq!(a["text"].as_str().unwrap(), slice_of(text, a), "{key}");
    }
    list.len()
}

#[test]
fn raw_articles_come_out_clean_and_a_second_normalize_changes_nothing() {
    let first = pipeline_ok("normalize --raw examples/articles/*.txt > target/pipeline-once.jsonl 2>/dev/null; cat target/pipeline-once.jsonl");
    let docs = records(&first);
    assert_eq!(docs.len(), 30, "one record per article");
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

    let again = pipeline_ok("normalize target/pipeline-once.jsonl");
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
    let out = pipeline_ok(
        "normalize --raw -q --drop-boilerplate examples/articles/01-*.txt \
         | sed 's/^{/{\"outlet\":\"Anzeiger\",\"n\":[1,2],/' | normalize",
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
    let docs = pipeline_ok(
        "normalize --raw -q --drop-boilerplate examples/articles/*.txt \
         | sed 's/^{/{\"outlet\":\"demo\",/' > target/pipeline-docs.jsonl; cat target/pipeline-docs.jsonl",
    );
    let sents = pipeline_ok("sentences target/pipeline-docs.jsonl");
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
    let out = pipeline_ok(
        "normalize --raw -q --drop-boilerplate examples/articles/*.txt | sentences | numbers",
    );
    let recs = records(&out);
    let seen: usize = recs.iter().map(|rec| slices(rec, "numbers")).sum();
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
    // Articles: the four wire stories printed twice are one story each; nothing else is merged
    // (15 is a copy of 14 with a paragraph cut, too much for the default --doc-threshold).
    let out = pipeline_ok(
        "normalize --raw -q --drop-boilerplate examples/articles/*.txt | numbers | dedupe --mark",
    );
    let recs = records(&out);
    assert_eq!(recs.len(), 30, "--mark keeps every article");
    let copies: Vec<(&str, &str)> = recs
        .iter()
        .filter_map(|r| Some((r["id"].as_str()?, r["dup_of"].as_str()?)))
        .map(|(a, b)| {
            (
                a.trim_start_matches("examples/articles/"),
                b.trim_start_matches("examples/articles/"),
            )
        })
        .collect();
    assert_eq!(
        copies,
        [
            ("06-klinikum-jobabbau.txt", "05-klinikum-stellenabbau.txt"),
            ("21-kessler-werk-anzeiger.txt", "20-kessler-werk-dpx.txt"),
            (
                "26-hochwasser-pegel-tageblatt.txt",
                "25-hochwasser-pegel-dpx.txt"
            ),
            (
                "30-port-deal-wire-post.txt",
                "29-port-deal-wire-gazette.txt"
            ),
        ]
    );
    // the fields of earlier filters pass through dedupe, in order, before its own
    let keys: Vec<&String> = recs[5].keys().collect();
    let n = keys.len();
    assert_eq!(keys[n - 3..], ["numbers", "dup_of", "dup_score"]);

    // Sentences: a repeated sentence names the first copy's article and sentence number.
    let out = pipeline_ok(
        "normalize --raw -q --drop-boilerplate examples/articles/*.txt | sentences | dedupe --mark",
    );
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

/// The whole chain on the demo corpus, with its metadata, as `make demo` runs it.
const CHAIN: &str = "normalize --raw -q --drop-boilerplate --meta examples/meta.jsonl \
    examples/articles/*.txt | sentences | numbers | quotes | dedupe --mark";

#[test]
fn the_whole_chain_keeps_every_field_in_order_and_every_offset_true() {
    let out = pipeline_ok(CHAIN);
    let recs = records(&out);
    assert!(recs.len() > 500, "{} sentences", recs.len());
    let (mut figures, mut quotes) = (0, 0);
    for rec in &recs {
        // the metadata from normalize --meta survives every filter, in its place
        let keys: Vec<&str> = rec.keys().map(|k| k.as_str()).collect();
        assert_eq!(
            keys,
            [
                "id",
                "outlet",
                "date",
                "lang",
                "text",
                "sentence",
                "start",
                "end",
                "numbers",
                "quotes",
                "dup_of",
                "dup_of_sentence",
                "dup_score"
            ]
        );
        figures += slices(rec, "numbers");
        quotes += slices(rec, "quotes");
        // dedupe keys on id and sentence: a copy names a sentence, never its own
        if let Some(of) = rec["dup_of"].as_str() {
            let n = rec["dup_of_sentence"]
                .as_u64()
                .expect("a sentence's copy names one");
            assert!(of != rec["id"] || n != rec["sentence"].as_u64().unwrap());
        }
    }
    assert!(
        figures > 200 && quotes > 80,
        "{figures} figures, {quotes} quotes"
    );
}

#[test]
fn offsets_slice_the_document_before_sentences_too() {
    let out = pipeline_ok(
        "normalize --raw -q --drop-boilerplate --meta examples/meta.jsonl examples/articles/*.txt \
         | numbers | quotes",
    );
    let recs = records(&out);
    assert_eq!(recs.len(), 30);
    let n: usize = recs
        .iter()
        .map(|rec| slices(rec, "numbers") + slices(rec, "quotes"))
        .sum();
    assert!(n > 300, "{n} annotations");
}

#[test]
fn a_bad_line_in_the_middle_of_the_chain_is_one_message_and_the_rest_comes_out() {
    let good = pipeline_ok(
        "normalize --raw -q --meta examples/meta.jsonl examples/articles/*.txt \
         > target/chain-in.jsonl; sentences target/chain-in.jsonl | numbers | quotes | dedupe --mark",
    );
    let out = pipeline(
        "{ head -n 15 target/chain-in.jsonl; echo '{\"id\": \"x\", \"text\": 17}'; \
           tail -n 15 target/chain-in.jsonl; } > target/chain-bad.jsonl; \
         sentences target/chain-bad.jsonl | numbers | quotes | dedupe --mark",
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("sentences: target/chain-bad.jsonl:16: "),
        "{err}"
    );
    assert!(err.contains("text"), "{err}");
    assert_eq!(
        out.stdout, good.stdout,
        "every other record comes out, the same"
    );
}

/// Runs one of the examples' question scripts (they need jq: `make test` installs it).
fn question(script: &str) -> String {
    let out = pipeline_ok(&format!("sh examples/{script}"));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_three_questions_answer_on_the_demo_corpus() {
    // which figures each outlet reports: the manoeuvre's soldiers, four figures, five outlets
    let figures = question("figures.sh");
    for line in [
        "Soldaten\t3000\tetwa\t3.000\tRundschau am Sonntag\t2024-11-10",
        "Soldaten\t10000\trund\t10.000\tElbtal-Bote\t2024-11-04",
        "Soldaten\t10000\trund\t10.000\tLindenbrücker Kurier\t2024-11-04",
        "Soldaten\t11000\tmehr als\t11.000\tTagesblick Online\t2024-11-08",
        "Soldaten\t12000\tbis zu\t12.000\tWendelsburger Anzeiger\t2024-11-04",
    ] {
        assert!(
            figures.lines().any(|l| l == line),
            "no {line:?} in\n{figures}"
        );
    }
    // a thing only one outlet counts is not listed
    assert!(!figures.contains("Kampfpanzer"), "{figures}");

    // who said what
    let quotes = question("who-said-what.sh");
    assert!(quotes.lines().any(|l| l
        .starts_with("Henrik Albers\tsagte\tWendelsburger Anzeiger\t2024-11-04\tWir üben hier")));
    assert!(quotes.lines().any(|l| l.starts_with(
        "Maureen Callaghan\tsaid\tThe Harbour Ledger\t2024-10-23\tWe did not want this"
    )));
    assert!(
        quotes.lines().all(|l| l.split('\t').count() == 5),
        "{quotes}"
    );

    // which stories are copies: four wire stories, each printed by two outlets
    let copies = question("copies.sh");
    assert_eq!(copies.lines().filter(|l| l.ends_with("\tfirst")).count(), 4);
    assert!(copies.lines().any(
        |l| l.starts_with("21-kessler-werk-anzeiger.txt\tWendelsburger Anzeiger\t2024-11-06\tcopy")
    ));
}

#[test]
fn the_korpus_page_names_every_filter_and_the_scripts_it_points_to_exist() {
    let page = std::fs::read_to_string(korpus::root().join("man/korpus.7")).unwrap();
    for filter in korpus::FILTERS {
        assert!(page.contains(&format!("\\fB{filter}\\fR(1)")), "{filter}");
    }
    for file in [
        "examples/meta.jsonl",
        "examples/who-said-what.sh",
        "examples/figures.sh",
        "examples/copies.sh",
        "examples/sql/who-said-what.sql",
        "examples/sql/figures.sql",
        "examples/sql/copies.sql",
        "spark/korpus_spark.py",
    ] {
        assert!(korpus::root().join(file).exists(), "{file}");
    }
}
