// The module's C++ file: its constant pool and caches, each scope's code through Kiln
// IR (lowered, optimised, emitted by kir_function.cc and the emit_*.cc files), the code
// objects' specs and the ModuleDef the importer finds.
#include "compiler/codegen/codegen.h"

#include <cctype>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "compiler/codegen/constants.h"
#include "compiler/codegen/kir_function.h"
#include "compiler/codegen/module_context.h"
#include "compiler/driver/version.h"
#include "compiler/lower/lower.h"
#include "compiler/opt/pipeline.h"

namespace kiln::codegen {
namespace {

using ast::Node;
using sema::LocalsPlus;
using sema::LocalsPlusOf;

class ModuleGenerator : public ModuleContext {
 public:
  ModuleGenerator(const sema::ScopeTree& scopes, const ModuleInfo& info) : scopes_(scopes), info_(info) {}

  CodegenResult Run();

  ConstantPool& constants() override { return constants_; }
  const sema::ScopeTree& scopes() const { return scopes_; }
  const ModuleInfo& info() const { return info_; }
  void Fail(const Node* node, std::string message) {
    if (error_) return;
    error_ = CodegenError{std::move(message), node ? node->lineno : 0, node ? node->col_offset : 0};
  }
  bool failed() const { return error_.has_value(); }

  // Queues the C++ function for a nested scope; returns its C name and spec name.
  std::string AddFunction(const sema::Scope* scope, const std::string& qualname) override;
  std::string SpecName(const std::string& c_name) override { return c_name + "_spec"; }
  // A scope's code through Kiln IR: lowered, run through the passes and emitted as
  // `c_name`; false (an error reported) when it cannot be compiled.
  struct Compiled {
    std::string text;
    std::vector<const Node*> sites;
    int temp_count = 0;
    bool generator = false;
  };
  bool Compile(const sema::Scope* scope, const std::string& qualname, const std::string& c_name,
               Compiled* out);
  const std::string& CNameOf(const sema::Scope* scope) override { return c_names_[scope]; }
  // Records `name` (and its parent packages) as imported.
  void NoteImport(const std::string& name) override {
    if (name.empty()) return;
    size_t dot = 0;
    while ((dot = name.find('.', dot)) != std::string::npos) imports_.insert(name.substr(0, dot++));
    imports_.insert(name);
  }
  void Declare(const std::string& text) { declarations_.push_back(text); }
  // A new per-site cache for a global name; returns the expression for its address.
  std::string NewAttributeCache() override {
    std::string name = absl::StrCat("attribute_cache_", attribute_cache_count_++);
    Declare(absl::StrCat("kiln::AttributeCache ", name, ";"));
    return "&" + name;
  }
  std::string NewGlobalCache() override {
    std::string name = absl::StrCat("global_cache_", global_cache_count_++);
    Declare(absl::StrCat("kiln::GlobalCache ", name, ";"));
    return "&" + name;
  }
  // The source ranges of a function's error sites (see FunctionSpec::sites).
  void EmitSites(const std::string& c_name, const std::vector<const Node*>& sites) {
    std::string text = absl::StrCat("const int ", c_name, "_sites[] = {");
    for (size_t i = 0; i < sites.size(); ++i) {
      const Node* site = sites[i];
      if (i > 0) text += ", ";
      if (site == nullptr) {
        text += "0, 0, -1, -1";
      } else {
        absl::StrAppend(&text, site->lineno, ", ", site->end_lineno, ", ", site->col_offset, ", ",
                        site->end_col_offset);
      }
    }
    text += "};";
    Declare(text);
  }

