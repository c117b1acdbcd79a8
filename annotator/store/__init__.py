"""The project file: SQLite through sqlite-utils, migrations, transactional writes."""

from annotator.store.articles import IMPORT_ANNOTATOR
from annotator.store.project import OlderProject, Project, ProjectError

__all__ = ["IMPORT_ANNOTATOR", "OlderProject", "Project", "ProjectError"]
