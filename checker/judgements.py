"""The evaluator's judgements of a stored revision, read from its judgements graph
(docs/store.md, "Judgements"; docs/model.md, decision 20).

Each judgement is an EARL assertion of `earl:mode earl:manual`; the one of a provision that counts
is the one no other `dcterms:replaces` (two such, written at once: the later).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV
from rdflib.term import Node

from .display_time import moment_shown
from .i18n import Lang, message
from .namespaces import REQ
from .notation import provision_notation
from .timestamps import xsd_datetime

EARL = Namespace("http://www.w3.org/ns/earl#")
# The command line as a PROV software agent (under checker/store/base.py's SHARED_ROOT): a
# judgement recorded through `bcic judge` is attributed to it (prov:wasAttributedTo). Whoever runs
# it has the store at hand, and its --by names the evaluator unproven; the web app's judgements
# come with an evaluator's token.
COMMAND_LINE = URIRef("urn:bcic:software:bcic-judge")


@dataclass(frozen=True)
class Judgement:
    """An evaluator's judgement of one provision, as a report shows it."""

    requirement_id: str
    met: bool
    made: datetime
    by: str | None = None  # who judged, when named
    note: dict[str, str] | None = None  # the rationale by its language (one)
    iri: URIRef | None = None
    current: bool = True  # False: a later judgement of the provision supersedes it
    from_command_line: bool = False  # recorded through `bcic judge` (its name is unproven)


def all_judgements(graph: Graph) -> list[Judgement]:
    """Every judgement the graph holds, superseded ones too (`current` False), oldest first."""
    found = []
    for assertion in graph.subjects(EARL.mode, EARL.manual):
        test, result = graph.value(assertion, EARL.test), graph.value(assertion, EARL.result)
        outcome = graph.value(result, EARL.outcome) if result is not None else None
        made = graph.value(assertion, PROV.generatedAtTime) or graph.value(assertion, DCTERMS.date)
        if test is None or outcome not in (EARL.passed, EARL.failed) or made is None:
            continue
        agent = graph.value(assertion, EARL.assertedBy)
        name = graph.value(agent, RDFS.label) if agent is not None else None
        notes = {o.language or "": str(o) for o in graph.objects(result, DCTERMS.description)
                 if isinstance(o, Literal)}
        found.append(Judgement(
            requirement_id=str(test).removeprefix(str(REQ)), met=outcome == EARL.passed,
            made=_datetime(made), by=str(name) if name is not None else None,
            note=notes or None, iri=assertion if isinstance(assertion, URIRef) else None,
            from_command_line=(assertion, PROV.wasAttributedTo, COMMAND_LINE) in graph))
    found.sort(key=lambda j: (j.made, str(j.iri)))
    replaced: set[Node] = set(graph.objects(None, DCTERMS.replaces))
    counts: dict[str, Judgement] = {}
    for judgement in found:  # oldest first: of two no other supersedes, the later counts
        if judgement.iri not in replaced:
            counts[judgement.requirement_id] = judgement
    return [replace(j, current=counts.get(j.requirement_id) is j) for j in found]


def add_command_line(g: Graph, assertion: Node) -> None:
    """Say in `g` that `assertion` was recorded from the command line (COMMAND_LINE)."""
    g.add((assertion, PROV.wasAttributedTo, COMMAND_LINE))
    g.add((COMMAND_LINE, RDF.type, PROV.SoftwareAgent))
    for lang, name in (("en", "bcic judge (the command line)"), ("zh", "bcic judge（命令行）")):
        g.add((COMMAND_LINE, RDFS.label, Literal(name, lang=lang)))


def current_judgements(graph: Graph) -> dict[str, Judgement]:
    """Provision id → the judgement that counts: the one no other supersedes, the later of two."""
    return {j.requirement_id: j for j in all_judgements(graph) if j.current}


def _datetime(node: Node) -> datetime:
    """An xsd:dateTime literal as a datetime (a trailing Z read as UTC)."""
    return datetime.fromisoformat(str(node).replace("Z", "+00:00"))


# Unicode categories that break a name's line, or a terminal's: control characters (line feed,
# tab, escape …), line and paragraph separators. `bcic judge --by` refuses them
# (checker/judging.py); a token's label, the operator's, may hold them and is shown without.
NOT_IN_A_NAME = frozenset({"Cc", "Zl", "Zp"})


def one_line(name: str) -> str:
    """A recorded name as reports show it: each run of such characters and spaces one space."""
    return " ".join("".join(" " if unicodedata.category(c) in NOT_IN_A_NAME else c
                            for c in name).split())


def judgement_said(judgement: Judgement, lang: Lang) -> str:
    """"judged met by X on 2025-03-04 10:00 (UTC): rationale", as every format says it, the time
    in the display zone (checker/display_time.py); ", recorded from the command line" after it
    where `bcic judge` recorded it (its name is unproven)."""
    key = f"{'met' if judgement.met else 'not_met'}{'_cli' if judgement.from_command_line else ''}"
    said = message(f"report.judgement.{key}", lang,
                   by=one_line(judgement.by or "") or message("report.judgement.unnamed", lang),
                   date=moment_shown(judgement.made, lang))
    note = next(iter((judgement.note or {}).values()), None)
    return message("report.judgement.with_note", lang, said=said, note=note) if note else said


def event_said(judgement: Judgement, lang: Lang) -> str:
    """"6.1 judged not met by X on 2025-03-04 10:00 (UTC): rationale", "(superseded)" before it when
    a later one supersedes it: a judgement as an event of its revision (bcic history, the cluster
    page), the mark apart from the rationale."""
    said = f"{provision_notation(judgement.requirement_id, lang)} {judgement_said(judgement, lang)}"
    return said if judgement.current else message("report.judgement.superseded", lang, said=said)


def event_document(judgement: Judgement, lang: Lang) -> dict[str, object]:
    """A judgement as an event of its revision, in JSON (the cluster's and the judgements' API):
    the provision (id and the standard's notation), met or not, by whom, when, the rationale,
    whether it was recorded from the command line, and whether it counts or a later one
    supersedes it."""
    note_lang, note = next(iter((judgement.note or {"": None}).items()))
    return {"provision": judgement.requirement_id,
            "notation": provision_notation(judgement.requirement_id, lang),
            "met": judgement.met, "by": judgement.by, "date": xsd_datetime(judgement.made),
            "note": note, "note_lang": note_lang or None,
            "from_command_line": judgement.from_command_line, "current": judgement.current}
