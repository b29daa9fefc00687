# Makefile: make | make run | make check | make install PREFIX=/usr DESTDIR=pkg
#
# Needs GNU make (it uses $(shell), $(eval), $(call) and pattern rules).
#
# make		builds ./tidings
# make run	checks the build dependencies, builds, starts the reader on
#		config/example
# make check	checks the test dependencies, builds with ASan+UBSan into
#		build/check/ and runs every test (tests/run)
# make memcheck	runs the reader's stories against ./tidings under valgrind
#		(tests/memcheck)
# make bench	runs every benchmark in bench/ beside the peers (needs ../shared;
#		each says so and skips without it)
# make fuzz	checks for clang, builds the libFuzzer harnesses of tests/fuzz/
#		into build/fuzz/ and runs each for FUZZ_TIME seconds
#
# A missing library (as pkg-config finds them) or command is installed from
# Debian where dpkg and apt-get work; elsewhere make names it and stops.
#
# CFLAGS given on the command line or in the environment come last in every
# build, the check and fuzz builds included, so "make check CFLAGS=-O0"
# builds the check build without optimisation.
VERSION	 = 0.1.0
PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
DOCDIR	?= $(PREFIX)/share/doc/tidings
CC	?= cc
CFLAGS	?= -O2 -g
PKG_CONFIG ?= pkg-config
PKGS	 = ncursesw libcurl mxml sqlite3 gumbo
# Compiled against but not linked: src/http.c loads libcurl with dlopen()
# on the first fetch, so that commands which fetch nothing do not pay for
# loading its chain of libraries.
PKGS_DLOPEN = libcurl

# Evaluated once, on first use, so that "make run" on a machine without the
# libraries can install them before pkg-config is asked.
PKG_CFLAGS = $(eval PKG_CFLAGS := $$(shell $(PKG_CONFIG) --cflags $(PKGS)))$(PKG_CFLAGS)
PKG_LIBS   = $(eval PKG_LIBS := $$(shell $(PKG_CONFIG) --libs $(filter-out $(PKGS_DLOPEN),$(PKGS))))$(PKG_LIBS)
CMOCKA_LIBS = $(eval CMOCKA_LIBS := $$(shell $(PKG_CONFIG) --libs cmocka))$(CMOCKA_LIBS)

WARN	 = -Wall -Wextra -Wshadow -Wformat=2 -Wwrite-strings -Wpointer-arith \
	   -Wstrict-prototypes -Wmissing-prototypes -Wmissing-declarations \
	   -Wno-format-nonliteral
BASE_CFLAGS = -std=c11 -D_GNU_SOURCE -DTIDINGS_VERSION='"$(VERSION)"' \
	   -DTIDINGS_DOCDIR='"$(DOCDIR)"' $(WARN) \
	   -Isrc $(PKG_CFLAGS) $(CPPFLAGS)
TD_CFLAGS = $(BASE_CFLAGS) $(CFLAGS)
# The user's CFLAGS: empty unless given, since the default -O2 -g is the
# release build's own and must not override the check and fuzz builds.
USER_CFLAGS = $(if $(filter file,$(origin CFLAGS)),,$(CFLAGS))
TD_LIBS	  = $(PKG_LIBS) -lpthread -ldl $(LDLIBS)

SAN	 = -fsanitize=address,undefined -fno-omit-frame-pointer \
	   -fno-sanitize-recover=undefined
CHECK_CFLAGS = -O1 -g $(SAN)
CHK_CFLAGS = $(BASE_CFLAGS) $(CHECK_CFLAGS) $(USER_CFLAGS)

