//! Unit tests of the segmentation policy, one case per rule, in news-shaped text of our own.

use super::*;

fn de(text: &str) -> Vec<&str> {
    Segmenter::new().split(text, Lang::De)
}

fn en(text: &str) -> Vec<&str> {
    Segmenter::new().split(text, Lang::En)
}

// 1. Terminal punctuation.

#[test]
fn terminals_and_runs_of_them() {
    assert_eq!(
        de("Der Zug fiel aus. Wer zahlt? Niemand! Wirklich?! Das wird teuer…"),
        [
            "Der Zug fiel aus.",
            "Wer zahlt?",
            "Niemand!",
            "Wirklich?!",
            "Das wird teuer…"
        ]
    );
    assert_eq!(
        en("Turnout fell... Officials blamed the rain."),
        ["Turnout fell...", "Officials blamed the rain."]
    );
}

#[test]
fn closing_brackets_and_quotes_stay_with_the_sentence() {
    assert_eq!(
        de("Die Sitzung endete (nach fünf Stunden). Danach sprach niemand."),
        [
            "Die Sitzung endete (nach fünf Stunden).",
            "Danach sprach niemand."
        ]
    );
    assert_eq!(
        de("Der Antrag scheiterte (knapp!). Die Opposition jubelte."),
        ["Der Antrag scheiterte (knapp!).", "Die Opposition jubelte."]
    );
}

#[test]
fn a_lower_case_start_is_allowed() {
    assert_eq!(
        de("Apple meldete Verluste. iPhone-Verkäufe brachen ein."),
        ["Apple meldete Verluste.", "iPhone-Verkäufe brachen ein."]
    );
    assert_eq!(
        de("Das Werk schließt. dpa-Informationen zufolge sind 400 Stellen betroffen."),
        [
            "Das Werk schließt.",
            "dpa-Informationen zufolge sind 400 Stellen betroffen."
        ]
    );
}

#[test]
fn no_boundary_without_a_sentence_start() {
    assert_eq!(de("Die Quote lag bei 3.5 %."), ["Die Quote lag bei 3.5 %."]);
    assert_eq!(
        en("She works at Yahoo! in London."),
        ["She works at Yahoo! in London."]
    );
}

// 2. No boundary after abbreviations, ordinals, initials, numbers, URLs.

#[test]
fn abbreviations_do_not_end_sentences() {
    for text in [
        "Betroffen sind z. B. Kliniken in Hessen.",
        "Betroffen sind z.B. Kliniken in Hessen.",
        "Dazu zählen u. a. Kliniken und Schulen.",
        "Das gilt i. d. R. für alle Länder.",
        "Die Burg wurde 800 n. Chr. erbaut.",
        "Oberst a. D. Müller widersprach.",
        "Dr. Anna Weber und Prof. Jan Ott sprachen.",
        "Der Antrag Nr. 12 wurde abgelehnt.",
        "Er kam am 3. Okt. 2023 zurück.",
        "Das Wort stammt aus dem engl. Sprachraum.",
        "Im 19. Jh. entstand die Stadt.",
        "Die Firma beschäftigt ca. 300 Menschen.",
        "Vgl. dazu den Bericht von gestern.",
        "Die Kosten stiegen auf 4,2 Mio. Euro.",
        "Die Zentrale liegt in der Bahnhofstr. 12 in Kassel.",
    ] {
        assert_eq!(de(text), [text], "{text}");
    }
    for text in [
        "Mr. Smith met Dr. Jones at 10 a.m. on Monday.",
        "He moved to St. Louis, e.g. for work.",
        "Revenue rose, i.e. by a third, in the U.S. last year.",
        "See p. 12 and No. 7 for details.",
    ] {
        assert_eq!(en(text), [text], "{text}");
    }
}

#[test]
fn ordinals_before_nouns_and_months() {
    for text in [
        "Die Wahl findet am 3. Oktober statt.",
        "Der 2. Weltkrieg endete 1945.",
        "Der 1. FC Köln gewann.",
        "Zum 100. Geburtstag kamen alle.",
        "Am 22.10.2024 um 14.30 Uhr begann die Sitzung.",
        "Es waren 1.500 Menschen.",
    ] {
        assert_eq!(de(text), [text], "{text}");
    }
}

