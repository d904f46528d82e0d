// Checks that a Kiln IR function is well formed; run after every pass in tests and
// debug builds (opt::RunPipeline with verify = true).
//
//   - every block ends in exactly one terminator and has none before it; targets exist;
//     a Jump passes as many values as its target has parameters;
//   - every operand is defined, and its definition dominates the use;
//   - once reference counts are explicit (Function::refcounts_explicit): every owned
//     reference is released or handed on exactly once on every path (Return and error
//     exits hold none), nothing is used after its last reference is gone, a borrowed
//     local is not used after its slot was stored to (checked within a block), and
//     calls hold a reference to each argument taken from a local.
//
//   absl::Status status = ir::Verify(function);
#ifndef KILN_COMPILER_IR_VERIFIER_H_
#define KILN_COMPILER_IR_VERIFIER_H_

#include "absl/status/status.h"
#include "compiler/ir/ir.h"

namespace kiln::ir {

absl::Status Verify(const Function& function);

// Immediate dominators of the reachable blocks (kNoBlock for the entry and for
// unreachable blocks); shared with the passes.
std::vector<BlockId> Dominators(const Function& function);
bool Dominates(const std::vector<BlockId>& idom, BlockId a, BlockId b);

}  // namespace kiln::ir

#endif  // KILN_COMPILER_IR_VERIFIER_H_
