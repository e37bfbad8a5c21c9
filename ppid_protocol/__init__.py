"""The sync protocol between PPID desks and the city server: the one package both sides import.

* ``wire``: version, paths, headers and the pydantic models of every request and answer;
* ``fields``: which fields name the owning office, move a record, or are legally significant;
* ``hashing``: the fingerprints and checksums both sides must compute byte for byte.

It imports neither the desk (``app``, ``db``, ``ui``) nor the server (``server``), only pydantic and the
standard library, so the server installs without the desk (no Qt, no reportlab) and the two sides cannot
drift apart: a model, a header, a legally significant field or a checksum rule exists here once.
``tests/test_architecture.py`` keeps the arrows pointing this way. Prose contract: docs/sync-protocol.md.

This module itself imports nothing, so reading ``__version__`` costs the desk's start-up nothing.
"""

__version__ = "0.1.0"
"""The release shared by the desk and the server (``ppid-desk`` and ``ppid-server`` ship together): the desk
sends it as ``X-App-Version``, the server reports it as ``server_version``. Both pyproject files read it here."""
