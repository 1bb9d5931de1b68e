//! The `sentences` binary: parse the flags, hand the segmenter to the core's record loop.

use std::process::ExitCode;

use clap::Parser;
use korpus_core::{run_records, CharCursor, Edits, Lang, Tool};
use sentences::{cli::Cli, Segmenter};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let segmenter = Segmenter::new();
    let field = cli.common.field.as_str();
    let tool = Tool {
        name: "sentences",
        args: &cli.common,
    };
    let mut spans = Vec::new();
    let mut edits = Edits::new();
    let status = run_records(&tool, |rec, out| {
        let text = rec.str_field(field)?;
        let lang = Lang::choose(cli.lang.lang, rec, &text);
        spans.clear();
        segmenter.split_into(&text, lang, &mut spans);
        let mut chars = CharCursor::new(&text);
        for (n, span) in spans.iter().enumerate() {
            let start = chars.char_of(span.start);
            let end = chars.char_of(span.end);
            edits.clear();
            edits
                .set_str(field, &text[span.clone()])
                .set_json("sentence", &n)
                .set_json("start", &start)
                .set_json("end", &end);
            out.write_edited(rec, &edits)?;
        }
        Ok(())
    });
    status.exit_code()
}
