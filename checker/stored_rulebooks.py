"""The rulebooks a store holds besides the running one: its rule graphs now, and those a reload
archived (checker/store/rules_archive.py), each named by version and digest; what one of them
states of a provision. Stored reports cite them: the pages of a version or of a withdrawn
provision read them here (docs/iris.md)."""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from .display_time import moment_shown
from .i18n import Lang, message
from .language_tags import language_of
from .namespaces import BCIC, REQ, named_term
from .report import Report
from .rulebook import LEVEL_BY_IRI, SH, Level, clause_sort_key, short_digest
from .rulebook_names import rulebook_named
from .store.base import ONTOLOGY_GRAPH, RULES_ARCHIVE_GRAPH, SHAPES_GRAPH, Store
from .store.guard import OwnQuery
from .store.rules_archive import rule_graphs_of

_PARSED_KEPT = 4  # archived rulebooks kept parsed in a process (about 15,000 triples each)
_parsed: OrderedDict[str, tuple[Graph, Graph]] = OrderedDict()


@dataclass(frozen=True)
class StoredRulebook:
    """A rulebook a store holds: its rule graphs now (`archived` None), or an archived one."""

    version: str
    digest: str | None  # SHA-256 of its rule files; None for rule graphs stored before they said
    archived: datetime | None
    node: URIRef  # its node in the archive graph, or the ontology rule graph's name

    def matches(self, version: str, digest: str | None) -> bool:
        """Whether it is the rulebook of this version and digest (a prefix of it will do; no
        digest: any rulebook of the version)."""
        return self.version == version and (
            not digest or (self.digest or "").startswith(digest))


@dataclass(frozen=True)
class StatedProvision:
    """A provision as a stored rulebook states it: level, title, texts, the shapes checking it."""

    id: str
    rulebook: StoredRulebook
    level: Level | None
    label: dict[str, str]
    text: dict[str, str]
    shapes: tuple[tuple[str, dict[str, str]], ...]  # each shape's name and its messages


def stored_rulebooks(store: Store) -> tuple[StoredRulebook, ...]:
    """The store's rule graphs' rulebook, when they name one, then the archived ones, the latest
    archived first."""
    rows = store.select(OwnQuery(f"""SELECT ?node ?version ?digest ?archived WHERE {{
  {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?node <{BCIC.rulebookVersion}> ?version
      OPTIONAL {{ ?node <{BCIC.rulebookDigest}> ?digest }} }} }}
  UNION
  {{ GRAPH <{RULES_ARCHIVE_GRAPH}> {{ ?node <{BCIC.rulebookVersion}> ?version ;
      <{DCTERMS.created}> ?archived OPTIONAL {{ ?node <{BCIC.rulebookDigest}> ?digest }} }} }}
}}"""))
    found = [StoredRulebook(str(r["version"]), str(r["digest"]) if "digest" in r else None,
                            _moment(r.get("archived")), URIRef(str(r["node"]))) for r in rows]
    return tuple(sorted(found, key=lambda b: (b.archived is not None,
                                              -(b.archived.timestamp() if b.archived else 0))))


def find_rulebook(store: Store, version: str, digest: str | None = None) -> StoredRulebook | None:
    """The stored rulebook of this version (and digest, or a prefix of it), the latest first."""
    return next(iter(rulebooks_of(store, version, digest)), None)


def rulebooks_of(store: Store, version: str,
                 digest: str | None = None) -> tuple[StoredRulebook, ...]:
    """Every stored rulebook of this version (and digest, or a prefix of it), one per digest:
    the rule graphs' first, then the archived ones, the latest first. Several share a version
    when a rule file was edited and the version number was not."""
    found: dict[str | None, StoredRulebook] = {}
    for rulebook in stored_rulebooks(store):
        if rulebook.matches(version, digest):
            found.setdefault(rulebook.digest, rulebook)
    return tuple(found.values())


def stored_rulebook_note(rulebook: StoredRulebook, running_version: str, running_digest: str,
                         lang: Lang) -> str:
    """What a stored rulebook is beside the one this process runs: held by the rule graphs now
    or archived, and whether it is the running one (the same digest); the running one is named
    by its digest too when it shares the stored one's version."""
    running = rulebook_named(running_version, running_digest
                             if running_version == rulebook.version else None, lang)
    place = "archived" if rulebook.archived is not None else "held"
    same = rulebook.digest == running_digest
    date = moment_shown(rulebook.archived, lang) if rulebook.archived else ""
    return message(f"rulebook.version.{place}{'_running' if same else ''}", lang,
                   running=running, date=date)


