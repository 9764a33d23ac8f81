#!/usr/bin/env bash
# Installs the .NET 8 shared runtimes (Microsoft.NETCore.App and Microsoft.AspNetCore.App) beside
# the SDK's own, so that test projects run on net8.0 as well as net10.0. Debian has no .NET
# packages, so each runtime comes from NuGet's runtime pack (restored by the SDK's own client) and
# is laid out as a shared framework. A runtime already installed is left alone.
#
# Usage: eng/install-net8-runtime.sh [version]     (default 8.0.34)
set -euo pipefail
version=${1:-8.0.34}

case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64) rid=linux-arm64 ;;
  *) echo "install-net8-runtime: unsupported machine $(uname -m)" >&2; exit 1 ;;
esac

installed=$(dotnet --list-runtimes)
missing=()
for framework in Microsoft.NETCore.App Microsoft.AspNetCore.App; do
  grep -q "^${framework//./\\.} 8\." <<<"$installed" || missing+=("$framework")
done
[ ${#missing[@]} -gt 0 ] || exit 0

dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

downloads=""
for framework in "${missing[@]}"; do
  downloads+="    <PackageDownload Include=\"$framework.Runtime.$rid\" Version=\"[$version]\" />"$'\n'
done
cat > "$work/runtime.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
$downloads  </ItemGroup>
</Project>
PROJECT
dotnet restore "$work/runtime.csproj" --packages "$work/packages" -v quiet -nologo

for framework in "${missing[@]}"; do
  pack="$work/packages/${framework,,}.runtime.$rid/$version/runtimes/$rid"
  target="$dotnet_root/shared/$framework/$version"
  rm -rf "$target.partial"
  mkdir -p "$target.partial"
  cp "$pack"/lib/net8.0/* "$target.partial/"
  # The host resolver (libhostfxr) is the SDK's own; the framework folder holds everything else.
  if [ -d "$pack/native" ]; then
    find "$pack/native" -type f ! -name 'libhostfxr.so' -exec cp {} "$target.partial/" \;
  fi
  rm -rf "$target"
  mv "$target.partial" "$target"
  echo "Installed $framework $version in $target"
done
