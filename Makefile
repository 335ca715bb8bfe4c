# tmconv: one non-recursive GNU Makefile.
#
# 'make help' lists the targets.  Directory variables follow the GNU coding
# standards (lowercase), with PREFIX accepted as zstd and the BSDs do.
# Never put a comment after a value on the same line: the blanks before it
# become part of the value.

PACKAGE := tmconv
VERSION := 0.1.0

prefix ?= /usr/local
PREFIX ?= $(prefix)
exec_prefix ?= $(PREFIX)
bindir ?= $(exec_prefix)/bin
libdir ?= $(exec_prefix)/lib
includedir ?= $(PREFIX)/include
datarootdir ?= $(PREFIX)/share
datadir ?= $(datarootdir)
localedir ?= $(datarootdir)/locale
mandir ?= $(datarootdir)/man
man1dir ?= $(mandir)/man1
pkgconfigdir ?= $(libdir)/pkgconfig
pkgdatadir ?= $(datadir)/$(PACKAGE)
DESTDIR ?=

INSTALL ?= install
INSTALL_PROGRAM ?= $(INSTALL) -m 755
INSTALL_DATA ?= $(INSTALL) -m 644
PKG_CONFIG ?= pkg-config
AR ?= ar
MSGFMT ?= msgfmt
XGETTEXT ?= xgettext
MSGMERGE ?= msgmerge

CFLAGS ?= -O2 -g

# Build directory; 'make check-asan' builds a second tree in $(B)/asan.
B ?= build

# Dependencies: pkg-config where the package ships a .pc file.  libgettextpo
# has none, and iconv and libintl are part of glibc.
PC_PKGS := expat libpcre2-8
PC_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(PC_PKGS) 2>/dev/null)
PC_LIBS := $(shell $(PKG_CONFIG) --libs $(PC_PKGS) 2>/dev/null)
PC_UNISTRING := $(shell $(PKG_CONFIG) --exists libunistring 2>/dev/null && echo yes)
ifeq ($(PC_UNISTRING),yes)
PC_CFLAGS += $(shell $(PKG_CONFIG) --cflags libunistring)
UNISTRING_LIBS := $(shell $(PKG_CONFIG) --libs libunistring)
else
UNISTRING_LIBS := -lunistring
endif
DEP_LIBS := $(PC_LIBS) -lgettextpo $(UNISTRING_LIBS) -lpthread -lm

TMC_CPPFLAGS := -Iinclude -Isrc -D_GNU_SOURCE -DPACKAGE='"$(PACKAGE)"' \
	-DVERSION='"$(VERSION)"' -DLOCALEDIR='"$(localedir)"' \
	-DPKGDATADIR='"$(pkgdatadir)"'
TMC_WARN := -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wpointer-arith -Wformat=2 -Wno-format-nonliteral
# The project's flags come first so that the user's CPPFLAGS and CFLAGS
# can add to or override them.
ALL_CFLAGS = $(TMC_CPPFLAGS) $(PC_CFLAGS) $(CPPFLAGS) $(TMC_WARN) $(SAN_FLAGS) $(CFLAGS)
ALL_LDFLAGS = $(SAN_FLAGS) $(SAN_LDFLAGS) $(LDFLAGS)

