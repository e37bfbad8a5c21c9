"""The ``ppid-desk`` admin command line (see docs/cli.md). Entry point: ``app.cli.main.main``."""