def texts_rulebook(store: Store, report: Report) -> StoredRulebook | None:
    """For a stored report with provisions whose texts it did not store and the running rulebook
    lacks: the stored rulebook that judged it, which states them; None when it has none such,
    or the store keeps no copy of that rulebook."""
    if not any(o.requirement.id in report.not_in_rulebook and not any(o.requirement.text.values())
               for o in report.outcomes):
        return None
    return find_rulebook(store, report.rulebook_version, report.rulebook_digest)


def rule_graphs(store: Store, rulebook: StoredRulebook) -> tuple[Graph, Graph]:
    """A stored rulebook's ontology (with catalogue) and shapes graphs."""
    if rulebook.archived is None:
        return store.named_graph(ONTOLOGY_GRAPH), store.named_graph(SHAPES_GRAPH)
    rows = store.select(OwnQuery(f"SELECT ?text WHERE {{ GRAPH <{RULES_ARCHIVE_GRAPH}> {{ "
                                 f"<{rulebook.node}> <{BCIC.rulesText}> ?text }} }}"))
    text = str(rows[0]["text"]) if rows else ""
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if key not in _parsed:  # an archived text never changes: parse it once a process
        _parsed[key] = rule_graphs_of(text)
        while len(_parsed) > _PARSED_KEPT:
            _parsed.popitem(last=False)
    return _parsed[key]


def latest_statement(store: Store, requirement_id: str
                     ) -> tuple[StatedProvision, tuple[Graph, Graph]] | None:
    """The provision as the latest stored rulebook that states it states it, with that
    rulebook's rule graphs; None when none does (nor can: an id that is no provision's)."""
    iri = named_term(REQ, requirement_id)
    if iri is None:  # not written into a query, nor made an IRI rdflib would log as it is
        return None
    for rulebook in stored_rulebooks(store):
        if rulebook.archived is None and not store.ask(OwnQuery(
                f"ASK {{ GRAPH <{ONTOLOGY_GRAPH}> {{ <{iri}> ?p ?o }} }}")):
            continue  # the rule graphs are read only when they hold it
        graphs = rule_graphs(store, rulebook)
        if (stated := stated_provision(rulebook, graphs, requirement_id)) is not None:
            return stated, graphs
    return None


def stated_provision(rulebook: StoredRulebook, graphs: tuple[Graph, Graph],
                     requirement_id: str) -> StatedProvision | None:
    """What the rulebook's graphs state of the provision; None when they do not state it."""
    ontology, shapes = graphs
    iri = named_term(REQ, requirement_id)
    if iri is None or (iri, RDF.type, BCIC.Requirement) not in ontology:
        return None
    level = ontology.value(iri, BCIC.normativeLevel)
    checking = sorted(s for s in shapes.subjects(BCIC.checksRequirement, iri)
                      if isinstance(s, URIRef))
    return StatedProvision(
        requirement_id, rulebook, LEVEL_BY_IRI.get(level) if isinstance(level, URIRef) else None,
        _texts(ontology, iri, RDFS.label), _texts(ontology, iri, BCIC.provisionText),
        tuple((str(s).rsplit("/", 1)[-1], _texts(shapes, s, SH.message)) for s in checking))


def stated_provisions(rulebook: StoredRulebook,
                      graphs: tuple[Graph, Graph]) -> tuple[StatedProvision, ...]:
    """Every provision the rulebook's graphs state, in clause order."""
    ids = sorted((str(r).removeprefix(str(REQ)) for r in graphs[0].subjects(
        RDF.type, BCIC.Requirement) if str(r).startswith(str(REQ))), key=clause_sort_key)
    return tuple(p for rid in ids if (p := stated_provision(rulebook, graphs, rid)) is not None)


def withdrawn_note(rulebook: StoredRulebook, running: str, lang: Lang) -> str:
    """That the running rulebook lacks a provision the stored rulebook states."""
    digest = (short_digest(rulebook.digest) if rulebook.digest
              else message("rulebook.digest_unknown", lang))
    return message("rulebook.withdrawn", lang, running=running, version=rulebook.version,
                   digest=digest)


def _texts(graph: Graph, subject: URIRef, predicate: URIRef) -> dict[str, str]:
    return {lang: str(o) for o in graph.objects(subject, predicate)
            if isinstance(o, Literal) and (lang := language_of(o))}


def _moment(node: object) -> datetime | None:
    if node is None:
        return None
    return datetime.fromisoformat(str(node).replace("Z", "+00:00"))
