#!/usr/bin/env bash
# Runs every test of the solution. Installs what the tests drive (the npm clients under
# tests/clients*/, Debian's chromium for the eval report's browser test, linux-perf for the profile tests), runs `dotnet test` with a
# TRX report per test project, and ends with the plain line "N passed, N failed, N skipped". Extra arguments go to `dotnet test`.
set -uo pipefail
cd "$(dirname "$0")"

# Every tests/clients*/ folder with a package.json holds npm clients some tests drive.
for clients in tests/clients*/; do
  [[ -f $clients/package.json ]] || continue
  echo "== installing test clients (npm ci in $clients)" >&2
  (cd "$clients" && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed in $clients" >&2; exit 2; }
done

# The eval report's HTML page is tested in a real browser: headless Chromium from Debian.
if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing chromium (apt-get) for the eval report's browser test" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null \
    || { echo "could not install chromium (apt-get needs root); install Debian's chromium package and run again" >&2; exit 2; }
fi

# The repository's pre-commit hooks are run by the real pre-commit on a temporary repository: Debian's package.
if ! command -v pre-commit >/dev/null 2>&1; then
  echo "== installing pre-commit (apt-get) for the hook tests" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pre-commit) >/dev/null \
    || { echo "could not install pre-commit (apt-get needs root); install Debian's pre-commit package and run again" >&2; exit 2; }
fi

# The profile tests record real profiles with perf (a Rust program, CPython with -X perf): Debian's linux-perf.
if ! command -v perf >/dev/null 2>&1; then
  echo "== installing linux-perf (apt-get) for the profile tests" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq linux-perf) >/dev/null \
    || { echo "could not install linux-perf (apt-get needs root); install Debian's linux-perf package and run again" >&2; exit 2; }
fi

# Local dotnet tools the tests drive (.config/dotnet-tools.json: pwsh runs installer/install.ps1).
echo "== restoring local dotnet tools" >&2
dotnet tool restore >&2 || { echo "dotnet tool restore failed" >&2; exit 2; }

results="${TEST_RESULTS_DIR:-$PWD/artifacts/test-results}"
rm -rf "$results" && mkdir -p "$results"

dotnet test --solution McpServer.sln -c Release -p:SkillHostTrxReport=true --results-directory "$results" "$@"
status=$?

# Each test project writes <project>.trx (tests/Directory.Build.props); a project without its report counts as one
# failure, so a runner that dies before writing never passes silently.
passed=0; failed=0; skipped=0
mapfile -t projects < <(grep -o '[A-Za-z0-9_.]*\.Tests\.csproj' McpServer.sln | sed 's/\.csproj$//' | sort -u)
for project in "${projects[@]}"; do
  trx="$results/$project.trx"
  if [[ ! -f $trx ]]; then
    echo "$project wrote no test report ($trx): counted as one failure" >&2
    failed=$((failed + 1))
    continue
  fi
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
(( failed > 0 && status == 0 )) && status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
