//! The rules that read a figure from the tokens, one convention each: written and spelled
//! numbers, magnitudes, fractions, ranges, percent, currencies, counted things, hedges, dates,
//! times, and the identifiers that are no figures.

use korpus_core::lexicon::lower;
use korpus_core::Lang;

use crate::lexicon::Unit;
use crate::words;
use crate::{is_whole, Figure, Kind, Read, Reader, Value, T};

/// Ordinal suffixes of English figures ("2nd").
const EN_ORDINAL_SUFFIX: &[&str] = &["st", "nd", "rd", "th"];

impl Reader<'_, '_> {
    /// A number at token `i`, written or spelled.
    pub(crate) fn number(&self, i: usize) -> Option<Read> {
        match self.t(i)? {
            T::Digits => self.digits(i),
            T::Word => self.spelled(i),
            T::Sym => None,
        }
    }

    /// A written number: grouping and decimal separators by language, an ordinal period
    /// (German "3.") or suffix (English "2nd"), a fraction "3/4".
    fn digits(&self, i: usize) -> Option<Read> {
        let s = self.s(i);
        let value = parse_digits(s, self.lex.lang)?;
        let plain = s.bytes().all(|b| b.is_ascii_digit());
        let mut read = Read {
            value,
            next: i + 1,
            spelled: false,
            ordinal: false,
            fraction: false,
            decimal: !is_whole(value)
                || (has_byte(s, b',') && self.lex.lang == Lang::De)
                || (has_byte(s, b'.') && self.lex.lang == Lang::En),
            article: false,
        };
        // "1.3x10^6"
        if self.glued(i + 1)
            && self.s(i + 1) == "x"
            && self.s(i + 2) == "10"
            && self.is_sym(i + 3, "^")
        {
            let (sign, j) = self.sign_at(i + 4);
            if let Ok(p) = self.s(j).parse::<i32>() {
                read.value = value * 10f64.powi(sign * p);
                read.decimal = !is_whole(read.value);
                read.next = j + 1;
                return Some(read);
            }
        }
        // Scientific notation and powers: "1e10", "12.32e+14", "1.1^23", "2.5^-1".
        if let Some((exp, after)) = self.exponent(i + 1) {
            read.value = value * 10f64.powi(exp);
            read.decimal = !is_whole(read.value);
            read.next = after;
            return Some(read);
        }
        if self.is_sym(i + 1, "^") && self.glued(i + 1) {
            let (sign, j) = self.sign_at(i + 2);
            if self.t(j) == Some(T::Digits) && self.glued(j) {
                if let Ok(p) = self.s(j).parse::<i32>() {
                    read.value = value.powi(sign * p);
                    read.decimal = true;
                    read.next = j + 1;
                    return Some(read);
                }
            }
        }
        // A fraction: "3/4" (an identifier such as "1234/22" was skipped before).
        if self.is_sym(i + 1, "/") && self.glued(i + 1) && self.glued(i + 2) {
            if self.t(i + 2) == Some(T::Digits) {
                let d: f64 = self.s(i + 2).parse().ok()?;
                if d > 0.0 {
                    read.value = value / d;
                    read.fraction = true;
                    read.next = i + 3;
                }
            }
            return Some(read);
        }
        match self.lex.lang {
            Lang::De => {
                // "4ter", "3te"
                if plain
                    && self.glued(i + 1)
                    && matches!(
                        self.s(i + 1),
                        "te" | "ter" | "ten" | "tes" | "tem" | "ste" | "ster" | "sten"
                    )
                {
                    read.ordinal = true;
                    read.next = i + 2;
                    return Some(read);
                }
                // "3. Oktober" is a date (read before); "2. Weltkrieg", "1. FC" are ordinals.
                if plain
                    && s.len() <= 3
                    && self.is_sym(i + 1, ".")
                    && self.glued(i + 1)
                    && self.t(i + 2) == Some(T::Word)
                    && !self.lex.function.contains(self.s(i + 2))
                {
                    read.ordinal = true;
                    read.next = i + 2;
                }
            }
            Lang::En => {
                if plain
                    && self.glued(i + 1)
                    && self.t(i + 1) == Some(T::Word)
                    && EN_ORDINAL_SUFFIX.contains(&self.s(i + 1))
                {
                    read.ordinal = true;
                    read.next = i + 2;
                }
            }
        }
        // "1 Komma 1"
        if !read.ordinal {
            let marker = if self.lex.lang == Lang::De {
                "komma"
            } else {
                "point"
            };
            self.decimal_words(&mut read, marker);
        }
        // A mixed number: "1 4/5".
        if plain && !read.ordinal && self.t(i + 1) == Some(T::Digits) && self.is_sym(i + 2, "/") {
            if let Some(frac) = self.digits(i + 1).filter(|r| r.fraction && r.value < 1.0) {
                read.value += frac.value;
                read.fraction = true;
                read.next = frac.next;
            }
        }
        Some(read)
    }

