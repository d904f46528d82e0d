// Calls: f(a, k=v) through vectorcall, obj.m(...) without a bound method (as
// LOAD_METHOD), and calls with *args/**kwargs through a list and a dict.
#include "compiler/lower/lowerer.h"

namespace kiln::lower {

ValueId FunctionLowerer::Call(const ast::Call* node) {
  bool simple = true;
  for (Node* argument : node->args) simple = simple && !argument->As<ast::Starred>();
  for (Node* keyword : node->keywords) simple = simple && keyword->As<ast::Keyword>()->arg.data();
  if (const auto* name = node->func->As<ast::Name>();
      name && name->id == "super" && node->args.size == 0 && node->keywords.size == 0) {
    return ZeroArgSuper(node);
  }
  if (!simple) return CallWithLists(node);

  std::vector<std::string> keywords;
  for (Node* keyword : node->keywords) keywords.emplace_back(keyword->As<ast::Keyword>()->arg);
  ir::ValueList operands;
  Op op = Op::kCall;
  if (const auto* attribute = node->func->As<ast::Attribute>()) {
    // The method is looked up before the arguments are evaluated; a failed lookup is
    // reported at the attribute, as CPython does.
    ValueId object = Expr(attribute->value);
    ir::Instr& load = b_.Append(Op::kLoadMethod, {object}, attribute);
    load.name = Mangle(attribute->attr);
    operands.push_back(load.result());
    op = Op::kCallMethod;
  } else {
    operands.push_back(Expr(node->func));
  }
  for (Node* argument : node->args) operands.push_back(Expr(argument));
  for (Node* keyword : node->keywords) operands.push_back(Expr(keyword->As<ast::Keyword>()->value));
  ir::Instr& call = b_.Append(op, std::move(operands), node);
  call.number = node->args.size;
  call.keywords = std::move(keywords);
  return call.result();
}

// super() without arguments: __class__ (the cell, if the code has one) and the first
// argument, read from the frame when the call runs (kiln::ZeroArgSuper raises
// CPython's errors when either is missing).
ValueId FunctionLowerer::ZeroArgSuper(const ast::Call* node) {
  const ast::Arguments* arguments = ArgumentsOf(scope_->node);
  // co_argcount: *args alone does not count as a first argument.
  // A comprehension's function has one: the iterator (".0"), as in CPython.
  int argument_count = arguments ? arguments->posonlyargs.size + arguments->args.size
                                 : (scope_->is_comprehension ? 1 : 0);
  ValueId function = Expr(node->func);
  ir::Instr& instr = b_.Append(Op::kZeroArgSuper, {function}, node);
  if (function_->kind != ir::FunctionKind::kFunction) {
    // No __class__ cell and no arguments here: kiln::ZeroArgSuper raises CPython's error.
    instr.number = instr.extra = -1;
    return instr.result();
  }
  instr.number = SlotOf("__class__");
  instr.extra = argument_count > 0 && !scope_->parameters.empty() ? SlotOf(scope_->parameters[0]) : -1;
  instr.extra2 = argument_count > 0 ? 1 : 0;
  if (argument_count > 0 && !scope_->parameters.empty() &&
      scope_->Resolve(scope_->parameters[0]) == sema::NameScope::kCell) {
    instr.extra2 = 2;
  }
  return instr.result();
}

ValueId FunctionLowerer::CallWithLists(const ast::Call* node) {
  ValueId function = Expr(node->func);
  ValueId positional = b_.Value(Op::kNewList, {}, node);
  // CPython reports argument errors at the whole call.
  for (Node* argument : node->args) {
    if (const auto* starred = argument->As<ast::Starred>()) {
      b_.Append(Op::kExtendCallArgs, {positional, Expr(starred->value), function}, node);
    } else {
      b_.Append(Op::kListAppend, {positional, Expr(argument)}, node);
    }
  }
  ir::ValueList operands = {function, positional};
  if (node->keywords.size > 0) operands.push_back(KeywordDict(node->keywords, function, node, false));
  return b_.Value(Op::kCallWithLists, std::move(operands), node);
}

ValueId FunctionLowerer::KeywordDict(const ast::NodeList& keywords, ValueId function, const Node* site,
                                     bool at_keywords) {
  ir::Instr& make = b_.Append(Op::kNewDict, {}, site);
  make.number = 0;
  ValueId dict = make.result();
  for (Node* keyword_node : keywords) {
    const auto* keyword = keyword_node->As<ast::Keyword>();
    ValueId value = Expr(keyword->value);
    ir::ValueList operands = {dict, value};
    if (function != ir::kNoValue) operands.push_back(function);
    const Node* at = at_keywords ? keyword_node : site;
    if (keyword->arg.data() == nullptr) {
      b_.Append(Op::kMergeCallKwargs, std::move(operands), at);
    } else {
      b_.Append(Op::kAddCallKeyword, std::move(operands), at).name = std::string(keyword->arg);
    }
  }
  return dict;
}

}  // namespace kiln::lower
