//! Unit tests of the conventions, one case per rule, in news sentences of our own.

use super::*;

type Row = (String, Option<String>, Option<String>, bool);

fn found(text: &str, lang: Lang) -> Vec<Row> {
    Finder::new()
        .find(text, lang)
        .into_iter()
        .map(|q| (text[q.span].to_string(), q.speaker, q.cue, q.mention))
        .collect()
}

fn de(text: &str) -> Vec<Row> {
    found(text, Lang::De)
}

fn en(text: &str) -> Vec<Row> {
    found(text, Lang::En)
}

/// The speaker of the first quoted string of a German text (which must have one).
fn first_speaker(text: &str) -> Option<String> {
    de(text)[0].1.clone()
}

/// Asserts the speaker of the first quoted string of a German text.
#[track_caller]
fn assert_speaker(text: &str, speaker: &str) {
    assert_eq!(first_speaker(text).as_deref(), Some(speaker), "in {text:?}");
}

/// Asserts the speaker of the first quoted string of each German text.
#[track_caller]
fn assert_speakers(cases: &[(&str, &str)]) {
    for &(text, speaker) in cases {
        assert_speaker(text, speaker);
    }
}

/// Asserts the speaker of the `n`th quoted string of a German text.
#[track_caller]
fn assert_nth_speaker(text: &str, n: usize, speaker: &str) {
    let rows = de(text);
    assert_eq!(rows[n].1.as_deref(), Some(speaker), "in {text:?}: {rows:?}");
}

/// The runs of capitalised words of a German text, read as one sentence.
fn german_runs(text: &str) -> Vec<Run> {
    let lex = Lexicon::german();
    let ws = words(text, 0..text.len());
    runs(&lex, text, &Usage::new(text, &lex), &ws)
}

fn quotation(text: &str, speaker: &str, cue: &str) -> Row {
    (text.into(), Some(speaker.into()), Some(cue.into()), false)
}

#[test]
fn marks_pair_by_type_and_apostrophes_are_no_marks() {
    fn inner(t: &str) -> Vec<&str> {
        pairs(t).iter().map(|p| &t[p.inner()]).collect()
    }
    assert_eq!(
        inner("„eins“ und »zwei« und “three” und ‚vier‘"),
        ["eins", "zwei", "three", "vier"]
    );
    assert_eq!(inner("Kim’s view: \"it's fine,\" she said"), ["it's fine,"]);
    // A nested quote stays inside its outer one.
    assert_eq!(
        inner("„Er nannte es ‚Unsinn‘, sagte sie“"),
        ["Er nannte es ‚Unsinn‘, sagte sie"]
    );
}

#[test]
fn a_broken_pair_costs_nothing_else() {
    let t = "Ein „loses Zeichen.\n\n„Wir bleiben“, sagte Lena Ruf.";
    assert_eq!(de(t), [quotation("Wir bleiben", "Lena Ruf", "sagte")]);
}

#[test]
fn a_quotation_over_paragraphs_is_one() {
    let t = "Sie sagte: „Der erste Absatz geht hier zu Ende.\n\n„Der zweite folgt.“";
    let q = de(t);
    assert_eq!(q.len(), 1);
    assert!(q[0].0.starts_with("Der erste") && q[0].0.ends_with("folgt."));
}

#[test]
fn the_speaker_beside_the_cue_with_roles_dropped() {
    assert_eq!(
        de("„Die Lage ist ernst“, sagte Ministeriumssprecher Jonas Weber."),
        [quotation("Die Lage ist ernst", "Jonas Weber", "sagte")]
    );
    assert_eq!(
        de("„Wir helfen sofort“, so Weber."),
        [quotation("Wir helfen sofort", "Weber", "so")]
    );
    assert_eq!(
        de("Die Ärztin Mara Lind betonte: „Niemand wird abgewiesen.“"),
        [quotation(
            "Niemand wird abgewiesen.",
            "Mara Lind",
            "betonte"
        )]
    );
    assert_eq!(
        en("\"We will rebuild the bridge,\" the mayor, Tom Hale, said."),
        [quotation("We will rebuild the bridge,", "Tom Hale", "said")]
    );
}

#[test]
fn a_pronoun_is_the_last_named_speaker_and_names_are_completed() {
    let t = "Bürgermeisterin Anna Roth sprach vor dem Rat. „Wir sparen nicht an Schulen“, sagte \
             Roth. „Das Geld ist da“, fügte sie hinzu.";
    assert_eq!(
        de(t),
        [
            quotation("Wir sparen nicht an Schulen", "Anna Roth", "sagte"),
            quotation("Das Geld ist da", "Anna Roth", "fügte"),
        ]
    );
}

#[test]
fn two_quotes_with_one_speaker() {
    let t = "„Wir“, sagte die Sprecherin Eva Kern, „bleiben hier.“";
    let q = de(t);
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].1.as_deref(), Some("Eva Kern"));
}

#[test]
fn titles_and_scare_quotes_are_mentions() {
    let t = "Die Zeitung „Morgenpost“ berichtete über die „Freiwilligen“ und die „Kyiv Post“.";
    assert!(de(t).iter().all(|q| q.3), "{:?}", de(t));
    // A short phrase framed as someone's words is a quotation.
    let t = "Der Minister nannte den Plan „völlig unrealistisch“.";
    assert_eq!(de(t).len(), 1);
    assert!(!de(t)[0].3);
}

#[test]
fn english_roles_resolve_to_the_person_named_with_them() {
    let t = "Pentagon spokesman Pat Ryder spoke on Monday. \"We are ready,\" the spokesman said. \
             \"Not this time.\"";
    assert_eq!(
        en(t),
        [
            quotation("We are ready,", "Pat Ryder", "said"),
            (
                "Not this time.".into(),
                Some("Pat Ryder".into()),
                None,
                false
            ),
        ]
    );
    // a role the text gives no name for stays the role, as in German ("Sprecher")
    assert_eq!(
        en("The mayor called the plan \"a disaster\" on Tuesday.")[0]
            .1
            .as_deref(),
        Some("mayor")
    );
}

#[test]
fn the_attribution_clause_with_wie_and_und() {
    let t = "Es sei „der erste Schritt in einen Krieg“, wie Präsident Olek Maro die Lage nennt.";
    assert_eq!(de(t)[0].1.as_deref(), Some("Olek Maro"));
    let t = "Der Sprecher Tim Vogt nannte das „unfair“ und sagte, man werde „alle Wege prüfen“.";
    let q = de(t);
    assert_eq!(q.len(), 2);
    assert!(
        q.iter().all(|r| r.1.as_deref() == Some("Tim Vogt")),
        "{q:?}"
    );
}

#[test]
fn a_nested_pair_of_the_same_marks_stays_inside() {
    let t = "„Wir bauen „kleine Häuser“ für alle, die hier leben wollen“, sagte Jana Kurz.";
    let q = de(t);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        q[0].0,
        "Wir bauen „kleine Häuser“ für alle, die hier leben wollen"
    );
    assert_eq!(q[0].1.as_deref(), Some("Jana Kurz"));
    // A title is no quotation, a phrase attributed after it is.
    let q =
        de("Die Modelle „Touareg“ und „Phaeton“ kommen. „In kurzer Zeit“, so Vorstand Ali Berg.");
    assert_eq!(q.iter().filter(|r| !r.3).count(), 1, "{q:?}");
}

#[test]
fn a_pronoun_of_the_other_gender_is_not_the_last_speaker() {
    // "er" after the mayor (a woman, by her role) spoke: the treasurer named before it
    let text = "„Wir sparen“, sagte Oberbürgermeisterin Ina Roth. Stadtkämmerer Paul Vogt legte \
                die Zahlen vor. „Das reicht nicht“, sagte er.";
    assert_eq!(
        de(text),
        [
            quotation("Wir sparen", "Ina Roth", "sagte"),
            quotation("Das reicht nicht", "Paul Vogt", "sagte"),
        ]
    );
    // "sie" may be "they": it stays with the last speaker, as does a pronoun that fits
    let text = "„Wir sparen“, sagte Oberbürgermeisterin Ina Roth. Stadtkämmerer Paul Vogt nickte. \
                „Es geht nicht anders“, sagte sie.";
    assert_eq!(
        de(text)[1],
        quotation("Es geht nicht anders", "Ina Roth", "sagte")
    );
}

#[test]
fn a_name_in_quotes_before_the_verb_of_its_sentence_is_no_quotation() {
    // no comma between the quoted name and "sprach": the verb is the sentence's, with the
    // speaker before the name
    let text = "Fraktionschef Udo Kern von der Liste „Wir für Lindau“ sprach von einer „Kahlschlagpolitik“.";
    let rows = de(text);
    assert_eq!(rows[0], ("Wir für Lindau".into(), None, None, true));
    assert_eq!(rows[1].1.as_deref(), Some("Udo Kern"));
    // with the comma it is attributed as before
    assert_eq!(
        de("„Wir bleiben hier in der Stadt“, sagte Udo Kern.")[0],
        quotation("Wir bleiben hier in der Stadt", "Udo Kern", "sagte")
    );
}

#[test]
fn a_sentence_adverb_before_the_cue_names_nobody() {
    assert_eq!(
        de("Zuletzt sagte Anna Berg: „Wir warten noch ab.“")[0],
        quotation("Wir warten noch ab.", "Anna Berg", "sagte")
    );
    assert_eq!(
        de("Allerdings betonte Udo Kern: „Wir warten noch ab.“")[0]
            .1
            .as_deref(),
        Some("Udo Kern")
    );
}

