#!/usr/bin/env python3
"""Trunk post-build hook: adds a Content-Security-Policy to the built page.

The policy allows only the page's own files, its WebAssembly
('wasm-unsafe-eval') and the inline loader script(s) that Trunk writes, by
their SHA-256 hash; no 'unsafe-inline' and no 'unsafe-eval'. The hashes are
computed here because the loader names the hashed file names of each build.

Trunk runs this with TRUNK_STAGING_DIR set; it can also be run by hand on a
dist/ directory: scripts/csp.py dist
"""
import base64
import hashlib
import os
import re
import sys
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S)


def policy(html: str) -> str:
    hashes = sorted({
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
        for body in INLINE_SCRIPT.findall(html)
    })
    return "; ".join([
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval' " + " ".join(hashes),
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        # The analysis worker is a file of its own (stance-worker_loader.js),
        # never a blob: URL, so blob: workers are not allowed.
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])


def main(argv) -> int:
    directory = Path(argv[1] if len(argv) > 1 else os.environ.get("TRUNK_STAGING_DIR", "dist"))
    page = directory / "index.html"
    html = page.read_text(encoding="utf-8")
    html = re.sub(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    html, count = re.subn(r"<head>", "<head>\n  " + meta, html, count=1)
    if count != 1:
        print(f"csp: no <head> in {page}", file=sys.stderr)
        return 1
    page.write_text(html, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
