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

FunctionLowerer::FunctionLowerer(const sema::Scope* scope, const sema::ScopeTree& scopes,
                                 std::string qualname, const ModuleFacts& module, ir::Function* function)
    : scope_(scope), scopes_(scopes), qualname_(std::move(qualname)), module_(module), function_(function),
      b_(function) {}

void FunctionLowerer::Unsupported(const Node* node, const std::string& what) {
  if (!status_.ok()) return;
  status_ = absl::UnimplementedError(
      absl::StrCat(node ? absl::StrCat(node->lineno, ":", node->col_offset, ": ") : "", what));
}

std::string FunctionLowerer::Qualname(const std::string& name) const {
  // A def or class whose name is declared `global` here is named as at module level.
  if (name[0] != '<' && scope_->Resolve(Mangle(name)) == sema::NameScope::kGlobalExplicit) {
    return name;
  }
  // Comprehensions, like classes, add no "<locals>" (CPython's compiler_set_qualname).
  if (scope_->is_comprehension) return qualname_ + "." + name;
  return qualname_ + ".<locals>." + name;
}

absl::Status FunctionLowerer::Run() {
  const Node* node = scope_->node;
  function_->name = qualname_;
  function_->line = scope_->line;
  if (scope_->kind != sema::ScopeKind::kFunction) return absl::UnimplementedError("not a function scope");
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

absl::StatusOr<ir::Function> LowerFunction(const sema::Scope* scope, const sema::ScopeTree& scopes,
                                           const std::string& qualname, const ModuleFacts& module) {
  ir::Function function;
  FunctionLowerer lowerer(scope, scopes, qualname, module, &function);
  absl::Status status = lowerer.Run();
  if (!status.ok()) return status;
  return function;
}

}  // namespace kiln::lower
