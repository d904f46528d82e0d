#include "runtime/ops/ops.h"

#include <string.h>

#include <vector>

namespace kiln {
namespace {

// A NameError whose `name` attribute is set, as CPython's name lookups do: the
// traceback printer uses it to suggest similar names ("Did you mean: ...?").
void RaiseNameError(const char* format, PyObject* name) {
  PyErr_Format(PyExc_NameError, format, name);
  PyObject *type, *value, *traceback;
  PyErr_Fetch(&type, &value, &traceback);
  PyErr_NormalizeException(&type, &value, &traceback);
  if (value != nullptr && PyObject_SetAttrString(value, "name", name) < 0) PyErr_Clear();
  PyErr_Restore(type, value, traceback);
}

PyObject* FunctionDescription(PyObject* function) {
  // Class keyword errors are worded as CPython's __build_class__ words them.
  if (function == nullptr) return PyUnicode_FromString("__build_class__()");
  return _PyObject_FunctionStr(function);
}

}  // namespace

PyObject* InternUtf8(const char* utf8, Py_ssize_t size) {
  PyObject* text = PyUnicode_DecodeUTF8(utf8, size, "surrogatepass");
  if (text != nullptr) PyUnicode_InternInPlace(&text);
  return text;
}

namespace {

// Appends text[start, end) decoded to `pieces`.
int AppendText(PyObject* pieces, const char* text, Py_ssize_t start, Py_ssize_t end) {
  if (end <= start) return 0;
  PyObject* piece = PyUnicode_DecodeUTF8(text + start, end - start, "surrogatepass");
  int status = piece ? PyList_Append(pieces, piece) : -1;
  Py_XDECREF(piece);
  return status;
}

PyObject* Replaced(PyObject* text, const char* old_text, const char* new_text) {
  PyObject* old_object = PyUnicode_FromString(old_text);
  PyObject* new_object = PyUnicode_FromString(new_text);
  PyObject* result =
      old_object && new_object ? PyUnicode_Replace(text, old_object, new_object, -1) : nullptr;
  Py_XDECREF(old_object);
  Py_XDECREF(new_object);
  return result;
}

// repr(), or the text with braces doubled, of a template constant.
PyObject* ConstantPiece(PyObject* constant, bool repr) {
  if (!repr) {
    PyObject* open = Replaced(constant, "{", "{{");
    PyObject* both = open ? Replaced(open, "}", "}}") : nullptr;
    Py_XDECREF(open);
    return both;
  }
  PyObject* text = PyObject_Repr(constant);
  if (text != nullptr && (PyFloat_CheckExact(constant) || PyComplex_CheckExact(constant))) {
    Py_SETREF(text, Replaced(text, "inf", "1e309"));
  }
  return text;
}

// The pieces of a list joined.
PyObject* Joined(PyObject* pieces) {
  return JoinStrings(PySequence_Fast_ITEMS(pieces), PyList_GET_SIZE(pieces));
}

}  // namespace

PyObject* AnnotationText(const char* text, Py_ssize_t size,
                         std::initializer_list<PyObject*> constants) {
  // One list of pieces per open f-string body, the outermost text first.
  std::vector<PyObject*> levels = {PyList_New(0)};
  PyObject* const* next = constants.begin();
  bool ok = levels.back() != nullptr;
  Py_ssize_t start = 0;
  for (Py_ssize_t i = 0; ok && i <= size; ++i) {
    char mark = i < size ? text[i] : '\0';
    if (i < size && (mark < '\x01' || mark > '\x04')) continue;
    ok = AppendText(levels.back(), text, start, i) == 0;
    start = i + 1;
    if (!ok || i == size) break;
    if (mark == '\x01' || mark == '\x02') {
      if (next == constants.end()) {
        PyErr_SetString(PyExc_SystemError, "annotation template names too few constants");
        ok = false;
        break;
      }
      PyObject* piece = ConstantPiece(*next++, mark == '\x01');
      ok = piece != nullptr && PyList_Append(levels.back(), piece) == 0;
      Py_XDECREF(piece);
    } else if (mark == '\x03') {
      levels.push_back(PyList_New(0));
      ok = levels.back() != nullptr;
    } else if (levels.size() > 1) {
      PyObject* body = Joined(levels.back());
      Py_DECREF(levels.back());
      levels.pop_back();
      PyObject* quoted = body ? PyObject_Repr(body) : nullptr;
      Py_XDECREF(body);
      ok = quoted != nullptr && PyList_Append(levels.back(), quoted) == 0;
      Py_XDECREF(quoted);
    }
  }
  PyObject* result = ok && levels.size() == 1 ? Joined(levels.front()) : nullptr;
  if (ok && levels.size() != 1) {
    PyErr_SetString(PyExc_SystemError, "unbalanced annotation template");
  }
  for (PyObject* level : levels) Py_XDECREF(level);
  return result;
}

PyObject* LoadClassCell(PyObject* locals, PyObject* globals, PyObject* cell, PyObject* name) {
  PyObject* value = PyMapping_GetItemString(locals, PyUnicode_AsUTF8(name));
  if (value != nullptr) return value;
  if (!PyErr_ExceptionMatches(PyExc_KeyError)) return nullptr;
  PyErr_Clear();
  value = PyCell_GET(cell);
  if (value == nullptr) {
    RaiseUnboundFree(name);
    return nullptr;
  }
  Py_INCREF(value);
  return value;
}

int DeleteName(PyObject* locals, PyObject* name) {
  if (PyObject_DelItem(locals, name) == 0) return 0;
  if (PyErr_ExceptionMatches(PyExc_KeyError)) {
    PyErr_Clear();
    RaiseNameError("name '%U' is not defined", name);
  }
  return -1;
}

int DeleteGlobal(PyObject* globals, PyObject* name) {
  if (PyDict_DelItem(globals, name) == 0) return 0;
  if (PyErr_ExceptionMatches(PyExc_KeyError)) {
    PyErr_Clear();
    RaiseNameError("name '%U' is not defined", name);
  }
  return -1;
}

void CellSet(PyObject* cell, PyObject* value) {
  PyCell_Set(cell, value);
  Py_DECREF(value);
}

int CellDelete(PyObject* cell, PyObject* name, int is_free) {
  if (PyCell_GET(cell) == nullptr) {
    if (is_free) RaiseUnboundFree(name); else RaiseUnboundLocal(name);
    return -1;
  }
  return PyCell_Set(cell, nullptr);
}

PyObject* BuiltinsOf(PyObject* globals) {
  PyObject* builtins = PyDict_GetItemString(globals, "__builtins__");
  if (builtins != nullptr && PyModule_Check(builtins)) builtins = PyModule_GetDict(builtins);
  if (builtins == nullptr || !PyDict_Check(builtins)) builtins = PyEval_GetBuiltins();
  return builtins;
}

int EnsureBuiltins(PyObject* globals) {
  if (PyDict_GetItemString(globals, "__builtins__") != nullptr) return 0;
  return PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins());
}

