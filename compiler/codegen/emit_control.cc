// Emitters of terminators: jumps (with the target's parameters), branches, the
// iteration step, return and raise.
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "compiler/codegen/emitter.h"

namespace kiln::codegen {

void FunctionEmitter::EmitJump(const ir::Instr& instr) {
  const std::vector<ir::ValueId>& params = f_.blocks[instr.targets[0]].params;
  if (params.size() == 1) {
    Line(absl::StrCat(V(params[0]), " = ", V(instr.operands[0]), ";"));
  } else if (!params.empty()) {
    // All arguments are read before any parameter is written.
    std::string copies = "{ ";
    for (size_t i = 0; i < params.size(); ++i) {
      absl::StrAppend(&copies, "PyObject* a", i, " = ", V(instr.operands[i]), "; ");
    }
    for (size_t i = 0; i < params.size(); ++i) absl::StrAppend(&copies, V(params[i]), " = a", i, "; ");
    Line(copies + "}");
  }
  Goto(instr.targets[0]);
}

void FunctionEmitter::EmitBranch(const ir::Instr& instr) {
  std::string condition = V(instr.operands[0]);
  ir::BlockId if_true = instr.targets[0], if_false = instr.targets[1];
  if (if_true == next_block_) {
    labels_.insert(if_false);
    Line(absl::StrCat("if (!(", condition, ")) goto b", if_false, ";"));
  } else {
    labels_.insert(if_true);
    Line(absl::StrCat("if (", condition, ") goto b", if_true, ";"));
    Goto(if_false);
  }
}

void FunctionEmitter::EmitIterNext(const ir::Instr& instr) {
  labels_.insert(instr.targets[1]);
  Line(absl::StrCat("{ const int status = kiln::IterNext(", V(instr.operands[0]), ", &", Result(instr), ");"));
  Line(absl::StrCat("  if (status < 0) ", ErrorExit(instr)));
  Line(absl::StrCat("  if (status == 0) goto b", instr.targets[1], "; }"));
  Goto(instr.targets[0]);
}

void FunctionEmitter::EmitReturn(const ir::Instr& instr) {
  Line(absl::StrCat("retval = ", V(instr.operands[0]), ";"));
  Line("goto done;");
}

// Keeps the values live across the suspension in frame slots, moves the generator to
// its next resume point and returns to the resume loop; resuming there restores them.
void FunctionEmitter::SuspendAndReturn(const ir::Instr& instr, const std::string& returned,
                                       bool delegating) {
  // Each value takes one slot, a bound method two (callable, self or NULL); a C int is
  // a truth value (statuses are checked where they are made) and waits as a bool.
  std::string restores;
  int slot = saved_base_;
  for (ir::ValueId value : instr.saved) {
    const std::string& text = V(value);
    switch (f_.values[value].repr) {
      case ir::Repr::kMethod:
        Line(absl::StrCat("s[", slot, "] = ", text, "[0]; s[", slot + 1, "] = ", text, "[1];"));
        absl::StrAppend(&restores, "  ", text, "[0] = s[", slot, "]; ", text, "[1] = s[", slot + 1, "]; s[", slot,
                        "] = s[", slot + 1, "] = nullptr;\n");
        slot += 2;
        break;
      case ir::Repr::kCInt:
      case ir::Repr::kBool:
        Line(absl::StrCat("s[", slot, "] = Py_NewRef(", text, " ? Py_True : Py_False);"));
        absl::StrAppend(&restores, "  ", text, " = s[", slot, "] == Py_True; Py_CLEAR(s[", slot, "]);\n");
        ++slot;
        break;
      default:  // objects (int64 and double values are boxed before they get here)
        Line(absl::StrCat("s[", slot, "] = ", text, ";"));
        absl::StrAppend(&restores, "  ", text, " = s[", slot, "]; s[", slot, "] = nullptr;\n");
        ++slot;
        break;
    }
  }
  max_saved_ = std::max(max_saved_, static_cast<size_t>(slot - saved_base_));
  int state = ++resume_count_;
  Line(absl::StrCat("kiln::SetGeneratorState(&s[", state_slot_, "], ", state, ");"));
  const ast::Node* site = f_.sites[instr.site];
  Line(absl::StrCat("kf.Suspend(", site ? site->lineno : f_.line, ", ", delegating ? "true" : "false", ");"));
  Line(absl::StrCat("return ", returned, ";"));
  absl::StrAppend(&resume_code_, "resume_", state, ":\n", restores);
  labels_.insert(instr.targets[0]);
  absl::StrAppend(&resume_code_, "  goto b", instr.targets[0], ";\n");
}

void FunctionEmitter::EmitYield(const ir::Instr& instr) { SuspendAndReturn(instr, V(instr.operands[0]), false); }

void FunctionEmitter::EmitYieldFrom(const ir::Instr& instr) {
  // The delegate goes to the resume loop, which runs CPython's SEND loop with it.
  Line(absl::StrCat("s[", handoff_slot_, "] = ", V(instr.operands[0]), ";"));
  SuspendAndReturn(instr, "kiln::GeneratorDelegate()", true);
}

void FunctionEmitter::EmitGetYieldFromIter(const ir::Instr& instr) {
  NullCheck(instr, absl::StrCat("kiln::GetYieldFromIter(", V(instr.operands[0]), ")"));
}

void FunctionEmitter::EmitGetAwaitableIter(const ir::Instr& instr) {
  NullCheck(instr, absl::StrCat("kiln::GetAwaitableIter(", V(instr.operands[0]), ")"));
}

// Resumed with the value sent in, or NULL with the exception thrown in (throw(),
// close(), or raised by the delegate), raised here.
void FunctionEmitter::EmitResumed(const ir::Instr& instr) {
  Line(absl::StrCat("if (!sent) ", ErrorExit(instr)));
  if (!unused_result_) Line(absl::StrCat(Result(instr), " = Py_NewRef(sent);"));
}

void FunctionEmitter::EmitRaise(const ir::Instr& instr) {
  AlwaysRaise(instr, absl::StrCat("kiln::Raise(", V(instr.operands[0]), ", ",
                                  instr.operands.size() > 1 ? V(instr.operands[1]) : "nullptr", ")"),
              /*add_traceback=*/true);
}

void FunctionEmitter::EmitReRaise(const ir::Instr& instr) {
  AlwaysRaise(instr, "kiln::ReRaise()", /*add_traceback=*/false);
}

void FunctionEmitter::EmitRaisePending(const ir::Instr& instr) {
  AlwaysRaise(instr, absl::StrCat("kiln::RestoreException(", V(instr.operands[0]), ")"),
              /*add_traceback=*/false);
}

void FunctionEmitter::EmitUnwind(const ir::Instr& instr) {
  AlwaysRaise(instr, "(void)0", /*add_traceback=*/false);
}

// (the entered value or __aenter__'s awaitable, the bound exit method) = enter(manager).
void FunctionEmitter::EnterManager(const ir::Instr& instr, const char* enter) {
  Line(absl::StrCat("{ PyObject* exit = nullptr;"));
  NullCheck(instr, absl::StrCat(enter, "(", V(instr.operands[0]), ", &exit)"));
  Line(absl::StrCat(V(instr.results[1]), " = exit; }"));
}

void FunctionEmitter::EmitEnterContext(const ir::Instr& instr) { EnterManager(instr, "kiln::EnterContext"); }

void FunctionEmitter::EmitAsyncEnterContext(const ir::Instr& instr) {
  EnterManager(instr, "kiln::AsyncEnterContext");
}

void FunctionEmitter::EmitAsyncExitAwaitable(const ir::Instr& instr) {
  NullCheck(instr, absl::StrCat("kiln::AsyncExitAwaitable(", V(instr.operands[0]), ", ",
                                instr.operands.size() > 1 ? V(instr.operands[1]) : "nullptr", ")"));
}

void FunctionEmitter::EmitGetAsyncIter(const ir::Instr& instr) {
  NullCheck(instr, absl::StrCat("kiln::GetAsyncIter(", V(instr.operands[0]), ")"));
}

void FunctionEmitter::EmitAsyncNextAwaitable(const ir::Instr& instr) {
  NullCheck(instr, absl::StrCat("kiln::AsyncNextAwaitable(", V(instr.operands[0]), ")"));
}

// END_ASYNC_FOR: StopAsyncIteration ends the loop; anything else stays pending.
void FunctionEmitter::EmitEndAsyncFor(const ir::Instr& instr) {
  Line(absl::StrCat(Result(instr), " = PyErr_ExceptionMatches(PyExc_StopAsyncIteration);"));
  Line(absl::StrCat("if (", Result(instr), ") PyErr_Clear();"));
}

void FunctionEmitter::EmitCallExit(const ir::Instr& instr) {
  NullCheck(instr, absl::StrCat("kiln::CallExit(", V(instr.operands[0]), ", nullptr)"));
}

void FunctionEmitter::EmitExitWithException(const ir::Instr& instr) {
  Line(absl::StrCat(Result(instr), " = kiln::ExitWithException(", V(instr.operands[0]), ");"));
  std::string hoisted = Hoisted();
  if (!hoisted.empty()) Line(hoisted);
  Line(absl::StrCat("if (", Result(instr), " < 0) ", ErrorExit(instr)));
}

void FunctionEmitter::EmitCatchException(const ir::Instr& instr) {
  Line(absl::StrCat(Result(instr), " = kiln::FetchException();"));
}

void FunctionEmitter::EmitSaveHandled(const ir::Instr& instr) {
  Line(absl::StrCat(Result(instr), " = kiln::SaveHandled();"));
}

void FunctionEmitter::EmitSetHandled(const ir::Instr& instr) {
  Line(absl::StrCat("PyErr_SetHandledException(", V(instr.operands[0]), ");"));
}

void FunctionEmitter::EmitExceptionMatches(const ir::Instr& instr) {
  Line(absl::StrCat(Result(instr), " = kiln::ExceptionMatches(", Args(instr.operands), ");"));
  std::string hoisted = Hoisted();
  if (!hoisted.empty()) Line(hoisted);
  Line(absl::StrCat("if (", Result(instr), " < 0) ", ErrorExit(instr)));
}

// except*: the next clause's part of what is left. Both operands are taken over, on
// failure too (kiln::ExceptStarMatch leaves *rest as it was then).
void FunctionEmitter::EmitExceptStarMatch(const ir::Instr& instr) {
  const std::string& type = V(instr.operands[1]);
  Line(absl::StrCat("{ PyObject* rest = ", V(instr.operands[0]), "; PyObject* match = nullptr;"));
  Line(absl::StrCat("  const int status = kiln::ExceptStarMatch(&rest, ", type, ", &match); Py_DECREF(", type,
                    ");"));
  std::string hoisted = Hoisted();
  if (!hoisted.empty()) Line("  " + hoisted);
  Line(absl::StrCat("  if (status < 0) ", ErrorExit(instr, "Py_DECREF(rest);")));
  Line(absl::StrCat("  ", V(instr.results[0]), " = match ? match : Py_NewRef(Py_None); ", V(instr.results[1]),
                    " = rest; }"));
}

// The end of a try/except*: what the handlers raised and the unmatched rest (stolen by
// kiln::ExceptStarResult), combined; the caught exception and the list released.
void FunctionEmitter::EmitExceptStarResult(const ir::Instr& instr) {
  Line(absl::StrCat(Result(instr), " = kiln::ExceptStarResult(", Args(instr.operands), "); Py_DECREF(",
                    V(instr.operands[0]), "); Py_DECREF(", V(instr.operands[1]), ");"));
  std::string hoisted = Hoisted();
  if (!hoisted.empty()) Line(hoisted);
  Line(absl::StrCat("if (!", Result(instr), ") ", ErrorExit(instr)));
}

void FunctionEmitter::EmitRaiseAssertion(const ir::Instr& instr) {
  AlwaysRaise(instr, absl::StrCat("kiln::RaiseAssertion(", instr.operands.empty() ? "nullptr" : V(instr.operands[0]),
                                  ")"),
              /*add_traceback=*/true);
}

}  // namespace kiln::codegen
