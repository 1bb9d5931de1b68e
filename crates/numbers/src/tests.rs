//! Unit tests of the conventions, one case per rule, in news sentences of our own.

use super::*;

type Row = (String, Value, &'static str, Option<String>, Option<String>);

fn figures(text: &str, lang: Lang) -> Vec<Row> {
    Extractor::new()
        .extract(text, lang)
        .into_iter()
        .map(|f| {
            (
                text[f.span].to_string(),
                f.value,
                f.kind.as_str(),
                f.unit,
                f.qualifier,
            )
        })
        .collect()
}

fn de(text: &str) -> Vec<Row> {
    figures(text, Lang::De)
}

fn en(text: &str) -> Vec<Row> {
    figures(text, Lang::En)
}

fn row(
    text: &str,
    value: Value,
    kind: &'static str,
    unit: Option<&str>,
    hedge: Option<&str>,
) -> Row {
    (
        text.into(),
        value,
        kind,
        unit.map(Into::into),
        hedge.map(Into::into),
    )
}

fn n(v: f64) -> Value {
    Value::Number(v)
}

#[test]
fn hedged_counts_with_their_counted_thing() {
    assert_eq!(
        de("Im Hafen lagen bis zu 10.000 Kisten, rund 3000 Fässer und mehr als 1,6 Millionen Dosen."),
        [
            row("10.000", n(10000.0), "cardinal", Some("Kisten"), Some("bis zu")),
            row("3000", n(3000.0), "cardinal", Some("Fässer"), Some("rund")),
            row("1,6 Millionen", n(1_600_000.0), "cardinal", Some("Dosen"), Some("mehr als")),
        ]
    );
    assert_eq!(
        en("Up to 12,000 volunteers and about 1,500 nurses signed."),
        [
            row(
                "12,000",
                n(12000.0),
                "cardinal",
                Some("volunteers"),
                Some("up to")
            ),
            row(
                "1,500",
                n(1500.0),
                "cardinal",
                Some("nurses"),
                Some("about")
            ),
        ]
    );
}

#[test]
fn adjectives_before_the_counted_noun_are_skipped() {
    assert_eq!(
        de("Es warteten 400 verärgerte Pendler."),
        [row("400", n(400.0), "cardinal", Some("Pendler"), None)]
    );
    assert_eq!(
        de("Gekommen waren 35 Pfleger:innen."),
        [row("35", n(35.0), "cardinal", Some("Pfleger:innen"), None)]
    );
}

#[test]
fn percent_money_and_measures() {
    assert_eq!(
        de("Die Miete stieg um 30 Prozent auf 5 Mrd. Euro, die Quote auf 1,9%."),
        [
            row("30 Prozent", n(30.0), "percent", None, None),
            row("5 Mrd. Euro", n(5e9), "money", Some("Euro"), None),
            row("1,9%", n(1.9), "percent", None, None),
        ]
    );
    assert_eq!(
        en("The port handles $5 billion a year."),
        [row("$5 billion", n(5e9), "money", Some("USD"), None)]
    );
    assert_eq!(
        de("Der Deich ist 300 Kilometer lang, das Wasser hatte minus 2 Grad."),
        [
            row("300", n(300.0), "measure", Some("Kilometer"), None),
            row("minus 2", n(-2.0), "measure", Some("Grad"), None),
        ]
    );
}

#[test]
fn grouping_and_decimals_by_language() {
    assert_eq!(de("Es kostet 2.345,67 Euro.")[0].1, n(2345.67));
    assert_eq!(en("It costs 1,500 dollars.")[0].1, n(1500.0));
    assert_eq!(en("It rose 2.5 points.")[0].1, n(2.5));
    assert_eq!(de("Es kamen 40 000 Fans.")[0].1, n(40000.0));
    assert_eq!(de("Es kamen 40\u{202f}000 Fans.")[0].1, n(40000.0));
    assert_eq!(de("Es kamen 40'000 Fans.")[0].1, n(40000.0));
}

#[test]
fn ranges_are_one_mention() {
    assert_eq!(
        de("Zwischen 10.000 und 12.000 Menschen kamen, zwei bis drei Busse fehlten."),
        [
            row(
                "10.000 und 12.000",
                Value::Range(Some(10000.0), Some(12000.0)),
                "range",
                Some("Menschen"),
                None
            ),
            row(
                "zwei bis drei",
                Value::Range(Some(2.0), Some(3.0)),
                "range",
                Some("Busse"),
                None
            ),
        ]
    );
    assert_eq!(
        en("between 10,000 and 12,000 people")[0].1,
        Value::Range(Some(10000.0), Some(12000.0))
    );
    assert_eq!(
        de("Es kostet 10 bis 12 Millionen Euro.")[0].1,
        Value::Range(Some(1e7), Some(1.2e7))
    );
}

#[test]
fn dates_and_times() {
    assert_eq!(
        de("Am 22.10.2024 um 9.30 Uhr, am 3. Oktober und im Oktober 2024."),
        [
            row(
                "22.10.2024",
                Value::Text("2024-10-22".into()),
                "date",
                None,
                None
            ),
            row("9.30 Uhr", Value::Text("09:30".into()), "time", None, None),
            row(
                "3. Oktober",
                Value::Text("--10-03".into()),
                "date",
                None,
                None
            ),
            row(
                "Oktober 2024",
                Value::Text("2024-10".into()),
                "date",
                None,
                None
            ),
        ]
    );
    assert_eq!(
        en("At 6 p.m. on October 23, 2024.")
            .into_iter()
            .map(|r| r.1)
            .collect::<Vec<_>>(),
        [
            Value::Text("18:00".into()),
            Value::Text("2024-10-23".into())
        ]
    );
    assert_eq!(de("Das Gesetz gilt seit 2021.")[0].2, "year");
}

#[test]
fn spelled_numbers_fractions_and_vague_plurals() {
    let got: Vec<(String, Value, &str)> = de(
        "Zwölftausend Menschen, einhunderteinunddreißig Polizisten, eineinhalb Stunden, zwei \
         Drittel und die Hälfte; Tausende Fans und Dutzende Helfer.",
    )
    .into_iter()
    .map(|r| (r.0, r.1, r.2))
    .collect();
    assert_eq!(
        got,
        [
            ("Zwölftausend".into(), n(12000.0), "cardinal"),
            ("einhunderteinunddreißig".into(), n(131.0), "cardinal"),
            ("eineinhalb".into(), n(1.5), "measure"),
            ("zwei Drittel".into(), n(2.0 / 3.0), "fraction"),
            ("Hälfte".into(), n(0.5), "fraction"),
            ("Tausende".into(), n(1000.0), "cardinal"),
            ("Dutzende".into(), n(12.0), "cardinal"),
        ]
    );
    assert_eq!(
        en("twenty-one trillion and three hundred")[0].1,
        n(21e12 + 300.0)
    );
    assert_eq!(en("two thirds of a million")[0].1, n(2e6 / 3.0));
}

#[test]
fn english_fractions_of_a_magnitude_and_ordinal_denominators() {
    let values = |t: &str| en(t).into_iter().map(|r| (r.0, r.1)).collect::<Vec<_>>();
    // A half after a magnitude is half of that magnitude.
    assert_eq!(
        values("The fund holds two million and a half, the other one billion and a half million."),
        [
            ("two million and a half".into(), n(2.5e6)),
            ("one billion and a half million".into(), n(1.0005e9)),
        ]
    );
    assert_eq!(values("half a million voters")[0].1, n(5e5));
    assert_eq!(values("Half million tickets")[0].1, n(5e5));
    // A compound ordinal names the parts: one twenty-fifth, three twenty-firsts.
    assert_eq!(values("one twenty-fifth of the vote")[0].1, n(0.04));
    assert_eq!(values("three twenty-firsts")[0].1, n(3.0 / 21.0));
    // A magnitude ordinal after a count is an ordinal: the two hundredth day.
    assert_eq!(en("the two hundredth day")[0].1, n(200.0));
    assert_eq!(en("the two hundredth day")[0].2, "ordinal");
    assert_eq!(en("one hundredth of a second")[0].1, n(0.01));
    // Said aloud, "one twenty two" is 122; "twenty twenty" is not 40.
    assert_eq!(values("one twenty two")[0].1, n(122.0));
    assert_eq!(values("nineteen ninety-nine").len(), 2);
}

#[test]
fn one_as_a_pronoun_is_no_figure() {
    assert!(en("No one was hurt, and the one who called left.").is_empty());
    assert_eq!(en("the one million mark")[0].1, n(1e6));
    assert_eq!(en("One of the victims")[0].1, n(1.0));
}

#[test]
fn the_article_counts_only_with_a_magnitude_fraction_or_unit() {
    assert_eq!(
        de("Ein Bericht nannte eine Million Euro und ein Drittel.").len(),
        2
    );
    assert!(de("Ein Bericht kam, eine Frau ging.").is_empty());
    assert!(en("A report came out.").is_empty());
}

#[test]
fn ordinals() {
    assert_eq!(
        de("Der 2. Weltkrieg und der 1. FC Köln.")
            .into_iter()
            .map(|r| (r.0, r.2))
            .collect::<Vec<_>>(),
        [("2.".to_string(), "ordinal"), ("1.".to_string(), "ordinal")]
    );
    assert_eq!(en("the 2nd round")[0].2, "ordinal");
    assert_eq!(de("die dritte Runde")[0].1, n(3.0));
}

#[test]
fn identifiers_are_no_figures() {
    for text in [
        "Die F-16 und Flug MH17 sowie die G7.",
        "Aktenzeichen 2 BvR 1234/22.",
        "Telefon 030 1234567.",
        "Version 1.2.3 ist da.",
        "ISBN 978-3-16-148410-0",
    ] {
        assert!(de(text).is_empty(), "{text}: {:?}", de(text));
    }
}

#[test]
fn bounded_hedges_join_into_a_range() {
    assert_eq!(
        en("greater than 100 and smaller than 300")[0].1,
        Value::Range(Some(100.0), Some(300.0))
    );
    assert_eq!(
        de("mehr als 10 und weniger als 20")[0].1,
        Value::Range(Some(10.0), Some(20.0))
    );
}

#[test]
fn values_serialise_as_the_contract_says() {
    let json = |v: &Value| serde_json::to_string(v).unwrap();
    assert_eq!(json(&n(12000.0)), "12000");
    assert_eq!(json(&n(1.9)), "1.9");
    assert_eq!(json(&Value::Range(Some(2.0), None)), "[2,null]");
    assert_eq!(json(&Value::Text("2024-10".into())), "\"2024-10\"");
}

/// The eight-at-a-time letter scan ends where a byte-by-byte scan ends, for every byte value
/// at every place in a word, and at the end of the text.
#[test]
fn letter_runs_end_where_bytes_say() {
    let by_byte = |b: &[u8], mut i: usize| {
        while i < b.len() && b[i].is_ascii_alphabetic() {
            i += 1;
        }
        i
    };
    for stop in 0..=255u8 {
        for len in 0..20 {
            let mut b = b"WortwortWORTwortZzAa".to_vec();
            b.truncate(len);
            b.push(stop);
            b.extend_from_slice(b"abc");
            for i in 0..b.len() {
                assert_eq!(ascii_letters_end(&b, i), by_byte(&b, i), "{b:?} from {i}");
            }
        }
    }
}

/// The whole-number test agrees with `fract` on ordinary, huge, tiny and special values.
#[test]
fn whole_numbers_as_fract_says() {
    for v in [
        0.0,
        -0.0,
        1.0,
        -15.0,
        2.5,
        -0.5,
        1e-300,
        12000.0,
        1600000.0,
        4_503_599_627_370_495.5,
        4_503_599_627_370_496.0,
        9.1e15,
        1e300,
        f64::MAX,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
    ] {
        assert_eq!(is_whole(v), v.fract() == 0.0, "{v}");
    }
}

/// The tokens of `text` as (text, kind, space before).
fn cut(text: &str) -> Vec<(&str, T, bool)> {
    let mut toks = Vec::new();
    tokens(text, &mut toks);
    toks.iter()
        .map(|t| (&text[t.start..t.end], t.t, t.space))
        .collect()
}

#[test]
fn tokens_group_digits_by_every_separator() {
    use T::{Digits as D, Sym as S, Word as W};
    assert_eq!(
        cut("Über 40 000 Fans, 1.500,5 km; 12\u{202f}345 und 7\u{a0}000’000 Größe:3 ×2"),
        [
            ("Über", W, true),
            ("40 000", D, true),
            ("Fans", W, true),
            (",", S, false),
            ("1.500,5", D, true),
            ("km", W, true),
            (";", S, false),
            ("12\u{202f}345", D, true),
            ("und", W, true),
            ("7\u{a0}000’000", D, true),
            ("Größe", W, true),
            (":", S, false),
            ("3", D, false),
            ("×", S, true),
            ("2", D, false),
        ]
    );
    // A space groups only exactly three digits after groups of three.
    assert_eq!(cut("1234 567")[0].0, "1234");
    assert_eq!(cut("12 3456")[0].0, "12");
    assert_eq!(cut("5 000 000 Euro")[0].0, "5 000 000");
    // A mark before no digit ends the group: a sentence's period, a quote.
    assert_eq!(cut("2024. Dann")[0].0, "2024");
    assert_eq!(cut("3' lang")[0].0, "3");
}

proptest::proptest! {
    /// Tokens are in order, apart, on character boundaries, and between them lies only
    /// whitespace; `space` says whether any lies before.
    #[test]
    fn tokens_cover_all_but_whitespace(text in "[a-zäÜ0-9 .,'’:\u{a0}\u{202f}\u{2009}×½-]{0,40}") {
        let mut toks = Vec::new();
        tokens(&text, &mut toks);
        let mut at = 0;
        for t in &toks {
            proptest::prop_assert!(at <= t.start && t.start < t.end && t.end <= text.len());
            proptest::prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            let gap = &text[at..t.start];
            proptest::prop_assert!(gap.chars().all(char::is_whitespace));
            proptest::prop_assert_eq!(t.space, at == 0 || !gap.is_empty());
            at = t.end;
        }
        proptest::prop_assert!(text[at..].chars().all(char::is_whitespace));
    }
}

/// Every last word of a hedge passes the filter before the hedge lookup, in any case.
#[test]
fn hedge_filter_passes_every_hedge_in_any_case() {
    for lex in [Lexicon::german(), Lexicon::english()] {
        for last in lex.hedges_by_last.keys() {
            for w in [last.clone(), last.to_uppercase(), title(last)] {
                assert!(lex.may_end_hedge(w.as_bytes()), "{w}");
            }
        }
        assert!(!lex.may_end_hedge(b"Soldaten"));
    }
}

fn title(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
