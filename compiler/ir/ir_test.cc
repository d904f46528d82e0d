#include <gtest/gtest.h>

#include "compiler/ir/ir.h"
#include "compiler/ir/printer.h"
#include "compiler/ir/verifier.h"

namespace kiln::ir {
namespace {

Instr Make(Op op, std::vector<ValueId> operands = {}, std::vector<ValueId> results = {}) {
  Instr instr{op};
  instr.operands.assign(operands.begin(), operands.end());
  instr.results.assign(results.begin(), results.end());
  return instr;
}

// return a + 1, with `a` the first parameter (slot 0).
Function AddOne() {
  Function f;
  f.name = "add_one";
  f.slot_names = {"a"};
  f.parameter_count = 1;
  BlockId entry = f.NewBlock();
  ValueId a = f.NewValue(Repr::kObject, false);
  f.values[a].borrowed_slot = 0;
  ValueId one = f.NewValue(Repr::kObject, false);
  ValueId sum = f.NewValue(Repr::kObject, true);
  Instr load = Make(Op::kLoadLocal, {}, {a});
  load.number = 0;
  load.checked = false;
  Instr constant = Make(Op::kConstant, {}, {one});
  constant.constant.type = ast::ConstantValue::Type::kInt;
  constant.constant.text = "1";
  Instr add = Make(Op::kBinary, {a, one}, {sum});
  add.error_edge = true;
  f.blocks[entry].instrs = {load, constant, add, Make(Op::kReturn, {sum})};
  return f;
}

TEST(IrTest, OpTableNamesEveryOp) {
  EXPECT_STREQ(NameOf(Op::kConstant), "Constant");
  EXPECT_STREQ(NameOf(Op::kReRaise), "ReRaise");
  EXPECT_TRUE(InfoOf(Op::kJump).terminator);
  EXPECT_FALSE(InfoOf(Op::kBinary).terminator);
  EXPECT_EQ(InfoOf(Op::kLoadLocal).failure, Failure::kUnbound);
  EXPECT_EQ(InfoOf(Op::kStoreLocal).operands, OperandPolicy::kSteal);
}

TEST(IrTest, PrintsAFunction) {
  Function f = AddOne();
  EXPECT_EQ(Print(f),
            "function add_one (slots: s0 a; parameters: 1)\n"
            "b0:\n"
            "  v0 = LoadLocal s0:a\n"
            "  v1 = Constant 1\n"
            "  v2^ = Binary[+] v0, v1 !err\n"
            "  Return v2\n");
}

TEST(IrTest, VerifierAcceptsExplicitOwnership) {
  Function f = AddOne();
  f.refcounts_explicit = true;
  EXPECT_TRUE(Verify(f).ok()) << Verify(f);
}

TEST(IrTest, VerifierRejectsALeak) {
  Function f = AddOne();
  f.refcounts_explicit = true;
  // Return a constant instead: the sum is never released.
  f.blocks[0].instrs.back().operands = {1};
  f.blocks[0].instrs.insert(f.blocks[0].instrs.end() - 1, Make(Op::kIncRef, {1}));
  absl::Status status = Verify(f);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("still held at return"), std::string::npos) << status;
}

TEST(IrTest, VerifierRejectsADoubleRelease) {
  Function f = AddOne();
  f.refcounts_explicit = true;
  f.blocks[0].instrs.insert(f.blocks[0].instrs.end() - 1, Make(Op::kDecRef, {2}));
  EXPECT_FALSE(Verify(f).ok());
}

TEST(IrTest, VerifierRejectsAMissingErrorEdge) {
  Function f = AddOne();
  f.refcounts_explicit = true;
  f.blocks[0].instrs[2].error_edge = false;
  absl::Status status = Verify(f);
  EXPECT_NE(status.message().find("no error edge"), std::string::npos) << status;
}

TEST(IrTest, VerifierRejectsAUseBeforeItsDefinition) {
  Function f = AddOne();
  std::swap(f.blocks[0].instrs[0], f.blocks[0].instrs[2]);
  absl::Status status = Verify(f);
  EXPECT_NE(status.message().find("does not dominate"), std::string::npos) << status;
}

TEST(IrTest, VerifierRejectsAMissingTerminator) {
  Function f = AddOne();
  f.blocks[0].instrs.pop_back();
  EXPECT_NE(Verify(f).message().find("terminator"), std::string::npos);
}

TEST(IrTest, VerifierRejectsABorrowAcrossAStore) {
  // v0 = LoadLocal s0; StoreLocal s0 <- new; return v0 (incref'd after the store).
  Function f;
  f.name = "f";
  f.slot_names = {"a"};
  f.parameter_count = 1;
  f.NewBlock();
  ValueId a = f.NewValue(Repr::kObject, false);
  f.values[a].borrowed_slot = 0;
  ValueId fresh = f.NewValue(Repr::kObject, true);
  Instr load = Make(Op::kLoadLocal, {}, {a});
  load.checked = false;
  Instr list = Make(Op::kNewList, {}, {fresh});
  list.error_edge = true;
  Instr store = Make(Op::kStoreLocal, {fresh});
  f.blocks[0].instrs = {load, list, store, Make(Op::kIncRef, {a}), Make(Op::kReturn, {a})};
  f.refcounts_explicit = true;
  absl::Status status = Verify(f);
  EXPECT_NE(status.message().find("stored to since"), std::string::npos) << status;
}

TEST(IrTest, DominatorsOfADiamond) {
  Function f;
  for (int i = 0; i < 4; ++i) f.NewBlock();
  ValueId c = f.NewValue(Repr::kCInt, false);
  Instr constant = Make(Op::kCIntConstant, {}, {c});
  Instr branch = Make(Op::kBranch, {c});
  branch.targets = {1, 2};
  Instr to_exit = Make(Op::kJump);
  to_exit.targets = {3};
  ValueId none = f.NewValue(Repr::kObject, false);
  Instr constant_none = Make(Op::kConstant, {}, {none});
  f.blocks[0].instrs = {constant, branch};
  f.blocks[1].instrs = {to_exit};
  f.blocks[2].instrs = {to_exit};
  Instr incref = Make(Op::kIncRef, {none});
  f.blocks[3].instrs = {constant_none, incref, Make(Op::kReturn, {none})};
  std::vector<BlockId> idom = Dominators(f);
  EXPECT_EQ(idom[1], 0);
  EXPECT_EQ(idom[2], 0);
  EXPECT_EQ(idom[3], 0);
  EXPECT_TRUE(Dominates(idom, 0, 3));
  EXPECT_FALSE(Dominates(idom, 1, 3));
  f.refcounts_explicit = true;
  EXPECT_TRUE(Verify(f).ok()) << Verify(f);
}

}  // namespace
}  // namespace kiln::ir
