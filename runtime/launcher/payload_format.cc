#include "runtime/launcher/payload_format.h"

#include <cstdio>
#include <cstring>

#include "runtime/launcher/sha256.h"

namespace kiln::launcher {
namespace {

void PutUint(std::string* out, uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out->push_back(static_cast<char>(value >> (8 * i)));
}

uint64_t GetUint(const uint8_t* bytes, int count) {
  uint64_t value = 0;
  for (int i = count - 1; i >= 0; --i) value = (value << 8) | bytes[i];
  return value;
}

// Adds without overflow; false when the sum does not fit.
bool AddChecked(uint64_t a, uint64_t b, uint64_t* sum) {
  if (a > UINT64_MAX - b) return false;
  *sum = a + b;
  return true;
}

bool ParseDecimal(const std::string& text, uint64_t* value) {
  if (text.empty() || text.size() > 19) return false;
  uint64_t result = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    result = result * 10 + static_cast<uint64_t>(c - '0');
  }
  *value = result;
  return true;
}

bool ParseOctalMode(const std::string& text, uint32_t* mode) {
  if (text.empty() || text.size() > 4) return false;
  uint32_t result = 0;
  for (char c : text) {
    if (c < '0' || c > '7') return false;
    result = result * 8 + static_cast<uint32_t>(c - '0');
  }
  if ((result & ~0755u) != 0) return false;  // only rwx for the owner, rx for others
  *mode = result;
  return true;
}

}  // namespace

std::string EncodeTrailer(const Trailer& trailer) {
  std::string out(reinterpret_cast<const char*>(trailer.hash.data()), trailer.hash.size());
  PutUint(&out, trailer.index_offset, 8);
  PutUint(&out, trailer.index_size, 8);
  PutUint(&out, trailer.payload_size, 8);
  PutUint(&out, trailer.unpacked_size, 8);
  PutUint(&out, trailer.program_size, 8);
  PutUint(&out, trailer.entry_count, 4);
  PutUint(&out, trailer.format_version, 4);
  std::string name = trailer.name.substr(0, kMaxNameLength);
  name.resize(kMaxNameLength + 1, '\0');
  out += name;
  out.append(kTrailerMagic, sizeof(kTrailerMagic));
  return out;
}

bool DecodeTrailer(const uint8_t* bytes, uint64_t file_size, Trailer* trailer,
                   std::string* reason) {
  if (file_size < kTrailerSize ||
      std::memcmp(bytes + kTrailerSize - sizeof(kTrailerMagic), kTrailerMagic,
                  sizeof(kTrailerMagic)) != 0) {
    *reason = "no Kiln payload at the end of the file (truncated or damaged)";
    return false;
  }
  std::memcpy(trailer->hash.data(), bytes, 32);
  trailer->index_offset = GetUint(bytes + 32, 8);
  trailer->index_size = GetUint(bytes + 40, 8);
  trailer->payload_size = GetUint(bytes + 48, 8);
  trailer->unpacked_size = GetUint(bytes + 56, 8);
  trailer->program_size = GetUint(bytes + 64, 8);
  trailer->entry_count = static_cast<uint32_t>(GetUint(bytes + 72, 4));
  trailer->format_version = static_cast<uint32_t>(GetUint(bytes + 76, 4));
  if (trailer->format_version != kFormatVersion) {
    *reason = "payload format version " + std::to_string(trailer->format_version) +
              ", but this launcher reads version " + std::to_string(kFormatVersion);
    return false;
  }
  const char* name = reinterpret_cast<const char*>(bytes + 80);
  trailer->name.assign(name, strnlen(name, kMaxNameLength + 1));
  if (trailer->name.size() > kMaxNameLength || !IsValidName(trailer->name)) {
    *reason = "damaged payload trailer (bad program name)";
    return false;
  }
  uint64_t end = 0;
  if (!AddChecked(trailer->index_offset, trailer->index_size, &end) ||
      !AddChecked(end, trailer->payload_size, &end) || !AddChecked(end, kTrailerSize, &end) ||
      end != file_size) {
    *reason = "file size " + std::to_string(file_size) +
              " does not match its payload trailer (truncated or damaged)";
    return false;
  }
  if (trailer->entry_count == 0 || trailer->index_size > (64u << 20)) {
    *reason = "damaged payload trailer";
    return false;
  }
  return true;
}

