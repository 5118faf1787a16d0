"""Entry point of ``redpair-desktop``: paint the window first, open the database after."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from redpair_desktop import APP_NAME, __version__
from redpair_desktop.domain.errors import DataDirError
from redpair_desktop.i18n import _, set_language
from redpair_desktop.log_setup import configure_logging
from redpair_desktop.paths import ENV_VAR, LOG_FILE, prepare_data_dir, resolve_data_dir
from redpair_desktop.settings import Settings, load_settings, save_settings
from redpair_desktop.ui.appearance import apply_appearance, register_fallback_font
from redpair_desktop.ui.backend import Backend
from redpair_desktop.ui.error_reporting import ErrorReporter
from redpair_desktop.ui.main_window import MainWindow
from redpair_desktop.ui.operations import DbRunner
from redpair_desktop.ui.paint_probe import PaintProbe

if TYPE_CHECKING:
    from redpair_desktop.services.org.tree import OrgTree

log = logging.getLogger(__name__)
QT_LOCALES = {"zh_CN": "zh_CN", "en": "en"}


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="redpair-desktop", description=_("红心结对 桌面程序"))
    parser.add_argument("--data-dir", help=_("数据目录（也可用环境变量 {var}）", var=ENV_VAR))
    parser.add_argument("--version", action="version", version=f"redpair-desktop {__version__}")
    probes = parser.add_mutually_exclusive_group()
    probes.add_argument(
        "--quit-after-first-paint", action="store_true", help=_("主窗口首次绘制后退出（用于测试）")
    )
    probes.add_argument(
        "--quit-when-loaded", action="store_true", help=_("组织树显示数据后退出（用于测试）")
    )
    return parser.parse_args(argv)


class MnemonicFallback(QTranslator):
    """Qt's strings that gained a shortcut letter after their translation was made ("&Look in:"
    where qtbase_zh_CN.qm has only "Look in:"): translated without the "&", and the letter
    put back the way Chinese menus show it, "查找范围(&L)：". Asked only when Qt's own
    catalog has no translation."""

    def __init__(self, catalog: QTranslator) -> None:
        super().__init__(catalog)
        self._catalog = catalog

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        letter = source.find("&") + 1
        if not 0 < letter < len(source):
            return ""
        plain = source[: letter - 1] + source[letter:]
        text = self._catalog.translate(context, plain, disambiguation, n)
        if not text:
            return ""
        body = text.rstrip("：:")
        return f"{body}(&{source[letter].upper()}){text[len(body) :]}"

    def isEmpty(self) -> bool:
        return self._catalog.isEmpty()


def install_qt_translations(app: QApplication, language: str) -> None:
    """Qt's own dialogs and buttons (确定, 取消 …) in the interface language."""
    QLocale.setDefault(QLocale(QT_LOCALES[language]))
    translator = QTranslator(app)
    directory = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language != "en" and translator.load(f"qtbase_{language}", directory):
        app.installTranslator(MnemonicFallback(translator))  # asked last: installed first
        app.installTranslator(translator)


class Application:
    """Wires the window to the data directory; owns nothing a test cannot replace."""

    def __init__(self, app: QApplication, data_dir: Path) -> None:
        self.app = app
        self.data_dir = data_dir
        self.settings = load_settings(data_dir)
        self.data_dir_error: DataDirError | None = None
        try:
            prepare_data_dir(data_dir)
            configure_logging(data_dir)
        except DataDirError as error:
            self.data_dir_error = error
        self.reporter = ErrorReporter(data_dir / LOG_FILE)
        self.runner = DbRunner(self.reporter.report)
        self.backend = Backend(self.runner, data_dir)
        self.window = MainWindow(
            data_dir=data_dir,
            settings=self.settings,
            backend=self.backend,
            reporter=self.reporter,
            save_settings=self.save_settings,
        )
        self.reporter.parent = self.window
        self.first_paint = PaintProbe(self.window)

    def start(self, *, load: bool = True) -> None:
        """Show the window; once it has painted, show the tree; once that is on screen, open
        the database fully. Each step is queued, so a quit asked for at a step comes first.
        Without ``load`` (``--quit-after-first-paint``) nothing follows the first paint."""
        if load:
            self.first_paint.painted.connect(lambda: QTimer.singleShot(0, self._load))
        self.window.tree_shown.connect(lambda: QTimer.singleShot(0, self.backend.open))
        self.window.show()

    def _load(self) -> None:
        register_fallback_font()
        self.window.install_shortcuts()
        if self.data_dir_error is not None:
            self.window.show_open_failure(self.data_dir_error)
            return
        self.backend.peek_tree(self._on_tree_peeked)

    def _on_tree_peeked(self, tree: OrgTree | None) -> None:
        if tree is None:  # new, outdated or unreadable: the full open explains or migrates
            self.window.org_page.load_tree()
        else:
            self.window.org_page.show_tree(tree)

    def save_settings(self, settings: Settings) -> None:
        try:
            save_settings(self.data_dir, settings)
        except OSError:
            log.warning("could not save settings in %s", self.data_dir, exc_info=True)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    data_dir = resolve_data_dir(args.data_dir)
    language = load_settings(data_dir).language
    set_language(language)
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    apply_appearance(app)
    application = Application(app, data_dir)
    # Qt's own words (确定, 取消 …) are first needed after the paint; QLocale costs ~5 ms
    application.first_paint.painted.connect(lambda: install_qt_translations(app, language))
    application.reporter.install_excepthook()
    if args.quit_after_first_paint:
        application.first_paint.painted.connect(lambda: QTimer.singleShot(0, app.quit))
    if args.quit_when_loaded:
        application.window.tree_shown.connect(lambda: QTimer.singleShot(0, app.quit))
    if args.quit_after_first_paint or args.quit_when_loaded:
        application.window.open_failed.connect(lambda: QTimer.singleShot(0, lambda: app.exit(1)))
    application.start(load=not args.quit_after_first_paint)
    code = app.exec()
    application.window.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
