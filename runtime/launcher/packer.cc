#include "runtime/launcher/packer.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <deque>
#include <map>
#include <set>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "re2/re2.h"
#include "runtime/launcher/elf_reader.h"
#include "runtime/launcher/sha256.h"
#include "runtime/launcher/stdlib_selection.h"
#include "runtime/launcher/stored_zip.h"
#include "zstd.h"

extern char** environ;

namespace kiln::launcher {
namespace {

std::string Basename(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

absl::Status WriteFile(const std::string& path, const std::string& contents, mode_t mode) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0) return absl::InternalError(absl::StrCat("cannot write ", path, ": ", strerror(errno)));
  size_t done = 0;
  while (done < contents.size()) {
    ssize_t written = write(fd, contents.data() + done, contents.size() - done);
    if (written < 0) {
      if (errno == EINTR) continue;
      close(fd);
      return absl::InternalError(absl::StrCat("cannot write ", path, ": ", strerror(errno)));
    }
    done += static_cast<size_t>(written);
  }
  if (close(fd) != 0 || chmod(path.c_str(), mode) != 0) {
    return absl::InternalError(absl::StrCat("cannot write ", path, ": ", strerror(errno)));
  }
  return absl::OkStatus();
}

// Runs `strip_tool --strip-all -o TEMPORARY program` and returns the stripped bytes.
absl::StatusOr<std::string> Strip(const std::string& strip_tool, const std::string& program) {
  const char* temporary_root = getenv("TMPDIR");
  std::string pattern = absl::StrCat(
      temporary_root != nullptr && temporary_root[0] == '/' ? temporary_root : "/tmp",
      "/kiln-pack-strip-XXXXXX");
  std::vector<char> temporary(pattern.begin(), pattern.end());
  temporary.push_back('\0');
  int fd = mkstemp(temporary.data());
  if (fd < 0) return absl::InternalError(absl::StrCat("cannot create ", pattern));
  close(fd);
  std::vector<std::string> arguments = {strip_tool, "--strip-all", "-o", temporary.data(),
                                        program};
  std::vector<char*> argv;
  for (std::string& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);
  pid_t child;
  int spawn_error = posix_spawn(&child, strip_tool.c_str(), nullptr, nullptr, argv.data(), environ);
  int status = 0;
  if (spawn_error == 0) waitpid(child, &status, 0);
  absl::StatusOr<std::string> stripped = ReadFile(temporary.data());
  unlink(temporary.data());
  if (spawn_error != 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return absl::InternalError(absl::StrCat("stripping ", program, " with ", strip_tool, " failed"));
  }
  return stripped;
}

// Adds the shared libraries that `elf_files` need (transitively), except system ones.
absl::Status AddSharedLibraries(const PackOptions& options,
                                const std::vector<const PayloadFile*>& elf_files,
                                std::vector<PayloadFile>* files, bool* program_needs_rpath) {
  RE2 system(options.system_libraries, RE2::Quiet);
  if (!system.ok()) {
    return absl::InvalidArgumentError(absl::StrCat("bad system_libraries pattern: ", system.error()));
  }
  std::deque<std::pair<std::string, std::string>> queue;  // soname, who needs it
  for (const PayloadFile* file : elf_files) {
    absl::StatusOr<DynamicInfo> info = ReadDynamicInfo(file->contents);
    if (!info.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(file->entry.path, ": ", info.status().message()));
    }
    for (const std::string& soname : info->needed) queue.emplace_back(soname, file->entry.path);
  }
  std::set<std::string> seen;
  while (!queue.empty()) {
    auto [soname, needed_by] = queue.front();
    queue.pop_front();
    if (RE2::FullMatch(soname, system) || !seen.insert(soname).second) continue;
    if (soname.find('/') != std::string::npos) {
      return absl::InvalidArgumentError(absl::StrCat(needed_by, " needs a library by path: ", soname));
    }
    absl::StatusOr<std::string> contents = absl::NotFoundError("");
    for (const std::string& directory : options.library_path) {
      contents = ReadFile(directory + "/" + soname);
      if (contents.ok()) break;
    }
    if (!contents.ok()) {
      return absl::NotFoundError(absl::StrCat("cannot find ", soname, " (needed by ", needed_by,
                                              ") in ", absl::StrJoin(options.library_path, ":")));
    }
    absl::StatusOr<DynamicInfo> info = ReadDynamicInfo(*contents);
    if (!info.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(soname, ": ", info.status().message()));
    }
    for (const std::string& next : info->needed) queue.emplace_back(next, soname);
    files->push_back({{"lib/" + soname, 0755, contents->size()}, std::move(*contents)});
    *program_needs_rpath = true;
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    return absl::NotFoundError(absl::StrCat("cannot read ", path, ": ", strerror(errno)));
  }
  std::string contents;
  char buffer[1 << 16];
  size_t count;
  while ((count = std::fread(buffer, 1, sizeof(buffer), file)) > 0) contents.append(buffer, count);
  bool failed = std::ferror(file) != 0;
  std::fclose(file);
  if (failed) return absl::InternalError(absl::StrCat("cannot read ", path));
  return contents;
}

