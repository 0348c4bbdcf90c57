"""Build kamerbrief/data/lexicon.json: the Dutch words the glue splitter may split off.

    python training/lexicon.py PATH/TO/wordfreq/data/large_nl.msgpack.gz [--top N]

The source is wordfreq 3.1's Dutch word list (Robyn Speer et al., data CC BY-SA 4.0:
subtitles, Wikipedia, web text, news, Twitter), ordered by frequency; the N most
frequent lower-case alphabetic words are kept. Run once by hand; nothing at run time or
in CI reads the source. The wheel is on PyPI (``pip download wordfreq --no-deps``).
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

import srsly

OUT = Path(__file__).resolve().parents[1] / "kamerbrief" / "data" / "lexicon.json"
ABOUT = (
    "Dutch word forms, the most frequent {n} lower-case alphabetic words of wordfreq 3.1's "
    "Dutch list, most frequent first (Robyn Speer et al., https://github.com/rspeer/wordfreq; "
    "its data is "
    "licensed CC BY-SA 4.0, and so is this derived list), built by training/lexicon.py. "
    "The glue splitter (kamerbrief/nlp/glue.py) reads it to tell a word glued to a "
    "function word ('ikonderzoeken', 'dezeaanbesteding', 'Zakenheeft') from a word of its "
    "own ('kantoren', 'tegenover'): a token it holds is never split by it."
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="wordfreq's large_nl.msgpack.gz")
    parser.add_argument("--top", type=int, default=120_000)
    args = parser.parse_args()
    buckets = srsly.msgpack_loads(gzip.open(args.source).read())[1:]
    words: list[str] = []
    for bucket in buckets:
        words.extend(w for w in bucket if w.isalpha() and w.islower() and len(w) >= 2)
        if len(words) >= args.top:
            break
    words = list(dict.fromkeys(words[: args.top]))  # most frequent first
    data = {"about": ABOUT.format(n=len(words)), "words": " ".join(words)}
    OUT.write_text(json.dumps(data, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(words)} words, {OUT.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
