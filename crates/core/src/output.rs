//! Writing records: one locked, buffered standard output; a record that a filter did not change
//! is copied as read, a changed one is the read line with only the edited values spliced in and
//! the new fields added at the end, so every other byte passes through untouched.

use std::io::{self, Write};
use std::ops::Range;

use serde::Serialize;

use crate::record::Record;

const BUFFER: usize = 512 * 1024;

/// Values to set on a record: existing keys are replaced in place, new keys go at the end.
/// Reused across records so that building edits does not allocate once warm.
#[derive(Default, Debug)]
pub struct Edits {
    buf: Vec<u8>,
    items: Vec<(Range<usize>, Range<usize>)>,
}

impl Edits {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn clear(&mut self) {
        self.buf.clear();
        self.items.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Sets `key` to a JSON string.
    pub fn set_str(&mut self, key: &str, value: &str) -> &mut Self {
        self.set_json(key, value)
    }

    /// Sets `key` to any serializable value.
    pub fn set_json<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> &mut Self {
        let k0 = self.buf.len();
        write_json(&mut self.buf, key);
        let k1 = self.buf.len();
        write_json(&mut self.buf, value);
        let v1 = self.buf.len();
        self.items.push((k0..k1, k1..v1));
        self
    }

    /// Sets `key` to the JSON that `write` appends to the buffer it is given (for a filter
    /// that writes a large value piecewise, with [`write_json`] for its parts).
    pub fn set_with(&mut self, key: &str, write: impl FnOnce(&mut Vec<u8>)) -> &mut Self {
        let k0 = self.buf.len();
        write_json(&mut self.buf, key);
        let k1 = self.buf.len();
        write(&mut self.buf);
        let v1 = self.buf.len();
        self.items.push((k0..k1, k1..v1));
        self
    }

    /// Sets `key` to JSON text the caller has already serialized.
    pub fn set_raw(&mut self, key: &str, json: &str) -> &mut Self {
        let k0 = self.buf.len();
        write_json(&mut self.buf, key);
        let k1 = self.buf.len();
        self.buf.extend_from_slice(json.as_bytes());
        let v1 = self.buf.len();
        self.items.push((k0..k1, k1..v1));
        self
    }

    fn key_matches(&self, i: usize, key: &str) -> bool {
        let k = &self.buf[self.items[i].0.clone()];
        // The stored key is JSON-quoted; compare its inside when it needs no escapes.
        k.len() == key.len() + 2 && &k[1..k.len() - 1] == key.as_bytes()
    }
}

/// Appends `value` as JSON.
pub fn write_json<T: Serialize + ?Sized>(buf: &mut Vec<u8>, value: &T) {
    // Serializing to a Vec cannot fail for the values filters produce (strings, numbers,
    // arrays and maps with string keys); fall back to null rather than panic if it ever does.
    let mark = buf.len();
    if serde_json::to_writer(&mut *buf, value).is_err() {
        buf.truncate(mark);
        buf.extend_from_slice(b"null");
    }
}

/// Appends an integer as JSON writes it (an offset, a count), without the serializer.
pub fn write_int(buf: &mut Vec<u8>, n: impl itoa::Integer) {
    buf.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// The bytes a JSON string escapes: control characters, the quote and the backslash.
static ESCAPED: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[b'"' as usize] = true;
    t[b'\\' as usize] = true;
    t
};

/// Whether any byte of `b` is one a JSON string escapes, eight bytes at a time: a byte below
/// 0x20 borrows from its high bit when 0x20 is taken from it, and so does a quote or a
/// backslash when one is taken from it after the byte is XORed with it (zero).
#[inline]
fn needs_escape(b: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGH;
    let mut words = b.chunks_exact(8);
    for word in &mut words {
        let x = u64::from_le_bytes(word.try_into().unwrap_or_default());
        if below(x, 0x20) | below(x ^ (ONES * b'"' as u64), 1) | below(x ^ (ONES * b'\\' as u64), 1)
            != 0
        {
            return true;
        }
    }
    words.remainder().iter().any(|&c| ESCAPED[c as usize])
}

/// Appends `s` as a JSON string, byte for byte as [`write_json`] would: a string that needs
/// no escape (the most usual) is copied between quotes without going through the serializer.
pub fn write_json_str(buf: &mut Vec<u8>, s: &str) {
    if !needs_escape(s.as_bytes()) {
        buf.reserve(s.len() + 2);
        buf.push(b'"');
        buf.extend_from_slice(s.as_bytes());
        buf.push(b'"');
    } else {
        write_json(buf, s);
    }
}

/// Standard output, locked, behind a buffer of its own (or any writer, for tests).
///
/// Records are composed straight into the buffer (a filter's new field too, see
/// [`Output::write_annotated`]), which goes to the writer whole once it holds `BUFFER` bytes:
/// one copy of each byte, where a `BufWriter` behind a buffer of edits made two.
pub struct Output<W: Write = io::StdoutLock<'static>> {
    buf: Vec<u8>,
    /// The buffer goes to `w` once it holds this many bytes (never, for a buffer in memory).
    spill_at: usize,
    w: W,
    written: u64,
    used: Vec<bool>,
}