std::string EncodeIndex(const std::vector<Entry>& entries) {
  std::string out = "kiln-index 1\n";
  for (const Entry& entry : entries) {
    char mode[8];
    std::snprintf(mode, sizeof(mode), "%o", entry.mode);
    out += std::string(mode) + " " + std::to_string(entry.size) + " " + entry.path + "\n";
  }
  return out;
}

bool IsSafeRelativePath(const std::string& path) {
  if (path.empty() || path.size() > 1024 || path == kStampFileName) return false;
  size_t start = 0;
  while (true) {
    size_t slash = path.find('/', start);
    size_t end = slash == std::string::npos ? path.size() : slash;
    if (end == start) return false;  // empty component, leading '/' or "//"
    std::string component = path.substr(start, end - start);
    if (component == "." || component == "..") return false;
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  for (unsigned char c : path) {
    if (c < 0x20 || c == 0x7f) return false;
  }
  return true;
}

bool IsValidName(const std::string& name) {
  if (name.empty() || name.size() > kMaxNameLength || name[0] == '.') return false;
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-' || c == '+';
    if (!ok) return false;
  }
  return name != "stdlib.zip" && name != "lib" && name != "lib-dynload";
}

bool ParseIndex(const char* text, size_t size, const Trailer& trailer,
                std::vector<Entry>* entries, std::string* reason) {
  std::string index(text, size);
  *reason = "damaged payload index";
  const std::string header = "kiln-index 1\n";
  if (index.compare(0, header.size(), header) != 0) return false;
  entries->clear();
  uint64_t total = 0;
  bool found_program = false;
  size_t position = header.size();
  while (position < index.size()) {
    size_t end = index.find('\n', position);
    if (end == std::string::npos) return false;
    std::string line = index.substr(position, end - position);
    position = end + 1;
    size_t first = line.find(' ');
    size_t second = first == std::string::npos ? first : line.find(' ', first + 1);
    if (second == std::string::npos) return false;
    Entry entry;
    if (!ParseOctalMode(line.substr(0, first), &entry.mode) ||
        !ParseDecimal(line.substr(first + 1, second - first - 1), &entry.size)) {
      return false;
    }
    entry.path = line.substr(second + 1);
    if (!IsSafeRelativePath(entry.path)) return false;
    if (!entries->empty() && !(entries->back().path < entry.path)) return false;  // sorted
    if (!AddChecked(total, entry.size, &total)) return false;
    if (entry.path == trailer.name) {
      if (entry.size != trailer.program_size) return false;
      found_program = true;
    }
    entries->push_back(entry);
    if (entries->size() > trailer.entry_count) return false;
  }
  if (entries->size() != trailer.entry_count || total != trailer.unpacked_size ||
      !found_program) {
    return false;
  }
  reason->clear();
  return true;
}

std::string CacheEntryName(const Trailer& trailer) {
  return trailer.name + "-" + HexString(trailer.hash.data(), 8);
}

std::string StampText(const Trailer& trailer) {
  return "kiln-stamp " + std::to_string(trailer.format_version) + " " +
         HexString(trailer.hash.data(), trailer.hash.size()) + " " +
         std::to_string(trailer.index_size) + " " + std::to_string(trailer.payload_size) + " " +
         std::to_string(trailer.unpacked_size) + " " + std::to_string(trailer.program_size) +
         " " + std::to_string(trailer.entry_count) + "\n";
}

}  // namespace kiln::launcher
