# SPDX-License-Identifier: GPL-2.0-or-later
# PPID kiosk: one non-recursive GNU Makefile. Objects live under $(BUILD).
#
#   make            build the programs            make test    deps + build + every test (+ASan/UBSan)
#   make run        demo in simulation mode       make bench   benchmarks, a table
#   make install    DESTDIR/PREFIX honoured       make format-check
#
# SAN=1 builds with AddressSanitizer + UndefinedBehaviorSanitizer into build/asan.
# WERROR=1 (set by CI) turns warnings into errors.  V=1 shows full commands.

PREFIX   ?= /usr/local
DESTDIR  ?=
PKG_CONFIG ?= pkg-config
CC       ?= cc
SAN      ?= 0
WERROR   ?= 0

ifeq ($(SAN),1)
BUILD    ?= build/asan
else
BUILD    ?= build
endif

ifeq ($(V),1)
Q :=
quiet = @true
else
Q := @
quiet = @printf '  %-7s %s\n' $(1) $(2)
endif

# ---- libraries --------------------------------------------------------------
CORE_PKGS := sqlite3 inih glib-2.0 pangocairo cairo-pdf fontconfig libqrencode
HAVE_LIBGPIOD := $(shell $(PKG_CONFIG) --exists libgpiod 2>/dev/null && echo 1)
DRV_PKGS  := $(if $(HAVE_LIBGPIOD),libgpiod)
CONSOLE_PKGS := ncursesw

# Quiet: a missing package is reported once, below, not by pkg-config.
pkg_cflags = $(shell $(PKG_CONFIG) --cflags $(1) 2>/dev/null)
pkg_libs   = $(shell $(PKG_CONFIG) --libs $(1) 2>/dev/null)
CUPS_CFLAGS := $(shell cups-config --cflags 2>/dev/null)
CUPS_LIBS   := $(shell cups-config --libs 2>/dev/null)

# Missing packages, checked quietly before anything is built (one shell).
# `make test`, `make run` and `make deps` install them first (deps.sh); any
# other build goal stops here with the list and the command to install.
NODEPS_GOALS := test run deps clean format format-check uninstall
DEPS_SET := $(if $(filter tests-build test-hw bench $(BUILD)/tests/%,$(MAKECMDGOALS)),test,build)
MISSING := $(strip $(shell for p in $(CORE_PKGS) $(CONSOLE_PKGS) \
	$(if $(filter test,$(DEPS_SET)),cmocka); do \
	$(PKG_CONFIG) --exists $$p 2>/dev/null || printf '%s ' $$p; done; \
	for c in $(firstword $(CC)) cups-config xxd; do \
	command -v $$c >/dev/null 2>&1 || printf '%s ' $$c; done))
ifneq ($(MISSING),)
ifneq ($(filter-out $(NODEPS_GOALS),$(or $(MAKECMDGOALS),all)),)
$(info ppid: this machine lacks what the build needs: $(MISSING))
MISSING_DEBS := $(shell sh assets/deps.sh $(DEPS_SET) --check 2>/dev/null)
$(if $(MISSING_DEBS),$(info ppid: missing Debian packages: $(MISSING_DEBS)))
$(info ppid: install them with:  sudo sh assets/deps.sh $(DEPS_SET))
$(error missing packages (see above))
endif
endif

WARN := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wformat=2 -Wundef -Wconversion -Wno-sign-conversion
ifeq ($(WERROR),1)
WARN += -Werror
endif

CFLAGS ?= -O2 -g
ALL_CFLAGS := -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) -MMD -MP \
	-I$(BUILD)/gen -Ifirmware -Idrivers \
	$(call pkg_cflags,$(CORE_PKGS) $(DRV_PKGS)) $(CUPS_CFLAGS) \
	$(if $(HAVE_LIBGPIOD),-DHAVE_LIBGPIOD=1)
ALL_LDFLAGS := $(LDFLAGS)
LIBS := $(call pkg_libs,$(CORE_PKGS) $(DRV_PKGS)) $(CUPS_LIBS) -lutil -lpthread -lm

ifeq ($(SAN),1)
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
ALL_CFLAGS += $(SANFLAGS) -O1
ALL_LDFLAGS += $(SANFLAGS)
endif

