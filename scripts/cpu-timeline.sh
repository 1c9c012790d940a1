#!/usr/bin/env bash
# Runs a command and prints its CPU use over time: one line per interval (default 0.5 s,
# set INTERVAL) with the cores it kept busy and a bar, then the wall time, the CPU time,
# the mean cores and how much of the run used less than 1.5 cores (serial stretches).
# Usage: scripts/cpu-timeline.sh .build/release/plexus build ../shared/data/news-corpus --out /tmp/g --formats dot
set -euo pipefail
interval="${INTERVAL:-0.5}"
ticks=$(getconf CLK_TCK)
"$@" > /dev/null &
pid=$!
cpu_of() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo ""; }
start=$(date +%s.%N)
last_time=$start
last_cpu=0
serial=0
rows=0
printf '%7s %6s\n' "time" "cores"
while kill -0 "$pid" 2>/dev/null; do
  sleep "$interval"
  now=$(date +%s.%N)
  cpu=$(cpu_of "$pid")
  [ -z "$cpu" ] && break
  read -r cores bar < <(awk -v c="$cpu" -v lc="$last_cpu" -v t="$now" -v lt="$last_time" -v hz="$ticks" 'BEGIN {
    cores = (c - lc) / hz / (t - lt); n = int(cores * 20 + 0.5); bar = ""
    for (i = 0; i < n; i++) bar = bar "#"
    printf "%.2f %s\n", cores, bar }')
  printf '%6.1fs %6s %s\n' "$(awk -v t="$now" -v s="$start" 'BEGIN { print t - s }')" "$cores" "$bar"
  rows=$((rows + 1))
  if awk -v c="$cores" 'BEGIN { exit !(c < 1.5) }'; then serial=$((serial + 1)); fi
  last_time=$now
  last_cpu=$cpu
done
wait "$pid"
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" -v c="$last_cpu" -v hz="$ticks" -v serial="$serial" -v rows="$rows" -v load="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
  wall = e - s; cpu = c / hz
  printf "wall %.2f s, CPU %.2f s (to the last sample), %.2f cores on average, %d of %d intervals under 1.5 cores; load %s\n",
    wall, cpu, cpu / wall, serial, rows, load }'
