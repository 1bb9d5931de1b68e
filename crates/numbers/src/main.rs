//! The `numbers` binary: parse the flags, hand the extractor to the core's record loop.

use std::process::ExitCode;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;
use korpus_core::{run_records, CharCursor, Edits, Lang, Tool};
use numbers::{cli::Cli, Extractor, Figure};
use serde::Serialize;

/// A figure as the contract writes it.
#[derive(Serialize)]
struct Out<'a> {
    text: &'a str,
    value: &'a numbers::Value,
    kind: &'static str,
    unit: Option<&'a str>,
    qualifier: Option<&'a str>,
    start: usize,
    end: usize,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let extractor = Extractor::new();
    let field = cli.common.field.as_str();
    let tool = Tool {
        name: "numbers",
        args: &cli.common,
    };
    let mut figures: Vec<Figure> = Vec::new();
    let mut edits = Edits::new();
    let status = run_records(&tool, |rec, out| {
        let text = rec.str_field(field)?;
        let lang = Lang::choose(cli.lang.lang, rec, &text);
        figures.clear();
        extractor.extract_into(&text, lang, &mut figures);
        let mut chars = CharCursor::new(&text);
        let list: Vec<Out> = figures
            .iter()
            .map(|f| Out {
                text: &text[f.span.clone()],
                value: &f.value,
                kind: f.kind.as_str(),
                unit: f.unit.as_deref(),
                qualifier: f.qualifier.as_deref(),
                start: chars.char_of(f.span.start),
                end: chars.char_of(f.span.end),
            })
            .collect();
        edits.clear();
        edits.set_json("numbers", &list);
        out.write_edited(rec, &edits)?;
        Ok(())
    });
    status.exit_code()
}
