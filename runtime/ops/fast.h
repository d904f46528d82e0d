// Fast paths that generated code calls instead of the generic C API when the operands
// are the common exact types: small ints (one 30-bit digit), floats, exact str. Each
// falls back to the generic C API otherwise, so the answer is always CPython's.
//
// Also: module globals read through a per-site cache keyed by the version tags of the
// globals and builtins dicts (a dict's version changes on every modification, and tags
// are unique across dicts), so an unchanged global costs two compares.
#ifndef KILN_RUNTIME_OPS_FAST_H_
#define KILN_RUNTIME_OPS_FAST_H_

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <cmath>

namespace kiln {

PyObject* LoadGlobal(PyObject* globals, PyObject* name);
PyObject* LoadGlobalFrom(PyObject* globals, PyObject* builtins, PyObject* name);

struct GlobalCache {
  uint64_t globals_version;
  uint64_t builtins_version;
  PyObject* value;  // borrowed: the dict that holds it has not changed
};

inline PyObject* LoadGlobalCached(PyObject* globals, PyObject* builtins, PyObject* name,
                                  GlobalCache* cache) {
  if (PyDict_CheckExact(builtins)) {
    uint64_t globals_version = reinterpret_cast<PyDictObject*>(globals)->ma_version_tag;
    uint64_t builtins_version = reinterpret_cast<PyDictObject*>(builtins)->ma_version_tag;
    if (cache->value != nullptr && cache->globals_version == globals_version &&
        cache->builtins_version == builtins_version) {
      Py_INCREF(cache->value);
      return cache->value;
    }
    PyObject* value = LoadGlobalFrom(globals, builtins, name);
    if (value != nullptr) {
      cache->globals_version = globals_version;
      cache->builtins_version = builtins_version;
      cache->value = value;
    }
    return value;
  }
  return LoadGlobalFrom(globals, builtins, name);
}

inline bool IsCompactInt(PyObject* value) {
  return PyLong_CheckExact(value) && static_cast<size_t>(Py_SIZE(value) + 1) <= 2;
}

inline long CompactValue(PyObject* value) {
  return static_cast<long>(Py_SIZE(value)) *
         static_cast<long>(reinterpret_cast<PyLongObject*>(value)->ob_digit[0]);
}

inline bool BothFloats(PyObject* a, PyObject* b) {
  return PyFloat_CheckExact(a) && PyFloat_CheckExact(b);
}

inline PyObject* Add(PyObject* a, PyObject* b) {
  if (IsCompactInt(a) && IsCompactInt(b)) return PyLong_FromLong(CompactValue(a) + CompactValue(b));
  if (BothFloats(a, b)) return PyFloat_FromDouble(PyFloat_AS_DOUBLE(a) + PyFloat_AS_DOUBLE(b));
  return PyNumber_Add(a, b);
}

inline PyObject* Subtract(PyObject* a, PyObject* b) {
  if (IsCompactInt(a) && IsCompactInt(b)) return PyLong_FromLong(CompactValue(a) - CompactValue(b));
  if (BothFloats(a, b)) return PyFloat_FromDouble(PyFloat_AS_DOUBLE(a) - PyFloat_AS_DOUBLE(b));
  return PyNumber_Subtract(a, b);
}

inline PyObject* Multiply(PyObject* a, PyObject* b) {
  if (IsCompactInt(a) && IsCompactInt(b)) return PyLong_FromLong(CompactValue(a) * CompactValue(b));
  if (BothFloats(a, b)) return PyFloat_FromDouble(PyFloat_AS_DOUBLE(a) * PyFloat_AS_DOUBLE(b));
  return PyNumber_Multiply(a, b);
}

inline PyObject* TrueDivide(PyObject* a, PyObject* b) {
  if (BothFloats(a, b) && PyFloat_AS_DOUBLE(b) != 0.0) {
    return PyFloat_FromDouble(PyFloat_AS_DOUBLE(a) / PyFloat_AS_DOUBLE(b));
  }
  return PyNumber_TrueDivide(a, b);
}

inline PyObject* FloorDivide(PyObject* a, PyObject* b) {
  if (IsCompactInt(a) && IsCompactInt(b)) {
    long x = CompactValue(a), y = CompactValue(b);
    if (y != 0) {
      long quotient = x / y;
      if ((x % y != 0) && ((x < 0) != (y < 0))) --quotient;
      return PyLong_FromLong(quotient);
    }
  }
  return PyNumber_FloorDivide(a, b);
}

inline PyObject* Remainder(PyObject* a, PyObject* b) {
  if (IsCompactInt(a) && IsCompactInt(b)) {
    long x = CompactValue(a), y = CompactValue(b);
    if (y != 0) {
      long remainder = x % y;
      if (remainder != 0 && ((remainder < 0) != (y < 0))) remainder += y;
      return PyLong_FromLong(remainder);
    }
  }
  return PyNumber_Remainder(a, b);
}

// `x op y` for one of Py_LT ... Py_GE, on C numbers.
template <typename Number>
inline bool CompareNumbers(Number x, Number y, int op) {
  switch (op) {
    case Py_LT: return x < y;
    case Py_LE: return x <= y;
    case Py_EQ: return x == y;
    case Py_NE: return x != y;
    case Py_GT: return x > y;
    default: return x >= y;
  }
}

// `a op b` for ==, !=, <, <=, >, >= (op is Py_EQ...): a new reference.
inline PyObject* RichCompare(PyObject* a, PyObject* b, int op) {
  if (IsCompactInt(a) && IsCompactInt(b)) {
    return Py_NewRef(CompareNumbers(CompactValue(a), CompactValue(b), op) ? Py_True : Py_False);
  }
  if (BothFloats(a, b)) {
    return Py_NewRef(CompareNumbers(PyFloat_AS_DOUBLE(a), PyFloat_AS_DOUBLE(b), op) ? Py_True
                                                                                  : Py_False);
  }
  return PyObject_RichCompare(a, b, op);
}

// The truth of `a op b`: 1, 0, or -1 with an exception set.
inline int CompareBool(PyObject* a, PyObject* b, int op) {
  if (IsCompactInt(a) && IsCompactInt(b)) return CompareNumbers(CompactValue(a), CompactValue(b), op);
  PyObject* result = RichCompare(a, b, op);
  if (result == nullptr) return -1;
  int truth;
  if (result == Py_True) {
    truth = 1;
  } else if (result == Py_False) {
    truth = 0;
  } else {
    truth = PyObject_IsTrue(result);
  }
  Py_DECREF(result);
  return truth;
}

inline PyObject* InPlaceAdd(PyObject* a, PyObject* b) {
  if ((IsCompactInt(a) && IsCompactInt(b)) || BothFloats(a, b)) return Add(a, b);
  return PyNumber_InPlaceAdd(a, b);
}

inline PyObject* InPlaceSubtract(PyObject* a, PyObject* b) {
  if ((IsCompactInt(a) && IsCompactInt(b)) || BothFloats(a, b)) return Subtract(a, b);
  return PyNumber_InPlaceSubtract(a, b);
}

inline PyObject* InPlaceMultiply(PyObject* a, PyObject* b) {
  if ((IsCompactInt(a) && IsCompactInt(b)) || BothFloats(a, b)) return Multiply(a, b);
  return PyNumber_InPlaceMultiply(a, b);
}

// container[key] for exact lists/tuples with small int indexes and exact dicts; the
// generic path otherwise (and for every error, so messages are CPython's).
inline PyObject* GetItem(PyObject* container, PyObject* key) {
  if (IsCompactInt(key)) {
    if (PyList_CheckExact(container)) {
      Py_ssize_t index = CompactValue(key);
      if (index < 0) index += PyList_GET_SIZE(container);
      if (index >= 0 && index < PyList_GET_SIZE(container)) {
        return Py_NewRef(PyList_GET_ITEM(container, index));
      }
    } else if (PyTuple_CheckExact(container)) {
      Py_ssize_t index = CompactValue(key);
      if (index < 0) index += PyTuple_GET_SIZE(container);
      if (index >= 0 && index < PyTuple_GET_SIZE(container)) {
        return Py_NewRef(PyTuple_GET_ITEM(container, index));
      }
    }
  } else if (PyDict_CheckExact(container)) {
    PyObject* value = PyDict_GetItemWithError(container, key);
    if (value != nullptr) return Py_NewRef(value);
    if (PyErr_Occurred()) return nullptr;
  }
  return PyObject_GetItem(container, key);
}

// container[key] = value (value borrowed): 0, or -1 with an exception set.
inline int SetItem(PyObject* container, PyObject* key, PyObject* value) {
  if (PyList_CheckExact(container) && IsCompactInt(key)) {
    Py_ssize_t index = CompactValue(key);
    if (index < 0) index += PyList_GET_SIZE(container);
    if (index >= 0 && index < PyList_GET_SIZE(container)) {
      PyObject* old = PyList_GET_ITEM(container, index);
      PyList_SET_ITEM(container, index, Py_NewRef(value));
      Py_DECREF(old);
      return 0;
    }
  } else if (PyDict_CheckExact(container)) {
    return PyDict_SetItem(container, key, value);
  }
  return PyObject_SetItem(container, key, value);
}

// `local += value` for a local variable: appends in place when both are exact str and
// the local holds the only reference (as CPython's interpreter does), else the generic
// in-place add. `*local` is replaced; returns 0, or -1 with an exception set.
inline int InPlaceAddLocal(PyObject** local, PyObject* value) {
  if (PyUnicode_CheckExact(*local) && PyUnicode_CheckExact(value)) {
    PyUnicode_Append(local, value);
    return *local == nullptr ? -1 : 0;
  }
  PyObject* result;
  if (IsCompactInt(*local) && IsCompactInt(value)) {
    result = PyLong_FromLong(CompactValue(*local) + CompactValue(value));
  } else if (BothFloats(*local, value)) {
    result = PyFloat_FromDouble(PyFloat_AS_DOUBLE(*local) + PyFloat_AS_DOUBLE(value));
  } else {
    result = PyNumber_InPlaceAdd(*local, value);
  }
  if (result == nullptr) return -1;
  Py_SETREF(*local, result);
  return 0;
}

}  // namespace kiln

#endif  // KILN_RUNTIME_OPS_FAST_H_
