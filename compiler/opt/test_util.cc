#include "compiler/opt/test_util.h"

#include <gtest/gtest.h>

#include <optional>

#include "absl/strings/str_cat.h"
#include "compiler/lower/lower.h"
#include "compiler/opt/pipeline.h"
#include "compiler/parse/parser.h"

namespace kiln::opt::test_util {

absl::StatusOr<std::unique_ptr<LoweredForTest>> Lower(std::string_view source,
                                                      const std::string& name) {
  auto lowered = std::make_unique<LoweredForTest>();
  lowered->source = std::string(source);
  parse::ParseResult parsed = parse::ParseFile("test.py", lowered->source, lowered->arena);
  if (!parsed.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("test.py:", parsed.error.line, ":",
                                                   parsed.error.offset, ": ", parsed.error.type,
                                                   ": ", parsed.error.message));
  }
  lowered->module = parsed.module;
  if (std::optional<sema::ScopeError> error = sema::AnalyzeScopes(lowered->module, &lowered->scopes)) {
    return absl::InvalidArgumentError(
        absl::StrCat("test.py:", error->line, ":", error->col, ": ", error->message));
  }
  const sema::Scope* scope = nullptr;
  for (const auto& candidate : lowered->scopes.all()) {
    if (candidate->kind == sema::ScopeKind::kFunction && candidate->name == name) {
      scope = candidate.get();
      break;
    }
  }
  if (scope == nullptr) return absl::NotFoundError(absl::StrCat("no function '", name, "'"));
  absl::StatusOr<ir::Function> function = lower::LowerFunction(scope, lowered->scopes, name);
  if (!function.ok()) return function.status();
  lowered->function = *std::move(function);
  return lowered;
}

std::unique_ptr<LoweredForTest> LowerOrFail(std::string_view source, const std::string& name) {
  absl::StatusOr<std::unique_ptr<LoweredForTest>> lowered = Lower(source, name);
  if (!lowered.ok()) {
    ADD_FAILURE() << "cannot lower '" << name << "': " << lowered.status() << "\nsource:\n"
                  << source;
    return nullptr;
  }
  return *std::move(lowered);
}

absl::Status RunThrough(ir::Function& function, const std::string& last) {
  PipelineOptions options;
  options.verify = true;
  options.stop_after = last;
  return RunPipeline(function, options);
}

std::vector<const ir::Instr*> InstrsWithOp(const ir::Function& function, ir::Op op) {
  std::vector<const ir::Instr*> found;
  for (const ir::Block& block : function.blocks) {
    for (const ir::Instr& instr : block.instrs) {
      if (instr.op == op) found.push_back(&instr);
    }
  }
  return found;
}

int CountOp(const ir::Function& function, ir::Op op) {
  return static_cast<int>(InstrsWithOp(function, op).size());
}

const ir::Instr* DefinitionOf(const ir::Function& function, ir::ValueId value) {
  for (const ir::Block& block : function.blocks) {
    for (const ir::Instr& instr : block.instrs) {
      for (ir::ValueId result : instr.results) {
        if (result == value) return &instr;
      }
    }
  }
  return nullptr;
}

int SlotOf(const ir::Function& function, const std::string& name) {
  for (size_t i = 0; i < function.slot_names.size(); ++i) {
    if (function.slot_names[i] == name) return static_cast<int>(i);
  }
  return -1;
}

std::vector<const ir::Instr*> LoadsOf(const ir::Function& function, const std::string& name) {
  int slot = SlotOf(function, name);
  std::vector<const ir::Instr*> loads;
  for (const ir::Instr* load : InstrsWithOp(function, ir::Op::kLoadLocal)) {
    if (load->number == slot) loads.push_back(load);
  }
  return loads;
}

Place PlaceOf(const ir::Function& function, const ir::Instr* instr) {
  for (const ir::Block& block : function.blocks) {
    for (size_t i = 0; i < block.instrs.size(); ++i) {
      if (&block.instrs[i] == instr) return Place{block.id, static_cast<int>(i)};
    }
  }
  return Place{};
}

std::vector<ir::BlockId> Reachable(const ir::Function& function) {
  return ir::ReversePostOrder(function);
}

ast::ConstantValue IntConstant(std::string_view digits) {
  ast::ConstantValue value;
  value.type = ast::ConstantValue::Type::kInt;
  value.text = digits;
  return value;
}

ast::ConstantValue NoneConstant() { return ast::ConstantValue{}; }

}  // namespace kiln::opt::test_util
