# Dialogkarta: `make run` starts the service with demo data, `make test` runs every test.
# Both set up what is missing first: PostgreSQL + PostGIS (and for tests Chromium, GDAL and Node.js)
# from apt, a project-local database cluster under var/, and a JDK 21+ from /usr/lib/jvm.

SHELL := /bin/bash
JAVA_HOME := $(shell scripts/java-home.sh)
export JAVA_HOME
export PATH := $(JAVA_HOME)/bin:$(PATH)
MVN := mvn -B -ntp
PORT ?= 8080

.PHONY: run test js-test stop db setup setup-test build bench cite cluster cluster-stop cluster-test clean

setup:
	@scripts/setup.sh

setup-test:
	@scripts/setup.sh test

# The local cluster is started only when no other PostGIS is configured.
db:
	@if [ -z "$$DIALOGKARTA_DB_URL" ]; then scripts/local-db.sh start; \
	 else echo "db: using $$DIALOGKARTA_DB_URL"; fi

build:
	$(MVN) -DskipTests package

# The demo gets a first administrator (only created while none exists); change it for real use.
run: setup db build
	@echo "Staff sign-in for the demo: $${DIALOGKARTA_ADMIN_USERNAME:-admin} / $${DIALOGKARTA_ADMIN_PASSWORD:-demo-dialogkarta-2026} at http://localhost:$(PORT)/logga-in"
	@DIALOGKARTA_DEMO_DATA=$${DIALOGKARTA_DEMO_DATA:-true} SERVER_PORT=$(PORT) \
	  DIALOGKARTA_ADMIN_USERNAME=$${DIALOGKARTA_ADMIN_USERNAME:-admin} \
	  DIALOGKARTA_ADMIN_PASSWORD=$${DIALOGKARTA_ADMIN_PASSWORD:-demo-dialogkarta-2026} \
	  java -jar target/dialogkarta.jar

# Test classes and methods run in a random order; the seed is printed, TEST_SEED=N repeats it.
TEST_SEED ?= $(shell od -An -N4 -tu4 /dev/urandom | tr -d ' ')

test: setup-test js-test
	@if [ -z "$$DIALOGKARTA_TEST_DB_URL" ]; then scripts/local-db.sh start; fi
	@echo "test order seed: $(TEST_SEED) (make test TEST_SEED=$(TEST_SEED) repeats this order)"
	$(MVN) -Dtest.seed=$(TEST_SEED) verify

# ESLint and the unit tests of the browser JavaScript (web/js, tests in web/test), with Node.js.
# npm ci runs only when node_modules is missing or older than package-lock.json.
js-test: setup-test
	@if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then \
	  npm ci --no-audit --no-fund; fi
	npx eslint web/js web/walk-sw.js web/test
	node --test --test-reporter=spec web/test/*.test.mjs

# Benchmarks (JUnit tag "bench"): synthetic pins up to a million in the test database, figures
# printed and compared with PostGIS and ogr2ogr in the same run; see docs/BENCHMARKS.md.
bench: setup-test
	@if [ -z "$$DIALOGKARTA_TEST_DB_URL" ]; then scripts/local-db.sh start; fi
	$(MVN) -Pbench -Dsurefire.failIfNoSpecifiedTests=false test

# The OGC CITE test suite for OGC API - Features (ets-ogcapi-features10) against a running /ogc;
# never part of `make test` (it needs the suite's source). CITE_SRC: the suite's git URL, checkout
# or unpacked source; CITE_URL: the landing page under test. See docs/OGC-CITE.md.
CITE_SRC ?= https://github.com/opengeospatial/ets-ogcapi-features10.git
CITE_URL ?= http://localhost:$(PORT)/ogc

cite:
	scripts/ogc-cite.sh "$(CITE_SRC)" "$(CITE_URL)"

# The production shape on this machine, without Docker (scripts/cluster.sh): the local cluster as
# primary, a streaming replica, two app nodes (NODE_PORTS, 8081 8082) and Debian's nginx in front on
# CLUSTER_PORT (8080). Never part of `make test`; `scripts/cluster.sh status` tells what runs.
cluster:
	@scripts/setup.sh cluster
	@scripts/cluster.sh start

cluster-stop:
	@scripts/cluster.sh stop

# The reliability tests and the throughput benchmark (JUnit tag "cluster") against the running
# local cluster; all their load comes from one address, so start it without the citizens' limit:
# DIALOGKARTA_RATE_LIMIT=0 make cluster && make cluster-test
cluster-test: setup-test
	$(MVN) -Pcluster test

stop:
	@scripts/local-db.sh stop

clean:
	$(MVN) clean
