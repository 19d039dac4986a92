#!/bin/sh
# syscalltbl kernel e2e: stands in for the kernel's @SCRIPT_NAME@ in the build's source overlay
# (never in the source tree itself). Kbuild calls it as it calls the real script,
#   sh @SCRIPT_NAME@ [options] <input .tbl> <output header>
# and it installs syscalltbl's header for <output header>, from `generate --stubs`. As a cross
# check it also runs the kernel's own script with the same arguments, and stops the build if the
# two differ by one byte.
set -eu
generated='@GENERATED@'
kernel_script='@KERNEL_SCRIPT@'

# The last argument is the output; the rest go to the kernel's script unchanged.
n=$#
i=0
for arg; do
	i=$((i + 1))
	if [ "$i" -eq "$n" ]; then out=$arg; else set -- "$@" "$arg"; fi
done
shift "$n"

ours="$generated/$out"
if [ ! -f "$ours" ]; then
	echo "syscalltbl e2e: syscalltbl generated no $out (looked for $ours)" >&2
	exit 1
fi
# Same file name in a folder of its own: the script derives the include guard from it.
theirs="$(dirname "$out")/.kernel-script/$(basename "$out")"
mkdir -p "$(dirname "$theirs")"
sh "$kernel_script" "$@" "$theirs"
if ! cmp -s "$ours" "$theirs"; then
	echo "syscalltbl e2e: $out: syscalltbl's header differs from the kernel script's:" >&2
	diff -u "$theirs" "$ours" >&2 || true
	exit 1
fi
rm -f "$theirs"
cp "$ours" "$out"
echo "$out" >>'@LOG@'
