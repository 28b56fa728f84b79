"""What is wrong with a value a lack quotes, in words: the form or kind asked (a year-month-day
date, shp:Number's words), the kind it was given as, the language or the values allowed; and after
the sentence how to write it (a typed value, a reference to a record or a term, a figure's number
without its unit, 9.2.3)."""

from __future__ import annotations

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from ..findings import Lack, prefixed_given, unexpanded_given
from ..i18n import message
from ..loading.formats import is_rdf_xml
from ..prefixed_names import prefixed_name, unexpanded
from ..term_texts import names_term, term_guessed, term_named
from ..shape_paths import ShapePath, path_properties
from ..unknown_terms import Place
from .figures import number_as_text, read_figure
from .naming import short_node
from .rdf_xml_forms import EXAMPLE_IRI, resource_element
from .value_words import ValueNamer
from .wording import NUMBER_SHAPES, datatype_kind, reference_form, typed_form


class ValueLackWords(ValueNamer):
    """Says what is wrong with the values of one report's lacks in one language."""

    def value_said(self, lack: Lack, key: str, record: Node | None = None,
                   via: ShapePath | None = None) -> tuple[str, dict[str, str], str]:
        """The sentence a lack of `record` about a value takes, the words it fills in (form, kind,
        given, language, allowed), and what is said after it: how to refer to a term, to write a
        typed value, a number or a reference, the number of a figure. A lack of the value itself
        (no path) written by `record` along `via` (a text listed among those that came closest)
        says how to refer as `record`'s file writes it."""
        fields: dict[str, str] = {}
        datatype_asked = key.removeprefix("self.") == "datatype"
        number_asked = _number_asked(lack, key)
        # A value of an indicator measured on a rating scale is to be a level: how to state one is
        # said, not how to write a number; of one measured otherwise, never (decision 23).
        rated = self.rated.get(record) if record is not None and number_asked else None
        figure = self._figure(lack, key) if rated is not True else None
        plain = figure is not None or (number_asked and (
            _has_digit(lack.value) if rated is None else not rated))
        number = number_as_text(lack.value) if number_asked and rated is not True else None
        key, fields["form"], fields["kind"] = self._of_value(lack, key, plain, number is not None)
        if key.endswith("ill_formed") and (typed := typed_form(lack.value, lack.expected)) \
                is not None and typed.own:  # "2024/12/01"^^xsd:date: its own date, rewritten
            key, fields["text"] = f"{key}_own", typed.text
        fields["given"] = self.given_as(lack.value, fields["form"], datatype_asked)
        if key.removeprefix("self.") in ("text_for_record", "text_for_term") \
                and isinstance(lack.value, Literal):
            fields["kind"] = self.kind(lack.value.datatype)
            fields["given"] = self.given_kind(lack.value)
        if key in ("language", "self.language", "qualified_language"):
            fields["language"] = self.language(lack.expected)
        if key in ("in_one", "self.in_one", "in_listed", "self.in_listed"):
            fields["allowed"] = self.allowed(lack.allowed)
        path = lack.path if lack.path is not None else via
        after = self._term_hint(lack, key, record, path)
        if after and key != "has_value" and isinstance(lack.value, Literal):
            # A text where a listed value is asked: said to be one.
            fields["given"] = self.given_kind(lack.value)
        if datatype_asked and key.endswith("not") and (
                typed := typed_form(lack.value, lack.expected)) is not None:
            after += message("report.lack.write_typed" if typed.own else "report.lack.typed_example",
                             self.lang, text=typed.text, curie=typed.curie,
                             iri=self._jsonld_type(typed.curie, typed.datatype))
            if isinstance(lack.value, Literal) and str(lack.value.datatype) == typed.curie:
                # rdf:datatype="xsd:date" in RDF/XML, read as the IRI xsd:date: the full one.
                after += message("report.lack.datatype_prefixed", self.lang, curie=typed.curie,
                                 iri=typed.datatype)
        if key.endswith("text_for_record"):
            after += self._refer(lack, record, path)
        if figure is not None:
            after += figure
        elif number is not None:
            after += self._write_number(number, lack)
        return key, fields, after

    def _record_named(self, record: Node) -> str:
        """A record of the submission by its label and IRI where it has both, else quoted by its
        name."""
        iri, label = short_node(record, self.base), self.label(record)
        return message("report.terms.named", self.lang, label=label, iri=iri) if label and iri \
            else self.quoted(record)

    def _refer(self, lack: Lack, record: Node | None, path: ShapePath | None) -> str:
        """After a text `record` writes along `path` where a record is asked: how to refer to the
        record the text names (9.1.1: "body" for ex:body), else to the one it is (ex:body,
        https://…), else an example; as the file where it is written writes one: in RDF/XML the
        property's element with rdf:resource and the full IRI (rdf:resource expands no prefixed
        name), else in Turtle and in JSON-LD, a record by the prefixed name that file declares."""
        meant = self.meant.get(lack.value)
        place = self.value_places.get((record, lack.value)) if record is not None else None
        if place is not None and is_rdf_xml(place.file, self.formats):
            return self._refer_in_rdf_xml(lack, meant, path, place)
        if meant is not None:
            declared = self.prefixes.get(place.file) if place is not None else None
            form = reference_form(prefixed_name(meant, declared) or str(meant))
            return message("report.lack.write_record", self.lang,
                           record=self._record_named(meant), turtle=form.turtle, iri=form.iri)
        form = reference_form(str(lack.value))
        return message("report.lack.write_reference" if form.own
                       else "report.lack.reference_example", self.lang,
                       turtle=form.turtle, iri=form.iri)

    def _refer_in_rdf_xml(self, lack: Lack, meant: URIRef | None, path: ShapePath | None,
                          place: Place) -> str:
        """How to refer, in the RDF/XML file at `place`, to the record a text names, else to the
        one it is (its full IRI, or the prefixed name its xmlns expands), else an example."""
        declared = self.prefixes.get(place.file)
        if meant is not None:
            return message("report.lack.write_record_rdf_xml", self.lang,
                           record=self._record_named(meant),
                           element=resource_element(str(meant), path, declared))
        form = reference_form(str(lack.value))
        # A web IRI (<https://…> in Turtle) is its own; a prefixed name, the IRI its xmlns makes.
        own = form.iri if form.turtle.startswith("<") else \
            unexpanded(URIRef(form.iri), declared) if form.own else None
        if own is None:
            return message("report.lack.reference_example_rdf_xml", self.lang,
                           element=resource_element(EXAMPLE_IRI, path, declared))
        return message("report.lack.write_reference_rdf_xml", self.lang,
                       element=resource_element(str(own), path, declared))

    def resource_prefixed(self, written: Node, iri: Node, record: Node | None,
                          path: ShapePath | None) -> str:
        """After a value `record` writes along `path` as a prefixed name nothing expanded (RDF/XML's
        rdf:resource="ex:body", 9.1.1; rdf:resource="bcic:PolicyEnvironment", 5.1): so written,
        and the full IRI to write; in an RDF/XML file, as the property's element."""
        place = self.value_places.get((record, written)) if record is not None else None
        if place is not None and is_rdf_xml(place.file, self.formats):
            return message("report.lack.resource_prefixed_rdf_xml", self.lang, curie=str(written),
                           element=resource_element(str(iri), path,
                                                    self.prefixes.get(place.file)))
        return message("report.lack.resource_prefixed", self.lang, curie=str(written),
                       iri=str(iri))

    def unexpanded_meant(self, lack: Lack, record: Node | None) -> tuple[URIRef, URIRef] | None:
        """The value a lack of `record` finds where a record is asked, written as a prefixed name
        of a prefix its file declares that nothing expanded (RDF/XML's rdf:resource="ex:body"),
        and the full IRI it stands for; None for any other lack or where the place is unknown."""
        value = unexpanded_given(lack)
        place = self.value_places.get((record, value)) if value is not None else None
        if value is None or place is None:
            return None
        iri = unexpanded(value, self.prefixes.get(place.file))
        return (value, iri) if iri is not None else None

    def _write_number(self, number: str, lack: Lack) -> str:
        """After a number written in a datatype of no number (9.2.3: "35.2" as text, docs/model.md
        decision 23): how to write it as one, in Turtle, in JSON-LD and by a context typing the
        property (xsd:double for a number with an exponent, which xsd:decimal has not)."""
        datatype = XSD.double if "e" in number.lower() else XSD.decimal
        curie = f"xsd:{datatype.removeprefix(str(XSD))}"
        steps = path_properties(lack.path)
        term = short_node(steps[-1][0], None) if steps else ""
        return message("report.lack.write_number", self.lang, number=number, curie=curie,
                       iri=self._jsonld_type(curie, datatype), term=term)

    def _jsonld_type(self, curie: str, datatype: URIRef) -> str:
        """A datatype as JSON-LD's "@type" writes it: by its prefixed name where the submission's
        contexts declare xsd:, else by its full IRI, which needs no prefix."""
        return curie if self.jsonld_xsd else str(datatype)

    def _figure(self, lack: Lack, key: str) -> str | None:
        """After a figure written where a number is asked and read with certainty ("35.2%",
        "35,2%", "１２％", "约35.2%", checker/render/figures.py): write the number alone, the unit
        where the ontology keeps it (9.2.3's “unit of measure”), else without it (5.2.3's
        concentration value), a word before it in a note; None for any other lack."""
        figure = read_figure(lack.value)
        if figure is None or not _number_asked(lack, key):
            return None
        if not figure.unit:
            said = message("report.lack.number_plain", self.lang, number=figure.number)
        elif lack.unit is None:
            said = message("report.lack.number_without_unit", self.lang, number=figure.number)
        else:
            said = message("report.lack.number_and_unit", self.lang, number=figure.number,
                           unit=figure.unit, unit_property=f"“{self.name(lack.unit)}”")
        if figure.word:
            said += message("report.lack.word_in_note", self.lang, word=figure.word)
        return said

    def _term_hint(self, lack: Lack, key: str, record: Node | None = None,
                   path: ShapePath | None = None) -> str:
        """After a text given where a term is asked — a listed value (sh:in: org:role "行业内企业"),
        a value asked (sh:hasValue, 9.4.2: bcic:covers "bcic:PlanPhase") — how to refer to the
        term: the one the text names, else the one whose label it is nearest in spelling, said to
        be a guess (4.1: org:role "行业企业"), else one allowed as an example; the term written as
        a prefixed name nothing expanded, its full IRI, as the file where `record` writes it along
        `path` does; a narrower concept listed in place of the one asked (9.1.4: 对欧盟出口率 for
        出口率), that the one asked is to be listed itself; "" for any other lack."""
        if key == "has_value" and isinstance(lack.value, BNode):  # the term inside a list
            return message("report.lack.in_a_list", self.lang)
        if (prefixed := prefixed_given(lack)) is not None:  # has_value, in: RDF/XML's rdf:resource
            return self.resource_prefixed(*prefixed, record, path)
        if key == "has_value" and isinstance(lack.value, URIRef):  # a narrower term in its place
            return message("report.lack.narrower_only", self.lang, value=self.quoted(lack.value),
                           expected=self.name(lack.expected))
        if not isinstance(text := lack.value, Literal):
            return ""
        if key == "has_value" and lack.expected is not None:
            given = message("report.lack.given_as_text", self.lang, value=self.value(text))
            labels = tuple(self.labels.get(lack.expected, {}).values())
            if names_term(str(text), lack.expected, labels):
                return given + self._write_term(lack.expected, True, record, path)
            return given + self._write_guessed(lack.expected, record, path)
        asked = key.removeprefix("self.")
        if asked not in ("in", "in_one", "in_listed", "text_for_term") or not lack.allowed:
            return ""
        labels = {t: tuple(self.labels.get(t, {}).values()) for t in lack.allowed}
        if (named := term_named(str(text), lack.allowed, labels)) is not None:
            return self._write_term(named, True, record, path)
        if (guessed := term_guessed(str(text), lack.allowed, labels)) is not None:
            return self._write_guessed(guessed, record, path)
        if asked == "text_for_term" and self._term_element(lack.allowed[0], record, path) is None:
            # a term of the class, the text naming none (8.2.4's 巡展): one as an example
            form = reference_form(short_node(lack.allowed[0], None))
            return message("report.lack.term_reference_example", self.lang, turtle=form.turtle,
                           iri=form.iri)
        return self._write_term(lack.allowed[0], False, record, path)

    def _write_guessed(self, term: Node, record: Node | None = None,
                       path: ShapePath | None = None) -> str:
        """How to refer to the term a text is taken to mean by its spelling, said to be a guess."""
        if (element := self._term_element(term, record, path)) is not None:
            return message("report.lack.write_term_guessed_rdf_xml", self.lang,
                           label=self.name(term), element=element)
        form = reference_form(short_node(term, None))
        return message("report.lack.write_term_guessed", self.lang, label=self.name(term),
                       turtle=form.turtle, iri=form.iri)

    def _write_term(self, term: Node, own: bool, record: Node | None = None,
                    path: ShapePath | None = None) -> str:
        """How to refer to a term, in Turtle and in JSON-LD, or as `record`'s RDF/XML file writes
        it along `path`; as an example where not `own`."""
        if (element := self._term_element(term, record, path)) is not None:
            return message("report.lack.write_term_rdf_xml" if own
                           else "report.lack.term_example_rdf_xml", self.lang, element=element)
        form = reference_form(short_node(term, None))
        return message("report.lack.write_term" if own else "report.lack.term_example",
                       self.lang, turtle=form.turtle, iri=form.iri)

    def _term_element(self, term: Node, record: Node | None, path: ShapePath | None) -> str | None:
        """A term as the RDF/XML element to write along `path` (the full IRI in rdf:resource,
        4.1: <org:role rdf:resource="https://w3id.org/bcic/ontology#IndustryEnterpriseRole"/>),
        where `record` is described in a file read as RDF/XML, or, where the report does not
        place it, every file was; else None."""
        place = self.record_places.get(record) if record is not None else None
        files = [place.file] if place is not None else list(self.formats)
        if not files or not all(is_rdf_xml(file, self.formats) for file in files):
            return None
        return resource_element(str(term), path, self.prefixes.get(files[0]))

    def _of_value(self, lack: Lack, key: str, figure: bool = False,
                  number: bool = False) -> tuple[str, str, str]:
        """The sentence a lack about a value takes, what the value should be in words, and the
        kind asked: a datatype as the kind of value it holds (one of that kind in a form it does
        not have is not valid as one), a form by the words its shape gives (shp:Number's label),
        a number plainly for a `figure` written with its unit (the sentence then says how to
        write it; shp:ObservedNumber's words on ratings are for values that may be one: of an
        indicator measured otherwise, or with no way to tell, a value with a digit in it, an
        attempt at a number, is said to be none plainly), a `number` written as text as one."""
        kind_of = key.removeprefix("self.")
        own = key[:len(key) - len(kind_of)]
        if number and isinstance(lack.value, Literal) \
                and datatype_kind(lack.value.datatype) == "text":  # "35.2" in quotes (decision 23)
            return f"{own}number_as_text", "", ""
        if figure and kind_of in ("pattern", "or", "node"):
            return f"{own}not", self.kind(XSD.decimal), ""
        if kind_of == "datatype":
            asked = self.kind(lack.expected, "asked")
            if isinstance(lack.value, Literal) and lack.value.datatype == lack.expected:
                return (f"{own}ill_formed", self.kind(lack.expected, "well_formed"),
                        self.kind(lack.expected))
            return f"{own}not", asked, ""
        if kind_of in ("pattern", "or") and (form := self.label(lack.shape)) is not None:
            return f"{own}not", form, ""
        if key == "not_kind":  # a member of a kind its role does not take (4.1), by its label
            if (form := self.label(lack.expected)) is not None:
                if lack.path is None:
                    return "is_kind", form, ""  # a kind refused, by its own label (9.2.3)
                if (asked := self.label(lack.shape)) is not None:
                    # a value refused, and what the property takes instead, each by its shape's
                    # label (8.2.5: the body named as its own partner)
                    return "not_kind_asked", form, asked
                return "value_is_kind", form, ""  # a value of a kind refused (6.2 b): “used”)
            form = self.label(lack.shape)
            return (key, form, "") if form is not None else ("other", "", "")
        if kind_of == "in" and lack.allowed:  # the values allowed named: the one, or the list
            return f"{key}_one" if len(lack.allowed) == 1 else f"{key}_listed", "", ""
        if key == "node" and isinstance(lack.value, Literal):  # a value failing in several ways
            return "pattern", "", ""
        return key, "", ""


def _has_digit(value: Node | None) -> bool:
    """Whether a literal has a digit in it (full-width ones too): written as a number, not as a
    level of a rating scale."""
    return isinstance(value, Literal) and any(c.isdigit() for c in str(value))


def _number_asked(lack: Lack, key: str) -> bool:
    """Whether a lack asks for a number: a number's form (shp:Number, shp:ObservedNumber) or
    a datatype of numbers."""
    asked = key.removeprefix("self.")
    if asked in ("pattern", "or", "node"):
        return lack.shape in NUMBER_SHAPES
    return asked == "datatype" and datatype_kind(lack.expected) in ("number", "integer")
