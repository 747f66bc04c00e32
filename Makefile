# ties — graph database and analyzer of institution networks.
# One plain GNU Makefile. `make help` lists the targets.

PREFIX       ?= /usr/local
BINDIR       ?= $(PREFIX)/bin
LIBDIR       ?= $(PREFIX)/lib
INCLUDEDIR   ?= $(PREFIX)/include
MANDIR       ?= $(PREFIX)/share/man
DATADIR      ?= $(PREFIX)/share
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig

CC         ?= cc
AR         ?= ar
PKG_CONFIG ?= pkg-config
INSTALL    ?= install

# The version has one source: the macros in include/ties.h.
VERSION_MAJOR := $(shell sed -n 's/^\#define TIES_VERSION_MAJOR *\([0-9]*\).*/\1/p' include/ties.h)
VERSION_MINOR := $(shell sed -n 's/^\#define TIES_VERSION_MINOR *\([0-9]*\).*/\1/p' include/ties.h)
VERSION_PATCH := $(shell sed -n 's/^\#define TIES_VERSION_PATCH *\([0-9]*\).*/\1/p' include/ties.h)
VERSION := $(VERSION_MAJOR).$(VERSION_MINOR).$(VERSION_PATCH)
SONAME  := libties.so.$(VERSION_MAJOR)

PKGS      := sqlite3 igraph libgvc libcgraph jansson libutf8proc
TEST_PKGS := cmocka

# Install what is missing before anything reads pkg-config. Runs once per
# make invocation, and only when a library cannot be found.
ifeq ($(filter clean uninstall help format,$(MAKECMDGOALS)),)
DEPS_OK := $(shell $(PKG_CONFIG) --exists $(PKGS) $(TEST_PKGS) 2>/dev/null && test -e /usr/include/csv.h && test -e /usr/share/iso-codes/json/iso_3166-1.json && test -e /usr/share/unicode/cldr/common/supplemental/supplementalData.xml && command -v sqlite3 && command -v python3 && test -e /usr/bin/dot && echo yes)
ifneq ($(DEPS_OK),yes)
DEPS_RC := $(shell sh scripts/deps.sh --test >&2; echo $$?)
ifneq ($(DEPS_RC),0)
$(error missing Debian packages could not be installed; see the message above)
endif
endif
endif

DEP_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PKGS) 2>/dev/null)
DEP_LIBS   := $(shell $(PKG_CONFIG) --libs $(PKGS) 2>/dev/null) -lcsv -lm -pthread
TEST_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(TEST_PKGS) 2>/dev/null)
TEST_LIBS   := $(shell $(PKG_CONFIG) --libs $(TEST_PKGS) 2>/dev/null)

WARN := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wformat=2 -Wvla -Wwrite-strings
ifeq ($(DEVELOPER),1)
WARN += -Werror
endif
OPT ?= -O2 -g
BASE_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN)

BUILD ?= build
FINAL_CPPFLAGS = -Iinclude -Isrc $(DEP_CFLAGS) $(CPPFLAGS)
FINAL_CFLAGS   = $(BASE_CFLAGS) $(OPT) -fPIC -MMD -MP $(CFLAGS)
FINAL_LDFLAGS  = $(LDFLAGS)

ifneq ($(V),1)
Q = @
quiet = @printf '  %-6s %s\n' $(1) $(2);
else
Q =
quiet =
endif

