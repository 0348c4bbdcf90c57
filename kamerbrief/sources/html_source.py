"""Text of an HTML page (officielebekendmakingen.nl, tweedekamer.nl) with html.parser.

Only the document body is read: the element ``#broodtekst`` (officielebekendmakingen),
else the first ``<article>``, else ``<main>`` (or ``role="main"``), else ``<body>``.
Navigation, scripts, styles, forms and footers are left out wherever they are,
the page header and asides when no content element is found, and footnote
references (a ``<sup>`` linking to a note on the page). Each block element (paragraph,
heading, list item, table cell, ...) becomes a line of its own, ``<br>`` a line
break; white space inside a line is collapsed to single spaces, as a browser does.

HTML is untrusted input: the parser is the standard library's, which does not
fetch anything, tolerates malformed markup, and runs in linear time; a page whose
elements nest deeper than the limit (:mod:`kamerbrief.sources.limits`, ``max_depth``)
is refused: ``too_large``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

from kamerbrief.errors import SourceError
from kamerbrief.sources.limits import limits

_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_BLOCK = frozenset(
    """address article aside blockquote body caption dd details div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre
    section summary table tbody td tfoot th thead tr ul""".split()
)
_SKIP = frozenset(
    "script style nav footer noscript template svg form button iframe select head title".split()
)
# Elements whose start closes an open element of the same kind (HTML's implied end tags).
_SIBLINGS = frozenset({"li", "dt", "dd", "tr", "td", "th", "option"})
_SPACE = re.compile(r"[ \t\r\n\f\u00a0\u200b]+")


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str]
    children: list[_Node | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    """A forgiving tree of the page: unknown end tags are ignored, open ones closed.

    The tags of the open elements are counted, so that whether one is open takes
    constant time, not time in the depth: a page of 200,000 ``<li>`` under 250
    ``<div>`` took 5 s when each start tag searched the stack.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#document", {})
        self.stack: list[_Node] = [self.root]
        self.open_tags: Counter[str] = Counter()
        self.max_depth = limits().max_depth

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, {k: v or "" for k, v in attrs})
        if tag in _BLOCK and self._open("p"):
            self._close("p")  # a block ends an open paragraph
        if tag in _SIBLINGS and self.stack[-1].tag == tag:
            self._pop()
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            if len(self.stack) > self.max_depth:
                raise SourceError(
                    "too_large",
                    f"the HTML nests elements deeper than the limit of {self.max_depth}",
                )
            self.stack.append(node)
            self.open_tags[tag] += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(_Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if self._open(tag):
            self._close(tag)

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def _open(self, tag: str) -> bool:
        return self.open_tags[tag] > 0

    def _pop(self) -> _Node:
        node = self.stack.pop()
        self.open_tags[node.tag] -= 1
        return node

    def _close(self, tag: str) -> None:
        while len(self.stack) > 1:
            if self._pop().tag == tag:
                break


def _find(root: _Node, match: object) -> _Node | None:
    """The first element (document order) for which ``match(node)`` is true."""
    todo: list[_Node] = [root]
    while todo:
        node = todo.pop()
        if match(node):  # type: ignore[operator]
            return node
        todo.extend(reversed([c for c in node.children if isinstance(c, _Node)]))
    return None


def _content(root: _Node) -> tuple[_Node, bool]:
    """The element holding the document, and whether it is the whole page."""
    for match in (
        lambda n: n.attrs.get("id") == "broodtekst",
        lambda n: n.tag == "article",
        lambda n: n.tag == "main" or n.attrs.get("role") == "main",
    ):
        found = _find(root, match)
        if found is not None:
            return found, False
    return _find(root, lambda n: n.tag == "body") or root, True


def _note_reference(node: _Node) -> bool:
    """A ``<sup>`` that only links to a footnote on the page: the note itself is text."""
    if node.tag != "sup":
        return False
    links = [c for c in node.children if isinstance(c, _Node)]
    return bool(links) and all(
        c.tag == "a" and c.attrs.get("href", "").startswith("#") for c in links
    )


def _lines(content: _Node, whole_page: bool) -> list[str]:
    """The text of ``content``: one line per block, ``<br>`` a break."""
    skip = _SKIP | {"header", "aside"} if whole_page else _SKIP
    lines: list[str] = []
    current: list[str] = []
    in_pre = 0

    def end_line() -> None:
        text = "".join(current)
        current.clear()
        text = text if in_pre else _SPACE.sub(" ", text).strip()
        if text.strip():
            lines.append(text)

    # An explicit stack, not recursion, though nesting is bounded by the depth limit.
    todo: list[_Node | str | tuple[str, str]] = [content]
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            current.append(item)
        elif isinstance(item, tuple):  # the end of an element
            if item[1] == "pre":
                end_line()
                in_pre -= 1
            elif item[1] in _BLOCK:
                end_line()
        elif item.tag in skip or _note_reference(item):
            continue
        elif item.tag == "br":
            if in_pre:
                current.append("\n")
            else:
                end_line()
        else:
            if item.tag in _BLOCK or item.tag == "pre":
                end_line()
            if item.tag == "pre":
                in_pre += 1
            todo.append(("end", item.tag))
            todo.extend(reversed(item.children))
    end_line()
    return lines


def html_text(text: str) -> str:
    """The text of the document body of the HTML page ``text``; "" if it has none."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    content, whole_page = _content(builder.root)
    lines = _lines(content, whole_page)
    return "\n".join(lines) + "\n" if lines else ""


def looks_like_html(text: str) -> bool:
    """Whether decoded text starts as an HTML page (a doctype or an ``<html>`` element)."""
    head = text.lstrip("\ufeff \t\r\n")[:512].lower()
    if head.startswith("<?xml"):
        head = head[head.find("?>") + 2 :].lstrip()
    while head.startswith("<!--"):
        end = head.find("-->")
        if end < 0:
            return False
        head = head[end + 3 :].lstrip()
    return head.startswith(("<!doctype html", "<html"))
