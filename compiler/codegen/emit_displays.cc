// Emitters of displays (tuples, lists, sets, dicts), f-string parts, iteration and
// unpacking.
#include "absl/strings/str_cat.h"
#include "compiler/codegen/emitter.h"

namespace kiln::codegen {
namespace {

// PyTuple_New/PyList_New(n) filled with the (stolen) items; on failure the items are
// released, as a stealing op must.
std::string ReleaseAll(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) absl::StrAppend(&text, "Py_DECREF(", item, "); ");
  return text;
}

}  // namespace

void FunctionEmitter::EmitBuildTuple(const ir::Instr& instr) {
  std::vector<std::string> items;
  for (ir::ValueId value : instr.operands) items.push_back(V(value));
  NullCheck(instr, absl::StrCat("PyTuple_New(", items.size(), ")"), ReleaseAll(items));
  for (size_t i = 0; i < items.size(); ++i) {
    Line(absl::StrCat("PyTuple_SET_ITEM(", Result(instr), ", ", i, ", ", items[i], ");"));
  }
}

void FunctionEmitter::EmitBuildList(const ir::Instr& instr) {
  std::vector<std::string> items;
  for (ir::ValueId value : instr.operands) items.push_back(V(value));
  NullCheck(instr, absl::StrCat("PyList_New(", items.size(), ")"), ReleaseAll(items));
  for (size_t i = 0; i < items.size(); ++i) {
    Line(absl::StrCat("PyList_SET_ITEM(", Result(instr), ", ", i, ", ", items[i], ");"));
  }
}

void FunctionEmitter::EmitNewList(const ir::Instr& instr) { NullCheck(instr, "PyList_New(0)"); }
void FunctionEmitter::EmitNewSet(const ir::Instr& instr) { NullCheck(instr, "PySet_New(nullptr)"); }
void FunctionEmitter::EmitNewDict(const ir::Instr& instr) {
  NullCheck(instr, absl::StrCat("_PyDict_NewPresized(", instr.number, ")"));
}

void FunctionEmitter::EmitListAppend(const ir::Instr& instr) {
  StatusCheck(instr, absl::StrCat("PyList_Append(", Args(instr.operands), ")"));
}
void FunctionEmitter::EmitListExtend(const ir::Instr& instr) {
  StatusCheck(instr, absl::StrCat("kiln::ListExtend(", Args(instr.operands), ")"));
}
void FunctionEmitter::EmitSetAdd(const ir::Instr& instr) {
  StatusCheck(instr, absl::StrCat("PySet_Add(", Args(instr.operands), ")"));
}
void FunctionEmitter::EmitSetUpdate(const ir::Instr& instr) {
  StatusCheck(instr, absl::StrCat("_PySet_Update(", Args(instr.operands), ")"));
}
void FunctionEmitter::EmitDictSetItem(const ir::Instr& instr) {
  StatusCheck(instr, absl::StrCat("PyDict_SetItem(", Args(instr.operands), ")"));
}
void FunctionEmitter::EmitDictUpdate(const ir::Instr& instr) {
  StatusCheck(instr, absl::StrCat("kiln::DictUpdate(", Args(instr.operands), ")"));
}
void FunctionEmitter::EmitListToTuple(const ir::Instr& instr) {
  NullCheck(instr, absl::StrCat("PyList_AsTuple(", V(instr.operands[0]), ")"));
}

void FunctionEmitter::EmitFormatValue(const ir::Instr& instr) {
  NullCheck(instr, absl::StrCat("kiln::FormatValue(", V(instr.operands[0]), ", ", instr.extra, ", ",
                                instr.operands.size() > 1 ? V(instr.operands[1]) : "nullptr", ")"));
}

void FunctionEmitter::EmitJoinStrings(const ir::Instr& instr) {
  Line(absl::StrCat("{ PyObject* pieces[] = {", Args(instr.operands), "};"));
  NullCheck(instr, absl::StrCat("kiln::JoinStrings(pieces, ", instr.operands.size(), ")"));
  Line("}");
}

void FunctionEmitter::EmitGetIter(const ir::Instr& instr) {
  NullCheck(instr, absl::StrCat("PyObject_GetIter(", V(instr.operands[0]), ")"));
}

// a, b = v / a, *b, c = v: the items into the results (new references).
void FunctionEmitter::EmitUnpack(const ir::Instr& instr) {
  size_t count = instr.results.size();
  Line(absl::StrCat("{ PyObject* items[", count ? count : 1, "];"));
  if (instr.extra < 0) {
    StatusCheck(instr, absl::StrCat("kiln::UnpackSequence(", V(instr.operands[0]), ", ", count, ", items)"));
  } else {
    StatusCheck(instr, absl::StrCat("kiln::UnpackStarred(", V(instr.operands[0]), ", ", instr.extra, ", ",
                                    static_cast<int64_t>(count) - instr.extra - 1, ", items)"));
  }
  for (size_t i = 0; i < count; ++i) Line(absl::StrCat(V(instr.results[i]), " = items[", i, "];"));
  Line("}");
}

}  // namespace kiln::codegen