    /// "e10", "e+14", "e-1" glued after a figure: the exponent and the token after.
    fn exponent(&self, i: usize) -> Option<(i32, usize)> {
        if !(self.glued(i) && matches!(self.s(i), "e" | "E")) {
            return None;
        }
        let (sign, j) = self.sign_at(i + 1);
        if self.t(j) != Some(T::Digits) || !self.glued(j) {
            return None;
        }
        Some((sign * self.s(j).parse::<i32>().ok()?, j + 1))
    }

    /// An optional glued sign at `i` ("+", "-", "--" reads as "-"): its factor and the token after.
    fn sign_at(&self, i: usize) -> (i32, usize) {
        let mut j = i;
        let mut sign = 1;
        while self.glued(j) && matches!(self.s(j), "+" | "-" | "−") {
            if self.s(j) != "+" {
                sign = -1;
            }
            j += 1;
        }
        (sign, j)
    }

    /// A spelled number: German compounds, English word sequences, vague plurals, "Komma" and
    /// "point" decimals; "ein"/"a" as an article.
    fn spelled(&self, i: usize) -> Option<Read> {
        let w = self.s(i);
        let first = w.chars().next()?;
        // The article, the most frequent opener, without a lower-case copy.
        if ["ein", "eine", "einen", "einem", "einer", "eines"]
            .iter()
            .any(|a| w.eq_ignore_ascii_case(a))
            && self.lex.lang == Lang::De
        {
            return Some(Read {
                value: 1.0,
                next: i + 1,
                spelled: true,
                ordinal: false,
                fraction: false,
                decimal: false,
                article: true,
            });
        }
        let lower = lower(w);
        let base = Read {
            value: 0.0,
            next: i + 1,
            spelled: true,
            ordinal: false,
            fraction: false,
            decimal: false,
            article: false,
        };
        if let Some(&v) = self.lex.vague.get(w) {
            return Some(Read { value: v, ..base });
        }
        // "die Hälfte", "half of": a fraction on its own.
        if matches!(w, "Hälfte" | "half" | "Half") {
            return Some(Read {
                value: 0.5,
                fraction: true,
                ..base
            });
        }
        // "point 77", "Komma 5": a decimal without its whole.
        if matches!(lower.as_ref(), "point" | "komma")
            && self.t(i + 1) == Some(T::Digits)
            && self.s(i + 1).bytes().all(|b| b.is_ascii_digit())
        {
            return Some(Read {
                value: format!("0.{}", self.s(i + 1)).parse().ok()?,
                next: i + 2,
                decimal: true,
                ..base
            });
        }
        match self.lex.lang {
            Lang::De => {
                if matches!(
                    lower.as_ref(),
                    "ein" | "eine" | "einen" | "einem" | "einer" | "eines"
                ) {
                    return Some(Read {
                        value: 1.0,
                        article: true,
                        ..base
                    });
                }
                if !first.is_alphabetic() || lower.len() < 3 {
                    return None;
                }
                let (v, ordinal, fraction) = words::german(self.lex, &lower)?;
                let mut read = Read {
                    value: v,
                    ordinal,
                    fraction,
                    ..base
                };
                self.decimal_words(&mut read, "komma");
                Some(read)
            }
            Lang::En => {
                if matches!(lower.as_ref(), "a" | "an") {
                    return Some(Read {
                        value: 1.0,
                        article: true,
                        ..base
                    });
                }
                let mut read = self.english(i)?;
                self.decimal_words(&mut read, "point");
                Some(read)
            }
        }
    }

