//! What every korpus filter shares, so that a filter is only its own logic: reading JSON Lines
//! records from files or standard input with `FILE:LINE` for errors, writing them buffered and
//! locked, the common flags, the contract's exit codes, code-point offsets and a progress line.
//!
//! A filter's `main` parses its flags (flattening [`CommonArgs`]) and hands a closure to
//! [`run_records`]; the closure sees one parsed [`Record`] at a time and writes through [`Output`].

pub mod args;
pub mod charset;
pub mod error;
pub mod input;
pub mod lang;
pub mod lexicon;
pub mod man;
pub mod offsets;
pub mod output;
pub mod parallel;
pub mod pipe;
pub mod progress;
pub mod record;
pub mod run;

pub use args::CommonArgs;
pub use args::LangArg;
pub use error::{Problem, Status};
pub use lang::{ByLang, Lang};
pub use offsets::CharCursor;
pub use output::{Edits, Output};
pub use parallel::{
    run_annotating_threads, run_records_mapped, run_records_threads, Fold, PerRecord, ThreadsArg,
};
pub use record::Record;
pub use run::{run_annotating, run_records, run_records_at, run_texts, At, Tool};