# ---- sources ----------------------------------------------------------------
CORE_SRC    := $(wildcard firmware/*.c)
DRV_SRC     := $(filter-out $(if $(HAVE_LIBGPIOD),,drivers/gpio_gpiod.c),$(wildcard drivers/*.c))
CONSOLE_SRC := $(wildcard firmware/console/*.c)
SQL         := $(sort $(wildcard sql/[0-9]*.sql))
TEST_SRC    := $(wildcard tests/unit/test_*.c)
BENCH_SRC   := $(wildcard tests/bench/bench_*.c)

obj = $(patsubst %.c,$(BUILD)/obj/%.o,$(1))
CORE_LIB    := $(BUILD)/libppidcore.a
DRV_LIB     := $(BUILD)/libppiddrivers.a
CONSOLE     := $(BUILD)/ppid-console
TESTS       := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(TEST_SRC))
BENCHES     := $(patsubst tests/bench/%.c,$(BUILD)/bench/%,$(BENCH_SRC))
GEN         := $(BUILD)/gen/migrations.h

.PHONY: all test tests-build test-hw run bench install uninstall clean format format-check deps fuzz
.SECONDARY:
all: $(CONSOLE)

# Per-test link extras (for -Wl,--wrap) live beside the test: tests/unit/test_x.mk
# defines TEST_LDFLAGS_test_x.
-include $(wildcard tests/unit/*.mk)

# sql/NNNN_name.sql -> one C string each, so the binary cannot drift from sql/.
$(GEN): $(SQL) tests/lib/gen-migrations.sh
	$(call quiet,GEN,$@)
	$(Q)mkdir -p $(@D) && sh tests/lib/gen-migrations.sh $(SQL) > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/%.o: %.c | $(GEN)
	$(call quiet,CC,$<)
	$(Q)mkdir -p $(@D) && $(CC) $(ALL_CFLAGS) -c -o $@ $<

$(CORE_LIB): $(call obj,$(CORE_SRC))
	$(call quiet,AR,$@)
	$(Q)rm -f $@ && ar rcs $@ $^

$(DRV_LIB): $(call obj,$(DRV_SRC))
	$(call quiet,AR,$@)
	$(Q)rm -f $@ && ar rcs $@ $^

$(CONSOLE): $(call obj,$(CONSOLE_SRC)) $(CORE_LIB) $(DRV_LIB)
	$(call quiet,LINK,$@)
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $(call obj,$(CONSOLE_SRC)) $(CORE_LIB) $(DRV_LIB) $(LIBS) $(call pkg_libs,$(CONSOLE_PKGS))

$(BUILD)/tests/%: $(BUILD)/obj/tests/unit/%.o $(CORE_LIB) $(DRV_LIB)
	$(call quiet,LINK,$@)
	$(Q)mkdir -p $(@D) && $(CC) $(ALL_LDFLAGS) $(TEST_LDFLAGS_$*) -o $@ $< $(CORE_LIB) $(DRV_LIB) $(LIBS) $(call pkg_libs,cmocka)

$(BUILD)/bench/%: $(BUILD)/obj/tests/bench/%.o $(CORE_LIB) $(DRV_LIB)
	$(call quiet,LINK,$@)
	$(Q)mkdir -p $(@D) && $(CC) $(ALL_LDFLAGS) -o $@ $< $(CORE_LIB) $(DRV_LIB) $(LIBS)

tests-build: $(CONSOLE) $(TESTS) $(BENCHES)

# ---- fuzzing (clang + libFuzzer), one harness per parser -------------------
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
fuzz:
	$(Q)$(MAKE) --no-print-directory CC=clang BUILD=build/fuzz SAN=0 \
		CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined" \
		build/fuzz/libppidcore.a
	$(Q)for f in $(FUZZ_SRC); do n=$$(basename $$f .c); \
		printf '  %-7s %s\n' FUZZLD build/fuzz/$$n; \
		clang -std=c11 -D_GNU_SOURCE -O1 -g -fsanitize=fuzzer,address,undefined \
		-Ifirmware -Ibuild/fuzz/gen -o build/fuzz/$$n $$f build/fuzz/libppidcore.a \
		$(LIBS) || exit 1; done

# ---- the two commands --------------------------------------------------------
test:
	$(Q)sh assets/deps.sh test
	$(Q)$(MAKE) --no-print-directory BUILD=build SAN=0 tests-build
	$(Q)$(MAKE) --no-print-directory BUILD=build/asan SAN=1 tests-build
	$(Q)$(MAKE) --no-print-directory CC=clang BUILD=build/clang WERROR=1 all
	$(Q)$(MAKE) --no-print-directory fuzz
	$(Q)sh tests/run.sh build build/asan

run:
	$(Q)sh assets/deps.sh build
	$(Q)$(MAKE) --no-print-directory $(CONSOLE)
	$(Q)sh assets/demo.sh $(BUILD)

# Hardware-level tests (gpio-sim, a real input device): skip cleanly without them.
test-hw: tests-build
	$(Q)sh tests/hw/run.sh $(BUILD)

bench: tests-build
	$(Q)sh tests/bench/run.sh $(BUILD)

deps:
	$(Q)sh assets/deps.sh test

# ---- install -----------------------------------------------------------------
install: $(CONSOLE)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)/etc/ppid-kiosk
	install -m 0755 $(CONSOLE) $(DESTDIR)$(PREFIX)/bin/ppid-console
	install -m 0644 assets/kiosk.conf $(DESTDIR)/etc/ppid-kiosk/kiosk.conf.example

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/ppid-console $(DESTDIR)/etc/ppid-kiosk/kiosk.conf.example

clean:
	rm -rf build

FORMAT_FILES = $(shell git ls-files '*.c' '*.h' 2>/dev/null)
format:
	clang-format -i $(FORMAT_FILES)
format-check:
	$(Q)clang-format --dry-run -Werror $(FORMAT_FILES) && echo "format ok"

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