absl::StatusOr<std::vector<PayloadFile>> CollectPayload(const PackOptions& options) {
  if (!IsValidName(options.name)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "bad program name '", options.name,
        "': use 1 to 39 of [A-Za-z0-9._+-], not starting with '.'"));
  }
  std::vector<PayloadFile> files;

  // The program.
  absl::StatusOr<std::string> program = options.strip_tool.empty()
                                            ? ReadFile(options.program)
                                            : Strip(options.strip_tool, options.program);
  if (!program.ok()) return program.status();
  files.push_back({{options.name, 0755, program->size()}, std::move(*program)});

  // The standard library.
  absl::StatusOr<std::string> graph_text = ReadFile(options.stdlib_imports);
  if (!graph_text.ok()) return graph_text.status();
  absl::StatusOr<ImportGraph> graph = ImportGraph::Parse(*graph_text);
  if (!graph.ok()) return graph.status();
  std::vector<std::string> include, exclude;
  if (!options.stdlib_include.empty()) include.push_back(options.stdlib_include);
  if (!options.stdlib_exclude.empty()) exclude.push_back(options.stdlib_exclude);
  absl::StatusOr<Selection> selection = graph->Select(options.imports, include, exclude);
  if (!selection.ok()) return selection.status();

  absl::StatusOr<std::string> stdlib = ReadFile(options.stdlib_zip);
  if (!stdlib.ok()) return stdlib.status();
  absl::StatusOr<std::vector<ZipEntry>> zip_entries = ReadStoredZip(*stdlib);
  if (!zip_entries.ok()) {
    return absl::InvalidArgumentError(absl::StrCat(options.stdlib_zip, ": ", zip_entries.status().message()));
  }
  std::vector<ZipEntry> kept;
  for (const ZipEntry& entry : *zip_entries) {
    if (selection->python_modules.count(ModuleOfZipEntry(entry.name)) > 0) kept.push_back(entry);
  }
  std::sort(kept.begin(), kept.end(),
            [](const ZipEntry& a, const ZipEntry& b) { return a.name < b.name; });
  std::string selected_zip = WriteStoredZip(kept);
  files.push_back({{"stdlib.zip", 0644, selected_zip.size()}, std::move(selected_zip)});

  std::vector<size_t> elf_indices = {0};
  std::set<std::string> found_extensions;
  auto add_extension = [&](const std::string& path) -> absl::Status {
    std::string base = Basename(path);
    if (!absl::EndsWith(base, ".so")) {
      return absl::InvalidArgumentError(absl::StrCat("extension ", path, ": not a .so file"));
    }
    std::string module = base.substr(0, base.find('.'));
    if (!found_extensions.insert(module).second) {
      return absl::InvalidArgumentError(
          absl::StrCat("extension ", path, ": a second extension module named ", module));
    }
    absl::StatusOr<std::string> contents = ReadFile(path);
    if (!contents.ok()) return contents.status();
    elf_indices.push_back(files.size());
    files.push_back({{"lib-dynload/" + base, 0755, contents->size()}, std::move(*contents)});
    return absl::OkStatus();
  };
  for (const std::string& path : options.extension_files) {
    std::string base = Basename(path);
    if (selection->extensions.count(base.substr(0, base.find('.'))) == 0) continue;
    if (absl::Status status = add_extension(path); !status.ok()) return status;
  }
  for (const std::string& path : options.program_extensions) {
    if (absl::Status status = add_extension(path); !status.ok()) return status;
  }
  for (const std::string& module : selection->extensions) {
    if (found_extensions.count(module) == 0) {
      return absl::NotFoundError(absl::StrCat("extension module ", module,
                                              " is in the import graph but not in lib-dynload"));
    }
  }

  // Shared libraries the program and extensions need.
  std::vector<const PayloadFile*> elf_files;
  for (size_t index : elf_indices) elf_files.push_back(&files[index]);
  bool needs_rpath = false;
  std::vector<PayloadFile> libraries;
  absl::Status status = AddSharedLibraries(options, elf_files, &libraries, &needs_rpath);
  if (!status.ok()) return status;
  if (needs_rpath) {
    absl::StatusOr<DynamicInfo> info = ReadDynamicInfo(files[0].contents);
    if (!info.ok()) return info.status();
    std::vector<std::string> rpath = absl::StrSplit(info->rpath, ':');
    if (std::find(rpath.begin(), rpath.end(), "$ORIGIN/lib") == rpath.end()) {
      return absl::FailedPreconditionError(absl::StrCat(
          options.program, " needs bundled shared libraries (",
          libraries.front().entry.path, "...) but has no DT_RPATH $ORIGIN/lib; link it with "
          "-Wl,--disable-new-dtags,-rpath,$ORIGIN/lib (KILN_PACKED_PROGRAM_LINKOPTS in "
          "@kiln//rules/private:pack.bzl)"));
    }
  }
  for (PayloadFile& library : libraries) files.push_back(std::move(library));

  // Data files, where the program's runfiles lookup finds them.
  for (const auto& [destination, source] : options.data) {
    std::string path = absl::StrCat(options.name, ".runfiles/", destination);
    if (!IsSafeRelativePath(path)) {
      return absl::InvalidArgumentError(absl::StrCat("bad data file path ", destination));
    }
    absl::StatusOr<std::string> contents = ReadFile(source);
    if (!contents.ok()) return contents.status();
    struct stat info;
    uint32_t mode = stat(source.c_str(), &info) == 0 && (info.st_mode & 0100) ? 0755 : 0644;
    files.push_back({{path, mode, contents->size()}, std::move(*contents)});
  }

  std::sort(files.begin(), files.end(), [](const PayloadFile& a, const PayloadFile& b) {
    return a.entry.path < b.entry.path;
  });
  for (size_t i = 1; i < files.size(); ++i) {
    if (files[i].entry.path == files[i - 1].entry.path) {
      return absl::InvalidArgumentError(absl::StrCat("two payload files at ", files[i].entry.path));
    }
  }
  return files;
}

