"""Every keyboard action of the app, declared once: its keys, its help, where it works.

Widgets bind handlers to these names (``ui/keys.py``); the `?` sheet and the README's key table
are made from this list. Plain data, no Qt: ``python -m annotator.ui.keymap --update README.md``
rewrites the README's table.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from annotator.core.zones import ZONE_LABELS

# Scopes: where a key works. The main window's keys work in every scope of its pages.
WINDOW = "window"  # anywhere in the main window
ARTICLE = "article"  # the article text and its pane
PANEL = "claim panel"  # the side panel: claims, sources, the claim's form, the ranked list
CANDIDATES = "candidates"  # the ranked list of the same point elsewhere, in the panel
VALUES = "values"  # the claim's typed values, in the panel
SEARCH = "search"  # the article search field, the filters and the article list
DISPUTES = "disputes"  # the disputed claims page
SOURCES = "sources"  # the source registry dialog
AGREEMENT = "agreement"  # the agreement window
ADJUDICATION = "adjudication"  # the adjudication window
REVIEW = "review queue"  # the review queue window

# Qt shortcut context per scope: the whole window, the one widget, or a widget and its children.
CONTEXT = {WINDOW: "window", ARTICLE: "children", PANEL: "children", CANDIDATES: "widget",
           VALUES: "widget", SEARCH: "children", DISPUTES: "children", SOURCES: "children",
           AGREEMENT: "children", ADJUDICATION: "children", REVIEW: "children"}
# The other scopes whose keys work where a scope's keys work: no key may be in two of them.
ALSO_LIVE = {WINDOW: (), ARTICLE: (WINDOW,), PANEL: (WINDOW,), CANDIDATES: (PANEL, WINDOW),
             VALUES: (PANEL, WINDOW), SEARCH: (WINDOW,), DISPUTES: (WINDOW,), SOURCES: (),
             AGREEMENT: (), ADJUDICATION: (), REVIEW: ()}
# The scopes of a page; the `?` sheet of a page lists them.
ARTICLE_PAGE = (ARTICLE, PANEL, CANDIDATES, VALUES, SEARCH, WINDOW)
DISPUTES_PAGE = (DISPUTES, WINDOW)
SOURCES_PAGE = (SOURCES,)
AGREEMENT_PAGE = (AGREEMENT,)
ADJUDICATION_PAGE = (ADJUDICATION,)
REVIEW_PAGE = (REVIEW,)
PAGES = (ARTICLE_PAGE, DISPUTES_PAGE, SOURCES_PAGE, AGREEMENT_PAGE, ADJUDICATION_PAGE,
         REVIEW_PAGE)

DIGITS = tuple("123456789")
BODY_KEY = "0"  # in the zone picker: no zone


def zone_keys() -> dict[str, str]:
    """Zone label → its key in the zone picker: the first letter of its name no label before
    it took (H HEADLINE, L LEAD, D DATELINE, …)."""
    keys: dict[str, str] = {}
    for label in ZONE_LABELS:
        free = [c for c in label if c.isalpha() and c not in keys.values()]
        keys[label] = free[0] if free else str(len(keys) + 1)
    return keys


@dataclass(frozen=True)
class Action:
    """One keyboard action. No ``keys``: a note on keys a widget handles itself (``shown``)."""

    name: str
    keys: tuple[str, ...]  # alternatives, in QKeySequence's portable text
    help: str
    group: str  # heading in the `?` sheet and the README
    scope: str
    shown: tuple[str, ...] = ()  # what the sheet shows instead of the keys
    listed: bool = True  # False: a variant that a listed note sums up
    menu: str = ""  # the menu entry, with its & mnemonic
    each: bool = False  # one action per key; the handler gets the key's index


ENTITIES, CLAIMS, SUGGESTIONS, MOVING, EDITING, STRUCTURE = (
    "Entities", "Claims and sources", "Suggestions", "Moving", "Editing spans",
    "Zones and details")
DISPUTED, PROJECT, REGISTRY = "Disputed claims", "Project", "Source registry"
AGREE = "Agreement between annotators"
ADJUDICATE = "Adjudication: the gold version"
QUEUE = "Review queue"
A = Action

ACTIONS: tuple[Action, ...] = (
    A("entity.label", DIGITS, "Label the selection or the word at the cursor", ENTITIES, ARTICLE,
      ("1 … 9",), each=True),
    A("entity.label_exact", tuple(f"Alt+{d}" for d in DIGITS), "Label, exact characters",
      ENTITIES, ARTICLE, listed=False, each=True),
    A("note.relabel", (), "On an entity: relabel it; on a suggestion: accept it with that label",
      ENTITIES, ARTICLE, ("1 … 9",)),
    A("note.select", (), "Select by character (Ctrl too: by word); a span snaps to whole words",
      ENTITIES, ARTICLE, ("Shift+arrows",)),
    A("claim.mark", ("C",), "Mark a claim: the selection, or the sentence at the cursor",
      CLAIMS, ARTICLE),
    A("source.mark", ("S",), "Mark a source: the selection, or the entity or word at the cursor",
      CLAIMS, ARTICLE),
    A("claim.mark_exact", ("Alt+C",), "Mark a claim, exact characters", CLAIMS, ARTICLE,
      listed=False),
    A("source.mark_exact", ("Alt+S",), "Mark a source, exact characters", CLAIMS, ARTICLE,
      listed=False),
    A("note.exact", (), "The same with exact characters, not whole words (digits too)", CLAIMS,
      ARTICLE, ("Alt+key",)),
    A("claim.link", ("L",), "Link the claim at the cursor to a source (the article's, then "
      "known ones)", CLAIMS, ARTICLE),
    A("claim.edit", ("E",), "Edit the claim's kind, check-worthiness, verdict, … (Esc returns)",
      CLAIMS, ARTICLE),
    A("claim.accept_attribution", ("Shift+L",), "Accept the suggested attribution (source and "
      "who reports it, cue, quotation type)", CLAIMS, ARTICLE),
    A("claim.rank", ("G",), "Rank sentences and claims of other articles about the same point",
      CLAIMS, ARTICLE),
    A("candidate.choose", DIGITS[:5], "In the ranked list: put that one in the claim's group",
      CLAIMS, CANDIDATES, ("1 … 5",), each=True),
    A("candidate.reject", ("X",), "In the ranked list: not the same point", CLAIMS, CANDIDATES),
    A("claim.values", ("V",), "The claim's values (weekday, date, number, place, person, "
      "yes/no): a group is disputed when two claims' values conflict", CLAIMS, ARTICLE),
    A("value.edit", ("Return", "F2"), "In the values: edit the value (“slot: text”, Enter "
      "stores it, one undo step)", CLAIMS, VALUES),
    A("value.add", ("Insert", "A"), "In the values: add one, e.g. “place: Prag”",
      CLAIMS, VALUES),
    A("value.delete", ("Delete", "Backspace"), "In the values: delete the value", CLAIMS,
      VALUES),
    A("claim.back", ("Esc",), "In the side panel (claims, sources, the claim's form, the ranked "
      "list, the values): back to the text (from a value's edit: to the values)", CLAIMS,
      PANEL),
    A("suggestion.accept", ("A",), "Accept the suggestion at the cursor (or those in the "
      "selection) and go on to the next open one", SUGGESTIONS, ARTICLE),
    A("suggestion.reject", ("X",), "Reject the suggestion at the cursor (or those in the "
      "selection) and go on to the next open one", SUGGESTIONS, ARTICLE),
    A("suggestion.accept_all", ("Shift+A",), "Accept all open suggestions of the article, "
      "zones apart (one undo step)", SUGGESTIONS, ARTICLE),
    A("suggestion.reject_all", ("Shift+X",), "Reject all open suggestions of the article, "
      "zones apart", SUGGESTIONS, ARTICLE),
    A("span.next", ("Tab", "J"), "Next span (suggestion or annotation)", MOVING, ARTICLE),
    A("span.previous", ("Shift+Tab", "K"), "Previous span", MOVING, ARTICLE),
    A("span.delete", ("Delete", "Backspace"), "Delete the span at the cursor (with its links)",
      EDITING, ARTICLE),
    A("span.grow_end", ("Alt+Right",), "Grow the span's end by a word", EDITING, ARTICLE),
    A("span.shrink_end", ("Alt+Left",), "Shrink the span's end by a word", EDITING, ARTICLE),
    A("span.grow_start", ("Alt+Shift+Left",), "Grow the span's start by a word", EDITING, ARTICLE),
    A("span.shrink_start", ("Alt+Shift+Right",), "Shrink the span's start by a word", EDITING,
      ARTICLE),
    A("span.grow_end_exact", ("Ctrl+Alt+Right",), "Grow the span's end by a character", EDITING,
      ARTICLE, listed=False),
    A("span.shrink_end_exact", ("Ctrl+Alt+Left",), "Shrink the span's end by a character",
      EDITING, ARTICLE, listed=False),
    A("span.grow_start_exact", ("Ctrl+Alt+Shift+Left",), "Grow the span's start by a character",
      EDITING, ARTICLE, listed=False),
    A("span.shrink_start_exact", ("Ctrl+Alt+Shift+Right",), "Shrink the span's start by a "
      "character", EDITING, ARTICLE, listed=False),
    A("note.by_character", (), "The same by a character", EDITING, ARTICLE, ("Ctrl+Alt+…",)),
    A("note.drag", (), "Drag a boundary of the outlined span", EDITING, ARTICLE, ("drag",)),
    A("zone.set", ("Z",), "Set the zone of the line at the cursor or of the selection (a "
      "picker; one undo step)", STRUCTURE, ARTICLE),
    A("note.zone_picker", (), "In the zone picker: the label's letter (" + ", ".join(
        f"{zone_keys()[label]} {label}" for label in ("HEADLINE", "LEAD", "CAPTION", "TEASER"))
      + f" …), {BODY_KEY} for body (no zone)", STRUCTURE, ARTICLE, ("letter",)),
    A("article.meta", ("M",), "Edit the article's title, outlet, author, date and URL (Tab "
      "between fields, Enter saves, Esc returns)", STRUCTURE, ARTICLE),
    A("disputes.next_group", ("J",), "Next group", DISPUTED, DISPUTES),
    A("disputes.previous_group", ("K",), "Previous group", DISPUTED, DISPUTES),
    A("note.group_list", (), "Next or previous group (in the list)", DISPUTED, DISPUTES,
      ("Down", "Up")),
    A("disputes.next_claim", ("L", "Right"), "Next claim (column)", DISPUTED, DISPUTES),
    A("disputes.previous_claim", ("H", "Left"), "Previous claim (column)", DISPUTED, DISPUTES),
    A("disputes.holds", DIGITS, "Claim n holds (again: undecided)", DISPUTED, DISPUTES,
      ("1 … 9",), each=True),
    A("disputes.value", ("V",), "Edit the value the current claim states", DISPUTED, DISPUTES),
    A("disputes.stance", ("S",), "Stance of the current claim: supports, refutes, none",
      DISPUTED, DISPUTES),
    A("disputes.note", ("R",), "Edit the note: why the claim holds", DISPUTED, DISPUTES),
    A("disputes.title", ("T",), "Retitle the group", DISPUTED, DISPUTES),
    A("disputes.remove", ("Delete",), "Remove the current claim from the group", DISPUTED,
      DISPUTES),
    A("disputes.scope", ("A",), "Disputed groups only, or all groups", DISPUTED, DISPUTES),
    A("note.open_claim", (), "Open the claim in its article", DISPUTED, DISPUTES,
      ("Enter", "double-click")),
    A("note.cancel_edit", (), "Cancel an edit", DISPUTED, DISPUTES, ("Esc",)),
    A("project.new", ("Ctrl+N",), "New project: choose its file name; it opens in this window's "
      "place", PROJECT, WINDOW, menu="&New project…"),
    A("project.open", ("Ctrl+O",), "Open a project file (File ▸ Recent projects: the last ten)",
      PROJECT, WINDOW, menu="&Open project…"),
    A("project.import", ("Ctrl+I",), "Import files (in the background)", PROJECT, WINDOW,
      menu="&Import files…"),
    A("project.import_folder", ("Ctrl+Shift+I",), "Import a folder", PROJECT, WINDOW,
      listed=False, menu="Import a &folder…"),
    A("project.label_layers", ("Ctrl+Shift+L",), "Which labels of other tools' files are claims "
      "or sources (for imports)", PROJECT, WINDOW, menu="&Label layers for imports…"),
    A("project.suggest", ("Ctrl+E",), "Suggest entities for new articles", PROJECT, WINDOW,
      menu="&Suggest entities for new articles"),
    A("project.suggest_again", ("Ctrl+Shift+E",), "Suggest entities for this article again",
      PROJECT, WINDOW, listed=False, menu="Suggest entities for &this article again"),
    A("project.export", ("Ctrl+Shift+S",), "Export a dataset (in the background)", PROJECT,
      WINDOW, menu="E&xport dataset…"),
    A("project.quit", ("Ctrl+Q",), "Quit", PROJECT, WINDOW, listed=False, menu="&Quit"),
    A("edit.undo", ("Ctrl+Z",), "Undo (across articles)", PROJECT, WINDOW),
    A("edit.redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "Redo", PROJECT, WINDOW),
    A("edit.preferences", ("Ctrl+,",), "Preferences: labels, suggestion model, font, theme, "
      "language", PROJECT, WINDOW, menu="&Preferences…"),
    A("edit.find", ("Ctrl+F",), "Find articles", PROJECT, WINDOW, menu="&Find articles"),
    A("search.back", ("Esc",), "In the search, the filters or the article list: back to the "
      "article (Enter in the search: to the next hit)", PROJECT, SEARCH, ("Enter", "Esc")),
    A("article.next", ("N", "Ctrl+Down"), "Next article", PROJECT, WINDOW, menu="&Next article"),
    A("article.previous", ("P", "Ctrl+Up"), "Previous article", PROJECT, WINDOW,
      menu="&Previous article"),
    A("article.done", ("D",), "Mark the article done and go on; open suggestions: A accepts, X "
      "rejects the rest (one undo step), Esc leaves it open", PROJECT, WINDOW,
      menu="Mark &done and go on"),
    A("article.in_progress", ("Shift+D",), "Back to in progress", PROJECT, WINDOW,
      menu="Back to &in progress"),
    A("view.disputes", ("Ctrl+G",), "Disputed claims side by side / back to the article",
      PROJECT, WINDOW),
    A("view.sources", ("Ctrl+R",), "Source registry (merge, rename, kinds)", PROJECT, WINDOW,
      menu="Source &registry (merge, rename, kinds)"),
    A("view.agreement", ("Ctrl+Shift+A",), "Agreement between annotators: label × pair "
      "heatmap, the worst articles first", PROJECT, WINDOW,
      menu="&Agreement between annotators…"),
    A("article.adjudicate", ("Ctrl+J",), "Adjudicate the article: the annotators' versions "
      "side by side, the gold version above", PROJECT, WINDOW,
      menu="Ad&judicate the annotators' versions…"),
    A("view.review_queue", ("Ctrl+Shift+R",), "Review queue: disputed claim groups, annotators' "
      "disagreements, articles done with open suggestions", PROJECT, WINDOW,
      menu="&Review queue…"),
    A("view.overview", ("Ctrl+Shift+O",), "Overview: articles done per day, annotations per "
      "label, claims per outlet and source, open disputes (charts, saved as PNG or SVG)",
      PROJECT, WINDOW, menu="&Overview…"),
    A("annotator.switch", ("Ctrl+Shift+U",), "Annotate as another annotator: type the name "
      "(each annotator has a version of their own of every article)", PROJECT, WINDOW,
      menu="Switch &annotator…"),
    A("annotator.view", ("Ctrl+Shift+V",), "Show another annotator's version, read only (no "
      "name: your own again)", PROJECT, WINDOW,
      menu="Show another annotator's &version (read only)…"),
    A("note.annotator_name", (), "In the name field: Enter takes the name, Esc cancels",
      PROJECT, WINDOW, ("Enter", "Esc")),
    A("help.keys", ("?", "F1"), "Show the keyboard shortcuts", PROJECT, WINDOW,
      menu="&Keyboard shortcuts"),
    A("sources.suggest", ("S",), "Select a suggested merge", REGISTRY, SOURCES),
    A("sources.merge", ("M",), "Merge the selected sources (then pick the one that stays)",
      REGISTRY, SOURCES),
    A("sources.keep", DIGITS, "While merging: keep that source's name; the others become its "
      "aliases and their mentions move to it", REGISTRY, SOURCES, ("1 … 9",), each=True),
    A("sources.rename", ("F2",), "Rename the source (Enter saves, Esc cancels)", REGISTRY,
      SOURCES),
    A("sources.kind", ("K",), "Next kind of the source", REGISTRY, SOURCES),
    A("sources.undo", ("Ctrl+Z",), "Undo in the registry (the window's undo: across articles)",
      REGISTRY, SOURCES),
    A("sources.redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "Redo in the registry", REGISTRY, SOURCES),
    A("note.close", (), "Close (while merging or renaming: cancel)", REGISTRY, SOURCES,
      ("Esc",)),
    A("agreement.layer", ("L",), "Next layer (entity, claim, source, structure)", AGREE,
      AGREEMENT),
    A("agreement.figure", ("F",), "Next figure in the heatmap: exact F1, relaxed F1, kappa",
      AGREE, AGREEMENT),
    A("agreement.sort", ("S",), "Sort the articles by the next figure, worst first", AGREE,
      AGREEMENT),
    A("agreement.in_progress", ("I",), "Versions in progress too, or only those marked done "
      "(the default), computed again", AGREE, AGREEMENT),
    A("agreement.refresh", ("F5",), "Compute again (in the background)", AGREE, AGREEMENT),
    A("note.agreement_open", (), "Open the article in the main window", AGREE, AGREEMENT,
      ("Enter", "double-click")),
    A("note.agreement_close", (), "Close", AGREE, AGREEMENT, ("Esc",)),
    A("adjudication.next", ("J", "Tab"), "Next disagreement", ADJUDICATE, ADJUDICATION),
    A("adjudication.previous", ("K", "Shift+Tab"), "Previous disagreement", ADJUDICATE,
      ADJUDICATION),
    A("adjudication.take", DIGITS, "Gold takes annotator n's version of the disagreement "
      "(spans, an attribute, links, a claim group)", ADJUDICATE, ADJUDICATION, ("1 … 9",),
      each=True),
    A("adjudication.none", ("0", "X"), "Gold takes none of the disagreement", ADJUDICATE,
      ADJUDICATION),
    A("adjudication.relabel", tuple(f"Alt+{d}" for d in DIGITS), "Relabel the gold span at "
      "the gold cursor with the entity label of that digit; on a kind, check-worthiness or "
      "verdict, give gold its n-th value", ADJUDICATE, ADJUDICATION, ("Alt+1 … 9",),
      each=True),
    A("adjudication.delete", ("Delete", "Backspace"), "Delete the gold span at the gold "
      "cursor", ADJUDICATE, ADJUDICATION),
    A("adjudication.undo", ("Ctrl+Z",), "Undo in the gold version", ADJUDICATE, ADJUDICATION),
    A("adjudication.redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "Redo in the gold version", ADJUDICATE,
      ADJUDICATION),
    A("adjudication.done", ("Return", "Enter"), "Mark the gold version done and open the next "
      "article with disagreements", ADJUDICATE, ADJUDICATION),
    A("note.adjudication_close", (), "Close", ADJUDICATE, ADJUDICATION, ("Esc",)),
    A("review.kind", ("1", "2", "3"), "Only one kind: 1 disputed claim groups, 2 annotators' "
      "disagreements, 3 done with open suggestions", QUEUE, REVIEW, ("1 … 3",), each=True),
    A("review.all", ("0",), "Every kind again", QUEUE, REVIEW),
    A("review.next", ("J",), "Next item", QUEUE, REVIEW),
    A("review.previous", ("K",), "Previous item", QUEUE, REVIEW),
    A("note.review_arrows", (), "Next or previous item (in the list)", QUEUE, REVIEW,
      ("Down", "Up")),
    A("review.open", ("Return", "Enter"), "Open the view that resolves it: the disputes view "
      "on the group, adjudication of the article, the article in the window", QUEUE, REVIEW),
    A("review.refresh", ("F5",), "Read the queue again", QUEUE, REVIEW),
    A("note.review_close", (), "Close", QUEUE, REVIEW, ("Esc",)),
)
BY_NAME = {a.name: a for a in ACTIONS}
Sheet = list[tuple[str, list[tuple[tuple[str, ...], str]]]]  # groups of (keys, help)


def action(name: str) -> Action:
    """The declared action; an unknown name is an error."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise KeyError(f"no key action {name!r} in annotator/ui/keymap.py") from None


