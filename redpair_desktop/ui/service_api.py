"""The services the window calls. Imported on the database worker the first time it is needed
(``Backend.call``), so the window paints before SQLAlchemy is loaded."""

from redpair_desktop.services.demo.loader import load_demo
from redpair_desktop.services.org.branches import (
    branch_seal_names,
    branch_summary,
    create_company,
    load_org_tree,
)
from redpair_desktop.services.org.editing import (
    create_branch,
    create_unit,
    move_branch,
    move_unit,
    rename_branch,
    rename_unit,
    retire_branch,
    retire_unit,
)
from redpair_desktop.services.pairings.registry import list_pairings
from redpair_desktop.services.rosters.exporter import export_roster, write_template
from redpair_desktop.services.rosters.import_process import import_in_process
from redpair_desktop.services.rosters.importer import import_roster
from redpair_desktop.services.rosters.people import (
    editor_values,
    person_history,
    remove_from_roster,
    save_person,
    transfer_member,
)
from redpair_desktop.services.rosters.query import load_roster
from redpair_desktop.services.rosters.workbook import preview
from redpair_desktop.services.workspace import open_workspace

__all__ = [
    "branch_seal_names",
    "branch_summary",
    "create_branch",
    "create_company",
    "create_unit",
    "editor_values",
    "export_roster",
    "import_in_process",
    "import_roster",
    "list_pairings",
    "load_demo",
    "load_org_tree",
    "load_roster",
    "move_branch",
    "move_unit",
    "open_workspace",
    "person_history",
    "preview",
    "remove_from_roster",
    "rename_branch",
    "rename_unit",
    "retire_branch",
    "retire_unit",
    "save_person",
    "transfer_member",
    "write_template",
]
