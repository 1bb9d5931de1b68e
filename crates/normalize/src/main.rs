//! The `normalize` binary: parse the flags, hand the normalizer to the core's record loop.

use std::borrow::Cow;
use std::process::ExitCode;

use clap::Parser;
use korpus_core::error::report;
use korpus_core::error::Failure;
use korpus_core::input::{display_name, open, Lines};
use korpus_core::{run_records_threads, run_texts, Edits, Output, PerRecord, Record, Tool};
use normalize::meta::Meta;
use normalize::{cli::Cli, Normalizer};

/// One record: its text field normalized; the record unchanged, byte for byte, when the text is.
struct Step<'a> {
    normalizer: &'a Normalizer,
    field: &'a str,
    edits: Edits,
}

impl PerRecord for Step<'_> {
    fn record<W: std::io::Write>(
        &mut self,
        rec: &Record,
        out: &mut Output<W>,
    ) -> Result<(), Failure> {
        let text = rec.str_field(self.field)?;
        match self.normalizer.normalize(&text) {
            Cow::Borrowed(_) => out.write_unchanged(rec)?,
            Cow::Owned(new) => {
                self.edits.clear();
                self.edits.set_str(self.field, &new);
                out.write_edited(rec, &self.edits)?;
            }
        }
        Ok(())
    }
}

fn read_meta(path: &std::path::Path) -> std::io::Result<Meta> {
    Meta::read(&mut Lines::new(open(path)?))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let normalizer = Normalizer::new(cli.options());
    let field = cli.common.field.as_str();
    let tool = Tool {
        name: "normalize",
        args: &cli.common,
    };
    let status = if cli.raw {
        let meta = match &cli.meta {
            Some(path) => match read_meta(path) {
                Ok(m) => Some(m),
                Err(e) => {
                    report("normalize", format_args!("{}: {e}", display_name(path)));
                    return ExitCode::from(2);
                }
            },
            None => None,
        };
        run_texts(&tool, |id, text, out| {
            let mut doc = serde_json::Map::new();
            doc.insert("id".into(), id.into());
            if let Some(meta) = &meta {
                match meta.of(id) {
                    Some(fields) => {
                        for (k, v) in fields {
                            if k != "id" && k != field {
                                doc.insert(k.clone(), v.clone());
                            }
                        }
                    }
                    None => tool.warn(format_args!("{id}: no line for it in the --meta file")),
                }
            }
            doc.insert(field.into(), normalizer.normalize(text).into());
            Ok(out.write_value(&doc)?)
        })
    } else {
        run_records_threads(&tool, cli.threads.count(), || Step {
            normalizer: &normalizer,
            field,
            edits: Edits::new(),
        })
    };
    status.exit_code()
}
