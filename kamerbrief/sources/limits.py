"""The limits that keep a hostile input from exhausting memory or time (bombs).

Every reader checks the limits in force (:func:`limits`): archive members and
Word parts before they are read (their declared size and compression ratio) and
while they are read (the bytes that really come out), PDFs by pages and objects
before their text is read, XML and HTML by nesting depth while they are parsed.
An input over a limit gives a :class:`~kamerbrief.errors.SourceError` of kind
``too_large`` (size, pages, objects, depth) or ``refused`` (compression ratio),
whose message names the limit.

The batch sets them once per process (:func:`use_limits`), from the options of
``kamerbrief extract``; the defaults are far beyond any real letter.
"""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one input may unpack to; see the module's documentation."""

    max_bytes: int = 64 * MIB  # an input file, an archive member
    max_unpacked: int = 32 * MIB  # the XML parts of a Word file, together
    max_ratio: int = 200  # uncompressed : compressed, for members over RATIO_FLOOR
    max_pages: int = 2000  # PDF pages
    max_objects: int = 500_000  # PDF objects (in the file, and on its pages together)
    max_depth: int = 256  # XML and HTML element nesting


# Small members may have any ratio (a page of spaces): only big ones can be bombs.
RATIO_FLOOR = 1 * MIB

_current = Limits()


def limits() -> Limits:
    """The limits in force in this process."""
    return _current


def use_limits(new: Limits) -> Limits:
    """Put ``new`` in force in this process; returns the limits it replaces."""
    global _current
    old, _current = _current, new
    return old


def ratio_over(size: int, compressed: int, max_ratio: int) -> bool:
    """Whether ``size`` bytes from ``compressed`` is a compression ratio beyond ``max_ratio``."""
    return size > RATIO_FLOOR and size > max_ratio * max(compressed, 1)
