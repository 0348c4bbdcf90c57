"""Analyst outputs over records: the terminal and HTML view, tables, the commitment register.

In: records (:class:`kamerbrief.record.LetterRecord` or their JSON). Out: views, CSV,
Parquet, DuckDB, the register. May import: ``record``, ``errors``, ``rules`` (calendar
helpers) only: outputs read records, never extract.
"""
