"""A learned line classifier for article zones: the model in the loop beside the zone rules.

Each non-blank line gets one label, ``BODY`` or a zone label, from layout features: its length
and words, final punctuation, capitals, digits and dates, quotes, list markers, separators,
where it stands in the article, blank lines around it, its neighbours' features, the label the
rules (``nlp/zones.py``) gave it and its neighbours, a fixed list of furniture cue words, and
its own words (so a project's recurring footer is learned). A multinomial logistic regression
is fitted with scikit-learn; the fitted weights are stored as JSON (no pickle, so a foreign file
is refused, never executed) and applied with numpy. Zones that cover part of a line are left to
the rules: ``combine`` adds the model's whole-line zones only where the rules left a line body.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from msgspec import Struct

from annotator.core.model import Span
from annotator.nlp.zone_eval import Report, score
from annotator.nlp.zones import suggest_zones

VERSION = "zone-lines-1"  # the features and the file format; a file of another is refused
BODY = "BODY"
C = 10.0  # inverse regularisation strength of the regression (chosen on dev)
THRESHOLD = 0.6  # least probability of a learned zone that combine() adds (chosen on dev)
Example = tuple[str, Sequence[Span]]  # an article's text and its zones

_CUE_WORDS = """  # furniture cue words, each its own feature
    anzeige werbung teilen drucken merken kommentar kommentare newsletter abonnieren abo
    foto fotos bild bilder bildquelle quelle grafik archiv symbolbild copyright rechte
    vorbehalten verlag gmbh lesen lesezeit min mehr weitere artikel thema themen video videos
    podcast audio anhören live ticker liveblog aktualisiert stand uhr veröffentlicht von mit
    material redaktion startseite zusammenfassung wichtigste überblick blick kürze auch
    interessieren ausgewählt dpa afp reuters epd kna ap sid apa
"""
_CUES = frozenset(_CUE_WORDS.split())
_WORD = re.compile(r"\w+")
_DATE = re.compile(r"\b\d{1,2}\.\s?(?:\d{1,2}\.\s?\d{2,4}|[A-ZÄÖÜ][a-zä]+\.?,?\s+\d{4})")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:Uhr)?\b|\bUhr\b")
_BULLET = re.compile(r"^(?:[•·▪◦‣∙●■►▶➤✓✔*+]|[-–—]\s|\d{1,2}[.)]\s)")
_ENDINGS = {".": "period", ":": "colon", "?": "question", "!": "exclaim", ",": "comma",
            ")": "paren", "…": "ellipsis"}
_QUOTES = "„“”\"»«‚‘’"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_NEIGHBOUR = ("len", "words", "short", "end=", "rule=", "cap", "date", "bullet")


class Line(Struct, frozen=True):
    """One non-blank line: its trimmed offsets and text, and blank lines around it."""

    start: int
    end: int
    text: str
    gap_before: bool
    gap_after: bool


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of a text, trimmed of whitespace; any line break counts."""
    found: list[tuple[int, int, bool]] = []
    offset, gap = 0, False
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        start, end = 0, len(body)
        while start < end and (body[start].isspace() or body[start] in _INVISIBLE):
            start += 1
        while end > start and (body[end - 1].isspace() or body[end - 1] in _INVISIBLE):
            end -= 1
        if start < end:
            found.append((offset + start, offset + end, gap))
        gap = start >= end
        offset += len(raw)
    return [Line(a, b, text[a:b], gap, i + 1 < len(found) and found[i + 1][2])
            for i, (a, b, gap) in enumerate(found)]


def line_labels(lines: Sequence[Line], zones: Iterable[Span]) -> list[str]:
    """One label per line: the zone label (or body) that covers most of its characters."""
    zones = sorted(zones, key=lambda z: z.start)
    out = []
    for line in lines:
        covered: dict[str, int] = {}
        for z in zones:
            low, high = max(line.start, z.start), min(line.end, z.end)
            if low < high:
                covered[z.label] = covered.get(z.label, 0) + high - low
        body = line.end - line.start - sum(covered.values())
        best = max(covered.items(), key=lambda kv: kv[1], default=(BODY, 0))
        out.append(best[0] if best[1] >= body else BODY)
    return out


