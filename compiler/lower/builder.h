// The one builder every lowering file appends Kiln IR through: it keeps the block
// being filled and the handler that errors of new instructions go to, and gives each
// instruction the results its op table entry says.
//
//   Builder b(&function);
//   ir::ValueId one = b.Constant(value);
//   ir::ValueId sum = b.Value(ir::Op::kBinary, {x, one}, node);   // site: node
//   b.Jump(done, {sum});
//
// After a terminator, what is appended goes to a new block that nothing reaches (code
// after `return`); dead-code removal deletes it.
#ifndef KILN_COMPILER_LOWER_BUILDER_H_
#define KILN_COMPILER_LOWER_BUILDER_H_

#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/ir/ir.h"

namespace kiln::lower {

class Builder {
 public:
  explicit Builder(ir::Function* function) : function_(function) {
    current_ = function_->NewBlock();
  }

  ir::Function& function() { return *function_; }
  ir::BlockId NewBlock() { return function_->NewBlock(); }
  ir::BlockId current() const { return current_; }
  void SetBlock(ir::BlockId block) { current_ = block; }
  bool Terminated() const;

  // Appends `op` (with results made from its op table entry; `results` for kMulti) and
  // returns it; the reference is valid until the next append.
  ir::Instr& Append(ir::Op op, const ir::ValueList& operands = {},
                    const ast::Node* site = nullptr, int results = 1);
  // Appends `op` and returns its (first) result.
  ir::ValueId Value(ir::Op op, const ir::ValueList& operands = {},
                    const ast::Node* site = nullptr) {
    return Append(op, operands, site).result();
  }

  ir::ValueId Constant(const ast::ConstantValue& value);
  ir::ValueId None();
  ir::ValueId Text(std::string_view utf8);  // a str constant (the text must outlive the IR)
  ir::ValueId Name(std::string_view utf8);  // an interned str constant (an identifier)
  // Jumps to `target` unless the current block has ended already.
  void JumpIfOpen(ir::BlockId target) {
    if (!Terminated()) Jump(target);
  }
  void Jump(ir::BlockId target, const ir::ValueList& arguments = {});
  void Branch(ir::ValueId condition, ir::BlockId if_true, ir::BlockId if_false);
  void SetSite(const ast::Node* node);

  // Where errors of the instructions appended from now on go.
  ir::BlockId handler() const { return handler_; }
  void set_handler(ir::BlockId handler) { handler_ = handler; }

 private:
  ir::Function* function_;
  ir::BlockId current_ = ir::kNoBlock;
  ir::BlockId handler_ = ir::kNoBlock;
};

}  // namespace kiln::lower

#endif  // KILN_COMPILER_LOWER_BUILDER_H_
