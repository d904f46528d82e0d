// Chooses the standard-library modules a packed program carries, from the toolchain's
// import graph (stdlib_imports.txt, made at fetch time by make_stdlib_zip.py).
//
// Roots: the modules the program imports, every module whose name fully matches one of
// the `include` re2 patterns, and the interpreter's start-up needs (the `encodings`
// package and its codecs that depend on nothing but `codecs`). The selection is every
// module reachable from the roots through the graph, with the parent packages of each;
// modules fully matching an `exclude` pattern are left out and not followed.
//
//   absl::StatusOr<ImportGraph> graph = ImportGraph::Parse(text);
//   absl::StatusOr<Selection> selection = graph->Select({"json"}, {}, {"^unittest.*"});
#ifndef KILN_RUNTIME_LAUNCHER_STDLIB_SELECTION_H_
#define KILN_RUNTIME_LAUNCHER_STDLIB_SELECTION_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace kiln::launcher {

struct Selection {
  std::set<std::string> python_modules;  // modules and packages (in the stdlib zip)
  std::set<std::string> extensions;      // lib-dynload extension modules
};

class ImportGraph {
 public:
  enum class Kind { kModule, kPackage, kExtension };

  // Parses lines "KIND MODULE DEPENDENCY...".
  static absl::StatusOr<ImportGraph> Parse(absl::string_view text);

  // Fails when a pattern is not a valid re2 expression. Imported names that are not in
  // the graph (builtins, the program's own modules) are ignored.
  absl::StatusOr<Selection> Select(const std::vector<std::string>& imports,
                                   const std::vector<std::string>& include,
                                   const std::vector<std::string>& exclude) const;

  bool Contains(const std::string& module) const { return nodes_.count(module) > 0; }

 private:
  struct Node {
    Kind kind;
    std::vector<std::string> dependencies;
  };
  std::map<std::string, Node> nodes_;
};

// "json/__init__.pyc" -> "json", "json/decoder.pyc" -> "json.decoder"; "" when the zip
// entry is not a module.
std::string ModuleOfZipEntry(const std::string& entry_name);

}  // namespace kiln::launcher

#endif  // KILN_RUNTIME_LAUNCHER_STDLIB_SELECTION_H_
