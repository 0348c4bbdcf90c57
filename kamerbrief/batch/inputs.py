"""Expanding the inputs of a batch: files, directories, globs, archives, path lists.

Everything is a stream: directories are walked lazily (entries sorted by name,
depth first), archives are read member by member, ``--files-from`` line by
line. Each input is an :class:`Input`; the order is deterministic, so the
records of a run come out in the same order every time.

- a directory yields its files with a :data:`READABLE_SUFFIXES` suffix and the
  archives in it (symlinked directories are not followed);
- a pattern the shell did not expand (``letters/**/*.txt``) is expanded here;
- a ``.zip``, ``.tar.gz`` or ``.tgz`` archive yields its members with a readable
  suffix, read in place (never extracted to disk), each with the path
  ``archive.zip/member/path``. A member whose path would escape the archive
  (absolute, ``..``, a drive letter) and symlink, hardlink and device members are
  *refused*: they give an error record of kind ``refused``. Archives inside
  archives are not opened. A member bigger than the size limit is ``too_large``, one
  whose compression ratio is beyond the limit is ``refused`` (a ZIP bomb): both are
  checked on the member's header before it is read and on its bytes while it is read
  (:mod:`kamerbrief.sources.limits`).
"""

from __future__ import annotations

import glob
import os
import re
import stat
import sys
import tarfile
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from kamerbrief.errors import SourceError
from kamerbrief.sources.limits import Limits, limits, ratio_over, use_limits

# What a directory or an archive is searched for; other files can still be named one by one.
READABLE_SUFFIXES = frozenset({".txt", ".docx", ".pdf", ".html", ".htm", ".xml"})
ARCHIVE_SUFFIXES = (".zip", ".tar.gz", ".tgz")
_GLOB_CHARS = re.compile(r"[*?\[]")


@dataclass(frozen=True)
class Input:
    """One input of a batch.

    ``path`` is what the record's ``source.path`` says. ``origin`` is the file
    on disk whose modification time counts for ``--resume`` (the archive for a
    member, None for stdin). ``data`` holds the bytes of stdin and archive
    members (files are read by the worker). ``error`` is the SourceError of an
    input refused before reading; ``name`` is the base of its output file name.
    """

    path: str
    name: str
    origin: str | None = None
    data: bytes | None = None
    error: SourceError | None = None


def is_archive(path: str) -> bool:
    """Whether ``path`` is named as an archive kamerbrief opens."""
    return path.lower().endswith(ARCHIVE_SUFFIXES)


def _readable(name: str) -> bool:
    return PurePosixPath(name).suffix.lower() in READABLE_SUFFIXES


def _strip_suffix(name: str) -> str:
    low = name.lower()
    for suffix in (".tar.gz", *sorted(READABLE_SUFFIXES), ".tgz", ".zip"):
        if low.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _walk(root: str) -> Iterator[str]:
    """Files under ``root``, entries sorted by name, depth first; no symlinked directories."""
    try:
        with os.scandir(root) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(entry.path)
            elif entry.is_file():
                yield entry.path
        except OSError:
            continue


def unsafe_member(name: str) -> str | None:
    """Why an archive member's path would escape the archive, None if it stays inside."""
    norm = name.replace("\\", "/")
    if norm.startswith("/") or re.match(r"^[A-Za-z]:", norm):
        return "an absolute path"
    if ".." in norm.split("/"):
        return "a path with '..'"
    return None


