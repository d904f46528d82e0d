// Names: locals live in frame slots (LoadLocal/StoreLocal/DeleteLocal), cells and
// free variables in cell objects held by slots, everything else in the module's
// globals (cached per site) and builtins. A module body's names are all globals; a
// class body's are the items of its namespace (LoadName/StoreName/DeleteName), but for
// names declared global and the free variables it passes through.
#include "compiler/lower/lowerer.h"

namespace kiln::lower {

std::string FunctionLowerer::Mangle(std::string_view name) const {
  return sema::MangleName(scope_->private_name, name);
}

int FunctionLowerer::SlotOf(const std::string& name) const {
  auto it = slots_.find(name);
  return it == slots_.end() ? -1 : it->second;
}

int FunctionLowerer::CellSlotOf(const std::string& name) const {
  // A class body's free variable named __class__ (an enclosing method's) is not the
  // class's own __class__ cell, which SlotOf gives for its methods' closures.
  auto it = class_free_slots_.find(name);
  return it == class_free_slots_.end() ? SlotOf(name) : it->second;
}

sema::NameScope FunctionLowerer::ResolveName(const std::string& name) const {
  if (function_->kind == ir::FunctionKind::kModule) return sema::NameScope::kGlobalExplicit;
  return scope_->Resolve(name);
}

bool FunctionLowerer::InNamespace(const std::string& name) const {
  if (function_->kind != ir::FunctionKind::kClass) return false;
  sema::NameScope resolved = scope_->Resolve(name);
  return resolved != sema::NameScope::kGlobalExplicit && resolved != sema::NameScope::kFree;
}

ValueId FunctionLowerer::LoadName(std::string_view raw, const Node* node) {
  std::string name = Mangle(raw);
  if (function_->kind == ir::FunctionKind::kClass) {
    // A free variable is looked up in the namespace first, then in its cell
    // (LOAD_CLASSDEREF). A name assigned here is the namespace's, even where methods
    // see an outer function's variable of that name through the class's closure.
    if (scope_->Resolve(name) == sema::NameScope::kFree) {
      ir::Instr& load = b_.Append(Op::kLoadClassCell, {}, node);
      load.name = name;
      load.number = CellSlotOf(name);
      return load.result();
    }
    if (InNamespace(name)) {
      ir::Instr& load = b_.Append(Op::kLoadName, {}, node);
      load.name = name;
      return load.result();
    }
  }
  switch (ResolveName(name)) {
    case sema::NameScope::kLocal: {
      ir::Instr& load = b_.Append(Op::kLoadLocal, {}, node);
      load.number = SlotOf(name);
      function_->values[load.result()].borrowed_slot = SlotOf(name);
      return load.result();
    }
    case sema::NameScope::kCell:
    case sema::NameScope::kFree: {
      ir::Instr& load = b_.Append(Op::kLoadCell, {}, node);
      load.number = CellSlotOf(name);
      load.extra = ResolveName(name) == sema::NameScope::kFree;
      return load.result();
    }
    default: {
      // exit() and quit() come from _sitebuiltins (see runtime/main/interpreter.cc).
      if (raw == "exit" || raw == "quit") function_->imports.push_back("_sitebuiltins");
      ir::Instr& load = b_.Append(Op::kLoadGlobal, {}, node);
      load.name = name;
      return load.result();
    }
  }
}

void FunctionLowerer::StoreName(std::string_view raw, ValueId value, const Node* node) {
  std::string name = Mangle(raw);
  if (InNamespace(name)) {
    b_.Append(Op::kStoreName, {value}, node).name = name;
    return;
  }
  switch (ResolveName(name)) {
    case sema::NameScope::kLocal:
      b_.Append(Op::kStoreLocal, {value}, node).number = SlotOf(name);
      return;
    case sema::NameScope::kCell:
    case sema::NameScope::kFree:
      b_.Append(Op::kStoreCell, {value}, node).number = CellSlotOf(name);
      return;
    default:
      b_.Append(Op::kStoreGlobal, {value}, node).name = name;
      return;
  }
}

void FunctionLowerer::DeleteName(std::string_view raw, const Node* node) {
  std::string name = Mangle(raw);
  if (InNamespace(name)) {
    b_.Append(Op::kDeleteName, {}, node).name = name;
    return;
  }
  switch (ResolveName(name)) {
    case sema::NameScope::kLocal:
      b_.Append(Op::kDeleteLocal, {}, node).number = SlotOf(name);
      return;
    case sema::NameScope::kCell:
    case sema::NameScope::kFree: {
      ir::Instr& instr = b_.Append(Op::kDeleteCell, {}, node);
      instr.number = CellSlotOf(name);
      instr.extra = ResolveName(name) == sema::NameScope::kFree;
      return;
    }
    default:
      b_.Append(Op::kDeleteGlobal, {}, node).name = name;
      return;
  }
}

}  // namespace kiln::lower
