#include "runtime/objects/generator.h"

#include <cstddef>

#include "frameobject.h"
#include "runtime/objects/frame.h"
#include "runtime/ops/ops.h"
#include "structmember.h"

namespace kiln {
namespace {

struct GeneratorObject {
  PyObject_VAR_HEAD
  GeneratorResume resume;
  PyObject* name;
  PyObject* qualname;
  PyObject* weak_references;
  PyObject* exception_state;  // the exception the generator is handling while suspended
  char running;
  // Coroutines and async generators share this object (see "Coroutines" below).
  char kind;                  // kGenerator, kCoroutine or kAsyncGenerator
  char hooks_inited;          // async generators: sys.get_asyncgen_hooks() consulted
  char running_async;         // async generators: an asend()/athrow() is in progress
  char closed;                // async generators: aclose()d or finished
  PyObject* finalizer;        // async generators: the finalizer hook, or NULL
  GeneratorFrame frame;       // must be last: slots extend past the end
};

enum Kind : char { kGenerator = 0, kCoroutine = 1, kAsyncGenerator = 2 };

const char* KindName(const GeneratorObject* generator) {
  return generator->kind == kCoroutine        ? "coroutine"
         : generator->kind == kAsyncGenerator ? "async generator"
                                              : "generator";
}

PyTypeObject GeneratorType;
PyTypeObject CoroutineType;
PyTypeObject AsyncGenType;
// Coroutines and async generators: the end of a coroutine that was never awaited, the
// finalizer hook of an async generator (see "Coroutines and async generators" below).
bool FinalizeAsync(GeneratorObject* generator);

GeneratorObject* AsGenerator(PyObject* object) { return reinterpret_cast<GeneratorObject*>(object); }

void ClearFrame(GeneratorObject* generator) {
  generator->frame.yield_from = nullptr;
  for (Py_ssize_t i = 0; i < Py_SIZE(generator); ++i) Py_CLEAR(generator->frame.slots[i]);
  generator->frame.state = -1;
}

enum class Outcome { kYielded, kReturned, kError };

// Runs the generator once. On kReturned, *result is the return value.
Outcome Run(GeneratorObject* generator, PyObject* sent, PyObject** result) {
  *result = nullptr;
  if (generator->running) {
    PyErr_Format(PyExc_ValueError, "%s already executing", KindName(generator));
    return Outcome::kError;
  }
  if (generator->frame.state < 0) {
    if (generator->kind == kCoroutine) {
      PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited coroutine");
      return Outcome::kError;
    }
    if (sent == nullptr) return Outcome::kError;  // throw() into a finished generator
    *result = Py_NewRef(Py_None);
    return Outcome::kReturned;
  }
  if (generator->frame.state == 0 && sent != nullptr && sent != Py_None) {
    PyErr_Format(PyExc_TypeError, "can't send non-None value to a just-started %s",
                 KindName(generator));
    return Outcome::kError;
  }
  // The generator's own handled exception is visible inside it while it runs.
  PyObject* caller_state = PyErr_GetHandledException();
  if (generator->exception_state != nullptr) PyErr_SetHandledException(generator->exception_state);
  generator->running = 1;
  PyObject* value = generator->resume(&generator->frame, sent);
  generator->running = 0;
  PyObject* now = PyErr_GetHandledException();
  if (now == caller_state || now == Py_None) {
    Py_XDECREF(now);
    Py_CLEAR(generator->exception_state);
  } else {
    Py_XSETREF(generator->exception_state, now);
  }
  PyErr_SetHandledException(caller_state);
  Py_XDECREF(caller_state);

  if (value != nullptr) {
    *result = value;
    return Outcome::kYielded;
  }
  Py_CLEAR(generator->exception_state);
  if (PyErr_Occurred()) {
    Py_CLEAR(generator->frame.return_value);
    if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
      _PyErr_FormatFromCause(PyExc_RuntimeError, "%s raised StopIteration", KindName(generator));
    } else if (generator->kind == kAsyncGenerator &&
               PyErr_ExceptionMatches(PyExc_StopAsyncIteration)) {
      _PyErr_FormatFromCause(PyExc_RuntimeError, "async generator raised StopAsyncIteration");
    }
    return Outcome::kError;
  }
  *result = generator->frame.return_value ? generator->frame.return_value : Py_NewRef(Py_None);
  generator->frame.return_value = nullptr;
  return Outcome::kReturned;
}

PyObject* SendValue(GeneratorObject* generator, PyObject* value) {
  PyObject* result;
  switch (Run(generator, value, &result)) {
    case Outcome::kYielded:
      return result;
    case Outcome::kReturned:
      if (result == Py_None) {
        PyErr_SetNone(PyExc_StopIteration);
      } else {
        _PyGen_SetStopIterationValue(result);
      }
      Py_DECREF(result);
      return nullptr;
    case Outcome::kError:
      return nullptr;
  }
  return nullptr;
}

PyObject* IterNext(PyObject* self) {
  PyObject* result;
  switch (Run(AsGenerator(self), Py_None, &result)) {
    case Outcome::kYielded:
      return result;
    case Outcome::kReturned:
      if (result != Py_None) _PyGen_SetStopIterationValue(result);
      Py_DECREF(result);
      return nullptr;
    case Outcome::kError:
      return nullptr;
  }
  return nullptr;
}

PyObject* Send(PyObject* self, PyObject* value) { return SendValue(AsGenerator(self), value); }

PySendResult AmSend(PyObject* self, PyObject* value, PyObject** result) {
  switch (Run(AsGenerator(self), value, result)) {
    case Outcome::kYielded: return PYGEN_NEXT;
    case Outcome::kReturned: return PYGEN_RETURN;
    case Outcome::kError: return PYGEN_ERROR;
  }
  return PYGEN_ERROR;
}

// Raises the current exception inside the generator (at its yield).
PyObject* ThrowCurrent(GeneratorObject* generator) {
  if (generator->frame.state == 0) {
    // Not started: it ends without running; the exception propagates from its start.
    PyObject* result;
    Outcome outcome = Run(generator, nullptr, &result);
    if (outcome == Outcome::kYielded) return result;
    if (outcome == Outcome::kReturned) {
      _PyGen_SetStopIterationValue(result);
      Py_DECREF(result);
    }
    return nullptr;
  }
  return SendValue(generator, nullptr);
}

// Sets the exception that throw(type[, value[, traceback]]) raises; -1 if the
// arguments are bad (that error set instead).
int SetThrownException(PyObject* const* args, Py_ssize_t nargs);

PyObject* Throw(PyObject* self, PyObject* const* args, Py_ssize_t nargs) {
  if (SetThrownException(args, nargs) < 0) return nullptr;
  return ThrowCurrent(AsGenerator(self));
}

int SetThrownException(PyObject* const* args, Py_ssize_t nargs) {
  if (nargs < 1 || nargs > 3) {
    PyErr_Format(PyExc_TypeError, "throw expected at least 1 argument, got %zd", nargs);
    return -1;
  }
  PyObject* type = args[0];
  PyObject* value = nargs > 1 ? args[1] : Py_None;
  PyObject* traceback = nargs > 2 ? args[2] : Py_None;
  if (traceback == Py_None) {
    traceback = nullptr;
  } else if (!PyTraceBack_Check(traceback)) {
    PyErr_SetString(PyExc_TypeError, "throw() third argument must be a traceback object");
    return -1;
  }
  Py_INCREF(type);
  Py_XINCREF(value);
  Py_XINCREF(traceback);
  if (PyExceptionClass_Check(type)) {
    PyErr_NormalizeException(&type, &value, &traceback);
  } else if (PyExceptionInstance_Check(type)) {
    if (value != nullptr && value != Py_None) {
      PyErr_SetString(PyExc_TypeError, "instance exception may not have a separate value");
      Py_DECREF(type);
      Py_XDECREF(value);
      Py_XDECREF(traceback);
      return -1;
    }
    Py_XDECREF(value);
    value = type;
    type = Py_NewRef(reinterpret_cast<PyObject*>(Py_TYPE(value)));
    if (traceback == nullptr) traceback = PyException_GetTraceback(value);
  } else {
    PyErr_Format(PyExc_TypeError,
                 "exceptions must be classes or instances deriving from BaseException, not %s",
                 Py_TYPE(type)->tp_name);
    Py_DECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(traceback);
    return -1;
  }
  PyErr_Restore(type, value, traceback);
  return 0;
}

PyObject* Close(PyObject* self, PyObject* unused) {
  GeneratorObject* generator = AsGenerator(self);
  if (generator->frame.state <= 0) {
    if (generator->frame.state == 0) ClearFrame(generator);
    Py_RETURN_NONE;
  }
  PyErr_SetNone(PyExc_GeneratorExit);
  PyObject* result;
  Outcome outcome = Run(generator, nullptr, &result);
  if (outcome == Outcome::kYielded) {
    Py_DECREF(result);
    PyErr_Format(PyExc_RuntimeError, "%s ignored GeneratorExit", KindName(generator));
    return nullptr;
  }
  if (outcome == Outcome::kReturned) {
    Py_DECREF(result);
    Py_RETURN_NONE;
  }
  if (PyErr_ExceptionMatches(PyExc_StopIteration) || PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
    PyErr_Clear();
    Py_RETURN_NONE;
  }
  return nullptr;
}

void Finalize(PyObject* self) {
  GeneratorObject* generator = AsGenerator(self);
  if (generator->kind != kGenerator && FinalizeAsync(generator)) return;
  if (generator->frame.state <= 0) return;
  PyObject *type, *value, *traceback;
  PyErr_Fetch(&type, &value, &traceback);
  PyObject* result = Close(self, nullptr);
  if (result == nullptr) {
    PyErr_WriteUnraisable(self);
  } else {
    Py_DECREF(result);
  }
  PyErr_Restore(type, value, traceback);
}

int Traverse(PyObject* self, visitproc visit, void* arg) {
  GeneratorObject* generator = AsGenerator(self);
  Py_VISIT(generator->frame.function);
  Py_VISIT(generator->frame.return_value);
  Py_VISIT(generator->exception_state);
  Py_VISIT(generator->finalizer);
  for (Py_ssize_t i = 0; i < Py_SIZE(generator); ++i) Py_VISIT(generator->frame.slots[i]);
  return 0;
}

int ClearReferences(PyObject* self) {
  GeneratorObject* generator = AsGenerator(self);
  ClearFrame(generator);
  Py_CLEAR(generator->frame.return_value);
  Py_CLEAR(generator->exception_state);
  Py_CLEAR(generator->finalizer);
  return 0;
}

void Deallocate(PyObject* self) {
  GeneratorObject* generator = AsGenerator(self);
  PyObject_GC_UnTrack(self);
  if (generator->weak_references != nullptr) PyObject_ClearWeakRefs(self);
  PyObject_GC_Track(self);
  if (PyObject_CallFinalizerFromDealloc(self) < 0) return;  // resurrected
  PyObject_GC_UnTrack(self);
  ClearReferences(self);
  Py_CLEAR(generator->frame.function);
  Py_CLEAR(generator->name);
  Py_CLEAR(generator->qualname);
  PyObject_GC_Del(self);
}

PyObject* Repr(PyObject* self) {
  return PyUnicode_FromFormat("<generator object %S at %p>", AsGenerator(self)->qualname, self);
}

PyObject* GetName(PyObject* self, void*) { return Py_NewRef(AsGenerator(self)->name); }
PyObject* GetQualname(PyObject* self, void*) { return Py_NewRef(AsGenerator(self)->qualname); }
PyObject* GetRunning(PyObject* self, void*) { return PyBool_FromLong(AsGenerator(self)->running); }
PyObject* GetSuspended(PyObject* self, void*) {
  GeneratorObject* generator = AsGenerator(self);
  return PyBool_FromLong(generator->frame.state > 0 && !generator->running);
}
PyObject* GetCode(PyObject* self, void*) {
  return Py_NewRef(PyFunction_GET_CODE(AsGenerator(self)->frame.function));
}

PyObject* GetYieldFrom(PyObject* self, void*) {
  GeneratorObject* generator = AsGenerator(self);
  PyObject* iterator = generator->frame.state > 0 ? generator->frame.yield_from : nullptr;
  return Py_NewRef(iterator ? iterator : Py_None);
}

// gi_frame: None once finished; before that a frame of the generator's code at its def
// line (compiled code has no frame of its own), so that inspect.getgeneratorstate()
// tells GEN_CREATED from GEN_CLOSED.
PyObject* GetFrame(PyObject* self, void*) {
  GeneratorObject* generator = AsGenerator(self);
  if (generator->frame.state < 0) Py_RETURN_NONE;
  PyFunctionObject* function = reinterpret_cast<PyFunctionObject*>(generator->frame.function);
  PyFrameObject* frame = PyFrame_New(PyThreadState_Get(),
                                     reinterpret_cast<PyCodeObject*>(function->func_code),
                                     function->func_globals, nullptr);
  if (frame == nullptr) return nullptr;
  SetFrameSite(frame, 0);
  return reinterpret_cast<PyObject*>(frame);
}

int SetName(PyObject* self, PyObject* value, void*) {
  if (value == nullptr || !PyUnicode_Check(value)) {
    PyErr_SetString(PyExc_TypeError, "__name__ must be set to a string object");
    return -1;
  }
  Py_INCREF(value);
  Py_XSETREF(AsGenerator(self)->name, value);
  return 0;
}

int SetQualname(PyObject* self, PyObject* value, void*) {
  if (value == nullptr || !PyUnicode_Check(value)) {
    PyErr_SetString(PyExc_TypeError, "__qualname__ must be set to a string object");
    return -1;
  }
  Py_INCREF(value);
  Py_XSETREF(AsGenerator(self)->qualname, value);
  return 0;
}

#define KILN_FASTCALL(function) \
  reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(function))