#[test]
fn initials_and_roman_numerals() {
    assert_eq!(
        de("J. Schneider leitet die Behörde."),
        ["J. Schneider leitet die Behörde."]
    );
    assert_eq!(
        de("Zar Peter I. gründete die Stadt."),
        ["Zar Peter I. gründete die Stadt."]
    );
    assert_eq!(
        en("John F. Kennedy spoke in Berlin."),
        ["John F. Kennedy spoke in Berlin."]
    );
}

#[test]
fn urls_and_email_addresses() {
    assert_eq!(
        de("Mehr unter www.example.org/wahl. Fragen an presse@example.de. Danke."),
        [
            "Mehr unter www.example.org/wahl.",
            "Fragen an presse@example.de.",
            "Danke."
        ]
    );
}

// 3. Sentence-final abbreviations, numbers and ordinals.

#[test]
fn sentence_final_abbreviations_before_a_clear_start() {
    assert_eq!(
        de("Sie kauften Brot, Milch usw. Danach gingen sie heim."),
        ["Sie kauften Brot, Milch usw.", "Danach gingen sie heim."]
    );
    assert_eq!(
        en("He lived in the U.S. They never met."),
        ["He lived in the U.S.", "They never met."]
    );
    assert_eq!(
        en("They landed at 6 a.m. The crew slept."),
        ["They landed at 6 a.m.", "The crew slept."]
    );
    assert_eq!(
        en("Talks covered trade, energy etc. Both sides were pleased."),
        [
            "Talks covered trade, energy etc.",
            "Both sides were pleased."
        ]
    );
    assert_eq!(
        en("He works for the U.S. Senate."),
        ["He works for the U.S. Senate."]
    );
}

#[test]
fn sentence_final_numbers_and_ordinals() {
    assert_eq!(
        de("Die Mannschaft belegte Platz 3. Der Trainer war zufrieden."),
        [
            "Die Mannschaft belegte Platz 3.",
            "Der Trainer war zufrieden."
        ]
    );
    assert_eq!(
        de("Das Gesetz stammt aus dem Jahr 2024. Kritiker halten es für zu streng."),
        [
            "Das Gesetz stammt aus dem Jahr 2024.",
            "Kritiker halten es für zu streng."
        ]
    );
    assert_eq!(
        de("Es geht um Antrag Nr. 7. Er wurde vertagt."),
        ["Es geht um Antrag Nr. 7.", "Er wurde vertagt."]
    );
    assert_eq!(
        en("The index closed at 4,512. Traders were cautious."),
        ["The index closed at 4,512.", "Traders were cautious."]
    );
}

// 4. Quotations.

#[test]
fn quote_followed_by_attribution_is_one_sentence() {
    for text in [
        "„Wir bleiben hier“, sagte die Ministerin.",
        "„Wir bleiben hier.“, sagte die Ministerin.",
        "„Wann kommt die Reform?“, fragte ein Abgeordneter.",
        "„Wann kommt die Reform?“ fragte ein Abgeordneter.",
        "Die Ministerin sagte: „Wir bleiben hier.“",
        "\"We will stay,\" the minister said.",
        "\"We will stay.\" the minister said.",
    ] {
        let got = if text.starts_with('"') {
            en(text)
        } else {
            de(text)
        };
        assert_eq!(got, [text], "{text}");
    }
}

#[test]
fn a_quote_that_ends_a_sentence() {
    assert_eq!(
        de("Sie sagte: „Wir bleiben.“ Dann verließ sie den Saal."),
        ["Sie sagte: „Wir bleiben.“", "Dann verließ sie den Saal."]
    );
    assert_eq!(
        de("»Das reicht nicht.« Der Verband fordert mehr Geld."),
        ["»Das reicht nicht.«", "Der Verband fordert mehr Geld."]
    );
    assert_eq!(
        en("\"We are done.\" The talks collapsed."),
        ["\"We are done.\"", "The talks collapsed."]
    );
}

#[test]
fn a_quotation_of_several_sentences_is_split_inside() {
    assert_eq!(
        de("„Wir haben verloren. Das tut weh“, sagte der Trainer."),
        ["„Wir haben verloren.", "Das tut weh“, sagte der Trainer."]
    );
}

// 5. Layout.

#[test]
fn a_blank_line_always_ends_a_sentence() {
    assert_eq!(
        de("Der Streik geht weiter, sagte Nr.\n\nDie Bahn widerspricht."),
        [
            "Der Streik geht weiter, sagte Nr.",
            "Die Bahn widerspricht."
        ]
    );
}

