# Helpers for the CLI cases (loaded by tests/run.sh before each case).

# skip REASON: this case cannot run here; say why.
skip() {
  printf '%s\n' "$*" >"$TMC_SKIP_FILE"
  exit 77
}

# need_shared: skip unless ../shared (the development data) is there.
need_shared() {
  [ -n "$SHARED" ] || skip "../shared is not there (development data and tools)"
}

# need_cmd CMD...: skip unless every CMD is installed.
need_cmd() {
  for c in "$@"; do
    command -v "$c" >/dev/null 2>&1 || skip "$c is not installed (make deps)"
  done
}

# need_locale NAME: skip unless the locale NAME (e.g. az_AZ.UTF-8) exists.
need_locale() {
  locale -a 2>/dev/null | sed 's/utf8/UTF-8/' | grep -qx "$1" ||
    skip "locale $1 is not installed (make deps generates it)"
}

# exclusive NAME: from here to the end of the case, hold NAME (a fixed
# port, a fixed file name outside the scratch directory) alone among the
# cases of this run: wait while another case holds it.  tests/run.sh
# releases it when the case ends, however it ends.
exclusive() {
  case $1 in
    ''|*/*|.*) echo "exclusive: bad name '$1'" >&2; exit 2 ;;
  esac
  until mkdir "$TMC_LOCK_DIR/$1" 2>/dev/null; do
    sleep 0.1 2>/dev/null || sleep 1
  done
  printf '%s\n' "$TMC_CASE" >"$TMC_LOCK_DIR/$1/owner"
  printf '%s\n' "$1" >>"$TMC_LOCK_LIST"
}
