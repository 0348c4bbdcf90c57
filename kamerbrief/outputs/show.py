"""A letter with its findings marked: a rich view for the terminal and a self-contained HTML page.

:func:`letter_view` gives a rich renderable (metadata, section tree, legend, the
text with every item coloured by type, a summary panel); :func:`letter_html`
gives one HTML page without external assets (table of contents, the text with
marked spans whose title shows type and value, side lists per type that link to
each mention).
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kamerbrief.outputs.tables import RECORD_SUFFIXES, Extract, read_records
from kamerbrief.record import ITEM_TYPES, ErrorRecord, LetterRecord, Section

if TYPE_CHECKING:
    from rich.console import RenderableType

# item type -> (rich style, HTML colour); a type not listed here gets _DEFAULT_STYLE.
_STYLES: dict[str, tuple[str, str]] = {
    "person": ("bold cyan", "#b3e5fc"),
    "organisation": ("bold magenta", "#f8bbd0"),
    "location": ("bold green", "#c8e6c9"),
    "date": ("yellow", "#fff59d"),
    "amount": ("bold red", "#ffccbc"),
    "reference": ("underline blue", "#d1c4e9"),
    "commitment": ("on grey23", "#eeeeee"),
}
_DEFAULT_STYLE = ("underline", "#e0e0e0")
# type -> (label, rich style, HTML colour), for every item type of the record
TYPES: dict[str, tuple[str, str, str]] = {
    t.name: (t.key, *_STYLES.get(t.name, _DEFAULT_STYLE)) for t in ITEM_TYPES
}


@dataclass(frozen=True)
class Mark:
    """One marked span: an item's type, offsets, anchor id and a one-line value."""

    type: str
    start: int
    end: int
    id: str
    value: str
    item: str  # the id of the item the span belongs to ("p1" for all of a person's mentions)


def load_letter(
    path: str | Path, *, record_id: str | None = None, extract: Extract | None = None
) -> LetterRecord:
    """The record to show: from a record file (.json/.jsonl; the first, or ``record_id``),
    else the letter at ``path`` turned into a record by ``extract``. Raises ValueError if
    there is none."""

    path = Path(path)
    if path.suffix.lower() in RECORD_SUFFIXES:
        for record in read_records([path]):
            if record_id is None or record.id == record_id:
                return record
        raise ValueError(
            f"{path}: no letter record" + (f" with id {record_id}" if record_id else "")
        )
    if extract is None:
        raise ValueError(f"{path}: not a record file (.json, .jsonl)")
    record = extract(path)
    if isinstance(record, ErrorRecord):
        raise ValueError(f"{path}: {record.error.message}")
    return record


