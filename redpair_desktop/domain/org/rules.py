"""Rules for Party-branch names."""

SEAL_PREFIX = "中共"
SEAL_SUFFIXES = ("总支部委员会", "支部委员会", "委员会")


def is_valid_seal_name(name: str) -> bool:
    """A branch's seal name reads “中共……支部委员会” (or 委员会 / 总支部委员会)."""
    name = name.strip()
    if not name.startswith(SEAL_PREFIX):
        return False
    for suffix in SEAL_SUFFIXES:
        if name.endswith(suffix):
            return len(name) > len(SEAL_PREFIX) + len(suffix)
    return False
