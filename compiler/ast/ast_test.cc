#include "compiler/ast/ast.h"

#include <limits>
#include <string>

#include "compiler/ast/arena.h"
#include "compiler/ast/dump.h"
#include "compiler/ast/visit.h"
#include "gtest/gtest.h"

namespace kiln::ast {
namespace {

TEST(AstTest, KindNamesMatchPython) {
  EXPECT_STREQ(KindName(Kind::kArg), "arg");
  EXPECT_STREQ(KindName(Kind::kMatchCase), "match_case");
  EXPECT_STREQ(KindName(Kind::kFunctionDef), "FunctionDef");
  EXPECT_TRUE(HasAttributes(Kind::kKeyword));
  EXPECT_FALSE(HasAttributes(Kind::kComprehension));
}

TEST(AstTest, DumpOmitsNoneOptionalFieldsAndPrintsAttributes) {
  Arena arena;
  auto* name = arena.New<Name>();
  name->id = arena.CopyString("x");
  name->ctx = ExprContext::kLoad;
  name->lineno = 1;
  name->end_lineno = 1;
  name->end_col_offset = 1;
  auto* ret = arena.New<Return>();
  ret->lineno = 1;
  ret->end_lineno = 1;
  ret->end_col_offset = 6;
  EXPECT_EQ(DumpAst(ret), "Return(lineno=1, col_offset=0, end_lineno=1, end_col_offset=6)");
  EXPECT_EQ(DumpAst(name),
            "Name(id='x', ctx=Load(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)");
}

TEST(AstTest, PythonReprs) {
  // Each expectation is what repr() prints under python3.11.
  EXPECT_EQ(PythonStrRepr("it's"), "\"it's\"");
  EXPECT_EQ(PythonStrRepr("a'\"b"), "'a\\'\"b'");
  EXPECT_EQ(PythonStrRepr("\t\x01\xc3\xa9\xe2\x80\x8b"), "'\\t\\x01\xc3\xa9\\u200b'");
  EXPECT_EQ(PythonBytesRepr(std::string("\x00\xff'", 3)), "b\"\\x00\\xff'\"");
  EXPECT_EQ(PythonFloatRepr(0.1), "0.1");
  EXPECT_EQ(PythonFloatRepr(1e16), "1e+16");
  EXPECT_EQ(PythonFloatRepr(1e15), "1000000000000000.0");
  EXPECT_EQ(PythonFloatRepr(1e-5), "1e-05");
  EXPECT_EQ(PythonFloatRepr(0.0001), "0.0001");
  EXPECT_EQ(PythonFloatRepr(std::numeric_limits<double>::infinity()), "inf");
  EXPECT_EQ(PythonImaginaryRepr(1.0), "1j");
  EXPECT_EQ(PythonImaginaryRepr(2.5), "2.5j");
  EXPECT_EQ(PythonImaginaryRepr(1e20), "1e+20j");
}

TEST(AstTest, MaxDepth) {
  Arena arena;
  auto* inner = arena.New<Constant>();
  auto* outer = arena.New<UnaryOp>();
  outer->operand = inner;
  EXPECT_EQ(MaxDepth(outer, 10), 2);
  EXPECT_EQ(MaxDepth(outer, 0), 1);
}

}  // namespace
}  // namespace kiln::ast
