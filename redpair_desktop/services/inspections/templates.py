"""Checklist templates and their versions. A template's words are stored as versions (canonical
JSON and its SHA-256); saving a template whose latest version an inspection already used makes
the next version, so a recorded inspection's checklist never changes. An unused latest version
is edited in place; words identical to the latest version change nothing. What the editor saves
is checked first, each refusal naming the section and item it is about."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from redpair_desktop.db.database import Database
from redpair_desktop.db.inspections.models import (
    InspectionPart,
    InspectionTemplate,
    TemplateVersion,
)
from redpair_desktop.domain.errors import UserError
from redpair_desktop.domain.inspections.builtin import BUILT_IN
from redpair_desktop.domain.inspections.template import ChecklistTemplate, ResponseSet, from_json
from redpair_desktop.i18n import _


@dataclass(frozen=True)
class TemplateRow:
    key: str
    name: str
    version: int
    sha256: str
    built_in: bool
    items: int
    used: bool  # an inspection used this version: saving changes makes the next one
    inspections: int = 0  # inspections that used any version of it
    saved_at: datetime | None = None  # None: a built-in not stored yet


@dataclass(frozen=True)
class VersionRow:
    version: int
    saved_at: datetime | None
    saved_by: str
    items: int
    inspections: int  # that used this version
    sha256: str


@dataclass(frozen=True)
class SavedTemplate:
    row: TemplateRow  # the latest version after saving
    replaced: VersionRow | None = None  # the used version the saved words did not change
    unchanged: bool = False  # the words were the latest version's: nothing stored


def list_templates(db: Database) -> list[TemplateRow]:
    """Every template at its latest version, built-ins first (a built-in not stored yet shows
    as version 1 of its words)."""
    with db.read() as session:
        stored = {row.key: row for row in _latest_rows(session)}
    built_in = [stored.pop(t.key) if t.key in stored else _unstored_row(t) for t in BUILT_IN]
    return built_in + sorted(stored.values(), key=lambda row: row.name)


def template(db: Database, key: str) -> ChecklistTemplate:
    """The latest words of the template ``key``."""
    with db.read() as session:
        found = latest_version(session, key)
        if found is None:
            return _built_in(key)
        return from_json(found.content)


def template_versions(db: Database, key: str) -> list[VersionRow]:
    """Every version of the template ``key``, newest first."""
    with db.read() as session:
        versions = session.scalars(
            select(TemplateVersion)
            .join(InspectionTemplate, InspectionTemplate.id == TemplateVersion.template_id)
            .where(InspectionTemplate.key == key)
            .order_by(TemplateVersion.version.desc())
        ).all()
        if not versions:
            words = _built_in(key)
            return [VersionRow(1, None, "", _count_items(words), 0, words.sha256)]
        return [_version_row(session, version) for version in versions]


def template_version(db: Database, key: str, version: int) -> ChecklistTemplate:
    """The words of version ``version`` of the template ``key``."""
    with db.read() as session:
        found = session.scalars(
            select(TemplateVersion)
            .join(InspectionTemplate, InspectionTemplate.id == TemplateVersion.template_id)
            .where(InspectionTemplate.key == key, TemplateVersion.version == version)
        ).first()
        if found is None:
            if version == 1:
                return _built_in(key)
            raise UserError(_("检查表“{key}”没有第 {version} 版。", key=key, version=version))
        return from_json(found.content)


def save_template(db: Database, words: ChecklistTemplate) -> SavedTemplate:
    """Store ``words`` as the template's latest words (see the module's rule on versions)."""
    words = check_words(words).checked()
    with db.write() as session:
        install_built_ins(session)
        _check_name_free(session, words)
        before = latest_version(session, words.key)
        replaced = _version_row(session, before) if before is not None else None
        version = store_words(session, words)
        row = _row(session, session.get_one(InspectionTemplate, version.template_id), version)
    if replaced is not None and before is not None and before.id == version.id:
        return SavedTemplate(row, unchanged=replaced.sha256 == row.sha256)
    return SavedTemplate(row, replaced)


def check_words(words: ChecklistTemplate) -> ChecklistTemplate:
    """``words`` as the editor made them, or a ``UserError`` naming the section and item."""
    if not words.name.strip():
        raise UserError(_("请填写检查表名称。"))
    if not words.sections:
        raise UserError(_("检查表至少要有一个分项。"))
    for s_number, section in enumerate(words.sections, start=1):
        title = section.title.strip()
        if not title:
            raise UserError(_("第 {number} 个分项需要名称。", number=s_number))
        if not section.items:
            raise UserError(_("分项“{section}”没有检查项。", section=title))
        for i_number, item in enumerate(section.items, start=1):
            if not item.text.strip():
                raise UserError(_("分项“{section}”第 {number} 项：内容不能为空。",
                                  section=title, number=i_number))  # fmt: skip
    check_responses(words.responses)
    return words


def _check_name_free(session: Session, words: ChecklistTemplate) -> None:
    """Two checklists of one name could not be told apart when an inspection is started."""
    other = select(InspectionTemplate.id).where(
        InspectionTemplate.name == words.name, InspectionTemplate.key != words.key
    )
    if session.scalars(other).first() is not None:
        raise UserError(_("已有名为“{name}”的检查表，请换一个名称。", name=words.name))


def check_responses(responses: ResponseSet) -> None:
    labels = [response.label.strip() for response in responses.responses]
    for number, text in enumerate(labels, start=1):
        if not text:
            raise UserError(_("第 {number} 个选项需要名称。", number=number))
    if len(set(labels)) != len(labels):
        raise UserError(_("选项的名称不能重复。"))
    if not any(r.fails for r in responses.responses):
        raise UserError(_("选项中至少要有一个判为不合格的选项（如“不符合”）。"))
    if not any(not r.fails and r.value for r in responses.responses):
        raise UserError(_("选项中至少要有一个合格且计分的选项（如“符合”）。"))


def install_built_ins(session: Session) -> None:
    """Store the built-in templates not stored yet (version 1 of their words)."""
    stored = set(session.scalars(select(InspectionTemplate.key)))
    for order, words in enumerate(BUILT_IN):
        if words.key not in stored:
            row = InspectionTemplate(
                key=words.key, name=words.name, built_in=True, sort_order=order
            )
            session.add(row)
            session.flush()
            session.add(_version(row, 1, words))
    session.flush()


def store_words(session: Session, words: ChecklistTemplate) -> TemplateVersion:
    """The stored version holding ``words``: the latest if unchanged, edited in place if no
    inspection used it, else a new version."""
    row = session.scalars(
        select(InspectionTemplate).where(InspectionTemplate.key == words.key)
    ).first()
    if row is None:
        row = InspectionTemplate(key=words.key, name=words.name, sort_order=len(BUILT_IN))
        session.add(row)
        session.flush()
        return _added(session, _version(row, 1, words))
    row.name = words.name
    latest = latest_version(session, words.key)
    assert latest is not None  # a template is stored with its first version
    if latest.sha256 == words.sha256:
        return latest
    if is_used(session, latest.id):
        return _added(session, _version(row, latest.version + 1, words))
    latest.content, latest.sha256 = words.canonical_json(), words.sha256
    return latest


def latest_version(session: Session, key: str) -> TemplateVersion | None:
    return session.scalars(
        select(TemplateVersion)
        .join(InspectionTemplate, InspectionTemplate.id == TemplateVersion.template_id)
        .where(InspectionTemplate.key == key)
        .order_by(TemplateVersion.version.desc())
    ).first()


def current_version(session: Session, key: str) -> TemplateVersion:
    """The latest version of ``key``, built-ins installed first; an unknown key is refused."""
    install_built_ins(session)
    found = latest_version(session, key)
    if found is None:
        raise UserError(_("没有编号为“{key}”的检查表。", key=key))
    return found


def is_used(session: Session, version_id: uuid.UUID) -> bool:
    return bool(
        session.scalar(select(exists().where(InspectionPart.template_version_id == version_id)))
    )


def _uses(session: Session, *version_ids: uuid.UUID) -> int:
    """How many inspections used any of ``version_ids``."""
    query = select(func.count(func.distinct(InspectionPart.inspection_id))).where(
        InspectionPart.template_version_id.in_(version_ids)
    )
    return session.scalar(query) or 0


def _version_row(session: Session, version: TemplateVersion) -> VersionRow:
    words = from_json(version.content)
    return VersionRow(
        version.version, version.updated_at, version.updated_by, _count_items(words),
        _uses(session, version.id), version.sha256,
    )  # fmt: skip


def _count_items(words: ChecklistTemplate) -> int:
    return sum(1 for _item in words.items())


def _version(row: InspectionTemplate, number: int, words: ChecklistTemplate) -> TemplateVersion:
    return TemplateVersion(
        template_id=row.id, version=number, content=words.canonical_json(), sha256=words.sha256
    )


def _added(session: Session, version: TemplateVersion) -> TemplateVersion:
    session.add(version)
    session.flush()
    return version


def _latest_rows(session: Session) -> list[TemplateRow]:
    newest = (
        select(TemplateVersion.template_id, func.max(TemplateVersion.version).label("version"))
        .group_by(TemplateVersion.template_id)
        .subquery()
    )
    rows = session.execute(
        select(InspectionTemplate, TemplateVersion)
        .join(TemplateVersion, TemplateVersion.template_id == InspectionTemplate.id)
        .join(
            newest,
            (newest.c.template_id == TemplateVersion.template_id)
            & (newest.c.version == TemplateVersion.version),
        )
        .order_by(InspectionTemplate.sort_order, InspectionTemplate.name)
    ).all()
    return [_row(session, template_row, version) for template_row, version in rows]


def _row(session: Session, row: InspectionTemplate, version: TemplateVersion) -> TemplateRow:
    words = from_json(version.content)
    every = session.scalars(select(TemplateVersion.id).where(TemplateVersion.template_id == row.id))
    return TemplateRow(
        key=row.key,
        name=row.name,
        version=version.version,
        sha256=version.sha256,
        built_in=row.built_in,
        items=_count_items(words),
        used=is_used(session, version.id),
        inspections=_uses(session, *every),
        saved_at=version.updated_at,
    )


def _unstored_row(words: ChecklistTemplate) -> TemplateRow:
    return TemplateRow(words.key, words.name, 1, words.sha256, True, _count_items(words), False)


def _built_in(key: str) -> ChecklistTemplate:
    for words in BUILT_IN:
        if words.key == key:
            return words
    raise UserError(_("没有编号为“{key}”的检查表。", key=key))