def _zip_members(archive: str, display: str, base: str, read: bool) -> Iterator[Input]:
    with zipfile.ZipFile(archive) as zf:
        for info in zf.infolist():
            if info.is_dir():
                continue
            path, name = f"{display}/{info.filename}", f"{base}/{_strip_suffix(info.filename)}"
            mode = info.external_attr >> 16
            why = unsafe_member(info.filename)
            if why is None and stat.S_ISLNK(mode):
                why = "a symbolic link"
            if why is not None:
                yield _refused(path, name, archive, why)
            elif not _readable(info.filename):
                continue
            elif info.file_size > limits().max_bytes:
                yield Input(path, name, archive, error=_too_large(info.file_size))
            elif ratio_over(info.file_size, info.compress_size, limits().max_ratio):
                yield Input(path, name, archive, error=_bomb())
            elif not read:
                yield Input(path, name, archive)
            else:
                try:
                    data = _read_zip_member(zf, info)
                except SourceError as exc:
                    yield Input(path, name, archive, error=exc)
                    continue
                except (
                    OSError, zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError,
                    RuntimeError,
                ) as exc:  # fmt: skip
                    unreadable = SourceError("unreadable", f"cannot read: {exc}")
                    yield Input(path, name, archive, error=unreadable)
                    continue
                yield Input(path, name, archive, data=data)


def _read_zip_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The bytes of a member, in steps: its header's sizes are not trusted."""
    lim = limits()
    chunks: list[bytes] = []
    size = 0
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(1 << 20)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            size += len(chunk)
            if size > lim.max_bytes:
                raise _too_large(size, "more than ")
            if ratio_over(size, info.compress_size, lim.max_ratio):
                raise _bomb()


def _tar_members(archive: str, display: str, base: str, read: bool) -> Iterator[Input]:
    # Streaming mode: one pass over the compressed data, members in archive order; the
    # raw file's position tells how much compressed data a member took (its ratio).
    with open(archive, "rb") as raw, tarfile.open(fileobj=raw, mode="r|*", bufsize=1 << 20) as tf:
        for member in tf:
            if member.isdir():
                continue
            path, name = f"{display}/{member.name}", f"{base}/{_strip_suffix(member.name)}"
            why = unsafe_member(member.name)
            if why is None and member.issym():
                why = "a symbolic link"
            elif why is None and member.islnk():
                why = "a hard link"
            elif why is None and not member.isfile():
                why = "a device, FIFO or other special file"
            if why is not None:
                yield _refused(path, name, archive, why)
            elif not _readable(member.name):
                continue
            elif member.size > limits().max_bytes:
                yield Input(path, name, archive, error=_too_large(member.size))
            elif not read:
                yield Input(path, name, archive)
            else:
                fh = tf.extractfile(member)
                try:
                    data = _read_tar_member(fh, raw) if fh is not None else b""
                except SourceError as exc:
                    yield Input(path, name, archive, error=exc)
                    continue
                yield Input(path, name, archive, data=data)


def _read_tar_member(fh: IO[bytes], raw: IO[bytes]) -> bytes:
    """The bytes of a member, in steps, refused once they are more than the ratio limit
    times the compressed data read for them (a gzip bomb in a tar)."""
    lim = limits()
    start = raw.tell()
    chunks: list[bytes] = []
    size = 0
    while chunk := fh.read(1 << 20):
        chunks.append(chunk)
        size += len(chunk)
        if ratio_over(size, raw.tell() - start, lim.max_ratio):
            raise _bomb()
    return b"".join(chunks)


def _refused(path: str, name: str, archive: str, why: str) -> Input:
    message = f"archive member refused: {why} would escape the archive; it was not read"
    return Input(path, name, archive, error=SourceError("refused", message))


def _too_large(size: int, more: str = "") -> SourceError:
    limit = limits().max_bytes
    return SourceError("too_large", f"the input has {more}{size} bytes, over the limit of {limit}")


def _bomb() -> SourceError:
    limit = limits().max_ratio
    return SourceError(
        "refused",
        f"archive member refused: it unpacks to more than {limit} times its compressed size"
        " (the limit of the compression ratio), a decompression bomb; it was not read",
    )


