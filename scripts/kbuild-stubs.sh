#!/bin/sh
# Builds the generated module-stub C and examples/streams with kbuild against real kernel
# headers, W=1, and fails on any warning (docs/stubs.md, "Build check").
#
# usage: scripts/kbuild-stubs.sh [--stubs-dir DIR] [--work DIR]
#   --stubs-dir DIR  stub files already rendered under DIR, laid out as `generate --stubs` writes
#                    them (include/linux/syscalltbl_stubs.h, kernel/syscalltbl/...); default:
#                    render data/stubs.yaml through dist/ (built first when missing)
#   --work DIR       build there and keep it (default: a temporary directory, removed)
# Headers: $SYSCALLTBL_KERNEL_HEADERS, else the newest /usr/src/linux-headers-6.12*-amd64.
# Exit: 0 built without a warning; 1 a build failed or warned; 77 no kernel headers (skipped).
#
# Three builds, all `make -C <headers> M=<dir> W=1`, with sparse (C=1: __user, __rcu) when it
# is installed:
#   1. the stub source as the kernel builds it: built in (obj-y, the generated Kbuild), full
#      configuration -- the check that matters;
#   2. the same source as a module, only to get a Module.symvers for the example to link
#      against. An external build cannot link into vmlinux, and syscall trace metadata
#      (CONFIG_FTRACE_SYSCALLS) refers to symbols vmlinux does not export to modules, since
#      system calls are never modules; so this build turns that one option off and adds the
#      MODULE_LICENSE a module needs (built-in code carries none), through an -include;
#   3. examples/streams against that Module.symvers.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
stubs_dir=
work=

while [ $# -gt 0 ]; do
	case $1 in
	--stubs-dir) stubs_dir=${2:?--stubs-dir needs a directory}; shift 2 ;;
	--work) work=${2:?--work needs a directory}; shift 2 ;;
	*) echo "kbuild-stubs: unknown argument: $1" >&2; exit 2 ;;
	esac
done

headers=${SYSCALLTBL_KERNEL_HEADERS:-}
if [ -z "$headers" ]; then
	headers=$(ls -d /usr/src/linux-headers-6.12*-amd64 2>/dev/null | sort -V | tail -n 1 || true)
fi
if [ -z "$headers" ] || [ ! -f "$headers/Makefile" ]; then
	echo "kbuild-stubs: SKIP: no kernel headers (set SYSCALLTBL_KERNEL_HEADERS, or install linux-headers-6.12.117+deb12-amd64)" >&2
	exit 77
fi
command -v make >/dev/null && command -v gcc >/dev/null || {
	echo "kbuild-stubs: SKIP: make and gcc are needed" >&2
	exit 77
}

if [ -z "$work" ]; then
	work=$(mktemp -d "${TMPDIR:-/tmp}/kbuild-stubs.XXXXXX")
	trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$work"
work=$(cd "$work" && pwd)

if [ -z "$stubs_dir" ]; then
	if [ ! -f "$root/dist/stubs/render-stubs.js" ] || [ -n "$(find "$root/src/stubs" "$root/src/common" -newer "$root/dist/stubs/render-stubs.js" -name '*.ts' 2>/dev/null | head -n 1)" ]; then
		(cd "$root" && node scripts/compile-schemas.mjs && npx tsc -p tsconfig.build.json >/dev/null) || true
	fi
	stubs_dir=$work/rendered
	node "$root/scripts/render-stubs.mjs" "$stubs_dir"
fi
header=$stubs_dir/include/linux/syscalltbl_stubs.h
source=$stubs_dir/kernel/syscalltbl/syscalltbl_stubs.c
kbuild=$stubs_dir/kernel/syscalltbl/Kbuild
for f in "$header" "$source" "$kbuild"; do
	[ -f "$f" ] || { echo "kbuild-stubs: missing $f" >&2; exit 1; }
done

log=$work/build.log
: >"$log"
jobs=$(nproc 2>/dev/null || echo 2)
sparse=
sparse_note='no (not installed)'
if command -v sparse >/dev/null; then
	sparse=C=1
	sparse_note=yes
fi

# make -C <headers> M=<dir> <args...>, logged; fails on an error or any warning.
kbuild() {
	dir=$1
	shift
	echo "kbuild-stubs: make -C $headers M=$dir W=1 $sparse $*" >&2
	# shellcheck disable=SC2086 # $sparse is one word or none
	if ! make -s -C "$headers" M="$dir" W=1 $sparse -j"$jobs" "$@" >"$dir.log" 2>&1; then
		cat "$dir.log" >&2
		echo "kbuild-stubs: FAIL: build failed in $dir" >&2
		exit 1
	fi
	cat "$dir.log" >>"$log"
	if grep -qi 'warning' "$dir.log"; then
		grep -i 'warning' "$dir.log" >&2
		echo "kbuild-stubs: FAIL: warnings in $dir" >&2
		exit 1
	fi
}

# 1. Built in, with the generated Kbuild (obj-y): the compile the kernel itself would run.
builtin=$work/builtin
rm -rf "$builtin" && mkdir -p "$builtin/include/linux"
cp "$header" "$builtin/include/linux/" && cp "$source" "$kbuild" "$builtin/"
kbuild "$builtin" KCFLAGS="-I$builtin/include" syscalltbl_stubs.o

# 2. As a module, for the Module.symvers the example links against.
module=$work/module
rm -rf "$module" && mkdir -p "$module/include/linux"
cp "$header" "$module/include/linux/" && cp "$source" "$module/"
cat >"$module/as-module.h" <<'EOF'
/* Test-only, included first: what the built-in stub source needs to link as a module. */
#undef CONFIG_FTRACE_SYSCALLS
#include <linux/module.h>
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("syscalltbl stub core, built as a module for a build test");
EOF
cat >"$module/Kbuild" <<'EOF'
# Test-only: the stub source as a module, so that the example has a Module.symvers to link to.
obj-m += syscalltbl_stubs.o
CFLAGS_syscalltbl_stubs.o += -include $(src)/as-module.h
EOF
kbuild "$module" KCFLAGS="-I$module/include" modules

# 3. The example module, against the stub API.
example=$work/streams
rm -rf "$example" && mkdir -p "$example"
cp "$root/examples/streams/streams_stub.c" "$root/examples/streams/Kbuild" "$example/"
kbuild "$example" KCFLAGS="-I$module/include" KBUILD_EXTRA_SYMBOLS="$module/Module.symvers" modules

for f in "$builtin/syscalltbl_stubs.o" "$module/syscalltbl_stubs.ko" "$example/streams_stub.ko"; do
	[ -f "$f" ] || { echo "kbuild-stubs: FAIL: $f was not built" >&2; exit 1; }
done
version=$(sed -n 's/^#define UTS_RELEASE "\(.*\)"/\1/p' "$headers/include/generated/utsrelease.h" 2>/dev/null || true)
compiler=$(sed -n 's/^CONFIG_CC_VERSION_TEXT="\(.*\)"/\1/p' "$headers/.config" 2>/dev/null || true)
echo "kbuild-stubs: OK: headers $headers (${version:-unknown}, ${compiler:-unknown compiler}); stub source built in and as a module, examples/streams built; W=1; sparse: $sparse_note; warnings: 0"