impl Default for Output {
    fn default() -> Self {
        Self::stdout()
    }
}

impl Output {
    pub fn stdout() -> Self {
        crate::pipe::widen_std_pipes();
        Output::to(io::stdout().lock())
    }
}

impl Output<io::Sink> {
    /// Output kept in memory, for a worker thread that hands its records on
    /// ([`Output::take_buffer`]).
    pub fn in_memory() -> Self {
        Output {
            spill_at: usize::MAX,
            ..Output::to(io::sink())
        }
    }

    /// What has been written so far, in bytes.
    pub fn buffered(&self) -> usize {
        self.buf.len()
    }

    /// Writes on into `buffer`, emptied, instead of the buffer it has: one taken before.
    pub fn reuse_buffer(&mut self, mut buffer: Vec<u8>) {
        buffer.clear();
        self.buf = buffer;
    }

    /// Takes what has been written, leaving the buffer empty.
    pub fn take_buffer(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.buf)
    }
}

impl<W: Write> Output<W> {
    pub fn to(w: W) -> Self {
        Output {
            buf: Vec::with_capacity(BUFFER + BUFFER / 4),
            spill_at: BUFFER,
            w,
            written: 0,
            used: Vec::new(),
        }
    }

    /// The writer, with everything written passed on to it.
    pub fn into_inner(mut self) -> io::Result<W> {
        self.w.write_all(&self.buf)?;
        self.buf.clear();
        Ok(self.w)
    }

    /// Records written so far.
    pub fn written(&self) -> u64 {
        self.written
    }

    /// Passes the buffer on to the writer once it is full; called at each record's end, so
    /// that the writer sees whole lines.
    fn end_record(&mut self) -> io::Result<()> {
        self.written += 1;
        self.spill_if_full()
    }

    fn spill_if_full(&mut self) -> io::Result<()> {
        if self.buf.len() >= self.spill_at {
            self.spill()?;
        }
        Ok(())
    }

    fn spill(&mut self) -> io::Result<()> {
        // The buffer is emptied even when the write fails: the run stops at a write error.
        let result = self.w.write_all(&self.buf);
        self.buf.clear();
        result
    }

    /// Writes a record unchanged, exactly as read.
    pub fn write_unchanged(&mut self, rec: &Record) -> io::Result<()> {
        self.buf.extend_from_slice(rec.line().as_bytes());
        self.buf.push(b'\n');
        self.end_record()
    }

    /// Writes a record with `edits` applied: existing keys replaced where they stand, new keys
    /// appended before the closing brace.
    pub fn write_edited(&mut self, rec: &Record, edits: &Edits) -> io::Result<()> {
        let line = rec.line().as_bytes();
        self.used.clear();
        self.used.resize(edits.items.len(), false);
        let mut cursor = 0;
        for field in rec.fields() {
            if let Some(i) = (0..edits.items.len()).find(|&i| edits.key_matches(i, &field.key)) {
                self.buf.extend_from_slice(&line[cursor..field.value.start]);
                self.buf
                    .extend_from_slice(&edits.buf[edits.items[i].1.clone()]);
                cursor = field.value.end;
                self.used[i] = true;
            }
        }
        self.buf.extend_from_slice(&line[cursor..rec.close()]);
        let mut any = !rec.fields().is_empty();
        for (i, (k, v)) in edits.items.iter().enumerate() {
            if self.used[i] {
                continue;
            }
            if any {
                self.buf.push(b',');
            }
            self.buf.extend_from_slice(&edits.buf[k.clone()]);
            self.buf.push(b':');
            self.buf.extend_from_slice(&edits.buf[v.clone()]);
            any = true;
        }
        self.buf.extend_from_slice(b"}\n");
        self.end_record()
    }

    /// Writes a record with one field set to the JSON that `write` appends to the buffer it
    /// is given: as [`Output::write_edited`] with that one edit, but composed in place when
    /// the record does not have the field yet (`edits` is the scratch for when it has).
    pub fn write_annotated(
        &mut self,
        rec: &Record,
        key: &str,
        edits: &mut Edits,
        write: impl FnOnce(&mut Vec<u8>),
    ) -> io::Result<()> {
        if rec.fields().iter().any(|f| f.key == key) {
            edits.clear();
            edits.set_with(key, write);
            return self.write_edited(rec, edits);
        }
        let line = rec.line().as_bytes();
        self.buf.extend_from_slice(&line[..rec.close()]);
        if !rec.fields().is_empty() {
            self.buf.push(b',');
        }
        write_json_str(&mut self.buf, key);
        self.buf.push(b':');
        write(&mut self.buf);
        self.buf.extend_from_slice(b"}\n");
        self.end_record()
    }

