//! A sharded run, as map, reduce and apply: the same verdicts as one process, whatever the
//! shards. The map (`--signatures`) turns each record into a line with its global ordinal, its
//! label and its features; the reduce (`--reduce`) replays the signatures in ordinal order
//! through a [`Deduper`], exactly what one process does with the records, and writes a verdict
//! line for each copy; the apply (`--apply`) walks a shard's records beside the verdicts.

use std::io;

use base64::engine::general_purpose::STANDARD_NO_PAD as B64;
use base64::Engine;
use korpus_core::output::{write_json, write_json_str};
use korpus_core::Record;

use crate::{Features, Verdict};

fn bad(what: impl Into<String>) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.into())
}

/// Appends the signature line of one record (without its newline).
pub fn write_signature(
    buf: &mut Vec<u8>,
    ord: u64,
    id_json: &str,
    sentence_json: Option<&str>,
    f: &Features,
    scratch: &mut Vec<u8>,
) {
    buf.extend_from_slice(b"{\"o\":");
    write_json(buf, &ord);
    buf.extend_from_slice(b",\"id\":");
    buf.extend_from_slice(id_json.as_bytes());
    if let Some(s) = sentence_json {
        buf.extend_from_slice(b",\"sentence\":");
        buf.extend_from_slice(s.as_bytes());
    }
    buf.extend_from_slice(b",\"sig\":");
    scratch.clear();
    f.encode(scratch);
    write_json_str(buf, &B64.encode(&scratch[..]));
    buf.push(b'}');
}

/// A signature line read back: ordinal, label (JSON text) and features.
pub struct Signature<'a> {
    pub ord: u64,
    pub id: &'a str,
    pub sentence: Option<&'a str>,
    pub features: Features,
}

impl<'a> Signature<'a> {
    pub fn read(rec: &Record<'a>) -> io::Result<Signature<'a>> {
        let ord = rec
            .raw("o")
            .and_then(|o| o.parse::<u64>().ok())
            .ok_or_else(|| bad("not a signature line (no ordinal \"o\")"))?;
        let id = rec
            .raw("id")
            .ok_or_else(|| bad("a signature line without \"id\""))?;
        let sig = rec
            .str_field("sig")
            .map_err(|_| bad("a signature line without \"sig\""))?;
        let bytes = B64
            .decode(sig.as_bytes())
            .map_err(|_| bad("a damaged signature"))?;
        Ok(Signature {
            ord,
            id,
            sentence: rec.raw("sentence"),
            features: Features::decode(&bytes)?,
        })
    }
}

/// A copy's verdict: its ordinal, and what `--mark` writes for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Copy {
    pub ord: u64,
    pub of: u64,
    pub dup_of: String,
    pub dup_of_sentence: Option<String>,
    pub score: f64,
}

/// Appends the verdict line of a copy (without its newline).
pub fn write_verdict(buf: &mut Vec<u8>, c: &Copy) {
    buf.extend_from_slice(b"{\"o\":");
    write_json(buf, &c.ord);
    buf.extend_from_slice(b",\"of\":");
    write_json(buf, &c.of);
    buf.extend_from_slice(b",\"dup_of\":");
    buf.extend_from_slice(c.dup_of.as_bytes());
    if let Some(s) = &c.dup_of_sentence {
        buf.extend_from_slice(b",\"dup_of_sentence\":");
        buf.extend_from_slice(s.as_bytes());
    }
    buf.extend_from_slice(b",\"dup_score\":");
    write_json(buf, &c.score);
    buf.push(b'}');
}

impl Copy {
    pub fn read(rec: &Record) -> io::Result<Copy> {
        let num = |k: &str| {
            rec.raw(k)
                .and_then(|o| o.parse::<u64>().ok())
                .ok_or_else(|| bad(format!("not a verdict line (no \"{k}\")")))
        };
        Ok(Copy {
            ord: num("o")?,
            of: num("of")?,
            dup_of: rec
                .raw("dup_of")
                .ok_or_else(|| bad("a verdict line without \"dup_of\""))?
                .to_string(),
            dup_of_sentence: rec.raw("dup_of_sentence").map(str::to_string),
            score: rec
                .raw("dup_score")
                .and_then(|s| s.parse::<f64>().ok())
                .ok_or_else(|| bad("a verdict line without \"dup_score\""))?,
        })
    }
}

/// What a verdict says of a record, for writing it: `None` for a first copy.
pub fn copy_of(verdict: &Verdict) -> Option<(u64, f64)> {
    match verdict {
        Verdict::New => None,
        Verdict::Copy { of, score, .. } => Some((*of, *score)),
    }
}
