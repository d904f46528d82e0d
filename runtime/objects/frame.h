// Frame details that CPython keeps in its internal headers, isolated in one file.
#ifndef KILN_RUNTIME_OBJECTS_FRAME_H_
#define KILN_RUNTIME_OBJECTS_FRAME_H_

#define PY_SSIZE_T_CLEAN
#include <Python.h>

namespace kiln {

// Makes PyFrame_GetLineNumber(frame) (and so traceback entries made from it) report
// `line`.
void SetFrameLine(PyFrameObject* frame, int line);

}  // namespace kiln

#endif  // KILN_RUNTIME_OBJECTS_FRAME_H_
