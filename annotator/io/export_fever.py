"""FEVER-style claims with a label and evidence sentences, and the sentences file beside them.

``SPLIT.jsonl`` holds one claim per line, in FEVER's shape (an evidence set is a list of
``[annotation id, evidence id, page, sentence]``; FEVER's own ids are ``null`` here) plus
where the claim is and where its label comes from::

    {"id": 1, "claim": "der Vertrag am Donnerstag unterzeichnet", "label": "REFUTES",
     "verifiable": "VERIFIABLE", "evidence": [[[null, null, "-1402255466", 0]]],
     "page": "880131842", "group": "G1", "label_from": "holding claim"}

``SPLIT.pages.jsonl`` is like FEVER's wiki-pages: one article a line, ``{"id", "title",
"source_path", "text", "lines"}``, ``lines`` being ``"0\\tFirst sentence.\\n1\\tSecond …"``
(the sentences of ``core.sentences``; a tab or line break inside one becomes a space). An
article's id is the jsonl export's ``_input_hash`` of its text (``fact_claims.page_id``).

The label of a claim comes from its verdict (``true`` SUPPORTS, ``false`` REFUTES,
``unprovable`` NOT ENOUGH INFO) or from its claim group: when a person decided which claim
of the group holds, a claim whose value agrees with the holding claim's is SUPPORTED and one
that contradicts it REFUTED, the holding claim's sentences being the evidence. A verdict with
no holding claim to agree with has no evidence sentence (``evidence`` is ``[]``). A claim whose
verdict and group say different things is left out and counted in a warning; so are claims
with neither (``misleading``, ``unverified``), and the claims of articles nobody marked done.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.core.model import ArticleDraft
from annotator.core.sentences import split_sentences
from annotator.io.conll import json_line
from annotator.io.export_notes import Kind, tell
from annotator.io.fact_claims import Claim, page_id, relation, reviewed_claims

logger = logging.getLogger(__name__)

SUPPORTS, REFUTES, NEI = "SUPPORTS", "REFUTES", "NOT ENOUGH INFO"
BY_VERDICT = {"true": SUPPORTS, "false": REFUTES, "unprovable": NEI}
BY_GROUP = {"agree": SUPPORTS, "contradict": REFUTES}


def pages_path(path: Path) -> Path:
    """``train.jsonl`` → ``train.pages.jsonl``."""
    return path.with_name(f"{path.stem}.pages.jsonl")


def write_fever(drafts: Iterable[ArticleDraft], path: Path) -> list[Path]:
    """The claims file and, beside it, every article of the split as numbered sentences."""
    path.parent.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    with pages_path(path).open("w", encoding="utf-8", newline="\n") as pages:

        def page(draft: ArticleDraft) -> None:
            if (pid := page_id(draft)) not in seen:  # several versions share one text
                seen.add(pid)
                pages.write(json_line(page_record(draft, pid)) + "\n")

        claims = reviewed_claims(drafts, path, page)
    conflicts: list[str] = []
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.writelines(json_line(r) + "\n" for r in fever_records(claims, conflicts))
    if conflicts:
        tell(logger, Kind.CLAIMS_DISAGREE, path, len(conflicts), conflicts)
    return [path, pages_path(path)]


def page_record(draft: ArticleDraft, pid: str) -> dict[str, Any]:
    """One article as FEVER's wiki-pages have one."""
    lines = (f"{n}\t{' '.join(draft.text[a:b].split())}"
             for n, (a, b) in enumerate(split_sentences(draft.text)))
    return {"id": pid, "title": draft.title, "source_path": draft.source_path,
            "text": draft.text, "lines": "\n".join(lines)}


def fever_records(claims: list[Claim], conflicts: list[str]) -> Iterator[dict[str, Any]]:
    """A record per claim with a label, numbered from 1; claims whose verdict and group
    disagree go to ``conflicts`` instead."""
    holding: dict[str, Claim] = {}
    for c in claims:
        if c.member is not None and c.member.holds:
            holding.setdefault(c.group, c)
    sentences = {group: [[None, None, h.page, line] for line in h.lines]
                 for group, h in holding.items()}
    number = 0
    for c in claims:
        by_verdict = BY_VERDICT.get(str(c.span.attrs.get("verdict", "")))
        held = holding.get(c.group)
        by_group = BY_GROUP.get(relation(c, held) or "") if held and held is not c else None
        if by_verdict and by_group and by_verdict != by_group:
            conflicts.append(c.said)
            continue
        label = by_verdict or by_group
        if label is None:
            continue
        number += 1
        evidence = [sentences[c.group]] if by_group else []
        yield {"id": number, "claim": c.said, "label": label,
               "verifiable": "NOT VERIFIABLE" if label == NEI else "VERIFIABLE",
               "evidence": evidence, "page": c.page, "group": c.group,
               "label_from": _origin(by_verdict, by_group)}


def _origin(by_verdict: str | None, by_group: str | None) -> str:
    if by_verdict and by_group:
        return "verdict and holding claim"
    return "verdict" if by_verdict else "holding claim"
