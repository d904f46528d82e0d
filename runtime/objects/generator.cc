// Built with Py_BUILD_CORE (as frame.cc): a compiled generator is CPython's own
// generator object, whose frame this file sets up and whose resume loop it writes.
#define Py_BUILD_CORE 1
#define NEEDS_PY_IDENTIFIER 1  // the `async with` helpers below
#include "runtime/objects/generator.h"

#include <cstddef>

#include "internal/pycore_frame.h"
#include "internal/pycore_genobject.h"
#include "runtime/objects/bytecode.h"
#include "runtime/objects/frame.h"
#include "runtime/ops/ops.h"

// Internal to CPython (pycore_ceval.h, which C++ cannot include): makes the generator,
// coroutine or async generator object of a function, with an empty frame.
extern "C" PyObject* _Py_MakeCoro(PyFunctionObject* function);
// The recursion check of the interpreter's frame entry (pycore_ceval.h too).
extern "C" int _Py_CheckRecursiveCall(PyThreadState* thread, const char* where);

namespace kiln {
namespace {

_PyInterpreterFrame* FrameOf(PyObject* generator) {
  return reinterpret_cast<_PyInterpreterFrame*>(reinterpret_cast<PyGenObject*>(generator)->gi_iframe);
}

// The compiled body of the running generator frame (a capsule among its constants).
GeneratorResume ResumeOf(_PyInterpreterFrame* frame) {
  PyObject* constants = frame->f_code->co_consts;
  PyObject* capsule = PyTuple_GET_SIZE(constants) > 3 ? PyTuple_GET_ITEM(constants, 3) : nullptr;
  if (capsule == nullptr || !PyCapsule_CheckExact(capsule)) return nullptr;
  return reinterpret_cast<GeneratorResume>(PyCapsule_GetPointer(capsule, nullptr));
}

PyObject* Resume(_PyInterpreterFrame* frame, PyObject* sent) {
  GeneratorResume resume = ResumeOf(frame);
  if (resume == nullptr) {
    PyErr_Clear();
    PyErr_SetString(PyExc_SystemError, "this code's constants hold no compiled generator body");
    return nullptr;
  }
  return resume(frame->localsplus, reinterpret_cast<PyObject*>(frame->f_func),
                reinterpret_cast<PyObject*>(frame->f_code), sent);
}

// The builtins the resume loop calls; the thread's current frame is the generator's.
PyObject* ResumeBuiltin(PyObject*, PyObject* sent) {
  return Resume(PyThreadState_Get()->cframe->current_frame, sent);
}

// An exception thrown in at a YIELD_VALUE (throw(), close()) or raised by the delegate
// of a SEND: the interpreter has added this frame's traceback entry at its resume loop;
// the compiled body adds its own at the yield, so that one is taken off first.
PyObject* ThrowBuiltin(PyObject*, PyObject* exception) {
  _PyInterpreterFrame* frame = PyThreadState_Get()->cframe->current_frame;
  PyObject* traceback = PyException_GetTraceback(exception);
  TakeCurrentFrameEntry(exception, &traceback);
  PyErr_Restore(Py_NewRef(reinterpret_cast<PyObject*>(Py_TYPE(exception))), Py_NewRef(exception),
                traceback);
  return Resume(frame, nullptr);
}

// The delegate or the return value the compiled body left in the hand-over slot.
PyObject* TakeHandOver(_PyInterpreterFrame* frame) {
  PyObject** slot = &frame->localsplus[frame->f_code->co_nlocalsplus];
  PyObject* value = *slot;
  *slot = nullptr;
  if (value == nullptr) PyErr_SetString(PyExc_SystemError, "compiled generator handed over nothing");
  return value;
}

PyObject* TakeBuiltin(PyObject*, PyObject*) {
  return TakeHandOver(PyThreadState_Get()->cframe->current_frame);
}

PyMethodDef kResumeDef = {"_kiln_resume", ResumeBuiltin, METH_O, "Runs a compiled generator body."};
PyMethodDef kThrowDef = {"_kiln_throw", ThrowBuiltin, METH_O, "Raises into a compiled generator body."};
PyMethodDef kTakeDef = {"_kiln_take", TakeBuiltin, METH_NOARGS, "Takes a compiled generator's hand-over."};

// Constant indices of the resume loop (MakeCode puts GeneratorBodyConstants() from
// index 4 on).
enum : int { kConstNone = 0, kConstResume = 4, kConstDelegate = 5, kConstReturn = 6,
             kConstTake = 7, kConstThrow = 8 };

// CPython's exception table encoding (Objects/exception_handling_notes.txt): 6-bit
// groups, most significant first, bit 6 continues, bit 7 starts an entry.
void TableItem(std::string* table, int value, int start_bit) {
  for (int shift = 24; shift > 0; shift -= 6) {
    if (value >= (1 << shift)) {
      table->push_back(static_cast<char>(((value >> shift) & 0x3f) | 0x40 | start_bit));
      start_bit = 0;
    }
  }
  table->push_back(static_cast<char>((value & 0x3f) | start_bit));
}

void TableEntry(std::string* table, int start, int end, int target, int depth) {
  TableItem(table, start, 0x80);
  TableItem(table, end - start, 0);
  TableItem(table, target, 0);
  TableItem(table, depth << 1, 0);
}

}  // namespace

namespace {

// Where the resume loop's units are, from its first unit (see AppendGeneratorBody).
struct LoopLayout {
  int length = 0;    // units
  int dispatch = 0;  // the unit after the CALL of the compiled resume (and its caches)
  int yield = 0;     // the YIELD_VALUE of the body's own yields
  int send = 0;      // the SEND of a delegate (its YIELD_VALUE follows)
};

void WriteGeneratorBody(std::string* bytecode, std::string* exception_table, bool async_generator,
                        int stack_base, LoopLayout* layout) {
  using bytecode::CallNoArgs;
  using bytecode::CallOneArg;
  using bytecode::Unit;
  std::string& c = *bytecode;
  auto here = [&]() { return static_cast<int>(c.size() / 2); };
  Unit(&c, bytecode::kNop);  // where a new generator's frame stands (the def line)
  const int loop = here();
  CallOneArg(&c, kConstResume);
  const int dispatch = here();
  Unit(&c, bytecode::kCopy, 1);
  Unit(&c, bytecode::kLoadConst, kConstDelegate);
  Unit(&c, bytecode::kIsOp, 0);
  const int to_delegate = here();
  Unit(&c, bytecode::kPopJumpForwardIfTrue, 0);  // patched below
  Unit(&c, bytecode::kCopy, 1);
  Unit(&c, bytecode::kLoadConst, kConstReturn);
  Unit(&c, bytecode::kIsOp, 0);
  const int to_return = here();
  Unit(&c, bytecode::kPopJumpForwardIfTrue, 0);  // patched below
  if (async_generator) Unit(&c, bytecode::kAsyncGenWrap);
  const int yield = here();
  Unit(&c, bytecode::kYieldValue);
  Unit(&c, bytecode::kResume, 1);
  Unit(&c, bytecode::kJumpBackward, here() + 1 - loop);
  const int delegate = here();
  Unit(&c, bytecode::kPopTop);
  CallNoArgs(&c, kConstTake);
  Unit(&c, bytecode::kLoadConst, kConstNone);
  const int send = here();
  Unit(&c, bytecode::kSend, 3);
  Unit(&c, bytecode::kYieldValue);
  Unit(&c, bytecode::kResume, 2);
  Unit(&c, bytecode::kJumpBackwardNoInterrupt, here() + 1 - send);
  const int exit = here();
  Unit(&c, bytecode::kJumpBackward, here() + 1 - loop);
  const int returned = here();
  Unit(&c, bytecode::kPopTop);
  CallNoArgs(&c, kConstTake);
  Unit(&c, bytecode::kReturnValue);
  const int handler = here();
  CallOneArg(&c, kConstThrow);
  Unit(&c, bytecode::kJumpBackward, here() + 1 - dispatch);
  c[2 * to_delegate + 1] = static_cast<char>(delegate - (to_delegate + 1));
  c[2 * to_return + 1] = static_cast<char>(returned - (to_return + 1));
  // Exceptions thrown in at either YIELD_VALUE (or at the RESUME and jump after it), or
  // raised by the delegate in SEND, go to the compiled body.
  TableEntry(exception_table, yield, yield + 3, handler, stack_base);
  TableEntry(exception_table, send, exit + 1, handler, stack_base);
  if (layout != nullptr) {
    layout->length = here();
    layout->dispatch = dispatch;
    layout->yield = yield;
    layout->send = send;
  }
}

}  // namespace

void AppendGeneratorBody(std::string* bytecode, std::string* exception_table,
                         bool async_generator, int stack_base) {
  WriteGeneratorBody(bytecode, exception_table, async_generator, stack_base, nullptr);
}

namespace {

const LoopLayout& Layout(bool async_generator) {
  static const LoopLayout layouts[2] = {
      [] { std::string b, t; LoopLayout l; WriteGeneratorBody(&b, &t, false, 0, &l); return l; }(),
      [] { std::string b, t; LoopLayout l; WriteGeneratorBody(&b, &t, true, 0, &l); return l; }(),
  };
  return layouts[async_generator ? 1 : 0];
}

// The resume loop is the end of the code: its first unit is this far from the end.
_Py_CODEUNIT* GeneratorLoopStart(PyCodeObject* code) {
  const int units = static_cast<int>(_PyCode_NBYTES(code) / sizeof(_Py_CODEUNIT));
  return _PyCode_CODE(code) + units - Layout(code->co_flags & CO_ASYNC_GENERATOR).length;
}

}  // namespace

namespace {

PyObject* DelegateMarker() {
  static PyObject* marker = PyCapsule_New(reinterpret_cast<void*>(&DelegateMarker), "kiln.delegate", nullptr);
  return marker;
}

PyObject* ReturnMarker() {
  static PyObject* marker = PyCapsule_New(reinterpret_cast<void*>(&ReturnMarker), "kiln.return", nullptr);
  return marker;
}

}  // namespace

PyObject* GeneratorDelegate() { return Py_NewRef(DelegateMarker()); }
PyObject* GeneratorReturn() { return Py_NewRef(ReturnMarker()); }

PyObject* GeneratorBodyConstants() {
  static PyObject* constants = [] {
    PyObject* resume = PyCFunction_New(&kResumeDef, nullptr);
    PyObject* take = PyCFunction_New(&kTakeDef, nullptr);
    PyObject* throw_function = PyCFunction_New(&kThrowDef, nullptr);
    PyObject* tuple = resume && take && throw_function && DelegateMarker() && ReturnMarker()
                          ? PyTuple_Pack(5, resume, DelegateMarker(), ReturnMarker(), take,
                                         throw_function)
                          : nullptr;
    Py_XDECREF(resume);
    Py_XDECREF(take);
    Py_XDECREF(throw_function);
    return tuple;
  }();
  return constants;
}

namespace {

// A step of a compiled generator taken straight from compiled code, without the
// interpreter: what gen_send_ex2 and the eval loop do with the resume loop
// (AppendGeneratorBody) — the frame entry, the CALL of the compiled body, the SEND loop
// of a delegate, YIELD_VALUE, RETURN_VALUE and the error exit — done here in C. The
// frame is left in the state the resume loop would leave it in, so CPython resumes it
// later (next(), send(), throw(), close()) as if it had run every step itself.

enum class Entry { kNone, kBody, kDelegate };

constexpr unsigned int kGenericStepInterval = 128;

// How `gen` (a generator or coroutine) can take a plain step: its code is Kiln's (the
// resume loop's constants), it is created or suspended at a YIELD_VALUE of the resume
// loop (the body's own, kBody, or the SEND loop's, kDelegate), and nothing watches
// frames (tracing, profiling, a PEP 523 frame evaluator). *resume gets the compiled body.
Entry DirectEntry(PyGenObject* gen, PyThreadState* thread, GeneratorResume* resume) {
  const int state = gen->gi_frame_state;
  if (state != FRAME_CREATED && state != FRAME_SUSPENDED) return Entry::kNone;
  if (thread->cframe->use_tracing) return Entry::kNone;
  _PyInterpreterFrame* frame = reinterpret_cast<_PyInterpreterFrame*>(gen->gi_iframe);
  PyCodeObject* code = frame->f_code;
  if (code->co_flags & CO_ASYNC_GENERATOR) return Entry::kNone;
  PyObject* constants = code->co_consts;
  if (PyTuple_GET_SIZE(constants) <= kConstThrow ||
      PyTuple_GET_ITEM(constants, kConstResume) != PyTuple_GET_ITEM(GeneratorBodyConstants(), 0)) {
    return Entry::kNone;
  }
  Entry entry = Entry::kBody;
  if (state == FRAME_SUSPENDED) {
    const LoopLayout& layout = Layout(false);
    _Py_CODEUNIT* start = GeneratorLoopStart(code);
    if (frame->prev_instr == start + layout.send + 1) {
      entry = Entry::kDelegate;
    } else if (frame->prev_instr != start + layout.yield) {
      return Entry::kNone;
    }
  }
  if (_PyInterpreterState_GetEvalFrameFunc(thread->interp) != _PyEval_EvalFrameDefault) {
    return Entry::kNone;
  }
  PyObject* capsule = PyTuple_GET_ITEM(constants, 3);
  if (!PyCapsule_CheckExact(capsule) || PyCapsule_GetName(capsule) != nullptr) return Entry::kNone;
  *resume = reinterpret_cast<GeneratorResume>(PyCapsule_GetPointer(capsule, nullptr));
  return *resume != nullptr ? entry : Entry::kNone;
}

// The interpreter's entry into a frame counts one level of recursion.
inline bool EnterRecursion(PyThreadState* thread) {
  return thread->recursion_remaining-- <= 0 && _Py_CheckRecursiveCall(thread, "") != 0;
}

// The end of a step: the eval loop's exit from the frame (it leaves the frame chain,
// the recursion level is given back) and gen_send_ex2's (the generator gives back the
// exception state it pushed).
inline void LeaveStep(PyGenObject* gen, _PyInterpreterFrame* frame, PyThreadState* thread) {
  thread->cframe->current_frame = frame->previous;
  ++thread->recursion_remaining;
  thread->exc_info = gen->gi_exc_state.previous_item;
  gen->gi_exc_state.previous_item = nullptr;
  frame->previous = nullptr;
}

// YIELD_VALUE at `instruction`: the generator is suspended there and yields `value`.
inline int SuspendAt(PyGenObject* gen, _PyInterpreterFrame* frame, PyThreadState* thread,
                     _Py_CODEUNIT* instruction, PyObject* value, PyObject** result) {
  frame->prev_instr = instruction;
  gen->gi_frame_state = FRAME_SUSPENDED;
  LeaveStep(gen, frame, thread);
  *result = value;
  return PYGEN_NEXT;
}

// gen_send_ex2 after a generator's frame returned (`value`) or raised (NULL): PEP 479 (a
// StopIteration leaving the body becomes RuntimeError), then the generator is finished
// for good and its frame released.
int FinishGenerator(PyGenObject* gen, PyObject* value) {
  if (value == nullptr && PyErr_ExceptionMatches(PyExc_StopIteration)) {
    _PyErr_FormatFromCause(PyExc_RuntimeError, "%s",
                           PyCoro_CheckExact(gen) ? "coroutine raised StopIteration"
                                                  : "generator raised StopIteration");
  }
  Py_CLEAR(gen->gi_exc_state.exc_value);
  gen->gi_frame_state = FRAME_CLEARED;
  _PyFrame_Clear(reinterpret_cast<_PyInterpreterFrame*>(gen->gi_iframe));
  return value != nullptr ? PYGEN_RETURN : PYGEN_ERROR;
}

}  // namespace

int StepGenerator(PyObject* generator, PyObject* sent, PyObject** result) {
  // Compiled code does not look at the eval breaker (signal handlers, a thread asking
  // for the GIL, pending calls): the interpreter does, at the RESUME after a generator's
  // YIELD_VALUE. So one step in kGenericStepInterval is left to it.
  static unsigned int steps = 0;
  if (++steps % kGenericStepInterval == 0) return kNotStepped;
  PyGenObject* gen = reinterpret_cast<PyGenObject*>(generator);
  PyThreadState* thread = PyThreadState_Get();
  GeneratorResume resume = nullptr;
  const Entry entry = DirectEntry(gen, thread, &resume);
  // A just-started generator takes only None (the generic path raises the TypeError).
  if (entry == Entry::kNone || (gen->gi_frame_state == FRAME_CREATED && sent != Py_None)) {
    return kNotStepped;
  }
  *result = nullptr;
  _PyInterpreterFrame* frame = reinterpret_cast<_PyInterpreterFrame*>(gen->gi_iframe);
  PyCodeObject* code = frame->f_code;
  _PyCFrame* cframe = thread->cframe;
  // gen_send_ex2: the frame returns to this caller, the generator's exception state is
  // the thread's innermost while it runs.
  frame->previous = cframe->current_frame;
  gen->gi_exc_state.previous_item = thread->exc_info;
  thread->exc_info = &gen->gi_exc_state;
  gen->gi_frame_state = FRAME_EXECUTING;
  if (EnterRecursion(thread)) {
    // As when the interpreter's entry fails: the generator ends with the RecursionError
    // (the check has given the level back already; LeaveStep gives it once more).
    --thread->recursion_remaining;
    LeaveStep(gen, frame, thread);
    return FinishGenerator(gen, nullptr);
  }
  // The eval loop's entry: the frame is the thread's current one.
  cframe->current_frame = frame;
  PyObject* const function = reinterpret_cast<PyObject*>(frame->f_func);
  PyObject* const code_object = reinterpret_cast<PyObject*>(code);
  const LoopLayout& layout = Layout(false);
  _Py_CODEUNIT* const start = GeneratorLoopStart(code);
  bool delegating = entry == Entry::kDelegate;
  // Where the SEND loop keeps the delegate (the frame's stack above the temporaries).
  PyObject** const stack_base = frame->localsplus + frame->stacktop - (delegating ? 1 : 0);
  PyObject* value = delegating ? nullptr : resume(frame->localsplus, function, code_object, sent);
  for (;;) {
    if (!delegating && value == DelegateMarker()) {
      // `yield from` / `await`: the delegate in the hand-over slot goes on the frame's
      // stack, where the SEND loop (and gi_yieldfrom, throw(), close()) keep it.
      Py_DECREF(value);
      value = TakeHandOver(frame);
      if (value == nullptr) break;
      *stack_base = value;
      frame->stacktop = static_cast<int>(stack_base + 1 - frame->localsplus);
      sent = Py_None;
      delegating = true;
    }
    if (delegating) {
      // SEND: one step of the delegate (directly when it is compiled too).
      delegating = false;
      PyObject* receiver = *stack_base;
      frame->prev_instr = start + layout.send;
      PyObject* delegated = nullptr;
      int status = PyGen_CheckExact(receiver) || PyCoro_CheckExact(receiver)
                       ? StepGenerator(receiver, sent, &delegated)
                       : kNotStepped;
      if (status == kNotStepped) status = PyIter_Send(receiver, sent, &delegated);
      if (status == PYGEN_NEXT) {  // the SEND loop's YIELD_VALUE
        return SuspendAt(gen, frame, thread, start + layout.send + 1, delegated, result);
      }
      frame->stacktop = static_cast<int>(stack_base - frame->localsplus);
      if (status == PYGEN_RETURN) {
        // The delegate's return value is what `yield from` gives the body.
        *stack_base = nullptr;
        Py_DECREF(receiver);
        value = resume(frame->localsplus, function, code_object, delegated);
        Py_DECREF(delegated);
        continue;
      }
      // The delegate raised: the eval loop adds this frame's traceback entry, empties
      // the stack to the handler's depth and calls the compiled throw, which takes
      // the entry off again and raises the exception in the body.
      PyObject *type, *exception, *traceback;
      PyErr_Fetch(&type, &exception, &traceback);
      PyErr_NormalizeException(&type, &exception, &traceback);
      if (traceback != nullptr) PyException_SetTraceback(exception, traceback);
      if (_PyFrame_GetFrameObject(frame) == nullptr) PyErr_Clear();
      *stack_base = nullptr;
      Py_DECREF(receiver);
      PyErr_Restore(type, exception, traceback);
      value = resume(frame->localsplus, function, code_object, nullptr);
      continue;
    }
    if (value != nullptr && value != ReturnMarker()) {  // the body's own yield
      return SuspendAt(gen, frame, thread, start + layout.yield, value, result);
    }
    if (value != nullptr) {  // RETURN_VALUE of the value in the hand-over slot
      Py_DECREF(value);
      value = TakeHandOver(frame);
    }
    break;
  }
  if (value == nullptr) {
    // The eval loop's error exit: the frame's traceback entry (the compiled body took
    // its own off and left the frame at its site), then its stack (the temporaries) is
    // emptied before the frame is left.
    if (!PyErr_Occurred()) PyErr_SetString(PyExc_SystemError, "error return without exception set");
    PyFrameObject* frame_object = _PyFrame_GetFrameObject(frame);
    if (frame_object != nullptr) PyTraceBack_Here(frame_object);
    for (int i = frame->stacktop - 1; i >= code->co_nlocalsplus; --i) {
      Py_CLEAR(frame->localsplus[i]);
    }
    frame->stacktop = code->co_nlocalsplus;
  }
  gen->gi_frame_state = FRAME_COMPLETED;
  LeaveStep(gen, frame, thread);
  *result = value;
  return FinishGenerator(gen, value);
}

int IterNext(PyObject* iterator, PyObject** item) {
  if (PyGen_CheckExact(iterator)) {
    PyObject* value;
    const int status = StepGenerator(iterator, Py_None, &value);
    if (status != kNotStepped) {
      if (status == PYGEN_NEXT) {
        *item = value;
        return 1;
      }
      if (status == PYGEN_RETURN) {  // exhausted: the return value is dropped
        Py_DECREF(value);
        return 0;
      }
      return -1;
    }
  }
  PyObject* value = (*Py_TYPE(iterator)->tp_iternext)(iterator);
  if (value != nullptr) {
    *item = value;
    return 1;
  }
  if (PyErr_Occurred()) {
    if (!PyErr_ExceptionMatches(PyExc_StopIteration)) return -1;
    PyErr_Clear();
  }
  return 0;
}

PyObject* CallLoadedMethod(PyObject** slots, size_t positional_count, PyObject* kwnames) {
  if (slots[1] != nullptr) {
    // generator.send(value): the method LoadMethod found is the type's own descriptor.
    static PyObject* const send = PyDict_GetItemString(PyGen_Type.tp_dict, "send");
    if (slots[0] == send && send != nullptr && positional_count == 1 && kwnames == nullptr &&
        PyGen_CheckExact(slots[1])) {
      PyObject* value;
      const int status = StepGenerator(slots[1], slots[2], &value);
      if (status == PYGEN_NEXT) return value;
      if (status == PYGEN_RETURN) {  // gen_send_ex: the return value as StopIteration
        if (value == Py_None) {
          PyErr_SetNone(PyExc_StopIteration);
        } else {
          _PyGen_SetStopIterationValue(value);
        }
        Py_DECREF(value);
        return nullptr;
      }
      if (status == PYGEN_ERROR) return nullptr;
    }
    return PyObject_Vectorcall(slots[0], slots + 1, positional_count + 1, kwnames);
  }
  return PyObject_Vectorcall(slots[0], slots + 2, positional_count | PY_VECTORCALL_ARGUMENTS_OFFSET,
                             kwnames);
}

PyObject* NewGenerator(PyObject* function) {
  PyFunctionObject* func = reinterpret_cast<PyFunctionObject*>(function);
  PyCodeObject* code = reinterpret_cast<PyCodeObject*>(func->func_code);
  PyObject* generator;
  PyThreadState* thread = PyThreadState_Get();
  if (thread->coroutine_origin_tracking_depth > 0 && (code->co_flags & CO_COROUTINE)) {
    // cr_origin starts at the caller of the coroutine function's frame.
    ActiveFrame frame(function, func->func_code, func->func_globals, nullptr);
    if (!frame.ok()) return nullptr;
    generator = _Py_MakeCoro(func);
  } else {
    generator = _Py_MakeCoro(func);
  }
  if (generator == nullptr) return nullptr;
  _PyInterpreterFrame* frame = FrameOf(generator);
  const int slots = code->co_nlocalsplus + code->co_stacksize;
  frame->f_func = reinterpret_cast<PyFunctionObject*>(Py_NewRef(function));
  frame->f_code = reinterpret_cast<PyCodeObject*>(Py_NewRef(func->func_code));
  frame->f_builtins = func->func_builtins;
  frame->f_globals = func->func_globals;
  frame->f_locals = nullptr;
  for (int i = 0; i < slots; ++i) frame->localsplus[i] = nullptr;
  frame->stacktop = slots - kTrampolineStack;
  frame->frame_obj = nullptr;
  // Before the first run the frame stands at the loop's first unit (the def line).
  frame->prev_instr = GeneratorLoopStart(code);
  frame->is_entry = false;
  frame->owner = FRAME_OWNED_BY_GENERATOR;
  frame->previous = nullptr;
  reinterpret_cast<PyGenObject*>(generator)->gi_frame_state = FRAME_CREATED;
  return generator;
}

PyObject** GeneratorSlots(PyObject* generator) { return FrameOf(generator)->localsplus; }

void DiscardGenerator(PyObject* generator) {
  reinterpret_cast<PyGenObject*>(generator)->gi_frame_state = FRAME_COMPLETED;
  Py_DECREF(generator);
}

PyObject* GetYieldFromIter(PyObject* iterable) {
  if (PyCoro_CheckExact(iterable)) {
    _PyInterpreterFrame* frame = PyThreadState_Get()->cframe->current_frame;
    if (!(frame->f_code->co_flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE))) {
      PyErr_SetString(PyExc_TypeError,
                      "cannot 'yield from' a coroutine object in a non-coroutine generator");
      return nullptr;
    }
    return Py_NewRef(iterable);
  }
  if (PyGen_CheckExact(iterable)) return Py_NewRef(iterable);
  return PyObject_GetIter(iterable);
}