def _own(line: Line, rule: str) -> dict[str, float]:
    """Features of one line on its own."""
    text, words = line.text, line.text.split()
    letters = [c for c in text if c.isalpha()]
    last = text.rstrip(_QUOTES)[-1:] or text[-1]
    f: dict[str, float] = {
        "len": math.log1p(len(text)) / 6, "words": math.log1p(len(words)) / 4,
        "short": float(len(words) <= 4), "long": float(len(text) > 150),
        f"end={_ENDINGS.get(last, 'letter' if last.isalnum() else 'other')}": 1.0,
        "cap": float(text[0].isupper()),
        "caps": sum(c.isupper() for c in letters) / len(letters) if letters else 0.0,
        "titled": sum(w[0].isupper() for w in words) / len(words),
        "digits": sum(c.isdigit() for c in text) / len(text),
        "date": float(bool(_DATE.search(text))), "time": float(bool(_TIME.search(text))),
        "quote": float(any(c in _QUOTES for c in text)),
        "opens_quote": float(text[0] in _QUOTES), "bullet": float(bool(_BULLET.match(text))),
        "pipe": float("|" in text), "arrow": float(">" in text or "›" in text),
        "copyright": float("©" in text), "link": float("http" in text or "www." in text),
        "paren_end": float(text.endswith(")")), f"rule={rule}": 1.0,
    }
    tokens = [t.lower() for t in _WORD.findall(text)]
    for token in tokens[:3]:
        f[f"first={token}"] = 1.0
    for token in tokens:
        f[f"w={token}"] = 1.0
        if token in _CUES:
            f[f"cue={token}"] = 1.0
    return f


def _rule_labels(lines: Sequence[Line], rules: Sequence[Span]) -> list[str]:
    """What the rules made of each line: its zone label, MIXED for several, or body."""
    out = []
    for line in lines:
        labels = {z.label for z in rules if z.start < line.end and line.start < z.end}
        out.append(labels.pop() if len(labels) == 1 else "MIXED" if labels else BODY)
    return out


def features(text: str, rules: Sequence[Span] | None = None,
             lines: Sequence[Line] | None = None) -> list[dict[str, float]]:
    """The feature dict of each non-blank line (rules: the rules' zones, found when None)."""
    lines = split_lines(text) if lines is None else lines
    rule = _rule_labels(lines, suggest_zones(text) if rules is None else rules)
    own = [_own(line, label) for line, label in zip(lines, rule, strict=True)]
    seen: set[str] = set()
    rows = []
    for i, line in enumerate(lines):
        row = dict(own[i])
        row["pos"] = i / max(1, len(lines) - 1)
        row["first_lines"] = float(i < 3)
        row["last_lines"] = float(i >= len(lines) - 3)
        row["gap_before"], row["gap_after"] = float(line.gap_before), float(line.gap_after)
        key = " ".join(line.text.casefold().split())
        row["repeat"] = float(key in seen)
        seen.add(key)
        for name, j in (("prev", i - 1), ("next", i + 1)):
            if not 0 <= j < len(lines):
                row[f"{name}:none"] = 1.0
                continue
            row.update({f"{name}:{k}": v for k, v in own[j].items() if k.startswith(_NEIGHBOUR)})
        rows.append(row)
    return rows


class ModelFileError(ValueError):
    """A model file that cannot be used: unreadable, damaged, or of another version."""


