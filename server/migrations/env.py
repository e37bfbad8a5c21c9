"""Alembic environment of the city server: the engine comes from ``server.db`` via config attributes."""

from __future__ import annotations

from alembic import context

from server.models import metadata

engine = context.config.attributes.get("engine")
if engine is None:  # pragma: no cover - only when someone runs the alembic CLI directly
    from server.db import default_db_url, make_engine

    engine = make_engine(context.config.get_main_option("sqlalchemy.url") or default_db_url())

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=engine.dialect.name == "sqlite",
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