SRCS	 = $(filter-out src/main.c,$(wildcard src/*.c))
UNITS	 = $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c))
FUZZERS	 = $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))

# What each target needs: libraries as pkg-config names them, and commands.
BUILD_CMDS = $(firstword $(CC)) $(PKG_CONFIG)
CHECK_LIBS = $(PKGS) cmocka
CHECK_CMDS = $(BUILD_CMDS) tmux python3 sqlite3 mandoc

# The Debian package that brings each library and each command.
LIBDEB_ncursesw = libncurses-dev
LIBDEB_libcurl = libcurl4-openssl-dev
LIBDEB_mxml = libmxml-dev
LIBDEB_sqlite3 = libsqlite3-dev
LIBDEB_gumbo = libgumbo-dev
LIBDEB_cmocka = libcmocka-dev
CMDDEB_cc = gcc
CMDDEB_gcc = gcc
CMDDEB_clang = clang
CMDDEB_pkg-config = pkg-config
CMDDEB_tmux = tmux
CMDDEB_python3 = python3
CMDDEB_sqlite3 = sqlite3
CMDDEB_mandoc = mandoc
CMDDEB_valgrind = valgrind

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
	$(CC) $(CHK_CFLAGS) $(LDFLAGS) -o $@ $^ $(TD_LIBS)

$(CHK)/libtidings.a: $(SRCS:src/%.c=$(CHK)/%.o)
	rm -f $@
	$(AR) rcs $@ $^

$(CHK)/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(CHK_CFLAGS) -MMD -MP -c -o $@ $<

$(CHK)/test_%: tests/unit/test_%.c $(CHK)/libtidings.a
	$(CC) $(CHK_CFLAGS) -Itests/unit -o $@ $< \
	    $(CHK)/libtidings.a $(CMOCKA_LIBS) $(TD_LIBS)

# The fuzz harnesses as plain programs that replay files (tests/fuzz/
# driver.c): how "make check" runs their corpora and regression inputs.
$(CHK)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/driver.c tests/fuzz/fuzz.h \
    $(CHK)/libtidings.a
	$(CC) $(CHK_CFLAGS) -Itests/fuzz -o $@ $< \
	    tests/fuzz/driver.c $(CHK)/libtidings.a $(TD_LIBS)

# The libFuzzer build: clang, every object instrumented for coverage and
# the sanitizers, kept apart in build/fuzz/.
FUZZ_CC	 = clang
FUZZ_TIME = 60
FUZZ_CFLAGS = -O1 -g -fno-omit-frame-pointer \
	   -fsanitize=fuzzer-no-link,address,undefined \
	   -fno-sanitize-recover=undefined
FZ_CFLAGS = $(BASE_CFLAGS) $(FUZZ_CFLAGS) $(USER_CFLAGS)
# Longest input tried, per harness.
FUZZ_LEN_feed = 65536
FUZZ_LEN_extract = 65536
FUZZ_LEN_render = 65536
FUZZ_LEN_opml = 65536
FUZZ_LEN_date = 4096
FUZZ_LEN_config = 4096
FUZZ_LEN_filter = 4096

$(FZ)/libtidings.a: $(SRCS:src/%.c=$(FZ)/%.o)
	rm -f $@
	$(AR) rcs $@ $^

$(FZ)/%.o: src/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FZ_CFLAGS) -MMD -MP -c -o $@ $<

$(FZ)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FZ)/libtidings.a
	$(FUZZ_CC) -fsanitize=fuzzer $(FZ_CFLAGS) \
	    -Itests/fuzz -o $@ $< $(FZ)/libtidings.a $(TD_LIBS)

# Benchmark drivers (bench/): linked against the release build.
build/release/bench-%: bench/%.c $(REL)/libtidings.a
	$(CC) $(TD_CFLAGS) -o $@ $< $(REL)/libtidings.a $(TD_LIBS)

-include $(wildcard $(REL)/*.d $(CHK)/*.d $(FZ)/*.d)

# need LIBS,COMMANDS: check that pkg-config finds each library and that
# each command is on PATH. Where dpkg and apt-get work, what is missing is
# installed from Debian (sudo unless root); elsewhere make names it and
# stops, and dpkg is never asked about what is there.
define need
	@missing=; debs=; nodeb=; \
	for p in $(foreach l,$(1),lib:$(l):$(LIBDEB_$(l))) \
	    $(foreach c,$(2),cmd:$(c):$(CMDDEB_$(c))); do \
	    kind=$${p%%:*}; p=$${p#*:}; name=$${p%%:*}; deb=$${p#*:}; \
	    if [ $$kind = lib ]; then \
	        $(PKG_CONFIG) --exists $$name 2>/dev/null && continue; \
	        missing="$$missing library $$name,"; \
	    else \
	        command -v $$name >/dev/null 2>&1 && continue; \
	        missing="$$missing command $$name,"; \
	    fi; \
	    [ -n "$$deb" ] && debs="$$debs $$deb" || nodeb=1; \
	done; \
	$(call install_debs)
endef

# The shell end of need: with $$missing and $$debs set, install or stop
# ($$nodeb: something missing has no Debian package here).
define install_debs
	[ -z "$$missing" ] && exit 0; \
	missing=$${missing%,}; \
	if [ -z "$$nodeb" ] && dpkg --version >/dev/null 2>&1 && \
	    apt-get --version >/dev/null 2>&1; then \
	    echo "make: missing$$missing; installing from Debian:$$debs"; \
	    sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	    $$sudo apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq \
	        --no-install-recommends $$debs; \
	else \
	    echo "make: missing$$missing;" \
	        "install what is missing and run make again" >&2; \
	    exit 1; \
	fi
endef

# The clang runtime (libFuzzer and the sanitizers) comes with a version
# number in its Debian name, which must be the version of clang itself:
# that of the installed clang, or else the one Debian's clang depends on.
define need_clang_rt
	@printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n)\n{ return (d == 0 && n > 0); }\n' >$(FZ)/rt.c; \
	$(FUZZ_CC) -fsanitize=fuzzer,address,undefined -o $(FZ)/rt $(FZ)/rt.c \
	    >/dev/null 2>&1 && missing= || missing=" clang runtime for libFuzzer,"; \
	rm -f $(FZ)/rt $(FZ)/rt.c; \
	v=$$($(FUZZ_CC) --version 2>/dev/null | \
	    sed -n 's/.*clang version \([0-9][0-9]*\).*/\1/p' | head -n 1); \
	[ -n "$$v" ] || v=$$(apt-cache depends clang 2>/dev/null | \
	    sed -n 's/.*Depends: clang-\([0-9][0-9]*\)$$/\1/p' | head -n 1); \
	debs=" libclang-rt-$$v-dev"; nodeb=; [ -n "$$v" ] || nodeb=1; \
	$(call install_debs)
endef

# The sync stories' server (tests/server/ttrss): Debian's Tiny Tiny RSS,
# PHP's CGI binary and PostgreSQL. php-cgi goes in first, so that tt-rss
# takes it and not apache2, and dbconfig-no-thanks keeps debconf from
# setting up a database; 9.4 MB the first time. Where apt-get cannot
# install them, make says so and goes on: the sync stories then fail,
# naming what they lack.
define need_ttrss
	@missing=; \
	[ -d /usr/share/tt-rss/www ] || missing="$$missing tt-rss,"; \
	command -v php-cgi >/dev/null 2>&1 || missing="$$missing php-cgi,"; \
	php -m 2>/dev/null | grep -qx pdo_pgsql || \
	    missing="$$missing php-pgsql,"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || \
	    missing="$$missing postgresql,"; \
	[ -z "$$missing" ] && exit 0; \
	missing=$${missing%,}; \
	if ! dpkg --version >/dev/null 2>&1 || \
	    ! apt-get --version >/dev/null 2>&1; then \
	    echo "make: missing$$missing, which the sync stories need;" \
	        "they will fail" >&2; \
	    exit 0; \
	fi; \
	echo "make: missing$$missing; installing from Debian for the" \
	    "sync stories"; \
	sudo=; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	$$sudo apt-get update -qq && \
	DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq \
	    --no-install-recommends php-cgi php-pgsql postgresql \
	    dbconfig-no-thanks && \
	DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq \
	    --no-install-recommends tt-rss
endef

deps:
	$(call need,$(PKGS),$(BUILD_CMDS))

check-deps:
	$(call need,$(CHECK_LIBS),$(CHECK_CMDS))
	$(call need_ttrss)

fuzz-deps:
	$(call need,$(PKGS),$(BUILD_CMDS) $(FUZZ_CC))
	@mkdir -p $(FZ)
	$(call need_clang_rt)

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
	$(call need,,valgrind)
	@$(MAKE) --no-print-directory tidings
	@sh tests/memcheck

# Benchmarks: parser throughput, reader mode against Readability.js, a
# refresh of 500 feeds against newsboat and sfeed, the reader's start-up,
# keys and search on 100,000 items, query feeds, filters and the killfile
# on 100,000 items beside newsboat's, and what the commands cost as a
# whole, start-up included.
bench: tidings
	sh bench/startup
	sh bench/parse
	sh bench/extract
	sh bench/refresh
	sh bench/tui
	sh bench/search
	sh bench/filter

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
