#!/usr/bin/env bash
# `privacy decide` end to end: generates JSON Lines request files of 100,000 and 1,000,000 lines
# (under a temporary folder, never committed), runs the real CLI on one core (taskset -c 0) over
# each, and prints a markdown report: decisions per second (by CPU time and by wall time) and peak
# resident memory (/usr/bin/time -v). Usage: benchmarks/cli/run-decide.sh [runs-per-size]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build src/Privacy.Cli -c Release -v quiet -nologo > /dev/null
cli=src/Privacy.Cli/bin/Release/net10.0/privacy.dll

echo "# privacy decide, end to end"
echo
echo "Machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores visible, $(uname -sr); .NET SDK $(dotnet --version); load average $(cut -d' ' -f1-3 /proc/loadavg) at start."
echo "One core: taskset -c 0. CPU = user + system time of the process, so decisions/s by CPU is what one core does when it is not shared."
echo
echo "| lines | run | wall s | CPU s | decisions/s (CPU) | decisions/s (wall) | peak RSS MB |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for lines in 100000 1000000; do
  python3 benchmarks/cli/generate-requests.py "$lines" "$work/requests.jsonl"
  for run in $(seq 1 "$runs"); do
    /usr/bin/time -v -o "$work/time.txt" taskset -c 0 dotnet "$cli" decide --input "$work/requests.jsonl" > "$work/out.jsonl"
    decided=$(grep -c '"effect"' "$work/out.jsonl")
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time.txt" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
    cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$work/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/time.txt")
    printf '| %d | %d | %.2f | %.2f | %.0f | %.0f | %s |\n' "$lines" "$run" "$wall" "$cpu" "$(echo "$decided / $cpu" | bc -l)" "$(echo "$decided / $wall" | bc -l)" "$rss"
  done
done