int SetupAnnotations(PyObject* locals) {
  PyObject* key = PyUnicode_FromString("__annotations__");
  if (key == nullptr) return -1;
  int result = 0;
  int present = 1;
  PyObject* existing = PyObject_GetItem(locals, key);
  if (existing != nullptr) {
    Py_DECREF(existing);
  } else if (PyErr_ExceptionMatches(PyExc_KeyError)) {
    PyErr_Clear();
    present = 0;
  } else {
    result = -1;
  }
  if (result == 0 && !present) {
    PyObject* annotations = PyDict_New();
    result = annotations ? PyObject_SetItem(locals, key, annotations) : -1;
    Py_XDECREF(annotations);
  }
  Py_DECREF(key);
  return result;
}

PyObject* Contains(PyObject* container, PyObject* item, int positive) {
  int found = PySequence_Contains(container, item);
  if (found < 0) return nullptr;
  return Py_NewRef((found != 0) == (positive != 0) ? Py_True : Py_False);
}

PyObject* Power(PyObject* base, PyObject* exponent) { return PyNumber_Power(base, exponent, Py_None); }

PyObject* InPlacePower(PyObject* base, PyObject* exponent) {
  return PyNumber_InPlacePower(base, exponent, Py_None);
}

int ListExtend(PyObject* list, PyObject* iterable) {
  PyObject* none = _PyList_Extend(reinterpret_cast<PyListObject*>(list), iterable);
  if (none != nullptr) {
    Py_DECREF(none);
    return 0;
  }
  if (PyErr_ExceptionMatches(PyExc_TypeError) && Py_TYPE(iterable)->tp_iter == nullptr &&
      !PySequence_Check(iterable)) {
    PyErr_Clear();
    PyErr_Format(PyExc_TypeError, "Value after * must be an iterable, not %.200s",
                 Py_TYPE(iterable)->tp_name);
  }
  return -1;
}

int DictUpdate(PyObject* dict, PyObject* mapping) {
  if (PyDict_Update(dict, mapping) == 0) return 0;
  if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
    PyErr_Clear();
    PyErr_Format(PyExc_TypeError, "'%.200s' object is not a mapping", Py_TYPE(mapping)->tp_name);
  }
  return -1;
}

PyObject* FormatValue(PyObject* value, int conversion, PyObject* spec) {
  PyObject* converted = nullptr;
  switch (conversion) {
    case 's': converted = PyObject_Str(value); break;
    case 'r': converted = PyObject_Repr(value); break;
    case 'a': converted = PyObject_ASCII(value); break;
    default: converted = Py_NewRef(value); break;
  }
  if (converted == nullptr) return nullptr;
  if (spec == nullptr && PyUnicode_CheckExact(converted)) return converted;
  PyObject* result = PyObject_Format(converted, spec);
  Py_DECREF(converted);
  return result;
}

PyObject* JoinStrings(PyObject* const* items, Py_ssize_t count) {
  PyObject* empty = PyUnicode_FromStringAndSize(nullptr, 0);
  if (empty == nullptr) return nullptr;
  PyObject* result = _PyUnicode_JoinArray(empty, items, count);
  Py_DECREF(empty);
  return result;
}

