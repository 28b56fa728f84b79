"""pyshacl kept warm: its parsed shapes and their constraint components, built once and reused.

`pyshacl.validate` rebuilds every shape from the shapes graph on each call and, while validating,
rebuilds the constraint components of a nested shape (sh:node, sh:property,
sh:qualifiedValueShape) once per value node, looking each of its predicates up in a list of
constraint parameters and asking the shapes graph the same questions again: that set-up, not the
checks, is most of its time on bcic's shapes. It also writes a text report nobody here reads.
This module keeps what pyshacl builds (shapes, their targets and constraint components, the
shapes graph's answers), skips that text, and leaves every check, focus node, value node and
result to pyshacl's own classes. It leans on pyshacl internals (ShapesGraph's shape cache, the
steps of Shape.validate, the constraint parameter map), so pyproject.toml pins pyshacl to the
series this was checked against and tests/test_shacl_engine.py compares it with a plain call.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from contextvars import ContextVar

from pyshacl.constraints import CONSTRAINT_PARAMETERS_MAP
from pyshacl.constraints.core.logical_constraints import (
    AndConstraintComponent, NotConstraintComponent, OrConstraintComponent, XoneConstraintComponent)
from pyshacl.constraints.core.shape_based_constraints import QualifiedValueShapeConstraintComponent
from pyshacl.errors import ConstraintLoadWarning
from pyshacl.graph_abstraction import DataGraph
from pyshacl.pytypes import SHACLExecutor
from pyshacl.shape import Shape
from pyshacl.shapes_graph import ShapesGraph
from pyshacl.rdfutil.clone import clone_blank_node
from rdflib import BNode, Graph, IdentifiedNode, Literal
from rdflib.paths import Path
from rdflib.term import Node

_LOG = logging.getLogger(__name__)

Work = list[tuple[Shape, list[Node]]]

# The components that keep only whether a value node conforms to the shapes they name: pyshacl
# drops every result found beneath them (it logs them in debug mode only), so results made there
# need no messages, paths or triples.
_VERDICT_ONLY = (AndConstraintComponent, NotConstraintComponent, OrConstraintComponent,
                 XoneConstraintComponent, QualifiedValueShapeConstraintComponent)
_results_dropped: ContextVar[bool] = ContextVar("results_dropped", default=False)


class WarmShapesGraph(ShapesGraph):
    """pyshacl's ShapesGraph over a memoised copy of the shapes, with every shape built up front."""

    def __init__(self, shapes: Graph) -> None:
        super().__init__(_MemoGraph(shapes, ShapesGraph.system_triples))
        self._build_node_shape_cache()  # now, not during the first validation
        self.targeting: list[Shape] = [shape for shape in self.shapes
                                       if not shape.deactivated and any(shape.target())]

    def _build_node_shape_cache(self) -> None:
        super()._build_node_shape_cache()
        for node, shape in list(self._node_shape_cache.items()):
            self._node_shape_cache[node] = _WarmShape(
                self, node, p=shape.is_property_shape, path=shape.path(), logger=shape.logger)


def as_data_graph(data: Graph) -> DataGraph:
    """The wrapper pyshacl validates through, over `data` itself (no copy)."""
    return DataGraph.from_rdflib(data)


def focus_work(shapes: WarmShapesGraph, data: DataGraph) -> Work:
    """Every active shape with its focus nodes in `data` (shapes without any are left out)."""
    work = []
    for shape in shapes.targeting:
        focus = shape.focus_nodes(data)
        if focus:
            work.append((shape, list(focus)))
    return work


def run_work(shapes: WarmShapesGraph, data: DataGraph, work: Work) -> Graph:
    """Validate each shape's given focus nodes as pyshacl.validate would; its report graph."""
    executor = SHACLExecutor()  # pyshacl's defaults: no inference, no SHACL-AF, report all
    reports = []
    for shape, focus in work:
        _conforms, found = shape.validate(executor, data, focus=focus)
        reports.extend(found)
    return _report_graph(shapes, reports)


def _report_graph(shapes: WarmShapesGraph, reports: list) -> Graph:
    """The results as Validator.create_validation_report writes them, except that a focus or value
    node of the data is named, not copied with the triples below it: bcic reads only the node, and
    pyshacl's copy of an RDF list walks the list from its head for every item (a 4,000-item list
    took minutes). Blank nodes of the shapes graph (a result path) are copied as pyshacl does."""
    report = Graph(bind_namespaces="core")
    for prefix, namespace in shapes.graph.namespace_manager.namespaces():
        report.namespace_manager.bind(prefix, namespace)
    copied: dict[Node, Node] = {}
    for _text, _result, triples in reports:
        for subject, predicate, obj in triples:
            if isinstance(obj, tuple):
                source, node = obj
                if source is shapes.graph and isinstance(node, BNode):
                    if node not in copied:
                        copied[node] = clone_blank_node(source, node, report, keepid=True)
                    node = copied[node]
                obj = node
            report.add((subject, predicate, obj))
    return report


