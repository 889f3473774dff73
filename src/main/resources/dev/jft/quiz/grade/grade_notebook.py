#!/usr/bin/python3
"""Runs one submitted notebook for the course's grader (dev.jft.quiz.grade.NbclientExecutor).

Every code cell runs in turn in one fresh kernel, in the notebook's own folder, each within
--cell-timeout seconds: a cell that runs over is interrupted and the next one runs. A cell that
kills its kernel ends the run. Each code cell's metadata gets jft_grader.run = "ok", "error",
"timeout" or "kernel died"; cells after a dead kernel get none. The executed notebook is written
to --out whatever happens, so the instructor can see what each cell did.

usage: grade_notebook.py --kernel java --cell-timeout 60 --out executed.ipynb notebook.ipynb
"""
import argparse
import signal
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import DeadKernelError

TIMEOUT_NAME = "CellTimeout"


def main(argv):
    parser = argparse.ArgumentParser(description="Runs one notebook cell by cell for grading.")
    parser.add_argument("--kernel", required=True)
    parser.add_argument("--cell-timeout", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("notebook", type=Path)
    args = parser.parse_args(argv)
    # SIGTERM (the grader's overall limit) unwinds like Ctrl-C, so nbclient shuts its kernel down.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    nb = nbformat.read(args.notebook, as_version=4)
    statuses = {}

    def executed(cell, cell_index, execute_reply):
        content = execute_reply.get("content", {}) if execute_reply else {}
        if content.get("ename") == TIMEOUT_NAME:
            statuses[cell_index] = "timeout"
            cell.outputs.append(nbformat.v4.new_output("error", ename=TIMEOUT_NAME, evalue=content["evalue"],
                                                       traceback=[content["evalue"]]))
        else:
            statuses[cell_index] = "error" if content.get("status") == "error" else "ok"

    client = NotebookClient(
        nb, kernel_name=args.kernel, timeout=args.cell_timeout, allow_errors=True, interrupt_on_timeout=True,
        error_on_timeout={"ename": TIMEOUT_NAME, "traceback": [],
                          "evalue": f"the cell ran over {args.cell_timeout} s and was interrupted"},
        on_cell_executed=executed, resources={"metadata": {"path": str(args.notebook.resolve().parent)}})
    try:
        with client.setup_kernel():
            for index, cell in enumerate(nb.cells):
                if cell.cell_type != "code":
                    continue
                try:
                    client.execute_cell(cell, index)
                except DeadKernelError:
                    statuses[index] = "kernel died"
                    break
    finally:
        for index, status in statuses.items():
            nb.cells[index].metadata.setdefault("jft_grader", {})["run"] = status
        nbformat.write(nb, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
