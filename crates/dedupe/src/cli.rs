//! The command line of `dedupe`, defined once: it drives `--help` and `man/dedupe.1`.

use std::path::PathBuf;

use clap::Parser;
use korpus_core::{CommonArgs, ThreadsArg};

const ABOUT: &str = "Drop (or mark) exact and near-duplicate records of a stream, keeping the \
first copy.";

const LONG_ABOUT: &str = "Drop (or mark) exact and near-duplicate records of a stream, keeping \
the first copy.

Reads JSON Lines records (one object a line, with a string field `text`) and writes every \
record that is not a copy of an earlier one, unchanged. Each record is compared with every \
earlier one; the verdict depends only on the input order.

  --mark     keep every record and add `dup_of`: the `id` of the first copy (its FILE:LINE \
when it has no `id`), `dup_of_sentence` when the records carry `sentence` (the output of \
`sentences`), and `dup_score`, the similarity (null for a first copy).
  --exact    only normalised exact copies: the same words after Unicode NFKC, case, soft \
hyphens, quote and dash variants, punctuation and spacing are folded. Never a false merge.

Near copies (the default) are found on character 5-grams of the normalised words (\"ß\" read \
as \"ss\"), which survive typos and OCR noise: the similarity is the share of 5-grams two texts have in common \
(Jaccard), exact for a text of up to 128 of them, estimated within a few hundredths for a \
longer one. A text shorter than five characters is one 5-gram. The guards, on by default, \
keep apart texts that are similar but say something else: a figure changed (two digits swapped \
too: 1500 is not 1050; \"12 000\" and \"12.000\" are one; a score, \"2:1\", is a figure, a time, \"15:30\", only in a statement; a \
number word too: \"drei\" / \"vier\", \"Millionen\" / \"Milliarden\"; \"zwölf\" and \"12\" are one \
figure; \"ein\" and \"a\" are \"1\"; \"2:1\" is not \"1:2\"; a month or a day of the week: \
\"Juli\" / \"Juni\", \"Montag\" / \"Dienstagabend\"; a word for a figure: \"torlos\" is \"0:0\", not \"1:1\"; a currency: \"Dollar\" / \"Euro\"), a negation added (nicht, kein, \
nie, not, no, never, ...; mistyped, \"nciht\", still one), or, in a statement, a word turned \
to its opposite (\"stieg\" / \"sank\", \"bestätigt\" / \"dementiert\", \"higher\" / \"lower\"), \
a question made of it (\"Hat der Rat ... beschlossen?\" / \"Der Rat hat ... beschlossen.\"; \
a statement with no mark at its end is neither), another person named (\"sagte Scholz\" / \"sagte Selenskyj\") \
or the same names in another order within a sentence (\"vom FC A zum TSV B\" / \"vom TSV B zum FC A\"); a mistyped or misread name \
is still the same name, and so is one spelled out (\"Mueller\", \"Grossmann\"), but not one \
two letters off (\"Meier\" / \"Mayer\"). Lines of \
web furniture (cookie and newsletter notices, share buttons: the lexicon of `normalize \
--drop-boilerplate`) do not count for similarity, so two stories with the same furniture are not \
alike for it; nor do agencies' credits (\"(dpa)\", \"(AFP/Reuters)\", and a dateline before \
one that opens the text: \"BERLIN (dpa) - \"), a picture credit that closes it (\"Foto: \
dpa\") and a site's name after a headline (\"... - Ostermoorer Anzeiger\", \"... | tagesschau.de\"): a wire story re-run with another credit, or none, is a copy. Character references a \
scraper left (\"&quot;\", \"&nbsp;\") are read as their characters, mojibake (\"fÃ¼r\") \
as `normalize` repairs it, and HTML tags left in a text (\"<p>\") not at all; \"%\" and \"€\" are \
read as words (\"18 %\" is \"18 Prozent\"). A document nine tenths of whose 5-grams lie inside another's, and that has at least \
half as many, is a copy of it below the similarity too (`dup_why` says \"contained in the \
other\"): a version cut short, or one a paragraph or a byline was added to. A teaser, less than \
half the story, is not. A statement (one line of up to 60 words) one slip of a character off \
another is a copy too (\"one slip apart\"): a letter typed or misread, left out, doubled, or \
two swapped, away from the first and last four characters, in statements of at least 20 \
5-grams; in a short one a slip can leave the similarity near 0.55.

--threads N reads the records (their 5-grams, figures and names) on N threads (on more than \
two, it also compares each batch there with the records kept before it); then each record is \
judged, in input order, against all before it not compared yet: the output is the same byte \
for byte. (It is for one \
process: a sharded run is parallel by its shards.)

Memory grows with the number of distinct records (a few hundred bytes each; with --exact a \
few dozen), not with their length: no text is kept, and of an exact copy nothing at all.";

const EXAMPLES: &str = "Examples:
  Drop repeated articles:
    dedupe corpus.jsonl > unique.jsonl

  Which stories are copies of each other (groups by first copy):
    dedupe --mark corpus.jsonl | jq -c 'select(.dup_of != null) | {id, dup_of, dup_score}'

  Boilerplate sentences every page repeats:
    sentences corpus.jsonl | dedupe --exact --mark \\
      | jq -r 'select(.dup_of != null) | .text' | sort | uniq -c | sort -rn | head

  On both cores of the machine (the same output):
    dedupe --threads 2 --mark corpus.jsonl > marked.jsonl

  Only exact copies, after normalisation:
    dedupe --exact corpus.jsonl

  Today's crawl against everything seen before (the index is read, then rewritten):
    dedupe --index seen.idx today.jsonl > new.jsonl

  In shards, as map, reduce and apply (the same output as one process):
    dedupe --signatures --start 0 a.jsonl > a.sig
    dedupe --signatures --start $(wc -l < a.jsonl) b.jsonl > b.sig
    cat a.sig b.sig | dedupe --reduce > verdicts.jsonl
    dedupe --apply verdicts.jsonl --start 0 a.jsonl > a.out
    dedupe --apply verdicts.jsonl --start $(wc -l < a.jsonl) b.jsonl > b.out";

#[derive(Parser, Debug)]
#[command(
    name = "dedupe",
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_help = korpus_core::args::after_help("dedupe", EXAMPLES)
)]
pub struct Cli {
    #[command(flatten)]
    pub common: CommonArgs,

