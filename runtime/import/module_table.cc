#include "runtime/import/module_table.h"

#include <sys/mman.h>
#include <unistd.h>

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

// The embedded source of a compiled module (None when the rule did not embed it), as
// importlib's source loaders return it: decoded by its coding declaration, with
// universal newlines.
PyObject* SourceText(const ModuleDef* def) {
  if (def == nullptr || def->source == nullptr) Py_RETURN_NONE;
  PyObject* bytes = PyBytes_FromStringAndSize(def->source, def->source_size);
  if (bytes == nullptr) return nullptr;
  PyObject* external = PyImport_ImportModule("_frozen_importlib_external");
  PyObject* text =
      external ? PyObject_CallMethod(external, "decode_source", "O", bytes) : nullptr;
  Py_XDECREF(external);
  Py_DECREF(bytes);
  return text;
}

bool HasEmbeddedSources() {
  for (const ModuleDef* const* entry = g_table; entry && *entry; ++entry) {
    if ((*entry)->source != nullptr) return true;
  }
  return false;
}

// --- linecache ---
// linecache.getline(filename) without module globals (the warnings module's way) reads
// files only. When the program embeds sources, linecache's cache gets, as soon as the
// module has run, a lazy entry for every compiled module: the one-tuple (get_lines,)
// that linecache.lazycache makes, used only when the file itself is not there.

PyObject* LazySourceLines(PyObject* capsule, PyObject*) {
  return SourceText(static_cast<const ModuleDef*>(PyCapsule_GetPointer(capsule, nullptr)));
}
PyMethodDef kLazySourceLinesDef = {"_kiln_get_source", LazySourceLines, METH_NOARGS,
                                   "The embedded source of a compiled module."};

int SeedLinecache(PyObject* linecache) {
  PyObject* cache = PyObject_GetAttrString(linecache, "cache");
  if (cache == nullptr || !PyDict_Check(cache)) {
    Py_XDECREF(cache);
    PyErr_Clear();
    return 0;
  }
  int status = 0;
  for (const ModuleDef* const* entry = g_table; *entry && status == 0; ++entry) {
    if ((*entry)->source == nullptr) continue;
    PyObject* capsule = PyCapsule_New(const_cast<ModuleDef*>(*entry), nullptr, nullptr);
    PyObject* getter = capsule ? PyCFunction_New(&kLazySourceLinesDef, capsule) : nullptr;
    PyObject* value = getter ? PyTuple_Pack(1, getter) : nullptr;
    PyObject* key = PyUnicode_FromString((*entry)->filename);
    if (value == nullptr || key == nullptr) {
      status = -1;
    } else if (PyDict_GetItemWithError(cache, key) == nullptr) {
      status = PyErr_Occurred() ? -1 : PyDict_SetItem(cache, key, value);
    }
    Py_XDECREF(key);
    Py_XDECREF(value);
    Py_XDECREF(getter);
    Py_XDECREF(capsule);
  }
  Py_DECREF(cache);
  return status;
}

// The loader of linecache: its real loader's, then the seeding. Other attributes are
// the real loader's.
struct SeedingLoaderObject {
  PyObject_HEAD
  PyObject* loader;
};

PyObject* SeedingCreateModule(PyObject* self, PyObject* spec) {
  return PyObject_CallMethod(reinterpret_cast<SeedingLoaderObject*>(self)->loader,
                             "create_module", "O", spec);
}

PyObject* SeedingExecModule(PyObject* self, PyObject* module) {
  PyObject* result = PyObject_CallMethod(reinterpret_cast<SeedingLoaderObject*>(self)->loader,
                                         "exec_module", "O", module);
  if (result != nullptr && SeedLinecache(module) < 0) Py_CLEAR(result);
  return result;
}

PyObject* SeedingGetAttr(PyObject* self, PyObject* name) {
  PyObject* found = PyObject_GenericGetAttr(self, name);
  if (found != nullptr || !PyErr_ExceptionMatches(PyExc_AttributeError)) return found;
  PyErr_Clear();
  return PyObject_GetAttr(reinterpret_cast<SeedingLoaderObject*>(self)->loader, name);
}

