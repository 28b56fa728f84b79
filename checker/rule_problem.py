"""A mistake in the rule files (RuleProblem), its kinds, and how a rule file's term is named in
one (`prefixed`): the words every check of checker/rule_problems.py shares."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from .language_tags import language_of
from .namespaces import BCIC, IND, REQ, SHP
from .rulebook import SH


# A value a problem's words name: one text, or a list, which each language joins as it lists
# (notation.listed: 、 in Chinese, commas in English).
ProblemValue = str | tuple[str, ...]
# Where a problem is written: its subject, the folder of its files, its statement (RuleProblem).
PlaceKey = tuple[URIRef, str | None, tuple[str, str] | None]


class ProblemKind(Enum):
    """A mistake in the rule files that would change verdicts without a word."""

    UNKNOWN_REQUIREMENT = "unknown_requirement"  # checksRequirement names no catalogued provision
    SECTION_REQUIREMENT = "section_requirement"  # checksRequirement names a section (8.2)
    UNLINKED_SHAPE = "unlinked_shape"  # a target or severity but no requirement: results dropped
    UNKNOWN_TERM = "unknown_term"  # a bcic:/ind:/req: IRI the ontology and catalogue lack
    UNLABELLED_TERM = "unlabelled_term"  # a reused vocabulary's term no label names (a typo)
    REUSED_LABEL = "reused_label"  # a real term of a reused vocabulary, named in no zh or en
    REUSED_UNKNOWN = "reused_unknown"  # no term of the reused vocabulary its namespace names
    DATATYPE = "datatype"  # an sh:datatype that is no datatype RDF knows (xsd:gyear)
    EMPTY_PATH = "empty_path"  # a path that is an empty list (rdf:nil)
    SPARQL = "sparql"  # a SPARQL constraint's query that does not parse
    SPARQL_CLAUSE = "sparql_clause"  # a SPARQL constraint using MINUS, VALUES or SERVICE
    SHACL_TERM = "shacl_term"  # an sh: term SHACL does not define (sh:mincount): passed over
    NOT_RUN = "not_run"  # a term of SHACL-JS or SHACL-AF, which the engine here does not run
    PARAMETER_VALUE = "parameter_value"  # sh:minCount "1", sh:pattern "[": every validation fails
    CONTRADICTION = "contradiction"  # sh:minCount 2 with sh:maxCount 1: every submission fails
    DUPLICATE_SHAPE = "duplicate_shape"  # one shape IRI described in two places
    UNDEFINED_SHAPE = "undefined_shape"  # sh:node (…) naming a shape defined nowhere: all conform
    ZERO_MIN_COUNT = "zero_min_count"  # sh:minCount 0, which asks nothing
    ZERO_QUALIFIED_MIN_COUNT = "zero_qualified_min_count"  # sh:qualifiedMinCount 0, no max: nothing
    ORPHAN_SHAPE = "orphan_shape"  # constraints, but no provision linked and no shape using it
    TWO_REQUIREMENTS = "two_requirements"  # one shape linked to two provisions: one counts
    DUPLICATE_MESSAGE = "duplicate_message"  # two sh:message in one language: one is shown
    NO_MESSAGE = "no_message"  # a checking shape without its zh or its en sh:message
    MESSAGE_CLAUSE = "message_clause"  # a message that does not cite the shape's clause
    SEVERITY = "severity"  # a severity other than its requirement's level asks
    BAD_ID = "bad_id"  # a provision id the standard's notation cannot show
    LEVEL = "level"  # a catalogued provision without exactly one normative level
    LAYER = "layer"  # a catalogued provision without exactly one layer of Figure 0.1
    CHAPTER = "chapter"  # a catalogued provision without exactly one whole chapter number
    WRONG_CHAPTER = "wrong_chapter"  # a chapter number other than its clause id's (7.3.2 in 6)
    ORPHAN_PROMPT = "orphan_prompt"  # a review prompt for no catalogued provision
    PROMPT_LANGUAGE = "prompt_language"  # a review prompt lacking its zh or its en text
    TERM_LABEL = "term_label"  # an ontology class or property without its zh or en label
    VERSION = "version"  # owl:versionInfo or owl:versionIRI not the program's __version__


@dataclass(frozen=True)
class RuleProblem:
    """One mistake: the shape (or provision, or term) it is in, what is wrong, and the values
    that say it (`bcic rules coverage` words them: rules.problem.<kind>)."""

    kind: ProblemKind
    subject: URIRef
    values: dict[str, ProblemValue] = field(default_factory=dict)
    suggestion: ProblemValue | None = None  # the defined terms or provision likely meant, prefixed
    folder: str | None = None  # where its subject is written in both ontology/ and shapes/:
    # the folder of the files that hold the mistake (a provision's review prompt: shapes)
    wording: str | None = None  # which of its kind's messages says it:
    # rules.problem.<kind>.<wording> (undefined_shape: by the parameter naming the shape)

    statement: tuple[str, str] | None = None  # the statement at fault as the files write it,
    # its predicate and value (`sh:minCount`, `0`): its line is named rather than its subject's
    node: str | None = field(default=None, compare=False)  # the node the statement is on (a
    # blank node of the shape): the same mistake on two nodes is two, each placed at its own

    @property
    def place_key(self) -> PlaceKey:
        """What `written_at` finds a place for: the subject, in the folder given (if any), at the
        statement given (if any)."""
        return self.subject, self.folder, self.statement

    def as_written(self, value: str) -> RuleProblem:
        """The problem saying its statement's value as the files write it, `value` (`'x'` or
        `\"\"\"x\"\"\"` where it says `"x"`), wherever its words name that value."""
        said = self.statement[1] if self.statement is not None else value
        if value == said:
            return self

        def swapped(text: str) -> str:
            ends = text == said or text.endswith(" " + said)  # `sh:minLength "5"` too
            return text[:len(text) - len(said)] + value if ends else text
        return replace(self, values={
            key: tuple(map(swapped, found)) if isinstance(found, tuple) else swapped(found)
            for key, found in self.values.items()})


LANGUAGES = ("zh", "en")  # every text of the rules is in both

# The prefixes a problem names terms by (the rule files' own).
PREFIXES = {"shp": str(SHP), "req": str(REQ), "bcic": str(BCIC), "ind": str(IND), "sh": str(SH),
            "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD), "owl": str(OWL),
            "prov": str(PROV), "org": str(ORG), "skos": str(SKOS), "dcterms": str(DCTERMS)}


def prefixed(iri: Node) -> str:
    """An IRI of the project's namespaces, SHACL's or a reused vocabulary's, by prefixed name
    (shp:, req:, sh:, prov:…); any other whole, in angle brackets."""
    text = str(iri)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    return f"<{text}>"


def missing_languages(literals: list[Literal]) -> tuple[list[str], list[str]]:
    """The languages of LANGUAGES that not exactly one of `literals` is tagged with, and the
    tags the literals have as written (an untagged one as "-"), sorted: ["en"], ["en-GB", "zh"].
    Tags are compared case aside (BCP 47): `@EN` is en."""
    tags = [language_of(m) or "-" for m in literals]
    return ([lang for lang in LANGUAGES if tags.count(lang) != 1],
            sorted(m.language or "-" for m in literals))
