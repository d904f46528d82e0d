// DefiniteAssignment: an unbound-local check stays exactly where a slot may be
// unbound on some path (never bound, deleted, bound only on some branches).
#include <algorithm>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "compiler/ir/ir.h"
#include "compiler/ir/printer.h"
#include "compiler/ir/verifier.h"
#include "compiler/opt/passes.h"
#include "compiler/opt/test_util.h"

namespace kiln::opt {
namespace {

using test_util::InstrsWithOp;
using test_util::LoadsOf;
using test_util::LowerOrFail;
using test_util::PlaceOf;
using test_util::SlotOf;

std::vector<bool> CheckedFlags(const std::vector<const ir::Instr*>& instrs) {
  std::vector<bool> flags;
  for (const ir::Instr* instr : instrs) flags.push_back(instr->checked);
  return flags;
}

TEST(DefiniteAssignmentTest, ParametersAndStoredLocalsNeedNoCheck) {
  auto lowered = LowerOrFail("def f(a):\n  b = 1\n  return a + b\n", "f");
  ASSERT_NE(lowered, nullptr);
  ir::Function& f = lowered->function;
  std::vector<const ir::Instr*> loads = InstrsWithOp(f, ir::Op::kLoadLocal);
  ASSERT_EQ(loads.size(), 2u) << ir::Print(f);
  // Lowering checks every load; the pass is what removes the checks.
  EXPECT_THAT(CheckedFlags(loads), ::testing::Each(true));
  DefiniteAssignment(f);
  EXPECT_THAT(CheckedFlags(loads), ::testing::Each(false)) << ir::Print(f);
}

TEST(DefiniteAssignmentTest, BoundOnOneBranchOnlyStaysChecked) {
  auto lowered = LowerOrFail("def f(c):\n  if c: x = 1\n  return x\n", "f");
  ASSERT_NE(lowered, nullptr);
  ir::Function& f = lowered->function;
  DefiniteAssignment(f);
  ASSERT_EQ(LoadsOf(f, "x").size(), 1u) << ir::Print(f);
  EXPECT_TRUE(LoadsOf(f, "x")[0]->checked) << ir::Print(f);
  ASSERT_EQ(LoadsOf(f, "c").size(), 1u);
  EXPECT_FALSE(LoadsOf(f, "c")[0]->checked) << ir::Print(f);
}

TEST(DefiniteAssignmentTest, BoundOnBothBranchesNeedsNoCheck) {
  auto lowered = LowerOrFail(
      "def f(c):\n"
      "  if c:\n"
      "    x = 1\n"
      "  else:\n"
      "    x = 2\n"
      "  return x\n",
      "f");
  ASSERT_NE(lowered, nullptr);
  ir::Function& f = lowered->function;
  DefiniteAssignment(f);
  ASSERT_EQ(LoadsOf(f, "x").size(), 1u);
  EXPECT_FALSE(LoadsOf(f, "x")[0]->checked) << ir::Print(f);
}

TEST(DefiniteAssignmentTest, DeleteUnbindsTheSlot) {
  auto lowered = LowerOrFail("def f(a):\n  x = a\n  del x\n  return x\n", "f");
  ASSERT_NE(lowered, nullptr);
  ir::Function& f = lowered->function;
  DefiniteAssignment(f);
  std::vector<const ir::Instr*> deletes = InstrsWithOp(f, ir::Op::kDeleteLocal);
  ASSERT_EQ(deletes.size(), 1u);
  // x is bound when deleted: the delete cannot fail.
  EXPECT_FALSE(deletes[0]->checked) << ir::Print(f);
  // ... and unbound after it.
  ASSERT_EQ(LoadsOf(f, "x").size(), 1u);
  EXPECT_TRUE(LoadsOf(f, "x")[0]->checked) << ir::Print(f);
}

TEST(DefiniteAssignmentTest, DeleteOfAMaybeUnboundLocalStaysChecked) {
  auto lowered = LowerOrFail("def f(c):\n  if c: x = 1\n  del x\n", "f");
  ASSERT_NE(lowered, nullptr);
  ir::Function& f = lowered->function;
  DefiniteAssignment(f);
  std::vector<const ir::Instr*> deletes = InstrsWithOp(f, ir::Op::kDeleteLocal);
  ASSERT_EQ(deletes.size(), 1u);
  EXPECT_TRUE(deletes[0]->checked) << ir::Print(f);
}

TEST(DefiniteAssignmentTest, ACheckedLoadThatFallsThroughProvesTheSlotBound) {
  auto lowered = LowerOrFail("def f(c):\n  if c: x = 1\n  y = x\n  return x\n", "f");
  ASSERT_NE(lowered, nullptr);
  ir::Function& f = lowered->function;
  DefiniteAssignment(f);
  std::vector<const ir::Instr*> loads = LoadsOf(f, "x");
  ASSERT_EQ(loads.size(), 2u) << ir::Print(f);
  EXPECT_EQ(PlaceOf(f, loads[0]).block, PlaceOf(f, loads[1]).block);
  EXPECT_LT(PlaceOf(f, loads[0]).index, PlaceOf(f, loads[1]).index);
  EXPECT_TRUE(loads[0]->checked) << ir::Print(f);
  EXPECT_FALSE(loads[1]->checked) << ir::Print(f);
}

TEST(DefiniteAssignmentTest, BoundInALoopBodyIsNotBoundAfterTheLoop) {
  auto lowered = LowerOrFail(
      "def f(n):\n"
      "  while n:\n"
      "    y = n\n"
      "    n = n - 1\n"
      "  return y\n",
      "f");
  ASSERT_NE(lowered, nullptr);
  ir::Function& f = lowered->function;
  DefiniteAssignment(f);
  ASSERT_EQ(LoadsOf(f, "y").size(), 1u);
  EXPECT_TRUE(LoadsOf(f, "y")[0]->checked) << ir::Print(f);
  EXPECT_THAT(CheckedFlags(LoadsOf(f, "n")), ::testing::Each(false)) << ir::Print(f);
}

TEST(DefiniteAssignmentTest, ADeleteInALoopReachesTheLoadsAtItsTopThroughTheBackEdge) {
  // x is bound before the loop, but the second iteration starts with it deleted.
  auto lowered = LowerOrFail(
      "def f(c):\n"
      "  x = 1\n"
      "  while c:\n"
      "    print(x)\n"
      "    del x\n"
      "  return 0\n",
      "f");
  ASSERT_NE(lowered, nullptr);
  ir::Function& f = lowered->function;
  DefiniteAssignment(f);
  ASSERT_EQ(LoadsOf(f, "x").size(), 1u);
  EXPECT_TRUE(LoadsOf(f, "x")[0]->checked) << ir::Print(f);
  // The load just before proved x bound: the delete needs no check.
  std::vector<const ir::Instr*> deletes = InstrsWithOp(f, ir::Op::kDeleteLocal);
  ASSERT_EQ(deletes.size(), 1u);
  EXPECT_FALSE(deletes[0]->checked) << ir::Print(f);
}

TEST(DefiniteAssignmentTest, AForTargetIsBoundInTheBodyButMaybeNotAfterTheLoop) {
  auto lowered = LowerOrFail(
      "def f(xs):\n"
      "  for x in xs:\n"
      "    print(x)\n"
      "  return x\n",
      "f");
  ASSERT_NE(lowered, nullptr);
  ir::Function& f = lowered->function;
  DefiniteAssignment(f);
  std::vector<const ir::Instr*> loads = LoadsOf(f, "x");
  ASSERT_EQ(loads.size(), 2u) << ir::Print(f);
  // The body's load is on line 3, the one after the loop on line 4.
  std::sort(loads.begin(), loads.end(), [&](const ir::Instr* a, const ir::Instr* b) {
    return f.sites[a->site]->lineno < f.sites[b->site]->lineno;
  });
  EXPECT_FALSE(loads[0]->checked) << ir::Print(f);
  EXPECT_TRUE(loads[1]->checked) << ir::Print(f);
}

TEST(DefiniteAssignmentTest, InPlaceAdditionBindsTheSlot) {
  auto lowered = LowerOrFail("def f(a):\n  a += 1\n  return a\n", "f");
  ASSERT_NE(lowered, nullptr);
  ir::Function& f = lowered->function;
  DefiniteAssignment(f);
  EXPECT_THAT(CheckedFlags(LoadsOf(f, "a")), ::testing::Each(false)) << ir::Print(f);
}

TEST(DefiniteAssignmentTest, NeverAssignedStaysChecked) {
  // `x` is local (assigned later in the function) but read first.
  auto lowered = LowerOrFail("def f():\n  y = x\n  x = 1\n  return y\n", "f");
  ASSERT_NE(lowered, nullptr);
  ir::Function& f = lowered->function;
  DefiniteAssignment(f);
  ASSERT_EQ(LoadsOf(f, "x").size(), 1u);
  EXPECT_TRUE(LoadsOf(f, "x")[0]->checked);
  ASSERT_EQ(LoadsOf(f, "y").size(), 1u);
  EXPECT_FALSE(LoadsOf(f, "y")[0]->checked);
}

TEST(DefiniteAssignmentTest, RunningTwiceChangesNothing) {
  auto lowered = LowerOrFail(
      "def f(c, xs):\n"
      "  if c:\n"
      "    x = 1\n"
      "  for y in xs:\n"
      "    del x\n"
      "    x = y\n"
      "  return x\n",
      "f");
  ASSERT_NE(lowered, nullptr);
  ir::Function& f = lowered->function;
  DefiniteAssignment(f);
  std::string once = ir::Print(f);
  DefiniteAssignment(f);
  EXPECT_EQ(ir::Print(f), once);
  EXPECT_TRUE(ir::Verify(f).ok()) << ir::Verify(f);
}

// Hand-built: an error edge carries the state from before the failing instruction.
//
//   b0: [StoreLocal s0 <- None]    (only when `store_first`)
//       v = LoadGlobal 'g'         (its errors go to b1)
//       [StoreLocal s0 <- v]       (otherwise)
//       Return None
//   b1: w = LoadLocal s0 (checked); Return w
ir::Function WithHandler(bool store_first) {
  ir::Function f;
  f.name = "handled";
  f.slot_names = {"x"};
  ir::BlockId body = f.NewBlock();
  ir::BlockId handler = f.NewBlock();
  ir::ValueId none = f.NewValue(ir::Repr::kObject, false);
  ir::ValueId global = f.NewValue(ir::Repr::kObject, true);
  ir::ValueId loaded = f.NewValue(ir::Repr::kObject, false);
  f.values[loaded].borrowed_slot = 0;

  ir::Instr constant{ir::Op::kConstant};
  constant.results = {none};
  ir::Instr load_global{ir::Op::kLoadGlobal};
  load_global.results = {global};
  load_global.name = "g";
  load_global.handler = handler;
  ir::Instr store{ir::Op::kStoreLocal};
  store.number = 0;
  ir::Instr ret{ir::Op::kReturn};
  ret.operands = {none};

  std::vector<ir::Instr>& instrs = f.blocks[body].instrs;
  instrs.push_back(constant);
  if (store_first) {
    store.operands = {none};
    instrs.push_back(store);
    instrs.push_back(load_global);
  } else {
    instrs.push_back(load_global);
    store.operands = {global};
    instrs.push_back(store);
  }
  instrs.push_back(ret);

  ir::Instr load{ir::Op::kLoadLocal};
  load.results = {loaded};
  load.number = 0;
  ir::Instr return_loaded{ir::Op::kReturn};
  return_loaded.operands = {loaded};
  f.blocks[handler].instrs = {load, return_loaded};
  return f;
}

TEST(DefiniteAssignmentTest, AHandlerSeesTheSlotsBoundBeforeTheFailingInstruction) {
  ir::Function stored_after = WithHandler(/*store_first=*/false);
  ASSERT_TRUE(ir::Verify(stored_after).ok()) << ir::Verify(stored_after);
  DefiniteAssignment(stored_after);
  EXPECT_TRUE(stored_after.blocks[1].instrs[0].checked) << ir::Print(stored_after);

  ir::Function stored_before = WithHandler(/*store_first=*/true);
  DefiniteAssignment(stored_before);
  EXPECT_FALSE(stored_before.blocks[1].instrs[0].checked) << ir::Print(stored_before);
}

TEST(DefiniteAssignmentTest, SlotsAreNamedAsTheFrameNamesThem) {
  // The tests above find loads by slot name: make sure the names are the frame's.
  auto lowered = LowerOrFail("def f(a, b):\n  c = a\n  return c\n", "f");
  ASSERT_NE(lowered, nullptr);
  EXPECT_EQ(SlotOf(lowered->function, "a"), 0);
  EXPECT_EQ(SlotOf(lowered->function, "b"), 1);
  EXPECT_EQ(SlotOf(lowered->function, "c"), 2);
  EXPECT_EQ(lowered->function.parameter_count, 2);
}

}  // namespace
}  // namespace kiln::opt
