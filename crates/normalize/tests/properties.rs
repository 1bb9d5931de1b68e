//! Invariants of `normalize`, over generated text: it is idempotent, and clean text (ASCII
//! without double spaces, controls or references) passes unchanged.

use std::borrow::Cow;

use normalize::{Normalizer, Options};
use proptest::prelude::*;

/// Text built from the pieces that make normalization interesting: mojibake, accents,
/// decomposed marks, invisible characters, every kind of space and line break, references.
fn messy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z0-9 .,;:!?'\"-]{0,8}",
        Just("Ã¼".to_string()),
        Just("â€ž".to_string()),
        Just("Ã".to_string()),
        Just("Â".to_string()),
        Just("√".to_string()),
        Just("e\u{301}".to_string()),
        Just("\u{ad}".to_string()),
        Just("\u{200b}".to_string()),
        Just("\u{200d}".to_string()),
        Just("\u{feff}".to_string()),
        Just("\u{a0}".to_string()),
        Just("\u{202f}".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n\n".to_string()),
        Just("\u{2029}".to_string()),
        Just("\u{85}".to_string()),
        Just("\u{93}".to_string()),
        Just("&amp;".to_string()),
        Just("&amp;amp;".to_string()),
        Just("&#x2019;".to_string()),
        Just("&nbsp;".to_string()),
        Just("ß".to_string()),
        Just("„".to_string()),
        "\\PC{0,3}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

fn all_options() -> Vec<Options> {
    vec![
        Options::default(),
        Options {
            nfkc: true,
            fold: true,
            dehyphenate: true,
            drop_boilerplate: true,
        },
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn normalize_is_idempotent(text in messy()) {
        for options in all_options() {
            let n = Normalizer::new(options);
            let once = n.normalize(&text).into_owned();
            let twice = n.normalize(&once);
            prop_assert!(matches!(twice, Cow::Borrowed(_)), "{:?}: {:?} -> {:?} -> {:?}", options, text, once, twice);
        }
    }

    #[test]
    fn clean_ascii_passes_byte_for_byte(words in prop::collection::vec("[a-zA-Z0-9.,;:!?'\"()-]{1,12}", 0..40), breaks in prop::collection::vec(0u8..3, 40)) {
        let mut text = String::new();
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                text.push_str(match breaks[i] { 0 => " ", 1 => "\n", _ => "\n\n" });
            }
            text.push_str(w);
        }
        let n = Normalizer::new(Options::default());
        prop_assert!(matches!(n.normalize(&text), Cow::Borrowed(_)));
    }

    #[test]
    fn never_panics_on_any_text(text in "\\PC*") {
        let n = Normalizer::new(Options::default());
        let _ = n.normalize(&text);
    }
}
