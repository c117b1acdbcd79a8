"""Entity and claim suggestions for new or stored articles, stored a batch at a time.

The import (app/importing.py) passes its new articles through a ``Stage`` per model;
``suggest_entities_for`` runs the entity model over stored articles (the window's Suggest,
app/jobs.py). With many articles the models run in worker processes on every core
(nlp/suggester.py); spaCy is imported only once a model is needed. The progress lines are in
the interface's language (QtCore's translate: English on the command line).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from annotator.app.zone_pass import ensure_zones
from annotator.app.zones import zones_of
from annotator.core.model import Layer, ModelInfo, Span
from annotator.core.names import CLAIMS_MODEL_SETTING, MODEL_SETTING
from annotator.core.zones import outside_skipped
from annotator.nlp.suggester import CLAIMS, ENTITIES, Pipeline, Suggester, SuggestError
from annotator.store import Project

Progress = Callable[[int, str], None]  # (articles done so far, what was just done)
Cancelled = Callable[[], bool]
Say = Callable[[str], None]
translate = QCoreApplication.translate  # lupdate collects translate("Suggesting", …)
Texts = Iterator[tuple[int, str]]  # (article id, text) of articles, as they come


def _never() -> bool:
    return False


def _quiet(message: str) -> None:
    pass


class Stage:
    """One model's suggestions for the articles of a run: the model, how many it stored, or
    why it could not be used."""

    def __init__(self, suggester: Suggester, say: Say = _quiet) -> None:
        self.suggester = suggester
        self.kind = suggester.pipeline.kind
        self.say = say
        self.model: ModelInfo | None = None
        self.stored = 0
        self.error: str | None = None

    def run(self, project: Project, articles: Texts, cancelled: Cancelled = _never) -> Texts:
        """The articles, each passed on once its suggestions are stored; the model loads when
        the first article comes. A model that cannot be used, or a worker that fails, is
        noted in ``error``, and the articles go on without suggestions."""
        from annotator.nlp.resolve import ModelError

        taken: deque[tuple[int, str]] = deque()  # read, not yet passed on

        def feed() -> Iterator[tuple[tuple[int, str], str]]:
            for n, article in enumerate(articles):
                if n == 0:
                    self.say(self._loading())
                taken.append(article)
                yield article, article[1]

        try:
            for article, stored in self._stored(project, feed(), cancelled):
                taken.popleft()
                self.stored += stored
                self.say(found_line(article[0], stored, self.kind))
                yield article
        except (ModelError, SuggestError) as exc:
            self.error = str(exc)
            yield from taken
            yield from articles

    def _stored(self, project: Project, items: Iterable[tuple[tuple[int, str], str]],
                cancelled: Cancelled) -> Iterator[tuple[tuple[int, str], int]]:
        """(article, suggestions stored) for each article, a batch written at once (one
        short transaction), none in a skipped zone (a teaser, navigation, a credit …)."""
        layer = Layer.CLAIM if self.kind == CLAIMS else Layer.ENTITY
        labels: set[str] = set()
        for batch in self.suggester.batches(items, cancelled):
            info = self.model = self.suggester.info
            assert info is not None
            kept = [(article_id, outside_skipped(spans, len(text), zones_of(project, article_id)))
                    for (article_id, text), spans in batch]
            counts = project.replace_suggestions_batch(info, kept, layer)
            for _article_id, spans in kept:
                labels |= _new_labels(project, layer, spans, labels)
            yield from zip((article for article, _spans in batch), counts, strict=True)

    def _loading(self) -> str:
        name = self.suggester.pipeline.name
        if self.kind == CLAIMS:
            text = (translate("Suggesting", "Loading the claims model {name}…") if name
                    else translate("Suggesting", "Loading the claims model…"))
        else:
            text = (translate("Suggesting", "Loading the entity model {name}…") if name
                    else translate("Suggesting", "Loading the entity model…"))
        return text.format(name=Path(name).name if name else "")


def found_line(article_id: int, n: int, kind: str) -> str:
    """A progress line: what the model suggested in an article, e.g. "article 3: 2 entities"."""
    if kind == CLAIMS:
        text = (translate("Suggesting", "article {id}: 1 claim") if n == 1
                else translate("Suggesting", "article {id}: {n} claims"))
    else:
        text = (translate("Suggesting", "article {id}: 1 entity") if n == 1
                else translate("Suggesting", "article {id}: {n} entities"))
    return text.format(id=article_id, n=n)


def _new_labels(project: Project, layer: Layer, spans: list[Span], known: set[str]) -> set[str]:
    """Entity labels the project gets to know (for the label list), those not known yet."""
    new = {s.label for s in spans} - known if layer is Layer.ENTITY else set()
    for label in new:
        project.ensure_label(Layer.ENTITY, label)
    return new


def stages(project: Project, model: str | None, say: Say = _quiet, *,
           workers: int | None = None) -> list[Stage]:
    """The stages of an import: the entity model (``model``, else the project's, else the
    best installed or bundled one), then the project's claims model if it has one."""
    found = [Stage(entity_suggester(project, model, workers=workers), say)]
    claims = project.setting(CLAIMS_MODEL_SETTING)
    if claims:
        found.append(Stage(Suggester(Pipeline(CLAIMS, claims), workers=workers), say))
    return found


def entity_suggester(project: Project, model: str | None, *, workers: int | None = None
                     ) -> Suggester:
    """The named pipeline, else the project's, else the best installed or bundled one; not
    loaded yet (``workers``: processes, default one per core)."""
    return Suggester(Pipeline(ENTITIES, model or project.setting(MODEL_SETTING)),
                     workers=workers)


def load_model(project: Project, model_name: str | None, say: Say = _quiet, *,
               workers: int | None = None) -> Suggester:
    """entity_suggester, loaded here (to know its ModelInfo); raises ModelError."""
    suggester = entity_suggester(project, model_name, workers=workers)
    say(Stage(suggester)._loading())
    suggester.load()
    return suggester


def suggest_entities_for(
    project: Project,
    article_ids: list[int],
    suggester: Suggester,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled = _never,
) -> int:
    """Run the entity model over stored articles and store its entities, a batch per
    transaction (the articles' zones first, should they still be pending: the model skips
    page furniture); raises ModelError or SuggestError when the model cannot be used."""
    ensure_zones(project, article_ids)
    stage = Stage(suggester)
    before = stage.stored
    for n, (article_id, _text) in enumerate(
            stage.run(project, _texts(project, article_ids, cancelled), cancelled), start=1):
        if stage.error:
            raise SuggestError(stage.error)
        if progress:
            progress(n, found_line(article_id, stage.stored - before, ENTITIES))
        before = stage.stored
    if stage.error:
        raise SuggestError(stage.error)
    return stage.stored


def _texts(project: Project, article_ids: list[int], cancelled: Cancelled) -> Texts:
    for article_id in article_ids:
        if cancelled():
            return
        yield article_id, project.article(article_id).text
