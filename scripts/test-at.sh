#!/usr/bin/env bash
# Runs a command as if the wall clock said a chosen instant in Oslo, for every process of the
# run: the command and its children (test runner, web app, workers, Chromium) and a private
# PostgreSQL started for it, all under libfaketime with the same offset, so the database's now()
# agrees with the application's clock. Redis stays the machine's own: it does not start under
# libfaketime (jemalloc), and nothing of ours or of BullMQ's delayed jobs reads its clock (job
# instants are the clients'; key expiries are durations). It proves that the test
# suite does not depend on the hour, the weekday, a holiday or a month boundary; it is not part of
# `npm test` (it needs Debian's `faketime` package).
#
#   bash scripts/test-at.sh "2026-11-30 10:00" npm run test:integration
#   bash scripts/test-at.sh "2027-05-17 12:00" npm run test:e2e
#
# The instant is Oslo local time, as `date -d` reads it. The clock runs on from there.
set -euo pipefail
if [ $# -lt 2 ]; then echo "usage: scripts/test-at.sh 'YYYY-MM-DD HH:MM' command…" >&2; exit 2; fi
LIB=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1
if [ ! -e "$LIB" ]; then echo "libfaketime missing: apt-get install -y faketime" >&2; exit 1; fi
zone="${TIME_ZONE:-Europe/Oslo}" # the installation's zone, as lib/config/time-zone.ts reads it
target=$(TZ="$zone" date -d "$1" +%s); shift
offset=$(( target - $(date +%s) ))
sign=""; if [ "$offset" -ge 0 ]; then sign="+"; fi
FAKE="LD_PRELOAD=$LIB FAKETIME=$sign$offset FAKETIME_DONT_FAKE_MONOTONIC=1"

B=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
DIR=$(mktemp -d) && chmod 755 "$DIR"
PGPORT=${TEST_AT_PG_PORT:-17532}
install -d -o postgres -g postgres -m 700 "$DIR/pg" "$DIR/log"
cleanup() {
  (cd /tmp && runuser -u postgres -- "$B/pg_ctl" -D "$DIR/pg" -m immediate -w stop >/dev/null 2>&1) || true
  rm -rf "$DIR"
}
trap cleanup EXIT
cd /tmp
runuser -u postgres -- "$B/initdb" -D "$DIR/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 -N >/dev/null
printf "%s\n" "listen_addresses = '127.0.0.1'" "port = $PGPORT" "unix_socket_directories = ''" "fsync = off" >>"$DIR/pg/postgresql.conf"
runuser -u postgres -- env $FAKE "$B/pg_ctl" -D "$DIR/pg" -l "$DIR/log/pg.log" -w start >/dev/null
cd - >/dev/null

# Neither Redis nor Chromium starts under libfaketime. Redis servers that tests start run on the
# real clock, like the machine's; Chromium too, and the browser suite moves every page's Date by
# TEST_AT_OFFSET_MS (e2e/support/test.ts).
mkdir -p "$DIR/bin"
unfaked() { printf '#!/bin/sh\nunset LD_PRELOAD\nexec %s "$@"\n' "$2" >"$DIR/bin/$1"; chmod +x "$DIR/bin/$1"; }
unfaked redis-server "$(command -v redis-server)"
unfaked chromium "${CHROMIUM_PATH:-/usr/bin/chromium}"
export PATH="$DIR/bin:$PATH" CHROMIUM_PATH="$DIR/bin/chromium" TEST_AT_OFFSET_MS=$(( offset * 1000 ))

echo "test-at: $(env $FAKE TZ="$zone" date '+%A %Y-%m-%d %H:%M %Z') (offset ${offset} s)" >&2
env $FAKE DATABASE_URL="postgresql://postgres@127.0.0.1:$PGPORT/helpdesk" "$@"
