#!/bin/bash
# ppid-restore-drill.sh: prove a backup can be restored, without touching the live database.
#
#   sudo -u postgres /opt/ppid-server/bin/ppid-restore-drill [DUMP]
#   sudo -u postgres /opt/ppid-server/bin/ppid-restore-drill - < DUMP     (a dump only root may read)
#
# Restores DUMP (default: the newest ppid-server-*.dump in PPID_BACKUP_DIR; "-": standard input) into a new
# scratch database,
# brings it to the installed server's schema with "ppid-server init" (what a restore after an upgrade does),
# lists its offices and desks with ppid-server, prints the row count of every table, and drops the scratch
# database again (PPID_DRILL_KEEP=1 keeps it for a look). Needs a role that may create databases (postgres).
# Connection: the usual libpq variables (PGHOST, PGPORT, PGUSER); default the local Unix socket.
# Settings: PPID_BACKUP_DIR (default /var/backups/ppid-server), PPID_SERVER_BIN (default
# /opt/ppid-server/venv/bin/ppid-server), PPID_DRILL_DB (default ppid_drill_<UTC time>).
set -euo pipefail

dir="${PPID_BACKUP_DIR:-/var/backups/ppid-server}"
server="${PPID_SERVER_BIN:-/opt/ppid-server/venv/bin/ppid-server}"
dump="${1:-$(ls -1t "$dir"/ppid-server-*.dump 2>/dev/null | head -n 1 || true)}"
[[ "$dump" == - || ( -n "$dump" && -r "$dump" ) ]] || { echo "no readable dump (looked in $dir)" >&2; exit 2; }
scratch="${PPID_DRILL_DB:-ppid_drill_$(date -u +%Y%m%d_%H%M%S)}"
[[ "$scratch" =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "bad scratch database name: $scratch" >&2; exit 2; }

cleanup() { [[ "${PPID_DRILL_KEEP:-0}" == 1 ]] || dropdb --if-exists "$scratch"; }
trap cleanup EXIT

echo "== restoring ${dump/#-/standard input} into scratch database $scratch"
createdb --template=template0 "$scratch"
if [[ "$dump" == - ]]; then
    pg_restore --no-owner --exit-on-error --dbname="$scratch"   # the custom format reads from a pipe too
else
    pg_restore --no-owner --exit-on-error --dbname="$scratch" "$dump"
fi

url="postgresql+psycopg:///$scratch"
echo "== schema"
"$server" --db "$url" init
echo "== offices"
"$server" --db "$url" office list
echo "== desks (id, office, letter, state, last seen, label)"
"$server" --db "$url" device list
echo "== rows per table"
psql --no-psqlrc --quiet --tuples-only --no-align --field-separator=' ' --dbname="$scratch" <<'SQL'
SELECT format('%s %s', c.relname,
              (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I', n.nspname, c.relname),
                                                   false, true, '')))[1]::text)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'r' AND n.nspname = 'public'
ORDER BY c.relname;
SQL
echo "== restore drill passed: ${dump/#-/the dump on standard input} is a usable backup"
