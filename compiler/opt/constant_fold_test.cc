// ConstantFold: operations on constants become constants (only where the result is
// the one Python computes: ints in 64 bits, no division by zero), branches on known
// truths become jumps, and a constant stored to a local reaches the loads after it.
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

using Type = ast::ConstantValue::Type;
using test_util::CountOp;
using test_util::DefinitionOf;
using test_util::InstrsWithOp;
using test_util::LowerOrFail;
using test_util::LoweredForTest;

// Lowers `name` from `source` and runs definite assignment (which forwarding needs:
// it only replaces loads proven bound) and constant folding.
std::unique_ptr<LoweredForTest> Folded(const std::string& source, const std::string& name = "f") {
  std::unique_ptr<LoweredForTest> lowered = LowerOrFail(source, name);
  if (lowered == nullptr) return nullptr;
  DefiniteAssignment(lowered->function);
  ConstantFold(lowered->function);
  absl::Status status = ir::Verify(lowered->function);
  EXPECT_TRUE(status.ok()) << status << "\n" << ir::Print(lowered->function);
  return lowered;
}

// The instruction that defines the operand of the function's only Return.
const ir::Instr* Returned(const ir::Function& f) {
  std::vector<const ir::Instr*> returns = InstrsWithOp(f, ir::Op::kReturn);
  if (returns.size() != 1 || returns[0]->operands.size() != 1) return nullptr;
  return DefinitionOf(f, returns[0]->operands[0]);
}

// "Constant <text>" for an int constant, else what ir::ConstantText prints.
std::string Describe(const ir::Instr* instr) {
  if (instr == nullptr) return "(nothing)";
  if (instr->op != ir::Op::kConstant) return ir::NameOf(instr->op);
  return "Constant " + ir::ConstantText(instr->constant);
}

