"""`python -m bench [--smoke] [--results DIR] [--keep]`: see bench/__init__.py."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from bench.plan import make_plan
from bench.runner import run

RESULTS = Path(__file__).parent / "results"


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--smoke", action="store_true", default=bool(os.environ.get("BENCH_SMOKE")),
        help="a few seconds per scenario on a small volume (what `make test` runs); no target applies",
    )  # fmt: skip
    parser.add_argument(
        "--results", type=Path, default=RESULTS, help="where the report goes (bench/results/)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the data folder, logs and wrk scripts")
    args = parser.parse_args()
    run(make_plan(args.smoke), args.results, keep=args.keep)


if __name__ == "__main__":
    main()
