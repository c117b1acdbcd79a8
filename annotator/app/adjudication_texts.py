"""What adjudication says, in the interface's language: its messages (context
``Adjudication``), its undo step names (``UndoStep``) and its names of spans
(``AdjudicationData``). Each sentence is one text with named placeholders: whose version gold
takes (an annotator's, none, a value chosen by hand) picks the text, it is not a word put in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.core.model import Layer

translate = QCoreApplication.translate  # lupdate collects translate("Adjudication", …)
SOURCE = "canonical source"  # a source mention's entry in the registry, adjudicated as a field


def field_name(name: str) -> str:
    """An attribute's name as shown: as stored (``kind``, ``verdict``: data), but the
    canonical source, which is no attribute, in words."""
    return translate("AdjudicationData", "canonical source") if name == SOURCE else name


def layer_name(layer: Layer) -> str:
    """A layer's name as the interface shows it (marked in ui/i18n.py, context ``Layer``)."""
    return translate("Layer", layer.value)


def nothing() -> str:
    """What an annotator without spans at a disagreement has."""
    return translate("AdjudicationData", "nothing")


def span_name(label: str, start: int, end: int) -> str:
    """A span named by its label and place, e.g. "CLAIM span at 4–30"."""
    return translate("AdjudicationData", "{label} span at {start}–{end}").format(
        label=label, start=start, end=end)


def spans_taken(annotator: str | None, layer: Layer, start: int, end: int) -> tuple[str, str]:
    """Gold takes an annotator's spans of a disagreement (None: none of them): what it says
    when gold has them already, and the undo step's name."""
    if annotator is None:
        already = translate("Adjudication", "Gold has no spans there already")
        step = translate("UndoStep", "Gold: no {layer} at {start}–{end}")
    else:
        already = translate("Adjudication", "Gold has {annotator}'s spans there already")
        step = translate("UndoStep", "Gold: {annotator}'s {layer} at {start}–{end}")
    fill = {"annotator": annotator, "layer": layer_name(layer), "start": start, "end": end}
    return already.format(**fill), step.format(**fill)


def value_taken(name: str, span: str, *, annotator: str | None = None,
                value: str | None = None) -> tuple[str, str]:
    """Gold's attribute, links or group ``name`` of ``span`` become an annotator's (or, with
    ``value``, a value chosen by hand; with neither, none): what it says when gold has that
    already, and the undo step's name."""
    if value is not None:
        already = translate("Adjudication", "Gold has {name} {value} there already")
        step = translate("UndoStep", "Gold: {name} {value} of {span}")
    elif annotator is not None:
        already = translate("Adjudication", "Gold has {annotator}'s {name} there already")
        step = translate("UndoStep", "Gold: {annotator}'s {name} of {span}")
    else:
        already = translate("Adjudication", "Gold has no {name} there already")
        step = translate("UndoStep", "Gold: no {name} of {span}")
    fill = {"name": name, "span": span, "annotator": annotator, "value": value}
    return already.format(**fill), step.format(**fill)


def span_gone(span: str) -> str:
    return translate("Adjudication", "Gold has no {span} any more: take it first").format(
        span=span)


def link_end_missing(label: str, said: str) -> str:
    return translate("Adjudication", "Gold has no {label} „{said}“ for the link: take that "
                     "span first").format(label=label, said=said)


def pre_accept_spans() -> str:
    return translate("UndoStep", "Pre-accept the agreed spans")


def pre_accept_links() -> str:
    return translate("UndoStep", "Pre-accept the agreed links")


def take_spans() -> str:
    return translate("UndoStep", "Take spans")


def take_links() -> str:
    return translate("UndoStep", "Take links")


def bring_links() -> str:
    return translate("UndoStep", "Bring their links")


def set_field(name: str) -> str:
    return translate("UndoStep", "Set {name}").format(name=name)


def set_group() -> str:
    return translate("UndoStep", "Set the claim's group")


def gold_done() -> str:
    return translate("UndoStep", "Mark gold done")


def gold_started(n: int) -> str:
    return (translate("UndoStep", "Start gold: 1 agreed span") if n == 1
            else translate("UndoStep", "Start gold: {n} agreed spans")).format(n=n)
