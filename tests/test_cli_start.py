"""Starting the command: --version and -h, help with readable placeholders, and without a
display one line and exit 2 (checked before Qt, which would abort) while the rest works."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from annotator import __version__
from annotator.cli import app
from annotator.cli.display import display_problem

ROOT = Path(__file__).parents[1]
runner = CliRunner()
COMMANDS = [c.name for c in app.registered_commands]
# typer's type labels, which say nothing to the reader: <bool>, <str>, <int>, <list[str]> …
TYPE_LABEL = re.compile(r"<(bool|str|int|float|path|list\[[^]]*\]|int range)>")


def test_version_and_short_help() -> None:
    version = runner.invoke(app, ["--version"])
    assert version.exit_code == 0 and version.output == f"annotator {__version__}\n"
    short, long = runner.invoke(app, ["-h"]), runner.invoke(app, ["--help"])
    assert short.exit_code == 0 and short.output == long.output
    assert "--version" in short.output and all(c in short.output for c in COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_commands_options_show_placeholders(command: str) -> None:
    result = runner.invoke(app, [command, "-h"])
    assert result.exit_code == 0, result.output
    options = result.output.split("Options:", 1)[1]
    assert not TYPE_LABEL.search(options), options
    # an option that takes a value names it: "--annotator NAME", "-o, --output DIR", "--top N"
    for line in options.splitlines():
        if re.match(r"\s+(-\w, )?--(annotator|output|seed|top|steps|layer|article)\b", line):
            assert re.match(r"\s+(-\w, )?--[\w-]+ [A-Za-z|=…,.\[\]-]+\s", line), line
    if "Arguments:" in result.output:  # arguments by their placeholder, in capitals
        for line in result.output.split("Arguments:", 1)[1].split("Options:")[0].splitlines():
            assert not re.match(r"  [a-z]", line), line  # a row, not a wrapped help line


def test_help_names_the_placeholders() -> None:
    export = runner.invoke(app, ["export", "-h"]).output
    assert "-f, --format FORMAT" in export and "-o, --output DIR" in export
    assert "--seed N" in export and "--include-unreviewed " in export  # a flag: no placeholder
    assert "--annotator NAME" in runner.invoke(app, ["open", "-h"]).output
    assert "PATH…" in runner.invoke(app, ["import", "-h"]).output


def _bare(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    """The command in an emptied environment: no DISPLAY, no WAYLAND_DISPLAY, no Qt platform."""
    return subprocess.run([sys.executable, "-m", "annotator", *args], capture_output=True,
                          text=True, timeout=120, cwd=cwd,
                          env={"PYTHONPATH": str(ROOT), "HOME": str(cwd), **env})


def test_without_a_display_one_line_and_exit_2(tmp_path: Path) -> None:
    made = runner.invoke(app, ["import", str(tmp_path / "p.db"), str(
        ROOT / "annotator" / "resources" / "sample" / "01-elbtal-bote-unterzeichnung.txt"),
        "--no-suggest"])
    assert made.exit_code == 0, made.output
    data = tmp_path / "data"
    for args in (["open", "p.db"], [], ["demo"]):
        out = _bare(*args, cwd=tmp_path, ANNOTATOR_DATA_DIR=str(data))
        assert out.returncode == 2, (args, out.stderr)
        assert out.stderr.startswith("annotator: no display") and out.stderr.count("\n") == 1
        assert out.stdout == ""
    assert not data.exists()  # refused before the demo was built
    stats = _bare("stats", "p.db", "--json", cwd=tmp_path)  # the command line works headless
    assert stats.returncode == 0 and '"articles": 1' in stats.stdout, stats.stderr


def test_which_environments_have_no_display(tmp_path: Path) -> None:
    assert display_problem({}, "linux").startswith("no display")
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({"QT_QPA_PLATFORM": "minimal:enable_fonts"}, "linux") is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display_problem({}, "win32") is None and display_problem({}, "darwin") is None
    broken = tmp_path / "libqxcb.so"
    broken.write_bytes(b"not a shared library")
    for env in ({"DISPLAY": ":0"}, {"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}):
        problem = display_problem(env, "linux", xcb_plugin=broken)
        assert problem.startswith("Qt's X11 platform plugin does not load (")
        assert str(broken) in problem and "\n" not in problem
    # Wayland first: the X11 plugin is not needed
    assert display_problem({"DISPLAY": ":0", "WAYLAND_DISPLAY": "w"}, "linux",
                           xcb_plugin=broken) is None


def test_a_plain_window_start_is_recognised_and_nothing_else(tmp_path: Path,
                                                             monkeypatch) -> None:
    from annotator.cli.gui import plain_start

    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(tmp_path))
    assert plain_start([]) is None and plain_start(["open"]) is None  # no last project: typer's
    last = tmp_path / "last.db"
    last.touch()
    (tmp_path / "last-project").write_text(str(last), encoding="utf-8")
    assert plain_start([]) == (last, None) and plain_start(["open"]) == (last, None)
    assert plain_start(["open", "p.db"]) == (Path("p.db"), None)
    assert plain_start(["open", "p.db", "--annotator", "kai"]) == (Path("p.db"), "kai")
    assert plain_start(["open", "--annotator=kai", "p.db"]) == (Path("p.db"), "kai")
    assert plain_start(["open", "--annotator", "kai"]) == (last, "kai")
    for args in (["open", "-h"], ["open", "--help"], ["--version"], ["stats", "p.db"],
                 ["open", "p.db", "--screenshot", "x.png"], ["open", "a.db", "b.db"],
                 ["open", "p.db", "--annotator"], ["demo"], ["open", "--annotator", "a",
                                                             "--annotator", "b"]):
        assert plain_start(args) is None, args


START = """import sys
from annotator.cli import gui, main
def start(project, screenshot=None, annotator=None):
    loaded = {m.split('.')[0] for m in sys.modules}
    print(project, annotator, sorted(loaded & {'typer', 'pydantic'}))
    return 7
