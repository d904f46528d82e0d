#include "runtime/import/module_table.h"

#include <cstring>
#include <string>

namespace kiln {
namespace {

const ModuleDef* const* g_table = nullptr;

// The finder and loader of compiled modules: one instance, first on sys.meta_path.
struct ImporterObject {
  PyObject_HEAD
};

const ModuleDef* DefFromName(PyObject* name) {
  const char* text = PyUnicode_AsUTF8(name);
  if (text == nullptr) {
    PyErr_Clear();
    return nullptr;
  }
  return FindModule(g_table, text);
}

// find_spec(fullname, path=None, target=None) -> ModuleSpec or None
PyObject* FindSpec(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  if (nargs < 1 || !PyUnicode_Check(args[0])) {
    PyErr_SetString(PyExc_TypeError, "find_spec() needs a module name");
    return nullptr;
  }
  const ModuleDef* def = DefFromName(args[0]);
  bool namespace_package = false;
  if (def == nullptr) {
    // A folder of compiled modules without an __init__.py: an implicit namespace package.
    const char* name = PyUnicode_AsUTF8(args[0]);
    if (name == nullptr) return nullptr;
    size_t length = std::strlen(name);
    for (const ModuleDef* const* entry = g_table; entry && *entry; ++entry) {
      if (std::strncmp((*entry)->name, name, length) == 0 && (*entry)->name[length] == '.') {
        namespace_package = true;
        break;
      }
    }
    if (!namespace_package) Py_RETURN_NONE;
    // A regular package of the same name elsewhere (the bundled stdlib's `test`, say)
    // comes first, as a regular package beats namespace portions on sys.path; the
    // compiled modules inside it are still found here by their full names.
    PyObject* external = PyImport_ImportModule("_frozen_importlib_external");
    if (external == nullptr) return nullptr;
    PyObject* path_finder = PyObject_GetAttrString(external, "PathFinder");
    Py_DECREF(external);
    if (path_finder == nullptr) return nullptr;
    PyObject* found = PyObject_CallMethod(path_finder, "find_spec", "OO", args[0],
                                          nargs >= 2 ? args[1] : Py_None);
    Py_DECREF(path_finder);
    if (found == nullptr) return nullptr;
    if (found != Py_None) {
      PyObject* loader = PyObject_GetAttrString(found, "loader");
      if (loader == nullptr) {
        Py_DECREF(found);
        return nullptr;
      }
      bool regular = loader != Py_None;
      Py_DECREF(loader);
      if (regular) return found;
    }
    Py_DECREF(found);
  }
  // importlib's bootstrap is frozen into every interpreter: ModuleSpec without
  // bundling importlib.machinery.
  PyObject* machinery = PyImport_ImportModule("_frozen_importlib");
  if (machinery == nullptr) return nullptr;
  PyObject* spec_type = PyObject_GetAttrString(machinery, "ModuleSpec");
  Py_DECREF(machinery);
  if (spec_type == nullptr) return nullptr;
  if (namespace_package) {
    // loader None and a list of locations: importlib makes it a namespace package.
    PyObject* positional = Py_BuildValue("(OO)", args[0], Py_None);
    PyObject* keywords = Py_BuildValue("{s:O}", "is_package", Py_True);
    PyObject* spec = positional && keywords ? PyObject_Call(spec_type, positional, keywords)
                                            : nullptr;
    Py_XDECREF(positional);
    Py_XDECREF(keywords);
    Py_DECREF(spec_type);
    return spec;
  }
  PyObject* positional = Py_BuildValue("(OO)", args[0], self);
  PyObject* keywords = Py_BuildValue("{s:s,s:O}", "origin", def->filename, "is_package",
                                     def->is_package ? Py_True : Py_False);
  PyObject* spec = positional && keywords ? PyObject_Call(spec_type, positional, keywords)
                                          : nullptr;
  Py_XDECREF(positional);
  Py_XDECREF(keywords);
  Py_DECREF(spec_type);
  if (spec == nullptr) return nullptr;
  // __file__ is set from origin only when the spec says it has a location.
  if (PyObject_SetAttrString(spec, "has_location", Py_True) < 0) {
    Py_DECREF(spec);
    return nullptr;
  }
  if (def->is_package) {
    std::string directory = def->filename;
    size_t slash = directory.rfind('/');
    directory = slash == std::string::npos ? "" : directory.substr(0, slash);
    PyObject* locations = Py_BuildValue("[s]", directory.c_str());
    if (locations == nullptr ||
        PyObject_SetAttrString(spec, "submodule_search_locations", locations) < 0) {
      Py_XDECREF(locations);
      Py_DECREF(spec);
      return nullptr;
    }
    Py_DECREF(locations);
  }
  return spec;
}

PyObject* CreateModule(PyObject* self, PyObject* spec) { Py_RETURN_NONE; }

PyObject* RunModuleBody(PyObject* self, PyObject* module) {
  const ModuleDef* def = reinterpret_cast<const ModuleDef*>(PyCapsule_GetPointer(self, nullptr));
  if (def == nullptr || def->exec(module) < 0) return nullptr;
  Py_RETURN_NONE;
}

PyMethodDef kRunModuleBodyDef = {"_kiln_run_module_body", RunModuleBody, METH_O,
                                 "Runs a compiled module's body."};

PyObject* ExecModule(PyObject* self, PyObject* module) {
  PyObject* name = PyObject_GetAttrString(module, "__name__");
  if (name == nullptr) return nullptr;
  const ModuleDef* def = DefFromName(name);
  if (def == nullptr) {
    PyErr_Format(PyExc_ImportError, "no compiled module named %R", name);
    Py_DECREF(name);
    return nullptr;
  }
  Py_DECREF(name);
  // The body runs under importlib's _call_with_frames_removed, as a source module's
  // does, so that tracebacks of errors in it leave out importlib's frames.
  static PyObject* remover = [] {
    PyObject* bootstrap = PyImport_ImportModule("_frozen_importlib");
    PyObject* function =
        bootstrap ? PyObject_GetAttrString(bootstrap, "_call_with_frames_removed") : nullptr;
    Py_XDECREF(bootstrap);
    if (function == nullptr) PyErr_Clear();
    return function;
  }();
  if (remover == nullptr) {
    if (def->exec(module) < 0) return nullptr;
    Py_RETURN_NONE;
  }
  PyObject* capsule = PyCapsule_New(const_cast<ModuleDef*>(def), nullptr, nullptr);
  if (capsule == nullptr) return nullptr;
  PyObject* runner = PyCFunction_New(&kRunModuleBodyDef, capsule);
  Py_DECREF(capsule);
  if (runner == nullptr) return nullptr;
  PyObject* result = PyObject_CallFunctionObjArgs(remover, runner, module, nullptr);
  Py_DECREF(runner);
  return result;
}

PyObject* IsPackage(PyObject* self, PyObject* name) {
  const ModuleDef* def = DefFromName(name);
  if (def == nullptr) {
    PyErr_Format(PyExc_ImportError, "no compiled module named %R", name);
    return nullptr;
  }
  return PyBool_FromLong(def->is_package);
}

// Compiled modules carry no source text; linecache then shows no source lines.
PyObject* GetSource(PyObject* self, PyObject* name) { Py_RETURN_NONE; }

PyMethodDef kImporterMethods[] = {
    {"find_spec", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(FindSpec)),
     METH_FASTCALL | METH_KEYWORDS, "Finds a compiled module."},
    {"create_module", CreateModule, METH_O, "Default module creation."},
    {"exec_module", ExecModule, METH_O, "Runs a compiled module's body."},
    {"is_package", IsPackage, METH_O, "Whether a compiled module is a package."},
    {"get_source", GetSource, METH_O, "Compiled modules have no source."},
    {nullptr, nullptr, 0, nullptr},
};

PyTypeObject ImporterType = {
    PyVarObject_HEAD_INIT(nullptr, 0)
    "kiln.CompiledModuleImporter",      // tp_name
    sizeof(ImporterObject),             // tp_basicsize
};

}  // namespace

