// The text form of Kiln IR, as `kilnc dump-ir FILE` prints it: stable (it depends only
// on the IR), one instruction a line, diffable. Golden files under tests/codegen/ hold it.
//
//   function fib (slots: s0 n; parameters: 1)
//   b0:
//     SetSite @1:0
//     v0 = LoadLocal s0:n
//     v1 = Constant 2
//     v2 = CompareBool[<] v0, v1 @2:7 !err
//     Branch v2 -> b1, b2
//
// `vN` is a value (`^` after a result: the function owns a reference to it), `sN:name`
// a frame slot, `bN(vA, vB)` a block and its parameters, `@line:col` the source place an
// error reports, `!err` an error edge (`!err -> bN` to a handler, `release vA` the
// references the edge drops), `checked` a local that may be unbound.
#ifndef KILN_COMPILER_IR_PRINTER_H_
#define KILN_COMPILER_IR_PRINTER_H_

#include <string>

#include "compiler/ir/ir.h"

namespace kiln::ir {

std::string Print(const Function& function);
std::string PrintInstr(const Function& function, const Instr& instr);

}  // namespace kiln::ir

#endif  // KILN_COMPILER_IR_PRINTER_H_
