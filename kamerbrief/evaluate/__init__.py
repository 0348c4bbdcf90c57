"""Measuring the extractor: against hand-made gold, and over documents without gold.

- :mod:`kamerbrief.evaluate.score`: precision, recall, F1 and value accuracies per item
  type against ``corpus/gold``, per split (``dev``: write rules from its errors; ``test``:
  report only).
- :mod:`kamerbrief.evaluate.coverage`: what every document of a folder gave (dates,
  signatories, subjects, sections, error records) and the outputs that look wrong.

In: records and gold files. Out: figures as JSON-ready dicts and tables.
May import: ``record``, ``errors``, ``rules`` only: it reads records, never extracts.
"""