    /// English number words: "twenty-one", "one hundred and five", "two million", "third".
    fn english(&self, i: usize) -> Option<Read> {
        let (mut total, mut current) = (0.0, 0.0);
        let (mut any, mut ordinal) = (false, false);
        let mut j = i;
        let mut end = i;
        // Where a number said aloud ("one twenty") joined two, and the value before.
        let mut cut: Option<(usize, f64)> = None;
        while let Some(lower) = self.word_lower(j) {
            let w: &str = &lower;
            if let Some(&v) = self.lex.words.get(w) {
                if w == "oh" && !any {
                    break;
                }
                if any && current % 100.0 != 0.0 && (v >= 10.0 || current % 10.0 != 0.0) {
                    // "one twenty two" is 122, as said aloud; but "twenty twenty", "five six"
                    // and "one twenty-fifth" (a fraction) are not one number.
                    let aloud = current < 10.0 && v >= 20.0 && v % 10.0 == 0.0 && total == 0.0;
                    if !aloud {
                        break;
                    }
                    cut = Some((j, current));
                    current *= 100.0;
                }
                current += v;
            } else if w == "hundred" {
                current = f64::max(current, 1.0) * 100.0;
            } else if let Some(&m) = self
                .lex
                .magnitudes
                .get(w)
                .filter(|_| matches!(w, "thousand" | "million" | "billion" | "trillion"))
            {
                if !any {
                    break;
                }
                total += f64::max(current, 1.0) * m;
                current = 0.0;
            } else if let Some(v) = self.lex.ordinals.get(w).copied().or_else(|| {
                // "twenty-fifths": a plural ordinal, only as the end of a compound.
                let tens = current % 100.0 >= 20.0 && current % 10.0 == 0.0;
                (any && tens && w != "seconds")
                    .then(|| w.strip_suffix('s').and_then(|o| self.lex.ordinals.get(o)))
                    .flatten()
                    .copied()
            }) {
                // "one fifth", "two thirds": a count of parts, read by the fraction rule; but
                // "twenty-fifth" is an ordinal, and so is "two hundredth" (not 2/100).
                let tens = current % 100.0 >= 20.0 && current % 10.0 == 0.0 && v < 10.0;
                let times = v >= 100.0 && current > 1.0 && !w.ends_with('s');
                if any && !tens && !times && self.lex.fractions.contains_key(w) {
                    break;
                }
                if any && v >= 100.0 {
                    current = f64::max(current, 1.0) * v;
                } else if !any || v < 10.0 || current % 10.0 == 0.0 {
                    current += v;
                } else {
                    break;
                }
                // "second" alone is mostly time; count it only after a number word.
                if !any && w == "second" {
                    break;
                }
                ordinal = true;
                any = true;
                end = j + 1;
                break;
            } else {
                break;
            }
            any = true;
            j += 1;
            end = j;
            // "twenty-one", "fifty - two", "one hundred and five", "two thousand and ten"
            let tens = current % 100.0 >= 20.0 && current % 10.0 == 0.0;
            let hyphen = (self.is_sym(j, "-") || self.is_sym(j, "—") || self.is_sym(j, "–"))
                && ((self.glued(j) && self.glued(j + 1)) || tens)
                && self
                    .word_lower(j + 1)
                    .is_some_and(|n| self.is_number_word(&n));
            let and = self.word_is(j, &["and"])
                && (current % 100.0 == 0.0 || total > 0.0)
                && current + total > 0.0
                && self
                    .word_lower(j + 1)
                    .is_some_and(|n| self.is_number_word(&n))
                && self.fraction_word(j + 2).is_none();
            if hyphen || and {
                j += 1;
            }
        }
        // "one twenty-fifth": the count of a fraction, not the 125th.
        if let Some((at, before)) = cut.filter(|_| ordinal) {
            return Some(Read {
                value: before,
                next: at,
                spelled: true,
                ordinal: false,
                fraction: false,
                decimal: false,
                article: false,
            });
        }
        any.then_some(Read {
            value: total + current,
            next: end,
            spelled: true,
            ordinal,
            fraction: false,
            decimal: false,
            article: false,
        })
    }

    fn is_number_word(&self, w: &str) -> bool {
        self.lex.words.contains_key(w)
            || self.lex.ordinals.contains_key(w)
            || w.strip_suffix('s')
                .is_some_and(|o| o != "second" && self.lex.ordinals.contains_key(o))
            || matches!(
                w,
                "hundred" | "thousand" | "million" | "billion" | "trillion"
            )
    }

    /// "zwei Komma drei", "nine point nought four": the decimal part after the marker.
    fn decimal_words(&self, read: &mut Read, marker: &str) {
        if read.ordinal || !self.word_is(read.next, &[marker]) {
            return;
        }
        let mut digits = String::new();
        let mut j = read.next + 1;
        // "1 point 1", "1 Komma 5"
        if self.t(j) == Some(T::Digits) && self.s(j).bytes().all(|b| b.is_ascii_digit()) {
            digits.push_str(self.s(j));
            j += 1;
        }
        while let Some(w) = self
            .word_lower(j)
            .filter(|_| digits.is_empty() || self.lex.lang == Lang::En)
        {
            let v = match self.lex.lang {
                Lang::De => words::cardinal(self.lex, &w),
                Lang::En => self.lex.words.get(w.as_ref()).map(|&v| v as u64),
            };
            let Some(v) = v else { break };
            if v >= 10 && self.lex.lang == Lang::En {
                // "point seventy-one": a number read whole after the point.
                if digits.is_empty() {
                    if let Some(r) = self.english(j) {
                        digits.push_str(&(r.value as u64).to_string());
                        j = r.next;
                    }
                }
                break;
            }
            digits.push_str(&v.to_string());
            j += 1;
            if self.lex.lang == Lang::De {
                break;
            }
        }
        if let Ok(frac) = format!("0.{digits}").parse::<f64>() {
            if !digits.is_empty() {
                read.value += frac;
                read.decimal = true;
                read.next = j;
            }
        }
    }

    /// Whether a bare "ein"/"a" counts: before a magnitude, fraction, "Dutzend", currency,
    /// unit of measurement or percent.
    pub(crate) fn counts_article(&self, next: usize) -> bool {
        let w = self.s(next);
        self.magnitude(next).is_some()
            || self.fraction_word(next).is_some()
            || matches!(w, "Dutzend" | "dozen")
            || self.known(next).currency
            || self.known(next).unit == Some(Unit::Measure)
            || self.percent(next).is_some()
    }

