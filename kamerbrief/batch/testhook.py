"""A test hook, and nothing else: makes chosen inputs slow so that tests can see the time budget.

When the environment variable ``KAMERBRIEF_TEST_SLOW`` is set when this module
is imported, an input whose path contains its value waits here for
``KAMERBRIEF_TEST_SLOW_SECONDS`` (default 3600) before it is converted. Unset,
as in every real run, :func:`before_convert` does nothing.
"""

from __future__ import annotations

import os
import time

_SLOW = os.environ.get("KAMERBRIEF_TEST_SLOW") or None
_SECONDS = float(os.environ.get("KAMERBRIEF_TEST_SLOW_SECONDS") or 3600)


def before_convert(path: str) -> None:
    """Hold an input the test named as slow; nothing otherwise."""
    if _SLOW is None or _SLOW not in path:
        return
    end = time.monotonic() + _SECONDS
    while time.monotonic() < end:  # short steps: an alarm or a kill ends it at once
        time.sleep(0.05)