#[test]
fn a_word_capitalised_only_for_opening_its_sentence_is_no_name() {
    // "Ähnlich" stands right before the cue, but the text never writes it inside a sentence
    let text = "Ähnlich äußerte sich die Ärztin Mara Lind: „Wir sind am Ende unserer Kräfte.“";
    assert_eq!(first_speaker(text).as_deref(), Some("Mara Lind"));
    // a surname the text writes elsewhere is one at a sentence start too
    let text = "Die Stadt hat Paula Kranz gewählt. Kranz sagte: „Ich freue mich auf die Arbeit.“";
    assert_eq!(first_speaker(text).as_deref(), Some("Paula Kranz"));
}

#[test]
fn a_party_in_brackets_and_a_name_with_von_der() {
    let text = "Innenminister Jonas Reh (SPD) sagte: „Die Polizei bekommt mehr Stellen.“";
    assert_eq!(first_speaker(text).as_deref(), Some("Jonas Reh"));
    let text =
        "Gewählt wurde Clara von der Heyde. Von der Heyde erklärte: „Ich nehme die Wahl an.“";
    assert_eq!(first_speaker(text).as_deref(), Some("Clara von der Heyde"));
}

#[test]
fn a_subject_speaks_when_it_can() {
    // an authority does, a common noun does not
    let text =
        "Die Kritik des Vereins wies die Stadtverwaltung zurück: „Wir halten jede Vorschrift ein.“";
    assert_eq!(first_speaker(text).as_deref(), Some("die Stadtverwaltung"));
    let text = "Der 61-Jährige gab bekannt: „Ich höre zum Jahresende auf.“";
    assert_eq!(first_speaker(text).as_deref(), Some("Der 61-Jährige"));
    let text = "Die Lage wurde am Abend ernster: „Wir brauchen mehr Helfer an den Deichen.“";
    assert_eq!(first_speaker(text), None);
}

#[test]
fn the_speaker_from_a_cue_further_on_or_the_sentence_before() {
    let text =
        "Sie wisse, dass der Plan „nicht ohne Risiko“ sei, hatte Clara Wendt gestern gesagt.";
    assert_eq!(
        de(text)[0],
        quotation("nicht ohne Risiko", "Clara Wendt", "gesagt")
    );
    let text =
        "Um Geld zu sparen, will Bürgermeister Tom Brandt die Brücke sperren. „Die Sicherheit \
                der Menschen geht vor, auch wenn es teuer wird.“";
    assert_eq!(first_speaker(text).as_deref(), Some("Tom Brandt"));
}

#[test]
fn a_role_nobody_is_named_for_keeps_what_it_is_a_role_of() {
    let text = "„Die Pläne sind bekannt“, sagte ein Sprecher des Ministeriums.";
    assert_eq!(
        de(text)[0],
        quotation(
            "Die Pläne sind bekannt",
            "Sprecher des Ministeriums",
            "sagte"
        )
    );
    // an indefinite role is someone unnamed, not the person named with that role before
    let text = "„Wir beginnen morgen“, sagte Konzernsprecher Ole Brandt. „Das wissen wir nicht“, \
                sagte ein Sprecher der Stadt.";
    assert_eq!(de(text)[1].1.as_deref(), Some("Sprecher der Stadt"));
    // a definite one is that person
    let text = "„Wir beginnen morgen“, sagte Konzernsprecher Ole Brandt. „Das wissen wir nicht“, \
                sagte der Sprecher.";
    assert_eq!(de(text)[1].1.as_deref(), Some("Ole Brandt"));
}

#[test]
fn von_after_a_role_or_a_full_name_is_where_the_person_works() {
    let text = "„Wir bleiben dabei“, sagte Jana Falk von Grüne Liga Nord.";
    assert_eq!(first_speaker(text).as_deref(), Some("Jana Falk"));
    let text = "Die Sprecherin von Greenpeace, Lea Busch, sagte: „Das Meer ist kein Lager.“";
    assert_eq!(first_speaker(text).as_deref(), Some("Lea Busch"));
}

#[test]
fn a_counted_noun_and_a_lost_space_are_no_names() {
    // "Jahre" after a number word is no speaker; "Gauss.Der" lost the space after a period
    let text =
        "Der Plan kommt nach drei Jahre „zäher Verhandlungen“ zustande, sagte Tom Gauss.Der \
                Rat stimmt ab.";
    assert_eq!(first_speaker(text).as_deref(), Some("Tom Gauss"));
}

#[test]
fn a_word_searched_for_is_used_as_the_whole_table_says() {
    // the search (few words asked) and the table (many asked) must agree, or a speaker would
    // depend on how long the document is
    let text = "Zwar sagte Merkel nichts. Die Merkel-Regierung schwieg.Merkel kam. Drei Jahre \
                „lang“, sagte die U.S. Army. Kunden fragten die Kunden. Hans Roth und Roth-Meyer \
                sprachen mit 3 Reportern. Ähnlich äußerte sich Anna Berg aus Jahre.";
    let lex = Lexicon::german();
    for w in words(text, 0..text.len())
        .iter()
        .filter(|w| w.capitalised())
    {
        let searched = Usage::new(text, &lex).uses(w.text);
        let table = Usage::new(text, &lex)
            .sets()
            .get(w.text)
            .copied()
            .unwrap_or(0);
        assert_eq!(searched, table, "{}", w.text);
    }
}

/// Whether each quoted string of a German text is a quotation (true) or a mention (false).
fn quotations(text: &str) -> Vec<(String, bool)> {
    de(text).into_iter().map(|r| (r.0, !r.3)).collect()
}

fn is_quotation(text: &str, quoted: &str) -> bool {
    let all = quotations(text);
    all.iter()
        .find(|(q, _)| q == quoted)
        .unwrap_or_else(|| panic!("no {quoted:?} in {all:?}"))
        .1
}

#[test]
fn a_fragment_opening_with_a_lower_case_word_is_someones_words() {
    // Three words or more of a clause: no title or name opens so.
    let t = "Das Amt rät dazu, „nicht dringende Fahrten auf morgen zu verlegen“.";
    assert!(is_quotation(
        t,
        "nicht dringende Fahrten auf morgen zu verlegen"
    ));
    let t = "Der Verband hält den Schritt für „längst überfällig und richtig“.";
    assert!(is_quotation(t, "längst überfällig und richtig"));
    // Two words only in a sentence of speech.
    let t = "Die Lage sei „völlig ungeklärt“, sagte die Sprecherin.";
    assert!(is_quotation(t, "völlig ungeklärt"));
    let t = "Er trat der linksradikalen „roten Zelle“ bei.";
    assert!(!is_quotation(t, "roten Zelle"));
    // A capitalised name stays a name.
    let t = "Sie las aus „Die Stadt am Fluss“ vor.";
    assert!(!is_quotation(t, "Die Stadt am Fluss"));
}

#[test]
fn a_judgment_after_als_or_von_in_a_framing_sentence() {
    let t = "Händler sprachen am Morgen von „Panikkäufen“.";
    assert!(is_quotation(t, "Panikkäufen"));
    let t = "Der Wetterdienst hat die Gefahr als „sehr hoch“ eingestuft.";
    assert!(is_quotation(t, "sehr hoch"));
    // No verb that frames it: "als" alone names a role.
    let t = "Sie arbeitete als „Springerin“ im Lager.";
    assert!(!is_quotation(t, "Springerin"));
}

#[test]
fn web_addresses_aliases_and_so_genannt_are_no_quotations() {
    let t = "Er hatte laut „tagesschau.de“ kritisiert, dass der Plan scheitere.";
    assert!(!is_quotation(t, "tagesschau.de"));
    let t = "Die Übung „Nordwind“ („Vent du Nord“) begann am Montag.";
    assert_eq!(
        quotations(t),
        [("Nordwind".into(), false), ("Vent du Nord".into(), false)]
    );
    // "so genannt" is no attribution with "so".
    let t = "Im Mittelpunkt steht der „Vertrag der Guten Nachbarschaft“, der auf dem so \
             genannten „Entwurf“ beruht.";
    assert!(!is_quotation(t, "Vertrag der Guten Nachbarschaft"));
}

#[test]
fn a_colon_after_an_outlet_or_a_motto() {
    // The outlet a person spoke to is no title of what follows its colon.
    let t = "Ina Berg sagte der Lokalzeitung: „Wir prüfen das sehr genau.“";
    assert_eq!(
        de(t),
        [quotation("Wir prüfen das sehr genau.", "Ina Berg", "sagte")]
    );
    // Without a cue, a motto or a name in title case after a colon is a name.
    let t = "Der Verein (Motto: „Gemeinsam stark“) lädt ein.";
    assert!(!is_quotation(t, "Gemeinsam stark"));
    let t = "Im Mai erschien ihr drittes Album: „Nights On The Open Road“.";
    assert!(!is_quotation(t, "Nights On The Open Road"));
}

#[test]
fn marks_are_found_by_their_bytes_as_by_their_characters() {
    let t = "«Non», sagte er – „Ja“ ‚so‘ »hier« “there” ’t' \"x\" ‹a› ±·\u{a0}—…€ Kim’s";
    let slow: Vec<(usize, char)> = t.char_indices().filter(|&(_, c)| is_mark(c)).collect();
    assert_eq!(marks(t), slow);
    assert_eq!(marks("ohne Zeichen – nur Text …"), []);
}

