//! The deduper's rules, on texts of the kinds news repeats.

use super::*;
use unicode_normalization::UnicodeNormalization;

fn run(texts: &[&str], config: Config) -> Vec<Verdict> {
    let mut a = Analyzer::new();
    let mut d = Deduper::new(config);
    texts
        .iter()
        .map(|t| {
            let f = a.features(t, config.exact);
            d.push(&f)
        })
        .collect()
}

/// The position of each kept record among all (verdicts number the kept records only).
fn kept(verdicts: &[Verdict]) -> Vec<usize> {
    (0..verdicts.len())
        .filter(|&i| verdicts[i].kept())
        .collect()
}

/// Per text, the position of its group's first text.
fn groups(texts: &[&str]) -> Vec<usize> {
    let v = run(texts, Config::default());
    let kept = kept(&v);
    v.iter()
        .enumerate()
        .map(|(i, v)| match v {
            Verdict::New => i,
            Verdict::Copy { of, .. } => kept[*of as usize],
        })
        .collect()
}

#[test]
fn copies_join_the_first_record_of_their_group() {
    let s = "Die Bundesregierung hat am Montag ein neues Hilfspaket für die Ukraine beschlossen.";
    let g = groups(&[
        s,
        "Der Bundestag debattierte am Dienstag über den Haushalt des kommenden Jahres.",
        "Die Bundesregierung hat am Montag ein neues Hilfspaket für die Ukraine beschlossen (dpa).",
        "die bundesregierung hat am montag ein neues hilfspaket für die ukraine beschlossen",
        "Die Bundesregierung hat am Montag ein neues Hilfspacket für die Ukraine beschlossen.",
    ]);
    assert_eq!(g, vec![0, 1, 0, 0, 0]);
}

/// The verdict on `b` after `a`.
fn second(a: &str, b: &str) -> Verdict {
    run(&[a, b], Config::default())[1]
}

#[test]
fn a_short_statement_one_slip_off_is_a_copy() {
    let s = "Der Zug aus Berlin kam am Abend an.";
    for slip in [
        "Der Zgu aus Berlin kam am Abend an.",  // two swapped
        "Der Zug aus Berlin kam am Abnd an.",   // one left out
        "Der Zug aus Berlin kamm am Abend an.", // one doubled
        "Der Zug aus Berlin kam am Abeud an.",  // one misread
    ] {
        let v = second(s, slip);
        assert!(
            matches!(v, Verdict::Copy { why: Why::Slip, score, .. } if score < 0.8),
            "{slip}: {v:?}"
        );
    }
}

#[test]
fn a_slip_is_a_copy_under_any_threshold() {
    let strict = Config {
        threshold: 0.99,
        ..Config::default()
    };
    let v = run(
        &[
            "Der Zug aus Berlin kam am Abend an.",
            "Der Zug aus Berlin kam am Abnd an.",
        ],
        strict,
    );
    assert!(
        matches!(v[1], Verdict::Copy { why: Why::Slip, .. }),
        "{v:?}"
    );
}

#[test]
fn more_than_a_slip_or_too_short_a_statement_is_not_a_copy() {
    for (a, b) in [
        // two slips
        (
            "Der Zug aus Berlin kam am Abend an.",
            "Der Zgu aus Berlin kam am Abnd an.",
        ),
        // another first or last word: at an end of the text it costs no more than a slip
        (
            "Thanks to all who came to the fair.",
            "I hope to all who came to the fair.",
        ),
        (
            "Auf dem Markt dankte er allen Helfern.",
            "Auf dem Markt dankte er allen Helden.",
        ),
        // too short for one character to be a slip
        ("Ja, sagte sie.", "Na, sagte sie."),
    ] {
        assert_eq!(second(a, b), Verdict::New, "{a} / {b}");
    }
    // A slip that makes another figure makes another statement.
    let v = second(
        "Der Zug aus Berlin kam um 14 Uhr an.",
        "Der Zug aus Berlin kam um 15 Uhr an.",
    );
    assert_eq!(v, Verdict::New);
}

#[test]
fn guards_keep_apart_what_says_something_else() {
    let g = groups(&[
        "Bei dem Angriff wurden nach Angaben der Behörden 12 Menschen verletzt.",
        "Bei dem Angriff wurden nach Angaben der Behörden 15 Menschen verletzt.",
        "Die Regierung wird die Steuern im kommenden Jahr senken, sagte der Minister.",
        "Die Regierung wird die Steuern im kommenden Jahr nicht senken, sagte der Minister.",
        "„Wir werden die Ukraine weiter unterstützen, so lange es nötig ist“, sagte Kanzler Scholz.",
        "„Wir werden die Ukraine weiter unterstützen, so lange es nötig ist“, sagte Präsident Macron.",
    ]);
    assert_eq!(g, vec![0, 1, 2, 3, 4, 5]);
    let off = Config {
        guards: false,
        ..Config::default()
    };
    let v = run(
        &[
            "Bei dem Angriff wurden nach Angaben der Behörden 12 Menschen verletzt.",
            "Bei dem Angriff wurden nach Angaben der Behörden 15 Menschen verletzt.",
        ],
        off,
    );
    assert!(matches!(v[1], Verdict::Copy { of: 0, .. }));
}

