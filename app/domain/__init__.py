"""Pure domain rules: no SQLAlchemy, no Qt."""
