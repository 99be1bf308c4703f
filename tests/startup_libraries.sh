#!/usr/bin/env bash
# The shared libraries every run of kexport loads: the C library alone. Each further one costs a
# run about 0.4 ms of start-up here, more than some questions answered from the cache take; the
# libraries only some runs need (libzip, expat, ISA-L, libgsf, Nettle, libcurl) are loaded when
# first needed (include/kexport/model/lazy_library.hpp). Fails naming any other library the
# binary asks the dynamic loader for.
set -euo pipefail
binary=$1
needed=$(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
unexpected=$(echo "$needed" | grep -v -x -e 'libc.so.6' -e 'libm.so.6' -e 'ld-linux-x86-64.so.2' || true)
if [ -n "$unexpected" ]; then
  echo "startup_libraries: $binary loads at start-up, beyond the C library:" >&2
  echo "$unexpected" >&2
  exit 1
fi
echo "startup_libraries: $binary loads only:" $needed
