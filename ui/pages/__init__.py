"""Pages shown in the main window's stack (dashboard, settings; UI-B: register, request, keberatan)."""
