#include "runtime/objects/function.h"

#include <string>

#include <frameobject.h>

#include "runtime/objects/bytecode.h"
#include "runtime/objects/frame.h"
#include "runtime/objects/generator.h"

namespace kiln {
namespace {

PyObject* NameTuple(int count, const char* const* names) {
  PyObject* tuple = PyTuple_New(count);
  if (tuple == nullptr) return nullptr;
  for (int i = 0; i < count; ++i) {
    PyObject* name = PyUnicode_InternFromString(names[i]);
    if (name == nullptr) {
      Py_DECREF(tuple);
      return nullptr;
    }
    PyTuple_SET_ITEM(tuple, i, name);
  }
  return tuple;
}

// Joins names the way CPython's "missing arguments" message does:
// 'a' / 'a' and 'b' / 'a', 'b', and 'c'.
std::string JoinMissing(PyObject* names) {
  Py_ssize_t count = PyList_GET_SIZE(names);
  std::string text;
  for (Py_ssize_t i = 0; i < count; ++i) {
    PyObject* repr = PyObject_Repr(PyList_GET_ITEM(names, i));
    std::string quoted = repr ? PyUnicode_AsUTF8(repr) : "?";
    Py_XDECREF(repr);
    if (i > 0) text += count == 2 ? " and " : (i == count - 1 ? ", and " : ", ");
    text += quoted;
  }
  return text;
}

void ReleaseSlots(PyObject** slots, int count) {
  for (int i = 0; i < count; ++i) Py_CLEAR(slots[i]);
}

void MissingArguments(PyCodeObject* code, PyObject* qualname, PyObject** slots, int first,
                      int end, const char* kind) {
  PyObject* missing = PyList_New(0);
  if (missing == nullptr) return;
  for (int i = first; i < end; ++i) {
    if (slots[i] == nullptr) PyList_Append(missing, PyTuple_GET_ITEM(code->co_localsplusnames, i));
  }
  Py_ssize_t count = PyList_GET_SIZE(missing);
  std::string names = JoinMissing(missing);
  PyErr_Format(PyExc_TypeError, "%U() missing %zd required %s argument%s: %s", qualname, count,
               kind, count == 1 ? "" : "s", names.c_str());
  Py_DECREF(missing);
}

void TooManyPositional(PyCodeObject* code, PyObject* qualname, Py_ssize_t given,
                       Py_ssize_t defaults, PyObject** slots) {
  int argcount = code->co_argcount;
  Py_ssize_t keyword_only_given = 0;
  for (int i = argcount; i < argcount + code->co_kwonlyargcount; ++i) {
    if (slots[i] != nullptr) ++keyword_only_given;
  }
  std::string takes;
  if (defaults > 0) {
    takes = "from " + std::to_string(argcount - defaults) + " to " + std::to_string(argcount) +
            " positional arguments";
  } else {
    takes = std::to_string(argcount) + " positional argument" + (argcount == 1 ? "" : "s");
  }
  std::string was = std::to_string(given);
  if (keyword_only_given > 0) {
    was += std::string(" positional argument") + (given == 1 ? "" : "s") + " (and " +
           std::to_string(keyword_only_given) + " keyword-only argument" +
           (keyword_only_given == 1 ? "" : "s") + ") were given";
  } else {
    was += given == 1 ? " was given" : " were given";
  }
  PyErr_Format(PyExc_TypeError, "%U() takes %s but %s", qualname, takes.c_str(), was.c_str());
}

void AppendVarint(std::string* out, unsigned int value) {
  while (value >= 64) {
    out->push_back(static_cast<char>(64 | (value & 63)));
    value >>= 6;
  }
  out->push_back(static_cast<char>(value));
}

void AppendSignedVarint(std::string* out, int value) {
  AppendVarint(out, value < 0 ? ((static_cast<unsigned int>(-value) << 1) | 1)
                              : (static_cast<unsigned int>(value) << 1));
}

// Units on the def line, in entries of at most 8 units.
void AppendDefLineUnits(std::string* table, int units, int* previous_line, int first_line) {
  while (units > 0) {
    int length = units < 8 ? units : 8;
    table->push_back(static_cast<char>(0x80 | (13 << 3) | (length - 1)));  // line only
    AppendSignedVarint(table, first_line - *previous_line);
    *previous_line = first_line;
    units -= length;
  }
}

// CPython 3.11's location table (Objects/locations.md): the prefix on the def line, one
// entry per error site, then the trampolines on the def line.
std::string LocationTable(const FunctionSpec& spec, int prefix_units, int trailing_units) {
  std::string table;
  int previous_line = spec.first_line;
  AppendDefLineUnits(&table, prefix_units, &previous_line, spec.first_line);
  for (int i = 0; i < spec.site_count; ++i) {
    const int* site = spec.sites + 4 * i;
    int line = site[0], end_line = site[1], column = site[2], end_column = site[3];
    if (line <= 0) line = spec.first_line;
    if (column < 0 || end_column < 0 || end_line < line) {
      table.push_back(static_cast<char>(0x80 | (13 << 3)));  // line only
      AppendSignedVarint(&table, line - previous_line);
    } else {
      table.push_back(static_cast<char>(0x80 | (14 << 3)));  // long form
      AppendSignedVarint(&table, line - previous_line);
      AppendVarint(&table, end_line - line);
      AppendVarint(&table, column + 1);
      AppendVarint(&table, end_column + 1);
    }
    previous_line = line;
  }
  AppendDefLineUnits(&table, trailing_units, &previous_line, spec.first_line);
  return table;
}

PyObject* RunCompiled(PyObject*, PyObject*) { return CallCompiledFromFrame(); }

PyMethodDef kRunCompiledDef = {"_kiln_run_compiled", RunCompiled, METH_NOARGS,
                               "Runs the compiled function whose frame calls it."};

// The object the code's bytecode calls (one for the process, never freed).
PyObject* RunCompiledFunction() {
  static PyObject* function = PyCFunction_New(&kRunCompiledDef, nullptr);
  return function;
}

}  // namespace

PyObject* MakeCode(const FunctionSpec& spec) {
  // First CPython's prefix: MAKE_CELL for each cell (so frame.f_locals reads the cells'
  // contents), COPY_FREE_VARS. Then one code unit per error site (their locations are
  // what tracebacks show), site 0 being the RESUME, so that the frames the compiled code
  // pushes (ActiveFrame) are complete frames for CPython. Then the call trampoline:
  // CPython 3.11 runs a function's code itself when bytecode CALLs it (it does not use
  // the vectorcall entry), so the code calls the compiled entry with the arguments the
  // interpreter bound: PUSH_NULL; LOAD_CONST 1; PRECALL 0; CALL 0; RETURN_VALUE; the
  // frame running it is made incomplete while the compiled entry runs
  // (CallCompiledFromFrame), so it gets no traceback entry and sys._getframe() skips
  // it. The site units are NOPs, or a jump over them when there are enough. Generators,
  // coroutines and async generators end with the resume loop (AppendGeneratorBody).
  using bytecode::Unit;
  std::string body;
  int cells_outside = 0;
  for (int i = 0; i < spec.cell_count; ++i) {
    int index = -1;
    for (int j = 0; j < spec.variable_count; ++j) {
      if (std::string(spec.variable_names[j]) == spec.cell_names[i]) index = j;
    }
    if (index < 0) index = spec.variable_count + cells_outside++;
    bytecode::Emit(&body, bytecode::kMakeCell, static_cast<unsigned int>(index));
  }
  if (spec.free_count > 0) {
    bytecode::Emit(&body, bytecode::kCopyFreeVars, static_cast<unsigned int>(spec.free_count));
  }
  const int prefix_units = static_cast<int>(body.size() / 2);
  Unit(&body, bytecode::kResume, 0);
  int units = spec.site_count - 1;
  if (units >= 4) {
    // Always four units (three EXTENDED_ARG), whatever the distance.
    unsigned int skip = static_cast<unsigned int>(units - 4);
    Unit(&body, bytecode::kExtendedArg, skip >> 24);
    Unit(&body, bytecode::kExtendedArg, skip >> 16);
    Unit(&body, bytecode::kExtendedArg, skip >> 8);
    Unit(&body, bytecode::kJumpForward, skip);
    units -= 4;
  }
  for (int i = 0; i < units; ++i) Unit(&body, bytecode::kNop);
  const size_t trampoline_start = body.size();
  bytecode::CallNoArgs(&body, 1);
  Unit(&body, bytecode::kReturnValue);
  std::string exception_table;
  const bool generator = spec.resume != nullptr;
  if (generator) {
    AppendGeneratorBody(&body, &exception_table, (spec.flags & CO_ASYNC_GENERATOR) != 0,
                        spec.temp_count);
  }
  const int trailing_units = static_cast<int>((body.size() - trampoline_start) / 2);
  PyObject* bytecode = PyBytes_FromStringAndSize(body.data(), body.size());
  std::string table = LocationTable(spec, prefix_units, trailing_units);
  PyObject* trampoline = RunCompiledFunction();
  // Constant 2: the compiled entry (CompiledEntry in frame.h), None for bodies without one.
  PyObject* entry = spec.entry ? PyCapsule_New(reinterpret_cast<void*>(spec.entry), kEntryCapsule, nullptr)
                               : Py_NewRef(Py_None);
  PyObject* constants = nullptr;
  if (trampoline && entry && generator) {
    // Constants 3 and on: the compiled body and what the resume loop loads.
    PyObject* resume = PyCapsule_New(reinterpret_cast<void*>(spec.resume), nullptr, nullptr);
    PyObject* loop = GeneratorBodyConstants();
    PyObject* head = resume && loop ? PyTuple_Pack(4, Py_None, trampoline, entry, resume) : nullptr;
    if (head) constants = PySequence_Concat(head, loop);
    Py_XDECREF(head);
    Py_XDECREF(resume);
  } else if (trampoline && entry) {
    constants = PyTuple_Pack(3, Py_None, trampoline, entry);
  }
  Py_XDECREF(entry);
  PyObject* names = PyTuple_New(0);
  PyObject* variables = NameTuple(spec.variable_count, spec.variable_names);
  PyObject* free = NameTuple(spec.free_count, spec.free_names);
  PyObject* cells = NameTuple(spec.cell_count, spec.cell_names);
  PyObject* filename = PyUnicode_FromString(spec.filename);
  PyObject* name = PyUnicode_InternFromString(spec.name);
  PyObject* qualname = PyUnicode_FromString(spec.qualname);
  PyObject* empty_bytes = PyBytes_FromStringAndSize(nullptr, 0);
  PyObject* handlers = PyBytes_FromStringAndSize(exception_table.data(), exception_table.size());
  PyObject* line_table = PyBytes_FromStringAndSize(table.data(), table.size());
  PyObject* code = nullptr;
  if (bytecode && constants && names && variables && free && cells && filename && name &&
      qualname && empty_bytes && handlers && line_table) {
    code = reinterpret_cast<PyObject*>(PyCode_NewWithPosOnlyArgs(
        spec.argument_count, spec.positional_only_count, spec.keyword_only_count,
        spec.variable_count, kTrampolineStack + spec.temp_count, spec.flags, bytecode, constants,
        names, variables, free, cells, filename, name, qualname, spec.first_line, line_table,
        handlers));
  }
  Py_XDECREF(handlers);
  Py_XDECREF(line_table);
  Py_XDECREF(bytecode);
  Py_XDECREF(constants);
  Py_XDECREF(names);
  Py_XDECREF(variables);
  Py_XDECREF(free);
  Py_XDECREF(cells);
  Py_XDECREF(filename);
  Py_XDECREF(name);
  Py_XDECREF(qualname);
  Py_XDECREF(empty_bytes);
  return code;
}

PyObject* MakeFunction(PyObject* code, vectorcallfunc entry, PyObject* globals,
                       PyObject* defaults, PyObject* keyword_defaults, PyObject* closure,
                       PyObject* annotations, PyObject* doc) {
  PyCodeObject* code_object = reinterpret_cast<PyCodeObject*>(code);
  PyObject* function = PyFunction_NewWithQualName(code, globals, code_object->co_qualname);
  if (function == nullptr) return nullptr;
  PyFunctionObject* object = reinterpret_cast<PyFunctionObject*>(function);
  object->vectorcall = entry;
  if ((defaults && PyFunction_SetDefaults(function, defaults) < 0) ||
      (keyword_defaults && PyFunction_SetKwDefaults(function, keyword_defaults) < 0) ||
      (closure && PyFunction_SetClosure(function, closure) < 0) ||
      (annotations && PyFunction_SetAnnotations(function, annotations) < 0)) {
    Py_DECREF(function);
    return nullptr;
  }
  Py_INCREF(doc ? doc : Py_None);
  Py_XSETREF(object->func_doc, doc ? doc : Py_None);
  return function;
}

int ParameterSlotCount(PyObject* code) {
  PyCodeObject* object = reinterpret_cast<PyCodeObject*>(code);
  return object->co_argcount + object->co_kwonlyargcount +
         ((object->co_flags & CO_VARARGS) ? 1 : 0) + ((object->co_flags & CO_VARKEYWORDS) ? 1 : 0);
}

int BindArguments(PyObject* function, PyObject* const* args, size_t nargsf, PyObject* kwnames,
                  PyObject** slots) {
  PyFunctionObject* func = reinterpret_cast<PyFunctionObject*>(function);
  PyCodeObject* code = reinterpret_cast<PyCodeObject*>(func->func_code);
  PyObject* qualname = func->func_qualname;
  const Py_ssize_t given = PyVectorcall_NARGS(nargsf);
  const int argcount = code->co_argcount;
  const int kwonly = code->co_kwonlyargcount;
  const int posonly = code->co_posonlyargcount;
  const bool has_varargs = code->co_flags & CO_VARARGS;
  const bool has_varkw = code->co_flags & CO_VARKEYWORDS;
  const int varargs_slot = argcount + kwonly;
  const int varkw_slot = varargs_slot + (has_varargs ? 1 : 0);
  const int total = varkw_slot + (has_varkw ? 1 : 0);
  PyObject* names = code->co_localsplusnames;

  Py_ssize_t positional = given < argcount ? given : argcount;
  for (Py_ssize_t i = 0; i < positional; ++i) {
    Py_INCREF(args[i]);
    slots[i] = args[i];
  }
  if (has_varargs) {
    slots[varargs_slot] = PyTuple_New(given > argcount ? given - argcount : 0);
    if (slots[varargs_slot] == nullptr) goto fail;
    for (Py_ssize_t i = argcount; i < given; ++i) {
      Py_INCREF(args[i]);
      PyTuple_SET_ITEM(slots[varargs_slot], i - argcount, args[i]);
    }
  }
  if (has_varkw) {
    slots[varkw_slot] = PyDict_New();
    if (slots[varkw_slot] == nullptr) goto fail;
  }

  if (kwnames != nullptr) {
    PyObject* posonly_as_keyword = nullptr;
    Py_ssize_t keyword_count = PyTuple_GET_SIZE(kwnames);
    for (Py_ssize_t k = 0; k < keyword_count; ++k) {
      PyObject* keyword = PyTuple_GET_ITEM(kwnames, k);
      PyObject* value = args[given + k];
      int found = -1;
      for (int i = posonly; i < argcount + kwonly && found < 0; ++i) {
        if (PyTuple_GET_ITEM(names, i) == keyword) found = i;
      }
      for (int i = posonly; i < argcount + kwonly && found < 0; ++i) {
        int equal = PyObject_RichCompareBool(PyTuple_GET_ITEM(names, i), keyword, Py_EQ);
        if (equal < 0) goto fail;
        if (equal) found = i;
      }
      if (found < 0) {
        bool is_posonly = false;
        for (int i = 0; i < posonly && !is_posonly; ++i) {
          is_posonly = PyObject_RichCompareBool(PyTuple_GET_ITEM(names, i), keyword, Py_EQ) == 1;
        }
        if (has_varkw) {
          if (PyDict_SetItem(slots[varkw_slot], keyword, value) < 0) goto fail;
          continue;
        }
        if (is_posonly) {
          if (posonly_as_keyword == nullptr) posonly_as_keyword = PyList_New(0);
          if (posonly_as_keyword == nullptr || PyList_Append(posonly_as_keyword, keyword) < 0) {
            Py_XDECREF(posonly_as_keyword);
            goto fail;
          }
          continue;
        }
        PyErr_Format(PyExc_TypeError, "%U() got an unexpected keyword argument '%S'", qualname,
                     keyword);
        Py_XDECREF(posonly_as_keyword);
        goto fail;
      }
      if (slots[found] != nullptr) {
        PyErr_Format(PyExc_TypeError, "%U() got multiple values for argument '%S'", qualname,
                     keyword);
        Py_XDECREF(posonly_as_keyword);
        goto fail;
      }
      Py_INCREF(value);
      slots[found] = value;
    }
    if (posonly_as_keyword != nullptr) {
      PyObject* separator = PyUnicode_FromString(", ");
      PyObject* joined = separator ? PyUnicode_Join(separator, posonly_as_keyword) : nullptr;
      if (joined != nullptr) {
        PyErr_Format(PyExc_TypeError,
                     "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                     qualname, joined);
      }
      Py_XDECREF(joined);
      Py_XDECREF(separator);
      Py_DECREF(posonly_as_keyword);
      goto fail;
    }
  }

  {
    PyObject* defaults = func->func_defaults;
    Py_ssize_t default_count = defaults ? PyTuple_GET_SIZE(defaults) : 0;
    if (given > argcount && !has_varargs) {
      TooManyPositional(code, qualname, given, default_count, slots);
      goto fail;
    }
    Py_ssize_t first_default = argcount - default_count;
    bool missing = false;
    for (int i = static_cast<int>(positional); i < argcount; ++i) {
      if (slots[i] != nullptr) continue;
      if (i >= first_default) {
        PyObject* value = PyTuple_GET_ITEM(defaults, i - first_default);
        Py_INCREF(value);
        slots[i] = value;
      } else {
        missing = true;
      }
    }
    if (missing) {
      MissingArguments(code, qualname, slots, 0, argcount, "positional");
      goto fail;
    }
    missing = false;
    for (int i = argcount; i < argcount + kwonly; ++i) {
      if (slots[i] != nullptr) continue;
      PyObject* value = nullptr;
      if (func->func_kwdefaults != nullptr) {
        value = PyDict_GetItemWithError(func->func_kwdefaults, PyTuple_GET_ITEM(names, i));
        if (value == nullptr && PyErr_Occurred()) goto fail;
      }
      if (value != nullptr) {
        Py_INCREF(value);
        slots[i] = value;
      } else {
        missing = true;
      }
    }
    if (missing) {
      MissingArguments(code, qualname, slots, argcount, argcount + kwonly, "keyword-only");
      goto fail;
    }
  }
  return 0;

fail:
  ReleaseSlots(slots, total);
  return -1;
}

void AddTraceback(PyObject* code, PyObject* globals, int site) {
  if (PyFrameObject* current = CurrentFrameAt(code, site)) {
    PyTraceBack_Here(current);
    Py_DECREF(current);
    return;
  }
  PyObject *type, *value, *traceback;
  PyErr_Fetch(&type, &value, &traceback);
  PyThreadState* thread = PyThreadState_Get();
  PyFrameObject* frame =
      PyFrame_New(thread, reinterpret_cast<PyCodeObject*>(code), globals, nullptr);
  PyErr_Restore(type, value, traceback);
  if (frame == nullptr) return;
  SetFrameSite(frame, site);
  PyTraceBack_Here(frame);
  Py_DECREF(frame);
}

}  // namespace kiln
