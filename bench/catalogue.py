"""Catalogue accuracy (issue 11): 文号, issuer, date, kind, effective date and repealed texts, per set,
against the expectations written by reading the texts (bench/data/catalogue_expectations.jsonl, see
bench/data/README.md for the fields and how they were decided).

Each set's files are ingested together (as one build would read them); each expectation is matched
to the catalogued document of the same file whose source span holds its ``line`` (for the .docx/.pdf
copies of the real texts, to the document of the same title in that file). Values are compared after
the normalisation the README states. Prints a table and the misses; saves bench/results/catalogue.json.

    python3 bench/catalogue.py
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

from harness import ROOT, print_header, save

from corpus.ingest import SourceFile, ingest
from corpus.model import Document, RelationKind

EXPECTATIONS = ROOT / "bench" / "data" / "catalogue_expectations.jsonl"
SETS = {
    "seeds": ROOT.parent / "shared" / "seeds",
    "stard_dev": ROOT.parent / "shared" / "eval" / "stard_dev" / "corpus",
    "real": ROOT / "tests" / "data" / "real",
}
FIELDS = ("title", "doc_number", "issuer", "date", "kind", "effective_date", "supersedes")
KINDS = {
    "通知": "notice", "办法": "measures", "细则": "rules", "规定": "provisions", "方案": "scheme",
    "规划": "program", "意见": "opinion", "计划": "action_plan", "制度": "system", "表": "table",
    "承诺书": "pledge", "证书": "form", "函": "letter", "新闻": "news", "总结": "summary", "前言": "preface",
    "法": "law", "条例": "regulation", "解释": "interpretation", "决定": "decision", "令": "order",
    "公告": "announcement",
}  # fmt: skip


def norm(value: object) -> object:
    """NFKC, no white space, one spelling of brackets, no leading 中华人民共和国 (order numbers)."""
    if value is None:
        return None
    if isinstance(value, list | tuple | set | frozenset):
        return frozenset(norm(v) for v in value)
    text = "".join(unicodedata.normalize("NFKC", str(value)).split())
    text = text.replace("[", "〔").replace("]", "〕").replace("(", "（").replace(")", "）")
    return re.sub(r"^中华人民共和国(?=.+令)", "", text)


def actual(doc: Document, field: str) -> object:
    if field == "supersedes":
        return [r.target_title for r in doc.relations if r.kind is RelationKind.REPEALS]
    if field == "kind":
        return doc.kind.value
    return getattr(doc, field, None)


def expected(row: dict, field: str) -> object:
    return KINDS.get(row["kind"], row["kind"]) if field == "kind" else row[field]


def main() -> None:
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args()
    meta = print_header("catalogue accuracy (issue 11)", "seeds + stard_dev corpus + tests/data/real", 1)
    rows = [json.loads(line) for line in EXPECTATIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    misses: list[dict] = []
    for set_name, folder in SETS.items():
        if not folder.is_dir():
            print(f"skipped:  {set_name} ({folder} not found)")
            continue
        wanted = [r for r in rows if r["set"] == set_name]
        names = sorted({r["file"] for r in wanted})
        copies = sorted({f"{Path(r['file']).stem}.{f}" for r in wanted for f in r.get("formats", []) if f != "txt"})
        corpus = ingest([SourceFile.read(folder / name) for name in names + copies])
        by_file: dict[str, list[Document]] = defaultdict(list)
        for doc in corpus.documents:
            by_file[doc.source.file].append(doc)
        checks = [(r, r["file"]) for r in wanted] + [
            (r, f"{Path(r['file']).stem}.{f}") for r in wanted for f in r.get("formats", []) if f != "txt"
        ]
        for row, file in checks:
            label = set_name if file == row["file"] else f"{set_name} ({Path(file).suffix[1:]})"
            docs = by_file.get(file, [])
            if file == row["file"]:
                doc = next((d for d in docs if d.source.contains(row["line"])), None)
            else:
                doc = next((d for d in docs if norm(d.title) == norm(row["title"])), None)
            for field in FIELDS:
                tally = counts[label][field]
                tally[1] += 1
                want = norm(expected(row, field))
                got = norm(actual(doc, field)) if doc is not None else "(no document)"
                if got == want:
                    tally[0] += 1
                else:
                    misses.append({"set": label, "file": file, "line": row["line"], "field": field,
                                   "expected": expected(row, field),
                                   "got": actual(doc, field) if doc is not None else None})  # fmt: skip
    header = f"{'set':<18}" + "".join(f"{f:>15}" for f in FIELDS)
    print(header)
    table: dict[str, dict[str, float]] = {}
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for label, fields in counts.items():
        table[label] = {f: round(fields[f][0] / fields[f][1], 3) for f in FIELDS}
        n = fields[FIELDS[0]][1]
        print(f"{label + f' ({n})':<18}" + "".join(f"{table[label][f]:>15.3f}" for f in FIELDS))
        for f in FIELDS:
            totals[f][0] += fields[f][0]
            totals[f][1] += fields[f][1]
    table["all"] = {f: round(totals[f][0] / totals[f][1], 3) for f in FIELDS}
    print(f"{'all':<18}" + "".join(f"{table['all'][f]:>15.3f}" for f in FIELDS))
    print(f"\nmisses ({len(misses)}):")
    for miss in misses:
        print(f"  {miss['set']:<14} {miss['file']}:{miss['line']} {miss['field']}: "
              f"expected {miss['expected']!r}, got {miss['got']!r}")  # fmt: skip
    save("catalogue", {**meta, "accuracy": table, "misses": misses})


if __name__ == "__main__":
    main()
