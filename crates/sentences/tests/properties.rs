//! The invariants of segmentation, on any text: the spans cover the document with only
//! whitespace between them, each is trimmed and non-empty, and code-point offsets slice exactly
//! the sentence. Inputs mix arbitrary Unicode with the pieces the rules react to.

use korpus_core::CharCursor;
use proptest::prelude::*;
use sentences::{Lang, Segmenter};

/// Text built from the pieces the rules look at: words, abbreviations, figures, quotes,
/// terminals, brackets, bullets, line breaks and odd whitespace.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Die"),
        Just("sagte"),
        Just("er"),
        Just("iPhone"),
        Just("z. B."),
        Just("Dr."),
        Just("usw."),
        Just("U.S."),
        Just("3."),
        Just("2024."),
        Just("1.500"),
        Just("J."),
        Just("III."),
        Just("„"),
        Just("“"),
        Just("\""),
        Just("'"),
        Just("»"),
        Just("("),
        Just(")"),
        Just("["),
        Just("[3]"),
        Just("."),
        Just("!"),
        Just("?"),
        Just("…"),
        Just("..."),
        Just(". . ."),
        Just(":"),
        Just(","),
        Just("•"),
        Just("- "),
        Just("1."),
        Just("a."),
        Just("www.x.de"),
        Just("a@b.de"),
        Just("\n"),
        Just("\n\n"),
        Just(" \n"),
        Just("\r\n"),
        Just("\u{a0}"),
        Just("\t"),
        Just("  "),
        Just("Ä"),
        Just("😀"),
    ];
    prop::collection::vec((piece, prop::bool::ANY), 0..40).prop_map(|parts| {
        let mut s = String::new();
        for (p, space) in parts {
            s.push_str(p);
            if space {
                s.push(' ');
            }
        }
        s
    })
}

/// One segmenter for every case: building the lexicons is the costly part.
fn segmenter() -> &'static Segmenter {
    static SEGMENTER: std::sync::OnceLock<Segmenter> = std::sync::OnceLock::new();
    SEGMENTER.get_or_init(Segmenter::new)
}

fn check(seg: &Segmenter, text: &str, lang: Lang) -> Result<(), TestCaseError> {
    let mut spans = Vec::new();
    seg.split_into(text, lang, &mut spans);
    let mut at = 0;
    let chars: Vec<char> = text.chars().collect();
    let mut cursor = CharCursor::new(text);
    for span in &spans {
        prop_assert!(
            span.start >= at && span.start < span.end,
            "{span:?} after {at}"
        );
        prop_assert!(text[at..span.start].chars().all(char::is_whitespace));
        let sentence = &text[span.clone()];
        prop_assert_eq!(sentence.trim(), sentence);
        let (s, e) = (cursor.char_of(span.start), cursor.char_of(span.end));
        let slice: String = chars[s..e].iter().collect();
        prop_assert_eq!(slice.as_str(), sentence);
        at = span.end;
    }
    prop_assert!(text[at..].chars().all(char::is_whitespace));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn spans_cover_news_like_text(text in newsy(), english in prop::bool::ANY) {
        let lang = if english { Lang::En } else { Lang::De };
        check(segmenter(), &text, lang)?;
    }

    #[test]
    fn spans_cover_any_text(text in "\\PC{0,200}") {
        check(segmenter(), &text, Lang::De)?;
        check(segmenter(), &text, Lang::En)?;
    }
}
