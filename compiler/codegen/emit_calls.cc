// Emitters of calls and of the functions made here.
#include "absl/strings/str_cat.h"
#include "compiler/codegen/emitter.h"

namespace kiln::codegen {
namespace {

std::string KeywordNames(ModuleContext& module, const std::vector<std::string>& keywords) {
  if (keywords.empty()) return "nullptr";
  std::vector<std::string> refs;
  for (const std::string& name : keywords) refs.push_back(module.constants().Name(name));
  return module.constants().Tuple(refs);
}

}  // namespace

// f(args..., k=v...): vectorcall with a free slot before the arguments.
void FunctionEmitter::EmitCall(const ir::Instr& instr) {
  Line(absl::StrCat("kf.At(", instr.site, ");"));
  std::string arguments = Args(instr.operands, 1);
  Line(absl::StrCat("{ PyObject* argv[] = {nullptr", arguments.empty() ? "" : ", ", arguments, "};"));
  NullCheck(instr, absl::StrCat("PyObject_Vectorcall(", V(instr.operands[0]), ", argv + 1, ", instr.number,
                                " | PY_VECTORCALL_ARGUMENTS_OFFSET, ", KeywordNames(module_, instr.keywords), ")"));
  Line("}");
}

void FunctionEmitter::EmitLoadMethod(const ir::Instr& instr) {
  std::string method = Result(instr);
  Line(absl::StrCat(method, "[1] = Py_NewRef(", V(instr.operands[0]), ");"));
  // On failure LoadMethod leaves the object in [1].
  StatusCheck(instr, absl::StrCat("kiln::LoadMethod(", Name(instr.name), ", ", method, ")"),
              absl::StrCat("Py_DECREF(", method, "[1]);"));
}

void FunctionEmitter::EmitCallMethod(const ir::Instr& instr) {
  Line(absl::StrCat("kf.At(", instr.site, ");"));
  std::string method = V(instr.operands[0]);
  std::string arguments = Args(instr.operands, 1);
  Line(absl::StrCat("{ PyObject* argv[] = {", method, "[0], ", method, "[1]", arguments.empty() ? "" : ", ",
                    arguments, "};"));
  NullCheck(instr, absl::StrCat("kiln::CallLoadedMethod(argv, ", instr.number, ", ",
                                KeywordNames(module_, instr.keywords), ")"));
  Line("}");
}

void FunctionEmitter::EmitCallWithLists(const ir::Instr& instr) {
  Line(absl::StrCat("kf.At(", instr.site, ");"));
  NullCheck(instr, absl::StrCat("kiln::CallWithLists(", V(instr.operands[0]), ", ", V(instr.operands[1]), ", ",
                                instr.operands.size() > 2 ? V(instr.operands[2]) : "nullptr", ")"));
}

void FunctionEmitter::EmitExtendCallArgs(const ir::Instr& instr) {
  StatusCheck(instr, absl::StrCat("kiln::ExtendCallArgs(", Args(instr.operands), ")"));
}

// The function operand names the callee in error messages; a class statement's
// keywords have none.
void FunctionEmitter::EmitAddCallKeyword(const ir::Instr& instr) {
  StatusCheck(instr, absl::StrCat("kiln::AddCallKeyword(", V(instr.operands[0]), ", ", Name(instr.name), ", ",
                                  V(instr.operands[1]), ", ",
                                  instr.operands.size() > 2 ? V(instr.operands[2]) : "nullptr", ")"));
}

void FunctionEmitter::EmitMergeCallKwargs(const ir::Instr& instr) {
  StatusCheck(instr, absl::StrCat("kiln::MergeCallKwargs(", V(instr.operands[0]), ", ", V(instr.operands[1]),
                                  ", ", instr.operands.size() > 2 ? V(instr.operands[2]) : "nullptr", ")"));
}

void FunctionEmitter::EmitBuildClass(const ir::Instr& instr) {
  std::string c_name = module_.CNameOf(instr.scope);
  NullCheck(instr, absl::StrCat("kiln::BuildClass(", V(instr.operands[0]), ", ", c_name, "_body, ",
                                Name(instr.name), ", ", V(instr.operands[1]), ", ",
                                instr.operands.size() > 2 ? V(instr.operands[2]) : "nullptr", ")"));
}

void FunctionEmitter::EmitZeroArgSuper(const ir::Instr& instr) {
  std::string cell = instr.number >= 0 ? Slot(instr.number) : "nullptr";
  std::string first = instr.extra >= 0 ? Slot(instr.extra) : "nullptr";
  if (instr.extra2 == 2) first = absl::StrCat("PyCell_GET(", first, ")");
  NullCheck(instr, absl::StrCat("kiln::ZeroArgSuper(", V(instr.operands[0]), ", ", cell, ", ", first, ", ",
                                instr.extra2 ? 1 : 0, ")"));
}

void FunctionEmitter::EmitImportName(const ir::Instr& instr) {
  std::string fromlist = "Py_None";
  if (!instr.keywords.empty()) fromlist = KeywordNames(module_, instr.keywords);
  NullCheck(instr, absl::StrCat("kiln::ImportName(globals, ", Name(instr.name), ", ", fromlist, ", ",
                                instr.number, ")"));
}

void FunctionEmitter::EmitImportStar(const ir::Instr& instr) {
  StatusCheck(instr, absl::StrCat("kiln::ImportStar(", V(instr.operands[0]), ", ", Namespace(), ")"));
}

void FunctionEmitter::EmitImportFrom(const ir::Instr& instr) {
  NullCheck(instr, absl::StrCat("kiln::ImportFrom(", V(instr.operands[0]), ", ", Name(instr.name), ")"));
}

// MakeFunction's optional operands, in order: defaults, keyword defaults, annotations,
// closure, doc (Instr::extra says which are there).
void FunctionEmitter::EmitMakeFunction(const ir::Instr& instr) {
  std::string c_name = module_.AddFunction(instr.scope, instr.label);
  std::string parts[5];
  size_t next = 0;
  for (int bit = 0; bit < 5; ++bit) {
    parts[bit] = (instr.extra & (1 << bit)) ? V(instr.operands[next++]) : "nullptr";
  }
  NullCheck(instr, absl::StrCat("kiln::MakeFunction(", module_.constants().Code(module_.SpecName(c_name)), ", ",
                                c_name, ", globals, ", parts[0], ", ", parts[1], ", ", parts[3], ", ", parts[2],
                                ", ", parts[4], ")"));
}

}  // namespace kiln::codegen