 private:
  const sema::ScopeTree& scopes_;
  const ModuleInfo& info_;
  ConstantPool constants_;
  std::optional<CodegenError> error_;
  std::vector<std::string> declarations_;
  std::vector<std::string> functions_;
  std::map<const sema::Scope*, std::string> c_names_;
  std::set<std::string> imports_;
  int function_count_ = 0;
  int global_cache_count_ = 0;
  int attribute_cache_count_ = 0;
};

bool ModuleGenerator::Compile(const sema::Scope* scope, const std::string& qualname,
                              const std::string& c_name, Compiled* out) {
  const Node* unsupported_at = nullptr;
  absl::StatusOr<ir::Function> function = lower::LowerFunction(
      scope, scopes_, qualname, lower::ModuleFacts{info_.name, info_.is_package}, &unsupported_at);
  if (!function.ok()) {
    if (absl::IsUnimplemented(function.status())) {
      Fail(unsupported_at ? unsupported_at : scope->node,
           absl::StrCat(function.status().message(), " is not supported yet"));
    } else {
      Fail(scope->node, absl::StrCat("internal error in Kiln IR: ", function.status().message()));
    }
    return false;
  }
  opt::PipelineOptions options;
  options.verify = info_.verify_kir;
  if (absl::Status status = opt::RunPipeline(*function, options); !status.ok()) {
    Fail(scope->node, absl::StrCat("internal error in Kiln IR: ", status.message()));
    return false;
  }
  // An unboxed int64 or double live while a generator is suspended has no frame slot
  // to wait in (no pass makes such values yet).
  for (const ir::Block& block : function->blocks) {
    for (ir::ValueId value : block.terminator().saved) {
      ir::Repr repr = function->values[value].repr;
      if (repr == ir::Repr::kInt64 || repr == ir::Repr::kDouble) {
        Fail(scope->node, "internal error in Kiln IR: an unboxed value kept across a suspension");
        return false;
      }
    }
  }
  for (const std::string& name : function->imports) NoteImport(name);
  out->sites = function->sites;
  out->generator = function->is_generator;
  if (out->generator) {
    Declare(absl::StrCat("PyObject* ", c_name, "_resume(PyObject** s, PyObject* func, PyObject* code, PyObject* sent);"));
  }
  out->text = EmitKirFunction(*function, c_name, *this, &out->temp_count);
  return true;
}

std::string ModuleGenerator::AddFunction(const sema::Scope* scope, const std::string& qualname) {
  int id = ++function_count_;
  std::string c_name = absl::StrCat(scope->kind == sema::ScopeKind::kClass ? "Class" : "Function", id, "_",
                        Sanitize(scope->name));
  c_names_[scope] = c_name;
  Compiled compiled;
  if (!Compile(scope, qualname, c_name, &compiled)) return c_name;

  // The spec describing the code object.
  LocalsPlus names = LocalsPlusOf(scope);
  const std::vector<std::string>& variables = names.variables;
  const std::vector<std::string>& cells = names.cells;
  const std::vector<std::string>& free = names.free;
  auto name_array = [&](const std::string& suffix, const std::vector<std::string>& names) {
    std::vector<std::string> literals;
    for (const std::string& name : names) literals.push_back(CString(name));
    if (literals.empty()) literals.push_back("nullptr");
    Declare(absl::StrCat("const char* const ", c_name, suffix, "[] = {", absl::StrJoin(literals, ", "),
                         "};"));
  };
  EmitSites(c_name, compiled.sites);
  name_array("_variables", variables);
  name_array("_cells", cells);
  name_array("_free", free);
  int argument_count = 0, positional_only = 0, keyword_only = 0;
  const ast::Arguments* arguments = lower::ArgumentsOf(scope->node);
  if (arguments) {
    positional_only = arguments->posonlyargs.size;
    argument_count = positional_only + arguments->args.size;
    keyword_only = arguments->kwonlyargs.size;
  } else if (scope->is_comprehension) {
    argument_count = 1;
  }
  std::vector<std::string> flags;
  if (scope->has_varargs) flags.push_back("CO_VARARGS");
  if (scope->has_varkeywords) flags.push_back("CO_VARKEYWORDS");
  if (scope->kind == sema::ScopeKind::kFunction) {
    flags.push_back("CO_OPTIMIZED");
    flags.push_back("CO_NEWLOCALS");
  }
  if (scope->kind == sema::ScopeKind::kFunction && scope->is_generator && !scope->is_coroutine) {
    flags.push_back("CO_GENERATOR");
  }
  if (scope->kind == sema::ScopeKind::kFunction && scope->is_coroutine) {
    flags.push_back(scope->is_generator ? "CO_ASYNC_GENERATOR" : "CO_COROUTINE");
  }
  if (scope->is_nested) flags.push_back("CO_NESTED");
  if (flags.empty()) flags.push_back("0");
  std::string code_name = scope->kind == sema::ScopeKind::kModule ? "<module>"
                          : scope->is_lambda                     ? "<lambda>"
                          : scope->is_comprehension               ? "<" + scope->name + ">"
                                                                  : scope->name;
  Declare(absl::StrCat("PyObject* ", c_name,
                       "(PyObject* func, PyObject* const* args, size_t nargsf, PyObject* kwnames);"));
  Declare(absl::StrCat("const kiln::FunctionSpec ", SpecName(c_name), " = {", CString(code_name), ", ",
                       CString(qualname), ", ", CString(info_.filename), ", ", scope->line, ", ",
                       argument_count, ", ", positional_only, ", ", keyword_only, ", ",
                       absl::StrJoin(flags, " | "), ", ", variables.size(), ", ", c_name, "_variables, ",
                       cells.size(), ", ", c_name, "_cells, ", free.size(), ", ", c_name, "_free, ",
                       compiled.sites.size(), ", ", c_name, "_sites, ", c_name, ", ", compiled.temp_count,
                       ", ", compiled.generator ? c_name + "_resume" : "nullptr", "};"));
  if (scope->kind == sema::ScopeKind::kClass) {
    Declare(absl::StrCat("PyObject* ", c_name, "_body(PyObject* func, PyObject* ns);"));
    Declare(absl::StrCat("PyObject* ", c_name,
                         "(PyObject* func, PyObject* const* args, size_t nargsf, PyObject* kwnames) {"
                         " (void)args; (void)nargsf; (void)kwnames;"
                         " PyErr_SetString(PyExc_TypeError, \"class body called directly\"); return nullptr; }"));
  }
  functions_.push_back(compiled.text);
  return c_name;
}

}  // namespace

std::string ModuleSymbol(const std::string& module_name) {
  std::string out = "kiln_module_";
  for (unsigned char c : module_name) {
    if (std::isalnum(c)) {
      out += static_cast<char>(c);
    } else if (c == '.') {
      out += "__";
    } else {
      char escape[8];
      std::snprintf(escape, sizeof(escape), "_%02x", c);
      out += escape;
    }
  }
  return out;
}

CodegenResult ModuleGenerator::Run() {
  CodegenResult result;
  constants_.Name("__name__");  // k[0] exists before anything else
  Compiled body;
  Compile(scopes_.module(), "", "ModuleBody", &body);
  if (error_) {
    result.error = error_;
    return result;
  }
  Declare(absl::StrCat("const char* const ModuleBody_variables[] = {nullptr};"));
  EmitSites("ModuleBody", body.sites);
  Declare(absl::StrCat("const kiln::FunctionSpec ", SpecName("ModuleBody"), " = {\"<module>\", \"<module>\", ",
                       CString(info_.filename), ", 1, 0, 0, 0, 0, 0, ModuleBody_variables, 0, "
                       "ModuleBody_variables, 0, ModuleBody_variables, ", body.sites.size(),
                       ", ModuleBody_sites, nullptr};"));
  result.imports.assign(imports_.begin(), imports_.end());
  std::string& out = result.cc;
  absl::StrAppend(&out, "// Generated by kilnc ", driver::kVersion, " from ", info_.filename,
                  " (module ", info_.name, "). Do not edit.\n",
                  "#include \"kiln/kiln.h\"\n\nnamespace {\n\n", constants_.Definitions());
  for (const std::string& declaration : declarations_) absl::StrAppend(&out, declaration, "\n");
  absl::StrAppend(&out, "\n", constants_.InitFunction(), "\n");
  for (const std::string& function : functions_) absl::StrAppend(&out, function, "\n");
  absl::StrAppend(&out, body.text, "\n");
  std::string source = "nullptr, 0";
  if (info_.embedded_source) {
    // One C++ line per source line.
    absl::StrAppend(&out, "// The embedded source.\nconst char kSource[] =");
    std::string_view text = *info_.embedded_source;
    if (text.empty()) absl::StrAppend(&out, " \"\"");
    while (!text.empty()) {
      size_t end = text.find('\n');
      end = end == std::string_view::npos ? text.size() : end + 1;
      absl::StrAppend(&out, "\n    ", CString(text.substr(0, end)));
      text.remove_prefix(end);
    }
    absl::StrAppend(&out, ";\n");
    source = absl::StrCat("kSource, ", info_.embedded_source->size());
  }
  absl::StrAppend(&out, "\n}  // namespace\n\n", "extern \"C\" const kiln::ModuleDef ",
                  ModuleSymbol(info_.name), " = {", CString(info_.name), ", ",
                  CString(info_.filename), ", ", info_.is_package ? 1 : 0, ", ModuleBody, ", source,
                  "};\n");
  return result;
}

CodegenResult GenerateModule(const ast::Node* module, const sema::ScopeTree& scopes,
                             const ModuleInfo& info) {
  (void)module;  // its scopes hold the nodes
  ModuleGenerator generator(scopes, info);
  return generator.Run();
}

}  // namespace kiln::codegen
