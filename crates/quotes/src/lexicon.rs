//! The word lists behind `quotes`, one plain-text file per list and language under `data/`,
//! compiled in and turned into sets once at start-up.

use rustc_hash::FxHashSet;

use korpus_core::lexicon::{entries, lower, sections, WordSet};
use korpus_core::Lang;

/// One language's lists; every entry lower case.
#[derive(Debug)]
pub struct Lexicon {
    pub lang: Lang,
    /// Speech verbs: "sagte", "said".
    pub cues: WordSet,
    /// Attributions that take the source after them: "so", "laut", "according" (the
    /// `source` words among them).
    pub after: WordSet,
    /// Attributions to a person or a document on either side of the quotation: "laut",
    /// "zufolge", "heißt" (es in der Mitteilung), "according".
    pub source: WordSet,
    /// Nouns that attribute to what follows them after "nach": "Angaben", "Ansicht".
    pub opinion: WordSet,
    /// Words right before a short quoted phrase that make it someone's words: "nannte", "als".
    pub frames: WordSet,
    /// First names of women and of men (`data/names.txt`, the same for every language).
    pub female: WordSet,
    pub male: WordSet,
    /// Those verbs as an attribute before a noun: "(die als „…“) bezeichneten (Kredite)".
    pub labels: WordSet,
    /// Verb forms of reported speech: "sei", "habe".
    pub reported: WordSet,
    /// Forms of "lassen" whose attribution ends in a cue infinitive ("ließ … verlauten").
    pub causative: WordSet,
    /// Role words: "sprecher", "minister"; a compound ending in one is a role too.
    pub roles: WordSet,
    pub pronouns: WordSet,
    /// Words before a quoted name that make it a title or term: "zeitung", "sogenannte".
    pub titles: WordSet,
    pub determiners: WordSet,
    /// Determiners of a subject: "der", "die", "das", "the".
    pub nominative: WordSet,
    /// Name particles, as written: "von", "de".
    pub particles: WordSet,
    /// Prepositions: a noun after one and its article is no subject ("an die Mitarbeiter").
    pub prepositions: WordSet,
    /// Function words after which a capitalised word may still be a name: "wie", "und".
    pub conjunctions: WordSet,
    /// Indefinite articles: "ein Sprecher" is someone unnamed.
    pub indefinite: WordSet,
    /// Personal pronouns, which are subjects: "zitierte man Yolanda Alvarez".
    pub personal: WordSet,
    /// Prepositions fused with an article ("am", "zum"): a noun follows.
    pub contractions: WordSet,
    /// Cues whose object follows them, never their speaker: "told the BBC".
    pub objects: WordSet,
    /// Kinds of media, the dative object of a cue ("sagte der Zeitung"), compounds too.
    pub media: WordSet,
    /// Nouns for what someone says: "Sein Fazit: „…“" is his.
    pub statement: WordSet,
    /// Possessives for a man (or a thing) and for a woman (or them): "sein", "ihr".
    pub his: WordSet,
    pub her: WordSet,
    /// Verbs of quoting someone, whose object is the one quoted and whose subject is the
    /// outlet: "Der Spiegel zitiert den Prediger mit den Worten".
    pub quoting: WordSet,
    /// Demonstratives that stand for the person named last: "sagte dieser", "the latter said".
    pub demonstratives: WordSet,
    /// Relative pronouns: after a comma they open a clause about the word before ("Smith,
    /// who has led the team, said").
    pub relative: WordSet,
    /// Conjunctions that open a subordinate clause: "als", "when".
    pub subordinating: WordSet,
    /// Auxiliaries of the passive: "wurde", "was".
    pub passive: WordSet,
    /// Words that join a role to what it is a role of: "des", "von", "of".
    pub of: WordSet,
    /// Number words and quantifiers: a capitalised word after one is a counted noun.
    pub numbers: WordSet,
    /// Finite verbs with an adjective's ending ("hatte", "wurde"): no determiner.
    pub auxiliaries: WordSet,
    /// Titles written short with a period ("Dr."), lower case.
    pub abbreviated: WordSet,
    /// Capitalised at a sentence start, but nobody's name.
    pub function: WordSet,
    /// Organisations and documents that say something: "regierung", "bericht"; a compound
    /// ending in one counts too.
    pub sources: WordSet,
    /// The last three bytes of every role a compound can end in, and of every source: most
    /// words end in none, and are ruled out with one lookup instead of one per suffix.
    role_tails: FxHashSet<u32>,
    source_tails: FxHashSet<u32>,
}

/// The shortest role, in bytes, that a compound can end in: "chef" of "Fraktionschef".
const COMPOUND_ROLE: usize = 4;

/// The last three bytes of a word of three bytes or more, as one number.
fn tail(w: &str) -> Option<u32> {
    let b = w.as_bytes();
    let n = b.len();
    (n >= 3).then(|| u32::from_le_bytes([b[n - 3], b[n - 2], b[n - 1], 0]))
}

