// A bump-pointer arena for AST nodes and their strings and lists. Nodes are
// trivially destructible, so the arena frees memory in bulk when it dies and
// no node is ever deleted on its own.
//
//   kiln::ast::Arena arena;
//   auto* name = arena.New<kiln::ast::Name>();
//   std::string_view copy = arena.CopyString("spam");
#ifndef KILN_COMPILER_AST_ARENA_H_
#define KILN_COMPILER_AST_ARENA_H_

#include <cstddef>
#include <cstring>
#include <memory>
#include <new>
#include <string_view>
#include <type_traits>
#include <vector>

namespace kiln::ast {

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  void* Allocate(size_t size, size_t alignment) {
    size_t aligned = (offset_ + alignment - 1) & ~(alignment - 1);
    if (blocks_.empty() || aligned + size > block_size_) {
      size_t block = size > kBlockSize ? size : kBlockSize;
      blocks_.push_back(std::make_unique<std::byte[]>(block));
      block_size_ = block;
      aligned = 0;
    }
    offset_ = aligned + size;
    bytes_used_ += size;
    return blocks_.back().get() + aligned;
  }

  template <typename T, typename... Args>
  T* New(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
    return new (Allocate(sizeof(T), alignof(T))) T(std::forward<Args>(args)...);
  }

  std::string_view CopyString(std::string_view text) {
    if (text.empty()) return std::string_view("", 0);
    char* copy = static_cast<char*>(Allocate(text.size(), 1));
    std::memcpy(copy, text.data(), text.size());
    return std::string_view(copy, text.size());
  }

  template <typename T>
  T* CopyArray(const std::vector<T>& items) {
    if (items.empty()) return nullptr;
    T* copy = static_cast<T*>(Allocate(sizeof(T) * items.size(), alignof(T)));
    std::memcpy(static_cast<void*>(copy), items.data(), sizeof(T) * items.size());
    return copy;
  }

  size_t bytes_used() const { return bytes_used_; }

 private:
  static constexpr size_t kBlockSize = 64 * 1024;
  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  size_t block_size_ = 0;
  size_t offset_ = 0;
  size_t bytes_used_ = 0;
};

}  // namespace kiln::ast

#endif  // KILN_COMPILER_AST_ARENA_H_
