"""Another program on the same project never takes itself for its last user.

SQLite keeps a project's WAL and its index (-wal, -shm) while any connection is open, and a
connection that closes deletes them when it can lock the file exclusively. Closing any
descriptor of a file drops every POSIX lock the process holds on it, SQLite's among them; so
if annotator read the file itself while holding it (its header, when a background task opens
the window's project again; the backup copy before an upgrade), the next program to close the
project would delete both files under the window's connections: a disk I/O error on the next
write, as a user found when an `annotator` command or the sqlite3 shell had read the project.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from annotator.store import Project
from annotator.store.files import latest_version

FIXTURES = Path(__file__).parent / "data" / "schemas"


def _another_program_reads(path: Path) -> None:
    """A separate process opens the project, reads, and closes its connection."""
    subprocess.run([sys.executable, "-c", "import sqlite3, sys\n"
                    "c = sqlite3.connect(sys.argv[1])\n"
                    "c.execute('SELECT count(*) FROM articles').fetchone()\n"
                    "c.close()", str(path)], check=True, timeout=60)


def _sidecars(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir() if p.name.startswith(f"{path.name}-")}


def _writes_and_reads_back(project: Project, path: Path) -> None:
    project.set_setting("lock-probe", "after the other program")
    with closing(sqlite3.connect(path)) as other:
        assert other.execute("SELECT value FROM settings WHERE key = 'lock-probe'"
                             ).fetchone() == ("after the other program",)
    assert project.db.execute("PRAGMA quick_check").fetchone() == ("ok",)


def test_a_background_task_opening_the_project_again_keeps_the_window_s_locks(
        tmp_path: Path) -> None:
    path = tmp_path / "project.db"
    with Project.open(path) as window:
        window.set_setting("seen", "yes")
        task = Project.open(path, read_only=True)  # as the window's background tasks do
        assert task.setting("seen") == "yes"
        task.close()
        assert _sidecars(path) == {"project.db-wal", "project.db-shm"}

        _another_program_reads(path)

        assert _sidecars(path) == {"project.db-wal", "project.db-shm"}
        _writes_and_reads_back(window, path)


def test_an_upgraded_project_keeps_its_locks_after_the_backup_copy(tmp_path: Path) -> None:
    oldest = min(FIXTURES.glob("v*.db"), key=lambda p: int(p.stem[1:]))
    path = tmp_path / "project.db"
    shutil.copyfile(oldest, path)
    with Project.open(path, create=False) as project:
        assert project.upgrade is not None and project.upgrade.to_version == latest_version()
        assert project.upgrade.backup.exists()
        project.set_setting("seen", "yes")

        _another_program_reads(path)

        assert _sidecars(path) == {"project.db-wal", "project.db-shm"}
        _writes_and_reads_back(project, path)
