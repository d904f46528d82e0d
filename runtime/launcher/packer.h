// The packer: gathers a Kiln program's payload and writes it as one self-extracting
// executable (launcher stub + payload, see payload_format.h) or as a plain folder.
//
// Payload layout (also the folder layout, and the cache entry the launcher makes):
//   <name>                          the program (stripped when a strip tool is given)
//   <name>.runfiles/<workspace>/... data files, where the program's runfiles lookup finds them
//   stdlib.zip                      the selected stdlib modules, stored (not deflated)
//   lib-dynload/*.so                the selected extension modules
//   lib/<soname>                    shared libraries they and the program need that are
//                                   not part of every Debian system (see system_libraries)
//
// Output depends only on the inputs: entries sorted, no timestamps, fixed modes, zstd
// single-threaded; two clean builds give the same bytes.
#ifndef KILN_RUNTIME_LAUNCHER_PACKER_H_
#define KILN_RUNTIME_LAUNCHER_PACKER_H_

#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "runtime/launcher/payload_format.h"

namespace kiln::launcher {

// The runtime libraries of glibc and those every Debian system has (apt and dpkg need
// them): never bundled.
inline constexpr char kDefaultSystemLibraries[] =
    R"(ld-linux.*|lib(c|m|dl|rt|pthread|util|resolv|anl|nsl|crypt|mvec|gcc_s|stdc\+\+|z)\.so\.\d+)";

struct PackOptions {
  std::string name;                  // the program's name (payload_format.h: IsValidName)
  std::string program;               // path of the linked program
  std::string stdlib_zip;            // the toolchain's stdlib zip (stored entries)
  std::string stdlib_imports;        // the toolchain's import graph
  std::vector<std::string> extension_files;  // the toolchain's lib-dynload .so files
  // The program's own prebuilt extension modules (`extensions` of the rule): always
  // packed into lib-dynload/, whatever the import graph says.
  std::vector<std::string> program_extensions;
  std::vector<std::pair<std::string, std::string>> data;  // payload path, source path
  std::vector<std::string> imports;  // modules the program imports
  std::string stdlib_include;        // re2, full match on module names ("" = none)
  std::string stdlib_exclude;        // re2, full match on module names ("" = none)
  std::vector<std::string> library_path;  // where to look for needed shared libraries
  std::string system_libraries = kDefaultSystemLibraries;  // re2 on sonames: not bundled
  std::string strip_tool;            // strips the program when set
};

struct PayloadFile {
  Entry entry;
  std::string contents;
};

// Reads and selects everything, sorted by path.
absl::StatusOr<std::vector<PayloadFile>> CollectPayload(const PackOptions& options);

// stub + index + zstd payload + trailer, written to `output` (mode 0755).
absl::Status WriteExecutable(const std::string& stub_path, const std::string& name,
                             const std::vector<PayloadFile>& files, int compression_level,
                             const std::string& output);

// The unpacked layout under `directory` (created if missing).
absl::Status WriteDirectory(const std::vector<PayloadFile>& files, const std::string& directory);

// Reads a whole file.
absl::StatusOr<std::string> ReadFile(const std::string& path);

}  // namespace kiln::launcher

#endif  // KILN_RUNTIME_LAUNCHER_PACKER_H_
