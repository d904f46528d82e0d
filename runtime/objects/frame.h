// Frame details that CPython keeps in its internal headers, isolated in one file.
#ifndef KILN_RUNTIME_OBJECTS_FRAME_H_
#define KILN_RUNTIME_OBJECTS_FRAME_H_

#define PY_SSIZE_T_CLEAN
#include <Python.h>

namespace kiln {

// Puts `frame` at instruction `site` of its code object, so that its line number and the
// traceback entries made from it (tb_lasti, tb_lineno) come from the code's location
// table, as for a frame the interpreter runs.
void SetFrameSite(PyFrameObject* frame, int site);

// Called by the bytecode of a compiled function's code object (see MakeCode) when the
// interpreter runs that code itself instead of calling the function's vectorcall: in
// CPython 3.11 a CALL from bytecode to a `function` pushes a frame for its code directly.
// The arguments CPython bound into that frame are passed on to the function's compiled
// entry, whose result is returned.
PyObject* CallCompiledFromFrame();

}  // namespace kiln

#endif  // KILN_RUNTIME_OBJECTS_FRAME_H_
