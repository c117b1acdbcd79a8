"""Preferences ▸ Suggestions: the project's suggestion model (the project setting the status
bar's "model: …" shows): automatic, the bundled one, an installed pipeline, a folder, or a
pipeline wheel unpacked into the app's data folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.app import model_wheels
from annotator.app.tasks import Task, TaskRunner
from annotator.core.names import MODEL_SETTING
from annotator.nlp.resolve import bundled_model_path, describe
from annotator.ui.window_protocol import WindowHost

CHOICE = Qt.ItemDataRole.UserRole  # an item's value: a package name or a folder
AUTO = ""  # no setting: an installed de_core_news_* pipeline, else the bundled one


translate = QCoreApplication.translate


class ModelPage(QWidget):
    """The choices in a list; choosing one stores it in the project at once."""

    def __init__(self, window: WindowHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.main = window
        self.runner = TaskRunner(self)
        self.choices = QListWidget(self)
        self.current = QLabel(self)
        self.current.setWordWrap(True)
        folder = QPushButton(translate("ModelPage", "A pipeline &folder…"), self)
        folder.clicked.connect(self.choose_folder)
        wheel = QPushButton(translate("ModelPage", "Install a pipeline &wheel (.whl)…"), self)
        wheel.clicked.connect(self.choose_wheel)
        box = QVBoxLayout(self)
        heading = translate("ModelPage", "Entity suggestions of this project come from:")
        box.addWidget(QLabel(heading, self))
        box.addWidget(self.choices, 1)
        box.addWidget(folder)
        box.addWidget(wheel)
        box.addWidget(self.current)
        self.fill()
        self.choices.itemActivated.connect(lambda item: self.use(item.data(CHOICE)))
        self.choices.itemClicked.connect(lambda item: self.use(item.data(CHOICE)))

    def fill(self) -> None:
        self.choices.clear()
        rows = [(translate("ModelPage",
                           "Automatic: an installed German pipeline, else the bundled one"), AUTO),
                (translate("ModelPage", "Bundled: %s") % describe(None), str(bundled_model_path()))]
        rows += [(translate("ModelPage", "Installed: %s") % name, name)
                 for name in model_wheels.installed_pipelines()]
        chosen = self.main.project.setting(MODEL_SETTING) or AUTO
        if chosen not in {value for _text, value in rows}:
            rows.append((translate("ModelPage", "Folder: %s") % chosen, chosen))
        for text, value in rows:
            item = QListWidgetItem(text, self.choices)
            item.setData(CHOICE, value)
            if value == chosen:
                self.choices.setCurrentItem(item)
        self.current.setText(translate("ModelPage", "Now: %s") % describe(chosen or None))

    def use(self, value: str) -> None:
        """Store the choice in the project; the status bar shows it."""
        self.main.project.set_setting(MODEL_SETTING, value or None)
        self.main.update_status()
        self.fill()

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, translate("ModelPage", "A spaCy pipeline folder"))
        if folder:
            self.use(folder)

    def choose_wheel(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, translate("ModelPage", "A spaCy pipeline wheel"), "",
            translate("ModelPage", "Wheels (*.whl)"))
        if name:
            self.install(Path(name))

    def install(self, wheel: Path) -> Task:
        """Unpack the wheel into the data folder in the background; then it is used."""
        target = model_wheels.wheel_target(wheel)
        self.current.setText(translate("ModelPage", "Installing %s …") % wheel.name)
        task = self.runner.run(lambda _progress, _cancelled:
                               model_wheels.unpack_wheel(wheel, target), "install a pipeline")
        task.finished.connect(lambda folder: self.use(str(folder)))
        task.failed.connect(lambda error: self.current.setText(
            translate("ModelPage", "The wheel could not be installed: %s") % error))
        return task