PyObject* GetAwaitableIter(PyObject* awaitable) {
  PyObject* iterator = _PyCoro_GetAwaitableIter(awaitable);
  if (iterator != nullptr && PyCoro_CheckExact(iterator)) {
    PyObject* delegate = _PyGen_yf(reinterpret_cast<PyGenObject*>(iterator));
    if (delegate != nullptr) {
      Py_DECREF(delegate);
      Py_CLEAR(iterator);
      PyErr_SetString(PyExc_RuntimeError, "coroutine is being awaited already");
    }
  }
  return iterator;
}

// The awaitable of an `async with` method's result, with CPython's message for one that
// is not awaitable.
static PyObject* AwaitableFromContext(PyObject* result, const char* method) {
  PyTypeObject* type = Py_TYPE(result);
  bool awaitable = PyCoro_CheckExact(result) ||
                   (type->tp_as_async != nullptr && type->tp_as_async->am_await != nullptr) ||
                   (PyGen_CheckExact(result) &&
                    (reinterpret_cast<PyCodeObject*>(reinterpret_cast<PyGenObject*>(result)->gi_code)
                         ->co_flags & CO_ITERABLE_COROUTINE));
  if (!awaitable) {
    PyErr_Format(PyExc_TypeError,
                 "'async with' received an object from %s that does not implement __await__: %.100s",
                 method, type->tp_name);
    Py_DECREF(result);
    return nullptr;
  }
  PyObject* iterator = GetAwaitableIter(result);
  Py_DECREF(result);
  return iterator;
}

