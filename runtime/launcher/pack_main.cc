// pack: writes a Kiln program as one self-extracting executable, or as a folder.
//
//   pack --name=hello --program=hello_program --stub=launcher
//        --stdlib_zip=stdlib.zip --stdlib_imports=stdlib_imports.txt
//        --extensions=a.so,b.so --imports=json,decimal --output=hello
//   pack ... --standalone_dir=hello_dir      (the same files, unpacked)
//
// Run by the kiln_packed_binary rule (@kiln//rules/private:pack.bzl), one action per
// output. Exit status 0 on success, 1 with a one-line message otherwise.
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_split.h"
#include "runtime/launcher/packer.h"

ABSL_FLAG(std::string, name, "", "Program name: the payload's entry and the cache key prefix.");
ABSL_FLAG(std::string, program, "", "The linked program to pack.");
ABSL_FLAG(std::string, stub, "", "The launcher stub (runtime/launcher:launcher).");
ABSL_FLAG(std::string, stdlib_zip, "", "The toolchain's stdlib zip (stored entries).");
ABSL_FLAG(std::string, stdlib_imports, "", "The toolchain's stdlib import graph.");
ABSL_FLAG(std::vector<std::string>, extensions, {}, "The toolchain's lib-dynload .so files.");
ABSL_FLAG(std::vector<std::string>, program_extensions, {},
          "The program's own extension modules (.so), always packed into lib-dynload/.");
ABSL_FLAG(std::vector<std::string>, data, {},
          "Data files as RUNFILES_PATH=SOURCE, placed at <name>.runfiles/RUNFILES_PATH.");
ABSL_FLAG(std::vector<std::string>, imports, {}, "Modules the program imports.");
ABSL_FLAG(std::string, imports_file, "", "A file of imported module names, one per line.");
ABSL_FLAG(std::string, stdlib_include, "",
          "re2: stdlib modules (full name match) to include with what they import.");
ABSL_FLAG(std::string, stdlib_exclude, "", "re2: stdlib modules (full name match) to leave out.");
ABSL_FLAG(std::vector<std::string>, library_path,
          std::vector<std::string>({"/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib",
                                    "/usr/lib"}),
          "Where the shared libraries that the program and extensions need are found.");
ABSL_FLAG(std::string, system_libraries, kiln::launcher::kDefaultSystemLibraries,
          "re2 on sonames: libraries every target system has (never bundled).");
ABSL_FLAG(std::string, strip, "", "A strip tool: the program is packed stripped.");
ABSL_FLAG(int, compression_level, 19, "zstd compression level, 1..22.");
ABSL_FLAG(std::string, output, "", "Write the self-extracting executable here.");
ABSL_FLAG(std::string, standalone_dir, "", "Write the unpacked folder here instead.");

namespace {

absl::Status Run() {
  kiln::launcher::PackOptions options;
  options.name = absl::GetFlag(FLAGS_name);
  options.program = absl::GetFlag(FLAGS_program);
  options.stdlib_zip = absl::GetFlag(FLAGS_stdlib_zip);
  options.stdlib_imports = absl::GetFlag(FLAGS_stdlib_imports);
  options.extension_files = absl::GetFlag(FLAGS_extensions);
  options.program_extensions = absl::GetFlag(FLAGS_program_extensions);
  for (const std::string& pair : absl::GetFlag(FLAGS_data)) {
    size_t equals = pair.find('=');
    if (equals == std::string::npos) {
      return absl::InvalidArgumentError("--data wants RUNFILES_PATH=SOURCE, got " + pair);
    }
    options.data.emplace_back(pair.substr(0, equals), pair.substr(equals + 1));
  }
  options.imports = absl::GetFlag(FLAGS_imports);
  if (std::string imports_file = absl::GetFlag(FLAGS_imports_file); !imports_file.empty()) {
    absl::StatusOr<std::string> text = kiln::launcher::ReadFile(imports_file);
    if (!text.ok()) return text.status();
    for (absl::string_view line : absl::StrSplit(*text, '\n', absl::SkipWhitespace())) {
      options.imports.emplace_back(absl::StripAsciiWhitespace(line));
    }
  }
  options.stdlib_include = absl::GetFlag(FLAGS_stdlib_include);
  options.stdlib_exclude = absl::GetFlag(FLAGS_stdlib_exclude);
  options.library_path = absl::GetFlag(FLAGS_library_path);
  options.system_libraries = absl::GetFlag(FLAGS_system_libraries);
  options.strip_tool = absl::GetFlag(FLAGS_strip);
  int level = absl::GetFlag(FLAGS_compression_level);
  std::string output = absl::GetFlag(FLAGS_output);
  std::string standalone_dir = absl::GetFlag(FLAGS_standalone_dir);
  if (options.program.empty() || options.stdlib_zip.empty() || options.stdlib_imports.empty() ||
      output.empty() == standalone_dir.empty()) {
    return absl::InvalidArgumentError(
        "needs --program, --stdlib_zip, --stdlib_imports and one of --output, --standalone_dir");
  }
  if (level < 1 || level > 22) {
    return absl::InvalidArgumentError("--compression_level must be within 1..22");
  }
  absl::StatusOr<std::vector<kiln::launcher::PayloadFile>> files =
      kiln::launcher::CollectPayload(options);
  if (!files.ok()) return files.status();
  if (!standalone_dir.empty()) return kiln::launcher::WriteDirectory(*files, standalone_dir);
  if (absl::GetFlag(FLAGS_stub).empty()) return absl::InvalidArgumentError("--output needs --stub");
  return kiln::launcher::WriteExecutable(absl::GetFlag(FLAGS_stub), options.name, *files, level,
                                         output);
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("Packs a Kiln program into one self-extracting executable.");
  absl::ParseCommandLine(argc, argv);
  absl::Status status = Run();
  if (!status.ok()) {
    std::fprintf(stderr, "pack: %s\n", std::string(status.message()).c_str());
    return 1;
  }
  return 0;
}