    /// A magnitude at `next`: its factor and the token after ("Mio." takes its period).
    /// Single letters ("m", "k", "bn" glued) count only glued to the figure.
    pub(crate) fn magnitude(&self, next: usize) -> Option<(f64, usize)> {
        if self.t(next) != Some(T::Word) {
            return None;
        }
        // German nouns also in lower case: "drei millionen".
        if self.lex.lang == Lang::De && self.s(next).starts_with(char::is_lowercase) {
            if let Some(f) = self.known(next).magnitude_lower {
                return Some((f, next + 1));
            }
        }
        let single = self.s(next).len() <= 2 && !matches!(self.s(next), "Mio" | "Mrd");
        if single && !self.glued(next) {
            return None;
        }
        if let Some((key, after)) = self.period_key(next) {
            if let Some(&f) = self.lex.magnitudes.get(key) {
                return Some((f, after));
            }
        }
        if let Some(f) = self.known(next).magnitude {
            return Some((f, next + 1));
        }
        match self.s(next) {
            "Dutzend" | "dozen" => Some((12.0, next + 1)),
            _ => None,
        }
    }

    /// A fraction word at `i` ("Drittel", "thirds"): the value of one part.
    pub(crate) fn fraction_word(&self, i: usize) -> Option<f64> {
        if self.t(i) != Some(T::Word) {
            return None;
        }
        let w = self.s(i);
        let known = self.known(i);
        known.fraction.or_else(|| {
            (self.lex.lang == Lang::De && w.starts_with(char::is_lowercase))
                .then_some(known.fraction_lower)
                .flatten()
        })
    }

    /// The upper end of a range after a figure that ends before `next`: "bis 12.000",
    /// "- 12", "and 30" after "between". Returns the end, its magnitude and the token after.
    pub(crate) fn range_end(&self, start: usize, next: usize) -> Option<(f64, f64, usize)> {
        let between = || {
            start.checked_sub(1).is_some_and(|b| {
                let w = self.s(b);
                w.eq_ignore_ascii_case("zwischen") || w.eq_ignore_ascii_case("between")
            })
        };
        let connector = self.s(next);
        let ok = match self.t(next)? {
            T::Word => match connector {
                "bis" | "to" | "through" | "thru" => self.s(next + 1) != "zu",
                "und" | "and" => between(),
                _ => false,
            },
            T::Sym => matches!(connector, "-" | "–" | "—" | "~"),
            T::Digits => false,
        };
        if !ok {
            return None;
        }
        let hi = self.number(next + 1)?;
        if hi.article || hi.ordinal {
            return None;
        }
        // "1990-1995" is a range; "10-Jährige" is not.
        let (factor, after) = self.magnitude(hi.next).unwrap_or((1.0, hi.next));
        Some((hi.value * factor, factor, after))
    }

    /// A percent sign or word at `next`; the token after it.
    pub(crate) fn percent(&self, next: usize) -> Option<usize> {
        match self.s(next) {
            "%" => Some(next + 1),
            "Prozent" | "Prozentpunkte" | "Prozentpunkten" | "Prozentpunkt" | "percent" => {
                Some(next + 1)
            }
            "per" if self.s(next + 1) == "cent" => Some(next + 2),
            "percentage" if self.s(next + 1) == "points" => Some(next + 2),
            _ => None,
        }
    }

    /// A currency after a figure ("Euro", "€", "US-Dollar"): the unit to report, the next token.
    pub(crate) fn currency_after(&self, next: usize) -> Option<(String, usize)> {
        if self.s(next) == "US" && self.is_sym(next + 1, "-") && self.s(next + 2) == "Dollar" {
            return Some(("US-Dollar".into(), next + 3));
        }
        if !self.known(next).currency {
            return None;
        }
        let unit = self.lex.currencies.get(self.s(next))?;
        Some((unit.clone(), next + 1))
    }

