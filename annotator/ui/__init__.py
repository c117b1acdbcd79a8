"""The Qt widgets. PySide6's import hook is answered from module files before any is imported."""

from annotator.ui import import_hook

import_hook.install()
