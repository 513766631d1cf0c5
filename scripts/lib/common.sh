# Sourced by every script in scripts/, so that they behave alike:
#   --help / -h   prints the script's header comment (the lines between the shebang and `set -euo`);
#   -Dname=value  options are Maven's: they are collected in MAVEN_D and given to the script's mvn call
#                 (MAVEN_OPTS, for the JVM that runs Maven, is read by mvn itself as usual);
#   everything else is left in ARGS, in order, for the script.
# Scripts make temporary directories only with `scratch_dir`, which removes them when the script exits.
script_help() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'
}
MAVEN_D=()
ARGS=()
for arg in "$@"; do
  case "$arg" in
    -h|--help) script_help; exit 0 ;;
    -D*) MAVEN_D+=("$arg") ;;
    *) ARGS+=("$arg") ;;
  esac
done
SCRATCH_DIRS=()
cleanup_scratch() {
  for d in "${SCRATCH_DIRS[@]+"${SCRATCH_DIRS[@]}"}"; do rm -rf "$d"; done
}
trap cleanup_scratch EXIT
# scratch_dir VAR: makes a temporary directory, removed on exit, and stores its path in VAR.
scratch_dir() {
  local d
  d="$(mktemp -d)"
  SCRATCH_DIRS+=("$d")
  printf -v "$1" '%s' "$d"
}