namespace {

void ReleaseItems(PyObject** out, Py_ssize_t count) {
  for (Py_ssize_t i = 0; i < count; ++i) Py_CLEAR(out[i]);
}

PyObject* IterForUnpack(PyObject* value) {
  PyObject* iterator = PyObject_GetIter(value);
  if (iterator == nullptr && PyErr_ExceptionMatches(PyExc_TypeError) &&
      Py_TYPE(value)->tp_iter == nullptr && !PySequence_Check(value)) {
    PyErr_Clear();
    PyErr_Format(PyExc_TypeError, "cannot unpack non-iterable %.200s object",
                 Py_TYPE(value)->tp_name);
  }
  return iterator;
}

}  // namespace

int UnpackSequence(PyObject* value, Py_ssize_t count, PyObject** out) {
  if ((PyTuple_CheckExact(value) || PyList_CheckExact(value)) && Py_SIZE(value) == count) {
    PyObject** items = PyTuple_CheckExact(value) ? &PyTuple_GET_ITEM(value, 0)
                                                 : &PyList_GET_ITEM(value, 0);
    for (Py_ssize_t i = 0; i < count; ++i) out[i] = Py_NewRef(items[i]);
    return 0;
  }
  PyObject* iterator = IterForUnpack(value);
  if (iterator == nullptr) return -1;
  for (Py_ssize_t i = 0; i < count; ++i) {
    PyObject* item = PyIter_Next(iterator);
    if (item == nullptr) {
      if (!PyErr_Occurred()) {
        PyErr_Format(PyExc_ValueError, "not enough values to unpack (expected %zd, got %zd)", count, i);
      }
      ReleaseItems(out, i);
      Py_DECREF(iterator);
      return -1;
    }
    out[i] = item;
  }
  PyObject* extra = PyIter_Next(iterator);
  Py_DECREF(iterator);
  if (extra == nullptr) {
    if (!PyErr_Occurred()) return 0;
    ReleaseItems(out, count);
    return -1;
  }
  Py_DECREF(extra);
  if (PyList_CheckExact(value) || PyTuple_CheckExact(value)) {
    PyErr_Format(PyExc_ValueError, "too many values to unpack (expected %zd)", count);
  } else {
    PyErr_Format(PyExc_ValueError, "too many values to unpack (expected %zd)", count);
  }
  ReleaseItems(out, count);
  return -1;
}

int UnpackStarred(PyObject* value, Py_ssize_t before, Py_ssize_t after, PyObject** out) {
  PyObject* iterator = IterForUnpack(value);
  if (iterator == nullptr) return -1;
  for (Py_ssize_t i = 0; i < before; ++i) {
    PyObject* item = PyIter_Next(iterator);
    if (item == nullptr) {
      if (!PyErr_Occurred()) {
        PyErr_Format(PyExc_ValueError,
                     "not enough values to unpack (expected at least %zd, got %zd)",
                     before + after, i);
      }
      ReleaseItems(out, i);
      Py_DECREF(iterator);
      return -1;
    }
    out[i] = item;
  }
  PyObject* rest = PySequence_List(iterator);
  Py_DECREF(iterator);
  if (rest == nullptr) {
    ReleaseItems(out, before);
    return -1;
  }
  Py_ssize_t size = PyList_GET_SIZE(rest);
  if (size < after) {
    PyErr_Format(PyExc_ValueError, "not enough values to unpack (expected at least %zd, got %zd)",
                 before + after, before + size);
    Py_DECREF(rest);
    ReleaseItems(out, before);
    return -1;
  }
  for (Py_ssize_t i = 0; i < after; ++i) {
    out[before + 1 + i] = Py_NewRef(PyList_GET_ITEM(rest, size - after + i));
  }
  if (PyList_SetSlice(rest, size - after, size, nullptr) < 0) {
    Py_DECREF(rest);
    ReleaseItems(out, before);
    ReleaseItems(out + before + 1, after);
    return -1;
  }
  out[before] = rest;
  return 0;
}

PyObject* CallMethod(PyObject* name, PyObject* const* args, size_t count_with_self,
                     PyObject* kwnames) {
  return PyObject_VectorcallMethod(name, args, count_with_self, kwnames);
}

int LoadMethod(PyObject* name, PyObject** slots) {
  PyObject* method = nullptr;
  int unbound = _PyObject_GetMethod(slots[1], name, &method);
  if (method == nullptr) return -1;
  slots[0] = method;
  if (!unbound) Py_CLEAR(slots[1]);
  return 0;
}

int ExtendCallArgs(PyObject* list, PyObject* iterable, PyObject* function) {
  if (Py_TYPE(iterable)->tp_iter == nullptr && !PySequence_Check(iterable)) {
    PyObject* description = FunctionDescription(function);
    if (description != nullptr) {
      PyErr_Format(PyExc_TypeError, "%U argument after * must be an iterable, not %.200s",
                   description, Py_TYPE(iterable)->tp_name);
      Py_DECREF(description);
    }
    return -1;
  }
  PyObject* none = _PyList_Extend(reinterpret_cast<PyListObject*>(list), iterable);
  if (none == nullptr) return -1;
  Py_DECREF(none);
  return 0;
}

