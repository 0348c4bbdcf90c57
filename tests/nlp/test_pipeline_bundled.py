"""The pipeline shipped in the package: present, honest about its licence, works offline."""

from __future__ import annotations

import socket

import pytest

from kamerbrief.nlp.annotate import annotate, paragraphs
from kamerbrief.nlp.pipeline import bundled_pipeline_path, choose_model, describe
from kamerbrief.rules.loader import label_rules


def test_bundled_pipeline_is_in_the_package_and_small() -> None:
    path = bundled_pipeline_path()
    assert path is not None
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    assert size <= 20 * 1024 * 1024


def test_bundled_meta_names_itself_its_licences_and_data(bundled_nlp) -> None:
    meta = bundled_nlp.meta
    assert (meta["lang"], meta["name"]) == ("nl", "nl_kamerbrief_sm")
    assert meta["version"]
    # issue 18: licence-clean, trained on nothing research-only
    assert meta["license"].startswith("CC BY-SA 4.0") and "Research use only" not in meta["license"]
    sources = " ".join(src["name"] + " " + src["license"] for src in meta["sources"])
    assert "CoNLL" not in sources and "UD Dutch Alpino" in sources
    assert "government documents" in sources
    # only what the records read: no parser, tagger or lemmatizer
    assert meta["pipeline"][:3] == ["tok2vec", "ner", "morphologizer"]
    assert not {"parser", "tagger", "trainable_lemmatizer", "lemmatizer"} & set(meta["pipeline"])
    for key in ("pos_acc", "ents_f"):
        assert 0 < meta["performance"][key] <= 1


def test_bundled_pipeline_loads_with_no_network(monkeypatch) -> None:
    import spacy

    def no_network(*args, **kwargs):
        raise OSError("network access attempted")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    nlp = spacy.load(bundled_pipeline_path())
    assert nlp.pipe_names == ["tok2vec", "ner", "morphologizer"]


@pytest.mark.parametrize(
    ("sentence", "person", "place"),
    [
        ("Minister Jan de Vries bezocht vorige week Rotterdam.", "Jan de Vries", "Rotterdam"),
        ("Gisteren sprak Mark Rutte in Amsterdam met de burgemeester.", "Mark Rutte", "Amsterdam"),
    ],
)
def test_bundled_pipeline_finds_person_and_place(bundled_nlp, sentence, person, place) -> None:
    labels = label_rules()
    found = {(e.text, labels.record_type(e.label_)) for e in annotate(bundled_nlp, sentence).ents}
    assert (person, "person") in found
    assert (place, "location") in found


def test_sentences_start_after_headings_and_signature_lines(bundled_nlp) -> None:
    text = (
        "Zoals toegezegd informeer ik u over de voortgang\n\n"
        "2. Vervolg\n\n"
        "Het onderzoek wordt dit jaar afgerond.\n\n"
        "De Minister van Infrastructuur en Waterstaat,\n"
        "Mark Harbers"
    )
    doc = annotate(bundled_nlp, text)
    assert doc.text == text
    starts = {t.text for t in doc if t.is_sent_start and not t.is_space}
    assert {"Zoals", "Het", "De", "Mark"} <= starts
    voortgang = next(t for t in doc if t.text == "voortgang")
    vervolg = next(t for t in doc if t.text == "Vervolg")
    assert voortgang.sent != vervolg.sent


def test_paragraphs_join_back_to_the_text() -> None:
    text = "Eén.\n\nTwee\nregels.\n \n\nDrie."
    parts = paragraphs(text)
    assert "".join(parts) == text
    assert parts == ["Eén.\n\n", "Twee\nregels.\n \n\n", "Drie."]
    assert paragraphs("") == [""]


def test_describe_reports_why_and_accuracy(bundled_nlp) -> None:
    choice = choose_model(str(bundled_pipeline_path()), {})
    info = describe(bundled_nlp, choice)
    assert info["name"] == "nl_kamerbrief_sm"
    assert info["why"] == "named with --model"
    assert set(info["entity_labels"]) == {"PER", "ORG", "LOC"}
    assert info["label_types"]["PER"] == "person"
    # the raw NER's F on the held-out tenth of its training documents (no rules); the
    # accuracy that counts is the gold test split's (training/compare_pipelines.py)
    assert 0.6 < info["performance"]["ents_f"] <= 1.0
