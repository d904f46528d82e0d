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

// The frame object of the running compiled code `code` (its ActiveFrame), moved to
// `site`: a new reference, or NULL (no exception set) when the thread's current frame
// is not one of `code`. Traceback entries use it, so tb_frame is the real frame.
PyFrameObject* CurrentFrameAt(PyObject* code, int site);

// The compiled entry of a code object made by MakeCode, or NULL for other code. It is
// a capsule named kEntryCapsule among the code's constants, so it survives
// code.replace() (types.coroutine does that) and functions made with
// types.FunctionType(code, globals), or given the code as __code__, run compiled too.
inline constexpr char kEntryCapsule[] = "kiln.entry";
vectorcallfunc CompiledEntry(PyObject* code);

// Called by a compiled entry whose function's __code__ is no longer its own code: runs
// the function's current code (compiled, or bytecode through the interpreter).
PyObject* CallReplacedCode(PyObject* function, PyObject* const* args, size_t nargsf,
                           PyObject* kwnames);

// The frame of a running compiled function, module body or class body: pushed on the
// thread's frame stack (CPython's own frames, in its data stack) while the compiled code
// runs, so sys._getframe(), inspect.stack(), traceback.extract_stack(), logging and
// warnings see it with its code, globals and current line. The code object's unit 0
// is a RESUME, so CPython treats the frame as complete. The compiled code keeps its
// variables in its own slots: f_locals of a function's frame is empty; a module's or a
// class body's frame has the namespace as f_locals.
//
//   kiln::ActiveFrame kf(func, code, nullptr);   // popped when kf goes out of scope
//   if (!kf.ok()) return nullptr;                // MemoryError
//   kf.At(site);                                 // the frame is now at site `site`
class ActiveFrame {
 public:
  // `function` may be NULL for a module body (a function for `code` is made), `locals`
  // is the namespace of a module or class body, else NULL.
  ActiveFrame(PyObject* function, PyObject* code, PyObject* globals, PyObject* locals);
  ~ActiveFrame();
  ActiveFrame(const ActiveFrame&) = delete;
  ActiveFrame& operator=(const ActiveFrame&) = delete;

  bool ok() const { return frame_ != nullptr; }
  void At(int site) { *instruction_ = first_ + site; }

 private:
  void* frame_ = nullptr;             // _PyInterpreterFrame*
  _Py_CODEUNIT** instruction_ = nullptr;  // &frame->prev_instr
  _Py_CODEUNIT* first_ = nullptr;     // the code's first unit
  _Py_CODEUNIT* unused_ = nullptr;    // where At() writes when there is no frame
};

}  // namespace kiln

#endif  // KILN_RUNTIME_OBJECTS_FRAME_H_
