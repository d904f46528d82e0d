#include "compiler/ir/printer.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace kiln::ir {
namespace {

const char* BinarySymbol(int op) {
  static const char* const kSymbols[] = {"+",  "-", "*", "@", "/", "%", "**",
                                         "<<", ">>", "|", "^", "&", "//"};
  return op >= 0 && op < 13 ? kSymbols[op] : "?";
}

const char* UnarySymbol(int op) {
  static const char* const kSymbols[] = {"~", "not", "+", "-"};
  return op >= 0 && op < 4 ? kSymbols[op] : "?";
}

const char* CompareSymbol(int op) {
  static const char* const kSymbols[] = {"==", "!=", "<",      "<=", ">",
                                         ">=", "is", "is not", "in", "not in"};
  return op >= 0 && op < 10 ? kSymbols[op] : "?";
}

std::string ValueName(const Function& function, ValueId value) {
  if (value < 0 || value >= static_cast<ValueId>(function.values.size())) {
    return absl::StrCat("<bad v", value, ">");
  }
  return absl::StrCat("v", value);
}

std::string ResultName(const Function& function, ValueId value) {
  std::string name = ValueName(function, value);
  if (value >= 0 && value < static_cast<ValueId>(function.values.size())) {
    const ValueInfo& info = function.values[value];
    if (info.owned) name += "^";
    if (info.repr != Repr::kObject) absl::StrAppend(&name, ":", NameOf(info.repr));
  }
  return name;
}

std::string SlotName(const Function& function, int64_t slot) {
  if (slot < 0) return "none";
  std::string name = absl::StrCat("s", slot);
  if (slot >= 0 && slot < static_cast<int64_t>(function.slot_names.size())) {
    absl::StrAppend(&name, ":", function.slot_names[slot]);
  }
  return name;
}

std::string SiteText(const Function& function, int site) {
  if (site <= 0 || site >= static_cast<int>(function.sites.size())) return "";
  const ast::Node* node = function.sites[site];
  return absl::StrCat(" @", node->lineno, ":", node->col_offset);
}

// A fused expression, operands as %0, %1...: `[(%0 * %0) + (%1 * %1)]`.
std::string ArithmeticText(const Function& function, const Instr& instr) {
  const ArithmeticProgram& program = function.arithmetic[instr.number];
  std::vector<std::string> texts;
  auto operand = [&](int ref) {
    return ref < 0 ? absl::StrCat("%", -1 - ref) : texts[ref];
  };
  for (const ArithmeticNode& node : program) {
    const char* symbol = node.compare >= 0 ? CompareSymbol(node.compare) : BinarySymbol(static_cast<int>(node.op));
    texts.push_back(absl::StrCat("(", operand(node.left), " ", symbol, node.in_place ? "= " : " ",
                                 operand(node.right), ")"));
  }
  std::string& root = texts.back();
  return "[" + root.substr(1, root.size() - 2) + "]";
}

std::string Immediate(const Function& function, const Instr& instr) {
  switch (instr.info().immediate) {
    case ImmediateKind::kNoImm:
      return "";
    case ImmediateKind::kConstImm:
      return " " + ConstantText(instr.constant);
    case ImmediateKind::kSlotImm:
      return " " + SlotName(function, instr.number);
    case ImmediateKind::kNameImm:
      return " '" + instr.name + "'";
    case ImmediateKind::kOperatorImm: {
      int op = static_cast<int>(instr.number);
      if (instr.op == Op::kBinary) {
        return absl::StrCat("[", BinarySymbol(op), instr.extra ? "=" : "", "]");
      }
      if (instr.op == Op::kUnary) return absl::StrCat("[", UnarySymbol(op), "]");
      return absl::StrCat("[", CompareSymbol(op), "]");
    }
    case ImmediateKind::kCountImm:
      if (instr.op == Op::kArithmetic || instr.op == Op::kArithmeticCompare) {
        return " " + ArithmeticText(function, instr);
      }
      return absl::StrCat(" #", instr.number);
    case ImmediateKind::kSiteImm: {
      int site = static_cast<int>(instr.number);
      if (site <= 0 || site >= static_cast<int>(function.sites.size())) return " @start";
      const ast::Node* node = function.sites[site];
      return absl::StrCat(" @", node->lineno, ":", node->col_offset);
    }
    case ImmediateKind::kScopeImm:
      return " " + instr.label;
  }
  return "";
}

}  // namespace

std::string PrintInstr(const Function& function, const Instr& instr) {
  std::string out;
  if (!instr.results.empty()) {
    std::vector<std::string> results;
    for (ValueId value : instr.results) results.push_back(ResultName(function, value));
    absl::StrAppend(&out, absl::StrJoin(results, ", "), " = ");
  }
  absl::StrAppend(&out, instr.info().name, Immediate(function, instr));
  if (instr.op == Op::kUnpack && instr.extra >= 0) absl::StrAppend(&out, " *", instr.extra);
  if (instr.op == Op::kMatchLength && instr.extra) absl::StrAppend(&out, " or more");
  if (instr.op == Op::kFormatValue && instr.extra >= 0) {
    absl::StrAppend(&out, " !", std::string(1, static_cast<char>(instr.extra)));
  }
  if (instr.info().failure == Failure::kUnbound && instr.checked) absl::StrAppend(&out, " checked");
  std::vector<std::string> operands;
  for (ValueId value : instr.operands) operands.push_back(ValueName(function, value));
  if (!operands.empty()) absl::StrAppend(&out, " ", absl::StrJoin(operands, ", "));
  if (!instr.keywords.empty()) {
    absl::StrAppend(&out, " kw(", absl::StrJoin(instr.keywords, ", "), ")");
  }
  if (!instr.targets.empty()) {
    std::vector<std::string> targets;
    for (BlockId target : instr.targets) targets.push_back(absl::StrCat("b", target));
    absl::StrAppend(&out, " -> ", absl::StrJoin(targets, ", "));
  }
  absl::StrAppend(&out, SiteText(function, instr.site));
  if (instr.error_edge) {
    absl::StrAppend(&out, " !err");
    if (instr.handler != kNoBlock) absl::StrAppend(&out, " -> b", instr.handler);
    if (!instr.error_cleanup.empty()) {
      std::vector<std::string> released;
      for (ValueId value : instr.error_cleanup) released.push_back(ValueName(function, value));
      absl::StrAppend(&out, " release ", absl::StrJoin(released, ", "));
    }
  }
  return out;
}

std::string Print(const Function& function) {
  std::vector<std::string> slots;
  for (size_t i = 0; i < function.slot_names.size(); ++i) {
    slots.push_back(absl::StrCat("s", i, " ", function.slot_names[i]));
  }
  const char* kind = function.kind == FunctionKind::kModule  ? "module "
                     : function.kind == FunctionKind::kClass ? "class body "
                                                             : "function ";
  std::string out = absl::StrCat(kind, function.name, " (slots: ", absl::StrJoin(slots, ", "),
                                 "; parameters: ", function.parameter_count, ")\n");
  for (const Block& block : function.blocks) {
    absl::StrAppend(&out, "b", block.id);
    if (!block.params.empty()) {
      std::vector<std::string> params;
      for (ValueId value : block.params) params.push_back(ResultName(function, value));
      absl::StrAppend(&out, "(", absl::StrJoin(params, ", "), ")");
    }
    absl::StrAppend(&out, ":\n");
    for (const Instr& instr : block.instrs) absl::StrAppend(&out, "  ", PrintInstr(function, instr), "\n");
  }
  return out;
}

}  // namespace kiln::ir
