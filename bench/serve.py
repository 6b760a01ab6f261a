"""The main pages served for real, against a bare Wagtail page: prints queries, p50, p95 and each
page's ratio to the bare page (figures, not pass/fail).

Run with `make bench`, after pages.py and compilation.py. In one run and on one stack (gunicorn
with 2 sync workers, PostgreSQL, DEBUG off, bench/settings.py), it:

1. creates a fresh database (BENCH_SERVE_DATABASE, default network_bench_serve, on the server of
   DATABASE_URL, dropping it first), migrates it and loads the demo (`seed_demo`);
2. adds a bare page (bench.bareapp.BarePage: Wagtail's routing and view-restriction check, a
   template that renders the title, none of the project's access rules) at /en/bare/;
3. starts gunicorn on a free port of 127.0.0.1, logs in as a correspondent (BENCH_SERVE_USER,
   default corr-de, password DEMO_PASSWORD) through the login form, keeping its session and CSRF
   cookies;
4. requests every page BENCH_SERVE_REQUESTS times (default 100) after a warm-up, one request at a
   time, page after page in turn so that a noisy moment hits every page alike, timing each request
   on the client; the server counts its queries (the `X-Queries` header);
5. stops gunicorn and drops the database, whatever happened (BENCH_SERVE_KEEP=1 keeps it).
"""

import json
import math
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import requests

ROOT = Path(__file__).resolve().parent.parent
DATABASE = os.environ.get("BENCH_SERVE_DATABASE", "network_bench_serve")
REQUESTS = int(os.environ.get("BENCH_SERVE_REQUESTS", "100"))
WARM_UP = 10
USER = os.environ.get("BENCH_SERVE_USER", "corr-de")
PASSWORD = os.environ.get("DEMO_PASSWORD", "network-demo")
WORKERS = 2

# The pages, as (label, path); the session page's path is found once the demo is loaded.
PAGES = [
    ("bare Wagtail page", "/en/bare/"),
    ("public home", "/en/"),
    ("search", "/en/search/?query=migration"),
    ("intranet home", "/en/intranet/"),
    ("directory", "/en/intranet/directory/"),
    ("request page", "/en/intranet/requests/reception-of-asylum-seekers/"),
    ("session page", None),
]

SETUP = """
import json
from home.models import HomePage
from network_pages.sessions.models import ThematicSessionPage
from bench.bareapp.models import BarePage
home = HomePage.objects.get(locale__language_code="en")
bare = home.add_child(instance=BarePage(title="A bare page", slug="bare"))
session = ThematicSessionPage.objects.live().filter(locale__language_code="en").first()
print(json.dumps({"bare": bare.url, "session": session.url}))
"""


def server_url():
    """The PostgreSQL server of DATABASE_URL (the test settings' default otherwise)."""
    url = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/network")
    parts = urlsplit(url)
    if not parts.scheme.startswith("postgres"):
        raise SystemExit(f"bench/serve.py needs PostgreSQL; DATABASE_URL is {url}")
    return parts


def database_url(name):
    return urlunsplit(server_url()._replace(path=f"/{name}"))


def recreate_database(drop_only=False):
    with psycopg.connect(database_url("postgres"), autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        if not drop_only:
            connection.execute(f'CREATE DATABASE "{DATABASE}"')


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env, *args, capture=False):
    command = [sys.executable, str(ROOT / "manage.py"), *args]
    result = subprocess.run(  # noqa: S603 - our own manage.py
        command, cwd=ROOT, env=env, check=True, capture_output=capture, text=True
    )
    return result.stdout


