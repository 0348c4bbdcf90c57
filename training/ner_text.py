"""Print the text of a document as kamerbrief's pipeline sees it (normalised), for annotation.

    python training/ner_text.py PATH [PATH ...]

Only the text: no extracted items, so that annotators see the letter and nothing else.
"""

from __future__ import annotations

import sys

from kamerbrief.parse import parse
from kamerbrief.sources.read import read_path


def normalised_text(path: str) -> str:
    """The normalised text of the document at ``path`` (what the spaCy pipeline reads)."""
    return parse(read_path(path).text).text


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        sys.stdout.write(normalised_text(arg) + "\n")
