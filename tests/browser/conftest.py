"""JupyterLab on a free local port and Debian's Chromium, with every non-local request refused."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from lab_pages import ROOT, SCREENSHOTS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SETTINGS = {
    # Render every cell (no virtual scrolling), never save over the copies, no news pop-up.
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false"},
}
DARK_THEME = "@jupyterlab/apputils-extension/themes.jupyterlab-settings"


def pytest_collection_modifyitems(config, items):
    if CHROMIUM:
        return
    message = "chromium is not installed: the browser tests cannot run (make test installs it with apt as root)"
    if os.environ.get("CI"):
        raise pytest.UsageError(message)
    print(f"\n{'!' * 20}\nSKIPPING BROWSER TESTS: {message}\n{'!' * 20}", file=sys.stderr)
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(pytest.mark.skip(reason=message))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(home, settings_values):
    """Start JupyterLab over a copy of the notebooks in home; yield its address, stop it afterwards."""
    shutil.copytree(
        ROOT / "notebooks", home / "notebooks", ignore=lambda _, names: [n for n in names if not n.endswith(".ipynb")]
    )
    settings = home / "settings"
    for name, value in settings_values.items():
        (settings / name).parent.mkdir(parents=True, exist_ok=True)
        (settings / name).write_text(json.dumps(value))
    port, token = _free_port(), "browser-test"
    env = dict(
        os.environ,
        JUPYTERLAB_SETTINGS_DIR=str(settings),
        JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
    )
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            f"--port={port}",
            "--ip=127.0.0.1",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={home}",
            "--allow-root",
            "--LabApp.news_url=",
            "--LabServerApp.extra_labextensions_path=[]",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(home / "lab.log").open("w"),
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        server.kill()
        raise RuntimeError("JupyterLab did not start: " + (home / "lab.log").read_text()[-2000:])
    yield {"base": base, "token": token}
    server.terminate()
    server.wait(timeout=20)


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """A JupyterLab server over a copy of the notebooks, so runs in the browser never touch notebooks/."""
    yield from _serve(tmp_path_factory.mktemp("lab"), SETTINGS)


@pytest.fixture(scope="session")
def dark_lab(tmp_path_factory):
    """The same, in JupyterLab's dark theme."""
    yield from _serve(tmp_path_factory.mktemp("dark-lab"), {**SETTINGS, DARK_THEME: {"theme": "JupyterLab Dark"}})


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-sync",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A page that refuses every request leaving this machine and records it, and records console errors."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.outside_requests, page.console_errors = [], []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(("http://127.0.0.1", "http://localhost", "ws://127.0.0.1", "data:", "blob:", "file://")):
            request_route.continue_()
        else:
            page.outside_requests.append(url)
            request_route.abort()

    page.route("**/*", route)
    page.on("console", lambda message: page.console_errors.append(message.text) if message.type == "error" else None)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    yield page
    context.close()
