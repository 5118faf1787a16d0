"""``python -m redpair_desktop`` opens the window."""

import sys

from redpair_desktop.ui.app import main

sys.exit(main())
