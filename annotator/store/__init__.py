"""The project file: SQLite, migrations, transactional writes (store/connection.py: sqlite-utils
only where needed)."""

from annotator.store.articles import IMPORT_ANNOTATOR
from annotator.store.project import OlderProject, Project, ProjectError

__all__ = ["IMPORT_ANNOTATOR", "OlderProject", "Project", "ProjectError"]
