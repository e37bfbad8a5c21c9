"""Reference data files shipped with the desk (a package so that setuptools includes the CSV files)."""
