// Kiln IR to C++: one C++ function for one lowered function whose passes have run
// (reference counts and error edges explicit). The dispatch over ops has one case per
// line of ops.def and no default, each case an emit function in the file of its group
// (emit_names.cc, emit_operators.cc, emit_calls.cc, emit_displays.cc,
// emit_control.cc): an op without an emitter does not build.
//
//   std::string text = EmitKirFunction(function, "Function3_fib", module);
#ifndef KILN_COMPILER_CODEGEN_KIR_FUNCTION_H_
#define KILN_COMPILER_CODEGEN_KIR_FUNCTION_H_

#include <string>

#include "compiler/codegen/module_context.h"
#include "compiler/ir/ir.h"

namespace kiln::codegen {

// `temp_count` gets the number of frame slots the code needs after the locals (a
// generator keeps its hand-over and state slots there, and the values it holds while
// suspended). A generator function is two C++ functions: the entry `c_name`, which
// makes the generator, and `c_name`_resume, its body.
std::string EmitKirFunction(const ir::Function& function, const std::string& c_name,
                            ModuleContext& module, int* temp_count);

}  // namespace kiln::codegen

#endif  // KILN_COMPILER_CODEGEN_KIR_FUNCTION_H_
