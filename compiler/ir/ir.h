// Kiln IR (KIR): the compiler's middle end, between the AST and C++.
//
// A Function is a control-flow graph of Blocks; each Block holds Instrs and ends in
// exactly one terminator (Jump, Branch, IterNext, Return, Raise...). Values are
// SSA-like: each is defined once, by an instruction's result or a block parameter
// (a Jump passes its arguments to its target's parameters), and carries a
// representation (Repr) and whether the function owns a reference to it. Python
// variables of a function live in its frame's slots (so f_locals, locals() and
// tracebacks see them), read and written by LoadLocal/StoreLocal.
//
// Lowering (compiler/lower) builds a Function from the AST; the passes
// (compiler/opt) rewrite it: definite assignment removes unbound-local checks,
// constant folding and dead-code removal simplify it, and two late passes make errors
// and reference counts explicit (error edges, IncRef/DecRef). The C++ emitter
// (compiler/codegen) writes one emit function per op of ops.def.
//
//   ir::Function f;
//   ir::BlockId entry = f.NewBlock();
//   ... lower::Builder appends instructions ...
//   ir::Print(f)  // the text `kilnc dump-ir` shows
#ifndef KILN_COMPILER_IR_IR_H_
#define KILN_COMPILER_IR_IR_H_

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/inlined_vector.h"
#include "compiler/ast/ast.h"

namespace kiln::sema {
struct Scope;
}

namespace kiln::ir {

enum class Op : uint8_t {
#define KIR_OP(name, result, failure, operands, immediate, terminator) k##name,
#include "compiler/ir/ops.def"
#undef KIR_OP
};

enum class ResultKind : uint8_t { kVoid, kNew, kBorrowed, kCInt, kMethod, kMulti };
enum class Failure : uint8_t { kNever, kNull, kNegative, kAlways, kUnbound };
enum class OperandPolicy : uint8_t { kBorrow, kSteal, kOwnArgs };
enum class ImmediateKind : uint8_t {
  kNoImm, kConstImm, kSlotImm, kNameImm, kOperatorImm, kCountImm, kSiteImm, kScopeImm
};

struct OpInfo {
  const char* name;
  ResultKind result;
  Failure failure;
  OperandPolicy operands;
  ImmediateKind immediate;
  bool terminator;
};
const OpInfo& InfoOf(Op op);
inline const char* NameOf(Op op) { return InfoOf(op).name; }

// How a value lives in C. kObject is a PyObject*; kCInt an int (truth value, or a
// status); kMethod the pair LOAD_METHOD makes (callable, self or NULL). kInt64,
// kDouble and kBool are unboxed Python values, for the type passes to come.
enum class Repr : uint8_t { kObject, kCInt, kMethod, kInt64, kDouble, kBool };
const char* NameOf(Repr repr);

using ValueId = int;
using BlockId = int;
inline constexpr ValueId kNoValue = -1;
inline constexpr BlockId kNoBlock = -1;
// Operands, results and targets: most instructions have a few (kept inline).
using ValueList = absl::InlinedVector<ValueId, 3>;
using BlockList = absl::InlinedVector<BlockId, 2>;

struct ValueInfo {
  Repr repr = Repr::kObject;
  // The function holds a reference it must release or hand on (results of kNew and
  // kMethod ops, block parameters). Borrowed values are valid while their owner
  // keeps them: a constant for ever, a frame slot until it is stored to.
  bool owned = false;
  int borrowed_slot = -1;  // a LoadLocal's value: the frame slot it borrows from
  bool maybe_null = false; // may be NULL (SaveHandled's result): released with Py_XDECREF
};

// Operator immediates: ast::OperatorKind (Binary), ast::UnaryOpKind (Unary) and
// ast::CmpOpKind (Compare, CompareBool, Identity), as integers.
struct Instr {
  Op op;
  ValueList results;
  ValueList operands;
  // Immediates (which ones an op uses is its ImmediateKind, plus `flag`/`extra`).
  ast::ConstantValue constant;        // kConstImm
  int64_t number = 0;                 // kSlotImm, kOperatorImm, kCountImm, kSiteImm
  int64_t extra = 0;                  // Binary: in place; Unpack: the starred index or -1;
                                      // MatchLength: 1 for "at least";
                                      // FormatValue: the conversion; LoadCell: free variable;
                                      // MakeFunction: its optional operands;
                                      // ZeroArgSuper: the first argument's slot or -1
  int64_t extra2 = 0;                 // ZeroArgSuper: 1 with positional parameters, 2 when
                                      // the first is a cell
  std::string name;                   // kNameImm: a (mangled) Python name
  std::vector<std::string> keywords;  // Call, CallMethod: keyword names, last operands;
                                      // ImportName: the fromlist; MatchClass: the
                                      // keyword sub-patterns' attribute names
  const sema::Scope* scope = nullptr; // kScopeImm: the function or class made
  std::string label;                  // kScopeImm: its qualified name
  int site = 0;                       // the source range an error here reports
  bool checked = true;                // kUnbound ops: the unbound check is still needed
  BlockList targets;                  // terminators: Jump 1, Branch 2 (true, false),
                                      // IterNext 2 (item, exhausted)
  // Where an error goes: set by lowering (the innermost handler; kNoBlock for the
  // function's error exit), made an edge by the error-check pass.
  BlockId handler = kNoBlock;
  bool error_edge = false;
  // Owned values the error edge releases (the reference-count pass).
  ValueList error_cleanup;
  // Yield, YieldFrom: the values live across the suspension (the reference-count
  // pass); the emitter keeps them in frame slots while the generator is suspended.
  ValueList saved;

