// Generic traversal helpers generated from the node table in ast.h.
//
//   kiln::ast::ForEachChild(node, [](kiln::ast::Node* child) { ... });
//   int depth = kiln::ast::MaxDepth(module, /*cap=*/3000);
#ifndef KILN_COMPILER_AST_VISIT_H_
#define KILN_COMPILER_AST_VISIT_H_

#include "compiler/ast/ast.h"

namespace kiln::ast {

namespace visit_internal {
template <typename F>
void VisitField(Node* child, F& function) {
  if (child != nullptr) function(child);
}
template <typename F>
void VisitField(const NodeList& list, F& function) {
  for (Node* child : list) {
    if (child != nullptr) function(child);
  }
}
template <typename T, typename F>
void VisitField(const T&, F&) {}
}  // namespace visit_internal

// Calls function(Node*) for every direct child node, in field order.
template <typename F>
void ForEachChild(Node* node, F&& function) {
  switch (node->node_kind) {
#define KILN_VISIT_FIELD(Type, field) visit_internal::VisitField(typed->field, function);
#define KILN_VISIT_CASE(Name, PythonName, CategoryValue) \
  case Kind::k##Name: {                                  \
    auto* typed = static_cast<Name*>(node);              \
    (void)typed;                                         \
    KILN_AST_FIELDS_##Name(KILN_VISIT_FIELD) break;      \
  }
    KILN_AST_NODE_KINDS(KILN_VISIT_CASE)
#undef KILN_VISIT_CASE
#undef KILN_VISIT_FIELD
  }
}

// Depth of the tree in nodes (a lone node has depth 1), counting at most
// `cap + 1` levels: the result is min(depth, cap + 1). Does not recurse.
int MaxDepth(Node* node, int cap);

}  // namespace kiln::ast

#endif  // KILN_COMPILER_AST_VISIT_H_
