"""The Makefile's user-facing targets."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request

from sitebuild import REPO


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_livehtml_serves_the_site():
    port = _free_port()
    proc = subprocess.Popen(
        ["make", "--no-print-directory", "livehtml", f"PORT={port}"],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        start_new_session=True, env={**os.environ, "BROWSER": "false"},
    )
    body = ""
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=5) as r:
                    body = r.read().decode("utf-8")
                    break
            except OSError:
                time.sleep(0.5)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    output = proc.stdout.read().decode("utf-8", "replace") if proc.stdout else ""
    assert "Corporate documents" in body, output[-3000:]
    # sphinx-autobuild injects its reload script into served pages.
    assert any(marker in body.lower() for marker in ("websocket", "livereload", "autobuild"))


def test_help_lists_the_targets():
    out = subprocess.run(["make", "--no-print-directory", "help"], cwd=REPO,
                         capture_output=True, text=True, check=True).stdout
    for target in ("html", "livehtml", "linkcheck", "test", "fuzz", "clean"):
        assert f"make {target}" in out
