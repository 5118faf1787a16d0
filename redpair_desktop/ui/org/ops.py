"""The organisation operations the window runs on the database worker (``Backend.call``).

Each imports its service when it runs, on the worker, so the window paints before SQLAlchemy
loads; each is typed, so a caller that passes the wrong thing fails the type check.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import uuid

    from redpair_desktop.domain.enums import BranchKind, UnitKind
    from redpair_desktop.services.org.branch_info import BranchInfo
    from redpair_desktop.services.org.branches import BranchSummary
    from redpair_desktop.services.org.tree import OrgTree
    from redpair_desktop.services.workspace import Workspace


def load_tree(workspace: Workspace) -> OrgTree:
    from redpair_desktop.services.org.branches import load_org_tree

    return load_org_tree(workspace.db)


def prepare_name_search(workspace: Workspace) -> None:
    """Read the pinyin table (a tenth of a second or more) here, not on the first keystroke."""
    from redpair_desktop.domain.pinyin_keys import name_keys

    name_keys("党")


def branch_summary(workspace: Workspace, branch_id: uuid.UUID) -> BranchSummary:
    from redpair_desktop.services.org.branches import branch_summary

    return branch_summary(workspace.db, branch_id)


def load_demo(workspace: Workspace) -> OrgTree:
    from redpair_desktop.services.demo.loader import load_demo

    load_demo(workspace)
    return load_tree(workspace)


def start_company(workspace: Workspace, name: str) -> OrgTree:
    from redpair_desktop.services.org.branches import create_company

    create_company(workspace.db, name)
    return load_tree(workspace)


def create_unit(workspace: Workspace, parent_id: uuid.UUID, name: str, kind: UnitKind) -> uuid.UUID:
    from redpair_desktop.services.org import editing

    return editing.create_unit(workspace.db, parent_id, name, kind)


def create_branch(
    workspace: Workspace, unit_id: uuid.UUID, seal_name: str, short_name: str, kind: BranchKind
) -> uuid.UUID:
    from redpair_desktop.services.org import editing

    return editing.create_branch(workspace.db, unit_id, seal_name, short_name, kind)


def rename_unit(workspace: Workspace, unit_id: uuid.UUID, name: str) -> None:
    from redpair_desktop.services.org import editing

    editing.rename_unit(workspace.db, unit_id, name)


def rename_branch(
    workspace: Workspace, branch_id: uuid.UUID, seal_name: str, short_name: str
) -> None:
    from redpair_desktop.services.org import editing

    editing.rename_branch(workspace.db, branch_id, seal_name, short_name)


def move_unit(workspace: Workspace, unit_id: uuid.UUID, parent_id: uuid.UUID) -> None:
    from redpair_desktop.services.org import editing

    editing.move_unit(workspace.db, unit_id, parent_id)


def move_branch(workspace: Workspace, branch_id: uuid.UUID, unit_id: uuid.UUID) -> None:
    from redpair_desktop.services.org import editing

    editing.move_branch(workspace.db, branch_id, unit_id)


def retire_unit(workspace: Workspace, unit_id: uuid.UUID) -> None:
    from redpair_desktop.services.org import editing

    editing.retire_unit(workspace.db, unit_id)


def retire_branch(workspace: Workspace, branch_id: uuid.UUID) -> None:
    from redpair_desktop.services.org import editing

    editing.retire_branch(workspace.db, branch_id)


def branch_info(workspace: Workspace, branch_id: uuid.UUID) -> BranchInfo:
    from redpair_desktop.services.org.branch_info import branch_info

    return branch_info(workspace.db, branch_id)


def save_branch_info(
    workspace: Workspace,
    branch_id: uuid.UUID,
    secretary_id: uuid.UUID | None,
    description: str,
    goal: str,
) -> None:
    from redpair_desktop.services.org.branch_info import save_branch_info

    save_branch_info(
        workspace.db, branch_id, secretary_id=secretary_id, description=description, goal=goal
    )