#[test]
fn a_document_or_organisation_attributed_outright_speaks() {
    let t = "Die Lage sei „weiterhin sehr angespannt“, heißt es in einer Mitteilung des \
             Landratsamts.";
    assert_speaker(t, "Mitteilung des Landratsamts");
    let t = "Laut einem Bericht der Stadtwerke seien die Leitungen „seit Jahren marode“.";
    assert_speaker(t, "Bericht der Stadtwerke");
    let t = "„Wir rechnen mit höheren Preisen“, dem Gutachten zufolge.";
    assert_speaker(t, "Gutachten");
    // A person named with "laut" is still the speaker.
    let t = "Die Zahlen seien „nicht belastbar“, laut Statistikerin Jana Wolff.";
    assert_speaker(t, "Jana Wolff");
}

#[test]
fn a_name_with_a_number_and_an_article_with_a_noun_are_no_quotations() {
    let t = "Laut der Reederei soll die „Nordstern 4“ im Mai auslaufen.";
    assert!(!is_quotation(t, "Nordstern 4"));
    let t = "Eine Warnung an „den Süden“ folgte, bevor die Ministerin sprach.";
    assert!(!is_quotation(t, "den Süden"));
}

#[test]
fn a_role_is_the_person_named_with_it_nearest_before() {
    let t = "Bürgermeisterin Eva Kern eröffnete das Fest am Morgen. „Willkommen in unserer \
             Stadt!“, sagte die Bürgermeisterin. Am Abend sprach dann Bürgermeisterin Lea \
             Brandt aus der Nachbarstadt.";
    assert_speaker(t, "Eva Kern");
    // Named only after the quotation: the first so named after it.
    let t = "„Wir bauen“, sagte der Landrat. Landrat Udo Pieper nannte Zahlen.";
    assert_speaker(t, "Udo Pieper");
}

#[test]
fn a_common_noun_alone_is_no_speaker_without_a_cue() {
    // "Händler" is written only as a noun; nobody is named in the sentence.
    let t = "Es gebe Händler, die den „neuen Vorschriften“ misstrauen würden.";
    assert_eq!(first_speaker(t), None);
    // A surname the document gives with a first name somewhere is a name alone too.
    let t = "Die Wirtin Gerda Hausmann öffnet um sechs. Gäste gebe es, sagt Hausmann, \
             „die vor der Tür schon warten“. Später sei Hausmann „eigentlich \
             zufrieden“ mit der Saison.";
    assert_eq!(de(t)[1].1.as_deref(), Some("Gerda Hausmann"));
}

#[test]
fn a_pronoun_after_the_cue_is_its_object_when_a_person_stands_before_it() {
    let t = "Der Vorsitzende des Mieterbunds nannte sie „völlig überzogen“.";
    assert_speaker(t, "Vorsitzende des Mieterbunds");
    let t = "Die Zahlen lagen vor. „Das reicht nicht“, sagte er.";
    assert_speaker(t, "er");
}

#[test]
fn nach_angaben_and_nach_ansicht_attribute_to_what_follows() {
    assert_speakers(&[
        (
            "Die Brücke sei nach Angaben der Wasserwerke „nicht mehr zu retten“.",
            "Wasserwerke",
        ),
        (
            "Nach Ansicht von Stadträtin Ilse Brandl ist der Plan „ein teurer Irrweg“.",
            "Ilse Brandl",
        ),
        // A role in the genitive stands for the person named with it.
        (
            "Der Abgeordnete Jonas Rieder sprach im Ausschuss. Die Reform sei nach Meinung \
             des Abgeordneten „längst überfällig“.",
            "Jonas Rieder",
        ),
    ]);
    // "Angaben" without "nach" attributes nothing.
    let t = "Die Firma machte keine Angaben zu dem „internen Vorgang“.";
    assert_eq!(first_speaker(t), None);
}

#[test]
fn quantifiers_prepositions_and_person_nouns() {
    // "Jede Schule" is no name.
    let t = "Jede Schule könne „das Budget selbst verwalten“, hieß es.";
    assert_ne!(first_speaker(t).as_deref(), Some("Jede Schule"));
    // A noun after a preposition and its article is no speaker.
    let t = "In einem Brief an die Mitarbeiter war von einem „schwierigen Jahr“ die Rede.";
    assert_ne!(first_speaker(t).as_deref(), Some("Mitarbeiter"));
    // A person noun with its genitive phrase: "die Moderatorin eines Radiosenders".
    let t = "Am Morgen warnte die Moderatorin eines Radiosenders: „Bleiben Sie zu Hause.“";
    assert_speaker(t, "Moderatorin eines Radiosenders");
    // "für" before a person attributes a view.
    let t = "Für den Historiker Paul Lenz sei der Fund „eine kleine Sensation“.";
    assert_speaker(t, "Paul Lenz");
}

#[test]
fn subjects_that_no_list_names() {
    assert_speakers(&[
        // After a quotation, the phrase after the verb that opens with a nominative article.
        (
            "„Wir haben genug gewartet“, meint die 40-jährige Krankenpflegerin.",
            "die 40-jährige Krankenpflegerin",
        ),
        // A noun for people alone opening the sentence before the cue.
        (
            "Händler sprachen am Abend von „Panik an den Märkten“.",
            "Händler",
        ),
        // A verb framing a judgment: its object follows it, its subject speaks.
        (
            "Die Zeitung bezeichnete Brenner am Montag als „völlig überfordert“.",
            "Die Zeitung",
        ),
    ]);
    // No subject after a preposition: "In der Sendung zeigte sich der Trainer zufrieden".
    let t = "In der Sendung zeigte sich der Trainer zufrieden: „Das war stark.“";
    assert_ne!(first_speaker(t).as_deref(), Some("der Sendung"));
}

#[test]
fn a_framing_verb_after_a_comma_attributes_and_a_thing_of_a_name_is_no_role() {
    let t = "„Sie ist das Gedächtnis des Vereins“, so beschrieb sie der Vorsitzende Ralf Obst.";
    assert_eq!(
        de(t)[0],
        quotation(
            "Sie ist das Gedächtnis des Vereins",
            "Ralf Obst",
            "beschrieb"
        )
    );
    // "Internetseite von Hansa Rostock" is a page, not a person called "von Hansa Rostock".
    let t = "Trainer Max Olbrich wird auf der offiziellen Internetseite von Hansa Rostock so \
             zitiert: „Wir wollen oben mitspielen.“";
    assert_speaker(t, "Max Olbrich");
}

/// Asserts the speaker of the first quoted string of an English text.
#[track_caller]
fn assert_speaker_en(text: &str, speaker: &str) {
    assert_eq!(en(text)[0].1.as_deref(), Some(speaker), "in {text:?}");
}

#[test]
fn english_titles_written_short_do_not_end_the_sentence() {
    // "Sen." and "Dr." stand before a name; the cue after them still attributes.
    assert_eq!(
        en("\"The vote is a disgrace,\" Sen. Maria Delgado wrote online."),
        [quotation(
            "The vote is a disgrace,",
            "Maria Delgado",
            "wrote"
        )]
    );
    assert_speaker_en(
        "\"Nothing has changed,\" said Dr. Omar Haddad, who runs the clinic.",
        "Omar Haddad",
    );
}

#[test]
fn english_roles_and_organisations_speak() {
    // a lower-case role word ends the run it heads
    assert_speaker_en(
        "\"We will not comment,\" a State Department official told reporters.",
        "State Department official",
    );
    // an organisation as the subject, and a plural of a role
    assert_speaker_en(
        "\"We are looking at every option,\" the Transport Ministry said.",
        "Transport Ministry",
    );
    assert_speaker_en(
        "Critics called the new bridge a \"monument to waste\".",
        "Critics",
    );
    // an English name is no compound of a role: "Sotomayor" ends in "mayor"
    assert_speaker_en(
        "\"It is a narrow ruling,\" said Judge Ana Sotomayor.",
        "Ana Sotomayor",
    );
}

#[test]
fn a_role_of_four_letters_ends_a_compound() {
    // "Fraktionschef" is a role; the subject before a passive cue is its person's name
    assert_speaker(
        "Der Fraktionschef der Linken, Jonas Feld, wird mit den Worten zitiert: „Das Amt \
         hat versagt.“",
        "Jonas Feld",
    );
}

#[test]
fn what_a_role_is_of_is_no_name() {
    // a genitive the text also writes without its "s"
    assert_speaker(
        "Norwegen will helfen. „Wir schicken Ärzte“, sagte der Regierungschef Norwegens \
         Lars Dahl.",
        "Lars Dahl",
    );
    // a phrase with a particle after an organisation ("laut Polizei zu …")
    assert_speaker(
        "Laut Polizei habe der Wagen des „schwarzen Blocks“, von dem laut Polizei zu \
         Gewalt aufgerufen worden sei, die Straße blockiert.",
        "Polizei",
    );
    // the appositive name is searched over the role's genitive, not over a verb
    assert_speaker(
        "Der Sprecher teilte später mit, Minister Kurt Brandt sei „nicht erreichbar“.",
        "Sprecher",
    );
}

