"""packaging/run.sh installs once (again only when pyproject.toml changes) and leaves an
`annotator` command on PATH through packaging/install-launcher.sh. Run on a copy of the two
scripts with a stand-in venv: nothing is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="bash scripts")


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A checkout whose venv's python and annotator write what they were asked to a log."""
    root = tmp_path / "my checkout"
    (root / "packaging").mkdir(parents=True)
    for script in ("run.sh", "install-launcher.sh"):
        shutil.copy(ROOT / "packaging" / script, root / "packaging" / script)
    (root / "packaging" / "system-deps.sh").write_text('echo "system-deps" >>"$LOG"\n')
    (root / "pyproject.toml").write_text('[project]\nname = "annotator"\n')
    venv = root / ".venv" / "bin"
    venv.mkdir(parents=True)
    for name in ("python", "annotator"):
        (venv / name).write_text(f'#!/bin/sh\necho "{name} $*" >>"$LOG"\n')
        (venv / name).chmod(0o755)
    return root


def run(root: Path, *args: str, path: str = "/usr/bin:/bin") -> tuple[str, list[str]]:
    log = root.parent / "log"
    log.unlink(missing_ok=True)
    out = subprocess.run(["bash", str(root / "packaging" / "run.sh"), *args], text=True,
                         capture_output=True, timeout=60, check=True,
                         env={"PATH": path, "HOME": str(root.parent), "LOG": str(log)})
    return out.stderr, log.read_text().splitlines()


def test_installs_once_and_again_only_when_pyproject_changes(checkout: Path) -> None:
    _, calls = run(checkout, "demo")
    assert calls[0] == "system-deps" and calls[-1] == "annotator demo"
    assert any(c.startswith("python -m pip install -q -e .") for c in calls)
    _, calls = run(checkout, "stats", "p.db")
    assert calls == ["annotator stats p.db"]  # current: no pip, no apt
    with (checkout / "pyproject.toml").open("a") as f:
        f.write('dependencies = ["typer"]\n')
    _, calls = run(checkout)
    assert "system-deps" in calls and calls[-1] == "annotator "
    assert run(checkout, "--version")[1] == ["annotator --version"]


def test_the_launcher_is_announced_once_with_a_path_hint(checkout: Path) -> None:
    home = checkout.parent
    said, _ = run(checkout, "demo")
    launcher = home / ".local" / "bin" / "annotator"
    assert said.splitlines() == [
        f"annotator: the 'annotator' command is installed in {home}/.local/bin, which is not on "
        f'PATH: add it with  export PATH="{home}/.local/bin:$PATH"  (e.g. in ~/.profile)']
    assert run(checkout, "demo")[0] == ""  # written already: nothing said
    log = home / "log"
    out = subprocess.run([str(launcher), "stats", "a b.db"], env={"LOG": str(log)}, check=True)
    assert out.returncode == 0 and log.read_text().splitlines()[-1] == "annotator stats a b.db"


def test_the_launcher_goes_where_xdg_bin_home_says(checkout: Path) -> None:
    bin_dir = checkout.parent / "bin dir"
    env = {"PATH": f"/usr/bin:/bin:{bin_dir}", "HOME": str(checkout.parent),
           "XDG_BIN_HOME": str(bin_dir)}
    out = subprocess.run(["bash", str(checkout / "packaging" / "install-launcher.sh")],
                         env=env, text=True, capture_output=True, check=True)
    assert out.stderr == f"annotator: the 'annotator' command is installed in {bin_dir}\n"
    assert os.access(bin_dir / "annotator", os.X_OK)


def test_another_programs_annotator_is_left_alone(checkout: Path) -> None:
    theirs = checkout.parent / ".local" / "bin" / "annotator"
    theirs.parent.mkdir(parents=True)
    theirs.write_text("#!/bin/sh\necho theirs\n")
    said, _ = run(checkout, "demo")
    assert "is another program, left as it is" in said
    assert theirs.read_text() == "#!/bin/sh\necho theirs\n"
