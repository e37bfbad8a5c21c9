"""Sync between the desk and the city server. ``protocol`` holds the shared wire models."""