/// German endings of nouns for people: "Bewohner", "Aktivistin", "Präsidenten", "Passanten",
/// "Ingenieur", "Passagiere", "der 61-Jährige".
const PERSON_ENDINGS: &[&str] = &[
    "er", "erin", "arin", "innen", "ist", "isten", "ent", "enten", "ant", "anten", "eur", "eure",
    "ige", "igen", "iger", "iere", "leute",
];

/// The suffixes of `w` that start on a character boundary after at least `skip` bytes,
/// longest first.
fn suffixes(w: &str, skip: usize) -> impl Iterator<Item = &str> {
    w.char_indices()
        .filter(move |&(i, _)| i >= skip)
        .map(move |(i, _)| &w[i..])
}

fn set(file: &str) -> WordSet {
    entries(file).map(str::to_lowercase).collect()
}

fn section(file: &str, name: &str) -> WordSet {
    sections(file)
        .filter(|(s, _)| *s == name)
        .map(|(_, w)| w.to_string())
        .collect()
}

/// First names by gender, for every language.
const NAMES: &str = include_str!("../data/names.txt");

macro_rules! lexicon {
    ($lang:expr, $dir:literal) => {
        Lexicon::build(
            $lang,
            include_str!(concat!("../data/", $dir, "/cues.txt")),
            include_str!(concat!("../data/", $dir, "/roles.txt")),
            include_str!(concat!("../data/", $dir, "/pronouns.txt")),
            include_str!(concat!("../data/", $dir, "/titles.txt")),
            include_str!(concat!("../data/", $dir, "/words.txt")),
            include_str!(concat!("../data/", $dir, "/sources.txt")),
        )
    };
}

impl Lexicon {
    pub fn german() -> Self {
        lexicon!(Lang::De, "de")
    }

    pub fn english() -> Self {
        lexicon!(Lang::En, "en")
    }

    fn build(
        lang: Lang,
        cues: &str,
        roles: &str,
        pronouns: &str,
        titles: &str,
        words: &str,
        sources: &str,
    ) -> Self {
        let roles = set(roles);
        let sources: WordSet = sections(sources).map(|(_, w)| w.to_lowercase()).collect();
        let role_tails = roles
            .iter()
            .filter(|r| r.len() >= COMPOUND_ROLE)
            .filter_map(tail)
            .collect();
        let source_tails = sources.iter().filter_map(tail).collect();
        Lexicon {
            lang,
            cues: section(cues, "cue"),
            after: sections(cues)
                .filter(|(s, _)| matches!(*s, "after" | "source"))
                .map(|(_, w)| w)
                .collect(),
            source: section(cues, "source"),
            opinion: section(cues, "opinion"),
            frames: section(cues, "frame"),
            female: section(NAMES, "female"),
            male: section(NAMES, "male"),
            labels: section(cues, "label"),
            objects: section(cues, "object"),
            media: section(cues, "media"),
            quoting: section(cues, "quoting"),
            statement: section(cues, "statement"),
            reported: section(cues, "reported"),
            causative: section(cues, "causative"),
            roles,
            pronouns: set(pronouns),
            titles: set(titles),
            determiners: section(words, "determiners"),
            particles: section(words, "particles"),
            nominative: section(words, "nominative"),
            function: section(words, "function"),
            conjunctions: section(words, "conjunctions"),
            prepositions: section(words, "prepositions"),
            indefinite: section(words, "indefinite"),
            personal: section(words, "personal"),
            contractions: section(words, "contractions"),
            relative: section(words, "relative"),
            demonstratives: section(words, "demonstratives"),
            subordinating: section(words, "subordinating"),
            passive: section(words, "passive"),
            his: section(words, "his"),
            her: section(words, "her"),
            of: section(words, "of"),
            numbers: section(words, "numbers"),
            auxiliaries: section(words, "auxiliaries"),
            abbreviated: section(words, "abbreviated"),
            sources,
            role_tails,
            source_tails,
        }
    }

    /// A speech verb, in any case.
    pub fn is_cue(&self, w: &str) -> bool {
        // A German verb in "-en" with a capital is a noun: "in dem Schreiben", "das Sagen" (a
        // past form opening a sentence is still a verb: "Sagte er das?"). (A word found only
        // in lower case is one lower-casing changed.)
        self.cues.contains(w)
            || self.cues.contains_lower(w)
                && !(self.lang == Lang::De
                    && w.len() >= 2
                    && w.as_bytes()[w.len() - 2..].eq_ignore_ascii_case(b"en"))
    }

    /// A role word: listed, or a compound or hyphenated word ending in one
    /// ("Außenministerin", "Pentagon-Sprecher").
    pub fn is_role(&self, w: &str) -> bool {
        self.role_key(w).is_some()
    }

