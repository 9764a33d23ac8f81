#!/usr/bin/env bash
# Brings each project's PublicAPI.Unshipped.txt in line with its code: adds what the
# PublicApiAnalyzers report as undeclared (RS0016) and drops unshipped entries that no longer
# exist (RS0017). Review the diff: a new line is a new promise to package users.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in "$@"; do
  dir=$(dirname "$project")
  unshipped="$dir/PublicAPI.Unshipped.txt"
  log=$(mktemp)
  dotnet build "$project" -f net10.0 --no-incremental > "$log" 2>&1 || true
  grep -F 'RS0016' "$log" | sed -E "s/.*Symbol '(.*)' is not part of the declared public API.*/\1/" | sort -u > "$log.add" || true
  grep -F 'RS0017' "$log" | sed -E "s/.*Symbol '(.*)' is part of the declared API.*/\1/" | sort -u > "$log.drop" || true
  { head -n1 "$unshipped"; { tail -n +2 "$unshipped" | grep -vxF -f "$log.drop" || true; cat "$log.add"; } | sort -u; } > "$log.new"
  mv "$log.new" "$unshipped"
  echo "$dir: $(wc -l < "$log.add") added, $(wc -l < "$log.drop") removed"
  rm -f "$log" "$log.add" "$log.drop"
done
