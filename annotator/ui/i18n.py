"""English and German: Qt's translators for the app's texts and for Qt's own dialogs.

The texts are marked in the code (``self.tr``, ``QCoreApplication.translate``,
``QT_TRANSLATE_NOOP``); their German is in resources/i18n/annotator_de.ts, compiled at build time
into the package (annotator/resources/i18n/annotator_de.qm). A checkout without a build compiles
it into the user's cache on first use (docs/translations.md). The language follows the system
(German for any German locale) unless the setting ``appearance/language`` names one.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QStandardPaths, Qt, QTranslator
from PySide6.QtGui import QKeySequence

from annotator.ui.keymap import QT_TRANSLATE_NOOP  # plain: the text, typed str

SETTING = "appearance/language"
CHOICES = ("system", "en", "de")
PACKAGED = Path(__file__).resolve().parents[1] / "resources" / "i18n"
SOURCES = Path(__file__).resolve().parents[2] / "resources" / "i18n"  # a checkout's .ts files
_installed: list[QTranslator] = []
_current: list[str] = []  # the language installed


def language(choice: str | None = None) -> str:
    """"de" or "en": the choice (default: the setting), the system's language for "system"."""
    choice = choice or str(QSettings().value(SETTING, "system"))
    if choice in ("en", "de"):
        return choice
    return "de" if QLocale.system().language() == QLocale.Language.German else "en"


def start(app: QCoreApplication | None = None) -> str:
    """Install the translators of the chosen language; the language installed."""
    return install(language())


def choose(choice: str) -> bool:
    """Save ``choice`` (system, en, de) and install its translators; True when that changed
    the language (the Preferences then rebuild the open windows in it, ui/window_rebuild.py)."""
    if choice not in CHOICES:
        raise ValueError(f"language {choice!r}: one of {', '.join(CHOICES)}")
    QSettings().setValue(SETTING, choice)
    before, code = current(), language(choice)
    install(code)
    return code != before


def current() -> str | None:
    """The language installed now ("de", "en"), None before ``install``."""
    return _current[0] if _current else None


def install(code: str) -> str:
    """Replace the installed translators by those of ``code``."""
    app = QCoreApplication.instance()
    assert app is not None, "translators need the application"
    while _installed:
        app.removeTranslator(_installed.pop())
    _current[:] = [code]
    QLocale.setDefault(QLocale(QLocale.Language.German if code == "de" else
                               QLocale.Language.English))
    files: list[tuple[str, Path | None]] = [(f"annotator_{code}.qm", compiled(code))]
    if code != "en":  # English: the app's plural forms only
        from PySide6.QtCore import QLibraryInfo  # its Python type and enums only when needed

        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        files.append((f"qtbase_{code}.qm", Path(qt_dir)))
    for name, folder in files:
        translator = QTranslator(app)
        if folder is not None and translator.load(str(Path(folder) / name)):
            app.installTranslator(translator)
            _installed.append(translator)
    return code


def compiled(code: str) -> Path | None:
    """The folder of the compiled ``annotator_<code>.qm``: the package's, else (a checkout with
    a newer .ts) the user's cache, compiled there with pyside6-lrelease; None if neither. The
    cache keeps one folder per .ts content, so two checkouts never read each other's texts."""
    qm, ts = PACKAGED / f"annotator_{code}.qm", SOURCES / f"annotator_{code}.ts"
    if not ts.exists() or (qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime):
        return PACKAGED if qm.exists() else None
    # hashed by Qt: hashlib would load OpenSSL on the way to the first paint
    from PySide6.QtCore import QCryptographicHash  # a checkout's newer texts only

    digest = QCryptographicHash.hash(ts.read_bytes(), QCryptographicHash.Algorithm.Sha256)
    cache = Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.CacheLocation)) / "i18n" / digest.toHex().toStdString()[:16]
    cached = cache / qm.name
    if not cached.exists():
        cache.mkdir(parents=True, exist_ok=True)
        release(ts, cached)
    return cache if cached.exists() else None


