#!/usr/bin/env bash
# Publishes a tiny consumer of Privacy.Abstractions and Privacy.Core (eng/aot-check) with native AOT,
# or trimmed and self-contained with --trimmed, runs it, and fails on any trim or AOT warning.
# The consumer roots both libraries whole, so every method in them is analysed.
#
# Native AOT links with clang (or gcc) and zlib; when they are missing and apt-get is available,
# they are installed (clang, zlib1g-dev).
#
# Usage: eng/check-aot.sh [--trimmed | --install-prerequisites]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

mode=aot
case "${1:-}" in
  --trimmed) mode=trimmed ;;
  --install-prerequisites) mode=prerequisites ;;
  "") ;;
  *) echo "usage: eng/check-aot.sh [--trimmed | --install-prerequisites]" >&2; exit 64 ;;
esac

case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64) rid=linux-arm64 ;;
  *) echo "check-aot: unsupported machine $(uname -m)" >&2; exit 1 ;;
esac

if [ "$mode" != trimmed ]; then
  have_linker() { command -v clang >/dev/null || command -v gcc >/dev/null; }
  have_zlib() { [ -e /usr/include/zlib.h ]; }
  if ! have_linker || ! have_zlib; then
    if command -v apt-get >/dev/null; then
      echo "check-aot: installing the native toolchain (clang, zlib1g-dev)"
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >/dev/null && apt-get install -y -qq clang zlib1g-dev >/dev/null
    else
      echo "check-aot: native AOT needs clang (or gcc) and zlib development files" >&2
      exit 1
    fi
  fi
fi
[ "$mode" != prerequisites ] || exit 0

if [ "$mode" = aot ]; then
  publish=(-p:PublishAot=true)
else
  publish=(-p:PublishAot=false -p:PublishTrimmed=true --self-contained)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log="$work/publish.log"

status=0
dotnet publish "$root/eng/aot-check/AotCheck.csproj" -c Release -r "$rid" "${publish[@]}" \
  --artifacts-path "$work/artifacts" -o "$work/out" --nologo >"$log" 2>&1 || status=$?
# Warnings are errors in the consumer; any left as warnings (from any tool) still fail the check.
if [ "$status" -ne 0 ] || grep -qiE '(^|[^a-z])warning( |:)' "$log"; then
  cat "$log" >&2
  echo "check-aot: the $mode publish of eng/aot-check failed or warned" >&2
  exit 1
fi

"$work/out/AotCheck"
echo "check-aot: $mode publish of eng/aot-check for $rid: no warnings, runs"