def _fmt_number(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def marks(record: LetterRecord) -> list[Mark]:
    """Every item of the record as marked spans, in text order (longest first on a tie)."""
    out: list[Mark] = []
    for t in ITEM_TYPES:
        for i, item in enumerate(getattr(record, t.key), 1):
            item_id = f"{t.prefix}{i}"
            if t.entity:
                value = item.name
                roles = getattr(item, "roles", [])
                if roles:
                    value += f" ({'; '.join(roles)})"
                for j, m in enumerate(item.mentions, 1):
                    out.append(Mark(t.name, m.start, m.end, f"kb-{item_id}-m{j}", value, item_id))
            else:
                value = _VALUES.get(t.name, _plain_value)(item)
                out.append(Mark(t.name, item.start, item.end, f"kb-{item_id}", value, item_id))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


def _date_value(d: Any) -> str:
    return (d.value or "no value") + (" (approximate)" if d.approximate else "")


def _amount_value(a: Any) -> str:
    value = f"{a.kind}: {a.qualifier + ' ' if a.qualifier else ''}{_fmt_number(a.value)}"
    if a.value_max is not None:
        value += f" to {_fmt_number(a.value_max)}"
    return value + (f" {a.unit}" if a.unit else "")


def _reference_value(r: Any) -> str:
    parts = [r.kind, r.dossier, f"nr. {r.number}" if r.number else None, r.year, r.member]
    return " ".join(p for p in parts if p)


def _plain_value(item: Any) -> str:
    """The one-line value of an item type without its own formatter."""
    value = getattr(item, "value", None)
    return str(value) if value is not None else item.text


def _commitment_value(c: object) -> str:
    deadline = getattr(c, "deadline", None)
    when = f"{deadline.text} ({deadline.value or 'no value'})" if deadline else "no deadline"
    return f"{getattr(c, 'actor', None) or 'no actor'}; {when}; {c.strength}; {c.status}"  # type: ignore[attr-defined]


# item type -> the one-line value shown for an item of it
_VALUES: dict[str, Callable[[Any], str]] = {
    "date": _date_value,
    "amount": _amount_value,
    "reference": _reference_value,
    "commitment": _commitment_value,
}


def _counts(record: LetterRecord) -> dict[str, int]:
    return {t.name: len(getattr(record, t.key)) for t in ITEM_TYPES}


def _metadata_rows(record: LetterRecord) -> list[tuple[str, str]]:
    md = record.metadata
    rows = [("id", record.id), ("title", md.title or "-")]
    if md.date:
        rows.append(("date", f"{md.date.text} ({md.date.value or 'no value'})"))
    if md.place:
        rows.append(("place", md.place))
    if md.addressee:
        rows.append(("addressee", md.addressee))
    for s in md.senders:
        rows.append(("sender", f"{s.name}, {s.role}" if s.role else s.name))
    if md.kamerstuk:
        k = md.kamerstuk
        rows.append(
            (
                "kamerstuk",
                " ".join(
                    x for x in (k.dossier, f"nr. {k.number}" if k.number else "", k.year or "") if x
                ),
            )
        )
    kv = md.kamervragen
    if kv is not None:
        for key, value in (
            ("kamervragen", kv.number), ("aanhangsel", kv.aanhangsel),
            ("vergaderjaar", kv.vergaderjaar),
            ("askers", ", ".join(f"{a.name} ({a.party})" if a.party else a.name
                                 for a in kv.askers)),
            ("asked", ", ".join(kv.addressees)), ("mede namens", ", ".join(kv.mede_namens)),
            ("ingezonden", kv.ingezonden.value if kv.ingezonden else None),
            ("ontvangen", kv.ontvangen.value if kv.ontvangen else None),
        ):  # fmt: skip
            if value:
                rows.append((key, value))
    rows.append(
        ("source", f"{record.source.path} ({record.source.format}, {record.source.chars} chars)")
    )
    return rows


def _clip(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _children(sections: list[Section]) -> dict[str | None, list[Section]]:
    tree: dict[str | None, list[Section]] = defaultdict(list)
    for s in sections:
        tree[s.parent].append(s)
    return tree


def _section_label(s: Section) -> str:
    return f"{s.number} {s.title}" if s.number else s.title


# -- terminal -------------------------------------------------------------------------


def letter_view(record: LetterRecord) -> RenderableType:
    """A rich renderable of the letter: metadata, sections, legend, marked text, summary."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text
    from rich.tree import Tree

    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold")
    meta.add_column(overflow="fold")
    for key, value in _metadata_rows(record):
        meta.add_row(key, Text(value))
    parts: list[RenderableType] = [Panel(meta, title="letter", title_align="left")]

    tree = Tree(Text("sections", style="bold"))
    children = _children(record.sections)

    def grow(node: Tree, parent: str | None) -> None:
        for s in children.get(parent, []):
            grow(node.add(Text(_section_label(s))), s.id)

    grow(tree, None)
    if not record.sections:
        tree.add(Text("(no sections)", style="dim"))
    parts.append(tree)

    legend = Text("legend: ")
    for label, style, _ in TYPES.values():
        legend.append(label, style=style)
        legend.append("  ")
    parts.append(legend)

    body = Text(record.text)
    for m in marks(record):
        body.stylize(TYPES[m.type][1], m.start, m.end)
    parts.append(Panel(body, title="text", title_align="left"))

    counts = Table.grid(padding=(0, 2))
    for kind, n in _counts(record).items():
        counts.add_row(Text(TYPES[kind][0], style=TYPES[kind][1]), str(n))
    summary: list[RenderableType] = [counts]
    if record.commitments:
        table = Table(title="commitments", title_justify="left", expand=True)
        for col in ("actor", "deadline", "strength", "status", "question", "action"):
            table.add_column(col, overflow="fold", ratio=3 if col == "action" else 1)
        for c in record.commitments:
            deadline = f"{c.deadline.text} ({c.deadline.value or '?'})" if c.deadline else "-"
            table.add_row(
                c.actor or "-", deadline, c.strength, c.status, c.question or "-",
                c.action or c.text,
            )  # fmt: skip
        summary.append(table)
    if record.questions:
        table = Table(title="questions and answers", title_justify="left", expand=True)
        table.add_column("nr", overflow="fold", ratio=1)
        table.add_column("question", overflow="fold", ratio=4)
        table.add_column("answer", overflow="fold", ratio=4)
        for q in record.questions:
            answer = q.answer.text if q.answer else "(not answered)"
            if q.answered_with:
                answer = f"[with {', '.join(q.answered_with)}] {answer}"
            table.add_row(q.number, Text(_clip(q.text)), Text(_clip(answer)))
        summary.append(table)
    if record.warnings:
        summary.append(Text("warnings: " + "; ".join(record.warnings), style="dim"))
    parts.append(Panel(Group(*summary), title="summary", title_align="left"))
    return Group(*parts)


# -- HTML -----------------------------------------------------------------------------


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


_CSS = """
:root { font-family: system-ui, sans-serif; color: #222; }
body { margin: 0; }
header { padding: 12px 20px; border-bottom: 1px solid #ccc; background: #fafafa; }
header h1 { font-size: 1.3em; margin: 0 0 6px; }
header dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
header dt { font-weight: bold; }
header dd { margin: 0; }
.layout { display: grid; grid-template-columns: 220px minmax(0, 1fr) 300px; gap: 16px;
  padding: 0 16px; }
nav, aside { position: sticky; top: 0; max-height: 100vh; overflow: auto; font-size: 0.85em;
  padding-top: 8px; }
nav ul { padding-left: 14px; }
aside ul { padding-left: 16px; margin: 4px 0 10px; }
aside h2 { font-size: 1em; margin: 10px 0 2px; }
.letter { white-space: pre-wrap; line-height: 1.5; font-family: Georgia, serif; max-width: 48em; }
.kb-heading { font-weight: bold; font-family: system-ui, sans-serif; }
.kb-legend { position: sticky; top: 0; background: #fff; padding: 8px 0;
  border-bottom: 1px solid #eee; font-size: 0.85em; }
.kb-legend label { margin-right: 10px; white-space: nowrap; }
.kb-legend .swatch { padding: 0 4px; border-radius: 3px; }
mark.kb { border-radius: 3px; padding: 0 1px; color: inherit; }
mark.kb:hover, span.kb-commitment:hover { outline: 1px solid #555; }
.kb:target, .kb-heading:target { outline: 2px solid #d32f2f; }
[id] { scroll-margin-top: 60px; }
span.kb-commitment { border-bottom: 2px solid #9e9e9e; }
.kb-jump { margin-right: 4px; }
.count { color: #666; }
"""

_JS = """
(function () {
  document.querySelectorAll('.kb-legend [data-type]').forEach(function (el) {
    var type = el.getAttribute('data-type');
    var n = document.querySelectorAll('.letter [data-type="' + type + '"][id]').length;
    el.querySelector('.count').textContent = '(' + n + ')';
    var box = el.querySelector('input');
    box.addEventListener('change', function () {
      document.body.classList.toggle('hide-' + type, !box.checked);
    });
  });
  document.body.setAttribute('data-ready', '1');
})();
"""


def _html_css() -> str:
    rules = [_CSS]
    for kind, (_, _, colour) in TYPES.items():
        if kind == "commitment":
            rules.append(f"span.kb-commitment {{ background: {colour}; }}")
        else:
            rules.append(f"mark.kb-{kind} {{ background: {colour}; }}")
        rules.append(f"body.hide-{kind} .kb-{kind} {{ background: none; border: none; }}")
        rules.append(f".swatch.kb-{kind} {{ background: {colour}; }}")
    return "\n".join(rules)


def _open_tag(m: Mark, first: bool) -> str:
    tag = "span" if m.type == "commitment" else "mark"
    ident = f' id="{_e(m.id)}"' if first else ""
    title = f"{m.type}: {m.value}"
    return (
        f'<{tag} class="kb kb-{m.type}"{ident} data-type="{m.type}" data-item="{_e(m.item)}"'
        f' data-value="{_e(m.value)}" title="{_e(title)}">'
    )


def _close_tag(m: Mark) -> str:
    return "</span>" if m.type in ("commitment", "heading") else "</mark>"


def _heading_marks(record: LetterRecord) -> list[Mark]:
    out = []
    for s in record.sections:
        line_end = record.text.find("\n", s.start)
        end = len(record.text) if line_end == -1 else line_end
        end = min(end, max(s.end, s.start))
        if end > s.start:
            out.append(Mark("heading", s.start, end, f"sec-{s.id}", _section_label(s), s.id))
    return out


def _marked_text(record: LetterRecord) -> str:
    """The text as HTML with nested marks; a span crossing another is closed and reopened."""
    text = record.text
    items = [m for m in marks(record) if m.end > m.start] + _heading_marks(record)
    anchors = {s.id: s.start for s in record.sections}
    headed = {m.item for m in items if m.type == "heading"}
    empty_anchor: dict[int, list[str]] = defaultdict(list)
    for sid, start in anchors.items():
        if sid not in headed:
            empty_anchor[start].append(f"sec-{sid}")
    for m in marks(record):
        if m.end == m.start:
            empty_anchor[m.start].append(m.id)
    for q in record.questions:  # the questions list jumps here
        empty_anchor[q.start].append(q.id)
    opens: dict[int, list[Mark]] = defaultdict(list)
    for m in items:
        opens[m.start].append(m)
    points = sorted({0, len(text), *opens, *(m.end for m in items), *empty_anchor})
    out: list[str] = []
    stack: list[Mark] = []
    pos = 0
    for p in points:
        out.append(_e(text[pos:p]) if pos < p else "")
        pos = p
        if any(m.end <= p for m in stack):
            reopen: list[Mark] = []
            while any(m.end <= p for m in stack):
                top = stack.pop()
                out.append(_close_tag(top))
                if top.end > p:
                    reopen.append(top)
            for m in reversed(reopen):
                out.append(_open_tag_any(m, first=False))
                stack.append(m)
        for ident in empty_anchor.get(p, []):
            out.append(f'<a class="kb-anchor" id="{_e(ident)}"></a>')
        for m in sorted(opens.get(p, []), key=lambda m: (-m.end, m.type != "heading")):
            out.append(_open_tag_any(m, first=True))
            stack.append(m)
    out.append(_e(text[pos:]))
    out.extend(_close_tag(m) for m in reversed(stack))
    return "".join(out)


def _open_tag_any(m: Mark, first: bool) -> str:
    if m.type == "heading":
        ident = f' id="{_e(m.id)}"' if first else ""
        return f'<span class="kb-heading"{ident} data-section="{_e(m.item)}">'
    return _open_tag(m, first)


def _toc(record: LetterRecord) -> str:
    children = _children(record.sections)

    def branch(parent: str | None) -> str:
        kids = children.get(parent, [])
        if not kids:
            return ""
        items = "".join(
            f'<li><a href="#sec-{_e(s.id)}">{_e(_section_label(s))}</a>{branch(s.id)}</li>'
            for s in kids
        )
        return f"<ul>{items}</ul>"

    return branch(None) or "<p>(no sections)</p>"


def _side_lists(record: LetterRecord) -> str:
    by_item: dict[str, list[Mark]] = defaultdict(list)
    for m in marks(record):
        by_item[m.item].append(m)
    parts = []
    for t in ITEM_TYPES:
        kind = t.name
        rows = []
        for i, x in enumerate(getattr(record, t.key), 1):
            item = f"{t.prefix}{i}"
            name = x.name if t.entity else (getattr(x, "action", None) or x.text)
            ms = by_item.get(item, [])
            value = ms[0].value if ms else ""
            if t.entity:
                links = "".join(
                    f'<a class="kb-jump" href="#{_e(m.id)}" title="{_e(m.value)}">{n}</a>'
                    for n, m in enumerate(ms, 1)
                )
                rows.append(
                    f'<li data-item="{_e(item)}"><span class="name">{_e(value)}</span> {links}</li>'
                )
            else:
                short = name if len(name) <= 90 else name[:87] + "..."
                target = ms[0].id if ms else ""
                rows.append(
                    f'<li data-item="{_e(item)}">'
                    f'<a class="kb-jump" href="#{_e(target)}">{_e(short)}</a>'
                    f' <span class="value">{_e(value)}</span></li>'
                )
        label = TYPES[kind][0]
        body = f"<ul>{''.join(rows)}</ul>" if rows else "<p>none</p>"
        parts.append(
            f'<section class="kb-list" id="list-{kind}" data-type="{kind}">'
            f'<h2>{_e(label.capitalize())} <span class="count">({len(rows)})</span></h2>'
            f"{body}</section>"
        )
    return "".join(parts)


def _question_list(record: LetterRecord) -> str:
    """The questions and their answers, each a jump to its place in the text."""
    if not record.questions:
        return ""
    rows = []
    for q in record.questions:
        answer = _clip(q.answer.text, 160) if q.answer else "(not answered)"
        group = f" (with {', '.join(q.answered_with)})" if q.answered_with else ""
        rows.append(
            f'<li data-question="{_e(q.number)}"><a class="kb-jump" href="#{_e(q.id)}">'
            f"{_e(q.number)}. {_e(_clip(q.text, 160))}</a>"
            f'<p class="answer">{_e(answer)}{_e(group)}</p></li>'
        )
    return (
        '<section class="kb-list" id="list-questions" data-type="questions">'
        f'<h2>Questions <span class="count">({len(rows)})</span></h2>'
        f"<ol>{''.join(rows)}</ol></section>"
    )


def letter_html(record: LetterRecord) -> str:
    """One self-contained HTML page of the letter (no external assets, no network)."""
    title = record.metadata.title or record.id
    meta = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in _metadata_rows(record))
    counts = ", ".join(f"{n} {TYPES[k][0]}" for k, n in _counts(record).items())
    legend = "".join(
        f'<label data-type="{kind}"><input type="checkbox" checked> '
        f'<span class="swatch kb-{kind}">{_e(label)}</span> <span class="count"></span></label>'
        for kind, (label, _, _) in TYPES.items()
    )
    csp = (
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    return f"""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kamerbrief show">
<title>{_e(title)}</title>
<style>{_html_css()}</style>
</head>
<body>
<header><h1>{_e(title)}</h1><dl>{meta}</dl><p class="counts">{_e(counts)}</p></header>
<div class="layout">
<nav class="kb-toc" aria-label="sections"><h2>Sections</h2>{_toc(record)}</nav>
<main><div class="kb-legend">{legend}</div>
<div class="letter" lang="nl">{_marked_text(record)}</div></main>
<aside class="kb-lists" aria-label="items">{_question_list(record)}{_side_lists(record)}</aside>
</div>
<script>{_JS}</script>
</body>
</html>
"""
