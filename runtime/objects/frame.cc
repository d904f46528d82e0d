// The only runtime file built with Py_BUILD_CORE: it reads CPython 3.11's frame layout.
#define Py_BUILD_CORE 1
#include "runtime/objects/frame.h"

#include "internal/pycore_frame.h"

namespace kiln {

void SetFrameLine(PyFrameObject* frame, int line) { frame->f_lineno = line; }

}  // namespace kiln
