"""Times are written in one xsd:dateTime form: the embedded store's canonical one, in documents
and in every store's query answers."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pyoxigraph
import pytest
from rdflib import Literal, URIRef

from checker.timestamps import answered, datetime_literal, xsd_datetime

XSD_DATETIME = pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")
# As text: pytest trips over rdflib's XSD namespace when a test module imports it.
DATETIME, DATE = (URIRef(f"http://www.w3.org/2001/XMLSchema#{n}") for n in ("dateTime", "date"))
UTC = timezone.utc


@pytest.mark.parametrize(("moment", "text"), [
    (datetime(2026, 11, 28, 20, 11, 59, 841260, tzinfo=UTC), "2026-11-28T20:11:59.84126Z"),
    (datetime(2026, 11, 28, 20, 11, 59, tzinfo=UTC), "2026-11-28T20:11:59Z"),
    (datetime(2026, 11, 28, 20, 11, 59, 500000, tzinfo=UTC), "2026-11-28T20:11:59.5Z"),
    (datetime(2026, 11, 29, 4, 11, 59, tzinfo=timezone(timedelta(hours=8))),
     "2026-11-28T20:11:59Z"),
])
def test_a_moment_is_written_in_utc_with_z_and_no_trailing_zeros(moment: datetime,
                                                                  text: str) -> None:
    assert xsd_datetime(moment) == text


@pytest.mark.parametrize("microsecond", [0, 1, 10, 841260, 999999])
def test_the_embedded_store_gives_the_text_back_unchanged(microsecond: int) -> None:
    moment = datetime(2026, 1, 2, 3, 4, 5, microsecond, tzinfo=UTC)
    store = pyoxigraph.Store()
    node = pyoxigraph.NamedNode("urn:x:revision")
    store.add(pyoxigraph.Quad(node, node, pyoxigraph.Literal(xsd_datetime(moment),
                                                            datatype=XSD_DATETIME)))
    (quad,) = store
    assert quad.object.value == xsd_datetime(moment)
    assert datetime_literal(moment).toPython() == moment


@pytest.mark.parametrize(("text", "answer"), [
    ("2026-11-29T10:18:05.798662Z", "2026-11-29T10:18:05.798662Z"),  # rdflib: +00:00
    ("2024-05-01T09:30:15.500Z", "2024-05-01T09:30:15.5Z"),  # as Virtuoso keeps it
    ("2024-05-01T09:30:15.000+00:00", "2024-05-01T09:30:15Z"),
    ("2024-05-01T09:30:15+08:00", "2024-05-01T09:30:15+08:00"),  # its own time zone kept
    ("2024-05-01T09:30:15.25-05:30", "2024-05-01T09:30:15.25-05:30"),
    ("2024-05-01T09:30:15", "2024-05-01T09:30:15"),  # none stated, none added
    ("0050-01-01T00:00:00Z", "0050-01-01T00:00:00Z"),
])
def test_a_time_in_an_answer_reads_as_the_embedded_store_writes_it(text: str,
                                                                   answer: str) -> None:
    answered_term = answered(Literal(text, datatype=DATETIME))
    assert str(answered_term) == answer
    assert answered_term == Literal(answer, datatype=DATETIME, normalize=False)
    store = pyoxigraph.Store()
    node = pyoxigraph.NamedNode("urn:x:revision")
    store.add(pyoxigraph.Quad(node, node, pyoxigraph.Literal(text, datatype=XSD_DATETIME)))
    (quad,) = store
    assert quad.object.value == answer


@pytest.mark.parametrize("term", [Literal("2024-05-01", datatype=DATE), Literal("0.50"),
                                  Literal("not a time", datatype=DATETIME),
                                  URIRef("urn:x:revision")])
def test_an_answer_keeps_every_other_term_as_it_is(term: Literal | URIRef) -> None:
    assert answered(term) is term