    /// What a figure counts or measures, after it: a unit of measurement (`true`), or the
    /// counted noun ("Soldaten", "Soldat:innen", "troops").
    pub(crate) fn unit_after(&self, next: usize) -> Option<(String, bool)> {
        let w = self.s(next);
        if self.t(next) == Some(T::Sym) {
            // "°C", "m²"
            if w == "°" {
                let both = if self.glued(next + 1) && self.s(next + 1) == "C" {
                    "°C"
                } else {
                    "°"
                };
                return Some((both.to_string(), true));
            }
            return None;
        }
        if self.t(next) != Some(T::Word) {
            return None;
        }
        // "km/h"
        if self.is_sym(next + 1, "/") && self.glued(next + 1) && self.glued(next + 2) {
            let joined = format!("{w}/{}", self.s(next + 2));
            if self.lex.units.contains_key(&joined) {
                return Some((joined, true));
            }
        }
        if let Some((abbr, _)) = self.period_key(next) {
            if self.lex.units.contains_key(abbr) {
                return Some((abbr.to_string(), true));
            }
        }
        if self.known(next).unit.is_some() {
            return Some((w.to_string(), true));
        }
        match self.lex.lang {
            Lang::De => {
                // Skip up to two inflected adjectives: "10.000 russische Soldaten".
                let mut j = next;
                for _ in 0..2 {
                    let a = self.s(j);
                    if self.t(j) == Some(T::Word)
                        && a.starts_with(char::is_lowercase)
                        && ["e", "en", "er", "es", "em"].iter().any(|e| a.ends_with(e))
                        && !matches!(a, "der" | "die" | "des" | "den" | "dem" | "ein" | "eine")
                    {
                        j += 1;
                    } else {
                        break;
                    }
                }
                let noun = self.s(j);
                if self.t(j) != Some(T::Word)
                    || !noun.starts_with(char::is_uppercase)
                    || self.known(j).function
                    || self.known(j).month.is_some()
                {
                    return None;
                }
                // Gendered forms: "Soldat:innen", "Lehrer*innen", "Bürger_innen".
                if matches!(self.s(j + 1), ":" | "*" | "_")
                    && self.glued(j + 1)
                    && self.glued(j + 2)
                    && self.s(j + 2) == "innen"
                {
                    let span = &self.text[self.toks[j].start..self.toks[j + 2].end];
                    return Some((span.to_string(), false));
                }
                Some((noun.to_string(), false))
            }
            Lang::En => {
                let mut j = next;
                if self.word_is(j, &["of"]) && self.t(j + 1) == Some(T::Word) {
                    j += 1;
                }
                let noun = self.s(j);
                let lower = noun.to_lowercase();
                // A verb is no counted thing: "12,000 marched".
                if self.t(j) != Some(T::Word)
                    || self.lex.function.contains(lower.as_str())
                    || lower.ends_with("ed")
                    || self.is_number_word(&lower)
                {
                    return None;
                }
                // An adjective before the noun: "12,000 Russian troops", "300 new homes".
                let after = self.s(j + 1);
                if self.t(j + 1) == Some(T::Word)
                    && after.starts_with(char::is_lowercase)
                    && !self.lex.function.contains(after)
                    && [
                        "an", "ese", "ish", "ic", "al", "ed", "ive", "ous", "ful", "new", "old",
                    ]
                    .iter()
                    .any(|s| lower.ends_with(s))
                {
                    return Some((after.to_string(), false));
                }
                if noun.starts_with(char::is_uppercase) {
                    return None;
                }
                Some((noun.to_string(), false))
            }
        }
    }

    /// The hedge that ends just before token `start`, lower case, as written.
    pub(crate) fn hedge_before(&self, start: usize) -> Option<String> {
        // The word next to the figure first: most figures have no hedge, and one lookup says so.
        let last = start.checked_sub(1)?;
        let nearest_at = match self.t(last)? {
            T::Word => last..last + 1,
            T::Sym if self.s(last) == "." && last > 0 && self.t(last - 1) == Some(T::Word) => {
                last - 1..last + 1
            }
            _ => return None,
        };
        let nearest = &self.text[self.toks[nearest_at.start].start..self.toks[last].end];
        if !self.lex.may_end_hedge(nearest.as_bytes()) {
            return None;
        }
        // Lower-cased on the stack when short and ASCII ("Rund", "About"): no allocation for
        // the capitalised word in front of most figures.
        let mut stack = [0u8; 24];
        let candidates = if nearest.bytes().all(|b| b.is_ascii_lowercase()) {
            self.lex.hedges_by_last.get(nearest)
        } else if nearest.is_ascii() && nearest.len() <= stack.len() {
            let lower = &mut stack[..nearest.len()];
            lower.copy_from_slice(nearest.as_bytes());
            lower.make_ascii_lowercase();
            // ASCII in, ASCII out: always valid UTF-8.
            self.lex
                .hedges_by_last
                .get(std::str::from_utf8(lower).unwrap_or_default())
        } else {
            self.lex.hedges_by_last.get(&nearest.to_lowercase())
        }?;
        // The words before, as token ranges, newest first: "ca." is one word with its period.
        let mut before = [(0usize, 0usize); 6];
        let mut n = 0;
        let mut j = start;
        while j > 0 && n < before.len() {
            j -= 1;
            match self.t(j)? {
                T::Word => before[n] = (j, j + 1),
                T::Sym if self.s(j) == "." && j > 0 && self.t(j - 1) == Some(T::Word) => {
                    j -= 1;
                    before[n] = (j, j + 2);
                }
                _ => break,
            }
            n += 1;
        }
        let word = |k: usize| {
            let (a, b) = before[k];
            &self.text[self.toks[a].start..self.toks[b - 1].end]
        };
        let same = |w: &str, h: &str| {
            if w.is_ascii() {
                w.eq_ignore_ascii_case(h)
            } else {
                w.chars().flat_map(char::to_lowercase).eq(h.chars())
            }
        };
        for hedge in candidates.iter().map(|&k| &self.lex.hedges[k]) {
            let len = hedge.len();
            if len > n {
                continue;
            }
            // hedge[0] is the earliest word: before[len - 1].
            if (0..len).all(|k| same(word(len - 1 - k), &hedge[k])) {
                let from = self.toks[before[len - 1].0].start;
                let to = self.toks[start - 1].end;
                return Some(self.text[from..to].to_lowercase());
            }
        }
        None
    }

