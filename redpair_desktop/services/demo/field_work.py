"""The demo's field work after the reference ceremony: the 10 kV 内冲线 serving 通城瑶族村
(128 水泥杆, 4 公变, 4 专变) kept by 大坪供电所; the “党建+安全” on-site inspection of 大坪 that
day over 办公环境, 日常管理 and 后勤安全, signed off and completed with two failed items →
findings (考核不细, 台账不规范) → measures owned by 综合服务中心党支部 with 大坪 as co-owner;
the afternoon's patrol of 内冲线 with two pole defects; a return visit in June that verifies
one measure. The other measure is still 进行中 long after its due date: overdue."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, time
from pathlib import Path

from PIL import Image, ImageDraw
from sqlalchemy import select
from sqlalchemy.orm import Session

from redpair_desktop.db.inspections.models import Inspection
from redpair_desktop.db.measures.models import Finding, Measure
from redpair_desktop.db.pairings.models import Pairing
from redpair_desktop.domain.assets.codes import AssetKind, DefectType
from redpair_desktop.domain.inspections.codes import SignoffRole
from redpair_desktop.domain.inspections.draft import InspectionStart
from redpair_desktop.domain.measures.codes import MeasureAction, Priority
from redpair_desktop.services.assets.patrols import begin_patrol, store_defect
from redpair_desktop.services.assets.register import find_asset, register_line, register_transformer
from redpair_desktop.services.demo.ceremony import CHINA, DemoClock
from redpair_desktop.services.demo.scribbles import demo_signature
from redpair_desktop.services.images import PreparedImage, prepare_bytes, store_prepared
from redpair_desktop.services.inspections.photos import store_item_photo
from redpair_desktop.services.inspections.records import checklist_of
from redpair_desktop.services.inspections.runs import (
    begin_inspection,
    finish_inspection,
    store_answer,
)
from redpair_desktop.services.inspections.signoffs import store_signoff
from redpair_desktop.services.inspections.templates import install_built_ins
from redpair_desktop.services.measures.measures import (
    MeasureDraft,
    add_measure,
    record_action,
    record_progress,
    record_supervision,
    record_verification,
)

LINE = "10 kV 内冲线"
SERVES = "通城瑶族村"
POLES = 128
TRANSFORMERS = [
    (AssetKind.PUBLIC_TRANSFORMER, "内冲村1号公变", "G1", 200),
    (AssetKind.PUBLIC_TRANSFORMER, "内冲村2号公变", "G2", 315),
    (AssetKind.PUBLIC_TRANSFORMER, "瑶族村3号公变", "G3", 100),
    (AssetKind.PUBLIC_TRANSFORMER, "瑶族村4号公变", "G4", 200),
    (AssetKind.DEDICATED_TRANSFORMER, "内冲小学专变", "Z1", 100),
    (AssetKind.DEDICATED_TRANSFORMER, "瑶乡茶叶加工厂专变", "Z2", 250),
    (AssetKind.DEDICATED_TRANSFORMER, "大坪水厂专变", "Z3", 315),
    (AssetKind.DEDICATED_TRANSFORMER, "内冲石料厂专变", "Z4", 400),
]
INSPECTION_TITLE = "“党建+安全”现场检查"
INSPECTION_TEMPLATES = ("office", "daily", "logistics")
INSPECTION_START = (10, 30)  # after the ceremony, local time
# item key → (response, comment); every other item is 符合
ANSWERS = {
    "office.1.2": ("partial", "档案柜资料未按类别标识"),
    "daily.1.2": ("fail", "绩效考核沿用县公司通用模板，未细化到台区经理，考核结果未公示"),
    "daily.2.1": ("fail", "2023 年第四季度工作票未按月装订，合格率无统计"),
    "logistics.1.1": ("partial", "1 具灭火器压力偏低，已当场更换"),
    "logistics.2.4": ("na", "所内无食堂"),
}
MEASURES = {  # failed item → (measure, due, priority)
    "daily.1.2": ("帮助大坪供电所制定台区经理绩效考核细则，考核结果按月公示兑现",
                  date(2024, 6, 30), Priority.HIGH),
    "daily.2.1": ("指导建立工作票、操作票月度装订和合格率统计台账",
                  date(2024, 5, 31), Priority.MEDIUM),
}  # fmt: skip
PATROL_START = (14, 30)
DEFECTS = [  # (pole, type, note, photographed)
    ("37", DefectType.BIRD_NEST, "横担处有鸟窝，需停电择机清除", True),
    ("86", DefectType.SLACK_STAY, "拉线松弛，UT 型线夹需紧固", False),
]
RETURN_VISIT = date(2024, 6, 20)
RETURN_TITLE = "回访检查"
RETURN_ANSWERS = {"daily.1.2": ("partial", "考核细则已起草，尚未印发执行")}
PROGRESS = (
    "两支部召开考核专题会，收集台区经理意见 12 条",
    "综合服务中心派员指导，补齐 2023 年第四季度工作票台账",
)
SUBMITTED = "台账已建立，按月统计合格率"
VERIFIED = "回访查验：台账完整，合格率按月统计"
SUPERVISION = "回访时考核细则仍未印发，请于 7 月底前完成并公示"
DEVICE = "demo-tablet"


def add_field_work(session: Session, pairing: Pairing, clock: DemoClock, data_dir: Path) -> None:
    back_to = clock.moment
    _FieldWork(session, pairing, clock, data_dir).build()
    clock.moment = back_to


class _FieldWork:
    def __init__(
        self, session: Session, pairing: Pairing, clock: DemoClock, data_dir: Path
    ) -> None:
        self.session, self.pairing, self.clock, self.data_dir = session, pairing, clock, data_dir
        self.station, self.lead = pairing.station_branch, pairing.lead_branch
        self.inspector = self.lead.secretary.name if self.lead.secretary else "综合服务中心"
        self.representative = self.station.secretary.name if self.station.secretary else "大坪"
        self.inspectors = (self.inspector, "综合服务中心后勤专责")

    def build(self) -> None:
        install_built_ins(self.session)
        line = register_line(self.session, LINE, self.station.id, POLES, SERVES)
        for kind, name, number, capacity in TRANSFORMERS:
            register_transformer(self.session, line, kind, name, number, capacity)
        day = self.pairing.started_on
        self._now(day, INSPECTION_START)
        visit = self._inspection(day, INSPECTION_TEMPLATES, INSPECTION_TITLE, ANSWERS)
        measures = self._measures(visit)
        self._now(day, PATROL_START)
        patrol = begin_patrol(self.session, line, day, self.representative)
        for number, defect_type, note, photographed in DEFECTS:
            asset = find_asset(self.session, line, number)
            defect = store_defect(self.session, patrol, asset, defect_type, note)
            if photographed:
                stored = store_prepared(self.data_dir, _pole_photo(number))
                defect.photo_sha256, defect.photo_path = stored.sha256, stored.original_path
        self._follow_up(measures["daily.1.2"], measures["daily.2.1"])

    def _inspection(
        self,
        day: date,
        templates: tuple[str, ...],
        title: str,
        special: dict[str, tuple[str, str]],
        *,
        from_last: bool = False,
    ) -> Inspection:
        start = InspectionStart(self.station.id, day, templates, self.inspectors, title,
                                self.pairing.id, from_last=from_last)  # fmt: skip
        row = begin_inspection(self.session, start)
        for _part, item in checklist_of(row).items():
            response, comment = special.get(item.key, ("pass", ""))
            store_answer(self.session, row, item.key, response, comment)
            if response == "fail":
                photo = _photo(item.key)
                store_item_photo(self.session, self.data_dir, row, item.key, photo, comment)
        for role, signer in (
            (SignoffRole.INSPECTOR, self.inspector),
            (SignoffRole.INSPECTED, self.representative),
        ):
            store_signoff(self.session, row, role, signer, demo_signature(signer), DEVICE)
        finish_inspection(self.session, row)
        return row

    def _measures(self, visit: Inspection) -> dict[str, Measure]:
        query = select(Finding).where(Finding.inspection_id == visit.id)
        made = {}
        for finding in self.session.scalars(query):
            key = finding.item_key or ""
            title, due, priority = MEASURES[key]
            draft = MeasureDraft(finding.id, title, due, priority, owner_branch_id=self.lead.id)
            made[key] = add_measure(self.session, draft, title)
        return made

    def _follow_up(self, assessment: Measure, ledger: Measure) -> None:
        """Progress in April, the ledger submitted in May, the return visit in June verifies it;
        the assessment rules are pressed for (督办) and stay 进行中."""
        lead, station = self.lead.short_name, self.station.short_name
        self._now(date(2024, 4, 15), (16, 0))
        record_progress(self.session, assessment, PROGRESS[0], lead)
        record_progress(self.session, ledger, PROGRESS[1], lead)
        self._now(date(2024, 5, 28), (10, 0))
        record_action(self.session, ledger, MeasureAction.SUBMIT, SUBMITTED, station)
        self._now(RETURN_VISIT, (9, 30))
        visit = self._inspection(
            RETURN_VISIT, ("daily",), RETURN_TITLE, RETURN_ANSWERS, from_last=True
        )
        record_verification(self.session, ledger, visit.id, True, VERIFIED, self.inspector)
        record_supervision(self.session, assessment, SUPERVISION, self.inspector)

    def _now(self, day: date, at: tuple[int, int]) -> None:
        self.clock.moment = datetime.combine(day, time(*at), CHINA).astimezone(UTC)


def _photo(key: str) -> PreparedImage:
    """A plain synthetic photo (a wall with an empty frame), the same bytes every time."""
    image = Image.new("RGB", (640, 480), (214, 208, 196))
    draw = ImageDraw.Draw(image)
    draw.rectangle((160, 90, 480, 330), outline=(120, 90, 60), width=8)
    draw.rectangle((0, 400, 640, 480), fill=(150, 140, 128))
    return _jpeg(image, f"{key}.jpg")


def _pole_photo(number: str) -> PreparedImage:
    """A synthetic photo of a concrete pole against the sky with a nest on its crossarm."""
    image = Image.new("RGB", (480, 640), (178, 206, 230))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 560, 480, 640), fill=(112, 140, 84))
    draw.polygon([(226, 40), (254, 40), (266, 600), (214, 600)], fill=(168, 168, 160))
    draw.rectangle((110, 110, 370, 126), fill=(90, 90, 96))
    draw.ellipse((150, 84, 214, 116), fill=(112, 84, 52))
    return _jpeg(image, f"杆{number}.jpg")


def _jpeg(image: Image.Image, name: str) -> PreparedImage:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return prepare_bytes(out.getvalue(), name)
