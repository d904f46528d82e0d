#include "compiler/codegen/codegen.h"

#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <type_traits>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "compiler/ast/visit.h"
#include "compiler/codegen/constants.h"
#include "compiler/codegen/kir_function.h"
#include "compiler/codegen/operators.h"
#include "compiler/lower/lower.h"
#include "compiler/opt/pipeline.h"
#include "compiler/ast/unparse.h"
#include "compiler/driver/version.h"

namespace kiln::codegen {
namespace {

using ast::Kind;
using ast::Node;

std::string Str(std::string_view text) { return std::string(text); }

using lower::AsDef;

class ModuleGenerator;

// What the statement being compiled sits inside, innermost last. Return, break,
// continue and errors leave these blocks; each kind says how.
struct Block {
  // kMatching: except clauses being matched (an error releases the caught exception).
  enum Type { kFunction, kLoop, kTryExcept, kFinally, kHandler, kWith, kPendingValue, kAsyncWith,
              kMatching };
  Type type;
  int id = 0;                 // label number
  // kLoop
  std::string break_label, continue_label;
  int iterator_slot = -1;     // for-loops: the iterator, released on leaving
  // kFinally: the statements to run on the way out
  const ast::NodeList* final_body = nullptr;
  // kHandler: the caught exception and the previously handled one
  int exception_slot = -1, previous_slot = -1;
  std::string handler_name;   // `except E as name`: deleted on the way out
  // kWith: the bound __exit__
  int exit_slot = -1;
  const Node* node = nullptr;
  // kPendingValue: a value held across a finally (return value)
  int value_slot = -1;
  bool raise_label_used = false;
  bool is_star = false;       // kHandler of an except* clause
};

using sema::LocalsPlus;
using sema::LocalsPlusOf;

class FunctionGenerator {
 public:
  FunctionGenerator(ModuleGenerator* module, const sema::Scope* scope, std::string c_name)
      : module_(module), scope_(scope), c_name_(std::move(c_name)) {}

  // Emits the function for a def/lambda/comprehension/class body/module body.
  void Generate();
  const std::string& output() const { return out_; }

 private:
  friend class ModuleGenerator;
  // Generators, coroutines and async generators: resumable, their slots in a heap frame.
  bool is_generator() const {
    return scope_->kind == sema::ScopeKind::kFunction &&
           (scope_->is_generator || scope_->is_coroutine);
  }
  bool is_async_generator() const {
    return scope_->kind == sema::ScopeKind::kFunction && scope_->is_generator &&
           scope_->is_coroutine;
  }
  bool is_module() const { return scope_->kind == sema::ScopeKind::kModule; }
  bool is_class() const { return scope_->kind == sema::ScopeKind::kClass; }

  // --- slots ---
  int NewSlot() { return slot_count_++; }
  int Temp() {
    if (!free_temps_.empty()) {
      int slot = free_temps_.back();
      free_temps_.pop_back();
      return slot;
    }
    int slot = NewSlot();
    temp_slots_.insert(slot);
    return slot;
  }
  int TempArray(int size) {
    auto& list = free_arrays_[size];
    if (!list.empty()) {
      int first = list.back();
      list.pop_back();
      return first;
    }
    int first = slot_count_;
    slot_count_ += size;
    for (int i = 0; i < size; ++i) temp_slots_.insert(first + i);
    return first;
  }
  void FreeArray(int first, int size) { free_arrays_[size].push_back(first); }
  void Free(int slot) { free_temps_.push_back(slot); }
  static std::string S(int slot) { return absl::StrCat("s[", slot, "]"); }

  // --- error sites: each place that can raise, with its source range ---
  // Site 0 is the function's start (its def line). A site's index is the instruction
  // offset that traceback entries report, so the code object's location table gives
  // tracebacks CPython's lines and caret ranges.
  int Site(const Node* node) {
    if (node == nullptr) return 0;
    auto it = site_index_.find(node);
    if (it != site_index_.end()) return it->second;
    int index = static_cast<int>(sites_.size());
    sites_.push_back(node);
    site_index_[node] = index;
    return index;
  }

  // --- emission ---
  void Line(const std::string& text) { absl::StrAppend(&body_, std::string(indent_, ' '), text, "\n"); }
  std::string NewLabel(const char* prefix) { return absl::StrCat(prefix, "_", label_count_++); }
  void Label(const std::string& label) { absl::StrAppend(&body_, label, ":;\n"); }
  // Jumps to the innermost error handler when `condition` holds (an error is set).
  void ErrorIf(const std::string& condition, const Node* node) {
    Line(absl::StrCat("if (", condition, ") { kline = ", Site(node), "; goto ",
                      RaiseLabel(), "; }"));
  }
  // Moves the frame to `node`'s site before code that may run Python code and look at
  // the stack (a statement, a call).
  void MarkSite(const Node* node) { Line(absl::StrCat("kf.At(", Site(node), ");")); }
  // The error entry of block `id`: raise_<id> adds the traceback entry and releases the
  // temporaries of the failed expression, then unwind_<id> (reached directly by an
  // exception already carrying its traceback) runs what the caller emits next.
  void ErrorEntry(int id) {
    Label(absl::StrCat("raise_", id));
    Line("kiln::AddTraceback(code, globals, kline);");
    Line("KILN_CLEAR_TEMPS();");
    Label(absl::StrCat("unwind_", id));
  }
  // An exception raised while a handled exception is saved in `previous` (in a handler,
  // a final body, while matching except clauses): the new exception is held while the
  // handled one is restored, `slots` are released and `cleanup` runs, then it is raised
  // again and unwinds to `unwind`.
  void ReraiseRestoringHandled(int previous, std::initializer_list<int> slots,
                               const std::function<void()>& cleanup, const std::string& unwind) {
    int pending = Temp();
    Line(absl::StrCat(S(pending), " = kiln::FetchException();"));
    Line(absl::StrCat("PyErr_SetHandledException(", S(previous), ");"));
    for (int slot : slots) {
      if (slot >= 0) Clear(slot);
    }
    cleanup();
    Line(absl::StrCat("kiln::RestoreException(", S(pending), "); ", S(pending), " = nullptr;"));
    Free(pending);
    Line(absl::StrCat("goto ", unwind, ";"));
  }
  void CheckSlot(int slot, const Node* node) { ErrorIf(absl::StrCat("!", S(slot)), node); }
  void Clear(int slot) { Line(absl::StrCat("Py_CLEAR(", S(slot), ");")); }
  void ClearAndFree(int slot) {
    Clear(slot);
    Free(slot);
  }
  std::string RaiseLabel();
  std::string UnwindLabelOf(size_t block_index);
  void Unsupported(const Node* node, const std::string& what);

  // --- names ---
  void LoadName(std::string_view raw, int target, const Node* node);
  void StoreName(std::string_view raw, int value_slot, const Node* node);  // steals value
  void DeleteName(std::string_view raw, const Node* node);
  std::string Mangle(std::string_view name) const {
    return sema::MangleName(scope_->private_name, name);
  }
  int LocalSlot(const std::string& name) const {
    auto it = local_slots_.find(name);
    return it == local_slots_.end() ? -1 : it->second;
  }

  // --- operands: a local variable used in place (borrowed), or a temporary ---
  // Reading a local twice in one expression is safe to borrow: only `:=` could rebind
  // it meanwhile (excluded), and a deleted/unassigned local is checked first.
  struct Operand {
    int slot;
    bool borrowed;
  };
  int BorrowableLocal(const Node* node);
  Operand OperandOf(const Node* node) {
    int local = BorrowableLocal(node);
    if (local >= 0) return {local, true};
    return {ExprTemp(node), false};
  }
  void Release(const Operand& operand) {
    if (!operand.borrowed) ClearAndFree(operand.slot);
  }
  void ComputeUnstableLocals();
  // Call arguments: a borrowable local is copied into its array slot just before the
  // call (after the other arguments are evaluated; its unbound check keeps its place),
  // with a new reference as CPython's LOAD_FAST takes: the callee may drop every other
  // reference meanwhile, and sys.getrefcount counts the argument.
  std::map<int, int> late_sources_;  // array slot -> local slot
  void ArgumentInto(const Node* argument, int slot, std::set<int>* late) {
    int local = BorrowableLocal(argument);
    if (local >= 0) {
      late->insert(slot);
      late_sources_[slot] = local;
    } else {
      Expr(argument, slot);
    }
  }
  void FillLateArguments(const std::set<int>& late) {
    for (int slot : late) Line(absl::StrCat(S(slot), " = Py_NewRef(", S(late_sources_[slot]), ");"));
  }

  // --- expressions: evaluate into `target` (NULL before), a new reference ---
  void Expr(const Node* node, int target);
  int AnnotationTemp(const Node* annotation);
  int ExprTemp(const Node* node) {
    int slot = Temp();
    Expr(node, slot);
    return slot;
  }
  void Constant(const ast::Constant* node, int target);
  void BinaryOp(ast::OperatorKind op, int left, int right, int target, const Node* node,
                bool in_place);
  void Compare(const ast::Compare* node, int target);
  void CompareOp(ast::CmpOpKind op, int left, int right, int target, const Node* node);
  void Call(const ast::Call* node, int target);
  void BuildSequence(const ast::NodeList& elements, Kind kind, int target, const Node* node);
  void BuildDict(const ast::Dict* node, int target);
  void Subscript(const ast::Subscript* node, int target);
  void SliceInto(const ast::Slice* node, int target);
  void JoinedStr(const ast::JoinedStr* node, int target);
  void FormattedValue(const ast::FormattedValue* node, int target);
  void MakeFunctionObject(const Node* node, const sema::Scope* child, int target,
                          const std::string& qualname);
  void Comprehension(const Node* node, int target);
  void BranchIfFalse(const Node* test, const std::string& false_label);

  // --- statements ---
  void Statements(const ast::NodeList& body);
  void NamespaceBody(const ast::NodeList& body, const char* namespace_variable);
  void Statement(const Node* node);
  void Assign(const Node* target, int value_slot);  // steals value
  void AugAssign(const ast::AugAssign* node);
  void FunctionDef(const Node* node);
  void ClassDef(const ast::ClassDef* node);
  void Return(const ast::Return* node);
  void If(const ast::If* node);
  void While(const ast::While* node);
  void For(const ast::For* node);
  void ForLoop(const ast::For* node, bool is_async);
  void NextItem(const Node* node, int iterator, int item, bool is_async, bool release_iterator,
                const std::string& exhausted);
  // try/except and try/except* (their nodes have the same fields).
  template <typename TryNode>
  void Try(const TryNode* node, bool star);
  // Fails when leaving blocks_[stop..] would leave an except* handler.
  bool LeavesStarHandler(size_t stop, const Node* node);
  void UnbindHandlerName(const Block& handler);
  void With(const ast::With* node, uint32_t item_index);
  std::string WithBody(Block::Type type, const Node* node, const ast::WithItem* item, int exit,
                       int entered, const std::function<void()>& inner);
  void Raise(const ast::Raise* node);
  void Assert(const ast::Assert* node);
  void Import(const ast::Import* node);
  void ImportFrom(const ast::ImportFrom* node);
  void Delete(const Node* target);
  void AnnAssign(const ast::AnnAssign* node);
  void Yield(const Node* node, int value_slot, int target);
  // `get_iterator` makes the delegate from the iterable (GetYieldFromIter for `yield
  // from`, GetAwaitableIter for `await`); "" when the slot holds the delegate already.
  void YieldFrom(const Node* node, int iterable_slot, int target,
                 const char* get_iterator = "kiln::GetYieldFromIter");
  void Suspend(const Node* node, bool delegating = false);
  void Resumed(const Node* node, int target);
  // --- async (see the "async" section) ---
  void Await(const Node* node, int awaitable_slot, int target);
  void AsyncWith(const ast::With* node, uint32_t item_index);
  void AsyncFor(const ast::For* node);
  // The raise/unwind labels of a block that holds a caught exception and the previously
  // handled one (Block::kHandler without a name), for code that runs while handling.
  void EmitHolderErrorLabels(const Block& holder);
  // --- match statements (see the "match statements" section) ---
  void Match(const ast::Match* node);
  // Names `pattern` binds, in order (lower::PatternNames); false (and a compile error)
  // for what the parser rejects: repeated names, or-patterns binding different names.
  bool PatternNames(const Node* pattern, std::vector<std::string>* names);
  // Tests `pattern` against the value in `subject` (borrowed); jumps to `fail` when it
  // does not match. Captured values go to the slots in `captures`, not yet to names.
  void Pattern(const Node* pattern, int subject, const std::string& fail,
               const std::map<std::string, int>& captures);
  void ClearCaptures(const Node* pattern, const std::map<std::string, int>& captures);
  // Leaves blocks down to (not including) `stop`, running their exit actions.
  void LeaveBlocks(size_t stop);
  void LeaveBlock(const Block& block);
  void EmitErrorLabels(size_t block_index);

  std::string Qualname(const std::string& name) const;

  ModuleGenerator* module_;
  const sema::Scope* scope_;
  std::string c_name_;
  std::string out_;
  std::string body_;
  int indent_ = 2;
  int slot_count_ = 0;
  int label_count_ = 0;
  int resume_count_ = 0;
  std::vector<int> free_temps_;
  std::map<int, std::vector<int>> free_arrays_;
  std::set<int> temp_slots_;
  std::map<std::string, int> local_slots_;  // locals and cells (function scopes)
  std::vector<Block> blocks_;
  std::vector<const Node*> sites_ = {nullptr};
  std::map<const Node*, int> site_index_;
  int class_cell_slot_ = -1;
  int local_count_ = 0;     // function scopes: the frame's locals (co_nlocalsplus)
  int handoff_slot_ = -1;   // generators: the delegate or return value for the resume loop
  int state_slot_ = -1;     // generators: the resume point
  bool unstable_computed_ = false;
  std::set<std::string> rebound_by_walrus_;   // never borrowed
  std::set<std::string> maybe_unbound_;       // deleted somewhere: always checked
  int first_argument_slot_ = -1;  // for zero-argument super()
  bool has_annotations_block_ = false;
};

class ModuleGenerator : public ModuleContext {
 public:
  ModuleGenerator(const Node* module, const sema::ScopeTree& scopes, const ModuleInfo& info)
      : module_(module), scopes_(scopes), info_(info) {}

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
  // The C++ text of `scope`'s function through Kiln IR, or "" when the lowering does
  // not handle it yet (then the direct generator compiles it).
  std::string KirFunction(const sema::Scope* scope, const std::string& qualname,
                          const std::string& c_name, std::vector<const Node*>* sites, int* temp_count,
                          bool* generator);
  const std::string& CNameOf(const sema::Scope* scope) override { return c_names_[scope]; }
  const std::string& QualnameOf(const sema::Scope* scope) { return qualnames_[scope]; }
  void AppendFunction(const std::string& text) { functions_.push_back(text); }
  // Records `name` (and its parent packages) as imported.
  void NoteImport(const std::string& name) override {
    if (name.empty()) return;
    size_t dot = 0;
    while ((dot = name.find('.', dot)) != std::string::npos) imports_.insert(name.substr(0, dot++));
    imports_.insert(name);
  }
  // The absolute name of `from <level dots><module> import ...` in this module.
  std::string ResolveRelative(const std::string& module, int level) const {
    return sema::ResolveRelativeImport(info_.name, info_.is_package, module, level);
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
    std::vector<std::string> numbers;
    for (const Node* site : sites) {
      if (site == nullptr) {
        numbers.push_back("0, 0, -1, -1");
      } else {
        numbers.push_back(absl::StrCat(site->lineno, ", ", site->end_lineno, ", ", site->col_offset,
                                       ", ", site->end_col_offset));
      }
    }
    Declare(absl::StrCat("const int ", c_name, "_sites[] = {", absl::StrJoin(numbers, ", "), "};"));
  }