    /// The identifier that starts at token `i`, if any: the token after it. Flight numbers and
    /// models (MH17, F-16, G7), phone numbers, postcodes, case numbers (2 BvR 1234/22),
    /// versions (1.2.3), ISBNs are no figures.
    pub(crate) fn identifier_end(&self, i: usize) -> Option<usize> {
        if self.t(i) != Some(T::Digits) {
            return None;
        }
        let s = self.s(i);
        let prev_word = i > 0 && self.t(i - 1) == Some(T::Word);
        // Glued to letters before: "MH17", "G7"; or after a hyphen: "F-16", "COVID-19".
        if self.glued(i) && prev_word && !self.lex.currencies.contains_key(self.s(i - 1)) {
            return Some(i + 1);
        }
        if self.glued(i)
            && i >= 2
            && self.is_sym(i - 1, "-")
            && self.glued(i - 1)
            && self.t(i - 2) == Some(T::Word)
        {
            return Some(i + 1);
        }
        if i > 0 && self.s(i - 1).eq_ignore_ascii_case("isbn")
            || (i > 1 && self.s(i - 2).eq_ignore_ascii_case("isbn"))
        {
            let mut j = i + 1;
            while self.glued(j) && matches!(self.t(j), Some(T::Digits | T::Sym)) {
                j += 1;
            }
            return Some(j);
        }
        // Letters glued after that are no unit, magnitude or ordinal suffix: "3D", "5G".
        if self.glued(i + 1) && self.t(i + 1) == Some(T::Word) {
            let w = self.s(i + 1);
            let known = self.lex.units.contains_key(w)
                || self.exponent(i + 1).is_some()
                || (w == "x" && self.s(i + 2) == "10")
                || (self.lex.lang == Lang::De
                    && matches!(
                        w,
                        "te" | "ter" | "ten" | "tes" | "tem" | "ste" | "ster" | "sten"
                    ))
                || self.lex.magnitudes.contains_key(w)
                || self.lex.currencies.contains_key(w)
                || (self.lex.lang == Lang::En && EN_ORDINAL_SUFFIX.contains(&w));
            if !known {
                return Some(i + 2);
            }
        }
        // A phone number: a leading 0 or "+", and more digit groups.
        let plus = i > 0 && self.is_sym(i - 1, "+") && self.glued(i);
        if (plus || (s.starts_with('0') && s.len() >= 3 && s.bytes().all(|b| b.is_ascii_digit())))
            && self.t(i + 1).is_some()
        {
            let mut j = i + 1;
            let mut groups = 1;
            while matches!(self.t(j), Some(T::Digits))
                || (matches!(self.s(j), "/" | "-") && self.t(j + 1) == Some(T::Digits))
            {
                if self.t(j) == Some(T::Digits) {
                    groups += 1;
                }
                j += 1;
            }
            if groups >= 2 || plus {
                return Some(j);
            }
        }
        // "1234/22", "2 BvR 1234/22": a slash between numbers that make no small fraction.
        if self.is_sym(i + 1, "/") && self.glued(i + 1) && self.t(i + 2) == Some(T::Digits) {
            let den = self.s(i + 2);
            let small =
                s.len() <= 3 && den.len() <= 3 && s.parse::<u32>().ok() <= den.parse::<u32>().ok();
            if !small {
                return Some(i + 3);
            }
        }
        if self.t(i + 1) == Some(T::Word) && self.t(i + 2) == Some(T::Digits) {
            let w = self.s(i + 1);
            let mixed = w.len() <= 4
                && w.chars().any(char::is_uppercase)
                && w.chars().skip(1).any(char::is_lowercase)
                && w.chars().skip(1).any(char::is_uppercase);
            if mixed {
                let mut j = i + 3;
                while self.glued(j) && matches!(self.t(j), Some(T::Digits | T::Sym)) {
                    j += 1;
                }
                return Some(j);
            }
        }
        // A postcode: five digits before a town, after a comma or at a line start.
        if s.len() == 5
            && s.bytes().all(|b| b.is_ascii_digit())
            && self.lex.lang == Lang::De
            && self.t(i + 1) == Some(T::Word)
            && self.s(i + 1).starts_with(char::is_uppercase)
            && !self.lex.units.contains_key(self.s(i + 1))
            && !self.lex.currencies.contains_key(self.s(i + 1))
            && (i == 0
                || self.is_sym(i - 1, ",")
                || self.text[..self.toks[i].start].ends_with('\n'))
        {
            return Some(i + 1);
        }
        // A version: "1.2.3", dots between groups that are no thousands.
        if count_byte(s, b'.') >= 2
            && s.split('.').skip(1).any(|g| g.len() != 3)
            && parse_date(s).is_none()
        {
            return Some(i + 1);
        }
        None
    }

