"""Validate a submission: read the vocabulary it needs beside it, run shapes, build the report."""

from __future__ import annotations

import hashlib

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime, timezone
from pathlib import Path

from rdflib import RDF, RDFS, BNode, Graph, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from .errors import InputError
from .i18n import LANGUAGES, Lang, Listed, message
from .labels import by_language, labels_of
from .loading import (SubmissionFile, blank_identity, described_places, first_written,
                      formats_read, jsonld_declares, load_submission, prefixes_declared,
                      read_submission_files, value_places)
from .namespaces import BCIC
from .report import Report
from .report_building import build_report
from .rule_problems import refuse_rule_problems
from .rulebook import Rulebook, load_rulebook
from .shacl import default_processes
from .unknown_terms import Locator, Place, ValueLocator, term_notes


def validate_graph(data: Graph, *, files: tuple[str, ...] = (), sha256: tuple[str, ...] = (),
                   rulebook: Rulebook | None = None, processes: int | None = None,
                   today: date | None = None,
                   sources: Sequence[SubmissionFile] = ()) -> Report:
    """Validate one submission graph and report on every requirement.

    The graph is read in place, never copied or changed: the ontology's class hierarchy and concept
    typing are read beside it (so subclasses count for targets and sh:class without any inference,
    see NOTES on pyshacl). It must not change while it validates. The shapes run in `processes`
    processes (default: one per core); pass 1 where the cores are already busy, as in a batch.
    Raises InputError when the submission is about several clusters (`submission_clusters`).
    Records dated after `today` (default: the UTC day the report is created) await the evaluator
    (checker/dated_after.py). IRIs of the standard's namespaces the rulebook does not define are
    notes of the report (checker/unknown_terms.py), each with the file, line and column where it
    is first written, and the records the findings name each with where it is described, when
    `sources` (the files the graph was loaded from, named as in `files`) are given.
    """
    cluster = _cluster_of(data)  # before the shapes: a submission about two clusters is refused
    names = files or tuple(f.name for f in sources)
    rulebook = rulebook or load_rulebook()
    results = rulebook.engine.run(data, processes=processes or default_processes())
    report = build_report(
        rulebook, data, results,
        files=files,
        sha256=sha256,
        created=datetime.now(timezone.utc),
        cluster=cluster,
        cluster_label=_labels(data, cluster),
        today=today,
        term_notes=term_notes(data, rulebook.vocabulary,
                              _locator(sources, names, first_written) if sources else None),
        locate_records=_locator(sources, names, described_places) if sources else None,
        locate_values=_value_locator(sources, names, data) if sources else None,
        declared=(lambda: dict(zip(names, prefixes_declared(sources), strict=True)))
        if sources else None,
        formats=dict(zip(names, formats_read(sources), strict=True)) if sources else None,
    )
    return replace(report, jsonld_xsd=jsonld_declares(sources, "xsd", str(XSD)))


def _locator(sources: Sequence[SubmissionFile], names: tuple[str, ...],
             find: Callable[[Sequence[SubmissionFile], Iterable[str]],
                            Mapping[str, tuple[int, int | None, int | None]]]) -> Locator:
    """Where the loader finds each IRI in the files (`find`: first written, or described), each
    file named as the report names it."""
    def locate(iris: Iterable[URIRef]) -> dict[URIRef, Place]:
        return {URIRef(iri): Place(names[index], line, column)
                for iri, (index, line, column) in find(sources, iris).items()}
    return locate


def _value_locator(sources: Sequence[SubmissionFile], names: tuple[str, ...],
                   data: Graph) -> ValueLocator:
    """Where the loader finds each value of a record written in the files, each file named as
    the report names it; a blank node record known by what `data` says of it."""
    def locate(pairs: Iterable[tuple[Node, Node]]) -> dict[tuple[Node, Node], Place]:
        wanted = list(pairs)
        blanks = {record: blank_identity(data, record)
                  for record, _value in wanted if isinstance(record, BNode)}
        return {(record if isinstance(record, BNode) else URIRef(record), value):
                Place(names[index], line, column)
                for (record, value), (index, line, column)
                in value_places(sources, wanted, blanks).items()}
    return locate


def submission_clusters(data: Graph) -> list[URIRef]:
    """The clusters a submission is about, sorted: those a cultivation body cultivates; when no
    body names one, the clusters (typed bcic:IndustrialCluster, or naming a benchmark or
    competitor) that it does not name as anyone's benchmark or competitor.

    Clusters it only mentions — benchmarks, competitors, peers it gives figures about (9.3.2) —
    are not among them unless a body of the submission cultivates them.
    """
    cultivated = {c for c in data.objects(None, BCIC.cultivates) if isinstance(c, URIRef)}
    if cultivated:
        return sorted(cultivated)
    links = [*data.subject_objects(BCIC.benchmarkCluster),
             *data.subject_objects(BCIC.competitorCluster)]
    peers = {peer for _cluster, peer in links}
    clusters = {*data.subjects(RDF.type, BCIC.IndustrialCluster), *(c for c, _peer in links)}
    return sorted(c for c in clusters if isinstance(c, URIRef) and c not in peers)


def _cluster_of(data: Graph) -> URIRef | None:
    """The one cluster a submission is about, None when it names none; InputError for several."""
    clusters = submission_clusters(data)
    if len(clusters) > 1:
        raise InputError.of("error.several_clusters",
                            clusters=Listed(tuple(_named(data, c) for c in clusters)))
    return clusters[0] if clusters else None


def _named(data: Graph, cluster: URIRef) -> dict[Lang, str]:
    """A cluster as an error names it in each language: its label, then its IRI."""
    labels = labels_of(data, cluster)
    return {lang: message("error.named_cluster", lang, iri=str(cluster), label=label)
            if (label := labels.get(lang) or labels.get("")) else str(cluster)
            for lang in LANGUAGES}


def _labels(data: Graph, node: URIRef | None) -> dict[str, str]:
    if node is None:
        return {}
    return by_language(data.objects(node, RDFS.label))


def validate_files(paths: Sequence[Path], *, rulebook: Rulebook | None = None,
                   processes: int | None = None) -> Report:
    """Read, parse (safely) and validate files that together form one submission."""
    return validate_submission(read_submission_files(paths), rulebook=rulebook,
                               processes=processes)


def validate_submission(files: Sequence[SubmissionFile], *, rulebook: Rulebook | None = None,
                        processes: int | None = None, max_triples: int | None = None) -> Report:
    """Parse (safely) and validate files already in memory (uploads) as one submission, of at
    most `max_triples` statements (None: BCIC_MAX_TRIPLES, else the loader's default).
    InputError, before any file is read, when the rule files have mistakes (rule_problems)."""
    rulebook = rulebook or load_rulebook()
    refuse_rule_problems(rulebook)
    data = load_submission(files, max_triples=max_triples)
    return validate_graph(data, files=tuple(f.name for f in files),
                          sha256=tuple(hashlib.sha256(f.data).hexdigest() for f in files),
                          rulebook=rulebook,
                          processes=processes,
                          sources=files)