# libties: one folder a layer (src/README.md); the program in src/cli.
LIB_DIRS := util store import graph analysis explore render extract
LIB_SRC := $(foreach d,$(LIB_DIRS),$(wildcard src/$(d)/*.c))
CLI_SRC := $(wildcard src/cli/*.c)
DICT_SRC := $(sort $(wildcard data/extract/*.txt))
LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/%.o) $(BUILD)/gen/dicts.o
CLI_OBJ := $(CLI_SRC:src/cli/%.c=$(BUILD)/cli/%.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_NAMES := csv json dot graphml resolve extract snapshot
FUZZ_BIN := $(FUZZ_NAMES:%=$(BUILD)/fuzz/fuzz_%)
EXAMPLE_SRC := $(wildcard examples/*.c)
EXAMPLE_BIN := $(EXAMPLE_SRC:examples/%.c=$(BUILD)/examples/%)

# ties.pc is made anew each time: it records PREFIX, which may differ from
# one invocation to the next.
.PHONY: all deps demo test check check-asan asan check-valgrind install \
	uninstall clean format bench fuzz help headertest ties.pc

all: $(BUILD)/libties.a $(BUILD)/$(SONAME) ties ties.pc

deps:
	$(Q)sh scripts/deps.sh --test

$(BUILD)/%.o: src/%.c
	$(call quiet,CC,$@)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(FINAL_CPPFLAGS) $(FINAL_CFLAGS) -c -o $@ $<

# The dictionaries of ties extract, compiled in.
$(BUILD)/gen/dicts.c: $(DICT_SRC) scripts/embed.sh
	$(call quiet,GEN,$@)
	@mkdir -p $(dir $@)
	$(Q)sh scripts/embed.sh $@ $(DICT_SRC)

$(BUILD)/gen/dicts.o: $(BUILD)/gen/dicts.c
	$(call quiet,CC,$@)
	$(Q)$(CC) $(FINAL_CFLAGS) -c -o $@ $<

$(BUILD)/libties.a: $(LIB_OBJ)
	$(call quiet,AR,$@)
	$(Q)rm -f $@ && $(AR) rcs $@ $^

$(BUILD)/$(SONAME): $(LIB_OBJ)
	$(call quiet,LD,$@)
	$(Q)$(CC) -shared -Wl,-soname,$(SONAME) $(FINAL_LDFLAGS) -o $@ $^ $(DEP_LIBS)

# The program links libties statically: it runs from any prefix as is.
ties: $(CLI_OBJ) $(BUILD)/libties.a
	$(call quiet,LD,$@)
	$(Q)$(CC) $(FINAL_LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libties.a $(DEP_LIBS)

ties.pc: ties.pc.in include/ties.h
	$(call quiet,GEN,$@)
	$(Q)sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' \
		-e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' -e 's|@VERSION@|$(VERSION)|' \
		-e 's|@REQUIRES@|$(PKGS)|' $< > $@

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libties.a
	$(call quiet,CC,$@)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(FINAL_CPPFLAGS) $(TEST_CFLAGS) $(FINAL_CFLAGS) $(FINAL_LDFLAGS) \
		-o $@ $< $(BUILD)/libties.a $(DEP_LIBS) $(TEST_LIBS)

# Examples use only ties.h.
$(BUILD)/examples/%: examples/%.c $(BUILD)/libties.a
	$(call quiet,CC,$@)
	@mkdir -p $(dir $@)
	$(Q)$(CC) -Iinclude $(FINAL_CFLAGS) $(FINAL_LDFLAGS) -o $@ $< \
		$(BUILD)/libties.a $(DEP_LIBS)

# ties.h must compile alone under strict C99.
headertest: $(BUILD)/headertest.o
$(BUILD)/headertest.o: include/ties.h include/ties_render.h
	@mkdir -p $(dir $@)
	$(Q)printf '#include "ties.h"\nint main(void) { return 0; }\n' > $(BUILD)/headertest.c
	$(Q)$(CC) -std=c99 -pedantic -Wall -Wextra -Werror -Iinclude -c -o $@ $(BUILD)/headertest.c

demo: all
	$(Q)sh examples/demo.sh ./ties demo.db

# The fuzz harnesses, built with a plain driver: make test replays the
# corpus and every crash kept in tests/fuzz/regressions.
$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/driver.c tests/fuzz/fuzz.h $(BUILD)/libties.a
	$(call quiet,CC,$@)
	@mkdir -p $(dir $@)
	$(Q)$(CC) -Iinclude $(FINAL_CFLAGS) $(FINAL_LDFLAGS) -o $@ $< \
		tests/fuzz/driver.c $(BUILD)/libties.a $(DEP_LIBS)

$(BUILD)/bench/gen: bench/gen.c
	$(call quiet,CC,$@)
	@mkdir -p $(dir $@)
	$(Q)$(CC) -O2 -o $@ $< -lm

test check: all headertest $(UNIT_BIN) $(EXAMPLE_BIN) $(FUZZ_BIN) $(BUILD)/bench/gen
	$(Q)BUILD=$(BUILD) sh tests/run.sh

check-asan asan:
	$(Q)$(MAKE) --no-print-directory BUILD=build-asan \
		OPT='-O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all' \
		LDFLAGS='$(LDFLAGS) -fsanitize=address,undefined' \
		TIES_BIN=build-asan/ties-asan test-asan

# Internal: the test run of the sanitizer build.
.PHONY: test-asan
test-asan: $(BUILD)/libties.a $(UNIT_BIN) $(EXAMPLE_BIN) $(FUZZ_BIN) $(BUILD)/ties-asan $(BUILD)/bench/gen
	$(Q)ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
		LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		BUILD=$(BUILD) TIES=$(BUILD)/ties-asan sh tests/run.sh

$(BUILD)/ties-asan: $(CLI_OBJ) $(BUILD)/libties.a
	$(call quiet,LD,$@)
	$(Q)$(CC) $(FINAL_LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libties.a $(DEP_LIBS)

bench: all
	$(Q)sh bench/run.sh "$(or $(SIZES),$(SIZE),S M)" "$(or $(RUNS),5)"

# libFuzzer: every harness for FUZZ_SECONDS (default 60), new inputs in
# build-fuzz/corpus, merged into tests/fuzz/corpus at the end; crashes in
# build-fuzz/artifacts (keep each in tests/fuzz/regressions once fixed).
FUZZ_SECONDS ?= 60
FUZZ_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined
fuzz:
	$(Q)$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang OPT='$(FUZZ_FLAGS)' \
		build-fuzz/libties.a
	$(Q)for n in $(FUZZ_NAMES); do \
		mkdir -p build-fuzz/corpus/$$n build-fuzz/artifacts && \
		clang -Iinclude -O1 -g -fsanitize=fuzzer,address,undefined \
			-o build-fuzz/fuzz_$$n tests/fuzz/fuzz_$$n.c \
			build-fuzz/libties.a $(DEP_LIBS) || exit 1; \
	done
	$(Q)for n in $(FUZZ_NAMES); do \
		echo "fuzz: $$n for $(FUZZ_SECONDS) s"; \
		ASAN_OPTIONS=detect_leaks=0 build-fuzz/fuzz_$$n -max_total_time=$(FUZZ_SECONDS) \
			-max_len=65536 -timeout=20 -artifact_prefix=build-fuzz/artifacts/$$n- \
			build-fuzz/corpus/$$n tests/fuzz/corpus/$$n 2>build-fuzz/$$n.log || \
			{ tail -n 30 build-fuzz/$$n.log; exit 1; }; \
		grep -E '^(#[0-9]+ *DONE|Done)' build-fuzz/$$n.log | tail -n 1; \
		ASAN_OPTIONS=detect_leaks=0 build-fuzz/fuzz_$$n -merge=1 tests/fuzz/corpus/$$n \
			build-fuzz/corpus/$$n >/dev/null 2>&1; \
	done

check-valgrind: all $(UNIT_BIN) $(EXAMPLE_BIN)
	$(Q)BUILD=$(BUILD) VALGRIND='valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite --suppressions=$(CURDIR)/tests/valgrind.supp' sh tests/run.sh

install: all
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) \
		$(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(PKGCONFIGDIR)
	$(INSTALL) -m 755 ties $(DESTDIR)$(BINDIR)/ties
	$(INSTALL) -m 644 $(BUILD)/libties.a $(DESTDIR)$(LIBDIR)/libties.a
	$(INSTALL) -m 755 $(BUILD)/$(SONAME) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libties.so
	$(INSTALL) -m 644 include/ties.h include/ties_render.h $(DESTDIR)$(INCLUDEDIR)/
	$(INSTALL) -m 644 ties.pc $(DESTDIR)$(PKGCONFIGDIR)/ties.pc
	$(INSTALL) -m 644 man/ties.1 $(DESTDIR)$(MANDIR)/man1/ties.1
	$(INSTALL) -d $(DESTDIR)$(DATADIR)/ties/extract
	$(INSTALL) -m 644 $(DICT_SRC) data/extract/README.md $(DESTDIR)$(DATADIR)/ties/extract/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/ties $(DESTDIR)$(LIBDIR)/libties.a \
		$(DESTDIR)$(LIBDIR)/$(SONAME) $(DESTDIR)$(LIBDIR)/libties.so \
		$(DESTDIR)$(INCLUDEDIR)/ties.h $(DESTDIR)$(INCLUDEDIR)/ties_render.h \
		$(DESTDIR)$(PKGCONFIGDIR)/ties.pc \
		$(DESTDIR)$(MANDIR)/man1/ties.1
	rm -rf $(DESTDIR)$(DATADIR)/ties/extract
	-rmdir $(DESTDIR)$(DATADIR)/ties 2>/dev/null

format:
	clang-format -i include/*.h src/*.h $(LIB_SRC) $(wildcard src/*/*.h) src/cli/*.c src/cli/*.h tests/unit/*.c examples/*.c

clean:
	rm -rf build build-asan build-fuzz ties ties.pc demo.db demo.db-wal demo.db-shm demo.svg demo.html \
		demo-extract.db demo-extract.db-wal demo-extract.db-shm demo-draft

help:
	@echo 'targets: all (default) deps demo test check-asan check-valgrind bench install uninstall clean format'

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
