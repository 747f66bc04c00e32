#!/bin/sh
# The HTML report as a person sees it: headless Chromium loads it offline,
# runs its script without a console error, finds an entity from the search
# box (through #find=), and takes a screenshot.
#
#   sh tests/browser/report.sh TIES WORKDIR
# Exit 0 passed, 1 failed, 77 skipped (no Chromium: apt-get install chromium).
set -u
TIES=${1:?usage: report.sh TIES WORKDIR}
work=${2:?usage: report.sh TIES WORKDIR}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
	echo "browser: skipped, Chromium is not installed (apt-get install chromium)"
	exit 77
fi
rm -rf "$work"
mkdir -p "$work"
"$TIES" --db "$work/t.db" import -q graphs/issi-icca-ras-2025 2>/dev/null || exit 1
"$TIES" --db "$work/t.db" report -o "$work/report.html" || exit 1
run() { # run URL ARGS...: the browser, offline, headless
	url=$1
	shift
	timeout 120 "$browser" --headless --no-sandbox --disable-gpu \
		--disable-quic --no-first-run --disable-background-networking \
		--disable-component-update --disable-sync \
		--user-data-dir="$work/profile" --enable-logging=stderr --v=0 \
		--window-size=1400,1000 "$@" "$url"
}
url="file://$(cd "$work" && pwd)/report.html"
fail=0
run "$url#find=Babaev" --dump-dom >"$work/dom.html" 2>"$work/console.log"
grep -q 'data-ready="1"' "$work/dom.html" || { echo "browser: the script did not run"; fail=1; }
if grep -E 'CONSOLE|Uncaught' "$work/console.log" | grep -qv 'INFO:CONSOLE.*DevTools'; then
	echo "browser: console messages:"
	grep -E 'CONSOLE|Uncaught' "$work/console.log"
	fail=1
fi
grep -q 'class="node hit"' "$work/dom.html" || { echo "browser: search found nothing"; fail=1; }
grep -q '1 found' "$work/dom.html" || { echo "browser: search status missing"; fail=1; }
run "$url" --screenshot="$work/report.png" >/dev/null 2>&1
[ -s "$work/report.png" ] || { echo "browser: no screenshot"; fail=1; }
[ $fail = 0 ] && echo "browser: report renders, script runs, search finds Babaev"
exit $fail
