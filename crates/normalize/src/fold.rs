//! `--fold`: typography to ASCII for tools that only know straight quotes: quotation marks,
//! apostrophes, dashes, the ellipsis, primes and the narrow no-break space.

use std::borrow::Cow;

fn ascii(c: char) -> Option<&'static str> {
    Some(match c {
        '„' | '“' | '”' | '‟' | '«' | '»' | '″' | '〝' | '〞' => "\"",
        '‚' | '‘' | '’' | '‛' | '‹' | '›' | '′' => "'",
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => "-",
        '…' => "...",
        '\u{202F}' => " ",
        _ => return None,
    })
}

pub fn fold(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || !text.chars().any(|c| ascii(c).is_some()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match ascii(c) {
            Some(a) => out.push_str(a),
            None => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn folds_german_typography() {
        assert_eq!(super::fold("„Ja“ – sagte ‚er‘…"), "\"Ja\" - sagte 'er'...");
    }
}