    /// Keep every record; add `dup_of`, `dup_of_sentence` and `dup_score`.
    #[arg(long)]
    pub mark: bool,

    /// Only normalised exact copies.
    #[arg(long)]
    pub exact: bool,

    /// The least similarity of two statements (texts of one line and at most 60 words) that
    /// are copies, from 0 to 1: the share of character 5-grams in common.
    #[arg(long, default_value_t = 0.8, value_parser = similarity, value_name = "SIMILARITY")]
    pub threshold: f64,

    /// The least similarity of two documents that are copies (a paragraph added or cut, a
    /// byline or a footer costs a document more of its 5-grams than a typo costs a sentence).
    #[arg(long, default_value_t = 0.72, value_parser = similarity, value_name = "SIMILARITY")]
    pub doc_threshold: f64,

    /// Turn off the guards (figures, negations, opposites, names and their order): similarity alone decides.
    #[arg(long)]
    pub no_guard: bool,

    /// Compare this field instead of `text` (the same as --field).
    #[arg(long, value_name = "FIELD")]
    pub key: Option<String>,

    /// Load the records seen by earlier runs from FILE (if it exists) and save them, with this
    /// run's, back to it: today's crawl is checked against everything seen before.
    #[arg(long, value_name = "FILE")]
    pub index: Option<PathBuf>,

    /// Map step of a sharded run: write one signature line per record instead of records:
    /// `{"o": ORDINAL, "id": ..., "sentence": ..., "sig": "..."}`. ORDINAL is --start plus the
    /// record's place in this input.
    #[arg(long, group = "step")]
    pub signatures: bool,

    /// Reduce step: read the signature lines of all shards, in ordinal order (the shards'
    /// outputs one after the other), and write one verdict line per copy:
    /// `{"o", "of", "dup_of", "dup_of_sentence", "dup_score"}`.
    #[arg(long, group = "step")]
    pub reduce: bool,

    /// Verification step of a reduce grouped by key on a cluster: read lines
    /// `{"rec": SIGNATURE, "with": [SIGNATURE, ...]}`, a record and the first record of each
    /// of its keys (`x`, `b`) before it, and write `{"o", "to", "dup_score"}` for each record
    /// that copies one of them (see spark/README.md).
    #[arg(long, group = "step")]
    pub verify: bool,

    /// Apply step: drop (or with --mark, mark) the records of this shard by the verdicts in
    /// FILE (from --reduce). With --start, as given to --signatures for this shard.
    #[arg(long, value_name = "FILE", group = "step")]
    pub apply: Option<PathBuf>,

    /// The ordinal of this shard's first record in the whole corpus (--signatures, --apply).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub start: u64,

    /// With --mark: add `dup_why`, which earlier record matched and why, and the candidates
    /// a guard or the threshold turned down.
    #[arg(long)]
    pub explain: bool,

    #[command(flatten)]
    pub threads: ThreadsArg,
}

fn similarity(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(t) if (0.0..=1.0).contains(&t) => Ok(t),
        _ => Err(format!("`{s}` is not a similarity from 0 to 1")),
    }
}
