#!/usr/bin/env bash
# Runs the official OGC CITE executable test suite for OGC API – Features
# (ets-ogcapi-features10, Part 1 Core and Part 2 CRS) against a running /ogc and summarises it.
#
#   scripts/ogc-cite.sh SUITE_SOURCE [SERVICE_URL]
#
#   SUITE_SOURCE  the suite's source: a git checkout, a bare git repository (a mirror), a plain
#                 directory (an unpacked archive), or a git URL. With a local directory nothing is
#                 fetched from GitHub; the suite's Maven dependencies come from Maven Central
#                 (or ~/.m2 once they are there).
#   SERVICE_URL   the landing page of the API under test, default http://localhost:8080/ogc.
#                 The service must already be running (`make run`, or see docs/OGC-CITE.md).
#
# What it does:
#   1. copies the source into var/cite/ets-<commit> (a git clone at CITE_REF, default the newest
#      release tag, else HEAD; a plain directory is copied as it is),
#   2. builds the suite's all-in-one jar with Maven, once per commit (-Denforcer.skip=true: the
#      suite's enforcer asks for Maven 3.9; unit tests skipped),
#   3. writes the test-run properties (iut = SERVICE_URL, noofcollections = CITE_COLLECTIONS,
#      default -1 = all) without the DOCTYPE of the suite's sample file, whose DTD on
#      java.sun.com the suite would try to download,
#   4. runs the suite's TestNGController with the suite's own jar ahead of the all-in-one jar on the
#      class path (in the aio jar proj4j's EPSG file replaces the suite's, which loses the suite's
#      latitude-first EPSG:4326) -o <dir> <props> (TestNG results and EARL
#      land in var/cite/run-<time>/out/testng/<uuid>/, the suite's request log in suite.log),
#   5. prints passed / failed / skipped, each failure (test, parameters, message, the URL the
#      suite requested) and the skips counted by reason, read from testng-results.xml.
#
# Exit status: 0 all passed (skips allowed), 1 some test failed, 2 the run itself went wrong.
#
# Environment: CITE_REF (a tag, branch or commit of the suite), CITE_COLLECTIONS, CITE_WORK
# (default var/cite), CITE_REBUILD=1 (build again even if the jar exists), JAVA_HOME (default
# scripts/java-home.sh's JDK; the suite was built and run with Temurin 25, it targets Java 17).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
src=${1:?usage: scripts/ogc-cite.sh SUITE_SOURCE [SERVICE_URL]}
url=${2:-http://localhost:8080/ogc}
work=${CITE_WORK:-$root/var/cite}
collections=${CITE_COLLECTIONS:--1}
export JAVA_HOME=${JAVA_HOME:-$("$root/scripts/java-home.sh")}
export PATH="$JAVA_HOME/bin:$PATH"

die() { echo "ogc-cite: $*" >&2; exit 2; }
for tool in git mvn python3 curl; do command -v "$tool" >/dev/null || die "$tool is not installed"; done
mkdir -p "$work"
curl -sf -o /dev/null -H 'Accept: application/json' "$url" || die "$url does not answer; start the service first"

# --- 1. the suite's source at one commit -------------------------------------------------------
is_git_source() {
  # A URL, a bare repository, or the top of a work tree (not a folder inside some other repo).
  [ ! -d "$1" ] && return 0
  [ "$(git -C "$1" rev-parse --is-bare-repository 2>/dev/null)" = true ] && return 0
  local top; top=$(git -C "$1" rev-parse --show-toplevel 2>/dev/null) || return 1
  [ "$(cd "$top" && pwd -P)" = "$(cd "$1" && pwd -P)" ]
}

build_flags=(-B -ntp -Denforcer.skip=true -DskipTests)
if is_git_source "$src"; then
  tmp="$work/clone.$$"
  rm -rf "$tmp"
  echo "ogc-cite: cloning $src"
  git clone --quiet --no-checkout "$src" "$tmp"
  ref=${CITE_REF:-$(git -C "$tmp" tag --sort=-v:refname | head -n 1)}
  ref=${ref:-HEAD}
  commit=$(git -C "$tmp" rev-parse --verify "$ref^{commit}") || die "no such ref in the suite: $ref"
  suite="$work/ets-${commit:0:12}"
  if [ -d "$suite" ]; then rm -rf "$tmp"; else
    git -C "$tmp" checkout --quiet --detach "$commit"
    mv "$tmp" "$suite"
  fi
  version="$ref ($commit)"
else
  [ -f "$src/pom.xml" ] || die "$src has no pom.xml: not the suite's source"
  suite="$work/ets-plain-$(basename "$(cd "$src" && pwd)")"
  rm -rf "$suite"; mkdir -p "$suite"
  (cd "$src" && tar --exclude=./target -cf - .) | (cd "$suite" && tar -xf -)
  # Without git the suite's buildnumber plugin cannot read a revision.
  build_flags+=(-Dmaven.buildNumber.skip=true)
  version="plain directory $src (no git revision)"
fi

# --- 2. build the all-in-one jar ----------------------------------------------------------------
jar=$(ls "$suite"/target/ets-ogcapi-features10-*-aio.jar 2>/dev/null | head -n 1 || true)
if [ -z "$jar" ] || [ "${CITE_REBUILD:-0}" = 1 ]; then
  echo "ogc-cite: building the suite in $suite (log: $suite/build.log)"
  if ! (cd "$suite" && mvn "${build_flags[@]}" package) >"$suite/build.log" 2>&1; then
    tail -n 30 "$suite/build.log" >&2
    die "the suite did not build; see $suite/build.log"
  fi
  jar=$(ls "$suite"/target/ets-ogcapi-features10-*-aio.jar | head -n 1)
fi
echo "ogc-cite: suite $version, jar $(basename "$jar"), JDK $JAVA_HOME"

# --- 3. test-run properties ----------------------------------------------------------------------
run="$work/run-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$run"
cat >"$run/test-run-props.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<properties version="1.0">
  <comment>ets-ogcapi-features10 run by scripts/ogc-cite.sh</comment>
  <entry key="iut">$url</entry>
  <entry key="noofcollections">$collections</entry>
</properties>
EOF

# --- 4. run ---------------------------------------------------------------------------------------
echo "ogc-cite: testing $url (all output in $run/suite.log)"
own=${jar%-aio.jar}.jar
classpath=$jar
[ -f "$own" ] && classpath="$own:$jar"
java -cp "$classpath" org.opengis.cite.ogcapifeatures10.TestNGController -o "$run/out" "$run/test-run-props.xml" \
  >"$run/suite.log" 2>&1 \
  || { tail -n 30 "$run/suite.log" >&2; die "the suite did not run; see $run/suite.log"; }
results=$(ls -t "$run"/out/testng/*/testng-results.xml 2>/dev/null | head -n 1 || true)
[ -n "$results" ] || die "no testng-results.xml under $run/out"

# --- 5. summary -----------------------------------------------------------------------------------
python3 - "$results" <<'EOF'
import collections, re, sys
import xml.etree.ElementTree as ET

def value(p):
    v = p.find('value')
    if v is None or v.get('is-null') == 'true':
        return 'null'
    text = (v.text or '').strip()
    m = re.match(r'\{id=([^,}]+)', text)          # a whole collection object: its id is enough
    if m:
        return m.group(1)
    return None if 'JsonPath@' in text else text[:100]

def one_line(text):
    return ' '.join((text or '').split())

counts, failures, skips, config = collections.Counter(), [], collections.Counter(), []
for cls in ET.parse(sys.argv[1]).getroot().iter('class'):
    short = cls.get('name').rsplit('.', 1)[-1]
    for m in cls.iter('test-method'):
        status, name = m.get('status'), f"{short}.{m.get('name')}"
        message = one_line(m.findtext('exception/message'))
        if m.get('is-config') == 'true':
            if status != 'PASS':
                config.append(f'{status} {name}: {message}')
            continue
        counts[status] += 1
        params = [v for v in map(value, m.iter('param')) if v is not None]
        if status == 'FAIL':
            request = m.findtext("attributes/attribute[@name='request']") or ''
            uri = re.search(r'Request URI:\s*(\S+)', request)
            failures.append((name, params, message, uri.group(1) if uri else ''))
        elif status == 'SKIP':
            # One reason per kind: collection ids in the message are counted together.
            skips[(name, re.sub(r"(collection(?: items)?(?: with id)?) '?[\w-]+'?", r'\1 …', message, flags=re.I))] += 1

print(f"\npassed {counts['PASS']}, failed {counts['FAIL']}, skipped {counts['SKIP']}")
for line in config:
    print('config ' + line)
if failures:
    print('\nFailures:')
    for name, params, message, uri in failures:
        print(f"  {name} {params}\n      {message}\n      GET {uri}")
if skips:
    print('\nSkips by reason:')
    for (name, reason), n in skips.most_common():
        print(f'  {n:4d}  {name}: {reason}')
print(f'\nResults: {sys.argv[1]}')
sys.exit(1 if counts['FAIL'] else 0)
EOF
