//! The five real articles of the shared corpus (`../shared/corpus/`, next to the project, or
//! `KORPUS_SHARED_CORPUS`): every quotation found with its speaker in full, and no title or
//! scare quote taken. The articles are not ours to copy into the project, so where they are
//! absent (a clone on its own) the test says so on stderr and checks nothing else.

use korpus::{pipeline_ok, records};

fn corpus() -> Option<String> {
    let dir = std::env::var("KORPUS_SHARED_CORPUS")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| korpus::root().join("../shared/corpus"));
    dir.is_dir().then(|| dir.display().to_string())
}

#[test]
fn quotes_of_the_shared_corpus() {
    let Some(dir) = corpus() else {
        eprintln!("no shared corpus next to the project: skipped");
        return;
    };
    let out = pipeline_ok(&format!("normalize --raw -q '{dir}'/*.txt | quotes --all"));
    let recs = records(&out);
    assert_eq!(recs.len(), 5);
    let mut quotations = Vec::new();
    let mut mentions = Vec::new();
    for rec in &recs {
        for q in rec["quotes"].as_array().unwrap() {
            let text = q["text"].as_str().unwrap().to_string();
            if q["kind"] == "mention" {
                mentions.push(text);
            } else {
                let speaker = q["speaker"].as_str().unwrap_or("").to_string();
                quotations.push((text, speaker));
            }
        }
    }
    // Who said what, read off the articles by hand: the opening words of each quotation and
    // its speaker in the fullest form the article gives.
    let expected = [
        ("Ich denke, wenn ich an der Spitze", "Pat Ryder"),
        ("Unsere Sicherheit ist nicht regional", "Jens Stoltenberg"),
        ("der erste Schritt auf dem Weg in den Weltkrieg", "Selensky"),
        ("böse Hunde, gezüchtet von den USA", "Kim Yo Jong"),
        ("Verrückte", "Kim Yo Jong"),
        ("Niemand weiß, wie unsere Vergeltung", "Kim Yo Jong"),
        ("Die Beteiligung Nordkoreas könnte", "Moon Seong-mok"),
        (
            "Dass die Nordkoreaner sofort an der Front",
            "Valeriy Ryabykh",
        ),
        ("Es gibt Berichte, dass 100.000", "Igor Korotchenko"),
        ("Wenn nordkoreanische Freiwillige", "Igor Korotchenko"),
        ("Wenn Nordkorea den Wunsch äußert", "Igor Korotchenko"),
    ];
    for (start, speaker) in expected {
        let found = quotations.iter().find(|(t, _)| t.starts_with(start));
        let Some((_, got)) = found else {
            panic!("quotation not found: {start}\nfound: {quotations:#?}");
        };
        assert_eq!(got, speaker, "speaker of {start}");
    }
    // Titles, outlets and scare quotes are not quotations.
    for title in [
        "Express",
        "nur",
        "Kyiv Post",
        "Defence Express",
        "Freiwillige",
    ] {
        assert!(
            mentions.iter().any(|m| m == title),
            "{title} should be a mention"
        );
        assert!(
            !quotations.iter().any(|(t, _)| t == title),
            "{title} taken as a quotation"
        );
    }
}