/// How `b` compares with `a` before it, of which it must be a candidate.
fn why(a: &str, b: &str) -> Why {
    let mut an = Analyzer::new();
    let mut d = Deduper::new(Config::default());
    let (fa, fb) = (an.features(a, false), an.features(b, false));
    d.push(&fa);
    let c = d.candidates(&fb);
    assert_eq!(c.len(), 1, "{a} / {b}: no candidate");
    d.compare(c[0], &fb).why
}

/// Each `b` compares with its `a` so.
fn all_why(pairs: &[(&str, &str)], want: Why) {
    for &(a, b) in pairs {
        assert_eq!(why(a, b), want, "{b}");
    }
}

#[test]
fn the_same_names_in_another_order_are_another_statement() {
    all_why(
        &[
        (
            "Der Stürmer Lukas Brenner wechselt im Sommer vom SV Altheim zum FC Westerburg.",
            "Der Stürmer Lukas Brenner wechselt im Sommer vom FC Westerburg zum SV Altheim.",
        ),
        (
            "Im Halbfinale des Turniers von Kellberg hat am Samstagabend Grünwald die an Nummer eins gesetzte Okafor nach gut zwei Stunden in drei Sätzen besiegt.",
            "Im Halbfinale des Turniers von Kellberg hat am Samstagabend Okafor die an Nummer eins gesetzte Grünwald nach gut zwei Stunden in drei Sätzen besiegt.",
        ),
        (
            "After a dispute of more than two years, the board of Harlow said on Tuesday that it had agreed to buy Tessier for its mines in the north.",
            "After a dispute of more than two years, the board of Tessier said on Tuesday that it had agreed to buy Harlow for its mines in the north.",
        ),
        ],
        Why::Roles,
    );
    // Sentences that change places keep the order of the names in each, and a name twice is
    // no pair.
    for (a, b) in [
        (
            "Die Stadt Kellberg baut ein neues Hallenbad. Bezahlt wird es vom Land Hessen und vom Bund.",
            "Bezahlt wird es vom Land Hessen und vom Bund. Die Stadt Kellberg baut ein neues Hallenbad.",
        ),
        (
            "Trainer Vogt sagte, Vogt werde bleiben, und lobte Berger.",
            "Trainer Vogt sagte, Vogt werde bleiben, und lobte Berger!",
        ),
    ] {
        assert!(why(a, b).is_copy(), "{b}: {:?}", why(a, b));
    }
}

#[test]
fn a_statement_turned_round_by_one_word_is_another() {
    all_why(
        &[
        (
            "Die Mieten in den großen Städten sind im vergangenen Jahr erneut deutlich gestiegen, berichtet der Mieterbund.",
            "Die Mieten in den großen Städten sind im vergangenen Jahr erneut deutlich gesunken, berichtet der Mieterbund.",
        ),
        (
            "Ein Sprecher des Konzerns hat die Berichte über einen Verkauf der Sparte am Montag bestätigt.",
            "Ein Sprecher des Konzerns hat die Berichte über einen Verkauf der Sparte am Montag dementiert.",
        ),
        (
            "Exports to the region were higher in the third quarter than in any quarter since the war began.",
            "Exports to the region were lower in the third quarter than in any quarter since the war began.",
        ),
        (
            "Bei dem Unfall auf der Kreisstraße wurde der Fahrer des Transporters nach Angaben der Polizei leicht verletzt.",
            "Bei dem Unfall auf der Kreisstraße wurde der Fahrer des Transporters nach Angaben der Polizei schwer verletzt.",
        ),
        (
            "Die Anwohner sammeln seit Wochen Unterschriften für den geplanten Ausbau der Umgehungsstraße.",
            "Die Anwohner sammeln seit Wochen Unterschriften gegen den geplanten Ausbau der Umgehungsstraße.",
        ),
        (
            "On Tuesday the appeal court in the capital upheld the ruling against the operator of the waste incineration plant on the edge of the town.",
            "On Tuesday the appeal court in the capital overturned the ruling against the operator of the waste incineration plant on the edge of the town.",
        ),
        ],
        Why::Direction,
    );
    // A typo in such a word leaves it a copy; and documents are not compared so.
    let a = "Die Mieten in den großen Städten sind im vergangenen Jahr erneut deutlich gestiegen, berichtet der Mieterbund.";
    assert!(why(a, &a.replace("gestiegen", "gestiegne")).is_copy());
    let doc = format!("{a}\n\nDer Verband fordert eine Bremse für Neuverträge. Die Regierung prüft den Vorschlag noch.");
    assert!(why(&doc, &doc.replace("gestiegen", "gesunken")).is_copy());
}

#[test]
fn a_question_made_of_a_statement_is_another() {
    all_why(
        &[
        (
            "Der Stadtrat hat den Neubau der Sporthalle am Mittwochabend mit knapper Mehrheit beschlossen.",
            "Hat der Stadtrat den Neubau der Sporthalle am Mittwochabend mit knapper Mehrheit beschlossen?",
        ),
        (
            "Will the regulator approve the merger of the two regional water companies before the summer?",
            "The regulator will approve the merger of the two regional water companies before the summer.",
        ),
        ],
        Why::Question,
    );
    // A mark lost, a quote mark after it, "?!" for "?", a typo beside it: the same statement.
    let q = "Hat der Stadtrat den Neubau der Sporthalle am Mittwochabend mit knapper Mehrheit beschlossen?";
    for b in [
        q.trim_end_matches('?').to_string(),
        format!("\u{201e}{}\u{201c}", q),
        format!("{q}!"),
        q.replace("beschlossen?", "beschlosse?n"),
    ] {
        assert!(why(q, &b).is_copy(), "{b}");
    }
    // Documents are not compared so: a question more at the end is an edit.
    let doc = "Die Stadt baut eine neue Sporthalle.\nDer Rat stimmte am Mittwoch zu.";
    assert!(why(doc, &format!("{doc}\nWer zahlt?")) != Why::Question);
}

