"""Qt item models over the desk's windowed services (no widgets here)."""
