#include "runtime/launcher/stored_zip.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace kiln::launcher {
namespace {

constexpr uint32_t kLocalHeader = 0x04034b50;
constexpr uint32_t kCentralHeader = 0x02014b50;
constexpr uint32_t kEndOfCentralDirectory = 0x06054b50;
constexpr uint16_t kDosDate1980 = (0 << 9) | (1 << 5) | 1;  // 1980-01-01

uint32_t Get(absl::string_view bytes, size_t offset, int size) {
  uint32_t value = 0;
  for (int i = size - 1; i >= 0; --i) {
    value = (value << 8) | static_cast<uint8_t>(bytes[offset + i]);
  }
  return value;
}

void Put(std::string* out, uint32_t value, int size) {
  for (int i = 0; i < size; ++i) out->push_back(static_cast<char>(value >> (8 * i)));
}

}  // namespace

uint32_t Crc32(absl::string_view data) {
  static uint32_t table[256];
  static bool ready = false;
  if (!ready) {
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t value = i;
      for (int bit = 0; bit < 8; ++bit) value = (value >> 1) ^ ((value & 1) ? 0xEDB88320u : 0);
      table[i] = value;
    }
    ready = true;
  }
  uint32_t crc = 0xFFFFFFFFu;
  for (char c : data) crc = table[(crc ^ static_cast<uint8_t>(c)) & 0xFF] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

absl::StatusOr<std::vector<ZipEntry>> ReadStoredZip(absl::string_view archive) {
  // The end-of-central-directory record is the last 22 bytes (we write no comments).
  if (archive.size() < 22) return absl::InvalidArgumentError("not a zip archive (too short)");
  size_t end = archive.size() - 22;
  if (Get(archive, end, 4) != kEndOfCentralDirectory) {
    return absl::InvalidArgumentError("not a zip archive without comment");
  }
  uint32_t count = Get(archive, end + 10, 2);
  uint32_t directory_offset = Get(archive, end + 16, 4);
  std::vector<ZipEntry> entries;
  size_t position = directory_offset;
  for (uint32_t i = 0; i < count; ++i) {
    if (position > archive.size() || archive.size() - position < 46 ||
        Get(archive, position, 4) != kCentralHeader) {
      return absl::InvalidArgumentError("bad zip central directory");
    }
    uint32_t method = Get(archive, position + 10, 2);
    uint32_t crc = Get(archive, position + 16, 4);
    uint32_t compressed = Get(archive, position + 20, 4);
    uint32_t size = Get(archive, position + 24, 4);
    uint32_t name_length = Get(archive, position + 28, 2);
    uint32_t extra_length = Get(archive, position + 30, 2);
    uint32_t comment_length = Get(archive, position + 32, 2);
    uint32_t local = Get(archive, position + 42, 4);
    if (archive.size() - position < 46u + name_length) {
      return absl::InvalidArgumentError("bad zip central directory");
    }
    std::string name(archive.substr(position + 46, name_length));
    if (method != 0 || compressed != size) {
      return absl::InvalidArgumentError(
          absl::StrCat("zip entry ", name, " is compressed; Kiln's stdlib zip stores entries"));
    }
    if (local > archive.size() || archive.size() - local < 30 ||
        Get(archive, local, 4) != kLocalHeader) {
      return absl::InvalidArgumentError(absl::StrCat("bad zip local header for ", name));
    }
    size_t data = local + 30 + Get(archive, local + 26, 2) + Get(archive, local + 28, 2);
    if (data > archive.size() || archive.size() - data < size) {
      return absl::InvalidArgumentError(absl::StrCat("truncated zip entry ", name));
    }
    entries.push_back({name, archive.substr(data, size), crc});
    position += 46 + name_length + extra_length + comment_length;
  }
  return entries;
}

std::string WriteStoredZip(const std::vector<ZipEntry>& entries) {
  std::string out, directory;
  for (const ZipEntry& entry : entries) {
    uint32_t offset = static_cast<uint32_t>(out.size());
    Put(&out, kLocalHeader, 4);
    Put(&out, 20, 2);  // version needed
    Put(&out, 0, 2);   // flags
    Put(&out, 0, 2);   // stored
    Put(&out, 0, 2);   // time 00:00:00
    Put(&out, kDosDate1980, 2);
    Put(&out, entry.crc32, 4);
    Put(&out, static_cast<uint32_t>(entry.data.size()), 4);
    Put(&out, static_cast<uint32_t>(entry.data.size()), 4);
    Put(&out, static_cast<uint32_t>(entry.name.size()), 2);
    Put(&out, 0, 2);  // extra
    out += entry.name;
    out.append(entry.data.data(), entry.data.size());

    Put(&directory, kCentralHeader, 4);
    Put(&directory, (3 << 8) | 20, 2);  // made by: Unix, 2.0
    Put(&directory, 20, 2);
    Put(&directory, 0, 2);
    Put(&directory, 0, 2);
    Put(&directory, 0, 2);
    Put(&directory, kDosDate1980, 2);
    Put(&directory, entry.crc32, 4);
    Put(&directory, static_cast<uint32_t>(entry.data.size()), 4);
    Put(&directory, static_cast<uint32_t>(entry.data.size()), 4);
    Put(&directory, static_cast<uint32_t>(entry.name.size()), 2);
    Put(&directory, 0, 2);  // extra
    Put(&directory, 0, 2);  // comment
    Put(&directory, 0, 2);  // disk
    Put(&directory, 0, 2);  // internal attributes
    Put(&directory, 0100644u << 16, 4);
    Put(&directory, offset, 4);
    directory += entry.name;
  }
  uint32_t directory_offset = static_cast<uint32_t>(out.size());
  out += directory;
  Put(&out, kEndOfCentralDirectory, 4);
  Put(&out, 0, 2);
  Put(&out, 0, 2);
  Put(&out, static_cast<uint32_t>(entries.size()), 2);
  Put(&out, static_cast<uint32_t>(entries.size()), 2);
  Put(&out, static_cast<uint32_t>(directory.size()), 4);
  Put(&out, directory_offset, 4);
  Put(&out, 0, 2);
  return out;
}

}  // namespace kiln::launcher
