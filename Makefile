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
# make fuzz	installs clang, builds the libFuzzer harnesses of tests/fuzz/
#		into build/fuzz/ and runs each for FUZZ_TIME seconds
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
FUZZERS	 = $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))

# Debian packages: to build, and in addition to test.
BUILD_DEBS = gcc make pkg-config libncurses-dev libcurl4-openssl-dev \
	   libmxml-dev libsqlite3-dev libgumbo-dev
CHECK_DEBS = $(BUILD_DEBS) libcmocka-dev tmux python3 sqlite3 mandoc
FUZZ_DEBS = $(BUILD_DEBS) clang libclang-rt-14-dev

REL	 = build/release
CHK	 = build/check
FZ	 = build/fuzz

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

# The fuzz harnesses as plain programs that replay files (tests/fuzz/
# driver.c): how "make check" runs their corpora and regression inputs.
$(CHK)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/driver.c tests/fuzz/fuzz.h \
    $(CHK)/libtidings.a
	$(CC) $(TD_CFLAGS) $(CHECK_CFLAGS) -Itests/fuzz -o $@ $< \
	    tests/fuzz/driver.c $(CHK)/libtidings.a $(TD_LIBS)

# The libFuzzer build: clang, every object instrumented for coverage and
# the sanitizers, kept apart in build/fuzz/.
FUZZ_CC	 = clang
FUZZ_TIME = 60
FUZZ_CFLAGS = -O1 -g -fno-omit-frame-pointer \
	   -fsanitize=fuzzer-no-link,address,undefined \
	   -fno-sanitize-recover=undefined
# Longest input tried, per harness.
FUZZ_LEN_feed = 65536
FUZZ_LEN_extract = 65536
FUZZ_LEN_render = 65536
FUZZ_LEN_opml = 65536
FUZZ_LEN_date = 4096
FUZZ_LEN_config = 4096

$(FZ)/libtidings.a: $(SRCS:src/%.c=$(FZ)/%.o)
	rm -f $@
	$(AR) rcs $@ $^

$(FZ)/%.o: src/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(TD_CFLAGS) $(FUZZ_CFLAGS) -MMD -MP -c -o $@ $<

$(FZ)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FZ)/libtidings.a
	$(FUZZ_CC) $(TD_CFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer \
	    -Itests/fuzz -o $@ $< $(FZ)/libtidings.a $(TD_LIBS)

# Benchmark drivers (bench/): linked against the release build.
build/release/bench-%: bench/%.c $(REL)/libtidings.a
	$(CC) $(TD_CFLAGS) -o $@ $< $(REL)/libtidings.a $(TD_LIBS)

-include $(wildcard $(REL)/*.d $(CHK)/*.d $(FZ)/*.d)

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

fuzz-deps:
	$(call need_debs,$(FUZZ_DEBS))

# "run" starts the reader on the sample feeds with a database of its own
# (build/run.db); it refreshes them in the background, and a feed that
# cannot be fetched is marked with the reason.
run: deps
	@$(MAKE) --no-print-directory tidings
	@mkdir -p build
	./tidings -c config/example -d build/run.db

check: check-deps
	@$(MAKE) --no-print-directory tidings $(CHK)/tidings \
	    $(UNITS:%=$(CHK)/%) $(FUZZERS:%=$(CHK)/%)
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

# "fuzz" runs each harness in turn for FUZZ_TIME seconds ("fuzz-feed" runs
# one) on a copy of its seeds (tests/fuzz/seeds) in
# build/fuzz/corpus/: what it finds stays there, the committed corpus
# never grows by itself. It stops at the first crash, which libFuzzer
# writes to build/fuzz/crash-NAME-*.
fuzz: fuzz-deps
	@$(MAKE) --no-print-directory $(FUZZERS:fuzz_%=fuzz-%)

# Keep the harnesses, which make would delete as intermediate files.
.SECONDARY: $(FUZZERS:%=$(FZ)/%)

fuzz-%: $(FZ)/fuzz_%
	@mkdir -p $(FZ)/corpus/$*
	sh tests/fuzz/seeds $* | xargs cp -n -t $(FZ)/corpus/$*/
	$(FZ)/fuzz_$* -max_total_time=$(FUZZ_TIME) -max_len=$(FUZZ_LEN_$*) \
	    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	    -dict=tests/fuzz/$*.dict -artifact_prefix=$(FZ)/crash-$*- \
	    $(FZ)/corpus/$*

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

.PHONY: all deps check-deps fuzz-deps run check memcheck bench fuzz \
	install uninstall clean