def archive_members(
    archive: str, display: str | None = None, base: str | None = None, *, read: bool = True
) -> Iterator[Input]:
    """The inputs of a ``.zip``/``.tar.gz``/``.tgz`` archive (their bytes unless not ``read``).

    An unreadable archive gives one error input after the members read so far.
    """
    display = display or archive
    base = base or _strip_suffix(Path(archive).name)
    reader = _zip_members if archive.lower().endswith(".zip") else _tar_members
    try:
        yield from reader(archive, display, base, read)
    except FileNotFoundError:
        yield Input(display, base, None, error=SourceError("missing", f"no such file: {archive}"))
    except (OSError, zipfile.BadZipFile, tarfile.TarError, EOFError, zlib.error) as exc:
        detail = " ".join(str(exc).split())[:200] or type(exc).__name__
        message = f"cannot read the archive: {detail}"
        yield Input(display, base, archive, error=SourceError("unreadable", message))


def _expand_one(arg: str, read: bool) -> Iterator[Input]:
    if arg == "-":
        yield Input("-", "stdin", None, data=sys.stdin.buffer.read() if read else None)
        return
    if not os.path.exists(arg) and _GLOB_CHARS.search(arg):
        matches = sorted(glob.iglob(arg, recursive=True))
        if matches:
            for match in matches:
                yield from _expand_one(match, read)
            return
    if os.path.isdir(arg):
        for path in _walk(arg):
            rel = os.path.relpath(path, arg)
            if is_archive(path):
                yield from archive_members(path, path, _strip_suffix(rel), read=read)
            elif _readable(path):
                yield Input(path, _strip_suffix(rel), path)
    elif is_archive(arg) and os.path.isfile(arg):
        yield from archive_members(arg, read=read)
    else:
        yield Input(arg, _strip_suffix(Path(arg).name) or "input", arg)


def paths_from(source: str) -> Iterator[str]:
    """The paths listed in ``source`` (``-`` for stdin), one a line; blank lines skipped."""
    fh = sys.stdin if source == "-" else open(source, encoding="utf-8")
    try:
        for line in fh:
            line = line.rstrip("\r\n")
            if line.strip():
                yield line
    finally:
        if fh is not sys.stdin:
            fh.close()


def expand(args: Iterable[str], *, read: bool = True) -> Iterator[Input]:
    """The inputs named by ``args`` (files, directories, globs, archives, ``-``), in order.

    With ``read=False`` nothing is read (no stdin, no member bytes): for counting.
    """
    for arg in args:
        yield from _expand_one(arg, read)


def with_limits(inputs: Iterable[Input], run_limits: Limits) -> Iterator[Input]:
    """``inputs``, each read (archive members) under ``run_limits``, whenever it is taken."""
    it = iter(inputs)
    while True:
        old = use_limits(run_limits)
        try:
            inp = next(it, None)
        finally:
            use_limits(old)
        if inp is None:
            return
        yield inp


_UNSAFE_CHARS = re.compile(r"[^A-Za-z0-9._-]+")


def output_name(name: str, path: str, used: set[str]) -> str:
    """A file name for an input's record, unique within a run.

    The base is ``name`` (the input's path relative to the argument it came
    from, without its suffix) with ``/`` as ``__`` and other characters outside
    ``[A-Za-z0-9._-]`` as ``_``: ``letters/2023/a.txt`` given as ``letters/``
    is ``2023__a.json``, member ``x/b.pdf`` of ``batch.zip`` is
    ``batch__x__b.json``. A base already used in the run (equal stems, ``a.txt``
    beside ``a.pdf``) gets ``-`` and 8 hex digits of the SHA-1 of the input's path.
    """
    import hashlib

    parts = [_UNSAFE_CHARS.sub("_", p) for p in name.replace("\\", "/").split("/") if p]
    base = "__".join(p.strip(".") or "_" for p in parts) or "input"
    base = base[:150]
    candidate = f"{base}.json"
    if candidate in used:
        digest = hashlib.sha1(path.encode("utf-8", "surrogateescape")).hexdigest()[:8]
        candidate, n = f"{base}-{digest}.json", 2
        while candidate in used:
            candidate, n = f"{base}-{digest}-{n}.json", n + 1
    used.add(candidate)
    return candidate
