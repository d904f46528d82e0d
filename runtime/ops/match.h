// The `match` statement (PEP 634) as CPython 3.11 runs it: the checks and extractions
// behind MATCH_SEQUENCE, GET_LEN, MATCH_MAPPING, MATCH_KEYS, COPY_DICT_WITHOUT_KEYS and
// MATCH_CLASS, with CPython's error messages. Generated code tests a case's pattern with
// these and binds the captured names only once the whole pattern has matched.
//
//   // case Point(x, y=0):
//   PyObject* attrs[2] = {};
//   int status = kiln::MatchClass(subject, Point, 1, kwnames /* ("y",) */, attrs);
//   // 1: matched, attrs = [subject.x, subject.y]; 0: no match; -1: error
//
// Conventions: int results are 1 (match), 0 (no match) or -1 (error set).
#ifndef KILN_RUNTIME_OPS_MATCH_H_
#define KILN_RUNTIME_OPS_MATCH_H_

#define PY_SSIZE_T_CLEAN
#include <Python.h>

namespace kiln {

// MATCH_SEQUENCE: collections.abc.Sequence, but not str, bytes or bytearray.
inline bool MatchIsSequence(PyObject* subject) {
  return PyType_HasFeature(Py_TYPE(subject), Py_TPFLAGS_SEQUENCE);
}
// MATCH_MAPPING: collections.abc.Mapping.
inline bool MatchIsMapping(PyObject* subject) {
  return PyType_HasFeature(Py_TYPE(subject), Py_TPFLAGS_MAPPING);
}
// GET_LEN compared with `size`: len(subject) == size (at_least=0) or >= size.
int MatchLength(PyObject* subject, Py_ssize_t size, int at_least);
// The items of a sequence pattern's subject (length already checked), unpacked as
// UNPACK_SEQUENCE/UNPACK_EX do: `star` is the index of a named starred sub-pattern (out[star]
// gets a list) or -1. Returns 0, or -1 on error.
int MatchSequenceItems(PyObject* subject, Py_ssize_t size, Py_ssize_t star, PyObject** out);
// With `*_` in the pattern the items are read one by one, as they are matched:
// subject[index] for index >= 0, else subject[len(subject) + index].
PyObject* MatchSequenceItem(PyObject* subject, Py_ssize_t index);
// MATCH_KEYS: values[i] = subject.get(keys[i], <sentinel>) for each key; 0 when a key
// is missing; ValueError "mapping pattern checks duplicate key" for a repeated key.
int MatchKeys(PyObject* subject, PyObject* const* keys, Py_ssize_t count, PyObject** values);
// `**rest`: a dict copy of the subject without the matched keys.
PyObject* MatchRest(PyObject* subject, PyObject* const* keys, Py_ssize_t count);
// MATCH_CLASS: isinstance(subject, type), then the attributes named by __match_args__
// for the first `positional` sub-patterns (or the subject itself for the builtins that
// match themselves) and by `keyword_names` (a tuple of str, or NULL) into `out`.
int MatchClass(PyObject* subject, PyObject* type, Py_ssize_t positional,
               PyObject* keyword_names, PyObject** out);

// MatchKeys and MatchClass as CPython's MATCH_KEYS and MATCH_CLASS leave their result
// (what Kiln IR code calls): a new tuple of the values, Py_None (a new reference) when
// the pattern does not match, or NULL on error.
PyObject* MatchKeysTuple(PyObject* subject, PyObject* const* keys, Py_ssize_t count);
PyObject* MatchClassTuple(PyObject* subject, PyObject* type, Py_ssize_t positional,
                          PyObject* keyword_names);

}  // namespace kiln

#endif  // KILN_RUNTIME_OPS_MATCH_H_
