"""Every keyboard action of the app, declared once: its keys, its help, where it works.

Widgets bind handlers to these names (``ui/keys.py``); the `?` sheet and the README's key table
are made from this list. Plain data, no Qt: ``python -m annotator.ui.keymap --update README.md``
rewrites the README's table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from msgspec import Struct

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
CLAIM_FORM = (CANDIDATES, VALUES)  # bound as the claim panel's form is made (when first needed)
DISPUTES_PAGE, SOURCES_PAGE, AGREEMENT_PAGE = (DISPUTES, WINDOW), (SOURCES,), (AGREEMENT,)
ADJUDICATION_PAGE, REVIEW_PAGE = (ADJUDICATION,), (REVIEW,)
PAGES = (ARTICLE_PAGE, DISPUTES_PAGE, SOURCES_PAGE, AGREEMENT_PAGE, ADJUDICATION_PAGE,
         REVIEW_PAGE)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate finds
    """Marks ``text`` for translation (``pyside6-lupdate``); the text itself, untranslated."""
    return text


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


class Action(Struct, frozen=True):
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


# The texts below are translated where they are shown (context "keymap", ui/i18n.py).
ENTITIES, CLAIMS, SUGGESTIONS = (QT_TRANSLATE_NOOP("keymap", "Entities"),
                                 QT_TRANSLATE_NOOP("keymap", "Claims and sources"),
                                 QT_TRANSLATE_NOOP("keymap", "Suggestions"))
MOVING, EDITING, STRUCTURE = (QT_TRANSLATE_NOOP("keymap", "Moving"),
                              QT_TRANSLATE_NOOP("keymap", "Editing spans"),
                              QT_TRANSLATE_NOOP("keymap", "Zones and details"))
DISPUTED, PROJECT, REGISTRY = (QT_TRANSLATE_NOOP("keymap", "Disputed claims"),
                               QT_TRANSLATE_NOOP("keymap", "Project"),
                               QT_TRANSLATE_NOOP("keymap", "Source registry"))
AGREE = QT_TRANSLATE_NOOP("keymap", "Agreement between annotators")
ADJUDICATE = QT_TRANSLATE_NOOP("keymap", "Adjudication: the gold version")
QUEUE = QT_TRANSLATE_NOOP("keymap", "Review queue")
# what a help text's {fields} stand for
FIELDS = {"zones": ", ".join(f"{zone_keys()[label]} {label}"
                             for label in ("HEADLINE", "LEAD", "CAPTION", "TEASER")),
          "body": BODY_KEY}
A = Action

ACTIONS: tuple[Action, ...] = (
    A("entity.label", DIGITS, QT_TRANSLATE_NOOP("keymap", "Label the selection or the word at "
                                  "the cursor"), ENTITIES, ARTICLE, ("1 … 9",), each=True),
    A("entity.label_exact", tuple(f"Alt+{d}" for d in DIGITS),
      QT_TRANSLATE_NOOP("keymap", "Label, exact characters"), ENTITIES, ARTICLE, listed=False,
      each=True),
    A("note.relabel", (), QT_TRANSLATE_NOOP("keymap", "On an entity: relabel it; on a "
                                  "suggestion: accept it with that label"), ENTITIES, ARTICLE,
      ("1 … 9",)),
    A("note.select", (), QT_TRANSLATE_NOOP("keymap", "Select by character (Ctrl too: by word); a "
                                  "span snaps to whole words"), ENTITIES, ARTICLE,
      (QT_TRANSLATE_NOOP("keymap", "Shift+arrows"),)),
    A("claim.mark", ("C",), QT_TRANSLATE_NOOP("keymap", "Mark a claim: the selection, or the "
                                  "sentence at the cursor"), CLAIMS, ARTICLE),
    A("source.mark", ("S",), QT_TRANSLATE_NOOP("keymap", "Mark a source: the selection, or the "
                                  "entity or word at the cursor"), CLAIMS, ARTICLE),
    A("claim.mark_exact", ("Alt+C",), QT_TRANSLATE_NOOP("keymap", "Mark a claim, exact "
                                  "characters"), CLAIMS, ARTICLE, listed=False),
    A("source.mark_exact", ("Alt+S",), QT_TRANSLATE_NOOP("keymap", "Mark a source, exact "
                                  "characters"), CLAIMS, ARTICLE, listed=False),
    A("note.exact", (), QT_TRANSLATE_NOOP("keymap", "The same with exact characters, not whole "
                                  "words (digits too)"), CLAIMS, ARTICLE,
      (QT_TRANSLATE_NOOP("keymap", "Alt+key"),)),
    A("claim.link", ("L",), QT_TRANSLATE_NOOP("keymap", "Link the claim at the cursor to a "
                                  "source (the article's, then known ones)"), CLAIMS, ARTICLE),
    A("claim.edit", ("E",), QT_TRANSLATE_NOOP("keymap", "Edit the claim's kind, "
                                  "check-worthiness, verdict, … (Esc returns)"), CLAIMS, ARTICLE),
    A("claim.accept_attribution", ("Shift+L",), QT_TRANSLATE_NOOP("keymap", "Accept the "
                                  "suggested attribution (source and who reports it, cue, "
                                  "quotation type)"), CLAIMS, ARTICLE),
    A("claim.rank", ("G",), QT_TRANSLATE_NOOP("keymap", "Rank sentences and claims of other "
                                  "articles about the same point"), CLAIMS, ARTICLE),
    A("candidate.choose", DIGITS[:5], QT_TRANSLATE_NOOP("keymap", "In the ranked list: put that "
                                  "one in the claim's group"), CLAIMS, CANDIDATES, ("1 … 5",),
      each=True),
    A("candidate.reject", ("X",), QT_TRANSLATE_NOOP("keymap", "In the ranked list: not the same "
                                  "point"), CLAIMS, CANDIDATES),
    A("claim.values", ("V",), QT_TRANSLATE_NOOP("keymap", "The claim's values (weekday, date, "
                                  "number, place, person, yes/no): a group is disputed when two "
                                  "claims' values conflict"), CLAIMS, ARTICLE),
    A("value.edit", ("Return", "F2"), QT_TRANSLATE_NOOP("keymap", "In the values: edit the value "
                                  "(“slot: text”, Enter stores it, one undo step)"), CLAIMS,
      VALUES),
    A("value.add", ("Insert", "A"), QT_TRANSLATE_NOOP("keymap", "In the values: add one, e.g. "
                                  "“place: Prag”"), CLAIMS, VALUES),
    A("value.delete", ("Delete", "Backspace"), QT_TRANSLATE_NOOP("keymap", "In the values: "
                                  "delete the value"), CLAIMS, VALUES),
    A("claim.back", ("Esc",), QT_TRANSLATE_NOOP("keymap", "In the side panel (claims, sources, "
                                  "the claim's form, the ranked list, the values): back to the "
                                  "text (from a value's edit: to the values)"), CLAIMS, PANEL),
    A("suggestion.accept", ("A",), QT_TRANSLATE_NOOP("keymap", "Accept the suggestion at the "
                                  "cursor (or those in the selection) and go on to the next open "
                                  "one"), SUGGESTIONS, ARTICLE),
    A("suggestion.reject", ("X",), QT_TRANSLATE_NOOP("keymap", "Reject the suggestion at the "
                                  "cursor (or those in the selection) and go on to the next open "
                                  "one"), SUGGESTIONS, ARTICLE),
    A("suggestion.accept_all", ("Shift+A",), QT_TRANSLATE_NOOP("keymap", "Accept all open "
                                  "suggestions of the article, zones apart (one undo step)"),
      SUGGESTIONS, ARTICLE),
    A("suggestion.reject_all", ("Shift+X",), QT_TRANSLATE_NOOP("keymap", "Reject all open "
                                  "suggestions of the article, zones apart"), SUGGESTIONS,
      ARTICLE),
    A("span.next", ("Tab", "J"), QT_TRANSLATE_NOOP("keymap", "Next span (suggestion or "
                                  "annotation)"), MOVING, ARTICLE),
    A("span.previous", ("Shift+Tab", "K"), QT_TRANSLATE_NOOP("keymap", "Previous span"), MOVING,
      ARTICLE),
    A("span.delete", ("Delete", "Backspace"), QT_TRANSLATE_NOOP("keymap", "Delete the span at "
                                  "the cursor (with its links)"), EDITING, ARTICLE),
    A("span.grow_end", ("Alt+Right",), QT_TRANSLATE_NOOP("keymap", "Grow the span's end by a "
                                  "word"), EDITING, ARTICLE),
    A("span.shrink_end", ("Alt+Left",), QT_TRANSLATE_NOOP("keymap", "Shrink the span's end by a "
                                  "word"), EDITING, ARTICLE),
    A("span.grow_start", ("Alt+Shift+Left",), QT_TRANSLATE_NOOP("keymap", "Grow the span's start "
                                  "by a word"), EDITING, ARTICLE),
    A("span.shrink_start", ("Alt+Shift+Right",), QT_TRANSLATE_NOOP("keymap", "Shrink the span's "
                                  "start by a word"), EDITING, ARTICLE),
    A("span.grow_end_exact", ("Ctrl+Alt+Right",), QT_TRANSLATE_NOOP("keymap", "Grow the span's "
                                  "end by a character"), EDITING, ARTICLE, listed=False),
    A("span.shrink_end_exact", ("Ctrl+Alt+Left",), QT_TRANSLATE_NOOP("keymap", "Shrink the "
                                  "span's end by a character"), EDITING, ARTICLE, listed=False),
    A("span.grow_start_exact", ("Ctrl+Alt+Shift+Left",), QT_TRANSLATE_NOOP("keymap", "Grow the "
                                  "span's start by a character"), EDITING, ARTICLE, listed=False),
    A("span.shrink_start_exact", ("Ctrl+Alt+Shift+Right",), QT_TRANSLATE_NOOP("keymap", "Shrink "
                                  "the span's start by a character"), EDITING, ARTICLE,
      listed=False),
    A("note.by_character", (), QT_TRANSLATE_NOOP("keymap", "The same by a character"), EDITING,
      ARTICLE, ("Ctrl+Alt+…",)),
    A("note.drag", (), QT_TRANSLATE_NOOP("keymap", "Drag a boundary of the outlined span"),
      EDITING, ARTICLE, (QT_TRANSLATE_NOOP("keymap", "drag"),)),
    A("zone.set", ("Z",), QT_TRANSLATE_NOOP("keymap", "Set the zone of the line at the cursor or "
                                  "of the selection (a picker; one undo step)"), STRUCTURE,
      ARTICLE),
    A("note.zone_picker", (), QT_TRANSLATE_NOOP("keymap", "In the zone picker: the label's "
                                  "letter ({zones} …), {body} for body (no zone)"), STRUCTURE,
      ARTICLE, (QT_TRANSLATE_NOOP("keymap", "letter"),)),
    A("article.meta", ("M",), QT_TRANSLATE_NOOP("keymap", "Edit the article's title, outlet, "
                                  "author, date and URL (Tab between fields, Enter saves, Esc "
                                  "returns)"), STRUCTURE, ARTICLE),
    A("disputes.next_group", ("J",), QT_TRANSLATE_NOOP("keymap", "Next group"), DISPUTED,
      DISPUTES),
    A("disputes.previous_group", ("K",), QT_TRANSLATE_NOOP("keymap", "Previous group"), DISPUTED,
      DISPUTES),
    A("note.group_list", (), QT_TRANSLATE_NOOP("keymap", "Next or previous group (in the list)"),
      DISPUTED, DISPUTES, ("Down", "Up")),
    A("disputes.next_claim", ("L", "Right"), QT_TRANSLATE_NOOP("keymap", "Next claim (column)"),
      DISPUTED, DISPUTES),
    A("disputes.previous_claim", ("H", "Left"), QT_TRANSLATE_NOOP("keymap", "Previous claim "
                                  "(column)"), DISPUTED, DISPUTES),
    A("disputes.holds", DIGITS, QT_TRANSLATE_NOOP("keymap", "Claim n holds (again: undecided)"),
      DISPUTED, DISPUTES, ("1 … 9",), each=True),
    A("disputes.value", ("V",), QT_TRANSLATE_NOOP("keymap", "Edit the value the current claim "
                                  "states"), DISPUTED, DISPUTES),
    A("disputes.stance", ("S",), QT_TRANSLATE_NOOP("keymap", "Stance of the current claim: "
                                  "supports, refutes, none"), DISPUTED, DISPUTES),
    A("disputes.note", ("R",), QT_TRANSLATE_NOOP("keymap", "Edit the note: why the claim holds"),
      DISPUTED, DISPUTES),
    A("disputes.title", ("T",), QT_TRANSLATE_NOOP("keymap", "Retitle the group"), DISPUTED,
      DISPUTES),
    A("disputes.remove", ("Delete",), QT_TRANSLATE_NOOP("keymap", "Remove the current claim from "
                                  "the group"), DISPUTED, DISPUTES),
    A("disputes.scope", ("A",), QT_TRANSLATE_NOOP("keymap", "Disputed groups only, or all groups"),
      DISPUTED, DISPUTES),
    A("note.open_claim", (), QT_TRANSLATE_NOOP("keymap", "Open the claim in its article"),
      DISPUTED, DISPUTES, ("Enter", QT_TRANSLATE_NOOP("keymap", "double-click"))),
    A("note.cancel_edit", (), QT_TRANSLATE_NOOP("keymap", "Cancel an edit"), DISPUTED, DISPUTES,
      ("Esc",)),
    A("project.new", ("Ctrl+N",), QT_TRANSLATE_NOOP("keymap", "New project: choose its file "
                                  "name; it opens in this window's place"), PROJECT, WINDOW,
      menu=QT_TRANSLATE_NOOP("keymap", "&New project…")),
    A("project.open", ("Ctrl+O",), QT_TRANSLATE_NOOP("keymap", "Open a project file (File ▸ "
                                  "Recent projects: the last ten)"), PROJECT, WINDOW,
      menu=QT_TRANSLATE_NOOP("keymap", "&Open project…")),
    A("project.import", ("Ctrl+I",), QT_TRANSLATE_NOOP("keymap", "Import files (in the "
                                  "background)"), PROJECT, WINDOW,
      menu=QT_TRANSLATE_NOOP("keymap", "&Import files…")),
    A("project.import_folder", ("Ctrl+Shift+I",), QT_TRANSLATE_NOOP("keymap", "Import a folder"),
      PROJECT, WINDOW, listed=False, menu=QT_TRANSLATE_NOOP("keymap", "Import a &folder…")),
    A("project.label_layers", ("Ctrl+Shift+L",), QT_TRANSLATE_NOOP("keymap", "Which labels of "
                                  "other tools' files are claims or sources (for imports)"),
      PROJECT, WINDOW, menu=QT_TRANSLATE_NOOP("keymap", "&Label layers for imports…")),
    A("project.suggest", ("Ctrl+E",), QT_TRANSLATE_NOOP("keymap", "Suggest entities for new "
                                  "articles"), PROJECT, WINDOW,
      menu=QT_TRANSLATE_NOOP("keymap", "&Suggest entities for new articles")),
    A("project.suggest_again", ("Ctrl+Shift+E",), QT_TRANSLATE_NOOP("keymap", "Suggest entities "
                                  "for this article again"), PROJECT, WINDOW, listed=False,
      menu=QT_TRANSLATE_NOOP("keymap", "Suggest entities for &this article again")),
    A("project.export", ("Ctrl+Shift+S",), QT_TRANSLATE_NOOP("keymap", "Export a dataset (in the "
                                  "background)"), PROJECT, WINDOW,
      menu=QT_TRANSLATE_NOOP("keymap", "E&xport dataset…")),
    A("project.quit", ("Ctrl+Q",), QT_TRANSLATE_NOOP("keymap", "Quit"), PROJECT, WINDOW,
      listed=False, menu=QT_TRANSLATE_NOOP("keymap", "&Quit")),
    A("edit.undo", ("Ctrl+Z",), QT_TRANSLATE_NOOP("keymap", "Undo (across articles)"), PROJECT,
      WINDOW),
    A("edit.redo", ("Ctrl+Shift+Z", "Ctrl+Y"), QT_TRANSLATE_NOOP("keymap", "Redo"), PROJECT,
      WINDOW),
    A("edit.find", ("Ctrl+F",), QT_TRANSLATE_NOOP("keymap", "Find articles"), PROJECT, WINDOW,
      menu=QT_TRANSLATE_NOOP("keymap", "&Find articles")),
    A("edit.preferences", ("Ctrl+,",), QT_TRANSLATE_NOOP("keymap", "Preferences: labels, "
                                  "suggestion model, font, theme, language"), PROJECT, WINDOW,
      menu=QT_TRANSLATE_NOOP("keymap", "&Preferences…")),
    A("search.back", ("Esc",), QT_TRANSLATE_NOOP("keymap", "In the search, the filters or the "
                                  "article list: back to the article (Enter in the search: to "
                                  "the next hit)"), PROJECT, SEARCH, ("Enter", "Esc")),
    A("note.list_ends", (), QT_TRANSLATE_NOOP("keymap", "In the article list: the first or the "
                                  "last article"), PROJECT, SEARCH, ("Home", "End")),
    A("article.next", ("N", "Ctrl+Down"), QT_TRANSLATE_NOOP("keymap", "Next article"), PROJECT,
      WINDOW, menu=QT_TRANSLATE_NOOP("keymap", "&Next article")),
    A("article.previous", ("P", "Ctrl+Up"), QT_TRANSLATE_NOOP("keymap", "Previous article"),
      PROJECT, WINDOW, menu=QT_TRANSLATE_NOOP("keymap", "&Previous article")),
    A("article.done", ("D",), QT_TRANSLATE_NOOP("keymap", "Mark the article done and go on; open "
                                  "suggestions: A accepts, X rejects the rest (one undo step), "
                                  "Esc leaves it open"), PROJECT, WINDOW,
      menu=QT_TRANSLATE_NOOP("keymap", "Mark &done and go on")),
    A("article.in_progress", ("Shift+D",), QT_TRANSLATE_NOOP("keymap", "Back to in progress"),
      PROJECT, WINDOW, menu=QT_TRANSLATE_NOOP("keymap", "Back to &in progress")),
    A("view.disputes", ("Ctrl+G",), QT_TRANSLATE_NOOP("keymap", "Disputed claims side by side / "
                                  "back to the article"), PROJECT, WINDOW),
    A("view.sources", ("Ctrl+R",), QT_TRANSLATE_NOOP("keymap", "Source registry (merge, rename, "
                                  "kinds)"), PROJECT, WINDOW,
      menu=QT_TRANSLATE_NOOP("keymap", "Source &registry (merge, rename, kinds)")),
    A("view.agreement", ("Ctrl+Shift+A",), QT_TRANSLATE_NOOP("keymap", "Agreement between "
                                  "annotators: label × pair heatmap, the worst articles first"),
      PROJECT, WINDOW, menu=QT_TRANSLATE_NOOP("keymap", "&Agreement between annotators…")),
    A("article.adjudicate", ("Ctrl+J",), QT_TRANSLATE_NOOP("keymap", "Adjudicate the article: "
                                  "the annotators' versions side by side, the gold version above"),
      PROJECT, WINDOW, menu=QT_TRANSLATE_NOOP("keymap", "Ad&judicate the annotators' versions…")),
    A("view.review_queue", ("Ctrl+Shift+R",), QT_TRANSLATE_NOOP("keymap", "Review queue: "
                                  "disputed claim groups, annotators' disagreements, articles "
                                  "done with open suggestions"), PROJECT, WINDOW,
      menu=QT_TRANSLATE_NOOP("keymap", "&Review queue…")),
    A("view.overview", ("Ctrl+Shift+O",), QT_TRANSLATE_NOOP("keymap", "Overview: articles done "
                                  "per day, annotations per label, claims per outlet and source, "
                                  "open disputes (charts, saved as PNG or SVG)"), PROJECT, WINDOW,
      menu=QT_TRANSLATE_NOOP("keymap", "&Overview…")),
    A("annotator.switch", ("Ctrl+Shift+U",), QT_TRANSLATE_NOOP("keymap", "Annotate as another "
                                  "annotator: type the name (each annotator has a version of "
                                  "their own of every article)"), PROJECT, WINDOW,
      menu=QT_TRANSLATE_NOOP("keymap", "Switch &annotator…")),
    A("annotator.view", ("Ctrl+Shift+V",), QT_TRANSLATE_NOOP("keymap", "Show another annotator's "
                                  "version, read only (no name: your own again)"), PROJECT,
      WINDOW, menu=QT_TRANSLATE_NOOP("keymap", "Show another annotator's &version (read only)…")),
    A("note.annotator_name", (), QT_TRANSLATE_NOOP("keymap", "In the name field: Enter takes the "
                                  "name, Esc cancels"), PROJECT, WINDOW, ("Enter", "Esc")),
    A("help.keys", ("?", "F1"), QT_TRANSLATE_NOOP("keymap", "Show the keyboard shortcuts"),
      PROJECT, WINDOW, menu=QT_TRANSLATE_NOOP("keymap", "&Keyboard shortcuts")),
    A("sources.suggest", ("S",), QT_TRANSLATE_NOOP("keymap", "Select a suggested merge"),
      REGISTRY, SOURCES),
    A("sources.merge", ("M",), QT_TRANSLATE_NOOP("keymap", "Merge the selected sources (then "
                                  "pick the one that stays)"), REGISTRY, SOURCES),
    A("sources.keep", DIGITS, QT_TRANSLATE_NOOP("keymap", "While merging: keep that source's "
                                  "name; the others become its aliases and their mentions move "
                                  "to it"), REGISTRY, SOURCES, ("1 … 9",), each=True),
    A("sources.rename", ("F2",), QT_TRANSLATE_NOOP("keymap", "Rename the source (Enter saves, "
                                  "Esc cancels)"), REGISTRY, SOURCES),
    A("sources.kind", ("K",), QT_TRANSLATE_NOOP("keymap", "Next kind of the source"), REGISTRY,
      SOURCES),
    A("sources.undo", ("Ctrl+Z",), QT_TRANSLATE_NOOP("keymap", "Undo in the registry (the "
                                  "window's undo: across articles)"), REGISTRY, SOURCES),
    A("sources.redo", ("Ctrl+Shift+Z", "Ctrl+Y"), QT_TRANSLATE_NOOP("keymap", "Redo in the "
                                  "registry"), REGISTRY, SOURCES),
    A("note.close", (), QT_TRANSLATE_NOOP("keymap", "Close (while merging or renaming: cancel)"),
      REGISTRY, SOURCES, ("Esc",)),
    A("agreement.layer", ("L",), QT_TRANSLATE_NOOP("keymap", "Next layer (entity, claim, source, "
                                  "structure)"), AGREE, AGREEMENT),
    A("agreement.figure", ("F",), QT_TRANSLATE_NOOP("keymap", "Next figure in the heatmap: exact "
                                  "F1, relaxed F1, kappa"), AGREE, AGREEMENT),
    A("agreement.sort", ("S",), QT_TRANSLATE_NOOP("keymap", "Sort the articles by the next "
                                  "figure, worst first"), AGREE, AGREEMENT),
    A("agreement.in_progress", ("I",), QT_TRANSLATE_NOOP("keymap", "Versions in progress too, or "
                                  "only those marked done (the default), computed again"), AGREE,
      AGREEMENT),
    A("agreement.refresh", ("F5",), QT_TRANSLATE_NOOP("keymap", "Compute again (in the "
                                  "background)"), AGREE, AGREEMENT),
    A("note.agreement_open", (), QT_TRANSLATE_NOOP("keymap", "Open the article in the main "
                                  "window"), AGREE, AGREEMENT,
      ("Enter", QT_TRANSLATE_NOOP("keymap", "double-click"))),
    A("note.agreement_close", (), QT_TRANSLATE_NOOP("keymap", "Close"), AGREE, AGREEMENT,
      ("Esc",)),
    A("adjudication.next", ("J", "Tab"), QT_TRANSLATE_NOOP("keymap", "Next disagreement"),
      ADJUDICATE, ADJUDICATION),
    A("adjudication.previous", ("K", "Shift+Tab"), QT_TRANSLATE_NOOP("keymap", "Previous "
                                  "disagreement"), ADJUDICATE, ADJUDICATION),
    A("adjudication.take", DIGITS, QT_TRANSLATE_NOOP("keymap", "Gold takes annotator n's version "
                                  "of the disagreement (spans, an attribute, links, a claim "
                                  "group)"), ADJUDICATE, ADJUDICATION, ("1 … 9",), each=True),
    A("adjudication.none", ("0", "X"), QT_TRANSLATE_NOOP("keymap", "Gold takes none of the "
                                  "disagreement"), ADJUDICATE, ADJUDICATION),
    A("adjudication.relabel", tuple(f"Alt+{d}" for d in DIGITS),
      QT_TRANSLATE_NOOP("keymap", "Relabel the gold span at the gold cursor with the entity "
                                  "label of that digit; on a kind, check-worthiness or verdict, "
                                  "give gold its n-th value"), ADJUDICATE, ADJUDICATION,
      ("Alt+1 … 9",), each=True),
    A("adjudication.delete", ("Delete", "Backspace"), QT_TRANSLATE_NOOP("keymap", "Delete the "
                                  "gold span at the gold cursor"), ADJUDICATE, ADJUDICATION),
    A("adjudication.undo", ("Ctrl+Z",), QT_TRANSLATE_NOOP("keymap", "Undo in the gold version"),
      ADJUDICATE, ADJUDICATION),
    A("adjudication.redo", ("Ctrl+Shift+Z", "Ctrl+Y"), QT_TRANSLATE_NOOP("keymap", "Redo in the "
                                  "gold version"), ADJUDICATE, ADJUDICATION),
    A("adjudication.done", ("Return", "Enter"), QT_TRANSLATE_NOOP("keymap", "Mark the gold "
                                  "version done and open the next article with disagreements"),
      ADJUDICATE, ADJUDICATION),
    A("note.adjudication_close", (), QT_TRANSLATE_NOOP("keymap", "Close"), ADJUDICATE,
      ADJUDICATION, ("Esc",)),
    A("review.kind", ("1", "2", "3"), QT_TRANSLATE_NOOP("keymap", "Only one kind: 1 disputed "
                                  "claim groups, 2 annotators' disagreements, 3 done with open "
                                  "suggestions"), QUEUE, REVIEW, ("1 … 3",), each=True),
    A("review.all", ("0",), QT_TRANSLATE_NOOP("keymap", "Every kind again"), QUEUE, REVIEW),
    A("review.next", ("J",), QT_TRANSLATE_NOOP("keymap", "Next item"), QUEUE, REVIEW),
    A("review.previous", ("K",), QT_TRANSLATE_NOOP("keymap", "Previous item"), QUEUE, REVIEW),
    A("note.review_arrows", (), QT_TRANSLATE_NOOP("keymap", "Next or previous item (in the list)"),
      QUEUE, REVIEW, ("Down", "Up")),
    A("review.open", ("Return", "Enter"), QT_TRANSLATE_NOOP("keymap", "Open the view that "
                                  "resolves it: the disputes view on the group, adjudication of "
                                  "the article, the article in the window"), QUEUE, REVIEW),
    A("review.refresh", ("F5",), QT_TRANSLATE_NOOP("keymap", "Read the queue again"), QUEUE,
      REVIEW),
    A("note.review_close", (), QT_TRANSLATE_NOOP("keymap", "Close"), QUEUE, REVIEW, ("Esc",)),
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


def sheet(scopes: Iterable[str], details: Mapping[str, str] | None = None,
          tr: Callable[[str], str] = str) -> Sheet:
    """The listed actions of some scopes as (group, [(keys, help)]), in declared order;
    ``details`` adds text to an action's help (e.g. the project's labels); ``tr`` translates
    the group names and the help (English: unchanged)."""
    scopes, details = set(scopes), details or {}
    groups: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for a in ACTIONS:
        if a.listed and a.scope in scopes:
            more = f" ({details[a.name]})" if a.name in details else ""
            groups.setdefault(tr(a.group), []).append((a.shown or a.keys,
                                                       tr(a.help).format_map(FIELDS) + more))
    return list(groups.items())


def label_keys(labels: Iterable[tuple[str | None, str]]) -> str:
    """'1 PER · 2 LOC' from (key, label name) pairs; keys that are no digit key are left out."""
    return " · ".join(f"{key} {name}" for key, name in labels if key in DIGITS)


if __name__ == "__main__":  # python -m annotator.ui.keymap --update FILE: the README's table,
    # made by ui/keymap_readme.py (which imports this module: run as a script, not imported)
    import runpy

    runpy.run_module("annotator.ui.keymap_readme", run_name="__main__")
