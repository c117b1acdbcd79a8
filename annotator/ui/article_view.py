"""The article pane: header (title and details), label legend, and the span editor with
tooltips."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QFont, QHelpEvent
from PySide6.QtWidgets import QLabel, QToolTip, QVBoxLayout, QWidget

from annotator.app.article_state import ArticleState
from annotator.core.colors import DEFAULT_LABEL_COLOR
from annotator.core.model import Annotation, Article, Label, Layer, Suggestion
from annotator.core.names import ATTRIBUTED_TO
from annotator.ui import theme
from annotator.ui.highlighter import Highlight
from annotator.ui.i18n import keys_text, layer_text
from annotator.ui.plain import escape
from annotator.ui.span_editor import SpanEditor


def highlights_of(state: ArticleState) -> list[Highlight]:
    """Every open suggestion and annotation of an article, as highlights; of the zones only
    those in force (a person's over the rules')."""
    items: list[Annotation | Suggestion] = [*state.suggestions, *state.annotations]
    return ([highlight(i) for i in items if i.layer is not Layer.STRUCTURE]
            + [highlight(z) for z in state.zones])


def links_of(state: ArticleState, colors: dict[tuple[Layer, str], str]
             ) -> list[tuple[tuple[int, int], tuple[int, int], str]]:
    """Each claim → source link as (claim, source, the claim's colour), in code points."""
    spans = {a.id: a for a in state.annotations}
    found = []
    for link in state.links:
        claim, source = spans.get(link.from_id), spans.get(link.to_id)
        if link.kind == ATTRIBUTED_TO and claim is not None and source is not None:
            found.append(((claim.start, claim.end), (source.start, source.end),
                          colors.get((claim.layer, claim.label)) or theme.ink(DEFAULT_LABEL_COLOR)))
    return found


def highlight(item: Annotation | Suggestion) -> Highlight:
    """A suggestion or an annotation as it is drawn."""
    if isinstance(item, Suggestion):
        return Highlight(item.start, item.end, item.label, item.layer,
                         QCoreApplication.translate("ArticleView", "model {name} {version}")
                         .format(name=item.model, version=item.model_version), suggested=True,
                         key=("suggestion", item.id))
    return Highlight(item.start, item.end, item.label, item.layer, origin_of(item),
                     key=("annotation", item.id))


def origin_of(a: Annotation) -> str:
    """Who made a span and when; an accepted suggestion says so."""
    how = QCoreApplication.translate("ArticleView", " (accepted suggestion)") \
        if a.suggestion_id else ""
    return f"{a.annotator} · {a.updated_at.replace('T', ' ')[:16]}{how}"


class ArticleView(QWidget):
    """Shows one article; the text is read-only, highlights come from the store."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QLabel(self)
        self.header.setObjectName("articleHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.legend = QLabel(self)
        self.legend.setObjectName("legend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)  # or the pane could never be narrower than the legend
        self.text = SpanEditor(self)
        self.text.setPlaceholderText(self.tr(  # shown while no article is open
            "No article open. {files} imports files (text, HTML, JSONL, CoNLL, brat, …), "
            "{folder} a folder; files and folders dropped onto the window are imported too. "
            "{open} opens another project.").format(
                files=keys_text("project.import"), folder=keys_text("project.import_folder"),
                open=keys_text("project.open")))
        font = QFont(self.text.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.text.setFont(font)
        self.highlighter = self.text.highlighter
        self.text.viewport().installEventFilter(self)
        self.article_id: int | None = None
        self._shown: tuple[ArticleState, list[Label]] | None = None  # drawn again on a switch
        theme.notifier.changed.connect(self._retheme)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.header)
        layout.addWidget(self.legend)
        layout.addWidget(self.text, 1)

    def show_state(self, state: ArticleState, labels: list[Label]) -> None:
        """Display an article; when it is already shown, only changed blocks repaint."""
        art = state.article
        same = art.id == self.article_id
        if (html := header_html(art)) != self.header.text():
            self.header.setText(html)
        if not same:
            self.text.show_text(art.text)
            self.article_id = art.id
        self.text.show_zone_column(bool(state.zones))
        colors = theme.label_colors(labels)
        self.highlighter.set_highlights(highlights_of(state), colors, same_text=same)
        self.text.set_links(links_of(state, colors))
        self.legend.setText(legend_html(labels))
        self._shown = (state, labels)

    def _retheme(self) -> None:
        """Another theme: every colour drawn again, the highlights of every block too."""
        if self._shown is None:
            return
        state, labels = self._shown
        colors = theme.label_colors(labels)
        self.header.setText(header_html(state.article))
        self.highlighter.set_highlights(highlights_of(state), colors)
        self.text.set_links(links_of(state, colors))
        self.legend.setText(legend_html(labels))
        self.text.set_current(self.text.current, zone=self.text.current_zone is not None)

    def tooltip_at(self, point: QPoint) -> str:
        """The tooltip for a point in the text's viewport: the spans there ("" for none)."""
        cp = self.text.to_codepoint(self.text.cursorForPosition(point).position())
        found = self.highlighter.highlights_at(cp)
        return tooltip_html(found) if found else ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text.viewport() and event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            tip = self.tooltip_at(event.pos())
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.text)
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)


def header_html(art: Article) -> str:
    """The title, then outlet, author, date and URL (``M`` edits them)."""
    details = " · ".join(escape(x) for x in (art.outlet, art.author, art.published, art.url,
                                             art.meta.get("agency")) if x)
    muted, secondary = theme.role("muted"), theme.role("secondary")
    word = QCoreApplication.translate("ArticleView", "details")
    hint = f"<span style='color:{muted}'>[{escape(keys_text('article.meta'))}] {word}</span>"
    return (f"<b style='font-size:13pt'>{escape(art.title)}</b><br>"
            f"<span style='color:{secondary}'>{details}</span>{' · ' if details else ''}{hint}")


def legend_html(labels: list[Label]) -> str:
    """Coloured chips, one per label, with its key; claims underlined, sources boxed; zones
    (grey text, named in the margin) by their key."""
    chips = []
    for lab in labels:
        if lab.layer is Layer.STRUCTURE:
            continue
        key = f" <small>[{escape(lab.shortcut)}]</small>" if lab.shortcut else ""
        if lab.layer is Layer.ENTITY:
            style = f"background:{theme.background(lab.color)}; color:{theme.role('text')}"
        elif lab.layer is Layer.CLAIM:
            style = f"border-bottom:2px solid {theme.ink(lab.color)}; text-decoration:underline"
        else:
            style = f"color:{theme.ink(lab.color)}; font-weight:bold"
        chips.append(f"<span style='{style}'>&nbsp;{escape(lab.name)}&nbsp;</span>{key}")
    zones = QCoreApplication.translate("ArticleView", "zones")
    chips.append(f"<span style='color:{theme.role('zone_kept')}'>&nbsp;{zones}&nbsp;</span>"
                 f"<small>[{escape(keys_text('zone.set').lower())}]</small>")
    return "&nbsp;&nbsp;".join(chips)


def tooltip_html(highlights: list[Highlight]) -> str:
    """Label, layer and origin of every span under the mouse."""
    suggested = QCoreApplication.translate("ArticleView", " (suggestion)")
    rows = [
        f"<b>{escape(h.label)}</b> · {layer_text(h.layer.value)}"
        f"{suggested if h.suggested else ''}<br><small>{escape(h.origin)}</small>"
        for h in highlights
    ]
    return "<hr>".join(rows)
