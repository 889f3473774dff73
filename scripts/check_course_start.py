#!/usr/bin/python3
"""End-to-end check of `./course start`: the server comes up on 127.0.0.1 with token auth, lists
the course kernel, and a client runs every code cell of notebook 00 through it over the Jupyter
protocol (REST + websocket). Everything it started is stopped before it exits.

usage: check_course_start.py COURSE_ROOT [--server COMMAND] [--notebook PATH]...

--server replaces `./course start` with another command that starts a Jupyter server on 127.0.0.1
(`{port}` in it is replaced by a free port; the token comes in JUPYTER_TOKEN): the Binder check
runs the image's own command this way. --notebook (repeatable, relative to COURSE_ROOT) replaces
notebook 00. --default-kernel also requires the course kernel to be the server's default; --page PATH
(repeatable) a URL path the server must answer with 200.
"""
import argparse
import json
import os
import pathlib
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid

import nbformat
from tornado.ioloop import IOLoop
from tornado.websocket import websocket_connect

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_notebooks  # noqa: E402  (the pass rules of ./course test, shared)

CELL_TIMEOUT_S = run_notebooks.CELL_TIMEOUT_S   # NOTEBOOK_CELL_TIMEOUT, as for the headless runner

START_TIMEOUT_S = 300


def request(base, token, path, method="GET", body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"{base}{path}", data=data, method=method,
                                 headers={"Authorization": f"token {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as response:
        text = response.read().decode()
        return json.loads(text) if text else None


def wait_for_url(server, log_path):
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with {server.returncode}:\n{open(log_path).read()[-3000:]}")
        for line in open(log_path, errors="replace"):
            if "http://127.0.0.1:" in line and "token=" in line:
                return line[line.index("http://127.0.0.1:"):].split("/?token=")[0].split()[0].rstrip("/")
        time.sleep(1)
    raise SystemExit(f"no server URL after {START_TIMEOUT_S} s:\n{open(log_path).read()[-3000:]}")


def execute_message(code, session):
    return {"header": {"msg_id": uuid.uuid4().hex, "msg_type": "execute_request", "username": "check",
                       "session": session, "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell",
            "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True}}


async def run_cells(ws_url, cells):
    """Runs the cells in order; returns a list of problems."""
    connection = await websocket_connect(ws_url)
    session = uuid.uuid4().hex
    problems = []
    for index, cell in cells:
        message = execute_message(cell.source, session)
        await connection.write_message(json.dumps(message))
        errors, outputs, replied, idle = [], [], False, False
        deadline = time.monotonic() + CELL_TIMEOUT_S
        while not (replied and idle):   # the reply (shell) may overtake the cell's last outputs (iopub)
            if time.monotonic() > deadline:
                problems.append(f"cell {index}: no reply within {CELL_TIMEOUT_S} s")
                break
            raw = await connection.read_message()
            if raw is None:
                problems.append(f"cell {index}: the websocket closed")
                return problems
            reply = json.loads(raw)
            if reply.get("parent_header", {}).get("msg_id") != message["header"]["msg_id"]:
                continue
            kind, content = reply["msg_type"], reply["content"]
            if kind == "error":
                errors.append(f"{content['ename']}: {content['evalue']}")
                outputs.append(nbformat.v4.new_output("error", ename=content["ename"], evalue=content["evalue"],
                                                      traceback=content.get("traceback", [])))
            elif kind in ("display_data", "execute_result"):
                outputs.append(nbformat.v4.new_output("display_data", data=content.get("data", {})))
            replied = replied or kind == "execute_reply"
            idle = idle or (kind == "status" and content.get("execution_state") == "idle")
        cell.outputs = outputs
        if errors and "raises-exception" not in cell.metadata.get("tags", []):
            problems.append(f"cell {index} failed: {errors[0]}")
    connection.close()
    return problems


def check_mkl_fix(kernel_env):
    """On an AMD CPU with a C compiler, the kernel must start with the MKL fix preloaded."""
    with open("/proc/cpuinfo") as cpuinfo:
        amd = "AuthenticAMD" in cpuinfo.read()
    if not amd or shutil.which("cc") is None:
        return
    preload = kernel_env.get("LD_PRELOAD", "")
    fix = [path for path in preload.split(":") if path.endswith("/libmkl-on-amd.so")]
    assert fix and os.path.isfile(fix[0]), f"kernelspec env lacks the MKL fix: LD_PRELOAD={preload!r}"


def stop(server):
    """Stops the server and everything it started (its process group), if it still runs."""
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)


def free_port(start):
    port = start
    while True:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
                return port
            except OSError:
                port += 1


def run_notebook(base, token, path):
    """Runs every code cell of one notebook in a fresh course kernel; returns the problems."""
    kernel_id = request(base, token, "/api/kernels", "POST", {"name": "java"})["id"]
    try:
        notebook = nbformat.read(path, as_version=4)
        problems = run_notebooks.committed_problems(notebook, pathlib.Path(path))
        cells = [(i, c) for i, c in enumerate(notebook.cells) if c.cell_type == "code"]
        ws_url = f"{base.replace('http', 'ws', 1)}/api/kernels/{kernel_id}/channels?token={token}"
        started = time.monotonic()
        cell_problems = IOLoop.current().run_sync(lambda: run_cells(ws_url, cells),
                                                  timeout=START_TIMEOUT_S + CELL_TIMEOUT_S * len(cells))
        cell_problems += run_notebooks.output_problems(notebook)   # the same rules as the headless runner
        problems += cell_problems
        for problem in problems:
            print(f"FAIL {os.path.basename(path)} {problem}")
        print(f"{os.path.basename(path)}: {len(cells)} code cells run, {len(problems)} problems"
              f" ({time.monotonic() - started:.0f} s)", flush=True)
        return problems
    finally:
        try:
            request(base, token, f"/api/kernels/{kernel_id}", "DELETE")
        except OSError:
            pass


def main(argv):
    parser = argparse.ArgumentParser(description="End-to-end check of a course Jupyter server.")
    parser.add_argument("root", nargs="?", default=".")
    parser.add_argument("--server", help="shell command that starts Jupyter on 127.0.0.1 ({port}: a free port)")
    parser.add_argument("--notebook", action="append", help="notebook to run, relative to ROOT")
    parser.add_argument("--page", action="append", default=[],
                        help="a URL path the server must answer with 200, e.g. the README's Binder link")
    parser.add_argument("--default-kernel", action="store_true",
                        help="also require the course kernel to be the server's default (Binder)")
    args = parser.parse_args(argv)
    root = os.path.abspath(args.root)
    token = secrets.token_hex(16)
    log_path = os.path.join(root, "target", "course-start.log")
    os.makedirs(os.path.dirname(log_path), exist_ok=True)
    port = os.environ.get("COURSE_PORT", "18888")
    env = dict(os.environ, JUPYTER_TOKEN=token, COURSE_PORT=port)
    command = ([os.path.join(root, "course"), "start"] if args.server is None
               else ["/bin/bash", "-c", args.server.replace("{port}", str(free_port(int(port))))])
    with open(log_path, "w") as log:
        server = subprocess.Popen(command, cwd=root, env=env, stdout=log,
                                  stderr=subprocess.STDOUT, start_new_session=True)
    base = None
    try:
        base = wait_for_url(server, log_path)
        assert base.startswith("http://127.0.0.1:"), base
        try:
            request(base, "wrong-token", "/api/kernels")
            raise SystemExit("the server answered a request with a wrong token")
        except urllib.error.HTTPError as error:
            assert error.code in (401, 403), error
        specs = request(base, token, "/api/kernelspecs")
        assert "java" in specs["kernelspecs"], f"kernelspec 'java' not offered; got {sorted(specs['kernelspecs'])}"
        assert not args.default_kernel or specs["default"] == "java", f"the default kernel is {specs['default']!r}, not the course kernel"
        check_mkl_fix(specs["kernelspecs"]["java"]["spec"].get("env", {}))
        for page in args.page:
            with urllib.request.urlopen(urllib.request.Request(f"{base}{page}", headers={
                    "Authorization": f"token {token}"}), timeout=30) as response:
                assert response.status == 200, f"{page}: HTTP {response.status}"
            print(f"{page}: 200", flush=True)
        problems = []
        for notebook in args.notebook or ["notebooks/00-welcome.ipynb"]:
            problems += run_notebook(base, token, os.path.join(root, notebook))
        print(f"course server: {'all notebooks passed' if not problems else f'{len(problems)} problems'}")
        return 1 if problems else 0
    finally:
        stop(server)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