#[test]
fn subjects_beside_a_cue_that_no_article_marks() {
    // "man" is the subject; the name after it is the object the verb quotes
    assert_speaker(
        "„Wir sind hier nicht erwünscht“, zitierte man Rosa Vidal vom Sender Canal Sur.",
        "Rosa Vidal",
    );
    // a word alone opening the sentence, with no subject after the verb
    assert_speaker(
        "Nordlicht-Reisen gab dazu bekannt: „Alle Fahrten finden statt.“",
        "Nordlicht-Reisen",
    );
    // an adverb opening the sentence is no subject when one follows the verb
    assert_speaker(
        "Ähnlich äußerte sich Bürgermeister Tim Vogt: „Wir bauen weiter.“",
        "Tim Vogt",
    );
}

#[test]
fn pronouns_and_and_beside_a_cue() {
    // "er" after the verb is its subject, even with a name after it
    let t = "Die Trainerin Ina Wolf lobte das Team. Danach sprach Kapitän Ole Brix. In einer \
             Rede würdigte er Wolfs Arbeit: „Sie hat uns besser gemacht.“";
    assert_eq!(de(t)[0].1.as_deref(), Some("Ole Brix"));
    // after a comma, "er" opens a clause of its own: the name before the verb speaks
    assert_speaker(
        "Gestern trat Minister Paul Eck zurück. Landrat Udo Kern erklärte, er sei „tief \
         betroffen“.",
        "Udo Kern",
    );
    // "und" goes on with the sentence's own subject, not with the last speaker
    let t = "„Wir bleiben“, sagte Ada Lenz. Am Abend lobte der Bürgermeister Jan Roth die \
             Helfer und nannte den Einsatz „vorbildlich und mutig“.";
    assert_eq!(de(t)[1].1.as_deref(), Some("Jan Roth"));
}

#[test]
fn a_relative_clause_stands_between_subject_and_cue() {
    assert_speaker(
        "Brandt, der seit 2019 Trainer des Vereins ist, sagte: „Wir steigen nicht ab.“",
        "Brandt",
    );
    assert_speaker(
        "Die Bürgermeisterin Lea Voss, die erst seit Mai im Amt ist, sagte: „Wir bauen.“",
        "Lea Voss",
    );
    assert_speaker_en(
        "Okafor, who has coached the side since 2021, said: \"We will not go down.\"",
        "Okafor",
    );
}

#[test]
fn a_name_after_a_comma_is_no_noun_after_an_adjective() {
    // "vote," is no adjective of "Merz"
    assert_speaker_en(
        "Asked about the vote, Lindqvist said only: \"We will see.\"",
        "Lindqvist",
    );
    // a name opening a sentence is a person a pronoun can stand for
    let t = "Die Firma wächst. Li Wen, Sprecherin des Herstellers, nannte Zahlen. Sie sagte: \
             „Wir verdoppeln den Umsatz.“";
    assert_eq!(de(t)[0].1.as_deref(), Some("Li Wen"));
}

#[test]
fn a_genitive_before_a_noun_is_no_name() {
    // the text writes "Norwegen", so "Norwegens Regierung" is no person
    let t = "Norwegen will helfen. Norwegens Regierung erklärte: „Wir schicken Ärzte.“";
    assert_eq!(de(t)[0].1.as_deref(), Some("Norwegens Regierung"));
}

#[test]
fn english_subjects_in_lower_case_and_objects_of_told() {
    // a common noun between the quotation and its verb; "the BBC" after "told" is its object
    assert_eq!(
        en("\"I saw the smoke first,\" the driver told the BBC."),
        [quotation("I saw the smoke first,", "driver", "told")]
    );
    // a clause ending in a comma inside the marks goes on to its attribution, here past a
    // relative clause on the subject
    assert_eq!(
        en(
            "\"I don't know what happened,\" the driver, who asked not to be named, told \
            the BBC."
        ),
        [quotation("I don't know what happened,", "driver", "told")]
    );
    // the verb that frames the judgment, not "as", finds the speaker
    assert_speaker_en(
        "Governor Ann Lee toured the camp. She described the conditions as \"inhumane\".",
        "Ann Lee",
    );
}

#[test]
fn subjects_a_german_sentence_opens_with() {
    // a name alone, with a noun after a preposition behind the verb
    assert_speaker("Brenner betonte im Landtag: „Wir halten Wort.“", "Brenner");
    // a noun for people before a relative clause
    assert_speaker(
        "Eine Nachbarin, die nicht genannt werden wollte, berichtete: „Es krachte zweimal.“",
        "Nachbarin",
    );
    // "laut" with an indefinite person
    assert_speaker(
        "Der Film ist laut einem Jury-Mitglied ein „stilles kleines Wunder“.",
        "Jury-Mitglied",
    );
    // a genitive opening the sentence is its subject, not the name after the verb
    let t = "Die Firma Falk legte Zahlen vor. Falks Vorstand warf Ruth Stein vor, sie sei \
             eine „notorische Schwarzmalerin“.";
    assert_eq!(de(t)[0].1.as_deref(), Some("Falks Vorstand"));
}

#[test]
fn a_surname_after_a_relative_der_stays_a_name() {
    // "bei der Kessler die Mehrheit holte" puts "Kessler" after "der" once; the text also
    // writes "Vera Kessler", so "sagte Kessler" names her
    let t = "Vera Kessler tritt an. Nach der Wahl, bei der Kessler die Mehrheit holte, kam \
             Streit auf. „Wir regieren jetzt,“ sagte Kessler.";
    assert_eq!(de(t)[0].1.as_deref(), Some("Vera Kessler"));
}

#[test]
fn with_the_words_the_subject_speaks() {
    // not "Stadtrates", the noun right before "mit den Worten"
    assert_speaker(
        "Bürgermeister Olaf Kranz verteidigte den Beschluss des Stadtrates mit den Worten: \
         „Wir hatten keine Wahl.“",
        "Olaf Kranz",
    );
}

#[test]
fn completing_a_name_stops_at_a_preposition() {
    // "am Sonntag Okafor" elsewhere does not make "Okafor" "Sonntag Okafor"
    let t = "In Lagos dankte am Sonntag Okafor den Helfern. „Das ist erst der Anfang“, sagte \
             Okafor.";
    assert_eq!(de(t)[0].1.as_deref(), Some("Okafor"));
}

#[test]
fn appositives_genitives_and_outlets() {
    assert_speakers(&[
        // A genitive of a place after the role, then the name after a comma.
        (
            "„Wir hoffen auf eine Einigung“, sagte der Botschafter Kanadas, Tom Reiner.",
            "Tom Reiner",
        ),
        // The genitive of a role is what the role is of, not the speaker.
        (
            "Der Einsatzleiter der Polizei in Kassel erklärte: „Die Lage ist ruhig.“",
            "Einsatzleiter der Polizei",
        ),
        // An appositive between the name and the cue, however long.
        (
            "Lea Brandt, Vorsitzende des Mietervereins für den Landkreis Celle, sagte, es sei \
             „ein schwarzer Tag für alle Mieter“.",
            "Lea Brandt",
        ),
        // A surname after an adjective, when the document gives the first name.
        (
            "Die Sängerin Mira Voss trat am Abend auf. „Das war mein schönstes Konzert“, \
             schrieb die in Wien geborene Voss.",
            "Mira Voss",
        ),
        // A surname after a verb in the past.
        (
            "Der Ökonom Karl Elsner sprach in Bonn. Neben ihm saß die Forscherin Ina Falk. Zur \
             Krise führte Elsner aus, die Lage sei „angespannt, aber beherrschbar“.",
            "Karl Elsner",
        ),
        // An outlet in marks right after the cue.
        (
            "„Die Stadt hat zu lange gewartet“, schrieb die „Rheinische Post“ am Montag.",
            "Rheinische Post",
        ),
    ]);
    // A place after a preposition is no role and no name: "in New York City".
    let t = "„Wir bleiben“, sagte die in New York City lebende Autorin.";
    assert_ne!(first_speaker(t).as_deref(), Some("York City"));
}

#[test]
fn quantifiers_conjunctions_ages_and_roles_before_a_colon() {
    assert_speakers(&[
        // "Jegliche" is a quantifier: the noun after it is no name.
        (
            "Die Stadträtin Ute Marx trat zurück. Jegliche Schuld an dem Fehlbetrag weist \
             Marx von sich: „Ich habe nichts gewusst.“",
            "Ute Marx",
        ),
        // A role before a colon, with no cue: it speaks.
        (
            "Nachdem die Täter gefasst waren, lobte der Landrat die Polizei. Ein Ermittler \
             nach der Festnahme: „Wir sind sehr erleichtert.“",
            "Ermittler",
        ),
        // A name with an age after it, after an adjective.
        (
            "Die Fähre kenterte am Morgen. Die verletzte Nora Bell, 34, schilderte den \
             Hergang: „Das Wasser kam von allen Seiten.“",
            "Nora Bell",
        ),
        // "zu" after a first name and a surname ends the name.
        (
            "Jan Roth zu Beginn der Sitzung sagte: „Wir müssen sparen.“",
            "Jan Roth",
        ),
    ]);
    // A conjunction opening the sentence is no part of a name.
    let t = "Nachdem Ole Brink gewählt war, sagte er: „Ich danke allen.“";
    assert_ne!(first_speaker(t).as_deref(), Some("Nachdem Ole Brink"));
}

