"""The contract between components and the record: typed annotations, one writer each, schema shipped."""

from __future__ import annotations

import typing
from importlib import resources

import pytest
from conftest import SAMPLES, read_jsonl

from kalbar_nlp import annotations
from kalbar_nlp.extensions import DOC_EXTENSIONS

# extension -> the TypedDict of its value (or of each item where the value is a list)
TYPED = {
    "kalbar_dateline": annotations.DatelineAnnotation,
    "kalbar_dates": annotations.DateAnnotation,
    "kalbar_bylines": annotations.BylineAnnotation,
    "kalbar_entities": annotations.EntityAnnotation,
    "kalbar_titles": annotations.TitleAnnotation,
    "kalbar_people": annotations.PersonAnnotation,
    "kalbar_organizations": annotations.OrganizationAnnotation,
    "kalbar_locations": annotations.LocationAnnotation,
    "kalbar_quotes": annotations.QuoteAnnotation,
}

# keys whose values are themselves typed: (TypedDict, key) -> TypedDict of the value or its items
NESTED = {
    (annotations.TitleAnnotation, "person"): annotations.TitledPersonAnnotation,
    (annotations.TitleAnnotation, "abbreviations"): annotations.AbbreviationAnnotation,
    (annotations.PersonAnnotation, "mentions"): annotations.MentionAnnotation,
    (annotations.PersonAnnotation, "positions"): annotations.PositionAnnotation,
    (annotations.OrganizationAnnotation, "mentions"): annotations.MentionAnnotation,
    (annotations.LocationAnnotation, "mentions"): annotations.MentionAnnotation,
    (annotations.QuoteAnnotation, "speaker"): annotations.SpeakerAnnotation,
}


def _check(item: object, typed: type, where: str, problems: list[str]) -> None:
    if not isinstance(item, dict):
        problems.append(f"{where}: {type(item).__name__}, not a dict")
        return
    missing = typed.__required_keys__ - item.keys()
    unknown = item.keys() - typed.__required_keys__ - typed.__optional_keys__
    if missing or unknown:
        problems.append(f"{where}: missing {sorted(missing)}, undeclared {sorted(unknown)}")
    for key, value in item.items():
        inner = NESTED.get((typed, key))
        if inner is None or value is None:
            continue
        for n, sub in enumerate(value if isinstance(value, list) else [value]):
            _check(sub, inner, f"{where}.{key}[{n}]", problems)


@pytest.fixture(scope="module")
def sample_docs(nlp):
    rows = read_jsonl(SAMPLES / "articles.jsonl")
    return [nlp(row["text"]) for row in rows]


def test_every_extension_is_declared_with_its_writer_and_type():
    for name, extension in DOC_EXTENSIONS.items():
        assert name.startswith("kalbar_")
        assert extension.writer and extension.description
        holds = extension.holds.removeprefix("list[").removesuffix("]")
        if holds.endswith("Annotation"):
            assert hasattr(annotations, holds), f"{name}: {holds} is not in kalbar_nlp.annotations"
    assert set(TYPED) <= set(DOC_EXTENSIONS)


def test_annotations_of_sample_articles_match_their_typed_dicts(sample_docs):
    problems: list[str] = []
    counted = dict.fromkeys(TYPED, 0)
    for doc in sample_docs:
        for name, typed in TYPED.items():
            value = getattr(doc._, name)
            items = value if isinstance(value, list) else [value] if value else []
            counted[name] += len(items)
            for n, item in enumerate(items):
                _check(item, typed, f"{name}[{n}]", problems)
    assert problems == []
    # the sample articles exercise every annotation, so the check above is not vacuous
    assert all(counted.values()), counted


def test_typed_dicts_are_resolvable():
    for typed in TYPED.values():
        assert typing.get_type_hints(typed)


def test_schema_ships_with_the_package_and_names_its_version():
    from kalbar_nlp.records import SCHEMA_VERSION

    schema = (resources.files("kalbar_nlp") / "SCHEMA.md").read_text(encoding="utf-8")
    assert f'"schema_version": {SCHEMA_VERSION}' in schema
    assert "error" in schema.lower()


def test_every_component_declares_what_it_assigns_and_analyze_pipes_finds_no_problem(nlp):
    analysis = nlp.analyze_pipes(pretty=False)
    assert all(problems == [] for problems in analysis["problems"].values()), analysis["problems"]
    for name, _component in nlp.pipeline:
        if name.startswith("kalbar_"):
            assert analysis["summary"][name]["assigns"], f"{name} declares no assigns"
    # a component that reads another's annotation says so
    assert "doc._.kalbar_people" in analysis["summary"]["kalbar_quotes"]["requires"]
    assert "doc._.kalbar_titles" in analysis["summary"]["kalbar_people"]["requires"]


def test_each_extension_has_one_writing_component(nlp):
    writers: dict[str, list[str]] = {}
    for name, _component in nlp.pipeline:
        for attr in nlp.get_pipe_meta(name).assigns:
            if attr.startswith("doc._."):
                writers.setdefault(attr.removeprefix("doc._."), []).append(name)
    shared = {"kalbar_warnings"}  # every step may append a warning through add_warning()
    assert {ext: names for ext, names in writers.items() if len(names) > 1 and ext not in shared} == {}
    for ext, names in writers.items():
        if ext in shared:
            continue
        declared = DOC_EXTENSIONS[ext].writer
        assert all(name in declared for name in names), (ext, names, declared)
