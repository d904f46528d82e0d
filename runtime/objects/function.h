// Compiled Python functions.
//
// A compiled function is a real `function` object (types.FunctionType), so everything
// that inspects functions keeps working: inspect.signature, functools.wraps, method
// binding, dataclasses, typing, pickling by qualified name. Three things make it run
// native code instead of bytecode:
//   - its vectorcall entry is the C++ function kilnc generated for it;
//   - its __code__ is a code object with the real names, argument counts, flags, file
//     and first line, and a tiny body: a CALL from bytecode runs a function's code
//     itself (3.11 ignores the vectorcall entry there), so the body calls back into the
//     compiled entry with the arguments the interpreter bound (CallCompiledFromFrame in
//     frame.h);
//   - its locals live in the CPython frame it pushes (kiln::ActiveFrame), in the order
//     of the code's co_varnames, cells and free variables, so frame.f_locals, locals()
//     and eval() see them; its temporaries follow them in the frame;
//   - a generator, coroutine or async generator function makes CPython's own object
//     (types.GeneratorType, CoroutineType, AsyncGeneratorType): its code ends in a
//     bytecode loop that calls the compiled resume function, yields what it returns
//     and delegates `yield from`/`await` with CPython's SEND (generator.h);
//   - defaults, keyword defaults and closure cells are read from the function object at
//     call time, as CPython does, so assigning __defaults__ behaves the same.
//
//   static PyObject* code = kiln::MakeCode(kSpecOfF);        // once per module
//   PyObject* f = kiln::MakeFunction(code, EntryOfF, globals, nullptr, defaults, ...);
#ifndef KILN_RUNTIME_OBJECTS_FUNCTION_H_
#define KILN_RUNTIME_OBJECTS_FUNCTION_H_

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "runtime/objects/generator.h"

namespace kiln {

struct FunctionSpec {
  const char* name;
  const char* qualname;
  const char* filename;
  int first_line;
  int argument_count;              // positional parameters, positional-only included
  int positional_only_count;
  int keyword_only_count;
  int flags;                       // CO_VARARGS, CO_VARKEYWORDS, CO_GENERATOR, ...
  int variable_count;              // co_varnames: parameters first, then other locals
  const char* const* variable_names;
  int cell_count;                  // co_cellvars (locals captured by inner functions)
  const char* const* cell_names;
  int free_count;                  // co_freevars (variables of enclosing functions)
  const char* const* free_names;
  // Error sites: 4 ints each (line, end line, column, end column; columns are UTF-8
  // byte offsets, -1 when unknown). Site i is instruction i of the code object, so
  // traceback entries made at site i show CPython's line and caret range.
  int site_count;
  const int* sites;
  // The vectorcall entry of a function or class body (NULL for a module body).
  vectorcallfunc entry;
  // Temporaries the compiled code keeps in its frame after the locals.
  int temp_count;
  // Generators, coroutines and async generators: the compiled body, else NULL.
  GeneratorResume resume;
};

// A new reference to the code object that describes `spec`, or NULL with an exception.
PyObject* MakeCode(const FunctionSpec& spec);

// A new function object running `entry`. `defaults` (tuple), `keyword_defaults`
// (dict), `closure` (tuple of cells), `annotations` (dict) and `doc` may be NULL; the
// function does not steal them. Returns NULL with an exception on failure.
PyObject* MakeFunction(PyObject* code, vectorcallfunc entry, PyObject* globals,
                       PyObject* defaults, PyObject* keyword_defaults, PyObject* closure,
                       PyObject* annotations, PyObject* doc);

// Number of parameter slots of `code`: positional + keyword-only + *args + **kwargs.
int ParameterSlotCount(PyObject* code);

// Binds a vectorcall's arguments to the parameters of `function`, as CPython does, with
// its error messages. `slots` has ParameterSlotCount() entries, all NULL on entry; on
// success each holds a new reference. On failure returns -1 with TypeError set and
// leaves no references in `slots`.
int BindArguments(PyObject* function, PyObject* const* args, size_t nargsf,
                  PyObject* kwnames, PyObject** slots);

// Adds a traceback entry for `code` at error site `site` to the current exception, as
// the interpreter does when an exception passes through a frame.
void AddTraceback(PyObject* code, PyObject* globals, int site);

}  // namespace kiln

#endif  // KILN_RUNTIME_OBJECTS_FUNCTION_H_
