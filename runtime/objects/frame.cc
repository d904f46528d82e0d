// Built with Py_BUILD_CORE (as generator.cc): it reads CPython 3.11's frame layout.
#define Py_BUILD_CORE 1
#include "runtime/objects/frame.h"

#include "internal/pycore_code.h"
#include "internal/pycore_frame.h"

#include <cstddef>
#include <vector>

namespace kiln {

_Py_CODEUNIT* SiteUnit(PyObject* code, int site) {
  PyCodeObject* code_object = reinterpret_cast<PyCodeObject*>(code);
  return _PyCode_CODE(code_object) + code_object->_co_firsttraceable + site;
}

ActiveFrame::ActiveFrame(PyObject* function, PyObject* code, PyObject* globals, PyObject* locals) {
  instruction_ = &unused_;
  PyCodeObject* code_object = reinterpret_cast<PyCodeObject*>(code);
  PyObject* owned_function = nullptr;
  if (function == nullptr) {
    owned_function = PyFunction_New(code, globals);
    if (owned_function == nullptr) return;
    function = owned_function;
  }
  PyThreadState* thread = PyThreadState_Get();
  const int slots = code_object->co_nlocalsplus + code_object->co_stacksize;
  _PyInterpreterFrame* frame =
      _PyThreadState_BumpFramePointer(thread, static_cast<size_t>(slots) + FRAME_SPECIALS_SIZE);
  if (frame == nullptr) {
    Py_XDECREF(owned_function);
    return;
  }
  PyFunctionObject* func = reinterpret_cast<PyFunctionObject*>(function);
  frame->f_func = func;
  if (owned_function == nullptr) Py_INCREF(function);  // the frame's strong reference
  frame->f_code = reinterpret_cast<PyCodeObject*>(Py_NewRef(code));
  frame->f_builtins = func->func_builtins;
  frame->f_globals = globals;
  frame->f_locals = Py_XNewRef(locals);
  // The locals and the compiled code's temporaries: CPython releases them with the frame.
  frame->stacktop = slots - kTrampolineStack;
  frame->frame_obj = nullptr;
  frame->prev_instr = SiteUnit(code, 0);
  frame->is_entry = false;
  frame->owner = FRAME_OWNED_BY_THREAD;
  for (int i = 0; i < slots; ++i) frame->localsplus[i] = nullptr;
  frame->previous = thread->cframe->current_frame;
  thread->cframe->current_frame = frame;
  frame_ = frame;
  owned_ = true;
  instruction_ = &frame->prev_instr;
  first_ = SiteUnit(code, 0);
}

ActiveFrame::ActiveFrame(ResumedFrame) {
  _PyInterpreterFrame* frame = PyThreadState_Get()->cframe->current_frame;
  frame_ = frame;
  instruction_ = &frame->prev_instr;
  first_ = SiteUnit(reinterpret_cast<PyObject*>(frame->f_code), 0);
  if (frame->frame_obj != nullptr) frame->frame_obj->f_lineno = 0;  // running again
}

ActiveFrame::~ActiveFrame() {
  if (!owned_) return;
  _PyInterpreterFrame* frame = static_cast<_PyInterpreterFrame*>(frame_);
  PyThreadState* thread = PyThreadState_Get();
  thread->cframe->current_frame = frame->previous;
  // A frame object that outlives the call takes a copy of the frame (CPython's
  // take_ownership); the references of the frame are released. A pending exception is
  // kept aside meanwhile (the locals' finalizers may run); most calls have none.
  const bool pending = thread->curexc_type != nullptr;
  PyObject *type = nullptr, *value = nullptr, *traceback = nullptr;
  if (pending) PyErr_Fetch(&type, &value, &traceback);
  _PyFrame_Clear(frame);
  _PyThreadState_PopFrame(thread, frame);
  if (pending) PyErr_Restore(type, value, traceback);
}

PyObject** ActiveFrame::slots() const {
  return static_cast<_PyInterpreterFrame*>(frame_)->localsplus;
}

void ActiveFrame::Suspend(int line, bool delegating) {
  _PyInterpreterFrame* frame = static_cast<_PyInterpreterFrame*>(frame_);
  PyFrameObject* object = frame->frame_obj;
  if (object == nullptr && delegating) {
    object = _PyFrame_GetFrameObject(frame);
    if (object == nullptr) PyErr_Clear();  // only its line would be missing
  }
  if (object != nullptr) object->f_lineno = line;
}

int TakeCurrentFrameEntry(PyObject* exception, PyObject** traceback) {
  _PyInterpreterFrame* frame = PyThreadState_Get()->cframe->current_frame;
  PyTracebackObject* entry = reinterpret_cast<PyTracebackObject*>(*traceback);
  if (entry == nullptr || entry->tb_frame == nullptr || entry->tb_frame->f_frame != frame) return -1;
  const int lasti = entry->tb_lasti;
  PyObject* rest = Py_XNewRef(reinterpret_cast<PyObject*>(entry->tb_next));
  Py_DECREF(*traceback);
  *traceback = rest;
  if (exception != nullptr && PyExceptionInstance_Check(exception)) {
    PyException_SetTraceback(exception, rest ? rest : Py_None);
  }
  return lasti;
}

void ActiveFrame::LeaveWithError() {
  _PyInterpreterFrame* frame = static_cast<_PyInterpreterFrame*>(frame_);
  PyObject *type, *value, *traceback;
  PyErr_Fetch(&type, &value, &traceback);
  const int lasti = TakeCurrentFrameEntry(value, &traceback);
  if (lasti >= 0) frame->prev_instr = _PyCode_CODE(frame->f_code) + lasti / sizeof(_Py_CODEUNIT);
  PyErr_Restore(type, value, traceback);
}

void SetFrameSite(PyFrameObject* frame, int site) {
  _PyInterpreterFrame* interpreter_frame = frame->f_frame;
  interpreter_frame->prev_instr =
      SiteUnit(reinterpret_cast<PyObject*>(interpreter_frame->f_code), site);
  frame->f_lineno = 0;
}

PyFrameObject* CurrentFrameAt(PyObject* code, int site) {
  _PyInterpreterFrame* frame = PyThreadState_Get()->cframe->current_frame;
  if (frame == nullptr || reinterpret_cast<PyObject*>(frame->f_code) != code) return nullptr;
  frame->prev_instr = SiteUnit(code, site);
  PyObject *type, *value, *traceback;
  PyErr_Fetch(&type, &value, &traceback);
  PyFrameObject* object = _PyFrame_GetFrameObject(frame);
  if (object == nullptr) PyErr_Clear();
  PyErr_Restore(type, value, traceback);
  return reinterpret_cast<PyFrameObject*>(Py_XNewRef(reinterpret_cast<PyObject*>(object)));
}

vectorcallfunc CompiledEntry(PyObject* code) {
  if (!PyCode_Check(code)) return nullptr;
  PyObject* constants = reinterpret_cast<PyCodeObject*>(code)->co_consts;
  if (!PyTuple_Check(constants) || PyTuple_GET_SIZE(constants) < 3) return nullptr;
  PyObject* capsule = PyTuple_GET_ITEM(constants, 2);
  if (!PyCapsule_IsValid(capsule, kEntryCapsule)) return nullptr;
  return reinterpret_cast<vectorcallfunc>(PyCapsule_GetPointer(capsule, kEntryCapsule));
}

PyObject* ReplacedCodeToRun(PyObject* current, PyObject* own) {
  if (!PyCode_Check(current)) return own;
  PyCodeObject* a = reinterpret_cast<PyCodeObject*>(current);
  PyCodeObject* b = reinterpret_cast<PyCodeObject*>(own);
  bool same_layout = Py_SIZE(a) == Py_SIZE(b) && a->co_nlocalsplus == b->co_nlocalsplus &&
                     a->co_stacksize == b->co_stacksize && a->co_nlocals == b->co_nlocals &&
                     a->co_nfreevars == b->co_nfreevars &&
                     a->co_argcount == b->co_argcount && a->co_kwonlyargcount == b->co_kwonlyargcount &&
                     a->co_posonlyargcount == b->co_posonlyargcount &&
                     (a->co_flags & (CO_VARARGS | CO_VARKEYWORDS)) ==
                         (b->co_flags & (CO_VARARGS | CO_VARKEYWORDS)) &&
                     CompiledEntry(current) == CompiledEntry(own);
  return same_layout ? current : own;
}

PyObject* CallReplacedCode(PyObject* function, PyObject* const* args, size_t nargsf,
                           PyObject* kwnames) {
  vectorcallfunc entry = CompiledEntry(reinterpret_cast<PyFunctionObject*>(function)->func_code);
  if (entry != nullptr) return entry(function, args, nargsf, kwnames);
  return _PyFunction_Vectorcall(function, args, nargsf, kwnames);
}

PyObject* CallCompiledFromFrame() {
  PyThreadState* thread = PyThreadState_Get();
  _PyInterpreterFrame* frame = thread->cframe->current_frame;
  PyFunctionObject* function = frame ? frame->f_func : nullptr;
  vectorcallfunc entry =
      frame ? CompiledEntry(reinterpret_cast<PyObject*>(frame->f_code)) : nullptr;
  if (function == nullptr || entry == nullptr ||
      function->func_code != reinterpret_cast<PyObject*>(frame->f_code)) {
    PyErr_SetString(PyExc_SystemError, "the code of a compiled function cannot run as bytecode");
    return nullptr;
  }
  PyCodeObject* code = frame->f_code;
  const int argcount = code->co_argcount;
  const int keyword_only = code->co_kwonlyargcount;
  const bool has_varargs = code->co_flags & CO_VARARGS;
  const bool has_varkeywords = code->co_flags & CO_VARKEYWORDS;
  // The frame holds the bound parameters; MAKE_CELL has put captured ones in cells.
  const int parameters = argcount + keyword_only + (has_varargs ? 1 : 0) + (has_varkeywords ? 1 : 0);
  std::vector<PyObject*> locals(frame->localsplus, frame->localsplus + parameters);
  for (int i = 0; i < parameters; ++i) {
    if ((_PyLocals_GetKind(code->co_localspluskinds, i) & CO_FAST_CELL) && locals[i] != nullptr &&
        PyCell_Check(locals[i])) {
      locals[i] = PyCell_GET(locals[i]);
    }
  }
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
  // The compiled entry pushes a frame of its own: this one, running the trampoline,
  // is made incomplete (before unit 0, the RESUME) so that sys._getframe() and the
  // interpreter's traceback skip it.
  frame->prev_instr = _PyCode_CODE(code) - 1;
  PyObject* function_object = reinterpret_cast<PyObject*>(function);
  Py_INCREF(function_object);
  PyObject* result = entry(function_object, arguments.data() + 1,
                           positional | PY_VECTORCALL_ARGUMENTS_OFFSET, names);
  Py_DECREF(function_object);
  Py_XDECREF(names);
  return result;
}

}  // namespace kiln
