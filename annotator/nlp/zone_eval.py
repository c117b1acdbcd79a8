"""Gold page zones of news articles, and a line-level score of predicted zones against them.

A gold file ``NN-slug.gold.json`` sits beside its article ``NN-slug.txt`` and names each zone
by its exact text and which occurrence of that text it is (tests/data/news/GUIDELINES.md).
``score`` compares zones line by line: every non-blank line carries the set of labels of the
zones that overlap its non-space characters; the empty set is body.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from msgspec import Struct, field

from annotator.core.model import Span

LABELS: tuple[str, ...] = (
    "HEADLINE", "LEAD", "DATELINE", "BYLINE", "SUBHEAD", "CAPTION",
    "CREDIT", "TEASER", "SUMMARY", "NAV", "NOTE", "DUPLICATE",
)  # fmt: skip
BODY = "BODY"  # the pseudo-label of a line no zone touches
META_FIELDS: tuple[str, ...] = ("title", "outlet", "author", "published", "url")
GOLD_SUFFIX = ".gold.json"


class GoldError(ValueError):
    """A gold file that is malformed or does not fit its article; the message names the file."""


class Gold(Struct, frozen=True):
    """One article with its gold zones (in text order) and metadata."""

    name: str  # the gold file's name
    text: str
    zones: list[Span]
    meta: dict[str, str | None]


def read_article(path: Path) -> str:
    """An article's text as the importer stores it: UTF-8, CRLF and lone CR made LF."""
    text = path.read_bytes().decode("utf-8-sig")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def find_occurrence(text: str, needle: str, occurrence: int) -> int | None:
    """Start of the ``occurrence``-th (from 1) match of ``needle``; matches may overlap."""
    start = -1
    for _ in range(occurrence):
        start = text.find(needle, start + 1)
        if start < 0:
            return None
    return start


def load_gold(gold_path: Path, text_path: Path | None = None) -> Gold:
    """Read a gold file and its article (by default the ``.txt`` beside it) into spans."""
    name = gold_path.name
    if text_path is None:
        text_path = gold_path.with_name(name.removesuffix(GOLD_SUFFIX) + ".txt")
    try:
        data = json.loads(gold_path.read_text(encoding="utf-8"))
        text = read_article(text_path)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise GoldError(f"{name}: {err}") from err
    if not isinstance(data, dict) or not isinstance(data.get("zones"), list):
        raise GoldError(f"{name}: needs an object with a 'zones' list")
    zones = sorted(_zone(text, raw, name, i) for i, raw in enumerate(data["zones"], 1))
    for before, after in zip(zones, zones[1:], strict=False):
        if after.start < before.end:
            raise GoldError(
                f"{name}: zones overlap: {before.label} {text[before.start:before.end]!r} "
                f"and {after.label} {text[after.start:after.end]!r}"
            )
    return Gold(name, text, zones, _meta(data.get("meta"), name))


def load_folder(folder: Path) -> list[Gold]:
    """Every gold file of a folder, by name."""
    return [load_gold(path) for path in sorted(folder.glob("*" + GOLD_SUFFIX))]


def _zone(text: str, raw: Any, name: str, number: int) -> Span:
    """One gold zone resolved to offsets; GoldError says which zone of which file is wrong."""
    where = f"{name}: zone {number}"
    if not isinstance(raw, dict):
        raise GoldError(f"{where} is not an object")
    label, needle, occurrence = raw.get("label"), raw.get("text"), raw.get("occurrence", 1)
    if label not in LABELS:
        raise GoldError(f"{where} has unknown label {label!r}")
    if not isinstance(needle, str) or not needle.strip() or needle != needle.strip():
        raise GoldError(f"{where} ({label}) needs a text without surrounding whitespace")
    if type(occurrence) is not int or occurrence < 1:
        raise GoldError(f"{where} ({label}) has a bad occurrence {occurrence!r}")
    start = find_occurrence(text, needle, occurrence)
    if start is None:
        raise GoldError(f"{where} ({label}): occurrence {occurrence} of {needle!r} not found")
    return Span(start, start + len(needle), label)


