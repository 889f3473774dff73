#!/usr/bin/python3
"""Load check of `./course hub`: N simulated learners (default 10) log in at the same time, each
starts their server and a course kernel and runs every code cell of lesson 00 through it over the
Jupyter protocol, as the notebook page would. Prints, per learner, the time to a ready server, the
time to run the lesson (from the kernel's start), the peak memory (RSS) of all their processes
together (server and kernel) and of the largest one, and the CPU time they used; then the totals. It prints figures; it asserts nothing about speed.

Run as root in the instructor's tree (it creates the users jftload-01 ... and the group jftload, and
removes them, with their homes, when it ends):

    sudo hub/load_check.py [--learners 10] [--lesson notebooks/00-welcome.ipynb] [--fast] [--port 18700]

The hub's files go to /tmp/jft-hub-load (COURSE_HUB_DIR), kept between runs, so the second run does
not build the learner edition again.
"""
import argparse
import asyncio
import http.client
import json
import os
import pathlib
import secrets
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request

import nbformat
from tornado.ioloop import IOLoop

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import check_course_start  # noqa: E402  (runs cells over the websocket with the pass rules of ./course test)

GROUP = "jftload"
PAGE = os.sysconf("SC_PAGE_SIZE")
TICKS = os.sysconf("SC_CLK_TCK")


def sh(*command, stdin=None):
    subprocess.run(command, check=True, input=stdin, text=True, stdout=subprocess.DEVNULL)


def api(base, path, method="GET", body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"token {token}"
    data = json.dumps(body).encode() if body is not None else None
    with urllib.request.urlopen(urllib.request.Request(base + path, data=data, method=method, headers=headers),
                                timeout=120) as response:
        text = response.read().decode()
        return json.loads(text) if text else None


def log_in(port, name, password):
    """The hub's login form, as a browser posts it; the hub knows the learner from then on."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    connection.request("POST", "/hub/login", urllib.parse.urlencode({"username": name, "password": password}),
                       {"Content-Type": "application/x-www-form-urlencoded"})
    response = connection.getresponse()
    response.read()
    connection.close()
    if response.status != 302:
        raise SystemExit(f"{name} could not log in: HTTP {response.status}")


def processes_of(uid):
    """(pid, rss bytes, cpu seconds) of every process the user runs now."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            if os.stat(f"/proc/{entry}").st_uid != uid:
                continue
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            found.append((int(entry), int(fields[21]) * PAGE, (int(fields[11]) + int(fields[12])) / TICKS))
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
    return found


class Sampler(threading.Thread):
    """Samples each learner's summed RSS twice a second; keeps the peak and the last CPU time seen per process."""

    def __init__(self, uids):
        super().__init__(daemon=True)
        self.uids = uids
        self.peak = {uid: 0 for uid in uids}
        self.largest = {uid: 0 for uid in uids}   # the largest single process (the kernel, as a rule)
        self.cpu = {uid: {} for uid in uids}
        self.running = True

    def run(self):
        while self.running:
            for uid in self.uids:
                found = processes_of(uid)
                self.peak[uid] = max(self.peak[uid], sum(rss for _, rss, _ in found))
                self.largest[uid] = max([self.largest[uid]] + [rss for _, rss, _ in found])
                for pid, _, cpu in found:
                    self.cpu[uid][pid] = cpu
            time.sleep(0.5)


async def learner(base, port, name, password, cells):
    """One learner's session; returns their timings in seconds and the problems their cells had."""
    started = time.monotonic()
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, lambda: log_in(port, name, password))
    token = (await loop.run_in_executor(None, lambda: api(
        base, f"/hub/api/users/{name}/tokens", "POST", {"auth": {"username": name, "password": password}})))["token"]
    await loop.run_in_executor(None, lambda: api(base, f"/hub/api/users/{name}/server", "POST", token=token))
    while not (await loop.run_in_executor(None, lambda: api(base, f"/hub/api/users/{name}", token=token))
               )["servers"].get("", {}).get("ready"):
        await asyncio.sleep(0.5)
    server_ready = time.monotonic()
    kernel = await loop.run_in_executor(None, lambda: api(base, f"/user/{name}/api/kernels", "POST", {"name": "java"}, token))
    ws_url = f"{base.replace('http', 'ws', 1)}/user/{name}/api/kernels/{kernel['id']}/channels?token={token}"
    lesson_started = time.monotonic()
    problems = await check_course_start.run_cells(ws_url, cells)
    done = time.monotonic()
    return {"server": server_ready - started, "lesson": done - lesson_started, "session": done - started,
            "problems": problems}


