//! A sharded run, as map, reduce and apply: the same verdicts as one process, whatever the
//! shards. The map (`--signatures`) turns each record into a line with its global ordinal, its
//! label and its features; the reduce (`--reduce`) replays the signatures in ordinal order
//! through a [`Deduper`], exactly what one process does with the records, and writes a verdict
//! line for each copy; the apply (`--apply`) walks a shard's records beside the verdicts.
//!
//! A reduce too big for one machine groups the signatures by key instead (`x`, the exact key,
//! and `b`, the band keys): each record meets the first record of each of its keys, and
//! `--verify` judges it among them ([`crate::Deduper::judge_among`]), writing an edge to the
//! record it copies; the edges point to earlier records, so the components' smallest ordinals
//! (large-star/small-star rounds) are the groups' first records, as in one process.

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
    // The keys a cluster groups the records by: the exact key and the band keys as the
    // stream looks them up (low 32 bits, each once, none for an empty band).
    buf.extend_from_slice(b",\"x\":");
    write_json(buf, &f.exact);
    buf.extend_from_slice(b",\"b\":[");
    let mut keys: Vec<u32> = f
        .sketch
        .bands
        .iter()
        .filter(|&&k| k != 0)
        .map(|&k| k as u32)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    for (n, k) in keys.iter().enumerate() {
        if n > 0 {
            buf.push(b',');
        }
        write_json(buf, k);
    }
    buf.push(b']');
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

/// Appends the edge line of a copy found by `--verify` (without its newline): the record, the
/// record it copies and their similarity.
pub fn write_edge(buf: &mut Vec<u8>, ord: u64, to: u64, score: f64) {
    buf.extend_from_slice(b"{\"o\":");
    write_json(buf, &ord);
    buf.extend_from_slice(b",\"to\":");
    write_json(buf, &to);
    buf.extend_from_slice(b",\"dup_score\":");
    write_json(buf, &score);
    buf.push(b'}');
}