#[test]
fn a_text_tells_asks_or_leaves_open() {
    use crate::text::Mood;
    for (text, mood) in [
        ("Der Rat hat zugestimmt.", Mood::Tells),
        ("Achtung!", Mood::Tells),
        ("\u{bb}Wer soll das bezahlen?\u{ab}", Mood::Asks),
        ("Wer soll das bezahlen?!", Mood::Asks),
        ("Why now? ", Mood::Asks),
        ("\u{201e}Wer zahlt?\u{201c}, fragte sie.", Mood::Tells),
        ("Und dann...", Mood::Open),
        ("Und dann\u{2026}", Mood::Open),
        ("Wetter am Wochenende", Mood::Open),
        ("", Mood::Open),
    ] {
        assert_eq!(Mood::of(text), mood, "{text:?}");
    }
    assert!(Mood::Asks.differs(Mood::Tells));
    assert!(!Mood::Asks.differs(Mood::Open) && !Mood::Open.differs(Mood::Tells));
}

#[test]
fn a_word_for_a_figure_is_that_figure() {
    let a = "Das Nachholspiel zwischen Eintracht Kellberg und dem SV Altheim endete am Mittwochabend 2:2.";
    let goalless = a.replace("2:2", "torlos");
    assert_eq!(why(a, &goalless), Why::Figures);
    assert!(why(&a.replace("2:2", "0:0"), &goalless).is_copy());
    let e = "The replay between Kellberg Athletic and Altheim Rovers ended in a 1-1 draw on Wednesday night.";
    assert_eq!(why(e, &e.replace("1-1", "goalless")), Why::Figures);
}

/// A report of some paragraphs, as a site runs it.
const REPORT: &str = "WESTERBURG - Unbekannte sind in der Nacht zum Dienstag in das Vereinsheim des TuS Westerburg eingebrochen. Sie hebelten nach Angaben der Polizei ein Fenster auf der Rückseite auf und durchsuchten die Räume.

Die Täter erbeuteten die Kasse mit den Einnahmen des Sommerfestes, etwa drei Kisten Getränke und einen Fernseher. Der Schaden wird auf mehrere tausend Euro geschätzt.

Am Sonntag hatte die erste Mannschaft ihr Heimspiel noch 2:1 gewonnen. Die Polizei bittet Zeugen, die am Montagabend oder in der Nacht verdächtige Personen am Sportplatz gesehen haben, sich zu melden.";

#[test]
fn a_document_with_a_number_word_a_day_or_a_score_changed_is_another() {
    for (from, to) in [
        ("drei Kisten", "vier Kisten"),
        ("am Montagabend", "am Sonntagabend"),
        ("in der Nacht zum Dienstag", "in der Nacht zum Mittwoch"),
        ("2:1 gewonnen", "3:1 gewonnen"),
    ] {
        assert_eq!(why(REPORT, &REPORT.replace(from, to)), Why::Figures, "{to}");
    }
    // A copy with a byline and a typo, or cut short, is still one; a time is no score.
    let byline = format!(
        "Von Jana Brockmann | 14:32 Uhr\n{}",
        REPORT.replace("erbeuteten", "erbeutetne")
    );
    assert!(why(REPORT, &byline).is_copy());
    let cut = &REPORT[..REPORT.rfind("\n\n").unwrap()];
    assert!(why(REPORT, cut).is_copy());
    let mut v = Vec::new();
    text::figures("Anpfiff um 15:30, Endstand 2:1 und 10:47:13", false, &mut v);
    assert_eq!(v.len(), 2);
}

#[test]
fn a_statement_in_capitals_inside_tags_names_no_one() {
    // (the tags' letters are no lower case of the text's: its words are not names)
    let a = "The coastguard said the crew of the trawler had been brought ashore unhurt by Tuesday night.";
    let b = format!("<p class=\"lead\">{}</p>", a.to_uppercase());
    assert!(why(a, &b).is_copy(), "{b}: {:?}", why(a, &b));
}

#[test]
fn a_site_name_after_a_headline_is_no_part_of_it() {
    let w = text::Words::new();
    for (t, cut) in [
        (
            "Neue Brücke über die Wendel freigegeben - Wendeltaler Kurier",
            Some(41),
        ),
        (
            "Ferry services resume after storm | The Portmore Herald",
            Some(33),
        ),
        (
            "Ferry services resume after storm \u{2013} portmore-news.co.uk",
            Some(33),
        ),
        (
            "Ferry services resume after storm \u{2014} Portmore Daily News",
            Some(33),
        ),
        (
            "Ferry services resume after storm - Portmore Online",
            Some(33),
        ),
        // (not a paper's name, not capitalised, a page's address, or nothing before it)
        ("Streit um den Windpark - Bürgermeister lenkt ein", None),
        ("Ferry services resume - more news later", None),
        (
            "Ferry services resume - http://portmore.com/ferry.htm",
            None,
        ),
        ("Ferry - Portmore Herald", None),
    ] {
        assert_eq!(w.site_name(t), cut, "{t}");
    }
    let a = "Neue Brücke über die Wendel freigegeben";
    assert_eq!(why(a, &format!("{a} - Wendeltaler Kurier")), Why::Similar);
}

