//! The command line of `normalize`, defined once: it drives `--help` and `man/normalize.1`.

use clap::Parser;
use korpus_core::{CommonArgs, ThreadsArg};

use crate::Options;

const ABOUT: &str = "Repair and clean the text of news records: mojibake, HTML character \
references, invisible characters, spaces and line breaks, Unicode NFC.";

const LONG_ABOUT: &str = "Repair and clean the text of news records: mojibake, HTML character \
references, invisible characters, spaces and line breaks, Unicode NFC.

Reads JSON Lines (one object a line, with a string field `text`) and writes each record back \
with its text normalized; every other field passes through untouched, in its order. With \
--raw, reads plain-text files and writes one record per file.

By default, in this order:
  1. Mojibake: text that was UTF-8 but was read as Windows-1252, Latin-1, MacRoman (or a \
Central European, Cyrillic or DOS code page), one or more layers deep, in the whole text or \
in one line of it, is repaired, only where the evidence is clear. C1 controls are read as \
Windows-1252.
  2. HTML character references that end in `;` are decoded (&amp; &quot; &#8211; &#x2019;).
  3. Soft hyphens, zero-width spaces, word joiners, BOMs, C0 controls, bidi marks in \
left-to-right lines and joiners outside emoji are removed.
  4. CRLF, CR and U+2028 become a line break, U+2029 a blank line; every space becomes \
U+0020, except a no-break or thin space between digits, which becomes U+202F (\"1 500\"); \
space runs collapse; spaces at line ends and at the ends of the text go; runs of blank \
lines become one blank line.
  5. Unicode NFC (text already in NFC costs nothing).

German typography („…“, ‚…‘, –, …) is kept. Running normalize twice changes nothing.";

const EXAMPLES: &str = "Examples:
  Normalize a JSON Lines corpus:
    normalize corpus.jsonl > clean.jsonl

  Wrap plain-text articles as records, dropping web furniture:
    normalize --raw --drop-boilerplate articles/*.txt > articles.jsonl

  Attach each article's outlet and date from a metadata file (one line per file:
  {\"file\": \"a.txt\", \"outlet\": \"Anzeiger\", \"date\": \"2024-10-19\"}):
    normalize --raw --meta meta.jsonl articles/*.txt

  Normalize another field, and fold typography to ASCII:
    normalize --field body --fold < in.jsonl

  Feed the next filter:
    normalize --raw articles/*.txt | sentences | numbers";

#[derive(Parser, Debug)]
#[command(
    name = "normalize",
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_help = korpus_core::args::after_help("normalize", EXAMPLES)
)]
pub struct Cli {
    #[command(flatten)]
    pub common: CommonArgs,

    /// Read the FILEs as plain text, one document each: {"id": file name as given, "text": ...}.
    /// A file that is not valid UTF-8 is read as Windows-1252, with a warning.
    #[arg(long)]
    pub raw: bool,

    /// With --raw: add to each document the fields of its line in FILE, a JSON Lines file of
    /// `{"file": NAME, FIELD: VALUE, ...}`, matched on the file name as given or on its last
    /// component. The fields go between `id` and the text (never over `id` or the text); a
    /// file without a line is warned of.
    #[arg(long, value_name = "FILE", requires = "raw")]
    pub meta: Option<std::path::PathBuf>,

    /// Compose to NFKC instead of NFC: ligatures, full-width and other compatibility forms are
    /// folded (ﬁ → fi, Ｔ → T, ½ → 1⁄2).
    #[arg(long)]
    pub nfkc: bool,

    /// Fold typography to ASCII: „“”«» → ", ‚‘’‹› → ', –— → -, … → ...
    #[arg(long)]
    pub fold: bool,

    /// Join words hyphenated across lines ("Nord-\nkorea" → "Nordkorea"), keeping the hyphen
    /// before a capital, before "und"/"oder" and between digits.
    #[arg(long)]
    pub dehyphenate: bool,

    /// Drop lines of web furniture: navigation ("Go up", "Index"), comment forms, cookie and
    /// newsletter notices, share buttons.
    #[arg(long)]
    pub drop_boilerplate: bool,

    #[command(flatten)]
    pub threads: ThreadsArg,
}

impl Cli {
    pub fn options(&self) -> Options {
        Options {
            nfkc: self.nfkc,
            fold: self.fold,
            dehyphenate: self.dehyphenate,
            drop_boilerplate: self.drop_boilerplate,
        }
    }
}
