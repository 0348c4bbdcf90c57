"""The requests of a motion: what the Kamer asks the government to do (its dictum).

"verzoekt de regering ... ;" and "roept het kabinet op ...": each request runs to the
semicolon at a line end or to ", en gaat over tot de orde van de dag". Only a motion's
requests are read (the document kind says which); the deadline is the first date inside
the request, with its value from the dates extractor.
"""

from __future__ import annotations

from collections.abc import Sequence

from kamerbrief.parse import ParsedLetter
from kamerbrief.record import DateItem, DateValue, DocumentKind, Request
from kamerbrief.rules.motions import motion_rules


def extract_requests(
    parsed: ParsedLetter, *, kind: DocumentKind | None, dates: Sequence[DateItem]
) -> dict[str, list[Request]]:
    """The record's ``requests``: empty for anything but a motion."""
    if kind != "motie":
        return {"requests": []}
    rules = motion_rules()
    text = parsed.text
    requests: list[Request] = []
    pos = parsed.content_start
    while (m := rules.request.search(text, pos)) is not None:
        end_match = rules.request_end.search(text, m.end())
        end = end_match.start() if end_match else len(text)
        stripped = text[m.start() : end].rstrip(" ,;\n")
        stop = m.start() + len(stripped)
        deadline = next((d for d in dates if m.start() <= d.start < stop), None)
        requests.append(
            Request(
                text=stripped,
                start=m.start(),
                end=stop,
                section=parsed.section_at(m.start()),
                addressee=" ".join(m.group("addressee").split()).lower(),
                deadline=DateValue(text=deadline.text, value=deadline.value) if deadline else None,
            )
        )
        pos = max(stop, m.end())
    return {"requests": requests}