#[test]
fn an_amount_in_another_currency_is_another() {
    let e = "The carmaker said on Thursday it would invest about 2.4 billion dollars in a battery plant near the port.";
    assert_eq!(why(e, &e.replace("dollars", "euros")), Why::Figures);
    let d = REPORT.replace("mehrere tausend Euro", "mehrere tausend Franken");
    assert_eq!(why(REPORT, &d), Why::Figures);
    // ("€" is "Euro")
    assert!(why(REPORT, &REPORT.replace("tausend Euro", "tausend \u{20ac}")).is_copy());
}

#[test]
fn a_month_or_a_day_changed_is_another_statement() {
    let a = "Im Tierpark Lindenau hat das Weibchen Mitte Juli zwei Jungtiere zur Welt gebracht, teilte der Zoo am Montag mit.";
    for b in [a.replace("Juli", "August"), a.replace("Montag", "Dienstag")] {
        assert_eq!(why(a, &b), Why::Figures, "{b}");
    }
    let e = "The council will vote on the new parking charges in January, a spokeswoman said on Friday.";
    assert_eq!(why(e, &e.replace("January", "February")), Why::Figures);
    // (a typo in one is no other date)
    assert!(why(a, &a.replace("Montag", "Montga")).is_copy());
}

#[test]
fn html_tags_and_the_signs_of_units_leave_a_copy() {
    let a = "Die Mieten in der Innenstadt sind im vergangenen Jahr im Schnitt um 6,2 Prozent gestiegen, der Quadratmeter kostet nun 14 Euro.";
    for b in [
        format!("<p class=\"article__text\">{a}</p>"),
        a.replace(" Prozent", "\u{a0}%")
            .replace(" Euro", " \u{20ac}"),
        a.replace(" Prozent", "%").replace("Mieten", "Meiten"),
    ] {
        assert!(why(a, &b).is_copy(), "{b}: {:?}", why(a, &b));
    }
    let e =
        "Unemployment in the region fell to 4.1 percent in October, the lowest rate in a decade.";
    assert!(why(e, &e.replace(" percent", "%")).is_copy());
    assert!(why(e, &e.replace("percent", "per cent")).is_copy());
    // Not a tag: an address in brackets stays text.
    assert_eq!(
        text::drop_tags("Kontakt: <redaktion@example.org> oder <https://example.org>"),
        "Kontakt: <redaktion@example.org> oder <https://example.org>"
    );
    assert_eq!(text::drop_tags("a<br/>b <!-- x --> c</p>"), "a b   c ");
    assert_eq!(text::drop_tags("3 < 4 > 2"), "3 < 4 > 2");
}

#[test]
fn a_number_word_is_a_figure_of_a_statement() {
    // Another count, rank, magnitude or part, spelled out: however similar, another statement.
    all_why(
        &[
        (
            "Auf der Landstraße bei Gießen sind am Freitagmorgen drei Menschen tödlich verunglückt.",
            "Auf der Landstraße bei Gießen sind am Freitagmorgen vier Menschen tödlich verunglückt.",
        ),
        (
            "The flood in the valley last week destroyed twenty homes, the regional authority said.",
            "The flood in the valley last week destroyed thirty homes, the regional authority said.",
        ),
        (
            "Die Stadtwerke rechnen für das laufende Jahr mit einem Defizit von 2 Millionen Euro.",
            "Die Stadtwerke rechnen für das laufende Jahr mit einem Defizit von 2 Milliarden Euro.",
        ),
        (
            "Der Verein hat seine Mitgliederzahl seit dem Frühjahr um ein Drittel gesteigert, hieß es.",
            "Der Verein hat seine Mitgliederzahl seit dem Frühjahr um ein Viertel gesteigert, hieß es.",
        ),
        (
            "Die Schwimmerin aus Leipzig holte bei der Meisterschaft in Rom den zweiten Platz im Finale.",
            "Die Schwimmerin aus Leipzig holte bei der Meisterschaft in Rom den dritten Platz im Finale.",
        ),
        // The article before a part or a magnitude is the number one.
        (
            "Ein Drittel der befragten Eltern wünscht sich längere Öffnungszeiten der Kitas im Ort.",
            "Zwei Drittel der befragten Eltern wünscht sich längere Öffnungszeiten der Kitas im Ort.",
        ),
        (
            "The port authority said a million tonnes of grain had left the harbour since the spring.",
            "The port authority said two million tonnes of grain had left the harbour since the spring.",
        ),
        // How many times, in a word.
        (
            "Der Satellit soll die Erde nach dem Start im Herbst dreimal am Tag umrunden und dabei Daten senden.",
            "Der Satellit soll die Erde nach dem Start im Herbst viermal am Tag umrunden und dabei Daten senden.",
        ),
        (
            "Die Zahl der Anträge auf Wohngeld hat sich in der Stadt seit dem Frühjahr verdoppelt, sagt das Amt.",
            "Die Zahl der Anträge auf Wohngeld hat sich in der Stadt seit dem Frühjahr verdreifacht, sagt das Amt.",
        ),
        (
            "The council said it would double the number of night buses on the route from next spring.",
            "The council said it would triple the number of night buses on the route from next spring.",
        ),
        (
            "Wegen der Baustelle auf der Autobahn bei Ulm müssen Lastwagenfahrer ab dem Sommer mit einer Stunde Wartezeit an der Grenze rechnen, teilte die Polizei mit.",
            "Wegen der Baustelle auf der Autobahn bei Ulm müssen Lastwagenfahrer ab dem Sommer mit zwei Stunden Wartezeit an der Grenze rechnen, teilte die Polizei mit.",
        ),
        ],
        Why::Figures,
    );
    // The same count in digits or in words, and a number word a slip has broken, still copies.
    for (a, b) in [
        (
            "Im Hafen von Kiel legten am Wochenende zwölf Kreuzfahrtschiffe mit Tausenden Gästen an.",
            "Im Hafen von Kiel legten am Wochenende 12 Kreuzfahrtschiffe mit Tausenden Gästen an.",
        ),
        (
            "Auf der Landstraße bei Gießen sind am Freitagmorgen drei Menschen tödlich verunglückt.",
            "Auf der Landstraße bei Gießen sind am Freitagmorgen dri Menschen tödlich verunglückt.",
        ),
    ] {
        assert!(why(a, b).is_copy(), "{b}");
    }
    // In a document, where OCR misreads words and letters alike, only digits are figures.
    let story = "Auf der Landstraße bei Gießen sind am Freitagmorgen drei Menschen tödlich \
                 verunglückt.\n\nDer Wagen war nach ersten Erkenntnissen der Polizei auf die \
                 Gegenfahrbahn geraten und mit einem Lastwagen zusammengestoßen. Die Strecke \
                 blieb bis zum Mittag gesperrt, der Verkehr wurde umgeleitet.";
    let misread = story.replace("drei", "clrei").replace("Wagen", "Wa9en");
    assert!(why(story, &misread).is_copy());
}

