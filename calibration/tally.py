#!/usr/bin/env python3
"""Tallies the judged calibration corpus: what a default review shows, and how those findings were judged.

    calibration/review.sh --corpus DIR --out REVIEWS      # one JSON review (every confidence) per repository
    calibration/tally.py REVIEWS [--update]

REVIEWS holds one `owner+name.json` per repository (`skillhost review . --format json --min-confidence low`, run from
the repository's folder). A default review shows medium and high confidence; low is counted as hidden. The script
prints the per-repository and per-rule tallies of the shown findings with their verdicts from verdicts.tsv, then every
shown finding that has no verdict yet (read it in context and add a row), and every verdict row whose `shown` column
no longer matches the review (`--update` rewrites that column; the verdict and reason stay as judged).
"""
import collections
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
VERDICTS = os.path.join(HERE, "verdicts.tsv")
SHOWN = {"medium", "high"}


def load_verdicts():
    rows = []
    with open(VERDICTS, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                rows.append((line, None))
                continue
            cells = line.split("\t")
            if len(cells) < 7:
                sys.exit(f"verdicts.tsv: a row needs 7 tab-separated cells (repo path line rule shown verdict reason): {line[:80]}")
            rows.append((line, cells))
    return rows


def load_reviews(folder):
    found = {}
    repos = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json"):
            continue
        repo = name[: -len(".json")].replace("+", "/", 1)
        repos.append(repo)
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            review = json.load(f)
        for x in review["findings"]:
            found[(repo, x["path"], str(x["startLine"]), x["ruleId"])] = x["confidence"]
    return found, repos


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__)
        return 2
    folder, update = argv[1], "--update" in argv[2:]
    found, repos = load_reviews(folder)
    rows = load_verdicts()
    verdicts = {tuple(c[:4]): c for _, c in rows if c is not None}

    by_repo = {r: collections.Counter() for r in repos}
    by_rule = collections.defaultdict(collections.Counter)
    unjudged = []
    for key, confidence in sorted(found.items()):
        if confidence not in SHOWN:
            continue
        verdict = verdicts.get(key, [None] * 6)[5] or "unjudged"
        by_repo[key[0]]["shown"] += 1
        by_repo[key[0]][verdict] += 1
        by_rule[(key[3], confidence)]["shown"] += 1
        by_rule[(key[3], confidence)][verdict] += 1
        if verdict == "unjudged":
            unjudged.append(key)

    cols = ["shown", "worth", "not-worth", "wrong", "unjudged"]
    print("| repository | " + " | ".join(cols) + " |")
    print("|---|" + "---|" * len(cols))
    total = collections.Counter()
    for repo in repos:
        total.update(by_repo[repo])
        print(f"| {repo} | " + " | ".join(str(by_repo[repo][c]) for c in cols) + " |")
    print("| **all** | " + " | ".join(str(total[c]) for c in cols) + " |")
    print()
    print("| rule | confidence | " + " | ".join(cols) + " |")
    print("|---|---|" + "---|" * len(cols))
    for (rule, confidence), counts in sorted(by_rule.items()):
        print(f"| {rule} | {confidence} | " + " | ".join(str(counts[c]) for c in cols) + " |")
    shown = total["shown"]
    if shown:
        print(f"\nwrong {total['wrong']}/{shown} = {100 * total['wrong'] / shown:.0f}%; worth {total['worth']}/{shown} = {100 * total['worth'] / shown:.0f}%")

    for key in unjudged:
        print("unjudged:", "\t".join(key), found[key])

    stale = []
    out = []
    for line, cells in rows:
        if cells is not None:
            key = tuple(cells[:4])
            now = found.get(key, "silent") if key[0] in by_repo else cells[4]
            if now != cells[4]:
                stale.append(f"{' '.join(key)}: {cells[4]} -> {now}")
                cells = cells[:4] + [now] + cells[5:]
                line = "\t".join(cells)
        out.append(line)
    for s in stale:
        print("shown column changed:", s)
    if update and stale:
        with open(VERDICTS, "w", encoding="utf-8") as f:
            f.write("\n".join(out) + "\n")
        print(f"verdicts.tsv: {len(stale)} rows updated")
    return 1 if unjudged else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
