// Reads and writes zip archives of STORED (uncompressed) entries: the toolchain's stdlib
// zip is read, the selected modules are written to the payload's stdlib.zip.
//
// Writing is deterministic: entries in the order given (the packer sorts them), fixed
// date (1980-01-01), fixed permissions (0644), no extra fields. Python's zipimport reads
// the result.
#ifndef KILN_RUNTIME_LAUNCHER_STORED_ZIP_H_
#define KILN_RUNTIME_LAUNCHER_STORED_ZIP_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace kiln::launcher {

struct ZipEntry {
  std::string name;
  absl::string_view data;  // points into the archive's bytes
  uint32_t crc32 = 0;
};

// Lists the entries of `archive` (which must outlive them). Entries that are not stored
// or not well-formed are an error.
absl::StatusOr<std::vector<ZipEntry>> ReadStoredZip(absl::string_view archive);

// A zip of `entries` (stored). Their crc32 fields are written as given.
std::string WriteStoredZip(const std::vector<ZipEntry>& entries);

// CRC-32 (the zip/IEEE polynomial) of `data`.
uint32_t Crc32(absl::string_view data);

}  // namespace kiln::launcher

#endif  // KILN_RUNTIME_LAUNCHER_STORED_ZIP_H_
