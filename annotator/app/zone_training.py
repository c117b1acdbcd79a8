"""Learned zones in a project: train the line classifier (``nlp/zone_model.py``) on the zones
people reviewed, keep it beside the project, and add its zones to the rules' at import, stored
under a model record of their own (``LEARNED``, version: the model file's hash).

An article counts as **reviewed** when its status is done (a person finished it: its zones as
they stand, a person's and the rule suggestions left open, are taken as right) or when a person
set or decided on one of its zones (a structure annotation, also one that came with an imported
file of ours, or an accepted or rejected structure suggestion). Its zones are then
``app/zones.zones_of``: a person's, and the open suggestions where no person's zone lies; a
rejected suggestion leaves its line body. Other articles never count.

Plain Python, no Qt.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from msgspec import Struct

from annotator.app.zones import LEARNED, zones_of
from annotator.core.model import Layer, ModelInfo, Span, Status
from annotator.core.names import ZONES_MODEL_SETTING
from annotator.nlp.zone_eval import LABELS, Report
from annotator.nlp.zone_model import (
    Example,
    ModelFileError,
    ZoneModel,
    combine,
    cross_validate,
    train,
)
from annotator.store import Project

log = logging.getLogger(__name__)
MIN_ARTICLES = 10  # fewer reviewed articles: too little to learn from or to judge by
FOLDS = 5
MODEL_SUFFIX = ".zones-model"


class ZoneTrainingError(Exception):
    """Training cannot start or its model cannot be stored; the message says why."""


class ZoneTraining(Struct):
    """What train_zones did: on how many articles, how it fared, where the model is."""

    articles: int
    rules: Report  # the rules alone, on the reviewed articles
    combined: Report  # rules plus the model, each article scored by a model that never saw it
    folds: int
    path: Path
    active: bool  # the project uses the model at import (it beat the rules alone)


def is_reviewed(project: Project, article_id: int, status: Status) -> bool:
    """Whether a person reviewed the article's zones (see the module's docstring)."""
    if status is Status.DONE or project.annotations(article_id, Layer.STRUCTURE):
        return True
    decided = project.decisions(article_id)
    return any(s.id in decided for s in project.suggestions(article_id)
               if s.layer is Layer.STRUCTURE)


def reviewed_examples(project: Project) -> list[Example]:
    """The reviewed articles' texts and zones, in id order."""
    out: list[Example] = []
    offset = 0
    while page := project.list_articles(offset, 500):
        offset += len(page)
        for summary in page:
            if is_reviewed(project, summary.id, summary.status):
                out.append((project.article(summary.id).text, zones_of(project, summary.id)))
    return out


def model_path(project: Project) -> Path:
    """Where the project's zone model is written: beside the project file."""
    if project.path is None:
        raise ZoneTrainingError("a project in memory has no folder for its zone model")
    return project.path.with_name(project.path.name + MODEL_SUFFIX)


def train_zones(project: Project, *, min_articles: int = MIN_ARTICLES, folds: int = FOLDS,
                log_line: Callable[[str], None] | None = None) -> ZoneTraining:
    """Cross-validate and train the zone model on the reviewed articles, write it beside the
    project, and switch it on (the project setting) only when it beat the rules alone."""
    examples = reviewed_examples(project)
    if len(examples) < max(2, min_articles):
        raise ZoneTrainingError(
            f"{len(examples)} articles with reviewed zones, {max(2, min_articles)} needed: "
            "correct the zones of more articles, or mark them done (D)")
    if log_line:
        log_line(f"training on {len(examples)} articles with reviewed zones")
    folds = min(folds, len(examples))
    try:
        rules, combined = cross_validate(examples, folds)
        model = train(examples)
    except ValueError as exc:
        raise ZoneTrainingError(str(exc)) from exc
    path = model_path(project)
    try:
        model.save(path)
    except OSError as exc:
        raise ZoneTrainingError(f"{path}: cannot write the zone model ({exc})") from exc
    active = combined.micro.f1 > rules.micro.f1
    project.set_setting(ZONES_MODEL_SETTING, path.name if active else None)
    return ZoneTraining(len(examples), rules, combined, folds, path, active)


def project_zone_model(project: Project) -> ZoneModel | None:
    """The project's zone model when it has one switched on and readable; None otherwise (a
    file that cannot be used is logged, and the rules work alone)."""
    found = _model_in_use(project)
    return found[0] if found else None


def _model_in_use(project: Project) -> tuple[ZoneModel, ModelInfo] | None:
    value = project.setting(ZONES_MODEL_SETTING)
    if not value:
        return None
    path = Path(value)
    if not path.is_absolute() and project.path is not None:
        path = project.path.parent / path
    try:
        stat = path.stat()
        return _load(str(path), stat.st_mtime_ns, stat.st_size)
    except (OSError, ModelFileError) as exc:
        log.warning("zone model not used: %s", exc)
        return None


@lru_cache(maxsize=4)
def _load(path: str, _mtime_ns: int, _size: int) -> tuple[ZoneModel, ModelInfo]:
    """A model file read once per version of it on disk (the import asks for every article),
    with the record its suggestions are stored under: the file's hash tells models apart."""
    data = Path(path).read_bytes()
    info = ModelInfo(LEARNED, hashlib.sha256(data).hexdigest()[:12], Path(path).name)
    return ZoneModel.load(Path(path)), info


def learned_zones(project: Project, text: str,
                  rules: Sequence[Span]) -> tuple[ModelInfo, list[Span]] | None:
    """The model's zones of a new article where the rules left a line body and the model is
    confident (each with its probability as score), and the model's record; None when the
    project has no model in use."""
    found = _model_in_use(project)
    if found is None:
        return None
    model, info = found
    ruled = set(rules)
    return info, [z for z in combine(rules, model.predict(text, rules)) if z not in ruled]


def with_learned_zones(project: Project, text: str, rules: Sequence[Span]) -> list[Span]:
    """The rules' zones of a new article and ``learned_zones``, in text order; the rules'
    alone when the project has no model in use."""
    found = learned_zones(project, text, rules)
    return sorted([*rules, *found[1]]) if found else list(rules)


def format_training(result: ZoneTraining) -> str:
    """Per-label cross-validated line scores, rules alone against rules plus model."""
    rows = ["| label | gold lines | rules P | R | F1 | rules + model P | R | F1 |",
            "|---" * 8 + "|"]
    rules, combined = result.rules, result.combined
    names = [x for x in (*LABELS, "BODY") if x in rules.labels or x in combined.labels]
    pairs = [(x, rules.labels.get(x), combined.labels.get(x)) for x in names]
    for name, a, b in [*pairs, ("all zones (micro)", rules.micro, combined.micro)]:
        cells = [f"{s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f}" if s else "– | – | –"
                 for s in (a, b)]
        gold = next((s.tp + s.fn for s in (a, b) if s), 0)
        rows.append(f"| {name} | {gold} | {cells[0]} | {cells[1]} |")
    verdict = ("in use at import" if result.active
               else "not better than the rules alone, not used at import")
    return "\n".join(rows) + (f"\n\n{result.articles} articles, {result.folds}-fold "
                              f"cross-validation; model {result.path.name}: {verdict}\n")
