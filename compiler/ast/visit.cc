#include "compiler/ast/visit.h"

#include <algorithm>

namespace kiln::ast {

int MaxDepth(Node* node, int cap) {
  if (node == nullptr) return 0;
  if (cap <= 0) return 1;
  int deepest = 0;
  ForEachChild(node, [&](Node* child) {
    if (deepest < cap) deepest = std::max(deepest, MaxDepth(child, cap - 1));
  });
  return 1 + deepest;
}

}  // namespace kiln::ast
