"""``python -m redpair_desktop`` opens the window."""

import multiprocessing
import sys

from redpair_desktop.ui.app import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the frozen app starts its import process through here
    sys.exit(main())
