// Functions made inside the function being lowered: lambdas and comprehensions (a
// comprehension is a function made and called at once with the outermost iterator).
// Their bodies are compiled on their own (the code generator asks for each child).
#include "compiler/lower/lowerer.h"

namespace kiln::lower {

using ast::Kind;

namespace {

// Which optional operands MakeFunction has, in this order (Instr::extra).
enum MakeFunctionParts {
  kDefaults = 1, kKeywordDefaults = 2, kAnnotations = 4, kClosure = 8, kDoc = 16
};

}  // namespace

ValueId FunctionLowerer::MakeFunction(const Node* node, const sema::Scope* child,
                                      const std::string& qualname) {
  const ast::Arguments* arguments = nullptr;
  const Node* returns = nullptr;
  const ast::NodeList* body = nullptr;
  if (const auto* def = AsDef(node)) {
    arguments = def->args->As<ast::Arguments>();
    returns = def->returns;
    body = &def->body;
  } else if (const auto* lambda = node->As<ast::Lambda>()) {
    arguments = lambda->args->As<ast::Arguments>();
  }
  ir::ValueList operands;
  int parts = 0;
  if (arguments && arguments->defaults.size > 0) {
    operands.push_back(Sequence(arguments->defaults, Kind::kTuple, node));
    parts |= kDefaults;
  }
  if (arguments) {
    bool any = false;
    for (Node* value : arguments->kw_defaults) any = any || value != nullptr;
    if (any) {
      ValueId defaults = b_.Value(Op::kNewDict, {}, node);
      for (uint32_t i = 0; i < arguments->kwonlyargs.size; ++i) {
        if (arguments->kw_defaults[i] == nullptr) continue;
        ValueId value = Expr(arguments->kw_defaults[i]);
        std::string* name = &function_->strings.emplace_back(
            Mangle(arguments->kwonlyargs[i]->As<ast::Arg>()->arg));
        b_.Append(Op::kDictSetItem, {defaults, b_.Name(*name), value}, node);
      }
      operands.push_back(defaults);
      parts |= kKeywordDefaults;
    }
    // Annotations, evaluated now, in parameter order, then 'return'.
    std::vector<std::pair<std::string, const Node*>> items =
        lower::AnnotationItems(arguments, returns, scope_->private_name);
    if (!items.empty()) {
      ValueId annotations = b_.Value(Op::kNewDict, {}, node);
      for (const auto& [name, expression] : items) {
        ValueId value = Annotation(expression, node);
        std::string* key = &function_->strings.emplace_back(name);
        b_.Append(Op::kDictSetItem, {annotations, b_.Name(*key), value}, node);
      }
      operands.push_back(annotations);
      parts |= kAnnotations;
    }
  }
  // The closure: the cells of the child's free variables, in co_freevars order.
  std::vector<std::string> free_names = child->NamesWithScope(sema::NameScope::kFree);
  if (!free_names.empty()) {
    ir::ValueList cells;
    for (const std::string& name : free_names) {
      int slot = SlotOf(name);
      if (slot < 0) {
        Unsupported(node, "a free variable without a cell");
        return b_.None();
      }
      ir::Instr& cell = b_.Append(Op::kCellObject);
      cell.number = slot;
      cells.push_back(cell.result());
    }
    operands.push_back(b_.Value(Op::kBuildTuple, std::move(cells), node));
    parts |= kClosure;
  }
  if (body && body->size > 0) {
    if (const auto* expr = (*body)[0]->As<ast::Expr>()) {
      if (const auto* constant = expr->value->As<ast::Constant>();
          constant && constant->value.type == ast::ConstantValue::Type::kStr) {
        operands.push_back(b_.Constant(constant->value));
        parts |= kDoc;
      }
    }
  }
  ir::Instr& make = b_.Append(Op::kMakeFunction, std::move(operands), node);
  make.scope = child;
  make.label = qualname;
  make.extra = parts;
  return make.result();
}

ValueId FunctionLowerer::Decorate(const ir::ValueList& decorators, const ast::NodeList& nodes,
                                  ValueId value) {
  for (size_t i = decorators.size(); i-- > 0;) {
    ir::Instr& call = b_.Append(Op::kCall, {decorators[i], value}, nodes[i]);
    call.number = 1;
    value = call.result();
  }
  return value;
}

// def name(...): decorators evaluated first, the function made, then decorated.
void FunctionLowerer::FunctionDef(const Node* node) {
  const ast::FunctionDef* def = AsDef(node);
  ir::ValueList decorators;
  for (Node* decorator : def->decorator_list) decorators.push_back(Expr(decorator));
  ValueId function = MakeFunction(node, scopes_.ScopeOf(node), Qualname(std::string(def->name)));
  StoreName(def->name, Decorate(decorators, def->decorator_list, function), node);
}

// class name(bases, **keywords): the body is a function run by kiln::BuildClass.
void FunctionLowerer::ClassDef(const ast::ClassDef* node) {
  const sema::Scope* child = scopes_.ScopeOf(node);
  ir::ValueList decorators;
  for (Node* decorator : node->decorator_list) decorators.push_back(Expr(decorator));
  ValueId function = MakeFunction(node, child, Qualname(std::string(node->name)));
  ir::ValueList operands = {function, Sequence(node->bases, Kind::kTuple, node)};
  if (node->keywords.size > 0) operands.push_back(KeywordDict(node->keywords, ir::kNoValue, node, true));
  ir::Instr& build = b_.Append(Op::kBuildClass, std::move(operands), node);
  build.scope = child;
  build.name = std::string(node->name);
  build.label = Qualname(std::string(node->name));
  ValueId klass = build.result();
  StoreName(node->name, Decorate(decorators, node->decorator_list, klass), node);
}

// [element for target in iterable if condition ...] as the function CPython makes of
// it: one loop per `for` clause (the outermost over the iterator passed in as ".0"),
// the conditions as branches back to their loop's top, the element appended (a
// generator expression yields it), the collection returned.
void FunctionLowerer::ComprehensionBody(const Node* node) {
  const ast::NodeList* generators = nullptr;
  if (const auto* c = node->As<ast::ListComp>()) generators = &c->generators;
  if (const auto* c = node->As<ast::SetComp>()) generators = &c->generators;
  if (const auto* c = node->As<ast::DictComp>()) generators = &c->generators;
  if (const auto* c = node->As<ast::GeneratorExp>()) generators = &c->generators;
  ValueId result = ir::kNoValue;
  if (node->node_kind == Kind::kListComp) result = b_.Value(Op::kNewList, {}, node);
  if (node->node_kind == Kind::kSetComp) result = b_.Value(Op::kNewSet, {}, node);
  if (node->node_kind == Kind::kDictComp) {
    ir::Instr& make = b_.Append(Op::kNewDict, {}, node);
    make.number = 0;
    result = make.result();
  }
  BlockId done = b_.NewBlock();
  ComprehensionLoop(node, *generators, 0, result, done);
  b_.SetBlock(done);
  b_.Append(Op::kReturn, {result == ir::kNoValue ? b_.None() : result});
}

void FunctionLowerer::ComprehensionLoop(const Node* node, const ast::NodeList& generators, uint32_t index,
                                        ValueId result, BlockId done) {
  if (index == generators.size) {
    if (const auto* c = node->As<ast::ListComp>()) {
      b_.Append(Op::kListAppend, {result, Expr(c->elt)}, c->elt);
    } else if (const auto* c = node->As<ast::SetComp>()) {
      b_.Append(Op::kSetAdd, {result, Expr(c->elt)}, c->elt);
    } else if (const auto* c = node->As<ast::DictComp>()) {
      ValueId key = Expr(c->key);
      ValueId value = Expr(c->value);
      b_.Append(Op::kDictSetItem, {result, key, value}, c->key);
    } else if (const auto* c = node->As<ast::GeneratorExp>()) {
      Suspend(Op::kYield, Expr(c->elt), c->elt);
    }
    return;
  }
  const auto* generator = generators[index]->As<ast::Comprehension>();
  ValueId iterator;
  if (index == 0) {
    ir::Instr& load = b_.Append(Op::kLoadLocal, {}, node);
    load.number = SlotOf(".0");
    function_->values[load.result()].borrowed_slot = SlotOf(".0");
    iterator = load.result();
  } else {
    // CPython reports errors of the inner iterables at the comprehension.
    ValueId iterable = Expr(generator->iter);
    iterator = b_.Value(generator->is_async ? Op::kGetAsyncIter : Op::kGetIter, {iterable}, node);
  }
  BlockId top;
  Assign(generator->target, IterationStep(iterator, node, done, &top, generator->is_async));
  for (Node* condition : generator->ifs) {
    BlockId pass = b_.NewBlock();
    Condition(condition, pass, top);
    b_.SetBlock(pass);
  }
  BlockId inner_done = b_.NewBlock();
  ComprehensionLoop(node, generators, index + 1, result, inner_done);
  b_.JumpIfOpen(top);
  b_.SetBlock(inner_done);
  b_.Jump(top);
}

ValueId FunctionLowerer::Comprehension(const Node* node) {
  const sema::Scope* child = scopes_.ScopeOf(node);
  const char* name = node->node_kind == Kind::kListComp   ? "<listcomp>"
                     : node->node_kind == Kind::kSetComp  ? "<setcomp>"
                     : node->node_kind == Kind::kDictComp ? "<dictcomp>"
                                                          : "<genexpr>";
  const ast::NodeList* generators = nullptr;
  if (const auto* c = node->As<ast::ListComp>()) generators = &c->generators;
  if (const auto* c = node->As<ast::SetComp>()) generators = &c->generators;
  if (const auto* c = node->As<ast::DictComp>()) generators = &c->generators;
  if (const auto* c = node->As<ast::GeneratorExp>()) generators = &c->generators;
  const auto* outermost = (*generators)[0]->As<ast::Comprehension>();
  // An async comprehension is a coroutine awaited here (an async generator expression
  // is not awaited); sema allows it only inside an async function.
  bool awaited = child->is_coroutine && node->node_kind != Kind::kGeneratorExp;
  if (awaited && !InCoroutine(node, "an awaited comprehension")) return b_.None();
  ValueId function = MakeFunction(node, child, Qualname(name));
  ValueId iterable = Expr(outermost->iter);
  ValueId iterator = b_.Value(outermost->is_async ? Op::kGetAsyncIter : Op::kGetIter, {iterable}, node);
  ir::Instr& call = b_.Append(Op::kCall, {function, iterator}, node);
  call.number = 1;
  ValueId result = call.result();
  if (!awaited) return result;
  return Await(result, node);
}

}  // namespace kiln::lower
