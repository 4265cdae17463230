#!/usr/bin/env bash
# Render the HTML progress report of examples/plan-illustrative.yaml (a copy of the bundled
# plan with an invented, illustrative status history, as of March 2001) to docs/report.png
# with headless Chromium, for the README. The report itself says the history is illustrative.
#
#   scripts/screenshot_report.sh            # writes docs/report.png
#   scripts/screenshot_report.sh out.png    # writes out.png
#
# Needs `ilotc` (the repository's .venv is used when present) and Chromium
# (Debian: apt-get install -y chromium). Nothing is fetched: the page is self-contained.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/docs/report.png}"
ilotc="$root/.venv/bin/ilotc"
[ -x "$ilotc" ] || ilotc="$(command -v ilotc)"
chromium="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$chromium" ]; then
    echo "screenshot_report.sh: Chromium not found (Debian: apt-get install -y chromium)" >&2
    exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
html="$work/report.html"

ILOTC_TODAY=2001-03-01 "$ilotc" --plan "$root/examples/plan-illustrative.yaml" \
    report --as-of 2001-03 --format html -o "$html"
mkdir -p "$(dirname "$out")"
"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --force-device-scale-factor=1 \
    --user-data-dir="$work/profile" --screenshot="$out" --window-size=1280,1800 \
    "file://$html" 2> "$work/chromium.log" || { cat "$work/chromium.log" >&2; exit 1; }
[ -s "$out" ] || { cat "$work/chromium.log" >&2; exit 1; }
echo "wrote $out" >&2
