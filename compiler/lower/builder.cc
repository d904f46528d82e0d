#include "compiler/lower/builder.h"

namespace kiln::lower {

bool Builder::Terminated() const {
  const ir::Block& block = function_->blocks[current_];
  return !block.instrs.empty() && block.terminator().info().terminator;
}

ir::Instr& Builder::Append(ir::Op op, const ir::ValueList& operands, const ast::Node* site,
                           int results) {
  if (Terminated()) current_ = function_->NewBlock();
  const int site_index = function_->Site(site);
  const ir::OpInfo& info = ir::InfoOf(op);
  int count = info.result == ir::ResultKind::kVoid    ? 0
              : info.result == ir::ResultKind::kMulti ? results
                                                      : 1;
  ir::Repr repr = info.result == ir::ResultKind::kCInt     ? ir::Repr::kCInt
                  : info.result == ir::ResultKind::kMethod ? ir::Repr::kMethod
                                                           : ir::Repr::kObject;
  bool owned = info.result == ir::ResultKind::kNew || info.result == ir::ResultKind::kMethod ||
               info.result == ir::ResultKind::kMulti;
  ir::ValueList made;
  for (int i = 0; i < count; ++i) made.push_back(function_->NewValue(repr, owned));
  if (op == ir::Op::kSaveHandled) function_->values[made[0]].maybe_null = true;
  // Made in place: an Instr is large.
  std::vector<ir::Instr>& instrs = function_->blocks[current_].instrs;
  if (instrs.capacity() == 0) instrs.reserve(8);
  ir::Instr& instr = instrs.emplace_back();
  instr.op = op;
  instr.operands = operands;
  instr.results = std::move(made);
  instr.site = site_index;
  instr.handler = handler_;
  return instr;
}

ir::ValueId Builder::Constant(const ast::ConstantValue& value) {
  ir::Instr& instr = Append(ir::Op::kConstant);
  instr.constant = value;
  return instr.result();
}

ir::ValueId Builder::None() { return Constant(ast::ConstantValue{}); }

ir::ValueId Builder::Text(std::string_view utf8) {
  ast::ConstantValue value;
  value.type = ast::ConstantValue::Type::kStr;
  value.text = utf8;
  return Constant(value);
}

ir::ValueId Builder::Name(std::string_view utf8) {
  ast::ConstantValue value;
  value.type = ast::ConstantValue::Type::kStr;
  value.text = utf8;
  ir::Instr& instr = Append(ir::Op::kConstant);
  instr.constant = value;
  instr.extra = 1;  // interned
  return instr.result();
}

void Builder::Jump(ir::BlockId target, const ir::ValueList& arguments) {
  Append(ir::Op::kJump, arguments).targets = {target};
}

void Builder::Branch(ir::ValueId condition, ir::BlockId if_true, ir::BlockId if_false) {
  Append(ir::Op::kBranch, {condition}).targets = {if_true, if_false};
}

void Builder::SetSite(const ast::Node* node) {
  ir::Instr& instr = Append(ir::Op::kSetSite);
  instr.number = function_->Site(node);
}

}  // namespace kiln::lower