int AddCallKeyword(PyObject* dict, PyObject* name, PyObject* value, PyObject* function) {
  int present = PyDict_Contains(dict, name);
  if (present < 0) return -1;
  if (present) {
    PyObject* description = FunctionDescription(function);
    if (description != nullptr) {
      PyErr_Format(PyExc_TypeError, "%U got multiple values for keyword argument '%S'",
                   description, name);
      Py_DECREF(description);
    }
    return -1;
  }
  return PyDict_SetItem(dict, name, value);
}

int MergeCallKwargs(PyObject* dict, PyObject* mapping, PyObject* function) {
  if (!PyDict_Check(mapping) && !PyObject_HasAttrString(mapping, "keys")) {
    PyObject* description = FunctionDescription(function);
    if (description != nullptr) {
      PyErr_Format(PyExc_TypeError, "%U argument after ** must be a mapping, not %.200s",
                   description, Py_TYPE(mapping)->tp_name);
      Py_DECREF(description);
    }
    return -1;
  }
  if (_PyDict_MergeEx(dict, mapping, 2) == 0) return 0;
  if (PyErr_ExceptionMatches(PyExc_KeyError)) {
    PyObject *type, *value, *traceback;
    PyErr_Fetch(&type, &value, &traceback);
    PyObject* key = value;
    if (value && PyTuple_Check(value) && PyTuple_GET_SIZE(value) == 1) key = PyTuple_GET_ITEM(value, 0);
    PyObject* description = FunctionDescription(function);
    if (description != nullptr && key != nullptr) {
      if (PyUnicode_Check(key)) {
        PyErr_Format(PyExc_TypeError, "%U got multiple values for keyword argument '%S'",
                     description, key);
      } else {
        PyErr_Format(PyExc_TypeError, "%U keywords must be strings", description);
      }
    }
    Py_XDECREF(description);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(traceback);
  }
  return -1;
}

PyObject* CallWithLists(PyObject* function, PyObject* positional, PyObject* keywords) {
  PyObject* arguments = PyList_AsTuple(positional);
  if (arguments == nullptr) return nullptr;
  PyObject* result = PyObject_Call(function, arguments, keywords);
  Py_DECREF(arguments);
  return result;
}

PyObject* ZeroArgSuper(PyObject* super_object, PyObject* class_cell, PyObject* first_argument,
                       int has_arguments) {
  if (super_object != reinterpret_cast<PyObject*>(&PySuper_Type)) {
    return PyObject_CallNoArgs(super_object);
  }
  if (!has_arguments) {
    PyErr_SetString(PyExc_RuntimeError, "super(): no arguments");
    return nullptr;
  }
  if (first_argument == nullptr) {
    PyErr_SetString(PyExc_RuntimeError, "super(): arg[0] deleted");
    return nullptr;
  }
  if (class_cell == nullptr) {
    PyErr_SetString(PyExc_RuntimeError, "super(): __class__ cell not found");
    return nullptr;
  }
  PyObject* klass = PyCell_GET(class_cell);
  if (klass == nullptr) {
    PyErr_SetString(PyExc_RuntimeError, "super(): empty __class__ cell");
    return nullptr;
  }
  if (!PyType_Check(klass)) {
    PyErr_Format(PyExc_RuntimeError, "super(): __class__ is not a type (%s)", Py_TYPE(klass)->tp_name);
    return nullptr;
  }
  return PyObject_CallFunctionObjArgs(super_object, klass, first_argument, nullptr);
}

PyObject* FetchException() {
  PyObject *type, *value, *traceback;
  PyErr_Fetch(&type, &value, &traceback);
  PyErr_NormalizeException(&type, &value, &traceback);
  if (value == nullptr) {
    value = Py_NewRef(Py_None);
  } else if (traceback != nullptr) {
    PyException_SetTraceback(value, traceback);
  }
  Py_XDECREF(type);
  Py_XDECREF(traceback);
  return value;
}

void RestoreException(PyObject* exception) {
  PyObject* type = Py_NewRef(reinterpret_cast<PyObject*>(Py_TYPE(exception)));
  PyObject* traceback = PyExceptionInstance_Check(exception) ? PyException_GetTraceback(exception)
                                                             : nullptr;
  PyErr_Restore(type, exception, traceback);
}

namespace {

// The type of an `except` (or `except*`, `star`) clause: an exception class or a tuple
// of them (and no exception group for except*). 0, or -1 with CPython's TypeError.
int CheckCatchable(PyObject* type, bool star) {
  PyObject* const* types = &type;
  Py_ssize_t count = 1;
  if (PyTuple_Check(type)) {
    types = &PyTuple_GET_ITEM(type, 0);
    count = PyTuple_GET_SIZE(type);
  }
  for (Py_ssize_t i = 0; i < count; ++i) {
    if (!PyExceptionClass_Check(types[i])) {
      PyErr_SetString(PyExc_TypeError,
                      "catching classes that do not inherit from BaseException is not allowed");
      return -1;
    }
    if (star && PyObject_IsSubclass(types[i], PyExc_BaseExceptionGroup) == 1) {
      PyErr_SetString(PyExc_TypeError,
                      "catching ExceptionGroup with except* is not allowed. Use except instead.");
      return -1;
    }
  }
  return 0;
}

}  // namespace