    /// Whether a noun can head the subject that speaks: a role ("Sprecher"), its plural
    /// ("Experten", "Autoren"), an organisation or document ("Landesregierung",
    /// "Pressemitteilung"), a noun for a person by its German ending ("Bewohner", "Aktivistin",
    /// "der 61-Jährige"), or an abbreviation ("der BGH").
    pub fn speaks(&self, w: &str) -> bool {
        let l = lower(w);
        let acronym = w.chars().filter(|c| c.is_uppercase()).count() >= 2
            && !w.chars().any(char::is_lowercase);
        acronym
            || self.is_role(&l)
            || ["n", "en"]
                .iter()
                .any(|p| l.strip_suffix(p).is_some_and(|s| self.is_role(s)))
            || self.is_source_lower(&l)
            || (self.lang == Lang::De
                && PERSON_ENDINGS
                    .iter()
                    .any(|e| l.ends_with(e) && l.len() > e.len() + 2))
    }

    /// Whether a noun is a kind of media, or a compound ending in one ("Nachrichtenagentur").
    pub fn is_medium(&self, w: &str) -> bool {
        suffixes(&lower(w), 0).any(|s| self.media.contains(s))
    }

    /// Whether a word, in lower case, is an organisation or a document of the sources list,
    /// or a compound ending in one ("Landesregierung", "Pressemitteilung").
    pub fn is_source_lower(&self, l: &str) -> bool {
        tail(l).is_some_and(|t| self.source_tails.contains(&t))
            && suffixes(l, 0).any(|s| self.sources.contains(s))
    }

    /// The listed role a word is or ends in: "experte" for "Militärexperte".
    pub fn role_key(&self, w: &str) -> Option<&str> {
        if !self.may_be_role(w) {
            return None;
        }
        self.listed_role(&lower(w))
    }

    /// False when `w` is surely no listed role nor a German compound ending in one, read
    /// without lower-casing it: most words (true when unsure).
    fn may_be_role(&self, w: &str) -> bool {
        let b = w.as_bytes();
        // The last three bytes are those of its lower case when they are ASCII and no capital.
        let tail_kept = b.len() >= 3
            && b[b.len() - 3..]
                .iter()
                .all(|c| c.is_ascii() && !c.is_ascii_uppercase());
        if !tail_kept || self.roles.may_contain_lower(w) {
            return true;
        }
        match self.lang {
            Lang::De => tail(w).is_some_and(|t| self.role_tails.contains(&t)),
            // an English plural: "officials"
            Lang::En => w.ends_with('s') && self.roles.may_contain_lower(&w[..w.len() - 1]),
        }
    }

    /// The listed role a word is or ends in, in German also in the genitive or plural ("des
    /// SPD-Politikers", "den Experten").
    pub fn inflected_role_key(&self, w: &str) -> Option<&str> {
        let l = lower(w);
        self.listed_role(&l).or_else(|| {
            (self.lang == Lang::De)
                .then(|| {
                    ["s", "n", "en"]
                        .iter()
                        .find_map(|e| l.strip_suffix(e).and_then(|s| self.listed_role(s)))
                })
                .flatten()
        })
    }

    fn listed_role(&self, l: &str) -> Option<&str> {
        if let Some(r) = self.roles.get(l) {
            return Some(r);
        }
        // An English plural: "officials", "critics".
        if self.lang == Lang::En {
            if let Some(r) = l.strip_suffix('s').and_then(|s| self.roles.get(s)) {
                return Some(r);
            }
        }
        // A German compound: the longest listed role of four letters or more it ends in,
        // after at least three letters of its own ("Fraktionschef"; "Sotomayor" is no
        // English mayor).
        if self.lang != Lang::De || !tail(l).is_some_and(|t| self.role_tails.contains(&t)) {
            return None;
        }
        suffixes(l, 3)
            .filter(|s| s.len() >= COMPOUND_ROLE)
            .find_map(|s| self.roles.get(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_roles_match_compounds() {
        let de = Lexicon::german();
        assert!(de.is_cue("sagte") && de.is_cue("Sagte"));
        assert!(de.after.contains("laut") && de.frames.contains("nannte"));
        assert!(de.is_role("Außenministerin") && de.is_role("Pentagon-Sprecher"));
        assert!(!de.is_role("Ryder"));
        assert!(de.nominative.contains("der") && de.particles.contains("von"));
        assert!(de.reported.contains("sei") && de.function.contains("dazu"));
        let en = Lexicon::english();
        assert!(en.nominative.contains("the") && en.frames.contains("called"));
        assert!(en.is_cue("said") && en.is_role("spokesman") && en.pronouns.contains("she"));
    }

    #[test]
    fn every_entry_of_a_sectioned_list_stands_in_a_section() {
        // an entry before the first [section] would be read by nothing
        for file in [
            include_str!("../data/de/words.txt"),
            include_str!("../data/en/words.txt"),
            include_str!("../data/de/cues.txt"),
            include_str!("../data/en/cues.txt"),
            include_str!("../data/de/sources.txt"),
            NAMES,
        ] {
            let stray: Vec<&str> = sections(file)
                .filter(|(s, _)| s.is_empty())
                .map(|(_, e)| e)
                .collect();
            assert!(stray.is_empty(), "entries outside a section: {stray:?}");
            assert!(
                entries(file).all(|e| !e.starts_with('[') || e.ends_with(']')),
                "a section line with text after it"
            );
        }
    }
}
