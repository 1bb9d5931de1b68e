//! Unit tests of the conventions, one case per rule, in news sentences of our own.

use super::*;

fn de(text: &str) -> Vec<(String, Value, &'static str, Option<String>, Option<String>)> {
    figures(text, Lang::De)
}

fn en(text: &str) -> Vec<(String, Value, &'static str, Option<String>, Option<String>)> {
    figures(text, Lang::En)
}

fn figures(text: &str, lang: Lang) -> Vec<(String, Value, &'static str, Option<String>, Option<String>)> {
    Extractor::new()
        .extract(text, lang)
        .into_iter()
        .map(|f| (text[f.span].to_string(), f.value, f.kind.as_str(), f.unit, f.qualifier))
        .collect()
}

#[test]
fn a_hedged_count() {
    assert_eq!(
        de("Es kamen bis zu 10.000 Soldaten."),
        [("10.000".into(), Value::Number(10000.0), "cardinal", Some("Soldaten".into()), Some("bis zu".into()))]
    );
}
