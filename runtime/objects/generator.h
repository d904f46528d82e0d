// Compiled generators.
//
// A compiled generator function's entry creates a generator object whose frame holds
// the function, a resume state and the slots of all its locals and temporaries; the
// generated resume function jumps to the point after the last yield (a switch on the
// state) and runs to the next yield or the end. The object behaves like CPython's
// generator: iteration, send, throw, close, `yield from` delegation (PyIter_Send),
// PEP 479 (StopIteration inside becomes RuntimeError), close on destruction, and
// __name__, __qualname__, gi_running, gi_code, gi_frame (a frame at the def line until
// finished, then None), gi_yieldfrom.
//
//   PyObject* gen = kiln::NewGenerator(func, Resume, slot_count);
//   PyObject** slots = kiln::GeneratorSlots(gen);  // bind arguments here
#ifndef KILN_RUNTIME_OBJECTS_GENERATOR_H_
#define KILN_RUNTIME_OBJECTS_GENERATOR_H_

#define PY_SSIZE_T_CLEAN
#include <Python.h>

namespace kiln {

struct GeneratorFrame {
  PyObject* function;
  int state;                 // 0 not started, >0 suspended at that yield, -1 finished
  PyObject* return_value;    // set by the resume function when it returns
  PyObject* yield_from;      // borrowed from a slot: the iterator a suspended `yield from`
                             // delegates to (gi_yieldfrom), else NULL
  PyObject* slots[1];        // really slot_count entries
};

// Runs the generator from F->state. `sent` is the value sent in, or NULL when an
// exception is to be raised at the resume point (throw/close). Returns the yielded value,
// or NULL when finished (F->state == -1; an exception set, or F->return_value).
typedef PyObject* (*GeneratorResume)(GeneratorFrame* frame, PyObject* sent);

PyObject* NewGenerator(PyObject* function, GeneratorResume resume, int slot_count);
PyObject** GeneratorSlots(PyObject* generator);

// The iterator `yield from iterable` delegates to.
PyObject* GetYieldFromIter(PyObject* iterable);
// One step of `yield from`: send `sent` into `iterator`. 1: *out is a value to yield;
// 0: the iterator finished and *out is its return value; -1: error.
int YieldFromStep(PyObject* iterator, PyObject* sent, PyObject** out);
// The current exception (from throw()/close() on the outer generator) goes to
// `iterator`. Same results as YieldFromStep.
int YieldFromThrow(PyObject* iterator, PyObject** out);

// --- coroutines and async generators (async def) ---
// The same frames and resume functions, with the types "coroutine" and
// "async_generator" (asyncio accepts the coroutines through collections.abc.Coroutine).
PyObject* NewCoroutine(PyObject* function, GeneratorResume resume, int slot_count);
PyObject* NewAsyncGenerator(PyObject* function, GeneratorResume resume, int slot_count);
// What an async generator's `yield value` returns from its resume function (steals value).
PyObject* AsyncGenWrap(PyObject* value);
bool IsCompiledCoroutine(PyObject* object);
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

}  // namespace kiln

#endif  // KILN_RUNTIME_OBJECTS_GENERATOR_H_
