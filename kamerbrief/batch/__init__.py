"""Batches: inputs from paths, globs, archives and stdin, run in order by local workers or Dask.

In: command-line inputs. Out: records and error records in input order, written to stdout
or atomically to files. May import: ``api`` and everything below it; never ``outputs``.
"""
