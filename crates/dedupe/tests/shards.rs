//! A sharded run (`--signatures` per shard, `--reduce`, `--apply` per shard) gives the output of
//! one process byte for byte, however the input is cut into shards.

use korpus::{padded, run_filter, scratch_dir};

fn run(args: &[&str], input: &[u8]) -> Vec<u8> {
    let out = run_filter("dedupe", args, input);
    assert!(
        out.status.success(),
        "dedupe {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// A corpus with copies of every kind: exact, reformatted, with a credit, mistyped, with a
/// figure changed or a negation added, and unrelated records; some with sentence numbers.
fn corpus(n: usize) -> Vec<String> {
    let subjects = [
        "Die Regierung",
        "Der Stadtrat",
        "Das Ministerium",
        "Die Gewerkschaft",
        "The council",
    ];
    let verbs = ["kündigte", "beschloss", "verschob", "prüfte", "announced"];
    let objects = [
        "ein Hilfspaket",
        "den Haushalt",
        "neue Stellen",
        "eine Reform",
        "a new budget",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut rand = move |m: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % m as u64) as usize
    };
    let mut base: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for i in 0..n {
        let text = if base.is_empty() || rand(3) == 0 {
            let t = format!(
                "{} {} am {}. Oktober {} für {} Menschen in der Region {}.",
                subjects[rand(5)],
                verbs[rand(5)],
                1 + rand(28),
                objects[rand(5)],
                100 * (1 + rand(50)),
                rand(40)
            );
            base.push(t.clone());
            t
        } else {
            let b = base[rand(base.len())].clone();
            match rand(7) {
                0 => b,
                1 => b.replace(' ', "  ").to_uppercase(),
                2 => format!("{b} (dpa)"),
                3 => b.replacen("Region", "Regoin", 1),
                4 => b.replacen("Menschen", "Menschen nicht", 1),
                5 => b.replacen('0', "5", 1),
                _ => format!("„{b}“"),
            }
        };
        let rec = if i % 5 == 0 {
            serde_json::json!({"id": format!("d{}", i / 3), "sentence": i % 3, "text": text})
        } else {
            serde_json::json!({"id": format!("r{i}"), "text": text, "n": i})
        };
        out.push(rec.to_string() + "\n");
    }
    out
}

fn sharded(lines: &[String], cuts: &[usize], args: &[&str]) -> Vec<u8> {
    let mut bounds = vec![0];
    bounds.extend(cuts.iter().copied().filter(|&c| c <= lines.len()));
    bounds.push(lines.len());
    let shards: Vec<(u64, Vec<u8>)> = bounds
        .windows(2)
        .map(|w| (w[0] as u64, lines[w[0]..w[1]].concat().into_bytes()))
        .collect();
    let mut sigs = Vec::new();
    for (start, shard) in &shards {
        let start = start.to_string();
        let mut a = vec!["--signatures", "--start", &start];
        a.extend_from_slice(args);
        sigs.extend(run(&a, shard));
    }
    let mut a = vec!["--reduce"];
    a.extend_from_slice(args);
    let verdicts = run(&a, &sigs);
    let vfile = scratch_dir("shards").join("verdicts.jsonl");
    std::fs::write(&vfile, &verdicts).unwrap();
    let vpath = vfile.to_str().unwrap().to_string();
    let mut out = Vec::new();
    for (start, shard) in &shards {
        let start = start.to_string();
        let mut a = vec!["--apply", &vpath, "--start", &start];
        a.extend_from_slice(args);
        out.extend(run(&a, shard));
    }
    out
}

#[test]
fn any_sharding_gives_the_one_process_output_byte_for_byte() {
    let lines = corpus(3000);
    let whole = lines.concat().into_bytes();
    let cuttings: [&[usize]; 5] = [
        &[],
        &[1500],
        &[1, 2, 999, 1000, 2998],
        &[700, 700, 2100],
        &[17, 400, 401, 1234, 2222, 2900],
    ];
    for args in [
        &["--mark"][..],
        &[][..],
        &["--mark", "--exact"][..],
        &["--mark", "--no-guard"][..],
    ] {
        let one = run(args, &whole);
        assert!(!one.is_empty());
        for cuts in cuttings {
            let many = sharded(&lines, cuts, args);
            assert!(
                one == many,
                "{args:?} with shards cut at {cuts:?} differs from one process"
            );
        }
    }
    // the corpus has copies of each kind, and kept records
    let marked = String::from_utf8(run(&["--mark"], &whole)).unwrap();
    let copies = marked
        .lines()
        .filter(|l| l.contains("\"dup_of\":\""))
        .count();
    assert!(copies > 1000 && copies < 2500, "{copies} copies of 3000");
}

#[test]
fn reduce_refuses_signatures_out_of_order() {
    let lines = corpus(10);
    let sig_a = run(
        &["--signatures", "--start", "5"],
        lines[..5].concat().as_bytes(),
    );
    let sig_b = run(
        &["--signatures", "--start", "0"],
        lines[5..].concat().as_bytes(),
    );
    let out = run_filter("dedupe", &["--reduce"], &[sig_a, sig_b].concat());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("must come in ordinal order"));
}

