// The non-local control contexts a statement can sit in, innermost last: what
// `break`, `continue`, `return` and errors leave. Each kind is a type of its own.
// References that a context holds (a for loop's iterator) are SSA values, so leaving
// it needs no code here: the reference-count pass releases what is no longer live.
// try/finally, except handlers and with blocks come with the constructs that need them.
#ifndef KILN_COMPILER_LOWER_CONTROL_H_
#define KILN_COMPILER_LOWER_CONTROL_H_

#include <string>

#include "compiler/ast/ast.h"
#include "compiler/ir/ir.h"

namespace kiln::lower {

class Builder;
class FunctionLowerer;
class LoopContext;

class ControlContext {
 public:
  explicit ControlContext(ir::BlockId outer_handler) : outer_handler_(outer_handler) {}
  virtual ~ControlContext() = default;
  virtual const LoopContext* AsLoop() const { return nullptr; }
  virtual bool is_star() const { return false; }  // an except* clause's body
  // What leaving the context by break, continue or return does, appended at the jump;
  // errors in it go to outer_handler().
  virtual void Leave(FunctionLowerer& lowerer, Builder& b) const {}
  ir::BlockId outer_handler() const { return outer_handler_; }

 private:
  ir::BlockId outer_handler_;
};

// A `for` or `while` loop.
class LoopContext : public ControlContext {
 public:
  LoopContext(ir::BlockId outer_handler, ir::BlockId break_target, ir::BlockId continue_target)
      : ControlContext(outer_handler), break_target_(break_target), continue_target_(continue_target) {}
  ir::BlockId break_target() const { return break_target_; }
  ir::BlockId continue_target() const { return continue_target_; }
  const LoopContext* AsLoop() const override { return this; }

 private:
  ir::BlockId break_target_;
  ir::BlockId continue_target_;
};

// A with block: leaving it calls __exit__(None, None, None) (async with: awaits
// __aexit__(None, None, None)).
class WithContext : public ControlContext {
 public:
  WithContext(ir::BlockId outer_handler, ir::ValueId exit, const ast::Node* node, bool is_async)
      : ControlContext(outer_handler), exit_(exit), node_(node), is_async_(is_async) {}
  void Leave(FunctionLowerer& lowerer, Builder& b) const override;

 private:
  ir::ValueId exit_;
  const ast::Node* node_;
  bool is_async_;
};

// The body of a try with a finally clause: leaving it runs the final body.
class FinallyContext : public ControlContext {
 public:
  FinallyContext(ir::BlockId outer_handler, const ast::NodeList* final_body)
      : ControlContext(outer_handler), final_body_(final_body) {}
  void Leave(FunctionLowerer& lowerer, Builder& b) const override;

 private:
  const ast::NodeList* final_body_;
};

// The body of an except clause: leaving it restores the previously handled exception
// and unbinds the clause's name. An except* clause cannot be left by break, continue or
// return (a SyntaxError).
class HandlerContext : public ControlContext {
 public:
  HandlerContext(ir::BlockId outer_handler, ir::ValueId previous, std::string name, const ast::Node* node,
                 bool star = false)
      : ControlContext(outer_handler), previous_(previous), name_(std::move(name)), node_(node), star_(star) {}
  void Leave(FunctionLowerer& lowerer, Builder& b) const override;
  bool is_star() const override { return star_; }

 private:
  ir::ValueId previous_;
  std::string name_;
  const ast::Node* node_;
  bool star_;
};

}  // namespace kiln::lower

#endif  // KILN_COMPILER_LOWER_CONTROL_H_
