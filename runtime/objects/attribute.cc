// Reads CPython 3.11's instance layout (inline values, managed dicts). Its internal
// header cannot be compiled as C++ (C11 atomics), so the few declarations needed are
// here; the toolchain guarantees Python 3.11 (runtime.bzl).
#include "runtime/objects/attribute.h"

#include "structmember.h"

extern "C" {
PyObject* _PyObject_GetInstanceAttribute(PyObject* object, PyDictValues* values, PyObject* name);
int _PyObject_StoreInstanceAttribute(PyObject* object, PyDictValues* values, PyObject* name,
                                     PyObject* value);
PyObject** _PyObject_DictPointer(PyObject* object);
}

namespace kiln {
namespace {

// CPython 3.11: an object of a type with Py_TPFLAGS_MANAGED_DICT keeps its inline
// values pointer 4 words, and its materialised dict 3 words, before the object.
PyDictValues** ValuesPointer(PyObject* object) { return reinterpret_cast<PyDictValues**>(object) - 4; }
PyObject** ManagedDictPointer(PyObject* object) { return reinterpret_cast<PyObject**>(object) - 3; }

enum Kind { kInstance = 1, kSlot = 2 };

// Fills `cache` for `type` when the attribute is an instance attribute or a slot.
void Fill(PyTypeObject* type, PyObject* name, AttributeCache* cache, bool store) {
  cache->type_version = 0;
  if (!PyUnicode_CheckExact(name)) return;
  if (store ? type->tp_setattro != PyObject_GenericSetAttr
            : type->tp_getattro != PyObject_GenericGetAttr) {
    return;
  }
  PyObject* descriptor = _PyType_Lookup(type, name);  // borrowed; assigns a version tag
  if (!(type->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG) || type->tp_version_tag == 0) return;
  if (descriptor == nullptr) {
    if (!(type->tp_flags & Py_TPFLAGS_MANAGED_DICT) && type->tp_dictoffset == 0) return;
    cache->kind = kInstance;
  } else if (Py_TYPE(descriptor) == &PyMemberDescr_Type) {
    PyMemberDef* member = reinterpret_cast<PyMemberDescrObject*>(descriptor)->d_member;
    if (member->type != T_OBJECT_EX || (store && (member->flags & READONLY))) return;
    cache->kind = kSlot;
    cache->offset = member->offset;
  } else if (Py_TYPE(descriptor)->tp_descr_set == nullptr) {
    // A non-data descriptor or plain class attribute: the instance's own wins.
    if (!(type->tp_flags & Py_TPFLAGS_MANAGED_DICT) && type->tp_dictoffset == 0) return;
    if (store) {
      cache->kind = kInstance;
    } else {
      return;  // loads of methods and class attributes need the descriptor: generic path
    }
  } else {
    return;  // data descriptor (property, ...)
  }
  cache->type_version = type->tp_version_tag;
}

bool Valid(PyTypeObject* type, const AttributeCache* cache) {
  return cache->type_version != 0 && type->tp_version_tag == cache->type_version &&
         (type->tp_flags & Py_TPFLAGS_VALID_VERSION_TAG);
}

// The instance's own value of `name`: a new reference, or NULL (no error) when absent.
PyObject* InstanceValue(PyObject* object, PyTypeObject* type, PyObject* name) {
  if (type->tp_flags & Py_TPFLAGS_MANAGED_DICT) {
    PyDictValues* values = *ValuesPointer(object);
    if (values != nullptr) return _PyObject_GetInstanceAttribute(object, values, name);
    PyObject* dict = *ManagedDictPointer(object);
    if (dict == nullptr) return nullptr;
    return Py_XNewRef(PyDict_GetItemWithError(dict, name));
  }
  PyObject** dict_pointer = _PyObject_DictPointer(object);
  if (dict_pointer == nullptr || *dict_pointer == nullptr) return nullptr;
  return Py_XNewRef(PyDict_GetItemWithError(*dict_pointer, name));
}

}  // namespace

PyObject* LoadAttribute(PyObject* object, PyObject* name, AttributeCache* cache) {
  PyTypeObject* type = Py_TYPE(object);
  if (!Valid(type, cache)) Fill(type, name, cache, /*store=*/false);
  if (Valid(type, cache)) {
    if (cache->kind == kSlot) {
      PyObject* value = *reinterpret_cast<PyObject**>(reinterpret_cast<char*>(object) + cache->offset);
      if (value != nullptr) return Py_NewRef(value);
    } else {
      PyObject* value = InstanceValue(object, type, name);
      if (value != nullptr) return value;
      if (PyErr_Occurred()) return nullptr;
    }
  }
  return PyObject_GetAttr(object, name);  // absent, or not cacheable: CPython's way
}

int StoreAttribute(PyObject* object, PyObject* name, PyObject* value, AttributeCache* cache) {
  PyTypeObject* type = Py_TYPE(object);
  if (!Valid(type, cache)) Fill(type, name, cache, /*store=*/true);
  if (Valid(type, cache)) {
    if (cache->kind == kSlot) {
      PyObject** slot = reinterpret_cast<PyObject**>(reinterpret_cast<char*>(object) + cache->offset);
      Py_XSETREF(*slot, Py_NewRef(value));
      return 0;
    }
    if (type->tp_flags & Py_TPFLAGS_MANAGED_DICT) {
      PyDictValues* values = *ValuesPointer(object);
      if (values != nullptr) return _PyObject_StoreInstanceAttribute(object, values, name, value);
    }
  }
  return PyObject_SetAttr(object, name, value);
}

}  // namespace kiln