def release(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm`` with PySide6's lrelease (quiet; a failure leaves no file)."""
    import subprocess  # not with the window: a packaged app never compiles

    import PySide6

    tool = Path(PySide6.__file__).parent / ("lrelease.exe" if sys.platform == "win32" else
                                            "lrelease")
    subprocess.run([str(tool), "-silent", str(ts), "-qm", str(qm)], check=False,
                   capture_output=True)


def tr(context: str, text: str) -> str:
    """A text marked elsewhere (``QT_TRANSLATE_NOOP``), translated now."""
    return QCoreApplication.translate(context, text)


def keymap_text(text: str) -> str:
    """A text of ui/keymap.py in the user's language."""
    return QCoreApplication.translate("keymap", text)


OR = QT_TRANSLATE_NOOP("keymap", " or ")  # between a key and its alternative


def keys_text(name: str) -> str:
    """The keys of a keymap action as the user reads them, e.g. "Tab oder J"."""
    from annotator.ui.keymap import action

    entry = action(name)
    return keymap_text(OR).join(map(key_text, entry.shown or entry.keys))


def hint(scopes: Iterable[str]) -> str:
    """The keys of some keymap scopes on one line, e.g. "M merge … · K next kind …"."""
    from annotator.ui.keymap import sheet

    either = keymap_text(OR)
    return " · ".join(f"{either.join(map(key_text, keys))} {text[0].lower()}{text[1:]}"
                      for _group, rows in sheet(scopes, tr=keymap_text) for keys, text in rows)


def key_text(key: str) -> str:
    """A key as the user's language writes it ("Ctrl+F": "Strg+F"); a note such as "drag" is
    a keymap text, digits ("1 … 9") stay as they are."""
    sequence = QKeySequence(key, QKeySequence.SequenceFormat.PortableText)
    if sequence.count() == 1 and sequence[0].key() != Qt.Key.Key_unknown:  # type: ignore[index]
        return sequence.toString(QKeySequence.SequenceFormat.NativeText)
    return keymap_text(key) if re.search("[a-z]{3}", key) else key


# names of the annotation layers (core.model.Layer) as the interface shows them
LAYERS = {"entity": QT_TRANSLATE_NOOP("Layer", "entity"),
          "claim": QT_TRANSLATE_NOOP("Layer", "claim"),
          "source": QT_TRANSLATE_NOOP("Layer", "source"),
          "structure": QT_TRANSLATE_NOOP("Layer", "structure"),
          "suggestion": QT_TRANSLATE_NOOP("Layer", "suggestion")}


def layer_text(layer: str) -> str:
    """A layer's name ("entity", "claim" …) in the user's language."""
    return QCoreApplication.translate("Layer", LAYERS.get(layer, layer))


# the values of a claim's attributes (core.model: CLAIM_KINDS, CHECKWORTHY, VERDICTS,
# QUOTE_TYPES, STANCES) as the interface shows them; the stored values stay English
VALUES = (QT_TRANSLATE_NOOP("ClaimValues", "factual"),
          QT_TRANSLATE_NOOP("ClaimValues", "quotation"),
          QT_TRANSLATE_NOOP("ClaimValues", "assessment"),
          QT_TRANSLATE_NOOP("ClaimValues", "prediction"),
          QT_TRANSLATE_NOOP("ClaimValues", "yes"), QT_TRANSLATE_NOOP("ClaimValues", "no"),
          QT_TRANSLATE_NOOP("ClaimValues", "unsure"),
          QT_TRANSLATE_NOOP("ClaimValues", "unverified"),
          QT_TRANSLATE_NOOP("ClaimValues", "true"), QT_TRANSLATE_NOOP("ClaimValues", "false"),
          QT_TRANSLATE_NOOP("ClaimValues", "misleading"),
          QT_TRANSLATE_NOOP("ClaimValues", "unprovable"),
          QT_TRANSLATE_NOOP("ClaimValues", "direct"),
          QT_TRANSLATE_NOOP("ClaimValues", "indirect"),
          QT_TRANSLATE_NOOP("ClaimValues", "reported"),
          QT_TRANSLATE_NOOP("ClaimValues", "unattributed"),
          QT_TRANSLATE_NOOP("ClaimValues", "supports"),
          QT_TRANSLATE_NOOP("ClaimValues", "refutes"))


def value_text(value: str) -> str:
    """A claim attribute's value ("factual", "true" …) in the user's language."""
    return QCoreApplication.translate("ClaimValues", value) if value else value