gui.start = start
sys.argv = ["annotator", *sys.argv[1:]]
main()
"""


def test_a_plain_start_opens_the_window_without_the_parser(tmp_path: Path) -> None:
    """typer and pydantic take longer to load than the window to show: not for a start."""
    (tmp_path / "p.db").touch()
    env = {"PYTHONPATH": str(ROOT), "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-c", START, "open", "p.db", "--annotator", "kai"],
                         capture_output=True, text=True, timeout=120, cwd=tmp_path, env=env)
    assert (run.returncode, run.stdout) == (7, "p.db kai []\n"), run.stderr
    parsed = subprocess.run([sys.executable, "-c", START, "open", "p.db", "--screenshot", "x"],
                            capture_output=True, text=True, timeout=120, cwd=tmp_path, env=env)
    assert parsed.stdout.startswith("p.db None [") and "'typer'" in parsed.stdout, parsed.stderr


def test_both_starts_refuse_a_missing_project_alike(tmp_path: Path) -> None:
    env = {"QT_QPA_PLATFORM": "offscreen", "ANNOTATOR_DATA_DIR": str(tmp_path / "data")}
    plain = _bare("open", "missing.db", cwd=tmp_path, **env)
    parsed = _bare("open", "missing.db", "--screenshot", "x.png", cwd=tmp_path, **env)
    assert plain.returncode == parsed.returncode == 2
    assert plain.stderr == parsed.stderr == (
        "annotator: missing.db: no such project file (create one with 'annotator import')\n")


QT_FREE = """import sys
from annotator.cli import gui
gui.load_qt_free()
print('PySide6' in sys.modules, all(name in sys.modules for name in gui.QT_FREE))
"""


def test_the_layers_without_qt_load_before_qt() -> None:
    """PySide6 reads the source of each module imported after it: the start loads the layers
    that need no Qt first, and none of them may bring Qt in."""
    env = {"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, "-c", QT_FREE], capture_output=True, text=True,
                         timeout=120, cwd=ROOT, env=env)
    assert run.stdout == "False True\n", run.stderr


PAUSED = """import gc, sys
from pathlib import Path
from annotator.cli import gui
from annotator.ui import application
made = application.main_window
def watched(project, annotator):
    paused = not gc.isenabled()
    window = made(project, annotator)
    print(paused, gc.isenabled(), gc.get_freeze_count() > 0)
    sys.exit(0)
application.main_window = watched
gui.start(Path(sys.argv[1]), annotator="kai")
"""


def test_the_start_pauses_garbage_collection_until_the_window_is_built(tmp_path: Path) -> None:
    """No collection scans the start's objects (none of them garbage); they run again, over
    what came after, once the window is built."""
    from annotator.store import Project

    Project.open(tmp_path / "p.db").close()
    env = {"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    run = subprocess.run([sys.executable, "-c", PAUSED, str(tmp_path / "p.db")],
                         capture_output=True, text=True, timeout=120, cwd=tmp_path, env=env)
    assert run.stdout == "True True True\n", run.stderr
