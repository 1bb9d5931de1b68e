//! The flags every filter takes, defined once here and flattened into each filter's clap parser.

use std::path::PathBuf;

use crate::Lang;

/// Common flags: inputs, the field to work on, strictness and progress.
#[derive(clap::Args, Debug, Clone)]
pub struct CommonArgs {
    /// Input files, JSON Lines; none or `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Work on this string field instead of `text`.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub field: String,

    /// Stop at the first bad line instead of reporting it and going on.
    #[arg(long)]
    pub strict: bool,

    /// Show the progress line on standard error even when it is not a terminal.
    #[arg(long, conflicts_with = "quiet")]
    pub progress: bool,

    /// Show no progress line and no warnings (errors are still reported).
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// `--lang`, for the filters whose rules depend on the language.
#[derive(clap::Args, Debug, Clone)]
pub struct LangArg {
    /// The language's lexicons and conventions to use for every record. Without it, a record's
    /// `lang` field decides, then a guess from frequent words, then German.
    #[arg(long, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,
}

/// A filter's `--help` epilogue: its examples, then the exit status every filter shares.
pub fn after_help(tool: &str, examples: &str) -> String {
    format!(
        "{examples}\n\nExit status: 0 when all went well, 1 when some lines were bad (each is \
         reported on standard error as {tool}: FILE:LINE: what is wrong), 2 when a file could \
         not be read or a flag is wrong."
    )
}
