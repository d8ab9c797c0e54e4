"""What the benchmark scripts share: a throwaway PostgreSQL database, and memory readings."""

import os
import resource
from pathlib import Path


def rss_mib():
    """Current resident set size in MiB (Linux /proc; 0 elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except OSError:
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def peak_child_rss_mib():
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _maintenance_url_and_name(database_url):
    """postgres://user@host:port/name -> (the same server's `postgres` database, name)."""
    server, name = database_url.rsplit("/", 1)
    return f"{server}/postgres", name


def create_postgres_database(database_url):
    """Create the database that `database_url` names, unless it exists already."""
    import psycopg

    maintenance_url, name = _maintenance_url_and_name(database_url)
    with psycopg.connect(maintenance_url, autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            connection.execute(f'CREATE DATABASE "{name}"')


def drop_postgres_database(database_url):
    """Drop the database that `database_url` names, closing any connection still open to it."""
    import psycopg

    maintenance_url, name = _maintenance_url_and_name(database_url)
    with psycopg.connect(maintenance_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
