#include "compiler/ast/visit.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace kiln::ast {

int MaxDepth(Node* node, int cap) {
  // Iterative (explicit stack), so depth is not limited by the C++ stack.
  if (node == nullptr) return 0;
  int deepest = 0;
  std::vector<std::pair<Node*, int>> stack;
  stack.emplace_back(node, 1);
  while (!stack.empty()) {
    // Not a structured binding: C++17 lambdas cannot capture one (clang rejects it).
    Node* current = stack.back().first;
    int depth = stack.back().second;
    stack.pop_back();
    deepest = std::max(deepest, depth);
    if (deepest > cap) return cap + 1;
    ForEachChild(current, [&](Node* child) { stack.emplace_back(child, depth + 1); });
  }
  return deepest;
}

}  // namespace kiln::ast
