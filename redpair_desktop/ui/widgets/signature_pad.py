"""A pad to sign on with a pen, a finger or the mouse; the strokes become a domain ``Signature``.

Points are kept in pad units (``PAD_HEIGHT`` for the pad's height, the width following its
aspect when the first stroke begins) with their time and pressure. Finished strokes are drawn
once into a pixmap the size of the pad; only the stroke being drawn is painted anew, in the
small rectangle it grows into. ``clear`` empties the lists and fills that pixmap, so the pad is
ready for the next signer at once.

Keys (with focus): Esc, Backspace, Ctrl+Z undo the last stroke (Esc passes on to the dialog
when there is nothing to undo); Delete clears the pad.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QElapsedTimer, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QInputDevice,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from redpair_desktop.domain.signatures import (
    NEUTRAL_PRESSURE,
    PAD_HEIGHT,
    DeviceKind,
    Point,
    Signature,
    honesty_notice,
    stroke_width,
)
from redpair_desktop.i18n import _

INK = QColor("#111111")
PAPER = QColor("#ffffff")
GUIDE = QColor("#b8b8b8")
BASELINE_AT = 0.75  # of the height
UNDO_KEYS = (Qt.Key.Key_Escape, Qt.Key.Key_Backspace)


class SignaturePad(QWidget):
    """Captures strokes; ``changed`` after a stroke, an undo or a clear (the finished strokes
    are what ``signature()`` returns), ``stroke_finished`` when a pen, finger or button lifts."""

    changed = Signal()
    stroke_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 90)
        self.setAccessibleName(_("签名板"))
        self.setAccessibleDescription(
            _("用手写笔、手指或鼠标在此签名。Esc 或 Backspace 撤销一笔，Delete 清空。")
        )
        self._strokes: list[list[Point]] = []
        self._devices: list[DeviceKind] = []
        self._current: list[Point] | None = None
        self._current_device = DeviceKind.MOUSE
        self._touch_id = -1
        self._fixed_width: int | None = None  # the pad's width in units, fixed by the first stroke
        self._clock = QElapsedTimer()
        self._ink = QPixmap()

    # --- what the pad holds ---------------------------------------------------------------

    @property
    def is_empty(self) -> bool:
        return not self._strokes

    def signature(self) -> Signature:
        """The finished strokes as a domain value (a stroke still being drawn is not in it);
        the device is the one every stroke was made with, ``MIXED`` if they differ."""
        devices = set(self._devices)
        device = devices.pop() if len(devices) == 1 else DeviceKind.MIXED
        return Signature(
            tuple(tuple(stroke) for stroke in self._strokes),
            self._pad_width(),
            device if self._devices else DeviceKind.MOUSE,
        )

    def clear(self) -> None:
        """Empty the pad for the next signer: the lists reset, the ink pixmap is refilled."""
        had_ink = bool(self._strokes)
        self._strokes.clear()
        self._devices.clear()
        self._current = None
        self._fixed_width = None
        self._ink.fill(Qt.GlobalColor.transparent)
        self.update()
        if had_ink:
            self.changed.emit()

    def undo_stroke(self) -> bool:
        """Take back the last finished stroke; False when there was none."""
        if not self._strokes:
            return False
        self._strokes.pop()
        self._devices.pop()
        self._redraw_ink()
        self.update()
        self.changed.emit()
        return True

    def notice_label(self) -> QLabel:
        """The small text to show under the pad: what such a signature is and is not."""
        label = QLabel(honesty_notice())
        label.setWordWrap(True)
        label.setStyleSheet("color: palette(placeholder-text);")
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * 0.85)
        label.setFont(font)
        return label

    def sizeHint(self) -> QSize:
        return QSize(480, 180)

    # --- input ----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._current is None:
            self._begin(DeviceKind.MOUSE, event.position(), NEUTRAL_PRESSURE)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._current_device is DeviceKind.MOUSE and event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position(), NEUTRAL_PRESSURE)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._current_device is DeviceKind.MOUSE:
            self._finish()

    def tabletEvent(self, event: QTabletEvent) -> None:
        kind = event.type()
        if kind == QEvent.Type.TabletPress and self._current is None:
            self._begin(DeviceKind.PEN, event.position(), event.pressure())
        elif kind == QEvent.Type.TabletMove and self._current_device is DeviceKind.PEN:
            self._extend(event.position(), event.pressure())
        elif kind == QEvent.Type.TabletRelease and self._current_device is DeviceKind.PEN:
            self._finish()
        event.accept()  # no mouse events synthesised from the pen

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QTouchEvent):
            self._on_touch(event)
            return True
        return super().event(event)

    def _on_touch(self, event: QTouchEvent) -> None:
        """One finger signs: the first one down; the others are ignored."""
        event.accept()
        if event.type() == QEvent.Type.TouchCancel:
            self._current = None
            self.update()
            return
        has_pressure = event.device().capabilities() & QInputDevice.Capability.Pressure
        for point in event.points():
            pressure = point.pressure() if has_pressure else NEUTRAL_PRESSURE
            if event.type() == QEvent.Type.TouchBegin and self._current is None:
                self._touch_id = point.id()
                self._begin(DeviceKind.TOUCH, point.position(), pressure)
            elif point.id() != self._touch_id or self._current_device is not DeviceKind.TOUCH:
                continue
            elif point.state() == point.State.Released:
                self._finish()
            else:
                self._extend(point.position(), pressure)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in UNDO_KEYS or event.matches(QKeySequence.StandardKey.Undo):
            if not self.undo_stroke():
                event.ignore()  # nothing to undo: let Esc close the dialog
        elif event.key() == Qt.Key.Key_Delete:
            self.clear()
        else:
            super().keyPressEvent(event)

    # --- strokes --------------------------------------------------------------------------

    def _begin(self, device: DeviceKind, position: QPointF, pressure: float) -> None:
        if not self._strokes:
            self._clock.start()
            self._fixed_width = round(PAD_HEIGHT * self.width() / max(1, self.height()))
        self._current_device = device
        self._current = [self._pad_point(position, pressure)]
        self._update_around(self._current[-1:])

    def _extend(self, position: QPointF, pressure: float) -> None:
        if self._current is None:
            return
        point = self._pad_point(position, pressure)
        last = self._current[-1]
        if (point.x, point.y) != (last.x, last.y):
            self._current.append(point)
            self._update_around(self._current[-3:])

    def _finish(self) -> None:
        stroke, self._current = self._current, None
        if stroke is None:
            return
        self._strokes.append(stroke)
        self._devices.append(self._current_device)
        if not self._ink.isNull():
            with _ink_painter(self._ink) as painter:
                _paint_stroke(painter, stroke, self._scale())
        self._update_around(stroke)
        self.stroke_finished.emit()
        self.changed.emit()

    def _pad_point(self, position: QPointF, pressure: float) -> Point:
        units = 1 / self._scale()
        x = min(max(round(position.x() * units), 0), self._pad_width())
        y = min(max(round(position.y() * units), 0), PAD_HEIGHT)
        return Point(x, y, self._clock.elapsed(), pressure)

    def _pad_width(self) -> int:
        if self._fixed_width is not None:
            return self._fixed_width
        return round(PAD_HEIGHT * self.width() / max(1, self.height()))

    def _scale(self) -> float:
        """Pixels per pad unit: the pad as it was at the first stroke fits the widget as it is
        now, so a resize while signing neither clips the ink nor distorts it."""
        return max(1e-3, min(self.height() / PAD_HEIGHT, self.width() / self._pad_width()))

    def _update_around(self, points: list[Point]) -> None:
        scale = self._scale()
        margin = stroke_width(1.0) * scale + 2
        xs, ys = [p.x * scale for p in points], [p.y * scale for p in points]
        rect = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        self.update(rect.adjusted(-margin, -margin, margin, margin).toAlignedRect())

    # --- painting -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        self._ensure_ink()
        painter = QPainter(self)
        painter.fillRect(self.rect(), PAPER)
        self._paint_guides(painter)
        painter.drawPixmap(0, 0, self._ink)
        if self._current:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            _paint_stroke(painter, self._current, self._scale())
        painter.end()

    def _paint_guides(self, painter: QPainter) -> None:
        width, height = self.width(), self.height()
        baseline = round(height * BASELINE_AT)
        painter.setPen(QPen(GUIDE, 1))
        painter.drawLine(round(width * 0.06), baseline, round(width * 0.94), baseline)
        if self.is_empty and self._current is None:
            font = painter.font()
            font.setPixelSize(max(12, height // 9))
            painter.setFont(font)
            hint = QRectF(0, 0, width, baseline - height * 0.04)
            align = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
            painter.drawText(hint, align, _("请在此处签名"))

    def _ensure_ink(self) -> None:
        """The pixmap of finished strokes at the pad's size, made anew only when it changed."""
        ratio = self.devicePixelRatioF()
        size = self.size() * ratio
        if self._ink.size() != size:
            self._ink = QPixmap(size)
            self._ink.setDevicePixelRatio(ratio)
            self._redraw_ink()

    def _redraw_ink(self) -> None:
        if self._ink.isNull():
            return
        self._ink.fill(Qt.GlobalColor.transparent)
        with _ink_painter(self._ink) as painter:
            for stroke in self._strokes:
                _paint_stroke(painter, stroke, self._scale())


