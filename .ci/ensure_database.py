"""Create the PostgreSQL database named by DATABASE_URL (or the test default) if it is missing."""

import os

import dj_database_url
import psycopg

url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/network")
config = dj_database_url.parse(url)
if "postgresql" in config["ENGINE"]:
    name = config["NAME"]
    with psycopg.connect(
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
