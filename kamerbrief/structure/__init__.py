"""Text to structure: page furniture, normalisation, header, headings, signatures, the
document's kind, and the questions and answers of answers to Kamervragen.

In: a document's text. Out: lines and their roles, the normalised text with a map to the
source, the header fields, sections, signatories, the questions and the kind.
:mod:`kamerbrief.parse` runs these steps in order; :mod:`kamerbrief.api` asks
:mod:`.kind` for the kind. The document's own Kamerstuk (its
identity) is not here: :mod:`kamerbrief.extract.identity` works it out, with the citation
shapes it shares with :mod:`kamerbrief.extract.references`.
May import: ``sources``, ``rules``, ``record``, ``errors``. Never spaCy.
"""