#[test]
fn headline_byline_dateline_and_stand_lines() {
    let text = "Streik legt Bahnverkehr lahm\nVon Anna Berger\nStand: 22.10.2024 14:30 Uhr\nBerlin (dpa) – Der Streik der Lokführer trifft Millionen.";
    assert_eq!(
        de(text),
        [
            "Streik legt Bahnverkehr lahm",
            "Von Anna Berger",
            "Stand: 22.10.2024 14:30 Uhr",
            "Berlin (dpa) – Der Streik der Lokführer trifft Millionen."
        ]
    );
}

#[test]
fn list_items_are_sentences() {
    assert_eq!(
        de("Die Forderungen:\n- mehr Lohn\n- kürzere Schichten\n• bessere Züge"),
        [
            "Die Forderungen:",
            "- mehr Lohn",
            "- kürzere Schichten",
            "• bessere Züge"
        ]
    );
    assert_eq!(
        en("1. Open the file 2. Check the figures"),
        ["1. Open the file", "2. Check the figures"]
    );
}

#[test]
fn wrapped_lines_run_on() {
    assert_eq!(
        de("Die Regierung hat am Dienstag die\nReform beschlossen."),
        ["Die Regierung hat am Dienstag die\nReform beschlossen."]
    );
    assert_eq!(
        de("Die Regierung hat am Dienstag eine neue \nReform beschlossen."),
        ["Die Regierung hat am Dienstag eine neue \nReform beschlossen."]
    );
    assert_eq!(
        de("Streik legt Bahn lahm \nDie Gewerkschaft droht mit mehr."),
        ["Streik legt Bahn lahm", "Die Gewerkschaft droht mit mehr."]
    );
    assert_eq!(
        en("The council voted on Tuesday to\nclose the bridge."),
        ["The council voted on Tuesday to\nclose the bridge."]
    );
}

#[test]
fn footnote_references_stay_with_their_sentence() {
    assert_eq!(
        en("The plan failed.[3] Nobody was surprised."),
        ["The plan failed.[3]", "Nobody was surprised."]
    );
}

#[test]
fn glued_sentences_are_split() {
    assert_eq!(
        en("It rained all day.Nobody came."),
        ["It rained all day.", "Nobody came."]
    );
    assert_eq!(
        de("Mehr unter tagesschau.de heute."),
        ["Mehr unter tagesschau.de heute."]
    );
}

// 6. Non-destructive spans.

#[test]
fn spans_are_trimmed_and_gaps_are_whitespace() {
    let text = "  Erster Satz.  \n\n Zweiter Satz!\t";
    let mut spans = Vec::new();
    Segmenter::new().split_into(text, Lang::De, &mut spans);
    assert_eq!(spans, [2..14, 19..32]);
}

#[test]
fn empty_and_blank_texts_have_no_sentences() {
    assert!(de("").is_empty());
    assert!(de(" \n\t ").is_empty());
}

#[test]
fn a_dateline_opening_a_paragraph_is_not_a_sentence() {
    assert_eq!(
        de("BERLIN. Die Regierung hat den Haushalt beschlossen."),
        ["BERLIN. Die Regierung hat den Haushalt beschlossen."]
    );
    assert_eq!(
        de("Streik im Hafen\nHamburg. Die Hafenarbeiter legen die Arbeit nieder."),
        [
            "Streik im Hafen",
            "Hamburg. Die Hafenarbeiter legen die Arbeit nieder."
        ]
    );
    // A one-word sentence that is no place name still ends.
    assert_eq!(de("Nein. Das bleibt so."), ["Nein.", "Das bleibt so."]);
    assert_eq!(de("Eins. Zwei. Drei."), ["Eins.", "Zwei.", "Drei."]);
    assert_eq!(
        de("Er kam nach Berlin. Dort blieb er."),
        ["Er kam nach Berlin.", "Dort blieb er."]
    );
}

#[test]
fn an_ellipsis_character_before_spaced_dots() {
    // The run opens with "…", not a period: no cut inside the three-byte character.
    assert_eq!(
        de("Dann wurde es still…. . . . Am Abend kam der Regen."),
        ["Dann wurde es still…. . . .", "Am Abend kam der Regen."]
    );
    assert_eq!(
        en("It went quiet. . . . Then the rain came."),
        ["It went quiet.", ". . . Then the rain came."]
    );
}
