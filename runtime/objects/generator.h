// Compiled generators, coroutines and async generators.
//
// They are CPython's own objects (types.GeneratorType, CoroutineType,
// AsyncGeneratorType), so every check of their type, inspect.isgenerator() and
// friends, asyncio, types.coroutine, gi_frame/cr_frame/ag_frame, gi_yieldfrom/cr_await,
// sys.set_asyncgen_hooks() and the "never awaited" warning work as in CPython. Their
// frame is CPython's frame inside the object; the code object's bytecode ends in a
// small resume loop (AppendGeneratorBody) that the interpreter runs whenever the object
// is resumed:
//
//   loop:    r = <compiled resume>(sent)          # the compiled body, to its next stop
//            if r is DELEGATE: goto delegate
//            if r is RETURN:   return <take>()
//            [ASYNC_GEN_WRAP]                     # async generators' own yields
//            sent = YIELD_VALUE r; goto loop
//   delegate: receiver = <take>()                 # `yield from` / `await`: CPython's
//            sent = SEND/YIELD_VALUE loop         # SEND loop, so throw(), close() and
//            goto loop                            # gi_yieldfrom see the delegate
//   handler: (an exception thrown in at a YIELD_VALUE, or raised by the delegate)
//            r = <compiled throw>(exception); goto loop + dispatch
//
// The compiled body keeps its locals and temporaries in the frame (locals first, as
// co_varnames, cells and free variables; then the temporaries, which the frame's
// stack pointer covers, so CPython's GC, frame copy and clear see them). The first
// temporary is the hand-over slot of DELEGATE and RETURN (the delegate, the return
// value); the second holds the resume point.
//
//   PyObject* gen = kiln::NewGenerator(func);   // type from the code's flags
//   PyObject** slots = kiln::GeneratorSlots(gen);  // bind arguments here
#ifndef KILN_RUNTIME_OBJECTS_GENERATOR_H_
#define KILN_RUNTIME_OBJECTS_GENERATOR_H_

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <string>

namespace kiln {

// The compiled body of a generator, coroutine or async generator, run each time its
// frame resumes: `slots` are the frame's locals and temporaries, `sent` the value sent
// in, or NULL with an exception set when one is thrown in. It returns the value to
// yield, GeneratorDelegate() with the delegate in the hand-over slot, GeneratorReturn()
// with the return value there, or NULL when an exception leaves the body.
typedef PyObject* (*GeneratorResume)(PyObject** slots, PyObject* function, PyObject* code,
                                     PyObject* sent);
// The compiled body is a capsule without a name among the code's constants (a named
// capsule costs a strcmp at every resumption).

// A new generator, coroutine or async generator (by the flags of the function's code)
// whose frame is ready to run the function's compiled body from the start.
PyObject* NewGenerator(PyObject* function);
PyObject** GeneratorSlots(PyObject* generator);
// Releases a generator whose arguments could not be bound (no "never awaited" warning).
void DiscardGenerator(PyObject* generator);

// One step of a compiled generator (or, as a delegate, coroutine) taken by compiled
// code itself, without a trip through the interpreter: when `generator` is an exact
// generator (coroutine) whose code is Kiln's and a plain resumption is legal (created,
// or suspended at a YIELD_VALUE of its resume loop: its body's own, or the SEND loop's
// of a delegate; not running, no tracing or profiling, no PEP 523 frame evaluator),
// its compiled body runs in its frame as gen_send_ex2 and the eval loop would run it
// (frame linked into the thread's frame chain, the generator's exception state pushed,
// marked running), a delegate is sent to as SEND does (directly when it is a compiled
// generator too), and the frame is left suspended or finished as the interpreter
// leaves it, so CPython can resume it later. One step in 128 is left to the
// interpreter all the same: it handles signals and GIL requests at a generator's
// resumption. Returns PYGEN_NEXT (*result: the yielded value), PYGEN_RETURN (*result:
// the return value), PYGEN_ERROR (PEP 479 applied, generator finished), or kNotStepped
// (nothing done: take the generic path). `sent` is borrowed, never NULL.
inline constexpr int kNotStepped = -2;
int StepGenerator(PyObject* generator, PyObject* sent, PyObject** result);

// The next item of `iterator` (the IterNext op): 1: *item set; 0: exhausted; -1: error.
// Compiled generators are stepped directly (StepGenerator).
int IterNext(PyObject* iterator, PyObject** item);

// Calls what kiln::LoadMethod (ops.h) prepared: slots = [callable, self or NULL,
// arguments...]. `generator.send(value)` on a compiled generator is a StepGenerator.
PyObject* CallLoadedMethod(PyObject** slots, size_t positional_count, PyObject* kwnames);

// The markers the compiled body returns (new references).
PyObject* GeneratorDelegate();
PyObject* GeneratorReturn();

// For MakeCode: appends the resume loop to `bytecode` and its handlers to
// `exception_table`; `stack_base` is the number of temporaries after the locals. The
// loop uses the constants GeneratorBodyConstants() (a tuple) placed from index 4 on.
void AppendGeneratorBody(std::string* bytecode, std::string* exception_table,
                         bool async_generator, int stack_base);
PyObject* GeneratorBodyConstants();

// GET_YIELD_FROM_ITER: the iterator `yield from iterable` delegates to.
PyObject* GetYieldFromIter(PyObject* iterable);
// GET_AWAITABLE: the iterator `await awaitable` delegates to, with CPython's errors
// ("object int can't be used in 'await' expression", "coroutine is being awaited already").
PyObject* GetAwaitableIter(PyObject* awaitable);
// `async with`: calls __aenter__ and returns the awaitable of its result; *exit gets the
// bound __aexit__. AsyncExitAwaitable: __aexit__(None, None, None), or with the
// exception's type, value and traceback, as an awaitable.
PyObject* AsyncEnterContext(PyObject* manager, PyObject** exit);
PyObject* AsyncExitAwaitable(PyObject* exit, PyObject* exception);
// `async for`: GET_AITER, and the awaitable of one __anext__() (GET_ANEXT).
PyObject* GetAsyncIter(PyObject* iterable);
PyObject* AsyncNextAwaitable(PyObject* iterator);

// The resume point kept in a generator's state slot (0 before the first run).
inline int GeneratorState(PyObject* slot) { return slot ? static_cast<int>(PyLong_AsLong(slot)) : 0; }
// Returns false (MemoryError) only for states over 256 (smaller ints are cached).
inline bool SetGeneratorState(PyObject** slot, int state) {
  Py_XSETREF(*slot, PyLong_FromLong(state));
  return *slot != nullptr;
}

}  // namespace kiln

#endif  // KILN_RUNTIME_OBJECTS_GENERATOR_H_
