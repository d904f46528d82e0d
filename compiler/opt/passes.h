// The passes over Kiln IR, one file each (listed in order in pipeline.cc).
#ifndef KILN_COMPILER_OPT_PASSES_H_
#define KILN_COMPILER_OPT_PASSES_H_

#include "compiler/ir/ir.h"

namespace kiln::opt {

// Removes the unbound-local check of every LoadLocal and DeleteLocal whose slot is
// bound on every path to it (parameters, stored to, checked before).
void DefiniteAssignment(ir::Function& function);

// Folds operations on constants (small ints, truth values, branches on them) and
// forwards a constant stored to a local to the loads of it in the same block.
void ConstantFold(ir::Function& function);

// Removes unreachable blocks and unused side-effect-free instructions, and merges
// straight-line chains of blocks.
void RemoveDeadCode(ir::Function& function);

// Fuses trees of arithmetic operations into Arithmetic ops, computed on C numbers when
// their operands are exact floats and small ints (fuse_arithmetic.cc).
void FuseArithmetic(ir::Function& function);

// Gives every instruction that can still fail an error edge to its handler.
void InsertErrorChecks(ir::Function& function);

// Makes reference counting explicit: IncRef where a reference is handed on but still
// needed (or was borrowed), DecRef after the last use of an owned value (on the edge
// where it dies), the references each error edge releases, and a reference of its own
// for a borrowed local that outlives a store to its slot.
void InsertRefcounts(ir::Function& function);

}  // namespace kiln::opt

#endif  // KILN_COMPILER_OPT_PASSES_H_
