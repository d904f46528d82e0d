#include "runtime/launcher/stdlib_selection.h"

#include <deque>
#include <memory>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "re2/re2.h"

namespace kiln::launcher {

absl::StatusOr<ImportGraph> ImportGraph::Parse(absl::string_view text) {
  ImportGraph graph;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n', absl::SkipEmpty())) {
    ++line_number;
    std::vector<std::string> fields = absl::StrSplit(line, ' ', absl::SkipEmpty());
    if (fields.size() < 2) {
      return absl::InvalidArgumentError(absl::StrCat("import graph line ", line_number,
                                                     ": expected KIND MODULE DEPENDENCY..."));
    }
    Node node;
    if (fields[0] == "module") {
      node.kind = Kind::kModule;
    } else if (fields[0] == "package") {
      node.kind = Kind::kPackage;
    } else if (fields[0] == "extension") {
      node.kind = Kind::kExtension;
    } else {
      return absl::InvalidArgumentError(
          absl::StrCat("import graph line ", line_number, ": unknown kind '", fields[0], "'"));
    }
    node.dependencies.assign(fields.begin() + 2, fields.end());
    graph.nodes_[fields[1]] = std::move(node);
  }
  return graph;
}

namespace {

absl::StatusOr<std::vector<std::unique_ptr<RE2>>> Compile(
    const std::vector<std::string>& patterns, absl::string_view what) {
  std::vector<std::unique_ptr<RE2>> compiled;
  for (const std::string& pattern : patterns) {
    auto expression = std::make_unique<RE2>(pattern, RE2::Quiet);
    if (!expression->ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("bad ", what, " pattern '", pattern, "': ", expression->error()));
    }
    compiled.push_back(std::move(expression));
  }
  return compiled;
}

bool MatchesAny(const std::vector<std::unique_ptr<RE2>>& patterns, const std::string& name) {
  for (const auto& pattern : patterns) {
    if (RE2::FullMatch(name, *pattern)) return true;
  }
  return false;
}

}  // namespace

absl::StatusOr<Selection> ImportGraph::Select(const std::vector<std::string>& imports,
                                              const std::vector<std::string>& include,
                                              const std::vector<std::string>& exclude) const {
  absl::StatusOr<std::vector<std::unique_ptr<RE2>>> included = Compile(include, "include");
  if (!included.ok()) return included.status();
  absl::StatusOr<std::vector<std::unique_ptr<RE2>>> excluded = Compile(exclude, "exclude");
  if (!excluded.ok()) return excluded.status();

  std::deque<std::string> queue(imports.begin(), imports.end());
  for (const auto& [name, node] : nodes_) {
    bool startup_codec = false;
    if (name == "encodings") startup_codec = true;
    if (absl::StartsWith(name, "encodings.")) {
      startup_codec = true;
      for (const std::string& dependency : node.dependencies) {
        if (dependency != "codecs" && dependency != "encodings" &&
            !absl::StartsWith(dependency, "encodings.")) {
          startup_codec = false;
        }
      }
    }
    if (startup_codec || MatchesAny(*included, name)) queue.push_back(name);
  }

  Selection selection;
  std::set<std::string> seen;
  while (!queue.empty()) {
    std::string module = queue.front();
    queue.pop_front();
    // Importing a.b.c imports a and a.b first.
    for (size_t dot = module.find('.'); ; dot = module.find('.', dot + 1)) {
      std::string prefix = module.substr(0, dot);
      if (MatchesAny(*excluded, prefix)) break;  // nor anything below an excluded package
      if (seen.insert(prefix).second) {
        auto found = nodes_.find(prefix);
        if (found != nodes_.end()) {
          if (found->second.kind == Kind::kExtension) {
            selection.extensions.insert(prefix);
          } else {
            selection.python_modules.insert(prefix);
          }
          for (const std::string& dependency : found->second.dependencies) {
            queue.push_back(dependency);
          }
        }
      }
      if (dot == std::string::npos) break;
    }
  }
  return selection;
}

std::string ModuleOfZipEntry(const std::string& entry_name) {
  if (!absl::EndsWith(entry_name, ".pyc")) return "";
  std::string module = entry_name.substr(0, entry_name.size() - 4);
  if (module == "__init__") return "";
  if (absl::EndsWith(module, "/__init__")) module.resize(module.size() - 9);
  for (char& c : module) {
    if (c == '/') c = '.';
  }
  return module;
}

}  // namespace kiln::launcher