 private:
  const Node* module_;
  const sema::ScopeTree& scopes_;
  const ModuleInfo& info_;
  ConstantPool constants_;
  std::optional<CodegenError> error_;
  std::vector<std::string> declarations_;
  std::vector<std::string> functions_;
  std::map<const sema::Scope*, std::string> qualnames_;
  std::map<const sema::Scope*, std::string> c_names_;
  std::set<std::string> imports_;
  int function_count_ = 0;
  int global_cache_count_ = 0;
  int attribute_cache_count_ = 0;
};

// ----------------------------------------------------------------------------
// Names

void FunctionGenerator::Unsupported(const Node* node, const std::string& what) {
  module_->Fail(node, what + " is not supported yet");
}

std::string FunctionGenerator::Qualname(const std::string& name) const {
  // Functions nested in functions get "<locals>" in their qualified name.
  if (is_module()) return name;
  // A def or class whose name is declared `global` here is named as at module level.
  if (name[0] != '<' && scope_->Resolve(Mangle(name)) == sema::NameScope::kGlobalExplicit) return name;
  const std::string& own = module_->QualnameOf(scope_);
  // Comprehensions, like classes, add no "<locals>" (CPython's compiler_set_qualname).
  if (is_class() || scope_->is_comprehension) return own + "." + name;
  return own + ".<locals>." + name;
}

void FunctionGenerator::LoadName(std::string_view raw, int target, const Node* node) {
  std::string name = Mangle(raw);
  std::string constant = module_->constants().Name(name);
  if (is_module()) {
    Line(absl::StrCat(S(target), " = kiln::LoadGlobalCached(globals, builtins, ", constant, ", ",
                      module_->NewGlobalCache(), ");"));
    CheckSlot(target, node);
    return;
  }
  sema::NameScope resolved = scope_->Resolve(name);
  if (is_class()) {
    const sema::Symbol* symbol = scope_->Find(name);
    if (resolved == sema::NameScope::kFree ||
        (symbol && (symbol->flags & sema::kDefFreeClass))) {
      int cell = LocalSlot("free:" + name);
      Line(absl::StrCat(S(target), " = kiln::LoadClassCell(ns, globals, ", S(cell), ", ",
                        constant, ");"));
    } else if (resolved == sema::NameScope::kGlobalExplicit) {
      Line(absl::StrCat(S(target), " = kiln::LoadGlobal(globals, ", constant, ");"));
    } else {
      Line(absl::StrCat(S(target), " = kiln::LoadName(ns, globals, ", constant, ");"));
    }
    CheckSlot(target, node);
    return;
  }
  switch (resolved) {
    case sema::NameScope::kLocal: {
      int slot = LocalSlot(name);
      Line(absl::StrCat("if (!", S(slot), ") { kiln::RaiseUnboundLocal(", constant, "); kline = ",
                        Site(node), "; goto ", RaiseLabel(), "; }"));
      Line(absl::StrCat(S(target), " = Py_NewRef(", S(slot), ");"));
      return;
    }
    case sema::NameScope::kCell:
    case sema::NameScope::kFree: {
      int slot = LocalSlot(name);
      Line(absl::StrCat(S(target), " = Py_XNewRef(PyCell_GET(", S(slot), "));"));
      Line(absl::StrCat("if (!", S(target), ") { kiln::", resolved == sema::NameScope::kCell
                                                              ? "RaiseUnboundLocal("
                                                              : "RaiseUnboundFree(",
                        constant, "); kline = ", Site(node), "; goto ", RaiseLabel(), "; }"));
      return;
    }
    default:
      Line(absl::StrCat(S(target), " = kiln::LoadGlobalCached(globals, builtins, ", constant, ", ",
                        module_->NewGlobalCache(), ");"));
      CheckSlot(target, node);
      return;
  }
}

void FunctionGenerator::StoreName(std::string_view raw, int value, const Node* node) {
  std::string name = Mangle(raw);
  std::string constant = module_->constants().Name(name);
  sema::NameScope resolved = is_module() ? sema::NameScope::kGlobalExplicit : scope_->Resolve(name);
  if (is_class() && resolved != sema::NameScope::kGlobalExplicit &&
      resolved != sema::NameScope::kFree) {
    ErrorIf(absl::StrCat("PyObject_SetItem(ns, ", constant, ", ", S(value), ") < 0"), node);
    Clear(value);
    return;
  }
  switch (resolved) {
    case sema::NameScope::kLocal: {
      int slot = LocalSlot(name);
      Line(absl::StrCat("Py_XSETREF(", S(slot), ", ", S(value), "); ", S(value), " = nullptr;"));
      return;
    }
    case sema::NameScope::kCell:
    case sema::NameScope::kFree: {
      int slot = LocalSlot(is_class() ? "free:" + name : name);
      Line(absl::StrCat("kiln::CellSet(", S(slot), ", ", S(value), "); ", S(value), " = nullptr;"));
      return;
    }
    default:
      ErrorIf(absl::StrCat("PyDict_SetItem(globals, ", constant, ", ", S(value), ") < 0"), node);
      Clear(value);
      return;
  }
}

void FunctionGenerator::DeleteName(std::string_view raw, const Node* node) {
  std::string name = Mangle(raw);
  std::string constant = module_->constants().Name(name);
  sema::NameScope resolved = is_module() ? sema::NameScope::kGlobalExplicit : scope_->Resolve(name);
  if (is_class() && resolved != sema::NameScope::kGlobalExplicit &&
      resolved != sema::NameScope::kFree) {
    ErrorIf(absl::StrCat("kiln::DeleteName(ns, ", constant, ") < 0"), node);
    return;
  }
  switch (resolved) {
    case sema::NameScope::kLocal: {
      int slot = LocalSlot(name);
      Line(absl::StrCat("if (!", S(slot), ") { kiln::RaiseUnboundLocal(", constant, "); kline = ",
                        node->lineno, "; goto ", RaiseLabel(), "; }"));
      Clear(slot);
      return;
    }
    case sema::NameScope::kCell:
    case sema::NameScope::kFree: {
      int slot = LocalSlot(is_class() ? "free:" + name : name);
      ErrorIf(absl::StrCat("kiln::CellDelete(", S(slot), ", ", constant, ", ",
                           resolved == sema::NameScope::kFree ? 1 : 0, ") < 0"),
              node);
      return;
    }
    default:
      ErrorIf(absl::StrCat("kiln::DeleteGlobal(globals, ", constant, ") < 0"), node);
      return;
  }
}

// ----------------------------------------------------------------------------
// Blocks and labels

std::string FunctionGenerator::RaiseLabel() {
  Block& block = blocks_.back();
  block.raise_label_used = true;
  return absl::StrCat("raise_", block.id);
}

std::string FunctionGenerator::UnwindLabelOf(size_t block_index) {
  return absl::StrCat("unwind_", blocks_[block_index].id);
}

void FunctionGenerator::LeaveBlock(const Block& block) {
  switch (block.type) {
    case Block::kLoop:
      if (block.iterator_slot >= 0) Clear(block.iterator_slot);
      break;
    case Block::kHandler:
      Line(absl::StrCat("PyErr_SetHandledException(", S(block.previous_slot) , ");"));
      Clear(block.previous_slot);
      Clear(block.exception_slot);
      UnbindHandlerName(block);
      break;
    case Block::kWith: {
      int result = Temp();
      Line(absl::StrCat(S(result), " = kiln::CallExit(", S(block.exit_slot), ", nullptr);"));
      Clear(block.exit_slot);
      CheckSlot(result, block.node);
      ClearAndFree(result);
      break;
    }
    case Block::kAsyncWith: {
      // await __aexit__(None, None, None)
      int awaitable = Temp();
      Line(absl::StrCat(S(awaitable), " = kiln::AsyncExitAwaitable(", S(block.exit_slot), ", nullptr);"));
      Clear(block.exit_slot);
      CheckSlot(awaitable, block.node);
      int result = Temp();
      YieldFrom(block.node, awaitable, result, "");
      ClearAndFree(result);
      break;
    }
    case Block::kFinally: {
      // Run the final body outside this block.
      Statements(*block.final_body);
      break;
    }
    case Block::kPendingValue:
    case Block::kTryExcept:
    case Block::kFunction:
    case Block::kMatching:
      break;
  }
}

void FunctionGenerator::LeaveBlocks(size_t stop) {
  // Each block's exit actions run with the blocks inside it (and itself) gone, so an
  // error in them goes to the enclosing blocks.
  std::vector<Block> saved(blocks_.begin() + stop, blocks_.end());
  for (size_t i = saved.size(); i-- > 0;) {
    blocks_.resize(stop + i);
    LeaveBlock(saved[i]);
  }
  blocks_.resize(stop);
  blocks_.insert(blocks_.end(), saved.begin(), saved.end());
}

// ----------------------------------------------------------------------------
// Expressions

void FunctionGenerator::ComputeUnstableLocals() {
  unstable_computed_ = true;
  // Walk this function's own body (not nested scopes, which cannot rebind our locals
  // except through cells, which are never borrowed).
  std::vector<Node*> pending;
  if (const auto* def = AsDef(scope_->node)) {
    for (Node* statement : def->body) pending.push_back(statement);
  } else if (const auto* lambda = scope_->node->As<ast::Lambda>()) {
    pending.push_back(lambda->body);
  } else {
    pending.push_back(const_cast<Node*>(scope_->node));
  }
  while (!pending.empty()) {
    Node* node = pending.back();
    pending.pop_back();
    if (const auto* named = node->As<ast::NamedExpr>()) {
      if (const auto* name = named->target->As<ast::Name>()) {
        rebound_by_walrus_.insert(Mangle(name->id));
      }
    } else if (const auto* name = node->As<ast::Name>()) {
      if (name->ctx == ast::ExprContext::kDel) maybe_unbound_.insert(Mangle(name->id));
    } else if (const auto* handler = node->As<ast::ExceptHandler>()) {
      if (handler->name.data() != nullptr) maybe_unbound_.insert(Mangle(handler->name));
    }
    bool nested_scope = node != scope_->node &&
                        (node->As<ast::FunctionDef>() || node->As<ast::AsyncFunctionDef>() ||
                         node->As<ast::ClassDef>() || node->As<ast::Lambda>());
    if (nested_scope) continue;
    ast::ForEachChild(node, [&](Node* child) { pending.push_back(child); });
  }
}

int FunctionGenerator::BorrowableLocal(const Node* node) {
  if (scope_->kind != sema::ScopeKind::kFunction) return -1;
  const auto* name = node->As<ast::Name>();
  if (name == nullptr || name->ctx != ast::ExprContext::kLoad) return -1;
  std::string mangled = Mangle(name->id);
  if (scope_->Resolve(mangled) != sema::NameScope::kLocal) return -1;
  if (!unstable_computed_) ComputeUnstableLocals();
  if (rebound_by_walrus_.count(mangled)) return -1;
  int slot = LocalSlot(mangled);
  if (slot < 0) return -1;
  bool parameter = std::find(scope_->parameters.begin(), scope_->parameters.end(), mangled) !=
                   scope_->parameters.end();
  if (!parameter || maybe_unbound_.count(mangled)) {
    Line(absl::StrCat("if (!", S(slot), ") { kiln::RaiseUnboundLocal(",
                      module_->constants().Name(mangled), "); kline = ", Site(node), "; goto ",
                      RaiseLabel(), "; }"));
  }
  return slot;
}

void FunctionGenerator::Constant(const ast::Constant* node, int target) {
  Line(absl::StrCat(S(target), " = Py_NewRef(", module_->constants().Of(node->value), ");"));
}

// An annotation: evaluated, or under `from __future__ import annotations` the string
// CPython's compiler makes of it.
int FunctionGenerator::AnnotationTemp(const Node* annotation) {
  if (!module_->scopes().future_annotations()) return ExprTemp(annotation);
  ast::AnnotationTemplate unparsed = ast::UnparseAnnotation(annotation);
  std::vector<std::string> refs;
  for (const ast::Constant* constant : unparsed.constants) {
    refs.push_back(module_->constants().Of(constant->value));
  }
  int slot = Temp();
  Line(absl::StrCat(S(slot), " = Py_NewRef(", module_->constants().Annotation(unparsed.text, refs),
                    ");"));
  return slot;
}

void FunctionGenerator::BinaryOp(ast::OperatorKind op, int left, int right, int target,
                                 const Node* node, bool in_place) {
  Line(absl::StrCat(S(target), " = ", BinaryFunction(op, in_place), "(", S(left), ", ", S(right),
                    ");"));
  Clear(left);
  Clear(right);
  CheckSlot(target, node);
}

void FunctionGenerator::CompareOp(ast::CmpOpKind op, int left, int right, int target,
                                  const Node* node) {
  using C = ast::CmpOpKind;
  switch (op) {
    case C::kEq: case C::kNotEq: case C::kLt: case C::kLtE: case C::kGt: case C::kGtE: {
      const char* code = op == C::kEq ? "Py_EQ" : op == C::kNotEq ? "Py_NE" : op == C::kLt ? "Py_LT"
                         : op == C::kLtE ? "Py_LE" : op == C::kGt ? "Py_GT" : "Py_GE";
      Line(absl::StrCat(S(target), " = kiln::RichCompare(", S(left), ", ", S(right), ", ", code,
                        ");"));
      break;
    }
    case C::kIs:
    case C::kIsNot:
      Line(absl::StrCat(S(target), " = Py_NewRef((", S(left), " ", op == C::kIs ? "==" : "!=", " ",
                        S(right), ") ? Py_True : Py_False);"));
      break;
    case C::kIn:
    case C::kNotIn:
      Line(absl::StrCat(S(target), " = kiln::Contains(", S(right), ", ", S(left), ", ",
                        op == C::kIn ? 1 : 0, ");"));
      break;
  }
  Clear(left);
  Clear(right);
  CheckSlot(target, node);
}

void FunctionGenerator::Compare(const ast::Compare* node, int target) {
  int left = ExprTemp(node->left);
  std::string done = NewLabel("compare_done");
  for (uint32_t i = 0; i < node->ops.size; ++i) {
    int right = ExprTemp(node->comparators[i]);
    bool last = i + 1 == node->ops.size;
    int keep = -1;
    if (!last) {
      keep = Temp();
      Line(absl::StrCat(S(keep), " = Py_NewRef(", S(right), ");"));
    }
    CompareOp(node->ops.items[i], left, right, target, node);
    Free(right);
    if (!last) {
      // a < b < c: stop at the first false comparison, whose value is the result.
      Line("{");
      Line(absl::StrCat("  int truth = kiln::IsTrue(", S(target), ");"));
      Line(absl::StrCat("  if (truth < 0) { Py_CLEAR(", S(keep), "); kline = ", Site(node),
                        "; goto ", RaiseLabel(), "; }"));
      Line(absl::StrCat("  if (!truth) { Py_CLEAR(", S(keep), "); goto ", done, "; }"));
      Line("}");
      Clear(target);
      Line(absl::StrCat(S(left), " = ", S(keep), "; ", S(keep), " = nullptr;"));
      Free(keep);
    }
  }
  Free(left);
  Label(done);
}

// Jumps to `false_label` when `test` is false; falls through when true.
void FunctionGenerator::BranchIfFalse(const Node* test, const std::string& false_label) {
  if (const auto* boolop = test->As<ast::BoolOp>()) {
    if (boolop->op == ast::BoolOpKind::kAnd) {
      for (Node* value : boolop->values) BranchIfFalse(value, false_label);
      return;
    }
    std::string true_label = NewLabel("or_true");
    for (uint32_t i = 0; i + 1 < boolop->values.size; ++i) {
      std::string next = NewLabel("or_next");
      BranchIfFalse(boolop->values[i], next);
      Line(absl::StrCat("goto ", true_label, ";"));
      Label(next);
    }
    BranchIfFalse(boolop->values[boolop->values.size - 1], false_label);
    Label(true_label);
    return;
  }
  if (const auto* unary = test->As<ast::UnaryOp>(); unary && unary->op == ast::UnaryOpKind::kNot) {
    std::string true_label = NewLabel("not_true");
    BranchIfFalse(unary->operand, true_label);
    Line(absl::StrCat("goto ", false_label, ";"));
    Label(true_label);
    return;
  }
  if (const auto* compare = test->As<ast::Compare>(); compare && compare->ops.size == 1) {
    using C = ast::CmpOpKind;
    C op = compare->ops.items[0];
    if (op != C::kIs && op != C::kIsNot && op != C::kIn && op != C::kNotIn) {
      // `if a < b:` tests the comparison without making a bool object.
      const char* code = op == C::kEq ? "Py_EQ" : op == C::kNotEq ? "Py_NE" : op == C::kLt ? "Py_LT"
                         : op == C::kLtE ? "Py_LE" : op == C::kGt ? "Py_GT" : "Py_GE";
      Operand left = OperandOf(compare->left);
      Operand right = OperandOf(compare->comparators[0]);
      Line("{");
      Line(absl::StrCat("  int truth = kiln::CompareBool(", S(left.slot), ", ", S(right.slot), ", ",
                        code, ");"));
      Release(left);
      Release(right);
      Line(absl::StrCat("  if (truth < 0) { kline = ", Site(test), "; goto ", RaiseLabel(), "; }"));
      Line(absl::StrCat("  if (!truth) goto ", false_label, ";"));
      Line("}");
      return;
    }
  }
  int value = ExprTemp(test);
  Line("{");
  Line(absl::StrCat("  int truth = kiln::IsTrue(", S(value), ");"));
  Line(absl::StrCat("  Py_CLEAR(", S(value), ");"));
  Line(absl::StrCat("  if (truth < 0) { kline = ", Site(test), "; goto ", RaiseLabel(), "; }"));
  Line(absl::StrCat("  if (!truth) goto ", false_label, ";"));
  Line("}");
  Free(value);
}

void FunctionGenerator::BuildSequence(const ast::NodeList& elements, Kind kind, int target,
                                      const Node* node) {
  bool has_star = false;
  for (Node* element : elements) has_star = has_star || element->As<ast::Starred>();
  if (!has_star && kind != Kind::kSet) {
    const char* make = kind == Kind::kList ? "PyList_New" : "PyTuple_New";
    const char* set = kind == Kind::kList ? "PyList_SET_ITEM" : "PyTuple_SET_ITEM";
    if (elements.size == 0) {
      Line(absl::StrCat(S(target), " = ", make, "(0);"));
      CheckSlot(target, node);
      return;
    }
    int first = TempArray(elements.size);
    for (uint32_t i = 0; i < elements.size; ++i) Expr(elements[i], first + i);
    Line(absl::StrCat(S(target), " = ", make, "(", elements.size, ");"));
    CheckSlot(target, node);
    for (uint32_t i = 0; i < elements.size; ++i) {
      Line(absl::StrCat(set, "(", S(target), ", ", i, ", ", S(first + i), "); ", S(first + i),
                        " = nullptr;"));
    }
    FreeArray(first, elements.size);
    return;
  }
  // Sets, and anything with *unpacking: build a list (or set) step by step.
  Line(absl::StrCat(S(target), " = ", kind == Kind::kSet ? "PySet_New(nullptr)" : "PyList_New(0)",
                    ";"));
  CheckSlot(target, node);
  for (Node* element : elements) {
    if (const auto* starred = element->As<ast::Starred>()) {
      int value = ExprTemp(starred->value);
      ErrorIf(absl::StrCat(kind == Kind::kSet ? "_PySet_Update(" : "kiln::ListExtend(", S(target),
                           ", ", S(value), ") < 0"),
              node);  // CPython reports errors of displays at the whole display
      ClearAndFree(value);
    } else {
      int value = ExprTemp(element);
      ErrorIf(absl::StrCat(kind == Kind::kSet ? "PySet_Add(" : "PyList_Append(", S(target), ", ",
                           S(value), ") < 0"),
              node);
      ClearAndFree(value);
    }
  }
  if (kind == Kind::kTuple) {
    int list = Temp();
    Line(absl::StrCat(S(list), " = ", S(target), "; ", S(target), " = PyList_AsTuple(", S(list),
                      ");"));
    ClearAndFree(list);
    CheckSlot(target, node);
  }
}

void FunctionGenerator::BuildDict(const ast::Dict* node, int target) {
  Line(absl::StrCat(S(target), " = _PyDict_NewPresized(", node->keys.size, ");"));
  CheckSlot(target, node);
  for (uint32_t i = 0; i < node->keys.size; ++i) {
    if (node->keys[i] == nullptr) {
      int value = ExprTemp(node->values[i]);
      ErrorIf(absl::StrCat("kiln::DictUpdate(", S(target), ", ", S(value), ") < 0"), node);
      ClearAndFree(value);
      continue;
    }
    int key = ExprTemp(node->keys[i]);
    int value = ExprTemp(node->values[i]);
    ErrorIf(absl::StrCat("PyDict_SetItem(", S(target), ", ", S(key), ", ", S(value), ") < 0"),
            node);
    ClearAndFree(key);
    ClearAndFree(value);
  }
}

void FunctionGenerator::SliceInto(const ast::Slice* node, int target) {
  int parts[3];
  const Node* nodes[3] = {node->lower, node->upper, node->step};
  for (int i = 0; i < 3; ++i) {
    parts[i] = Temp();
    if (nodes[i]) {
      Expr(nodes[i], parts[i]);
    } else {
      Line(absl::StrCat(S(parts[i]), " = Py_NewRef(Py_None);"));
    }
  }
  Line(absl::StrCat(S(target), " = PySlice_New(", S(parts[0]), ", ", S(parts[1]), ", ", S(parts[2]),
                    ");"));
  for (int part : parts) ClearAndFree(part);
  CheckSlot(target, node);
}

void FunctionGenerator::Subscript(const ast::Subscript* node, int target) {
  Operand value = OperandOf(node->value);
  Operand index = OperandOf(node->slice);
  Line(absl::StrCat(S(target), " = kiln::GetItem(", S(value.slot), ", ", S(index.slot), ");"));
  Release(value);
  Release(index);
  CheckSlot(target, node);
}

void FunctionGenerator::FormattedValue(const ast::FormattedValue* node, int target) {
  int value = ExprTemp(node->value);
  int spec = -1;
  if (node->format_spec) spec = ExprTemp(node->format_spec);
  Line(absl::StrCat(S(target), " = kiln::FormatValue(", S(value), ", ", node->conversion, ", ",
                    spec >= 0 ? S(spec) : "nullptr", ");"));
  ClearAndFree(value);
  if (spec >= 0) ClearAndFree(spec);
  CheckSlot(target, node);
}

void FunctionGenerator::JoinedStr(const ast::JoinedStr* node, int target) {
  if (node->values.size == 0) {
    Line(absl::StrCat(S(target), " = Py_NewRef(", module_->constants().Text(""), ");"));
    return;
  }
  if (node->values.size == 1) {
    Expr(node->values[0], target);
    return;
  }
  int first = TempArray(node->values.size);
  for (uint32_t i = 0; i < node->values.size; ++i) Expr(node->values[i], first + i);
  Line(absl::StrCat(S(target), " = kiln::JoinStrings(&", S(first), ", ", node->values.size, ");"));
  for (uint32_t i = 0; i < node->values.size; ++i) Clear(first + i);
  FreeArray(first, node->values.size);
  CheckSlot(target, node);
}

void FunctionGenerator::Call(const ast::Call* node, int target) {
  bool simple = true;
  for (Node* argument : node->args) simple = simple && !argument->As<ast::Starred>();
  for (Node* keyword : node->keywords) simple = simple && keyword->As<ast::Keyword>()->arg.data();

  // Zero-argument super(): pass __class__ and the first argument (nullptr when the code
  // has no __class__ cell or no arguments: kiln::ZeroArgSuper raises CPython's errors).
  if (const auto* name = node->func->As<ast::Name>();
      name && name->id == "super" && node->args.size == 0 && node->keywords.size == 0) {
    bool in_function = scope_->kind == sema::ScopeKind::kFunction;
    // co_argcount: *args alone does not count as a first argument.
    int argument_count = 0;
    if (in_function) {
      const ast::Arguments* arguments = nullptr;
      if (const auto* def = scope_->node->As<ast::FunctionDef>()) {
        arguments = def->args->As<ast::Arguments>();
      } else if (const auto* lambda = scope_->node->As<ast::Lambda>()) {
        arguments = lambda->args->As<ast::Arguments>();
      }
      argument_count = arguments ? arguments->posonlyargs.size + arguments->args.size
                                 : (scope_->is_comprehension ? 1 : 0);
    }
    int function = ExprTemp(node->func);
    std::string first = argument_count > 0 && first_argument_slot_ >= 0 ? S(first_argument_slot_)
                                                                        : "nullptr";
    std::string cell =
        in_function && LocalSlot("__class__") >= 0 ? S(LocalSlot("__class__")) : "nullptr";
    if (argument_count > 0 && !scope_->parameters.empty() &&
        scope_->Resolve(scope_->parameters[0]) == sema::NameScope::kCell) {
      first = absl::StrCat("PyCell_GET(", S(LocalSlot(scope_->parameters[0])), ")");
    }
    Line(absl::StrCat(S(target), " = kiln::ZeroArgSuper(", S(function), ", ", cell, ", ", first,
                      ", ", argument_count > 0 ? 1 : 0, ");"));
    ClearAndFree(function);
    CheckSlot(target, node);
    return;
  }

  if (!simple) {
    int function = ExprTemp(node->func);
    int positional = Temp();
    Line(absl::StrCat(S(positional), " = PyList_New(0);"));
    CheckSlot(positional, node);
    for (Node* argument : node->args) {
      if (const auto* starred = argument->As<ast::Starred>()) {
        int value = ExprTemp(starred->value);
        ErrorIf(absl::StrCat("kiln::ExtendCallArgs(", S(positional), ", ", S(value), ", ",
                             S(function), ") < 0"),
                node);  // CPython reports argument errors at the whole call
        ClearAndFree(value);
      } else {
        int value = ExprTemp(argument);
        ErrorIf(absl::StrCat("PyList_Append(", S(positional), ", ", S(value), ") < 0"), node);
        ClearAndFree(value);
      }
    }
    int keywords = -1;
    if (node->keywords.size > 0) {
      keywords = Temp();
      Line(absl::StrCat(S(keywords), " = PyDict_New();"));
      CheckSlot(keywords, node);
      for (Node* keyword_node : node->keywords) {
        const auto* keyword = keyword_node->As<ast::Keyword>();
        int value = ExprTemp(keyword->value);
        if (keyword->arg.data() == nullptr) {
          ErrorIf(absl::StrCat("kiln::MergeCallKwargs(", S(keywords), ", ", S(value), ", ",
                               S(function), ") < 0"),
                  node);
        } else {
          ErrorIf(absl::StrCat("kiln::AddCallKeyword(", S(keywords), ", ",
                               module_->constants().Name(keyword->arg), ", ", S(value), ", ",
                               S(function), ") < 0"),
                  node);
        }
        ClearAndFree(value);
      }
    }
    MarkSite(node);
    Line(absl::StrCat(S(target), " = kiln::CallWithLists(", S(function), ", ", S(positional), ", ",
                      keywords >= 0 ? S(keywords) : "nullptr", ");"));
    ClearAndFree(function);
    ClearAndFree(positional);
    if (keywords >= 0) ClearAndFree(keywords);
    CheckSlot(target, node);
    return;
  }

  uint32_t positional_count = node->args.size;
  uint32_t keyword_count = node->keywords.size;
  std::string kwnames = "nullptr";
  if (keyword_count > 0) {
    // A tuple of the keyword names, made once per call site.
    std::vector<std::string> names;
    for (Node* keyword_node : node->keywords) {
      names.push_back(Str(keyword_node->As<ast::Keyword>()->arg));
    }
    std::vector<std::string> refs;
    for (const std::string& name : names) refs.push_back(module_->constants().Name(name));
    kwnames = module_->constants().Tuple(refs);
  }

  // obj.method(...): call without making a bound method (as LOAD_METHOD does); the
  // method is looked up before the arguments are evaluated, and a failed lookup is
  // reported at the attribute, as CPython does.
  if (const auto* attribute = node->func->As<ast::Attribute>()) {
    uint32_t total = 2 + positional_count + keyword_count;  // [callable, self, args...]
    int first = TempArray(total);
    Expr(attribute->value, first + 1);
    ErrorIf(absl::StrCat("kiln::LoadMethod(", module_->constants().Name(Mangle(attribute->attr)),
                         ", &", S(first), ") < 0"),
            attribute);
    std::set<int> late;
    for (uint32_t i = 0; i < positional_count; ++i) {
      ArgumentInto(node->args[i], first + 2 + i, &late);
    }
    for (uint32_t i = 0; i < keyword_count; ++i) {
      ArgumentInto(node->keywords[i]->As<ast::Keyword>()->value, first + 2 + positional_count + i,
                   &late);
    }
    FillLateArguments(late);
    MarkSite(node);
    Line(absl::StrCat(S(target), " = kiln::CallLoadedMethod(&", S(first), ", ", positional_count,
                      ", ", kwnames, ");"));
    for (uint32_t i = 0; i < total; ++i) Clear(first + i);
    FreeArray(first, total);
    CheckSlot(target, node);
    return;
  }

  uint32_t total = 2 + positional_count + keyword_count;  // [function, (offset slot), args...]
  int first = TempArray(total);
  Expr(node->func, first);
  std::set<int> late;
  for (uint32_t i = 0; i < positional_count; ++i) {
    ArgumentInto(node->args[i], first + 2 + i, &late);
  }
  for (uint32_t i = 0; i < keyword_count; ++i) {
    ArgumentInto(node->keywords[i]->As<ast::Keyword>()->value, first + 2 + positional_count + i,
                 &late);
  }
  FillLateArguments(late);
  MarkSite(node);
  Line(absl::StrCat(S(target), " = PyObject_Vectorcall(", S(first), ", &", S(first + 2), ", ",
                    positional_count, " | PY_VECTORCALL_ARGUMENTS_OFFSET, ", kwnames, ");"));
  for (uint32_t i = 0; i < total; ++i) {
    if (i != 1) Clear(first + i);
  }
  FreeArray(first, total);
  CheckSlot(target, node);
}

void FunctionGenerator::MakeFunctionObject(const Node* node, const sema::Scope* child, int target,
                                           const std::string& qualname) {
  const ast::Arguments* arguments = nullptr;
  const Node* returns = nullptr;
  const ast::NodeList* body = nullptr;
  if (const auto* def = AsDef(node)) {
    arguments = def->args->As<ast::Arguments>();
    returns = def->returns;
    body = &def->body;
  } else if (const auto* lambda = node->As<ast::Lambda>()) {
    arguments = lambda->args->As<ast::Arguments>();
  }
  std::string c_name = module_->AddFunction(child, qualname);
  if (module_->failed()) return;

  int defaults = -1, keyword_defaults = -1, annotations = -1;
  if (arguments && arguments->defaults.size > 0) {
    defaults = Temp();
    BuildSequence(arguments->defaults, Kind::kTuple, defaults, node);
  }
  if (arguments) {
    bool any = false;
    for (Node* value : arguments->kw_defaults) any = any || value != nullptr;
    if (any) {
      keyword_defaults = Temp();
      Line(absl::StrCat(S(keyword_defaults), " = PyDict_New();"));
      CheckSlot(keyword_defaults, node);
      for (uint32_t i = 0; i < arguments->kwonlyargs.size; ++i) {
        if (arguments->kw_defaults[i] == nullptr) continue;
        int value = ExprTemp(arguments->kw_defaults[i]);
        std::string name = Mangle(arguments->kwonlyargs[i]->As<ast::Arg>()->arg);
        ErrorIf(absl::StrCat("PyDict_SetItem(", S(keyword_defaults), ", ",
                             module_->constants().Name(name), ", ", S(value), ") < 0"),
                node);
        ClearAndFree(value);
      }
    }
    // Annotations, evaluated now, in parameter order, then 'return'.
    std::vector<std::pair<std::string, const Node*>> items =
        lower::AnnotationItems(arguments, returns, scope_->private_name);
    if (!items.empty()) {
      annotations = Temp();
      Line(absl::StrCat(S(annotations), " = PyDict_New();"));
      CheckSlot(annotations, node);
      for (const auto& [name, expression] : items) {
        int value = AnnotationTemp(expression);
        ErrorIf(absl::StrCat("PyDict_SetItem(", S(annotations), ", ", module_->constants().Name(name),
                             ", ", S(value), ") < 0"),
                node);
        ClearAndFree(value);
      }
    }
  }

  // The closure: the cells of the child's free variables, in co_freevars order.
  std::vector<std::string> free_names = child->NamesWithScope(sema::NameScope::kFree);
  int closure = -1;
  if (!free_names.empty()) {
    closure = Temp();
    Line(absl::StrCat(S(closure), " = PyTuple_New(", free_names.size(), ");"));
    CheckSlot(closure, node);
    for (size_t i = 0; i < free_names.size(); ++i) {
      int cell = LocalSlot(is_class() ? "free:" + free_names[i] : free_names[i]);
      if (is_class() && cell < 0) cell = LocalSlot(free_names[i]);
      if (cell < 0) {
        module_->Fail(node, "internal error: no cell for free variable '" + free_names[i] + "'");
        return;
      }
      Line(absl::StrCat("PyTuple_SET_ITEM(", S(closure), ", ", i, ", Py_NewRef(", S(cell), "));"));
    }
  }
  std::string doc = "nullptr";
  if (body && body->size > 0) {
    if (const auto* expr = (*body)[0]->As<ast::Expr>()) {
      if (const auto* constant = expr->value->As<ast::Constant>();
          constant && constant->value.type == ast::ConstantValue::Type::kStr) {
        doc = module_->constants().Text(constant->value.text);
      }
    }
  }
  Line(absl::StrCat(S(target), " = kiln::MakeFunction(", module_->constants().Code(module_->SpecName(c_name)),
                    ", ", c_name, ", globals, ", defaults >= 0 ? S(defaults) : "nullptr", ", ",
                    keyword_defaults >= 0 ? S(keyword_defaults) : "nullptr", ", ",
                    closure >= 0 ? S(closure) : "nullptr", ", ",
                    annotations >= 0 ? S(annotations) : "nullptr", ", ", doc, ");"));
  for (int slot : {defaults, keyword_defaults, closure, annotations}) {
    if (slot >= 0) ClearAndFree(slot);
  }
  CheckSlot(target, node);
}

void FunctionGenerator::Comprehension(const Node* node, int target) {
  const sema::Scope* child = module_->scopes().ScopeOf(node);
  const char* name = node->node_kind == Kind::kListComp  ? "<listcomp>"
                     : node->node_kind == Kind::kSetComp ? "<setcomp>"
                     : node->node_kind == Kind::kDictComp ? "<dictcomp>"
                                                          : "<genexpr>";
  const ast::NodeList* generators = nullptr;
  if (const auto* c = node->As<ast::ListComp>()) generators = &c->generators;
  if (const auto* c = node->As<ast::SetComp>()) generators = &c->generators;
  if (const auto* c = node->As<ast::DictComp>()) generators = &c->generators;
  if (const auto* c = node->As<ast::GeneratorExp>()) generators = &c->generators;
  // An async comprehension is a coroutine that is awaited here (an async generator
  // expression is not awaited); outside an async function it is an error.
  bool awaited = child->is_coroutine && node->node_kind != Kind::kGeneratorExp;
  if (awaited && !(is_generator() && scope_->is_coroutine)) {
    module_->Fail(node, "internal error: an awaited comprehension outside a coroutine");
    return;
  }
  bool async_outermost = (*generators)[0]->As<ast::Comprehension>()->is_async;
  int function = Temp();
  MakeFunctionObject(node, child, function, Qualname(name));
  if (module_->failed()) return;
  int iterable = ExprTemp((*generators)[0]->As<ast::Comprehension>()->iter);
  int iterator = Temp();
  Line(absl::StrCat(S(iterator), async_outermost ? " = kiln::GetAsyncIter(" : " = PyObject_GetIter(",
                    S(iterable), ");"));
  ClearAndFree(iterable);
  CheckSlot(iterator, node);
  if (awaited) {
    int coroutine = Temp();
    Line(absl::StrCat(S(coroutine), " = PyObject_Vectorcall(", S(function), ", &", S(iterator),
                      ", 1, nullptr);"));
    ClearAndFree(iterator);
    ClearAndFree(function);
    CheckSlot(coroutine, node);
    Await(node, coroutine, target);
    Free(coroutine);
    return;
  }
  Line(absl::StrCat(S(target), " = PyObject_Vectorcall(", S(function), ", &", S(iterator),
                    ", 1, nullptr);"));
  ClearAndFree(iterator);
  ClearAndFree(function);
  CheckSlot(target, node);
}

void FunctionGenerator::Expr(const Node* node, int target) {
  if (module_->failed()) return;
  switch (node->node_kind) {
    case Kind::kConstant:
      Constant(node->As<ast::Constant>(), target);
      return;
    case Kind::kName:
      // exit() and quit() come from _sitebuiltins (see runtime/main/interpreter.cc).
      if (node->As<ast::Name>()->id == "exit" || node->As<ast::Name>()->id == "quit") {
        module_->NoteImport("_sitebuiltins");
      }
      LoadName(node->As<ast::Name>()->id, target, node);
      return;
    case Kind::kAttribute: {
      const auto* attribute = node->As<ast::Attribute>();
      Operand value = OperandOf(attribute->value);
      Line(absl::StrCat(S(target), " = kiln::LoadAttribute(", S(value.slot), ", ",
                        module_->constants().Name(Mangle(attribute->attr)), ", ",
                        module_->NewAttributeCache(), ");"));
      Release(value);
      CheckSlot(target, node);
      return;
    }
    case Kind::kBinOp: {
      const auto* binary = node->As<ast::BinOp>();
      Operand left = OperandOf(binary->left);
      Operand right = OperandOf(binary->right);
      Line(absl::StrCat(S(target), " = ", BinaryFunction(binary->op, false), "(", S(left.slot), ", ",
                        S(right.slot), ");"));
      Release(left);
      Release(right);
      CheckSlot(target, node);
      return;
    }
    case Kind::kUnaryOp: {
      const auto* unary = node->As<ast::UnaryOp>();
      int operand = ExprTemp(unary->operand);
      switch (unary->op) {
        case ast::UnaryOpKind::kNot:
          Line("{");
          Line(absl::StrCat("  int truth = kiln::IsTrue(", S(operand), ");"));
          Line(absl::StrCat("  Py_CLEAR(", S(operand), ");"));
          Line(absl::StrCat("  if (truth < 0) { kline = ", Site(node), "; goto ", RaiseLabel(),
                            "; }"));
          Line(absl::StrCat("  ", S(target), " = Py_NewRef(truth ? Py_False : Py_True);"));
          Line("}");
          Free(operand);
          return;
        case ast::UnaryOpKind::kInvert:
          Line(absl::StrCat(S(target), " = PyNumber_Invert(", S(operand), ");"));
          break;
        case ast::UnaryOpKind::kUAdd:
          Line(absl::StrCat(S(target), " = PyNumber_Positive(", S(operand), ");"));
          break;
        case ast::UnaryOpKind::kUSub:
          Line(absl::StrCat(S(target), " = PyNumber_Negative(", S(operand), ");"));
          break;
      }
      ClearAndFree(operand);
      CheckSlot(target, node);
      return;
    }
    case Kind::kBoolOp: {
      const auto* boolop = node->As<ast::BoolOp>();
      std::string done = NewLabel("boolop_done");
      for (uint32_t i = 0; i < boolop->values.size; ++i) {
        Expr(boolop->values[i], target);
        if (i + 1 == boolop->values.size) break;
        Line("{");
        Line(absl::StrCat("  int truth = kiln::IsTrue(", S(target), ");"));
        Line(absl::StrCat("  if (truth < 0) { kline = ", Site(boolop->values[i]), "; goto ",
                          RaiseLabel(), "; }"));
        Line(absl::StrCat("  if (", boolop->op == ast::BoolOpKind::kAnd ? "!truth" : "truth",
                          ") goto ", done, ";"));
        Line("}");
        Clear(target);
      }
      Label(done);
      return;
    }
    case Kind::kCompare:
      Compare(node->As<ast::Compare>(), target);
      return;
    case Kind::kCall:
      Call(node->As<ast::Call>(), target);
      return;
    case Kind::kIfExp: {
      const auto* ifexp = node->As<ast::IfExp>();
      std::string orelse = NewLabel("ifexp_else");
      std::string done = NewLabel("ifexp_done");
      BranchIfFalse(ifexp->test, orelse);
      Expr(ifexp->body, target);
      Line(absl::StrCat("goto ", done, ";"));
      Label(orelse);
      Expr(ifexp->orelse, target);
      Label(done);
      return;
    }
    case Kind::kTuple:
      BuildSequence(node->As<ast::Tuple>()->elts, Kind::kTuple, target, node);
      return;
    case Kind::kList:
      BuildSequence(node->As<ast::List>()->elts, Kind::kList, target, node);
      return;
    case Kind::kSet:
      BuildSequence(node->As<ast::Set>()->elts, Kind::kSet, target, node);
      return;
    case Kind::kDict:
      BuildDict(node->As<ast::Dict>(), target);
      return;
    case Kind::kSubscript:
      Subscript(node->As<ast::Subscript>(), target);
      return;
    case Kind::kSlice:
      SliceInto(node->As<ast::Slice>(), target);
      return;
    case Kind::kJoinedStr:
      JoinedStr(node->As<ast::JoinedStr>(), target);
      return;
    case Kind::kFormattedValue:
      FormattedValue(node->As<ast::FormattedValue>(), target);
      return;
    case Kind::kNamedExpr: {
      const auto* named = node->As<ast::NamedExpr>();
      Expr(named->value, target);
      int copy = Temp();
      Line(absl::StrCat(S(copy), " = Py_NewRef(", S(target), ");"));
      StoreName(named->target->As<ast::Name>()->id, copy, node);
      Free(copy);
      return;
    }
    case Kind::kLambda: {
      const sema::Scope* child = module_->scopes().ScopeOf(node);
      MakeFunctionObject(node, child, target, Qualname("<lambda>"));
      return;
    }
    case Kind::kListComp:
    case Kind::kSetComp:
    case Kind::kDictComp:
    case Kind::kGeneratorExp:
      Comprehension(node, target);
      return;
    case Kind::kYield: {
      const auto* yield = node->As<ast::Yield>();
      int value = Temp();
      if (yield->value) {
        Expr(yield->value, value);
      } else {
        Line(absl::StrCat(S(value), " = Py_NewRef(Py_None);"));
      }
      Yield(node, value, target);
      Free(value);
      return;
    }
    case Kind::kYieldFrom: {
      int iterable = ExprTemp(node->As<ast::YieldFrom>()->value);
      YieldFrom(node, iterable, target);
      Free(iterable);
      return;
    }
    case Kind::kStarred:  // sema rejects the invalid ones; `*args: *Ts` is valid
      Unsupported(node, "a starred expression here");
      return;
    case Kind::kAwait: {
      int awaitable = ExprTemp(node->As<ast::Await>()->value);
      Await(node, awaitable, target);
      Free(awaitable);
      return;
    }
    default:
      Unsupported(node, absl::StrCat("expression ", ast::KindName(node->node_kind)));
      return;
  }
}

// ----------------------------------------------------------------------------
// Generators

void FunctionGenerator::Yield(const Node* node, int value, int target) {
  if (!is_generator()) {
    Unsupported(node, "'yield' here");
    return;
  }
  // The resume loop yields the value (wrapped first in an async generator) and calls
  // the body again at this point (runtime/objects/generator.h).
  Suspend(node);
  Line(absl::StrCat("{ PyObject* yielded = ", S(value), "; ", S(value), " = nullptr; return yielded; }"));
  Resumed(node, target);
}

void FunctionGenerator::YieldFrom(const Node* node, int iterable, int target,
                                  const char* get_iterator) {
  if (!is_generator()) {
    Unsupported(node, "'yield from' here");
    return;
  }
  if (scope_->is_coroutine && Str(get_iterator) == "kiln::GetYieldFromIter") {
    module_->Fail(node, "internal error: 'yield from' in a coroutine");
    return;
  }
  // The delegate goes to the resume loop, which runs CPython's SEND loop with it (so
  // throw(), close() and gi_yieldfrom/cr_await reach it) and calls the body again here
  // with its return value.
  // A delegate already made (get_iterator "") is taken over with its slot; an iterable's
  // slot stays the caller's.
  if (*get_iterator == '\0') {
    Line(absl::StrCat(S(handoff_slot_), " = ", S(iterable), "; ", S(iterable), " = nullptr;"));
    Free(iterable);
  } else {
    Line(absl::StrCat(S(handoff_slot_), " = ", get_iterator, "(", S(iterable), ");"));
    Clear(iterable);
    CheckSlot(handoff_slot_, node);
  }
  Suspend(node, /*delegating=*/true);
  Line("return kiln::GeneratorDelegate();");
  Resumed(node, target);
}

void FunctionGenerator::Suspend(const Node* node, bool delegating) {
  int state = ++resume_count_;
  if (state > 256) {
    ErrorIf(absl::StrCat("!kiln::SetGeneratorState(&", S(state_slot_), ", ", state, ")"), node);
  } else {
    Line(absl::StrCat("kiln::SetGeneratorState(&", S(state_slot_), ", ", state, ");"));
  }
  Line(absl::StrCat("kf.Suspend(", node->lineno, ", ", delegating ? "true" : "false", ");"));
}

// Resumed after a yield: `sent` is the value sent in, or NULL with the exception thrown
// in (throw(), close(), or raised by the delegate), raised here.
void FunctionGenerator::Resumed(const Node* node, int target) {
  Label(absl::StrCat("resume_", resume_count_));
  Line(absl::StrCat("if (!sent) { kline = ", Site(node), "; goto ", RaiseLabel(), "; }"));
  Line(absl::StrCat(S(target), " = Py_NewRef(sent);"));
}

// ----------------------------------------------------------------------------
// Statements

void FunctionGenerator::Statements(const ast::NodeList& body) {
  for (Node* statement : body) {
    if (module_->failed()) return;
    Statement(statement);
  }
}

void FunctionGenerator::Assign(const Node* target, int value) {
  switch (target->node_kind) {
    case Kind::kName:
      StoreName(target->As<ast::Name>()->id, value, target);
      return;
    case Kind::kAttribute: {
      const auto* attribute = target->As<ast::Attribute>();
      Operand object = OperandOf(attribute->value);
      ErrorIf(absl::StrCat("kiln::StoreAttribute(", S(object.slot), ", ",
                           module_->constants().Name(Mangle(attribute->attr)), ", ", S(value), ", ",
                           module_->NewAttributeCache(), ") < 0"),
              target);
      Clear(value);
      Release(object);
      return;
    }
    case Kind::kSubscript: {
      const auto* subscript = target->As<ast::Subscript>();
      int object = ExprTemp(subscript->value);
      int index = ExprTemp(subscript->slice);
      ErrorIf(absl::StrCat("kiln::SetItem(", S(object), ", ", S(index), ", ", S(value), ") < 0"),
              target);
      Clear(value);
      ClearAndFree(object);
      ClearAndFree(index);
      return;
    }
    case Kind::kTuple:
    case Kind::kList: {
      const ast::NodeList& elements = target->node_kind == Kind::kTuple
                                          ? target->As<ast::Tuple>()->elts
                                          : target->As<ast::List>()->elts;
      int star = -1;
      for (uint32_t i = 0; i < elements.size; ++i) {
        if (elements[i]->As<ast::Starred>()) {
          if (star >= 0) {
            module_->Fail(elements[i], "internal error: two starred assignment targets");
            return;
          }
          star = static_cast<int>(i);
        }
      }
      int first = TempArray(elements.size ? elements.size : 1);
      if (star < 0) {
        ErrorIf(absl::StrCat("kiln::UnpackSequence(", S(value), ", ", elements.size, ", &", S(first),
                             ") < 0"),
                target);
      } else {
        ErrorIf(absl::StrCat("kiln::UnpackStarred(", S(value), ", ", star, ", ",
                             elements.size - star - 1, ", &", S(first), ") < 0"),
                target);
      }
      Clear(value);
      for (uint32_t i = 0; i < elements.size; ++i) {
        const Node* element = elements[i];
        if (const auto* starred = element->As<ast::Starred>()) element = starred->value;
        Assign(element, first + i);
      }
      FreeArray(first, elements.size ? elements.size : 1);
      return;
    }
    case Kind::kStarred:
      module_->Fail(target, "internal error: a starred assignment target outside a list or tuple");
      return;
    default:
      Unsupported(target, absl::StrCat("assignment to ", ast::KindName(target->node_kind)));
      return;
  }
}

void FunctionGenerator::AugAssign(const ast::AugAssign* node) {
  const Node* target = node->target;
  int result = Temp();
  const auto* target_name = target->As<ast::Name>();
  if (target_name && node->op == ast::OperatorKind::kAdd && !is_module() && !is_class() &&
      scope_->Resolve(Mangle(target_name->id)) == sema::NameScope::kLocal) {
    // `local += value`: in place, so that building a str in a loop stays linear.
    int slot = LocalSlot(Mangle(target_name->id));
    std::string constant = module_->constants().Name(Mangle(target_name->id));
    Line(absl::StrCat("if (!", S(slot), ") { kiln::RaiseUnboundLocal(", constant, "); kline = ",
                      Site(target), "; goto ", RaiseLabel(), "; }"));
    int value = ExprTemp(node->value);
    ErrorIf(absl::StrCat("kiln::InPlaceAddLocal(&", S(slot), ", ", S(value), ") < 0"), node);
    ClearAndFree(value);
    Free(result);
    return;
  }
  if (const auto* name = target->As<ast::Name>()) {
    int current = Temp();
    LoadName(name->id, current, target);
    int value = ExprTemp(node->value);
    BinaryOp(node->op, current, value, result, node, true);
    Free(current);
    Free(value);
    StoreName(name->id, result, node);
  } else if (const auto* attribute = target->As<ast::Attribute>()) {
    int object = ExprTemp(attribute->value);
    std::string attr = module_->constants().Name(Mangle(attribute->attr));
    int current = Temp();
    Line(absl::StrCat(S(current), " = PyObject_GetAttr(", S(object), ", ", attr, ");"));
    CheckSlot(current, target);
    int value = ExprTemp(node->value);
    BinaryOp(node->op, current, value, result, node, true);
    Free(current);
    Free(value);
    ErrorIf(absl::StrCat("PyObject_SetAttr(", S(object), ", ", attr, ", ", S(result), ") < 0"), node);
    Clear(result);
    ClearAndFree(object);
  } else if (const auto* subscript = target->As<ast::Subscript>()) {
    int object = ExprTemp(subscript->value);
    int index = ExprTemp(subscript->slice);
    int current = Temp();
    Line(absl::StrCat(S(current), " = PyObject_GetItem(", S(object), ", ", S(index), ");"));
    CheckSlot(current, target);
    int value = ExprTemp(node->value);
    BinaryOp(node->op, current, value, result, node, true);
    Free(current);
    Free(value);
    ErrorIf(absl::StrCat("kiln::SetItem(", S(object), ", ", S(index), ", ", S(result), ") < 0"),
            node);
    Clear(result);
    ClearAndFree(object);
    ClearAndFree(index);
  } else {
    Unsupported(node, "this augmented assignment target");
  }
  Free(result);
}

void FunctionGenerator::AnnAssign(const ast::AnnAssign* node) {
  // Module and class bodies record simple annotations in __annotations__; function
  // bodies do not evaluate them (as CPython).
  if (node->value) {
    int value = ExprTemp(node->value);
    Assign(node->target, value);
    Free(value);
  } else if (const auto* attribute = node->target->As<ast::Attribute>()) {
    // Without a value, an attribute or subscript target's object (and index) is still
    // evaluated, in every scope.
    ClearAndFree(ExprTemp(attribute->value));
  } else if (const auto* subscript = node->target->As<ast::Subscript>()) {
    ClearAndFree(ExprTemp(subscript->value));
    // The index, a slice's bounds and a tuple's items one by one, in source order.
    std::function<void(const Node*)> evaluate = [&](const Node* index) {
      if (const auto* slice = index->As<ast::Slice>()) {
        for (const Node* bound : {slice->lower, slice->upper, slice->step}) {
          if (bound) evaluate(bound);
        }
      } else if (const auto* tuple = index->As<ast::Tuple>()) {
        for (const Node* item : tuple->elts) evaluate(item);
      } else {
        ClearAndFree(ExprTemp(index));
      }
    };
    evaluate(subscript->slice);
  }
  if (is_module() || is_class()) {
    if (const auto* name = node->target->As<ast::Name>(); name && node->simple) {
      int annotation = AnnotationTemp(node->annotation);
      int annotations = Temp();
      std::string dunder = module_->constants().Name("__annotations__");
      if (is_module()) {
        Line(absl::StrCat(S(annotations), " = kiln::LoadGlobal(globals, ", dunder, ");"));
      } else {
        Line(absl::StrCat(S(annotations), " = kiln::LoadName(ns, globals, ", dunder, ");"));
      }
      CheckSlot(annotations, node);
      ErrorIf(absl::StrCat("PyObject_SetItem(", S(annotations), ", ",
                           module_->constants().Name(Mangle(name->id)), ", ", S(annotation), ") < 0"),
              node);
      ClearAndFree(annotations);
      ClearAndFree(annotation);
    } else if (!module_->scopes().future_annotations()) {
      // Complex targets: the annotation is evaluated and dropped (not made a string
      // under `from __future__ import annotations`).
      int annotation = ExprTemp(node->annotation);
      ClearAndFree(annotation);
    }
  }
}

void FunctionGenerator::Delete(const Node* target) {
  switch (target->node_kind) {
    case Kind::kName:
      DeleteName(target->As<ast::Name>()->id, target);
      return;
    case Kind::kAttribute: {
      const auto* attribute = target->As<ast::Attribute>();
      int object = ExprTemp(attribute->value);
      ErrorIf(absl::StrCat("PyObject_SetAttr(", S(object), ", ",
                           module_->constants().Name(Mangle(attribute->attr)), ", nullptr) < 0"),
              target);
      ClearAndFree(object);
      return;
    }
    case Kind::kSubscript: {
      const auto* subscript = target->As<ast::Subscript>();
      int object = ExprTemp(subscript->value);
      int index = ExprTemp(subscript->slice);
      ErrorIf(absl::StrCat("PyObject_DelItem(", S(object), ", ", S(index), ") < 0"), target);
      ClearAndFree(object);
      ClearAndFree(index);
      return;
    }
    case Kind::kTuple:
      for (Node* element : target->As<ast::Tuple>()->elts) Delete(element);
      return;
    case Kind::kList:
      for (Node* element : target->As<ast::List>()->elts) Delete(element);
      return;
    default:
      Unsupported(target, "this del target");
  }
}

void FunctionGenerator::FunctionDef(const Node* node) {
  const auto* def = AsDef(node);
  const sema::Scope* child = module_->scopes().ScopeOf(node);
  // Decorators are evaluated first, applied last, innermost first.
  std::vector<int> decorators;
  for (Node* decorator : def->decorator_list) decorators.push_back(ExprTemp(decorator));
  int function = Temp();
  MakeFunctionObject(node, child, function, Qualname(Str(def->name)));
  for (size_t i = decorators.size(); i-- > 0;) {
    int result = Temp();
    Line(absl::StrCat(S(result), " = PyObject_CallOneArg(", S(decorators[i]), ", ", S(function),
                      ");"));
    ClearAndFree(decorators[i]);
    Clear(function);
    CheckSlot(result, def->decorator_list[i]);
    Line(absl::StrCat(S(function), " = ", S(result), "; ", S(result), " = nullptr;"));
    Free(result);
  }
  StoreName(def->name, function, node);
  Free(function);
}

void FunctionGenerator::ClassDef(const ast::ClassDef* node) {
  const sema::Scope* child = module_->scopes().ScopeOf(node);
  std::vector<int> decorators;
  for (Node* decorator : node->decorator_list) decorators.push_back(ExprTemp(decorator));
  int function = Temp();
  MakeFunctionObject(node, child, function, Qualname(Str(node->name)));
  if (module_->failed()) return;
  int bases = Temp();
  BuildSequence(node->bases, Kind::kTuple, bases, node);
  int keywords = -1;
  if (node->keywords.size > 0) {
    keywords = Temp();
    Line(absl::StrCat(S(keywords), " = PyDict_New();"));
    CheckSlot(keywords, node);
    for (Node* keyword_node : node->keywords) {
      const auto* keyword = keyword_node->As<ast::Keyword>();
      int value = ExprTemp(keyword->value);
      if (keyword->arg.data() == nullptr) {
        ErrorIf(absl::StrCat("kiln::MergeCallKwargs(", S(keywords), ", ", S(value), ", nullptr) < 0"),
                keyword_node);
      } else {
        ErrorIf(absl::StrCat("kiln::AddCallKeyword(", S(keywords), ", ",
                             module_->constants().Name(keyword->arg), ", ", S(value),
                             ", nullptr) < 0"),
                keyword_node);
      }
      ClearAndFree(value);
    }
  }
  int klass = Temp();
  std::string body_name = module_->CNameOf(child);
  Line(absl::StrCat(S(klass), " = kiln::BuildClass(", S(function), ", ", body_name, "_body, ",
                    module_->constants().Name(Str(node->name)), ", ", S(bases), ", ",
                    keywords >= 0 ? S(keywords) : "nullptr", ");"));
  ClearAndFree(function);
  ClearAndFree(bases);
  if (keywords >= 0) ClearAndFree(keywords);
  CheckSlot(klass, node);
  for (size_t i = decorators.size(); i-- > 0;) {
    int result = Temp();
    Line(absl::StrCat(S(result), " = PyObject_CallOneArg(", S(decorators[i]), ", ", S(klass), ");"));
    ClearAndFree(decorators[i]);
    Clear(klass);
    CheckSlot(result, node->decorator_list[i]);
    Line(absl::StrCat(S(klass), " = ", S(result), "; ", S(result), " = nullptr;"));
    Free(result);
  }
  StoreName(node->name, klass, node);
  Free(klass);
}

void FunctionGenerator::Return(const ast::Return* node) {
  if (scope_->kind != sema::ScopeKind::kFunction) {
    module_->Fail(node, "internal error: 'return' outside a function");
    return;
  }
  if (node->value && is_async_generator()) {
    module_->Fail(node, "internal error: 'return' with a value in an async generator");
    return;
  }
  int value = Temp();
  if (node->value) {
    Expr(node->value, value);
  } else {
    Line(absl::StrCat(S(value), " = Py_NewRef(Py_None);"));
  }
  if (LeavesStarHandler(1, node)) return;
  bool crosses_cleanup = false;
  for (const Block& block : blocks_) {
    crosses_cleanup = crosses_cleanup || block.type == Block::kFinally ||
                      block.type == Block::kWith || block.type == Block::kHandler ||
                      block.type == Block::kAsyncWith;
  }
  if (crosses_cleanup) {
    // Hold the value while finally blocks and __exit__ run; they may replace it.
    int pending = NewSlot();
    Line(absl::StrCat(S(pending), " = ", S(value), "; ", S(value), " = nullptr;"));
    LeaveBlocks(1);
    Line(absl::StrCat("retval = ", S(pending), "; ", S(pending), " = nullptr;"));
  } else {
    LeaveBlocks(1);
    Line(absl::StrCat("retval = ", S(value), "; ", S(value), " = nullptr;"));
  }
  Free(value);
  Line("goto done;");
}

void FunctionGenerator::If(const ast::If* node) {
  std::string orelse = NewLabel("else");
  std::string done = NewLabel("endif");
  BranchIfFalse(node->test, orelse);
  Statements(node->body);
  Line(absl::StrCat("goto ", done, ";"));
  Label(orelse);
  Statements(node->orelse);
  Label(done);
}

void FunctionGenerator::While(const ast::While* node) {
  std::string top = NewLabel("while");
  std::string orelse = NewLabel("while_else");
  std::string end = NewLabel("while_end");
  Label(top);
  BranchIfFalse(node->test, orelse);
  Block block{Block::kLoop};
  block.id = label_count_++;
  block.break_label = end;
  block.continue_label = top;
  blocks_.push_back(block);
  Statements(node->body);
  Line(absl::StrCat("goto ", top, ";"));
  EmitErrorLabels(blocks_.size() - 1);
  blocks_.pop_back();
  Label(orelse);
  Statements(node->orelse);
  Label(end);
}

void FunctionGenerator::For(const ast::For* node) { ForLoop(node, /*is_async=*/false); }

// The next item of a loop's iterator into `item` (NULL before); when the iterator is
// exhausted, jumps to `exhausted` (releasing the iterator first when `release_iterator`).
// `async for` awaits __anext__() and ends on StopAsyncIteration (END_ASYNC_FOR).
void FunctionGenerator::NextItem(const Node* node, int iterator, int item, bool is_async,
                                 bool release_iterator, const std::string& exhausted) {
  std::string release = release_iterator ? "Py_CLEAR(" + S(iterator) + "); " : "";
  if (!is_async) {
    Line("{");
    Line(absl::StrCat("  int status = kiln::IterNext(", S(iterator), ", &", S(item), ");"));
    Line(absl::StrCat("  if (status < 0) { kline = ", Site(node), "; goto ", RaiseLabel(), "; }"));
    Line(absl::StrCat("  if (status == 0) { ", release, "goto ", exhausted, "; }"));
    Line("}");
    return;
  }
  Block next{Block::kTryExcept};
  next.id = label_count_++;
  blocks_.push_back(next);
  int awaitable = Temp();
  Line(absl::StrCat(S(awaitable), " = kiln::AsyncNextAwaitable(", S(iterator), ");"));
  CheckSlot(awaitable, node);
  YieldFrom(node, awaitable, item, "");
  blocks_.pop_back();
  std::string got = NewLabel("async_item");
  Line(absl::StrCat("goto ", got, ";"));
  Label(absl::StrCat("raise_", next.id));
  Line(absl::StrCat("if (PyErr_ExceptionMatches(PyExc_StopAsyncIteration)) { PyErr_Clear(); ",
                    release, "goto ", exhausted, "; }"));
  Line("kiln::AddTraceback(code, globals, kline);");
  Line("KILN_CLEAR_TEMPS();");
  Line(absl::StrCat("goto ", UnwindLabelOf(blocks_.size() - 1), ";"));
  Label(got);
}

// `for` and `async for`: the iterator lives in a loop block that releases it on break,
// return and errors.
void FunctionGenerator::ForLoop(const ast::For* node, bool is_async) {
  int iterable = ExprTemp(node->iter);
  int iterator = NewSlot();
  Line(absl::StrCat(S(iterator), is_async ? " = kiln::GetAsyncIter(" : " = PyObject_GetIter(",
                    S(iterable), ");"));
  ClearAndFree(iterable);
  CheckSlot(iterator, node);  // CPython: GET_ITER and FOR_ITER are at the for statement
  std::string top = NewLabel("for");
  std::string orelse = NewLabel("for_else");
  std::string end = NewLabel("for_end");
  Block block{Block::kLoop};
  block.id = label_count_++;
  block.break_label = end;
  block.continue_label = top;
  block.iterator_slot = iterator;
  blocks_.push_back(block);
  Label(top);
  int item = Temp();
  NextItem(node, iterator, item, is_async, /*release_iterator=*/true, orelse);
  Assign(node->target, item);
  Free(item);
  Statements(node->body);
  Line(absl::StrCat("goto ", top, ";"));
  EmitErrorLabels(blocks_.size() - 1);
  blocks_.pop_back();
  Label(orelse);
  Statements(node->orelse);
  Label(end);
}

// Emits the raise/unwind labels of block `index` (after its body), which run its
// exit actions for an exception and continue to the enclosing block's unwind label.
void FunctionGenerator::EmitErrorLabels(size_t index) {
  Block& block = blocks_[index];
  std::string skip = NewLabel("no_error");
  Line(absl::StrCat("goto ", skip, ";"));
  ErrorEntry(block.id);
  std::string outer = UnwindLabelOf(index - 1);
  switch (block.type) {
    case Block::kLoop:
      if (block.iterator_slot >= 0) Clear(block.iterator_slot);
      break;
    case Block::kPendingValue:
      Clear(block.value_slot);
      break;
    default:
      break;
  }
  Line(absl::StrCat("goto ", outer, ";"));
  Label(skip);
}

// `except E as name`: the name is unbound when the handler ends, also by an exception.
void FunctionGenerator::UnbindHandlerName(const Block& handler) {
  if (handler.handler_name.empty()) return;
  std::string name = Mangle(handler.handler_name);
  if (!is_module() && !is_class() && LocalSlot(name) >= 0 &&
      scope_->Resolve(name) == sema::NameScope::kLocal) {
    Clear(LocalSlot(name));
    return;
  }
  int none = Temp();
  Line(absl::StrCat(S(none), " = Py_NewRef(Py_None);"));
  StoreName(handler.handler_name, none, handler.node);
  Free(none);
  DeleteName(handler.handler_name, handler.node);
}

bool FunctionGenerator::LeavesStarHandler(size_t stop, const Node* node) {
  for (size_t i = stop; i < blocks_.size(); ++i) {
    if (blocks_[i].is_star) {
      module_->Fail(node, "internal error: leaving an except* block");
      return true;
    }
  }
  return false;
}

// try/except*: the caught exception is split among the handlers (ExceptStarMatch); each
// handler runs with its part as the handled exception; what the handlers raise and the
// unhandled rest are combined by ExceptStarResult and raised, or nothing when all was
// handled.
template <typename TryNode>
void FunctionGenerator::Try(const TryNode* node, bool star) {
  bool has_finally = node->finalbody.size > 0;
  std::string end = NewLabel("try_end");
  size_t finally_index = 0;
  int saved_exception = -1, saved_previous = -1;
  if (has_finally) {
    Block block{Block::kFinally};
    block.id = label_count_++;
    block.final_body = &node->finalbody;
    blocks_.push_back(block);
    finally_index = blocks_.size() - 1;
  }

  if (node->handlers.size > 0) {
    Block block{Block::kTryExcept};
    block.id = label_count_++;
    blocks_.push_back(block);
    size_t try_index = blocks_.size() - 1;
    std::string orelse = NewLabel("try_else");
    Statements(node->body);
    Line(absl::StrCat("goto ", orelse, ";"));
    // An exception in the body: find the handler.
    ErrorEntry(blocks_[try_index].id);
    blocks_.pop_back();
    int exception = NewSlot();
    int previous = NewSlot();
    Line(absl::StrCat(S(exception), " = kiln::FetchException();"));
    Line(absl::StrCat(S(previous), " = kiln::SaveHandled();"));
    Line(absl::StrCat("PyErr_SetHandledException(", S(exception), ");"));
    std::string handled_end = NewLabel("handled");
    // except*: what is left to match, and what the handlers raised.
    int rest = -1, raised = -1;
    // While the clauses are matched (their types evaluated, handlers entered), an error
    // releases the caught exception: the matching block.
    std::string outer_unwind = UnwindLabelOf(blocks_.size() - 1);
    Block matching{Block::kMatching};
    matching.id = label_count_++;
    blocks_.push_back(matching);
    if (star) {
      rest = NewSlot();
      raised = NewSlot();
      Line(absl::StrCat(S(rest), " = Py_NewRef(", S(exception), ");"));
      Line(absl::StrCat(S(raised), " = PyList_New(0);"));
      Line(absl::StrCat("if (", S(raised), " == nullptr) { kline = ", Site(node), "; goto ",
                        RaiseLabel(), "; }"));
    }
    for (Node* handler_node : node->handlers) {
      const auto* handler = handler_node->As<ast::ExceptHandler>();
      std::string next = NewLabel("next_handler");
      int caught = exception;  // what the handler binds
      if (star) {
        int type = ExprTemp(handler->type);
        caught = NewSlot();
        Line("{");
        Line(absl::StrCat("  int status = kiln::ExceptStarMatch(&", S(rest), ", ", S(type), ", &",
                          S(caught), ");"));
        Line(absl::StrCat("  Py_CLEAR(", S(type), ");"));
        Line(absl::StrCat("  if (status < 0) { kline = ", Site(handler->type), "; goto ", RaiseLabel(),
                          "; }"));
        Line(absl::StrCat("  if (", S(caught), " == nullptr) goto ", next, ";"));
        Line("}");
        Line(absl::StrCat("PyErr_SetHandledException(", S(caught), ");"));
        Free(type);
      } else if (handler->type) {
        // The frame is at the clause while it is tested (its line when none matches).
        MarkSite(handler_node);
        int type = ExprTemp(handler->type);
        // Errors while matching happen with the exception still being handled.
        Line("{");
        Line(absl::StrCat("  int match = kiln::ExceptionMatches(", S(exception), ", ", S(type), ");"));
        Line(absl::StrCat("  Py_CLEAR(", S(type), ");"));
        Line(absl::StrCat("  if (match < 0) { kline = ", Site(handler->type), "; goto ", RaiseLabel(),
                          "; }"));
        Line(absl::StrCat("  if (!match) goto ", next, ";"));
        Line("}");
        Free(type);
      }
      Block handler_block{Block::kHandler};
      handler_block.id = label_count_++;
      handler_block.exception_slot = exception;
      handler_block.previous_slot = previous;
      handler_block.node = handler_node;
      handler_block.is_star = star;
      if (handler->name.data() != nullptr) {
        handler_block.handler_name = Str(handler->name);
        int bound = Temp();
        Line(absl::StrCat(S(bound), " = Py_NewRef(", S(caught), ");"));
        StoreName(handler->name, bound, handler_node);
        Free(bound);
      }
      blocks_.push_back(handler_block);
      Statements(handler->body);
      size_t handler_index = blocks_.size() - 1;
      Block finished = blocks_[handler_index];
      blocks_.pop_back();
      if (star) {
        // The next except* clause matches what is left.
        UnbindHandlerName(finished);
        Line(absl::StrCat("goto ", next, ";"));
      } else {
        LeaveBlock(finished);
        Line(absl::StrCat("goto ", handled_end, ";"));
      }
      // An exception inside the handler: restore the handled exception, drop the name.
      ErrorEntry(finished.id);
      if (star) {
        // except*: collected, raised with the rest at the end.
        int pending = Temp();
        Line(absl::StrCat(S(pending), " = kiln::FetchException();"));
        Line(absl::StrCat("if (PyList_Append(", S(raised), ", ", S(pending), ") < 0) PyErr_Clear();"));
        ClearAndFree(pending);
        UnbindHandlerName(finished);
        Line(absl::StrCat("goto ", next, ";"));
      } else {
        ReraiseRestoringHandled(previous, {previous, exception}, [&] { UnbindHandlerName(finished); },
                                outer_unwind);
      }
      Label(next);
      if (star) ClearAndFree(caught);
    }
    Block matched = blocks_.back();
    blocks_.pop_back();
    std::string after_matching = NewLabel("matched");
    Line(absl::StrCat("goto ", after_matching, ";"));
    ErrorEntry(matched.id);
    ReraiseRestoringHandled(previous, {previous, exception, rest, raised}, [] {}, outer_unwind);
    Label(after_matching);
    Line(absl::StrCat("PyErr_SetHandledException(", S(previous), ");"));
    Clear(previous);
    if (star) {
      // Raise what the handlers raised and what none of them matched, if anything.
      int result = Temp();
      Line(absl::StrCat(S(result), " = kiln::ExceptStarResult(", S(exception), ", ", S(raised), ", ",
                        S(rest), "); ", S(rest), " = nullptr;"));
      Clear(raised);
      Clear(exception);
      Line(absl::StrCat("if (", S(result), " == nullptr) { kline = ", Site(node), "; goto ",
                        RaiseLabel(), "; }"));
      Line(absl::StrCat("if (", S(result), " == Py_None) { Py_CLEAR(", S(result), "); goto ",
                        handled_end, "; }"));
      Line(absl::StrCat("kiln::RestoreException(", S(result), "); ", S(result), " = nullptr;"));
      Free(result);
    } else {
      // No handler matched: re-raise, keeping the traceback.
      Line(absl::StrCat("kiln::RestoreException(", S(exception), "); ", S(exception), " = nullptr;"));
    }
    Line(absl::StrCat("goto ", UnwindLabelOf(blocks_.size() - 1), ";"));
    Label(orelse);
    Statements(node->orelse);
    Label(handled_end);
  } else {
    Statements(node->body);
  }

  if (has_finally) {
    Block finally_block = blocks_[finally_index];
    blocks_.pop_back();
    // Normal exit: run the final body.
    Statements(node->finalbody);
    Line(absl::StrCat("goto ", end, ";"));
    // Exceptional exit: run it with the exception held (and handled), then re-raise.
    ErrorEntry(finally_block.id);
    saved_exception = NewSlot();
    saved_previous = NewSlot();
    Line(absl::StrCat(S(saved_exception), " = kiln::FetchException();"));
    Line(absl::StrCat(S(saved_previous), " = kiln::SaveHandled();"));
    Line(absl::StrCat("PyErr_SetHandledException(", S(saved_exception), ");"));
    Block holder{Block::kHandler};
    holder.id = label_count_++;
    holder.exception_slot = saved_exception;
    holder.previous_slot = saved_previous;
    holder.node = node;
    blocks_.push_back(holder);
    Statements(node->finalbody);
    blocks_.pop_back();
    // The re-raise is at the final body's last statement, as CPython places it.
    MarkSite(node->finalbody[node->finalbody.size - 1]);
    Line(absl::StrCat("PyErr_SetHandledException(", S(saved_previous), ");"));
    Clear(saved_previous);
    Line(absl::StrCat("kiln::RestoreException(", S(saved_exception), "); ", S(saved_exception),
                      " = nullptr;"));
    Line(absl::StrCat("goto ", UnwindLabelOf(blocks_.size() - 1), ";"));
    // An exception raised inside the final body replaces the held one.
    ErrorEntry(holder.id);
    ReraiseRestoringHandled(saved_previous, {saved_previous, saved_exception}, [] {},
                            UnwindLabelOf(blocks_.size() - 1));
  }
  Label(end);
}

// Shared by `with` and `async with`: the block around the body (binding the target is
// inside it, so an error there reaches __exit__ too), the normal exit through
// LeaveBlock, then the start of the exceptional exit (raise_N adds the traceback entry,
// unwind_N follows). The caller emits what unwind_N does; returns the label that ends
// the statement, for the caller to place.
std::string FunctionGenerator::WithBody(Block::Type type, const Node* node,
                                        const ast::WithItem* item, int exit, int entered,
                                        const std::function<void()>& inner) {
  Block block{type};
  block.id = label_count_++;
  block.exit_slot = exit;
  block.node = node;
  blocks_.push_back(block);
  if (item->optional_vars) {
    Assign(item->optional_vars, entered);
  } else {
    Clear(entered);
  }
  Free(entered);
  inner();
  Block finished = blocks_.back();
  blocks_.pop_back();
  LeaveBlock(finished);
  std::string end = NewLabel("with_end");
  Line(absl::StrCat("goto ", end, ";"));
  ErrorEntry(finished.id);
  return end;
}

void FunctionGenerator::With(const ast::With* node, uint32_t item_index) {
  if (item_index == node->items.size) {
    Statements(node->body);
    return;
  }
  const auto* item = node->items[item_index]->As<ast::WithItem>();
  int manager = ExprTemp(item->context_expr);
  int exit = NewSlot();
  int entered = Temp();
  Line(absl::StrCat(S(entered), " = kiln::EnterContext(", S(manager), ", &", S(exit), ");"));
  ClearAndFree(manager);
  CheckSlot(entered, node);
  std::string end = WithBody(Block::kWith, node, item, exit, entered,
                             [&] { With(node, item_index + 1); });
  {
    // __exit__(type, value, traceback); a true result swallows the exception.
    Line("{");
    Line(absl::StrCat("  int suppress = kiln::ExitWithException(", S(exit), ");"));
    Line(absl::StrCat("  Py_CLEAR(", S(exit), ");"));
    Line(absl::StrCat("  if (suppress < 0) { kline = ", Site(node), "; goto ", RaiseLabel(), "; }"));
    Line(absl::StrCat("  if (suppress == 0) goto ", UnwindLabelOf(blocks_.size() - 1), ";"));
    Line("}");
  }
  Label(end);
}

void FunctionGenerator::Raise(const ast::Raise* node) {
  if (!node->exc) {
    Line("kiln::ReRaise();");
    Line(absl::StrCat("goto ", UnwindLabelOf(blocks_.size() - 1), ";"));
    return;
  }
  int exception = ExprTemp(node->exc);
  int cause = -1;
  if (node->cause) cause = ExprTemp(node->cause);
  Line(absl::StrCat("kiln::Raise(", S(exception), ", ", cause >= 0 ? S(cause) : "nullptr", ");"));
  ClearAndFree(exception);
  if (cause >= 0) ClearAndFree(cause);
  Line(absl::StrCat("kline = ", Site(node), "; goto ", RaiseLabel(), ";"));
}

void FunctionGenerator::Assert(const ast::Assert* node) {
  std::string ok = NewLabel("assert_ok");
  std::string failed = NewLabel("assert_failed");
  BranchIfFalse(node->test, failed);
  Line(absl::StrCat("goto ", ok, ";"));
  Label(failed);
  int message = -1;
  if (node->msg) message = ExprTemp(node->msg);
  Line(absl::StrCat("kiln::RaiseAssertion(", message >= 0 ? S(message) : "nullptr", ");"));
  if (message >= 0) ClearAndFree(message);
  const Node* site = node;
  lower::LastJumpComparison(node->test, &site);
  Line(absl::StrCat("kline = ", Site(site), "; goto ", RaiseLabel(), ";"));
  Label(ok);
}

void FunctionGenerator::Import(const ast::Import* node) {
  for (Node* alias_node : node->names) {
    const auto* alias = alias_node->As<ast::Alias>();
    module_->NoteImport(Str(alias->name));
    int module = Temp();
    Line(absl::StrCat(S(module), " = kiln::ImportName(globals, ", module_->constants().Name(alias->name),
                      ", Py_None, 0);"));
    CheckSlot(module, node);
    if (alias->asname.data() != nullptr) {
      // import a.b.c as d: bind the submodule itself.
      std::string_view rest = alias->name;
      size_t dot = rest.find('.');
      while (dot != std::string_view::npos) {
        rest = rest.substr(dot + 1);
        dot = rest.find('.');
        std::string_view part = rest.substr(0, dot);
        int next = Temp();
        Line(absl::StrCat(S(next), " = kiln::ImportFrom(", S(module), ", ",
                          module_->constants().Name(part), ");"));
        Clear(module);
        CheckSlot(next, node);
        Line(absl::StrCat(S(module), " = ", S(next), "; ", S(next), " = nullptr;"));
        Free(next);
      }
      StoreName(alias->asname, module, node);
    } else {
      std::string_view top = alias->name.substr(0, alias->name.find('.'));
      StoreName(top, module, node);
    }
    Free(module);
  }
}

void FunctionGenerator::ImportFrom(const ast::ImportFrom* node) {
  int fromlist = Temp();
  std::vector<std::string> names;
  for (Node* alias_node : node->names) names.push_back(Str(alias_node->As<ast::Alias>()->name));
  {
    std::vector<std::string> refs;
    for (const std::string& name : names) refs.push_back(module_->constants().Name(name));
    Line(absl::StrCat(S(fromlist), " = PyTuple_Pack(", refs.size(), ", ", absl::StrJoin(refs, ", "),
                      ");"));
    CheckSlot(fromlist, node);
  }
  int module = Temp();
  std::string module_name = node->module.data() ? Str(node->module) : "";
  {
    std::string absolute = module_->ResolveRelative(module_name, node->level);
    module_->NoteImport(absolute);
    for (const std::string& name : names) {
      if (name != "*") module_->NoteImport(absolute.empty() ? name : absolute + "." + name);
    }
  }
  Line(absl::StrCat(S(module), " = kiln::ImportName(globals, ", module_->constants().Name(module_name),
                    ", ", S(fromlist), ", ", node->level, ");"));
  ClearAndFree(fromlist);
  CheckSlot(module, node);
  if (names.size() == 1 && names[0] == "*") {
    ErrorIf(absl::StrCat("kiln::ImportStar(", S(module), ", ", is_class() ? "ns" : "globals", ") < 0"),
            node);
    ClearAndFree(module);
    return;
  }
  for (Node* alias_node : node->names) {
    const auto* alias = alias_node->As<ast::Alias>();
    int value = Temp();
    Line(absl::StrCat(S(value), " = kiln::ImportFrom(", S(module), ", ",
                      module_->constants().Name(alias->name), ");"));
    CheckSlot(value, node);
    StoreName(alias->asname.data() ? alias->asname : alias->name, value, node);
    Free(value);
  }
  ClearAndFree(module);
}

void FunctionGenerator::Statement(const Node* node) {
  switch (node->node_kind) {
    case Kind::kPass:
    case Kind::kBreak:
    case Kind::kContinue:
    case Kind::kGlobal:
    case Kind::kNonlocal:
      break;
    default:
      MarkSite(node);  // the frame's current line (sys._getframe, logging, warnings)
  }
  switch (node->node_kind) {
    case Kind::kExpr: {
      const Node* value = node->As<ast::Expr>()->value;
      if (value->As<ast::Constant>()) return;  // docstrings and bare constants do nothing
      int result = ExprTemp(value);
      ClearAndFree(result);
      return;
    }
    case Kind::kAssign: {
      const auto* assign = node->As<ast::Assign>();
      int value = ExprTemp(assign->value);
      for (uint32_t i = 0; i < assign->targets.size; ++i) {
        if (i + 1 < assign->targets.size) {
          int copy = Temp();
          Line(absl::StrCat(S(copy), " = Py_NewRef(", S(value), ");"));
          Assign(assign->targets[i], copy);
          Free(copy);
        } else {
          Assign(assign->targets[i], value);
        }
      }
      Free(value);
      return;
    }
    case Kind::kAugAssign:
      AugAssign(node->As<ast::AugAssign>());
      return;
    case Kind::kAnnAssign:
      AnnAssign(node->As<ast::AnnAssign>());
      return;
    case Kind::kPass:
      return;
    case Kind::kIf:
      If(node->As<ast::If>());
      return;
    case Kind::kWhile:
      While(node->As<ast::While>());
      return;
    case Kind::kFor:
      For(node->As<ast::For>());
      return;
    case Kind::kBreak:
    case Kind::kContinue: {
      size_t loop = blocks_.size();
      while (loop-- > 0 && blocks_[loop].type != Block::kLoop) {
      }
      if (loop == static_cast<size_t>(-1) || blocks_[loop].type != Block::kLoop) {
        module_->Fail(node, "internal error: 'break' or 'continue' outside a loop");
        return;
      }
      if (LeavesStarHandler(loop + 1, node)) return;
      Block target = blocks_[loop];
      LeaveBlocks(loop + 1);
      if (node->node_kind == Kind::kBreak) {
        if (target.iterator_slot >= 0) Clear(target.iterator_slot);
        Line(absl::StrCat("goto ", target.break_label, ";"));
      } else {
        Line(absl::StrCat("goto ", target.continue_label, ";"));
      }
      return;
    }
    case Kind::kReturn:
      Return(node->As<ast::Return>());
      return;
    case Kind::kFunctionDef:
      FunctionDef(node);
      return;
    case Kind::kClassDef:
      ClassDef(node->As<ast::ClassDef>());
      return;
    case Kind::kTry:
      Try(node->As<ast::Try>(), /*star=*/false);
      return;
    case Kind::kTryStar:
      Try(node->As<ast::TryStar>(), /*star=*/true);
      return;
    case Kind::kWith:
      With(node->As<ast::With>(), 0);
      return;
    case Kind::kRaise:
      Raise(node->As<ast::Raise>());
      return;
    case Kind::kAssert:
      Assert(node->As<ast::Assert>());
      return;
    case Kind::kImport:
      Import(node->As<ast::Import>());
      return;
    case Kind::kImportFrom:
      ImportFrom(node->As<ast::ImportFrom>());
      return;
    case Kind::kDelete:
      for (Node* target : node->As<ast::Delete>()->targets) Delete(target);
      return;
    case Kind::kGlobal:
    case Kind::kNonlocal:
      return;  // resolved by scope analysis
    case Kind::kAsyncFunctionDef:
      FunctionDef(node);
      return;
    case Kind::kAsyncFor:
      AsyncFor(reinterpret_cast<const ast::For*>(node));
      return;
    case Kind::kAsyncWith:
      AsyncWith(reinterpret_cast<const ast::With*>(node), 0);
      return;
    case Kind::kMatch:
      Match(node->As<ast::Match>());
      return;
    default:
      Unsupported(node, absl::StrCat("statement ", ast::KindName(node->node_kind)));
      return;
  }
}

// ----------------------------------------------------------------------------
// async: await, async with, async for (coroutine frames are generator frames; see
// runtime/objects/generator.h)

void FunctionGenerator::Await(const Node* node, int awaitable, int target) {
  if (!is_generator() || !scope_->is_coroutine) {
    module_->Fail(node, "internal error: 'await' outside a coroutine");
    return;
  }
  YieldFrom(node, awaitable, target, "kiln::GetAwaitableIter");
}

void FunctionGenerator::EmitHolderErrorLabels(const Block& holder) {
  std::string skip = NewLabel("no_error");
  Line(absl::StrCat("goto ", skip, ";"));
  ErrorEntry(holder.id);
  int pending = Temp();
  Line(absl::StrCat(S(pending), " = kiln::FetchException();"));
  Line(absl::StrCat("PyErr_SetHandledException(", S(holder.previous_slot), ");"));
  Clear(holder.previous_slot);
  Clear(holder.exception_slot);
  Line(absl::StrCat("kiln::RestoreException(", S(pending), "); ", S(pending), " = nullptr;"));
  Free(pending);
  Line(absl::StrCat("goto ", UnwindLabelOf(blocks_.size() - 1), ";"));
  Label(skip);
}

void FunctionGenerator::AsyncWith(const ast::With* node, uint32_t item_index) {
  if (!is_generator() || !scope_->is_coroutine) {
    module_->Fail(node, "internal error: 'async with' outside a coroutine");
    return;
  }
  if (item_index == node->items.size) {
    Statements(node->body);
    return;
  }
  const auto* item = node->items[item_index]->As<ast::WithItem>();
  int manager = ExprTemp(item->context_expr);
  int exit = NewSlot();
  int awaitable = Temp();
  Line(absl::StrCat(S(awaitable), " = kiln::AsyncEnterContext(", S(manager), ", &", S(exit), ");"));
  ClearAndFree(manager);
  CheckSlot(awaitable, node);
  int entered = Temp();
  {
    // While __aenter__'s result is awaited, an error releases __aexit__ (not called).
    Block pending{Block::kPendingValue};
    pending.id = label_count_++;
    pending.value_slot = exit;
    blocks_.push_back(pending);
    YieldFrom(node, awaitable, entered, "");
    EmitErrorLabels(blocks_.size() - 1);
    blocks_.pop_back();
  }
  std::string end = WithBody(Block::kAsyncWith, node, item, exit, entered,
                             [&] { AsyncWith(node, item_index + 1); });
  // The exception is being handled while __aexit__(type, value, traceback) runs and is
  // awaited; a true result swallows it.
  int exception = NewSlot();
  int previous = NewSlot();
  Line(absl::StrCat(S(exception), " = kiln::FetchException();"));
  Line(absl::StrCat(S(previous), " = kiln::SaveHandled();"));
  Line(absl::StrCat("PyErr_SetHandledException(", S(exception), ");"));
  Block holder{Block::kHandler};
  holder.id = label_count_++;
  holder.exception_slot = exception;
  holder.previous_slot = previous;
  holder.node = node;
  blocks_.push_back(holder);
  int exit_awaitable = Temp();
  Line(absl::StrCat(S(exit_awaitable), " = kiln::AsyncExitAwaitable(", S(exit), ", ", S(exception), ");"));
  Clear(exit);
  CheckSlot(exit_awaitable, node);
  int result = Temp();
  YieldFrom(node, exit_awaitable, result, "");
  Line("{");
  Line(absl::StrCat("  int suppress = kiln::IsTrue(", S(result), ");"));
  Line(absl::StrCat("  Py_CLEAR(", S(result), ");"));
  Line(absl::StrCat("  if (suppress < 0) { kline = ", Site(node), "; goto ", RaiseLabel(), "; }"));
  Line(absl::StrCat("  PyErr_SetHandledException(", S(previous), ");"));
  Line(absl::StrCat("  Py_CLEAR(", S(previous), ");"));
  Line(absl::StrCat("  if (suppress) { Py_CLEAR(", S(exception), "); goto ", end, "; }"));
  Line(absl::StrCat("  kiln::RestoreException(", S(exception), "); ", S(exception), " = nullptr;"));
  Line("}");
  Free(result);
  blocks_.pop_back();
  Line(absl::StrCat("goto ", UnwindLabelOf(blocks_.size() - 1), ";"));
  EmitHolderErrorLabels(holder);
  Label(end);
}

void FunctionGenerator::AsyncFor(const ast::For* node) {
  if (!is_generator() || !scope_->is_coroutine) {
    module_->Fail(node, "internal error: 'async for' outside a coroutine");
    return;
  }
  ForLoop(node, /*is_async=*/true);
}

// ----------------------------------------------------------------------------
// match statements (PEP 634, as CPython 3.11 compiles them)
//
// The subject is evaluated once into a temporary. A case's pattern is tested with its
// captures going to temporaries; only when the whole pattern has matched are the names
// bound (a failed case binds nothing), then the guard runs (names stay bound when it is
// false), then the subject is released and the body runs. Runtime checks and
// extractions are in runtime/ops/match.h.

bool FunctionGenerator::PatternNames(const Node* pattern, std::vector<std::string>* names) {
  lower::PatternProblem problem;
  if (lower::PatternNames(pattern, names, &problem)) return true;
  if (problem.unknown) {
    Unsupported(problem.at, problem.message);
  } else {
    module_->Fail(problem.at, "internal error: " + problem.message);
  }
  return false;
}

void FunctionGenerator::ClearCaptures(const Node* pattern,
                                      const std::map<std::string, int>& captures) {
  std::vector<std::string> names;
  // The names were checked when the case started: this cannot fail.
  if (!PatternNames(pattern, &names)) return;
  for (const std::string& name : names) Clear(captures.at(name));
}

void FunctionGenerator::Pattern(const Node* pattern, int subject, const std::string& fail,
                                const std::map<std::string, int>& captures) {
  if (module_->failed()) return;
  const std::string value = S(subject);
  auto capture = [&](std::string_view raw) {
    int slot = captures.at(Str(raw));
    Line(absl::StrCat("Py_XSETREF(", S(slot), ", Py_NewRef(", value, "));"));
  };
  switch (pattern->node_kind) {
    case Kind::kMatchValue: {
      int expected = ExprTemp(pattern->As<ast::MatchValue>()->value);
      Line("{");
      Line(absl::StrCat("  int truth = kiln::CompareBool(", value, ", ", S(expected), ", Py_EQ);"));
      Line(absl::StrCat("  Py_CLEAR(", S(expected), ");"));
      Line(absl::StrCat("  if (truth < 0) { kline = ", Site(pattern), "; goto ", RaiseLabel(), "; }"));
      Line(absl::StrCat("  if (!truth) goto ", fail, ";"));
      Line("}");
      Free(expected);
      return;
    }
    case Kind::kMatchSingleton: {
      using Type = ast::ConstantValue::Type;
      Type type = pattern->As<ast::MatchSingleton>()->value.type;
      const char* singleton = type == Type::kNone ? "Py_None" : type == Type::kTrue ? "Py_True" : "Py_False";
      Line(absl::StrCat("if (", value, " != ", singleton, ") goto ", fail, ";"));
      return;
    }
    case Kind::kMatchAs: {
      const auto* as = pattern->As<ast::MatchAs>();
      if (as->pattern) Pattern(as->pattern, subject, fail, captures);
      if (as->name.data()) capture(as->name);
      return;
    }
    case Kind::kMatchStar: {
      // Inside a sequence pattern: `subject` is the list of the items it stands for.
      const auto* star = pattern->As<ast::MatchStar>();
      if (star->name.data()) capture(star->name);
      return;
    }
    case Kind::kMatchOr: {
      const ast::NodeList& alternatives = pattern->As<ast::MatchOr>()->patterns;
      std::string matched = NewLabel("or_matched");
      for (Node* alternative : alternatives) {
        std::string next = NewLabel("or_next");
        Pattern(alternative, subject, next, captures);
        Line(absl::StrCat("goto ", matched, ";"));
        Label(next);
        ClearCaptures(alternative, captures);
      }
      Line(absl::StrCat("goto ", fail, ";"));
      Label(matched);
      return;
    }
    case Kind::kMatchSequence: {
      const ast::NodeList& patterns = pattern->As<ast::MatchSequence>()->patterns;
      int size = static_cast<int>(patterns.size);
      int star = -1;
      bool only_wildcards = true;
      for (int i = 0; i < size; ++i) {
        if (patterns[i]->As<ast::MatchStar>()) star = i;
        only_wildcards = only_wildcards && (ast::IsWildcardPattern(patterns[i]) ||
                                            ast::IsStarWildcardPattern(patterns[i]));
      }
      bool star_wildcard = star >= 0 && ast::IsStarWildcardPattern(patterns[star]);
      Line(absl::StrCat("if (!kiln::MatchIsSequence(", value, ")) goto ", fail, ";"));
      if (star < 0 || size > 1) {
        Line("{");
        Line(absl::StrCat("  int length_ok = kiln::MatchLength(", value, ", ",
                          star < 0 ? size : size - 1, ", ", star < 0 ? 0 : 1, ");"));
        Line(absl::StrCat("  if (length_ok < 0) { kline = ", Site(pattern), "; goto ", RaiseLabel(),
                          "; }"));
        Line(absl::StrCat("  if (!length_ok) goto ", fail, ";"));
        Line("}");
      }
      if (only_wildcards) return;
      if (star_wildcard) {
        // `[a, *_, b]`: each item is read as it is matched (subject[i], subject[len - k]).
        int item = Temp();
        std::string item_fail = NewLabel("item_fail");
        std::string matched = NewLabel("sequence_matched");
        for (int i = 0; i < size; ++i) {
          if (i == star || ast::IsWildcardPattern(patterns[i])) continue;
          Line(absl::StrCat(S(item), " = kiln::MatchSequenceItem(", value, ", ",
                            i < star ? i : i - size, ");"));
          CheckSlot(item, pattern);
          Pattern(patterns[i], item, item_fail, captures);
          Clear(item);
        }
        Line(absl::StrCat("goto ", matched, ";"));
        Label(item_fail);
        Clear(item);
        Line(absl::StrCat("goto ", fail, ";"));
        Label(matched);
        Free(item);
        return;
      }
      int items = TempArray(size);
      ErrorIf(absl::StrCat("kiln::MatchSequenceItems(", value, ", ", size, ", ", star, ", &", S(items),
                           ") < 0"),
              pattern);
      std::string items_fail = NewLabel("items_fail");
      std::string matched = NewLabel("sequence_matched");
      for (int i = 0; i < size; ++i) {
        if (ast::IsWildcardPattern(patterns[i]) || ast::IsStarWildcardPattern(patterns[i])) continue;
        Pattern(patterns[i], items + i, items_fail, captures);
      }
      for (int i = 0; i < size; ++i) Clear(items + i);
      Line(absl::StrCat("goto ", matched, ";"));
      Label(items_fail);
      for (int i = 0; i < size; ++i) Clear(items + i);
      Line(absl::StrCat("goto ", fail, ";"));
      Label(matched);
      FreeArray(items, size);
      return;
    }
    case Kind::kMatchMapping: {
      const auto* mapping = pattern->As<ast::MatchMapping>();
      int size = static_cast<int>(mapping->keys.size);
      bool has_rest = mapping->rest.data() != nullptr;
      Line(absl::StrCat("if (!kiln::MatchIsMapping(", value, ")) goto ", fail, ";"));
      if (size == 0 && !has_rest) return;
      if (size > 0) {
        Line("{");
        Line(absl::StrCat("  int length_ok = kiln::MatchLength(", value, ", ", size, ", 1);"));
        Line(absl::StrCat("  if (length_ok < 0) { kline = ", Site(pattern), "; goto ", RaiseLabel(),
                          "; }"));
        Line(absl::StrCat("  if (!length_ok) goto ", fail, ";"));
        Line("}");
      }
      int count = std::max(size, 1);
      int keys = TempArray(count);
      int values = TempArray(count);
      for (int i = 0; i < size; ++i) Expr(mapping->keys[i], keys + i);
      std::string values_fail = NewLabel("values_fail");
      std::string matched = NewLabel("mapping_matched");
      Line("{");
      Line(absl::StrCat("  int found = kiln::MatchKeys(", value, ", &", S(keys), ", ", size, ", &",
                        S(values), ");"));
      Line(absl::StrCat("  if (found < 0) { kline = ", Site(pattern), "; goto ", RaiseLabel(), "; }"));
      Line(absl::StrCat("  if (!found) goto ", values_fail, ";"));
      Line("}");
      for (int i = 0; i < size; ++i) {
        if (ast::IsWildcardPattern(mapping->patterns[i])) continue;
        Pattern(mapping->patterns[i], values + i, values_fail, captures);
      }
      for (int i = 0; i < size; ++i) Clear(values + i);
      if (has_rest) {
        int rest = Temp();
        Line(absl::StrCat(S(rest), " = kiln::MatchRest(", value, ", &", S(keys), ", ", size, ");"));
        CheckSlot(rest, pattern);
        Line(absl::StrCat("Py_XSETREF(", S(captures.at(Str(mapping->rest))), ", ", S(rest), "); ",
                          S(rest), " = nullptr;"));
        Free(rest);
      }
      for (int i = 0; i < size; ++i) Clear(keys + i);
      Line(absl::StrCat("goto ", matched, ";"));
      Label(values_fail);
      for (int i = 0; i < size; ++i) Clear(keys + i);
      for (int i = 0; i < size; ++i) Clear(values + i);
      Line(absl::StrCat("goto ", fail, ";"));
      Label(matched);
      FreeArray(keys, count);
      FreeArray(values, count);
      return;
    }
    case Kind::kMatchClass: {
      const auto* klass = pattern->As<ast::MatchClass>();
      int positional = static_cast<int>(klass->patterns.size);
      int total = positional + static_cast<int>(klass->kwd_patterns.size);
      int type = ExprTemp(klass->cls);
      int count = std::max(total, 1);
      int attributes = TempArray(count);
      std::string names = "nullptr";
      if (klass->kwd_attrs.size > 0) {
        std::vector<std::string> refs;
        for (std::string_view name : klass->kwd_attrs) refs.push_back(module_->constants().Name(name));
        names = module_->constants().Tuple(refs);
      }
      std::string attributes_fail = NewLabel("attributes_fail");
      std::string matched = NewLabel("class_matched");
      Line("{");
      Line(absl::StrCat("  int found = kiln::MatchClass(", value, ", ", S(type), ", ", positional, ", ",
                        names, ", &", S(attributes), ");"));
      Line(absl::StrCat("  Py_CLEAR(", S(type), ");"));
      Line(absl::StrCat("  if (found < 0) { kline = ", Site(pattern), "; goto ", RaiseLabel(), "; }"));
      Line(absl::StrCat("  if (!found) goto ", fail, ";"));
      Line("}");
      Free(type);
      for (int i = 0; i < total; ++i) {
        const Node* child = i < positional ? klass->patterns[i] : klass->kwd_patterns[i - positional];
        if (ast::IsWildcardPattern(child)) continue;
        Pattern(child, attributes + i, attributes_fail, captures);
      }
      for (int i = 0; i < total; ++i) Clear(attributes + i);
      Line(absl::StrCat("goto ", matched, ";"));
      Label(attributes_fail);
      for (int i = 0; i < total; ++i) Clear(attributes + i);
      Line(absl::StrCat("goto ", fail, ";"));
      Label(matched);
      FreeArray(attributes, count);
      return;
    }
    default:
      Unsupported(pattern, absl::StrCat("pattern ", ast::KindName(pattern->node_kind)));
      return;
  }
}

void FunctionGenerator::Match(const ast::Match* node) {
  int subject = Temp();
  Expr(node->subject, subject);
  std::string end = NewLabel("match_end");
  for (uint32_t i = 0; i < node->cases.size && !module_->failed(); ++i) {
    const auto* match_case = node->cases[i]->As<ast::MatchCase>();
    std::vector<std::string> names;
    if (!PatternNames(match_case->pattern, &names)) return;
    std::map<std::string, int> captures;
    std::vector<int> slots;
    for (const std::string& name : names) {
      int slot = Temp();
      captures[name] = slot;
      slots.push_back(slot);
    }
    std::string fail = NewLabel("case_fail");
    std::string next = NewLabel("case_next");
    Pattern(match_case->pattern, subject, fail, captures);
    for (size_t j = 0; j < names.size(); ++j) StoreName(names[j], slots[j], match_case->pattern);
    if (match_case->guard) BranchIfFalse(match_case->guard, next);
    Clear(subject);
    Statements(match_case->body);
    Line(absl::StrCat("goto ", end, ";"));
    Label(fail);
    for (int slot : slots) Clear(slot);
    Label(next);
    for (int slot : slots) Free(slot);
  }
  ClearAndFree(subject);
  Label(end);
}

// ----------------------------------------------------------------------------
// Whole functions

// Whether `body` has an annotated assignment, also inside compound statements (not in
// nested scopes), as CPython's find_ann decides on SETUP_ANNOTATIONS.
// The body of a module or class: the docstring becomes __doc__, __annotations__ is set
// up when a simple name is annotated, then the statements run in `namespace_variable`.
void FunctionGenerator::NamespaceBody(const ast::NodeList& body, const char* namespace_variable) {
  uint32_t start = 0;
  if (body.size > 0) {
    if (const auto* expr = body[0]->As<ast::Expr>()) {
      if (const auto* constant = expr->value->As<ast::Constant>();
          constant && constant->value.type == ast::ConstantValue::Type::kStr) {
        int doc = Temp();
        Line(absl::StrCat(S(doc), " = Py_NewRef(", module_->constants().Text(constant->value.text),
                          ");"));
        StoreName("__doc__", doc, body[0]);
        Free(doc);
        start = 1;
      }
    }
  }
  if (lower::HasAnnotation(body)) {
    Line(absl::StrCat("if (kiln::SetupAnnotations(", namespace_variable, ") < 0) { kline = ",
                      Site(body[0]), "; goto ", RaiseLabel(), "; }"));
  }
  for (uint32_t i = start; i < body.size && !module_->failed(); ++i) Statement(body[i]);
}

void FunctionGenerator::Generate() {
  const Node* node = scope_->node;
  blocks_.push_back(Block{Block::kFunction});
  blocks_.back().id = label_count_++;

  // Locals and cells get fixed slots first: parameters in order, then the rest.
  std::string prologue;
  if (scope_->kind == sema::ScopeKind::kFunction) {
    // In the frame's order (co_localsplusnames): variables, other cells, free variables.
    LocalsPlus names = LocalsPlusOf(scope_);
    for (const auto* group : {&names.variables, &names.cells, &names.free}) {
      for (const std::string& name : *group) {
        if (!local_slots_.count(name)) local_slots_[name] = NewSlot();
      }
    }
    local_count_ = slot_count_;
    if (is_generator()) {
      handoff_slot_ = NewSlot();  // the first temporary (generator.h)
      state_slot_ = NewSlot();
    }
    if (!scope_->parameters.empty()) first_argument_slot_ = local_slots_[scope_->parameters[0]];
  } else if (is_class()) {
    std::vector<std::string> free_names = scope_->NamesWithScope(sema::NameScope::kFree);
    for (size_t i = 0; i < free_names.size(); ++i) {
      int slot = NewSlot();
      local_slots_["free:" + free_names[i]] = slot;
      absl::StrAppend(&prologue, "  ", S(slot),
                      " = Py_NewRef(PyTuple_GET_ITEM(((PyFunctionObject*)func)->func_closure, ", i,
                      "));\n");
    }
    if (scope_->needs_class_closure) {
      class_cell_slot_ = NewSlot();
      local_slots_["__class__"] = class_cell_slot_;
      absl::StrAppend(&prologue, "  ", S(class_cell_slot_), " = PyCell_New(nullptr);\n");
    }
  }

  // The body.
  if (const auto* module = node->As<ast::Module>()) {
    NamespaceBody(module->body, "globals");
  } else if (const auto* klass = node->As<ast::ClassDef>()) {
    int value = Temp();
    Line(absl::StrCat(S(value), " = kiln::LoadGlobal(globals, ", module_->constants().Name("__name__"),
                      ");"));
    CheckSlot(value, node);
    ErrorIf(absl::StrCat("PyObject_SetItem(ns, ", module_->constants().Name("__module__"), ", ",
                         S(value), ") < 0"),
            node);
    Clear(value);
    Line(absl::StrCat(S(value), " = Py_NewRef(", module_->constants().Text(module_->QualnameOf(scope_)),
                      ");"));
    ErrorIf(absl::StrCat("PyObject_SetItem(ns, ", module_->constants().Name("__qualname__"), ", ",
                         S(value), ") < 0"),
            node);
    Clear(value);
    Free(value);
    NamespaceBody(klass->body, "ns");
  } else if (const auto* def = AsDef(node)) {
    Statements(def->body);
  } else if (const auto* lambda = node->As<ast::Lambda>()) {
    int value = Temp();
    Expr(lambda->body, value);
    Line(absl::StrCat("retval = ", S(value), "; ", S(value), " = nullptr;"));
    Line("goto done;");
    Free(value);
  } else {
    // Comprehensions: the iterator arrives as parameter ".0".
    const ast::NodeList* generators = nullptr;
    const Node* element = nullptr;
    const Node* dict_value = nullptr;
    Kind kind = node->node_kind;
    if (const auto* c = node->As<ast::ListComp>()) { generators = &c->generators; element = c->elt; }
    if (const auto* c = node->As<ast::SetComp>()) { generators = &c->generators; element = c->elt; }
    if (const auto* c = node->As<ast::DictComp>()) { generators = &c->generators; element = c->key; dict_value = c->value; }
    if (const auto* c = node->As<ast::GeneratorExp>()) { generators = &c->generators; element = c->elt; }
    int result = -1;
    if (kind != Kind::kGeneratorExp) {
      result = NewSlot();
      Line(absl::StrCat(S(result), " = ", kind == Kind::kListComp ? "PyList_New(0)"
                                          : kind == Kind::kSetComp ? "PySet_New(nullptr)"
                                                                   : "PyDict_New()",
                        ";"));
      CheckSlot(result, node);
    }
    // Nested loops, one per `for` clause.
    std::vector<std::string> continue_labels;
    std::vector<std::string> end_labels;
    for (uint32_t i = 0; i < generators->size; ++i) {
      const auto* generator = (*generators)[i]->As<ast::Comprehension>();
      int iterator;
      if (i == 0) {
        iterator = local_slots_[".0"];
      } else {
        int iterable = ExprTemp(generator->iter);
        iterator = NewSlot();
        Line(absl::StrCat(S(iterator), generator->is_async ? " = kiln::GetAsyncIter(" : " = PyObject_GetIter(",
                          S(iterable), ");"));
        ClearAndFree(iterable);
        CheckSlot(iterator, node);  // at the comprehension, as CPython
      }
      std::string top = NewLabel("comp_for");
      std::string end = NewLabel("comp_end");
      Block block{Block::kLoop};
      block.id = label_count_++;
      block.break_label = end;
      block.continue_label = top;
      block.iterator_slot = i == 0 ? -1 : iterator;
      blocks_.push_back(block);
      Label(top);
      int item = Temp();
      NextItem(node, iterator, item, generator->is_async, /*release_iterator=*/i != 0, end);
      Assign(generator->target, item);
      Free(item);
      for (Node* condition : generator->ifs) BranchIfFalse(condition, top);
      continue_labels.push_back(top);
      end_labels.push_back(end);
    }
    if (kind == Kind::kGeneratorExp) {
      int value = ExprTemp(element);
      int ignored = Temp();
      Yield(element, value, ignored);
      Clear(ignored);
      Free(ignored);
      Free(value);
    } else if (kind == Kind::kDictComp) {
      int key = ExprTemp(element);
      int value = ExprTemp(dict_value);
      ErrorIf(absl::StrCat("PyDict_SetItem(", S(result), ", ", S(key), ", ", S(value), ") < 0"), element);
      ClearAndFree(key);
      ClearAndFree(value);
    } else {
      int value = ExprTemp(element);
      ErrorIf(absl::StrCat(kind == Kind::kListComp ? "PyList_Append(" : "PySet_Add(", S(result), ", ",
                           S(value), ") < 0"),
              element);
      ClearAndFree(value);
    }
    for (size_t i = generators->size; i-- > 0;) {
      Line(absl::StrCat("goto ", continue_labels[i], ";"));
      EmitErrorLabels(blocks_.size() - 1);
      blocks_.pop_back();
      Label(end_labels[i]);
    }
    if (result >= 0) {
      Line(absl::StrCat("retval = ", S(result), "; ", S(result), " = nullptr;"));
      Line("goto done;");
    }
  }

  // Assemble the function.
  const std::string code = module_->constants().Code(module_->SpecName(c_name_));
  std::string temps_clear;
  for (int slot : temp_slots_) absl::StrAppend(&temps_clear, "Py_CLEAR(s[", slot, "]); ");
  int slots = std::max(slot_count_, 1);
  // On leaving, temporaries are already NULL (consumed, or cleared at raise_0): only
  // locals and block slots need releasing.
  std::string release;
  for (int i = 0; i < slot_count_; ++i) {
    if (!temp_slots_.count(i)) absl::StrAppend(&release, "  Py_XDECREF(s[", i, "]);\n");
  }
  // The frame CPython sees while this code runs (kiln::ActiveFrame).
  const std::string frame_line = absl::StrCat(
      "  kiln::ActiveFrame kf(", is_module() ? "nullptr" : "func", ", code, globals, ",
      is_module() ? "globals" : is_class() ? "ns" : "nullptr", ");\n  if (!kf.ok()) goto unwind_0;\n");
  std::string header;
  std::string footer;
  if (is_module()) {
    header = absl::StrCat("int ", c_name_, "(PyObject* module) {\n",
                          "  if (!k[0] && InitConstants() < 0) return -1;\n",
                          "  PyObject* globals = PyModule_GetDict(module);\n",
                          "  if (kiln::EnsureBuiltins(globals) < 0) return -1;\n",
                          "  PyObject* builtins = kiln::BuiltinsOf(globals);\n",
                          "  PyObject* s[", slots, "] = {};\n  int kline = 0;\n",
                          "  PyObject* retval = nullptr;\n  (void)retval;\n",
                          // The recursion limit counts compiled bodies as CPython counts frames.
                          "  if (Py_EnterRecursiveCall(\"\")) return -1;\n");
    footer = absl::StrCat("  retval = Py_None;\n  goto done;\nraise_0:\n",
                          "  kiln::AddTraceback(code, globals, kline);\n  KILN_CLEAR_TEMPS();\nunwind_0:\n",
                          "  retval = nullptr;\ndone:\n  Py_LeaveRecursiveCall();\n", release,
                          "  return retval ? 0 : -1;\n}\n");
  } else if (is_class()) {
    header = absl::StrCat("PyObject* ", c_name_, "_body(PyObject* func, PyObject* ns) {\n",
                          "  PyObject* globals = ((PyFunctionObject*)func)->func_globals;\n",
                          "  PyObject* builtins = ((PyFunctionObject*)func)->func_builtins;\n",
                          "  PyObject* s[", slots, "] = {};\n  int kline = 0;\n",
                          "  PyObject* retval = nullptr;\n",
                          "  if (Py_EnterRecursiveCall(\"\")) return nullptr;\n", prologue);
    std::string cell_result =
        class_cell_slot_ >= 0
            ? absl::StrCat("  if (PyObject_SetItem(ns, ", module_->constants().Name("__classcell__"), ", ",
                           S(class_cell_slot_), ") < 0) { kline = ", Site(node),
                           "; goto raise_0; }\n  retval = Py_NewRef(", S(class_cell_slot_), ");\n")
            : "  retval = Py_NewRef(Py_None);\n";
    footer = absl::StrCat(cell_result, "  goto done;\nraise_0:\n",
                          "  kiln::AddTraceback(code, globals, kline);\n  KILN_CLEAR_TEMPS();\nunwind_0:\n",
                          "  retval = nullptr;\ndone:\n  Py_LeaveRecursiveCall();\n", release,
                          "  return retval;\n}\n");
  } else {
    // Argument binding, shared by plain functions and generators.
    int parameter_count = static_cast<int>(scope_->parameters.size());
    bool simple = !scope_->has_varargs && !scope_->has_varkeywords;
    int positional = parameter_count;
    if (const auto* def = AsDef(node)) {
      positional = def->args->As<ast::Arguments>()->posonlyargs.size +
                   def->args->As<ast::Arguments>()->args.size;
      simple = simple && def->args->As<ast::Arguments>()->kwonlyargs.size == 0;
    } else if (const auto* lambda = node->As<ast::Lambda>()) {
      positional = lambda->args->As<ast::Arguments>()->posonlyargs.size +
                   lambda->args->As<ast::Arguments>()->args.size;
      simple = simple && lambda->args->As<ast::Arguments>()->kwonlyargs.size == 0;
    }
    std::string bind;
    if (simple) {
      absl::StrAppend(&bind, "  if (kwnames == nullptr && PyVectorcall_NARGS(nargsf) == ", positional,
                      ") {\n");
      for (int i = 0; i < positional; ++i) {
        absl::StrAppend(&bind, "    s[", i, "] = Py_NewRef(args[", i, "]);\n");
      }
      absl::StrAppend(&bind, "  } else ");
    } else {
      absl::StrAppend(&bind, "  ");
    }
    absl::StrAppend(&bind, "if (kiln::BindArguments(func, args, nargsf, kwnames, s) < 0) ",
                    is_generator() ? "{ kiln::DiscardGenerator(gen); return nullptr; }\n" : "return nullptr;\n");
    // Cells for captured parameters keep the argument value.
    std::string cells;
    for (const sema::Symbol& symbol : scope_->symbols) {
      if (symbol.scope != sema::NameScope::kCell) continue;
      int slot = local_slots_[symbol.name];
      absl::StrAppend(&cells, "  { PyObject* value = s[", slot, "]; s[", slot,
                      "] = PyCell_New(value); Py_XDECREF(value); }\n");
    }
    std::vector<std::string> free_names = scope_->NamesWithScope(sema::NameScope::kFree);
    for (size_t i = 0; i < free_names.size(); ++i) {
      absl::StrAppend(&cells, "  s[", local_slots_[free_names[i]],
                      "] = Py_NewRef(PyTuple_GET_ITEM(((PyFunctionObject*)func)->func_closure, ", i,
                      "));\n");
    }
    // A function whose __code__ was replaced runs its new code (unless that is a copy of
    // this code, made by code.replace()).
    std::string entry_signature = absl::StrCat(
        "PyObject* ", c_name_, "(PyObject* func, PyObject* const* args, size_t nargsf, PyObject* kwnames)",
        " {\n  if (((PyFunctionObject*)func)->func_code != ", code,
        " && kiln::CompiledEntry(((PyFunctionObject*)func)->func_code) != &", c_name_,
        ") return kiln::CallReplacedCode(func, args, nargsf, kwnames);\n");
    // The error exit of a function or generator body: temporaries were consumed or
    // cleared at raise_0; the frame releases the locals.
    const std::string error_exit =
        "raise_0:\n  kiln::AddTraceback(code, globals, kline);\n  KILN_CLEAR_TEMPS();\n"
        "unwind_0:\n  retval = nullptr;\ndone:\n";
    if (is_generator()) {
      // The entry makes CPython's generator object and binds the arguments into its
      // frame; the resume loop of the code runs the body (runtime/objects/generator.h).
      module_->Declare(absl::StrCat("PyObject* ", c_name_,
                                    "_resume(PyObject** s, PyObject* func, PyObject* code, PyObject* sent);"));
      std::string entry = absl::StrCat(
          entry_signature, "  PyObject* gen = kiln::NewGenerator(func);\n", "  if (!gen) return nullptr;\n",
          "  PyObject** s = kiln::GeneratorSlots(gen);\n", bind, cells, "  return gen;\n}\n");
      header = absl::StrCat(entry, "PyObject* ", c_name_,
                            "_resume(PyObject** s, PyObject* func, PyObject* code, PyObject* sent) {\n",
                            "  PyObject* globals = ((PyFunctionObject*)func)->func_globals;\n",
                            "  PyObject* builtins = ((PyFunctionObject*)func)->func_builtins;\n",
                            "  int kline = 0;\n  PyObject* retval = nullptr;\n",
                            "  kiln::ActiveFrame kf(kiln::kResumedFrame);\n",
                            "  switch (kiln::GeneratorState(", S(state_slot_), ")) {\n    case 0: break;\n");
      for (int i = 1; i <= resume_count_; ++i) {
        absl::StrAppend(&header, "    case ", i, ": goto resume_", i, ";\n");
      }
      absl::StrAppend(&header, "    default: PyErr_SetString(PyExc_SystemError, \"bad generator state\"); ",
                      "goto unwind_0;\n  }\n");
      // Finished: the return value goes to the resume loop, an exception leaves.
      std::string clear_temps;
      for (int i = local_count_; i < slot_count_; ++i) absl::StrAppend(&clear_temps, "  Py_CLEAR(s[", i, "]);\n");
      footer = absl::StrCat("  retval = Py_NewRef(Py_None);\n  goto done;\n", error_exit, clear_temps,
                            "  if (!retval) { kf.LeaveWithError(); return nullptr; }\n  ",
                            S(handoff_slot_), " = retval;\n  return kiln::GeneratorReturn();\n}\n");
    } else {
      // The frame comes first: the locals live in it.
      header = absl::StrCat(entry_signature, "  PyObject* const code = kiln::CodeToRun(func, ", code, ");\n",
                            "  kiln::ActiveFrame kf(func, code, ((PyFunctionObject*)func)->func_globals, nullptr);\n",
                            "  if (!kf.ok()) return nullptr;\n  PyObject** const s = kf.slots();\n", bind, cells,
                            "  PyObject* globals = ((PyFunctionObject*)func)->func_globals;\n",
                            "  PyObject* builtins = ((PyFunctionObject*)func)->func_builtins;\n",
                            "  int kline = 0;\n  PyObject* retval = nullptr;\n",
                            "  if (Py_EnterRecursiveCall(\"\")) return nullptr;\n");
      footer = absl::StrCat("  retval = Py_NewRef(Py_None);\n  goto done;\n", error_exit,
                            "  Py_LeaveRecursiveCall();\n  return retval;\n}\n");
    }
  }
  std::string code_line =
      is_module() || is_class() ? absl::StrCat("  PyObject* const code = ", code, ";\n  (void)code;\n", frame_line)
                                : "";
  out_ = absl::StrCat("// ", is_module() ? "module body" : module_->QualnameOf(scope_), " (line ",
                      scope_->line, ")\n", "#define KILN_CLEAR_TEMPS() do { ", temps_clear,
                      "} while (0)\n", header, code_line, body_, footer, "#undef KILN_CLEAR_TEMPS\n");
}

// ----------------------------------------------------------------------------
// The module

std::string ModuleGenerator::KirFunction(const sema::Scope* scope, const std::string& qualname,
                                         const std::string& c_name, std::vector<const Node*>* sites,
                                         int* temp_count, bool* generator) {
  if (!info_.use_kir) return "";
  absl::StatusOr<ir::Function> function =
      lower::LowerFunction(scope, scopes_, qualname, lower::ModuleFacts{info_.name, info_.is_package});
  if (!function.ok()) return "";  // not handled yet: the direct generator compiles it
  opt::PipelineOptions options;
  options.verify = info_.verify_kir;
  options.verify_last = true;
  if (absl::Status status = opt::RunPipeline(*function, options); !status.ok()) {
    Fail(scope->node, absl::StrCat("internal error in Kiln IR: ", status.message()));
    return "";
  }
  // A value of another representation than an object, live while a generator is
  // suspended, has no frame slot to wait in yet: such a generator stays on the direct path.
  for (const ir::Block& block : function->blocks) {
    const ir::Instr& last = block.terminator();
    for (ir::ValueId value : last.saved) {
      if (function->values[value].repr != ir::Repr::kObject) return "";
    }
  }
  for (const std::string& name : function->imports) NoteImport(name);
  *sites = function->sites;
  *generator = function->is_generator;
  if (*generator) {
    Declare(absl::StrCat("PyObject* ", c_name, "_resume(PyObject** s, PyObject* func, PyObject* code, PyObject* sent);"));
  }
  return EmitKirFunction(*function, c_name, *this, temp_count);
}

std::string ModuleGenerator::AddFunction(const sema::Scope* scope, const std::string& qualname) {
  std::string c_name;
  qualnames_[scope] = qualname;
  int id = ++function_count_;
  c_name = absl::StrCat(scope->kind == sema::ScopeKind::kClass ? "Class" : "Function", id, "_",
                        Sanitize(scope->name));
  c_names_[scope] = c_name;
  std::vector<const Node*> kir_sites;
  int kir_temp_count = 0;
  bool kir_generator = false;
  std::string kir_text = KirFunction(scope, qualname, c_name, &kir_sites, &kir_temp_count, &kir_generator);
  if (failed()) return c_name;
  FunctionGenerator generator(this, scope, c_name);
  if (kir_text.empty()) {
    generator.Generate();
    if (failed()) return c_name;
  } else {
    generator.sites_ = kir_sites;
    generator.out_ = kir_text;
  }

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
  EmitSites(c_name, generator.sites_);
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
                       generator.sites_.size(), ", ", c_name, "_sites, ", c_name, ", ",
                       !kir_text.empty() ? kir_temp_count
                       : scope->kind == sema::ScopeKind::kFunction
                           ? generator.slot_count_ - generator.local_count_
                           : 0,
                       ", ", generator.is_generator() ? c_name + "_resume" : "nullptr", "};"));
  if (scope->kind == sema::ScopeKind::kClass) {
    Declare(absl::StrCat("PyObject* ", c_name, "_body(PyObject* func, PyObject* ns);"));
    Declare(absl::StrCat("PyObject* ", c_name,
                         "(PyObject* func, PyObject* const* args, size_t nargsf, PyObject* kwnames) {"
                         " (void)args; (void)nargsf; (void)kwnames;"
                         " PyErr_SetString(PyExc_TypeError, \"class body called directly\"); return nullptr; }"));
  }
  functions_.push_back(generator.output());
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
  const sema::Scope* scope = scopes_.module();
  qualnames_[scope] = "";
  FunctionGenerator generator(this, scope, "ModuleBody");
  constants_.Name("__name__");  // k[0] exists before anything else
  int temp_count = 0;
  bool is_generator = false;
  std::string kir_text = KirFunction(scope, "", "ModuleBody", &generator.sites_, &temp_count, &is_generator);
  if (kir_text.empty() && !error_) {
    generator.Generate();
  } else {
    generator.out_ = kir_text;
  }
  if (error_) {
    result.error = error_;
    return result;
  }
  Declare(absl::StrCat("const char* const ModuleBody_variables[] = {nullptr};"));
  EmitSites("ModuleBody", generator.sites_);
  Declare(absl::StrCat("const kiln::FunctionSpec ", SpecName("ModuleBody"), " = {\"<module>\", \"<module>\", ",
                       CString(info_.filename), ", 1, 0, 0, 0, 0, 0, ModuleBody_variables, 0, "
                       "ModuleBody_variables, 0, ModuleBody_variables, ", generator.sites_.size(),
                       ", ModuleBody_sites, nullptr};"));
  result.imports.assign(imports_.begin(), imports_.end());
  std::string& out = result.cc;
  absl::StrAppend(&out, "// Generated by kilnc ", driver::kVersion, " from ", info_.filename,
                  " (module ", info_.name, "). Do not edit.\n",
                  "#include \"kiln/kiln.h\"\n\nnamespace {\n\n", constants_.Definitions());
  for (const std::string& declaration : declarations_) absl::StrAppend(&out, declaration, "\n");
  absl::StrAppend(&out, "\n", constants_.InitFunction(), "\n");
  for (const std::string& function : functions_) absl::StrAppend(&out, function, "\n");
  absl::StrAppend(&out, generator.output(), "\n");
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
  ModuleGenerator generator(module, scopes, info);
  return generator.Run();
}

}  // namespace kiln::codegen
