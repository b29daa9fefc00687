# Makefile: make | make run | make check | make install PREFIX=/usr DESTDIR=pkg
#
# make		builds ./tidings
# make run	installs missing build dependencies, builds, starts the reader on
#		config/example
# make check	installs missing test dependencies, builds with ASan+UBSan into
#		build/check/ and runs every test (tests/run)
# make memcheck	runs the reader's stories against ./tidings under valgrind
#		(tests/memcheck)
# make bench	runs every benchmark in bench/ beside the peers (needs ../shared;
#		each says so and skips without it)
VERSION	 = 0.1.0
PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
DOCDIR	?= $(PREFIX)/share/doc/tidings
CC	?= cc
CFLAGS	?= -O2 -g
PKG_CONFIG ?= pkg-config
PKGS	 = ncursesw libcurl mxml sqlite3 gumbo

# Evaluated once, on first use, so that "make run" on a machine without the
# libraries can install them before pkg-config is asked.
PKG_CFLAGS = $(eval PKG_CFLAGS := $$(shell $(PKG_CONFIG) --cflags $(PKGS)))$(PKG_CFLAGS)
PKG_LIBS   = $(eval PKG_LIBS := $$(shell $(PKG_CONFIG) --libs $(PKGS)))$(PKG_LIBS)
CMOCKA_LIBS = $(eval CMOCKA_LIBS := $$(shell $(PKG_CONFIG) --libs cmocka))$(CMOCKA_LIBS)

WARN	 = -Wall -Wextra -Wshadow -Wformat=2 -Wwrite-strings -Wpointer-arith \
	   -Wstrict-prototypes -Wmissing-prototypes -Wmissing-declarations \
	   -Wno-format-nonliteral
TD_CFLAGS = -std=c11 -D_GNU_SOURCE -DTIDINGS_VERSION='"$(VERSION)"' $(WARN) \
	   -Isrc $(PKG_CFLAGS) $(CPPFLAGS) $(CFLAGS)
TD_LIBS	  = $(PKG_LIBS) -lpthread $(LDLIBS)

SAN	 = -fsanitize=address,undefined -fno-omit-frame-pointer \
	   -fno-sanitize-recover=undefined
CHECK_CFLAGS = -O1 -g $(SAN)

SRCS	 = $(filter-out src/main.c,$(wildcard src/*.c))
UNITS	 = $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c))

# Debian packages: to build, and in addition to test.
BUILD_DEBS = gcc make pkg-config libncurses-dev libcurl4-openssl-dev \
	   libmxml-dev libsqlite3-dev libgumbo-dev
CHECK_DEBS = $(BUILD_DEBS) libcmocka-dev tmux python3 sqlite3 mandoc

REL	 = build/release
CHK	 = build/check

all: tidings

tidings: $(REL)/main.o $(REL)/libtidings.a
	$(CC) $(TD_CFLAGS) $(LDFLAGS) -o $@ $^ $(TD_LIBS)

$(REL)/libtidings.a: $(SRCS:src/%.c=$(REL)/%.o)
	rm -f $@
	$(AR) rcs $@ $^

$(REL)/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(TD_CFLAGS) -MMD -MP -c -o $@ $<

# The sanitizer build: the same sources with CHECK_CFLAGS, kept apart.
$(CHK)/tidings: $(CHK)/main.o $(CHK)/libtidings.a
	$(CC) $(TD_CFLAGS) $(CHECK_CFLAGS) $(LDFLAGS) -o $@ $^ $(TD_LIBS)

$(CHK)/libtidings.a: $(SRCS:src/%.c=$(CHK)/%.o)
	rm -f $@
	$(AR) rcs $@ $^

$(CHK)/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(TD_CFLAGS) $(CHECK_CFLAGS) -MMD -MP -c -o $@ $<

$(CHK)/test_%: tests/unit/test_%.c $(CHK)/libtidings.a
	$(CC) $(TD_CFLAGS) $(CHECK_CFLAGS) -Itests/unit -o $@ $< \
	    $(CHK)/libtidings.a $(CMOCKA_LIBS) $(TD_LIBS)

# Benchmark drivers (bench/): linked against the release build.
build/release/bench-%: bench/%.c $(REL)/libtidings.a
	$(CC) $(TD_CFLAGS) -o $@ $< $(REL)/libtidings.a $(TD_LIBS)

-include $(wildcard $(REL)/*.d $(CHK)/*.d)

# Install what is missing from a list of Debian packages (sudo unless root).
define need_debs
	@missing=; for p in $(1); do \
	    dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
	    grep -q 'ok installed' || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	    echo "make: installing missing Debian packages:$$missing"; \
	    sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	    $$sudo apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq \
	        --no-install-recommends $$missing; \
	fi
endef

deps:
	$(call need_debs,$(BUILD_DEBS))

check-deps:
	$(call need_debs,$(CHECK_DEBS))

# "run" starts the reader on the sample feeds with a database of its own
# (build/run.db); it refreshes them in the background, and a feed that
# cannot be fetched is marked with the reason.
run: deps
	@$(MAKE) --no-print-directory tidings
	@mkdir -p build
	./tidings -c config/example -d build/run.db

check: check-deps
	@$(MAKE) --no-print-directory tidings $(CHK)/tidings \
	    $(UNITS:%=$(CHK)/%)
	@sh tests/run $(CHK) $(UNITS)

# The reader's stories under valgrind: no leak, no memcheck error.
memcheck: check-deps
	$(call need_debs,valgrind)
	@$(MAKE) --no-print-directory tidings
	@sh tests/memcheck

# Benchmarks: parser throughput, reader mode against Readability.js, a
# refresh of 500 feeds against newsboat and sfeed, and the reader's
# start-up, keys and search on 100,000 items.
bench: tidings
	sh bench/parse
	sh bench/extract
	sh bench/refresh
	sh bench/tui

install: tidings
	mkdir -p '$(DESTDIR)$(BINDIR)' '$(DESTDIR)$(MANDIR)/man1' \
	    '$(DESTDIR)$(MANDIR)/man5' '$(DESTDIR)$(DOCDIR)'
	install -m 0755 tidings '$(DESTDIR)$(BINDIR)/'
	install -m 0644 man/tidings.1 '$(DESTDIR)$(MANDIR)/man1/'
	install -m 0644 man/tidings-config.5 '$(DESTDIR)$(MANDIR)/man5/'
	install -m 0644 config/example '$(DESTDIR)$(DOCDIR)/config.example'

uninstall:
	rm -f '$(DESTDIR)$(BINDIR)/tidings' \
	    '$(DESTDIR)$(MANDIR)/man1/tidings.1' \
	    '$(DESTDIR)$(MANDIR)/man5/tidings-config.5' \
	    '$(DESTDIR)$(DOCDIR)/config.example'
	-rmdir '$(DESTDIR)$(DOCDIR)' 2>/dev/null

clean:
	rm -rf build tidings

.PHONY: all deps check-deps run check memcheck bench install uninstall clean
