#!/usr/bin/env bash
# Installs everything RedPair Desktop needs on a Debian machine:
#   1. the Debian packages Qt needs to run (and xvfb/poppler for the tests), if any are missing;
#   2. a virtual environment in .venv with the locked Python packages (requirements.lock);
#   3. the application itself, editable, so `redpair` and `redpair-desktop` are on .venv/bin.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(
    libegl1 libgl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
    libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
    libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0
    xvfb xauth poppler-utils zbar-tools
)
PYTHON=${PYTHON:-python3}

missing_debian_packages() {
    local package
    for package in "${DEBIAN_PACKAGES[@]}" "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
            || echo "$package"
    done
}

install_debian_packages() {
    command -v dpkg-query >/dev/null || { echo "Not a Debian system: install the Qt runtime libraries yourself." >&2; return; }
    local extra=()
    "$PYTHON" -c "import ensurepip" 2>/dev/null || extra+=(python3-venv)
    local missing
    missing=$(missing_debian_packages "${extra[@]}")
    [ -z "$missing" ] && return
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing Debian packages: $(echo $missing | tr '\n' ' ')"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # shellcheck disable=SC2086
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
}

install_python_packages() {
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || { echo "RedPair Desktop needs Python 3.11 or newer (set PYTHON=…)." >&2; exit 1; }
    [ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
}

install_debian_packages
install_python_packages
