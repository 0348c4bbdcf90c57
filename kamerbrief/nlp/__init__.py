"""spaCy: choosing and loading the pipeline, running it, and kamerbrief's own components.

In: normalised text. Out: a spaCy ``Doc`` with sentences and entity spans.
May import: ``structure``, ``sources``, ``rules``, ``record``, ``errors``.
"""
