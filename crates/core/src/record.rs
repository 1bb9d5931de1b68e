//! One JSON Lines record, parsed once into the spans of its top-level fields and nothing more:
//! a filter reads the one field it works on, and the writer copies every other field byte for
//! byte, so unknown fields pass through untouched and in order without being re-serialized.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use crate::error::Problem;

/// A top-level field: its key and the byte span of its value in the line.
#[derive(Debug, Clone)]
pub struct Field<'a> {
    pub key: Cow<'a, str>,
    pub value: Range<usize>,
}

/// A parsed JSON object line.
#[derive(Debug)]
pub struct Record<'a> {
    line: &'a str,
    fields: Vec<Field<'a>>,
    /// Byte position of the closing `}`.
    close: usize,
}

impl<'a> Record<'a> {
    /// Parses a line; the error says what is wrong in a user's words.
    pub fn parse(line: &'a [u8]) -> Result<Record<'a>, Problem> {
        // simdutf8 checks a line of German text (an umlaut every few words) in a fraction
        // of the time of the standard check, which leaves its fast ASCII path at each one;
        // the standard check runs only on a bad line, to say where it goes wrong.
        let Ok(line) = simdutf8::basic::from_utf8(line) else {
            let at = std::str::from_utf8(line)
                .err()
                .map_or(0, |e| e.valid_up_to());
            return Err(Problem::new(format!(
                "invalid UTF-8 at byte {} of the line",
                at + 1
            )));
        };
        Record::parse_str(line)
    }

    /// Parses a line already known to be UTF-8.
    pub fn parse_str(line: &'a str) -> Result<Record<'a>, Problem> {
        if line.trim().is_empty() {
            return Err(Problem::new("empty line, expected a JSON object"));
        }
        let mut de = serde_json::Deserializer::from_str(line);
        let fields = de
            .deserialize_any(ObjectVisitor { line })
            .map_err(|e| Problem::new(json_problem(&e)))?;
        de.end()
            .map_err(|e| Problem::new(format!("text after the JSON object ({e})")))?;
        let close = line
            .trim_end()
            .len()
            .checked_sub(1)
            .filter(|&i| line.as_bytes()[i] == b'}')
            .ok_or_else(|| Problem::new("not a JSON object"))?;
        Ok(Record {
            line,
            fields,
            close,
        })
    }

    /// The whole line as read (without its line end).
    pub fn line(&self) -> &'a str {
        self.line
    }

    pub fn fields(&self) -> &[Field<'a>] {
        &self.fields
    }

    pub(crate) fn close(&self) -> usize {
        self.close
    }

    /// The raw JSON text of a field's value; the last one wins if a key repeats, as in jq.
    pub fn raw(&self, key: &str) -> Option<&'a str> {
        self.fields
            .iter()
            .rev()
            .find(|f| f.key == key)
            .map(|f| &self.line[f.value.clone()])
    }

    /// A field that must be a string, decoded; borrowed when it has no escapes.
    pub fn str_field(&self, key: &str) -> Result<Cow<'a, str>, Problem> {
        let raw = self
            .raw(key)
            .ok_or_else(|| Problem::new(format!("no \"{key}\" field")))?;
        decode_string(raw)
            .ok_or_else(|| {
                Problem::new(format!(
                    "field \"{key}\" is {}, not a string",
                    json_kind(raw)
                ))
            })?
            .map_err(|e| Problem::new(format!("field \"{key}\": {}", json_problem(&e))))
    }

    /// A field read as a string if it is one (for `id` and similar), else its raw JSON.
    pub fn str_or_raw(&self, key: &str) -> Option<Cow<'a, str>> {
        let raw = self.raw(key)?;
        match decode_string(raw) {
            Some(Ok(s)) => Some(s),
            _ => Some(Cow::Borrowed(raw)),
        }
    }
}

/// A parsed record without its line ([`Record::layout`]): where its fields are, to be put back
/// on the same line without parsing it again ([`Record::attach`]), as when a record parsed on
/// one thread is written on another.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    fields: Vec<(LayoutKey, Range<usize>)>,
    close: usize,
}

/// A key's place in the line, or the key itself when it had escapes.
#[derive(Debug, Clone)]
enum LayoutKey {
    At(Range<usize>),
    Owned(String),
}

impl<'a> Record<'a> {
    /// Where the fields are, without the line.
    pub fn layout(&self) -> Layout {
        let mut layout = Layout::default();
        self.layout_into(&mut layout);
        layout
    }

    /// [`Record::layout`] into `layout`, whose buffer it reuses.
    pub fn layout_into(&self, layout: &mut Layout) {
        let base = self.line.as_ptr() as usize;
        layout.fields.clear();
        layout.fields.extend(self.fields.iter().map(|f| {
            let key = match &f.key {
                Cow::Borrowed(k) => {
                    let start = k.as_ptr() as usize - base;
                    LayoutKey::At(start..start + k.len())
                }
                Cow::Owned(k) => LayoutKey::Owned(k.clone()),
            };
            (key, f.value.clone())
        }));
        layout.close = self.close;
    }

