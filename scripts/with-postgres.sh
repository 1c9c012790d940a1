#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL cluster for the shared-store tests: initdb in
# a temporary folder, a server on a free local port (socket in the same folder, trust
# login for local connections only), PLEXUS_TEST_POSTGRES set to its address; the server
# is stopped and the folder removed when the command ends, however it ends.
#
# Without PostgreSQL's server programs the command runs without the variable, and those
# tests skip (or fail under CI=true).
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "note: no PostgreSQL server found; the shared-store tests have no database" >&2
  exec "$@"
fi

folder=$(mktemp -d /tmp/plexus-postgres.XXXXXX)
chmod 755 "$folder"
run=()
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root; the Debian package's postgres user runs it.
  chown postgres "$folder"
  run=(runuser -u postgres --)
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)

stop() {
  "${run[@]}" "$bin/pg_ctl" -D "$folder/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$folder"
}
trap stop EXIT

"${run[@]}" "$bin/initdb" -D "$folder/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${run[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w \
  -o "-p $port -k $folder -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50" start >/dev/null
export PLEXUS_TEST_POSTGRES="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
echo "PostgreSQL for the tests at $PLEXUS_TEST_POSTGRES" >&2
set +e
"$@"
status=$?
set -e
exit $status