  const OpInfo& info() const { return InfoOf(op); }
  ValueId result() const { return results.empty() ? kNoValue : results[0]; }
  // Whether this instruction can fail, given what the passes proved so far.
  bool can_fail() const;
};

struct Block {
  BlockId id = kNoBlock;
  std::vector<ValueId> params;
  std::vector<Instr> instrs;
  const Instr& terminator() const { return instrs.back(); }
  Instr& terminator() { return instrs.back(); }
};

// How a function is entered (read by the emitter's prologue). The frame's slots are
// its variables, then its cells and free variables (sema::LocalsPlus order).
struct Entry {
  int positional_count = 0;       // positional parameters, positional-only included
  bool fast_positional = false;   // no *args, **kwargs or keyword-only parameters
  std::vector<int> cell_slots;    // variables captured by inner functions: made cells
  std::vector<int> free_slots;    // given the closure's cells, in co_freevars order
  int class_cell_slot = -1;       // a class body: the new __class__ cell its methods share
};

// One operation of a fused arithmetic expression (the Arithmetic op, made by the
// fuse-arithmetic pass): `left op right`, each operand a leaf (-1 - k: the op's operand
// k) or an earlier node of the same expression (its index). The last node is the root.
struct ArithmeticNode {
  ast::OperatorKind op;
  int compare = -1;  // a comparison (ast::CmpOpKind: <, <=, ==, !=, >, >=) instead of op:
                     // the root of an ArithmeticCompare
  bool in_place = false;
  int left = 0, right = 0;
  int site = 0;  // where an error of this operation is reported
};
using ArithmeticProgram = std::vector<ArithmeticNode>;

// What a Function's code is: a function's body, a module's body (its names are the
// globals), or a class body (run by kiln::BuildClass with the namespace `ns`; its
// names are the namespace's items, LOAD_NAME-style).
enum class FunctionKind : uint8_t { kFunction, kModule, kClass };

struct Function {
  std::string name;                       // the qualified name, for printing
  int line = 0;                           // co_firstlineno
  FunctionKind kind = FunctionKind::kFunction;
  Entry entry;
  std::vector<std::string> imports;       // modules the code needs bundled
  std::vector<std::string> slot_names;    // frame slots: locals, then cells and free
  int parameter_count = 0;                // slots bound on entry (0..n-1)
  bool is_generator = false;              // its calls make a generator that runs the body
  std::vector<const ast::Node*> sites = {nullptr};  // site 0: the function's start
  std::vector<ValueInfo> values;
  std::vector<Block> blocks;              // blocks[0] is the entry
  bool refcounts_explicit = false;        // the reference-count pass has run
  std::deque<std::string> strings;        // text that folded constants point into
  std::vector<ArithmeticProgram> arithmetic;  // Arithmetic ops' expressions (Instr::number)
  absl::flat_hash_map<const ast::Node*, int> site_index;

  ValueId NewValue(Repr repr, bool owned) {
    values.push_back(ValueInfo{repr, owned, -1});
    return static_cast<ValueId>(values.size() - 1);
  }
  BlockId NewBlock() {
    blocks.push_back(Block{static_cast<BlockId>(blocks.size()), {}, {}});
    return blocks.back().id;
  }
  ValueId AddParam(BlockId block) {
    ValueId value = NewValue(Repr::kObject, /*owned=*/true);
    blocks[block].params.push_back(value);
    return value;
  }
  int Site(const ast::Node* node);
};

// The successors of a block (its terminator's targets).
const BlockList& Successors(const Block& block);
// Its terminator's targets and the handlers its instructions' errors may go to.
std::vector<BlockId> FlowSuccessors(const Block& block);
// Predecessor lists of every block (through terminators and error edges).
std::vector<std::vector<BlockId>> Predecessors(const Function& function);
// Blocks reachable from the entry, in reverse post-order.
std::vector<BlockId> ReversePostOrder(const Function& function);

// Python-visible text of a constant, for printing (repr-like, one line).
std::string ConstantText(const ast::ConstantValue& constant);

}  // namespace kiln::ir

#endif  // KILN_COMPILER_IR_IR_H_