#[test]
fn figures_in_another_order_within_a_sentence_are_another_statement() {
    let g = groups(&[
        "Im Derby am Sonntagabend setzte sich der Gastgeber vor 40.000 Zuschauern mit 3:1 durch.",
        "Im Derby am Sonntagabend setzte sich der Gastgeber vor 40.000 Zuschauern mit 1:3 durch.",
        "Die Zahl der Anträge stieg im Landkreis binnen eines Jahres von 250 auf 410, so das Amt.",
        "Die Zahl der Anträge stieg im Landkreis binnen eines Jahres von 410 auf 250, so das Amt.",
    ]);
    assert_eq!(g, vec![0, 1, 2, 3]);
    // Sentences that change places keep the order within each: a copy still.
    let a = "Die Messe zählte 12.500 Besucher aus 31 Ländern. Im Vorjahr kamen 9.800 Gäste. \
             Für 2026 rechnen die Veranstalter mit 14 Hallen.";
    let b = "Die Messe zählte 12.500 Besucher aus 31 Ländern. Für 2026 rechnen die Veranstalter \
             mit 14 Hallen. Im Vorjahr kamen 9.800 Gäste.";
    assert_eq!(groups(&[a, b]), vec![0, 0]);
    let mut v = Vec::new();
    assert_eq!(
        text::figures("2:1", false, &mut v),
        0,
        "no order but in a statement"
    );
    let order = |t: &str| text::figures(t, true, &mut Vec::new());
    assert_ne!(order("2:1"), order("1:2"));
    assert_eq!(order("von 3 auf 5. Dann 7"), order("Dann 7. von 3 auf 5"));
    assert_eq!(order("nur 3"), 0);
}

#[test]
fn a_credit_more_less_or_other_is_the_same_statement() {
    let g = groups(&[
        "Wir haben uns nichts vorzuwerfen.",
        "Wir haben uns nichts vorzuwerfen. (dpa)",
        "Wir haben uns nichts vorzuwerfen (AFP/Reuters).",
        "(dpa)",
        "(AFP)",
    ]);
    assert_eq!(g, vec![0, 0, 0, 3, 4]);
    // A credit, or a dateline and a credit, that opens the text: its first word is no name.
    let s = "Die Stadtwerke Gießen erhöhen zum Jahreswechsel die Preise für Fernwärme deutlich.";
    let g = groups(&[
        s,
        &format!("(dpa/lhe) {s}"),
        &format!("GIESSEN (dpa) - {s}"),
        &format!("Gießen (AFP) \u{2013} {s}"),
        &format!("Der Versorger (dpa) {s}"),
    ]);
    assert_eq!(g, vec![0, 0, 0, 0, 4]);
}

#[test]
fn character_references_and_a_picture_credit_change_nothing() {
    let s = "Die Bibliothek öffnet am 3. Mai wieder, teilte die Stadt mit: \"Wir freuen uns\".";
    let g = groups(&[
        s,
        &s.replace("3. ", "3.&nbsp;").replace('"', "&quot;"),
        &format!("{s} Foto: Stadtarchiv Ulm"),
        &format!("{s}\nBild: dpa"),
        "Foto: dpa",
        "Foto: Reuters",
    ]);
    assert_eq!(g, vec![0, 0, 0, 0, 4, 5]);
    // (only a credit that closes the text, after a sentence)
    assert_eq!(text::picture_credit("Foto: dpa"), None);
    assert_eq!(text::picture_credit("Er zeigte das Foto: es war alt"), None);
    assert_eq!(text::picture_credit("Es regnet. Foto: dpa"), Some(11));
}

