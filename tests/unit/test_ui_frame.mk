# Count the ui library's own allocations (calls from libSDL2 and libc are
# not wrapped): a steady-state frame must make none.
TEST_LDFLAGS_test_ui_frame := -Wl,--wrap=malloc -Wl,--wrap=calloc \
	-Wl,--wrap=realloc
