#!/usr/bin/env python3
"""make bench, quotes: quality on the GNQA splits and speed beside the bench's regex peer.

  python3 scripts/quotes_bench.py BENCH_QUOTES_DIR QUOTES_BINARY OUT_DIR [RUNS]

Quality: the project on train, dev, test and all three together, scored by the bench's
score.py; the bench's regex and marks peers on test (peers.py). Speed: the project and the
regex peer (regex_quotes.py, a process reading stdin) on the same input, the three splits ten
times over; CPU seconds (user + sys of the process), median of RUNS; MB of UTF-8 text per CPU
second. Writes OUT_DIR/RESULTS.md and prints one JSON row per measurement.
"""
import json
import os
import resource
import statistics
import subprocess
import sys


def cpu_of(cmd, stdin_path):
    """CPU seconds of one run of `cmd` with `stdin_path` as its input, output discarded."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(stdin_path, "rb") as inp:
        subprocess.run(cmd, stdin=inp, stdout=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def quality_row(tool, data, s, **more):
    """One row of quality figures from a score.py score `s` of `tool` on `data`."""
    return {"what": "quality", "tool": tool, "data": data,
            "overlap_P": s["overlap"]["P"], "overlap_R": s["overlap"]["R"],
            "overlap_F1": s["overlap"]["F1"], "spk_lenient": s["speaker"]["lenient_acc"],
            "spk_n": s["speaker"]["n"], **more}


def main(argv):
    bench, binary, out = argv[0], os.path.abspath(argv[1]), argv[2]
    runs = int(argv[3]) if len(argv) > 3 else 3
    os.makedirs(out, exist_ok=True)
    sys.path.insert(0, bench)
    import score as sc

    splits = {s: os.path.join(bench, "data", f"gnqa_de_{s}.jsonl") for s in ("train", "dev", "test")}
    all_path = os.path.join(out, "gnqa_de_all.jsonl")
    with open(all_path, "wb") as f:
        for p in splits.values():
            with open(p, "rb") as g:
                f.write(g.read())
    rows = []
    for name, gold_path in [*splits.items(), ("all", all_path)]:
        pred_path = os.path.join(out, f"{name}.quotes.jsonl")
        with open(pred_path, "wb") as f:
            subprocess.run([binary, gold_path], stdout=f, check=True)
        s, _ = sc.score(sc.load(gold_path), sc.load(pred_path))
        rows.append(quality_row("project", name, s))
        print(json.dumps(rows[-1]))
    peers = subprocess.run([sys.executable, os.path.join(bench, "peers.py"), splits["test"],
                            "--peers", "regex,marks", "--runs", "1", "--out", out],
                           capture_output=True, text=True, check=True)
    for line in peers.stdout.splitlines():
        p = json.loads(line)
        rows.append({"what": "quality", "tool": p["peer"], "data": "test",
                     "overlap_P": p["overlap_P"], "overlap_R": p["overlap_R"],
                     "overlap_F1": p["overlap_F1"], "spk_lenient": p["spk_lenient"],
                     "spk_n": p["spk_n"]})
        print(json.dumps(rows[-1]))

    # The held-out paragraphs of our own (tests/heldout/), German and English, beside the
    # regex baseline.
    heldout = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "heldout")
    # (quotes_*: the first set, read since its first score; fresh_*: the second, written later;
    # third_*: the third, written after the second had been read)
    for name, lang in (("quotes", "de"), ("quotes", "en"), ("fresh", "de"), ("fresh", "en"),
                       ("third", "de"), ("third", "en")):
        gold_path = os.path.join(heldout, f"{name}_{lang}.jsonl")
        lang = lang if name == "quotes" else f"{name}_{lang}"
        for tool, cmd in (("project", [binary, gold_path]),
                          ("regex", [sys.executable, os.path.join(bench, "regex_quotes.py")])):
            pred_path = os.path.join(out, f"heldout_{lang}.{tool}.jsonl")
            with open(pred_path, "wb") as f, open(gold_path, "rb") as g:
                subprocess.run(cmd, stdin=g, stdout=f, check=True)
            s, _ = sc.score(sc.load(gold_path), sc.load(pred_path))
            rows.append(quality_row(tool, f"heldout_{lang}", s,
                                    not_quotes_taken=s["not_quotes"]["predicted"],
                                    not_quotes_listed=s["not_quotes"]["listed"]))
            print(json.dumps(rows[-1]))

    # Speed, on the splits ten times over (about 16 MB of text), each tool in turn.
    big = os.path.join(out, "gnqa_de_x10.jsonl")
    with open(all_path, "rb") as f:
        data = f.read()
    with open(big, "wb") as f:
        f.write(data * 10)
    mb = 10 * sum(len(r["text"].encode("utf-8")) for r in sc.load(all_path).values()) / 1e6
    tools = {"project": [binary],
             "regex": [sys.executable, os.path.join(bench, "regex_quotes.py")]}
    times = {t: [] for t in tools}
    for _ in range(runs):
        for t, cmd in tools.items():
            times[t].append(cpu_of(cmd, big))
    for t in tools:
        cpu = statistics.median(times[t])
        rows.append({"what": "speed", "tool": t, "MB": round(mb, 2), "cpu_s": round(cpu, 3),
                     "MB_per_cpu_s": round(mb / cpu, 1)})
        print(json.dumps(rows[-1]))

    with open(os.path.join(out, "RESULTS.md"), "w", encoding="utf-8") as f:
        f.write("| tool | data | overlap P | R | F1 | speaker lenient (n) |\n|---|---|---|---|---|---|\n")
        for r in rows:
            if r["what"] == "quality":
                f.write(f"| {r['tool']} | {r['data']} | {r['overlap_P']:.3f} | {r['overlap_R']:.3f} | "
                        f"{r['overlap_F1']:.3f} | {r['spk_lenient']:.3f} ({r['spk_n']}) |\n")
        f.write(f"\n| tool | MB of text | CPU s (median of {runs}) | MB per CPU-second |\n|---|---|---|---|\n")
        for r in rows:
            if r["what"] == "speed":
                f.write(f"| {r['tool']} | {r['MB']} | {r['cpu_s']} | {r['MB_per_cpu_s']} |\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
