#!/usr/bin/env bash
# The compiler holds the layers apart: a file of the http layer, compiled against the http
# layer's view of src/, can include a service header but not a store header (there is no
# store/ in that view). Both halves are checked so the test fails if the view is broken in
# either direction.   compile_in_view.sh CXX VIEW_ROOT
set -euo pipefail
cxx=$1 views=$2
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
printf '#include "service/core/health_service.hpp"\nint main() {}\n' > "$scratch/allowed.cpp"
printf '#include "store/core/db.hpp"\nint main() {}\n' > "$scratch/planted.cpp"
"$cxx" -std=c++20 -fsyntax-only -I "$views/http" "$scratch/allowed.cpp"
if out=$("$cxx" -std=c++20 -fsyntax-only -I "$views/http" "$scratch/planted.cpp" 2>&1); then
  echo "the http view let a store header through" >&2
  exit 1
fi
grep -q 'store/core/db.hpp: No such file' <<<"$out" || { echo "$out" >&2; exit 1; }
echo "http view: service headers compile, store headers do not"