#[test]
fn a_pronoun_means_the_person_just_introduced() {
    // A new subject since the last quotation, before the last speaker; and a pronoun opening
    // the clause of a later cue is its subject.
    let t = "„Das geht zu weit“, so Lührs. Auch andere Abgeordnete äußerten sich.\n\n\
             Unterdessen verteidigte die Ministerin Greta Olsen den Entwurf. Sie halte ihn \
             für richtig und bezeichnete die Kritik als „überzogen“.";
    assert_eq!(de(t)[1].1.as_deref(), Some("Greta Olsen"));
    // "Zu" opening a sentence is the particle of a name the text writes in full.
    let t = "Bernd zu Stolberg trat zurück. Zu Stolberg hatte Fehler eingeräumt. Er hatte \
             gesagt, es sei ihm „ein ernstes Anliegen, alles aufzuklären“.";
    assert_speaker(t, "Bernd zu Stolberg");
}

#[test]
fn unnamed_speakers_plural_cues_and_subordinate_clauses() {
    assert_speakers(&[
        // An unnamed person with the indefinite article: the noun, as for a role.
        (
            "Ein Anwohner sagte: „Das Wasser stand bis zur Tür.“",
            "Anwohner",
        ),
        // A plural verb right after the quotation, before its subject (both of them).
        (
            "„Der Beschluss bricht alle Zusagen an die Eltern“, meinen die beiden \
             Elternvertreter Paul Steg und Rita Bohm.",
            "Paul Steg und Rita Bohm",
        ),
        // "ließ … verlauten".
        (
            "„Die Gespräche werden fortgesetzt“, ließ ein Sprecher der Reederei am Abend \
             verlauten.",
            "Sprecher der Reederei",
        ),
        // The subject of a subordinate clause opening the sentence is not the cue's.
        (
            "Als ein Ordner den Mann aufhalten wollte, schlug der Randalierer um sich und \
             rief: „Lasst mich sofort gehen!“",
            "der Randalierer",
        ),
    ]);
    // A verb in "-en" with a capital is a noun: "in dem Schreiben" is a source, not a cue.
    let t = "Die Behörde hat der Familie geschrieben. So heißt es in dem Schreiben \
             wörtlich: „Die Frist endet am Montag.“";
    assert_eq!(de(t)[0].2.as_deref(), Some("heißt"));
    // An infinitive after "zu" is no cue: the fragment stays a mention.
    let t = "Dabei sei zu betonen, dass das Land noch nicht „frei“ sei.";
    assert_ne!(de(t)[0].2.as_deref(), Some("betonen"));
}

#[test]
fn verb_second_reported_subjects_and_the_speaker_before() {
    // German attributes verb first after a quotation: a name before the verb opens a
    // clause of its own, whose cue is not this quotation's.
    let t = "Lena Vogt, die früh vom Platz musste, nannte die Karte „übertrieben“, Trainer \
             Max Ruf bezeichnete das Spiel als „schwach“.";
    assert_eq!(de(t)[0].1.as_deref(), Some("Lena Vogt"));
    assert_eq!(de(t)[1].1.as_deref(), Some("Max Ruf"));
    assert_speakers(&[
        // The subject of reported speech is what the words are about, not who speaks.
        (
            "Finanzministerin Eva Laub trat am Morgen vor die Presse. Erstmals sei die \
             Landesregierung wieder in der Lage, die Grenze „ohne neue Schulden“ einzuhalten.",
            "Eva Laub",
        ),
        // A subject with a comma between it and the reported verb is the speaker.
        (
            "Zum Hintergrund führt der Bericht aus, rund ein Drittel der Fälle weise einen \
             „eindeutig politischen“ Hintergrund auf.",
            "der Bericht",
        ),
    ]);
    // A person the sentence before names beside a cue goes on speaking, before the last
    // speaker.
    let t = "„Wir brauchen mehr Geld“, sagte Tim Roth. Die Abgeordnete Sara Wendt kritisierte \
             dagegen die Pläne. Hier seien die Mittel „völlig unzureichend“.";
    assert_eq!(de(t)[1].1.as_deref(), Some("Sara Wendt"));
}

#[test]
fn relative_clauses_and_a_persons_of() {
    // A cue in a relative clause with no subject of its own: the antecedent speaks.
    assert_speakers(&[
        (
            "Der Plan wurde von der Opposition kritisiert, die von einem „Skandal“ sprach.",
            "Opposition",
        ),
        (
            "Kritik kam vom Bund der Steuerzahler, der die Pläne als „Verschwendung“ \
             bezeichnete.",
            "Bund der Steuerzahler",
        ),
        // A person in the clause is its subject.
        (
            "Die Opposition, die der Minister als „Störenfriede“ bezeichnete, schwieg.",
            "Minister",
        ),
        // A role after a named person's "von" is no speaker of its own.
        (
            "„Das Feuer war schnell gelöscht“, sagte Tim Roth von der Feuerwehr.",
            "Tim Roth",
        ),
    ]);
    // Not in the passive: nobody the sentence names described the smoke.
    let t = "Die Rauchschwaden, die als „nebelartig“ beschrieben wurden, zogen nach Süden.";
    assert_ne!(first_speaker(t).as_deref(), Some("Rauchschwaden"));
    let t = "The plan was criticised by the opposition, which said it would \"hurt the \
             poorest families\".";
    assert_eq!(en(t)[0].1.as_deref(), Some("the opposition"));
    let t = "\"I have never seen anything like it,\" Officer James Reed of the state police \
             said in a statement.";
    assert_eq!(en(t)[0].1.as_deref(), Some("James Reed"));
    // A relative clause without commas on a subject in lower case.
    let t = "\"It's a disaster,\" a resident who declined to give her name said.";
    assert_eq!(en(t)[0].1.as_deref(), Some("resident"));
}

#[test]
fn english_subjects_before_that_and_capitalised_names_after_the() {
    // A subject in the clause after "that" is not the cue's: the name before it speaks.
    let t = "Carter said that the rumours were \"completely false\".";
    assert_eq!(en(t)[0].1.as_deref(), Some("Carter"));
    // An English role word is in lower case: a capitalised first word after "The" is part
    // of the name.
    let t = "The Daily Courier reported that the deal was \"all but done\", citing two \
             officials.";
    assert_eq!(en(t)[0].1.as_deref(), Some("The Daily Courier"));
    assert_eq!(en(t)[0].2.as_deref(), Some("reported"));
}

#[test]
fn a_cue_after_the_end_of_the_quoted_sentence() {
    // A quotation that ends its sentence is not attributed by the next sentence's cue.
    let t = "„Ich habe so etwas noch nie erlebt“, erzählt die Rentnerin Gisela Hoff. „Das \
             Wasser stand bis zur Decke.“ Ihr Nachbar ergänzt: „Wir haben alles verloren.“";
    assert_eq!(de(t)[1].1.as_deref(), Some("Gisela Hoff"));
    // A verb in lower case right after it goes on with its sentence, comma or not.
    assert_speaker(
        "„Die neue Schule hat sich bewährt.“ erklärte Ministerin Eva Roth am Montag.",
        "Eva Roth",
    );
}

#[test]
fn a_person_called_by_their_age_is_the_person_named_before() {
    assert_speakers(&[
        (
            "Die Anwältin Petra Vogt verließ das Gericht am Mittag. „Wir gehen in Berufung“, \
             sagte die 52-Jährige.",
            "Petra Vogt",
        ),
        (
            "Der Verein trennt sich von Trainer Lars Brenner. Brenner sei enttäuscht, hieß es. \
             „Ich hätte gern weitergemacht“, sagte der 38-Jährige.",
            "Lars Brenner",
        ),
        // the plural is no one person
        (
            "Die Schüler Tim Ott und Ben Lau gewannen den Preis. „Wir sind stolz“, sagten die \
             17-Jährigen.",
            "die 17-Jährigen",
        ),
    ]);
    let text = "Ingrid Dahl of Norway won the downhill at the Grand Prix in Kitzbühel on Sunday. \
                “It still feels unreal,” the 19-year-old said.";
    assert_eq!(en(text)[0].1.as_deref(), Some("Ingrid Dahl"));
}

#[test]
fn a_surname_alone_is_a_person_when_the_text_gives_it_a_first_name() {
    // "sie" is the nearest person before, though her name stands alone there
    let text = "Die Abgeordnete Eva Lind und der Abgeordnete Jan Roth stritten im Ausschuss. \
                Lind warf der Regierung Versäumnisse vor. „Das reicht bei weitem nicht“, sagte sie.";
    assert_speaker(text, "Eva Lind");
}

#[test]
fn a_completed_name_leaves_an_inflected_role_out() {
    let text = "Die Rede des scheidenden Verteidigungsministers Frank Hollerbach wurde gelobt. \
                Später sagte Hollerbach: „Ich danke allen Helfern.“";
    assert_speaker(text, "Frank Hollerbach");
}

#[test]
fn a_month_or_a_weekday_is_nobody() {
    let text = "Die Stadtwerke schließen das Hallenbad in Talheim bis Ende Januar. „Die Sanierung \
                ist überfällig“, hieß es in einer Mitteilung.";
    assert_eq!(first_speaker(text), None);
    let text =
        "The council will vote on the plan on Monday, March 3. “We need more time,” it said.";
    assert_eq!(en(text)[0].1.as_deref(), Some("The council"));
}

