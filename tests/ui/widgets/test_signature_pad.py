"""The signature pad driven like a signer would: mouse drags, a pen with pressure, a finger."""

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QInputDevice, QMouseEvent, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QVBoxLayout

from redpair_desktop.domain.signatures import PAD_HEIGHT, DeviceKind
from redpair_desktop.i18n import set_language
from redpair_desktop.ui.widgets.signature_pad import SignaturePad

pytestmark = pytest.mark.gui

ZIGZAG = [QPoint(60 + 12 * i, 60 + (30 if i % 2 else 0)) for i in range(20)]
WAVE = [QPoint(80 + 15 * i, 130 - (i * 7) % 40) for i in range(18)]


@pytest.fixture
def pad(qtbot):
    widget = SignaturePad()
    qtbot.addWidget(widget)
    widget.resize(480, 180)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def drag(qtbot, pad, points):
    """A left-button drag through ``points`` with QTest's own mouse events."""
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=points[0])
    for point in points[1:]:
        qtbot.mouseMove(pad, point)
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=points[-1])


def send_drag(pad, points):
    """The same drag as explicit mouse events, the left button held during the moves."""
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    steps = [(QEvent.Type.MouseButtonPress, points[0], left, left)]
    steps += [(QEvent.Type.MouseMove, point, none, left) for point in points[1:]]
    steps.append((QEvent.Type.MouseButtonRelease, points[-1], left, none))
    for kind, point, button, buttons in steps:
        position = QPointF(point)
        event = QMouseEvent(
            kind, position, pad.mapToGlobal(position), button, buttons, Qt.NoModifier
        )
        QApplication.sendEvent(pad, event)


def dark_pixels(pad) -> int:
    image = pad.grab().toImage()
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if QColor(image.pixel(x, y)).lightness() < 80
    )


def test_two_strokes_make_a_signature_of_two_strokes(qtbot, pad):
    finished = []
    pad.stroke_finished.connect(lambda: finished.append(True))
    drag(qtbot, pad, ZIGZAG)
    send_drag(pad, WAVE)
    qtbot.waitUntil(lambda: len(finished) == 2)

    signature = pad.signature()
    assert len(signature.strokes) == 2
    assert signature.device is DeviceKind.MOUSE
    assert signature.height == PAD_HEIGHT and signature.width == round(PAD_HEIGHT * 480 / 180)
    first, second = signature.strokes
    assert len(first) == len(ZIGZAG) and len(second) == len(WAVE)
    units = PAD_HEIGHT / 180
    assert abs(first[0].x - 60 * units) <= 3 and abs(first[0].y - 60 * units) <= 3
    assert abs(second[-1].x - WAVE[-1].x() * units) <= 3
    times = [point.t for stroke in signature.strokes for point in stroke]
    assert times == sorted(times) and times[0] == 0
    assert {point.pressure for stroke in signature.strokes for point in stroke} == {0.5}
    assert signature.has_enough_ink and not pad.is_empty


def test_the_strokes_are_drawn_on_the_pad(qtbot, pad):
    empty = dark_pixels(pad)
    send_drag(pad, ZIGZAG)
    qtbot.waitUntil(lambda: dark_pixels(pad) > empty + 50)


def test_undo_takes_back_the_last_stroke_and_clear_empties(qtbot, pad):
    changes = []
    pad.changed.connect(lambda: changes.append(True))
    send_drag(pad, ZIGZAG)
    send_drag(pad, WAVE)
    assert pad.undo_stroke()
    assert len(pad.signature().strokes) == 1
    assert pad.signature().strokes[0][0].x < 60 * PAD_HEIGHT / 180 + 3  # the zigzag stayed
    pad.clear()
    assert pad.is_empty and pad.signature().is_empty
    assert not pad.undo_stroke()
    assert len(changes) == 4  # two strokes, the undo, the clear
    qtbot.waitUntil(lambda: dark_pixels(pad) == 0)


def test_the_pad_is_ready_for_the_next_signer_after_clear(qtbot, pad):
    send_drag(pad, ZIGZAG)
    pad.clear()
    send_drag(pad, WAVE)
    signature = pad.signature()
    assert len(signature.strokes) == 1 and signature.strokes[0][0].t == 0


