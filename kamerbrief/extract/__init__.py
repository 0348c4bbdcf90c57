"""Extractors: the items of a record, read from the ``Doc`` and the parsed letter.

In: a ``Doc`` and a :class:`kamerbrief.parse.ParsedLetter`. Out: the record's item lists
(dates, amounts, references, commitments; persons, organisations and locations come from
:mod:`kamerbrief.entities`). Each extractor is a declared step (:mod:`kamerbrief.steps`).
May import: ``nlp``, ``structure``, ``sources``, ``rules``, ``record``, ``errors``.
"""
