// Helpers for the unit tests of the passes: Python source in, lowered Kiln IR out,
// and a few questions tests ask of a function (which instructions have an op, what
// defines a value, which slot an instruction names).
//
// The IR points into the AST (sites, MakeFunction scopes, constant text), so the
// function lives together with the source, arena and scope tree it came from:
//
//   std::unique_ptr<LoweredForTest> lowered = LowerOrFail("def f(a):\n  return a\n", "f");
//   ASSERT_NE(lowered, nullptr);
//   opt::DefiniteAssignment(lowered->function);
//   EXPECT_THAT(InstrsWithOp(lowered->function, ir::Op::kLoadLocal), ...);
#ifndef KILN_COMPILER_OPT_TEST_UTIL_H_
#define KILN_COMPILER_OPT_TEST_UTIL_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "compiler/ast/arena.h"
#include "compiler/ast/ast.h"
#include "compiler/ir/ir.h"
#include "compiler/sema/scopes.h"

namespace kiln::opt::test_util {

// A lowered function and everything its IR points into. Neither copied nor moved:
// held through a unique_ptr.
struct LoweredForTest {
  std::string source;
  ast::Arena arena;
  ast::Module* module = nullptr;
  sema::ScopeTree scopes;
  ir::Function function;
};

// Parses `source` (a module), analyses its scopes and lowers the function scope
// called `name` (the first def or lambda of that name, at any depth; lowered with
// `name` as its qualified name). Parse, scope and lowering errors come back as a
// status; a missing function is NotFound.
absl::StatusOr<std::unique_ptr<LoweredForTest>> Lower(std::string_view source,
                                                      const std::string& name);

// Lower(), recording a GoogleTest failure (with the status) and returning nullptr
// when it fails: `ASSERT_NE(lowered, nullptr)` after it.
std::unique_ptr<LoweredForTest> LowerOrFail(std::string_view source, const std::string& name);

// Runs the pipeline with the verifier on, up to and including the pass called `last`
// ("definite-assignment", ..., "refcounts"; "" for all of them).
absl::Status RunThrough(ir::Function& function, const std::string& last);

// The instructions with `op`, in block order then instruction order (every block,
// reachable or not).
std::vector<const ir::Instr*> InstrsWithOp(const ir::Function& function, ir::Op op);
int CountOp(const ir::Function& function, ir::Op op);

// The instruction that defines `value` (nullptr for block parameters, IterNext items
// are defined by their IterNext).
const ir::Instr* DefinitionOf(const ir::Function& function, ir::ValueId value);

// The slot of the frame called `name`, or -1.
int SlotOf(const ir::Function& function, const std::string& name);

// The LoadLocal instructions of the slot called `name`, in block order.
std::vector<const ir::Instr*> LoadsOf(const ir::Function& function, const std::string& name);

// The block that holds `instr` and its index there (kNoBlock, -1 when it is not in
// the function).
struct Place {
  ir::BlockId block = ir::kNoBlock;
  int index = -1;
};
Place PlaceOf(const ir::Function& function, const ir::Instr* instr);

// The blocks reachable from the entry, as ir::ReversePostOrder finds them.
std::vector<ir::BlockId> Reachable(const ir::Function& function);

// A constant of the given kind, for hand-built IR and for comparisons.
ast::ConstantValue IntConstant(std::string_view digits);
ast::ConstantValue NoneConstant();

}  // namespace kiln::opt::test_util

#endif  // KILN_COMPILER_OPT_TEST_UTIL_H_
