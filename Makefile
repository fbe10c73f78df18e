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

# ---- libraries, per layer (DESIGN.md section 2) ---------------------------
# (pkg-config is asked quietly: a missing package is reported once, below.)
# Each layer is compiled with only its own include paths and libraries, so a
# wrong #include fails to compile:
#   base      firmware/base: log, below everything; libc only
#   drivers   drivers/: base + the hardware libraries (each optional: without
#             it that backend is skipped and its open call fails with ENOSYS)
#   core      firmware/*.c: base + the drivers' plain headers + the core's
#             libraries; never CUPS, SDL, ncurses or a hardware library
#   console   firmware/console/: the core's view + ncurses
#   ui        ui/: base + SDL only (no SQLite, CUPS or GPIO)
#   tests     whatever they test; driver tests see only drivers + base
pkg_exists = $(shell $(PKG_CONFIG) --exists $(1) 2>/dev/null && echo 1)
pkg_cflags = $(if $(strip $(1)),$(shell $(PKG_CONFIG) --cflags $(1) 2>/dev/null))
pkg_libs   = $(if $(strip $(1)),$(shell $(PKG_CONFIG) --libs $(1) 2>/dev/null))

HAVE_LIBGPIOD := $(call pkg_exists,libgpiod)
# The evdev card reader needs both: libudev finds it, libevdev decodes it.
HAVE_LIBEVDEV := $(and $(call pkg_exists,libevdev),$(call pkg_exists,libudev))
DRV_PKGS := $(if $(HAVE_LIBGPIOD),libgpiod) $(if $(HAVE_LIBEVDEV),libevdev libudev)
DRV_DEFS := $(if $(HAVE_LIBGPIOD),-DHAVE_LIBGPIOD=1) $(if $(HAVE_LIBEVDEV),-DHAVE_LIBEVDEV=1)
CUPS_CFLAGS := $(shell cups-config --cflags 2>/dev/null)
CUPS_LIBS   := $(shell cups-config --libs 2>/dev/null)

CORE_PKGS    := sqlite3 inih glib-2.0 pangocairo cairo-pdf fontconfig libqrencode libcrypt
CONSOLE_PKGS := ncursesw
UI_PKGS      := sdl2 SDL2_ttf
KIOSK_PKGS   := libpng libsystemd wayland-client x11

# Missing packages, checked quietly before anything is built (one shell).
# `make test`, `make run` and `make deps` install them first (deps.sh); any
# other build goal stops here with the list and the command to install.
NODEPS_GOALS := test run deps clean format format-check uninstall package test-package cross test-cross
DEPS_SET := $(if $(filter tests-build test-hw bench $(BUILD)/tests/%,$(MAKECMDGOALS)),test,build)
MISSING := $(strip $(shell for p in $(CORE_PKGS) $(CONSOLE_PKGS) $(UI_PKGS) $(KIOSK_PKGS) \
	$(if $(filter test,$(DEPS_SET)),cmocka); do \
	$(PKG_CONFIG) --exists $$p 2>/dev/null || printf '%s ' $$p; done; \
	for c in $(firstword $(CC)) cups-config xxd; do \
	command -v $$c >/dev/null 2>&1 || printf '%s ' $$c; done; \
	[ -e /usr/include/csv.h ] || printf 'libcsv '))
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
COMMON_CFLAGS := -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) -MMD -MP
ALL_LDFLAGS := $(LDFLAGS)
ifeq ($(SAN),1)
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
COMMON_CFLAGS += $(SANFLAGS) -O1
ALL_LDFLAGS += $(SANFLAGS)
endif

# Headers that sit in /usr/include need no -I, so each layer's include path
# starts with stand-ins for the ones it must not use: #error, not a quiet
# success (a stand-in is build/deny/LAYER/HEADER).
CORE_DENY := cups/cups.h cups/ipp.h SDL2/SDL.h curses.h ncurses.h \
	ncursesw/curses.h gpiod.h libudev.h
DRV_DENY  := sqlite3.h ini.h qrencode.h SDL2/SDL.h curses.h ncurses.h \
	ncursesw/curses.h
