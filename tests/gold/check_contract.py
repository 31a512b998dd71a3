#!/usr/bin/env python3
"""Checks that a stance-matrix/1 output follows shared/CONTRACT.md exactly.

usage: check_contract.py OUTPUT.json TEXT_DIR

Every document must exist in TEXT_DIR under its id, every field the contract
names must be there with the right type, and every evidence span must be the
exact code-point slice of its document. Prints one line per problem and exits
1 if there is any.
"""
import json
import sys
from pathlib import Path

KINDS = {"person", "state", "government_body", "armed_group", "party", "organization", "expert", "media", "public", "other"}
STANCES = {"for", "against", "conditional", "none"}
OVERALL = STANCES | {"mixed"}


def check(out, text_dir):
    problems = []
    if out.get("schema") != "stance-matrix/1":
        problems.append(f"schema is {out.get('schema')!r}")
    if not isinstance(out.get("topic"), str) or not out["topic"]:
        problems.append("topic missing")
    texts = {}
    for d in out.get("documents", []):
        for field, kind in (("id", str), ("title", str), ("chars", int)):
            if not isinstance(d.get(field), kind):
                problems.append(f"document field {field} missing or mistyped: {d}")
        path = text_dir / str(d.get("id"))
        if path.is_file():
            texts[d["id"]] = path.read_text(encoding="utf-8")
            if d.get("chars") != len(texts[d["id"]]):
                problems.append(f"{d['id']}: chars {d.get('chars')} != {len(texts[d['id']])}")
        else:
            problems.append(f"document {d.get('id')!r} not found in {text_dir}")
    ids = set()
    for a in out.get("actors", []):
        name = a.get("name")
        if not isinstance(a.get("id"), str) or a["id"] in ids:
            problems.append(f"actor id missing or repeated: {a.get('id')!r}")
        ids.add(a.get("id"))
        if not isinstance(name, str) or not name.strip():
            problems.append(f"actor {a.get('id')}: empty name")
        if a.get("kind") not in KINDS:
            problems.append(f"actor {name}: bad kind {a.get('kind')!r}")
        if not isinstance(a.get("aliases"), list) or not all(isinstance(x, str) for x in a["aliases"]):
            problems.append(f"actor {name}: aliases must be a list of strings")
        if a.get("overall") not in OVERALL:
            problems.append(f"actor {name}: bad overall {a.get('overall')!r}")
        docs_seen = set()
        for c in a.get("cells", []):
            doc = c.get("document")
            if doc in docs_seen:
                problems.append(f"actor {name}: two cells for {doc}")
            docs_seen.add(doc)
            if doc not in texts:
                problems.append(f"actor {name}: cell for unknown document {doc!r}")
                continue
            if c.get("stance") not in STANCES:
                problems.append(f"actor {name}: bad stance {c.get('stance')!r}")
            conf = c.get("confidence")
            if not isinstance(conf, (int, float)) or not 0 <= conf <= 1:
                problems.append(f"actor {name}: confidence {conf!r} outside 0..1")
            evidence = c.get("evidence")
            if not isinstance(evidence, list):
                problems.append(f"actor {name}: evidence must be a list")
                continue
            if c.get("stance") != "none" and not evidence:
                problems.append(f"actor {name}: {c.get('stance')} cell in {doc} without evidence")
            text = texts[doc]
            for e in evidence:
                s, t = e.get("start"), e.get("end")
                if not (isinstance(s, int) and isinstance(t, int) and 0 <= s < t <= len(text)):
                    problems.append(f"actor {name}: bad offsets {s}..{t} in {doc}")
                elif e.get("text") != text[s:t]:
                    problems.append(f"actor {name}: evidence text differs from {doc}[{s}:{t}]")
                if e.get("stance") not in STANCES:
                    problems.append(f"actor {name}: evidence stance {e.get('stance')!r}")
                if not isinstance(e.get("cue"), str):
                    problems.append(f"actor {name}: evidence cue missing")
    return problems


def main(argv):
    if len(argv) != 3:
        print(__doc__)
        return 2
    out = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
    problems = check(out, Path(argv[2]))
    for p in problems[:50]:
        print("CONTRACT", p)
    print(f"contract: {len(out.get('documents', []))} documents, {len(out.get('actors', []))} actors, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
