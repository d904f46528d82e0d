"""Providers of Kiln's rules.

PyNativeInfo: what a py_native_library gives the targets that depend on it.
  modules: depset of strings, the dotted names of every compiled module, transitively
           (the program's module table lists them).
  data:    depset of Files, the `data` files of the libraries, transitively.
"""

PyNativeInfo = provider(
    doc = "Compiled Python modules of a py_native_library and its dependencies.",
    fields = {
        "modules": "depset of dotted module names",
        "data": "depset of data Files",
    },
)