TEST(ConstantFoldTest, NegativeLiteral) {
  auto lowered = Folded("def f():\n  return -1\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  EXPECT_EQ(CountOp(f, ir::Op::kUnary), 0) << ir::Print(f);
  const ir::Instr* returned = Returned(f);
  ASSERT_NE(returned, nullptr);
  EXPECT_EQ(returned->constant.type, Type::kInt);
  EXPECT_EQ(Describe(returned), "Constant -1");
  // A constant is borrowed (the module owns it): the function holds no reference.
  EXPECT_FALSE(f.values[returned->result()].owned);
}

TEST(ConstantFoldTest, UnaryOperatorsOnInts) {
  auto lowered = Folded("def f():\n  return (+5, ~5, -(-5))\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  EXPECT_EQ(CountOp(f, ir::Op::kUnary), 0) << ir::Print(f);
  std::vector<const ir::Instr*> tuples = InstrsWithOp(f, ir::Op::kBuildTuple);
  ASSERT_EQ(tuples.size(), 1u);
  std::vector<std::string> items;
  for (ir::ValueId operand : tuples[0]->operands) items.push_back(Describe(DefinitionOf(f, operand)));
  EXPECT_THAT(items, ::testing::ElementsAre("Constant 5", "Constant -6", "Constant 5"));
}

TEST(ConstantFoldTest, NegatedFloat) {
  auto lowered = Folded("def f():\n  return -1.5\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Instr* returned = Returned(lowered->function);
  ASSERT_NE(returned, nullptr);
  ASSERT_EQ(returned->op, ir::Op::kConstant) << ir::Print(lowered->function);
  EXPECT_EQ(returned->constant.type, Type::kFloat);
  EXPECT_EQ(returned->constant.number, -1.5);
}

TEST(ConstantFoldTest, ArithmeticChain) {
  auto lowered = Folded("def f():\n  return 2 * 3 + 1\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  EXPECT_EQ(CountOp(f, ir::Op::kBinary), 0) << ir::Print(f);
  const ir::Instr* returned = Returned(f);
  EXPECT_EQ(Describe(returned), "Constant 7") << ir::Print(f);
  EXPECT_FALSE(f.values[returned->result()].owned);
}

TEST(ConstantFoldTest, FloorDivisionAndModuloRoundAsPythonDoes) {
  auto lowered = Folded("def f():\n  return (-7 // 2, -7 % 2, 7 % -2, 7 // -2, 6 - 10)\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  EXPECT_EQ(CountOp(f, ir::Op::kBinary), 0) << ir::Print(f);
  std::vector<const ir::Instr*> tuples = InstrsWithOp(f, ir::Op::kBuildTuple);
  ASSERT_EQ(tuples.size(), 1u);
  std::vector<std::string> items;
  for (ir::ValueId operand : tuples[0]->operands) items.push_back(Describe(DefinitionOf(f, operand)));
  // What python3.11 prints for the same tuple.
  EXPECT_THAT(items, ::testing::ElementsAre("Constant -4", "Constant 1", "Constant -1",
                                            "Constant -4", "Constant -4"));
}

TEST(ConstantFoldTest, ResultsThatFitIn64BitsAreFolded) {
  auto lowered = Folded("def f():\n  return 999999999999999999 + 999999999999999999\n");
  ASSERT_NE(lowered, nullptr);
  EXPECT_EQ(Describe(Returned(lowered->function)), "Constant 1999999999999999998")
      << ir::Print(lowered->function);
}

TEST(ConstantFoldTest, ProductsBeyond64BitsAreLeftToRunTime) {
  // 2**62 * 4 and friends: each operand fits in 64 bits, the result does not.
  for (const char* expression : {"3037000500 * 3037000500", "4611686018427387904 * 4",
                                 "999999999999999999 * 10", "-999999999999999999 * 10"}) {
    SCOPED_TRACE(expression);
    auto lowered = Folded(std::string("def f():\n  return ") + expression + "\n");
    ASSERT_NE(lowered, nullptr);
    const ir::Instr* returned = Returned(lowered->function);
    ASSERT_NE(returned, nullptr);
    EXPECT_EQ(returned->op, ir::Op::kBinary) << ir::Print(lowered->function);
  }
}

TEST(ConstantFoldTest, IntsBeyond64BitsAreNeverFolded) {
  for (const char* expression :
       {"18446744073709551616 + 1", "9223372036854775807 + 1", "-9223372036854775809",
        "100000000000000000000 // 10", "9223372036854775808 < 1"}) {
    SCOPED_TRACE(expression);
    auto lowered = Folded(std::string("def f():\n  return ") + expression + "\n");
    ASSERT_NE(lowered, nullptr);
    const ir::Instr* returned = Returned(lowered->function);
    ASSERT_NE(returned, nullptr);
    EXPECT_NE(returned->op, ir::Op::kConstant) << ir::Print(lowered->function);
  }
}

TEST(ConstantFoldTest, DivisionByZeroIsLeftToRaise) {
  for (const char* expression : {"1 // 0", "1 % 0"}) {
    SCOPED_TRACE(expression);
    auto lowered = Folded(std::string("def f():\n  return ") + expression + "\n");
    ASSERT_NE(lowered, nullptr);
    const ir::Instr* returned = Returned(lowered->function);
    ASSERT_NE(returned, nullptr);
    EXPECT_EQ(returned->op, ir::Op::kBinary) << ir::Print(lowered->function);
  }
}

TEST(ConstantFoldTest, ComparisonsOfInts) {
  struct Case {
    const char* expression;
    Type expected;
  };
  for (const Case& c : {Case{"3 < 4", Type::kTrue}, Case{"3 == 4", Type::kFalse},
                        Case{"3 != 4", Type::kTrue}, Case{"4 <= 4", Type::kTrue},
                        Case{"-1 > 0", Type::kFalse}, Case{"5 >= 6", Type::kFalse}}) {
    SCOPED_TRACE(c.expression);
    auto lowered = Folded(std::string("def f():\n  return ") + c.expression + "\n");
    ASSERT_NE(lowered, nullptr);
    const ir::Instr* returned = Returned(lowered->function);
    ASSERT_NE(returned, nullptr);
    ASSERT_EQ(returned->op, ir::Op::kConstant) << ir::Print(lowered->function);
    EXPECT_EQ(returned->constant.type, c.expected);
    EXPECT_EQ(CountOp(lowered->function, ir::Op::kCompare), 0);
  }
}

TEST(ConstantFoldTest, NotOfAConstant) {
  auto lowered = Folded("def f():\n  return not 0\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  EXPECT_EQ(CountOp(f, ir::Op::kIsTrue), 0) << ir::Print(f);
  EXPECT_EQ(CountOp(f, ir::Op::kNot), 0) << ir::Print(f);
  EXPECT_EQ(CountOp(f, ir::Op::kBoolObject), 0) << ir::Print(f);
  const ir::Instr* returned = Returned(f);
  ASSERT_NE(returned, nullptr);
  EXPECT_EQ(returned->op, ir::Op::kConstant);
  EXPECT_EQ(returned->constant.type, Type::kTrue);
}

TEST(ConstantFoldTest, TruthOfConstants) {
  struct Case {
    const char* constant;
    int truth;
  };
  for (const Case& c : {Case{"True", 1}, Case{"False", 0}, Case{"None", 0}, Case{"0", 0},
                        Case{"0x0", 0}, Case{"0b0", 0}, Case{"7", 1}, Case{"0.0", 0},
                        Case{"0.5", 1}, Case{"''", 0}, Case{"'x'", 1}, Case{"b''", 0},
                        Case{"...", 1}, Case{"0j", 0}}) {
    SCOPED_TRACE(c.constant);
    auto lowered = Folded(std::string("def f():\n  if ") + c.constant + ":\n    return 1\n  return 2\n");
    ASSERT_NE(lowered, nullptr);
    const ir::Function& f = lowered->function;
    std::vector<const ir::Instr*> truths = InstrsWithOp(f, ir::Op::kCIntConstant);
    ASSERT_EQ(truths.size(), 1u) << ir::Print(f);
    EXPECT_EQ(truths[0]->number, c.truth) << ir::Print(f);
    EXPECT_EQ(CountOp(f, ir::Op::kIsTrue), 0);
  }
}

TEST(ConstantFoldTest, BranchOnTrueBecomesAJumpToTheTrueSide) {
  auto lowered = Folded("def f():\n  if True:\n    return 1\n  return 2\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  EXPECT_EQ(CountOp(f, ir::Op::kBranch), 0) << ir::Print(f);
  const ir::Instr& terminator = f.blocks[0].terminator();
  ASSERT_EQ(terminator.op, ir::Op::kJump) << ir::Print(f);
  ASSERT_EQ(terminator.targets.size(), 1u);
  EXPECT_TRUE(terminator.operands.empty());
  // The target is the block that returns 1.
  const ir::Block& target = f.blocks[terminator.targets[0]];
  ASSERT_EQ(target.terminator().op, ir::Op::kReturn);
  EXPECT_EQ(Describe(DefinitionOf(f, target.terminator().operands[0])), "Constant 1");
}

TEST(ConstantFoldTest, BranchOnFalseBecomesAJumpToTheFalseSide) {
  auto lowered = Folded("def f():\n  if 0:\n    return 1\n  return 2\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  EXPECT_EQ(CountOp(f, ir::Op::kBranch), 0) << ir::Print(f);
  const ir::Instr& terminator = f.blocks[0].terminator();
  ASSERT_EQ(terminator.op, ir::Op::kJump) << ir::Print(f);
  // Follow the jumps (the false side is a chain of blocks) to the return.
  ir::BlockId block = terminator.targets[0];
  for (int steps = 0; steps < 4 && f.blocks[block].terminator().op == ir::Op::kJump; ++steps) {
    block = f.blocks[block].terminator().targets[0];
  }
  const ir::Instr& end = f.blocks[block].terminator();
  ASSERT_EQ(end.op, ir::Op::kReturn) << ir::Print(f);
  EXPECT_EQ(Describe(DefinitionOf(f, end.operands[0])), "Constant 2");
}

TEST(ConstantFoldTest, BranchOnAComparisonOfConstants) {
  auto lowered = Folded("def f(a):\n  if 3 > 2:\n    return a\n  return 0\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  EXPECT_EQ(CountOp(f, ir::Op::kBranch), 0) << ir::Print(f);
  EXPECT_EQ(CountOp(f, ir::Op::kCompareBool) + CountOp(f, ir::Op::kCompare), 0) << ir::Print(f);
}

TEST(ConstantFoldTest, BranchOnAnUnknownValueStays) {
  auto lowered = Folded("def f(a):\n  if a:\n    return 1\n  return 2\n");
  ASSERT_NE(lowered, nullptr);
  EXPECT_EQ(CountOp(lowered->function, ir::Op::kBranch), 1) << ir::Print(lowered->function);
  EXPECT_EQ(CountOp(lowered->function, ir::Op::kIsTrue), 1);
}

TEST(ConstantFoldTest, AStoredConstantIsForwardedToTheLoadsAfterIt) {
  auto lowered = Folded("def f():\n  x = 5\n  return x\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  std::vector<const ir::Instr*> stores = InstrsWithOp(f, ir::Op::kStoreLocal);
  ASSERT_EQ(stores.size(), 1u);
  const ir::Instr* returned = Returned(f);
  ASSERT_NE(returned, nullptr);
  EXPECT_EQ(Describe(returned), "Constant 5") << ir::Print(f);
  // The very constant that was stored, and the slot is still written (frames show it).
  EXPECT_EQ(returned->result(), stores[0]->operands[0]);
}

TEST(ConstantFoldTest, ForwardedConstantsFoldFurther) {
  auto lowered = Folded("def f():\n  x = 5\n  y = x + 1\n  return y * 2\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  EXPECT_EQ(CountOp(f, ir::Op::kBinary), 0) << ir::Print(f);
  EXPECT_EQ(Describe(Returned(f)), "Constant 12") << ir::Print(f);
}

TEST(ConstantFoldTest, ALaterStoreOfAnUnknownValueStopsForwarding) {
  auto lowered = Folded("def f(a):\n  x = 5\n  x = a\n  return x\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  const ir::Instr* returned = Returned(f);
  ASSERT_NE(returned, nullptr);
  ASSERT_EQ(returned->op, ir::Op::kLoadLocal) << ir::Print(f);
  EXPECT_EQ(f.slot_names[returned->number], "x");
}

TEST(ConstantFoldTest, ADeleteStopsForwarding) {
  auto lowered = Folded("def f():\n  x = 5\n  del x\n  return x\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Instr* returned = Returned(lowered->function);
  ASSERT_NE(returned, nullptr);
  EXPECT_EQ(returned->op, ir::Op::kLoadLocal) << ir::Print(lowered->function);
}

TEST(ConstantFoldTest, AnInPlaceAdditionStopsForwarding) {
  auto lowered = Folded("def f():\n  x = 5\n  x += 1\n  return x\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Instr* returned = Returned(lowered->function);
  ASSERT_NE(returned, nullptr);
  // Either the load stays, or the sum was folded to 6: never the stale 5.
  EXPECT_NE(Describe(returned), "Constant 5") << ir::Print(lowered->function);
}

TEST(ConstantFoldTest, OperandsThatAreNotConstantsAreLeftAlone) {
  auto lowered = Folded("def f(a):\n  return a * 3 + -a\n");
  ASSERT_NE(lowered, nullptr);
  EXPECT_EQ(CountOp(lowered->function, ir::Op::kBinary), 2) << ir::Print(lowered->function);
  EXPECT_EQ(CountOp(lowered->function, ir::Op::kUnary), 1) << ir::Print(lowered->function);
}

}  // namespace
}  // namespace kiln::opt
