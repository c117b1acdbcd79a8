"""The claim at the cursor: its attributes, its attribution, and the same point elsewhere."""

from __future__ import annotations

from typing import Any

from msgspec import Struct
from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import CHECKWORTHY, CLAIM_KINDS, QUOTE_TYPES, VERDICTS, Annotation, Link
from annotator.core.values import ClaimValue
from annotator.ui.fitted_list import FittedList
from annotator.ui.i18n import keys_text, value_text
from annotator.ui.keymap import CLAIM_FORM
from annotator.ui.keys import bind, bind_each, check_bound
from annotator.ui.plain import escape, heading_label, rich_label, tooltip
from annotator.ui.value_list import ValueList
from annotator.ui.window_layout import frame_focus

Index = QModelIndex | QPersistentModelIndex


class CandidateRow(Struct, frozen=True):
    """A claim or sentence of another article that may speak about the same point."""

    annotation_id: int | None
    article_id: int
    text: str
    outlet: str
    score: float
    shared: tuple[str, ...]
    kind: str = "claim"  # or "sentence": grouping it marks it as a claim first
    start: int = 0
    end: int = 0
    sentence_id: int | None = None
    parts: tuple[tuple[str, float], ...] = ()
    method: str = "tfidf"
    snippet: str = ""  # the text around the value it differs in (app/claim_values.py)


class CandidateModel(QAbstractListModel):
    """The ranked candidates, best first, numbered for the keyboard."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[CandidateRow] = []

    def set_rows(self, rows: list[CandidateRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def remove(self, row: CandidateRow) -> None:
        """Drop one candidate (rejected), keeping the others' order."""
        if row in self.rows:
            i = self.rows.index(row)
            self.beginRemoveRows(QModelIndex(), i, i)
            del self.rows[i]
            self.endRemoveRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            shared = f" · shares: {', '.join(row.shared[:5])}" if row.shared else ""
            kind = "" if row.kind == "claim" else " (sentence)"
            text = row.snippet or row.text[:110] + ("…" if len(row.text) > 110 else "")
            return f"{index.row() + 1}. [{row.score:.2f}] {row.outlet}{kind}: {text}{shared}"
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = ", ".join(f"{k} {v:.3f}" for k, v in row.parts)
            return tooltip(f"{row.method}: {row.score:.3f} ({parts})\n{row.text}")
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None


# The form's parts, made when first needed (``ClaimPanel.make``).
FORM_PARTS = frozenset({"kind", "checkworthy", "verdict", "evidence", "comment", "source", "cue",
                        "quote_type", "values", "suggestion", "heading", "method",
                        "candidate_view", "groups"})


