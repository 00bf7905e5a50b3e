#!/usr/bin/env python3
"""Write N real news articles as JSON lines for the benchmarks: the TE3
silver articles (text and creation date as `timeml.py prepare` writes them),
repeated until N, each copy given a first line of its own ("Edition K.") so
that no copy is the same text as another (copies of one text count once).

    python3 ../shared/eval/timeml.py prepare ../shared/data/timeml/TE3-Silver /tmp/te3txt
    python3 scripts/news_corpus.py /tmp/te3txt 10000 > /tmp/te3-10k.jsonl
    python3 scripts/news_corpus.py /tmp/te3txt 100000 > /tmp/te3-100k.jsonl

The same folder and N give the same bytes (files in name order).
"""
import json
import os
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    folder, n = sys.argv[1], int(sys.argv[2])
    stems = sorted(f[:-4] for f in os.listdir(folder) if f.endswith(".txt"))
    if not stems:
        sys.exit(f"{folder}: no .txt files (run timeml.py prepare first)")
    articles = []
    for s in stems:
        with open(os.path.join(folder, s + ".txt"), encoding="utf-8") as fh:
            text = fh.read().strip()
        date = None
        dct = os.path.join(folder, s + ".dct")
        if os.path.exists(dct):
            with open(dct, encoding="utf-8") as fh:
                date = fh.read().strip() or None
        articles.append((s, date, text))
    out = sys.stdout
    for k in range(n):
        stem, date, text = articles[k % len(articles)]
        edition = k // len(articles) + 1
        record = {"id": f"{stem}-{edition}", "text": f"Edition {edition}.\n\n{text}\n"}
        if date:
            record["date"] = date
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