UI_DENY   := sqlite3.h ini.h cups/cups.h cups/ipp.h gpiod.h libudev.h
deny = $(addprefix $(BUILD)/deny/$(1)/,$(2))

BASE_CFLAGS := $(COMMON_CFLAGS) -Ifirmware/base
DRV_CFLAGS  := $(COMMON_CFLAGS) -I$(BUILD)/deny/drivers -Idrivers -Ifirmware/base \
	$(call pkg_cflags,$(DRV_PKGS)) $(CUPS_CFLAGS) $(DRV_DEFS)
CORE_CFLAGS := $(COMMON_CFLAGS) -I$(BUILD)/deny/core -I$(BUILD)/gen -Ifirmware \
	-Ifirmware/base -Idrivers $(call pkg_cflags,$(CORE_PKGS))
CONSOLE_CFLAGS := $(filter-out -I$(BUILD)/deny/core,$(CORE_CFLAGS)) \
	$(call pkg_cflags,$(CONSOLE_PKGS))
# Recursive: pkg-config runs only once ui/ has sources (SDL may be absent).
UI_CFLAGS    = $(COMMON_CFLAGS) -I$(BUILD)/deny/ui -Iui -Ifirmware/base \
	$(shell $(PKG_CONFIG) --cflags $(UI_PKGS) 2>/dev/null)
UI_LIBS      = $(shell $(PKG_CONFIG) --libs $(UI_PKGS) 2>/dev/null) -lm
# The kiosk program (main.c, kiosk_ui.c, kiosk_demo.c): the one place that
# sees both the core's kiosk headers and ui/ (ui/ never includes firmware).
KIOSK_MAIN_CFLAGS = $(filter-out -I$(BUILD)/deny/core,$(CORE_CFLAGS)) -Ifirmware/kiosk \
	-Iui $(shell $(PKG_CONFIG) --cflags $(UI_PKGS) $(KIOSK_PKGS) 2>/dev/null)
KIOSK_MAIN_LIBS = $(UI_LIBS) $(shell $(PKG_CONFIG) --libs $(KIOSK_PKGS) 2>/dev/null)
DRV_TEST_CFLAGS := $(DRV_CFLAGS) $(call pkg_cflags,cmocka)
UI_TEST_CFLAGS   = $(UI_CFLAGS) $(call pkg_cflags,cmocka)
TEST_CFLAGS := $(filter-out -I$(BUILD)/deny/core,$(CORE_CFLAGS)) \
	$(call pkg_cflags,$(DRV_PKGS) cmocka) $(CUPS_CFLAGS) $(DRV_DEFS)

DRV_LIBS  := $(call pkg_libs,$(DRV_PKGS)) $(CUPS_LIBS)
CORE_LIBS := $(call pkg_libs,$(CORE_PKGS)) -lcsv -lm
TEST_LIBS := $(call pkg_libs,cmocka) -lutil

# ---- sources ----------------------------------------------------------------
DRV_SKIP    := $(if $(HAVE_LIBGPIOD),,drivers/gpio_gpiod.c) \
	$(if $(HAVE_LIBEVDEV),,drivers/cardreader_evdev.c)
