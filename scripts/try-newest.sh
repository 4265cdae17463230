#!/usr/bin/env bash
# Try the newest dependency releases that pyproject.toml allows, without constraints/lock.txt:
# a throw-away virtual environment, the tests, then lint, format and types.
# A failure here means a new release changed something: fix the code (or the range), then
# refresh the lock as the README's "Development" section says.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
# shellcheck disable=SC1091
. "$work/venv/bin/activate"
python -m pip install --quiet --upgrade pip
pip install --quiet --upgrade '.[test,lint]'
echo "== newest versions within pyproject.toml's ranges:"
pip list --format=freeze 2>/dev/null | grep -v '^ilotc=='
pytest -q
ruff check src tests bench
ruff format --check src tests bench
mypy src
echo "== the newest versions pass"
