#!/usr/bin/env bash
# Prints a JDK home of release 21 or newer: $JAVA_HOME if it qualifies, else the newest in /usr/lib/jvm.
set -euo pipefail

release_of() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null; }

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(release_of "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
  echo "$JAVA_HOME"; exit 0
fi
best=""; best_release=0
for home in /usr/lib/jvm/*; do
  [ -x "$home/bin/javac" ] || continue
  r=$(release_of "$home"); [ -n "$r" ] || continue
  if [ "$r" -gt "$best_release" ]; then best=$home; best_release=$r; fi
done
if [ "$best_release" -lt 21 ]; then
  echo "java-home: no JDK 21 or newer found in /usr/lib/jvm; install one (e.g. openjdk-21-jdk)" >&2
  exit 1
fi
echo "$best"
