"""The services the window calls. Imported on the worker thread the first time it is needed
(``main_window.services()``), so the window paints before SQLAlchemy is loaded."""

from redpair_desktop.services.demo_service import load_demo
from redpair_desktop.services.org_service import branch_summary, create_company, load_org_tree
from redpair_desktop.services.pairing_service import list_pairings
from redpair_desktop.services.workspace import open_workspace

__all__ = [
    "branch_summary",
    "create_company",
    "list_pairings",
    "load_demo",
    "load_org_tree",
    "open_workspace",
]