const ModuleDef* FindModule(const ModuleDef* const* table, const char* name) {
  if (table == nullptr) return nullptr;
  for (const ModuleDef* const* entry = table; *entry != nullptr; ++entry) {
    if (std::strcmp((*entry)->name, name) == 0) return *entry;
  }
  return nullptr;
}

int InstallImporter(const ModuleDef* const* table) {
  g_table = table;
  ImporterType.tp_flags = Py_TPFLAGS_DEFAULT;
  ImporterType.tp_methods = kImporterMethods;
  ImporterType.tp_new = PyType_GenericNew;
  ImporterType.tp_doc = "Finds and loads the modules compiled into this program.";
  if (PyType_Ready(&ImporterType) < 0) return -1;
  PyObject* importer = PyObject_CallNoArgs(reinterpret_cast<PyObject*>(&ImporterType));
  if (importer == nullptr) return -1;
  PyObject* meta_path = PySys_GetObject("meta_path");  // borrowed
  int result = meta_path ? PyList_Insert(meta_path, 0, importer) : -1;
  if (meta_path == nullptr) PyErr_SetString(PyExc_RuntimeError, "sys.meta_path is missing");
  Py_DECREF(importer);
  return result;
}

int RunMainModule(const ModuleDef* main) {
  PyObject* module = PyImport_AddModule("__main__");  // borrowed
  if (module == nullptr) return -1;
  PyObject* globals = PyModule_GetDict(module);
  PyObject* file = PyUnicode_FromString(main->filename);
  if (file == nullptr) return -1;
  int result = PyDict_SetItemString(globals, "__file__", file);
  Py_DECREF(file);
  if (result < 0 || PyDict_SetItemString(globals, "__cached__", Py_None) < 0) return -1;
  if (PyDict_GetItemString(globals, "__builtins__") == nullptr &&
      PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins()) < 0) {
    return -1;
  }
  return main->exec(module);
}

}  // namespace kiln
