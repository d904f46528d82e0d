// Reads what the packer needs from a 64-bit little-endian ELF file: the DT_NEEDED
// shared libraries, DT_RPATH and DT_RUNPATH. Used to find the shared libraries that the
// program and its extension modules load, so the packer can bundle them.
//
//   absl::StatusOr<kiln::launcher::DynamicInfo> info = ReadDynamicInfo(bytes);
//   for (const std::string& soname : info->needed) ...
//
// The input is untrusted: every offset is bounds-checked; bad input is an error status.
#ifndef KILN_RUNTIME_LAUNCHER_ELF_READER_H_
#define KILN_RUNTIME_LAUNCHER_ELF_READER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace kiln::launcher {

struct DynamicInfo {
  std::vector<std::string> needed;  // DT_NEEDED, in file order
  std::string rpath;                // DT_RPATH ("" when absent)
  std::string runpath;              // DT_RUNPATH ("" when absent)
};

// A static executable (no PT_DYNAMIC) gives an empty DynamicInfo.
absl::StatusOr<DynamicInfo> ReadDynamicInfo(absl::string_view file);

}  // namespace kiln::launcher

#endif  // KILN_RUNTIME_LAUNCHER_ELF_READER_H_
