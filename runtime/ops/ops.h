// Operations that generated code performs often enough to want one call: name lookup
// in globals, builtins and class namespaces, cells, unpacking, calls with * and **,
// f-strings, exceptions (raise, match, re-raise), `with`, imports and class creation,
// each with the error messages CPython 3.11 uses.
//
// Conventions: a function returning PyObject* returns a new reference or NULL with an
// exception set; one returning int returns -1 with an exception set on error.
#ifndef KILN_RUNTIME_OPS_OPS_H_
#define KILN_RUNTIME_OPS_OPS_H_

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <initializer_list>

#include "runtime/ops/fast.h"

namespace kiln {

// --- names ---
PyObject* InternUtf8(const char* utf8, Py_ssize_t size);
PyObject* LoadGlobal(PyObject* globals, PyObject* name);
// LOAD_NAME: the class namespace, then globals, then builtins.
PyObject* LoadName(PyObject* locals, PyObject* globals, PyObject* name);
// LOAD_CLASSDEREF: the class namespace, then the cell of an enclosing function.
PyObject* LoadClassCell(PyObject* locals, PyObject* globals, PyObject* cell, PyObject* name);
int DeleteName(PyObject* locals, PyObject* name);
int DeleteGlobal(PyObject* globals, PyObject* name);
void RaiseUnboundLocal(PyObject* name);
void RaiseUnboundFree(PyObject* name);
// Stores `value` (stolen) in `cell`.
void CellSet(PyObject* cell, PyObject* value);
int CellDelete(PyObject* cell, PyObject* name, int is_free);
int EnsureBuiltins(PyObject* globals);
// The builtins dict that code running in `globals` sees (borrowed).
PyObject* BuiltinsOf(PyObject* globals);
int SetupAnnotations(PyObject* locals);
// An annotation under `from __future__ import annotations`: the template kilnc wrote
// (compiler/codegen/unparse.h: UTF-8 text with marks \x01 repr() of the next constant,
// \x02 the next constant with { and } doubled, \x03...\x04 an f-string body replaced
// by its repr()), the repr() of float and complex infinities written 1e309 as CPython's
// compiler writes them.
PyObject* AnnotationText(const char* text, Py_ssize_t size,
                         std::initializer_list<PyObject*> constants);

// --- values ---
inline int IsTrue(PyObject* value) {
  if (value == Py_True) return 1;
  if (value == Py_False || value == Py_None) return 0;
  return PyObject_IsTrue(value);
}
// `item in container` (positive=1) or `item not in container` as a bool object.
PyObject* Contains(PyObject* container, PyObject* item, int positive);
PyObject* Power(PyObject* base, PyObject* exponent);
PyObject* InPlacePower(PyObject* base, PyObject* exponent);
int ListExtend(PyObject* list, PyObject* iterable);   // [*iterable]
int DictUpdate(PyObject* dict, PyObject* mapping);    // {**mapping}
// f"{value!conversion:spec}"; conversion is -1 or 's', 'r', 'a'.
PyObject* FormatValue(PyObject* value, int conversion, PyObject* spec);
PyObject* JoinStrings(PyObject* const* items, Py_ssize_t count);

// --- iteration and unpacking ---
// (IterNext, which steps compiled generators itself, is in runtime/objects/generator.h.)
int UnpackSequence(PyObject* value, Py_ssize_t count, PyObject** out);
// a, *b, c = value: out gets `before` items, a list, then `after` items.
int UnpackStarred(PyObject* value, Py_ssize_t before, Py_ssize_t after, PyObject** out);

// --- calls ---
PyObject* CallMethod(PyObject* name, PyObject* const* args, size_t count_with_self,
                     PyObject* kwnames);
// obj.name(...) as LOAD_METHOD/CALL do it: the method is looked up before the arguments
// are evaluated. slots[0] gets the callable; slots[1] holds `obj` on entry and keeps it
// when the callable is a plain function to call with obj as first argument, else it is
// cleared. Returns -1 with AttributeError (and the like) set.
int LoadMethod(PyObject* name, PyObject** slots);
// (CallLoadedMethod, which calls what LoadMethod prepared, is in
// runtime/objects/generator.h: generator.send(value) steps a compiled generator there.)
int ExtendCallArgs(PyObject* list, PyObject* iterable, PyObject* function);
int MergeCallKwargs(PyObject* dict, PyObject* mapping, PyObject* function);
int AddCallKeyword(PyObject* dict, PyObject* name, PyObject* value, PyObject* function);
PyObject* CallWithLists(PyObject* function, PyObject* positional, PyObject* keywords);
// super() with no arguments inside a method.
// `class_cell` is nullptr when the code has no __class__ cell, `first_argument` when it
// is unbound; `has_arguments` is 0 when the code takes no positional arguments.
PyObject* ZeroArgSuper(PyObject* super_object, PyObject* class_cell, PyObject* first_argument,
                       int has_arguments);

// --- exceptions ---
// Takes the current exception (normalised, __traceback__ set) and clears it.
PyObject* FetchException();
// Raises `exception` (stolen) again with its own traceback.
void RestoreException(PyObject* exception);
// `except type:` for the caught `exception`: 1 match, 0 no match, -1 error.
int ExceptionMatches(PyObject* exception, PyObject* type);
// `except* type:` against what is left of the caught exception group (`*rest`, None
// when all of it was handled): *match gets the matching part (nullptr when nothing
// matches; a bare exception that matches is wrapped in an ExceptionGroup without a
// traceback, as CPython 3.11 does) and *rest what remains. Checks `type` as CPython
// does. 0, or -1 on error.
int ExceptStarMatch(PyObject** rest, PyObject* type, PyObject** match);
// The end of a try/except*: what to raise (a new reference: None when everything was
// handled) from the caught `exception`, the exceptions the handlers raised (`raised`,
// a list) and the unhandled `rest` (stolen).
PyObject* ExceptStarResult(PyObject* exception, PyObject* raised, PyObject* rest);
// `raise exception [from cause]`: always sets an exception.
void Raise(PyObject* exception, PyObject* cause);
// What an except or finally block saves on entry and gives back to
// PyErr_SetHandledException on leaving (as PUSH_EXC_INFO/POP_EXCEPT): the handled
// exception of the running frame's own exception state (a generator's, or the
// thread's), not the topmost one of the chain that sys.exc_info() shows. New
// reference, or NULL.
PyObject* SaveHandled();
// bare `raise`.
void ReRaise();
void RaiseAssertion(PyObject* message);

// --- with ---
// Looks up `enter_name` and `exit_name` on the type of `manager` (as special methods),
// calls the first and returns its result; *exit gets the second, bound. `protocol` names
// the protocol in CPython's TypeError ("context manager", ...).
PyObject* EnterManager(PyObject* manager, _Py_Identifier* enter_name, _Py_Identifier* exit_name,
                       const char* protocol, PyObject** exit);
// Calls __enter__ and returns its result; *exit gets the bound __exit__.
PyObject* EnterContext(PyObject* manager, PyObject** exit);
// exit(None, None, None).
PyObject* CallExit(PyObject* exit, PyObject* unused);
// With the current exception: exit(type, value, traceback). 1: suppressed (cleared);
// 0: not suppressed (still set); -1: __exit__ raised (that exception is set).
int ExitWithException(PyObject* exit);

// --- imports ---
PyObject* ImportName(PyObject* globals, PyObject* name, PyObject* fromlist, int level);
PyObject* ImportFrom(PyObject* module, PyObject* name);
int ImportStar(PyObject* module, PyObject* globals);

// --- classes ---
typedef PyObject* (*ClassBody)(PyObject* function, PyObject* namespace_);
// class name(*bases, **keywords): body runs in the namespace from __prepare__.
PyObject* BuildClass(PyObject* function, ClassBody body, PyObject* name, PyObject* bases,
                     PyObject* keywords);

}  // namespace kiln

#endif  // KILN_RUNTIME_OPS_OPS_H_
