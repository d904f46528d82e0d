// FuseArithmetic: a tree of +, -, *, /, //, % becomes one Arithmetic op over its leaves,
// in evaluation order, each node keeping its own site; anything that could observe the
// moved operations (a call, an unbound-local check, a second use) keeps them apart.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/ir/printer.h"
#include "compiler/ir/verifier.h"
#include "compiler/opt/passes.h"
#include "compiler/opt/test_util.h"

namespace kiln::opt {
namespace {

using test_util::CountOp;
using test_util::DefinitionOf;
using test_util::InstrsWithOp;
using test_util::LowerOrFail;
using test_util::LoweredForTest;

// Lowers `f`, runs the passes up to and including fuse-arithmetic (the verifier after
// each), and then the rest, so that the result is also checked with explicit refcounts.
std::unique_ptr<LoweredForTest> Fused(const std::string& source, std::string* printed) {
  std::unique_ptr<LoweredForTest> lowered = LowerOrFail(source, "f");
  if (lowered == nullptr) return nullptr;
  absl::Status status = test_util::RunThrough(lowered->function, "fuse-arithmetic");
  EXPECT_TRUE(status.ok()) << status << "\n" << ir::Print(lowered->function);
  *printed = ir::Print(lowered->function);
  status = test_util::RunThrough(lowered->function, "");
  EXPECT_TRUE(status.ok()) << status << "\n" << ir::Print(lowered->function);
  return lowered;
}

TEST(FuseArithmeticTest, FusesATreeIntoOneOpInEvaluationOrder) {
  std::string printed;
  auto lowered = Fused("def f(x, y, z):\n  return x * x + y * y - z / 2\n", &printed);
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  EXPECT_EQ(CountOp(f, ir::Op::kBinary), 0) << printed;
  std::vector<const ir::Instr*> fused = InstrsWithOp(f, ir::Op::kArithmetic);
  ASSERT_EQ(fused.size(), 1u) << printed;
  const ir::ArithmeticProgram& program = f.arithmetic[fused[0]->number];
  ASSERT_EQ(program.size(), 5u);
  // x * x, y * y, +, z / 2, -: operands before their users, left before right.
  EXPECT_EQ(program[0].op, ast::OperatorKind::kMult);
  EXPECT_EQ(program[1].op, ast::OperatorKind::kMult);
  EXPECT_EQ(program[2].op, ast::OperatorKind::kAdd);
  EXPECT_EQ(program[2].left, 0);
  EXPECT_EQ(program[2].right, 1);
  EXPECT_EQ(program[3].op, ast::OperatorKind::kDiv);
  EXPECT_EQ(program[4].op, ast::OperatorKind::kSub);
  EXPECT_EQ(program[4].left, 2);
  EXPECT_EQ(program[4].right, 3);
  // Leaves: the two loads of x, of y, z and the constant 2.
  EXPECT_EQ(fused[0]->operands.size(), 6u);
  EXPECT_EQ(DefinitionOf(f, fused[0]->operands[5])->op, ir::Op::kConstant);
  // Every operation reports its errors at its own expression.
  for (size_t i = 0; i + 1 < program.size(); ++i) EXPECT_NE(program[i].site, program[i + 1].site);
  EXPECT_THAT(printed, testing::HasSubstr("Arithmetic [((%0 * %1) + (%2 * %3)) - (%4 / %5)]"));
}

TEST(FuseArithmeticTest, ACallBetweenOperationsKeepsThemApart) {
  std::string printed;
  // a * b is computed before g() runs; fusing would move it after the call.
  auto lowered = Fused("def f(a, b):\n  return a * b + g()\n", &printed);
  ASSERT_NE(lowered, nullptr);
  EXPECT_EQ(CountOp(lowered->function, ir::Op::kArithmetic), 0) << printed;
  EXPECT_EQ(CountOp(lowered->function, ir::Op::kBinary), 2) << printed;
}

TEST(FuseArithmeticTest, ACallBeforeTheFirstOperationIsALeaf) {
  std::string printed;
  auto lowered = Fused("def f(a, b):\n  return g() * a + b\n", &printed);
  ASSERT_NE(lowered, nullptr);
  std::vector<const ir::Instr*> fused = InstrsWithOp(lowered->function, ir::Op::kArithmetic);
  ASSERT_EQ(fused.size(), 1u) << printed;
  EXPECT_EQ(DefinitionOf(lowered->function, fused[0]->operands[0])->op, ir::Op::kCall);
}

TEST(FuseArithmeticTest, AnUnboundCheckBetweenOperationsKeepsThemApart) {
  std::string printed;
  // `late` may be unbound: its check (which raises) runs after a * b.
  auto lowered = Fused("def f(a, b, c):\n  if c:\n    late = 1\n  return a * b + late\n", &printed);
  ASSERT_NE(lowered, nullptr);
  EXPECT_EQ(CountOp(lowered->function, ir::Op::kArithmetic), 0) << printed;
}

TEST(FuseArithmeticTest, OtherOperatorsAndSecondUsesAreLeaves) {
  std::string printed;
  auto lowered = Fused("def f(a, b, c):\n  t = a * b\n  return (a ** 2) + b * c + t\n", &printed);
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  // ** is not fused: its result is a leaf of the tree of + and *; t = a * b alone is
  // a single operation (stored, not used by another operation).
  EXPECT_EQ(CountOp(f, ir::Op::kArithmetic), 1) << printed;
  EXPECT_EQ(CountOp(f, ir::Op::kBinary), 2) << printed;
  // Leaves are numbered as the operations first use them.
  EXPECT_THAT(printed, testing::HasSubstr("Arithmetic [(%2 + (%0 * %1)) + %3]"));
}

TEST(FuseArithmeticTest, InPlaceOperatorsKeepTheirKind) {
  std::string printed;
  // (`local += x` has an op of its own, for str; -= is an in-place Binary.)
  auto lowered = Fused("def f(a, b, c):\n  a -= b * c\n  return a\n", &printed);
  ASSERT_NE(lowered, nullptr);
  std::vector<const ir::Instr*> fused = InstrsWithOp(lowered->function, ir::Op::kArithmetic);
  ASSERT_EQ(fused.size(), 1u) << printed;
  const ir::ArithmeticProgram& program = lowered->function.arithmetic[fused[0]->number];
  ASSERT_EQ(program.size(), 2u);
  EXPECT_FALSE(program[0].in_place);
  EXPECT_TRUE(program[1].in_place);
  EXPECT_THAT(printed, testing::HasSubstr("Arithmetic [%2 -= (%0 * %1)]"));
}

TEST(FuseArithmeticTest, AConditionOnATreeIsOneTruthValue) {
  std::string printed;
  auto lowered = Fused("def f(x, y):\n  if x * x + y * y < 4.0:\n    return 1\n  return 0\n", &printed);
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  EXPECT_EQ(CountOp(f, ir::Op::kCompareBool), 0) << printed;
  std::vector<const ir::Instr*> fused = InstrsWithOp(f, ir::Op::kArithmeticCompare);
  ASSERT_EQ(fused.size(), 1u) << printed;
  EXPECT_EQ(f.values[fused[0]->result()].repr, ir::Repr::kCInt);
  EXPECT_THAT(printed, testing::HasSubstr("ArithmeticCompare [((%0 * %1) + (%2 * %3)) < %4]"));
  // `is` and `in` stay as they are.
  auto identity = Fused("def f(x, y):\n  return x * 2 in y\n", &printed);
  ASSERT_NE(identity, nullptr);
  EXPECT_EQ(CountOp(identity->function, ir::Op::kArithmeticCompare), 0) << printed;
}

}  // namespace
}  // namespace kiln::opt
