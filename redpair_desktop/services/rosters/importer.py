"""Importing a roster spreadsheet: all rows valid, or nothing written.

One service behind the import wizard and ``redpair roster import``. It reads the file in a
single streaming pass, validates every row with the same rules as the person editor, resolves
branches, and matches people already stored (by ID number, else by name + birth date + branch)
so that importing the same file again updates instead of duplicating. Only when no row has an
error are the changes written, in one transaction, with their change-log entries.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from redpair_desktop.db.audit import WriteContext
from redpair_desktop.db.database import Database
from redpair_desktop.domain.errors import ImportCancelled, WorkbookError
from redpair_desktop.domain.rosters.fields import FIELDS_BY_KEY
from redpair_desktop.domain.rosters.record import RosterRecord, validate_record
from redpair_desktop.i18n import _, join_items
from redpair_desktop.services.rosters.workbook import (
    ColumnPlan,
    open_rows,
    plan_columns,
)
from redpair_desktop.services.rosters.writer import BranchRef, RosterWriter, branch_lookup

Progress = Callable[[int, int | None], None]  # rows done, rows in all (None if unknown)
PROGRESS_EVERY = 500


@dataclass(frozen=True)
class ImportIssue:
    row: int  # the Excel row number the user sees (header = row 1); 0 for the whole file
    column: str  # the file's header text ("" for the whole file or row)
    message: str

    def as_json(self) -> dict[str, object]:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class ImportReport:
    """What an import found and did. ``ok`` means written (or, dry-run, writable)."""

    imported: int = 0
    updated: int = 0
    errors: list[ImportIssue] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rows_read: int = 0
    dry_run: bool = False
    columns: ColumnPlan | None = None
    records: list[tuple[int, RosterRecord]] = field(default_factory=list, repr=False)

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_json(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "imported": self.imported,
            "updated": self.updated,
            "errors": [issue.as_json() for issue in self.errors],
            "warnings": self.warnings,
            "dry_run": self.dry_run,
        }


def read_roster_file(
    path: Path,
    *,
    mapping: Mapping[str, str] | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportReport:
    """Read and validate every row; nothing touches the database."""
    report = ImportReport()
    try:
        rows, total, workbook = open_rows(path)
    except WorkbookError as error:
        report.errors.append(ImportIssue(0, "", str(error)))
        return report
    try:
        _read_into(report, rows, total, mapping, progress, cancelled)
    except WorkbookError as error:
        report.errors.append(ImportIssue(0, "", str(error)))
    finally:
        workbook.close()
    return report


def _read_into(
    report: ImportReport,
    rows: Iterator[tuple],
    total: int | None,
    mapping: Mapping[str, str] | None,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> None:
    columns, first_rows = plan_columns(rows, mapping)
    report.columns = columns
    _check_columns(report, columns)
    if report.errors:
        return
    fields = [(index, f.key, columns.headers[index]) for index, f in columns.fields.items()]
    header_for_key = {key: header for _index, key, header in fields}
    seen_ids: dict[str, int] = {}
    masked: list[int] = []

    def handle(number: int, values: tuple) -> None:
        if not any(v is not None and str(v).strip() for v in values):
            return
        report.rows_read += 1
        raw = {key: values[index] if index < len(values) else None for index, key, _h in fields}
        if "*" in str(raw.get("id_number") or ""):  # a masked export: keep the stored number
            raw["id_number"] = None
            masked.append(number)
        record, problems = validate_record(raw)
        for key, message in problems.items():
            report.errors.append(ImportIssue(number, header_for_key.get(key, key), message))
        if record is None:
            return
        if record.id_number:
            first = seen_ids.setdefault(record.id_number, number)
            if first != number:
                report.errors.append(
                    ImportIssue(
                        number,
                        header_for_key["id_number"],
                        _("公民身份号码与第 {row} 行重复。", row=first),
                    )
                )
                return
        report.records.append((number, record))

    for number, values in first_rows:
        handle(number, values)
    number = columns.header_row
    for number, values in enumerate(rows, start=columns.header_row + len(first_rows) + 1):
        handle(number, values)
        if number % PROGRESS_EVERY == 0:
            if cancelled is not None and cancelled():
                raise ImportCancelled
            if progress is not None:
                progress(number, total)
    if progress is not None:
        progress(number, number)
    if masked:
        report.warnings.append(
            _("{count} 行的公民身份号码是遮蔽的（如导出时未包含身份证号），已保留库中原有号码。",
              count=len(masked))
        )  # fmt: skip
    if report.rows_read == 0:
        report.errors.append(ImportIssue(columns.header_row + 1, "", _("表头下面没有数据行。")))


def _check_columns(report: ImportReport, columns: ColumnPlan) -> None:
    for roster_field in columns.missing_required:
        report.errors.append(
            ImportIssue(
                columns.header_row,
                _(roster_field.header),
                _(
                    "缺少必需的列“{field}”。表头应使用中文字段名（如 姓名、所在党支部、人员类别），"
                    "其他名称可在导入向导中对应，或用 --map '表头=字段' 指定。",
                    field=roster_field.header,
                ),
            )
        )
    for header, roster_field in columns.duplicated:
        report.errors.append(
            ImportIssue(
                columns.header_row,
                header,
                _("“{header}”与另一列都对应“{field}”，请只保留一列。", header=header,
                  field=roster_field.header),
            )
        )  # fmt: skip
    if columns.ignored:
        report.warnings.append(
            _("以下列未识别，已忽略：{headers}", headers=join_items(columns.ignored))
        )


def import_roster(
    db: Database,
    path: Path,
    *,
    dry_run: bool = False,
    mapping: Mapping[str, str] | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    today: date | None = None,
) -> ImportReport:
    """Validate the whole file, then (unless ``dry_run`` or any error) write it at once."""
    with _collection_paused():
        return _import(db, path, dry_run, mapping, progress, cancelled, today or date.today())


@contextmanager
def _collection_paused() -> Iterator[None]:
    """No cyclic garbage collection while a big file streams through: each full collection
    walks every object the import holds and, holding the interpreter lock for up to half a
    second, freezes the window. The import makes no reference cycles; reference counting frees
    what it drops, and the collector runs again afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _import(
    db: Database,
    path: Path,
    dry_run: bool,
    mapping: Mapping[str, str] | None,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
    today: date,
) -> ImportReport:
    report = read_roster_file(path, mapping=mapping, progress=progress, cancelled=cancelled)
    report.dry_run = dry_run
    if report.errors:
        return report
    session_scope = db.read() if dry_run else db.write()
    with session_scope as session:
        branches = branch_lookup(session)
        resolved = _resolve_branches(report, branches)
        if report.errors:
            return report
        context = WriteContext(actor=db.actor, device=db.device)
        writer = RosterWriter(session, context, today)
        for record, branch in resolved:
            if writer.add(record, branch):
                report.updated += 1
            else:
                report.imported += 1
        if cancelled is not None and cancelled():
            raise ImportCancelled  # leaving the block rolls the transaction back
        if not dry_run:
            writer.flush()
    return report


def _resolve_branches(
    report: ImportReport, branches: dict[str, BranchRef]
) -> list[tuple[RosterRecord, BranchRef]]:
    assert report.columns is not None  # records come only from a file whose columns were read
    header = report.columns.header_of(FIELDS_BY_KEY["branch"])
    resolved = []
    same_person: dict[tuple, int] = {}
    for number, record in report.records:
        branch = branches.get(record.branch)
        if branch is None:
            report.errors.append(
                ImportIssue(
                    number,
                    header,
                    _("找不到党支部“{name}”。请填写已登记党支部的全称或简称。", name=record.branch),
                )
            )
            continue
        if not record.id_number:
            key = (record.name, record.birth_date, branch.id)
            first = same_person.setdefault(key, number)
            if first != number:
                report.errors.append(
                    ImportIssue(
                        number,
                        header,
                        _("与第 {row} 行是同一人（姓名、出生日期、党支部都相同）。", row=first),
                    )
                )
                continue
        resolved.append((record, branch))
    return resolved
