// A small standalone driver for developing the front end (the real command
// line is compiler/driver/). Build with tests/frontend/build_dev.sh.
//
//   frontend_tool dump-ast FILE        ast.dump(ast.parse(...), include_attributes=True)
//   frontend_tool dump-tokens FILE     like `python3.11 -m tokenize FILE`
//   frontend_tool check FILE...        parse; print diagnostics; exit 1 on error
//   frontend_tool batch LIST OUT_DIR   for each path (line i of LIST) write
//                                      OUT_DIR/i.out like reference_dump.py does
//   frontend_tool batch-tokens LIST OUT_DIR   same with dump-tokens (i.tok)
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "compiler/ast/arena.h"
#include "compiler/ast/dump.h"
#include "compiler/diagnostics/diagnostics.h"
#include "compiler/lex/tokenizer.h"
#include "compiler/parse/parser.h"

namespace {

bool ReadFile(const std::string& path, std::string* contents) {
  std::ifstream stream(path, std::ios::binary);
  if (!stream) return false;
  std::ostringstream buffer;
  buffer << stream.rdbuf();
  *contents = buffer.str();
  return true;
}

std::string Describe(const std::string& path, const std::string& bytes) {
  kiln::ast::Arena arena;
  kiln::parse::ParseResult result = kiln::parse::ParseFile(path, bytes, arena);
  if (result.ok()) return "OK\n" + kiln::ast::DumpAst(result.module) + "\n";
  return "ERROR " + std::to_string(result.error.line) + " " +
         std::to_string(result.error.offset) + " " + result.error.type + "\n" +
         result.error.message + "\n";
}

int Usage() {
  std::cerr << "usage: frontend_tool dump-ast FILE | dump-tokens FILE | check FILE... | "
               "batch LIST OUT_DIR\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) return Usage();
  std::string command = argv[1];
  if (command == "dump-ast" || command == "dump-tokens") {
    std::string bytes;
    if (!ReadFile(argv[2], &bytes)) {
      std::cerr << "cannot read " << argv[2] << "\n";
      return 2;
    }
    if (command == "dump-tokens") {
      std::cout << kiln::lex::DumpTokens(bytes);
      return 0;
    }
    kiln::ast::Arena arena;
    kiln::parse::ParseResult result = kiln::parse::ParseFile(argv[2], bytes, arena);
    if (!result.ok()) {
      std::cerr << kiln::diagnostics::FormatError({argv[2], result.error.line,
                                                   result.error.offset,
                                                   result.error.type + ": " + result.error.message,
                                                   result.error.line_text});
      return 1;
    }
    std::cout << kiln::ast::DumpAst(result.module) << "\n";
    return 0;
  }
  if (command == "check") {
    int status = 0;
    for (int i = 2; i < argc; ++i) {
      std::string bytes;
      if (!ReadFile(argv[i], &bytes)) {
        std::cerr << argv[i] << ": error: cannot read file\n";
        status = 1;
        continue;
      }
      kiln::ast::Arena arena;
      kiln::parse::ParseResult result = kiln::parse::ParseFile(argv[i], bytes, arena);
      if (!result.ok()) {
        std::cerr << kiln::diagnostics::FormatError(
            {argv[i], result.error.line, result.error.offset,
             result.error.type + ": " + result.error.message, result.error.line_text});
        status = 1;
      }
    }
    return status;
  }
  if (command == "batch-tokens" && argc == 4) {
    std::ifstream list(argv[2]);
    std::string path;
    int index = 0;
    while (std::getline(list, path)) {
      std::string bytes;
      std::string text = ReadFile(path, &bytes) ? kiln::lex::DumpTokens(bytes) : "";
      std::ofstream out(std::string(argv[3]) + "/" + std::to_string(index) + ".tok",
                        std::ios::binary);
      out << text;
      ++index;
    }
    return 0;
  }
  if (command == "batch" && argc == 4) {
    std::ifstream list(argv[2]);
    std::string path;
    int index = 0;
    while (std::getline(list, path)) {
      std::string bytes;
      std::string text = ReadFile(path, &bytes) ? Describe(path, bytes) : "ERROR 0 0 IOError\n";
      std::ofstream out(std::string(argv[3]) + "/" + std::to_string(index) + ".out",
                        std::ios::binary);
      out << text;
      ++index;
    }
    return 0;
  }
  return Usage();
}