def keys_text(name: str) -> str:
    """The keys of an action as the user reads them, e.g. "Tab or J"."""
    a = action(name)
    return " or ".join(a.shown or a.keys)


def sheet(scopes: Iterable[str], details: Mapping[str, str] | None = None) -> Sheet:
    """The listed actions of some scopes as (group, [(keys, help)]), in declared order;
    ``details`` adds text to an action's help (e.g. the project's labels)."""
    scopes, details = set(scopes), details or {}
    groups: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for a in ACTIONS:
        if a.listed and a.scope in scopes:
            more = f" ({details[a.name]})" if a.name in details else ""
            groups.setdefault(a.group, []).append((a.shown or a.keys, a.help + more))
    return list(groups.items())


def hint(scopes: Iterable[str]) -> str:
    """The keys of some scopes on one line, e.g. "M merge … · K next kind …"."""
    return " · ".join(f"{' or '.join(keys)} {text[0].lower()}{text[1:]}"
                      for _group, rows in sheet(scopes) for keys, text in rows)


def label_keys(labels: Iterable[tuple[str | None, str]]) -> str:
    """'1 PER · 2 LOC' from (key, label name) pairs; keys that are no digit key are left out."""
    return " · ".join(f"{key} {name}" for key, name in labels if key in DIGITS)


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