#[test]
fn invisible_characters_combining_marks_and_mojibake_leave_a_copy() {
    // With a typo besides, so that the copy is near, not exact: its names must still agree.
    let a = "Der Bürgermeister von Güstrow, Jörg Schäfer, hat am Mittwoch ein neues Konzept für den Nahverkehr vorgestellt.";
    let typo = a.replace("Konzept", "Kozept");
    for b in [
        typo.nfd().collect::<String>(),
        typo.replace("Schäfer", "Schä\u{ad}fer"),
        typo.replace("Güstrow", "Güs\u{200b}trow"),
        typo.replace("ü", "Ã¼")
            .replace("ö", "Ã¶")
            .replace("ä", "Ã¤"),
    ] {
        assert!(why(a, &b).is_copy(), "{b}: {:?}", why(a, &b));
    }
    // A name is still another name.
    assert_eq!(why(a, &typo.replace("Schäfer", "Schüler")), Why::Names);
}

#[test]
fn a_name_misread_by_ocr_is_the_same_name() {
    let g = groups(&[
        "Die Fähre nach Warnemünde fällt wegen des Sturms am Dienstag und am Mittwoch aus.",
        "Die Fähre nach Wamemünde fällt wegen des Sturms am Dienstag und am Mittwoch aus.",
        "Die Fähre nach Travemünde fällt wegen des Sturms am Dienstag und am Mittwoch aus.",
    ]);
    assert_eq!(g, vec![0, 0, 2]);
    // and a letter read as a digit inside a word is no figure
    let g = groups(&[
        "The airline said it flew a record number of passengers from the northern airport in July.",
        "The air1ine said it flew a record number of passengers from the northern airport in July.",
    ]);
    assert_eq!(g, vec![0, 0]);
}

#[test]
fn short_texts_do_not_collide() {
    assert_eq!(
        groups(&["Ja", "Nein", "Gut", "Ja.", ""]),
        vec![0, 1, 2, 0, 4]
    );
}

#[test]
fn sharp_s_and_double_s_are_one_spelling_for_similarity_only() {
    let texts = [
        "Er weiß, daß der Schluß des Spiels knapp wird.",
        "ER WEISS, DASS DER SCHLUSS DES SPIELS KNAPP WIRD.",
        "Er weiss, dass der Schluss des Spiels knapp wird.",
    ];
    assert_eq!(groups(&texts), vec![0, 0, 0]);
    let exact = Config {
        exact: true,
        ..Config::default()
    };
    // (the capitals and the Swiss spelling are one in lower case; the "ß" is another)
    let v = run(&texts, exact);
    assert_eq!(v[..2], [Verdict::New, Verdict::New]);
    assert!(matches!(v[2], Verdict::Copy { of: 1, .. }));
}

#[test]
fn exact_mode_folds_form_only() {
    let cfg = Config {
        exact: true,
        ..Config::default()
    };
    let v = run(
        &[
            "„Wir bleiben“, sagte sie.",
            "\"Wir  bleiben\" , sagte SIE",
            "„Wir bleiben“, sagte er.",
        ],
        cfg,
    );
    assert_eq!(v[0], Verdict::New);
    assert!(matches!(
        v[1],
        Verdict::Copy {
            of: 0,
            why: Why::Exact,
            ..
        }
    ));
    assert_eq!(v[2], Verdict::New);
}

#[test]
fn an_exact_copy_keeps_nothing() {
    let s = "Die Bundesregierung hat am Montag ein neues Hilfspaket für die Ukraine beschlossen.";
    let mut a = Analyzer::new();
    let mut d = Deduper::new(Config::default());
    d.push(&a.features(s, false));
    let kept = (d.short.len(), d.mins.len(), d.figures.len(), d.names.len());
    assert!(
        kept.0 > 0,
        "a short text's sketch is kept in 16 bits a hash"
    );
    for copy in [s.to_uppercase(), s.replace("Montag", "Montag,")] {
        let v = d.push(&a.features(&copy, false));
        assert!(matches!(
            v,
            Verdict::Copy {
                why: Why::Exact,
                ..
            }
        ));
    }
    assert_eq!(
        (d.short.len(), d.mins.len(), d.figures.len(), d.names.len()),
        kept
    );
    assert_eq!(d.len(), 1, "an exact copy is not kept at all");
}

