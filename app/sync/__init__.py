"""Sync between the desk and the city server. The wire models it shares with the server are in ``ppid_protocol``."""
