import math
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from redpair_desktop.domain.activities.printouts import ActivitySheet, Counts, RollEntry
from redpair_desktop.domain.signatures import DeviceKind, Point, Signature, to_png
from redpair_desktop.reports.fonts import FontSet

SURNAMES = "王李张刘陈杨黄赵周吴徐孙马胡朱郭何罗高林"
GIVEN = "振波娟雅建国晓明丽华志强海燕文静永红春梅"
PLEDGE = (
    "我是党员我承诺，我将严格遵守公司安全规程，从我做起，认真履职，安全作业，坚决执行上级"
    "工作要求，杜绝一切违章行为，为公司安全发展贡献力量。"
)
START = datetime(2024, 3, 26, 1, 0, tzinfo=UTC)


def person_name(index):
    return SURNAMES[index % 20] + GIVEN[index % 19] + GIVEN[(index * 7 + 3) % 19]


def signature_png(index):
    """A different three-stroke scribble for each index."""
    strokes = []
    for stroke in range(3):
        left = 150 + stroke * 800
        points = tuple(
            Point(
                left + step * 12,
                int(500 + 300 * math.sin(step / (4 + index % 5) + stroke)),
                step * 10,
                0.5,
            )
            for step in range(60)
        )
        strokes.append(points)
    return to_png(Signature(tuple(strokes), 2600, DeviceKind.PEN))


def entry(index, **changes):
    values = dict(
        name=person_name(index),
        branch="综合服务中心党支部",
        role="正式党员",
        status="present",
        signature_png=signature_png(index),
        signed_at=START + timedelta(minutes=index),
        checked_in_at=START - timedelta(minutes=30) + timedelta(seconds=20 * index),
        badge_code=f"RP-{index:04d}",
    )
    values.update(changes)
    return RollEntry(**values)


def make_sheet(entries, **changes):
    entries = tuple(entries)
    statuses = [e.status for e in entries]
    values = dict(
        activity_id=uuid.UUID(int=8),
        type_label="启动仪式",
        title="综合服务中心党支部与大坪供电所党支部结对共建启动仪式",
        held_on=date(2024, 3, 6),
        place="大坪供电所会议室",
        hosts=("涂娟雅",),
        branches=("综合服务中心党支部", "大坪供电所党支部"),
        pledge_title="党员身边无违章",
        pledge_text=PLEDGE,
        pledge_sha256="ab" * 32,
        entries=entries,
        counts=Counts(
            len(entries),
            statuses.count("present"),
            statuses.count("excused"),
            statuses.count("absent"),
        ),
        content="宣读协议，双方书记签字并交换文本；17名党员在党旗下宣读承诺并签名；合影留念。",
    )
    values.update(changes)
    return ActivitySheet(**values)


def ceremony(count=17):
    """``count`` members who signed; the 5th entered from the paper list (补录, no image)."""
    entries = [entry(i) for i in range(count)]
    entries[4] = entry(4, signature_png=None, signed_at=None, backfilled=True)
    return make_sheet(entries)


@pytest.fixture(scope="session")
def fonts():
    return FontSet()