class _WarmShape(Shape):
    """A pyshacl Shape that builds its constraint components once, not once per value node."""

    __slots__ = ("_components", "_targets")

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._components: list | None = None
        self._targets = tuple(tuple(found) for found in super().target())

    def target(self) -> tuple:
        """The shape's target declarations, read from the shapes graph once."""
        return self._targets

    def validate(self, executor: SHACLExecutor, target_graph: object, focus: object = None,
                 _evaluation_path: list | None = None) -> tuple[bool, list]:
        """Shape.validate's steps for given focus nodes under plain options; pyshacl's otherwise."""
        if (focus is None or self.deactivated or not _plain(executor, self)
                or (_evaluation_path is not None
                    and len(_evaluation_path) // 2 >= executor.max_validation_depth)):
            return super().validate(executor, target_graph, focus, _evaluation_path)
        focus_list = [focus] if isinstance(focus, (IdentifiedNode, Literal)) else list(focus)
        if not focus_list:
            return True, []
        evaluation_path = [] if _evaluation_path is None else _evaluation_path
        focus_value_nodes = self.value_nodes(target_graph, focus_list)
        evaluation_path.append(self)
        dropped = _results_dropped.set(
            any(isinstance(step, _VERDICT_ONLY) for step in evaluation_path))
        try:
            conforms, reports = True, []
            for component in self._constraint_components():
                component_conforms, found = component.evaluate(
                    executor, target_graph, focus_value_nodes, [*evaluation_path, component])
                conforms = conforms and component_conforms
                reports.extend(found)
        finally:
            _results_dropped.reset(dropped)
        return conforms, reports

    def _constraint_components(self) -> list:
        if self._components is None:
            kinds: list[type] = []
            for predicate, _value in self.sg.predicate_objects(self.node):
                kind = CONSTRAINT_PARAMETERS_MAP.get(predicate)
                if kind is not None and kind not in kinds:
                    kinds.append(kind)
            components = []
            for kind in kinds:
                try:
                    components.append(_untold(kind)(self))
                except ConstraintLoadWarning as warning:  # pyshacl skips such a component too
                    _LOG.warning(repr(warning))
            self._components = components
        return self._components


@functools.cache
def _untold(kind: type) -> type:
    """`kind` (a pyshacl constraint component) without the text report pyshacl writes beside the
    report graph for every result, nested ones included (bcic never reads that text), and making
    only a placeholder for a result that a component above it will drop."""
    def make_v_result(self, *args: object, **kwargs: object) -> tuple:  # type: ignore[no-untyped-def]
        if _results_dropped.get():
            return "", None, []
        return kind.make_v_result(self, *args, **kwargs)

    return type(kind.__name__, (kind,), {"__slots__": (), "__module__": __name__,
                                         "make_v_result": make_v_result,
                                         "make_v_result_description": _no_description})


def _no_description(*_args: object, **_kwargs: object) -> str:
    return ""


def _plain(executor: SHACLExecutor, shape: Shape) -> bool:
    """Whether pyshacl would run `shape` with its default options and SHACL Core only."""
    return not (executor.debug or executor.advanced_mode or executor.sparql_mode
                or executor.abort_on_first or executor.allow_infos or executor.allow_warnings
                or executor.focus_nodes or shape.sg.js_enabled or shape.sg.custom_constraints)


class _MemoGraph(Graph):
    """A copy of a graph that remembers the answer to every triple pattern asked of it.

    pyshacl asks the shapes graph the same few thousand questions for every focus node. Only
    patterns made of terms that occur in the graph are remembered, so the memory stays bounded by
    the shapes however much data is validated. The copy is never changed after it is built.
    """

    def __init__(self, source: Graph, extra: Sequence[tuple[Node, Node, Node]]) -> None:
        super().__init__()
        for prefix, namespace in source.namespaces():
            self.bind(prefix, namespace, override=True)
        self += source
        for triple in extra:
            self.add(triple)
        self._terms = {term for triple in super().triples((None, None, None)) for term in triple}
        self._answers: dict[tuple, tuple] = {}

    def triples(self, triple):  # type: ignore[no-untyped-def,override]
        """Graph.triples, answered from memory after the first time."""
        if isinstance(triple[1], Path):
            return super().triples(triple)
        answer = self._answers.get(triple)
        if answer is None:
            if any(term is not None and term not in self._terms for term in triple):
                return iter(())
            answer = self._answers[triple] = tuple(super().triples(triple))
        return iter(answer)