int ExceptionMatches(PyObject* exception, PyObject* type) {
  if (CheckCatchable(type, /*star=*/false) < 0) return -1;
  return PyErr_GivenExceptionMatches(exception, type);
}

int ExceptStarMatch(PyObject** rest, PyObject* type, PyObject** match) {
  *match = nullptr;
  if (CheckCatchable(type, /*star=*/true) < 0) return -1;
  PyObject* left = *rest;
  if (left == Py_None) return 0;
  bool is_group = PyObject_TypeCheck(left, reinterpret_cast<PyTypeObject*>(PyExc_BaseExceptionGroup));
  if (PyErr_GivenExceptionMatches(left, type)) {
    if (is_group) {
      *match = left;  // the reference moves from *rest to *match
    } else {
      // As CPython 3.11's exception_group_match: the wrapper has no traceback of its own.
      PyObject* group = PyObject_CallFunction(PyExc_BaseExceptionGroup, "s(O)", "", left);
      if (group == nullptr) return -1;
      Py_DECREF(left);
      *match = group;
    }
    *rest = Py_NewRef(Py_None);
    return 0;
  }
  if (!is_group) return 0;
  PyObject* pair = PyObject_CallMethod(left, "split", "(O)", type);
  if (pair == nullptr) return -1;
  if (!PyTuple_CheckExact(pair) || PyTuple_GET_SIZE(pair) != 2) {
    PyErr_Format(PyExc_TypeError, "%.200s.split must return a 2-tuple, got %.200s",
                 Py_TYPE(left)->tp_name, Py_TYPE(pair)->tp_name);
    Py_DECREF(pair);
    return -1;
  }
  PyObject* matched = PyTuple_GET_ITEM(pair, 0);
  if (matched != Py_None) *match = Py_NewRef(matched);
  Py_SETREF(*rest, Py_NewRef(PyTuple_GET_ITEM(pair, 1)));
  Py_DECREF(pair);
  return 0;
}

}  // namespace kiln

extern "C" PyObject* _PyExc_PrepReraiseStar(PyObject* orig, PyObject* excs);