PyMethodDef kMethods[] = {
    {"send", Send, METH_O, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", KILN_FASTCALL(Throw), METH_FASTCALL,
     "throw(value)\nthrow(type[,value[,tb]])\n\nRaise exception in generator, return next yielded value or raise\nStopIteration."},
    {"close", Close, METH_NOARGS, "close() -> raise GeneratorExit inside generator."},
    {nullptr, nullptr, 0, nullptr},
};

PyGetSetDef kGetSet[] = {
    {"__name__", GetName, SetName, "name of the generator", nullptr},
    {"__qualname__", GetQualname, SetQualname, "qualified name of the generator", nullptr},
    {"gi_running", GetRunning, nullptr, nullptr, nullptr},
    {"gi_suspended", GetSuspended, nullptr, nullptr, nullptr},
    {"gi_code", GetCode, nullptr, nullptr, nullptr},
    {"gi_frame", GetFrame, nullptr, nullptr, nullptr},
    {"gi_yieldfrom", GetYieldFrom, nullptr, "object being iterated by yield from, or None", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

PyAsyncMethods kAsyncMethods = {nullptr, nullptr, nullptr, AmSend};

bool ReadyType() {
  static bool ready = false;
  if (ready) return true;
  GeneratorType.tp_name = "generator";
  GeneratorType.tp_basicsize = offsetof(GeneratorObject, frame) + offsetof(GeneratorFrame, slots);
  GeneratorType.tp_itemsize = sizeof(PyObject*);
  GeneratorType.tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC;
  GeneratorType.tp_dealloc = Deallocate;
  GeneratorType.tp_repr = Repr;
  GeneratorType.tp_traverse = Traverse;
  GeneratorType.tp_clear = ClearReferences;
  GeneratorType.tp_iter = PyObject_SelfIter;
  GeneratorType.tp_iternext = IterNext;
  GeneratorType.tp_methods = kMethods;
  GeneratorType.tp_getset = kGetSet;
  GeneratorType.tp_finalize = Finalize;
  GeneratorType.tp_as_async = &kAsyncMethods;
  GeneratorType.tp_weaklistoffset = offsetof(GeneratorObject, weak_references);
  if (PyType_Ready(&GeneratorType) < 0) return false;
  ready = true;
  return true;
}

}  // namespace

PyObject* NewGenerator(PyObject* function, GeneratorResume resume, int slot_count) {
  if (!ReadyType()) return nullptr;
  GeneratorObject* generator = PyObject_GC_NewVar(GeneratorObject, &GeneratorType, slot_count);
  if (generator == nullptr) return nullptr;
  generator->resume = resume;
  PyFunctionObject* func = reinterpret_cast<PyFunctionObject*>(function);
  generator->name = Py_NewRef(func->func_name);
  generator->qualname = Py_NewRef(func->func_qualname);
  generator->weak_references = nullptr;
  generator->exception_state = nullptr;
  generator->running = 0;
  generator->kind = kGenerator;
  generator->hooks_inited = 0;
  generator->running_async = 0;
  generator->closed = 0;
  generator->finalizer = nullptr;
  generator->frame.function = Py_NewRef(function);
  generator->frame.state = 0;
  generator->frame.return_value = nullptr;
  generator->frame.yield_from = nullptr;
  for (int i = 0; i < slot_count; ++i) generator->frame.slots[i] = nullptr;
  PyObject_GC_Track(generator);
  return reinterpret_cast<PyObject*>(generator);
}

PyObject** GeneratorSlots(PyObject* generator) { return AsGenerator(generator)->frame.slots; }

PyObject* GetYieldFromIter(PyObject* iterable) {
  if (PyCoro_CheckExact(iterable) || Py_TYPE(iterable) == &CoroutineType) {
    PyErr_SetString(PyExc_TypeError,
                    "cannot 'yield from' a coroutine object in a non-coroutine generator");
    return nullptr;
  }
  if (Py_TYPE(iterable) == &GeneratorType || PyGen_CheckExact(iterable)) return Py_NewRef(iterable);
  return PyObject_GetIter(iterable);
}

int YieldFromStep(PyObject* iterator, PyObject* sent, PyObject** out) {
  PyObject* result = nullptr;
  PySendResult status = PyIter_Send(iterator, sent, &result);
  if (status == PYGEN_NEXT) {
    *out = result;
    return 1;
  }
  if (status == PYGEN_RETURN) {
    *out = result;
    return 0;
  }
  if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
    PyObject* value = nullptr;
    if (_PyGen_FetchStopIterationValue(&value) < 0) return -1;
    *out = value;
    return 0;
  }
  return -1;
}

