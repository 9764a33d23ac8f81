#!/usr/bin/env bash
# Adds every symbol the PublicApiAnalyzers report as undeclared (RS0016) to the project's
# PublicAPI.Unshipped.txt. Review the diff: a new line is a new promise to package users.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in "$@"; do
  dir=$(dirname "$project")
  dotnet build "$project" -f net10.0 --no-incremental 2>&1 \
    | grep -F 'RS0016' | sed -E "s/.*Symbol '(.*)' is not part of the declared public API.*/\1/" \
    | sort -u > /tmp/public-api-new.txt || true
  if [ -s /tmp/public-api-new.txt ]; then
    { cat "$dir/PublicAPI.Unshipped.txt"; cat /tmp/public-api-new.txt; } | awk 'NR==1 || !seen[$0]++' > /tmp/public-api-merged.txt
    { head -n1 /tmp/public-api-merged.txt; tail -n +2 /tmp/public-api-merged.txt | sort -u; } > "$dir/PublicAPI.Unshipped.txt"
    echo "$dir: $(wc -l < /tmp/public-api-new.txt) symbols added"
  fi
done