#[test]
fn an_outlet_of_several_words_is_no_role_before_a_name() {
    assert_speakers(&[
        (
            "Der Plan sei „kaum zu bezahlen“, schrieb die Los Angeles Times am Montag.",
            "die Los Angeles Times",
        ),
        (
            "Die Stadt habe „zu lange gewartet“, urteilte die Neue Rheinische Zeitung.",
            "die Neue Rheinische Zeitung",
        ),
        (
            "Das Ministerium hat den Bericht der Chicago Daily Post als „frei erfunden“ \
             zurückgewiesen.",
            "Das Ministerium",
        ),
        // Nor is a long first word of an outlet's name.
        (
            "Der Plan sei „kaum zu bezahlen“, schrieb die Frankfurter Allgemeine Zeitung.",
            "die Frankfurter Allgemeine Zeitung",
        ),
        // A role before a name of two words stays what it was.
        (
            "Der Vorschlag sei „gut gemeint“, sagte die Apothekerin Jana Vogt.",
            "Jana Vogt",
        ),
    ]);
}

#[test]
fn a_party_epithet_is_the_person_named_before_and_another_role_is_not() {
    assert_speakers(&[
        (
            "Ministerpräsident Jan Kessler besuchte am Dienstag die Werft. „Jeder Arbeitsplatz \
             zählt“, sagte der SPD-Politiker.",
            "Jan Kessler",
        ),
        (
            "Landrätin Ute Brandner eröffnete die Brücke. „Sie hat zu lange gedauert“, räumte die \
             CDU-Politikerin ein.",
            "Ute Brandner",
        ),
        (
            "Tobias Renner legte sein Amt nieder. Der FDP-Chef erklärte: „Ich übernehme die \
             Verantwortung.“",
            "Tobias Renner",
        ),
        (
            "„Wir prüfen das“, sagte Mira Olsen. Die Grünen-Politikerin fügte hinzu: „Bis \
             Freitag.“",
            "Mira Olsen",
        ),
        // an epithet finds a person, not an organisation that spoke last
        (
            "Die Reederei Nordlicht wies die Vorwürfe zurück. „Wir haben alle Auflagen erfüllt“, \
             sagte der CDU-Politiker.",
            "CDU-Politiker",
        ),
    ]);
    // A role that brings in someone new, or someone's own (a lawyer, a spokesman), or that
    // the text spoke of before without a name, keeps its word.
    let second = |text: &str| de(text)[1].1.clone();
    assert_eq!(
        second(
            "„Ich war es nicht“, sagte der Angeklagte Karl Fink. Sein Anwalt ergänzte: „Wir gehen \
             in Berufung.“"
        )
        .as_deref(),
        Some("Anwalt")
    );
    assert_eq!(
        second("„Das war knapp“, sagte Lena Sommer. Ihr Sprecher ergänzte: „Sie ist wohlauf.“")
            .as_deref(),
        Some("Sprecher")
    );
    assert_speakers(&[
        (
            "Der Sohn, Felix Bauer, wurde tot aufgefunden. Der Staatsanwalt sagte, er sei \
             „ohne jeden Zweifel“ erstickt.",
            "Staatsanwalt",
        ),
        (
            "Kanzlerin Eva Roth traf den US-Präsidenten am Morgen. „Wir sind uns einig“, sagte \
             der US-Präsident danach.",
            "US-Präsident",
        ),
    ]);
}

#[test]
fn a_verb_of_quoting_gives_its_object_not_the_outlet() {
    assert_speakers(&[
        (
            "Das Radio zitierte Bürgermeisterin Lena Haas mit den Worten: „Wir bauen die Halle \
             wieder auf.“",
            "Lena Haas",
        ),
        (
            "Der Kurier zitiert einen Feuerwehrmann mit den Worten: „So etwas habe ich noch nie \
             gesehen.“",
            "Feuerwehrmann",
        ),
        (
            "„Der Vertrag ist unterschrieben“, zitiert das Wirtschaftsblatt den Vorstand Ole \
             Brandt.",
            "Ole Brandt",
        ),
    ]);
    // The one quoted in the passive is the subject, as before.
    assert_speaker(
        "Trainer Paul Amsel wird vom Stadtanzeiger mit den Worten zitiert: „Wir steigen auf.“",
        "Paul Amsel",
    );
}

#[test]
fn a_document_in_heisst_es_and_a_source_in_brackets_speak() {
    assert_speakers(&[
        (
            "In einer Mitteilung der Bergwacht heißt es: „Der Weg bleibt bis Ostern gesperrt.“",
            "Mitteilung der Bergwacht",
        ),
        (
            "Im jüngsten Bericht des Rechnungshofs hieß es dann: „Die Kosten sind nicht \
             gedeckt.“",
            "Bericht des Rechnungshofs",
        ),
        (
            "„Die Messe war ein Erfolg, die Hallen waren jeden Tag voll“ (Industrie- und \
             Handelskammer).",
            "Industrie- und Handelskammer",
        ),
    ]);
    // The source is found whatever follows it: here a character of two bytes stands at the
    // 80th byte after the bracket.
    let text = format!(
        "„Die Messe war ein Erfolg, die Hallen waren jeden Tag voll“ (Handelskammer).\n\n{}ä",
        "x".repeat(80 - "Handelskammer).\n\n".len() - 1)
    );
    assert_eq!(first_speaker(&text).as_deref(), Some("Handelskammer"));
    // A place with "heißt es" is no document; a translation in brackets is no source.
    assert_eq!(first_speaker("In Brüssel hieß es: „Die Frist gilt.“"), None);
    assert_ne!(
        first_speaker(
            "Der Konzern werde „in einem geordneten Verfahren abgewickelt“ (orderly wind-down) \
             werden, sagte Tom Kühne."
        )
        .as_deref(),
        Some("orderly wind-down")
    );
}

#[test]
fn a_source_after_laut_ends_at_its_comma_and_a_passive_agent_speaks() {
    // "laut" names the outlet, not the subject of the reported clause after its comma.
    assert_speaker(
        "Dagegen sagte Kapitän Jonas Berg laut einer Agentur, die Fischer seien „in eine Falle \
         gelaufen“.",
        "Jonas Berg",
    );
    assert_speakers(&[(
        "Es wurde von Bürgermeister Hans Ebel die Sorge geäußert, die Stadt werde „den Anschluss \
         verlieren“.",
        "Hans Ebel",
    )]);
    // A passive that opens before the quotation and whose participle is the cue after it:
    // the agent speaks, with its adjectives (a side, a group), not the last speaker.
    let text = "Von Seiten der Gewerkschaft hieß es, man warte ab. Der Vorschlag wird von \
                spanischer Seite als „ein Schritt in die richtige Richtung“ gewertet.";
    assert_eq!(de(text)[0].1.as_deref(), Some("spanischer Seite"));
    assert_speaker(
        "Die neuen Gebühren werden von vielen Eltern als „kalte Enteignung der Familien“ \
         bezeichnet.",
        "vielen Eltern",
    );
    // Not the agent of another clause: the verb that speaks has a subject of its own.
    assert_speaker(
        "Die Firma wurde 2019 von Nordwerk übernommen. Vorstand Uwe Dorn sagte dazu: „Wir \
         bleiben in Kiel.“",
        "Uwe Dorn",
    );
}

#[test]
fn reported_speech_goes_on_with_whom_the_text_reports() {
    // A colon after reported speech: the subject is what the words are about, the one who
    // spoke in the sentence before goes on.
    let text = "Wie Bürgermeisterin Hanna Vogt erklärte, werde die Brücke im Mai gesperrt. Die \
                Stadt Lindau sei auf Umleitungen vorbereitet: „Wir haben zwölf Busse bestellt.“";
    assert_speaker(text, "Hanna Vogt");
    // Not when the reported verb stands in a clause of its own before a comma: the
    // sentence's subject speaks.
    let text = "Landrat Karl Imhof sagte am Montag, die Feuerwehr sei gut gerüstet. Die Leiterin \
                Mia Sander erklärte, es sei knapp gewesen, und verglich den Einsatz mit „einer \
                Schlacht ohne Pause“.";
    assert_speaker(text, "Mia Sander");
}

#[test]
fn a_sentence_run_on_with_no_space_still_ends() {
    // "Trainerin.Der": scraped text that lost its space. The quotation after the next
    // sentence is the new subject's, not the last speaker's.
    let text = "„Wir gehen“, sagte die Trainerin.Der Kapitän der Mannschaft, Jonas Weber, war \
                überrascht. „Das kam für uns alle plötzlich.“";
    assert_nth_speaker(text, 1, "Jonas Weber");
    // Not inside an abbreviation or a web address.
    assert!(!run_on(b"z.B.", 1) && !run_on(b"tagesschau.de", 10));
    assert!(run_on(b"Papst.Der", 5));
}

#[test]
fn a_judgment_put_first_has_its_speaker_after_the_verb() {
    let rows = de(
        "Als „herben Rückschlag“ wertete der Sprecher der Reederei, Malte Krüger, die \
                   Entscheidung des Gerichts.",
    );
    assert_eq!(
        rows,
        vec![quotation("herben Rückschlag", "Malte Krüger", "wertete")]
    );
}

#[test]
fn a_quotation_opening_a_sentence_is_the_subject_of_the_one_before() {
    // A person the text brings in as a subject since the last quotation, before the last
    // speaker; in apposition too.
    assert_nth_speaker(
        "„Ich gehe“, sagte Trainerin Eva Brandt. Kapitän Jonas Weber war überrascht. „Das kam \
         für uns alle plötzlich.“",
        1,
        "Jonas Weber",
    );
    assert_nth_speaker(
        "„Ich gehe“, sagte Trainerin Eva Brandt. Der Kapitän der Elf, Jonas Weber, war \
         überrascht. „Das kam für uns alle plötzlich.“",
        1,
        "Jonas Weber",
    );
    // The last speaker still speaks when the sentence between has no person as its subject.
    assert_nth_speaker(
        "„Ich gehe“, sagte Trainerin Eva Brandt. Die Nachricht kam am Abend. „Das ist \
         endgültig.“",
        1,
        "Eva Brandt",
    );
}