int YieldFromThrow(PyObject* iterator, PyObject** out) {
  if (PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
    // close() the delegate, then let GeneratorExit continue in this generator.
    PyObject *type, *value, *traceback;
    PyErr_Fetch(&type, &value, &traceback);
    PyObject* close;
    if (_PyObject_LookupAttr(iterator, PyUnicode_FromString("close"), &close) < 0) {
      Py_XDECREF(type);
      Py_XDECREF(value);
      Py_XDECREF(traceback);
      return -1;
    }
    if (close != nullptr) {
      PyObject* result = PyObject_CallNoArgs(close);
      Py_DECREF(close);
      if (result == nullptr) {
        Py_XDECREF(type);
        Py_XDECREF(value);
        Py_XDECREF(traceback);
        return -1;
      }
      Py_DECREF(result);
    }
    PyErr_Restore(type, value, traceback);
    return -1;
  }
  PyObject *type, *value, *traceback;
  PyErr_Fetch(&type, &value, &traceback);
  PyObject* result;
  if (Py_TYPE(iterator) == &GeneratorType) {
    PyErr_Restore(type, value, traceback);
    result = ThrowCurrent(AsGenerator(iterator));
  } else {
    PyObject* throw_method;
    if (_PyObject_LookupAttr(iterator, PyUnicode_FromString("throw"), &throw_method) < 0) {
      Py_XDECREF(type);
      Py_XDECREF(value);
      Py_XDECREF(traceback);
      return -1;
    }
    if (throw_method == nullptr) {
      PyErr_Restore(type, value, traceback);
      return -1;
    }
    PyObject* args[3] = {type, value ? value : Py_None, traceback ? traceback : Py_None};
    result = PyObject_Vectorcall(throw_method, args, 3, nullptr);
    Py_DECREF(throw_method);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(traceback);
  }
  if (result != nullptr) {
    *out = result;
    return 1;
  }
  if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
    PyObject* returned = nullptr;
    if (_PyGen_FetchStopIterationValue(&returned) < 0) return -1;
    *out = returned;
    return 0;
  }
  return -1;
}

