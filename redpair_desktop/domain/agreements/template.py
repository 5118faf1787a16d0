"""The default clauses of a 共建协议书, filled from a pairing's facts.

The wording follows the reference case (综合服务中心党支部 with 大坪供电所党支部). An editor
changes the returned clauses one by one; this module only gives the starting text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from redpair_desktop.domain.agreements.document import Clause, ClauseItem
from redpair_desktop.domain.dates import chinese_date

NUMERALS = "一二三四五六七八九十"
DEFAULT_COPIES = 4


@dataclass(frozen=True)
class AgreementFacts:
    lead_short_name: str
    station_short_name: str
    lead_secretary: str
    station_secretary: str
    started_on: date
    ended_on: date | None
    copies: int = DEFAULT_COPIES


def preamble(facts: AgreementFacts) -> str:
    return (
        f"为深入贯彻落实新时代党的建设总要求，推动党建工作与生产经营深度融合，"
        f"经双方协商，{facts.lead_short_name}（以下简称甲方）与{facts.station_short_name}"
        f"（以下简称乙方）结成共建对子，本着“优势互补、资源共享、共同提高”的原则，"
        f"签订本协议。"
    )


def default_clauses(facts: AgreementFacts) -> tuple[Clause, ...]:
    return (
        _clause(0, "共建原则", [
            ("打基础。", "以支部标准化规范化建设为基础，健全组织生活制度，夯实基层党建根基。"),
            ("树导向。", "坚持问题导向和结果导向，把共建成效体现在供电服务质量和群众满意度上。"),
            ("促规范。", "以共建促进双方“三会一课”、主题党日等组织生活规范开展，"
                        "形成可复制、可推广的经验。"),
        ]),
        _clause(1, "共建目标", [
            ("", "通过结对共建，实现组织建设互促、党员队伍互强、业务工作互进，"
                 "把乙方建成基础扎实、作用突出、群众满意的供电所党支部，"
                 "共同打造“党建+供电服务”品牌。"),
        ]),
        _clause(2, "共建内容", [
            ("组织联建。", "双方支部委员会每半年至少召开一次联席会议，共同研究共建工作，"
                          "互相交流支部建设经验。"),
            ("党员联训。", "联合开展党员教育培训，共享学习资源，每年至少组织两次联合学习。"),
            ("活动联办。", "联合开展主题党日、志愿服务、党员服务队保电等活动。"),
            ("结对帮扶。", "甲方党员与乙方党员、入党积极分子结成帮扶对子，"
                          "在思想、业务上给予帮助。"),
            ("业务联动。", "围绕安全生产、优质服务和提质增效，共同攻关基层一线的难点问题。"),
            ("资源共享。", "共享阵地、培训、信息等资源，互相支持开展党建和业务工作。"),
        ]),
        _clause(3, "工作机制", [
            ("", f"双方党支部书记（甲方{facts.lead_secretary}、乙方{facts.station_secretary}）"
                 "为共建工作第一责任人，各明确一名联络员负责日常联络。"
                 "双方每年年初共同制订年度共建计划，按计划召开联席会议、开展共建活动；"
                 "每次活动后形成活动记录，每季度向上级党组织书面报告共建工作情况。"),
        ]),
        _clause(4, "期限", [("", _period(facts))]),
        _clause(5, "其他", [
            ("", "本协议未尽事宜，由双方友好协商解决。"),
            ("", f"本协议一式{_numeral(facts.copies)}份，甲乙双方各执{_half(facts.copies)}份，"
                 f"报上级党组织备案，自双方签字盖章之日起生效。"),
        ]),
    )  # fmt: skip


def _clause(index: int, name: str, items: list[tuple[str, str]]) -> Clause:
    numbered = [
        ClauseItem(text=text, subheading=f"（{NUMERALS[n]}）{sub}" if sub else "")
        for n, (sub, text) in enumerate(items)
    ]
    return Clause(heading=f"{NUMERALS[index]}、{name}", items=tuple(numbered))


def _period(facts: AgreementFacts) -> str:
    start = chinese_date(facts.started_on)
    if facts.ended_on is None:
        return f"本协议自{start}起执行，期满后经双方协商可以续签。"
    return f"本协议期限自{start}至{chinese_date(facts.ended_on)}，期满后经双方协商可以续签。"


def _numeral(count: int) -> str:
    return NUMERALS[count - 1] if 1 <= count <= len(NUMERALS) else str(count)


def _half(count: int) -> str:
    return _numeral(max(1, count // 2))