LIB_SRC := $(sort $(wildcard src/lib/*.c))
CMD_SRC := $(sort $(wildcard src/cmd-*.c))
CLI_SRC := src/main.c src/cli.c $(CMD_SRC)
LIB_OBJ := $(LIB_SRC:%.c=$(B)/%.o)
# The built-in SRX rules, generated (see SRX_GEN below).
LIB_OBJ += $(B)/gen/srx-builtin.o
CLI_OBJ := $(CLI_SRC:%.c=$(B)/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/test-*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
# The fuzz harnesses, also built without libFuzzer to replay their seeds
# and regression inputs in 'make check' (tests/fuzz/replay.c).
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz-*.c))
REPLAY_BIN := $(FUZZ_SRC:tests/fuzz/fuzz-%.c=$(B)/tests/replay-%)
HEADERS := $(sort $(wildcard include/tmconv/*.h))

LINGUAS := $(shell cat po/LINGUAS 2>/dev/null)
MO := $(LINGUAS:%=$(B)/locale/%/LC_MESSAGES/$(PACKAGE).mo)
# Every source file that can hold a translatable string.
POT_SRC := $(sort src/main.c src/cli.c $(CMD_SRC) $(LIB_SRC) $(wildcard src/*.h src/lib/*.h))

SHARED ?= $(abspath ../shared)

.DEFAULT_GOAL := all

## all: the program, the static library and the UI catalogues
all: $(B)/$(PACKAGE) $(B)/lib$(PACKAGE).a $(MO)

$(B)/lib$(PACKAGE).a: $(LIB_OBJ)
	@rm -f $@
	$(AR) rcs $@ $^

# The built-in segmentation rules: src/data/tmconv.srx as a C array in the
# library, so that tmconv segments without anything installed.
SRX_GEN := $(B)/gen/srx-builtin.c

$(SRX_GEN): src/data/tmconv.srx
	@mkdir -p $(@D)
	@{ echo '/* Generated from src/data/tmconv.srx by the Makefile.  */'; \
	  echo '#include <stddef.h>'; \
	  echo 'extern const unsigned char tmc_srx_builtin_data[];'; \
	  echo 'extern const size_t tmc_srx_builtin_size;'; \
	  echo 'const unsigned char tmc_srx_builtin_data[] = {'; \
	  od -An -v -tx1 src/data/tmconv.srx | \
	    sed -e 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  echo '0 };'; \
	  echo 'const size_t tmc_srx_builtin_size = sizeof tmc_srx_builtin_data - 1;'; \
	} > $@.tmp && mv $@.tmp $@

$(B)/gen/srx-builtin.o: $(SRX_GEN)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(B)/$(PACKAGE): $(CLI_OBJ) $(B)/lib$(PACKAGE).a
	$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJ) $(B)/lib$(PACKAGE).a $(DEP_LIBS) $(LIBS)

# The command table: every src/cmd-*.c that defines a command with
# TMC_COMMAND(name, ...) at the start of a line gets a row.  A new command
# is one new file; there is no list to edit.
$(B)/src/commands.h: $(CMD_SRC) Makefile
	@mkdir -p $(@D)
	@sed -n 's/^TMC_COMMAND *( *\([a-z0-9_]*\) *,.*/TMC_CMD(\1)/p' $(CMD_SRC) > $@.tmp
	@mv $@.tmp $@

$(B)/src/main.o: $(B)/src/commands.h

$(B)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -I$(B)/src -MT $@ -MMD -MP -MF $(@:.o=.d) -c -o $@ $<

$(B)/tests/test-%: tests/unit/test-%.c tests/unit/test.h $(B)/lib$(PACKAGE).a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/unit $(ALL_LDFLAGS) -o $@ $< $(B)/lib$(PACKAGE).a $(DEP_LIBS) $(LIBS)

$(B)/tests/replay-%: tests/fuzz/fuzz-%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(B)/lib$(PACKAGE).a
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/fuzz -DFUZZ_NAME='"$*"' $(ALL_LDFLAGS) -o $@ \
	  $< tests/fuzz/replay.c $(B)/lib$(PACKAGE).a $(DEP_LIBS) $(LIBS)

$(B)/locale/%/LC_MESSAGES/$(PACKAGE).mo: po/%.po
	@mkdir -p $(@D)
	$(MSGFMT) --check -o $@ $<

# tmconv.pc is written at install time, so that it names the directories
# of that install (PREFIX and libdir may differ from those of the build).
define write_pc
	@{ echo 'prefix=$(PREFIX)'; \
	  echo 'exec_prefix=$(exec_prefix)'; \
	  echo 'libdir=$(libdir)'; \
	  echo 'includedir=$(includedir)'; \
	  echo; \
	  echo 'Name: $(PACKAGE)'; \
	  echo 'Description: align Azerbaijani, Persian and English reports into TMX and PO'; \
	  echo 'Version: $(VERSION)'; \
	  echo 'Requires.private: $(PC_PKGS)$(if $(PC_UNISTRING), libunistring)'; \
	  echo 'Cflags: -I$${includedir}'; \
	  echo 'Libs: -L$${libdir} -l$(PACKAGE)'; \
	  echo 'Libs.private: -lgettextpo$(if $(PC_UNISTRING),, -lunistring) -lpthread -lm'; \
	} > $(1)
endef

# The tests run CHECK_JOBS at a time (tests/run.sh -j); TESTS selects
# some by name or pattern, e.g. make check TESTS='cli/align unit/test-tmx'.
CHECK_JOBS ?= 2
TESTS ?=
# Each pattern quoted, so that the shell of the recipe does not expand it.
TESTS_ARGS = $(foreach t,$(TESTS),'$(t)')

