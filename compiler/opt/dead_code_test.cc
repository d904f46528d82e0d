// RemoveDeadCode: no block left that nothing reaches, no unused instruction without
// side effects, no block that only jumps on, no straight-line chain left unmerged;
// what can raise stays.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
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
using test_util::InstrsWithOp;
using test_util::LoadsOf;
using test_util::LowerOrFail;
using test_util::LoweredForTest;
using test_util::Reachable;

// Lowers `f` and runs the passes before dead-code removal, then it.
std::unique_ptr<LoweredForTest> Cleaned(const std::string& source) {
  std::unique_ptr<LoweredForTest> lowered = LowerOrFail(source, "f");
  if (lowered == nullptr) return nullptr;
  DefiniteAssignment(lowered->function);
  ConstantFold(lowered->function);
  RemoveDeadCode(lowered->function);
  absl::Status status = ir::Verify(lowered->function);
  EXPECT_TRUE(status.ok()) << status << "\n" << ir::Print(lowered->function);
  return lowered;
}

bool IsPure(const ir::Instr& instr) {
  switch (instr.op) {
    case ir::Op::kConstant:
    case ir::Op::kCIntConstant:
    case ir::Op::kCellObject:
    case ir::Op::kBoolObject:
    case ir::Op::kIdentity:
    case ir::Op::kNot:
      return true;
    case ir::Op::kLoadLocal:
      return !instr.checked;
    default:
      return false;
  }
}

// What the pass promises of every function it leaves, as failures.
void ExpectNoDeadCode(const ir::Function& f) {
  SCOPED_TRACE(ir::Print(f));
  // Every block is reachable, numbered by its place.
  EXPECT_EQ(Reachable(f).size(), f.blocks.size());
  for (size_t i = 0; i < f.blocks.size(); ++i) EXPECT_EQ(f.blocks[i].id, static_cast<int>(i));
  std::vector<std::vector<ir::BlockId>> predecessors = ir::Predecessors(f);
  std::vector<char> item_block(f.blocks.size(), 0);
  for (const ir::Block& block : f.blocks) {
    if (block.terminator().op == ir::Op::kIterNext) item_block[block.terminator().targets[0]] = 1;
  }
  std::vector<int> uses(f.values.size(), 0);
  for (const ir::Block& block : f.blocks) {
    for (const ir::Instr& instr : block.instrs) {
      for (ir::ValueId operand : instr.operands) ++uses[operand];
    }
  }
  for (const ir::Block& block : f.blocks) {
    const ir::Instr& terminator = block.terminator();
    bool plain_jump = terminator.op == ir::Op::kJump && terminator.operands.empty();
    // A block that only jumps on is threaded away (the entry stays, and so does an
    // IterNext's item block, which must keep its one predecessor).
    if (plain_jump && block.instrs.size() == 1 && block.id != 0 && !item_block[block.id] &&
        block.params.empty()) {
      EXPECT_EQ(terminator.targets[0], block.id) << "b" << block.id << " only jumps on";
    }
    // A straight-line chain is one block.
    if (plain_jump) {
      ir::BlockId next = terminator.targets[0];
      bool mergeable = next != block.id && next != 0 && f.blocks[next].params.empty() &&
                       predecessors[next].size() == 1;
      EXPECT_FALSE(mergeable) << "b" << block.id << " -> b" << next << " is not merged";
    }
    for (const ir::Instr& instr : block.instrs) {
      if (!IsPure(instr)) continue;
      bool used = std::any_of(instr.results.begin(), instr.results.end(),
                              [&](ir::ValueId result) { return uses[result] > 0; });
      EXPECT_TRUE(used) << "unused: " << ir::PrintInstr(f, instr);
    }
  }
}

