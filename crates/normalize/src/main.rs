//! The `normalize` binary: parse the flags, hand the normalizer to the core's record loop.

use std::borrow::Cow;
use std::process::ExitCode;

use clap::Parser;
use korpus_core::{run_records, run_texts, Edits, Tool};
use normalize::{cli::Cli, Normalizer};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let normalizer = Normalizer::new(cli.options());
    let field = cli.common.field.as_str();
    let tool = Tool {
        name: "normalize",
        args: &cli.common,
    };
    let status = if cli.raw {
        run_texts(&tool, |id, text, out| {
            let mut doc = serde_json::Map::new();
            doc.insert("id".into(), id.into());
            doc.insert(field.into(), normalizer.normalize(text).into());
            Ok(out.write_value(&doc)?)
        })
    } else {
        let mut edits = Edits::new();
        run_records(&tool, |rec, out| {
            let text = rec.str_field(field)?;
            match normalizer.normalize(&text) {
                Cow::Borrowed(_) => out.write_unchanged(rec)?,
                Cow::Owned(new) => {
                    edits.clear();
                    edits.set_str(field, &new);
                    out.write_edited(rec, &edits)?;
                }
            }
            Ok(())
        })
    };
    status.exit_code()
}
