"""Scoring against the hand-made gold in ``corpus/gold``.

In: records and gold files. Out: precision, recall, F1 and value accuracies per item type.
May import: ``record``, ``errors``, ``rules`` only: it reads records, never extracts.
"""
