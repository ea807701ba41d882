#!/usr/bin/env bash
# Peer benchmark (issue 4): whole-process wall time of `skillhost review DIR --format json > /dev/null`
# (the published Release build) against ruff's WebAssembly build checking the same files with the rule
# groups closest to the skill's checklist (ruff-check.mjs: PERF, ASYNC, C4, G, FURB, SLOT, B019).
# Both skip site-packages and the same build/vendored folder names. Prints every run, the medians and
# the ratio ours/ruff (the goal is <= 0.1), for wall time and for CPU time (user + sys).
#
# Usage: tests/Benchmarks/ruff/bench.sh [DIR]     (default: the CPython 3.11 standard library, found by ../shared/tools/corpora.sh)
# Environment: RUNS (default 5), PUBLISH_DIR (default /tmp/skillhost-bench, or …-aot),
#              ARTIFACTS (dotnet --artifacts-path, default /tmp/art-ruff-bench), SKIP_PUBLISH=1 to reuse a build,
#              AOT=1 to publish with Native AOT (-p:PublishAot=true) instead of the default JIT build.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
# The default corpus: the CPython 3.11 stdlib that the shared corpora script finds (pyenv), wherever it lives.
corpus="${1:-$(bash "$repo/../shared/tools/corpora.sh" 2>/dev/null | awk '$4 ~ /python3\.11$/ { print $4; exit }')}"
runs="${RUNS:-5}"
aot="${AOT:-0}"
if [[ $aot == 1 ]]; then suffix=-aot; kind="Native AOT"; aot_flag=-p:PublishAot=true; else suffix=""; kind=JIT; aot_flag=""; fi
publish="${PUBLISH_DIR:-/tmp/skillhost-bench$suffix}"
artifacts="${ARTIFACTS:-/tmp/art-ruff-bench}"

if [[ -z $corpus || ! -d $corpus ]]; then
  echo "bench: no CPython 3.11 stdlib found (${corpus:-none}); pass its folder as the first argument. Nothing to measure." >&2
  exit 0
fi

if [[ ${SKIP_PUBLISH:-0} != 1 || ! -x $publish/skillhost ]]; then
  echo "== publishing skillhost (Release, $kind) to $publish" >&2
  dotnet publish "$repo/src/SkillHost.Server" -c Release -o "$publish" --artifacts-path "$artifacts$suffix" --nologo -v quiet $aot_flag >&2
fi

echo "== installing ruff (npm ci in $here)" >&2
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error) >&2

ours=("$publish/skillhost" review "$corpus" --format json)
theirs=(node "$here/ruff-check.mjs" "$corpus")

# One untimed run each: warms the file cache and tells what each tool saw.
summary=$("${ours[@]}" 2>/dev/null | node -e '
  let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
    const r = JSON.parse(s).summary;
    console.log(`files=${r.filesReviewed} skipped=${r.filesSkipped} rules=${r.rules.length} findings=${r.findings}`);
  });') || true
echo "skillhost ($kind): $summary"
"${theirs[@]}" 2>&1 >/dev/null | tail -n 1

# Prints "WALL_MS CPU_MS" for one run; CPU = user + sys, the fairer figure on a shared, loaded machine.
measure() {
  local TIMEFORMAT='%R %U %S' t
  t=$( { time "$@" >/dev/null 2>&1 || true; } 2>&1 )   # skillhost exits 1 when it finds something: not a failure here
  awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' <<<"$t"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

declare -a ow oc tw tc
for ((i = 1; i <= runs; i++)); do
  read -r w c < <(measure "${ours[@]}"); ow+=("$w"); oc+=("$c")
  read -r w2 c2 < <(measure "${theirs[@]}"); tw+=("$w2"); tc+=("$c2")
  echo "run $i: skillhost wall ${w} ms (cpu ${c} ms), ruff wall ${w2} ms (cpu ${c2} ms)"
done

med() { printf '%s\n' "$@" | median; }
ratio() { awk -v o="$1" -v t="$2" 'BEGIN { printf "%.3f", o / t }'; }
o_wall=$(med "${ow[@]}"); t_wall=$(med "${tw[@]}"); o_cpu=$(med "${oc[@]}"); t_cpu=$(med "${tc[@]}")
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "median wall: skillhost ${o_wall} ms, ruff ${t_wall} ms, ratio ours/ruff = $(ratio "$o_wall" "$t_wall") (goal <= 0.1)"
echo "median cpu:  skillhost ${o_cpu} ms, ruff ${t_cpu} ms, ratio ours/ruff = $(ratio "$o_cpu" "$t_cpu")"
