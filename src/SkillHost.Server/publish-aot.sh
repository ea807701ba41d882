#!/usr/bin/env bash
# Publishes `skillhost` as a Native AOT executable (no .NET runtime needed to run it; ~20 ms cold start).
#   src/SkillHost.Server/publish-aot.sh [OUTPUT_DIR]     (default: artifacts/aot)
# Native AOT links with clang against zlib: installs them with apt-get when missing (needs root, as CI is).
set -euo pipefail
cd "$(dirname "$0")/../.."
out="${1:-artifacts/aot}"

if ! command -v clang >/dev/null || [[ ! -f /usr/include/zlib.h ]]; then
  echo "== installing clang and zlib1g-dev (Native AOT links with them)" >&2
  if [[ $(id -u) -ne 0 ]]; then
    echo "error: clang and zlib1g-dev are missing; run: sudo apt-get install -y clang zlib1g-dev" >&2
    exit 2
  fi
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clang zlib1g-dev >/dev/null
fi

dotnet publish src/SkillHost.Server -c Release -r linux-x64 -p:PublishAot=true -o "$out" --nologo
echo "== $out/skillhost ($(du -h "$out/skillhost" | cut -f1))" >&2
