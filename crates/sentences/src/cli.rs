//! The command line of `sentences`, defined once: it drives `--help` and `man/sentences.1`.

use clap::Parser;
use korpus_core::{CommonArgs, LangArg, ThreadsArg};

const ABOUT: &str = "Split the text of news records into sentences: one record per sentence, \
with its index and its span in the document.";

const LONG_ABOUT: &str = "Split the text of news records into sentences: one record per \
sentence, with its index and its span in the document.

Reads JSON Lines documents (one object a line, with a string field `text`) and writes, for \
each sentence, the document's other fields in their order, `text` = the sentence, \
`sentence` = its index (0-based), and `start`/`end` = its span in the document's text in \
code points (as Python and jq count), half open. Sentences are trimmed of whitespace; the \
spans with the whitespace between them give back the document exactly. A document whose \
text is empty or only whitespace has no sentences and writes no record.

Where a sentence ends:
  - after . ! ? … or a run of them (?! ...), with any closing quotes or brackets, when \
whitespace and a sentence start follow; a lower-case start is allowed (\"iPhone-Verkäufe \
brachen ein.\").
  - not after an abbreviation (z. B., u. a., Dr., Nr., vgl.), an ordinal before a noun or \
month (3. Oktober, 1. FC Köln), an initial (J. Schneider), a Roman numeral after a name \
(Peter I.), nor inside a number, date, time, URL or e-mail address.
  - after an abbreviation, figure or ordinal that can close a sentence (usw., etc., U.S., \
a.m., Platz 3., im Jahr 2024.) only when a clear new sentence follows.
  - quotations: „…“, sagte er and „…?“, fragte sie stay one sentence; „Satz.“ Neuer Satz \
ends after the closing mark; a quotation of several sentences is split inside.
  - layout: a blank line always ends a sentence; a single line break ends one after a line \
without terminal punctuation (headline, byline, dateline, \"Stand: …\", list item), unless \
the line plainly runs on (it ends in a comma, hyphen, article or preposition, or in a space \
as wrapped text does, or the next line goes on in lower case).

The language picks the lexicons: --lang, else the record's `lang` field (\"de\", \"en-US\"), \
else a guess from frequent words, else German.";

const EXAMPLES: &str = "Examples:
  Split a corpus into sentence records:
    sentences corpus.jsonl > sentences.jsonl

  From plain-text articles, through normalize:
    normalize --raw articles/*.txt | sentences | jq -r '[.id, .sentence, .text] | @tsv'

  Count the sentences of each document:
    sentences corpus.jsonl | jq -r .id | uniq -c

  English text, whatever the records say:
    sentences --lang en reuters.jsonl";

#[derive(Parser, Debug)]
#[command(
    name = "sentences",
    version,
    about = ABOUT,
    long_about = LONG_ABOUT,
    after_help = korpus_core::args::after_help("sentences", EXAMPLES)
)]
pub struct Cli {
    #[command(flatten)]
    pub common: CommonArgs,

    #[command(flatten)]
    pub lang: LangArg,

    #[command(flatten)]
    pub threads: ThreadsArg,
}
