"""Importing a roster spreadsheet: all rows valid, or nothing written.

One service behind the import wizard and ``redpair roster import``. It reads the file in a
single streaming pass and validates every row with the same rules as the person editor; then,
for every row (a bad one too, as far as its good cells go), it resolves the branch and matches
people already stored (see ``matching``: by ID number, else by name + birth date + branch when
exactly one person fits) so that importing the same file again updates instead of duplicating.
Every problem of every row comes back in one report. Only when there is none are the changes
written, in one transaction, with their change-log entries.
"""

from __future__ import annotations

import gc
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

from redpair_desktop.db.audit import WriteContext
from redpair_desktop.db.database import Database
from redpair_desktop.domain.errors import ImportCancelled, WorkbookError
from redpair_desktop.domain.rosters.fields import FIELDS_BY_KEY
from redpair_desktop.domain.rosters.record import RosterRecord, check_values, validate_record
from redpair_desktop.i18n import _, join_items
from redpair_desktop.services.rosters.matching import MatchRefused, PersonMatcher, StoredPeople
from redpair_desktop.services.rosters.workbook import (
    ColumnPlan,
    open_rows,
    plan_columns,
)
from redpair_desktop.services.rosters.writer import BranchRef, RosterWriter, branch_lookup

Progress = Callable[[int, int | None], None]  # rows done, rows in all (None if unknown)
PROGRESS_EVERY = 500


FILE_LEVEL = 0  # the row of an issue about the whole file (in the report and its JSON)


@dataclass(frozen=True)
class ImportIssue:
    row: int  # the Excel row number the user sees (header = row 1); FILE_LEVEL for the file
    column: str  # the file's header text ("" for the whole file or row)
    message: str

    @property
    def is_file_level(self) -> bool:
        """About the file (unreadable, a column missing, no data), not about a row."""
        return self.row == FILE_LEVEL

    def as_json(self) -> dict[str, object]:
        return {"row": self.row, "column": self.column, "message": self.message}


class RowKey(NamedTuple):
    """The valid part of a bad row that tells who it is (None where that cell is bad)."""

    name: str | None
    birth_date: date | None
    id_number: str | None
    branch: str | None


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
    records: list[tuple[int, RosterRecord | RowKey]] = field(default_factory=list, repr=False)

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
        report.errors.append(ImportIssue(FILE_LEVEL, "", str(error)))
        return report
    try:
        _read_into(report, rows, total, mapping, progress, cancelled)
    except WorkbookError as error:
        report.errors.append(ImportIssue(FILE_LEVEL, "", str(error)))
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
        if record is not None:
            report.records.append((number, record))
            return
        for key, message in problems.items():
            report.errors.append(ImportIssue(number, header_for_key.get(key, key), message))
        report.records.append((number, _row_key(raw, problems)))

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
        report.errors.append(ImportIssue(FILE_LEVEL, "", _("表头下面没有数据行。")))


def _row_key(raw: Mapping[str, object], problems: Mapping[str, str]) -> RowKey:
    """Who a bad row is, as far as its cells say; without a sure identity, no name."""
    fields, _errors = check_values(raw)
    identity_known = not {"name", "birth_date", "id_number"} & problems.keys()
    return RowKey(
        fields["name"] if identity_known else None,
        fields["birth_date"],
        fields["id_number"],
        fields["branch"],
    )


def _check_columns(report: ImportReport, columns: ColumnPlan) -> None:
    for roster_field in columns.missing_required:
        report.errors.append(
            ImportIssue(
                FILE_LEVEL,
                "",
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
    if report.columns is None or any(issue.is_file_level for issue in report.errors):
        return report
    session_scope = db.read() if dry_run or report.errors else db.write()
    with session_scope as session:
        stored = StoredPeople.load(session)
        planned = _match_rows(report, branch_lookup(session), PersonMatcher(stored))
        report.errors.sort(key=lambda issue: issue.row)  # each row's problems together
        if report.errors:
            return report
        writer = RosterWriter(session, WriteContext(actor=db.actor, device=db.device), today,
                              stored)  # fmt: skip
        for record, branch, person_id in planned:
            writer.add(record, branch, person_id)
        report.updated = sum(1 for _r, _b, person_id in planned if person_id is not None)
        report.imported = len(planned) - report.updated
        if cancelled is not None and cancelled():
            raise ImportCancelled  # leaving the block rolls the transaction back
        if not dry_run:
            writer.flush()
    return report


def _match_rows(
    report: ImportReport, branches: dict[str, BranchRef], matcher: PersonMatcher
) -> list[tuple[RosterRecord, BranchRef, uuid.UUID | None]]:
    """Every row's branch and person; problems go into the report, rows without into the plan."""
    assert report.columns is not None  # records come only from a file whose columns were read
    header = report.columns.header_of
    planned = []
    for number, row in report.records:
        branch = branches.get(row.branch) if row.branch is not None else None
        if row.branch is not None and branch is None:
            message = _("找不到党支部“{name}”。请填写已登记党支部的全称或简称。", name=row.branch)
            report.errors.append(ImportIssue(number, header(FIELDS_BY_KEY["branch"]), message))
        if row.name is None or (branch is None and not row.id_number):
            continue  # who it is stays unknown; its bad cells are reported
        try:
            person_id = matcher.match(number, row, branch.id if branch else None)
        except MatchRefused as refused:
            column = header(FIELDS_BY_KEY[refused.field])
            report.errors.append(ImportIssue(number, column, refused.message))
            continue
        if isinstance(row, RosterRecord) and branch is not None:
            planned.append((row, branch, person_id))
    return planned
