"""Rule data: the validated JSON tables in ``kamerbrief/data`` and the language helpers on them.

In: the package's data files. Out: validated, compiled rule tables (layout patterns, months,
number words, entity lists, reference and commitment patterns), Dutch calendar and numeral
helpers. A file that does not validate raises :class:`kamerbrief.errors.RuleDataError`.
May import: ``record``, ``errors``.
"""
