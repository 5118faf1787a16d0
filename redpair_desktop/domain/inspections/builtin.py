"""The built-in checklists of a State Grid supply station: 办公环境, 日常管理, 后勤安全,
党建阵地与台账 and 10 kV 线路巡视. Their words are data (stored with each version), not UI text."""

from __future__ import annotations

from redpair_desktop.domain.inspections.responses import COMPLIANCE, PATROL
from redpair_desktop.domain.inspections.template import (
    ChecklistTemplate,
    Item,
    ResponseSet,
    Section,
)
from redpair_desktop.domain.measures.codes import FindingCategory as C

# (text, finding category, weight); a text starting with "?" is an optional item
_Spec = tuple[str, C, int]


def _template(
    key: str,
    name: str,
    sections: list[tuple[str, list[_Spec]]],
    responses: ResponseSet = COMPLIANCE,
) -> ChecklistTemplate:
    built = []
    for s_index, (title, specs) in enumerate(sections, start=1):
        items = tuple(
            Item(
                key=f"{key}.{s_index}.{i_index}",
                text=text.removeprefix("?"),
                mandatory=not text.startswith("?"),
                weight=weight,
                category=category,
            )
            for i_index, (text, category, weight) in enumerate(specs, start=1)
        )
        built.append(Section(f"{key}.{s_index}", title, items))
    return ChecklistTemplate(key, name, tuple(built), responses).checked()


# fmt: off
OFFICE = _template("office", "办公环境", [
    ("环境卫生", [
        ("办公区地面、桌面整洁，无杂物堆放", C.OTHER, 1),
        ("办公用品、资料定置摆放，标识清楚", C.IRREGULAR_LEDGER, 1),
        ("卫生间、茶水间清洁，有保洁记录", C.OTHER, 1),
        ("?绿植养护良好，无枯死", C.OTHER, 1),
        ("值班室整洁，值班记录本放置到位", C.IRREGULAR_LEDGER, 1),
    ]),
    ("设施与形象", [
        ("所名、门牌、岗位牌规范统一", C.OTHER, 1),
        ("营业厅服务公示（电价、收费标准、服务承诺）齐全且为最新", C.POOR_INDICATORS, 2),
        ("党员示范岗、共产党员服务队标识上墙", C.BUSINESS_OVER_PARTY, 2),
        ("电脑、打印机等设备运行正常，线缆整齐", C.OTHER, 1),
        ("公告栏内容及时更新，无过期通知", C.OTHER, 1),
    ]),
])

DAILY = _template("daily", "日常管理", [
    ("制度与考核", [
        ("所务会、班前会按月按日召开，有记录", C.IRREGULAR_LEDGER, 2),
        ("绩效考核细则具体到岗位和台区，按月兑现", C.VAGUE_ASSESSMENT, 3),
        ("考核结果公示，员工签字确认", C.VAGUE_ASSESSMENT, 2),
        ("线损、电费回收、供电可靠性等指标按月分析", C.POOR_INDICATORS, 3),
        ("岗位职责明确，台区经理责任区划分清楚", C.VAGUE_ASSESSMENT, 1),
    ]),
    ("工作台账", [
        ("工作票、操作票填写规范，按月统计合格率", C.IRREGULAR_LEDGER, 3),
        ("客户投诉、意见工单闭环处理，有回访记录", C.POOR_INDICATORS, 2),
        ("设备缺陷记录与消缺闭环台账一致", C.IRREGULAR_LEDGER, 2),
        ("考勤与值班记录完整", C.IRREGULAR_LEDGER, 1),
        ("?培训记录（安规、业务）齐全", C.IRREGULAR_LEDGER, 1),
    ]),
])

LOGISTICS = _template("logistics", "后勤安全", [
    ("消防与用电", [
        ("灭火器在有效期内，按月检查有签字", C.SAFETY_HAZARD, 3),
        ("消防通道、安全出口畅通，应急照明完好", C.SAFETY_HAZARD, 3),
        ("办公区无私拉乱接电线，无大功率电器违规使用", C.SAFETY_HAZARD, 2),
        ("配电箱上锁，有警示标识", C.SAFETY_HAZARD, 2),
        ("应急预案齐全并开展过演练", C.SAFETY_HAZARD, 2),
    ]),
    ("仓库与车辆", [
        ("工器具库房定置管理，安全工器具按期试验", C.SAFETY_HAZARD, 3),
        ("备品备件出入库有登记", C.IRREGULAR_LEDGER, 1),
        ("生产车辆按期年检、保养，出车有登记", C.SAFETY_HAZARD, 2),
        ("?食堂卫生许可、从业人员健康证齐全", C.SAFETY_HAZARD, 1),
        ("危化品（油料等）单独存放，有专人管理", C.SAFETY_HAZARD, 2),
    ]),
])

PARTY = _template("party", "党建阵地与台账", [
    ("阵地建设", [
        ("党员活动室有党旗、入党誓词、制度上墙", C.BUSINESS_OVER_PARTY, 2),
        ("党员示范岗、党员责任区挂牌明确", C.BUSINESS_OVER_PARTY, 2),
        ("“党建+安全”“党建+服务”内容有展示", C.BUSINESS_OVER_PARTY, 1),
        ("?宣传栏内容每季度更新", C.BUSINESS_OVER_PARTY, 1),
    ]),
    ("组织生活与台账", [
        ("“三会一课”按期开展，记录完整", C.IRREGULAR_LEDGER, 3),
        ("主题党日每月开展，有签到和照片", C.IRREGULAR_LEDGER, 2),
        ("党费按月收缴，收缴台账清楚", C.IRREGULAR_LEDGER, 2),
        ("党员发展程序规范，材料齐全", C.IRREGULAR_LEDGER, 2),
        ("党建工作与业务工作同部署、同考核", C.BUSINESS_OVER_PARTY, 3),
        ("结对共建活动记录、帮扶措施台账齐全", C.IRREGULAR_LEDGER, 2),
    ]),
])

PATROL_10KV = _template("patrol_10kv", "10 kV 线路巡视", [
    ("杆塔与基础", [
        ("杆塔无倾斜，水泥杆无裂纹、露筋", C.SAFETY_HAZARD, 3),
        ("基础无下沉、冲刷，护坡完好", C.SAFETY_HAZARD, 2),
        ("拉线无松弛、锈蚀，拉线护套齐全", C.SAFETY_HAZARD, 2),
        ("杆号牌、警示牌齐全清晰", C.SAFETY_HAZARD, 1),
        ("杆上无鸟窝、异物", C.SAFETY_HAZARD, 2),
    ]),
    ("导线与通道", [
        ("导线无断股、散股，弧垂正常", C.SAFETY_HAZARD, 3),
        ("绝缘子无破损、闪络痕迹", C.SAFETY_HAZARD, 2),
        ("线路通道内无树障、违章建筑", C.SAFETY_HAZARD, 3),
        ("交叉跨越距离满足要求", C.SAFETY_HAZARD, 2),
    ]),
    ("配电变压器", [
        ("变压器无渗漏油，油位正常", C.SAFETY_HAZARD, 3),
        ("运行声音正常，无异响、过热", C.SAFETY_HAZARD, 2),
        ("台架、围栏牢固，标识齐全", C.SAFETY_HAZARD, 1),
        ("接地装置完好，接地电阻合格", C.SAFETY_HAZARD, 2),
        ("低压综合配电箱关闭上锁", C.SAFETY_HAZARD, 1),
    ]),
], PATROL)
# fmt: on

BUILT_IN: tuple[ChecklistTemplate, ...] = (OFFICE, DAILY, LOGISTICS, PARTY, PATROL_10KV)
