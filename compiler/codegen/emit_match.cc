// Emitters of the match statement's checks and extractions (runtime/ops/match.h).
#include "absl/strings/str_cat.h"
#include "compiler/codegen/emitter.h"

namespace kiln::codegen {

void FunctionEmitter::EmitMatchIsSequence(const ir::Instr& instr) {
  Line(absl::StrCat(Result(instr), " = kiln::MatchIsSequence(", V(instr.operands[0]), ");"));
}

void FunctionEmitter::EmitMatchIsMapping(const ir::Instr& instr) {
  Line(absl::StrCat(Result(instr), " = kiln::MatchIsMapping(", V(instr.operands[0]), ");"));
}

void FunctionEmitter::EmitMatchLength(const ir::Instr& instr) {
  Line(absl::StrCat(Result(instr), " = kiln::MatchLength(", V(instr.operands[0]), ", ", instr.number, ", ",
                    instr.extra ? 1 : 0, ");"));
  std::string hoisted = Hoisted();
  if (!hoisted.empty()) Line(hoisted);
  Line(absl::StrCat("if (", Result(instr), " < 0) ", ErrorExit(instr)));
}

void FunctionEmitter::EmitMatchItem(const ir::Instr& instr) {
  NullCheck(instr, absl::StrCat("kiln::MatchSequenceItem(", V(instr.operands[0]), ", ", instr.number, ")"));
}

// The keys (the operands after the subject) as a C array for the runtime.
void FunctionEmitter::EmitMatchKeys(const ir::Instr& instr) {
  Line(absl::StrCat("{ PyObject* const keys[] = {", Args(instr.operands, 1), "};"));
  NullCheck(instr, absl::StrCat("kiln::MatchKeysTuple(", V(instr.operands[0]), ", keys, ",
                                instr.operands.size() - 1, ")"));
  Line("}");
}

void FunctionEmitter::EmitMatchRest(const ir::Instr& instr) {
  size_t count = instr.operands.size() - 1;
  Line(absl::StrCat("{ PyObject* const keys[] = {", count ? Args(instr.operands, 1) : "nullptr", "};"));
  NullCheck(instr, absl::StrCat("kiln::MatchRest(", V(instr.operands[0]), ", keys, ", count, ")"));
  Line("}");
}

void FunctionEmitter::EmitMatchClass(const ir::Instr& instr) {
  std::string names = "nullptr";
  if (!instr.keywords.empty()) {
    std::vector<std::string> refs;
    for (const std::string& keyword : instr.keywords) refs.push_back(Name(keyword));
    names = module_.constants().Tuple(refs);
  }
  NullCheck(instr, absl::StrCat("kiln::MatchClassTuple(", Args(instr.operands), ", ", instr.number, ", ",
                                names, ")"));
}

}  // namespace kiln::codegen
