"""SIGKILL an export over an earlier one at every file operation: OUT is always one whole export.

A server process (no Qt, no threads) forks one child per kill point. The child counts the
file operations it makes in OUT (Python audit events: open, rename, remove, mkdir, rmdir,
chmod) and kills itself with SIGKILL right before operation N. The server then records OUT,
runs ``recover`` (what the next export does first) and records OUT again.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.app.exporting import ExportOptions, export_project, parse_split
from annotator.core.model import ArticleDraft, Layer, Span, Status
from annotator.io.export_folder import MANIFEST, STAGING
from annotator.store import Project

SERVER = r"""
import hashlib, json, os, shutil, signal, sys
from pathlib import Path
from annotator.app.exporting import ExportOptions, export_project, parse_split
from annotator.io.export_folder import JOURNAL, MANIFEST, STAGING, recover
from annotator.store import Project

db, out, pristine, fmt, split = sys.argv[1:6]
out, pristine = Path(out), Path(pristine)
WATCHED = {"open", "os.rename", "os.remove", "os.rmdir", "os.mkdir", "os.chmod",
           "shutil.rmtree"}
WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT


def child(limit):
    seen = 0

    def hook(event, args):
        nonlocal seen
        if event not in WATCHED or not args or isinstance(args[0], int):
            return
        if event == "open" and not (args[1] is None and args[2] & WRITING
                                    or args[1] and set(args[1]) & set("wax+")):
            return  # reading changes nothing
        path = os.fsdecode(os.fspath(args[0]))
        if os.path.isabs(path) and not path.startswith(str(out)):
            return  # relative paths: rmtree's operations inside OUT
        seen += 1
        if seen == limit:
            os.kill(os.getpid(), signal.SIGKILL)

    sys.addaudithook(hook)
    with Project.open(db, create=False) as project:
        export_project(project, ExportOptions(fmt, out, split=parse_split(split),
                                              overwrite=True))


def warm_up():
    # What the children share: the writer modules and spaCy's tokenizer, loaded once here.
    from annotator.io.formats import FORMATS, writer
    from annotator.io.tokens import german_tokenizer
    for name in FORMATS:
        writer(name)
    german_tokenizer()


def listing(root):
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in root.rglob("*") if p.is_file()}


warm_up()
limit = 0
while True:
    limit += 1
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(pristine, out, symlinks=True)
    pid = os.fork()
    if pid == 0:
        code = 3
        try:
            child(limit)
            code = 0
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    killed = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    state = {"limit": limit, "killed": killed, "exit": os.waitstatus_to_exitcode(status),
             "journal": (out / STAGING / JOURNAL).exists(), "before": listing(out)}
    recover(out)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    state.update(after=listing(out), parent=sorted(os.listdir(out.parent)),
                 manifest={f["path"]: f["sha256"] for f in manifest["files"]})
    print(json.dumps(state), flush=True)
    if not killed:
        break
"""

USER = {"thesis.docx": b"PK\x03\x04 meine Arbeit", "photos/berger.jpg": b"\xff\xd8\xff jpeg",
        "train/notes.txt": "Notizen 🇩🇪".encode()}


def build(path: Path) -> None:
    with Project.open(path) as project:
        for i in range(3):
            text = f"Artikel {i}: Anna Berger sagte in Dresden, es regne 😀."
            aid = project.add_article(ArticleDraft(text=text, title=f"Artikel {i}"))
            start = text.index("Anna")
            project.add_annotation(aid, Layer.ENTITY, Span(start, start + 11, "PER"), "maria")
            project.set_status(aid, Status.DONE)


def listing(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize(("old", "new"), [
    (("brat", "train=0.5,dev=0.5"), ("jsonl", "train=0.5,test=0.5")),
    (("jsonl", "train=0.5,dev=0.5"), ("brat", "train=0.5,test=0.5")),
    (("brat", "train=0.5,dev=0.5"), ("brat", "train=1")),
])
def test_a_killed_export_leaves_one_whole_export(tmp_path: Path, old, new) -> None:
    db = tmp_path / "p.db"
    build(db)
    refs = {}
    with Project.open(db, create=False) as project:
        for name, (fmt, split) in (("old", old), ("new", new)):
            export_project(project, ExportOptions(fmt, tmp_path / name, split=parse_split(split)))
            refs[name] = {k: v for k, v in listing(tmp_path / name).items() if k != MANIFEST}
    pristine = tmp_path / "pristine"
    export_project(Project.open(db, create=False), ExportOptions(old[0], pristine,
                                                                 split=parse_split(old[1])))
    for name, data in USER.items():
        (pristine / name).parent.mkdir(parents=True, exist_ok=True)
        (pristine / name).write_bytes(data)
    user = {name: hashlib.sha256(data).hexdigest() for name, data in USER.items()}
    work = tmp_path / "work"
    work.mkdir()
    out = work / "out"
    (work / "sibling.txt").write_text("next to OUT", encoding="utf-8")
    server = tmp_path / "server.py"
    server.write_text(SERVER, encoding="utf-8")
    run = subprocess.run([sys.executable, str(server), str(db), str(out), str(pristine), *new],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    states = [json.loads(line) for line in run.stdout.splitlines()]
    assert not states[-1]["killed"] and states[-1]["exit"] == 0
    outcomes = []
    for state in states:
        before, after = state["before"], state["after"]
        assert {k: after.get(k) for k in user} == user, state["limit"]  # the user's files
        assert {k: before.get(k) for k in user} == user, state["limit"]  # even mid-swap
        assert state["parent"] == ["out", "sibling.txt"], state["limit"]  # nothing beside OUT
        exported = {k: v for k, v in after.items() if k not in user and k != MANIFEST}
        assert exported in (refs["old"], refs["new"]), state["limit"]
        assert state["manifest"] == exported, state["limit"]  # and its manifest says so
        outcomes.append("new" if exported == refs["new"] else "old")
        if not state["journal"]:  # before the commit point OUT is whole without any repair
            assert {k: v for k, v in before.items() if not k.startswith(STAGING)} == after
    killed = [s for s in states if s["killed"]]
    swapping = [s for s in killed if s["journal"]]
    assert len(killed) >= 30 and "old" in outcomes and "new" in outcomes
    assert len(swapping) >= 8  # kills that landed while files were moving in
    print(f"{len(killed)} kills, {len(swapping)} during the swap")
