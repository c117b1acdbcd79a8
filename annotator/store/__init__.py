"""The project file: SQLite through sqlite-utils, migrations, transactional writes."""

from annotator.store.project import IMPORT_ANNOTATOR, OlderProject, Project, ProjectError

__all__ = ["IMPORT_ANNOTATOR", "OlderProject", "Project", "ProjectError"]
