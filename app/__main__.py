"""Entry point of ``ppid-desk`` (console script) and ``python -m app``.

With a command it runs the admin CLI; without one it starts the Qt workstation when the ``ui`` package provides
``ui.app.run(data_dir)``, else it prints the help. Qt is imported only on that GUI path.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from app.cli.main import main as cli_main
    from app.osenv import prepare_stdio

    prepare_stdio()
    return cli_main(argv, own_process=True)


if __name__ == "__main__":
    sys.exit(main())
