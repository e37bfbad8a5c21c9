"""Files the desk ships beside its code: fonts, document templates, translations and the wilayah table.

``FOLDER`` is where they are, in a source tree, an installed package and the PyInstaller bundle alike (the
bundle collects them next to these ``__init__.py`` files, build_spec/ppid_desk.spec). Why a plain path rather
than ``importlib.resources.files``: every file here is a real file on disk, and importing
``importlib.resources`` (≈ 10 modules) was a measurable part of the way to the first window.
"""

from pathlib import Path

FOLDER = Path(__file__).parent