PyObject* AsyncEnterContext(PyObject* manager, PyObject** exit) {
  _Py_IDENTIFIER(__aenter__);
  _Py_IDENTIFIER(__aexit__);
  PyObject* exit_method = nullptr;
  PyObject* result = EnterManager(manager, &PyId___aenter__, &PyId___aexit__,
                                  "asynchronous context manager", &exit_method);
  if (result == nullptr) return nullptr;
  PyObject* iterator = AwaitableFromContext(result, "__aenter__");
  if (iterator == nullptr) {
    Py_DECREF(exit_method);
    return nullptr;
  }
  *exit = exit_method;
  return iterator;
}

PyObject* AsyncExitAwaitable(PyObject* exit, PyObject* exception) {
  PyObject* result;
  if (exception == nullptr) {
    PyObject* args[3] = {Py_None, Py_None, Py_None};
    result = PyObject_Vectorcall(exit, args, 3, nullptr);
  } else {
    PyObject* traceback =
        PyExceptionInstance_Check(exception) ? PyException_GetTraceback(exception) : nullptr;
    PyObject* args[3] = {reinterpret_cast<PyObject*>(Py_TYPE(exception)), exception,
                         traceback ? traceback : Py_None};
    result = PyObject_Vectorcall(exit, args, 3, nullptr);
    Py_XDECREF(traceback);
  }
  if (result == nullptr) return nullptr;
  return AwaitableFromContext(result, "__aexit__");
}

