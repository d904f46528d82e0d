#include "compiler/driver/subcommands.h"

#include <cstdio>
#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "compiler/ast/arena.h"
#include "compiler/ast/dump.h"
#include "compiler/codegen/codegen.h"
#include "compiler/diagnostics/diagnostics.h"
#include "compiler/driver/version.h"
#include "compiler/ir/printer.h"
#include "compiler/lex/tokenizer.h"
#include "compiler/lower/lower.h"
#include "compiler/opt/pipeline.h"
#include "compiler/parse/parser.h"
#include "compiler/sema/scopes.h"
#include "compiler/sema/syntax_checks.h"

ABSL_FLAG(std::string, module, "", "compile: the dotted name of the module being compiled");
ABSL_FLAG(bool, package, false, "compile: the file is a package's __init__.py");
ABSL_FLAG(bool, embed_source, false,
          "compile: put the source text into the program (tracebacks show its lines)");
ABSL_FLAG(std::string, filename, "",
          "compile: the file name tracebacks show (default: the FILE argument)");
ABSL_FLAG(std::string, o, "", "compile, module-table: the output file");
ABSL_FLAG(std::string, main, "", "module-table: the module run as __main__");
ABSL_FLAG(std::string, imports_out, "",
          "compile: write the imported module names here, one a line; module-table: write the "
          "union of the --imports_in files here");
ABSL_FLAG(bool, verify_ir, false,
          "compile: verify the Kiln IR before the first pass and after each (Kiln's own builds do)");
ABSL_FLAG(std::string, passes, "all",
          "dump-ir: run the pass pipeline up to and including this pass ('none': the IR as "
          "lowered; 'all': every pass)");
ABSL_FLAG(std::vector<std::string>, imports_in, {},
          "module-table: the per-module import lists (comma-separated files)");

