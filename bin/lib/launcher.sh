# Sourced by bin/dr-local and bin/dr-deploy: start a module's main class on the JDK its build used.
#
#   launch NAME MODULE MAIN_CLASS [JVM_OPTION ...] -- [ARG ...]
#
# Builds MODULE and what it depends on (mvn -pl MODULE -am package -DskipTests) the first time and
# whenever a pom or a main source changed since, then runs MAIN_CLASS with the runtime classpath and
# the JDK that build recorded. There is one JDK selection for the whole project: the Maven toolchains
# plugin's (a JDK >= 21 from JAVA21_HOME-style variables, ~/.m2/toolchains.xml or the usual install
# folders, see pom.xml), so nothing here needs JAVA_HOME and nothing here searches for a JDK itself.
launch() {
  local name="$1" module="$2" main="$3"
  shift 3
  local jvm_options=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    jvm_options+=("$1")
    shift
  done
  [ $# -gt 0 ] && shift # the "--"

  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  local target="$root/$module/target"
  local stamp="$target/launcher.stamp"
  if [ ! -f "$stamp" ] || [ ! -f "$target/launcher.classpath" ] || [ ! -x "$(launcher_java_home "$target")/bin/java" ] \
     || [ -n "$(cd "$root" && find pom.xml ./*/pom.xml ./*/src/main terraform/step_functions -newer "$stamp" -print -quit 2>/dev/null)" ]; then
    if ! command -v mvn >/dev/null 2>&1; then
      echo "$name: Maven (mvn 3.8.7 or newer) is needed to build $module; install it (e.g. apt-get install maven)" >&2
      return 1
    fi
    echo "$name: building $module (first run, or sources changed) ..." >&2
    (cd "$root" && mvn -q -B -Dstyle.color=never -DskipTests -pl "$module" -am package) >&2 || return 1
    touch "$stamp"
  fi
  local java_home
  java_home="$(launcher_java_home "$target")"
  exec "$java_home/bin/java" ${jvm_options[@]+"${jvm_options[@]}"} \
    -cp "$target/classes:$(cat "$target/launcher.classpath")" "$main" "$@"
}

# The java.home line the build's launcher-jdk execution recorded (empty when there is none).
launcher_java_home() {
  sed -n 's/^ *java\.home = //p' "$1/launcher-jdk.txt" 2>/dev/null | head -n 1
}
