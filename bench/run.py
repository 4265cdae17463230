#!/usr/bin/env python3
"""Time ilotc against its baselines, side by side, and print a Markdown table.

Usage:
    python bench/run.py [--rounds 15] [--slow-rounds 3] [--size 10000] [--plan PLAN.yaml]

Every command runs as a subprocess of this interpreter's environment (the `ilotc` and
`check-jsonschema` scripts beside it), output to /dev/null, with ilotc's cache in a
temporary XDG_CACHE_HOME and Python's bytecode cache on (PYTHONDONTWRITEBYTECODE is
dropped, so a source checkout runs from bytecode as an installed package does). An
untimed warm-up round comes first. Then the cases run round-robin: each round runs every
command once, so a slow spell of the machine hits both sides of a comparison alike; the
table gives medians, and each ratio is ilotc's median over its baseline's median, measured
in this run. Peak memory is each child's own maximum resident set size (from `os.wait4`).

Cases (targets from issues 8 and 16):
  (a) `ilotc list --part II` on the bundled plan, cache warm, against the import floor
      `python -c "import typer, pydantic, yaml, rich.table"`;
  (b) `ilotc validate PLAN` on a plan of --size actions (made by bench/make_plan.py)
      against PyYAML's C loader only parsing it, and against check-jsonschema with ilotc's
      JSON Schema (slow: it runs in the first --slow-rounds rounds only); and the peak
      memory of the validation against the parse's;
  (c) `ilotc --plan PLAN overdue --as-of 2000-06 --format json` on that plan, unchanged
      (cache warm), against the import floor.
  (d) `ilotc --plan PLAN list` as a table at 80 columns on that plan (cache warm), against
      Taskwarrior's `task list` of the same actions as tasks (description, project, due),
      imported with `task import` into a temporary data folder, at 80 columns too; skipped
      when `task` is not installed (`apt-get install taskwarrior`).
  (e) `ilotc --help` against the import floor (issue 22: help imports neither Pydantic nor
      PyYAML, so it stays at or under the floor).
  info (e): `ilotc --plan PLAN report --as-of 2001-01` for a terminal (80 columns, piped) against
      the same report as Markdown, in the first --slow-rounds rounds (issue 25: every format of a
      report should cost about the same).
With --portfolio, the portfolio cases instead (issue 27), on --portfolio-plans plans of
--portfolio-actions actions (bench/make_portfolio.py: a folder per plan, one registry) side
by side with the same number of actions in one file (bench/make_plan.py):
  (e) warm `overdue --as-of 2000-06 --format json`, portfolio vs one file, <= 1.5x;
  (f) warm `status --as-of 2000-06 --format json`, portfolio vs one file, <= 1.5x;
  (g) cold `validate` (no cache is used by validate), portfolio vs one file, <= 1.2x, and its
      peak memory (the child's, which includes any process it waited for), <= 1.2x;
  (h) `export --format sqlite` of the portfolio vs its warm (e), <= 2x.
  A second table gives the median CPU time (user + system, from `os.wait4`: the pool's
  workers included) of each command, and its ratios: on a shared machine it moves less than
  wall-clock time.
Rows marked "info" have no target: they show what the Typer command line costs by itself
(a Typer app with ilotc's own `list` options and an empty body), which bounds (a) and (c).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent
IMPORT_FLOOR = "import typer, pydantic, yaml, rich.table"
PYYAML_PARSE = "import yaml,sys; yaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader)"

# A Typer app with the global options and `ilotc list`'s own options and an empty body:
# what parsing that command line costs before ilotc does anything.
TYPER_FLOOR = """
import functools
from typing import Annotated

import typer

from ilotc.cli.common import PartnersOption, PlanOption
from ilotc.cli.list_cmd import list_actions

app = typer.Typer(add_completion=False, rich_markup_mode=None)


@app.callback()
def main(
    ctx: typer.Context,
    plan: PlanOption = None,
    partners: PartnersOption = None,
    no_cache: Annotated[bool, typer.Option("--no-cache")] = False,
) -> None:
    pass


