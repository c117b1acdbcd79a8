"""Help ▸ About's text: versions of the app, spaCy, the suggestion model and Qt."""

from __future__ import annotations

import html
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QUrl, qVersion

from annotator import __version__
from annotator.core.names import MODEL_SETTING
from annotator.ui.window_protocol import WindowHost

LICENCE = "MIT"


translate = QCoreApplication.translate


def docs_link() -> str:
    """The README beside the package (a source checkout), else where to find it."""
    readme = Path(__file__).resolve().parents[2] / "README.md"
    if readme.is_file():
        url = QUrl.fromLocalFile(str(readme)).toString()
        return f'<a href="{url}">README.md</a>, docs/'
    return translate("About", "README.md and docs/ in the source distribution")


def spacy_version() -> str:
    """spaCy's version, read from its package metadata (spaCy itself is not loaded)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("spacy")
    except PackageNotFoundError:
        return translate("About", "not installed")


def about_text(window: WindowHost) -> str:
    """The About box's rich text."""
    from annotator.nlp.resolve import describe

    path = window.project.path
    rows = [
        (translate("About", "Version"), __version__),
        (translate("About", "spaCy"), spacy_version()),
        (translate("About", "Suggestion model"), describe(window.project.setting(MODEL_SETTING))),
        (translate("About", "Qt / PySide6"), f"{qVersion()} / {PySide6.__version__}"),
        (translate("About", "Project"), str(path) if path else translate("About", "in memory")),
        (translate("About", "Licence"), LICENCE),
    ]
    table = "".join(f"<tr><td><b>{html.escape(k)}</b>&nbsp;&nbsp;</td>"
                    f"<td>{html.escape(v)}</td></tr>" for k, v in rows)
    intro = translate("About", "Annotating German news: entities, claims, sources.")
    docs = translate("About", "Documentation:")
    return (f"<h3>annotator {html.escape(__version__)}</h3>"
            f"<p>{html.escape(intro)}</p>"
            f"<table>{table}</table>"
            f"<p>{html.escape(docs)} {docs_link()}</p>")
