"""packaging/system-deps.sh installs what is missing of Qt's system libraries and fonts (among
them the colour emoji font: news quotes of social media carry emoji) and nothing when all is
there. Run with stand-ins for dpkg-query, apt-get and sudo on PATH: nothing is installed."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).parents[1]
FAKES = {
    # "installed" lists what counts as installed, one name a line
    "dpkg-query": 'grep -qx "${@: -1}" "$INSTALLED" && echo "install ok installed"; true',
    "apt-get": 'echo "apt-get $*" >>"$LOG"',
    "sudo": '"$@"',
    "id": "echo 1000",  # not root: through sudo
}


def run(tmp_path: Path, installed: list[str], *args: str) -> list[str]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    for name, body in FAKES.items():
        (bin_dir / name).write_text(f"#!/bin/bash\n{body}\n")
        (bin_dir / name).chmod(0o755)
    (tmp_path / "installed").write_text("".join(f"{p}\n" for p in installed))
    log = tmp_path / "log"
    log.unlink(missing_ok=True)
    subprocess.run(["bash", str(ROOT / "packaging" / "system-deps.sh"), *args], check=True,
                   timeout=60, capture_output=True, text=True,
                   env={"PATH": f"{bin_dir}:/usr/bin:/bin", "LOG": str(log),
                        "INSTALLED": str(tmp_path / "installed")})
    return log.read_text().splitlines() if log.exists() else []


def installed_by(calls: list[str]) -> list[str]:
    (install,) = [c for c in calls if c.startswith("apt-get install")]
    return install.split()[5:]  # after "apt-get install -y -qq --no-install-recommends"


def test_a_bare_system_gets_the_libraries_and_the_fonts(tmp_path: Path) -> None:
    calls = run(tmp_path, [])
    assert calls[0] == "apt-get update -qq"
    packages = installed_by(calls)
    assert {"libxcb-cursor0", "libegl1", "fonts-dejavu-core",
            "fonts-noto-color-emoji"} <= set(packages)
    assert "xvfb" not in packages  # the test tools only when asked
    assert "xvfb" in installed_by(run(tmp_path, [], "--with-xvfb"))


def test_only_what_is_missing_and_nothing_when_all_is_there(tmp_path: Path) -> None:
    everything = installed_by(run(tmp_path, []))
    without_emoji = [p for p in everything if p != "fonts-noto-color-emoji"]
    assert installed_by(run(tmp_path, without_emoji)) == ["fonts-noto-color-emoji"]
    assert run(tmp_path, everything) == []