def wait_until_up(base, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped (exit code {process.returncode})")
        try:
            if requests.get(base + "/en/", timeout=5).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    raise SystemExit("gunicorn did not answer in time")


def log_in(base):
    session = requests.Session()
    form = session.get(base + "/en/login/", timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
    if form.status_code != 200 or token is None:
        raise SystemExit("no login form at /en/login/")
    response = session.post(
        base + "/en/login/",
        data={"username": USER, "password": PASSWORD, "csrfmiddlewaretoken": token.group(1)},
        headers={"Referer": base + "/en/login/"},
        allow_redirects=False,
        timeout=10,
    )
    if response.status_code != 302 or "sessionid" not in session.cookies:
        raise SystemExit(f"could not log in as {USER} (status {response.status_code})")
    return session


def fetch(session, url):
    start = time.perf_counter()
    response = session.get(url, allow_redirects=False, timeout=30)
    elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}")
    return elapsed, int(response.headers.get("X-Queries", "-1"))


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def measure(session, base, pages):
    for _round in range(WARM_UP):
        for _label, path in pages:
            fetch(session, base + path)
    times = {path: [] for _label, path in pages}
    queries = {path: [] for _label, path in pages}
    for _round in range(REQUESTS):
        for _label, path in pages:
            elapsed, count = fetch(session, base + path)
            times[path].append(elapsed)
            queries[path].append(count)
    return times, queries


def report(pages, times, queries):
    bare = statistics.median(times[pages[0][1]])
    print(
        f"{REQUESTS} requests per page as {USER}, one at a time after {WARM_UP} rounds of warm-up; "
        f"gunicorn, {WORKERS} sync workers, PostgreSQL, DEBUG off"
    )
    print(f"{'page':18} {'path':62} {'queries':>8} {'p50 ms':>8} {'p95 ms':>8} {'x bare':>7}")
    for label, path in pages:
        # The usual count; a rare request that refills a per-process cache costs a few more.
        usual, most = statistics.mode(queries[path]), max(queries[path])
        shown = str(usual) if most == usual else f"{usual} ({most})"
        p50, p95 = statistics.median(times[path]), percentile(times[path], 0.95)
        print(f"{label:18} {path:62} {shown:>8} {p50:>8.1f} {p95:>8.1f} {p50 / bare:>7.2f}")


def stop(process):
    if process is None or process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def main():
    # A SIGTERM unwinds like an exception, so that gunicorn is stopped and the database dropped.
    signal.signal(signal.SIGTERM, lambda *_args: sys.exit(1))
    gunicorn = None
    with tempfile.TemporaryDirectory(prefix="network-bench-serve-") as scratch:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DATABASE_URL": database_url(DATABASE),
            "DEMO_PASSWORD": PASSWORD,
            "MEDIA_ROOT": str(Path(scratch) / "media"),
            "STATIC_ROOT": str(Path(scratch) / "static"),
            "PYTHONPATH": str(ROOT),
        }
        try:
            recreate_database()
            manage(env, "migrate", "--noinput", "-v", "0")
            manage(env, "seed_demo", capture=True)
            found = manage(env, "shell", "--no-imports", "-c", SETUP, capture=True)
            found = json.loads(found.splitlines()[-1])
            paths = {"bare Wagtail page": found["bare"], "session page": found["session"]}
            pages = [(label, paths.get(label, path)) for label, path in PAGES]
            port = free_port()
            base = f"http://127.0.0.1:{port}"
            gunicorn = subprocess.Popen(  # noqa: S603 - gunicorn from this virtualenv
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "cms.wsgi:application",
                    "--workers",
                    str(WORKERS),
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--log-level",
                    "warning",
                ],
                cwd=ROOT,
                env=env,
                start_new_session=True,
            )
            wait_until_up(base, gunicorn)
            session = log_in(base)
            times, queries = measure(session, base, pages)
            report(pages, times, queries)
        finally:
            stop(gunicorn)
            if os.environ.get("BENCH_SERVE_KEEP") != "1":
                try:
                    recreate_database(drop_only=True)
                except psycopg.Error as error:  # say so, without hiding what went wrong before
                    print(f"bench/serve.py could not drop {DATABASE}: {error}", file=sys.stderr)


if __name__ == "__main__":
    main()
