#!/usr/bin/env python3
"""Transfer size of the built widget: what a browser downloads on first load.

usage: scripts/size-report.py [DIST] [--budget-gzip-kb N]

Prints raw, gzip (level 9) and brotli (quality 11, when the `brotli` module
is installed) sizes of every file in dist/, and exits 1 when the gzip total
is over the budget. The budget covers the first load; the analysis worker,
fetched only for large texts, is reported apart.
"""
import gzip
import sys
from pathlib import Path

try:
    import brotli
except ImportError:  # the report still works; brotli is then left out
    brotli = None


def main(argv) -> int:
    args = [a for a in argv[1:] if not a.startswith("--")]
    dist = Path(args[0] if args else "dist")
    budget = float(argv[argv.index("--budget-gzip-kb") + 1]) if "--budget-gzip-kb" in argv else None
    totals = [0, 0, 0]
    later = [0, 0, 0]
    for f in sorted(p for p in dist.iterdir() if p.is_file()):
        data = f.read_bytes()
        sizes = [len(data), len(gzip.compress(data, 9)), len(brotli.compress(data, quality=11)) if brotli else 0]
        # The analysis worker is fetched only when a text is large enough to need it.
        on_demand = f.name.startswith("stance-worker")
        if on_demand:
            later = [t + s for t, s in zip(later, sizes)]
        else:
            totals = [t + s for t, s in zip(totals, sizes)]
        br = f"{sizes[2] / 1024:8.1f} KB br" if brotli else ""
        print(f"{f.name:48s} {sizes[0] / 1024:8.1f} KB raw {sizes[1] / 1024:8.1f} KB gzip {br}")
    br = f", {totals[2] / 1024:.1f} KB brotli" if brotli else ""
    print(f"first load: {totals[0] / 1024:.1f} KB raw, {totals[1] / 1024:.1f} KB gzip{br}")
    br = f", {later[2] / 1024:.1f} KB brotli" if brotli else ""
    print(f"worker, on demand: {later[0] / 1024:.1f} KB raw, {later[1] / 1024:.1f} KB gzip{br}")
    if budget is not None and totals[1] / 1024 > budget:
        print(f"size: FAILED: gzip first load {totals[1] / 1024:.1f} KB is over the budget of {budget:.0f} KB")
        return 1
    if budget is not None:
        print(f"size: ok (gzip {totals[1] / 1024:.1f} KB within the budget of {budget:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
