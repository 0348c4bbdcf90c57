"""Text to structure: page furniture, normalisation, header, headings, signatures, identity.

In: a document's text. Out: lines and their roles, the normalised text with a map to the
source, the header fields, sections, signatories and the document's own Kamerstuk.
:mod:`kamerbrief.parse` runs these steps in order.
May import: ``sources``, ``rules``, ``record``, ``errors``. Never spaCy.
"""