#[test]
fn an_organisation_names_no_person_after_it() {
    // Its place or the object of the clause, not a name: "die Polizei Hamburg" speaks as
    // itself, and "der Landesregierung Mehrkosten" holds no person.
    assert_speaker(
        "„Wir ermitteln in alle Richtungen“, teilte die Polizei Hamburg am Abend mit.",
        "Polizei Hamburg",
    );
    let found = german_runs(
        "Die Kommunen erwarten wegen eines Beschlusses der Landesregierung Mehrkosten.",
    );
    assert!(
        found
            .iter()
            .all(|r| r.name.as_deref() != Some("Mehrkosten")),
        "{found:?}"
    );
    // A person's role still names the person after it.
    assert_speaker(
        "„Wir ermitteln“, sagte Stadtrat Peter Müller am Abend.",
        "Peter Müller",
    );
}

#[test]
fn a_frame_at_the_end_of_its_clause_has_its_subject_before_the_quotation() {
    assert_speaker(
        "Der Bericht ist heikel, weil die Landesregierung den Plan im Mai als „mutigen Schritt“ \
         bezeichnet hat.",
        "Landesregierung",
    );
}

#[test]
fn an_outlet_in_marks_after_laut_speaks_and_one_quoted_after_it() {
    // "laut" with an outlet in marks: the outlet, not the subject after it.
    assert_nth_speaker(
        "Laut „Kurier“ hält die Stadt den Plan für einen „teuren Irrweg“.",
        1,
        "Kurier",
    );
    // A verb of quoting quotes the one named after the outlet in marks.
    assert_speaker(
        "„Der Hafen bleibt offen“, zitiert der „Anzeiger“ Hafenmeister Ole Sand.",
        "Ole Sand",
    );
    // Another verb has the outlet speak, as before.
    assert_speaker(
        "„Der Hafen bleibt offen“, schreibt der „Anzeiger“ am Montag.",
        "Anzeiger",
    );
}

#[test]
fn what_a_document_s_words_are_speaks_before_lautet() {
    assert_speaker(
        "Die Kommission legte am Montag ihren Bericht vor. Das Fazit des Berichts lautete: „Die \
         Wahl war im Ganzen fair.“",
        "Das Fazit des Berichts",
    );
    // Someone's answer is theirs: the last speaker's.
    assert_nth_speaker(
        "„Wir gehen“, sagte Trainer Udo Lenz. Seine Antwort lautete: „Nein, sicher nicht.“",
        1,
        "Udo Lenz",
    );
}

#[test]
fn a_possessive_statement_before_a_colon_is_its_owner_s() {
    // "Ihr Fazit:" is hers, read as "sie": the woman named before.
    assert_nth_speaker(
        "„Wir gehen“, sagte Trainer Udo Lenz. Ministerin Eva Roth besuchte am Montag die \
         Schule. Ihr Fazit: „Hier wird gut gearbeitet.“",
        1,
        "Eva Roth",
    );
    let rows = en("Senator Mia Hart toured the plant on Monday. Her verdict: “This is a model.”");
    assert_eq!(rows[0].1.as_deref(), Some("Mia Hart"), "{rows:?}");
    // Someone named in it speaks: "Ihr Sprecher Jan Weber:".
    assert_speaker(
        "Ministerin Eva Roth besuchte die Schule. Ihr Sprecher Jan Weber: „Es war gut.“",
        "Jan Weber",
    );
}

#[test]
fn a_phrase_after_a_genitive_preposition_is_no_subject() {
    // "Angesichts der schwierigen Lage": after a preposition, as "wegen der Lage" is.
    for text in [
        "Angesichts der schwierigen Lage Deutschlands sei ein Umbau nötig.",
        "Aufgrund der hohen Kosten sei ein Umbau nötig.",
    ] {
        let found = german_runs(text);
        let first = &found[0];
        assert!(
            first.subject.is_none() && first.after_prep,
            "{text}: {found:?}"
        );
    }
}

#[test]
fn sie_after_a_frame_is_what_it_frames_when_the_subject_came_before() {
    assert_speaker(
        "Das Unternehmen bestätigte die Zahlen der Gewerkschaft nicht und nannte sie „reine \
         Spekulation“.",
        "Das Unternehmen",
    );
    // With no subject before the verb, "sie" is its subject: the woman named before.
    assert_speaker(
        "Ministerin Eva Roth kam am Abend. Dann nannte sie den Plan „reine Spekulation“.",
        "Eva Roth",
    );
}

#[test]
fn a_view_given_in_the_sentence_before_goes_on_speaking() {
    // "Nach Ansicht von X" gives X's view: the quotation after it is X's, not the last
    // speaker's.
    let text = "Landrätin Petra Lohse begrüßte den Beschluss. „Endlich“, sagte sie. Nach \
                Meinung von Bürgermeister Jens Albers ist damit wenig gewonnen. „Die Kosten \
                bleiben bei den Gemeinden.“";
    assert_nth_speaker(text, 0, "Petra Lohse");
    assert_nth_speaker(text, 1, "Jens Albers");
    // An organisation's figures are no person's view: the last speaker goes on.
    let text = "Landrätin Petra Lohse begrüßte den Beschluss. „Endlich“, sagte sie. Nach \
                Angaben der Verwaltung kostet er wenig. „Die Kosten bleiben bei den \
                Gemeinden.“";
    assert_nth_speaker(text, 1, "Petra Lohse");
}

#[test]
fn a_demonstrative_beside_the_cue_is_the_person_named_last() {
    // "dieser" is the one named last, where "er" would be the one spoken of.
    assert_nth_speaker(
        "Die Schauspielerin Vera Link ist erkrankt. Im Gespräch mit ihrem Arzt, Karl \
         Bremer, sagte dieser, dass Link „sehr erschöpft“ sei.",
        0,
        "Karl Bremer",
    );
    assert_nth_speaker(
        "Trainer Jonas Pohl sprach lange mit dem Torwart Ole Brandt. „Ich bleibe“, sagte \
         dieser danach.",
        0,
        "Ole Brandt",
    );
    // Before a noun it is an article: "dieser Tage" names no one.
    assert_nth_speaker(
        "Trainer Jonas Pohl lobte das Team. „Wir bleiben oben“, sagte dieser Tage der \
         Torwart Ole Brandt.",
        0,
        "Ole Brandt",
    );
}

#[test]
fn someone_unnamed_after_the_cue_is_no_one_named_before() {
    // "ein"/"eine" and a noun for a person after the cue bring in someone new, past
    // adjectives too; the person named before did not say it.
    assert_nth_speaker(
        "Wirt Paul Mohr hat die Preise erhöht. „Für ein Bier ist das zu viel“, sagte ein \
         Stammgast.",
        0,
        "Stammgast",
    );
    assert_nth_speaker(
        "Wirt Paul Mohr hat die Preise erhöht. „Für ein Bier ist das zu viel“, schrieb eine \
         langjährige Besucherin im Netz.",
        0,
        "Besucherin",
    );
    // "einer" after the cue is its object: the speaker stays the one before.
    assert_nth_speaker(
        "Wirt Paul Mohr hat die Preise erhöht. „Das Bier ist teurer geworden“, sagte er \
         einer Zeitung.",
        0,
        "Paul Mohr",
    );
}

#[test]
fn a_label_before_a_framing_attribute_is_a_mention() {
    // "die als „…“ bezeichneten Kredite": the word in marks names the noun after the verb.
    let rows = de(
        "Kämmerer Uwe Hald legte den Etat vor. Der Rat lehnt die als „Schattenhaushalt“ \
                   bezeichneten Rücklagen ab. „Das ist alles gedeckt“, sagte der 52-Jährige.",
    );
    assert!(rows[0].3, "{rows:?}");
    // So no one speaks through it: the age phrase is the man named before.
    assert_eq!(rows[1].1.as_deref(), Some("Uwe Hald"), "{rows:?}");
    // A judgment of a verb that frames it, with its predicate, stays a quotation.
    assert!(is_quotation(
        "Der Rat bezeichnete die Rücklagen als „Schattenhaushalt“.",
        "Schattenhaushalt"
    ));
}

#[test]
fn a_pronoun_after_someone_unnamed_who_spoke_is_theirs() {
    // "Eine Sprecherin sagte, …" between two quotations: "fügte sie hinzu" is hers, not the
    // document's that spoke last.
    let text = "Der Brief kam am Freitag. Darin heißt es: „Wir wissen, wo ihr wohnt.“ Eine \
                Sprecherin der Staatsanwaltschaft sagte, man prüfe den Fall. „Eine Gefahr \
                sehen wir nicht“, fügte sie hinzu.";
    assert_nth_speaker(text, 1, "Sprecherin der Staatsanwaltschaft");
    let text = "Der Brief kam am Freitag. Darin heißt es: „Wir wissen, wo ihr wohnt.“ Ein \
                Sprecher der Polizei sagte, man prüfe den Fall. „Eine Gefahr sehen wir \
                nicht“, fügte er hinzu.";
    assert_nth_speaker(text, 1, "Sprecher der Polizei");
}

