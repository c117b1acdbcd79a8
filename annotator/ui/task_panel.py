"""A status-bar panel that follows the runner's tasks: message, progress bar, Cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from annotator.app.tasks import Task, TaskRunner
from annotator.ui.plain import plain_label, tooltip

MESSAGE_WIDTH = 360  # pixels; longer messages are elided, the tooltip has them whole


class TaskPanel(QWidget):
    """Shows the newest running task; hidden while the runner is idle.

    Wire it once: ``window.statusBar().addPermanentWidget(TaskPanel(runner, window))``.
    """

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskPanel")
        self.runner = runner
        self.task: Task | None = None
        self.message = plain_label(self)  # messages name files
        self.message.setObjectName("taskMessage")
        self.message.setFixedWidth(MESSAGE_WIDTH)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("taskProgress")
        self.bar.setMaximumWidth(180)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("taskCancel")
        self.cancel_button.clicked.connect(self.cancel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.message)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        runner.submitted.connect(self.follow)
        self.hide()

    @Slot(object)
    def follow(self, task: Task) -> None:
        """Show this task's progress (it replaces the one shown before)."""
        if not task.is_active():
            return
        if self.task is not None:
            self._disconnect(self.task)
        self.task = task
        task.progressed.connect(self._on_progressed)
        task.ended.connect(self._on_ended)
        self.cancel_button.setEnabled(not task.is_cancelled())
        done, total, message = task.last_progress
        self._on_progressed(done, total, message or self.tr("waiting…"))
        self.show()

    @Slot()
    def cancel(self) -> None:
        """Ask the shown task to stop; it ends at its next check."""
        if self.task is None:
            return
        self.cancel_button.setEnabled(False)
        self.task.cancel()  # a queued task ends here at once, and self.task moves on
        if self.task is not None and self.task.is_active():
            self._set_message(self.tr("{task}: cancelling…").format(task=self.task.title))

    @Slot(int, int, str)
    def _on_progressed(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)  # unknown amount: a busy indicator
        if self.task is not None and self.task.is_cancelled():
            return  # keep "cancelling…" on screen
        title = self.task.title if self.task is not None else ""
        self._set_message(f"{title}: {message}" if title and message else title or message)

    @Slot()
    def _on_ended(self) -> None:
        if self.task is not None:
            self._disconnect(self.task)
        self.task = None
        waiting = [t for t in self.runner.tasks() if t.is_active()]
        if waiting:
            self.follow(waiting[-1])
        else:
            self.hide()

    def _disconnect(self, task: Task) -> None:
        task.progressed.disconnect(self._on_progressed)
        task.ended.disconnect(self._on_ended)

    def _set_message(self, text: str) -> None:
        metrics = self.message.fontMetrics()
        self.message.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, MESSAGE_WIDTH))
        self.message.setToolTip(tooltip(text))
