#!/usr/bin/env python3
"""Writes about SIZE megabytes of German news-like JSON Lines documents for timing the whole
pipeline: articles spliced from the sentences of the news texts given (one JSON Lines file or
plain-text file each), 8 to 24 sentences an article in paragraphs, every figure's digits drawn
anew, so that articles and most sentences are new while the words, quotes and figures are
those of news. Deterministic (seeded).

    python3 scripts/news_like.py SIZE_MB OUT.jsonl INPUT...
"""
import json
import random
import re
import sys


def texts(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        if path.endswith(".jsonl"):
            for line in f:
                try:
                    t = json.loads(line).get("text")
                except ValueError:
                    continue
                if isinstance(t, str):
                    yield t
        else:
            yield f.read()


def main():
    size, out, inputs = int(sys.argv[1]) * 1_000_000, sys.argv[2], sys.argv[3:]
    split = re.compile(r"(?<=[.!?“\"])\s+(?=[A-ZÄÖÜ„\"])")
    pool = []
    for path in inputs:
        for t in texts(path):
            for para in t.split("\n"):
                pool.extend(s.strip() for s in split.split(para) if 20 <= len(s.strip()) <= 400)
    rng = random.Random(20261124)
    digit = lambda m: "".join(rng.choice("0123456789") if c.isdigit() else c for c in m.group(0))
    written, n = 0, 0
    with open(out, "w", encoding="utf-8") as f:
        while written < size:
            paras = []
            for _ in range(rng.randint(2, 6)):
                paras.append(" ".join(re.sub(r"\d[\d.,]*", digit, rng.choice(pool))
                                      for _ in range(rng.randint(2, 5))))
            line = json.dumps({"id": f"n{n:07d}", "text": "\n\n".join(paras)}, ensure_ascii=False)
            f.write(line + "\n")
            written += len(line.encode("utf-8")) + 1
            n += 1
    print(f"{n} articles, {written / 1e6:.1f} MB, from {len(pool)} sentences", file=sys.stderr)


if __name__ == "__main__":
    main()
