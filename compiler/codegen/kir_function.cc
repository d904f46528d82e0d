// The frame of a KIR function in C++: its entry (argument binding into the frame,
// cells, the closure), its values as C variables, its blocks as labels, its exits.
#include "compiler/codegen/kir_function.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "compiler/codegen/emitter.h"

namespace kiln::codegen {

std::string FunctionEmitter::SlotName(int64_t slot) { return Name(f_.slot_names[slot]); }

bool FunctionEmitter::Inline(ir::ValueId value) const {
  const ir::Instr* definition = definition_[value];
  if (definition == nullptr) return false;  // a block parameter or an IterNext item
  switch (definition->op) {
    case ir::Op::kConstant:
    case ir::Op::kCIntConstant:
    case ir::Op::kAnnotation:
    case ir::Op::kCellObject:
    case ir::Op::kBoolObject:
    case ir::Op::kNot:
      return true;
    case ir::Op::kLoadLocal:
      // Read from its slot where it is used, unless the value must outlive a store to
      // the slot (the reference-count pass made it owned).
      return !f_.values[value].owned;
    default:
      return false;
  }
}

const std::string& FunctionEmitter::V(ir::ValueId value) const {
  std::string& text = text_[value];
  if (text.empty()) text = MakeText(value);
  return text;
}

std::string FunctionEmitter::MakeText(ir::ValueId value) const {
  if (!Inline(value)) return absl::StrCat("v", value);
  const ir::Instr& instr = *definition_[value];
  switch (instr.op) {
    case ir::Op::kConstant: {
      if (instr.extra == 1) return module_.constants().Name(std::string(instr.constant.text));
      return module_.constants().Of(instr.constant);
    }
    case ir::Op::kCIntConstant:
      return absl::StrCat(instr.number);
    case ir::Op::kAnnotation: {
      std::vector<std::string> constants;
      for (ir::ValueId operand : instr.operands) constants.push_back(V(operand));
      return module_.constants().Annotation(std::string(instr.constant.text), constants);
    }
    case ir::Op::kCellObject:
    case ir::Op::kLoadLocal:
      return Slot(instr.number);
    case ir::Op::kBoolObject:
      return absl::StrCat("(", V(instr.operands[0]), " ? Py_True : Py_False)");
    case ir::Op::kNot:
      return absl::StrCat("!", V(instr.operands[0]));
    default:
      return absl::StrCat("v", value);
  }
}

std::string FunctionEmitter::Args(const ir::ValueList& values, size_t from) const {
  std::vector<std::string> parts;
  for (size_t i = from; i < values.size(); ++i) parts.push_back(V(values[i]));
  return absl::StrJoin(parts, ", ");
}

std::string FunctionEmitter::DecRefText(ir::ValueId value) const {
  if (f_.values[value].maybe_null) return absl::StrCat("Py_XDECREF(", V(value), ");");
  if (f_.values[value].repr == ir::Repr::kMethod) {
    return absl::StrCat("Py_DECREF(", V(value), "[0]); Py_XDECREF(", V(value), "[1]);");
  }
  return absl::StrCat("Py_DECREF(", V(value), ");");
}

std::string FunctionEmitter::Hoisted() {
  std::string text;
  for (const ir::Instr* decref : pending_decrefs_) {
    ir::ValueId value = decref->operands[0];
    if (hoisted_.count(value)) break;
    hoisted_.insert(value);
    skip_.insert(decref);
    absl::StrAppend(&text, DecRefText(value), " ");
  }
  pending_decrefs_.clear();
  return text;
}

std::string FunctionEmitter::CleanupTarget(const ir::Instr& instr, const std::string& target) {
  std::vector<ir::ValueId> values;
  for (ir::ValueId value : instr.error_cleanup) {
    if (!hoisted_.count(value)) values.push_back(value);
  }
  std::sort(values.begin(), values.end());
  // The chain of values[0..n): release values[n-1], then the chain of the rest.
  std::string label = target;
  for (ir::ValueId value : values) {
    auto [it, inserted] = chains_.emplace(std::make_pair(label, value), "");
    if (inserted) {
      it->second = absl::StrCat("e", chains_.size() - 1);
      absl::StrAppend(&chain_code_, it->second, ":\n  ", DecRefText(value), "\n  goto ", label, ";\n");
    }
    label = it->second;
  }
  return label;
}

// An error adds this frame's traceback entry (at `error`, or at the handler's
// raise_bN entry) and goes to the handler, or leaves the function.
std::string FunctionEmitter::ErrorExit(const ir::Instr& instr, const std::string& before,
                                       const std::string& site) {
  std::string target = "error";
  if (instr.handler != ir::kNoBlock) {
    raise_labels_.insert(instr.handler);
    labels_.insert(instr.handler);
    target = absl::StrCat("raise_b", instr.handler);
  } else {
    uses_error_ = true;
  }
  return absl::StrCat("{ ", before, before.empty() ? "" : " ", "kline = ",
                      site.empty() ? std::to_string(instr.site) : site, "; goto ", CleanupTarget(instr, target),
                      "; }");
}

void FunctionEmitter::NullCheck(const ir::Instr& instr, const std::string& call,
                                const std::string& before) {
  Line(absl::StrCat(Result(instr), " = ", call, ";"));
  std::string hoisted = Hoisted();
  if (!hoisted.empty()) Line(hoisted);
  Line(absl::StrCat("if (!", Result(instr), ") ", ErrorExit(instr, before)));
}

void FunctionEmitter::StatusCheck(const ir::Instr& instr, const std::string& call,
                                  const std::string& before) {
  std::string hoisted = Hoisted();
  if (hoisted.empty()) {
    Line(absl::StrCat("if (", call, " < 0) ", ErrorExit(instr, before)));
    return;
  }
  Line(absl::StrCat("{ const int status = ", call, "; ", hoisted, "if (status < 0) ",
                    ErrorExit(instr, before), " }"));
}

void FunctionEmitter::AlwaysRaise(const ir::Instr& instr, const std::string& raise_call,
                                  bool add_traceback) {
  Line(raise_call + ";");
  if (add_traceback) {
    Line(ErrorExit(instr));
  } else if (instr.handler != ir::kNoBlock) {
    // Raised on: it carries its traceback entry already.
    labels_.insert(instr.handler);
    Line(absl::StrCat("goto ", CleanupTarget(instr, absl::StrCat("b", instr.handler)), ";"));
  } else {
    uses_unwind_ = true;
    Line(absl::StrCat("goto ", CleanupTarget(instr, "unwind"), ";"));
  }
}

void FunctionEmitter::Goto(ir::BlockId target) {
  if (target == next_block_) return;
  labels_.insert(target);
  Line(absl::StrCat("goto b", target, ";"));
}

void FunctionEmitter::Dispatch(const ir::Instr& instr) {
  switch (instr.op) {
#define KIR_OP(name, result, failure, operands, immediate, terminator) \
  case ir::Op::k##name:                                                \
    Emit##name(instr);                                                 \
    return;
#include "compiler/ir/ops.def"
#undef KIR_OP
  }
}

std::string FunctionEmitter::Run() {
  handoff_slot_ = static_cast<int>(f_.slot_names.size());
  state_slot_ = handoff_slot_ + 1;
  saved_base_ = handoff_slot_ + 2;
  definition_.assign(f_.values.size(), nullptr);
  text_.assign(f_.values.size(), std::string());
  for (const ir::Block& block : f_.blocks) {
    for (const ir::Instr& instr : block.instrs) {
      if (instr.op == ir::Op::kIterNext) continue;  // its item is defined on an edge
      for (ir::ValueId result : instr.results) definition_[result] = &instr;
    }
  }
  // The body first: emitting it asks the module for constants and nested functions.
  for (size_t index = 0; index < f_.blocks.size(); ++index) {
    const ir::Block& block = f_.blocks[index];
    next_block_ = index + 1 < f_.blocks.size() ? f_.blocks[index + 1].id : ir::kNoBlock;
    label_marks_.push_back({out_.size(), block.id});  // its label goes here, if it is jumped to
    for (size_t i = 0; i < block.instrs.size(); ++i) {
      const ir::Instr& instr = block.instrs[i];
      if (skip_.count(&instr)) continue;
      pending_decrefs_.clear();
      hoisted_.clear();
      if (instr.error_edge && !instr.info().terminator) {
        for (size_t j = i + 1; j < block.instrs.size() && block.instrs[j].op == ir::Op::kDecRef; ++j) {
          ir::ValueId value = block.instrs[j].operands[0];
          bool released_on_error = false;
          for (ir::ValueId cleaned : instr.error_cleanup) released_on_error |= cleaned == value;
          if (!released_on_error) break;
          pending_decrefs_.push_back(&block.instrs[j]);
        }
      }
      // A value sent into a generator that nothing uses (`yield x` as a statement):
      // neither taken nor released.
      unused_result_ = false;
      if (instr.op == ir::Op::kResumed && i + 1 < block.instrs.size() &&
          block.instrs[i + 1].op == ir::Op::kDecRef && block.instrs[i + 1].operands[0] == instr.result()) {
        unused_result_ = true;
        skip_.insert(&block.instrs[i + 1]);
      }
      Dispatch(instr);
    }
  }
  // The body, with the labels of the blocks something jumps to.
  std::string body;
  body.reserve(out_.size() + label_marks_.size() * 8);
  size_t copied = 0;
  for (const auto& [offset, id] : label_marks_) {
    body.append(out_, copied, offset - copied);
    copied = offset;
    if (labels_.count(id)) absl::StrAppend(&body, "b", id, ":;\n");
  }
  body.append(out_, copied, std::string::npos);
  out_.clear();

  // The variables: every value that is not an inline expression.
  std::string declarations;
  std::vector<ir::ValueId> objects;
  auto declare = [&](ir::ValueId value) {
    if (Inline(value)) return;
    switch (f_.values[value].repr) {
      case ir::Repr::kMethod:
        absl::StrAppend(&declarations, "  PyObject* v", value, "[2] = {nullptr, nullptr};\n");
        break;
      case ir::Repr::kCInt:
      case ir::Repr::kBool:
        absl::StrAppend(&declarations, "  int v", value, " = 0;\n");
        break;
      case ir::Repr::kInt64:
        absl::StrAppend(&declarations, "  int64_t v", value, " = 0;\n");
        break;
      case ir::Repr::kDouble:
        absl::StrAppend(&declarations, "  double v", value, " = 0.0;\n");
        break;
      case ir::Repr::kObject:
        objects.push_back(value);
        break;
    }
  };
  for (const ir::Block& block : f_.blocks) {
    for (ir::ValueId param : block.params) declare(param);
    for (const ir::Instr& instr : block.instrs) {
      for (ir::ValueId result : instr.results) declare(result);
    }
  }
  // Object variables, eight to a line.
  for (size_t i = 0; i < objects.size(); ++i) {
    absl::StrAppend(&declarations, i % 8 == 0 ? "  PyObject *v" : ", *v", objects[i], " = nullptr",
                    i % 8 == 7 || i + 1 == objects.size() ? ";\n" : "");
  }

  const std::string code = module_.constants().Code(module_.SpecName(c_name_));
  std::string out = absl::StrCat("// ", f_.name, " (line ", f_.line, "; Kiln IR)\n");
  if (f_.kind == ir::FunctionKind::kFunction) {
    absl::StrAppend(&out, FunctionEntry(code));
  } else {
    absl::StrAppend(&out, NamespaceEntry(code));
  }
  out += declarations;
  if (f_.kind == ir::FunctionKind::kClass) absl::StrAppend(&out, ClassCells());
  if (f_.is_generator) {
    absl::StrAppend(&out, "  switch (kiln::GeneratorState(s[", state_slot_, "])) {\n    case 0: break;\n");
    for (int i = 1; i <= resume_count_; ++i) absl::StrAppend(&out, "    case ", i, ": goto resume_", i, ";\n");
    absl::StrAppend(&out, "    default: PyErr_SetString(PyExc_SystemError, \"bad generator state\"); goto unwind;\n  }\n");
    uses_unwind_ = true;
  }
  absl::StrAppend(&out, body, chain_code_, resume_code_);
  // Handlers' entries for errors raised here: the traceback entry first.
  for (ir::BlockId handler : raise_labels_) {
    absl::StrAppend(&out, "raise_b", handler, ":\n  kiln::AddTraceback(code, globals, kline);\n  goto b",
                    handler, ";\n");
  }
  if (uses_error_) {
    // The error exit: the traceback entry of this frame at the failed site.
    absl::StrAppend(&out, "error:\n  kiln::AddTraceback(code, globals, kline);\n");
  }
  if (uses_unwind_) absl::StrAppend(&out, "unwind:\n");
  if (uses_error_ || uses_unwind_) absl::StrAppend(&out, "  retval = nullptr;\n");
  absl::StrAppend(&out, "done:\n");
  if (f_.is_generator) {
    // Finished: the return value goes to the resume loop, an exception leaves.
    // The slots after the locals are emptied (a delegate left in the hand-over slot).
    for (int slot = handoff_slot_; slot < handoff_slot_ + temp_count(); ++slot) {
      absl::StrAppend(&out, "  Py_CLEAR(s[", slot, "]);\n");
    }
    absl::StrAppend(&out, "  if (!retval) { kf.LeaveWithError(); return nullptr; }\n  s[", handoff_slot_,
                    "] = retval;\n  return kiln::GeneratorReturn();\n}\n");
    return out;
  }
  absl::StrAppend(&out, "  Py_LeaveRecursiveCall();\n");
  // A module or class body's slots (cells) are its own; a function's are its frame's.
  for (size_t slot = 0; f_.kind != ir::FunctionKind::kFunction && slot < f_.slot_names.size(); ++slot) {
    absl::StrAppend(&out, "  Py_XDECREF(s[", slot, "]);\n");
  }
  if (f_.kind == ir::FunctionKind::kModule) {
    absl::StrAppend(&out, "  if (!retval) return -1;\n  Py_DECREF(retval);\n  return 0;\n}\n");
  } else {
    absl::StrAppend(&out, "  return retval;\n}\n");
  }
  return out;
}

// A function's entry: the frame, argument binding, cells and the closure; for a
// generator, the entry that makes the generator and the head of its resume function.
std::string FunctionEmitter::FunctionEntry(const std::string& code) {
  const ir::Entry& entry = f_.entry;
  std::string out = absl::StrCat("PyObject* ", c_name_,
                                 "(PyObject* func, PyObject* const* args, size_t nargsf, PyObject* kwnames) {\n");
  // A function whose __code__ was replaced runs its new code (unless that is a copy of
  // this code, made by code.replace()).
  absl::StrAppend(&out, "  if (((PyFunctionObject*)func)->func_code != ", code,
                  " && kiln::CompiledEntry(((PyFunctionObject*)func)->func_code) != &", c_name_,
                  ") return kiln::CallReplacedCode(func, args, nargsf, kwnames);\n");
  std::string bind_failed = "return nullptr;";
  if (f_.is_generator) {
    // The entry makes CPython's generator object and binds the arguments into its
    // frame; the resume loop of the code runs the body (runtime/objects/generator.h).
    absl::StrAppend(&out, "  PyObject* gen = kiln::NewGenerator(func);\n  if (!gen) return nullptr;\n",
                    "  PyObject** s = kiln::GeneratorSlots(gen);\n");
    bind_failed = "{ kiln::DiscardGenerator(gen); return nullptr; }";
  } else {
    // The frame comes first: the locals live in it.
    absl::StrAppend(&out, "  PyObject* const code = kiln::CodeToRun(func, ", code, ");\n",
                    "  kiln::ActiveFrame kf(func, code, ((PyFunctionObject*)func)->func_globals, nullptr);\n",
                    "  if (!kf.ok()) return nullptr;\n  PyObject** const s = kf.slots();\n");
  }
  if (entry.fast_positional) {
    absl::StrAppend(&out, "  if (kwnames == nullptr && PyVectorcall_NARGS(nargsf) == ",
                    entry.positional_count, ") {\n");
    for (int i = 0; i < entry.positional_count; ++i) {
      absl::StrAppend(&out, "    s[", i, "] = Py_NewRef(args[", i, "]);\n");
    }
    absl::StrAppend(&out, "  } else ");
  } else {
    absl::StrAppend(&out, "  ");
  }
  absl::StrAppend(&out, "if (kiln::BindArguments(func, args, nargsf, kwnames, s) < 0) ", bind_failed, "\n");
  // Cells for captured parameters keep the argument value.
  for (int slot : entry.cell_slots) {
    absl::StrAppend(&out, "  { PyObject* value = s[", slot, "]; s[", slot,
                    "] = PyCell_New(value); Py_XDECREF(value); }\n");
  }
  absl::StrAppend(&out, ClosureCells("  "));
  if (f_.is_generator) {
    absl::StrAppend(&out, "  return gen;\n}\n", "PyObject* ", c_name_,
                    "_resume(PyObject** s, PyObject* func, PyObject* code, PyObject* sent) {\n");
  }
  absl::StrAppend(&out, "  PyObject* globals = ((PyFunctionObject*)func)->func_globals;\n",
                  "  PyObject* builtins = ((PyFunctionObject*)func)->func_builtins;\n",
                  "  (void)builtins;\n  int kline = 0;\n  (void)kline;\n  PyObject* retval = nullptr;\n");
  if (f_.is_generator) {
    absl::StrAppend(&out, "  kiln::ActiveFrame kf(kiln::kResumedFrame);\n");
  } else {
    absl::StrAppend(&out, "  if (Py_EnterRecursiveCall(\"\")) return nullptr;\n");
  }
  return out;
}

std::string FunctionEmitter::ClosureCells(const std::string& indent) const {
  std::string out;
  for (size_t i = 0; i < f_.entry.free_slots.size(); ++i) {
    absl::StrAppend(&out, indent, "s[", f_.entry.free_slots[i],
                    "] = Py_NewRef(PyTuple_GET_ITEM(((PyFunctionObject*)func)->func_closure, ", i, "));\n");
  }
  return out;
}

// A module body runs in its module's dict (ModuleDef::body); a class body in the
// namespace kiln::BuildClass made (its function is the class's body function). Their
// frames see the namespace as f_locals; their slots (cells) are a C array of their own.
std::string FunctionEmitter::NamespaceEntry(const std::string& code) {
  std::string out;
  const char* failed = "return nullptr;";
  if (f_.kind == ir::FunctionKind::kModule) {
    failed = "return -1;";
    absl::StrAppend(&out, "int ", c_name_, "(PyObject* module) {\n",
                    "  if (!k[0] && InitConstants() < 0) return -1;\n",
                    "  PyObject* globals = PyModule_GetDict(module);\n",
                    "  if (kiln::EnsureBuiltins(globals) < 0) return -1;\n",
                    "  PyObject* builtins = kiln::BuiltinsOf(globals);\n");
  } else {
    absl::StrAppend(&out, "PyObject* ", c_name_, "_body(PyObject* func, PyObject* ns) {\n",
                    "  PyObject* globals = ((PyFunctionObject*)func)->func_globals;\n",
                    "  PyObject* builtins = ((PyFunctionObject*)func)->func_builtins;\n");
  }
  absl::StrAppend(&out, "  (void)builtins;\n  PyObject* s[", std::max<size_t>(f_.slot_names.size(), 1),
                  "] = {};\n  int kline = 0;\n  (void)kline;\n  PyObject* retval = nullptr;\n",
                  // The recursion limit counts compiled bodies as CPython counts frames.
                  "  if (Py_EnterRecursiveCall(\"\")) ", failed, "\n",
                  "  PyObject* const code = ", code, ";\n",
                  "  kiln::ActiveFrame kf(", f_.kind == ir::FunctionKind::kModule ? "nullptr" : "func",
                  ", code, globals, ", Namespace(), ");\n",
                  "  if (!kf.ok()) { Py_LeaveRecursiveCall(); ", failed, " }\n");
  return out;
}

// A class body's cells: the closure's, and a new __class__ cell for its methods.
std::string FunctionEmitter::ClassCells() {
  std::string out = ClosureCells("  ");
  if (f_.entry.class_cell_slot >= 0) {
    uses_unwind_ = true;
    absl::StrAppend(&out, "  s[", f_.entry.class_cell_slot, "] = PyCell_New(nullptr);\n  if (!s[",
                    f_.entry.class_cell_slot, "]) goto unwind;\n");
  }
  return out;
}

std::string EmitKirFunction(const ir::Function& function, const std::string& c_name,
                            ModuleContext& module, int* temp_count) {
  FunctionEmitter emitter(function, c_name, module);
  std::string text = emitter.Run();
  *temp_count = emitter.temp_count();
  return text;
}

}  // namespace kiln::codegen