// ----------------------------------------------------------------------------
// Coroutines and async generators
//
// Both are the generator object above with a type of their own: "coroutine" (send,
// throw, close, __await__, cr_*) and "async_generator" (asend, athrow, aclose,
// __anext__, __aiter__, ag_*), as CPython's. asyncio accepts the coroutines because the
// type has __await__, send, throw and close: collections.abc.Coroutine's
// __subclasshook__ then makes asyncio.iscoroutine() (and the C Task's check) true, as
// for Cython's coroutines. An async generator's `yield` returns its value wrapped
// (AsyncGenWrap), so that asend()/athrow() tell it from the awaits it passes through to
// the event loop, as CPython's _PyAsyncGenValueWrapper does.

namespace {

PyTypeObject CoroutineWrapperType;  // what coroutine.__await__() returns
PyTypeObject AsyncGenSendType;      // asend() / __anext__() awaitables
PyTypeObject AsyncGenThrowType;     // athrow() / aclose() awaitables
PyTypeObject AsyncGenWrappedType;   // a value an async generator yields

struct CoroutineWrapper {
  PyObject_HEAD
  PyObject* coroutine;
};

struct AsyncGenWrapped {
  PyObject_HEAD
  PyObject* value;
};

enum AwaitableState { kInit = 0, kIter = 1, kClosed = 2 };

struct AsyncGenAwaitable {
  PyObject_HEAD
  GeneratorObject* generator;
  PyObject* value;  // asend: the value to send; athrow: the argument tuple (NULL: aclose)
  int state;
};

bool FinalizeAsync(GeneratorObject* generator) {
  if (generator->frame.state < 0) return false;
  PyObject* self = reinterpret_cast<PyObject*>(generator);
  if (generator->kind == kAsyncGenerator && generator->finalizer != nullptr && !generator->closed) {
    PyObject *type, *value, *traceback;
    PyErr_Fetch(&type, &value, &traceback);
    PyObject* finalizer = Py_NewRef(generator->finalizer);
    PyObject* result = PyObject_CallOneArg(finalizer, self);
    Py_DECREF(finalizer);
    if (result == nullptr) {
      PyErr_WriteUnraisable(self);
    } else {
      Py_DECREF(result);
    }
    PyErr_Restore(type, value, traceback);
    return true;
  }
  if (generator->kind == kCoroutine && generator->frame.state == 0) {
    // RuntimeWarning: coroutine '...' was never awaited (through warnings, as CPython).
    PyObject *type, *value, *traceback;
    PyErr_Fetch(&type, &value, &traceback);
    bool warned = false;
    PyObject* warnings = PyImport_ImportModule("warnings");
    if (warnings != nullptr) {
      PyObject* warn = PyObject_GetAttrString(warnings, "_warn_unawaited_coroutine");
      Py_DECREF(warnings);
      if (warn != nullptr) {
        PyObject* result = PyObject_CallOneArg(warn, self);
        Py_DECREF(warn);
        Py_XDECREF(result);
        warned = true;
      }
    }
    if (PyErr_Occurred()) PyErr_WriteUnraisable(self);
    if (!warned && PyErr_WarnFormat(PyExc_RuntimeWarning, 1, "coroutine '%S' was never awaited",
                                    generator->qualname) < 0) {
      PyErr_WriteUnraisable(self);
    }
    PyErr_Restore(type, value, traceback);
  }
  return false;
}

PyObject* CoroutineRepr(PyObject* self) {
  return PyUnicode_FromFormat("<coroutine object %S at %p>", AsGenerator(self)->qualname, self);
}

PyObject* AsyncGenRepr(PyObject* self) {
  return PyUnicode_FromFormat("<async_generator object %S at %p>", AsGenerator(self)->qualname,
                              self);
}

PyObject* CoroutineAwait(PyObject* self) {
  CoroutineWrapper* wrapper = PyObject_GC_New(CoroutineWrapper, &CoroutineWrapperType);
  if (wrapper == nullptr) return nullptr;
  wrapper->coroutine = Py_NewRef(self);
  PyObject_GC_Track(wrapper);
  return reinterpret_cast<PyObject*>(wrapper);
}

PyObject* GetOrigin(PyObject*, void*) { Py_RETURN_NONE; }

// One step of an async generator: the yielded (possibly wrapped) value, or NULL with
// StopAsyncIteration when it returned, or its error.
PyObject* AsyncGenStep(GeneratorObject* generator, PyObject* sent) {
  PyObject* result;
  switch (Run(generator, sent, &result)) {
    case Outcome::kYielded:
      return result;
    case Outcome::kReturned:
      Py_DECREF(result);
      PyErr_SetNone(PyExc_StopAsyncIteration);
      return nullptr;
    case Outcome::kError:
      return nullptr;
  }
  return nullptr;
}

PyObject* AsyncGenThrowInto(GeneratorObject* generator, PyObject* const* args, Py_ssize_t nargs) {
  if (SetThrownException(args, nargs) < 0) return nullptr;
  return AsyncGenStep(generator, nullptr);
}

// A value the async generator yielded ends the awaitable (StopIteration(value)); other
// values are awaits passing through to the event loop.
PyObject* AsyncGenUnwrap(GeneratorObject* generator, PyObject* result) {
  if (result == nullptr) {
    if (!PyErr_Occurred()) PyErr_SetNone(PyExc_StopAsyncIteration);
    if (PyErr_ExceptionMatches(PyExc_StopAsyncIteration) ||
        PyErr_ExceptionMatches(PyExc_GeneratorExit)) {
      generator->closed = 1;
    }
    generator->running_async = 0;
    return nullptr;
  }
  if (Py_TYPE(result) == &AsyncGenWrappedType) {
    _PyGen_SetStopIterationValue(reinterpret_cast<AsyncGenWrapped*>(result)->value);
    Py_DECREF(result);
    generator->running_async = 0;
    return nullptr;
  }
  return result;
}

int AsyncGenInitHooks(GeneratorObject* generator) {
  if (generator->hooks_inited) return 0;
  generator->hooks_inited = 1;
  PyThreadState* thread = PyThreadState_Get();
  if (thread->async_gen_finalizer != nullptr) {
    Py_XSETREF(generator->finalizer, Py_NewRef(thread->async_gen_finalizer));
  }
  if (thread->async_gen_firstiter != nullptr) {
    PyObject* firstiter = Py_NewRef(thread->async_gen_firstiter);
    PyObject* result = PyObject_CallOneArg(firstiter, reinterpret_cast<PyObject*>(generator));
    Py_DECREF(firstiter);
    if (result == nullptr) return -1;
    Py_DECREF(result);
  }
  return 0;
}

PyObject* NewAsyncGenAwaitable(PyTypeObject* type, PyObject* generator, PyObject* value) {
  if (AsyncGenInitHooks(AsGenerator(generator)) < 0) return nullptr;
  AsyncGenAwaitable* awaitable = PyObject_GC_New(AsyncGenAwaitable, type);
  if (awaitable == nullptr) return nullptr;
  awaitable->generator = AsGenerator(Py_NewRef(generator));
  awaitable->value = Py_XNewRef(value);
  awaitable->state = kInit;
  PyObject_GC_Track(awaitable);
  return reinterpret_cast<PyObject*>(awaitable);
}

PyObject* AsyncGenANext(PyObject* self) {
  return NewAsyncGenAwaitable(&AsyncGenSendType, self, nullptr);
}
PyObject* AsyncGenASend(PyObject* self, PyObject* value) {
  return NewAsyncGenAwaitable(&AsyncGenSendType, self, value);
}
PyObject* AsyncGenAThrow(PyObject* self, PyObject* args) {
  return NewAsyncGenAwaitable(&AsyncGenThrowType, self, args);
}
PyObject* AsyncGenAClose(PyObject* self, PyObject*) {
  return NewAsyncGenAwaitable(&AsyncGenThrowType, self, nullptr);
}

// --- the awaitables ---

AsyncGenAwaitable* AsAwaitable(PyObject* object) {
  return reinterpret_cast<AsyncGenAwaitable*>(object);
}

void AwaitableDeallocate(PyObject* self) {
  PyObject_GC_UnTrack(self);
  Py_CLEAR(AsAwaitable(self)->generator);
  Py_CLEAR(AsAwaitable(self)->value);
  PyObject_GC_Del(self);
}

int AwaitableTraverse(PyObject* self, visitproc visit, void* arg) {
  Py_VISIT(reinterpret_cast<PyObject*>(AsAwaitable(self)->generator));
  Py_VISIT(AsAwaitable(self)->value);
  return 0;
}

PyObject* AwaitableClose(PyObject* self, PyObject*) {
  AsAwaitable(self)->state = kClosed;
  Py_RETURN_NONE;
}

PyObject* ASendSend(PyObject* self, PyObject* argument) {
  AsyncGenAwaitable* awaitable = AsAwaitable(self);
  GeneratorObject* generator = awaitable->generator;
  if (awaitable->state == kClosed) {
    PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    return nullptr;
  }
  if (awaitable->state == kInit) {
    if (generator->running_async) {
      awaitable->state = kClosed;
      PyErr_SetString(PyExc_RuntimeError, "anext(): asynchronous generator is already running");
      return nullptr;
    }
    if (argument == nullptr || argument == Py_None) argument = awaitable->value;
    awaitable->state = kIter;
  }
  generator->running_async = 1;
  PyObject* result = AsyncGenUnwrap(generator, AsyncGenStep(generator, argument ? argument : Py_None));
  if (result == nullptr) awaitable->state = kClosed;
  return result;
}

PyObject* ASendNext(PyObject* self) { return ASendSend(self, nullptr); }

PyObject* ASendThrow(PyObject* self, PyObject* const* args, Py_ssize_t nargs) {
  AsyncGenAwaitable* awaitable = AsAwaitable(self);
  if (awaitable->state == kClosed) {
    PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    return nullptr;
  }
  PyObject* result =
      AsyncGenUnwrap(awaitable->generator, AsyncGenThrowInto(awaitable->generator, args, nargs));
  if (result == nullptr) awaitable->state = kClosed;
  return result;
}

PyObject* AThrowIgnoredExit(AsyncGenAwaitable* awaitable, PyObject* result) {
  awaitable->generator->running_async = 0;
  awaitable->state = kClosed;
  Py_DECREF(result);
  PyErr_SetString(PyExc_RuntimeError, "async generator ignored GeneratorExit");
  return nullptr;
}

PyObject* AThrowCheckError(AsyncGenAwaitable* awaitable) {
  awaitable->generator->running_async = 0;
  awaitable->state = kClosed;
  if (awaitable->value == nullptr && (PyErr_ExceptionMatches(PyExc_StopAsyncIteration) ||
                                      PyErr_ExceptionMatches(PyExc_GeneratorExit))) {
    // aclose() is done: its await returns None.
    PyErr_Clear();
    PyErr_SetNone(PyExc_StopIteration);
  }
  return nullptr;
}

PyObject* AThrowSend(PyObject* self, PyObject* argument) {
  AsyncGenAwaitable* awaitable = AsAwaitable(self);
  GeneratorObject* generator = awaitable->generator;
  bool aclose = awaitable->value == nullptr;
  if (awaitable->state == kClosed) {
    PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
    return nullptr;
  }
  if (generator->frame.state < 0) {
    awaitable->state = kClosed;
    PyErr_SetNone(PyExc_StopIteration);
    return nullptr;
  }
  PyObject* result;
  if (awaitable->state == kInit) {
    if (generator->running_async) {
      awaitable->state = kClosed;
      PyErr_SetString(PyExc_RuntimeError, aclose
                                              ? "aclose(): asynchronous generator is already running"
                                              : "athrow(): asynchronous generator is already running");
      return nullptr;
    }
    if (generator->closed) {
      awaitable->state = kClosed;
      PyErr_SetNone(PyExc_StopAsyncIteration);
      return nullptr;
    }
    if (argument != nullptr && argument != Py_None) {
      PyErr_SetString(PyExc_RuntimeError, "can't send non-None value to a just-started coroutine");
      return nullptr;
    }
    awaitable->state = kIter;
    generator->running_async = 1;
    if (aclose) {
      generator->closed = 1;
      PyErr_SetNone(PyExc_GeneratorExit);
      result = AsyncGenStep(generator, nullptr);
      if (result != nullptr && Py_TYPE(result) == &AsyncGenWrappedType) {
        return AThrowIgnoredExit(awaitable, result);
      }
    } else {
      PyObject* args = awaitable->value;
      result = AsyncGenUnwrap(generator, AsyncGenThrowInto(generator, &PyTuple_GET_ITEM(args, 0),
                                                           PyTuple_GET_SIZE(args)));
    }
    if (result == nullptr) return AThrowCheckError(awaitable);
    return result;
  }
  result = AsyncGenStep(generator, argument ? argument : Py_None);
  if (aclose) {
    if (result != nullptr && Py_TYPE(result) == &AsyncGenWrappedType) {
      return AThrowIgnoredExit(awaitable, result);
    }
  } else {
    result = AsyncGenUnwrap(generator, result);
  }
  if (result == nullptr) return AThrowCheckError(awaitable);
  return result;
}

PyObject* AThrowNext(PyObject* self) { return AThrowSend(self, nullptr); }

PyObject* AThrowThrow(PyObject* self, PyObject* const* args, Py_ssize_t nargs) {
  AsyncGenAwaitable* awaitable = AsAwaitable(self);
  if (awaitable->state == kClosed) {
    PyErr_SetString(PyExc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
    return nullptr;
  }
  PyObject* result = AsyncGenThrowInto(awaitable->generator, args, nargs);
  if (awaitable->value != nullptr) return AsyncGenUnwrap(awaitable->generator, result);
  if (result != nullptr && Py_TYPE(result) == &AsyncGenWrappedType) {
    return AThrowIgnoredExit(awaitable, result);
  }
  if (result == nullptr && (PyErr_ExceptionMatches(PyExc_StopAsyncIteration) ||
                            PyErr_ExceptionMatches(PyExc_GeneratorExit))) {
    PyErr_Clear();
    PyErr_SetNone(PyExc_StopIteration);
  }
  return result;
}

// --- coroutine.__await__() ---

void WrapperDeallocate(PyObject* self) {
  PyObject_GC_UnTrack(self);
  Py_CLEAR(reinterpret_cast<CoroutineWrapper*>(self)->coroutine);
  PyObject_GC_Del(self);
}
int WrapperTraverse(PyObject* self, visitproc visit, void* arg) {
  Py_VISIT(reinterpret_cast<CoroutineWrapper*>(self)->coroutine);
  return 0;
}
PyObject* WrapperNext(PyObject* self) {
  return IterNext(reinterpret_cast<CoroutineWrapper*>(self)->coroutine);
}
PyObject* WrapperSend(PyObject* self, PyObject* value) {
  return Send(reinterpret_cast<CoroutineWrapper*>(self)->coroutine, value);
}
PyObject* WrapperThrow(PyObject* self, PyObject* const* args, Py_ssize_t nargs) {
  return Throw(reinterpret_cast<CoroutineWrapper*>(self)->coroutine, args, nargs);
}
PyObject* WrapperClose(PyObject* self, PyObject*) {
  return Close(reinterpret_cast<CoroutineWrapper*>(self)->coroutine, nullptr);
}

void WrappedDeallocate(PyObject* self) {
  Py_CLEAR(reinterpret_cast<AsyncGenWrapped*>(self)->value);
  PyObject_Free(self);
}

PyMethodDef kCoroutineMethods[] = {
    {"send", Send, METH_O, "send(arg) -> send 'arg' into coroutine,\nreturn next iterated value or raise StopIteration."},
    {"throw", KILN_FASTCALL(Throw), METH_FASTCALL,
     "throw(value)\nthrow(type[,value[,traceback]])\n\nRaise exception in coroutine, return next iterated value or raise\nStopIteration."},
    {"close", Close, METH_NOARGS, "close() -> raise GeneratorExit inside coroutine."},
    {nullptr, nullptr, 0, nullptr},
};

PyGetSetDef kCoroutineGetSet[] = {
    {"__name__", GetName, SetName, "name of the coroutine", nullptr},
    {"__qualname__", GetQualname, SetQualname, "qualified name of the coroutine", nullptr},
    {"cr_running", GetRunning, nullptr, nullptr, nullptr},
    {"cr_suspended", GetSuspended, nullptr, nullptr, nullptr},
    {"cr_code", GetCode, nullptr, nullptr, nullptr},
    {"cr_frame", GetFrame, nullptr, nullptr, nullptr},
    {"cr_await", GetYieldFrom, nullptr, "object being awaited on, or None", nullptr},
    {"cr_origin", GetOrigin, nullptr, nullptr, nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

PyMethodDef kAsyncGenMethods[] = {
    {"asend", AsyncGenASend, METH_O, "asend(v) -> send 'v' in generator."},
    {"athrow", AsyncGenAThrow, METH_VARARGS, "athrow(typ[,val[,tb]]) -> raise exception in generator."},
    {"aclose", AsyncGenAClose, METH_NOARGS, "aclose() -> raise GeneratorExit inside generator."},
    {nullptr, nullptr, 0, nullptr},
};

PyGetSetDef kAsyncGenGetSet[] = {
    {"__name__", GetName, SetName, "name of the async generator", nullptr},
    {"__qualname__", GetQualname, SetQualname, "qualified name of the async generator", nullptr},
    {"ag_running", GetRunning, nullptr, nullptr, nullptr},
    {"ag_suspended", GetSuspended, nullptr, nullptr, nullptr},
    {"ag_code", GetCode, nullptr, nullptr, nullptr},
    {"ag_frame", GetFrame, nullptr, nullptr, nullptr},
    {"ag_await", GetYieldFrom, nullptr, "object being awaited on, or None", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

PyMethodDef kWrapperMethods[] = {
    {"send", WrapperSend, METH_O, nullptr},
    {"throw", KILN_FASTCALL(WrapperThrow), METH_FASTCALL, nullptr},
    {"close", WrapperClose, METH_NOARGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

PyMethodDef kASendMethods[] = {
    {"send", ASendSend, METH_O, nullptr},
    {"throw", KILN_FASTCALL(ASendThrow), METH_FASTCALL, nullptr},
    {"close", AwaitableClose, METH_NOARGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

PyMethodDef kAThrowMethods[] = {
    {"send", AThrowSend, METH_O, nullptr},
    {"throw", KILN_FASTCALL(AThrowThrow), METH_FASTCALL, nullptr},
    {"close", AwaitableClose, METH_NOARGS, nullptr},
    {nullptr, nullptr, 0, nullptr},
};

#undef KILN_FASTCALL

PyAsyncMethods kCoroutineAsync = {CoroutineAwait, nullptr, nullptr, AmSend};
PyAsyncMethods kAsyncGenAsync = {nullptr, PyObject_SelfIter, AsyncGenANext, nullptr};
PyAsyncMethods kAwaitableAsync = {PyObject_SelfIter, nullptr, nullptr, nullptr};

void InitGeneratorLikeType(PyTypeObject* type, const char* name) {
  type->tp_name = name;
  type->tp_basicsize = offsetof(GeneratorObject, frame) + offsetof(GeneratorFrame, slots);
  type->tp_itemsize = sizeof(PyObject*);
  type->tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC;
  type->tp_dealloc = Deallocate;
  type->tp_traverse = Traverse;
  type->tp_clear = ClearReferences;
  type->tp_finalize = Finalize;
  type->tp_weaklistoffset = offsetof(GeneratorObject, weak_references);
}

void InitHelperType(PyTypeObject* type, const char* name, Py_ssize_t size) {
  type->tp_name = name;
  type->tp_basicsize = size;
  type->tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC;
  type->tp_iter = PyObject_SelfIter;
}

bool ReadyAsyncTypes() {
  static bool ready = false;
  if (ready) return true;
  if (!ReadyType()) return false;
  InitGeneratorLikeType(&CoroutineType, "coroutine");
  CoroutineType.tp_repr = CoroutineRepr;
  CoroutineType.tp_methods = kCoroutineMethods;
  CoroutineType.tp_getset = kCoroutineGetSet;
  CoroutineType.tp_as_async = &kCoroutineAsync;

  InitGeneratorLikeType(&AsyncGenType, "async_generator");
  AsyncGenType.tp_repr = AsyncGenRepr;
  AsyncGenType.tp_methods = kAsyncGenMethods;
  AsyncGenType.tp_getset = kAsyncGenGetSet;
  AsyncGenType.tp_as_async = &kAsyncGenAsync;

  InitHelperType(&CoroutineWrapperType, "coroutine_wrapper", sizeof(CoroutineWrapper));
  CoroutineWrapperType.tp_dealloc = WrapperDeallocate;
  CoroutineWrapperType.tp_traverse = WrapperTraverse;
  CoroutineWrapperType.tp_iternext = WrapperNext;
  CoroutineWrapperType.tp_methods = kWrapperMethods;

  InitHelperType(&AsyncGenSendType, "async_generator_asend", sizeof(AsyncGenAwaitable));
  AsyncGenSendType.tp_dealloc = AwaitableDeallocate;
  AsyncGenSendType.tp_traverse = AwaitableTraverse;
  AsyncGenSendType.tp_iternext = ASendNext;
  AsyncGenSendType.tp_methods = kASendMethods;
  AsyncGenSendType.tp_as_async = &kAwaitableAsync;

  InitHelperType(&AsyncGenThrowType, "async_generator_athrow", sizeof(AsyncGenAwaitable));
  AsyncGenThrowType.tp_dealloc = AwaitableDeallocate;
  AsyncGenThrowType.tp_traverse = AwaitableTraverse;
  AsyncGenThrowType.tp_iternext = AThrowNext;
  AsyncGenThrowType.tp_methods = kAThrowMethods;
  AsyncGenThrowType.tp_as_async = &kAwaitableAsync;

  AsyncGenWrappedType.tp_name = "async_generator_wrapped_value";
  AsyncGenWrappedType.tp_basicsize = sizeof(AsyncGenWrapped);
  AsyncGenWrappedType.tp_flags = Py_TPFLAGS_DEFAULT;
  AsyncGenWrappedType.tp_dealloc = WrappedDeallocate;

  PyTypeObject* types[] = {&CoroutineType,    &AsyncGenType,      &CoroutineWrapperType,
                           &AsyncGenSendType, &AsyncGenThrowType, &AsyncGenWrappedType};
  for (PyTypeObject* type : types) {
    if (PyType_Ready(type) < 0) return false;
  }
  ready = true;
  return true;
}

PyObject* NewOfKind(PyTypeObject* type, char kind, PyObject* function, GeneratorResume resume,
                    int slot_count) {
  if (!ReadyAsyncTypes()) return nullptr;
  PyObject* object = NewGenerator(function, resume, slot_count);
  if (object == nullptr) return nullptr;
  // Same layout: only the type changes (static types: no references to move).
  Py_SET_TYPE(object, type);
  AsGenerator(object)->kind = kind;
  return object;
}

}  // namespace

PyObject* NewCoroutine(PyObject* function, GeneratorResume resume, int slot_count) {
  return NewOfKind(&CoroutineType, kCoroutine, function, resume, slot_count);
}

PyObject* NewAsyncGenerator(PyObject* function, GeneratorResume resume, int slot_count) {
  return NewOfKind(&AsyncGenType, kAsyncGenerator, function, resume, slot_count);
}

PyObject* AsyncGenWrap(PyObject* value) {
  if (!ReadyAsyncTypes()) {
    Py_DECREF(value);
    return nullptr;
  }
  AsyncGenWrapped* wrapped = PyObject_New(AsyncGenWrapped, &AsyncGenWrappedType);
  if (wrapped == nullptr) {
    Py_DECREF(value);
    return nullptr;
  }
  wrapped->value = value;
  return reinterpret_cast<PyObject*>(wrapped);
}

bool IsCompiledCoroutine(PyObject* object) { return Py_TYPE(object) == &CoroutineType; }

PyObject* GetAwaitableIter(PyObject* awaitable) {
  PyObject* iterator = nullptr;
  PyTypeObject* type = Py_TYPE(awaitable);
  if (type == &CoroutineType || PyCoro_CheckExact(awaitable)) {
    iterator = Py_NewRef(awaitable);
  } else if (PyGen_CheckExact(awaitable) &&
             (reinterpret_cast<PyCodeObject*>(reinterpret_cast<PyGenObject*>(awaitable)->gi_code)
                  ->co_flags & CO_ITERABLE_COROUTINE)) {
    iterator = Py_NewRef(awaitable);  // @types.coroutine generator
  } else if (type->tp_as_async != nullptr && type->tp_as_async->am_await != nullptr) {
    iterator = type->tp_as_async->am_await(awaitable);
    if (iterator == nullptr) return nullptr;
    if (PyCoro_CheckExact(iterator) || Py_TYPE(iterator) == &CoroutineType) {
      Py_DECREF(iterator);
      PyErr_SetString(PyExc_TypeError, "__await__() returned a coroutine");
      return nullptr;
    }
    if (!PyIter_Check(iterator)) {
      PyErr_Format(PyExc_TypeError, "__await__() returned non-iterator of type '%.100s'",
                   Py_TYPE(iterator)->tp_name);
      Py_DECREF(iterator);
      return nullptr;
    }
    return iterator;
  } else {
    PyErr_Format(PyExc_TypeError, "object %.100s can't be used in 'await' expression",
                 type->tp_name);
    return nullptr;
  }
  // A coroutine suspended in an await of its own is being awaited already.
  bool busy = false;
  if (type == &CoroutineType) {
    GeneratorObject* coroutine = AsGenerator(awaitable);
    busy = coroutine->frame.state > 0 && coroutine->frame.yield_from != nullptr;
  } else if (PyCoro_CheckExact(awaitable)) {
    PyObject* awaited = PyObject_GetAttrString(awaitable, "cr_await");
    if (awaited == nullptr) {
      Py_DECREF(iterator);
      return nullptr;
    }
    busy = awaited != Py_None;
    Py_DECREF(awaited);
  }
  if (busy) {
    Py_DECREF(iterator);
    PyErr_SetString(PyExc_RuntimeError, "coroutine is being awaited already");
    return nullptr;
  }
  return iterator;
}

// The awaitable of an `async with` method's result, with CPython's message for one that
// is not awaitable.
static PyObject* AwaitableFromContext(PyObject* result, const char* method) {
  PyTypeObject* type = Py_TYPE(result);
  bool awaitable = type == &CoroutineType || PyCoro_CheckExact(result) ||
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
  if (type == &AsyncGenType) {
    next = AsyncGenANext(iterator);
  } else if (type->tp_as_async != nullptr && type->tp_as_async->am_anext != nullptr) {
    next = type->tp_as_async->am_anext(iterator);
  } else {
    PyErr_Format(PyExc_TypeError,
                 "'async for' requires an iterator with __anext__ method, got %.100s", type->tp_name);
    return nullptr;
  }
  if (next == nullptr) return nullptr;
  PyObject* awaitable = GetAwaitableIter(next);
  if (awaitable == nullptr) {
    if (PyErr_ExceptionMatches(PyExc_TypeError)) {
      PyErr_Clear();
      PyErr_Format(PyExc_TypeError, "'async for' received an invalid object from __anext__: %.100s",
                   Py_TYPE(next)->tp_name);
    }
    Py_DECREF(next);
    return nullptr;
  }
  Py_DECREF(next);
  return awaitable;
}

}  // namespace kiln