    /// Writes bytes the caller has composed, whole lines with their newlines.
    pub fn write_raw(&mut self, lines: &[u8]) -> io::Result<()> {
        self.buf.extend_from_slice(lines);
        self.spill_if_full()
    }

    /// Writes one line of JSON the caller has composed (without its newline).
    pub fn write_line(&mut self, json: &[u8]) -> io::Result<()> {
        self.buf.extend_from_slice(json);
        self.buf.push(b'\n');
        self.end_record()
    }

    pub fn write_value<T: Serialize + ?Sized>(&mut self, value: &T) -> io::Result<()> {
        write_json(&mut self.buf, value);
        self.buf.push(b'\n');
        self.end_record()
    }

    /// Passes everything written on to the writer and flushes it.
    pub fn flush(&mut self) -> io::Result<()> {
        self.spill()?;
        self.w.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn escapes_are_found_eight_bytes_at_a_time(
            // Mostly bytes that need no escape, some that do, and bytes above 0x7f.
            b in proptest::collection::vec(proptest::prop_oneof![8 => 0x23u8..0x5c, 1 => 0x1eu8..0x23, 1 => 0x5cu8..=0xff], 0..40)
        ) {
            proptest::prop_assert_eq!(needs_escape(&b), b.iter().any(|&c| ESCAPED[c as usize]));
        }

        #[test]
        fn string_fast_path_writes_what_serde_json_writes(s in "(\\PC|[\"\\\\\u{0}-\u{1f}\u{7f}])*") {
            let mut fast = Vec::new();
            write_json_str(&mut fast, &s);
            proptest::prop_assert_eq!(fast, serde_json::to_vec(&s).unwrap());
        }
    }

    fn edited(line: &str, edits: &Edits) -> String {
        let rec = Record::parse_str(line).unwrap();
        let mut out = Output::to(Vec::new());
        out.write_edited(&rec, edits).unwrap();
        String::from_utf8(out.into_inner().unwrap()).unwrap()
    }

    #[test]
    fn replaces_in_place_and_appends_new_fields() {
        let mut e = Edits::new();
        e.set_str("text", "neu \"x\"").set_json("n", &[1, 2]);
        assert_eq!(
            edited(r#"{"id": 1, "text": "alt", "z": true}"#, &e),
            "{\"id\": 1, \"text\": \"neu \\\"x\\\"\", \"z\": true,\"n\":[1,2]}\n"
        );
        assert_eq!(
            edited("{}", &e),
            "{\"text\":\"neu \\\"x\\\"\",\"n\":[1,2]}\n"
        );
        assert_eq!(
            edited("{ }", &e),
            "{ \"text\":\"neu \\\"x\\\"\",\"n\":[1,2]}\n"
        );
    }

    #[test]
    fn annotating_in_place_writes_what_an_edit_writes() {
        for line in [
            r#"{"id": 1, "text": "a"}"#,
            r#"{"id": 1, "n": 5, "text": "a", "n": 6}"#,
            r#"{"n": null}"#,
            "{}",
            "{ }",
            r#"{"id":"x"}  "#,
        ] {
            let rec = Record::parse_str(line).unwrap();
            let mut e = Edits::new();
            e.set_raw("n", "[1,2]");
            let mut annotated = Output::to(Vec::new());
            annotated
                .write_annotated(&rec, "n", &mut Edits::new(), |b| {
                    b.extend_from_slice(b"[1,2]")
                })
                .unwrap();
            let annotated = String::from_utf8(annotated.into_inner().unwrap()).unwrap();
            assert_eq!(annotated, edited(line, &e), "{line}");
        }
    }

    #[test]
    fn the_buffer_reaches_the_writer_in_whole_lines_and_all_of_it_at_the_end() {
        let rec = Record::parse_str(r#"{"text": "abc"}"#).unwrap();
        let mut out = Output::to(Vec::new());
        let n = 2 * BUFFER / rec.line().len();
        for _ in 0..n {
            out.write_unchanged(&rec).unwrap();
            let passed = out.w.len();
            assert!(passed == 0 || out.w.ends_with(b"\n"));
        }
        assert!(
            !out.w.is_empty(),
            "a full buffer is passed on before the end"
        );
        assert_eq!(out.written(), n as u64);
        let all = out.into_inner().unwrap();
        assert_eq!(all.len(), n * (rec.line().len() + 1));
    }
}
