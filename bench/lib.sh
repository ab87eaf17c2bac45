# What bench/run and bench/record_pages share (sourced, not run): reporting a failed step,
# stopping the processes a benchmark started, a free loopback port, waiting for a server,
# a process's memory, the median of a column of figures, and wrk's latencies in ms.
# The sourcing script declares `failures=()` and `pids=()`.

fail() {
  echo "FAILED: $*" >&2
  failures+=("$*")
}
note() { echo "== $*"; }

# Stops a process the script started: SIGTERM, up to 10 s to finish, then SIGKILL.
stop_pid() {
  local pid=$1 i
  kill "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 100; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
}

free_port() {
  python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])'
}

# wait_http URL SECONDS PID: true once URL answers 200, false on timeout or if PID died.
wait_http() {
  local url=$1 limit=$2 pid=$3 i
  for ((i = 0; i < limit * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || return 1
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$url")" = 200 ] && return 0
    sleep 0.1
  done
  return 1
}

rss_mb() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"; }
hwm_mb() { awk '/^VmHWM:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status" 2>/dev/null || echo "?"; }

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "?"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# wrk prints latencies as 812.00us, 1.23ms or 1.05s; these become milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000;
    else if (v ~ /s$/) n *= 1000
    printf "%.3f\n", n }'
}
