// A small self-contained mutation fuzzer for the front end (g++ has no
// libFuzzer). Build it with sanitizers via build_dev.sh FUZZ=1 and run:
//   frontend_fuzz SECONDS SEED_FILE...
// Each iteration takes a seed file, applies a few random byte edits (delete,
// insert an interesting token, duplicate a slice, flip a byte, truncate),
// then tokenizes, parses and dumps it. A crash, sanitizer report or hang is a
// bug; the input is written to /tmp/kiln_fuzz_last.py before each run.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/ast/arena.h"
#include "compiler/ast/dump.h"
#include "compiler/lex/tokenizer.h"
#include "compiler/parse/parser.h"

namespace {

const char* const kInteresting[] = {
    "(", ")", "[", "]", "{", "}", ":", ",", "=", ".", "'", "\"", "'''", "\"\"\"", "\\",
    "#", "@", ";", "*", "**", "\n", "\t", "    ", "if ", "else", "lambda", "f\"{", "}\"",
    "f'{x!r:{y}}'", "0x", "1_", "1e", "\xe2\x82\xac", "\xff", "\r", "\f", "match x:\n case ",
    "async ", "await ", "yield", ":=", "->", "\\N{", "\\x", "b'", "rb'", "u'", "not ", "in ",
    "(((((((((((((((((((((", "-----------", "def f(", "class C(", "try:\n", "except* ",
    "\x00", "# coding: latin-1\n", "\xef\xbb\xbf"};

std::string Mutate(std::string text, std::mt19937_64& random) {
  int edits = 1 + static_cast<int>(random() % 4);
  for (int i = 0; i < edits; ++i) {
    size_t size = text.size();
    size_t position = size ? random() % (size + 1) : 0;
    switch (random() % 6) {
      case 0:
        if (position < size) text.erase(position, 1 + random() % 8);
        break;
      case 1:
        text.insert(position, kInteresting[random() % (sizeof(kInteresting) / sizeof(char*))]);
        break;
      case 2:
        if (position < size) {
          size_t length = std::min<size_t>(size - position, 1 + random() % 64);
          text.insert(random() % (size + 1), text.substr(position, length));
        }
        break;
      case 3:
        if (position < size) text[position] = static_cast<char>(random() & 0xFF);
        break;
      case 4:
        text.resize(position);
        break;
      default:
        text.insert(position, 1, static_cast<char>(random() & 0x7F));
        break;
    }
  }
  return text;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: frontend_fuzz SECONDS SEED_FILE...\n";
    return 2;
  }
  double seconds = std::strtod(argv[1], nullptr);
  std::vector<std::string> seeds;
  for (int i = 2; i < argc; ++i) {
    std::ifstream stream(argv[i], std::ios::binary);
    std::ostringstream buffer;
    buffer << stream.rdbuf();
    if (buffer.str().size() < 200000) seeds.push_back(buffer.str());
  }
  if (seeds.empty()) return 2;
  std::mt19937_64 random(12345);
  auto start = std::chrono::steady_clock::now();
  long iterations = 0, accepted = 0;
  while (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() <
         seconds) {
    std::string input = Mutate(seeds[random() % seeds.size()], random);
    {
      std::ofstream last("/tmp/kiln_fuzz_last.py", std::ios::binary);
      last << input;
    }
    kiln::ast::Arena arena;
    kiln::parse::ParseResult result = kiln::parse::ParseFile("fuzz.py", input, arena);
    if (result.ok()) {
      ++accepted;
      (void)kiln::ast::DumpAst(result.module);
    }
    (void)kiln::lex::DumpTokens(input);
    ++iterations;
  }
  std::cout << "iterations: " << iterations << " accepted: " << accepted << "\n";
  return 0;
}
