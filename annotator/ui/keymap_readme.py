"""The README's key table, made from the keymap (English, as the README is):
``python -m annotator.ui.keymap --update README.md`` rewrites it."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from annotator.ui.keymap import CONTEXT, label_keys, sheet


def markdown() -> str:
    """The README's key table: one per group, every listed action."""
    from annotator.store.schema import DEFAULT_LABELS

    scheme = label_keys((k, n) for layer, n, _c, k, _d in DEFAULT_LABELS if layer == "entity")
    out = []
    for group, rows in sheet(CONTEXT, {"entity.label": f"a new project: {scheme}"}):
        out += [f"**{group}**", "", "| keys | action |", "|---|---|"]
        out += [f"| {' or '.join(f'`{k}`' for k in keys)} | {text} |"
                for keys, text in rows]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


BEGIN = "<!-- key table: made by python -m annotator.ui.keymap --update README.md -->\n"
END = "<!-- end of the key table -->\n"
TABLE = re.compile(re.escape(BEGIN) + r"(.*?)" + re.escape(END), re.S)


def with_table(text: str) -> str:
    """``text`` (a README) with the table between its markers made from the keymap."""
    if not TABLE.search(text):
        raise ValueError("no key table markers")
    return TABLE.sub(lambda _m: BEGIN + markdown() + END, text)


def main(argv: list[str]) -> int:
    """``--update FILE`` rewrites the table in FILE; otherwise (``--markdown``) print it."""
    if argv[:1] == ["--update"] and len(argv) == 2:
        path = Path(argv[1])
        path.write_text(with_table(path.read_text(encoding="utf-8")), encoding="utf-8")
        return 0
    sys.stdout.write(markdown())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
