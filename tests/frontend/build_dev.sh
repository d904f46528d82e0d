#!/bin/sh
# Builds the front end and tests/frontend/frontend_tool with plain g++ (no
# Bazel), for quick iteration. Output: ${OUT:-/tmp/kiln_frontend}/frontend_tool
#   sh tests/frontend/build_dev.sh            # optimised
#   OPT=-O0 sh tests/frontend/build_dev.sh    # debug
#   FUZZ=1 sh tests/frontend/build_dev.sh     # + ASan/UBSan frontend_fuzz in $OUT
set -e
cd "$(dirname "$0")/../.."
OUT=${OUT:-/tmp/kiln_frontend}
OPT=${OPT:--O2}
mkdir -p "$OUT"
SOURCES="compiler/lex/unicode.cc compiler/lex/tokenizer.cc compiler/ast/ast.cc
  compiler/ast/dump.cc compiler/ast/visit.cc compiler/parse/literals.cc compiler/parse/unicode_names.cc
  compiler/parse/parser.cc compiler/parse/parser_statements.cc compiler/parse/parser_compound.cc
  compiler/parse/parser_expressions.cc compiler/parse/parser_atoms.cc compiler/parse/parser_strings.cc
  compiler/parse/parser_patterns.cc compiler/diagnostics/diagnostics.cc"
OBJECTS=""
for source in $SOURCES; do
  object="$OUT/$(echo "$source" | tr / _).o"
  if [ ! -f "$object" ] || [ "$source" -nt "$object" ] || \
     [ -n "$(find compiler -name '*.h' -newer "$object" | head -1)" ]; then
    g++ -std=c++17 $OPT -g -Wall -Wextra -Wno-unused-parameter -I. -c "$source" -o "$object"
  fi
  OBJECTS="$OBJECTS $object"
done
ABSL_LIBS="-labsl_str_format_internal -labsl_strings -labsl_strings_internal -labsl_status \
  -labsl_statusor -labsl_cord -labsl_cord_internal -labsl_cordz_info -labsl_cordz_handle \
  -labsl_cordz_functions -labsl_exponential_biased -labsl_synchronization -labsl_time \
  -labsl_time_zone -labsl_int128 -labsl_base -labsl_spinlock_wait -labsl_raw_logging_internal \
  -labsl_throw_delegate -labsl_stacktrace -labsl_symbolize -labsl_debugging_internal \
  -labsl_demangle_internal -labsl_malloc_internal -labsl_graphcycles_internal \
  -labsl_civil_time -labsl_log_severity -labsl_bad_optional_access -labsl_strerror"
# shellcheck disable=SC2086
g++ -std=c++17 $OPT -g -I. tests/frontend/frontend_tool.cc $OBJECTS -o "$OUT/frontend_tool" \
  $ABSL_LIBS
echo "built $OUT/frontend_tool"
if [ -n "$FUZZ" ]; then
  SANITIZE="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
  # shellcheck disable=SC2086
  g++ -std=c++17 -O1 -g $SANITIZE -I. $SOURCES tests/frontend/frontend_fuzz.cc \
    -o "$OUT/frontend_fuzz" $ABSL_LIBS
  echo "built $OUT/frontend_fuzz"
fi
