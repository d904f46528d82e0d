// Error checks, made explicit late: every instruction that can still fail (after
// definite assignment removed the checks it could) gets an error edge to the handler
// lowering recorded for it (the function's error exit when there is none).
#include "compiler/opt/passes.h"

namespace kiln::opt {

void InsertErrorChecks(ir::Function& function) {
  for (ir::Block& block : function.blocks) {
    for (ir::Instr& instr : block.instrs) instr.error_edge = instr.can_fail();
  }
}

}  // namespace kiln::opt
