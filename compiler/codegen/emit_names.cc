// Emitters of constants, frame slots (locals, cells), globals, sites and references.
#include "absl/strings/str_cat.h"
#include "compiler/codegen/emitter.h"

namespace kiln::codegen {

// Constants, cell objects and (most) local reads are inline expressions (V()).
void FunctionEmitter::EmitConstant(const ir::Instr&) {}
void FunctionEmitter::EmitCIntConstant(const ir::Instr&) {}
void FunctionEmitter::EmitCellObject(const ir::Instr&) {}

void FunctionEmitter::EmitLoadLocal(const ir::Instr& instr) {
  std::string slot = Slot(instr.number);
  if (instr.error_edge) {
    Line(absl::StrCat("if (!", slot, ") ",
                      ErrorExit(instr, absl::StrCat("kiln::RaiseUnboundLocal(", SlotName(instr.number), ");"))));
  }
  if (!Inline(instr.result())) Line(absl::StrCat(Result(instr), " = ", slot, ";"));
}

void FunctionEmitter::EmitStoreLocal(const ir::Instr& instr) {
  Line(absl::StrCat("Py_XSETREF(", Slot(instr.number), ", ", V(instr.operands[0]), ");"));
}

void FunctionEmitter::EmitDeleteLocal(const ir::Instr& instr) {
  std::string slot = Slot(instr.number);
  if (instr.error_edge) {
    Line(absl::StrCat("if (!", slot, ") ",
                      ErrorExit(instr, absl::StrCat("kiln::RaiseUnboundLocal(", SlotName(instr.number), ");"))));
  }
  Line(absl::StrCat("Py_CLEAR(", slot, ");"));
}

void FunctionEmitter::EmitInPlaceAddLocal(const ir::Instr& instr) {
  StatusCheck(instr, absl::StrCat("kiln::InPlaceAddLocal(&", Slot(instr.number), ", ", V(instr.operands[0]), ")"));
}

void FunctionEmitter::EmitLoadCell(const ir::Instr& instr) {
  const char* raise = instr.extra ? "kiln::RaiseUnboundFree(" : "kiln::RaiseUnboundLocal(";
  NullCheck(instr, absl::StrCat("Py_XNewRef(PyCell_GET(", Slot(instr.number), "))"),
            absl::StrCat(raise, SlotName(instr.number), ");"));
}

void FunctionEmitter::EmitStoreCell(const ir::Instr& instr) {
  Line(absl::StrCat("kiln::CellSet(", Slot(instr.number), ", ", V(instr.operands[0]), ");"));
}

void FunctionEmitter::EmitDeleteCell(const ir::Instr& instr) {
  StatusCheck(instr, absl::StrCat("kiln::CellDelete(", Slot(instr.number), ", ", SlotName(instr.number),
                                  ", ", instr.extra, ")"));
}

void FunctionEmitter::EmitLoadGlobal(const ir::Instr& instr) {
  NullCheck(instr, absl::StrCat("kiln::LoadGlobalCached(globals, builtins, ", Name(instr.name), ", ",
                                module_.NewGlobalCache(), ")"));
}

void FunctionEmitter::EmitStoreGlobal(const ir::Instr& instr) {
  StatusCheck(instr, absl::StrCat("PyDict_SetItem(globals, ", Name(instr.name), ", ", V(instr.operands[0]), ")"));
}

void FunctionEmitter::EmitDeleteGlobal(const ir::Instr& instr) {
  StatusCheck(instr, absl::StrCat("kiln::DeleteGlobal(globals, ", Name(instr.name), ")"));
}

// A class body's namespace; a module's is its globals.
std::string FunctionEmitter::Namespace() const {
  return f_.kind == ir::FunctionKind::kClass ? "ns" : "globals";
}

void FunctionEmitter::EmitLoadName(const ir::Instr& instr) {
  NullCheck(instr, absl::StrCat("kiln::LoadName(ns, globals, ", Name(instr.name), ")"));
}

void FunctionEmitter::EmitLoadClassCell(const ir::Instr& instr) {
  NullCheck(instr, absl::StrCat("kiln::LoadClassCell(ns, globals, ", Slot(instr.number), ", ", Name(instr.name), ")"));
}

void FunctionEmitter::EmitStoreName(const ir::Instr& instr) {
  StatusCheck(instr, absl::StrCat("PyObject_SetItem(ns, ", Name(instr.name), ", ", V(instr.operands[0]), ")"));
}

void FunctionEmitter::EmitDeleteName(const ir::Instr& instr) {
  StatusCheck(instr, absl::StrCat("kiln::DeleteName(ns, ", Name(instr.name), ")"));
}

void FunctionEmitter::EmitSetupAnnotations(const ir::Instr& instr) {
  StatusCheck(instr, absl::StrCat("kiln::SetupAnnotations(", Namespace(), ")"));
}

// An annotation's text is an inline expression (a constant made at module import).
void FunctionEmitter::EmitAnnotation(const ir::Instr&) {}

void FunctionEmitter::EmitSetSite(const ir::Instr& instr) {
  Line(absl::StrCat("kf.At(", instr.number, ");"));
}

void FunctionEmitter::EmitIncRef(const ir::Instr& instr) {
  const char* incref = f_.values[instr.operands[0]].maybe_null ? "Py_XINCREF(" : "Py_INCREF(";
  Line(absl::StrCat(incref, V(instr.operands[0]), ");"));
}

void FunctionEmitter::EmitClearLocal(const ir::Instr& instr) {
  Line(absl::StrCat("Py_CLEAR(", Slot(instr.number), ");"));
}

void FunctionEmitter::EmitDecRef(const ir::Instr& instr) { Line(DecRefText(instr.operands[0])); }

}  // namespace kiln::codegen
