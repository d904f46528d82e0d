// Checker: match statements and their patterns (compiler_match_inner and
// compiler_pattern_*): captures that make the remaining patterns unreachable, names bound
// twice, starred names, mapping keys, class pattern keywords, the names of alternatives.
#include "compiler/sema/syntax_checks_internal.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "compiler/ast/dump.h"

namespace kiln::sema::syntax_checks_internal {
namespace {

bool Contains(const std::vector<std::string_view>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// compiler_error_duplicate_store's message.
std::string DuplicateCapture(std::string_view name) {
  return absl::StrCat("multiple assignments to name ", ast::PythonStrRepr(name), " in pattern");
}

}  // namespace

// ---------------------------------------------------------------------------------
// match statements (compiler_match_inner and compiler_pattern_*: a pattern sets the
// location to itself and does not restore it)

void Checker::Match(const ast::Match* node) {
  Expression(node->subject);
  if (failed()) return;
  uint32_t cases = node->cases.size;
  const auto* last = node->cases[cases - 1]->As<ast::MatchCase>();
  // A trailing `case _:` is not compiled as a pattern.
  bool has_default = ast::IsWildcardPattern(last->pattern) && cases > 1;
  for (uint32_t i = 0; i < cases - (has_default ? 1 : 0); ++i) {
    const auto* match_case = node->cases[i]->As<ast::MatchCase>();
    SetLocation(match_case->pattern);
    PatternContext context;
    context.allow_irrefutable = match_case->guard != nullptr || i + 1 == cases;
    Pattern(match_case->pattern, &context);
    if (failed()) return;
    if (match_case->guard) Expression(match_case->guard);
    Statements(match_case->body);
    if (failed()) return;
    SetLocation(match_case->pattern);
  }
  if (has_default) {
    SetLocation(last->pattern);
    if (last->guard) Expression(last->guard);
    Statements(last->body);
  }
}

// pattern_helper_store_name.
void Checker::StoreCapture(std::string_view name, PatternContext* context) {
  if (name.data() == nullptr) return;
  if (Forbidden(name, ast::ExprContext::kStore)) return;
  if (Contains(context->stores, name)) {
    Error(DuplicateCapture(name));
    return;
  }
  context->stores.push_back(name);
}

// compiler_pattern_subpattern: irrefutable sub-patterns are fine.
void Checker::Subpattern(const Node* pattern, PatternContext* context) {
  bool allow = context->allow_irrefutable;
  context->allow_irrefutable = true;
  Pattern(pattern, context);
  context->allow_irrefutable = allow;
}

void Checker::Pattern(const Node* pattern, PatternContext* context) {
  if (failed()) return;
  SetLocation(pattern);
  switch (pattern->node_kind) {
    case Kind::kMatchValue:
      Expression(pattern->As<ast::MatchValue>()->value);
      break;
    case Kind::kMatchSingleton:
      break;
    case Kind::kMatchSequence:
      SequencePattern(pattern->As<ast::MatchSequence>()->patterns, context);
      break;
    case Kind::kMatchMapping:
      MappingPattern(pattern->As<ast::MatchMapping>(), context);
      break;
    case Kind::kMatchClass:
      ClassPattern(pattern->As<ast::MatchClass>(), context);
      break;
    case Kind::kMatchStar:
      StoreCapture(pattern->As<ast::MatchStar>()->name, context);
      break;
    case Kind::kMatchAs: {
      const auto* as = pattern->As<ast::MatchAs>();
      if (as->pattern == nullptr) {
        if (!context->allow_irrefutable) {
          Error(as->name.data() ? absl::StrCat("name capture ", ast::PythonStrRepr(as->name),
                                               " makes remaining patterns unreachable")
                                : "wildcard makes remaining patterns unreachable");
          return;
        }
      } else {
        Pattern(as->pattern, context);
        if (failed()) return;
      }
      StoreCapture(as->name, context);
      break;
    }
    case Kind::kMatchOr:
      OrPattern(pattern->As<ast::MatchOr>()->patterns, context);
      break;
    default:
      break;
  }
}

// compiler_pattern_sequence: the stars are counted first; then either only a length
// check (all wildcards), or the items taken by index (the star is a wildcard, and
// wildcards are skipped), or the sequence unpacked.
void Checker::SequencePattern(const NodeList& patterns, PatternContext* context) {
  int64_t star = -1;
  bool only_wildcard = true;
  bool star_wildcard = false;
  for (uint32_t i = 0; i < patterns.size; ++i) {
    if (patterns[i]->As<ast::MatchStar>()) {
      if (star >= 0) {
        Error("multiple starred names in sequence pattern");
        return;
      }
      star_wildcard = ast::IsStarWildcardPattern(patterns[i]);
      only_wildcard = only_wildcard && star_wildcard;
      star = i;
      continue;
    }
    only_wildcard = only_wildcard && ast::IsWildcardPattern(patterns[i]);
  }
  if (only_wildcard) return;
  if (star_wildcard) {
    for (uint32_t i = 0; i < patterns.size; ++i) {
      if (ast::IsWildcardPattern(patterns[i]) || static_cast<int64_t>(i) == star) continue;
      Subpattern(patterns[i], context);
      if (failed()) return;
    }
    return;
  }
  if (star >= (1 << 8) || static_cast<int64_t>(patterns.size) - star - 1 >= (INT_MAX >> 8)) {
    Error("too many expressions in star-unpacking sequence pattern");
    return;
  }
  for (const Node* child : patterns) {
    Subpattern(child, context);
    if (failed()) return;
  }
}

// compiler_pattern_mapping: the keys are checked (at the pattern's location) before the
// values are matched; `**rest` is stored last.
void Checker::MappingPattern(const ast::MatchMapping* pattern, PatternContext* context) {
  if (pattern->keys.empty() && pattern->rest.data() == nullptr) return;
  std::vector<KeyValue> seen;
  for (const Node* key : pattern->keys) {
    std::optional<KeyValue> value = FoldKey(key);
    if (value) {
      for (const KeyValue& other : seen) {
        if (KeysEqual(other, *value)) {
          Error(absl::StrCat("mapping pattern checks duplicate key (", KeyRepr(*value), ")"));
          return;
        }
      }
      seen.push_back(*value);
    } else if (key->node_kind != Kind::kAttribute) {
      Error("mapping pattern keys may only match literals and attribute lookups");
      return;
    }
    Expression(key);
    if (failed()) return;
  }
  for (const Node* child : pattern->patterns) {
    Subpattern(child, context);
    if (failed()) return;
  }
  StoreCapture(pattern->rest, context);
}

// compiler_pattern_class: the keyword names are checked first, each error at a
// keyword's pattern; wildcard sub-patterns are skipped.
void Checker::ClassPattern(const ast::MatchClass* pattern, PatternContext* context) {
  const ast::IdentList& attributes = pattern->kwd_attrs;
  for (uint32_t i = 0; i < attributes.size; ++i) {
    SetLocation(pattern->kwd_patterns[i]);
    if (Forbidden(attributes.items[i], ast::ExprContext::kStore)) return;
    for (uint32_t j = i + 1; j < attributes.size; ++j) {
      if (attributes.items[j] == attributes.items[i]) {
        SetLocation(pattern->kwd_patterns[j]);
        Error(absl::StrCat("attribute name repeated in class pattern: ",
                          std::string(attributes.items[i])));
        return;
      }
    }
  }
  if (attributes.size > 0) SetLocation(pattern);
  Expression(pattern->cls);
  for (const NodeList* list : {&pattern->patterns, &pattern->kwd_patterns}) {
    for (const Node* child : *list) {
      if (failed()) return;
      if (ast::IsWildcardPattern(child)) continue;
      Subpattern(child, context);
    }
  }
}

// compiler_pattern_or: each alternative binds into a list of its own; all must bind
// the first one's names, which are then added to the enclosing pattern's.
void Checker::OrPattern(const NodeList& alternatives, PatternContext* context) {
  std::vector<std::string_view> control;
  for (uint32_t i = 0; i < alternatives.size; ++i) {
    SetLocation(alternatives[i]);
    PatternContext alternative;
    alternative.allow_irrefutable = i + 1 == alternatives.size && context->allow_irrefutable;
    Pattern(alternatives[i], &alternative);
    if (failed()) return;
    if (i == 0) {
      control = alternative.stores;
      continue;
    }
    bool same = alternative.stores.size() == control.size();
    for (std::string_view name : control) same = same && Contains(alternative.stores, name);
    if (!same) {
      Error("alternative patterns bind different names");
      return;
    }
  }
  for (std::string_view name : control) {
    if (Contains(context->stores, name)) {
      Error(DuplicateCapture(name));
      return;
    }
    context->stores.push_back(name);
  }
}

}  // namespace kiln::sema::syntax_checks_internal