namespace kiln::driver {
namespace {

bool ReadFile(const std::string& path, std::string* contents) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return false;
  std::ostringstream buffer;
  buffer << file.rdbuf();
  *contents = buffer.str();
  return true;
}

bool WriteFileAtomically(const std::string& path, const std::string& contents) {
  std::string temporary = path + ".tmp";
  {
    std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
    if (!file) return false;
    file << contents;
    if (!file.good()) return false;
  }
  return std::rename(temporary.c_str(), path.c_str()) == 0;
}

std::string SourceLine(const std::string& source, int line) {
  if (line <= 0) return "";
  int current = 1;
  size_t start = 0;
  while (current < line) {
    size_t newline = source.find('\n', start);
    if (newline == std::string::npos) return "";
    start = newline + 1;
    ++current;
  }
  size_t end = source.find('\n', start);
  std::string text = source.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (!text.empty() && text.back() == '\r') text.pop_back();
  return text;
}

// 1-based character column of a 0-based UTF-8 byte offset into `line_text`.
int CharacterColumn(const std::string& line_text, int byte_offset) {
  int column = 1;
  for (int i = 0; i < byte_offset && i < static_cast<int>(line_text.size()); ++i) {
    if ((static_cast<unsigned char>(line_text[i]) & 0xC0) != 0x80) ++column;
  }
  return column;
}

void PrintError(const std::string& file, int line, int column, const std::string& message,
                const std::string& line_text) {
  diagnostics::Diagnostic diagnostic;
  diagnostic.file = file;
  diagnostic.line = line;
  diagnostic.column = column;
  diagnostic.message = message;
  diagnostic.line_text = line_text;
  std::string text = diagnostics::FormatError(diagnostic);
  std::fputs(text.c_str(), stderr);
  if (text.empty() || text.back() != '\n') std::fputc('\n', stderr);
}

// A parsed and analysed module, or an error already printed.
struct Analysed {
  ast::Arena arena;
  ast::Module* module = nullptr;
  sema::ScopeTree scopes;
  std::string source;
};

bool ParseAndAnalyse(const std::string& path, Analysed* out, bool analyse = true) {
  if (!ReadFile(path, &out->source)) {
    std::fprintf(stderr, "kilnc: cannot read %s\n", path.c_str());
    return false;
  }
  parse::ParseResult parsed = parse::ParseFile(path, out->source, out->arena);
  if (!parsed.ok()) {
    const parse::SyntaxErrorInfo& error = parsed.error;
    std::string message = error.message;
    if (error.type != "SyntaxError") message = error.type + ": " + message;
    PrintError(path, error.line, error.offset, message,
               error.line_text.empty() ? SourceLine(out->source, error.line) : error.line_text);
    return false;
  }
  out->module = parsed.module;
  if (!analyse) return true;
  // symtable's errors first, then the compiler's (as CPython reports them).
  std::optional<sema::ScopeError> error = sema::AnalyzeScopes(out->module, &out->scopes);
  if (!error) error = sema::CheckSyntax(out->module, out->scopes);
  if (error) {
    std::string line_text = SourceLine(out->source, error->line);
    PrintError(path, error->line, CharacterColumn(line_text, error->col), error->message, line_text);
    return false;
  }
  return true;
}

int RunDumpTokens(const std::vector<std::string>& arguments) {
  if (arguments.size() != 1) {
    std::fprintf(stderr, "usage: kilnc dump-tokens FILE\n");
    return 2;
  }
  std::string source;
  if (!ReadFile(arguments[0], &source)) {
    std::fprintf(stderr, "kilnc: cannot read %s\n", arguments[0].c_str());
    return 2;
  }
  lex::TokenStream stream = lex::Tokenize(source, {});
  if (stream.error) {
    const lex::LexError& error = *stream.error;
    PrintError(arguments[0], error.line, error.offset, error.message,
               SourceLine(source, error.line));
    return 1;
  }
  std::fputs(lex::DumpTokens(source).c_str(), stdout);
  return 0;
}

int RunDumpAst(const std::vector<std::string>& arguments) {
  if (arguments.size() != 1) {
    std::fprintf(stderr, "usage: kilnc dump-ast FILE\n");
    return 2;
  }
  Analysed analysed;
  if (!ParseAndAnalyse(arguments[0], &analysed, /*analyse=*/false)) return 1;
  std::string dump = ast::DumpAst(analysed.module);
  std::fwrite(dump.data(), 1, dump.size(), stdout);
  std::fputc('\n', stdout);
  return 0;
}

int RunDumpScopes(const std::vector<std::string>& arguments) {
  if (arguments.size() != 1) {
    std::fprintf(stderr, "usage: kilnc dump-scopes FILE\n");
    return 2;
  }
  Analysed analysed;
  if (!ParseAndAnalyse(arguments[0], &analysed)) return 1;
  std::fputs(sema::DumpScopes(analysed.scopes).c_str(), stdout);
  return 0;
}

// A label for a scope in dump-ir's output: its qualified name as CPython forms it.
std::string ScopeLabel(const sema::Scope* scope) {
  if (scope->kind == sema::ScopeKind::kModule) return "<module>";
  std::string name = scope->is_lambda || scope->is_comprehension ? "<" + scope->name + ">" : scope->name;
  const sema::Scope* parent = scope->parent;
  if (parent == nullptr || parent->kind == sema::ScopeKind::kModule) return name;
  std::string outer = ScopeLabel(parent);
  if (parent->kind == sema::ScopeKind::kClass || scope->is_comprehension) return outer + "." + name;
  return outer + ".<locals>." + name;
}

int RunDumpIr(const std::vector<std::string>& arguments) {
  if (arguments.size() != 1) {
    std::fprintf(stderr, "usage: kilnc dump-ir [--passes=all|none|PASS] FILE\n");
    return 2;
  }
  std::string passes = absl::GetFlag(FLAGS_passes);
  bool known = passes == "all" || passes == "none";
  for (const opt::Pass& pass : opt::Pipeline()) known = known || passes == pass.name;
  if (!known) {
    std::fprintf(stderr, "kilnc: unknown pass '%s'\n", passes.c_str());
    return 2;
  }
  Analysed analysed;
  if (!ParseAndAnalyse(arguments[0], &analysed)) return 1;
  std::string out;
  for (const auto& scope : analysed.scopes.all()) {
    if (scope->kind == sema::ScopeKind::kAnnotation) continue;  // no code of its own
    std::string label = ScopeLabel(scope.get());
    lower::ModuleFacts module{absl::GetFlag(FLAGS_module), absl::GetFlag(FLAGS_package)};
    const ast::Node* at = nullptr;
    absl::StatusOr<ir::Function> function = lower::LowerFunction(
        scope.get(), analysed.scopes, scope->kind == sema::ScopeKind::kModule ? "" : label, module, &at);
    if (!function.ok()) {
      std::string where = at ? absl::StrCat(at->lineno, ":", at->col_offset + 1, ": ") : "";
      absl::StrAppend(&out, "; ", label, " (line ", scope->line, "): not compiled: ", where,
                      function.status().message(), "\n\n");
      continue;
    }
    if (passes != "none") {
      opt::PipelineOptions options;
      options.verify = true;
      options.stop_after = passes == "all" ? "" : passes;
      if (absl::Status status = opt::RunPipeline(*function, options); !status.ok()) {
        std::fprintf(stderr, "kilnc: internal error in Kiln IR: %s\n", std::string(status.message()).c_str());
        return 1;
      }
    }
    absl::StrAppend(&out, ir::Print(*function), "\n");
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

int RunCheck(const std::vector<std::string>& arguments) {
  if (arguments.empty()) {
    std::fprintf(stderr, "usage: kilnc check FILE...\n");
    return 2;
  }
  int status = 0;
  for (const std::string& path : arguments) {
    Analysed analysed;
    if (!ParseAndAnalyse(path, &analysed)) status = 1;
  }
  return status;
}

int RunCompile(const std::vector<std::string>& arguments) {
  std::string module_name = absl::GetFlag(FLAGS_module);
  std::string output = absl::GetFlag(FLAGS_o);
  if (arguments.size() != 1 || module_name.empty() || output.empty()) {
    std::fprintf(stderr, "usage: kilnc compile --module NAME [--package] [--filename SHOWN] [--embed_source] "
                 "FILE -o OUT.cc\n");
    return 2;
  }
  const std::string& path = arguments[0];
  Analysed analysed;
  if (!ParseAndAnalyse(path, &analysed)) return 1;
  codegen::ModuleInfo info;
  info.name = module_name;
  info.filename = absl::GetFlag(FLAGS_filename).empty() ? path : absl::GetFlag(FLAGS_filename);
  info.is_package = absl::GetFlag(FLAGS_package);
  if (absl::GetFlag(FLAGS_embed_source)) info.embedded_source = analysed.source;
  info.verify_kir = absl::GetFlag(FLAGS_verify_ir);
  codegen::CodegenResult result = codegen::GenerateModule(analysed.module, analysed.scopes, info);
  if (result.error) {
    std::string line_text = SourceLine(analysed.source, result.error->line);
    PrintError(path, result.error->line, CharacterColumn(line_text, result.error->col),
               result.error->message, line_text);
    return 1;
  }
  if (!WriteFileAtomically(output, result.cc)) {
    std::fprintf(stderr, "kilnc: cannot write %s\n", output.c_str());
    return 1;
  }
  std::string imports_out = absl::GetFlag(FLAGS_imports_out);
  if (!imports_out.empty()) {
    std::string text;
    for (const std::string& name : result.imports) absl::StrAppend(&text, name, "\n");
    if (!WriteFileAtomically(imports_out, text)) {
      std::fprintf(stderr, "kilnc: cannot write %s\n", imports_out.c_str());
      return 1;
    }
  }
  return 0;
}

// The program's table of compiled modules, for the runtime's importer.
int RunModuleTable(const std::vector<std::string>& arguments) {
  std::string main_module = absl::GetFlag(FLAGS_main);
  std::string output = absl::GetFlag(FLAGS_o);
  if (main_module.empty() || output.empty()) {
    std::fprintf(stderr,
                 "usage: kilnc module-table --main NAME -o OUT.cc [--imports_in FILES "
                 "--imports_out FILE] MODULE...\n");
    return 2;
  }
  std::vector<std::string> modules = arguments;
  std::sort(modules.begin(), modules.end());
  modules.erase(std::unique(modules.begin(), modules.end()), modules.end());
  if (std::find(modules.begin(), modules.end(), main_module) == modules.end()) {
    std::fprintf(stderr, "kilnc: the main module %s is not among the modules\n", main_module.c_str());
    return 1;
  }
  std::string text = absl::StrCat("// Generated by kilnc ", kVersion,
                                  ": the compiled modules of one program. Do not edit.\n",
                                  "#include \"kiln/kiln.h\"\n\n");
  for (const std::string& module : modules) {
    absl::StrAppend(&text, "extern \"C\" const kiln::ModuleDef ", codegen::ModuleSymbol(module), ";\n");
  }
  absl::StrAppend(&text, "\nextern \"C\" const kiln::ModuleDef* const kiln_module_table[] = {\n");
  for (const std::string& module : modules) {
    absl::StrAppend(&text, "    &", codegen::ModuleSymbol(module), ",\n");
  }
  absl::StrAppend(&text, "    nullptr,\n};\n\nextern \"C\" const char kiln_main_module[] = \"",
                  main_module, "\";\n");
  if (!WriteFileAtomically(output, text)) {
    std::fprintf(stderr, "kilnc: cannot write %s\n", output.c_str());
    return 1;
  }
  std::string imports_out = absl::GetFlag(FLAGS_imports_out);
  if (!imports_out.empty()) {
    std::vector<std::string> names(modules.begin(), modules.end());
    for (const std::string& path : absl::GetFlag(FLAGS_imports_in)) {
      std::string contents;
      if (!ReadFile(path, &contents)) {
        std::fprintf(stderr, "kilnc: cannot read %s\n", path.c_str());
        return 1;
      }
      for (absl::string_view line : absl::StrSplit(contents, '\n', absl::SkipEmpty())) {
        names.emplace_back(line);
      }
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    std::string list;
    for (const std::string& name : names) absl::StrAppend(&list, name, "\n");
    if (!WriteFileAtomically(imports_out, list)) {
      std::fprintf(stderr, "kilnc: cannot write %s\n", imports_out.c_str());
      return 1;
    }
  }
  return 0;
}

int RunVersion(const std::vector<std::string>& arguments) {
  if (!arguments.empty()) {
    std::fprintf(stderr, "kilnc version: takes no arguments\n");
    return 2;
  }
  std::printf("kilnc %s\n", kVersion);
  return 0;
}

}  // namespace

const std::vector<Subcommand>& Subcommands() {
  static const std::vector<Subcommand>* const kSubcommands = new std::vector<Subcommand>{
      {"compile", "compile one Python module to C++", RunCompile},
      {"module-table", "write a program's table of compiled modules", RunModuleTable},
      {"check", "parse and analyse files; silent when all are valid", RunCheck},
      {"dump-tokens", "print a file's tokens, like python3.11 -m tokenize", RunDumpTokens},
      {"dump-ast", "print ast.dump(ast.parse(src), include_attributes=True)", RunDumpAst},
      {"dump-scopes", "print the scopes and names of a file, like symtable", RunDumpScopes},
      {"dump-ir", "print the Kiln IR of a file's functions, after the passes", RunDumpIr},
      {"version", "print kilnc's version", RunVersion},
  };
  return *kSubcommands;
}

}  // namespace kiln::driver