## check: unit tests, CLI tests and catalogue checks; last line 'N passed, N failed'
check: all $(UNIT_BIN) $(REPLAY_BIN)
	@TMCONV_LOCALEDIR=$(abspath $(B)/locale) SHARED=$(SHARED) \
	  sh tests/run.sh --build $(abspath $(B)) -j $(CHECK_JOBS) \
	  $(UNIT_BIN) $(REPLAY_BIN) $(TESTS_ARGS)

## check-asan: the same tests, built with AddressSanitizer and UBSan
# With GCC, UBSan linked statically: only then does it honour log_path,
# through which tests/run.sh sees every report, even of a command whose
# output and status a test throws away.
SAN_LDFLAGS_GCC := $(shell $(CC) -v 2>&1 | grep -q '^gcc version' && echo -static-libubsan)
check-asan:
	@$(MAKE) --no-print-directory B=$(B)/asan \
	  SAN_FLAGS='-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer' \
	  SAN_LDFLAGS='$(SAN_LDFLAGS_GCC)' check

## check-valgrind: the CLI tests under valgrind memcheck
check-valgrind: all $(UNIT_BIN)
	@TMCONV_LOCALEDIR=$(abspath $(B)/locale) SHARED=$(SHARED) TMC_VALGRIND=1 \
	  sh tests/run.sh --build $(abspath $(B)) -j $(CHECK_JOBS) $(UNIT_BIN) $(TESTS_ARGS)

## fuzz: the libFuzzer harnesses tests/fuzz/fuzz-*.c (clang), in build/fuzz
# The library is built a third time, with coverage for libFuzzer and the
# sanitizers; each harness links it with libFuzzer's main.
FUZZ_CC ?= clang
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined \
	-fno-omit-frame-pointer
fuzz:
	@command -v $(FUZZ_CC) >/dev/null 2>&1 || { \
	  echo "make fuzz needs $(FUZZ_CC) and libFuzzer (Debian: clang libclang-rt-14-dev; make deps-integration)" >&2; \
	  exit 2; }
	@$(MAKE) --no-print-directory B=$(B)/fuzz CC=$(FUZZ_CC) \
	  SAN_FLAGS='$(FUZZ_SAN) -fsanitize=fuzzer-no-link' fuzz-harnesses

fuzz-harnesses: $(FUZZ_SRC:tests/fuzz/%.c=$(B)/%)

$(B)/fuzz-%: tests/fuzz/fuzz-%.c tests/fuzz/fuzz.h $(B)/lib$(PACKAGE).a
	$(CC) $(ALL_CFLAGS) -Itests/fuzz -fsanitize=fuzzer $(ALL_LDFLAGS) \
	  -o $@ $< $(B)/lib$(PACKAGE).a $(DEP_LIBS) $(LIBS)

## fuzz-run: run each harness (FUZZ="text po": some) FUZZ_SECONDS (default 60)
FUZZ_SECONDS ?= 60
fuzz-run: fuzz
	@sh tests/fuzz/run.sh --build $(abspath $(B)/fuzz) \
	  --seconds $(FUZZ_SECONDS) $(FUZZ)

## check-integration: real clients (xmllint, OmegaT, translate-toolkit, Chromium)
check-integration: all
	@TMCONV_LOCALEDIR=$(abspath $(B)/locale) SHARED=$(SHARED) \
	  sh tests/run.sh --build $(abspath $(B)) -j $(CHECK_JOBS) \
	  --cli-dir tests/integration $(TESTS_ARGS)

## bench: speed, memory and quality figures, side by side with peers
bench: all
	@SHARED=$(SHARED) sh tests/bench/run.sh $(abspath $(B))

## demo: install what is missing, build, and run the main job on tm/samples
demo:
	@sh .ci/deps
	@$(MAKE) --no-print-directory all
	@sh tests/demo.sh $(abspath $(B))

## deps: install the Debian packages that are missing (as root), else print the command
deps:
	@sh .ci/deps

## deps-integration: also the real clients used by check-integration
deps-integration:
	@sh .ci/deps --integration