#[test]
fn an_organisation_called_by_its_kind_is_the_one_named_before() {
    assert_nth_speaker(
        "Der Mieterverein Lindenau protestierte. Die Erhöhung sei „nicht zu rechtfertigen“, \
         teilte der Verein mit.",
        0,
        "Mieterverein Lindenau",
    );
    assert_nth_speaker(
        "Laut einer Umfrage des Bauernverbandes fehlen Erntehelfer. „Ohne sie verfault das \
         Obst“, erklärte der Verband.",
        0,
        "Bauernverband",
    );
    assert_nth_speaker(
        "Die Gewerkschaft Verdi ruft zum Streik. „Die Löhne müssen steigen“, erklärte die \
         Gewerkschaft.",
        0,
        "Gewerkschaft Verdi",
    );
    // Named by nothing before, it stays as written; "der Bund" is the federation.
    assert_nth_speaker(
        "Die Preise steigen. „Das trifft alle“, erklärte der Verband.",
        0,
        "der Verband",
    );
    assert_nth_speaker(
        "Der Mieterbund protestierte. „Die Länder zahlen nicht“, erklärte der Bund.",
        0,
        "der Bund",
    );
}

#[test]
fn a_sentence_that_ends_inside_the_marks_ends_there() {
    // ".“ " ends the sentence before: the next one opens with the person who goes on to
    // speak, not the last speaker.
    let text = "Gastgeber Nord gewann mit 2:0. Trainerin Eva Brück lobte die Abwehr. „Wir \
                standen gut“, sagte die 38-Jährige, „und waren eiskalt.“ Gästetrainer Tom Ries \
                haderte mit dem Platzverweis nach dem 0:1. „Da war kaum Kontakt.“";
    assert_nth_speaker(text, 2, "Tom Ries");
}

#[test]
fn a_subject_that_can_speak_after_the_cue_speaks() {
    // Not the person who spoke before: the group after the verb.
    let text = "Vereinschef Udo Lamm sagte: „Wir hätten geholfen.“ Nach der Abstimmung riefen \
                die Anwohner im Saal „Wir bleiben hier“.";
    assert_nth_speaker(text, 1, "die Anwohner");
    // A medium after it in the dative is the cue's object.
    assert_nth_speaker(
        "Die Wahl ist umstritten. „Es wird Proteste geben“, sagte die Opposition der Zeitung \
         La Prensa.",
        0,
        "die Opposition",
    );
    // A person called by the age still stands for the person named before.
    assert_nth_speaker(
        "Trainerin Eva Brück lobte die Abwehr. „Wir standen gut“, sagte die 38-Jährige.",
        0,
        "Eva Brück",
    );
}

#[test]
fn a_first_name_tells_whom_a_pronoun_can_mean() {
    // "she" is not the man who spoke last but the woman brought in after him.
    let rows = en(
        "Tom Baxter, the club's chairman, defended the fee. \"We had no choice,\" he \
                   said. Coach Laura Quinn, who trains the under-12s, said parents were angry. \
                   \"Some families will leave,\" she said.",
    );
    assert_eq!(rows[1].1.as_deref(), Some("Laura Quinn"), "{rows:?}");
    // So in German: "die 52-Jährige" is the woman named, not the man who spoke last.
    assert_nth_speaker(
        "Bürgermeister Dirk Hollmann verteidigte den Plan. „Es geht nicht anders“, sagte er. \
         Auch Sabine Ortlieb äußerte Zweifel. Die Kosten seien „viel zu hoch“, sagte die \
         52-Jährige.",
        1,
        "Sabine Ortlieb",
    );
}

#[test]
fn a_colon_ending_the_paragraph_before_attributes_the_next() {
    let text = "Nach 30 Jahren hört Kantor Felix Aumann auf. Beim Abschiedskonzert sagte er:\n\n\
                „Ich habe hier jeden Sonntag gespielt.\n\n„Das werde ich vermissen.“\n\nSein \
                Nachfolger ist noch offen.";
    let rows = de(text);
    assert_eq!(rows[0].1.as_deref(), Some("Felix Aumann"), "{rows:?}");
    assert_eq!(rows[0].2.as_deref(), Some("sagte"), "{rows:?}");
}

#[test]
fn an_appositive_role_after_adjectives_is_the_named_persons() {
    // Not the country the role is in.
    assert_speaker(
        "Lars Weide, deutscher Konsul in den Vereinigten Arabischen Emiraten, sagte dazu: \
         „Wir helfen allen Betroffenen.“",
        "Lars Weide",
    );
}

#[test]
fn two_joined_by_und_speak_together() {
    // Beside a verb in the plural, before it or after it, with their roles left out.
    assert_speakers(&[
        (
            "„Wir bleiben in der Stadt“, erklärten die Inhaber Lena Brandt und Tom Weller am \
             Freitag.",
            "Lena Brandt und Tom Weller",
        ),
        (
            "Lena Brandt und Tom Weller erklärten: „Wir bleiben in der Stadt.“",
            "Lena Brandt und Tom Weller",
        ),
        // Two names alone opening the sentence before a colon: its subject.
        (
            "Nordwerk und Südhafen wollen künftig zusammenarbeiten: „Wir teilen uns die \
             Kräne.“",
            "Nordwerk und Südhafen",
        ),
    ]);
    // Not with a verb in the singular: the second name begins a clause of its own.
    assert_speaker(
        "„Wir bleiben in der Stadt“, sagte Lena Brandt und Tom Weller nickte.",
        "Lena Brandt",
    );
    // Not with more than the conjunction between them.
    assert_speaker(
        "„Wir bleiben in der Stadt“, erklärten Lena Brandt (SPD) und Tom Weller.",
        "Lena Brandt",
    );
    let rows = en("“We will stay,” Lena Brandt and Tom Weller said on Friday.");
    assert_eq!(
        rows[0].1.as_deref(),
        Some("Lena Brandt and Tom Weller"),
        "{rows:?}"
    );
}

#[test]
fn seitens_names_a_source_unless_a_verb_of_speech_comes_first() {
    assert_speaker(
        "Am Abend war seitens der Feuerwehr noch von „zwei leicht Verletzten“ die Rede.",
        "Feuerwehr",
    );
    // After "erklären" it says whose doing the reported words are about.
    assert_speaker(
        "Die Veranstalter erklären dagegen, die Härte seitens der Schule sei eine Antwort auf \
         „ganz normale Fragen der Kinder“ gewesen.",
        "Veranstalter",
    );
}

#[test]
fn a_saying_speaks_through_besagt() {
    assert_speaker(
        "Ein altes Sprichwort besagt: „Wer zuletzt lacht, lacht am besten.“",
        "altes Sprichwort",
    );
}

#[test]
fn a_group_that_speaks_after_the_cue_of_the_sentence_before_goes_on() {
    // A party, called by its members, right after a plural verb of speech: the quotation
    // with no cue in the next sentence is theirs.
    assert_speaker(
        "Scharf kritisieren die Grünen im Landtag den Haushalt. Der Entwurf sei „ein Dokument \
         der Mutlosigkeit und der verpassten Chancen“.",
        "die Grünen",
    );
    // The cue's object after a plural noun is not part of them; a name after an
    // organisation in the singular is, and so is the noun that heads the phrase.
    assert_speakers(&[
        (
            "„Wir wollen endlich Ruhe“, forderten die Anwohner Tempo 30 in der Straße.",
            "die Anwohner",
        ),
        (
            "„Wir zahlen das nicht“, erklärte die Krankenkasse Nordvita.",
            "die Krankenkasse Nordvita",
        ),
        (
            "„Der Trend hält an“, erklärte die Bergmann Stiftung.",
            "die Bergmann Stiftung",
        ),
    ]);
}

#[test]
fn a_crowd_chants() {
    // Not the document whose words were quoted before.
    let text = "Der Aufruf lautete: „Kommt alle zum Rathaus.“ Am Abend skandierte die \
                Menschenmenge vor dem Rathaus Parolen wie „Wir bleiben hier!“";
    let rows = de(text);
    assert_eq!(rows[1].1.as_deref(), Some("die Menschenmenge"), "{rows:?}");
}

#[test]
fn so_and_its_speaker_closing_the_sentence_attribute_it() {
    assert_speaker(
        "Die Kosten seien „nicht mehr zu vertreten“, weil der Bau schon zweimal teurer wurde, \
         so die Rechnungsprüfer.",
        "die Rechnungsprüfer",
    );
    // Right after the quotation "so" is the cue as ever, whatever follows it.
    assert_speaker(
        "Die Kosten seien „nicht mehr zu vertreten“, so die Prüfer, und der Rat tagt erneut im \
         Mai.",
        "die Prüfer",
    );
}

#[test]
fn a_run_inside_the_genitive_of_the_phrase_before_is_no_apposition_to_it() {
    // The sentence before opens with a role and its genitive, whose noun is a run of its own:
    // that run stands inside the phrase, not after it (this once sliced the text backwards).
    let t = "Ingenieurin eines Stahlwerks mit den Kunden aber dem Amt. \
             “We need Berlin, there is no other way.”";
    let quoted = "We need Berlin, there is no other way.";
    let runs = german_runs("Ingenieurin eines Stahlwerks mit den Kunden aber dem Amt.");
    assert_eq!((runs[0].words.clone(), runs[1].words.clone()), (0..1, 2..3));
    assert!(runs[0].phrase_end > "Ingenieurin eines S".len());
    // (found, whatever speaker the later rules give it)
    assert_eq!(de(t)[0].0, quoted);
    assert_eq!(en(t)[0].0, quoted);
}
