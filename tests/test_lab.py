"""`make lab`: JupyterLab starts on the notebooks folder and its API lists the notebooks."""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from analysis import notebooks, paths

JUPYTER = Path(sys.executable).with_name("jupyter")
DEADLINE = 90  # seconds to wait for the server; the test fails (never hangs) after that


def free_port() -> int:
    """A TCP port that is free on the loopback interface right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def list_contents(port: int, token: str) -> list[str] | None:
    """Names listed by ``GET /api/contents/`` (None while the server is not answering)."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/contents/",
                                     headers={"Authorization": f"token {token}"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return [item["name"] for item in json.load(response)["content"]]
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def test_lab_serves_the_notebooks(tmp_path: Path) -> None:
    token, port = secrets.token_hex(16), free_port()
    command = [str(JUPYTER), "lab", "--no-browser", f"--IdentityProvider.token={token}",
               f"--port={port}", "--ServerApp.port_retries=0", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.root_dir={paths.NOTEBOOKS}", "--ServerApp.open_browser=False"]
    if os.geteuid() == 0:  # CI containers run as root
        command.append("--allow-root")
    log = (tmp_path / "lab.log").open("w")
    env = {"JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"), "HOME": str(tmp_path),
           "PATH": str(JUPYTER.parent) + ":/usr/bin:/bin"}
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    try:
        names, started = None, time.monotonic()
        while names is None and time.monotonic() - started < DEADLINE:
            assert server.poll() is None, (tmp_path / "lab.log").read_text()
            time.sleep(0.5)
            names = list_contents(port, token)
        log_text = (tmp_path / "lab.log").read_text()
        assert names is not None, "JupyterLab did not answer:\n" + log_text
        expected = {path.name for path in notebooks.notebook_paths()}
        assert expected <= set(names)
        assert list_contents(port, "wrong-token") is None
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=5)
        log.close()