TEST(DeadCodeTest, CodeAfterReturnDisappears) {
  auto lowered = Cleaned("def f(a):\n  return a\n  print(a)\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  EXPECT_EQ(f.blocks.size(), 1u) << ir::Print(f);
  EXPECT_EQ(CountOp(f, ir::Op::kLoadGlobal), 0) << ir::Print(f);
  EXPECT_EQ(CountOp(f, ir::Op::kCall), 0) << ir::Print(f);
  ExpectNoDeadCode(f);
}

TEST(DeadCodeTest, TheArmOfAFoldedBranchDisappears) {
  auto lowered = Cleaned("def f():\n  if False:\n    y = 1\n  return 3\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  EXPECT_EQ(f.blocks.size(), 1u) << ir::Print(f);
  EXPECT_EQ(CountOp(f, ir::Op::kStoreLocal), 0) << ir::Print(f);
  // The truth value the branch read is gone too.
  EXPECT_EQ(CountOp(f, ir::Op::kCIntConstant), 0) << ir::Print(f);
  ExpectNoDeadCode(f);
}

// MergeChains skips the blocks it has emptied (it once read back() of their empty
// instruction vectors; valgrind and -D_GLIBCXX_ASSERTIONS showed it).
TEST(DeadCodeTest, AStraightLineChainBecomesOneBlock) {
  // After folding: b0 -> (then arm) -> join, the else arm unreachable.
  auto lowered = Cleaned("def f(a):\n  if True:\n    x = a\n  print(x)\n  return x\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  EXPECT_EQ(f.blocks.size(), 1u) << ir::Print(f);
  EXPECT_EQ(f.blocks[0].terminator().op, ir::Op::kReturn);
  EXPECT_EQ(CountOp(f, ir::Op::kJump), 0);
  // Merging keeps every instruction, in order: store, load global, load, call, load.
  std::vector<ir::Op> ops;
  for (const ir::Instr& instr : f.blocks[0].instrs) {
    if (instr.op != ir::Op::kSetSite) ops.push_back(instr.op);
  }
  EXPECT_THAT(ops, ::testing::ElementsAre(ir::Op::kLoadLocal, ir::Op::kStoreLocal,
                                          ir::Op::kLoadGlobal, ir::Op::kLoadLocal, ir::Op::kCall,
                                          ir::Op::kLoadLocal, ir::Op::kReturn));
  ExpectNoDeadCode(f);
}

TEST(DeadCodeTest, AJoinWithTwoPredecessorsIsNotMerged) {
  auto lowered = Cleaned(
      "def f(c):\n"
      "  if c:\n"
      "    x = 1\n"
      "  else:\n"
      "    x = 2\n"
      "  return x\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  // Entry, two arms, the join.
  EXPECT_EQ(f.blocks.size(), 4u) << ir::Print(f);
  EXPECT_EQ(CountOp(f, ir::Op::kStoreLocal), 2);
  ExpectNoDeadCode(f);
}

TEST(DeadCodeTest, BlocksThatOnlyJumpOnAreThreaded) {
  // Lowering gives the loop's exit a block that only jumps to the code after it.
  auto lowered = LowerOrFail("def f(n):\n  while n:\n    n = n - 1\n  return n\n", "f");
  ASSERT_NE(lowered, nullptr);
  ir::Function& f = lowered->function;
  size_t before = f.blocks.size();
  DefiniteAssignment(f);
  ConstantFold(f);
  RemoveDeadCode(f);
  ASSERT_TRUE(ir::Verify(f).ok()) << ir::Verify(f);
  // Entry, loop header, body, the code after the loop.
  EXPECT_EQ(f.blocks.size(), 4u) << ir::Print(f);
  EXPECT_LT(f.blocks.size(), before);
  ExpectNoDeadCode(f);
}

TEST(DeadCodeTest, UnusedInstructionsWithoutSideEffectsAreRemoved) {
  auto lowered = Cleaned("def f(a):\n  a\n  1\n  not a\n  return a\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  // `not a` calls a.__bool__, which may raise or print: its IsTrue stays...
  EXPECT_EQ(CountOp(f, ir::Op::kIsTrue), 1) << ir::Print(f);
  // ... but the negation and the bool object made of it go, with the bare `a` and `1`.
  EXPECT_EQ(CountOp(f, ir::Op::kNot), 0) << ir::Print(f);
  EXPECT_EQ(CountOp(f, ir::Op::kBoolObject), 0) << ir::Print(f);
  EXPECT_EQ(CountOp(f, ir::Op::kConstant), 0) << ir::Print(f);
  EXPECT_EQ(CountOp(f, ir::Op::kLoadLocal), 2) << ir::Print(f);
  ExpectNoDeadCode(f);
}

TEST(DeadCodeTest, AnUnusedLoadThatMayRaiseStays) {
  // `x` alone raises UnboundLocalError when c is false: the load is kept.
  auto lowered = Cleaned("def f(c):\n  if c:\n    x = 1\n  x\n  return 0\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  std::vector<const ir::Instr*> loads = LoadsOf(f, "x");
  ASSERT_EQ(loads.size(), 1u) << ir::Print(f);
  EXPECT_TRUE(loads[0]->checked);
  ExpectNoDeadCode(f);
}

TEST(DeadCodeTest, CallsAndOtherEffectsStayEvenWhenUnused) {
  auto lowered = Cleaned("def f(a):\n  g(a)\n  a.b\n  a[0]\n  a + 1\n  return 0\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  EXPECT_EQ(CountOp(f, ir::Op::kCall), 1) << ir::Print(f);
  EXPECT_EQ(CountOp(f, ir::Op::kGetAttr), 1) << ir::Print(f);
  EXPECT_EQ(CountOp(f, ir::Op::kGetItem), 1) << ir::Print(f);
  EXPECT_EQ(CountOp(f, ir::Op::kBinary), 1) << ir::Print(f);
  ExpectNoDeadCode(f);
}

TEST(DeadCodeTest, ForLoopsKeepTheirItemBlocks) {
  auto lowered = Cleaned(
      "def f(xs):\n"
      "  t = 0\n"
      "  for x in xs:\n"
      "    if x:\n"
      "      break\n"
      "    t = t + x\n"
      "  else:\n"
      "    t = -1\n"
      "  return t\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  std::vector<const ir::Instr*> nexts = InstrsWithOp(f, ir::Op::kIterNext);
  ASSERT_EQ(nexts.size(), 1u);
  std::vector<std::vector<ir::BlockId>> predecessors = ir::Predecessors(f);
  EXPECT_EQ(predecessors[nexts[0]->targets[0]].size(), 1u) << ir::Print(f);
  ExpectNoDeadCode(f);
}

TEST(DeadCodeTest, AnEmptyInfiniteLoopStaysALoop) {
  auto lowered = Cleaned("def f():\n  while True:\n    pass\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  // Nothing returns: the code after the loop (return None) is gone.
  EXPECT_EQ(CountOp(f, ir::Op::kReturn), 0) << ir::Print(f);
  ASSERT_FALSE(f.blocks.empty());
  bool has_self_loop = false;
  for (const ir::Block& block : f.blocks) {
    const ir::Instr& terminator = block.terminator();
    has_self_loop |= terminator.op == ir::Op::kJump && terminator.targets[0] == block.id;
  }
  EXPECT_TRUE(has_self_loop) << ir::Print(f);
  ExpectNoDeadCode(f);
}

// The promises above, over assorted control flow.
class DeadCodeCorpusTest : public ::testing::TestWithParam<const char*> {};

TEST_P(DeadCodeCorpusTest, LeavesNoDeadCode) {
  auto lowered = Cleaned(GetParam());
  ASSERT_NE(lowered, nullptr);
  ExpectNoDeadCode(lowered->function);
  // A second run finds nothing more to do.
  std::string once = ir::Print(lowered->function);
  RemoveDeadCode(lowered->function);
  EXPECT_EQ(ir::Print(lowered->function), once);
}

INSTANTIATE_TEST_SUITE_P(
    Programs, DeadCodeCorpusTest,
    ::testing::Values(
        "def f(a):\n  return a\n",
        "def f(c):\n  if c:\n    return 1\n  elif c > 1:\n    return 2\n  return 3\n",
        "def f():\n  if 0:\n    return 1\n  elif 3 > 2:\n    return 2\n  return 3\n",
        "def f(xs):\n  for i in xs:\n    for j in xs:\n      if i == j:\n        continue\n"
        "      return i\n  return None\n",
        "def f(c):\n  while True:\n    if c:\n      break\n  return c\n",
        "def f(n):\n  i = 0\n  while i < n:\n    i = i + 1\n  else:\n    i = 0\n  return i\n",
        "def f(a, b):\n  return a and b or not a\n",
        "def f(a, b, c):\n  return a if b else (c if a else b)\n",
        "def f(a):\n  assert a, 'no'\n  return a\n",
        "def f(a):\n  raise ValueError(a)\n  return 1\n",
        "def f(a, b, c):\n  return a < b < c\n"));

// Hand-built: a function whose LoadGlobal sends its errors to b1, a block that no
// control-flow edge reaches.
//
//   b0: v0 = LoadGlobal 'g' (errors to b1); v1 = Constant None; Return v1
//   b1: v2 = Constant 1; Return v2
ir::Function WithUnreachedHandler() {
  ir::Function f;
  f.name = "handled";
  f.NewBlock();
  f.NewBlock();
  ir::ValueId global = f.NewValue(ir::Repr::kObject, true);
  ir::ValueId none = f.NewValue(ir::Repr::kObject, false);
  ir::ValueId one = f.NewValue(ir::Repr::kObject, false);
  ir::Instr load{ir::Op::kLoadGlobal};
  load.results = {global};
  load.name = "g";
  load.handler = 1;
  ir::Instr constant_none{ir::Op::kConstant};
  constant_none.results = {none};
  ir::Instr return_none{ir::Op::kReturn};
  return_none.operands = {none};
  f.blocks[0].instrs = {load, constant_none, return_none};
  ir::Instr constant_one{ir::Op::kConstant};
  constant_one.results = {one};
  constant_one.constant = test_util::IntConstant("1");
  ir::Instr return_one{ir::Op::kReturn};
  return_one.operands = {one};
  f.blocks[1].instrs = {constant_one, return_one};
  return f;
}

// Handlers are reached through error edges, not terminators: RemoveUnreachableBlocks
// must keep them (it walks ir::ReversePostOrder, which follows error edges to their
// handlers) and keep the instruction's handler pointing at the same code.
TEST(DeadCodeTest, AHandlerReachedOnlyByErrorsIsKept) {
  ir::Function f = WithUnreachedHandler();
  ASSERT_TRUE(ir::Verify(f).ok()) << ir::Verify(f);
  RemoveDeadCode(f);
  std::vector<const ir::Instr*> loads = InstrsWithOp(f, ir::Op::kLoadGlobal);
  ASSERT_EQ(loads.size(), 1u);
  ASSERT_NE(loads[0]->handler, ir::kNoBlock) << ir::Print(f);
  const ir::Block& handler = f.blocks[loads[0]->handler];
  ASSERT_EQ(handler.terminator().op, ir::Op::kReturn);
  EXPECT_EQ(test_util::DefinitionOf(f, handler.terminator().operands[0])->constant.text, "1");
}

TEST(DeadCodeTest, HandlersFollowTheirBlocksWhenBlocksAreRenumbered) {
  // As above, but the handler is also a branch target, and numbered before the block
  // that fails: renumbering in reverse post-order moves it, and the handler with it.
  //   b0: v = LoadLocal s0:c; t = IsTrue v; Branch t -> b1, b2
  //   b1: Return 1                 (also the handler)
  //   b2: LoadGlobal 'g' (errors to b1); Return None
  ir::Function f = WithUnreachedHandler();
  f.slot_names = {"c"};
  f.parameter_count = 1;
  ir::BlockId entry = f.NewBlock();
  ir::ValueId c = f.NewValue(ir::Repr::kObject, false);
  f.values[c].borrowed_slot = 0;
  ir::ValueId truth = f.NewValue(ir::Repr::kCInt, false);
  ir::Instr load{ir::Op::kLoadLocal};
  load.results = {c};
  load.checked = false;
  ir::Instr is_true{ir::Op::kIsTrue};
  is_true.operands = {c};
  is_true.results = {truth};
  ir::Instr branch{ir::Op::kBranch};
  branch.operands = {truth};
  branch.targets = {1, entry};
  f.blocks[entry].instrs = {load, is_true, branch};
  // The new block becomes the entry, the old entry b2.
  std::swap(f.blocks[0], f.blocks[entry]);
  f.blocks[0].id = 0;
  f.blocks[entry].id = entry;
  ASSERT_TRUE(ir::Verify(f).ok()) << ir::Verify(f) << "\n" << ir::Print(f);
  RemoveDeadCode(f);
  ASSERT_TRUE(ir::Verify(f).ok()) << ir::Verify(f) << "\n" << ir::Print(f);
  std::vector<const ir::Instr*> loads = InstrsWithOp(f, ir::Op::kLoadGlobal);
  ASSERT_EQ(loads.size(), 1u);
  ASSERT_NE(loads[0]->handler, ir::kNoBlock) << ir::Print(f);
  const ir::Block& handler = f.blocks[loads[0]->handler];
  ASSERT_EQ(handler.terminator().op, ir::Op::kReturn) << ir::Print(f);
  EXPECT_EQ(test_util::DefinitionOf(f, handler.terminator().operands[0])->constant.text, "1")
      << ir::Print(f);
}

}  // namespace
}  // namespace kiln::opt
