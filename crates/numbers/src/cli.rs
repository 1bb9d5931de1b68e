//! The command line of `numbers`, defined once: it drives `--help` and `man/numbers.1`.

use clap::Parser;
use korpus_core::{CommonArgs, LangArg, ThreadsArg};

const ABOUT: &str = "Find every figure in the text of news records: its value, kind, the thing \
it counts and its hedge.";

const LONG_ABOUT: &str = "Find every figure in the text of news records: its value, kind, the \
thing it counts and its hedge.

Reads JSON Lines records (one object a line, with a string field `text`) and writes each \
back with a field `numbers` added at the end: a list of \
{\"text\", \"value\", \"kind\", \"unit\", \"qualifier\", \"start\", \"end\"}, in the order of the \
text. `start`/`end` are code-point offsets into the text; `text` is the figure as written, \
with its magnitude word, sign, percent or currency (\"1,6 Millionen\", \"5 Mrd. Euro\", \"30 \
Prozent\", \"$5 billion\"), without the hedge and the counted noun.

  value      the full value: 1600000 for \"1,6 Millionen\", 2345.67 for \"2.345,67\"; a percent \
keeps its figure (30); a range is [lo, hi]; a date is ISO (\"2024-10-22\", \"--10-03\" without a \
year, \"2024-10\"); a time is \"HH:MM\".
  kind       cardinal, decimal, ordinal, fraction, percent, money, measure, range, date, \
year or time.
  unit       what is counted or measured, as written (\"Soldaten\", \"Soldat:innen\", \"km\"), \
or the currency (\"Euro\", \"USD\" for $); null when nothing is counted.
  qualifier  the hedge before the figure, lower case as written (\"bis zu\", \"rund\", \"mehr \
als\", \"up to\"); null when there is none.

Spelled numbers and compounds (zwölftausend, einhunderteinunddreißig, eineinhalb, zwei \
Drittel, twenty-one), vague plurals (Tausende, dozens), magnitude words and abbreviations \
(Mio., Mrd., bn), grouping with dot, comma, space, narrow space or apostrophe by language. Not \
figures: identifiers (phone numbers, postcodes, case numbers such as 2 BvR 1234/22, F-16, \
MH17, G7, versions, ISBNs) and the indefinite article; \"ein\"/\"a\" counts only beside a \
magnitude, fraction or unit (eine Million, ein Drittel).

The language picks the lexicons: --lang, else the record's `lang` field, else a guess from \
frequent words, else German.";

const EXAMPLES: &str = "Examples:
  Figures of a corpus, one record per article:
    numbers corpus.jsonl > figures.jsonl

  Which figures each outlet reports, per sentence:
    normalize --raw articles/*.txt | sentences | numbers \\
      | jq -r '.id as $id | .numbers[] | [$id, .text, .value, .unit, .qualifier] | @tsv'

  Only the hedged figures:
    numbers corpus.jsonl | jq -c '.numbers[] | select(.qualifier != null)'";

#[derive(Parser, Debug)]
#[command(
    name = "numbers",
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_help = korpus_core::args::after_help("numbers", EXAMPLES)
)]
pub struct Cli {
    #[command(flatten)]
    pub common: CommonArgs,

    #[command(flatten)]
    pub lang: LangArg,

    #[command(flatten)]
    pub threads: ThreadsArg,
}
