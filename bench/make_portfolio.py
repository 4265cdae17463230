#!/usr/bin/env python3
"""Write a portfolio of plans to a folder, for benchmarks: one folder per plan, one registry.

Usage:
    python bench/make_portfolio.py FOLDER [--plans 1000] [--actions 50]

FOLDER gets `partners.yaml` (the bundled registry, shared by every plan as the registry of
the folder above them) and `plan-0001/plan.yaml` ... one plan of `--actions` actions each,
made as `bench/make_plan.py` makes one (the bundled plan's material recombined), each with its
own random draw and its own symbol (`BENCH/0001`...), so that no two plans share a name.
The same arguments always give the same bytes. FOLDER must not exist yet.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_plan import Generator, q

from ilotc.store.sources import FileKind, bundled_file


def write_portfolio(folder: Path, plans: int, actions: int) -> list[Path]:
    """Write the portfolio; return the plan files in path order."""
    folder.mkdir(parents=True)
    shutil.copyfile(bundled_file(FileKind.PARTNERS), folder / "partners.yaml")
    generator = Generator(actions)  # reads the bundled files once, for every plan
    symbol_line = f"  symbol: {q(generator.document['symbol'])}"
    written = []
    for number in range(1, plans + 1):
        generator.rng = random.Random(f"ilotc bench portfolio {number} of {actions}")
        generator.ids, generator.lines = [], []
        text = generator.plan().replace(symbol_line, f"  symbol: {q(f'BENCH/{number:04d}')}", 1)
        path = folder / f"plan-{number:04d}" / "plan.yaml"
        path.parent.mkdir()
        path.write_bytes(text.encode("utf-8"))
        written.append(path)
    return written


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", type=Path)
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--actions", type=int, default=50)
    args = parser.parse_args(argv[1:])
    if args.folder.exists():
        parser.error(f"{args.folder} exists; give a new folder")
    write_portfolio(args.folder, args.plans, args.actions)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
