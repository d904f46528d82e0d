#include "runtime/launcher/elf_reader.h"

#include <elf.h>

#include <cstring>

#include "absl/status/status.h"

namespace kiln::launcher {
namespace {

template <typename T>
bool ReadAt(absl::string_view file, uint64_t offset, T* value) {
  if (offset > file.size() || file.size() - offset < sizeof(T)) return false;
  std::memcpy(value, file.data() + offset, sizeof(T));
  return true;
}

}  // namespace

absl::StatusOr<DynamicInfo> ReadDynamicInfo(absl::string_view file) {
  Elf64_Ehdr header;
  if (!ReadAt(file, 0, &header) || std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0) {
    return absl::InvalidArgumentError("not an ELF file");
  }
  if (header.e_ident[EI_CLASS] != ELFCLASS64 || header.e_ident[EI_DATA] != ELFDATA2LSB) {
    return absl::InvalidArgumentError("not a 64-bit little-endian ELF file");
  }
  if (header.e_phentsize != sizeof(Elf64_Phdr) || header.e_phnum > 4096) {
    return absl::InvalidArgumentError("bad ELF program headers");
  }
  std::vector<Elf64_Phdr> segments;
  const Elf64_Phdr* dynamic_segment = nullptr;
  for (uint64_t i = 0; i < header.e_phnum; ++i) {
    Elf64_Phdr segment;
    if (!ReadAt(file, header.e_phoff + i * sizeof(Elf64_Phdr), &segment)) {
      return absl::InvalidArgumentError("truncated ELF program headers");
    }
    segments.push_back(segment);
  }
  for (const Elf64_Phdr& segment : segments) {
    if (segment.p_type == PT_DYNAMIC) dynamic_segment = &segment;
  }
  DynamicInfo info;
  if (dynamic_segment == nullptr) return info;

  // Dynamic entries name the string table by virtual address: map it to a file offset.
  auto file_offset = [&](uint64_t address, uint64_t* offset) {
    for (const Elf64_Phdr& segment : segments) {
      if (segment.p_type == PT_LOAD && address >= segment.p_vaddr &&
          address - segment.p_vaddr < segment.p_filesz) {
        *offset = segment.p_offset + (address - segment.p_vaddr);
        return true;
      }
    }
    return false;
  };
  std::vector<std::pair<int64_t, uint64_t>> entries;
  uint64_t string_table = 0, string_table_size = 0;
  bool have_string_table = false;
  uint64_t count = dynamic_segment->p_filesz / sizeof(Elf64_Dyn);
  for (uint64_t i = 0; i < count && i < 65536; ++i) {
    Elf64_Dyn entry;
    if (!ReadAt(file, dynamic_segment->p_offset + i * sizeof(Elf64_Dyn), &entry)) {
      return absl::InvalidArgumentError("truncated ELF dynamic section");
    }
    if (entry.d_tag == DT_NULL) break;
    if (entry.d_tag == DT_STRTAB) {
      have_string_table = file_offset(entry.d_un.d_ptr, &string_table);
    } else if (entry.d_tag == DT_STRSZ) {
      string_table_size = entry.d_un.d_val;
    } else {
      entries.emplace_back(entry.d_tag, entry.d_un.d_val);
    }
  }
  if (!have_string_table || string_table > file.size() ||
      file.size() - string_table < string_table_size) {
    return absl::InvalidArgumentError("bad ELF dynamic string table");
  }
  absl::string_view strings = file.substr(string_table, string_table_size);
  auto string_at = [&](uint64_t offset, std::string* out) {
    if (offset >= strings.size()) return false;
    size_t end = strings.find('\0', offset);
    if (end == absl::string_view::npos) return false;
    *out = std::string(strings.substr(offset, end - offset));
    return true;
  };
  for (const auto& [tag, value] : entries) {
    std::string text;
    if (tag != DT_NEEDED && tag != DT_RPATH && tag != DT_RUNPATH) continue;
    if (!string_at(value, &text)) return absl::InvalidArgumentError("bad ELF dynamic string");
    if (tag == DT_NEEDED) info.needed.push_back(text);
    if (tag == DT_RPATH) info.rpath = text;
    if (tag == DT_RUNPATH) info.runpath = text;
  }
  return info;
}

}  // namespace kiln::launcher
