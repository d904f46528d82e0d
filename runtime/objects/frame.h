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

}  // namespace kiln

#endif  // KILN_RUNTIME_OBJECTS_FRAME_H_
