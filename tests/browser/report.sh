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
# At desktop and phone widths the diagram fills its box (the box takes the
# diagram's shape: the drawing's height is the box's, within 2%, unless the
# box is at its least, 200 px, or its most, 85% of the window) and the
# page does not scroll sideways. A copy of the page measures itself.
sed 's|</body>|<script>(function(){var b=document.getElementById("diagram"),s=b.querySelector("svg").getBBox(),w=b.clientWidth,c=b.clientHeight,h=w*s.height/s.width,d=document.documentElement;document.body.setAttribute("data-fit",(Math.abs(h-c)<=0.02*c\|\|c>=0.84*innerHeight\|\|c<=200)?"fills":"gap "+Math.round(h)+" of "+c);document.body.setAttribute("data-wide",d.scrollWidth>d.clientWidth?"wide":"fits");})();</script></body>|' \
	"$work/report.html" >"$work/probe.html"
for size in 1400,900 390,844; do
	run "file://$(cd "$work" && pwd)/probe.html" --window-size=$size --dump-dom >"$work/probe.dom" 2>/dev/null
	fit=$(grep -o 'data-fit="[^"]*"' "$work/probe.dom")
	wide=$(grep -o 'data-wide="[^"]*"' "$work/probe.dom")
	[ "$fit" = 'data-fit="fills"' ] || { echo "browser: at $size the diagram does not fill its box ($fit)"; fail=1; }
	[ "$wide" = 'data-wide="fits"' ] || { echo "browser: at $size the page scrolls sideways ($wide)"; fail=1; }
done
[ $fail = 0 ] && echo "browser: report renders, script runs, search finds Babaev, the diagram fills its box at 1400x900 and 390x844"
exit $fail