void SeedingDealloc(PyObject* self) {
  Py_XDECREF(reinterpret_cast<SeedingLoaderObject*>(self)->loader);
  Py_TYPE(self)->tp_free(self);
}

PyMethodDef kSeedingMethods[] = {
    {"create_module", SeedingCreateModule, METH_O, "The real loader's create_module."},
    {"exec_module", SeedingExecModule, METH_O,
     "Runs linecache, then gives its cache the compiled modules' embedded sources."},
    {nullptr, nullptr, 0, nullptr},
};

PyTypeObject SeedingLoaderType = {
    PyVarObject_HEAD_INIT(nullptr, 0)
    "kiln.LinecacheLoader",             // tp_name
    sizeof(SeedingLoaderObject),        // tp_basicsize
};

bool g_linecache_hooked = false;

// find_spec("linecache"): the spec the finders after this one give, its loader wrapped.
PyObject* LinecacheSpec(PyObject* self, PyObject* const* args, Py_ssize_t nargs) {
  g_linecache_hooked = true;
  if (PyType_Ready(&SeedingLoaderType) < 0) return nullptr;
  PyObject* meta_path = PySys_GetObject("meta_path");  // borrowed
  if (meta_path == nullptr || !PyList_Check(meta_path)) Py_RETURN_NONE;
  PyObject* path = nargs >= 2 ? args[1] : Py_None;
  PyObject* target = nargs >= 3 ? args[2] : Py_None;
  PyObject* spec = nullptr;
  for (Py_ssize_t i = 0; i < PyList_GET_SIZE(meta_path) && spec == nullptr; ++i) {
    PyObject* finder = PyList_GET_ITEM(meta_path, i);
    if (finder == self) continue;
    Py_INCREF(finder);
    PyObject* found = PyObject_CallMethod(finder, "find_spec", "OOO", args[0], path, target);
    Py_DECREF(finder);
    if (found == nullptr) return nullptr;
    if (found == Py_None) {
      Py_DECREF(found);
    } else {
      spec = found;
    }
  }
  if (spec == nullptr) Py_RETURN_NONE;
  PyObject* loader = PyObject_GetAttrString(spec, "loader");
  if (loader == nullptr || loader == Py_None) {
    Py_XDECREF(loader);
    PyErr_Clear();
    return spec;
  }
  auto* wrapper = PyObject_New(SeedingLoaderObject, &SeedingLoaderType);
  if (wrapper == nullptr) {
    Py_DECREF(loader);
    Py_DECREF(spec);
    return nullptr;
  }
  wrapper->loader = loader;
  int status = PyObject_SetAttrString(spec, "loader", reinterpret_cast<PyObject*>(wrapper));
  Py_DECREF(wrapper);
  if (status < 0) Py_CLEAR(spec);
  return spec;
}

