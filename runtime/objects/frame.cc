// The only runtime file built with Py_BUILD_CORE: it reads CPython 3.11's frame layout.
#define Py_BUILD_CORE 1
#include "runtime/objects/frame.h"

#include "internal/pycore_frame.h"

namespace kiln {

void SetFrameSite(PyFrameObject* frame, int site) {
  _PyInterpreterFrame* interpreter_frame = frame->f_frame;
  interpreter_frame->prev_instr = _PyCode_CODE(interpreter_frame->f_code) + site;
  frame->f_lineno = 0;
}

}  // namespace kiln