app.command("list")(functools.wraps(list_actions)(lambda *args, **kwargs: None))
app()
"""


def taskwarrior(plan: Path, folder: Path, ilotc: list[str], env: dict[str, str]) -> list[str] | None:
    """`task list` over the plan's actions imported as tasks, or None without Taskwarrior."""
    task = shutil.which("task")
    if task is None:
        return None
    listing = subprocess.run(
        [*ilotc, "--plan", str(plan), "list", "--format", "json"], capture_output=True, check=True, env=env
    )
    tasks = folder / "tasks.json"
    with tasks.open("w", encoding="utf-8") as out:
        for number, action in enumerate(json.loads(listing.stdout)):
            record = {
                "uuid": f"00000000-0000-4000-8000-{number:012d}",
                "description": action["text"],
                "status": "pending",
                "entry": "20000101T000000Z",
                "project": f"P{action['part']}",
            }
            if action["due"]:
                record["due"] = action["due"].replace("-", "")[:6] + "28T000000Z"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    rc = folder / "taskrc"
    rc.write_text(f"data.location={folder / 'task'}\nconfirmation=off\nverbose=nothing\ndefaultwidth=80\n")
    (folder / "task").mkdir()
    task_env = {**env, "TASKRC": str(rc)}
    subprocess.run([task, "import", str(tasks)], env=task_env, check=True, capture_output=True)
    return ["env", f"TASKRC={rc}", task, "list"]


@dataclass
class Case:
    """One command, timed each round it runs."""

    name: str
    argv: list[str]
    rounds: int
    seconds: list[float] = field(default_factory=list)
    peak_kib: list[int] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system seconds, waited-for children included

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def median_cpu(self) -> float:
        return statistics.median(self.cpu)

    @property
    def median_peak_mib(self) -> float:
        return statistics.median(self.peak_kib) / 1024


def script(name: str) -> list[str]:
    """A console script of this environment, or the module run with this interpreter."""
    found = shutil.which(name, path=str(BIN))
    if found is not None:
        return [found]
    if name == "ilotc":
        return [PYTHON, "-m", "ilotc"]
    sys.exit(f"{name} is not installed beside {PYTHON} (pip install -e '.[test]')")


