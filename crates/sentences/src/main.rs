//! The `sentences` binary: parse the flags, hand the segmenter to the core's record loop.

use std::ops::Range;
use std::process::ExitCode;

use clap::Parser;
use korpus_core::error::Failure;
use korpus_core::{run_records_threads, CharCursor, Edits, Lang, Output, PerRecord, Record, Tool};
use sentences::{cli::Cli, Segmenter};

/// One record: a record per sentence, with the sentence as its text, its number and its span
/// in code points.
struct Step<'a> {
    segmenter: &'a Segmenter,
    field: &'a str,
    lang: Option<Lang>,
    spans: Vec<Range<usize>>,
    edits: Edits,
}

impl PerRecord for Step<'_> {
    fn record<W: std::io::Write>(
        &mut self,
        rec: &Record,
        out: &mut Output<W>,
    ) -> Result<(), Failure> {
        let text = rec.str_field(self.field)?;
        let lang = Lang::choose(self.lang, rec, &text);
        self.spans.clear();
        self.segmenter.split_into(&text, lang, &mut self.spans);
        let mut chars = CharCursor::new(&text);
        for (n, span) in self.spans.iter().enumerate() {
            let start = chars.char_of(span.start);
            let end = chars.char_of(span.end);
            self.edits.clear();
            self.edits
                .set_str(self.field, &text[span.clone()])
                .set_json("sentence", &n)
                .set_json("start", &start)
                .set_json("end", &end);
            out.write_edited(rec, &self.edits)?;
        }
        Ok(())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let segmenter = Segmenter::new();
    let tool = Tool {
        name: "sentences",
        args: &cli.common,
    };
    let status = run_records_threads(&tool, cli.threads.count(), || Step {
        segmenter: &segmenter,
        field: &cli.common.field,
        lang: cli.lang.lang,
        spans: Vec::new(),
        edits: Edits::new(),
    });
    status.exit_code()
}
