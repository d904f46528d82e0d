// The function being lowered: its frame layout, its entry, its body.
#include "absl/strings/str_cat.h"
#include "compiler/lower/lower.h"
#include "compiler/lower/lowerer.h"

namespace kiln::lower {

const ast::Arguments* ArgumentsOf(const Node* node) {
  if (const auto* def = AsDef(node)) return def->args->As<ast::Arguments>();
  if (const auto* lambda = node->As<ast::Lambda>()) return lambda->args->As<ast::Arguments>();
  return nullptr;
}

std::vector<std::pair<std::string, const ast::Node*>> AnnotationItems(const ast::Arguments* arguments,
                                                                      const ast::Node* returns,
                                                                      const std::string& private_name) {
  std::vector<std::pair<std::string, const Node*>> items;
  auto add = [&](const Node* arg_node) {
    const auto* arg = arg_node->As<ast::Arg>();
    if (arg->annotation) items.push_back({sema::MangleName(private_name, arg->arg), arg->annotation});
  };
  for (const Node* arg : arguments->posonlyargs) add(arg);
  for (const Node* arg : arguments->args) add(arg);
  if (arguments->vararg) add(arguments->vararg);
  for (const Node* arg : arguments->kwonlyargs) add(arg);
  if (arguments->kwarg) add(arguments->kwarg);
  if (returns) items.push_back({"return", returns});
  return items;
}

namespace {

// The blocks of a compound statement node of type T (fields named as in the AST).
template <typename T>
bool BlocksHaveAnnotation(const T* node) {
  bool found = HasAnnotation(node->body);
  if constexpr (std::is_same_v<T, ast::For> || std::is_same_v<T, ast::AsyncFor> ||
                std::is_same_v<T, ast::While> || std::is_same_v<T, ast::If>) {
    found = found || HasAnnotation(node->orelse);
  }
  if constexpr (std::is_same_v<T, ast::Try> || std::is_same_v<T, ast::TryStar>) {
    found = found || HasAnnotation(node->orelse) || HasAnnotation(node->finalbody);
    for (const Node* handler : node->handlers) {
      found = found || HasAnnotation(handler->template As<ast::ExceptHandler>()->body);
    }
  }
  return found;
}

}  // namespace

bool HasAnnotation(const ast::NodeList& body) {
  for (const Node* statement : body) {
    bool found = false;
    switch (statement->node_kind) {
      case ast::Kind::kAnnAssign: found = true; break;
      case ast::Kind::kFor: found = BlocksHaveAnnotation(statement->As<ast::For>()); break;
      case ast::Kind::kAsyncFor: found = BlocksHaveAnnotation(statement->As<ast::AsyncFor>()); break;
      case ast::Kind::kWhile: found = BlocksHaveAnnotation(statement->As<ast::While>()); break;
      case ast::Kind::kIf: found = BlocksHaveAnnotation(statement->As<ast::If>()); break;
      case ast::Kind::kWith: found = BlocksHaveAnnotation(statement->As<ast::With>()); break;
      case ast::Kind::kAsyncWith: found = BlocksHaveAnnotation(statement->As<ast::AsyncWith>()); break;
      case ast::Kind::kTry: found = BlocksHaveAnnotation(statement->As<ast::Try>()); break;
      case ast::Kind::kTryStar: found = BlocksHaveAnnotation(statement->As<ast::TryStar>()); break;
      case ast::Kind::kMatch:
        for (const Node* match_case : statement->As<ast::Match>()->cases) {
          found = found || HasAnnotation(match_case->As<ast::MatchCase>()->body);
        }
        break;
      default:
        break;
    }
    if (found) return true;
  }
  return false;
}

FunctionLowerer::FunctionLowerer(const sema::Scope* scope, const sema::ScopeTree& scopes,
                                 std::string qualname, const ModuleFacts& module, ir::Function* function)
    : scope_(scope), scopes_(scopes), qualname_(std::move(qualname)), module_(module), function_(function),
      b_(function) {}

void FunctionLowerer::Unsupported(const Node* node, const std::string& what) {
  if (!status_.ok()) return;
  status_ = absl::UnimplementedError(what);
  unsupported_at_ = node;
}

std::string FunctionLowerer::Qualname(const std::string& name) const {
  if (function_->kind == ir::FunctionKind::kModule) return name;
  // A def or class whose name is declared `global` here is named as at module level.
  if (name[0] != '<' && scope_->Resolve(Mangle(name)) == sema::NameScope::kGlobalExplicit) {
    return name;
  }
  // Comprehensions and classes add no "<locals>" (CPython's compiler_set_qualname).
  if (scope_->is_comprehension || function_->kind == ir::FunctionKind::kClass) return qualname_ + "." + name;
  return qualname_ + ".<locals>." + name;
}

absl::Status FunctionLowerer::Run() {
  const Node* node = scope_->node;
  function_->name = qualname_.empty() ? "<module>" : qualname_;
  function_->line = scope_->line;
  if (scope_->kind == sema::ScopeKind::kModule) {
    function_->kind = ir::FunctionKind::kModule;
    NamespaceBody(node->As<ast::Module>()->body);
    if (!b_.Terminated()) b_.Append(Op::kReturn, {b_.None()});
    return status_;
  }
  if (scope_->kind == sema::ScopeKind::kClass) return RunClassBody();
  // Generators, coroutines and async generators all run their body through the
  // resume loop of CPython's own generator object.
  function_->is_generator = scope_->is_generator || scope_->is_coroutine;
  // The frame: variables (parameters first), then cells and free variables; a
  // parameter that is a cell keeps its parameter's slot.
  sema::LocalsPlus names = sema::LocalsPlusOf(scope_);
  for (const auto* group : {&names.variables, &names.cells, &names.free}) {
    for (const std::string& name : *group) {
      if (slots_.count(name)) continue;
      slots_[name] = static_cast<int>(function_->slot_names.size());
      function_->slot_names.push_back(name);
    }
  }
  function_->parameter_count = static_cast<int>(scope_->parameters.size());

  // The entry: argument binding, cells, the closure.
  ir::Entry& entry = function_->entry;
  const ast::Arguments* arguments = ArgumentsOf(node);
  // A comprehension's function takes the outermost iterator as its one parameter (".0").
  entry.positional_count = arguments ? arguments->posonlyargs.size + arguments->args.size
                                     : (scope_->is_comprehension ? 1 : 0);
  entry.fast_positional = !scope_->has_varargs && !scope_->has_varkeywords &&
                          (!arguments || arguments->kwonlyargs.size == 0);
  for (const sema::Symbol& symbol : scope_->symbols) {
    if (symbol.scope == sema::NameScope::kCell) entry.cell_slots.push_back(slots_[symbol.name]);
  }
  for (const std::string& name : names.free) entry.free_slots.push_back(slots_[name]);

  if (const auto* def = AsDef(node)) {
    Statements(def->body);
    if (!b_.Terminated()) b_.Append(Op::kReturn, {b_.None()});
  } else if (const auto* lambda = node->As<ast::Lambda>()) {
    ValueId value = Expr(lambda->body);
    b_.Append(Op::kReturn, {value});
  } else if (scope_->is_comprehension) {
    ComprehensionBody(node);
  } else {
    Unsupported(node, "this kind of function");
  }
  return status_;
}

// A class body: the closure's cells and a new __class__ cell for its methods in
// slots; __module__ and __qualname__ first; the __class__ cell is handed to
// kiln::BuildClass as __classcell__ and returned (None without one).
absl::Status FunctionLowerer::RunClassBody() {
  const auto* klass = scope_->node->As<ast::ClassDef>();
  function_->kind = ir::FunctionKind::kClass;
  sema::LocalsPlus names = sema::LocalsPlusOf(scope_);
  auto new_slot = [&](const std::string& name) {
    function_->slot_names.push_back(name);
    return static_cast<int>(function_->slot_names.size() - 1);
  };
  for (const std::string& name : names.free) {
    class_free_slots_[name] = slots_[name] = new_slot(name);
    function_->entry.free_slots.push_back(slots_[name]);
  }
  if (scope_->needs_class_closure) function_->entry.class_cell_slot = slots_["__class__"] = new_slot("__class__");

  ir::Instr& module_name = b_.Append(Op::kLoadGlobal, {}, klass);
  module_name.name = "__name__";
  b_.Append(Op::kStoreName, {module_name.result()}, klass).name = "__module__";
  b_.Append(Op::kStoreName, {b_.Text(function_->strings.emplace_back(qualname_))}, klass).name = "__qualname__";
  NamespaceBody(klass->body);
  if (b_.Terminated()) return status_;
  ValueId result = b_.None();
  if (function_->entry.class_cell_slot >= 0) {
    ir::Instr& cell = b_.Append(Op::kCellObject);
    cell.number = function_->entry.class_cell_slot;
    result = cell.result();
    b_.Append(Op::kStoreName, {result}, klass).name = "__classcell__";
  }
  b_.Append(Op::kReturn, {result});
  return status_;
}

void FunctionLowerer::NamespaceBody(const ast::NodeList& body) {
  uint32_t start = 0;
  if (body.size > 0) {
    if (const auto* expr = body[0]->As<ast::Expr>()) {
      if (const auto* constant = expr->value->As<ast::Constant>();
          constant && constant->value.type == ast::ConstantValue::Type::kStr) {
        StoreName("__doc__", b_.Constant(constant->value), body[0]);
        start = 1;
      }
    }
  }
  if (HasAnnotation(body)) b_.Append(Op::kSetupAnnotations, {}, body[0]);
  for (uint32_t i = start; i < body.size && !failed(); ++i) Statement(body[i]);
}

absl::StatusOr<ir::Function> LowerFunction(const sema::Scope* scope, const sema::ScopeTree& scopes,
                                           const std::string& qualname, const ModuleFacts& module,
                                           const ast::Node** unsupported_at) {
  ir::Function function;
  FunctionLowerer lowerer(scope, scopes, qualname, module, &function);
  absl::Status status = lowerer.Run();
  if (!status.ok()) {
    if (unsupported_at) *unsupported_at = lowerer.unsupported_at();
    return status;
  }
  // Every slot an instruction names exists (the passes index by it).
  for (const ir::Block& block : function.blocks) {
    for (const ir::Instr& instr : block.instrs) {
      if (instr.info().immediate == ir::ImmediateKind::kSlotImm &&
          (instr.number < (instr.op == ir::Op::kZeroArgSuper ? -1 : 0) ||  // -1: no __class__ cell
           instr.number >= static_cast<int64_t>(function.slot_names.size()))) {
        return absl::InternalError(absl::StrCat(ir::NameOf(instr.op), " of a name without a frame slot"));
      }
    }
  }
  return function;
}

}  // namespace kiln::lower
