//! The `quotes` binary: parse the flags, hand the finder to the core's record loop.

use std::process::ExitCode;

use clap::Parser;
use korpus_core::output::write_json;
use korpus_core::{run_annotating, CharCursor, Tool};
use quotes::{cli::Cli, Finder, Quote};

/// Appends the quotes as the contract writes them: a JSON array of
/// {"text", "speaker", "cue", "start", "end"} (code points), with "kind": "mention" on the
/// mentions that --all keeps.
fn write_quotes(buf: &mut Vec<u8>, text: &str, quotes: &[Quote], all: bool) {
    let mut chars = CharCursor::new(text);
    buf.push(b'[');
    let mut first = true;
    for q in quotes.iter().filter(|q| all || !q.mention) {
        if !first {
            buf.push(b',');
        }
        first = false;
        buf.extend_from_slice(b"{\"text\":");
        write_json(buf, &text[q.span.clone()]);
        buf.extend_from_slice(b",\"speaker\":");
        write_json(buf, &q.speaker);
        buf.extend_from_slice(b",\"cue\":");
        write_json(buf, &q.cue);
        buf.extend_from_slice(b",\"start\":");
        write_json(buf, &chars.char_of(q.span.start));
        buf.extend_from_slice(b",\"end\":");
        write_json(buf, &chars.char_of(q.span.end));
        if q.mention {
            buf.extend_from_slice(b",\"kind\":\"mention\"");
        }
        buf.push(b'}');
    }
    buf.push(b']');
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let finder = Finder::new();
    let tool = Tool {
        name: "quotes",
        args: &cli.common,
    };
    let status = run_annotating(&tool, cli.lang.lang, "quotes", |text, lang, buf| {
        write_quotes(buf, text, &finder.find(text, lang), cli.all);
    });
    status.exit_code()
}
