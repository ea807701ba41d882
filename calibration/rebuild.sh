#!/usr/bin/env bash
# Rebuilds the calibration corpus: the Python, Rust and build files (Cargo.toml, pyproject.toml) of every
# repository in repos.txt, at its pinned commit, from the bare git snapshots that the search tool's `fetch`
# brought onto this machine. Nothing here is committed: the corpus lands in OUT (default: a temporary folder).
#   calibration/rebuild.sh [--mirror DIR] [--out DIR]
# DIR for --mirror holds one folder per repository named owner+name/ with a bare git directory repo/ inside
# (where `fetch` puts it; default: ../.mirror beside the checkout, or $SKILLHOST_MIRROR).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mirror=${SKILLHOST_MIRROR:-$here/../../.mirror}
out=""
while (($#)); do
  case $1 in
    --mirror) mirror=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "rebuild.sh: unknown argument '$1' (use --mirror DIR, --out DIR)" >&2; exit 2 ;;
  esac
done
[[ -n $out ]] || out=$(mktemp -d)
mkdir -p "$out"
missing=0
while read -r repo commit; do
  [[ -z $repo || $repo == \#* ]] && continue
  git_dir="$mirror/${repo/\//+}/repo"
  if ! git --git-dir="$git_dir" cat-file -e "$commit^{commit}" 2>/dev/null; then
    echo "missing: $repo at $commit (fetch github:$repo with the search tool, then run again)" >&2
    missing=$((missing + 1)); continue
  fi
  dest="$out/${repo/\//+}"
  rm -rf "$dest"; mkdir -p "$dest"
  count=0
  while IFS= read -r path; do
    mkdir -p "$dest/$(dirname "$path")"
    # Large files may be absent from a snapshot; per-file `show` skips them instead of failing the whole tree.
    if git --git-dir="$git_dir" show "$commit:$path" > "$dest/$path" 2>/dev/null; then count=$((count + 1)); else rm -f "$dest/$path"; fi
  done < <(git --git-dir="$git_dir" ls-tree -r --name-only "$commit" | grep -E '(\.py|\.pyi|\.rs|/?Cargo\.toml|/?pyproject\.toml)$')
  echo "$repo $commit: $count files" >&2
done < "$here/repos.txt"
echo "$out"
(( missing == 0 )) || { echo "$missing repositories missing" >&2; exit 1; }
