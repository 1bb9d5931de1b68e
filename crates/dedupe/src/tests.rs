//! The deduper's rules, on texts of the kinds news repeats.

use super::*;

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

fn groups(texts: &[&str]) -> Vec<u64> {
    run(texts, Config::default())
        .iter()
        .enumerate()
        .map(|(i, v)| match v {
            Verdict::New => i as u64,
            Verdict::Copy { of, .. } => *of,
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

#[test]
fn short_texts_do_not_collide() {
    assert_eq!(groups(&["Ja", "Nein", "Gut", "Ja.", ""]), vec![0, 1, 2, 0, 4]);
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
    assert!(matches!(v[1], Verdict::Copy { of: 0, why: Why::Exact, .. }));
    assert_eq!(v[2], Verdict::New);
}

#[test]
fn labels_give_back_ids_and_sentences() {
    let mut l = Labels::new();
    l.push("\"a1\"", Some("3"));
    l.push("7", None);
    assert_eq!((l.id(0), l.sentence(0)), ("\"a1\"", Some("3")));
    assert_eq!((l.id(1), l.sentence(1)), ("7", None));
}
