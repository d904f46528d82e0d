// Attribute access with a per-site cache, as CPython's specialised LOAD_ATTR/STORE_ATTR.
//
// A site remembers, for the last type seen (by its version tag, which changes whenever
// the type or a base is modified), how the attribute is found: in the instance's own
// attributes (the type has no data descriptor of that name and generic attribute
// access), or in a __slots__ member at a fixed offset. A hit skips the type's MRO
// lookup; anything else takes the generic path, so results are always CPython's.
//
//   static kiln::AttributeCache cache;
//   PyObject* value = kiln::LoadAttribute(object, name, &cache);
#ifndef KILN_RUNTIME_OBJECTS_ATTRIBUTE_H_
#define KILN_RUNTIME_OBJECTS_ATTRIBUTE_H_

#define PY_SSIZE_T_CLEAN
#include <Python.h>

namespace kiln {

struct AttributeCache {
  unsigned int type_version;  // 0: empty
  int kind;                   // kInstance or kSlot
  Py_ssize_t offset;          // kSlot: the member's offset in the object
};

// A new reference to `object.name`, or NULL with an exception.
PyObject* LoadAttribute(PyObject* object, PyObject* name, AttributeCache* cache);
// `object.name = value` (value borrowed). 0, or -1 with an exception.
int StoreAttribute(PyObject* object, PyObject* name, PyObject* value, AttributeCache* cache);

}  // namespace kiln

#endif  // KILN_RUNTIME_OBJECTS_ATTRIBUTE_H_
