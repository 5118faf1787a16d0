"""Checklist templates and their versions. A template's words are stored as versions (canonical
JSON and its SHA-256); saving a template whose latest version an inspection already used makes
the next version, so a recorded inspection's checklist never changes. An unused latest version
is edited in place; words identical to the latest version change nothing."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

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
from redpair_desktop.domain.inspections.template import ChecklistTemplate, from_json
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


def save_template(db: Database, words: ChecklistTemplate) -> TemplateRow:
    """Store ``words`` as the template's latest words (see the module's rule on versions)."""
    words = words.checked()
    with db.write() as session:
        install_built_ins(session)
        version = store_words(session, words)
        return _row(session, session.get_one(InspectionTemplate, version.template_id), version)


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
    return TemplateRow(
        key=row.key,
        name=row.name,
        version=version.version,
        sha256=version.sha256,
        built_in=row.built_in,
        items=sum(1 for _item in words.items()),
        used=is_used(session, version.id),
    )


def _unstored_row(words: ChecklistTemplate) -> TemplateRow:
    items = sum(1 for _item in words.items())
    return TemplateRow(words.key, words.name, 1, words.sha256, True, items, used=False)


def _built_in(key: str) -> ChecklistTemplate:
    for words in BUILT_IN:
        if words.key == key:
            return words
    raise UserError(_("没有编号为“{key}”的检查表。", key=key))