PyObject* GetAsyncIter(PyObject* iterable) {
  PyTypeObject* type = Py_TYPE(iterable);
  if (type->tp_as_async == nullptr || type->tp_as_async->am_aiter == nullptr) {
    PyErr_Format(PyExc_TypeError, "'async for' requires an object with __aiter__ method, got %.100s",
                 type->tp_name);
    return nullptr;
  }
  PyObject* iterator = type->tp_as_async->am_aiter(iterable);
  if (iterator == nullptr) return nullptr;
  PyTypeObject* iterator_type = Py_TYPE(iterator);
  if (iterator_type->tp_as_async == nullptr || iterator_type->tp_as_async->am_anext == nullptr) {
    PyErr_Format(PyExc_TypeError,
                 "'async for' received an object from __aiter__ that does not implement __anext__: "
                 "%.100s",
                 iterator_type->tp_name);
    Py_DECREF(iterator);
    return nullptr;
  }
  return iterator;
}

PyObject* AsyncNextAwaitable(PyObject* iterator) {
  PyTypeObject* type = Py_TYPE(iterator);
  PyObject* next;
  if (type->tp_as_async != nullptr && type->tp_as_async->am_anext != nullptr) {
    next = type->tp_as_async->am_anext(iterator);
  } else {
    PyErr_Format(PyExc_TypeError,
                 "'async for' requires an iterator with __anext__ method, got %.100s", type->tp_name);
    return nullptr;
  }
  if (next == nullptr) return nullptr;
  PyObject* awaitable = _PyCoro_GetAwaitableIter(next);
  if (awaitable == nullptr) {
    // Whatever failed becomes the cause, as in CPython's GET_ANEXT.
    _PyErr_FormatFromCause(PyExc_TypeError,
                           "'async for' received an invalid object from __anext__: %.100s",
                           Py_TYPE(next)->tp_name);
    Py_DECREF(next);
    return nullptr;
  }
  Py_DECREF(next);
  return awaitable;
}

}  // namespace kiln
