#include "compiler/parse/unicode_names.h"

#include <cctype>
#include <cstring>
#include <string>
#include <vector>

namespace kiln::parse {
namespace {

#include "compiler/parse/unicode_names.inc"

const std::vector<const char*>& NameIndex() {
  static const std::vector<const char*>* index = [] {
    auto* names = new std::vector<const char*>();
    const char* cursor = kUnicodeNameBlob;
    const char* end = kUnicodeNameBlob + sizeof(kUnicodeNameBlob) - 1;
    while (cursor < end) {
      names->push_back(cursor);
      cursor += std::strlen(cursor) + 1;
    }
    return names;
  }();
  return *index;
}

bool InCjkRange(uint32_t cp) {
  return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
         (cp >= 0x20000 && cp <= 0x2A6DF) || (cp >= 0x2A700 && cp <= 0x2B738) ||
         (cp >= 0x2B740 && cp <= 0x2B81D) || (cp >= 0x2B820 && cp <= 0x2CEA1) ||
         (cp >= 0x2CEB0 && cp <= 0x2EBE0) || (cp >= 0x30000 && cp <= 0x3134A);
}

}  // namespace

int32_t LookupUnicodeName(std::string_view name) {
  std::string upper;
  for (char c : name) upper.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  const std::string kCjk = "CJK UNIFIED IDEOGRAPH-";
  if (upper.compare(0, kCjk.size(), kCjk) == 0) {
    std::string hex = upper.substr(kCjk.size());
    if (hex.size() != 4 && hex.size() != 5) return -1;
    uint32_t value = 0;
    for (char c : hex) {
      if (!std::isxdigit(static_cast<unsigned char>(c))) return -1;
      value = value * 16 + (std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : c - 'A' + 10);
    }
    return InCjkRange(value) ? static_cast<int32_t>(value) : -1;
  }
  const std::vector<const char*>& names = NameIndex();
  size_t low = 0, high = names.size();
  while (low < high) {
    size_t mid = (low + high) / 2;
    int compare = std::strcmp(names[mid], upper.c_str());
    if (compare == 0) return static_cast<int32_t>(kUnicodeNameCodePoints[mid]);
    if (compare < 0) low = mid + 1; else high = mid;
  }
  return -1;
}

}  // namespace kiln::parse
