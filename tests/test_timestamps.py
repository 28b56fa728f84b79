"""Times are written in one xsd:dateTime form: the embedded store's canonical one."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pyoxigraph
import pytest

from checker.timestamps import datetime_literal, xsd_datetime

XSD_DATETIME = pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")
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