/// The reduce a cluster runs, in plain code: group the signatures by key (`x`, `b`), give each
/// record the first record of each of its keys before it, `--verify` them, and take each copy's
/// group as the root of the edges (which point to earlier records). Returns (ordinal, group,
/// score) per copy.
fn keyed_reduce(sigs: &[u8], args: &[&str]) -> Vec<(u64, u64, f64)> {
    use std::collections::{BTreeSet, HashMap};
    let lines: Vec<&str> = std::str::from_utf8(sigs).unwrap().lines().collect();
    let parsed: Vec<(u64, Vec<(bool, u64)>)> = lines
        .iter()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let mut keys = vec![(true, v["x"].as_u64().unwrap())];
            keys.extend(
                v["b"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|k| (false, k.as_u64().unwrap())),
            );
            (v["o"].as_u64().unwrap(), keys)
        })
        .collect();
    let mut heads: HashMap<(bool, u64), u64> = HashMap::new();
    for (o, keys) in &parsed {
        for k in keys {
            let h = heads.entry(*k).or_insert(*o);
            *h = (*h).min(*o);
        }
    }
    let at: HashMap<u64, &str> = parsed
        .iter()
        .map(|(o, _)| *o)
        .zip(lines.iter().copied())
        .collect();
    let mut groups = String::new();
    for (o, keys) in &parsed {
        let with: BTreeSet<u64> = keys.iter().map(|k| heads[k]).filter(|h| h < o).collect();
        if !with.is_empty() {
            let with: Vec<&str> = with.iter().map(|h| at[h]).collect();
            groups += &format!("{{\"rec\":{},\"with\":[{}]}}\n", at[o], with.join(","));
        }
    }
    let mut a = vec!["--verify"];
    a.extend_from_slice(args);
    let edges = run(&a, groups.as_bytes());
    let mut root: HashMap<u64, u64> = HashMap::new();
    let mut out = Vec::new();
    for l in String::from_utf8(edges).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        let (o, to) = (v["o"].as_u64().unwrap(), v["to"].as_u64().unwrap());
        let r = root.get(&to).copied().unwrap_or(to);
        root.insert(o, r);
        out.push((o, r, v["dup_score"].as_f64().unwrap()));
    }
    out
}

#[test]
fn a_reduce_grouped_by_key_gives_the_verdicts_of_the_stream() {
    let lines = corpus(3000);
    let whole = lines.concat().into_bytes();
    for args in [&[][..], &["--exact"][..], &["--no-guard"][..]] {
        let mut a = vec!["--signatures"];
        a.extend_from_slice(args);
        let sigs = run(&a, &whole);
        let mut a = vec!["--reduce"];
        a.extend_from_slice(args);
        let streamed: Vec<(u64, u64, f64)> = String::from_utf8(run(&a, &sigs))
            .unwrap()
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                let n = |k: &str| v[k].as_u64().unwrap();
                (n("o"), n("of"), v["dup_score"].as_f64().unwrap())
            })
            .collect();
        assert!(streamed.len() > 1000, "{args:?}: {} copies", streamed.len());
        assert!(
            keyed_reduce(&sigs, args) == streamed,
            "{args:?}: the keyed reduce differs from the stream"
        );
    }
}

#[test]
fn verify_refuses_a_record_that_is_not_earlier() {
    let sigs = run(&["--signatures"], corpus(3).concat().as_bytes());
    let l: Vec<&str> = std::str::from_utf8(&sigs).unwrap().lines().collect();
    let line = format!("{{\"rec\":{},\"with\":[{}]}}\n", l[0], l[2]);
    let out = run_filter("dedupe", &["--verify"], line.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not before it"));
    let out = run_filter("dedupe", &["--verify"], b"{\"rec\":1}\n");
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a verify line"));
}

/// `--threads N` reads the records on N threads and judges them in order: its output, messages
/// and exit status are those of one thread, bad lines and `--strict` included.
#[test]
fn threads_give_the_one_thread_output_byte_for_byte() {
    let mut lines = corpus(3000);
    // bad lines in several chunks: not JSON, no text, a text that is not a string
    lines.insert(5, "not json\n".to_string());
    lines.insert(1300, "{\"id\": \"x\"}\n".to_string());
    lines.insert(2900, "{\"text\": 7}\n".to_string());
    // (records of over 2 KB: the threads take many chunks each)
    let whole = padded(&lines.concat()).into_bytes();
    for args in [
        &["--mark"][..],
        &["--mark", "--explain"][..],
        &[][..],
        &["--mark", "--exact"][..],
        &["--strict", "--mark"][..],
    ] {
        let one = run_filter("dedupe", args, &whole);
        assert_eq!(one.status.code(), Some(1), "{args:?}: the bad lines count");
        assert!(!one.stdout.is_empty());
        for threads in ["2", "3"] {
            let mut a = vec!["--threads", threads];
            a.extend_from_slice(args);
            let many = run_filter("dedupe", &a, &whole);
            assert!(
                one.stdout == many.stdout,
                "{args:?} on {threads} threads: other output"
            );
            assert_eq!(
                String::from_utf8_lossy(&one.stderr),
                String::from_utf8_lossy(&many.stderr),
                "{args:?} on {threads} threads: other messages"
            );
            assert_eq!(one.status.code(), many.status.code());
        }
    }
}
