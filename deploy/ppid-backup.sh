#!/bin/bash
# ppid-backup.sh: one pg_dump of the city server's database, checked, kept for PPID_BACKUP_KEEP_DAYS days.
#
# Installed as /opt/ppid-server/bin/ppid-backup and run daily by ppid-backup.timer as the "ppid" user.
# Settings from the environment (ppid-backup.service reads /etc/ppid-server/ppid-server.env):
#   PPID_SERVER_DB          the server's SQLAlchemy URL (postgresql+psycopg://...): the database to dump
#   PPID_BACKUP_DIR         where dumps go (default /var/backups/ppid-server)
#   PPID_BACKUP_KEEP_DAYS   dumps older than this are deleted after a good new one exists (default 30)
# The dump is written under a temporary name and renamed only after pg_restore has read it back whole, so
# the folder never holds a half-written file under a real name. Exit status non-zero on any failure.
set -euo pipefail
umask 077

url="${PPID_SERVER_DB:?PPID_SERVER_DB is not set}"
dir="${PPID_BACKUP_DIR:-/var/backups/ppid-server}"
keep="${PPID_BACKUP_KEEP_DAYS:-30}"
[[ "$keep" =~ ^[0-9]+$ ]] || { echo "PPID_BACKUP_KEEP_DAYS must be a whole number of days: $keep" >&2; exit 2; }
case "$url" in
    postgresql*) ;;
    *) echo "PPID_SERVER_DB is not a PostgreSQL URL; back up a SQLite trial database by copying it" >&2; exit 2 ;;
esac
libpq_url="${url/postgresql+psycopg:/postgresql:}"   # the libpq form of the same URL

mkdir -p "$dir"
name="ppid-server-$(date -u +%Y%m%d-%H%M%S).dump"
part="$dir/.$name.part"
trap 'rm -f "$part"' EXIT

pg_dump --format=custom --compress=6 --no-owner --file="$part" "$libpq_url"
pg_restore --list "$part" > /dev/null   # the archive reads back whole (table of contents and all entries)
mv "$part" "$dir/$name"
trap - EXIT
echo "backup written: $dir/$name ($(du -h "$dir/$name" | cut -f1))"

# Old dumps go only now that a good new one is in place.
find "$dir" -maxdepth 1 -name 'ppid-server-*.dump' -mtime "+$keep" -print -delete
