#!/bin/sh
# Install the Debian packages that ties needs and that this machine lacks.
# Run by `make deps` (and so by `make`, `make demo` and `make test`) only when
# pkg-config cannot find a library; it never upgrades what is already there.
#
#   scripts/deps.sh [--test] [--bench] [--dry-run]
#
# --test also asks for the test-only packages (cmocka; python3, which scores
# ties extract against the annotated releases). --bench asks for the peers
# the benchmark measures ties against (NetworkX and python-igraph from
# Debian); the benchmark installs Kuzu from npm itself.
set -eu

want_test=0
want_bench=0
dry=0
for a in "$@"; do
	case $a in
	--test) want_test=1 ;;
	--bench) want_bench=1 ;;
	--dry-run) dry=1 ;;
	*) echo "usage: $0 [--test] [--bench] [--dry-run]" >&2; exit 2 ;;
	esac
done

missing=""
need() { # need PACKAGE TEST-COMMAND...
	pkg=$1; shift
	if ! "$@" >/dev/null 2>&1; then
		missing="$missing $pkg"
	fi
}

need pkg-config      command -v pkg-config
need libsqlite3-dev  pkg-config --exists sqlite3
need libigraph-dev   pkg-config --exists igraph
need libgraphviz-dev pkg-config --exists libgvc libcgraph
need graphviz        test -e /usr/bin/dot
need libjansson-dev  pkg-config --exists jansson
need libutf8proc-dev pkg-config --exists libutf8proc
need libcsv-dev      test -e /usr/include/csv.h
need iso-codes       test -e /usr/share/iso-codes/json/iso_3166-1.json
need sqlite3         command -v sqlite3
need unicode-cldr-core test -e /usr/share/unicode/cldr/common/supplemental/supplementalData.xml
if [ $want_test = 1 ]; then
	need libcmocka-dev pkg-config --exists cmocka
	need python3       command -v python3
fi
if [ $want_bench = 1 ]; then
	need python3-networkx /usr/bin/python3 -c 'import networkx'
	need python3-igraph   /usr/bin/python3 -c 'import igraph'
	need npm              command -v npm
fi

[ -z "$missing" ] && exit 0

echo "ties: installing missing Debian packages:$missing" >&2
[ $dry = 1 ] && exit 0

if [ "$(id -u)" = 0 ]; then
	sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo="sudo -n"
else
	echo "ties: cannot install packages (not root, no sudo); please run:" >&2
	echo "  apt-get install$missing" >&2
	exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "ties: no apt-get on this machine; please install:$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# A fresh machine may have empty package lists.
$sudo apt-get install -y -q --no-install-recommends $missing >/dev/null 2>&1 || {
	$sudo apt-get update -q >/dev/null
	$sudo apt-get install -y -q --no-install-recommends $missing
}
