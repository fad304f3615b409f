#!/usr/bin/env bash
# Installs what Dialogkarta needs on a Debian/Ubuntu machine, where it is missing:
# PostgreSQL + PostGIS (always), Maven, DejaVu fonts for the PDF report (always), and for tests
# Chromium, GDAL, poppler-utils and Node.js with npm (`setup.sh test`), and nginx for the local
# cluster of scripts/cluster.sh (`setup.sh cluster`).
# Needs root (or sudo) only when something is actually missing.
set -euo pipefail

mode=${1:-}
missing=()

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ]; then
  missing+=(postgresql postgis)
else
  pg_major=$(basename "$(dirname "$pg_bin")")
  if ! ls /usr/share/postgresql/"$pg_major"/extension/postgis.control >/dev/null 2>&1; then
    missing+=("postgresql-$pg_major-postgis-3")
  fi
  # pg_trgm and unaccent (place search, V24) are in Debian's postgresql-N itself; elsewhere contrib.
  if ! ls /usr/share/postgresql/"$pg_major"/extension/pg_trgm.control \
      /usr/share/postgresql/"$pg_major"/extension/unaccent.control >/dev/null 2>&1; then
    missing+=(postgresql-contrib)
  fi
fi
command -v mvn >/dev/null 2>&1 || missing+=(maven)
# The PDF report embeds DejaVu Sans (report.document.PdfReportWriter).
[ -r /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if [ "$mode" = "test" ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  command -v ogrinfo >/dev/null 2>&1 || missing+=(gdal-bin)
  # pdftotext and pdfinfo read the PDF report back in its tests.
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  # ESLint and the unit tests of the browser JavaScript (make js-test).
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
fi
# The load balancer in front of the app nodes (make cluster). Debian's package may also start its
# own nginx service on port 80; the cluster runs a separate nginx with var/cluster/nginx.conf.
if [ "$mode" = "cluster" ]; then
  [ -x /usr/sbin/nginx ] || missing+=(nginx)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "setup: need root to install ${missing[*]}" >&2; exit 1; }
    sudo=sudo
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
