// match statements (PEP 634), as CPython 3.11 runs them and the direct generator
// compiles them (codegen.cc, FunctionGenerator::Match).
//
//   subject = <subject>
//   case: test the pattern; a failed test jumps to the next case (the values it made are
//         released there by the reference-count pass). Captures are values, not stores:
//         only once the whole pattern has matched are the names bound, then the guard
//         runs (names stay bound when it is false), then the body.
// Patterns branch on small checks (MatchIsSequence, MatchLength, MatchIsMapping,
// CompareBool, Identity); MatchKeys and MatchClass give a tuple of the extracted values
// or None, unpacked with Unpack; a sequence pattern's items come from Unpack (with a
// named star: a list) or, around `*_`, from MatchItem one by one. An or-pattern's
// alternatives jump to one block whose parameters are the captured names.
#include <algorithm>

#include "absl/strings/str_cat.h"
#include "compiler/lower/lowerer.h"

namespace kiln::lower {

using ast::IsStarWildcardPattern;
using ast::IsWildcardPattern;
using ast::Kind;

bool PatternNames(const Node* pattern, std::vector<std::string>* names, PatternProblem* problem) {
  auto fail = [&](const Node* at, std::string message, bool unknown = false) {
    *problem = PatternProblem{at, std::move(message), unknown};
    return false;
  };
  auto add = [&](std::string_view raw, const Node* at) {
    std::string name(raw);
    if (std::find(names->begin(), names->end(), name) != names->end()) {
      return fail(at, absl::StrCat("'", name, "' bound twice in a pattern"));
    }
    names->push_back(name);
    return true;
  };
  auto all = [&](const ast::NodeList& children) {
    for (Node* child : children) {
      if (!PatternNames(child, names, problem)) return false;
    }
    return true;
  };
  switch (pattern->node_kind) {
    case Kind::kMatchValue:
    case Kind::kMatchSingleton:
      return true;
    case Kind::kMatchAs: {
      const auto* as = pattern->As<ast::MatchAs>();
      if (as->pattern != nullptr && !PatternNames(as->pattern, names, problem)) return false;
      return as->name.data() == nullptr || add(as->name, pattern);
    }
    case Kind::kMatchStar: {
      const auto* star = pattern->As<ast::MatchStar>();
      return star->name.data() == nullptr || add(star->name, pattern);
    }
    case Kind::kMatchSequence: {
      int stars = 0;
      for (Node* child : pattern->As<ast::MatchSequence>()->patterns) {
        if (child->As<ast::MatchStar>() && ++stars > 1) {
          return fail(child, "two starred names in a sequence pattern");
        }
        if (!PatternNames(child, names, problem)) return false;
      }
      return true;
    }
    case Kind::kMatchMapping: {
      const auto* mapping = pattern->As<ast::MatchMapping>();
      if (!all(mapping->patterns)) return false;
      return mapping->rest.data() == nullptr || add(mapping->rest, pattern);
    }
    case Kind::kMatchClass: {
      const auto* klass = pattern->As<ast::MatchClass>();
      return all(klass->patterns) && all(klass->kwd_patterns);
    }
    case Kind::kMatchOr: {
      const ast::NodeList& alternatives = pattern->As<ast::MatchOr>()->patterns;
      std::vector<std::string> first;
      for (uint32_t i = 0; i < alternatives.size; ++i) {
        std::vector<std::string> own;
        if (!PatternNames(alternatives[i], &own, problem)) return false;
        if (i == 0) {
          first = own;
          continue;
        }
        std::vector<std::string> a = own, b = first;
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        if (a != b) return fail(alternatives[i], "alternatives that bind different names");
      }
      for (const std::string& name : first) {
        if (!add(name, pattern)) return false;
      }
      return true;
    }
    default:
      return fail(pattern, absl::StrCat("pattern ", ast::KindName(pattern->node_kind)), /*unknown=*/true);
  }
}

bool FunctionLowerer::CaseNames(const Node* pattern, std::vector<std::string>* names) {
  PatternProblem problem;
  if (PatternNames(pattern, names, &problem)) return true;
  // The direct generator reports these (the parser rejects all but unknown kinds).
  Unsupported(problem.at, problem.message);
  return false;
}

void FunctionLowerer::ContinueIf(ValueId condition, BlockId fail) {
  BlockId next = b_.NewBlock();
  b_.Branch(condition, next, fail);
  b_.SetBlock(next);
}

void FunctionLowerer::ContinueIfCompared(Op op, ast::CmpOpKind kind, ValueId left, ValueId right,
                                         const Node* site, BlockId fail) {
  ir::Instr& compare = b_.Append(op, {left, right}, site);
  compare.number = static_cast<int>(kind);
  ContinueIf(compare.result(), fail);
}

ir::ValueList FunctionLowerer::MatchedValues(ValueId values, size_t count, BlockId fail, const Node* pattern) {
  ContinueIfCompared(Op::kIdentity, ast::CmpOpKind::kIsNot, values, b_.None(), nullptr, fail);
  if (count == 0) return {};
  ir::Instr& unpack = b_.Append(Op::kUnpack, {values}, pattern, static_cast<int>(count));
  unpack.number = static_cast<int64_t>(count);
  unpack.extra = -1;
  return unpack.results;
}

void FunctionLowerer::SubPatterns(const std::vector<const Node*>& patterns, const ir::ValueList& values,
                                  BlockId fail, Captures* captures) {
  for (size_t i = 0; i < patterns.size() && !failed(); ++i) {
    if (IsWildcardPattern(patterns[i]) || IsStarWildcardPattern(patterns[i])) continue;
    Pattern(patterns[i], values[i], fail, captures);
  }
}

void FunctionLowerer::SequencePattern(const ast::MatchSequence* node, ValueId subject, BlockId fail,
                                      Captures* captures) {
  std::vector<const Node*> patterns(node->patterns.begin(), node->patterns.end());
  int size = static_cast<int>(patterns.size());
  int star = -1;
  bool only_wildcards = true;
  for (int i = 0; i < size; ++i) {
    if (patterns[i]->As<ast::MatchStar>()) star = i;
    only_wildcards = only_wildcards && (IsWildcardPattern(patterns[i]) || IsStarWildcardPattern(patterns[i]));
  }
  ContinueIf(b_.Value(Op::kMatchIsSequence, {subject}), fail);
  if (star < 0 || size > 1) {
    ir::Instr& length = b_.Append(Op::kMatchLength, {subject}, node);
    length.number = star < 0 ? size : size - 1;
    length.extra = star < 0 ? 0 : 1;
    ContinueIf(length.result(), fail);
  }
  if (only_wildcards) return;
  if (star >= 0 && IsStarWildcardPattern(patterns[star])) {
    // `[a, *_, b]`: each item is read as it is matched (subject[i], subject[len - k]).
    for (int i = 0; i < size && !failed(); ++i) {
      if (i == star || IsWildcardPattern(patterns[i])) continue;
      ir::Instr& item = b_.Append(Op::kMatchItem, {subject}, node);
      item.number = i < star ? i : i - size;
      Pattern(patterns[i], item.result(), fail, captures);
    }
    return;
  }
  ir::Instr& unpack = b_.Append(Op::kUnpack, {subject}, node, size);
  unpack.number = size;
  unpack.extra = star;
  ir::ValueList items = unpack.results;
  SubPatterns(patterns, items, fail, captures);
}

void FunctionLowerer::MappingPattern(const ast::MatchMapping* node, ValueId subject, BlockId fail,
                                     Captures* captures) {
  size_t size = node->keys.size;
  bool has_rest = node->rest.data() != nullptr;
  ContinueIf(b_.Value(Op::kMatchIsMapping, {subject}), fail);
  if (size == 0 && !has_rest) return;
  if (size > 0) {
    ir::Instr& length = b_.Append(Op::kMatchLength, {subject}, node);
    length.number = static_cast<int64_t>(size);
    length.extra = 1;
    ContinueIf(length.result(), fail);
  }
  ir::ValueList operands = {subject};
  for (Node* key : node->keys) operands.push_back(Expr(key));
  if (size > 0) {
    ValueId values = b_.Value(Op::kMatchKeys, operands, node);
    std::vector<const Node*> patterns(node->patterns.begin(), node->patterns.end());
    SubPatterns(patterns, MatchedValues(values, size, fail, node), fail, captures);
  }
  if (has_rest) (*captures)[std::string(node->rest)] = b_.Value(Op::kMatchRest, operands, node);
}

void FunctionLowerer::ClassPattern(const ast::MatchClass* node, ValueId subject, BlockId fail,
                                   Captures* captures) {
  ValueId type = Expr(node->cls);
  ir::Instr& match = b_.Append(Op::kMatchClass, {subject, type}, node);
  match.number = node->patterns.size;
  for (std::string_view name : node->kwd_attrs) match.keywords.emplace_back(name);
  ValueId attributes = match.result();
  std::vector<const Node*> patterns(node->patterns.begin(), node->patterns.end());
  patterns.insert(patterns.end(), node->kwd_patterns.begin(), node->kwd_patterns.end());
  SubPatterns(patterns, MatchedValues(attributes, patterns.size(), fail, node), fail, captures);
}

void FunctionLowerer::OrPattern(const ast::MatchOr* node, ValueId subject, BlockId fail, Captures* captures) {
  std::vector<std::string> names;
  if (!CaseNames(node, &names)) return;
  BlockId matched = b_.NewBlock();
  std::vector<ValueId> params;
  for (size_t i = 0; i < names.size(); ++i) params.push_back(function_->AddParam(matched));
  for (Node* alternative : node->patterns) {
    if (failed()) return;
    BlockId next = b_.NewBlock();
    Captures own;
    Pattern(alternative, subject, next, &own);
    ir::ValueList arguments;
    for (const std::string& name : names) arguments.push_back(own.at(name));
    b_.Jump(matched, std::move(arguments));
    b_.SetBlock(next);
  }
  b_.Jump(fail);
  b_.SetBlock(matched);
  for (size_t i = 0; i < names.size(); ++i) (*captures)[names[i]] = params[i];
}

void FunctionLowerer::Pattern(const Node* pattern, ValueId subject, BlockId fail, Captures* captures) {
  if (failed()) return;
  switch (pattern->node_kind) {
    case Kind::kMatchValue: {
      ValueId expected = Expr(pattern->As<ast::MatchValue>()->value);
      ContinueIfCompared(Op::kCompareBool, ast::CmpOpKind::kEq, subject, expected, pattern, fail);
      return;
    }
    case Kind::kMatchSingleton: {
      ValueId singleton = b_.Constant(pattern->As<ast::MatchSingleton>()->value);
      ContinueIfCompared(Op::kIdentity, ast::CmpOpKind::kIs, subject, singleton, nullptr, fail);
      return;
    }
    case Kind::kMatchAs: {
      const auto* as = pattern->As<ast::MatchAs>();
      if (as->pattern) Pattern(as->pattern, subject, fail, captures);
      if (as->name.data()) (*captures)[std::string(as->name)] = subject;
      return;
    }
    case Kind::kMatchStar: {
      // Inside a sequence pattern: `subject` is the list of the items it stands for.
      const auto* star = pattern->As<ast::MatchStar>();
      if (star->name.data()) (*captures)[std::string(star->name)] = subject;
      return;
    }
    case Kind::kMatchOr:
      OrPattern(pattern->As<ast::MatchOr>(), subject, fail, captures);
      return;
    case Kind::kMatchSequence:
      SequencePattern(pattern->As<ast::MatchSequence>(), subject, fail, captures);
      return;
    case Kind::kMatchMapping:
      MappingPattern(pattern->As<ast::MatchMapping>(), subject, fail, captures);
      return;
    case Kind::kMatchClass:
      ClassPattern(pattern->As<ast::MatchClass>(), subject, fail, captures);
      return;
    default:
      Unsupported(pattern, absl::StrCat("pattern ", ast::KindName(pattern->node_kind)));
      return;
  }
}

void FunctionLowerer::Match(const ast::Match* node) {
  ValueId subject = Expr(node->subject);
  BlockId end = b_.NewBlock();
  for (Node* case_node : node->cases) {
    if (failed()) return;
    const auto* match_case = case_node->As<ast::MatchCase>();
    std::vector<std::string> names;
    if (!CaseNames(match_case->pattern, &names)) return;
    BlockId next = b_.NewBlock();
    Captures captures;
    Pattern(match_case->pattern, subject, next, &captures);
    if (failed()) return;
    for (const std::string& name : names) StoreName(name, captures.at(name), match_case->pattern);
    if (match_case->guard) {
      BlockId body = b_.NewBlock();
      Condition(match_case->guard, body, next);
      b_.SetBlock(body);
    }
    Statements(match_case->body);
    b_.JumpIfOpen(end);
    b_.SetBlock(next);
  }
  b_.Jump(end);
  b_.SetBlock(end);
}

}  // namespace kiln::lower
