#!/usr/bin/env bash
# Installs the .NET 8 shared runtime (Microsoft.NETCore.App) beside the SDK's own, so that the test
# projects run on net8.0 as well as net10.0. Debian has no .NET packages, so the runtime comes from
# NuGet's runtime pack (restored by the SDK's own client) and is laid out as a shared framework.
# Does nothing when a .NET 8 runtime is already installed.
#
# Usage: eng/install-net8-runtime.sh [version]     (default 8.0.34)
set -euo pipefail
version=${1:-8.0.34}

if dotnet --list-runtimes | grep -q '^Microsoft\.NETCore\.App 8\.'; then
  exit 0
fi

case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64) rid=linux-arm64 ;;
  *) echo "install-net8-runtime: unsupported machine $(uname -m)" >&2; exit 1 ;;
esac

dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
target="$dotnet_root/shared/Microsoft.NETCore.App/$version"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/runtime.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="Microsoft.NETCore.App.Runtime.$rid" Version="[$version]" />
  </ItemGroup>
</Project>
PROJECT
dotnet restore "$work/runtime.csproj" --packages "$work/packages" -v quiet -nologo

pack="$work/packages/microsoft.netcore.app.runtime.$rid/$version/runtimes/$rid"
mkdir -p "$target.partial"
cp "$pack"/lib/net8.0/* "$target.partial/"
# The host resolver (libhostfxr) is the SDK's own; the framework folder holds everything else.
find "$pack/native" -type f ! -name 'libhostfxr.so' -exec cp {} "$target.partial/" \;
rm -rf "$target"
mv "$target.partial" "$target"
echo "Installed Microsoft.NETCore.App $version in $target"
