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

// The code a compiled function's frame runs: `own`, or the function's __code__ when
// that is a copy of `own` made by code.replace() with the same frame layout (so its
// new line table, names or flags are what frames and tracebacks show).
PyObject* ReplacedCodeToRun(PyObject* current, PyObject* own);
inline PyObject* CodeToRun(PyObject* function, PyObject* own) {
  PyObject* current = reinterpret_cast<PyFunctionObject*>(function)->func_code;
  return current == own ? own : ReplacedCodeToRun(current, own);
}

// Called by a compiled entry whose function's __code__ is no longer its own code: runs
// the function's current code (compiled, or bytecode through the interpreter).
PyObject* CallReplacedCode(PyObject* function, PyObject* const* args, size_t nargsf,
                           PyObject* kwnames);

// When the newest entry of `*traceback` (a reference, or NULL) is the thread's current
// frame's, takes it off: *traceback becomes the rest (so does `exception`'s
// __traceback__) and the entry's tb_lasti is returned; else -1, nothing changes.
int TakeCurrentFrameEntry(PyObject* exception, PyObject** traceback);

// Stack entries a compiled code object's own bytecode needs (its call trampoline and,
// for generators, the resume loop); the code's co_stacksize is this plus the
// temporaries the compiled code keeps in its frame after the locals.
inline constexpr int kTrampolineStack = 4;

// The unit of `code` that error site `site` is: sites follow the MAKE_CELL and
// COPY_FREE_VARS prefix, from the RESUME on (site 0).
_Py_CODEUNIT* SiteUnit(PyObject* code, int site);

// The frame of running compiled code: pushed on the thread's frame stack (CPython's own
// frames, in its data stack) while a compiled function, module body or class body runs,
// so sys._getframe(), inspect.stack(), traceback.extract_stack(), logging and warnings
// see it with its code, globals and current line. A function keeps its locals and
// temporaries in the frame (slots()): locals first, in the order of co_varnames, cells
// and free variables, so f_locals, locals() and eval() read them as CPython's do. A
// module's or a class body's frame has the namespace as f_locals.
//
//   kiln::ActiveFrame kf(func, code, nullptr);   // popped when kf goes out of scope
//   if (!kf.ok()) return nullptr;                // MemoryError
//   PyObject** s = kf.slots();
//   kf.At(site);                                 // the frame is now at site `site`
//
// A generator's frame is CPython's own, inside the generator object; its compiled
// resume function takes it as it runs (ActiveFrame kf(kiln::kResumedFrame)).
enum ResumedFrame { kResumedFrame };

class ActiveFrame {
 public:
  // `function` may be NULL for a module body (a function for `code` is made), `locals`
  // is the namespace of a module or class body, else NULL.
  ActiveFrame(PyObject* function, PyObject* code, PyObject* globals, PyObject* locals);
  // The thread's current frame, a generator's, which the caller runs.
  explicit ActiveFrame(ResumedFrame);
  ~ActiveFrame();
  ActiveFrame(const ActiveFrame&) = delete;
  ActiveFrame& operator=(const ActiveFrame&) = delete;

  bool ok() const { return frame_ != nullptr; }
  void At(int site) { *instruction_ = first_ + site; }
  PyObject** slots() const;

  // A generator suspends at `line`: a frame object of the generator shows that line
  // while it is suspended (its frame's instruction is the resume loop's). `delegating`
  // (`yield from`, `await`): the frame object is made now, since frames run by the
  // delegate see this one in their stack.
  void Suspend(int line, bool delegating);
  // An exception leaves a generator's compiled body: the interpreter running the
  // generator's frame adds the frame's traceback entry when it sees the error, so the
  // entry the compiled code added is taken off and the frame put back at its site.
  void LeaveWithError();

 private:
  void* frame_ = nullptr;             // _PyInterpreterFrame*
  bool owned_ = false;                // pushed by this object (popped by the destructor)
  _Py_CODEUNIT** instruction_ = nullptr;  // &frame->prev_instr
  _Py_CODEUNIT* first_ = nullptr;     // the unit of site 0
  _Py_CODEUNIT* unused_ = nullptr;    // where At() writes when there is no frame
};

}  // namespace kiln

#endif  // KILN_RUNTIME_OBJECTS_FRAME_H_