def run(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall-clock seconds and peak RSS (KiB) of one child; exit if it fails."""
    elapsed, peak, _ = run_with_cpu(argv, env)
    return elapsed, peak


def run_with_cpu(argv: list[str], env: dict[str, str]) -> tuple[float, int, float]:
    """Wall-clock seconds, peak RSS (KiB) and CPU seconds (user + system, with the children it
    waited for, such as a process pool's workers: `os.wait4`'s) of one child; exit if it fails."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    assert child.stderr is not None
    errors = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    child.stderr.close()
    if child.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed ({child.returncode}):\n{errors.decode(errors='replace')}")
    return elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime  # KiB on Linux


def _tree(pid: int) -> list[int]:
    """The process and its descendants (Linux /proc)."""
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    pending += [int(child) for child in handle.read().split()]
        except OSError:
            continue
    return found


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def tree_peak_kib(argv: list[str], env: dict[str, str]) -> int:
    """The peak of the summed resident sets of a child and all its descendants (a process
    pool's workers included), sampled every 10 ms; `os.wait4` gives only the largest one."""
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    peak = 0
    while child.poll() is None:
        peak = max(peak, sum(_rss_kib(pid) for pid in _tree(child.pid)))
        time.sleep(0.01)
    return peak


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    versions = ", ".join(
        f"{name} {metadata.version(name)}" for name in ("ilotc", "typer", "pydantic", "PyYAML", "rich")
    )
    return (
        f"{platform.platform()}; {cpu}; {os.cpu_count()} CPU(s); "
        f"Python {platform.python_version()} ({platform.python_implementation()}); {versions}"
    )


def ratio_row(
    label: str, ours: Case, theirs: Case, target: float | None, note: str = "", inverse: bool = False
) -> str:
    ratio = ours.median / theirs.median
    if target is None:
        wanted, ok = "info", ""
    elif inverse:  # "at least N x faster": their median over ours
        wanted, ok = f"≥ {target:g}x faster", "yes" if theirs.median / ours.median >= target else "**no**"
    else:
        wanted, ok = f"≤ {target:g}x", "yes" if ratio <= target else "**no**"
    shown = f"{ratio:.2f}x" + (f" ({theirs.median / ours.median:.1f}x faster)" if inverse else "")
    return f"| {label} | {ours.median:.3f} s | {theirs.median:.3f} s{note} | {shown} | {wanted} | {ok} |"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=15, help="rounds of every fast case (default 15)")
    parser.add_argument("--slow-rounds", type=int, default=3, help="rounds of check-jsonschema (default 3)")
    parser.add_argument("--size", type=int, default=10_000, help="actions in the generated plan")
    parser.add_argument("--plan", type=Path, help="use this plan instead of generating one")
    parser.add_argument("--portfolio", action="store_true", help="run the portfolio cases (e)-(h) instead")
    parser.add_argument("--portfolio-plans", type=int, default=1000, help="plans in the portfolio")
    parser.add_argument("--portfolio-actions", type=int, default=50, help="actions in each plan")
    args = parser.parse_args()
    if args.portfolio:
        return portfolio_main(args)

    ilotc = script("ilotc")
    with tempfile.TemporaryDirectory(prefix="ilotc-bench-") as folder:
        temp = Path(folder)
        # ilotc runs from bytecode, as an installed package does (pip compiles it, as it did
        # the baselines' modules): the warm-up round writes it where it is missing.
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("ILOTC_") and k != "PYTHONDONTWRITEBYTECODE"
        }
        env["XDG_CACHE_HOME"] = str(temp / "cache")
        plan = args.plan
        if plan is None:
            plan = temp / "plan.yaml"
            with plan.open("wb") as out:
                subprocess.run([PYTHON, str(HERE / "make_plan.py"), str(args.size)], stdout=out, check=True)
        schema = temp / "plan.schema.json"
        with schema.open("wb") as out:
            subprocess.run([*ilotc, "schema", "plan"], stdout=out, check=True, env=env)

        floor = Case("import floor", [PYTHON, "-c", IMPORT_FLOOR], args.rounds)
        cases = [
            floor,
            Case("list", [*ilotc, "list", "--part", "II"], args.rounds),
            Case("typer floor", [PYTHON, "-c", TYPER_FLOOR, "list", "--part", "II"], args.rounds),
            Case("validate", [*ilotc, "validate", str(plan)], args.rounds),
            Case("parse", [PYTHON, "-c", PYYAML_PARSE, str(plan)], args.rounds),
            Case(
                "check-jsonschema",
                [*script("check-jsonschema"), "--schemafile", str(schema), str(plan)],
                args.slow_rounds,
            ),
            Case(
                "overdue",
                [*ilotc, "--plan", str(plan), "overdue", "--as-of", "2000-06", "--format", "json"],
                args.rounds,
            ),
            Case("list table", ["env", "COLUMNS=80", *ilotc, "--plan", str(plan), "list"], args.rounds),
            Case("help", [*ilotc, "--help"], args.rounds),
            Case(
                "report terminal",
                ["env", "COLUMNS=80", *ilotc, "--plan", str(plan), "report", "--as-of", "2001-01"],
                args.slow_rounds,
            ),
            Case(
                "report markdown",
                [*ilotc, "--plan", str(plan), "report", "--as-of", "2001-01", "-f", "markdown"],
                args.slow_rounds,
            ),
        ]
        task_list = taskwarrior(plan, temp, ilotc, env)
        if task_list is not None:
            cases.append(Case("task list", task_list, args.rounds))
        for case in cases:  # warm-up: the OS's file cache, and ilotc's cache for (a) and (c)
            if case.rounds:
                run(case.argv, env)
        for number in range(max(case.rounds for case in cases)):
            for case in cases:
                if number < case.rounds:
                    seconds, peak = run(case.argv, env)
                    case.seconds.append(seconds)
                    case.peak_kib.append(peak)
            sys.stderr.write(f"round {number + 1} done\n")

    by_name = {case.name: case for case in cases}
    validate, parse = by_name["validate"], by_name["parse"]
    size = f"{args.size:,}" if args.plan is None else str(args.plan)
    rows = [
        "| case | ilotc median | baseline median | ratio | target | ok? |",
        "|---|---|---|---|---|---|",
        ratio_row(
            "(a) `ilotc list --part II`, bundled plan, warm cache, vs import floor",
            by_name["list"],
            floor,
            1.0,
        ),
        ratio_row(f"(b) `ilotc validate`, {size} actions, vs PyYAML C parse only", validate, parse, 1.3),
        ratio_row(
            f"(b) `ilotc validate`, {size} actions, vs check-jsonschema",
            validate,
            by_name["check-jsonschema"],
            5.0,
            note=f" ({args.slow_rounds} rounds)",
            inverse=True,
        ),
        f"| (b) peak memory of `ilotc validate` vs PyYAML C parse | {validate.median_peak_mib:.0f} MiB "
        f"| {parse.median_peak_mib:.0f} MiB | {validate.median_peak_mib / parse.median_peak_mib:.2f}x | ≤ 2x "
        f"| {'yes' if validate.median_peak_mib <= 2 * parse.median_peak_mib else '**no**'} |",
        ratio_row(
            f"(c) `ilotc overdue --as-of 2000-06 --format json`, {size} actions, warm cache, vs import floor",
            by_name["overdue"],
            floor,
            1.5,
        ),
        ratio_row(
            f"(d) `ilotc list` table at 80 columns, {size} actions, warm cache, vs Taskwarrior `task list`",
            by_name["list table"],
            by_name["task list"],
            1.0,
        )
        if "task list" in by_name
        else "| (d) `ilotc list` table vs Taskwarrior | skipped: `task` is not installed | | | ≤ 1x | |",
        ratio_row("(e) `ilotc --help` vs import floor", by_name["help"], floor, 1.0),
        ratio_row(
            "info: Typer alone (`list`'s options, empty body) vs import floor",
            by_name["typer floor"],
            floor,
            None,
        ),
        ratio_row("info: (a) vs Typer alone", by_name["list"], by_name["typer floor"], None),
        ratio_row("info: (c) vs Typer alone", by_name["overdue"], by_name["typer floor"], None),
        ratio_row(
            f"info (e): `ilotc report` for a terminal vs as Markdown, {size} actions",
            by_name["report terminal"],
            by_name["report markdown"],
            None,
            note=f" ({args.slow_rounds} rounds)",
        ),
    ]
    print("\n".join(rows))
    print()
    print(
        f"Medians of {args.rounds} interleaved rounds ({args.slow_rounds} for check-jsonschema), "
        "wall-clock time of each command as a subprocess, output to /dev/null."
    )
    print(f"Machine: {machine()}")
    return 0


