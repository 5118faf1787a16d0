from redpair_desktop.domain.activities.brief import brief_text
from tests.reports.activities.conftest import ceremony, entry, make_sheet


def test_the_brief_text_has_every_item_and_unpadded_dates():
    text = brief_text(ceremony(17))
    assert text.splitlines() == [
        "综合服务中心党支部与大坪供电所党支部结对共建启动仪式",
        "时间：2024年3月6日",
        "地点：大坪供电所会议室",
        "主持：涂娟雅",
        "参加人员：综合服务中心党支部、大坪供电所党支部党员，"
        "应到17人，实到17人，请假0人，缺席0人，16人签名承诺“党员身边无违章”。",
        "主要内容：宣读协议，双方书记签字并交换文本；17名党员在党旗下宣读承诺并签名；合影留念。",
    ]


def test_an_item_with_nothing_to_say_is_left_out():
    sheet = make_sheet([entry(0, status="excused", signature_png=None)], hosts=(), content="")
    text = brief_text(sheet)
    assert "主持" not in text and "主要内容" not in text and "签名承诺" not in text
    assert "应到1人，实到0人，请假1人，缺席0人。" in text
