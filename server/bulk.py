"""One-statement bulk writes for PostgreSQL: ``INSERT … SELECT … FROM jsonb_to_recordset(:rows)``.

A push of 100 operations writes hundreds of rows; sending them as one JSON parameter costs one round trip and
one statement instead of one per row (psycopg's pipelined executemany still runs a statement per row).
SQLite keeps plain executemany (it is in-process anyway).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Connection, DateTime, Integer, Table, text

from server.jsonfast import dumps

_PG_TYPES = ((Boolean, "boolean"), (BigInteger, "bigint"), (Integer, "integer"), (DateTime, "timestamptz"),
             (JSON, "jsonb"))  # fmt: skip


def _pg_type(col: Any) -> str:
    for sa_type, name in _PG_TYPES:
        if isinstance(col.type, sa_type) or isinstance(getattr(col.type, "impl", None), sa_type):
            return name
    return "text"


def insert_rows(
    conn: Connection, table: Table, rows: list[dict[str, Any]], *, ignore_conflicts: bool = False
) -> None:
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        from sqlalchemy.dialects.sqlite import insert

        stmt = insert(table)
        conn.execute(stmt.on_conflict_do_nothing() if ignore_conflicts else stmt, rows)
        return
    cols = [c for c in table.columns if c.name in rows[0]]
    names = ", ".join(f'"{c.name}"' for c in cols)
    spec = ", ".join(f'"{c.name}" {_pg_type(c)}' for c in cols)
    sql = f"INSERT INTO {table.name} ({names}) SELECT {names} FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS v({spec})"
    if ignore_conflicts:
        sql += " ON CONFLICT DO NOTHING"
    conn.execute(text(sql), {"rows": dumps(rows)})