    /// The record of `line` by the layout taken of it before; a layout that does not fit
    /// the line (another line) is not trusted: the line is parsed again.
    pub fn attach(line: &'a [u8], layout: &Layout) -> Result<Record<'a>, Problem> {
        let Ok(text) = simdutf8::basic::from_utf8(line) else {
            return Record::parse(line);
        };
        let fits = layout.close < text.len()
            && text.as_bytes()[layout.close] == b'}'
            && layout.fields.iter().all(|(k, v)| {
                text.get(v.clone()).is_some()
                    && match k {
                        LayoutKey::At(r) => text.get(r.clone()).is_some(),
                        LayoutKey::Owned(_) => true,
                    }
            });
        if !fits {
            return Record::parse_str(text);
        }
        let fields = layout
            .fields
            .iter()
            .map(|(k, value)| Field {
                key: match k {
                    LayoutKey::At(r) => Cow::Borrowed(&text[r.clone()]),
                    LayoutKey::Owned(k) => Cow::Owned(k.clone()),
                },
                value: value.clone(),
            })
            .collect();
        Ok(Record {
            line: text,
            fields,
            close: layout.close,
        })
    }
}

/// Decodes raw JSON text if it is a string: `None` if it is not a string at all.
fn decode_string(raw: &str) -> Option<Result<Cow<'_, str>, serde_json::Error>> {
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    if !inner.contains('\\') {
        return Some(Ok(Cow::Borrowed(inner)));
    }
    Some(serde_json::from_str::<String>(raw).map(Cow::Owned))
}

fn json_kind(raw: &str) -> &'static str {
    match raw.as_bytes().first() {
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b't') | Some(b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

/// serde_json's message without its "at line 1 column N" tail, which means nothing per line;
/// the column is given in our words instead.
fn json_problem(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let msg = match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg,
    };
    let msg = if msg.starts_with("invalid type") || msg.contains("expected a JSON object") {
        "not a JSON object".to_string()
    } else {
        format!("not valid JSON: {msg}")
    };
    if e.column() > 0 && !msg.starts_with("not a JSON object") {
        format!("{msg} (column {})", e.column())
    } else {
        msg
    }
}

/// A key that borrows from the line when it has no escapes.
struct Key<'a>(Cow<'a, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string key")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

struct ObjectVisitor<'a> {
    line: &'a str,
}

impl<'de> Visitor<'de> for ObjectVisitor<'de> {
    type Value = Vec<Field<'de>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let base = self.line.as_ptr() as usize;
        let mut fields = Vec::with_capacity(8);
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            let raw: &'de RawValue = map.next_value_seed(RawSeed)?;
            let start = raw.get().as_ptr() as usize - base;
            fields.push(Field {
                key,
                value: start..start + raw.get().len(),
            });
        }
        Ok(fields)
    }
}

struct RawSeed;

impl<'de> DeserializeSeed<'de> for RawSeed {
    type Value = &'de RawValue;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        <&RawValue as de::Deserialize>::deserialize(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_slice_the_values() {
        let line = r#"{"id": "a1", "text":"Hallo \"Welt\"", "n": [1, {"x": 2}] }"#;
        let r = Record::parse_str(line).unwrap();
        assert_eq!(r.raw("id"), Some(r#""a1""#));
        assert_eq!(r.raw("n"), Some(r#"[1, {"x": 2}]"#));
        assert_eq!(r.str_field("text").unwrap(), "Hallo \"Welt\"");
        assert_eq!(r.line().as_bytes()[r.close()], b'}');
    }

    #[test]
    fn says_what_is_wrong() {
        let msg = |l: &str| Record::parse(l.as_bytes()).unwrap_err().0;
        assert_eq!(msg(""), "empty line, expected a JSON object");
        assert_eq!(msg("[1,2]"), "not a JSON object");
        assert!(
            msg("{\"a\": ").starts_with("not valid JSON"),
            "{}",
            msg("{\"a\": ")
        );
        assert!(msg("{} x").starts_with("text after the JSON object"));
        assert!(Record::parse(b"{\"text\": \"\xff\"}")
            .unwrap_err()
            .0
            .contains("UTF-8"));
        let r = Record::parse_str(r#"{"text": 5}"#).unwrap();
        assert_eq!(
            r.str_field("text").unwrap_err().0,
            "field \"text\" is a number, not a string"
        );
        assert_eq!(r.str_field("body").unwrap_err().0, "no \"body\" field");
    }

    #[test]
    fn a_layout_puts_the_record_back_on_its_line() {
        let line = r#"{"id": "a1", "te\u0078t":"Hallo", "n": [1, {"x": 2}] }"#;
        let r = Record::parse_str(line).unwrap();
        let back = Record::attach(line.as_bytes(), &r.layout()).unwrap();
        assert_eq!(back.raw("id"), Some(r#""a1""#));
        assert_eq!(back.str_field("text").unwrap(), "Hallo");
        assert_eq!(back.raw("n"), r.raw("n"));
        assert_eq!(back.close(), r.close());
        // Another line: parsed anew, not sliced by a layout that is not its own.
        let other = r#"{"a": 1}"#;
        let o = Record::attach(other.as_bytes(), &r.layout()).unwrap();
        assert_eq!(o.raw("a"), Some("1"));
        assert_eq!(o.fields().len(), 1);
    }

    #[test]
    fn lone_surrogate_is_an_error_for_the_field() {
        let r = Record::parse_str(r#"{"text": "a\ud800b"}"#);
        let err = match r {
            Ok(r) => r.str_field("text").unwrap_err().0,
            Err(p) => p.0,
        };
        assert!(err.contains("surrogate") || err.contains("escape"), "{err}");
    }
}
