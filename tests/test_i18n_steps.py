"""Every undo step name the app layer gives reaches the Edit menu translated: read from the
source (AST), each ``….action(text)`` call and each undo command's name (``super().__init__``
of a ``StoreCommand``, the text given to one when it is made) is a translated text, context
``UndoStep``, or a value made elsewhere; never a literal or an f-string (lupdate collects
neither, and a sentence built of pieces cannot be translated)."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[1] / "annotator" / "app"
TRANSLATE = {"translate", "QT_TRANSLATE_NOOP"}


def modules() -> dict[str, ast.Module]:
    return {p.name: ast.parse(p.read_text(encoding="utf-8")) for p in sorted(APP.glob("*.py"))}


def commands(trees: dict[str, ast.Module]) -> set[str]:
    """The names of StoreCommand and of every class in app made from it (transitively)."""
    bases = {node.name: {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "")
                         for b in node.bases}
             for tree in trees.values() for node in ast.walk(tree)
             if isinstance(node, ast.ClassDef)}
    found = {"StoreCommand"}
    while more := {name for name, of in bases.items() if of & found} - found:
        found |= more
    return found


def _name(func: ast.expr) -> str:
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def problem(arg: ast.expr) -> str | None:
    """Why a step name's expression is not a translated text, or None when it is one."""
    if any(isinstance(n, ast.JoinedStr) for n in ast.walk(arg)):
        return "an f-string"
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return "a literal"
    if isinstance(arg, ast.BinOp) and any(isinstance(n, ast.Constant) and isinstance(
            n.value, str) for n in ast.walk(arg)):
        return "pieces joined"
    filled = {id(n) for f in ast.walk(arg) if isinstance(f, ast.Call) and _name(f.func) == "format"
              for part in [*f.args, *(k.value for k in f.keywords)] for n in ast.walk(part)}
    for call in (n for n in ast.walk(arg) if isinstance(n, ast.Call) and id(n) not in filled):
        if _name(call.func) in TRANSLATE and call.args:
            context = call.args[0]
            if not (isinstance(context, ast.Constant) and context.value == "UndoStep"):
                return "translated under another context than UndoStep"
    return None


def _texty(arg: ast.expr) -> bool:
    """Whether an argument is (or is made of) a text: a string, an f-string, a translation."""
    return any(isinstance(n, ast.JoinedStr) or isinstance(n, ast.Constant) and isinstance(
        n.value, str) or isinstance(n, ast.Call) and _name(n.func) in TRANSLATE
        for n in ast.walk(arg))


def step_names() -> list[tuple[str, int, ast.expr]]:
    """Each undo step name in app: (module, line, its expression)."""
    trees = modules()
    made = commands(trees)
    found = []
    for module, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name in made:
                for init in (n for n in node.body
                             if isinstance(n, ast.FunctionDef) and n.name == "__init__"):
                    args = init.args
                    for arg, default in zip(args.args[::-1], args.defaults[::-1], strict=False):
                        if arg.arg == "text" and default is not None:
                            found.append((module, default.lineno, default))
                    for call in ast.walk(init):
                        if (isinstance(call, ast.Call) and _name(call.func) == "__init__"
                                and len(call.args) >= 3):
                            found.append((module, call.lineno, call.args[2]))
            if not isinstance(node, ast.Call):
                continue
            if _name(node.func) == "action" and isinstance(node.func, ast.Attribute) and node.args:
                found.append((module, node.lineno, node.args[0]))
            elif _name(node.func) in made - {"StoreCommand"}:  # a text given to a command
                found += [(module, node.lineno, a) for a in node.args if _texty(a)]
                found += [(module, node.lineno, k.value) for k in node.keywords if k.arg == "text"]
    return found


def test_the_walk_finds_the_step_names():
    """The walk sees the places it checks: the session's actions, the commands' names, the
    texts given to commands (a test that found nothing would pass on anything)."""
    where = {(module, ast.unparse(expr)) for module, _line, expr in step_names()}
    assert ("claim_values.py", "translate('UndoStep', \"Edit the claim's values\")") in where
    assert ("session.py", "translate('UndoStep', 'Resize span')") in where
    assert ("adjudication_commands.py", "text or texts.take_links()") in where
    assert ("review.py", "_done_step(rest, len(found))") in where
    assert sum(module == "commands.py" for module, _ in where) >= 5
    assert len(where) > 40


def test_no_undo_step_is_named_in_english_only():
    bad = [f"{module}:{line}: {why}: {ast.unparse(expr)}"
           for module, line, expr in step_names() if (why := problem(expr)) is not None]
    assert bad == []


def test_the_check_catches_what_lupdate_misses():
    def why(source: str) -> str | None:
        return problem(ast.parse(source, mode="eval").body)

    assert why('f"Link claim to {name}"') == "an f-string"
    assert why('"Mark source"') == "a literal"
    assert why('"Edit " + ", ".join(fields)') == "pieces joined"
    assert why('translate("Session", "Mark source")') == \
        "translated under another context than UndoStep"
    assert why('translate("UndoStep", f"Zone: {label}")') == "an f-string"
    assert why('translate("UndoStep", "Zone: {zone}").format(zone=label)') is None
    assert why("texts.gold_done()") is None
    assert why('translate("UndoStep", "Add ({layer})").format(layer=translate("Layer", x))') \
        is None  # a value put in may be translated under its own context
