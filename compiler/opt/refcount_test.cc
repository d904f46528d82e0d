// InsertRefcounts: after it, every owned reference is released or handed on exactly
// once on every path (the verifier's ownership check), borrowed values handed on are
// IncRef'd first, call arguments from locals hold a reference of their own, error
// edges release what they must, and a borrow that outlives a store to its slot owns
// its value. Broken ownership is caught by ir::Verify.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <string>
#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/ir/printer.h"
#include "compiler/ir/verifier.h"
#include "compiler/opt/passes.h"
#include "compiler/opt/pipeline.h"
#include "compiler/opt/test_util.h"

namespace kiln::opt {
namespace {

using test_util::CountOp;
using test_util::DefinitionOf;
using test_util::InstrsWithOp;
using test_util::LoadsOf;
using test_util::LowerOrFail;
using test_util::LoweredForTest;
using test_util::PlaceOf;
using test_util::RunThrough;

// Lowers `name` and runs the whole pipeline with the verifier on.
std::unique_ptr<LoweredForTest> Compiled(const std::string& source, const std::string& name = "f") {
  std::unique_ptr<LoweredForTest> lowered = LowerOrFail(source, name);
  if (lowered == nullptr) return nullptr;
  absl::Status status = RunThrough(lowered->function, "");
  EXPECT_TRUE(status.ok()) << status << "\n" << ir::Print(lowered->function);
  if (!status.ok()) return nullptr;
  EXPECT_TRUE(lowered->function.refcounts_explicit);
  return lowered;
}

// The instructions of a block without its SetSites, printed without source places
// (` @line:col`): a compact picture of what a test expects.
std::vector<std::string> Lines(const ir::Function& f, ir::BlockId block) {
  std::vector<std::string> lines;
  for (const ir::Instr& instr : f.blocks[block].instrs) {
    if (instr.op == ir::Op::kSetSite) continue;
    std::string line = ir::PrintInstr(f, instr);
    lines.push_back(line.substr(0, line.find(" @")));
  }
  return lines;
}

// How many `op value` (IncRef or DecRef) block `block` holds at instruction indices
// [from, to).
constexpr int kEnd = std::numeric_limits<int>::max();
int CountRefOps(const ir::Function& f, ir::BlockId block, ir::Op op, ir::ValueId value, int from,
                int to) {
  int count = 0;
  const std::vector<ir::Instr>& instrs = f.blocks[block].instrs;
  to = std::min<int>(to, static_cast<int>(instrs.size()));
  for (int i = std::max(from, 0); i < to; ++i) {
    if (instrs[i].op == op && instrs[i].operands == ir::ValueList{value}) ++count;
  }
  return count;
}

class RefcountCorpusTest : public ::testing::TestWithParam<const char*> {};

TEST_P(RefcountCorpusTest, ThePipelineLeavesVerifiedOwnership) {
  // Compiled() runs the pipeline with the verifier on: every owned reference is
  // released or handed on exactly once on every path, error edges included.
  auto lowered = Compiled(GetParam());
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  // Reference operations take one object.
  for (ir::Op op : {ir::Op::kIncRef, ir::Op::kDecRef}) {
    for (const ir::Instr* instr : InstrsWithOp(f, op)) {
      ASSERT_EQ(instr->operands.size(), 1u) << ir::PrintInstr(f, *instr);
      ir::Repr repr = f.values[instr->operands[0]].repr;
      EXPECT_TRUE(repr == ir::Repr::kObject || repr == ir::Repr::kMethod) << ir::PrintInstr(f, *instr);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    Programs, RefcountCorpusTest,
    ::testing::Values(
        "def f(a):\n  b = a\n  a = 2\n  return b\n",
        "def f(a, b):\n  a, b = b, a\n  return a\n",
        "def f(a, b):\n  return g(a, b)\n",
        "def f(n):\n  return n\n",
        "def f(xs):\n  t = 0\n  for x in xs:\n    t = t + x\n  return t\n",
        "def f(xs):\n  for x in xs:\n    if x:\n      break\n  else:\n    return 1\n  return x\n",
        "def f(xs):\n  for i in xs:\n    for j in xs:\n      if i == j:\n        continue\n"
        "      return i\n  return None\n",
        "def f(c, a):\n  y = a * 2\n  z = a * 3\n  if c:\n    return y\n  else:\n    return z\n",
        "def f(a, b, c):\n  return a + (b if c else 3)\n",
        "def f(a, b, c):\n  return a < b < c\n",
        "def f(a, b):\n  return a and b or a\n",
        "def f(a):\n  return a.b.c(a, 1)\n",
        "def f(a, *args, **kw):\n  return a(*args, k=1, **kw)\n",
        "def f(a):\n  x, *y = a\n  return [x, {y: a}, {a}, (a, a)]\n",
        "def f(a, b):\n  a[b] = a\n  a.x = b\n  del a[b]\n  return a[1:2]\n",
        "def f(a):\n  return f'{a}x{a!r}'\n",
        "def f(a):\n  a += 1\n  return a\n",
        "def f(c):\n  if c:\n    x = 1\n  print(x)\n  print(x)\n",
        "def f(a):\n  assert a, 'no'\n  return a\n",
        "def f(a):\n  raise ValueError(a)\n",
        "def f(a):\n  del a\n  a = 1\n  return a\n",
        "def f(c):\n  while True:\n    if c:\n      break\n  return c\n",
        "def f(a):\n  return lambda: a\n",
        "def f():\n  global g\n  g = [1, 2]\n  return g\n",
        "def f(s):\n  match s:\n    case [a, *b, 2] | (b, a):\n      return a, b\n"
        "    case {'k': v, **rest} if v:\n      return rest\n    case P(x, y=0) | P(y=x):\n"
        "      return x\n    case [_, *_, c]:\n      return c\n  return None\n",
        "def f(s):\n  match s:\n    case [s, *_] if s:\n      return s\n    case x:\n"
        "      return (s, x)\n"));

TEST(RefcountTest, ReturningAParameterIncRefsIt) {
  auto lowered = Compiled("def f(n):\n  return n\n");
  ASSERT_NE(lowered, nullptr);
  EXPECT_THAT(Lines(lowered->function, 0),
              ::testing::ElementsAre("v0 = LoadLocal s0:n", "IncRef v0", "Return v0"));
}

TEST(RefcountTest, ReturningANewReferenceHandsItOn) {
  auto lowered = Compiled("def f(a):\n  return a + 1\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  EXPECT_EQ(CountOp(f, ir::Op::kIncRef), 0) << ir::Print(f);
  EXPECT_EQ(CountOp(f, ir::Op::kDecRef), 0) << ir::Print(f);
}

TEST(RefcountTest, CallArgumentsFromLocalsHoldAReferenceDuringTheCall) {
  auto lowered = Compiled("def f(a, b):\n  return g(a, b)\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  std::vector<const ir::Instr*> calls = InstrsWithOp(f, ir::Op::kCall);
  ASSERT_EQ(calls.size(), 1u);
  const ir::Instr& call = *calls[0];
  ASSERT_EQ(call.operands.size(), 3u);
  test_util::Place place = PlaceOf(f, &call);
  ir::ValueId callee = call.operands[0];
  for (size_t k = 1; k < call.operands.size(); ++k) {
    ir::ValueId argument = call.operands[k];
    SCOPED_TRACE(k);
    ASSERT_EQ(DefinitionOf(f, argument)->op, ir::Op::kLoadLocal);
    EXPECT_EQ(CountRefOps(f, place.block, ir::Op::kIncRef, argument, 0, place.index), 1)
        << ir::Print(f);
    EXPECT_EQ(CountRefOps(f, place.block, ir::Op::kDecRef, argument, place.index + 1, kEnd), 1)
        << ir::Print(f);
    // If the call fails, the error edge drops the argument's reference too.
    EXPECT_THAT(call.error_cleanup, ::testing::Contains(argument));
  }
  // The callee is a new reference (LoadGlobal): released after the call and on error.
  EXPECT_EQ(CountRefOps(f, place.block, ir::Op::kDecRef, callee, place.index + 1, kEnd), 1);
  EXPECT_THAT(call.error_cleanup, ::testing::Contains(callee));
  // The result is handed on to the Return.
  EXPECT_EQ(CountRefOps(f, place.block, ir::Op::kDecRef, call.result(), 0, kEnd), 0);
}

TEST(RefcountTest, CallArgumentsThatAreNewReferencesAreNotIncRefd) {
  auto lowered = Compiled("def f(a):\n  return g(a + 1)\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  std::vector<const ir::Instr*> calls = InstrsWithOp(f, ir::Op::kCall);
  ASSERT_EQ(calls.size(), 1u);
  ir::ValueId sum = calls[0]->operands[1];
  EXPECT_EQ(DefinitionOf(f, sum)->op, ir::Op::kBinary);
  EXPECT_EQ(CountRefOps(f, 0, ir::Op::kIncRef, sum, 0, kEnd), 0) << ir::Print(f);
  EXPECT_EQ(CountRefOps(f, 0, ir::Op::kDecRef, sum, 0, kEnd), 1) << ir::Print(f);
}

TEST(RefcountTest, AnUnusedResultIsReleasedRightAway) {
  auto lowered = Compiled("def f(a):\n  g(a)\n  return 0\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  std::vector<const ir::Instr*> calls = InstrsWithOp(f, ir::Op::kCall);
  ASSERT_EQ(calls.size(), 1u);
  test_util::Place place = PlaceOf(f, calls[0]);
  // Right after the call (with the releases of the callee and argument).
  EXPECT_EQ(CountRefOps(f, place.block, ir::Op::kDecRef, calls[0]->result(), place.index + 1,
                        place.index + 4),
            1)
      << ir::Print(f);
}

TEST(RefcountTest, StoringABorrowedValueIncRefsItFirst) {
  auto lowered = Compiled("def f(a):\n  b = a\n  return 0\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  std::vector<const ir::Instr*> stores = InstrsWithOp(f, ir::Op::kStoreLocal);
  ASSERT_EQ(stores.size(), 1u);
  test_util::Place place = PlaceOf(f, stores[0]);
  ASSERT_GT(place.index, 0);
  EXPECT_EQ(ir::PrintInstr(f, f.blocks[place.block].instrs[place.index - 1]),
            "IncRef v" + std::to_string(stores[0]->operands[0]))
      << ir::Print(f);
}

TEST(RefcountTest, AnIteratorIsReleasedWhenTheLoopEnds) {
  auto lowered = Compiled("def f(xs):\n  for x in xs:\n    pass\n  return 0\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  std::vector<const ir::Instr*> iters = InstrsWithOp(f, ir::Op::kGetIter);
  std::vector<const ir::Instr*> nexts = InstrsWithOp(f, ir::Op::kIterNext);
  ASSERT_EQ(iters.size(), 1u);
  ASSERT_EQ(nexts.size(), 1u);
  ir::ValueId iterator = iters[0]->result();
  // Released once, on the exhausted side, and by IterNext's own error edge.
  std::vector<const ir::Instr*> releases;
  for (const ir::Instr* decref : InstrsWithOp(f, ir::Op::kDecRef)) {
    if (decref->operands[0] == iterator) releases.push_back(decref);
  }
  ASSERT_EQ(releases.size(), 1u) << ir::Print(f);
  EXPECT_EQ(PlaceOf(f, releases[0]).block, nexts[0]->targets[1]) << ir::Print(f);
  EXPECT_THAT(nexts[0]->error_cleanup, ::testing::ElementsAre(iterator));
  // The item is handed on to the store of x: never released.
  EXPECT_EQ(CountRefOps(f, nexts[0]->targets[0], ir::Op::kDecRef, nexts[0]->result(), 0, kEnd), 0);
}

TEST(RefcountTest, AValueThatDiesOnAnEdgeIsReleasedOnThatEdge) {
  // The break leaves the loop from a Branch whose other side needs the iterator, and
  // joins the exhausted path: a new block on the edge releases the iterator.
  auto lowered = Compiled("def f(xs):\n  for x in xs:\n    if x:\n      break\n  return 0\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  std::vector<const ir::Instr*> iters = InstrsWithOp(f, ir::Op::kGetIter);
  ASSERT_EQ(iters.size(), 1u);
  ir::ValueId iterator = iters[0]->result();
  std::vector<const ir::Instr*> releases;
  for (const ir::Instr* decref : InstrsWithOp(f, ir::Op::kDecRef)) {
    if (decref->operands[0] == iterator) releases.push_back(decref);
  }
  // Once on the exhausted path, once on the break.
  ASSERT_EQ(releases.size(), 2u) << ir::Print(f);
  for (const ir::Instr* release : releases) {
    const ir::Block& block = f.blocks[PlaceOf(f, release).block];
    EXPECT_EQ(block.terminator().op, ir::Op::kJump) << ir::Print(f);
  }
}

TEST(RefcountTest, AFailingLoadReleasesWhatIsAlreadyHeld) {
  // print is loaded (a new reference) before x, which may be unbound.
  auto lowered = Compiled("def f(c):\n  if c:\n    x = 1\n  print(x)\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  std::vector<const ir::Instr*> loads = LoadsOf(f, "x");
  ASSERT_EQ(loads.size(), 1u);
  ASSERT_TRUE(loads[0]->error_edge);
  std::vector<const ir::Instr*> globals = InstrsWithOp(f, ir::Op::kLoadGlobal);
  ASSERT_EQ(globals.size(), 1u);
  EXPECT_THAT(loads[0]->error_cleanup, ::testing::ElementsAre(globals[0]->result())) << ir::Print(f);
}

TEST(RefcountTest, ATupleTakesReferencesOfItsOwn) {
  // BuildTuple steals its items: the borrowed locals are IncRef'd, once per use.
  auto lowered = Compiled("def f(a):\n  return (a, a)\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  std::vector<const ir::Instr*> tuples = InstrsWithOp(f, ir::Op::kBuildTuple);
  ASSERT_EQ(tuples.size(), 1u);
  EXPECT_EQ(CountOp(f, ir::Op::kIncRef), 2) << ir::Print(f);
  EXPECT_EQ(CountOp(f, ir::Op::kDecRef), 0) << ir::Print(f);
  // Stolen on failure as well: the edge releases nothing.
  EXPECT_THAT(tuples[0]->error_cleanup, ::testing::IsEmpty());
}

TEST(RefcountTest, AnAssignedLocalOwnsItsValueSoAStoreToTheSourceIsHarmless) {
  // `b = a` gives b's slot a reference of its own (IncRef before the store), and
  // `return b` reads b's slot again: the store to a in between invalidates nothing.
  auto lowered = Compiled("def f(a):\n  b = a\n  a = 2\n  return b\n");
  ASSERT_NE(lowered, nullptr);
  const ir::Function& f = lowered->function;
  ASSERT_EQ(f.blocks.size(), 1u) << ir::Print(f);
  EXPECT_THAT(Lines(f, 0), ::testing::ElementsAre("v0 = LoadLocal s0:a", "IncRef v0",
                                                  "StoreLocal s1:b v0", "v1 = Constant 2",
                                                  "IncRef v1", "StoreLocal s0:a v1",
                                                  "v2 = LoadLocal s1:b", "IncRef v2",
                                                  "Return v2"))
      << ir::Print(f);
}

// `a` is loaded (borrowed from its slot), then the walrus stores to the slot, then
// the loaded value is used: it must own a reference from the load on.
constexpr char kBorrowAcrossStore[] = "def f(a):\n  return a + (a := 2)\n";

TEST(RefcountTest, ABorrowUsedAfterAStoreToItsSlotIsIncRefdAtTheLoad) {
  auto lowered = LowerOrFail(kBorrowAcrossStore, "f");
  ASSERT_NE(lowered, nullptr);
  ir::Function& f = lowered->function;
  ASSERT_TRUE(RunThrough(f, "error-checks").ok());
  InsertRefcounts(f);
  std::vector<const ir::Instr*> loads = LoadsOf(f, "a");
  ASSERT_EQ(loads.size(), 1u) << ir::Print(f);
  ir::ValueId borrowed = loads[0]->result();
  test_util::Place load = PlaceOf(f, loads[0]);
  std::vector<const ir::Instr*> stores = InstrsWithOp(f, ir::Op::kStoreLocal);
  ASSERT_EQ(stores.size(), 1u);
  test_util::Place store = PlaceOf(f, stores[0]);
  ASSERT_EQ(load.block, store.block);
  // IncRef right after the load, before the store...
  ASSERT_LT(load.index + 1, store.index);
  EXPECT_EQ(ir::PrintInstr(f, f.blocks[load.block].instrs[load.index + 1]),
            "IncRef v" + std::to_string(borrowed))
      << ir::Print(f);
  // ... and exactly one release after its last use (the addition).
  EXPECT_EQ(CountRefOps(f, load.block, ir::Op::kDecRef, borrowed, store.index, kEnd), 1)
      << ir::Print(f);
}

// A borrow made owned by the pass (IncRef right after its load) verifies: the
// verifier counts the IncRef of a value born borrowed. Also for call arguments.
TEST(RefcountTest, ABorrowUsedAfterAStoreToItsSlotVerifies) {
  auto lowered = LowerOrFail(kBorrowAcrossStore, "f");
  ASSERT_NE(lowered, nullptr);
  absl::Status status = RunThrough(lowered->function, "");
  EXPECT_TRUE(status.ok()) << status << "\n" << ir::Print(lowered->function);
}

TEST(RefcountTest, ACallArgumentBorrowedAcrossAStoreVerifies) {
  auto lowered = LowerOrFail("def f(a):\n  return g(a, (a := 3))\n", "f");
  ASSERT_NE(lowered, nullptr);
  absl::Status status = RunThrough(lowered->function, "");
  EXPECT_TRUE(status.ok()) << status << "\n" << ir::Print(lowered->function);
}

// --- the verifier rejects broken ownership (on the pass's own output, broken) ---

// A call through a global with a local argument, compiled: DecRefs of the callee and
// of the argument's own reference after the call.
std::unique_ptr<LoweredForTest> CompiledWithReleases() {
  return Compiled("def f(a):\n  x = g(a)\n  return x\n");
}

// Removes the first instruction with `op` (of `value`, if not kNoValue).
bool RemoveFirst(ir::Function& f, ir::Op op, ir::ValueId value = ir::kNoValue) {
  for (ir::Block& block : f.blocks) {
    for (size_t i = 0; i < block.instrs.size(); ++i) {
      const ir::Instr& instr = block.instrs[i];
      if (instr.op != op) continue;
      if (value != ir::kNoValue && instr.operands != ir::ValueList{value}) continue;
      block.instrs.erase(block.instrs.begin() + i);
      return true;
    }
  }
  return false;
}

TEST(RefcountTest, TheVerifierRejectsALeak) {
  auto lowered = CompiledWithReleases();
  ASSERT_NE(lowered, nullptr);
  ir::Function& f = lowered->function;
  ASSERT_TRUE(ir::Verify(f).ok());
  ASSERT_TRUE(RemoveFirst(f, ir::Op::kDecRef)) << ir::Print(f);
  absl::Status status = ir::Verify(f);
  EXPECT_FALSE(status.ok()) << ir::Print(f);
  EXPECT_THAT(std::string(status.message()), ::testing::HasSubstr("still held at return"));
  // Without explicit reference counts, ownership is not checked.
  f.refcounts_explicit = false;
  EXPECT_TRUE(ir::Verify(f).ok()) << ir::Verify(f);
}

TEST(RefcountTest, TheVerifierRejectsADoubleRelease) {
  auto lowered = CompiledWithReleases();
  ASSERT_NE(lowered, nullptr);
  ir::Function& f = lowered->function;
  std::vector<const ir::Instr*> decrefs = InstrsWithOp(f, ir::Op::kDecRef);
  ASSERT_FALSE(decrefs.empty()) << ir::Print(f);
  test_util::Place place = PlaceOf(f, decrefs[0]);
  ir::Instr again = *decrefs[0];
  std::vector<ir::Instr>& instrs = f.blocks[place.block].instrs;
  instrs.insert(instrs.begin() + place.index + 1, again);
  absl::Status status = ir::Verify(f);
  EXPECT_FALSE(status.ok()) << ir::Print(f);
  // The second DecRef uses a value whose reference is gone.
  EXPECT_THAT(std::string(status.message()),
              ::testing::AnyOf(::testing::HasSubstr("without a reference"),
                               ::testing::HasSubstr("after its reference was released")));
}

TEST(RefcountTest, TheVerifierRejectsAUseAfterTheLastRelease) {
  auto lowered = Compiled("def f(a):\n  return g(a) + 1\n");
  ASSERT_NE(lowered, nullptr);
  ir::Function& f = lowered->function;
  std::vector<const ir::Instr*> calls = InstrsWithOp(f, ir::Op::kCall);
  ASSERT_EQ(calls.size(), 1u);
  ir::ValueId result = calls[0]->result();
  // Release the call's result right after the call, before the addition uses it.
  test_util::Place place = PlaceOf(f, calls[0]);
  ASSERT_TRUE(RemoveFirst(f, ir::Op::kDecRef, result)) << ir::Print(f);
  ir::Instr release{ir::Op::kDecRef};
  release.operands = {result};
  std::vector<ir::Instr>& instrs = f.blocks[place.block].instrs;
  instrs.insert(instrs.begin() + place.index + 1, release);
  absl::Status status = ir::Verify(f);
  EXPECT_FALSE(status.ok()) << ir::Print(f);
  EXPECT_THAT(std::string(status.message()), ::testing::HasSubstr("after its reference was released"));
}

TEST(RefcountTest, TheVerifierRejectsACallArgumentWithoutAReference) {
  auto lowered = Compiled("def f(a):\n  return g(a)\n");
  ASSERT_NE(lowered, nullptr);
  ir::Function& f = lowered->function;
  std::vector<const ir::Instr*> loads = LoadsOf(f, "a");
  ASSERT_EQ(loads.size(), 1u);
  ir::ValueId argument = loads[0]->result();
  // Take the argument's own reference away, before the call and after it, and from
  // the call's error edge.
  ASSERT_TRUE(RemoveFirst(f, ir::Op::kIncRef, argument));
  ASSERT_TRUE(RemoveFirst(f, ir::Op::kDecRef, argument));
  for (ir::Block& block : f.blocks) {
    for (ir::Instr& instr : block.instrs) {
      auto& cleanup = instr.error_cleanup;
      cleanup.erase(std::remove(cleanup.begin(), cleanup.end(), argument), cleanup.end());
    }
  }
  absl::Status status = ir::Verify(f);
  EXPECT_FALSE(status.ok()) << ir::Print(f);
  EXPECT_THAT(std::string(status.message()), ::testing::HasSubstr("holds no reference of its own"));
}

TEST(RefcountTest, TheVerifierRejectsAnErrorEdgeThatLeaks) {
  auto lowered = Compiled("def f(a):\n  return g(a)\n");
  ASSERT_NE(lowered, nullptr);
  ir::Function& f = lowered->function;
  int calls = 0;
  for (ir::Block& block : f.blocks) {
    for (ir::Instr& instr : block.instrs) {
      if (instr.op != ir::Op::kCall) continue;
      ASSERT_FALSE(instr.error_cleanup.empty()) << ir::Print(f);
      instr.error_cleanup.clear();
      ++calls;
    }
  }
  ASSERT_EQ(calls, 1);
  absl::Status status = ir::Verify(f);
  EXPECT_FALSE(status.ok()) << ir::Print(f);
  EXPECT_THAT(std::string(status.message()), ::testing::HasSubstr("still held at the error exit"));
}

// Hand-built: v0 = a (borrowed from its slot), v1 = [] (a new reference), then some
// releases of the list, perhaps an IncRef of a, and a Return of one of them.
//   b0: v0 = LoadLocal s0:a; v1^ = NewList !err; DecRef v1 (x list_releases);
//       [IncRef v0]; Return v1 or v0
ir::Function ListOrParameter(bool return_list, int list_releases, bool incref_parameter) {
  ir::Function f;
  f.name = "hand";
  f.slot_names = {"a"};
  f.parameter_count = 1;
  f.NewBlock();
  ir::ValueId a = f.NewValue(ir::Repr::kObject, false);
  f.values[a].borrowed_slot = 0;
  ir::ValueId list = f.NewValue(ir::Repr::kObject, true);
  ir::Instr load{ir::Op::kLoadLocal};
  load.results = {a};
  load.checked = false;
  ir::Instr make{ir::Op::kNewList};
  make.results = {list};
  make.error_edge = true;
  std::vector<ir::Instr>& instrs = f.blocks[0].instrs;
  instrs = {load, make};
  for (int i = 0; i < list_releases; ++i) {
    ir::Instr release{ir::Op::kDecRef};
    release.operands = {list};
    instrs.push_back(release);
  }
  if (incref_parameter) {
    ir::Instr incref{ir::Op::kIncRef};
    incref.operands = {a};
    instrs.push_back(incref);
  }
  ir::Instr ret{ir::Op::kReturn};
  ret.operands = {return_list ? list : a};
  instrs.push_back(ret);
  f.refcounts_explicit = true;
  return f;
}

TEST(RefcountTest, TheVerifierJudgesHandBuiltOwnership) {
  // Sound: the list is returned (handed on), or released and a returned with its own
  // reference.
  ir::Function returns_list = ListOrParameter(true, 0, false);
  EXPECT_TRUE(ir::Verify(returns_list).ok()) << ir::Verify(returns_list);
  ir::Function returns_parameter = ListOrParameter(false, 1, true);
  EXPECT_TRUE(ir::Verify(returns_parameter).ok()) << ir::Verify(returns_parameter);
  // A leak: the list is never released.
  ir::Function leak = ListOrParameter(false, 0, true);
  EXPECT_THAT(std::string(ir::Verify(leak).message()), ::testing::HasSubstr("still held at return"));
  // A double release.
  ir::Function twice = ListOrParameter(false, 2, true);
  EXPECT_FALSE(ir::Verify(twice).ok());
  // Returning a borrowed parameter without a reference of its own.
  ir::Function borrowed = ListOrParameter(false, 1, false);
  EXPECT_FALSE(ir::Verify(borrowed).ok());
  // The same functions pass when ownership is not yet explicit.
  for (ir::Function* f : {&leak, &twice, &borrowed}) {
    f->refcounts_explicit = false;
    EXPECT_TRUE(ir::Verify(*f).ok()) << ir::Verify(*f);
  }
}

}  // namespace
}  // namespace kiln::opt
