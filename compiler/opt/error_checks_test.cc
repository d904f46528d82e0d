// InsertErrorChecks: exactly the instructions that can still fail get an error edge,
// to the handler lowering recorded.
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

using test_util::InstrsWithOp;
using test_util::LoadsOf;
using test_util::LowerOrFail;
using test_util::RunThrough;

void ExpectEdgesExactlyWhereFailing(const ir::Function& f) {
  for (const ir::Block& block : f.blocks) {
    for (const ir::Instr& instr : block.instrs) {
      EXPECT_EQ(instr.error_edge, instr.can_fail())
          << "b" << block.id << ": " << ir::PrintInstr(f, instr) << "\n" << ir::Print(f);
    }
  }
}

class ErrorChecksCorpusTest : public ::testing::TestWithParam<const char*> {};

TEST_P(ErrorChecksCorpusTest, EdgesExactlyWhereAnInstructionCanFail) {
  auto lowered = LowerOrFail(GetParam(), "f");
  ASSERT_NE(lowered, nullptr);
  ir::Function& f = lowered->function;
  // Lowering makes no edges: the pass does.
  for (const ir::Block& block : f.blocks) {
    for (const ir::Instr& instr : block.instrs) EXPECT_FALSE(instr.error_edge);
  }
  absl::Status status = RunThrough(f, "error-checks");
  ASSERT_TRUE(status.ok()) << status;
  ExpectEdgesExactlyWhereFailing(f);
  EXPECT_FALSE(f.refcounts_explicit);
}

INSTANTIATE_TEST_SUITE_P(
    Programs, ErrorChecksCorpusTest,
    ::testing::Values(
        "def f(a, b):\n  return a + b\n",
        "def f(c):\n  if c: x = 1\n  return x\n",
        "def f(a):\n  x = a\n  del x\n  del y\n  y = 1\n",
        "def f(xs):\n  t = 0\n  for x in xs:\n    t += x\n  return t\n",
        "def f(a):\n  a.b = a[1:2]\n  del a[0]\n  return a.c(1, k=2)\n",
        "def f(a, *args, **kw):\n  return a(*args, **kw)\n",
        "def f(a):\n  x, *y = a\n  return [x, {y: a}, {a}, (a,)]\n",
        "def f(a):\n  assert a, 'no'\n  raise ValueError(a)\n",
        "def f(a, b):\n  return a is b, a is not None, not a, a < b < 3\n",
        "def f(a):\n  return f'{a!r:>{a}}'\n",
        "def f():\n  global g\n  g = 1\n  del g\n",
        "def f(a):\n  return lambda: a\n",
        "def f():\n  return -1, 2 * 3, 1 // 0\n"));

TEST(ErrorChecksTest, ALoadProvenBoundHasNoEdgeAndAMaybeUnboundOneHas) {
  auto lowered = LowerOrFail("def f(c):\n  if c: x = 1\n  return x\n", "f");
  ASSERT_NE(lowered, nullptr);
  ir::Function& f = lowered->function;
  ASSERT_TRUE(RunThrough(f, "error-checks").ok());
  ASSERT_EQ(LoadsOf(f, "c").size(), 1u);
  EXPECT_FALSE(LoadsOf(f, "c")[0]->error_edge) << ir::Print(f);
  ASSERT_EQ(LoadsOf(f, "x").size(), 1u);
  EXPECT_TRUE(LoadsOf(f, "x")[0]->error_edge) << ir::Print(f);
  // The function's error exit: no handler.
  EXPECT_EQ(LoadsOf(f, "x")[0]->handler, ir::kNoBlock);
}

TEST(ErrorChecksTest, OpsThatNeverFailGetNoEdge) {
  auto lowered = LowerOrFail("def f(a):\n  b = a\n  if a is None:\n    return b\n  return 1\n", "f");
  ASSERT_NE(lowered, nullptr);
  ir::Function& f = lowered->function;
  ASSERT_TRUE(RunThrough(f, "error-checks").ok());
  for (ir::Op op : {ir::Op::kStoreLocal, ir::Op::kConstant, ir::Op::kIdentity, ir::Op::kBranch,
                    ir::Op::kReturn, ir::Op::kSetSite}) {
    for (const ir::Instr* instr : InstrsWithOp(f, op)) {
      EXPECT_FALSE(instr->error_edge) << ir::PrintInstr(f, *instr);
    }
  }
}

TEST(ErrorChecksTest, RaisingAlwaysHasAnEdge) {
  auto lowered = LowerOrFail("def f(a):\n  if a:\n    raise a\n  assert a\n", "f");
  ASSERT_NE(lowered, nullptr);
  ir::Function& f = lowered->function;
  ASSERT_TRUE(RunThrough(f, "error-checks").ok());
  std::vector<const ir::Instr*> raises = InstrsWithOp(f, ir::Op::kRaise);
  std::vector<const ir::Instr*> assertions = InstrsWithOp(f, ir::Op::kRaiseAssertion);
  ASSERT_EQ(raises.size(), 1u) << ir::Print(f);
  ASSERT_EQ(assertions.size(), 1u) << ir::Print(f);
  EXPECT_TRUE(raises[0]->error_edge);
  EXPECT_TRUE(assertions[0]->error_edge);
}

// Hand-built: an edge goes to the recorded handler; a stale edge on an instruction
// that cannot fail is dropped.
//   b0: v0 = LoadGlobal 'g' (errors to b1); v1 = Constant None (marked !err); Return v1
//   b1: Return v1
TEST(ErrorChecksTest, EdgesKeepTheRecordedHandlerAndStaleEdgesGo) {
  ir::Function f;
  f.name = "handled";
  f.NewBlock();
  f.NewBlock();
  ir::ValueId none = f.NewValue(ir::Repr::kObject, false);
  ir::ValueId global = f.NewValue(ir::Repr::kObject, true);
  ir::Instr constant{ir::Op::kConstant};
  constant.results = {none};
  constant.error_edge = true;
  ir::Instr load{ir::Op::kLoadGlobal};
  load.results = {global};
  load.name = "g";
  load.handler = 1;
  ir::Instr ret{ir::Op::kReturn};
  ret.operands = {none};
  f.blocks[0].instrs = {constant, load, ret};
  f.blocks[1].instrs = {ret};
  InsertErrorChecks(f);
  EXPECT_FALSE(f.blocks[0].instrs[0].error_edge);
  EXPECT_TRUE(f.blocks[0].instrs[1].error_edge);
  EXPECT_EQ(f.blocks[0].instrs[1].handler, 1);
  EXPECT_FALSE(f.blocks[0].instrs[2].error_edge);
}

TEST(ErrorChecksTest, RunningTwiceChangesNothing) {
  auto lowered = LowerOrFail("def f(a, c):\n  if c: x = a\n  return x + a.b\n", "f");
  ASSERT_NE(lowered, nullptr);
  ir::Function& f = lowered->function;
  ASSERT_TRUE(RunThrough(f, "error-checks").ok());
  std::string once = ir::Print(f);
  InsertErrorChecks(f);
  EXPECT_EQ(ir::Print(f), once);
}

}  // namespace
}  // namespace kiln::opt
