//! The flags every filter takes, defined once here and flattened into each filter's clap parser.

use std::path::PathBuf;

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
