#include "runtime/ops/match.h"

#include <vector>

#include "runtime/ops/ops.h"

namespace kiln {
namespace {

void ReleaseAll(PyObject** items, Py_ssize_t count) {
  for (Py_ssize_t i = 0; i < count; ++i) Py_CLEAR(items[i]);
}

// One attribute for a class pattern; NULL with no error set when it is missing.
PyObject* MatchClassAttribute(PyObject* subject, PyObject* type, PyObject* name, PyObject* seen) {
  int contained = PySet_Contains(seen, name);
  if (contained != 0 || PySet_Add(seen, name) < 0) {
    if (!PyErr_Occurred()) {
      PyErr_Format(PyExc_TypeError, "%s() got multiple sub-patterns for attribute %R",
                   reinterpret_cast<PyTypeObject*>(type)->tp_name, name);
    }
    return nullptr;
  }
  PyObject* attribute = PyObject_GetAttr(subject, name);
  if (attribute == nullptr && PyErr_ExceptionMatches(PyExc_AttributeError)) PyErr_Clear();
  return attribute;
}

// A 1/0/-1 status of MatchKeys or MatchClass and the `count` values it filled: a tuple
// that takes them over, Py_None, or NULL.
PyObject* Packed(int status, PyObject** items, Py_ssize_t count) {
  if (status < 0) return nullptr;
  if (status == 0) return Py_NewRef(Py_None);
  PyObject* tuple = PyTuple_New(count);
  if (tuple == nullptr) {
    ReleaseAll(items, count);
    return nullptr;
  }
  for (Py_ssize_t i = 0; i < count; ++i) PyTuple_SET_ITEM(tuple, i, items[i]);
  return tuple;
}

}  // namespace

int MatchLength(PyObject* subject, Py_ssize_t size, int at_least) {
  Py_ssize_t length = PyObject_Length(subject);
  if (length < 0) return -1;
  return at_least ? length >= size : length == size;
}

int MatchSequenceItems(PyObject* subject, Py_ssize_t size, Py_ssize_t star, PyObject** out) {
  if (star < 0) return UnpackSequence(subject, size, out);
  return UnpackStarred(subject, star, size - star - 1, out);
}

PyObject* MatchSequenceItem(PyObject* subject, Py_ssize_t index) {
  if (index < 0) {
    Py_ssize_t length = PyObject_Length(subject);
    if (length < 0) return nullptr;
    index += length;
  }
  PyObject* number = PyLong_FromSsize_t(index);
  if (number == nullptr) return nullptr;
  PyObject* item = PyObject_GetItem(subject, number);
  Py_DECREF(number);
  return item;
}

int MatchKeys(PyObject* subject, PyObject* const* keys, Py_ssize_t count, PyObject** values) {
  if (count == 0) return 1;
  static PyObject* get_name = nullptr;
  if (get_name == nullptr && (get_name = PyUnicode_InternFromString("get")) == nullptr) return -1;
  PyObject* get = PyObject_GetAttr(subject, get_name);
  if (get == nullptr) return -1;
  PyObject* seen = PySet_New(nullptr);
  PyObject* dummy = seen ? PyObject_CallNoArgs(reinterpret_cast<PyObject*>(&PyBaseObject_Type))
                         : nullptr;
  int result = -1;
  if (dummy != nullptr) {
    result = 1;
    for (Py_ssize_t i = 0; i < count; ++i) {
      PyObject* key = keys[i];
      int contained = PySet_Contains(seen, key);
      if (contained != 0 || PySet_Add(seen, key) < 0) {
        if (!PyErr_Occurred()) {
          PyErr_Format(PyExc_ValueError, "mapping pattern checks duplicate key (%R)", key);
        }
        result = -1;
        break;
      }
      PyObject* arguments[2] = {key, dummy};
      PyObject* value = PyObject_Vectorcall(get, arguments, 2, nullptr);
      if (value == nullptr) {
        result = -1;
        break;
      }
      if (value == dummy) {
        Py_DECREF(value);
        result = 0;
        break;
      }
      values[i] = value;
    }
    if (result != 1) ReleaseAll(values, count);
  }
  Py_XDECREF(dummy);
  Py_XDECREF(seen);
  Py_DECREF(get);
  return result;
}

PyObject* MatchRest(PyObject* subject, PyObject* const* keys, Py_ssize_t count) {
  PyObject* rest = PyDict_New();
  if (rest == nullptr) return nullptr;
  if (PyDict_Update(rest, subject) < 0) {
    // DICT_UPDATE's message for a non-mapping.
    if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
      PyErr_Format(PyExc_TypeError, "'%.200s' object is not a mapping", Py_TYPE(subject)->tp_name);
    }
    Py_DECREF(rest);
    return nullptr;
  }
  for (Py_ssize_t i = 0; i < count; ++i) {
    if (PyObject_DelItem(rest, keys[i]) < 0) {
      Py_DECREF(rest);
      return nullptr;
    }
  }
  return rest;
}

