"""Qt translation files: ppid_desk_<lang>.ts sources (Linguist) and their compiled .qm files."""