class ClaimPanel(QWidget):
    """Edits go out as signals; the workbench turns them into undoable session commands.

    The form (some twenty widgets: a twentieth of the window's start) is made after the text
    first paints (the main window's ``claim_form``, ui/later.py), or sooner when first needed:
    the cursor in a claim, a ranking, a key into it, any of ``FORM_PARTS`` asked for. Until
    then one line says that no claim is at the cursor."""

    attrs_edited = Signal(object, dict)  # the claim Annotation, its new attrs
    link_edited = Signal(object, dict)  # the attribution Link, its new attrs
    candidate_chosen = Signal(object)  # a CandidateRow to put in the claim's group
    candidate_rejected = Signal(object)  # a CandidateRow that is not about the same point
    value_edited = Signal(object, str)  # the value's row (None: a new one), the typed text
    value_deleted = Signal(int)  # the value's row

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.claim: Annotation | None = None
        self.link: Link | None = None
        self.made = False
        self.method_text = "<small>" + self.tr("Matching: indexing sentences…") + "</small>"
        self.candidates = CandidateModel(self)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.none_here = heading_label(self, self.tr("No claim at the cursor ({keys} marks "
                                                     "one)").format(keys=keys_text("claim.mark")),
                                       bold=False)  # until the form is made
        self.none_here.setObjectName("noClaimHere")
        self.none_here.setWordWrap(True)
        self.layout_.addWidget(self.none_here)

    def __getattr__(self, name: str) -> Any:
        if name in FORM_PARTS and not self.__dict__.get("made", True):
            self.make()
            return getattr(self, name)
        raise AttributeError(name)

    def make(self) -> None:
        """Make the form now, unless it is made: the form, the values, the attribution
        suggested and the same point elsewhere, in a box of their own shown at once (a child
        added to a shown widget would show a turn of the event loop later, too late for the key
        that asked for it)."""
        if self.made:
            return
        self.made = True
        box = QWidget(self)
        form = self._make_form(box)
        self.suggestion = rich_label(box)  # markup from ClaimActions, user text escaped
        self.suggestion.setObjectName("attributionSuggestion")
        self.suggestion.setWordWrap(True)
        self.candidate_view = FittedList(box)  # all five in view, to choose by number
        self.candidate_view.setObjectName("candidates")
        self.candidate_view.setModel(self.candidates)
        self.candidate_view.activated.connect(
            lambda index: self.candidate_chosen.emit(index.data(Qt.ItemDataRole.UserRole)))
        bind_each(self.candidate_view, "candidate.choose", self._choose)
        bind(self.candidate_view, "candidate.reject", self._reject_current)
        self.groups = rich_label(box)  # markup from ClaimActions, user text escaped
        self.groups.setObjectName("claimGroups")
        self.groups.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        self.values = ValueList(box)
        self.values.value_edited.connect(self.value_edited)
        self.values.value_deleted.connect(self.value_deleted)
        layout.addWidget(self.values)
        layout.addWidget(self.suggestion)
        self.heading = heading = QLabel(
            self.tr("<b>Same point elsewhere</b> <small>({rank} ranks, {choose} adds, {reject} "
                    "rejects)</small>").format(rank=keys_text("claim.rank"),
                                               choose=keys_text("candidate.choose"),
                                               reject=keys_text("candidate.reject")), box)
        heading.setWordWrap(True)  # or its width would be the side panel's least
        layout.addWidget(heading)
        self.method = rich_label(box, self.method_text)
        self.method.setObjectName("matchingMethod")
        self.method.setWordWrap(True)
        layout.addWidget(self.method)
        layout.addWidget(self.candidate_view)
        layout.addWidget(self.groups)
        check_bound(self, CLAIM_FORM)
        self._fill(None, None, "", "")
        self.none_here.hide()
        self.layout_.addWidget(box)
        frame_focus(box)  # its lists framed as the window's other views
        box.show()

    def _make_form(self, box: QWidget) -> QFormLayout:
        """The claim's attributes and its attribution's, one row each."""
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        self.kind = self._combo(box, "claimKind", CLAIM_KINDS)
        self.checkworthy = self._combo(box, "checkworthy", CHECKWORTHY)
        self.verdict = self._combo(box, "verdict", VERDICTS)
        self.evidence = self._line(box, "evidence", self.tr("evidence for the verdict"))
        self.comment = self._line(box, "comment", self.tr("free comment"))
        self.source = rich_label(box)
        self.source.setObjectName("claimSource")
        self.source.setWordWrap(True)
        self.cue = self._line(box, "cue", "sagte, laut, zufolge …")  # German cues, any language
        self.quote_type = self._combo(box, "quoteType", QUOTE_TYPES)
        for label, widget in ((self.tr("Kind"), self.kind),
                              (self.tr("Check-worthy"), self.checkworthy),
                              (self.tr("Verdict"), self.verdict),
                              (self.tr("Evidence"), self.evidence),
                              (self.tr("Comment"), self.comment), (self.tr("Source"), self.source),
                              (self.tr("Cue"), self.cue), (self.tr("Quotation"), self.quote_type)):
            form.addRow(label, widget)
        return form

    def _combo(self, box: QWidget, name: str, values: tuple[str, ...]) -> QComboBox:
        combo = QComboBox(box)
        combo.setObjectName(name)
        combo.addItem("—", "")
        for value in values:
            combo.addItem(value_text(value), value)
        combo.activated.connect(lambda _i: self._edited())
        return combo

    def _line(self, box: QWidget, name: str, placeholder: str) -> QLineEdit:
        line = QLineEdit(box)
        line.setObjectName(name)
        line.setPlaceholderText(placeholder)
        line.editingFinished.connect(self._edited)
        return line

    def show_claim(self, claim: Annotation | None, link: Link | None, source: str,
                   suggestion: str, groups: str = "", values: list[ClaimValue] | None = None,
                   stored: bool = False) -> None:
        """Fill the form from a claim (or empty it when the cursor is in none), with its values
        (stored, or those its text states)."""
        if claim is None and not self.made:
            return  # nothing to show: the form is made with the first claim, or soon after
        self.make()  # the start (ui/later.py)
        self._fill(claim, link, source, suggestion, groups, values, stored)

    def _fill(self, claim: Annotation | None, link: Link | None, source: str, suggestion: str,
              groups: str = "", values: list[ClaimValue] | None = None,
              stored: bool = False) -> None:
        self.claim, self.link = None, None  # no edits go out while filling
        attrs = claim.attrs if claim else {}
        for combo, key in ((self.kind, "kind"), (self.checkworthy, "checkworthy"),
                           (self.verdict, "verdict")):
            combo.setCurrentIndex(max(0, combo.findData(attrs.get(key, ""))))
        self.evidence.setText(attrs.get("evidence", ""))
        self.comment.setText(attrs.get("comment", ""))
        link_attrs = link.attrs if link else {}
        self.cue.setText(link_attrs.get("cue", ""))
        self.quote_type.setCurrentIndex(max(0, self.quote_type.findData(
            link_attrs.get("quote_type", ""))))
        self.source.setText(escape(source) if source
                            else "<i>" + self.tr("none yet ({keys} links one)").format(
                                keys=keys_text("claim.link")) + "</i>")
        self.suggestion.setText(suggestion)
        self.groups.setText(groups)
        self.values.show_values(values or [] if claim is not None else None, stored)
        for widget in (self.kind, self.checkworthy, self.verdict, self.evidence, self.comment):
            widget.setEnabled(claim is not None)
        for widget in (self.cue, self.quote_type):
            widget.setEnabled(link is not None)
        self.claim, self.link = claim, link

    def cancel_value_edit(self) -> bool:
        """End an edit of a value (Esc); False when none was going on."""
        return self.made and self.values.cancel_edit()

    def _edited(self) -> None:
        if self.claim is not None:
            attrs = dict(self.claim.attrs)
            for key, value in (("kind", self.kind.currentData()),
                               ("checkworthy", self.checkworthy.currentData()),
                               ("verdict", self.verdict.currentData()),
                               ("evidence", self.evidence.text().strip()),
                               ("comment", self.comment.text().strip())):
                if value:
                    attrs[key] = value
                else:
                    attrs.pop(key, None)
            if attrs != self.claim.attrs:
                self.attrs_edited.emit(self.claim, attrs)
        if self.link is not None:
            link_attrs = dict(self.link.attrs)
            for key, value in (("cue", self.cue.text().strip()),
                               ("quote_type", self.quote_type.currentData())):
                if value:
                    link_attrs[key] = value
                else:
                    link_attrs.pop(key, None)
            if link_attrs != self.link.attrs:
                self.link_edited.emit(self.link, link_attrs)

    def _choose(self, row: int) -> None:
        if row < len(self.candidates.rows):
            self.candidate_chosen.emit(self.candidates.rows[row])

    def _reject_current(self) -> None:
        current = self.candidate_view.currentIndex()
        if current.isValid():
            row = current.data(Qt.ItemDataRole.UserRole)
            self.candidates.remove(row)
            self.candidate_rejected.emit(row)
            if self.candidates.rows:
                self.candidate_view.setCurrentIndex(self.candidates.index(
                    min(current.row(), len(self.candidates.rows) - 1)))

    def set_method(self, text: str) -> None:
        """Say which matcher ranks the candidates (and whether the others are available)."""
        self.set_method_html(f"<small>{escape(text)}</small>")

    def set_method_html(self, html: str) -> None:
        """The same, said in markup already (a window in another language takes it over)."""
        self.method_text = html
        if self.made:
            self.method.setText(html)

    def focus_form(self) -> None:
        """Keyboard entry into the form (E in the text)."""
        self.kind.setFocus()

    def focus_candidates(self) -> None:
        """Keyboard entry into the ranked candidates (G in the text)."""
        self.candidate_view.setFocus()
        if self.candidates.rows:
            self.candidate_view.setCurrentIndex(self.candidates.index(0))
