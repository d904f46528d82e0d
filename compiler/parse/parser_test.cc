#include "compiler/parse/parser.h"

#include <string>

#include "compiler/ast/arena.h"
#include "compiler/ast/dump.h"
#include "gtest/gtest.h"

namespace kiln::parse {
namespace {

std::string Dump(std::string_view source) {
  ast::Arena arena;
  ParseResult result = ParseFile("t.py", source, arena);
  if (!result.ok()) return "error: " + result.error.message;
  return ast::DumpAst(result.module);
}

SyntaxErrorInfo Error(std::string_view source) {
  ast::Arena arena;
  ParseResult result = ParseFile("t.py", source, arena);
  EXPECT_FALSE(result.ok()) << source;
  return result.error;
}

// Expected dumps below were printed by
//   /usr/bin/python3.11 -c 'import ast; print(ast.dump(ast.parse(SRC), include_attributes=True))'
TEST(ParserTest, Assignment) {
  EXPECT_EQ(Dump("x = -1\n"),
            "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, "
            "end_lineno=1, end_col_offset=1)], value=UnaryOp(op=USub(), operand=Constant("
            "value=1, lineno=1, col_offset=5, end_lineno=1, end_col_offset=6), lineno=1, "
            "col_offset=4, end_lineno=1, end_col_offset=6), lineno=1, col_offset=0, "
            "end_lineno=1, end_col_offset=6)], type_ignores=[])");
}

TEST(ParserTest, FStringPositions) {
  EXPECT_EQ(Dump("f'{x!r}'\n"),
            "Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', "
            "ctx=Load(), lineno=1, col_offset=3, end_lineno=1, end_col_offset=4), "
            "conversion=114, lineno=1, col_offset=0, end_lineno=1, end_col_offset=8)], "
            "lineno=1, col_offset=0, end_lineno=1, end_col_offset=8), lineno=1, col_offset=0, "
            "end_lineno=1, end_col_offset=8)], type_ignores=[])");
}

TEST(ParserTest, BigIntegersPrintInDecimal) {
  EXPECT_NE(Dump("0xFFFFFFFFFFFFFFFFFFFF\n").find("value=1208925819614629174706175,"),
            std::string::npos);
}

TEST(ParserTest, ErrorsMatchCPython) {
  SyntaxErrorInfo error = Error("if x:\npass\n");
  EXPECT_EQ(error.type, "IndentationError");
  EXPECT_EQ(error.message, "expected an indented block after 'if' statement on line 1");
  EXPECT_EQ(error.line, 2);

  error = Error("x = (1,\n  2\n");
  EXPECT_EQ(error.message, "'(' was never closed");
  EXPECT_EQ(error.line, 1);
  EXPECT_EQ(error.offset, 5);

  error = Error("f() = 1\n");
  EXPECT_EQ(error.message,
            "cannot assign to function call here. Maybe you meant '==' instead of '='?");

  error = Error("f(a b)\n");
  EXPECT_EQ(error.message, "invalid syntax. Perhaps you forgot a comma?");

  error = Error("a b c\n");
  EXPECT_EQ(error.message, "invalid syntax");
  EXPECT_EQ(error.offset, 3);

  error = Error("x = 1\n  y = 2\n");
  EXPECT_EQ(error.message, "unexpected indent");
  EXPECT_EQ(error.line, 2);

  error = Error("b'a' 'b'\n");
  EXPECT_EQ(error.message, "cannot mix bytes and nonbytes literals");
}

TEST(ParserTest, NeverRecursesWithoutBound) {
  std::string deep(100000, '-');
  deep += "1\n";
  SyntaxErrorInfo error = Error(deep);
  EXPECT_EQ(error.line, 0);
  std::string parens(300, '(');
  error = Error(parens);
  EXPECT_EQ(error.message, "too many nested parentheses");
}

}  // namespace
}  // namespace kiln::parse