def portfolio_main(args: argparse.Namespace) -> int:
    """Cases (e)-(h): a portfolio of plans against the same number of actions in one file."""
    ilotc = script("ilotc")
    plans, each = args.portfolio_plans, args.portfolio_actions
    with tempfile.TemporaryDirectory(prefix="ilotc-bench-") as folder:
        temp = Path(folder)
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("ILOTC_") and k != "PYTHONDONTWRITEBYTECODE"
        }
        env["XDG_CACHE_HOME"] = str(temp / "cache")
        portfolio, one = temp / "portfolio", temp / "one.yaml"
        subprocess.run(
            [
                PYTHON,
                str(HERE / "make_portfolio.py"),
                str(portfolio),
                "--plans",
                str(plans),
                "--actions",
                str(each),
            ],
            check=True,
        )
        with one.open("wb") as out:
            subprocess.run([PYTHON, str(HERE / "make_plan.py"), str(plans * each)], stdout=out, check=True)
        db = temp / "portfolio.db"

        def pair(name: str, *command: str) -> list[Case]:
            return [
                Case(f"{name} portfolio", [*ilotc, "--plan", str(portfolio), *command], args.rounds),
                Case(f"{name} one file", [*ilotc, "--plan", str(one), *command], args.rounds),
            ]

        cases = [
            *pair("overdue", "overdue", "--as-of", "2000-06", "--format", "json"),
            *pair("status", "status", "--as-of", "2000-06", "--format", "json"),
            *pair("validate", "validate"),
            Case(
                "sqlite portfolio", [*ilotc, "--plan", str(portfolio), "export", "-o", str(db)], args.rounds
            ),
        ]
        for case in cases:  # warm-up: the OS's file cache and ilotc's cache
            run(case.argv, env)
        for number in range(args.rounds):
            for case in cases:
                seconds, peak, cpu = run_with_cpu(case.argv, env)
                case.seconds.append(seconds)
                case.peak_kib.append(peak)
                case.cpu.append(cpu)
            sys.stderr.write(f"round {number + 1} done\n")
        by = {case.name: case for case in cases}
        validate, validate_one = by["validate portfolio"], by["validate one file"]
        # peak memory of the whole process tree (the pool's workers summed), in separate rounds
        tree = {
            name: statistics.median(tree_peak_kib(by[name].argv, env) for _ in range(args.rounds)) / 1024
            for name in ("validate portfolio", "validate one file")
        }
    size = f"{plans:,} plans of {each} actions vs {plans * each:,} actions in one file"
    memory_ratio = tree["validate portfolio"] / tree["validate one file"]
    rows = [
        "| case | portfolio median | baseline median | ratio | target | ok? |",
        "|---|---|---|---|---|---|",
        ratio_row(
            f"(e) warm `overdue --format json`, {size}", by["overdue portfolio"], by["overdue one file"], 1.5
        ),
        ratio_row(
            f"(f) warm `status --format json`, {size}", by["status portfolio"], by["status one file"], 1.5
        ),
        ratio_row(f"(g) cold `validate`, {size}", validate, validate_one, 1.2),
        f"| (g) peak memory of `validate` (process tree, workers summed), {size} "
        f"| {tree['validate portfolio']:.0f} MiB "
        f"| {tree['validate one file']:.0f} MiB | {memory_ratio:.2f}x | ≤ 1.2x "
        f"| {'yes' if memory_ratio <= 1.2 else '**no**'} |",
        ratio_row(
            "(h) `export --format sqlite` of the portfolio vs its warm (e)",
            by["sqlite portfolio"],
            by["overdue portfolio"],
            2.0,
        ),
    ]
    print("\n".join(rows))
    print()
    print(f"Medians of {args.rounds} interleaved rounds, wall-clock time of each command as a subprocess.")
    print()
    # on a shared machine the wall-clock ratios move with the load; CPU time moves less
    print("| case, CPU time (user + system, pool workers included) | portfolio | baseline | ratio |")
    print("|---|---|---|---|")
    for label, ours, theirs in (
        ("(e) warm `overdue`", "overdue portfolio", "overdue one file"),
        ("(f) warm `status`", "status portfolio", "status one file"),
        ("(g) cold `validate`", "validate portfolio", "validate one file"),
        ("(h) `export --format sqlite` vs (e) of the portfolio", "sqlite portfolio", "overdue portfolio"),
    ):
        mine, base = by[ours].median_cpu, by[theirs].median_cpu
        print(f"| {label} | {mine:.3f} s | {base:.3f} s | {mine / base:.2f}x |")
    print()
    print(f"Load average at the end (1, 5, 15 min): {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"Machine: {machine()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
