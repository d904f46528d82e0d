// libFuzzer target for the front end: tokenizer, parser, ast.dump, scope analysis and the
// compiler's syntax checks.
//
// Every input is tokenized (with comments, as `kilnc dump-tokens` does) and parsed as a
// file; when it parses, its AST is dumped and analysed by kiln::sema::AnalyzeScopes, then
// (when that accepts it) checked by kiln::sema::CheckSyntax. A
// crash, hang, leak or sanitizer report is a bug. Bazel's toolchain is gcc, so
// //tests/frontend:parser_fuzz_test (parser_fuzz_test.sh) builds this with clang++-14
// and -fsanitize=fuzzer,address,undefined and runs it for a bounded time. By hand:
//
//   clang++-14 -std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -I. \
//       tests/frontend/parser_fuzzer.cc compiler/{lex,ast,parse}/*.cc ... -o parser_fuzzer
//   ./parser_fuzzer -max_total_time=60 CORPUS_DIR
//
// (parser_fuzz_test.sh has the exact source list and libraries.)
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "compiler/ast/arena.h"
#include "compiler/ast/dump.h"
#include "compiler/lex/tokenizer.h"
#include "compiler/parse/parser.h"
#include "compiler/sema/scopes.h"
#include "compiler/sema/syntax_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  (void)kiln::lex::DumpTokens(input);
  kiln::ast::Arena arena;
  kiln::parse::ParseResult result = kiln::parse::ParseFile("fuzz.py", input, arena);
  if (!result.ok()) return 0;
  std::string dump = kiln::ast::DumpAst(result.module);
  if (dump.empty()) __builtin_trap();  // a module always dumps as Module(...)
  kiln::sema::ScopeTree scopes;
  std::optional<kiln::sema::ScopeError> error = kiln::sema::AnalyzeScopes(result.module, &scopes);
  if (error) return 0;
  (void)kiln::sema::DumpScopes(scopes);
  (void)kiln::sema::CheckSyntax(result.module, scopes);
  return 0;
}
