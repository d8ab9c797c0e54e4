"""Template filters of the public pages, registered as libraries in archive/settings.py (TEMPLATES)."""
