"""``python -m redpair_desktop`` opens the window."""

import sys

from redpair_desktop.ui.app import main

if __name__ == "__main__":
    if getattr(sys, "frozen", False):  # PyInstaller: the import child process starts here too
        import multiprocessing

        multiprocessing.freeze_support()
    sys.exit(main())