namespace kiln {

PyObject* ExceptStarResult(PyObject* exception, PyObject* raised, PyObject* rest) {
  int appended = PyList_Append(raised, rest);
  Py_DECREF(rest);
  if (appended < 0) return nullptr;
  return _PyExc_PrepReraiseStar(exception, raised);
}

void Raise(PyObject* exception, PyObject* cause) {
  PyObject* value = nullptr;
  PyObject* type = nullptr;
  if (PyExceptionClass_Check(exception)) {
    type = exception;
    value = PyObject_CallNoArgs(exception);
    if (value == nullptr) return;
    if (!PyExceptionInstance_Check(value)) {
      PyErr_Format(PyExc_TypeError,
                   "calling %R should have returned an instance of BaseException, not %R", type,
                   Py_TYPE(value));
      Py_DECREF(value);
      return;
    }
  } else if (PyExceptionInstance_Check(exception)) {
    value = Py_NewRef(exception);
  } else {
    PyErr_SetString(PyExc_TypeError, "exceptions must derive from BaseException");
    return;
  }
  type = reinterpret_cast<PyObject*>(Py_TYPE(value));
  if (cause != nullptr) {
    PyObject* fixed_cause = nullptr;
    if (PyExceptionClass_Check(cause)) {
      fixed_cause = PyObject_CallNoArgs(cause);
      if (fixed_cause == nullptr) {
        Py_DECREF(value);
        return;
      }
    } else if (PyExceptionInstance_Check(cause)) {
      fixed_cause = Py_NewRef(cause);
    } else if (cause != Py_None) {
      PyErr_SetString(PyExc_TypeError, "exception causes must derive from BaseException");
      Py_DECREF(value);
      return;
    }
    PyException_SetCause(value, fixed_cause);  // steals; sets __suppress_context__
  }
  PyErr_SetObject(type, value);
  Py_DECREF(value);
}

PyObject* SaveHandled() { return Py_XNewRef(PyThreadState_Get()->exc_info->exc_value); }

void ReRaise() {
  PyObject* handled = PyErr_GetHandledException();
  if (handled == nullptr || handled == Py_None) {
    Py_XDECREF(handled);
    PyErr_SetString(PyExc_RuntimeError, "No active exception to reraise");
    return;
  }
  RestoreException(handled);
}

void RaiseAssertion(PyObject* message) {
  PyObject* exception = message ? PyObject_CallOneArg(PyExc_AssertionError, message)
                                : PyObject_CallNoArgs(PyExc_AssertionError);
  if (exception == nullptr) return;
  PyErr_SetObject(PyExc_AssertionError, exception);
  Py_DECREF(exception);
}

PyObject* EnterManager(PyObject* manager, _Py_Identifier* enter_name, _Py_Identifier* exit_name,
                       const char* protocol, PyObject** exit) {
  PyObject* enter = _PyObject_LookupSpecialId(manager, enter_name);
  if (enter == nullptr) {
    if (!PyErr_Occurred()) {
      PyErr_Format(PyExc_TypeError, "'%.200s' object does not support the %s protocol",
                   Py_TYPE(manager)->tp_name, protocol);
    }
    return nullptr;
  }
  PyObject* exit_method = _PyObject_LookupSpecialId(manager, exit_name);
  if (exit_method == nullptr) {
    if (!PyErr_Occurred()) {
      PyErr_Format(PyExc_TypeError, "'%.200s' object does not support the %s protocol (missed %s method)",
                   Py_TYPE(manager)->tp_name, protocol, exit_name->string);
    }
    Py_DECREF(enter);
    return nullptr;
  }
  PyObject* result = PyObject_CallNoArgs(enter);
  Py_DECREF(enter);
  if (result == nullptr) {
    Py_DECREF(exit_method);
    return nullptr;
  }
  *exit = exit_method;
  return result;
}

PyObject* EnterContext(PyObject* manager, PyObject** exit) {
  _Py_IDENTIFIER(__enter__);
  _Py_IDENTIFIER(__exit__);
  return EnterManager(manager, &PyId___enter__, &PyId___exit__, "context manager", exit);
}

PyObject* CallExit(PyObject* exit, PyObject* unused) {
  PyObject* args[3] = {Py_None, Py_None, Py_None};
  return PyObject_Vectorcall(exit, args, 3, nullptr);
}

int ExitWithException(PyObject* exit) {
  PyObject* exception = FetchException();
  PyObject* previous = SaveHandled();
  PyErr_SetHandledException(exception);
  PyObject* traceback = PyExceptionInstance_Check(exception) ? PyException_GetTraceback(exception)
                                                             : nullptr;
  PyObject* args[3] = {reinterpret_cast<PyObject*>(Py_TYPE(exception)), exception,
                       traceback ? traceback : Py_None};
  PyObject* result = PyObject_Vectorcall(exit, args, 3, nullptr);
  Py_XDECREF(traceback);
  PyErr_SetHandledException(previous);
  Py_XDECREF(previous);
  if (result == nullptr) {
    Py_DECREF(exception);
    return -1;
  }
  int suppress = IsTrue(result);
  Py_DECREF(result);
  if (suppress < 0) {
    Py_DECREF(exception);
    return -1;
  }
  if (suppress) {
    Py_DECREF(exception);
    return 1;
  }
  RestoreException(exception);
  return 0;
}

namespace {

PyObject* MroEntriesName() {
  static PyObject* name = PyUnicode_InternFromString("__mro_entries__");
  return name;
}

PyObject* PrepareName() {
  static PyObject* name = PyUnicode_InternFromString("__prepare__");
  return name;
}

// PEP 560: bases that are not classes may give their __mro_entries__.
PyObject* UpdateBases(PyObject* bases) {
  Py_ssize_t count = PyTuple_GET_SIZE(bases);
  PyObject* result = nullptr;  // a list, made only when something changes
  for (Py_ssize_t i = 0; i < count; ++i) {
    PyObject* base = PyTuple_GET_ITEM(bases, i);
    if (PyType_Check(base)) {
      if (result && PyList_Append(result, base) < 0) goto fail;
      continue;
    }
    PyObject* method;
    if (_PyObject_LookupAttr(base, MroEntriesName(), &method) < 0) goto fail;
    if (method == nullptr) {
      if (result && PyList_Append(result, base) < 0) goto fail;
      continue;
    }
    PyObject* entries = PyObject_CallOneArg(method, bases);
    Py_DECREF(method);
    if (entries == nullptr) goto fail;
    if (!PyTuple_Check(entries)) {
      PyErr_SetString(PyExc_TypeError, "__mro_entries__ must return a tuple");
      Py_DECREF(entries);
      goto fail;
    }
    if (result == nullptr) {
      result = PyList_New(0);
      if (result == nullptr) {
        Py_DECREF(entries);
        goto fail;
      }
      for (Py_ssize_t j = 0; j < i; ++j) {
        if (PyList_Append(result, PyTuple_GET_ITEM(bases, j)) < 0) {
          Py_DECREF(entries);
          goto fail;
        }
      }
    }
    PyObject* none = _PyList_Extend(reinterpret_cast<PyListObject*>(result), entries);
    Py_DECREF(entries);
    if (none == nullptr) goto fail;
    Py_DECREF(none);
  }
  if (result == nullptr) return Py_NewRef(bases);
  {
    PyObject* tuple = PyList_AsTuple(result);
    Py_DECREF(result);
    return tuple;
  }
fail:
  Py_XDECREF(result);
  return nullptr;
}

}  // namespace

PyObject* BuildClass(PyObject* function, ClassBody body, PyObject* name, PyObject* original_bases,
                     PyObject* keywords) {
  PyObject* bases = UpdateBases(original_bases);
  if (bases == nullptr) return nullptr;
  PyObject* meta = nullptr;
  PyObject* kwargs = nullptr;
  PyObject* ns = nullptr;
  PyObject* cell = nullptr;
  PyObject* klass = nullptr;
  bool is_class = true;
  if (keywords != nullptr) {
    kwargs = PyDict_Copy(keywords);
    if (kwargs == nullptr) goto done;
    meta = PyDict_GetItemString(kwargs, "metaclass");
    if (meta != nullptr) {
      Py_INCREF(meta);
      if (PyDict_DelItemString(kwargs, "metaclass") < 0) goto done;
      is_class = PyType_Check(meta);
    }
  }
  if (meta == nullptr) {
    meta = PyTuple_GET_SIZE(bases) == 0
               ? reinterpret_cast<PyObject*>(&PyType_Type)
               : reinterpret_cast<PyObject*>(Py_TYPE(PyTuple_GET_ITEM(bases, 0)));
    Py_INCREF(meta);
  }
  if (is_class) {
    PyObject* winner = reinterpret_cast<PyObject*>(
        _PyType_CalculateMetaclass(reinterpret_cast<PyTypeObject*>(meta), bases));
    if (winner == nullptr) goto done;
    Py_INCREF(winner);
    Py_SETREF(meta, winner);
  }
  {
    PyObject* prepare;
    if (_PyObject_LookupAttr(meta, PrepareName(), &prepare) < 0) goto done;
    if (prepare == nullptr) {
      ns = PyDict_New();
    } else {
      PyObject* args[2] = {name, bases};
      ns = PyObject_VectorcallDict(prepare, args, 2, kwargs);
      Py_DECREF(prepare);
    }
    if (ns == nullptr) goto done;
    if (!PyMapping_Check(ns)) {
      PyErr_Format(PyExc_TypeError, "%.200s.__prepare__() must return a mapping, not %.200s",
                   is_class ? reinterpret_cast<PyTypeObject*>(meta)->tp_name : "<metaclass>",
                   Py_TYPE(ns)->tp_name);
      goto done;
    }
  }
  cell = body(function, ns);
  if (cell == nullptr) goto done;
  if (bases != original_bases &&
      PyMapping_SetItemString(ns, "__orig_bases__", original_bases) < 0) {
    goto done;
  }
  {
    PyObject* args[3] = {name, bases, ns};
    klass = PyObject_VectorcallDict(meta, args, 3, kwargs);
  }
  if (klass != nullptr && PyType_Check(klass) && PyCell_Check(cell)) {
    PyObject* cell_class = PyCell_GET(cell);
    if (cell_class != klass) {
      if (cell_class == nullptr) {
        PyErr_Format(PyExc_RuntimeError,
                     "__class__ not set defining %.200R as %.200R. Was __classcell__ propagated "
                     "to type.__new__?",
                     name, klass);
      } else {
        PyErr_Format(PyExc_TypeError, "__class__ set to %.200R defining %.200R as %.200R",
                     cell_class, name, klass);
      }
      Py_CLEAR(klass);
    }
  }
done:
  Py_XDECREF(cell);
  Py_XDECREF(ns);
  Py_XDECREF(meta);
  Py_XDECREF(kwargs);
  Py_DECREF(bases);
  return klass;
}


PyObject* LoadGlobalFrom(PyObject* globals, PyObject* builtins, PyObject* name) {
  PyObject* value = PyDict_GetItemWithError(globals, name);
  if (value == nullptr) {
    if (PyErr_Occurred()) return nullptr;
    if (PyDict_CheckExact(builtins)) {
      value = PyDict_GetItemWithError(builtins, name);
      if (value == nullptr) {
        if (!PyErr_Occurred()) RaiseNameError("name '%U' is not defined", name);
        return nullptr;
      }
    } else {
      value = PyObject_GetItem(builtins, name);
      if (value == nullptr) {
        if (PyErr_ExceptionMatches(PyExc_KeyError)) {
          PyErr_Clear();
          RaiseNameError("name '%U' is not defined", name);
        }
      }
      return value;
    }
  }
  Py_INCREF(value);
  return value;
}

PyObject* LoadGlobal(PyObject* globals, PyObject* name) {
  PyObject* value = PyDict_GetItemWithError(globals, name);
  if (value == nullptr) {
    if (PyErr_Occurred()) return nullptr;
    PyObject* builtins = PyEval_GetBuiltins();  // borrowed
    value = PyDict_GetItemWithError(builtins, name);
    if (value == nullptr) {
      if (!PyErr_Occurred()) RaiseNameError("name '%U' is not defined", name);
      return nullptr;
    }
  }
  Py_INCREF(value);
  return value;
}

PyObject* LoadName(PyObject* locals, PyObject* globals, PyObject* name) {
  PyObject* value;
  if (PyDict_CheckExact(locals)) {
    value = PyDict_GetItemWithError(locals, name);
    if (value != nullptr) {
      Py_INCREF(value);
      return value;
    }
    if (PyErr_Occurred()) return nullptr;
  } else {
    value = PyObject_GetItem(locals, name);
    if (value != nullptr) return value;
    if (!PyErr_ExceptionMatches(PyExc_KeyError)) return nullptr;
    PyErr_Clear();
  }
  return LoadGlobal(globals, name);
}

void RaiseUnboundLocal(PyObject* name) {
  PyErr_Format(PyExc_UnboundLocalError,
               "cannot access local variable '%U' where it is not associated with a value", name);
}

void RaiseUnboundFree(PyObject* name) {
  RaiseNameError(
      "cannot access free variable '%U' where it is not associated with a value in "
      "enclosing scope",
      name);
}

PyObject* ImportName(PyObject* globals, PyObject* name, PyObject* fromlist, int level) {
  return PyImport_ImportModuleLevelObject(name, globals, Py_None, fromlist, level);
}

PyObject* ImportFrom(PyObject* module, PyObject* name) {
  PyObject* value;
  if (_PyObject_LookupAttr(module, name, &value) != 0) return value;  // found, or error
  // A submodule that is imported but not yet bound as an attribute (circular imports).
  PyObject* package_name = PyObject_GetAttrString(module, "__name__");
  if (package_name == nullptr || !PyUnicode_Check(package_name)) {
    PyErr_Clear();
  } else {
    PyObject* full_name = PyUnicode_FromFormat("%U.%U", package_name, name);
    if (full_name != nullptr) {
      value = PyImport_GetModule(full_name);
      Py_DECREF(full_name);
      if (value != nullptr) {
        Py_DECREF(package_name);
        return value;
      }
    }
    if (PyErr_Occurred()) {
      Py_DECREF(package_name);
      return nullptr;
    }
  }
  PyObject* shown_name = package_name ? package_name : PyUnicode_FromString("<unknown module name>");
  PyObject* spec = PyObject_GetAttrString(module, "__spec__");
  if (spec == nullptr) PyErr_Clear();
  bool initializing = false;
  if (spec != nullptr && spec != Py_None) {
    PyObject* flag = PyObject_GetAttrString(spec, "_initializing");
    if (flag == nullptr) PyErr_Clear();
    initializing = flag != nullptr && PyObject_IsTrue(flag) == 1;
    Py_XDECREF(flag);
  }
  PyObject* origin = nullptr;
  PyObject* file = PyModule_Check(module) ? PyModule_GetFilenameObject(module) : nullptr;
  if (file == nullptr) PyErr_Clear();
  PyObject* message;
  if (initializing) {
    message = PyUnicode_FromFormat(
        "cannot import name %R from partially initialized module %R (most likely due to a "
        "circular import) (%S)",
        name, shown_name, file ? file : Py_None);
  } else if (file == nullptr) {
    message = PyUnicode_FromFormat("cannot import name %R from %R (unknown location)", name,
                                   shown_name);
  } else {
    message = PyUnicode_FromFormat("cannot import name %R from %R (%S)", name, shown_name, file);
  }
  if (message != nullptr) {
    PyErr_SetImportError(message, shown_name, file ? file : Py_None);
    Py_DECREF(message);
  }
  Py_XDECREF(origin);
  Py_XDECREF(file);
  Py_XDECREF(spec);
  Py_XDECREF(shown_name);
  return nullptr;
}

int ImportStar(PyObject* module, PyObject* globals) {
  PyObject* all = PyObject_GetAttrString(module, "__all__");
  bool skip_private = false;
  if (all == nullptr) {
    if (!PyErr_ExceptionMatches(PyExc_AttributeError)) return -1;
    PyErr_Clear();
  }
  if (all == nullptr) {
    PyObject* dict = PyObject_GetAttrString(module, "__dict__");
    if (dict == nullptr) {
      if (!PyErr_ExceptionMatches(PyExc_AttributeError)) return -1;
      PyErr_Clear();
      PyErr_SetString(PyExc_ImportError, "from-import-* object has no __dict__ and no __all__");
      return -1;
    }
    all = PyMapping_Keys(dict);
    Py_DECREF(dict);
    if (all == nullptr) return -1;
    skip_private = true;
  }
  int result = 0;
  for (Py_ssize_t i = 0;; ++i) {
    PyObject* name = PySequence_GetItem(all, i);
    if (name == nullptr) {
      if (PyErr_ExceptionMatches(PyExc_IndexError)) PyErr_Clear(); else result = -1;
      break;
    }
    if (!PyUnicode_Check(name)) {
      PyObject* module_name = PyObject_GetAttrString(module, "__name__");
      if (module_name != nullptr && PyUnicode_Check(module_name)) {
        PyErr_Format(PyExc_TypeError, "%s in %U.%s must be str, not %.100s",
                     skip_private ? "Key" : "Item", module_name,
                     skip_private ? "__dict__" : "__all__", Py_TYPE(name)->tp_name);
      }
      Py_XDECREF(module_name);
      Py_DECREF(name);
      result = -1;
      break;
    }
    if (skip_private && PyUnicode_READ_CHAR(name, 0) == '_') {
      Py_DECREF(name);
      continue;
    }
    PyObject* value = PyObject_GetAttr(module, name);
    if (value == nullptr || PyDict_SetItem(globals, name, value) < 0) result = -1;
    Py_XDECREF(value);
    Py_DECREF(name);
    if (result < 0) break;
  }
  Py_DECREF(all);
  return result;
}

}  // namespace kiln