class ZoneModel(Struct):
    """Fitted weights: feature name → column, one row of weights and an intercept per class."""

    classes: list[str]
    vocabulary: dict[str, int]
    coef: Any  # numpy array, classes × features
    intercept: Any  # numpy array, one per class
    articles: int = 0  # how many articles it was trained on

    def probabilities(self, rows: Sequence[dict[str, float]]) -> Any:
        """Class probabilities of each feature row (softmax over the linear scores)."""
        import numpy as np

        scores = np.tile(self.intercept, (len(rows), 1))
        for i, row in enumerate(rows):
            known = [(self.vocabulary[k], v) for k, v in row.items() if k in self.vocabulary]
            if known:
                columns, values = zip(*known, strict=True)
                scores[i] += self.coef[:, list(columns)] @ np.array(values)
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def predict(self, text: str, rules: Sequence[Span] | None = None) -> list[Span]:
        """Whole-line zones, trimmed, where the most probable label is not body; each span's
        score is that label's probability (rules: the rules' zones, found when None)."""
        lines = split_lines(text)
        if not lines:
            return []
        probs = self.probabilities(features(text, rules, lines))
        out = []
        for line, p in zip(lines, probs, strict=True):
            best = int(p.argmax())
            if self.classes[best] != BODY:
                out.append(Span(line.start, line.end, self.classes[best], float(p[best])))
        return out

    def save(self, path: Path) -> None:
        """Write the model as JSON, with its version."""
        data = {"version": VERSION, "classes": self.classes, "articles": self.articles,
                "features": sorted(self.vocabulary, key=self.vocabulary.__getitem__),
                "coef": [[round(float(v), 6) for v in row] for row in self.coef],
                "intercept": [round(float(v), 6) for v in self.intercept]}
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> ZoneModel:
        """Read a model written by ``save``; ModelFileError when it is of another version or
        not a zone model at all."""
        import numpy as np

        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            raise ModelFileError(f"{path}: not a zone model ({err})") from err
        version = data.get("version") if isinstance(data, dict) else None
        if version != VERSION:
            raise ModelFileError(f"{path}: a zone model of version {version!r}, this program "
                                 f"reads {VERSION!r}: train it again (annotator train-zones)")
        try:
            coef = np.array(data["coef"], dtype=float).reshape(len(data["classes"]),
                                                               len(data["features"]))
            return cls(list(data["classes"]), {f: i for i, f in enumerate(data["features"])},
                       coef, np.array(data["intercept"], dtype=float).reshape(len(coef)),
                       int(data.get("articles", 0)))
        except (KeyError, TypeError, ValueError) as err:
            raise ModelFileError(f"{path}: damaged zone model ({err})") from err


def train(examples: Sequence[Example], *, c: float = C) -> ZoneModel:
    """Fit a model on articles with their zones (every non-blank line is one example).

    ValueError when the lines carry fewer than two labels (nothing to tell apart)."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows: list[dict[str, float]] = []
    labels: list[str] = []
    for text, zones in examples:
        lines = split_lines(text)
        rows += features(text, None, lines)
        labels += line_labels(lines, zones)
    if len(set(labels)) < 2:
        raise ValueError("the examples need lines of at least two labels (zones and body)")
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(rows)
    fitted = LogisticRegression(C=c, max_iter=3000).fit(x, labels)
    coef, intercept = fitted.coef_, fitted.intercept_
    if coef.shape[0] == 1:  # two classes: sklearn keeps one row, for the second class
        coef, intercept = np.vstack([np.zeros_like(coef), coef]), np.r_[0.0, intercept]
    vocabulary = {str(k): int(v) for k, v in vectorizer.vocabulary_.items()}
    return ZoneModel([str(c) for c in fitted.classes_], vocabulary, coef, intercept,
                     len(examples))


def combine(rules: Sequence[Span], learned: Iterable[Span],
            threshold: float = THRESHOLD) -> list[Span]:
    """The rules' zones, and the learned ones (scored at least ``threshold``) that share no
    character with a rule zone or with each other; in text order."""
    out = list(rules)
    for span in sorted(learned, key=lambda s: (s.start, s.end)):
        if (span.score or 0.0) >= threshold and span.label != BODY and not any(
                span.start < z.end and z.start < span.end for z in out):
            out.append(span)
    return sorted(out, key=lambda s: (s.start, s.end))


def cross_validate(examples: Sequence[Example], folds: int = 5, *,
                   threshold: float = THRESHOLD, c: float = C) -> tuple[Report, Report]:
    """Line scores of the rules alone and of rules plus model over ``folds`` folds by
    article (article i is scored by a model trained without the fold i % folds)."""
    rules_items: list[tuple[str, Sequence[Span], list[Span]]] = []
    combined: list[tuple[str, Sequence[Span], list[Span]]] = []
    for fold in range(folds):
        held = [ex for i, ex in enumerate(examples) if i % folds == fold]
        if not held:
            continue
        model = train([ex for i, ex in enumerate(examples) if i % folds != fold], c=c)
        for text, zones in held:
            rules = suggest_zones(text)
            rules_items.append((text, zones, rules))
            combined.append((text, zones, combine(rules, model.predict(text, rules), threshold)))
    return score(rules_items), score(combined)
