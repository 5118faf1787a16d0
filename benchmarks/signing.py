"""The PAdES signature's cost on the demo agreement PDF cut to two pages (its first three
clauses), warm: key loaded, fonts registered.

Prints the medians of:
  write   writing the unsigned PDF into the data folder (``write_file``: whole or not at all);
  sign    embedding the record and signing it into the data folder (``sign_pdf``);
  verify  ``verify_pdf`` on the signed file;
and the limits issue 7 sets: signing adds at most 100 ms to writing, verifying takes at most
300 ms.

    .venv/bin/python benchmarks/signing.py [--runs 25]
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader

from redpair_desktop.files import write_file
from redpair_desktop.reports.agreements.pdf import agreement_pdf
from redpair_desktop.reports.fonts import FontSet
from redpair_desktop.services.agreements.builder import agreement_document
from redpair_desktop.services.agreements.keys import signing_identity
from redpair_desktop.services.agreements.signing import RecordStamp, sign_pdf
from redpair_desktop.services.agreements.verification import verify_pdf
from redpair_desktop.services.workspace import device_id, open_workspace

LIMITS_MS = {"sign - write": 100.0, "verify": 300.0}


def demo_pdf(data_dir: Path) -> tuple[bytes, RecordStamp]:
    subprocess.run(
        [sys.executable, "-m", "redpair_desktop.cli.main", "--data-dir", str(data_dir), "demo"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    workspace = open_workspace(data_dir)
    try:
        document = agreement_document(workspace.db, "demo")
    finally:
        workspace.close()
    document = dataclasses.replace(document, clauses=document.clauses[:3])  # two pages
    stamp = RecordStamp(str(document.record_id), document.version, document.content_hash)
    return agreement_pdf(document, FontSet()), stamp


def samples_ms(actions: dict[str, Callable[[], object]], runs: int) -> dict[str, list[float]]:
    """Each action's times, the actions interleaved so that machine noise hits them alike."""
    times: dict[str, list[float]] = {name: [] for name in actions}
    for action in actions.values():
        action()  # warm
    for _ in range(runs):
        for name, action in actions.items():
            start = time.perf_counter()
            action()
            times[name].append((time.perf_counter() - start) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=25)
    runs = max(20, parser.parse_args().runs)
    data_dir = Path(tempfile.mkdtemp(prefix="redpair-bench-"))
    pdf, stamp = demo_pdf(data_dir)
    identity = signing_identity(data_dir, device=device_id(data_dir), company="RedPair")
    unsigned, signed = data_dir / "unsigned.pdf", data_dir / "signed.pdf"
    samples = samples_ms(
        {
            "write": lambda: write_file(unsigned, pdf),
            "sign": lambda: sign_pdf(pdf, signed, identity, record=stamp),
            "verify": lambda: verify_pdf(signed),
        },
        runs,
    )
    medians = {name: statistics.median(values) for name, values in samples.items()}
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    print(f"demo agreement: {pages} pages, {len(pdf) // 1024} KB; median of {runs}, warm")
    for name, value in medians.items():
        print(f"{name:>7}: median {value:7.1f} ms  (min {min(samples[name]):.1f} ms)")
    print(f"sign / write: {medians['sign'] / medians['write']:.1f}x")
    if not verify_pdf(signed).ok:
        print("the signed file does not verify")
        return 1
    measured = {"sign - write": medians["sign"] - medians["write"], "verify": medians["verify"]}
    failed = False
    for name, limit in LIMITS_MS.items():
        verdict = "ok" if measured[name] <= limit else "OVER"
        failed |= measured[name] > limit
        print(f"{name:>13}: {measured[name]:6.1f} ms  (limit {limit:.0f} ms)  {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
