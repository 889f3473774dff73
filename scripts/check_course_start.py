#!/usr/bin/python3
"""End-to-end check of `./course start`: the server comes up on 127.0.0.1 with token auth, lists
the course kernel, and a client runs every code cell of notebook 00 through it over the Jupyter
protocol (REST + websocket). Everything it started is stopped before it exits.

usage: check_course_start.py COURSE_ROOT
"""
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid

import nbformat
from tornado.ioloop import IOLoop
from tornado.websocket import websocket_connect

START_TIMEOUT_S = 300
CELL_TIMEOUT_S = 300


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
            raise SystemExit(f"./course start exited with {server.returncode}:\n{open(log_path).read()[-3000:]}")
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
        errors, replied = [], False
        deadline = time.monotonic() + CELL_TIMEOUT_S
        while not replied:
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
            if reply["msg_type"] == "error":
                errors.append(f"{reply['content']['ename']}: {reply['content']['evalue']}")
            replied = reply["msg_type"] == "execute_reply"
        expects_error = "raises-exception" in cell.metadata.get("tags", [])
        if errors and not expects_error:
            problems.append(f"cell {index} failed: {errors[0]}")
        if expects_error and not errors:
            problems.append(f"cell {index} should have raised an exception")
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


def main(root):
    token = secrets.token_hex(16)
    log_path = os.path.join(root, "target", "course-start.log")
    os.makedirs(os.path.dirname(log_path), exist_ok=True)
    env = dict(os.environ, JUPYTER_TOKEN=token, COURSE_PORT=os.environ.get("COURSE_PORT", "18888"))
    with open(log_path, "w") as log:
        server = subprocess.Popen([os.path.join(root, "course"), "start"], cwd=root, env=env, stdout=log,
                                  stderr=subprocess.STDOUT, start_new_session=True)
    kernel_id, base = None, None
    try:
        base = wait_for_url(server, log_path)
        assert base.startswith("http://127.0.0.1:"), base
        try:
            request(base, "wrong-token", "/api/kernels")
            raise SystemExit("the server answered a request with a wrong token")
        except urllib.error.HTTPError as error:
            assert error.code in (401, 403), error
        specs = request(base, token, "/api/kernelspecs")["kernelspecs"]
        assert "java" in specs, f"kernelspec 'java' not offered; got {sorted(specs)}"
        check_mkl_fix(specs["java"]["spec"].get("env", {}))
        kernel_id = request(base, token, "/api/kernels", "POST", {"name": "java"})["id"]
        notebook = nbformat.read(os.path.join(root, "notebooks", "00-welcome.ipynb"), as_version=4)
        cells = [(i, c) for i, c in enumerate(notebook.cells) if c.cell_type == "code"]
        ws_url = f"{base.replace('http', 'ws', 1)}/api/kernels/{kernel_id}/channels?token={token}"
        problems = IOLoop.current().run_sync(lambda: run_cells(ws_url, cells), timeout=START_TIMEOUT_S)
        for problem in problems:
            print(f"FAIL {problem}")
        print(f"course start: {len(cells) - len(problems)} passed, {len(problems)} failed")
        return 1 if problems else 0
    finally:
        if kernel_id:
            try:
                request(base, token, f"/api/kernels/{kernel_id}", "DELETE")
            except OSError:
                pass
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)


if __name__ == "__main__":
    sys.exit(main(os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")))
