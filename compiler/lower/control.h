// The non-local control contexts a statement can sit in, innermost last: what
// `break`, `continue`, `return` and errors leave. Each kind is a type of its own.
// References that a context holds (a for loop's iterator) are SSA values, so leaving
// it needs no code here: the reference-count pass releases what is no longer live.
// try/finally, except handlers and with blocks come with the constructs that need them.
#ifndef KILN_COMPILER_LOWER_CONTROL_H_
#define KILN_COMPILER_LOWER_CONTROL_H_

#include "compiler/ir/ir.h"

namespace kiln::lower {

class LoopContext;

class ControlContext {
 public:
  virtual ~ControlContext() = default;
  virtual const LoopContext* AsLoop() const { return nullptr; }
};

// A `for` or `while` loop.
class LoopContext : public ControlContext {
 public:
  LoopContext(ir::BlockId break_target, ir::BlockId continue_target)
      : break_target_(break_target), continue_target_(continue_target) {}
  ir::BlockId break_target() const { return break_target_; }
  ir::BlockId continue_target() const { return continue_target_; }
  const LoopContext* AsLoop() const override { return this; }

 private:
  ir::BlockId break_target_;
  ir::BlockId continue_target_;
};

}  // namespace kiln::lower

#endif  // KILN_COMPILER_LOWER_CONTROL_H_
