#!/usr/bin/env bash
# Packs a release: Privacy.Abstractions, Privacy.Core (each with its .snupkg) and the Privacy.Cli
# tool into artifacts/packages (or the folder given), built in Release from a clean intermediate
# folder, with deterministic paths (ContinuousIntegrationBuild) and Source Link to the public
# repository at the current commit.
#
# Usage: eng/pack.sh [output-folder]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=$(realpath -m "${1:-$root/artifacts/packages}")
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
mkdir -p "$out"
rm -f "$out"/Privacy.*.nupkg "$out"/Privacy.*.snupkg

# One build of the three projects (eng/packages.slnf). A separate artifacts folder keeps the pack
# away from the working bin/obj folders (and from a build running beside it), and a tool package
# never picks up stale files from an old publish.
dotnet pack "$root/eng/packages.slnf" -c Release --nologo \
  -p:ContinuousIntegrationBuild=true \
  -p:PackageOutputPath="$out/" \
  --artifacts-path "$build"

echo "Packages in $out:"
ls -1 "$out"
