//! The command line of `quotes`, defined once: it drives `--help` and `man/quotes.1`.

use clap::Parser;
use korpus_core::{CommonArgs, LangArg, ThreadsArg};

const ABOUT: &str = "Find every direct quotation in the text of news records, with its speaker \
and cue verb.";

const LONG_ABOUT: &str = "Find every direct quotation in the text of news records, with its \
speaker and cue verb.

Reads JSON Lines records (one object a line, with a string field `text`) and writes each \
back with a field `quotes` added at the end: a list of \
{\"text\", \"speaker\", \"cue\", \"start\", \"end\"}, one per pair of quote marks, in the \
order of the text. `text` is the quotation without its marks; `start`/`end` are code-point \
offsets into the record's text.

  speaker  the person quoted, in the fullest form the document gives (\"Pat Ryder\" when \
the text says \"sagte Ryder\" and names \"Pat Ryder\" elsewhere), without role words; a \
pronoun or role (\"er\", \"der Sprecher\") stands for the last named speaker; a role the text \
names nobody for stays a role, with what it is a role of (\"ein Sprecher des Ministeriums\" \
gives \"Sprecher des Ministeriums\"), as does an organisation or document that speaks (\"die \
Landesregierung\", \"laut einem Bericht der Stadtwerke\", \"nach Angaben der Polizei\"); a \
role is the person named with it nearest before the quotation; a party's epithet no one holds \
as a role (\"der SPD-Politiker\", \"die CDU-Chefin\") is read as a pronoun; a capitalised word alone is a \
speaker without a cue only when the document writes it as a name somewhere (after a first \
name or a role); null when the text does not say.
  cue      the verb or word that attributes it (\"sagte\", \"so\", \"laut\", \"said\"); null \
when none is near.

Quote marks are paired by type: „…“ “…” ‚…‘ »…« «…» \"…\" '…'. An apostrophe (Kim’s) is no \
mark; a quotation over several paragraphs (each opening again with the mark) is one; a \
nested quote stays inside its outer one; an unbalanced mark is dropped without costing the \
rest of the document. Titles, outlet names, terms and scare quotes (der britische „Express“, \
die „Kyiv Post“, sogenannte „Freiwillige“, laut „tagesschau.de“) are not quotations: --all \
keeps them, flagged \"kind\": \"mention\". A quoted string is someone's words when a cue \
or a colon attributes it, when a verb frames it (\"nannte den Plan „unrealistisch“\", \"sprach \
von „Panikkäufen“\"), when it stands in reported speech, when it is long, or when it is a \
fragment of a clause that opens with a lower-case word (\"rät, „nicht dringende Fahrten zu \
verlegen“\"): three words or more, or two in a sentence of speech.

The language picks the lexicons: --lang, else the record's `lang` field, else a guess from \
frequent words, else German.";

const EXAMPLES: &str = "Examples:
  Quotations of a corpus, one record per article:
    quotes corpus.jsonl > quoted.jsonl

  Who said what, as a table:
    normalize --raw articles/*.txt | quotes \\
      | jq -r '.id as $id | .quotes[] | [$id, .speaker, .text] | @tsv'

  Every quoted string, titles and scare quotes included:
    quotes --all corpus.jsonl | jq -c '.quotes[] | select(.kind == \"mention\") | .text'";

#[derive(Parser, Debug)]
#[command(
    name = "quotes",
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_help = korpus_core::args::after_help("quotes", EXAMPLES)
)]
pub struct Cli {
    #[command(flatten)]
    pub common: CommonArgs,

    #[command(flatten)]
    pub lang: LangArg,

    /// Keep every quoted string: titles, terms and scare quotes too, flagged "kind": "mention"
    #[arg(long)]
    pub all: bool,

    #[command(flatten)]
    pub threads: ThreadsArg,
}
