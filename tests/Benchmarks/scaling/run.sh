#!/usr/bin/env bash
# Time against size: generates the pathological shapes and 1–16 MB of real code (scaling/generate.py),
# then reviews each file alone in its own process (the `scaling` command) under a timeout, and prints
# one line per file. usage: run.sh [OUT] [TIMEOUT_SECONDS] [generate.py options...]
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-/tmp/skillhost-scaling}
limit=${2:-150}
shift $(( $# > 2 ? 2 : $# ))
python3 "$here/generate.py" "$out" "$@" >/dev/null || exit 2
bench=${BENCH:-}
if [[ -z $bench ]]; then
  dotnet build "$here/../Benchmarks.csproj" -c Release -m:1 -v q -nologo >/dev/null || exit 2
  bench="$here/../bin/Release/net10.0/Benchmarks.dll"
fi
for file in "$out"/*.py "$out"/*.rs; do
  [[ -f $file ]] || continue
  line=$(timeout "$limit" dotnet "$bench" scaling "$file" 2>&1 | tail -1)
  status=${PIPESTATUS[0]}
  if (( status == 124 )); then
    printf '%-24s %6.2f MB  over the %s s timeout\n' "$(basename "$file")" "$(echo "$(stat -c %s "$file") / 1048576" | bc -l)" "$limit"
  elif (( status != 0 )); then
    printf '%-24s failed (%s): %s\n' "$(basename "$file")" "$status" "$line"
  else
    echo "$line"
  fi
done