#[test]
fn labels_give_back_ids_and_sentences() {
    let mut l = Labels::new();
    l.push("\"a1\"", Some("3"));
    l.push("7", None);
    assert_eq!((l.id(0), l.sentence(0)), ("\"a1\"", Some("3")));
    assert_eq!((l.id(1), l.sentence(1)), ("7", None));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Texts that are often near copies of each other: a few sentences, mixed and edited.
    fn texts() -> impl Strategy<Value = Vec<String>> {
        let pieces = [
            "Die Regierung hat am Montag ein Hilfspaket beschlossen",
            "Der Minister sagte, es gebe 12 Verletzte",
            "Der Minister sagte, es gebe keine Verletzten",
            "Kanzler Scholz reiste nach Kiew",
            "the ministry said ten soldiers were hurt",
            "Ja",
            "",
        ];
        proptest::collection::vec(
            (
                proptest::collection::vec(0..pieces.len(), 1..4),
                any::<bool>(),
                "[a-zäöüß0-9 .,\u{ad}\n-]{0,12}",
            )
                .prop_map(move |(idx, upper, noise)| {
                    let t: Vec<&str> = idx.iter().map(|&i| pieces[i]).collect();
                    let t = t.join(". ") + &noise;
                    if upper {
                        t.to_uppercase()
                    } else {
                        t
                    }
                }),
            0..30,
        )
    }

    fn verdicts(d: &mut Deduper, a: &mut Analyzer, texts: &[String]) -> Vec<Verdict> {
        texts
            .iter()
            .map(|t| d.push(&a.features(t, false)))
            .collect()
    }

    proptest! {
        /// What `--threads` does: the records of a batch compared with the state before the
        /// batch (`prejudge`), then judged in order against the records kept since.
        #[test]
        fn records_judged_in_batches_get_the_verdicts_of_one_by_one(
            texts in texts(),
            size in 1usize..12,
        ) {
            let mut a = Analyzer::new();
            let one = verdicts(&mut Deduper::new(Config::default()), &mut a, &texts);
            let mut d = Deduper::new(Config::default());
            let mut batched = Vec::new();
            for batch in texts.chunks(size) {
                let features: Vec<Features> = batch.iter().map(|t| a.features(t, false)).collect();
                let pre: Vec<Prejudged> = features.iter().map(|f| d.prejudge(f)).collect();
                for (f, p) in features.iter().zip(pre) {
                    batched.push(d.push_judged(f, p));
                }
            }
            prop_assert_eq!(one, batched);
        }

        #[test]
        fn a_saved_and_loaded_state_goes_on_as_one_run(texts in texts(), cut in 0usize..30) {
            let cut = cut.min(texts.len());
            let mut a = Analyzer::new();
            let one = verdicts(&mut Deduper::new(Config::default()), &mut a, &texts);

            let mut first = Deduper::new(Config::default());
            let mut two = verdicts(&mut first, &mut a, &texts[..cut]);
            let mut labels = Labels::new();
            for i in kept(&two) {
                labels.push(&i.to_string(), None);
            }
            let mut saved = Vec::new();
            first.save(&labels, &mut saved).unwrap();
            let (mut second, back) = Deduper::load(Config::default(), &mut &saved[..]).unwrap();
            prop_assert_eq!(back.len(), kept(&two).len());
            if !back.is_empty() {
                let last = back.len() as u64 - 1;
                prop_assert_eq!(back.id(last), labels.id(last));
            }
            two.extend(verdicts(&mut second, &mut a, &texts[cut..]));
            prop_assert_eq!(one, two);
        }

        #[test]
        fn a_candidate_turned_away_by_size_is_no_copy(texts in texts()) {
            let mut a = Analyzer::new();
            let mut d = Deduper::new(Config::default());
            for t in &texts {
                let f = a.features(t, false);
                for c in d.candidates(&f) {
                    if d.too_unequal(c, &f) {
                        let cmp = d.compare(c, &f);
                        prop_assert!(!cmp.why.is_copy(), "{:?}", cmp);
                    }
                }
                d.push(&f);
            }
        }

        #[test]
        fn a_copy_points_to_an_earlier_first_copy(texts in texts()) {
            let mut a = Analyzer::new();
            let v = verdicts(&mut Deduper::new(Config::default()), &mut a, &texts);
            let kept = kept(&v);
            for (i, verdict) in v.iter().enumerate() {
                if let Verdict::Copy { of, matched, score, why } = verdict {
                    let (of, matched) = (kept[*of as usize], kept[*matched as usize]);
                    prop_assert!(of < i && matched < i);
                    prop_assert_eq!(&v[of], &Verdict::New);
                    prop_assert_eq!(verdict.kept(), *why != Why::Exact);
                    if *why == Why::Contained {
                        // The least similarity of a contained pair: 0.9 s shared, with s at
                        // least half of the larger: 0.9 s / (s + 2 s - 0.9 s).
                        let least = CONTAINED * CONTAINED_SIZE / (1.0 + CONTAINED_SIZE - CONTAINED * CONTAINED_SIZE);
                        prop_assert!(*score >= least - 1e-9, "{}", score);
                    } else if *why == Why::Slip {
                        // The least similarity of two statements one slip apart: of the
                        // smallest size, each with SLIP 5-grams the other lacks.
                        let least = f64::from(SLIP_SIZE - SLIP) / f64::from(SLIP_SIZE + SLIP);
                        prop_assert!(*score >= least - 1e-9, "{}", score);
                    } else {
                        prop_assert!(*score >= Config::default().doc_threshold.min(Config::default().threshold));
                    }
                }
            }
        }

        #[test]
        fn the_key_is_idempotent(t in "\\PC{0,40}") {
            let mut k1 = String::new();
            text::key(&t, &mut k1);
            let mut k2 = String::new();
            text::key(&k1, &mut k2);
            prop_assert_eq!(k1, k2);
        }

        #[test]
        fn any_bytes_make_features(t in "\\PC{0,200}") {
            let f = Analyzer::new().features(&t, false);
            prop_assert!(f.sketch.total >= 1);
        }

        /// `--threads` fills each record's features into those of an earlier record.
        #[test]
        fn features_filled_over_others_are_their_own(
            a in "[A-Za-z0-9 .\n]{0,300}",
            b in "[A-Za-zÄÖÜäöü0-9 .\n]{0,300}",
            exact in any::<bool>(),
        ) {
            let mut analyzer = Analyzer::new();
            let mut f = analyzer.features(&a, false);
            analyzer.features_into(&b, exact, &mut f);
            prop_assert_eq!(f, Analyzer::new().features(&b, exact));
        }
    }
}

