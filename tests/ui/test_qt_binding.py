"""The Qt binding must not corrupt reference counts: PySide6 6.12.0 on Python 3.11 drops one
reference to None on every slot call, and the app crashes (``none_dealloc``) after a while."""

import sys

from PySide6.QtCore import QObject, QTimer, Signal


class Emitter(QObject):
    sent = Signal(object, object)


def test_slot_calls_keep_the_refcount_of_none(qapp):
    calls = []
    timer = QTimer()
    timer.timeout.connect(lambda: calls.append(1))
    timer.start(0)
    before = sys.getrefcount(None)
    while len(calls) < 500:
        qapp.processEvents()
    timer.stop()
    assert sys.getrefcount(None) - before > -100


def test_signals_carrying_python_objects_keep_their_refcounts(qapp):
    emitter, received = Emitter(), []
    emitter.sent.connect(lambda a, b: received.append(a))
    before = sys.getrefcount(True)
    for _ in range(500):
        emitter.sent.emit(True, None)
    received.clear()
    assert abs(sys.getrefcount(True) - before) < 100