    /// A date or a time at token `i`: "22.10.2024", "3. Oktober 2024", "Oktober 2024",
    /// "October 23, 2024", "2024-10-22", "14:30 Uhr", "9.30 Uhr", "6 p.m.".
    pub(crate) fn date_or_time(&self, i: usize) -> Option<(Figure, usize)> {
        let t = self.t(i)?;
        let s = self.s(i);
        let fig = |end: usize, value: String, kind: Kind| {
            (
                Figure {
                    span: self.toks[i].start..self.toks[end - 1].end,
                    value: Value::Text(value),
                    kind,
                    unit: None,
                    qualifier: self.hedge_before(i),
                },
                end,
            )
        };
        if t == T::Word {
            // "Oktober 2024", "October 23, 2024", "Oct. 23"
            if !s.starts_with(char::is_uppercase) {
                return None;
            }
            let month = match self.lex.months.get(s) {
                Some(&m) => (m, i + 1),
                None => {
                    let (key, after) = self.period_key(i)?;
                    (*self.lex.months.get(key)?, after)
                }
            };
            let (m, after) = month;
            let n = self.s(after);
            if self.t(after) != Some(T::Digits) || !n.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            if n.len() == 4 {
                return Some(fig(after + 1, format!("{n}-{m:02}"), Kind::Date));
            }
            if self.lex.lang == Lang::En && n.len() <= 2 {
                let d: u32 = n.parse().ok()?;
                if !(1..=31).contains(&d) {
                    return None;
                }
                let mut end = after + 1;
                if self.t(end) == Some(T::Word) && EN_ORDINAL_SUFFIX.contains(&self.s(end)) {
                    end += 1;
                }
                let year = if self.is_sym(end, ",") && self.s(end + 1).len() == 4 {
                    self.s(end + 1).parse::<u32>().ok()
                } else if self.s(end).len() == 4 && self.t(end) == Some(T::Digits) {
                    self.s(end).parse::<u32>().ok()
                } else {
                    None
                };
                return Some(match year {
                    Some(y) => {
                        let e = if self.is_sym(end, ",") {
                            end + 2
                        } else {
                            end + 1
                        };
                        fig(e, format!("{y}-{m:02}-{d:02}"), Kind::Date)
                    }
                    None => fig(end, format!("--{m:02}-{d:02}"), Kind::Date),
                });
            }
            return None;
        }
        if t != T::Digits {
            return None;
        }
        // "22.10.2024", "1.1.70"
        if let Some(iso) = parse_date(s) {
            return Some(fig(i + 1, iso, Kind::Date));
        }
        // "2024-10-22"
        if s.len() == 4
            && self.is_sym(i + 1, "-")
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self.s(i + 2).len() == 2
            && self.is_sym(i + 3, "-")
            && self.glued(i + 4)
            && self.s(i + 4).len() == 2
        {
            let iso = format!("{s}-{}-{}", self.s(i + 2), self.s(i + 4));
            return Some(fig(i + 5, iso, Kind::Date));
        }
        let plain = s.bytes().all(|b| b.is_ascii_digit());
        // Times: "14:30", "9.30 Uhr", "14 Uhr", "6 p.m.", "6:10 p.m."
        let mut hm: Option<(u32, u32, usize)> = None;
        if plain
            && s.len() <= 2
            && self.is_sym(i + 1, ":")
            && self.glued(i + 1)
            && self.glued(i + 2)
        {
            let m = self.s(i + 2);
            if m.len() == 2 && self.t(i + 2) == Some(T::Digits) {
                hm = Some((s.parse().ok()?, m.parse().ok()?, i + 3));
            }
        } else if let Some((h, m)) = (has_byte(s, b'.'))
            .then(|| s.split_once('.'))
            .flatten()
            .filter(|(h, m)| h.len() <= 2 && m.len() == 2)
        {
            if self.s(i + 1) == "Uhr" {
                hm = Some((h.parse().ok()?, m.parse().ok()?, i + 1));
            }
        } else if plain
            && s.len() <= 2
            && (self.s(i + 1) == "Uhr" || self.meridiem(i + 1).is_some())
        {
            hm = Some((s.parse().ok()?, 0, i + 1));
        }
        if let Some((mut h, m, mut end)) = hm {
            if self.s(end) == "Uhr" {
                end += 1;
            } else if let Some((pm, after)) = self.meridiem(end) {
                if pm && h < 12 {
                    h += 12;
                } else if !pm && h == 12 {
                    h = 0;
                }
                end = after;
            }
            if h < 24 && m < 60 {
                return Some(fig(end, format!("{h:02}:{m:02}"), Kind::Time));
            }
        }
        // German "3. Oktober [2024]", English "23 October [2024]"
        if plain && s.len() <= 2 {
            let d: u32 = s.parse().ok()?;
            let mut j = i + 1;
            if self.lex.lang == Lang::De {
                if !(self.is_sym(j, ".") && self.glued(j)) {
                    return None;
                }
                j += 1;
            }
            if self.t(j) != Some(T::Word) || !(1..=31).contains(&d) {
                return None;
            }
            let (m, after) = self
                .period_key(j)
                .and_then(|(key, after)| self.lex.months.get(key).map(|&m| (m, after)))
                .or_else(|| self.lex.months.get(self.s(j)).map(|&m| (m, j + 1)))?;
            let y = self.s(after);
            if self.t(after) == Some(T::Digits)
                && y.len() == 4
                && y.bytes().all(|b| b.is_ascii_digit())
            {
                return Some(fig(after + 1, format!("{y}-{m:02}-{d:02}"), Kind::Date));
            }
            return Some(fig(after, format!("--{m:02}-{d:02}"), Kind::Date));
        }
        None
    }