async def whole_class(base, port, names, password, notebook):
    sessions = []
    for name in names:
        cells = [(i, c) for i, c in enumerate(nbformat.read(notebook, as_version=4).cells) if c.cell_type == "code"]
        sessions.append(learner(base, port, name, password, cells))
    return await asyncio.gather(*sessions)


def main(argv):
    parser = argparse.ArgumentParser(description="N simulated learners on ./course hub")
    parser.add_argument("--learners", type=int, default=10)
    parser.add_argument("--lesson", default="notebooks/00-welcome.ipynb")
    parser.add_argument("--port", type=int, default=18700)
    parser.add_argument("--fast", action="store_true", help="fast mode (COURSE_FAST=1): small data, few epochs")
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        raise SystemExit("hub/load_check.py must run as root: it creates the simulated learners as local users")
    names = [f"jftload-{i:02d}" for i in range(1, args.learners + 1)]
    password = secrets.token_hex(12)
    cleanup(names)
    sh("groupadd", GROUP)
    for name in names:
        sh("useradd", "--create-home", "--shell", "/bin/sh", "--groups", GROUP, name)
        sh("chpasswd", stdin=f"{name}:{password}\n")
    log_path = ROOT / "target" / "hub-load.log"
    log_path.parent.mkdir(exist_ok=True)
    env = dict(os.environ, COURSE_HUB_DIR="/tmp/jft-hub-load", COURSE_HUB_GROUP=GROUP, COURSE_HUB_PORT=str(args.port))
    env.pop("COURSE_FAST", None)
    if args.fast:
        env["COURSE_FAST"] = "1"
    subprocess.run(["rm", "-rf", "/tmp/jft-hub-load/state"], check=True)
    base = f"http://127.0.0.1:{args.port}"
    with open(log_path, "w") as log:
        hub = subprocess.Popen([str(ROOT / "course"), "hub"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 600
        while True:
            try:
                api(base, "/hub/api")
                break
            except OSError:
                if hub.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"./course hub did not come up; see {log_path}")
                time.sleep(1)
        uids = {name: int(subprocess.check_output(["id", "-u", name], text=True)) for name in names}
        sampler = Sampler(list(uids.values()))
        sampler.start()
        started = time.monotonic()
        results = IOLoop.current().run_sync(lambda: whole_class(base, args.port, names, password, ROOT / args.lesson), timeout=1800)
        wall = time.monotonic() - started
        time.sleep(1)
        sampler.running = False
        sampler.join()
        report(names, uids, results, sampler, wall, args.lesson + (" (fast mode)" if args.fast else ""))
        return 1 if any(result["problems"] for result in results) else 0
    finally:
        hub.send_signal(signal.SIGTERM)   # the hub stops every learner's server and kernel, and its proxy
        hub.wait(timeout=120)
        cleanup(names)


def report(names, uids, results, sampler, wall, lesson):
    with open("/proc/loadavg") as loadavg:
        load = loadavg.read().split()[:3]
    print(f"{len(names)} learners, {lesson}, all at once; {os.cpu_count()} CPUs; load average now {' '.join(load)}")
    print(f"{'learner':<12} {'server ready s':>14} {'lesson s':>9} {'session s':>10} {'peak MiB':>9} {'largest':>8} {'CPU s':>7}  problems")
    peaks, cpus = [], []
    for name, result in zip(names, results):
        peak = sampler.peak[uids[name]] / 2**20
        cpu = sum(sampler.cpu[uids[name]].values())
        peaks.append(peak)
        cpus.append(cpu)
        print(f"{name:<12} {result['server']:>14.1f} {result['lesson']:>9.1f} {result['session']:>10.1f} {peak:>9.0f}"
              f" {sampler.largest[uids[name]] / 2**20:>8.0f} {cpu:>7.1f}  {'; '.join(result['problems']) or 'none'}")
    print(f"class: {wall:.1f} s from the first login to the last lesson's end; peak memory per learner"
          f" mean {sum(peaks) / len(peaks):.0f} MiB, max {max(peaks):.0f} MiB, sum {sum(peaks):.0f} MiB;"
          f" CPU per learner mean {sum(cpus) / len(cpus):.1f} s, sum {sum(cpus):.1f} s")


def cleanup(names):
    for name in names:
        if subprocess.run(["id", "-u", name], capture_output=True).returncode == 0:
            subprocess.run(["userdel", "--remove", name], capture_output=True)
    if subprocess.run(["getent", "group", GROUP], capture_output=True).returncode == 0:
        subprocess.run(["groupdel", GROUP], check=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
