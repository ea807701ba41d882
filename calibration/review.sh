#!/usr/bin/env bash
# Reviews every repository of a rebuilt corpus (rebuild.sh --out DIR) with every confidence, one JSON per repository,
# for tally.py. Uses the Release build of this checkout (build it first), or $SKILLHOST when set.
#   calibration/review.sh --corpus DIR --out REVIEWS
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus="" out=""
while (($#)); do
  case $1 in
    --corpus) corpus=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "review.sh: unknown argument '$1' (use --corpus DIR, --out DIR)" >&2; exit 2 ;;
  esac
done
[[ -n $corpus && -n $out ]] || { echo "review.sh: --corpus DIR and --out DIR are required" >&2; exit 2; }
dll="$here/../src/SkillHost.Server/bin/Release/net10.0/skillhost.dll"
if [[ -z ${SKILLHOST:-} && ! -f $dll ]]; then
  echo "review.sh: $dll not found: run 'dotnet build src/SkillHost.Server -c Release' first (or set SKILLHOST)" >&2; exit 2
fi
mkdir -p "$out"
for dir in "$corpus"/*/; do
  name=$(basename "$dir")
  # Exit 1 means "findings": only 2 and above are failures.
  (cd "$dir" && ${SKILLHOST:-dotnet "$dll"} review . --format json --min-confidence low --skill "$here/../skill/performance-optimization" >"$out/$name.json") || (($? == 1)) || { echo "review.sh: review of $name failed" >&2; exit 2; }
  echo "$name: $(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]), "findings")' "$out/$name.json")"
done