    /// "a.m." / "p.m." / "am" / "pm" at `i`: whether afternoon, and the token after.
    fn meridiem(&self, i: usize) -> Option<(bool, usize)> {
        if self.lex.lang != Lang::En {
            return None;
        }
        let w = self.word_lower(i)?;
        match w.as_ref() {
            "am" | "pm" => Some((&*w == "pm", i + 1)),
            "a" | "p" if self.is_sym(i + 1, ".") && self.word_is(i + 2, &["m"]) => {
                let end = if self.is_sym(i + 3, ".") {
                    i + 4
                } else {
                    i + 3
                };
                Some((&*w == "p", end))
            }
            _ => None,
        }
    }
}

/// The value of at most 15 ASCII digits, exact in an f64.
fn whole(digits: impl Iterator<Item = u8>) -> f64 {
    digits.fold(0u64, |a, d| a * 10 + (d - b'0') as u64) as f64
}

/// The common shapes without allocating: plain digits ("2024"), digits grouped by the
/// language's separator ("12.000", "12,000") and one decimal mark ("1,6", "1.6"). `None` for
/// anything else, which `parse_digits` reads the long way.
fn parse_common(s: &[u8], lang: Lang) -> Option<f64> {
    let (group, decimal) = match lang {
        Lang::De => (b'.', b','),
        Lang::En => (b',', b'.'),
    };
    if s.len() > 15 {
        return None;
    }
    if s.iter().all(u8::is_ascii_digit) {
        return Some(whole(s.iter().copied()));
    }
    let marks = s.iter().filter(|&&b| !b.is_ascii_digit()).count();
    if let Some(at) = s.iter().position(|&b| b == decimal) {
        // One decimal mark and digits around it: parse "int.frac" from a stack buffer.
        if marks != 1 || at == 0 || at == s.len() - 1 {
            return None;
        }
        let mut buf = [0u8; 16];
        buf[..s.len()].copy_from_slice(s);
        buf[at] = b'.';
        return std::str::from_utf8(&buf[..s.len()]).ok()?.parse().ok();
    }
    // Groups of three after a first group of one to three: "1.234.567".
    let mut groups = s.split(|&b| b == group);
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 || !first.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let mut n = 0;
    for g in groups {
        if g.len() != 3 || !g.iter().all(u8::is_ascii_digit) {
            return None;
        }
        n += 1;
    }
    if n == 0 || n != marks {
        return None;
    }
    Some(whole(s.iter().copied().filter(u8::is_ascii_digit)))
}

/// A written number by the language's conventions: German "1.500" and "2,5", English "1,500"
/// and "2.5"; space, narrow space and apostrophe group thousands in both.
pub(crate) fn parse_digits(s: &str, lang: Lang) -> Option<f64> {
    if let Some(v) = parse_common(s.as_bytes(), lang) {
        return Some(v);
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok().filter(|v: &f64| v.is_finite());
    }
    let cleaned: String = s
        .chars()
        .filter(|&c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '’'))
        .collect();
    let (group, decimal) = match lang {
        Lang::De => ('.', ','),
        Lang::En => (',', '.'),
    };
    let thousands = |part: &str, sep: char| {
        let groups: Vec<&str> = part.split(sep).collect();
        groups.len() > 1 && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3)
    };
    let n = if cleaned.contains(decimal) && cleaned.contains(group) {
        let (int, frac) = cleaned.rsplit_once(decimal)?;
        format!("{}.{}", int.replace(group, ""), frac)
    } else if cleaned.contains(group) {
        if thousands(&cleaned, group) {
            cleaned.replace(group, "")
        } else if cleaned.matches(group).count() == 1 {
            cleaned.replace(group, ".")
        } else {
            return None;
        }
    } else if cleaned.contains(decimal) {
        if cleaned.matches(decimal).count() > 1 {
            if thousands(&cleaned, decimal) {
                cleaned.replace(decimal, "")
            } else {
                return None;
            }
        } else {
            cleaned.replace(decimal, ".")
        }
    } else {
        cleaned
    };
    let v: f64 = n.parse().ok()?;
    v.is_finite().then_some(v)
}

/// "22.10.2024", "1.1.70" → ISO; `None` for anything else.
pub(crate) fn parse_date(s: &str) -> Option<String> {
    if count_byte(s, b'.') != 2 {
        return None;
    }
    let parts: Vec<&str> = s.split('.').collect();
    if parts.len() != 3
        || !parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let (d, m, y) = (parts[0], parts[1], parts[2]);
    if d.len() > 2 || m.len() > 2 || !(y.len() == 4 || y.len() == 2) {
        return None;
    }
    let (d, m): (u32, u32) = (d.parse().ok()?, m.parse().ok()?);
    if !(1..=31).contains(&d) || !(1..=12).contains(&m) {
        return None;
    }
    let y = if y.len() == 2 {
        let yy: u32 = y.parse().ok()?;
        if yy <= 40 {
            2000 + yy
        } else {
            1900 + yy
        }
    } else {
        y.parse().ok()?
    };
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// Whether `s` holds the byte `b`: a loop over a token of a few bytes, cheaper than the
/// searcher `str::contains` sets up.
fn has_byte(s: &str, b: u8) -> bool {
    s.bytes().any(|c| c == b)
}

/// How often the byte `b` occurs in the short token `s`.
fn count_byte(s: &str, b: u8) -> usize {
    s.bytes().filter(|&c| c == b).count()
}