#[test]
fn web_furniture_does_not_make_two_stories_alike() {
    let furniture = "\nWir verwenden Cookies, um Ihnen das beste Erlebnis auf unserer Website zu bieten.\n\
        Jetzt Newsletter abonnieren und nichts mehr verpassen\nZum Newsletter anmelden und informiert bleiben\n\
        Abonnieren Sie unseren Newsletter für die wichtigsten Nachrichten des Tages\nSubscribe to our newsletter";
    let a = format!("Der Stadtrat tagt.\nEs geht um Geld.{furniture}");
    let b = format!("Die Feuerwehr übt.\nEs brennt nicht.{furniture}");
    let bare = "Der Stadtrat tagt.\nEs geht um Geld.";
    assert_eq!(groups(&[&a, &b, bare]), vec![0, 1, 0]);
    // with the furniture counted, the two stories would be one
    let mut sh = sketch::Shingler::new();
    let (mut ka, mut kb) = (String::new(), String::new());
    text::key(&a, &mut ka);
    text::key(&b, &mut kb);
    let whole = sh.sketch(&ka).similarity(&sh.sketch(&kb));
    assert!(whole >= Config::default().doc_threshold, "{whole}");
}

/// Eight paragraphs of one local story, written for this test.
const STORY: [&str; 8] = [
    "Der Gemeinderat von Oberbach hat am Donnerstagabend nach langer Debatte den Bau einer neuen Grundschule am Ortsrand beschlossen.",
    "Die alte Schule in der Lindenstraße ist seit Jahren zu klein, zwei Klassen werden derzeit in Containern auf dem Pausenhof unterrichtet.",
    "Bürgermeisterin Petra Hansen sprach nach der Abstimmung von einem wichtigen Tag für die Familien des Ortes und dankte den Eltern für ihre Geduld.",
    "Kritik kam von der Opposition, die den Standort neben der Bundesstraße für ungeeignet hält und ein Verkehrsgutachten verlangt hatte.",
    "Die Kosten schätzt die Verwaltung auf gut elf Millionen Euro, einen Teil davon soll das Land aus seinem Schulbauprogramm übernehmen.",
    "Mit den Bauarbeiten soll im kommenden Frühjahr begonnen werden, der Unterricht im neuen Gebäude könnte dann zum Schuljahr darauf starten.",
    "Der Elternbeirat begrüßte die Entscheidung, mahnte aber einen sicheren Schulweg mit Ampel und Radweg an, bevor die ersten Kinder kommen.",
    "Über die Gestaltung des Gebäudes will der Rat im Herbst beraten, ein Architektenwettbewerb ist bereits ausgeschrieben worden.",
];

/// One more paragraph, of another story.
const OTHER: &str = "Unabhängig davon teilte die Kreisverwaltung mit, dass die Sanierung der Sporthalle im Nachbarort wegen fehlender Handwerker erneut verschoben werden muss.";

#[test]
fn a_story_cut_short_or_with_a_paragraph_added_is_a_copy() {
    let full = STORY.join("\n\n");
    // The last three paragraphs dropped: too few of its 5-grams shared for the similarity
    // alone.
    let cut = STORY[..5].join("\n\n");
    let added = format!("{full}\n\n{OTHER}");
    let verdicts = run(&[&full, &cut, &added], Config::default());
    for v in &verdicts[1..] {
        assert!(
            matches!(
                v,
                Verdict::Copy {
                    of: 0,
                    why: Why::Contained | Why::Similar,
                    ..
                }
            ),
            "{v:?}"
        );
    }
    assert!(
        matches!(verdicts[1], Verdict::Copy { why: Why::Contained, score, .. } if score < Config::default().doc_threshold),
        "{:?}",
        verdicts[1]
    );
}

#[test]
fn a_teaser_is_no_copy_of_the_full_story() {
    // The lead paragraphs as a teaser before the story, and after it: each lies inside the
    // story, but is far smaller.
    let full = STORY.join("\n\n");
    let teaser = STORY[..2].join("\n\n");
    assert_eq!(groups(&[&teaser, &full]), vec![0, 1]);
    assert_eq!(groups(&[&full, &teaser]), vec![0, 1]);
}

#[test]
fn containment_needs_nine_tenths_inside_and_half_the_size() {
    // 100 and 80 distinct 5-grams sharing all 80: j = 0.8.
    assert!(contained(0.8, 100, 80));
    // 100 and 40 sharing all 40: inside, but less than half the size.
    assert!(!contained(0.4, 100, 40));
    // 100 and 80 sharing 60: j = 60 / 120 = 0.5; 60 of 80 is under nine tenths.
    assert!(!contained(0.5, 100, 80));
    assert!(!contained(1.0, 0, 0));
}
