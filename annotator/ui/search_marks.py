"""The article search in the open text: its hits drawn over the text (``ui/text_marks.py``; a
phrase is one hit where its words stand in a row), and Enter in the search field puts the cursor
on the next hit, with the keys back in the text: the first Enter on the first hit at or after
the cursor (a hit at the text's very start included), each further one on the hit after."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLineEdit

from annotator.store.articles import search_hits


class SearchMarks(QObject):
    """Follows the search field and the open article (the workbench's)."""

    def __init__(self, field: QLineEdit, workbench) -> None:
        super().__init__(field)
        self.field, self.wb, self.editor = field, workbench, workbench.editor
        self._shown: tuple | None = None
        self._landed: int | None = None  # where the last Enter put the cursor (document)
        field.textChanged.connect(lambda _text: self.refresh())
        field.returnPressed.connect(self.to_next)
        workbench.article_loaded.connect(lambda _state: self.refresh())

    def refresh(self) -> None:
        """Find the hits again when the search or the text shown changed (not on an edit)."""
        state, words = self.wb.state, self.field.text()
        shown = None if state is None else (state.article.id, words, self.editor.positions)
        if shown != self._shown:
            self._shown, self._landed = shown, None
            self.editor.set_search_hits(search_hits(state.text, words) if state else [])

    def to_next(self) -> None:
        """The cursor to the next hit after it, and the focus to the text."""
        pos = self.editor.textCursor().position()
        hit = self.editor.hits.next_from(pos, past=pos == self._landed)
        if hit is not None:
            self._landed = hit[0]
            cp = self.editor.to_codepoint(hit[0])
            self.editor.select_cp(cp, cp)
        self.editor.setFocus()