int MatchClass(PyObject* subject, PyObject* type, Py_ssize_t positional, PyObject* keyword_names,
               PyObject** out) {
  if (!PyType_Check(type)) {
    PyErr_SetString(PyExc_TypeError, "called match pattern must be a type");
    return -1;
  }
  int instance = PyObject_IsInstance(subject, type);
  if (instance <= 0) return instance;
  Py_ssize_t keyword_count = keyword_names ? PyTuple_GET_SIZE(keyword_names) : 0;
  Py_ssize_t filled = 0;
  PyObject* seen = PySet_New(nullptr);
  if (seen == nullptr) return -1;
  PyObject* match_args = nullptr;
  const char* type_name = reinterpret_cast<PyTypeObject*>(type)->tp_name;
  if (positional > 0) {
    bool match_self = false;
    match_args = PyObject_GetAttrString(type, "__match_args__");
    if (match_args != nullptr) {
      if (!PyTuple_CheckExact(match_args)) {
        PyErr_Format(PyExc_TypeError, "%s.__match_args__ must be a tuple (got %s)", type_name,
                     Py_TYPE(match_args)->tp_name);
        goto fail;
      }
    } else if (PyErr_ExceptionMatches(PyExc_AttributeError)) {
      PyErr_Clear();
      match_args = PyTuple_New(0);
      if (match_args == nullptr) goto fail;
      match_self = PyType_HasFeature(reinterpret_cast<PyTypeObject*>(type), _Py_TPFLAGS_MATCH_SELF);
    } else {
      goto fail;
    }
    Py_ssize_t allowed = match_self ? 1 : PyTuple_GET_SIZE(match_args);
    if (allowed < positional) {
      PyErr_Format(PyExc_TypeError, "%s() accepts %d positional sub-pattern%s (%d given)", type_name,
                   static_cast<int>(allowed), allowed == 1 ? "" : "s", static_cast<int>(positional));
      goto fail;
    }
    if (match_self) {
      out[filled++] = Py_NewRef(subject);
    } else {
      for (Py_ssize_t i = 0; i < positional; ++i) {
        PyObject* name = PyTuple_GET_ITEM(match_args, i);
        if (!PyUnicode_CheckExact(name)) {
          PyErr_Format(PyExc_TypeError, "__match_args__ elements must be strings (got %s)",
                       Py_TYPE(name)->tp_name);
          goto fail;
        }
        PyObject* attribute = MatchClassAttribute(subject, type, name, seen);
        if (attribute == nullptr) goto fail;
        out[filled++] = attribute;
      }
    }
    Py_CLEAR(match_args);
  }
  for (Py_ssize_t i = 0; i < keyword_count; ++i) {
    PyObject* attribute =
        MatchClassAttribute(subject, type, PyTuple_GET_ITEM(keyword_names, i), seen);
    if (attribute == nullptr) goto fail;
    out[filled++] = attribute;
  }
  Py_DECREF(seen);
  return 1;
fail:
  Py_XDECREF(match_args);
  Py_DECREF(seen);
  ReleaseAll(out, filled);
  return PyErr_Occurred() ? -1 : 0;
}

PyObject* MatchKeysTuple(PyObject* subject, PyObject* const* keys, Py_ssize_t count) {
  std::vector<PyObject*> values(count, nullptr);
  return Packed(MatchKeys(subject, keys, count, values.data()), values.data(), count);
}

PyObject* MatchClassTuple(PyObject* subject, PyObject* type, Py_ssize_t positional,
                          PyObject* keyword_names) {
  Py_ssize_t count = positional + (keyword_names ? PyTuple_GET_SIZE(keyword_names) : 0);
  std::vector<PyObject*> attributes(count, nullptr);
  return Packed(MatchClass(subject, type, positional, keyword_names, attributes.data()),
                attributes.data(), count);
}

}  // namespace kiln