absl::Status WriteExecutable(const std::string& stub_path, const std::string& name,
                             const std::vector<PayloadFile>& files, int compression_level,
                             const std::string& output) {
  absl::StatusOr<std::string> stub = ReadFile(stub_path);
  if (!stub.ok()) return stub.status();
  std::vector<Entry> entries;
  std::string contents;
  Trailer trailer;
  trailer.name = name;
  for (const PayloadFile& file : files) {
    entries.push_back(file.entry);
    contents += file.contents;
    if (file.entry.path == name) trailer.program_size = file.entry.size;
  }
  std::string index = EncodeIndex(entries);

  ZSTD_CCtx* context = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, compression_level);
  ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1);
  ZSTD_CCtx_setParameter(context, ZSTD_c_contentSizeFlag, 1);
  if (contents.size() > (size_t{1} << 23)) {
    ZSTD_CCtx_setParameter(context, ZSTD_c_windowLog, kMaxWindowLog);
  }
  std::string payload(ZSTD_compressBound(contents.size()), '\0');
  size_t size = ZSTD_compress2(context, payload.data(), payload.size(), contents.data(),
                               contents.size());
  ZSTD_freeCCtx(context);
  if (ZSTD_isError(size)) {
    return absl::InternalError(absl::StrCat("zstd: ", ZSTD_getErrorName(size)));
  }
  payload.resize(size);

  trailer.index_offset = stub->size();
  trailer.index_size = index.size();
  trailer.payload_size = payload.size();
  trailer.unpacked_size = contents.size();
  trailer.entry_count = static_cast<uint32_t>(entries.size());
  Sha256 hash;
  hash.Update(index.data(), index.size());
  hash.Update(payload.data(), payload.size());
  trailer.hash = hash.Finish();
  return WriteFile(output, *stub + index + payload + EncodeTrailer(trailer), 0755);
}

absl::Status WriteDirectory(const std::vector<PayloadFile>& files, const std::string& directory) {
  mkdir(directory.c_str(), 0755);
  for (const PayloadFile& file : files) {
    const std::string& path = file.entry.path;
    for (size_t slash = path.find('/'); slash != std::string::npos;
         slash = path.find('/', slash + 1)) {
      std::string parent = directory + "/" + path.substr(0, slash);
      if (mkdir(parent.c_str(), 0755) != 0 && errno != EEXIST) {
        return absl::InternalError(absl::StrCat("cannot create ", parent, ": ", strerror(errno)));
      }
    }
    absl::Status status = WriteFile(directory + "/" + path, file.contents, file.entry.mode);
    if (!status.ok()) return status;
  }
  return absl::OkStatus();
}

}  // namespace kiln::launcher
