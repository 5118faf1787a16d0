"""The real application on the demo data, at the 检查 tab."""

from __future__ import annotations

import pytest


@pytest.fixture
def demo_app(open_app, demo_data_dir):
    return open_app(demo_data_dir)
