// Import statements inside a function: `import a.b [as c]` and `from .m import x [as y]`
// (`from m import *` is a SyntaxError there). The modules named are recorded in
// Function::imports, for the program to bundle.
#include "compiler/lower/lowerer.h"

namespace kiln::lower {

void FunctionLowerer::NoteImport(const std::string& name) {
  if (!name.empty()) function_->imports.push_back(name);
}

void FunctionLowerer::Import(const ast::Import* node) {
  for (Node* alias_node : node->names) {
    const auto* alias = alias_node->As<ast::Alias>();
    NoteImport(std::string(alias->name));
    ir::Instr& import = b_.Append(Op::kImportName, {}, node);
    import.name = std::string(alias->name);
    import.number = 0;
    ValueId module = import.result();
    if (alias->asname.data() == nullptr) {
      StoreName(alias->name.substr(0, alias->name.find('.')), module, node);
      continue;
    }
    // import a.b.c as d: binds the submodule itself.
    std::string_view rest = alias->name;
    for (size_t dot = rest.find('.'); dot != std::string_view::npos; dot = rest.find('.')) {
      rest = rest.substr(dot + 1);
      ir::Instr& from = b_.Append(Op::kImportFrom, {module}, node);
      from.name = std::string(rest.substr(0, rest.find('.')));
      module = from.result();
    }
    StoreName(alias->asname, module, node);
  }
}

void FunctionLowerer::ImportFrom(const ast::ImportFrom* node) {
  std::vector<std::string> names;
  for (Node* alias_node : node->names) names.emplace_back(alias_node->As<ast::Alias>()->name);
  std::string module_name = node->module.data() ? std::string(node->module) : "";
  std::string absolute = sema::ResolveRelativeImport(module_.name, module_.is_package, module_name, node->level);
  NoteImport(absolute);
  bool star = names.size() == 1 && names[0] == "*";
  if (star && function_->kind == ir::FunctionKind::kFunction) {
    Unsupported(node, "import * in a function");  // a SyntaxError sema reports first
    return;
  }
  for (const std::string& name : names) {
    if (!star) NoteImport(absolute.empty() ? name : absolute + "." + name);
  }
  ir::Instr& import = b_.Append(Op::kImportName, {}, node);
  import.name = module_name;
  import.number = node->level;
  import.keywords = names;  // the fromlist
  ValueId module = import.result();
  if (star) {
    // Into the module's globals, or a class body's namespace.
    b_.Append(Op::kImportStar, {module}, node);
    return;
  }
  for (Node* alias_node : node->names) {
    const auto* alias = alias_node->As<ast::Alias>();
    ir::Instr& from = b_.Append(Op::kImportFrom, {module}, node);
    from.name = std::string(alias->name);
    StoreName(alias->asname.data() ? alias->asname : alias->name, from.result(), node);
  }
}

}  // namespace kiln::lower
