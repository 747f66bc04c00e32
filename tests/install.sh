#!/bin/sh
# make install and make uninstall honour PREFIX and DESTDIR; the installed
# program runs as is; a program builds against the installed library through
# pkg-config; uninstall removes exactly what install put.
#
#   sh tests/install.sh WORKDIR          prints "install: ok" or what failed
set -eu
work=${1:?usage: install.sh WORKDIR}
rm -rf "$work"
mkdir -p "$work"
stage="$work/stage"
make -s install DESTDIR="$stage" PREFIX=/usr >"$work/log" 2>&1 ||
	{ cat "$work/log"; echo "install: make install failed"; exit 1; }
for f in usr/bin/ties usr/lib/libties.a usr/lib/libties.so.0 usr/lib/libties.so \
	usr/include/ties.h usr/include/ties_render.h usr/lib/pkgconfig/ties.pc usr/share/man/man1/ties.1 \
	usr/share/ties/extract/titles.txt usr/share/ties/extract/README.md; do
	[ -e "$stage/$f" ] || { echo "install: $f missing"; exit 1; }
done
grep -q '^prefix=/usr$' "$stage/usr/lib/pkgconfig/ties.pc" ||
	{ echo "install: ties.pc has the wrong prefix"; exit 1; }
"$stage/usr/bin/ties" --version | grep -q '^ties ' ||
	{ echo "install: the installed program does not run"; exit 1; }
# Build the example against the staged shared library through pkg-config.
PKG_CONFIG_SYSROOT_DIR="$stage" PKG_CONFIG_PATH="$stage/usr/lib/pkgconfig" \
	pkg-config --cflags --libs ties >"$work/flags"
cc -o "$work/example" examples/resolve_and_card.c $(cat "$work/flags") \
	-Wl,-rpath,"$stage/usr/lib" ||
	{ echo "install: the example does not build against the installed library"; exit 1; }
"$work/example" "$work/example.db" >/dev/null ||
	{ echo "install: the example built against it does not run"; exit 1; }
# A second prefix, without DESTDIR.
make -s install PREFIX="$work/home" >>"$work/log" 2>&1
[ -x "$work/home/bin/ties" ] || { echo "install: PREFIX install failed"; exit 1; }
make -s uninstall PREFIX="$work/home" >>"$work/log" 2>&1
make -s uninstall DESTDIR="$stage" PREFIX=/usr >>"$work/log" 2>&1
left=$(find "$stage" "$work/home" -type f | wc -l)
[ "$left" -eq 0 ] || { find "$stage" "$work/home" -type f; echo "install: uninstall left $left files"; exit 1; }
echo "install: ok"