// find_spec(fullname, path=None, target=None) -> ModuleSpec or None
PyObject* FindSpec(PyObject* self, PyObject* const* args, Py_ssize_t nargs, PyObject* kwnames) {
  if (nargs < 1 || !PyUnicode_Check(args[0])) {
    PyErr_SetString(PyExc_TypeError, "find_spec() needs a module name");
    return nullptr;
  }
  const ModuleDef* def = DefFromName(args[0]);
  if (def == nullptr && !g_linecache_hooked &&
      PyUnicode_CompareWithASCIIString(args[0], "linecache") == 0 && HasEmbeddedSources()) {
    return LinecacheSpec(self, args, nargs);
  }
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

// get_source(fullname): the module's embedded source, or None.
PyObject* GetSource(PyObject* self, PyObject* name) {
  const ModuleDef* def = nullptr;
  if (PyUnicode_Check(name) && PyUnicode_CompareWithASCIIString(name, "__main__") == 0) {
    def = FindModule(g_table, kiln_main_module);
  } else {
    def = DefFromName(name);
  }
  return SourceText(def);
}

// io.open while an uncaught exception is printed: CPython's printer reads each source
// line through io.open(filename, "rb") and the file descriptor under it. A compiled
// module's file that is not there opens as a memory file holding its embedded source.
PyObject* g_real_open = nullptr;

PyObject* OpenWithEmbeddedSource(PyObject*, PyObject* const* args, Py_ssize_t nargs,
                                 PyObject* kwnames) {
  PyObject* file = PyObject_Vectorcall(g_real_open, args, nargs, kwnames);
  if (file != nullptr || nargs != 2 || kwnames != nullptr || !PyUnicode_Check(args[0]) ||
      !PyErr_ExceptionMatches(PyExc_OSError)) {
    return file;
  }
  const char* name = PyUnicode_AsUTF8(args[0]);
  const ModuleDef* def = nullptr;
  for (const ModuleDef* const* entry = g_table; name && entry && *entry && !def; ++entry) {
    if ((*entry)->source != nullptr && std::strcmp((*entry)->filename, name) == 0) def = *entry;
  }
  if (def == nullptr) return nullptr;
  int fd = memfd_create("kiln-source", MFD_CLOEXEC);
  Py_ssize_t written = 0;
  while (fd >= 0 && written < def->source_size) {
    ssize_t count = write(fd, def->source + written, def->source_size - written);
    if (count <= 0) break;
    written += count;
  }
  if (fd < 0 || written != def->source_size || lseek(fd, 0, SEEK_SET) != 0) {
    if (fd >= 0) close(fd);
    return nullptr;  // the original OSError
  }
  PyErr_Clear();
  file = PyObject_CallFunction(g_real_open, "is", fd, "rb");
  if (file == nullptr) close(fd);
  return file;
}

PyMethodDef kOpenWithEmbeddedSourceDef = {
    "open", reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(OpenWithEmbeddedSource)),
    METH_FASTCALL | METH_KEYWORDS, "io.open, serving compiled modules' embedded sources."};

PyObject* g_importer = nullptr;

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
  g_importer = importer;  // one instance for the life of the process
  if (result == 0 && HasEmbeddedSources()) {
    SeedingLoaderType.tp_flags = Py_TPFLAGS_DEFAULT;
    SeedingLoaderType.tp_methods = kSeedingMethods;
    SeedingLoaderType.tp_getattro = SeedingGetAttr;
    SeedingLoaderType.tp_dealloc = SeedingDealloc;
    // Imported already (not by python3.11's own start-up): seeded now.
    PyObject* name = PyUnicode_FromString("linecache");
    PyObject* linecache = name ? PyImport_GetModule(name) : nullptr;
    Py_XDECREF(name);
    if (linecache != nullptr) {
      g_linecache_hooked = true;
      result = SeedLinecache(linecache);
      Py_DECREF(linecache);
    } else if (PyErr_Occurred()) {
      result = -1;
    }
  }
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
  if (result < 0 || PyDict_SetItemString(globals, "__cached__", Py_None) < 0 ||
      (g_importer && PyDict_SetItemString(globals, "__loader__", g_importer) < 0)) {
    return -1;
  }
  if (PyDict_GetItemString(globals, "__builtins__") == nullptr &&
      PyDict_SetItemString(globals, "__builtins__", PyEval_GetBuiltins()) < 0) {
    return -1;
  }
  return main->exec(module);
}

void PrintUncaughtException() {
  if (!PyErr_Occurred() || PyErr_ExceptionMatches(PyExc_SystemExit) || !HasEmbeddedSources()) {
    PyErr_Print();
    return;
  }
  PyObject *type, *value, *traceback;
  PyErr_Fetch(&type, &value, &traceback);
  PyObject* io = PyImport_ImportModule("io");
  PyObject* real_open = io ? PyObject_GetAttrString(io, "open") : nullptr;
  PyObject* open = real_open ? PyCFunction_New(&kOpenWithEmbeddedSourceDef, nullptr) : nullptr;
  bool swapped = open != nullptr && PyObject_SetAttrString(io, "open", open) == 0;
  PyErr_Clear();
  g_real_open = real_open;
  PyErr_Restore(type, value, traceback);
  PyErr_Print();
  if (swapped) {
    PyErr_Fetch(&type, &value, &traceback);
    if (PyObject_SetAttrString(io, "open", real_open) < 0) PyErr_Clear();
    PyErr_Restore(type, value, traceback);
  }
  g_real_open = nullptr;
  Py_XDECREF(open);
  Py_XDECREF(real_open);
  Py_XDECREF(io);
}

}  // namespace kiln