def test_keys_undo_and_clear(qtbot, pad):
    for _ in range(4):
        send_drag(pad, ZIGZAG)
    pad.setFocus()
    qtbot.keyClick(pad, Qt.Key.Key_Backspace)
    qtbot.keyClick(pad, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(pad, Qt.Key.Key_Escape)
    assert len(pad.signature().strokes) == 1
    send_drag(pad, WAVE)
    qtbot.keyClick(pad, Qt.Key.Key_Delete)
    assert pad.is_empty


def test_escape_on_an_empty_pad_reaches_the_dialog(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    pad = SignaturePad()
    QVBoxLayout(dialog).addWidget(pad)
    dialog.show()
    qtbot.waitExposed(dialog)
    send_drag(pad, ZIGZAG)
    pad.setFocus()
    qtbot.keyClick(pad, Qt.Key.Key_Escape)
    assert pad.is_empty and dialog.isVisible()
    qtbot.keyClick(pad, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_a_tiny_scribble_is_too_small(qtbot, pad):
    drag(qtbot, pad, [QPoint(100, 100), QPoint(104, 102), QPoint(101, 105)])
    signature = pad.signature()
    assert not signature.is_empty and not signature.has_enough_ink


def test_a_pen_records_its_pressure(qtbot, pad):
    stylus = QPointingDevice(
        "test stylus",
        7,
        QInputDevice.DeviceType.Stylus,
        QPointingDevice.PointerType.Pen,
        QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
        1,
        2,
    )
    pressures = [0.1, 0.1, 0.1, 1.0, 1.0, 1.0]
    kinds = [QEvent.Type.TabletPress] + [QEvent.Type.TabletMove] * 4 + [QEvent.Type.TabletRelease]
    for index, (kind, pressure) in enumerate(zip(kinds, pressures, strict=True)):
        position = QPointF(100 + 50 * index, 90)
        held = Qt.MouseButton.NoButton if kind == QEvent.Type.TabletRelease else Qt.LeftButton
        event = QTabletEvent(
            kind, stylus, position, pad.mapToGlobal(position), pressure,
            0.0, 0.0, 0.0, 0.0, 0.0, Qt.NoModifier, Qt.MouseButton.LeftButton, held,
        )  # fmt: skip
        QApplication.sendEvent(pad, event)
    signature = pad.signature()
    assert signature.device is DeviceKind.PEN
    assert [point.pressure for point in signature.strokes[0]] == pressures[:5]
    image = pad.grab().toImage()

    def thickness(x: int) -> int:
        return sum(1 for y in range(70, 110) if QColor(image.pixel(x, y)).lightness() < 128)

    assert 1 <= thickness(150) < thickness(300)  # light at the start, pressed hard at the end


def test_a_finger_draws_a_stroke_and_a_mouse_after_it_makes_a_mixed_signature(qtbot, pad):
    screen = QTest.createTouchDevice()
    QTest.touchEvent(pad, screen).press(0, QPoint(60, 60))
    for point in ZIGZAG[1:]:
        QTest.touchEvent(pad, screen).move(0, point)
    QTest.touchEvent(pad, screen).release(0, ZIGZAG[-1])
    qtbot.waitUntil(lambda: not pad.is_empty)
    touched = pad.signature()
    assert touched.device is DeviceKind.TOUCH and len(touched.strokes[0]) == len(ZIGZAG)
    send_drag(pad, WAVE)
    assert pad.signature().device is DeviceKind.MIXED


def test_the_pad_names_itself_and_says_what_the_signature_is(qtbot, pad):
    assert pad.accessibleName() == "签名板"
    assert "不是《电子签名法》第十三条所称的可靠电子签名" in pad.notice_label().text()
    set_language("en")
    try:
        english = SignaturePad()
        qtbot.addWidget(english)
        assert english.accessibleName() == "Signature pad"
        assert "not a reliable electronic signature" in english.notice_label().text()
    finally:
        set_language("zh_CN")
