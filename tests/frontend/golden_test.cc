// Golden tests: every tests/frontend/golden/NAME.py is parsed and compared
// with NAME.py.expected, which regenerate_golden.py wrote from
// /usr/bin/python3.11 (`OK` + ast.dump(..., include_attributes=True), or
// `ERROR LINE OFFSET TYPE` + message). Errors must match on line, type and
// message.
//
// Finds the files through Bazel runfiles, or KILN_GOLDEN_DIR when run by hand.
#include <cstdlib>
#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/ast/arena.h"
#include "compiler/ast/dump.h"
#include "compiler/parse/parser.h"
#include "gtest/gtest.h"

namespace {

std::string GoldenDir() {
  if (const char* dir = std::getenv("KILN_GOLDEN_DIR")) return dir;
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const char* workspace = std::getenv("TEST_WORKSPACE");
  if (srcdir && workspace) {
    return std::string(srcdir) + "/" + workspace + "/tests/frontend/golden";
  }
  return "tests/frontend/golden";
}

std::string ReadFile(const std::string& path) {
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << stream.rdbuf();
  return buffer.str();
}

std::vector<std::string> GoldenFiles() {
  std::vector<std::string> names;
  DIR* dir = opendir(GoldenDir().c_str());
  if (dir == nullptr) return names;
  while (dirent* entry = readdir(dir)) {
    std::string name = entry->d_name;
    if (name.size() > 3 && name.compare(name.size() - 3, 3, ".py") == 0) names.push_back(name);
  }
  closedir(dir);
  std::sort(names.begin(), names.end());
  return names;
}

std::string Describe(const std::string& path) {
  kiln::ast::Arena arena;
  kiln::parse::ParseResult result = kiln::parse::ParseFile(path, ReadFile(path), arena);
  if (result.ok()) return "OK\n" + kiln::ast::DumpAst(result.module) + "\n";
  return "ERROR " + std::to_string(result.error.line) + " " + result.error.type + "\n" +
         result.error.message + "\n";
}

// The expected file minus the offset (columns of errors are not asserted).
std::string Normalize(const std::string& expected) {
  if (expected.compare(0, 6, "ERROR ") != 0) return expected;
  std::istringstream stream(expected);
  std::string word, line, offset, type, rest;
  stream >> word >> line >> offset >> type;
  std::getline(stream, rest);
  std::getline(stream, rest);
  return "ERROR " + line + " " + type + "\n" + rest + "\n";
}

TEST(GoldenTest, AllFilesMatchCPython) {
  std::vector<std::string> names = GoldenFiles();
  ASSERT_FALSE(names.empty()) << "no golden files in " << GoldenDir();
  for (const std::string& name : names) {
    std::string path = GoldenDir() + "/" + name;
    std::string expected = Normalize(ReadFile(path + ".expected"));
    EXPECT_EQ(Describe(path), expected) << name;
  }
}

}  // namespace
