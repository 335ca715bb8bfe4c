# 'make install DESTDIR=... PREFIX=...' installs a working tree: the program
# runs from it and speaks Azerbaijani with the installed catalogue, the
# headers and library build a program through the installed tmconv.pc, and
# 'make uninstall' removes every file again.
need_cmd pkg-config cc
stage=$PWD/stage
# Install the plain build, also under 'make check-asan' (whose B and
# SAN_FLAGS would otherwise reach this make through MAKEFLAGS).
unset MAKEFLAGS MFLAGS MAKELEVEL B SAN_FLAGS
make -s -C "$SRCDIR" install DESTDIR="$stage" PREFIX=/opt/tmc >make.log 2>&1 ||
  { echo "make install failed"; tail make.log; exit 1; }
p=$stage/opt/tmc
for f in bin/tmconv lib/libtmconv.a lib/pkgconfig/tmconv.pc \
         share/man/man1/tmconv.1 share/locale/az/LC_MESSAGES/tmconv.mo \
         share/locale/fa/LC_MESSAGES/tmconv.mo; do
  [ -f "$p/$f" ] || echo "not installed: $f"
done
for h in "$SRCDIR"/include/tmconv/*.h; do
  cmp -s "$h" "$p/include/tmconv/${h##*/}" || echo "header not installed: ${h##*/}"
done
for d in "$SRCDIR"/src/data/*; do
  [ -f "$d" ] || continue
  cmp -s "$d" "$p/share/tmconv/${d##*/}" || echo "data file not installed: ${d##*/}"
done
"$stage/opt/tmc/bin/tmconv" --version | head -n 1
# The installed catalogues work (the configured localedir lies inside the
# stage only through TMCONV_LOCALEDIR; LANGUAGE picks the language, which
# glibc honours under C.UTF-8).
for l in az fa; do
  TMCONV_LOCALEDIR=$stage/opt/tmc/share/locale LANGUAGE=$l \
    "$stage/opt/tmc/bin/tmconv" --help | head -n 1
done
cat >prog.c <<'C'
#include <stdio.h>
#include <stdlib.h>
#include <tmconv/tmconv.h>
int
main (void)
{
  char *key;
  size_t n;
  if (tmc_match_key ("az", "BAKI ۱۹۹۰", sizeof "BAKI ۱۹۹۰" - 1, &key, &n, NULL) != TMC_OK)
    return 1;
  printf ("%s %s\n", tmc_version (), key);
  free (key);
  return 0;
}
C
export PKG_CONFIG_SYSROOT_DIR=$stage
export PKG_CONFIG_PATH=$stage/opt/tmc/lib/pkgconfig
flags=$(pkg-config --cflags --libs --static tmconv) || { echo "pkg-config failed"; exit 1; }
# shellcheck disable=SC2086
cc -o prog prog.c $flags || { echo "compiling against the stage failed: $flags"; exit 1; }
./prog
make -s -C "$SRCDIR" uninstall DESTDIR="$stage" PREFIX=/opt/tmc >make.log 2>&1 ||
  { echo "make uninstall failed"; tail make.log; exit 1; }
echo "left after uninstall: $(find "$stage" -type f | wc -l) files"