def _meta(raw: Any, name: str) -> dict[str, str | None]:
    """The metadata object: every field present, a string or null; published an ISO date."""
    if not isinstance(raw, dict):
        raise GoldError(f"{name}: needs a 'meta' object")
    missing = [key for key in META_FIELDS if key not in raw]
    if missing:
        raise GoldError(f"{name}: meta lacks {', '.join(missing)}")
    meta = {key: raw[key] for key in META_FIELDS}
    for key, value in meta.items():
        if value is not None and not isinstance(value, str):
            raise GoldError(f"{name}: meta {key} is neither a string nor null")
    if meta["published"] is not None:
        try:
            dt.date.fromisoformat(meta["published"])
        except ValueError as err:
            raise GoldError(f"{name}: published {meta['published']!r} is no ISO date") from err
    return meta


def line_labels(text: str, zones: Iterable[Span]) -> list[frozenset[str]]:
    """The label set of each non-blank line: labels of zones covering a non-space character."""
    zones = list(zones)
    result = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            result.append(frozenset(z.label for z in zones if _touches(text, z, start, end)))
        start = end + 1
    return result


def _touches(text: str, zone: Span, start: int, end: int) -> bool:
    """Whether ``zone`` covers a non-space character of ``text[start:end]``."""
    low, high = max(start, zone.start), min(end, zone.end)
    return low < high and not text[low:high].isspace()


class LabelScore(Struct):
    """Line counts of one label; a zero denominator gives 0.0."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        both = self.precision + self.recall
        return 2 * self.precision * self.recall / both if both else 0.0


class Report(Struct):
    """Per-label line scores (labels seen in gold or prediction, and BODY), their micro
    average over the zone labels, exact line sets, and metadata (correct, compared) per field."""

    labels: dict[str, LabelScore] = field(default_factory=dict)
    micro: LabelScore = field(default_factory=LabelScore)
    lines: int = 0
    exact_lines: int = 0
    meta: dict[str, tuple[int, int]] = field(default_factory=dict)


Meta = Mapping[str, str | None]


def score(articles: Iterable[Sequence[Any]]) -> Report:
    """Score ``(text, gold_zones, predicted_zones)`` items line by line; an item may add
    ``gold_meta, predicted_meta`` to count metadata fields that match."""
    report = Report()
    meta = {key: [0, 0] for key in META_FIELDS}
    for text, gold, predicted, *metas in articles:
        _score_lines(report, line_labels(text, gold), line_labels(text, predicted))
        if metas:
            gold_meta, predicted_meta = metas
            for key in META_FIELDS:
                meta[key][0] += _same(gold_meta.get(key), predicted_meta.get(key))
                meta[key][1] += 1
    report.labels = dict(sorted(report.labels.items(), key=_label_order))
    for label, counts in report.labels.items():
        if label != BODY:
            report.micro.tp += counts.tp
            report.micro.fp += counts.fp
            report.micro.fn += counts.fn
    report.meta = {key: (right, total) for key, (right, total) in meta.items() if total}
    return report


def _score_lines(report: Report, gold: list[frozenset[str]], got: list[frozenset[str]]) -> None:
    for want, have in zip(gold, got, strict=True):
        report.lines += 1
        report.exact_lines += want == have
        want, have = want or frozenset({BODY}), have or frozenset({BODY})
        for label in want | have:
            counts = report.labels.setdefault(label, LabelScore())
            counts.tp += label in want and label in have
            counts.fp += label not in want
            counts.fn += label not in have


def _label_order(item: tuple[str, LabelScore]) -> int:
    return LABELS.index(item[0]) if item[0] in LABELS else len(LABELS)


def _same(gold: str | None, predicted: str | None) -> bool:
    """Equal after collapsing whitespace; an empty string counts as None."""
    return (" ".join(gold.split()) if gold else None) == (
        " ".join(predicted.split()) if predicted else None
    )


def format_report(report: Report) -> str:
    """The report as markdown tables: line scores per label, then metadata accuracy."""
    rows = ["| label | gold lines | tp | fp | fn | precision | recall | F1 |", "|---" * 8 + "|"]
    named = [*report.labels.items(), ("all zones (micro)", report.micro)]
    for label, s in named:
        rows.append(
            f"| {label} | {s.tp + s.fn} | {s.tp} | {s.fp} | {s.fn} "
            f"| {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} |"
        )
    exact = report.exact_lines / report.lines if report.lines else 0.0
    rows.append(f"\nLines with exactly the gold labels: {report.exact_lines}/{report.lines} "
                f"({exact:.3f})")
    if report.meta:
        rows += ["", "| field | correct | compared | accuracy |", "|---|---|---|---|"]
        for key, (right, total) in report.meta.items():
            rows.append(f"| {key} | {right} | {total} | {right / total:.3f} |")
    return "\n".join(rows) + "\n"