## install: program, library, headers, tmconv.pc, man page, catalogues
install: all
	$(INSTALL) -d $(DESTDIR)$(bindir) $(DESTDIR)$(libdir) \
	  $(DESTDIR)$(includedir)/$(PACKAGE) $(DESTDIR)$(pkgconfigdir) \
	  $(DESTDIR)$(man1dir) $(DESTDIR)$(pkgdatadir)
	$(INSTALL_PROGRAM) $(B)/$(PACKAGE) $(DESTDIR)$(bindir)/$(PACKAGE)
	$(INSTALL_DATA) $(B)/lib$(PACKAGE).a $(DESTDIR)$(libdir)/lib$(PACKAGE).a
	$(INSTALL_DATA) $(HEADERS) $(DESTDIR)$(includedir)/$(PACKAGE)/
	$(call write_pc,$(B)/$(PACKAGE).pc)
	$(INSTALL_DATA) $(B)/$(PACKAGE).pc $(DESTDIR)$(pkgconfigdir)/$(PACKAGE).pc
	$(INSTALL_DATA) src/$(PACKAGE).1 $(DESTDIR)$(man1dir)/$(PACKAGE).1
	@set -e; for f in $(wildcard src/data/*); do \
	  echo "$(INSTALL_DATA) $$f $(DESTDIR)$(pkgdatadir)/"; \
	  $(INSTALL_DATA) $$f $(DESTDIR)$(pkgdatadir)/; done
	@set -e; for l in $(LINGUAS); do \
	  d=$(DESTDIR)$(localedir)/$$l/LC_MESSAGES; \
	  $(INSTALL) -d $$d; \
	  echo "$(INSTALL_DATA) $(B)/locale/$$l/LC_MESSAGES/$(PACKAGE).mo $$d/"; \
	  $(INSTALL_DATA) $(B)/locale/$$l/LC_MESSAGES/$(PACKAGE).mo $$d/; \
	done

## uninstall: remove what install put in place
uninstall:
	rm -f $(DESTDIR)$(bindir)/$(PACKAGE) $(DESTDIR)$(libdir)/lib$(PACKAGE).a \
	  $(DESTDIR)$(pkgconfigdir)/$(PACKAGE).pc $(DESTDIR)$(man1dir)/$(PACKAGE).1
	rm -f $(HEADERS:include/$(PACKAGE)/%=$(DESTDIR)$(includedir)/$(PACKAGE)/%)
	-rmdir $(DESTDIR)$(includedir)/$(PACKAGE) 2>/dev/null
	rm -rf $(DESTDIR)$(pkgdatadir)
	@for l in $(LINGUAS); do \
	  echo "rm -f $(DESTDIR)$(localedir)/$$l/LC_MESSAGES/$(PACKAGE).mo"; \
	  rm -f $(DESTDIR)$(localedir)/$$l/LC_MESSAGES/$(PACKAGE).mo; \
	done

## pot: regenerate po/tmconv.pot from the sources
# Locations are file names only, so the template does not change with every
# edit that moves a line.  POT_OUT lets the tests write a fresh one elsewhere.
POT_OUT ?= po/$(PACKAGE).pot
pot:
	$(XGETTEXT) -o $(POT_OUT).new --from-code=UTF-8 --add-location=file \
	  --add-comments=TRANSLATORS: --keyword=_ --keyword=N_ \
	  --keyword=ngettext:1,2 --flag=_:1:pass-c-format \
	  --flag=N_:1:pass-c-format --package-name=$(PACKAGE) \
	  --package-version=$(VERSION) \
	  --msgid-bugs-address='https://github.com/tmconv/tmconv/issues' \
	  --copyright-holder='the tmconv authors' \
	  --sort-by-file $(POT_SRC)
	@# Keep the file when only the creation date changed, so the tree stays clean.
	@if [ -f $(POT_OUT) ] && \
	  diff -q -I '^"POT-Creation-Date:' $(POT_OUT) $(POT_OUT).new >/dev/null; then \
	  rm -f $(POT_OUT).new; \
	else mv $(POT_OUT).new $(POT_OUT); fi

## update-po: regenerate the template and merge it into po/*.po
update-po: pot
	@set -e; for l in $(LINGUAS); do \
	  echo "$(MSGMERGE) --update --backup=none --previous --add-location=file po/$$l.po po/$(PACKAGE).pot"; \
	  $(MSGMERGE) --quiet --update --backup=none --previous --add-location=file po/$$l.po po/$(PACKAGE).pot; \
	done

## clean: remove the build tree
clean:
	rm -rf $(B)

## help: list the targets
help:
	@sed -n 's/^## //p' Makefile

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)

.PHONY: all check check-asan check-valgrind check-integration bench demo \
	fuzz fuzz-harnesses fuzz-run deps deps-integration install uninstall pot update-po clean help
