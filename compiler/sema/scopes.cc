#include "compiler/sema/scopes.h"

#include <algorithm>
#include <string_view>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"

namespace kiln::sema {
namespace {

using NameSet = absl::flat_hash_set<std::string>;

constexpr int kDefBound = kDefLocal | kDefParam | kDefImport;

std::string Str(std::string_view text) { return std::string(text); }

}  // namespace

const char* NameScopeName(NameScope scope) {
  switch (scope) {
    case NameScope::kLocal: return "local";
    case NameScope::kGlobalExplicit: return "global_explicit";
    case NameScope::kGlobalImplicit: return "global_implicit";
    case NameScope::kFree: return "free";
    case NameScope::kCell: return "cell";
  }
  return "?";
}

const Symbol* Scope::Find(const std::string& name) const {
  auto it = symbol_index.find(name);
  return it == symbol_index.end() ? nullptr : &symbols[it->second];
}

NameScope Scope::Resolve(const std::string& name) const {
  const Symbol* symbol = Find(name);
  return symbol ? symbol->scope : NameScope::kGlobalImplicit;
}

std::vector<std::string> Scope::NamesWithScope(NameScope scope) const {
  std::vector<std::string> names;
  for (const Symbol& symbol : symbols) {
    bool free_class = scope == NameScope::kFree && kind == ScopeKind::kClass &&
                      (symbol.flags & kDefFreeClass);
    if (symbol.scope == scope || free_class) names.push_back(symbol.name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

Scope* ScopeTree::ScopeOf(const ast::Node* node) const {
  auto it = by_node_.find(node);
  return it == by_node_.end() ? nullptr : it->second;
}

std::string MangleName(const std::string& private_name, std::string_view name) {
  if (private_name.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_') {
    return Str(name);
  }
  if (name.substr(name.size() - 2) == "__") return Str(name);  // __x__, and __ or ___
  if (name.find('.') != std::string_view::npos) return Str(name);
  size_t start = private_name.find_first_not_of('_');
  if (start == std::string::npos) return Str(name);  // class name is all underscores
  return absl::StrCat("_", private_name.substr(start), std::string(name));
}

class ScopeBuilder {
 public:
  explicit ScopeBuilder(ScopeTree* tree) : tree_(tree) {}

  std::optional<ScopeError> Build(const ast::Node* module) {
    Scope* scope = NewScope(ScopeKind::kModule, "top", module, 0);
    tree_->module_ = scope;
    current_ = scope;
    const auto* mod = module->As<ast::Module>();
    if (mod) ParseFutures(mod->body);
    if (error_) return error_;
    if (mod) VisitStatements(mod->body);
    if (!error_) Analyze(scope, nullptr, nullptr, nullptr);
    return error_;
  }

 private:
  // CPython's future_parse (Python/future.c), which symtable.symtable() runs first: the
  // `from __future__` imports at the top of the module (after a docstring).
  void ParseFutures(const ast::NodeList& body) {
    uint32_t index = 0;
    if (!body.empty()) {
      const auto* expr = body[0]->As<ast::Expr>();
      const auto* constant = expr ? expr->value->As<ast::Constant>() : nullptr;
      if (constant && constant->value.type == ast::ConstantValue::Type::kStr) index = 1;
    }
    bool done = false;
    int previous_line = 0;
    for (; index < body.size; ++index) {
      const ast::Node* statement = body[index];
      if (done && statement->lineno > previous_line) return;
      previous_line = statement->lineno;
      const auto* import = statement->As<ast::ImportFrom>();
      if (import == nullptr || import->module.data() == nullptr || import->module != "__future__") {
        done = true;
        continue;
      }
      if (done) {
        Fail(statement, "from __future__ imports must occur at the beginning of the file");
        // future.c passes the 0-based column where a 1-based offset is expected.
        error_->col -= 1;
        return;
      }
      for (ast::Node* alias_node : import->names) {
        std::string_view feature = alias_node->As<ast::Alias>()->name;
        static constexpr std::string_view kKnown[] = {
            "nested_scopes",   "generators",       "division",      "absolute_import",
            "with_statement",  "print_function",   "unicode_literals", "barry_as_FLUFL",
            "generator_stop"};
        if (feature == "annotations") {
          tree_->future_annotations_ = true;
        } else if (feature == "braces") {
          Fail(statement, "not a chance");
          return;
        } else if (std::find(std::begin(kKnown), std::end(kKnown), feature) == std::end(kKnown)) {
          Fail(statement, absl::StrCat("future feature ", Str(feature), " is not defined"));
          return;
        }
      }
      tree_->future_line_ = statement->lineno;
    }
  }

  // `hidden`: an annotation block under `from __future__ import annotations`. CPython
  // 3.11 visits the annotation in it only to report errors; it is not a child of
  // anything, so nothing in it reaches the symbol tables.
  Scope* NewScope(ScopeKind kind, std::string name, const ast::Node* node, int line,
                  bool hidden = false) {
    tree_->scopes_.push_back(std::make_unique<Scope>());
    Scope* scope = tree_->scopes_.back().get();
    scope->kind = kind;
    scope->name = std::move(name);
    scope->node = node;
    scope->line = line;
    scope->table_line = line;
    scope->parent = current_;
    if (current_ != nullptr) {
      if (!hidden) current_->children.push_back(scope);
      scope->private_name = current_->private_name;
      scope->is_nested = current_->kind == ScopeKind::kFunction || current_->is_nested;
    }
    if (!hidden) tree_->by_node_[node] = scope;
    return scope;
  }

  // An error symtable reports: the analysis stops.
  void Fail(const ast::Node* node, std::string message) {
    if (error_) return;
    error_ = ScopeError{std::move(message), node ? node->lineno : 0, node ? node->col_offset : 0};
  }

  // Visits an annotation: in the current scope, or under `from __future__ import
  // annotations` in a hidden annotation block (as CPython 3.11's symtable_visit_annotation).
  void VisitAnnotation(const ast::Node* annotation, const ast::Node* owner) {
    if (!tree_->future_annotations_) {
      VisitExpression(annotation);
      return;
    }
    Scope* outer = current_;
    current_ = NewScope(ScopeKind::kAnnotation, "_annotation", owner, owner->lineno, true);
    VisitExpression(annotation);
    current_ = outer;
  }

  // symtable_raise_if_annotation_block.
  bool FailIfAnnotation(const ast::Node* node, const char* what) {
    if (current_->kind != ScopeKind::kAnnotation) return false;
    Fail(node, absl::StrCat("'", what, "' can not be used within an annotation"));
    return true;
  }

  Symbol* SymbolIn(Scope* scope, const std::string& name) {
    auto it = scope->symbol_index.find(name);
    if (it != scope->symbol_index.end()) return &scope->symbols[it->second];
    scope->symbol_index[name] = scope->symbols.size();
    scope->symbols.push_back(Symbol{name, 0, NameScope::kGlobalImplicit});
    return &scope->symbols.back();
  }

  // symtable_add_def_helper. Messages name the name as written (unmangled), like CPython.
  void AddDef(Scope* scope, std::string_view raw_name, int flag, const ast::Node* node) {
    std::string name = MangleName(scope->private_name, raw_name);
    Symbol* symbol = SymbolIn(scope, name);
    if ((flag & kDefParam) && (symbol->flags & kDefParam)) {
      Fail(node, absl::StrCat("duplicate argument '", Str(raw_name), "' in function definition"));
      return;
    }
    if (scope->comprehension_iter_target) {
      if ((symbol->flags | flag) & (kDefGlobal | kDefNonlocal)) {
        Fail(node, absl::StrCat("comprehension inner loop cannot rebind assignment expression "
                                "target '", Str(raw_name), "'"));
        return;
      }
      flag |= kDefCompIter;
    }
    symbol->flags |= flag;
    if (flag & kDefParam) scope->parameters.push_back(name);
    if ((flag & kDefGlobal) && scope != tree_->module_) {
      SymbolIn(tree_->module_, name)->flags |= kDefGlobal;
    }
  }

  void AddDef(std::string_view name, int flag, const ast::Node* node) {
    AddDef(current_, name, flag, node);
  }

  void VisitStatements(const ast::NodeList& statements) {
    for (ast::Node* statement : statements) {
      if (error_) return;
      VisitStatement(statement);
    }
  }

  void VisitExpressions(const ast::NodeList& expressions) {
    for (ast::Node* expression : expressions) {
      if (expression != nullptr) VisitExpression(expression);
    }
  }

  void VisitArgumentDefaults(const ast::Arguments* arguments) {
    VisitExpressions(arguments->defaults);
    VisitExpressions(arguments->kw_defaults);
  }

  // symtable_visit_annotations: positional-only, positional, *args, **kwargs, keyword-only,
  // then the return annotation; under `from __future__ import annotations` all in a
  // hidden annotation block.
  void VisitAnnotations(const ast::Node* function, const ast::Arguments* arguments,
                        const ast::Node* returns) {
    Scope* outer = current_;
    if (tree_->future_annotations_) {
      current_ = NewScope(ScopeKind::kAnnotation, "_annotation", function, function->lineno, true);
    }
    auto visit_arg = [&](const ast::Node* node) {
      if (const auto* arg = node->As<ast::Arg>(); arg && arg->annotation) {
        VisitExpression(arg->annotation);
      }
    };
    for (ast::Node* node : arguments->posonlyargs) visit_arg(node);
    for (ast::Node* node : arguments->args) visit_arg(node);
    if (arguments->vararg) visit_arg(arguments->vararg);
    if (arguments->kwarg) visit_arg(arguments->kwarg);
    for (ast::Node* node : arguments->kwonlyargs) visit_arg(node);
    if (returns) VisitAnnotation(returns, returns);
    current_ = outer;
  }

  void VisitParameters(const ast::Arguments* arguments) {
    for (ast::Node* node : arguments->posonlyargs) AddDef(node->As<ast::Arg>()->arg, kDefParam, node);
    for (ast::Node* node : arguments->args) AddDef(node->As<ast::Arg>()->arg, kDefParam, node);
    for (ast::Node* node : arguments->kwonlyargs) AddDef(node->As<ast::Arg>()->arg, kDefParam, node);
    if (arguments->vararg) {
      AddDef(arguments->vararg->As<ast::Arg>()->arg, kDefParam, arguments->vararg);
      current_->has_varargs = true;
    }
    if (arguments->kwarg) {
      AddDef(arguments->kwarg->As<ast::Arg>()->arg, kDefParam, arguments->kwarg);
      current_->has_varkeywords = true;
    }
  }

  template <typename FunctionNode>
  void VisitFunction(const FunctionNode* function, bool is_async) {
    AddDef(function->name, kDefLocal, function);
    const auto* arguments = function->args->template As<ast::Arguments>();
    VisitArgumentDefaults(arguments);
    VisitAnnotations(function, arguments, function->returns);
    VisitExpressions(function->decorator_list);
    int line = function->decorator_list.empty() ? function->lineno
                                                : function->decorator_list[0]->lineno;
    Scope* outer = current_;
    current_ = NewScope(ScopeKind::kFunction, Str(function->name), function, line);
    current_->table_line = function->lineno;
    current_->is_coroutine = is_async;
    VisitParameters(arguments);
    VisitStatements(function->body);
    current_ = outer;
  }

  // A name in a `global` or `nonlocal` statement (symtable_visit_stmt).
  void CheckDeclaration(const ast::Node* node, std::string_view raw_name, bool global) {
    std::string name = MangleName(current_->private_name, raw_name);
    const Symbol* symbol = current_->Find(name);
    int flags = symbol ? symbol->flags : 0;
    const char* what = global ? "global" : "nonlocal";
    if (flags & (kDefParam | kDefLocal | kUse | kDefAnnotated)) {
      std::string message;
      if (flags & kDefParam) {
        message = absl::StrCat("name '", Str(raw_name), "' is parameter and ", what);
      } else if (flags & kUse) {
        message = absl::StrCat("name '", Str(raw_name), "' is used prior to ", what, " declaration");
      } else if (flags & kDefAnnotated) {
        message = absl::StrCat("annotated name '", Str(raw_name), "' can't be ", what);
      } else {
        message = absl::StrCat("name '", Str(raw_name), "' is assigned to before ", what,
                               " declaration");
      }
      Fail(node, message);
      return;
    }
    AddDef(raw_name, global ? kDefGlobal : kDefNonlocal, node);
    current_->directives.emplace_back(name, node);
  }

  void VisitStatement(const ast::Node* node) {
    switch (node->node_kind) {
      case ast::Kind::kFunctionDef:
        VisitFunction(node->As<ast::FunctionDef>(), false);
        break;
      case ast::Kind::kAsyncFunctionDef:
        VisitFunction(node->As<ast::AsyncFunctionDef>(), true);
        break;
      case ast::Kind::kClassDef: {
        const auto* klass = node->As<ast::ClassDef>();
        AddDef(klass->name, kDefLocal, node);
        VisitExpressions(klass->bases);
        for (ast::Node* keyword : klass->keywords) VisitExpression(keyword->As<ast::Keyword>()->value);
        VisitExpressions(klass->decorator_list);
        int line = klass->decorator_list.empty() ? klass->lineno : klass->decorator_list[0]->lineno;
        Scope* outer = current_;
        current_ = NewScope(ScopeKind::kClass, Str(klass->name), node, line);
        current_->table_line = klass->lineno;
        current_->private_name = Str(klass->name);
        VisitStatements(klass->body);
        current_ = outer;
        break;
      }
      case ast::Kind::kReturn: {
        const auto* ret = node->As<ast::Return>();
        if (ret->value) {
          VisitExpression(ret->value);
          current_->returns_value = true;
        }
        break;
      }
      case ast::Kind::kDelete:
        VisitExpressions(node->As<ast::Delete>()->targets);
        break;
      case ast::Kind::kAssign: {
        const auto* assign = node->As<ast::Assign>();
        VisitExpressions(assign->targets);
        VisitExpression(assign->value);
        break;
      }
      case ast::Kind::kAugAssign: {
        const auto* assign = node->As<ast::AugAssign>();
        VisitExpression(assign->target);
        VisitExpression(assign->value);
        break;
      }
      case ast::Kind::kAnnAssign: {
        const auto* assign = node->As<ast::AnnAssign>();
        if (const auto* name = assign->target->As<ast::Name>()) {
          std::string mangled = MangleName(current_->private_name, name->id);
          const Symbol* symbol = current_->Find(mangled);
          int flags = symbol ? symbol->flags : 0;
          // At module level DEF_GLOBAL only says that some function declares it global.
          if ((flags & (kDefGlobal | kDefNonlocal)) && current_ != tree_->module_ &&
              assign->simple) {
            Fail(node, absl::StrCat("annotated name '", Str(name->id), "' can't be ",
                                    (flags & kDefGlobal) ? "global" : "nonlocal"));
            return;
          }
          if (assign->simple) {
            AddDef(name->id, kDefAnnotated | kDefLocal, assign->target);
          } else if (assign->value) {
            AddDef(name->id, kDefLocal, assign->target);
          }
        } else {
          VisitExpression(assign->target);
        }
        VisitAnnotation(assign->annotation, assign->annotation);
        if (assign->value) VisitExpression(assign->value);
        break;
      }
      case ast::Kind::kFor:
      case ast::Kind::kAsyncFor: {
        const auto* loop = static_cast<const ast::For*>(node);
        VisitExpression(loop->target);
        VisitExpression(loop->iter);
        VisitStatements(loop->body);
        VisitStatements(loop->orelse);
        break;
      }
      case ast::Kind::kWhile: {
        const auto* loop = node->As<ast::While>();
        VisitExpression(loop->test);
        VisitStatements(loop->body);
        VisitStatements(loop->orelse);
        break;
      }
      case ast::Kind::kIf: {
        const auto* branch = node->As<ast::If>();
        VisitExpression(branch->test);
        VisitStatements(branch->body);
        VisitStatements(branch->orelse);
        break;
      }
      case ast::Kind::kWith:
      case ast::Kind::kAsyncWith: {
        const auto* with = static_cast<const ast::With*>(node);
        for (ast::Node* item_node : with->items) {
          const auto* item = item_node->As<ast::WithItem>();
          VisitExpression(item->context_expr);
          if (item->optional_vars) VisitExpression(item->optional_vars);
        }
        VisitStatements(with->body);
        break;
      }
      case ast::Kind::kMatch: {
        const auto* match = node->As<ast::Match>();
        VisitExpression(match->subject);
        for (ast::Node* case_node : match->cases) {
          const auto* match_case = case_node->As<ast::MatchCase>();
          VisitPattern(match_case->pattern);
          if (match_case->guard) VisitExpression(match_case->guard);
          VisitStatements(match_case->body);
        }
        break;
      }
      case ast::Kind::kRaise: {
        const auto* raise = node->As<ast::Raise>();
        if (raise->exc) VisitExpression(raise->exc);
        if (raise->cause) VisitExpression(raise->cause);
        break;
      }
      case ast::Kind::kTry:
      case ast::Kind::kTryStar: {
        const auto* attempt = static_cast<const ast::Try*>(node);
        VisitStatements(attempt->body);
        VisitStatements(attempt->orelse);
        for (ast::Node* handler_node : attempt->handlers) {
          const auto* handler = handler_node->As<ast::ExceptHandler>();
          if (handler->type) VisitExpression(handler->type);
          if (handler->name.data() != nullptr) AddDef(handler->name, kDefLocal, handler_node);
          VisitStatements(handler->body);
        }
        VisitStatements(attempt->finalbody);
        break;
      }
      case ast::Kind::kAssert: {
        const auto* assertion = node->As<ast::Assert>();
        VisitExpression(assertion->test);
        if (assertion->msg) VisitExpression(assertion->msg);
        break;
      }
      case ast::Kind::kImport:
        for (ast::Node* alias_node : node->As<ast::Import>()->names) VisitAlias(alias_node);
        break;
      case ast::Kind::kImportFrom: {
        const auto* import = node->As<ast::ImportFrom>();
        for (ast::Node* alias_node : import->names) VisitAlias(alias_node);
        break;
      }
      case ast::Kind::kGlobal:
        for (std::string_view name : node->As<ast::Global>()->names) CheckDeclaration(node, name, true);
        break;
      case ast::Kind::kNonlocal:
        // At module level the analysis reports it (symtable's analyze_name).
        for (std::string_view name : node->As<ast::Nonlocal>()->names) CheckDeclaration(node, name, false);
        break;
      case ast::Kind::kExpr:
        VisitExpression(node->As<ast::Expr>()->value);
        break;
      default:
        break;  // Pass, Break, Continue
    }
  }

  void VisitAlias(const ast::Node* node) {
    const auto* alias = node->As<ast::Alias>();
    std::string_view store = alias->asname.data() != nullptr ? alias->asname : alias->name;
    if (alias->name == "*") {
      if (current_->kind != ScopeKind::kModule) {
        Fail(node, "import * only allowed at module level");
      }
      return;
    }
    if (alias->asname.data() == nullptr) {
      size_t dot = store.find('.');
      if (dot != std::string_view::npos) store = store.substr(0, dot);
    }
    AddDef(store, kDefImport, node);
  }

  void VisitPattern(const ast::Node* node) {
    switch (node->node_kind) {
      case ast::Kind::kMatchValue:
        VisitExpression(node->As<ast::MatchValue>()->value);
        break;
      case ast::Kind::kMatchSequence:
        for (ast::Node* child : node->As<ast::MatchSequence>()->patterns) VisitPattern(child);
        break;
      case ast::Kind::kMatchStar:
        if (node->As<ast::MatchStar>()->name.data() != nullptr) {
          AddDef(node->As<ast::MatchStar>()->name, kDefLocal, node);
        }
        break;
      case ast::Kind::kMatchMapping: {
        const auto* mapping = node->As<ast::MatchMapping>();
        VisitExpressions(mapping->keys);
        for (ast::Node* child : mapping->patterns) VisitPattern(child);
        if (mapping->rest.data() != nullptr) AddDef(mapping->rest, kDefLocal, node);
        break;
      }
      case ast::Kind::kMatchClass: {
        const auto* klass = node->As<ast::MatchClass>();
        VisitExpression(klass->cls);
        for (ast::Node* child : klass->patterns) VisitPattern(child);
        for (ast::Node* child : klass->kwd_patterns) VisitPattern(child);
        break;
      }
      case ast::Kind::kMatchAs: {
        const auto* as = node->As<ast::MatchAs>();
        if (as->pattern) VisitPattern(as->pattern);
        if (as->name.data() != nullptr) AddDef(as->name, kDefLocal, node);
        break;
      }
      case ast::Kind::kMatchOr:
        for (ast::Node* child : node->As<ast::MatchOr>()->patterns) VisitPattern(child);
        break;
      default:
        break;  // MatchSingleton
    }
  }

  // symtable_extend_namedexpr_scope: `target := ...` inside a comprehension binds in the
  // nearest enclosing function (or the module). As in CPython, the lookups below use the
  // name as written, not the mangled one.
  void VisitNamedExprTarget(const ast::Name* target) {
    const ast::Node* node = target;
    std::string written(target->id);
    for (Scope* scope = current_; scope != nullptr; scope = scope->parent) {
      if (scope->is_comprehension) {
        const Symbol* symbol = scope->Find(written);
        if (symbol && (symbol->flags & kDefCompIter)) {
          Fail(node, absl::StrCat("assignment expression cannot rebind comprehension iteration "
                                  "variable '", written, "'"));
          return;
        }
        continue;
      }
      if (scope->kind == ScopeKind::kFunction) {
        const Symbol* symbol = scope->Find(written);
        AddDef(written, (symbol && (symbol->flags & kDefGlobal)) ? kDefGlobal : kDefNonlocal, node);
        current_->directives.emplace_back(MangleName(current_->private_name, written), node);
        AddDef(scope, written, kDefLocal, node);
        return;
      }
      if (scope->kind == ScopeKind::kModule) {
        AddDef(written, kDefGlobal, node);
        current_->directives.emplace_back(MangleName(current_->private_name, written), node);
        AddDef(scope, written, kDefGlobal, node);
        return;
      }
      if (scope->kind == ScopeKind::kClass) {
        Fail(node, "assignment expression within a comprehension cannot be used in a class body");
        return;
      }
      // An annotation block: look further out.
    }
  }

  template <typename Comprehension>
  void VisitComprehension(const Comprehension* node, const char* name, bool is_generator,
                          const ast::Node* element, const ast::Node* value) {
    const ast::NodeList& generators = node->generators;
    const auto* outermost = generators[0]->template As<ast::Comprehension>();
    ++comprehension_iter_expression_;
    VisitExpression(outermost->iter);
    --comprehension_iter_expression_;
    Scope* outer = current_;
    current_ = NewScope(ScopeKind::kFunction, name, node, node->lineno);
    current_->is_comprehension = true;
    current_->is_generator = is_generator;
    if (outermost->is_async) current_->is_coroutine = true;
    AddDef(".0", kDefParam, node);
    current_->comprehension_iter_target = true;
    VisitExpression(outermost->target);
    current_->comprehension_iter_target = false;
    VisitExpressions(outermost->ifs);
    for (uint32_t i = 1; i < generators.size; ++i) {
      const auto* generator = generators[i]->template As<ast::Comprehension>();
      current_->comprehension_iter_target = true;
      VisitExpression(generator->target);
      current_->comprehension_iter_target = false;
      ++comprehension_iter_expression_;
      VisitExpression(generator->iter);
      --comprehension_iter_expression_;
      VisitExpressions(generator->ifs);
      if (generator->is_async) current_->is_coroutine = true;
    }
    if (value) VisitExpression(value);
    VisitExpression(element);
    // Since 3.11 an async comprehension (awaited where it is) inside another
    // comprehension makes that one asynchronous too.
    bool awaited_coroutine = current_->is_coroutine && !is_generator;
    current_ = outer;
    if (awaited_coroutine && outer->is_comprehension) outer->is_coroutine = true;
  }

  void RaiseIfComprehension(const ast::Node* node) {
    if (!current_->is_comprehension) return;
    const char* what = "generator expression";
    switch (current_->node->node_kind) {
      case ast::Kind::kListComp: what = "list comprehension"; break;
      case ast::Kind::kSetComp: what = "set comprehension"; break;
      case ast::Kind::kDictComp: what = "dict comprehension"; break;
      default: break;
    }
    Fail(node, absl::StrCat("'yield' inside ", what));
  }

  void VisitExpression(const ast::Node* node) {
    if (error_) return;
    switch (node->node_kind) {
      case ast::Kind::kName: {
        const auto* name = node->As<ast::Name>();
        AddDef(name->id, name->ctx == ast::ExprContext::kLoad ? kUse : kDefLocal, node);
        if (name->ctx == ast::ExprContext::kLoad && current_->kind == ScopeKind::kFunction &&
            name->id == "super") {
          AddDef("__class__", kUse, node);
        }
        break;
      }
      case ast::Kind::kNamedExpr: {
        const auto* named = node->As<ast::NamedExpr>();
        if (FailIfAnnotation(node, "named expression")) return;
        if (comprehension_iter_expression_ > 0) {
          Fail(node, "assignment expression cannot be used in a comprehension iterable expression");
          return;
        }
        if (current_->is_comprehension) {
          VisitNamedExprTarget(named->target->As<ast::Name>());
          if (error_) return;
        }
        VisitExpression(named->value);
        VisitExpression(named->target);
        break;
      }
      case ast::Kind::kBoolOp:
        VisitExpressions(node->As<ast::BoolOp>()->values);
        break;
      case ast::Kind::kBinOp:
        VisitExpression(node->As<ast::BinOp>()->left);
        VisitExpression(node->As<ast::BinOp>()->right);
        break;
      case ast::Kind::kUnaryOp:
        VisitExpression(node->As<ast::UnaryOp>()->operand);
        break;
      case ast::Kind::kLambda: {
        const auto* lambda = node->As<ast::Lambda>();
        const auto* arguments = lambda->args->As<ast::Arguments>();
        VisitArgumentDefaults(arguments);
        Scope* outer = current_;
        current_ = NewScope(ScopeKind::kFunction, "lambda", node, node->lineno);
        current_->is_lambda = true;
        VisitParameters(arguments);
        VisitExpression(lambda->body);
        current_ = outer;
        break;
      }
      case ast::Kind::kIfExp:
        VisitExpression(node->As<ast::IfExp>()->test);
        VisitExpression(node->As<ast::IfExp>()->body);
        VisitExpression(node->As<ast::IfExp>()->orelse);
        break;
      case ast::Kind::kDict:
        VisitExpressions(node->As<ast::Dict>()->keys);
        VisitExpressions(node->As<ast::Dict>()->values);
        break;
      case ast::Kind::kSet:
        VisitExpressions(node->As<ast::Set>()->elts);
        break;
      case ast::Kind::kListComp: {
        const auto* comp = node->As<ast::ListComp>();
        VisitComprehension(comp, "listcomp", false, comp->elt, nullptr);
        break;
      }
      case ast::Kind::kSetComp: {
        const auto* comp = node->As<ast::SetComp>();
        VisitComprehension(comp, "setcomp", false, comp->elt, nullptr);
        break;
      }
      case ast::Kind::kDictComp: {
        const auto* comp = node->As<ast::DictComp>();
        VisitComprehension(comp, "dictcomp", false, comp->key, comp->value);
        break;
      }
      case ast::Kind::kGeneratorExp: {
        const auto* comp = node->As<ast::GeneratorExp>();
        VisitComprehension(comp, "genexpr", true, comp->elt, nullptr);
        break;
      }
      case ast::Kind::kAwait:
        if (FailIfAnnotation(node, "await expression")) return;
        VisitExpression(node->As<ast::Await>()->value);
        // An await inside a comprehension makes it a coroutine (an async generator for
        // a generator expression), as CPython's symtable does.
        if (current_->is_comprehension) current_->is_coroutine = true;
        break;
      case ast::Kind::kYield:
      case ast::Kind::kYieldFrom: {
        if (FailIfAnnotation(node, "yield expression")) return;
        const ast::Node* value = node->node_kind == ast::Kind::kYield
                                     ? node->As<ast::Yield>()->value
                                     : node->As<ast::YieldFrom>()->value;
        if (value) VisitExpression(value);
        if (error_) return;
        // Outside a function it is the compiler's error (CheckSyntax), not symtable's.
        if (current_->kind != ScopeKind::kFunction) break;
        current_->is_generator = true;
        RaiseIfComprehension(node);
        break;
      }
      case ast::Kind::kCompare:
        VisitExpression(node->As<ast::Compare>()->left);
        VisitExpressions(node->As<ast::Compare>()->comparators);
        break;
      case ast::Kind::kCall: {
        const auto* call = node->As<ast::Call>();
        VisitExpression(call->func);
        VisitExpressions(call->args);
        for (ast::Node* keyword : call->keywords) VisitExpression(keyword->As<ast::Keyword>()->value);
        break;
      }
      case ast::Kind::kFormattedValue: {
        const auto* formatted = node->As<ast::FormattedValue>();
        VisitExpression(formatted->value);
        if (formatted->format_spec) VisitExpression(formatted->format_spec);
        break;
      }
      case ast::Kind::kJoinedStr:
        VisitExpressions(node->As<ast::JoinedStr>()->values);
        break;
      case ast::Kind::kAttribute:
        VisitExpression(node->As<ast::Attribute>()->value);
        break;
      case ast::Kind::kSubscript:
        VisitExpression(node->As<ast::Subscript>()->value);
        VisitExpression(node->As<ast::Subscript>()->slice);
        break;
      case ast::Kind::kStarred:
        VisitExpression(node->As<ast::Starred>()->value);
        break;
      case ast::Kind::kList:
        VisitExpressions(node->As<ast::List>()->elts);
        break;
      case ast::Kind::kTuple:
        VisitExpressions(node->As<ast::Tuple>()->elts);
        break;
      case ast::Kind::kSlice: {
        const auto* slice = node->As<ast::Slice>();
        if (slice->lower) VisitExpression(slice->lower);
        if (slice->upper) VisitExpression(slice->upper);
        if (slice->step) VisitExpression(slice->step);
        break;
      }
      default:
        break;  // Constant
    }
  }

  // Pass 2: resolve every name, as CPython's analyze_block.
  void Analyze(Scope* scope, const NameSet* bound, NameSet* free, const NameSet* global) {
    NameSet local, new_global, new_free, new_bound;
    NameSet global_copy = global ? *global : NameSet();
    NameSet bound_copy = bound ? *bound : NameSet();
    NameSet* global_set = &global_copy;
    NameSet* bound_set = bound ? &bound_copy : nullptr;
    if (scope->kind == ScopeKind::kClass) {
      new_global = *global_set;
      if (bound_set) new_bound = *bound_set;
    }
    NameSet free_here;
    for (Symbol& symbol : scope->symbols) {
      AnalyzeName(scope, &symbol, bound_set, &local, &free_here, global_set);
      if (error_) return;
    }
    if (scope->kind != ScopeKind::kClass) {
      if (scope->kind == ScopeKind::kFunction) new_bound.insert(local.begin(), local.end());
      if (bound_set) new_bound.insert(bound_set->begin(), bound_set->end());
      new_global.insert(global_set->begin(), global_set->end());
    } else {
      new_bound.insert("__class__");
    }
    NameSet all_free;
    for (Scope* child : scope->children) {
      NameSet child_free;
      NameSet child_bound = new_bound;
      NameSet child_global = new_global;
      Analyze(child, &child_bound, &child_free, &child_global);
      if (error_) return;
      all_free.insert(child_free.begin(), child_free.end());
    }
    new_free.insert(all_free.begin(), all_free.end());
    if (scope->kind == ScopeKind::kFunction) {
      for (Symbol& symbol : scope->symbols) {
        if (symbol.scope == NameScope::kLocal && new_free.contains(symbol.name)) {
          symbol.scope = NameScope::kCell;
          new_free.erase(symbol.name);
        }
      }
    } else if (scope->kind == ScopeKind::kClass && new_free.contains("__class__")) {
      new_free.erase("__class__");
      scope->needs_class_closure = true;
    }
    // Free variables of children that pass through this scope.
    std::vector<std::string> passing(new_free.begin(), new_free.end());
    std::sort(passing.begin(), passing.end());
    for (const std::string& name : passing) {
      auto it = scope->symbol_index.find(name);
      if (it != scope->symbol_index.end()) {
        Symbol& symbol = scope->symbols[it->second];
        if (scope->kind == ScopeKind::kClass && (symbol.flags & (kDefBound | kDefGlobal))) {
          symbol.flags |= kDefFreeClass;
        }
        continue;
      }
      if (bound_set && !bound_set->contains(name)) continue;
      Symbol* symbol = SymbolIn(scope, name);
      symbol->scope = NameScope::kFree;
    }
    new_free.insert(free_here.begin(), free_here.end());
    if (free) free->insert(new_free.begin(), new_free.end());
  }

  void AnalyzeName(Scope* scope, Symbol* symbol, NameSet* bound, NameSet* local, NameSet* free,
                   NameSet* global) {
    const std::string& name = symbol->name;
    if (symbol->flags & kDefGlobal) {
      if (symbol->flags & kDefNonlocal) {
        Fail(Directive(scope, name), absl::StrCat("name '", name, "' is nonlocal and global"));
        return;
      }
      symbol->scope = NameScope::kGlobalExplicit;
      global->insert(name);
      if (bound) bound->erase(name);
      return;
    }
    if (symbol->flags & kDefNonlocal) {
      if (bound == nullptr) {
        Fail(Directive(scope, name), "nonlocal declaration not allowed at module level");
        return;
      }
      if (!bound->contains(name)) {
        Fail(Directive(scope, name), absl::StrCat("no binding for nonlocal '", name, "' found"));
        return;
      }
      symbol->scope = NameScope::kFree;
      free->insert(name);
      return;
    }
    if (symbol->flags & kDefBound) {
      symbol->scope = NameScope::kLocal;
      local->insert(name);
      global->erase(name);
      return;
    }
    if (bound && bound->contains(name)) {
      symbol->scope = NameScope::kFree;
      free->insert(name);
      return;
    }
    symbol->scope = NameScope::kGlobalImplicit;
  }

  // Where the first `global`/`nonlocal` statement (or comprehension `:=`) for `name` in
  // `scope` is, for an error in the analysis (CPython's error_at_directive).
  const ast::Node* Directive(const Scope* scope, const std::string& name) {
    for (const auto& [declared, node] : scope->directives) {
      if (declared == name) return node;
    }
    return scope->node;
  }

  ScopeTree* tree_;
  Scope* current_ = nullptr;
  int comprehension_iter_expression_ = 0;
  std::optional<ScopeError> error_;
};

std::optional<ScopeError> AnalyzeScopes(const ast::Node* module, ScopeTree* tree) {
  ScopeBuilder builder(tree);
  return builder.Build(module);
}

namespace {

// One symbol table in the form tests/frontend/reference_scopes.py prints from
// CPython's symtable module (see there for the grammar).
void DumpScope(const Scope* scope, int depth, std::string* out) {
  std::string indent(2 * depth, ' ');
  const char* type = scope->kind == ScopeKind::kModule  ? "module"
                     : scope->kind == ScopeKind::kClass ? "class"
                                                        : "function";
  absl::StrAppend(out, indent, type, " ", scope->name, " line ", scope->table_line,
                  scope->is_nested ? " nested" : "", "\n");
  std::vector<const Symbol*> symbols;
  for (const Symbol& symbol : scope->symbols) symbols.push_back(&symbol);
  std::sort(symbols.begin(), symbols.end(),
            [](const Symbol* a, const Symbol* b) { return a->name < b->name; });
  // symtable's Symbol.is_local()/is_global() take any table named "top" for the module.
  bool is_module = scope->name == "top";
  if (scope->kind == ScopeKind::kFunction) {
    auto list = [&](const char* label, auto keep) {
      absl::StrAppend(out, indent, "  ", label, ":");
      for (const Symbol* symbol : symbols) {
        if (keep(*symbol)) absl::StrAppend(out, " ", symbol->name);
      }
      absl::StrAppend(out, "\n");
    };
    absl::StrAppend(out, indent, "  varnames:");
    for (const std::string& name : scope->parameters) absl::StrAppend(out, " ", name);
    absl::StrAppend(out, "\n");
    list("locals", [](const Symbol& symbol) {
      return symbol.scope == NameScope::kLocal || symbol.scope == NameScope::kCell;
    });
    list("frees", [](const Symbol& symbol) { return symbol.scope == NameScope::kFree; });
    list("globals", [](const Symbol& symbol) {
      return symbol.scope == NameScope::kGlobalImplicit ||
             symbol.scope == NameScope::kGlobalExplicit;
    });
    list("nonlocals", [](const Symbol& symbol) { return (symbol.flags & kDefNonlocal) != 0; });
  }
  for (const Symbol* symbol : symbols) {
    NameScope resolved = symbol->scope;
    int flags = symbol->flags;
    bool module_bound = is_module && (flags & kDefBound);
    absl::StrAppend(out, indent, "  ", symbol->name, ": ", NameScopeName(resolved));
    auto word = [&](bool holds, const char* text) {
      if (holds) absl::StrAppend(out, " ", text);
    };
    word(resolved == NameScope::kLocal || resolved == NameScope::kCell || module_bound, "local");
    word(resolved == NameScope::kGlobalImplicit || resolved == NameScope::kGlobalExplicit ||
             module_bound,
         "global");
    word(resolved == NameScope::kGlobalExplicit, "declared_global");
    word(flags & kDefNonlocal, "nonlocal");
    word(resolved == NameScope::kFree, "free");
    word(flags & kDefParam, "parameter");
    word(flags & kDefImport, "imported");
    word(flags & kDefAnnotated, "annotated");
    word(flags & kUse, "referenced");
    word(flags & kDefLocal, "assigned");
    word(flags & kDefFreeClass, "free_class");
    word(flags & kDefCompIter, "comp_iter");
    absl::StrAppend(out, "\n");
  }
  for (const Scope* child : scope->children) DumpScope(child, depth + 1, out);
}

}  // namespace

std::string DumpScopes(const ScopeTree& tree) {
  std::string out;
  DumpScope(tree.module(), 0, &out);
  return out;
}

LocalsPlus LocalsPlusOf(const Scope* scope) {
  LocalsPlus names;
  if (scope->kind == ScopeKind::kFunction) {
    names.variables = scope->parameters;
    for (const Symbol& symbol : scope->symbols) {
      if (symbol.scope == NameScope::kLocal &&
          std::find(names.variables.begin(), names.variables.end(), symbol.name) ==
              names.variables.end()) {
        names.variables.push_back(symbol.name);
      }
    }
  }
  names.cells = scope->NamesWithScope(NameScope::kCell);
  if (scope->kind == ScopeKind::kClass && scope->needs_class_closure) names.cells = {"__class__"};
  names.free = scope->NamesWithScope(NameScope::kFree);
  return names;
}

std::string ResolveRelativeImport(const std::string& current, bool is_package, const std::string& module,
                                  int level) {
  if (level == 0) return module;
  std::string base = current;
  if (!is_package) {
    size_t dot = base.rfind('.');
    base = dot == std::string::npos ? "" : base.substr(0, dot);
  }
  for (int i = 1; i < level && !base.empty(); ++i) {
    size_t dot = base.rfind('.');
    base = dot == std::string::npos ? "" : base.substr(0, dot);
  }
  if (base.empty()) return module;
  return module.empty() ? base : base + "." + module;
}

}  // namespace kiln::sema
