#!/usr/bin/python3
"""Executes every course notebook headless through Jupyter's nbclient and the course kernel.

A notebook passes when it is committed clean (no outputs, kernelspec `java`, every item of its quiz
bank shown, every `Quiz.answer` left at the placeholder "?"), every cell runs
without an error output (cells tagged `raises-exception` must raise instead), and every cell tagged
`expect:<mime type>` produced an output of that type, and the committed metadata (language_info,
kernelspec) is what the kernel reports, so that opening the notebook does not mark it changed. Executed copies go to target/notebooks/.

usage: run_notebooks.py [--other-kernel] [--out DIR] NOTEBOOK_DIR_OR_FILE...

--other-kernel: the kernelspec `java` is another kernel than the course's (IJava): the committed
metadata is the course kernel's and legitimately differs from what that kernel reports, so it is not
compared; every other rule stays. --out: where executed copies go (default target/notebooks).
"""
import argparse
import copy
import json
import os
import re
import signal
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError

KERNEL = "java"
CELL_TIMEOUT_S = int(os.environ.get("NOTEBOOK_CELL_TIMEOUT", "900"))
OUT_DIR = Path(__file__).resolve().parent.parent / "target" / "notebooks"
QUIZZES = Path(__file__).resolve().parent.parent / "quizzes"


def bank_ids(path):
    """The question and exercise ids of the notebook's quiz bank (quizzes/<notebook name>/questions.json)."""
    bank = QUIZZES / path.stem / "questions.json"
    if not bank.exists():
        return []
    data = json.loads(bank.read_text(encoding="utf-8"))
    return [item["id"] for item in data.get("questions", []) + data.get("exercises", [])]


def quiz_problems(nb, path):
    """Bank items the notebook never shows, and answers it pre-fills instead of the "?" placeholder."""
    code = "\n".join(cell.source for cell in nb.cells if cell.cell_type == "code")
    shown = set(re.findall(r'Quiz\.show\("([^"]+)"\)', code))
    problems = [f"quiz item {item} of {path.stem}'s bank is never shown (add a Quiz.show cell)"
                for item in bank_ids(path) if item not in shown]
    for item, answer in re.findall(r'Quiz\.answer\("([^"]+)",\s*([^)]*)\)', code):
        if answer.strip() != '"?"':
            problems.append(f"Quiz.answer for {item} is pre-filled with {answer.strip()}; commit \"?\" instead")
    return problems


def committed_problems(nb, path=None):
    """What is wrong with the notebook as committed (before running it)."""
    problems = quiz_problems(nb, path) if path else []
    spec = nb.metadata.get("kernelspec", {}).get("name")
    if spec != KERNEL:
        problems.append(f"kernelspec is {spec!r}, expected {KERNEL!r}")
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count")):
            problems.append(f"cell {index} was committed with outputs (clear them before committing)")
    return problems


def output_problems(nb):
    """What the executed cells got wrong: missing expected outputs, exceptions that did not happen."""
    problems = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        tags = cell.metadata.get("tags", [])
        outputs = cell.get("outputs", [])
        mimes = {mime for out in outputs for mime in out.get("data", {})}
        if "raises-exception" in tags and not any(out.output_type == "error" for out in outputs):
            problems.append(f"cell {index} is tagged raises-exception but raised nothing")
        for tag in tags:
            if tag.startswith("expect:") and tag[len("expect:"):] not in mimes:
                problems.append(f"cell {index} should show {tag[len('expect:'):]}; it showed {sorted(mimes) or 'nothing'}")
    return problems


def metadata_problems(committed, reported_language, kernelspec):
    """Where the committed metadata differs from what the kernel reports (Jupyter would then mark the
    notebook changed as soon as it is opened). The language version is Java's feature release and
    depends on the JDK that runs the kernel, so it is not compared."""
    problems = []
    language = committed.get("language_info", {})
    for key, value in sorted(reported_language.items()):
        if key != "version" and language.get(key) != value:
            problems.append(f"metadata language_info.{key} is {language.get(key)!r}; the kernel reports {value!r}")
    spec = committed.get("kernelspec", {})
    for key, value in sorted(kernelspec.items()):
        if spec.get(key) != value:
            problems.append(f"metadata kernelspec.{key} is {spec.get(key)!r}; the kernel's spec says {value!r}")
    return problems


def installed_kernelspec():
    """display_name, language and name of the installed course kernelspec."""
    from jupyter_client.kernelspec import KernelSpecManager
    spec = KernelSpecManager().get_kernel_spec(KERNEL)
    return {"display_name": spec.display_name, "language": spec.language, "name": KERNEL}


def shortened(text, limit=300):
    text = str(text).strip()
    return text[:limit] + ("..." if len(text) > limit else "")


def run(path, check_metadata=True):
    """Returns (problems, seconds) for one notebook."""
    nb = nbformat.read(path, as_version=4)
    problems = committed_problems(nb, path)
    committed_metadata = copy.deepcopy(dict(nb.metadata))
    started = time.monotonic()
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=CELL_TIMEOUT_S, allow_errors=False,
                            resources={"metadata": {"path": str(path.parent)}})
    try:
        client.execute()  # sets nb.metadata.language_info to the kernel's kernel_info_reply
        if check_metadata:
            problems += metadata_problems(committed_metadata, dict(nb.metadata.get("language_info", {})),
                                          installed_kernelspec())
        problems += output_problems(nb)
    except CellTimeoutError as error:
        problems.append(f"a cell ran longer than {CELL_TIMEOUT_S} s: {shortened(error)}")
    except CellExecutionError as error:
        problems.append(f"a cell failed: {shortened(error, 2000)}")
    finally:
        OUT_DIR.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, OUT_DIR / path.name)
    return problems, time.monotonic() - started


def notebooks(args):
    for arg in args:
        target = Path(arg)
        yield from sorted(target.glob("*.ipynb")) if target.is_dir() else [target]


def main(argv):
    global OUT_DIR
    parser = argparse.ArgumentParser(description="Runs notebooks headless and checks them (see the module docstring).")
    parser.add_argument("--other-kernel", action="store_true",
                        help="kernelspec 'java' is not the course kernel (e.g. IJava): skip the metadata comparison")
    parser.add_argument("--out", type=Path, help="folder for the executed copies (default target/notebooks)")
    parser.add_argument("notebooks", nargs="+", metavar="NOTEBOOK_DIR_OR_FILE")
    args = parser.parse_args(argv)
    if args.out:
        OUT_DIR = args.out.resolve()
    # SIGTERM (e.g. from `timeout`) unwinds like Ctrl-C so nbclient shuts its kernel down.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    # Quiz attempts made by the test run go to a throw-away gradebook, not the learner's own.
    gradebook = OUT_DIR / "gradebook.jsonl"
    gradebook.unlink(missing_ok=True)
    os.environ.setdefault("COURSE_GRADEBOOK", str(gradebook))
    results = []
    for path in notebooks(args.notebooks):
        print(f"--- {path.name}", flush=True)
        problems, seconds = run(path, check_metadata=not args.other_kernel)
        for problem in problems:
            print(f"    FAIL {problem}", flush=True)
        results.append((path.name, not problems, seconds))
    if not results:
        print("no notebooks found", file=sys.stderr)
        return 1
    width = max(len(name) for name, _, _ in results)
    print(f"\n{'notebook':<{width}}  result  seconds")
    for name, ok, seconds in results:
        print(f"{name:<{width}}  {'ok' if ok else 'FAIL':<6}  {seconds:7.1f}")
    passed = sum(ok for _, ok, _ in results)
    print(f"notebooks: {passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
