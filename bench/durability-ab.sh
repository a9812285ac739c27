#!/usr/bin/env bash
# What durability costs: single-listen and batch ingestion rates (bench ceiling) with
# synchronous_commit on (the default) and off (a role setting, started with
# REFRAIN_ALLOW_UNSAFE_DURABILITY=true), alternating on the same data directory. Needs psql.
#   bench/durability-ab.sh DATA_DIR [ROUNDS]     (DATA_DIR from ./refrain bench generate)
set -euo pipefail
cd "$(dirname "$0")/.."
D="${1:?usage: bench/durability-ab.sh DATA_DIR [ROUNDS]}"
ROUNDS="${2:-2}"
command -v psql >/dev/null || { echo "durability-ab: needs psql (Debian: postgresql-client)" >&2; exit 2; }

# Sets or resets synchronous_commit for the role Refrain uses, through a short-lived server.
role() {
  local log; log="$(mktemp)"
  REFRAIN_ALLOW_UNSAFE_DURABILITY=true ./refrain serve --data-dir "$D" --port 0 >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 120); do grep -q 'Started Refrain' "$log" && break; sleep 1; done
  local port; port="$(grep -o 'started on port [0-9]*' "$log" | head -1 | grep -o '[0-9]*$')"
  if [ "$1" = off ]; then sql="alter role postgres set synchronous_commit = off"; else sql="alter role postgres reset synchronous_commit"; fi
  psql -q -h localhost -p "$port" -U postgres -d postgres -c "$sql"
  kill "$pid"; wait "$pid" 2>/dev/null || true; rm -f "$log"
}

measure() {
  ./refrain bench ceiling --endpoints listen-single --duration 15s --data-dir "$D" 2>&1 \
    | grep -E 'listen-single  |ingestion:' | sed "s/^/$1 /"
}

./refrain build
for round in $(seq 1 "$ROUNDS"); do
  measure "on  round $round"
  role off
  REFRAIN_ALLOW_UNSAFE_DURABILITY=true measure "off round $round"
  role on
done
