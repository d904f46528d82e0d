#include "runtime/objects/generator.h"

#include <cstddef>

#include "frameobject.h"
#include "runtime/objects/frame.h"
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
  GeneratorFrame frame;       // must be last: slots extend past the end
};

PyTypeObject GeneratorType;

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
    PyErr_SetString(PyExc_ValueError, "generator already executing");
    return Outcome::kError;
  }
  if (generator->frame.state < 0) {
    if (sent == nullptr) return Outcome::kError;  // throw() into a finished generator
    *result = Py_NewRef(Py_None);
    return Outcome::kReturned;
  }
  if (generator->frame.state == 0 && sent != nullptr && sent != Py_None) {
    PyErr_SetString(PyExc_TypeError, "can't send non-None value to a just-started generator");
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
      _PyErr_FormatFromCause(PyExc_RuntimeError, "generator raised StopIteration");
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

PyObject* Throw(PyObject* self, PyObject* const* args, Py_ssize_t nargs) {
  if (nargs < 1 || nargs > 3) {
    PyErr_Format(PyExc_TypeError, "throw expected at least 1 argument, got %zd", nargs);
    return nullptr;
  }
  PyObject* type = args[0];
  PyObject* value = nargs > 1 ? args[1] : Py_None;
  PyObject* traceback = nargs > 2 ? args[2] : Py_None;
  if (traceback == Py_None) {
    traceback = nullptr;
  } else if (!PyTraceBack_Check(traceback)) {
    PyErr_SetString(PyExc_TypeError, "throw() third argument must be a traceback object");
    return nullptr;
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
      return nullptr;
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
    return nullptr;
  }
  PyErr_Restore(type, value, traceback);
  return ThrowCurrent(AsGenerator(self));
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
    PyErr_SetString(PyExc_RuntimeError, "generator ignored GeneratorExit");
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
  for (Py_ssize_t i = 0; i < Py_SIZE(generator); ++i) Py_VISIT(generator->frame.slots[i]);
  return 0;
}

int ClearReferences(PyObject* self) {
  GeneratorObject* generator = AsGenerator(self);
  ClearFrame(generator);
  Py_CLEAR(generator->frame.return_value);
  Py_CLEAR(generator->exception_state);
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

PyMethodDef kMethods[] = {
    {"send", Send, METH_O, "send(arg) -> send 'arg' into generator,\nreturn next yielded value or raise StopIteration."},
    {"throw", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(Throw)), METH_FASTCALL,
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
  if (PyCoro_CheckExact(iterable)) {
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

}  // namespace kiln
