# Sourced by bin/portcullis and bin/test: sets JAVA_HOME to a JDK of version 25 or newer.
# Order: JAVA_HOME when it is new enough, then the usual install folders, then java on the PATH.

java_major() {
  # The JDK's release file gives the version without starting a JVM, which would add to every command.
  if [ -f "$1/release" ]; then
    local version
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" | head -n 1)
    if [ -n "$version" ]; then
      echo "$version"
      return
    fi
  fi
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

is_java25() {
  [ -x "$1/bin/java" ] || return 1
  local major
  major=$(java_major "$1")
  [ -n "$major" ] && [ "$major" -ge 25 ]
}

find_java25() {
  if [ -n "${JAVA_HOME:-}" ] && is_java25 "$JAVA_HOME"; then
    return 0
  fi
  local candidate
  for candidate in /usr/lib/jvm/*25* /usr/lib/jvm/*-2[5-9]* /usr/lib/jvm/*-[3-9][0-9]* \
      /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    if is_java25 "$candidate"; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  if command -v java >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    if is_java25 "$candidate"; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  fi
  echo "portcullis: no Java 25 JDK found. Install one (for example Temurin 25) and set JAVA_HOME to it." >&2
  echo "portcullis: looked at JAVA_HOME=${JAVA_HOME:-<unset>}, /usr/lib/jvm/*25* and java on the PATH." >&2
  return 1
}