BASE_SRC    := $(wildcard firmware/base/*.c)
CORE_SRC    := $(wildcard firmware/*.c)
DRV_SRC     := $(filter-out $(DRV_SKIP),$(wildcard drivers/*.c))
CONSOLE_SRC := $(wildcard firmware/console/*.c)
UI_SRC      := $(wildcard ui/*.c)
KIOSK_MAIN_SRC := $(wildcard firmware/kiosk/main*.c) $(wildcard firmware/kiosk/kiosk_ui*.c) firmware/kiosk/kiosk_demo.c
KIOSK_SRC   := $(filter-out $(KIOSK_MAIN_SRC),$(wildcard firmware/kiosk/*.c))
SQL         := $(sort $(wildcard sql/[0-9]*.sql))
TEST_SRC    := $(wildcard tests/unit/test_*.c)
# Driver tests are built like the drivers and linked without the core: each
# one shows that the drivers library stands on its own.
DRV_TEST_SRC := $(filter tests/unit/test_cardreader% tests/unit/test_debounce% \
	tests/unit/test_gpio%,$(TEST_SRC))
# The kiosk's flow and engine tests link the kiosk library.
# The kiosk's screens: built like the program (kiosk + ui), linked with both.
KIOSK_UI_TEST_SRC := $(filter tests/unit/test_kiosk_ui%,$(TEST_SRC))
FLOW_TEST_SRC := $(filter-out $(KIOSK_UI_TEST_SRC),$(filter tests/unit/test_flow% \
	tests/unit/test_kiosk%,$(TEST_SRC)))
# UI tests are built like ui/ (SDL + base only) and linked without the core.
UI_TEST_SRC := $(filter tests/unit/test_ui_%,$(TEST_SRC))
BENCH_SRC   := $(wildcard tests/bench/bench_*.c)
UI_BENCH_SRC := $(filter tests/bench/bench_ui%,$(BENCH_SRC))
# The kiosk's benches: built like the program (kiosk + ui), linked with both.
KIOSK_BENCH_SRC := $(filter tests/bench/bench_kiosk%,$(BENCH_SRC))
# The kiosk's yardstick (tests/bench/kiosk.sh): SDL2 + SDL2_ttf alone.
MINIMAL_SDL_SRC := tests/bench/minimal_sdl.c

obj = $(patsubst %.c,$(BUILD)/obj/%.o,$(1))
BASE_LIB    := $(BUILD)/libppidbase.a
CORE_LIB    := $(BUILD)/libppidcore.a
DRV_LIB     := $(BUILD)/libppiddrivers.a
KIOSK_LIB   := $(BUILD)/libppidkiosk.a
UI_LIB      := $(BUILD)/libppidui.a
CONSOLE     := $(BUILD)/ppid-console
KIOSK       := $(BUILD)/ppid-kiosk
TESTS       := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(TEST_SRC))
DRV_TESTS   := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(DRV_TEST_SRC))
FLOW_TESTS  := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(FLOW_TEST_SRC))
UI_TESTS    := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UI_TEST_SRC))
KIOSK_UI_TESTS := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(KIOSK_UI_TEST_SRC))
BENCHES     := $(patsubst tests/bench/%.c,$(BUILD)/bench/%,$(BENCH_SRC))
UI_BENCHES  := $(patsubst tests/bench/%.c,$(BUILD)/bench/%,$(UI_BENCH_SRC))
KIOSK_BENCHES := $(patsubst tests/bench/%.c,$(BUILD)/bench/%,$(KIOSK_BENCH_SRC))
MINIMAL_SDL := $(BUILD)/bench/minimal-sdl
GEN         := $(BUILD)/gen/migrations.h

.PHONY: all test tests-build test-hw run bench install uninstall package test-package cross test-cross clean format format-check deps fuzz layers-check screens
.SECONDARY:
all: $(CONSOLE) $(KIOSK) $(KIOSK_LIB) $(UI_LIB)

# Per-test link extras (for -Wl,--wrap) live beside the test: tests/unit/test_x.mk
# defines TEST_LDFLAGS_test_x.
-include $(wildcard tests/unit/*.mk)

# sql/NNNN_name.sql -> one C string each, so the binary cannot drift from sql/.
$(GEN): $(SQL) tests/lib/gen-migrations.sh
	$(call quiet,GEN,$@)
	$(Q)mkdir -p $(@D) && sh tests/lib/gen-migrations.sh $(SQL) > $@.tmp && mv $@.tmp $@

$(BUILD)/deny/%:
	$(Q)mkdir -p $(@D) && printf '#error "<%s> is not for this layer (DESIGN.md section 2)"\n' \
		'$(patsubst $(firstword $(subst /, ,$*))/%,%,$*)' > $@

# compile FLAGS: one object, with the flags of the layer it belongs to.
define compile
	$(call quiet,CC,$<)
	$(Q)mkdir -p $(@D) && $(CC) $(1) -c -o $@ $<
endef

$(call obj,$(BASE_SRC)): $(BUILD)/obj/%.o: %.c
	$(call compile,$(BASE_CFLAGS))
$(call obj,$(DRV_SRC)): $(BUILD)/obj/%.o: %.c | $(call deny,drivers,$(DRV_DENY))
	$(call compile,$(DRV_CFLAGS))
$(call obj,$(CORE_SRC)): $(BUILD)/obj/%.o: %.c | $(GEN) $(call deny,core,$(CORE_DENY))
	$(call compile,$(CORE_CFLAGS))
$(call obj,$(CONSOLE_SRC)): $(BUILD)/obj/%.o: %.c
	$(call compile,$(CONSOLE_CFLAGS))
$(call obj,$(KIOSK_SRC)): $(BUILD)/obj/%.o: %.c | $(GEN) $(call deny,core,$(CORE_DENY))
	$(call compile,$(CORE_CFLAGS) -Ifirmware/kiosk)
$(call obj,$(UI_SRC)): $(BUILD)/obj/%.o: %.c | $(call deny,ui,$(UI_DENY))
	$(call compile,$(UI_CFLAGS))
$(call obj,$(KIOSK_MAIN_SRC)): $(BUILD)/obj/%.o: %.c | $(GEN)
	$(call compile,$(KIOSK_MAIN_CFLAGS))
$(call obj,$(KIOSK_UI_TEST_SRC)): $(BUILD)/obj/%.o: %.c | $(GEN)
	$(call compile,$(KIOSK_MAIN_CFLAGS) $(call pkg_cflags,cmocka))
$(call obj,$(KIOSK_BENCH_SRC)): $(BUILD)/obj/%.o: %.c | $(GEN)
	$(call compile,$(KIOSK_MAIN_CFLAGS))
$(call obj,$(MINIMAL_SDL_SRC)): $(BUILD)/obj/%.o: %.c | $(call deny,ui,$(UI_DENY))
	$(call compile,$(COMMON_CFLAGS) -I$(BUILD)/deny/ui $(shell $(PKG_CONFIG) --cflags $(UI_PKGS) 2>/dev/null))
$(call obj,$(DRV_TEST_SRC)): $(BUILD)/obj/%.o: %.c | $(call deny,drivers,$(DRV_DENY))
	$(call compile,$(DRV_TEST_CFLAGS))
$(call obj,$(FLOW_TEST_SRC)): $(BUILD)/obj/%.o: %.c
	$(call compile,$(TEST_CFLAGS) -Ifirmware/kiosk)
$(call obj,$(UI_TEST_SRC) $(UI_BENCH_SRC)): $(BUILD)/obj/%.o: %.c | $(call deny,ui,$(UI_DENY))
	$(call compile,$(UI_TEST_CFLAGS))
$(call obj,$(filter-out $(DRV_TEST_SRC) $(FLOW_TEST_SRC) $(UI_TEST_SRC) $(KIOSK_UI_TEST_SRC),$(TEST_SRC)) \
		$(filter-out $(UI_BENCH_SRC) $(KIOSK_BENCH_SRC),$(BENCH_SRC))): $(BUILD)/obj/%.o: %.c
	$(call compile,$(TEST_CFLAGS))

$(BASE_LIB): $(call obj,$(BASE_SRC))
$(DRV_LIB): $(call obj,$(DRV_SRC))
$(CORE_LIB): $(call obj,$(CORE_SRC))
$(KIOSK_LIB): $(call obj,$(KIOSK_SRC))
$(UI_LIB): $(call obj,$(UI_SRC))
$(BASE_LIB) $(DRV_LIB) $(CORE_LIB) $(KIOSK_LIB) $(UI_LIB):
	$(call quiet,AR,$@)
	$(Q)rm -f $@ && ar rcs $@ $^

# Libraries in dependency order: core, then drivers, then base.
APP_LIBS := $(CORE_LIB) $(DRV_LIB) $(BASE_LIB)

$(CONSOLE): $(call obj,$(CONSOLE_SRC)) $(APP_LIBS)
	$(call quiet,LINK,$@)
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $(call obj,$(CONSOLE_SRC)) $(APP_LIBS) \
		$(CORE_LIBS) $(DRV_LIBS) $(call pkg_libs,$(CONSOLE_PKGS))

# The kiosk: its program objects, the engine, the UI toolkit, the core.
KIOSK_OBJS := $(call obj,$(KIOSK_MAIN_SRC))
KIOSK_APP_LIBS := $(KIOSK_LIB) $(UI_LIB) $(APP_LIBS)
$(KIOSK): $(KIOSK_OBJS) $(KIOSK_APP_LIBS)
	$(call quiet,LINK,$@)
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $(KIOSK_OBJS) $(KIOSK_APP_LIBS) \
		$(CORE_LIBS) $(DRV_LIBS) $(KIOSK_MAIN_LIBS)

$(KIOSK_UI_TESTS): $(BUILD)/tests/%: $(BUILD)/obj/tests/unit/%.o $(filter-out %/main.o,$(KIOSK_OBJS)) $(KIOSK_APP_LIBS)
	$(call quiet,LINK,$@)
	$(Q)mkdir -p $(@D) && $(CC) $(ALL_LDFLAGS) $(TEST_LDFLAGS_$*) -o $@ $< \
		$(filter-out %/main.o,$(KIOSK_OBJS)) $(KIOSK_APP_LIBS) $(CORE_LIBS) \
		$(DRV_LIBS) $(KIOSK_MAIN_LIBS) $(TEST_LIBS)

$(DRV_TESTS): $(BUILD)/tests/%: $(BUILD)/obj/tests/unit/%.o $(DRV_LIB) $(BASE_LIB)
	$(call quiet,LINK,$@)
	$(Q)mkdir -p $(@D) && $(CC) $(ALL_LDFLAGS) $(TEST_LDFLAGS_$*) -o $@ $< \
		$(DRV_LIB) $(BASE_LIB) $(DRV_LIBS) $(TEST_LIBS)

# The kiosk's flow and engine: their tests link the kiosk library and the core.
$(FLOW_TESTS): $(BUILD)/tests/%: $(BUILD)/obj/tests/unit/%.o $(KIOSK_LIB) $(APP_LIBS)
	$(call quiet,LINK,$@)
	$(Q)mkdir -p $(@D) && $(CC) $(ALL_LDFLAGS) $(TEST_LDFLAGS_$*) -o $@ $< \
		$(KIOSK_LIB) $(APP_LIBS) $(CORE_LIBS) $(DRV_LIBS) $(TEST_LIBS)

$(UI_TESTS): $(BUILD)/tests/%: $(BUILD)/obj/tests/unit/%.o $(UI_LIB) $(BASE_LIB)
	$(call quiet,LINK,$@)
	$(Q)mkdir -p $(@D) && $(CC) $(ALL_LDFLAGS) $(TEST_LDFLAGS_$*) -o $@ $< \
		$(UI_LIB) $(BASE_LIB) $(UI_LIBS) $(TEST_LIBS)

$(filter-out $(DRV_TESTS) $(FLOW_TESTS) $(UI_TESTS) $(KIOSK_UI_TESTS),$(TESTS)): $(BUILD)/tests/%: $(BUILD)/obj/tests/unit/%.o $(APP_LIBS)
	$(call quiet,LINK,$@)
	$(Q)mkdir -p $(@D) && $(CC) $(ALL_LDFLAGS) $(TEST_LDFLAGS_$*) -o $@ $< \
		$(APP_LIBS) $(CORE_LIBS) $(DRV_LIBS) $(TEST_LIBS)

$(UI_BENCHES): $(BUILD)/bench/%: $(BUILD)/obj/tests/bench/%.o $(UI_LIB) $(BASE_LIB)
	$(call quiet,LINK,$@)
	$(Q)mkdir -p $(@D) && $(CC) $(ALL_LDFLAGS) -o $@ $< $(UI_LIB) $(BASE_LIB) $(UI_LIBS)

$(KIOSK_BENCHES): $(BUILD)/bench/%: $(BUILD)/obj/tests/bench/%.o $(filter-out %/main.o,$(KIOSK_OBJS)) $(KIOSK_APP_LIBS)
	$(call quiet,LINK,$@)
	$(Q)mkdir -p $(@D) && $(CC) $(ALL_LDFLAGS) -o $@ $< \
		$(filter-out %/main.o,$(KIOSK_OBJS)) $(KIOSK_APP_LIBS) $(CORE_LIBS) \
		$(DRV_LIBS) $(KIOSK_MAIN_LIBS)

$(MINIMAL_SDL): $(call obj,$(MINIMAL_SDL_SRC))
	$(call quiet,LINK,$@)
	$(Q)mkdir -p $(@D) && $(CC) $(ALL_LDFLAGS) -o $@ $< $(UI_LIBS)

$(BUILD)/bench/%: $(BUILD)/obj/tests/bench/%.o $(APP_LIBS)
	$(call quiet,LINK,$@)
	$(Q)mkdir -p $(@D) && $(CC) $(ALL_LDFLAGS) -o $@ $< $(APP_LIBS) $(CORE_LIBS) $(DRV_LIBS)

# The layering, checked: every object of the drivers library links with the
# base and the drivers' own libraries only, and each layer's flags refuse a
# header of another (a wrong include fails to compile).
$(BUILD)/check/drivers-alone: $(DRV_LIB) $(BASE_LIB)
	$(call quiet,LINK,$@)
	$(Q)mkdir -p $(@D) && printf 'int main(void)\n{\n\treturn 0;\n}\n' > $@.c && \
		$(CC) $(ALL_LDFLAGS) -o $@ $@.c -Wl,--whole-archive $(DRV_LIB) \
		-Wl,--no-whole-archive $(BASE_LIB) $(DRV_LIBS)

refuse = printf '\#include %s\n' '$(2)' | $(CC) $(filter-out -MMD -MP,$(1)) -E -o /dev/null -x c - 2>/dev/null && \
	{ echo "layers: $(3) may include $(2)"; exit 1; } || true
layers-check: $(BUILD)/check/drivers-alone $(call deny,core,$(CORE_DENY)) \
		$(call deny,drivers,$(DRV_DENY)) $(call deny,ui,$(UI_DENY))
	$(call quiet,CHECK,layers)
	$(Q)$(call refuse,$(DRV_CFLAGS),"queue.h",drivers)
	$(Q)$(call refuse,$(DRV_CFLAGS),<sqlite3.h>,drivers)
	$(Q)$(call refuse,$(CORE_CFLAGS),<cups/cups.h>,the core)
	$(Q)$(call refuse,$(CORE_CFLAGS),<gpiod.h>,the core)
	$(Q)$(call refuse,$(CORE_CFLAGS),"console.h",the core)
	$(Q)$(call refuse,$(UI_CFLAGS),"queue.h",ui)
	$(Q)$(call refuse,$(UI_CFLAGS),"printer.h",ui)
	$(Q)$(call refuse,$(UI_CFLAGS),<sqlite3.h>,ui)
	$(Q)$(call refuse,$(UI_CFLAGS),<cups/cups.h>,ui)
	$(Q)$(call refuse,$(UI_CFLAGS),<gpiod.h>,ui)
	$(Q)$(call refuse,$(UI_CFLAGS),"gpio.h",ui)
	$(Q)$(call refuse,$(UI_CFLAGS),"flow_view.h",ui)
	$(Q)$(call refuse,$(UI_CFLAGS),"kiosk.h",ui)
	$(Q)$(call refuse,$(CORE_CFLAGS) -Ifirmware/kiosk,<SDL2/SDL.h>,the kiosk engine)
	$(Q)$(call refuse,$(UI_TEST_CFLAGS),"queue.h",the ui tests)
	$(Q)$(call refuse,$(BASE_CFLAGS),"queue.h",the base)
	$(Q)$(call refuse,$(BASE_CFLAGS),"cardreader.h",the base)

tests-build: $(CONSOLE) $(KIOSK) $(TESTS) $(BENCHES) $(MINIMAL_SDL) layers-check

# ---- fuzzing (clang + libFuzzer), one harness per parser -------------------
FUZZ_SRC := $(wildcard tests/fuzz/fuzz_*.c)
fuzz:
	$(Q)$(MAKE) --no-print-directory CC=clang BUILD=build/fuzz SAN=0 \
		CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined" \
		build/fuzz/libppidcore.a build/fuzz/libppiddrivers.a build/fuzz/libppidbase.a
	$(Q)for f in $(FUZZ_SRC); do n=$$(basename $$f .c); \
		printf '  %-7s %s\n' FUZZLD build/fuzz/$$n; \
		clang -std=c11 -D_GNU_SOURCE -O1 -g -fsanitize=fuzzer,address,undefined \
		-Ifirmware -Ifirmware/base -Idrivers -Ibuild/fuzz/gen -o build/fuzz/$$n $$f \
		build/fuzz/libppidcore.a build/fuzz/libppiddrivers.a build/fuzz/libppidbase.a \
		$(CORE_LIBS) $(DRV_LIBS) || exit 1; done

# ---- the two commands --------------------------------------------------------
test:
	$(Q)sh assets/deps.sh test
	$(Q)$(MAKE) --no-print-directory BUILD=build SAN=0 tests-build
	$(Q)$(MAKE) --no-print-directory BUILD=build/asan SAN=1 tests-build
	$(Q)$(MAKE) --no-print-directory CC=clang BUILD=build/clang WERROR=1 all
	$(Q)$(MAKE) --no-print-directory fuzz
	$(Q)sh tests/run.sh build build/asan

# The demo: the kiosk (once `all` builds it) next to the console's watch.
run:
	$(Q)sh assets/deps.sh demo
	$(Q)$(MAKE) --no-print-directory all
	$(Q)sh assets/demo.sh $(BUILD)

# Hardware-level tests (gpio-sim, a real input device): skip cleanly without them.
test-hw: tests-build
	$(Q)sh tests/hw/run.sh $(BUILD)

bench: tests-build
	$(Q)sh tests/bench/run.sh $(BUILD)

deps:
	$(Q)sh assets/deps.sh test

# Every screen in both languages at 800x480 and 720x1280, as PNGs
# (SCENE-LANG-WxH.png), drawn by the kiosk's own code without a display.
screens: $(KIOSK)
	$(Q)rm -rf $(BUILD)/screens && mkdir -p $(BUILD)/screens
	$(Q)SDL_VIDEODRIVER=dummy $(KIOSK) --screens $(BUILD)/screens

# ---- install -----------------------------------------------------------------
# The configuration is root's (0644, only root writes it, or [staff] is
# ignored); one already there is kept and the new defaults go beside it.
# The kiosk needs no data files of its own: the migrations and the shipped
# holidays are in the binaries, the fonts come from fonts-noto-core and
# fonts-dejavu-core (ppid-kiosk(8), FILES).  With PREFIX=/usr the unit and
# the udev rule go where Debian keeps them (/lib); otherwise systemd's
# PREFIX/lib/systemd/system and udev's /etc/udev/rules.d.
CONF_DIR := $(DESTDIR)/etc/ppid-kiosk
BINDIR   ?= $(PREFIX)/bin
MANDIR   ?= $(PREFIX)/share/man
DOCDIR   ?= $(PREFIX)/share/doc/ppid-kiosk
UNITDIR  ?= $(if $(filter /usr,$(PREFIX)),/lib/systemd/system,$(PREFIX)/lib/systemd/system)
UDEVRULESDIR ?= $(if $(filter /usr,$(PREFIX)),/lib/udev/rules.d,/etc/udev/rules.d)
MAN_PAGES := man/ppid-console.1 man/kiosk.conf.5 man/ppid-kiosk.8
install: $(CONSOLE) $(KIOSK)
	install -d $(DESTDIR)$(BINDIR) $(CONF_DIR) $(DESTDIR)$(UNITDIR) \
		$(DESTDIR)$(UDEVRULESDIR) $(DESTDIR)$(DOCDIR) \
		$(addprefix $(DESTDIR)$(MANDIR)/man,1 5 8)
	install -m 0755 $(CONSOLE) $(DESTDIR)$(BINDIR)/ppid-console
	install -m 0755 $(KIOSK) $(DESTDIR)$(BINDIR)/ppid-kiosk
	$(Q)if [ -e $(CONF_DIR)/kiosk.conf ]; then \
		install -m 0644 assets/kiosk.conf $(CONF_DIR)/kiosk.conf.dist; \
		echo "kept $(CONF_DIR)/kiosk.conf; the shipped defaults are in kiosk.conf.dist"; \
	else install -m 0644 assets/kiosk.conf $(CONF_DIR)/kiosk.conf; fi
	$(Q)for m in $(MAN_PAGES); do \
		install -m 0644 $$m $(DESTDIR)$(MANDIR)/man$${m##*.}/ || exit 1; done
	sed 's|@BINDIR@|$(BINDIR)|g' systemd/ppid-kiosk.service.in > $(DESTDIR)$(UNITDIR)/ppid-kiosk.service
	chmod 0644 $(DESTDIR)$(UNITDIR)/ppid-kiosk.service
	install -m 0644 udev/70-ppid-kiosk.rules $(DESTDIR)$(UDEVRULESDIR)/
	install -m 0644 docs/INSTALL-PI.md $(DESTDIR)$(DOCDIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/ppid-console $(DESTDIR)$(BINDIR)/ppid-kiosk \
		$(CONF_DIR)/kiosk.conf.dist $(DESTDIR)$(UNITDIR)/ppid-kiosk.service \
		$(DESTDIR)$(UDEVRULESDIR)/70-ppid-kiosk.rules \
		$(DESTDIR)$(DOCDIR)/INSTALL-PI.md \
		$(foreach m,$(MAN_PAGES),$(DESTDIR)$(MANDIR)/man$(subst .,,$(suffix $(m)))/$(notdir $(m)))

# ---- cross builds for the Pi (arm64, armhf), tested under qemu-user --------
# make cross ARCH=arm64|armhf: every program and test with Debian's cross
# compiler against the multiarch -dev packages (sh assets/deps.sh cross),
# into build/ARCH/.  make test-cross: both, then the unit tests and the
# console's integration tests under qemu-user-static (tests/cross/run.sh).
CROSS_TRIPLET := $(if $(filter arm64,$(ARCH)),aarch64-linux-gnu,$(if $(filter armhf,$(ARCH)),arm-linux-gnueabihf))
cross:
	$(Q)test -n "$(CROSS_TRIPLET)" || { echo "usage: make cross ARCH=arm64|armhf" >&2; exit 2; }
	$(Q)sh assets/deps.sh cross
	$(Q)$(MAKE) --no-print-directory CC=$(CROSS_TRIPLET)-gcc \
		PKG_CONFIG=$(CROSS_TRIPLET)-pkg-config BUILD=build/$(ARCH) SAN=0 \
		$(addprefix build/$(ARCH)/,ppid-console ppid-kiosk) \
		$(patsubst tests/unit/%.c,build/$(ARCH)/tests/%,$(TEST_SRC))

test-cross:
	$(Q)sh assets/deps.sh cross
	$(Q)$(MAKE) --no-print-directory cross ARCH=arm64
	$(Q)$(MAKE) --no-print-directory cross ARCH=armhf
	$(Q)sh tests/cross/run.sh arm64 armhf

# ---- the Debian package ------------------------------------------------------
# make package [DEB_ARCH=arm64|armhf]: dpkg-buildpackage -us -uc -b on a copy
# of the tree (without build/ and .git) under build/package/, the .deb
# beside it.  make test-package: build it, check it with lintian, install
# and purge it (as root; tests/package/deb.sh).
PKG_OUT := build/package$(if $(DEB_ARCH),-$(DEB_ARCH))
package:
	$(Q)rm -rf $(PKG_OUT) && mkdir -p $(PKG_OUT)/src
	$(Q)tar -c --exclude=./build --exclude=./.git --exclude='./debian/ppid-kiosk' . | tar -x -C $(PKG_OUT)/src
	$(Q)cd $(PKG_OUT)/src && DEB_BUILD_OPTIONS="parallel=2 $(DEB_BUILD_OPTIONS)" \
		dpkg-buildpackage -us -uc -b $(if $(DEB_ARCH),--host-arch $(DEB_ARCH)) > ../build.log 2>&1 || \
		{ tail -30 ../build.log; echo "package: failed, see $(PKG_OUT)/build.log"; exit 1; }
	$(Q)ls $(PKG_OUT)/*.deb

test-package:
	$(Q)sh assets/deps.sh package
	$(Q)sh tests/package/deb.sh

clean:
	rm -rf build

FORMAT_FILES = $(shell git ls-files '*.c' '*.h' 2>/dev/null)
format:
	clang-format -i $(FORMAT_FILES)
format-check:
	$(Q)clang-format --dry-run -Werror $(FORMAT_FILES) && echo "format ok"

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
