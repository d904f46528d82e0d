// Names: locals live in frame slots (LoadLocal/StoreLocal/DeleteLocal), cells and
// free variables in cell objects held by slots, everything else in the module's
// globals (cached per site) and builtins.
#include "compiler/lower/lowerer.h"

namespace kiln::lower {

std::string FunctionLowerer::Mangle(std::string_view name) const {
  return sema::MangleName(scope_->private_name, name);
}

int FunctionLowerer::SlotOf(const std::string& name) const {
  auto it = slots_.find(name);
  return it == slots_.end() ? -1 : it->second;
}

ValueId FunctionLowerer::LoadName(std::string_view raw, const Node* node) {
  std::string name = Mangle(raw);
  switch (scope_->Resolve(name)) {
    case sema::NameScope::kLocal: {
      ir::Instr& load = b_.Append(Op::kLoadLocal, {}, node);
      load.number = SlotOf(name);
      function_->values[load.result()].borrowed_slot = SlotOf(name);
      return load.result();
    }
    case sema::NameScope::kCell:
    case sema::NameScope::kFree: {
      ir::Instr& load = b_.Append(Op::kLoadCell, {}, node);
      load.number = SlotOf(name);
      load.extra = scope_->Resolve(name) == sema::NameScope::kFree;
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
  switch (scope_->Resolve(name)) {
    case sema::NameScope::kLocal:
      b_.Append(Op::kStoreLocal, {value}, node).number = SlotOf(name);
      return;
    case sema::NameScope::kCell:
    case sema::NameScope::kFree:
      b_.Append(Op::kStoreCell, {value}, node).number = SlotOf(name);
      return;
    default:
      b_.Append(Op::kStoreGlobal, {value}, node).name = name;
      return;
  }
}

void FunctionLowerer::DeleteName(std::string_view raw, const Node* node) {
  std::string name = Mangle(raw);
  switch (scope_->Resolve(name)) {
    case sema::NameScope::kLocal:
      b_.Append(Op::kDeleteLocal, {}, node).number = SlotOf(name);
      return;
    case sema::NameScope::kCell:
    case sema::NameScope::kFree: {
      ir::Instr& instr = b_.Append(Op::kDeleteCell, {}, node);
      instr.number = SlotOf(name);
      instr.extra = scope_->Resolve(name) == sema::NameScope::kFree;
      return;
    }
    default:
      b_.Append(Op::kDeleteGlobal, {}, node).name = name;
      return;
  }
}

}  // namespace kiln::lower
