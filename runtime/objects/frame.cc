// The only runtime file built with Py_BUILD_CORE: it reads CPython 3.11's frame layout.
#define Py_BUILD_CORE 1
#include "runtime/objects/frame.h"

#include "internal/pycore_frame.h"

#include <vector>

namespace kiln {

void SetFrameSite(PyFrameObject* frame, int site) {
  _PyInterpreterFrame* interpreter_frame = frame->f_frame;
  interpreter_frame->prev_instr = _PyCode_CODE(interpreter_frame->f_code) + site;
  frame->f_lineno = 0;
}

PyObject* CallCompiledFromFrame() {
  PyThreadState* thread = PyThreadState_Get();
  _PyInterpreterFrame* frame = thread->cframe->current_frame;
  PyFunctionObject* function = frame ? frame->f_func : nullptr;
  if (function == nullptr || function->vectorcall == nullptr ||
      function->vectorcall == _PyFunction_Vectorcall ||
      function->func_code != reinterpret_cast<PyObject*>(frame->f_code)) {
    PyErr_SetString(PyExc_SystemError, "the code of a compiled function cannot run as bytecode");
    return nullptr;
  }
  PyCodeObject* code = frame->f_code;
  const int argcount = code->co_argcount;
  const int keyword_only = code->co_kwonlyargcount;
  const bool has_varargs = code->co_flags & CO_VARARGS;
  const bool has_varkeywords = code->co_flags & CO_VARKEYWORDS;
  // The frame holds the bound parameters: positional, keyword-only, *args, **kwargs.
  PyObject** locals = frame->localsplus;
  PyObject* extra = has_varargs ? locals[argcount + keyword_only] : nullptr;
  PyObject* keywords = has_varkeywords ? locals[argcount + keyword_only + (has_varargs ? 1 : 0)]
                                       : nullptr;
  Py_ssize_t extra_count = extra && PyTuple_Check(extra) ? PyTuple_GET_SIZE(extra) : 0;
  Py_ssize_t keyword_count = keywords && PyDict_Check(keywords) ? PyDict_GET_SIZE(keywords) : 0;
  Py_ssize_t positional = argcount + extra_count;
  std::vector<PyObject*> arguments(1 + positional + keyword_only + keyword_count);
  for (int i = 0; i < argcount; ++i) arguments[1 + i] = locals[i];
  for (Py_ssize_t i = 0; i < extra_count; ++i) arguments[1 + argcount + i] = PyTuple_GET_ITEM(extra, i);
  PyObject* names = nullptr;
  if (keyword_only + keyword_count > 0) {
    names = PyTuple_New(keyword_only + keyword_count);
    if (names == nullptr) return nullptr;
    for (int i = 0; i < keyword_only; ++i) {
      PyObject* name = PyTuple_GET_ITEM(code->co_localsplusnames, argcount + i);
      PyTuple_SET_ITEM(names, i, Py_NewRef(name));
      arguments[1 + positional + i] = locals[argcount + i];
    }
    Py_ssize_t position = 0, index = keyword_only;
    PyObject *key, *value;
    while (keywords && PyDict_Next(keywords, &position, &key, &value)) {
      PyTuple_SET_ITEM(names, index, Py_NewRef(key));
      arguments[1 + positional + index] = value;
      ++index;
    }
  }
  for (size_t i = 1; i < arguments.size(); ++i) {
    if (arguments[i] == nullptr) {
      Py_XDECREF(names);
      PyErr_SetString(PyExc_SystemError, "unbound parameter in a compiled function's frame");
      return nullptr;
    }
  }
  PyObject* function_object = reinterpret_cast<PyObject*>(function);
  Py_INCREF(function_object);
  PyObject* result = function->vectorcall(function_object, arguments.data() + 1,
                                          positional | PY_VECTORCALL_ARGUMENTS_OFFSET, names);
  Py_DECREF(function_object);
  Py_XDECREF(names);
  return result;
}

}  // namespace kiln
