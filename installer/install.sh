#!/usr/bin/env bash
# From a fresh clone to an installed tool: packs skillhost, installs the package as a global dotnet tool (replacing an
# earlier install of it), then runs `skillhost install` with this script's arguments (default: Claude Code, user
# scope; e.g. `installer/install.sh --client vscode --scope project`). Needs only the .NET 10 SDK.
#
# Environment: SKILLHOST_CONFIGURATION (Release), SKILLHOST_NO_BUILD=1 to pack what is already built,
# SKILLHOST_PACKAGE_DIR (artifacts/package) for where the package goes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
configuration="${SKILLHOST_CONFIGURATION:-Release}"
package_dir="${SKILLHOST_PACKAGE_DIR:-$root/artifacts/package}"
no_build=()
[[ ${SKILLHOST_NO_BUILD:-} == 1 ]] && no_build=(--no-build)

echo "== packing skillhost ($configuration) into $package_dir" >&2
rm -rf "$package_dir"
dotnet pack "$root/src/SkillHost.Server/SkillHost.Server.csproj" -c "$configuration" -o "$package_dir" "${no_build[@]}" -v quiet >&2

# `dotnet tool install` keeps an installed tool of the same version, so take the old one out first.
if dotnet tool list --global | awk 'NR > 2 { print $1 }' | grep -qx skillhost; then
  echo "== replacing the installed skillhost tool" >&2
  dotnet tool uninstall --global skillhost >&2
fi
dotnet tool install --global SkillHost --add-source "$package_dir" --ignore-failed-sources >&2

tool="$HOME/.dotnet/tools/skillhost"
echo "== $tool install $*" >&2
"$tool" install "$@"
case ":$PATH:" in
  *":$HOME/.dotnet/tools:"*) ;;
  *) echo "note: add $HOME/.dotnet/tools to PATH to type 'skillhost' directly." >&2 ;;
esac
