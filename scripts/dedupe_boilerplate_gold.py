#!/usr/bin/env python3
"""The bench's neg:boilerplate records against the stories they repeat.

  python3 scripts/dedupe_boilerplate_gold.py ../shared/bench/dedupe/data/articles.jsonl PRED

PRED is `dedupe --mark` output on the same file. A neg:boilerplate record is meant to be
"another story with the same site boilerplate"; this counts those whose story (the text before
the bench's cookie footer, whitespace folded) is the whole text of an `orig` record, and gives
pair P/R/F1 twice: with the gold as given, and with each such record counted in the cluster of
the story it repeats (the issue counts a copy that gained a footer a copy).
"""
import itertools
import json
import re
import sys

FOOTERS = ("We use cookies", "Wir verwenden Cookies")


def folded(t):
    return re.sub(r"\s+", " ", t).strip()


def story(t):
    for f in FOOTERS:
        if f in t:
            return folded(t[: t.find(f)])
    return None


def pairs(label):
    groups = {}
    for rec, group in label.items():
        groups.setdefault(group, []).append(rec)
    return {p for m in groups.values() for p in itertools.combinations(sorted(m), 2)}


def main(gold_path, pred_path):
    gold = [json.loads(line) for line in open(gold_path, encoding="utf-8")]
    pred = {}
    for line in open(pred_path, encoding="utf-8"):
        r = json.loads(line)
        pred[r["id"]] = r.get("dup_of") or r["id"]
    origs = {folded(g["text"]): g["cluster"] for g in gold if g["edit"] == "orig"}
    given = {g["id"]: g["cluster"] for g in gold}
    moved = dict(given)
    negs = [g for g in gold if g["edit"] == "neg:boilerplate"]
    for g in negs:
        s = story(g["text"])
        if s in origs:
            moved[g["id"]] = origs[s]
    repeats = sum(moved[g["id"]] != given[g["id"]] for g in negs)
    print(f"neg:boilerplate records that repeat an orig story with a footer: {repeats} of {len(negs)}")
    found = pairs(pred)
    for name, label in (("gold as given", given), ("those counted as copies", moved)):
        truth = pairs(label)
        tp = len(found & truth)
        p, r = tp / max(len(found), 1), tp / max(len(truth), 1)
        f1 = 2 * p * r / max(p + r, 1e-9)
        print(f"{name}: pair P {p:.4f} R {r:.4f} F1 {f1:.4f}, false pairs {len(found - truth)}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