@contextmanager
def _ink_painter(pixmap: QPixmap) -> Iterator[QPainter]:
    """An antialiased painter on the ink pixmap, ended on leaving the ``with`` block."""
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    try:
        yield painter
    finally:
        painter.end()


def _paint_stroke(painter: QPainter, stroke: list[Point], scale: float) -> None:
    """Quadratic curves through the midpoints of the points, each piece as wide as the
    pressure at its control point; a single point is a dot."""
    xy = [QPointF(p.x * scale, p.y * scale) for p in stroke]
    if len(xy) == 1:
        radius = stroke_width(stroke[0].pressure) * scale / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(INK)
        painter.drawEllipse(xy[0], radius, radius)
        return
    painter.setBrush(Qt.BrushStyle.NoBrush)
    last = len(xy) - 1
    for index, control in enumerate(xy):
        start = xy[0] if index == 0 else (xy[index - 1] + control) / 2
        end = xy[last] if index == last else (control + xy[index + 1]) / 2
        piece = QPainterPath(start)
        piece.quadTo(control, end)
        width = stroke_width(stroke[index].pressure) * scale
        painter.setPen(
            QPen(
                INK,
                width,
                Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap,
                Qt.PenJoinStyle.RoundJoin,
            )
        )
        painter.drawPath(piece)
