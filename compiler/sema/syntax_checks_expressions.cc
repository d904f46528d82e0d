// Checker: expressions (compiler_visit_expr), the items of displays and of assignment
// targets, calls and their keywords, comprehensions in their own code units, and whether
// the current def is a coroutine (for 'return' with value in async generator).
#include "compiler/sema/syntax_checks_internal.h"

#include <climits>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "compiler/ast/visit.h"

namespace kiln::sema::syntax_checks_internal {
namespace {

// The number of characters in a UTF-8 string.
int CodePoints(std::string_view text) {
  int count = 0;
  for (char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

}  // namespace

// ---------------------------------------------------------------------------------
// Expressions (compiler_visit_expr: the location is the expression's while it is
// compiled, and is restored after)

void Checker::Expressions(const NodeList& expressions) {
  for (const Node* expression : expressions) {
    if (failed()) return;
    if (expression) Expression(expression);
  }
}

void Checker::Expression(const Node* node) {
  if (failed()) return;
  Location outer = unit().location;
  SetLocation(node);
  ExpressionBody(node);
  unit().location = outer;
}

void Checker::ExpressionBody(const Node* node) {
  switch (node->node_kind) {
    case Kind::kBoolOp:
      Expressions(node->As<ast::BoolOp>()->values);
      break;
    case Kind::kNamedExpr: {
      const auto* named = node->As<ast::NamedExpr>();
      Expression(named->value);
      Expression(named->target);
      break;
    }
    case Kind::kBinOp:
      Expression(node->As<ast::BinOp>()->left);
      Expression(node->As<ast::BinOp>()->right);
      break;
    case Kind::kUnaryOp:
      Expression(node->As<ast::UnaryOp>()->operand);
      break;
    case Kind::kLambda: {
      const auto* lambda = node->As<ast::Lambda>();
      const auto* arguments = lambda->args->As<ast::Arguments>();
      if (DebugParameter(arguments)) return;
      Defaults(arguments);
      if (failed()) return;
      EnterUnit(UnitKind::kLambda, node);
      Expression(lambda->body);
      ExitUnit();
      break;
    }
    case Kind::kIfExp: {
      const auto* choice = node->As<ast::IfExp>();
      Expression(choice->test);
      Expression(choice->body);
      Expression(choice->orelse);
      break;
    }
    case Kind::kDict: {
      const auto* dict = node->As<ast::Dict>();
      for (uint32_t i = 0; i < dict->values.size; ++i) {
        if (dict->keys[i]) Expression(dict->keys[i]);
        Expression(dict->values[i]);
      }
      break;
    }
    case Kind::kSet:
      Elements(node->As<ast::Set>()->elts);
      break;
    case Kind::kListComp: {
      const auto* comprehension = node->As<ast::ListComp>();
      Comprehension(comprehension, ComprehensionType::kList, comprehension->elt, nullptr);
      break;
    }
    case Kind::kSetComp: {
      const auto* comprehension = node->As<ast::SetComp>();
      Comprehension(comprehension, ComprehensionType::kSet, comprehension->elt, nullptr);
      break;
    }
    case Kind::kDictComp: {
      const auto* comprehension = node->As<ast::DictComp>();
      Comprehension(comprehension, ComprehensionType::kDict, comprehension->key,
                    comprehension->value);
      break;
    }
    case Kind::kGeneratorExp: {
      const auto* comprehension = node->As<ast::GeneratorExp>();
      Comprehension(comprehension, ComprehensionType::kGenerator, comprehension->elt, nullptr);
      break;
    }
    case Kind::kAwait:
      if (!InFunctionBlock()) {
        Error("'await' outside function");
        return;
      }
      // A comprehension awaited inside is itself checked (see Comprehension).
      if (unit().kind != UnitKind::kAsyncFunction && unit().kind != UnitKind::kComprehension) {
        Error("'await' outside async function");
        return;
      }
      Expression(node->As<ast::Await>()->value);
      break;
    case Kind::kYield:
      if (!InFunctionBlock()) {
        Error("'yield' outside function");
        return;
      }
      if (node->As<ast::Yield>()->value) Expression(node->As<ast::Yield>()->value);
      break;
    case Kind::kYieldFrom:
      if (!InFunctionBlock()) {
        Error("'yield' outside function");
        return;
      }
      if (unit().kind == UnitKind::kAsyncFunction) {
        Error("'yield from' inside async function");
        return;
      }
      Expression(node->As<ast::YieldFrom>()->value);
      break;
    case Kind::kCompare:
      Expression(node->As<ast::Compare>()->left);
      Expressions(node->As<ast::Compare>()->comparators);
      break;
    case Kind::kCall: {
      // compiler_call: the keywords are checked before anything is compiled.
      const auto* call = node->As<ast::Call>();
      if (RepeatedKeyword(call->keywords)) return;
      Expression(call->func);
      CallArguments(call->args, call->keywords);
      break;
    }
    case Kind::kFormattedValue: {
      const auto* formatted = node->As<ast::FormattedValue>();
      Expression(formatted->value);
      if (formatted->format_spec) Expression(formatted->format_spec);
      break;
    }
    case Kind::kJoinedStr:
      Expressions(node->As<ast::JoinedStr>()->values);
      break;
    case Kind::kAttribute: {
      const auto* attribute = node->As<ast::Attribute>();
      Expression(attribute->value);
      if (failed() || attribute->ctx != ast::ExprContext::kStore) break;
      // update_start_location_to_match_attr: a store to an attribute written over
      // several lines is located at the attribute's name.
      Location& location = unit().location;
      if (location.line != node->end_lineno) {
        location.line = node->end_lineno;
        int length = CodePoints(attribute->attr);
        location.col = length <= node->end_col_offset ? node->end_col_offset - length : -1;
      }
      Forbidden(attribute->attr, ast::ExprContext::kStore);
      break;
    }
    case Kind::kSubscript:
      Expression(node->As<ast::Subscript>()->value);
      Expression(node->As<ast::Subscript>()->slice);
      break;
    case Kind::kStarred:
      // Lists, tuples, sets, calls and `*args` annotations take their starred items
      // apart before this; anywhere else a starred expression is an error.
      if (node->As<ast::Starred>()->ctx == ast::ExprContext::kStore) {
        Error("starred assignment target must be in a list or tuple");
      } else {
        Error("can't use starred expression here");
      }
      break;
    case Kind::kName: {
      const auto* name = node->As<ast::Name>();
      Forbidden(name->id, name->ctx);
      break;
    }
    case Kind::kList: {
      const auto* list = node->As<ast::List>();
      Sequence(list->elts, list->ctx);
      break;
    }
    case Kind::kTuple: {
      const auto* tuple = node->As<ast::Tuple>();
      Sequence(tuple->elts, tuple->ctx);
      break;
    }
    case Kind::kSlice: {
      const auto* slice = node->As<ast::Slice>();
      if (slice->lower) Expression(slice->lower);
      if (slice->upper) Expression(slice->upper);
      if (slice->step) Expression(slice->step);
      break;
    }
    default:
      break;  // Constant
  }
}

// The items of a list, tuple or set display: a starred item's value is compiled.
void Checker::Elements(const NodeList& elements) {
  for (const Node* element : elements) {
    if (failed()) return;
    const auto* starred = element->As<ast::Starred>();
    Expression(starred ? starred->value : element);
  }
}

void Checker::Sequence(const NodeList& elements, ast::ExprContext context) {
  if (context == ast::ExprContext::kLoad) {
    Elements(elements);
    return;
  }
  if (context == ast::ExprContext::kDel) {
    Expressions(elements);
    return;
  }
  // unpack_helper, at the list's or tuple's location: UNPACK_EX takes the number of
  // targets before the star in 8 bits.
  bool seen_star = false;
  for (uint32_t i = 0; i < elements.size; ++i) {
    if (!elements[i]->As<ast::Starred>()) continue;
    if (seen_star) {
      Error("multiple starred expressions in assignment");
      return;
    }
    if (i >= (1u << 8) || elements.size - i - 1 >= static_cast<uint32_t>(INT_MAX >> 8)) {
      Error("too many expressions in star-unpacking assignment");
      return;
    }
    seen_star = true;
  }
  Elements(elements);
}

// validate_keywords: no keyword argument named __debug__ (at the call's location) or
// given twice (at the second one).
bool Checker::RepeatedKeyword(const NodeList& keywords) {
  for (uint32_t i = 0; i < keywords.size; ++i) {
    std::string_view name = keywords[i]->As<ast::Keyword>()->arg;
    if (name.data() == nullptr) continue;
    if (Forbidden(name, ast::ExprContext::kStore)) return true;
    for (uint32_t j = i + 1; j < keywords.size; ++j) {
      std::string_view other = keywords[j]->As<ast::Keyword>()->arg;
      if (other.data() != nullptr && other == name) {
        SetLocation(keywords[j]);
        Error(absl::StrCat("keyword argument repeated: ", std::string(name)));
        return true;
      }
    }
  }
  return false;
}

// compiler_call_helper: positional arguments, then keyword arguments.
void Checker::CallArguments(const NodeList& arguments, const NodeList& keywords) {
  if (RepeatedKeyword(keywords)) return;
  Elements(arguments);
  for (const Node* keyword : keywords) {
    if (failed()) return;
    Expression(keyword->As<ast::Keyword>()->value);
  }
}

// compiler_comprehension: the body in its own unit, then the outermost iterable in
// this one.
template <typename ComprehensionNode>
void Checker::Comprehension(const ComprehensionNode* node, ComprehensionType type,
                            const Node* element, const Node* value) {
  UnitKind outer = unit().kind;
  EnterUnit(UnitKind::kComprehension, node);
  SetLocation(node);
  // ste_coroutine: an async generator in it, an await in it, or an asynchronous
  // comprehension (not a generator expression) directly inside it.
  bool is_async = unit().scope && unit().scope->is_coroutine;
  if (is_async && type != ComprehensionType::kGenerator && outer != UnitKind::kAsyncFunction &&
      outer != UnitKind::kComprehension) {
    Error("asynchronous comprehension outside of an asynchronous function");
    ExitUnit();
    return;
  }
  ComprehensionGenerator(node->generators, 0, element, value);
  ExitUnit();
  if (failed()) return;
  Expression(node->generators[0]->template As<ast::Comprehension>()->iter);
}

void Checker::ComprehensionGenerator(const NodeList& generators, uint32_t index,
                                     const Node* element, const Node* value) {
  const auto* generator = generators[index]->As<ast::Comprehension>();
  if (index > 0) Expression(generator->iter);
  if (failed()) return;
  if (generator->is_async && !PushBlock({BlockKind::kAsyncComprehensionGenerator})) return;
  Expression(generator->target);
  Expressions(generator->ifs);
  if (index + 1 < generators.size) {
    ComprehensionGenerator(generators, index + 1, element, value);
  } else {
    Expression(element);
    if (value) Expression(value);
  }
  if (failed()) return;
  if (generator->is_async) PopBlock();
}

// ste_coroutine of the current def: an async def; or (a quirk of CPython's symtable) a
// def whose own scope awaits something or holds an asynchronous comprehension, which
// makes a generator an "async generator" for the return check.
bool Checker::IsCoroutine() {
  if (unit().kind == UnitKind::kAsyncFunction) return true;
  if (unit().kind != UnitKind::kFunction) return unit().scope && unit().scope->is_coroutine;
  auto it = awaits_.find(unit().node);
  if (it != awaits_.end()) return it->second;
  bool found = false;
  const NodeList* body = nullptr;
  if (const auto* function = unit().node->As<ast::FunctionDef>()) body = &function->body;
  if (body) {
    for (const Node* statement : *body) FindAwait(statement, &found);
  }
  awaits_[unit().node] = found;
  return found;
}

// An await in the scope `node` belongs to (not in nested functions, lambdas or
// classes, whose defaults, annotations, decorators and bases do belong to it).
void Checker::FindAwait(const Node* node, bool* found) {
  if (*found || node == nullptr) return;
  auto visit = [&](const Node* child) { FindAwait(child, found); };
  auto visit_list = [&](const NodeList& list) {
    for (const Node* child : list) visit(child);
  };
  switch (node->node_kind) {
    case Kind::kAwait:
      *found = true;
      return;
    case Kind::kFunctionDef: {
      const auto* function = node->As<ast::FunctionDef>();
      visit_list(function->decorator_list);
      visit(function->args);
      visit(function->returns);
      return;
    }
    case Kind::kAsyncFunctionDef: {
      const auto* function = node->As<ast::AsyncFunctionDef>();
      visit_list(function->decorator_list);
      visit(function->args);
      visit(function->returns);
      return;
    }
    case Kind::kLambda:
      visit(node->As<ast::Lambda>()->args);
      return;
    case Kind::kClassDef: {
      const auto* klass = node->As<ast::ClassDef>();
      visit_list(klass->bases);
      visit_list(klass->keywords);
      visit_list(klass->decorator_list);
      return;
    }
    case Kind::kListComp:
    case Kind::kSetComp:
    case Kind::kDictComp:
    case Kind::kGeneratorExp: {
      const Scope* scope = scopes_.ScopeOf(node);
      if (node->node_kind != Kind::kGeneratorExp && scope && scope->is_coroutine) *found = true;
      const NodeList* generators = nullptr;
      if (const auto* c = node->As<ast::ListComp>()) generators = &c->generators;
      if (const auto* c = node->As<ast::SetComp>()) generators = &c->generators;
      if (const auto* c = node->As<ast::DictComp>()) generators = &c->generators;
      if (const auto* c = node->As<ast::GeneratorExp>()) generators = &c->generators;
      visit((*generators)[0]->As<ast::Comprehension>()->iter);
      return;
    }
    default:
      ast::ForEachChild(const_cast<Node*>(node), visit);
      return;
  }
}

}  // namespace kiln::sema::syntax_checks_internal
