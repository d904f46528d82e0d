// The launcher stub: the first part of every packed Kiln program (see payload_format.h).
//
// Warm start: read the 128-byte trailer of /proc/self/exe, check the cache entry
// <root>/<name>-<hash16>/ (owner, mode, stamp file, program size) and execv the program
// there with the same argv (argv[0] stays what the user typed) and KILN_LAUNCHER set to
// this file's path (runtime/main reads it for sys.executable and removes it).
//
// First run: check the payload's SHA-256, unpack into a fresh temporary directory in the
// cache root, write the stamp last and rename the directory into place (atomic: parallel
// first runs are safe; a crash leaves only an unused ".tmp-*" directory, which a later
// first run of the same payload removes once it is an hour old). A cache entry
// that fails its stamp is moved aside and re-created; a cache directory owned by someone
// else or writable by group/others is refused. When the cache cannot be written, the
// program runs from a private temporary directory that is removed when it exits; signals
// sent to the launcher are forwarded and the exit status (or death by signal) is passed on.
//
// Cache root: $KILN_CACHE_DIR, else $XDG_CACHE_HOME/kiln, else $HOME/.cache/kiln.
// Every failure prints one line "<program>: <reason>" and exits with kLauncherFailure.
//
// Static, small: libc and zstd's decoder only (no Abseil, no iostreams).
#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <string>
#include <vector>

#include "runtime/launcher/payload_format.h"
#include "runtime/launcher/sha256.h"
#include "zstd.h"

namespace kiln::launcher {
namespace {

constexpr int kLauncherFailure = 125;

const char* g_program_name = "kiln";

[[noreturn]] void Fail(const std::string& reason) {
  std::string line = std::string(g_program_name) + ": " + reason + "\n";
  ssize_t ignored = write(STDERR_FILENO, line.data(), line.size());
  (void)ignored;
  _exit(kLauncherFailure);
}

std::string ErrnoText(int error) { return strerror(error); }

struct Self {
  std::string path;  // this launcher's absolute path
  int fd = -1;
  uint64_t file_size = 0;
  Trailer trailer;
};

void ReadSelf(Self* self) {
  char buffer[4096];
  ssize_t length = readlink("/proc/self/exe", buffer, sizeof(buffer) - 1);
  if (length <= 0) Fail("cannot find its own file (/proc/self/exe): " + ErrnoText(errno));
  self->path.assign(buffer, length);
  self->fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
  struct stat info;
  if (self->fd < 0 || fstat(self->fd, &info) != 0) {
    Fail("cannot read its own file " + self->path + ": " + ErrnoText(errno));
  }
  self->file_size = static_cast<uint64_t>(info.st_size);
  uint8_t bytes[kTrailerSize];
  std::string reason;
  if (self->file_size < kTrailerSize ||
      pread(self->fd, bytes, kTrailerSize, self->file_size - kTrailerSize) !=
          static_cast<ssize_t>(kTrailerSize)) {
    Fail("no Kiln payload at the end of the file (truncated or damaged)");
  }
  if (!DecodeTrailer(bytes, self->file_size, &self->trailer, &reason)) Fail(reason);
}

std::string CacheRoot() {
  const char* explicit_root = getenv("KILN_CACHE_DIR");
  if (explicit_root != nullptr && explicit_root[0] != '\0') return explicit_root;
  const char* xdg = getenv("XDG_CACHE_HOME");
  if (xdg != nullptr && xdg[0] == '/') return std::string(xdg) + "/kiln";
  const char* home = getenv("HOME");
  if (home != nullptr && home[0] == '/') return std::string(home) + "/.cache/kiln";
  return "";
}

// A directory the launcher trusts: owned by this user, not writable by group or others.
// Returns an empty string when trusted, else the one-line refusal.
std::string Distrust(const std::string& path, const struct stat& info) {
  if (!S_ISDIR(info.st_mode)) return "refusing cache directory " + path + ": not a directory";
  if (info.st_uid != geteuid()) {
    return "refusing cache directory " + path + ": owned by uid " +
           std::to_string(info.st_uid) + ", not by you (uid " + std::to_string(geteuid()) + ")";
  }
  if ((info.st_mode & 022) != 0) {
    char mode[8];
    snprintf(mode, sizeof(mode), "%04o", static_cast<unsigned>(info.st_mode & 07777));
    return "refusing cache directory " + path + ": writable by group or others (mode " + mode +
           ")";
  }
  return "";
}

enum class EntryState { kReady, kMissing, kStale };

// Checks the cache entry cheaply: never reads the payload.
EntryState CheckEntry(const std::string& entry, const Trailer& trailer) {
  int directory = open(entry.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (directory < 0) return errno == ENOENT ? EntryState::kMissing : EntryState::kStale;
  struct stat info;
  if (fstat(directory, &info) != 0) {
    close(directory);
    return EntryState::kStale;
  }
  std::string refusal = Distrust(entry, info);
  if (!refusal.empty()) Fail(refusal);
  std::string expected = StampText(trailer);
  char stamp[512];
  ssize_t length = -1;
  int stamp_fd = openat(directory, kStampFileName, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (stamp_fd >= 0) {
    length = read(stamp_fd, stamp, sizeof(stamp));
    close(stamp_fd);
  }
  struct stat program;
  bool ready = length == static_cast<ssize_t>(expected.size()) &&
               memcmp(stamp, expected.data(), expected.size()) == 0 &&
               fstatat(directory, trailer.name.c_str(), &program, AT_SYMLINK_NOFOLLOW) == 0 &&
               S_ISREG(program.st_mode) &&
               static_cast<uint64_t>(program.st_size) == trailer.program_size;
  close(directory);
  return ready ? EntryState::kReady : EntryState::kStale;
}

int RemoveOne(const char* path, const struct stat*, int, struct FTW*) {
  remove(path);
  return 0;
}

void RemoveTree(const std::string& path) {
  nftw(path.c_str(), RemoveOne, 16, FTW_DEPTH | FTW_PHYS);
}

// Removes what crashed first runs of this payload left in `root` (".tmp-<entry>-*" and
// ".stale-<entry>-*" more than an hour old: a first run in progress is younger).
void RemoveDebris(const std::string& root, const std::string& entry_name) {
  DIR* directory = opendir(root.c_str());
  if (directory == nullptr) return;
  std::string temporary = ".tmp-" + entry_name + "-", stale = ".stale-" + entry_name + "-";
  time_t now = time(nullptr);
  std::vector<std::string> debris;
  while (struct dirent* item = readdir(directory)) {
    std::string name = item->d_name;
    if (name.compare(0, temporary.size(), temporary) != 0 &&
        name.compare(0, stale.size(), stale) != 0) {
      continue;
    }
    struct stat info;
    std::string path = root + "/" + name;
    if (lstat(path.c_str(), &info) == 0 && info.st_uid == geteuid() &&
        now - info.st_mtime > 3600) {
      debris.push_back(path);
    }
  }
  closedir(directory);
  for (const std::string& path : debris) RemoveTree(path);
}

// Creates `path` and its missing parents with mode 0700. Returns 0 or an errno value.
int MakeDirectories(const std::string& path) {
  struct stat info;
  if (stat(path.c_str(), &info) == 0) return S_ISDIR(info.st_mode) ? 0 : ENOTDIR;
  size_t slash = path.rfind('/');
  if (slash != std::string::npos && slash > 0) {
    int error = MakeDirectories(path.substr(0, slash));
    if (error != 0) return error;
  }
  if (mkdir(path.c_str(), 0700) != 0 && errno != EEXIST) return errno;
  return 0;
}

struct UnpackResult {
  bool ok = true;
  bool damaged = false;  // the payload is bad: refuse, never fall back
  std::string reason;
};

UnpackResult WriteError(const std::string& what, int error) {
  UnpackResult result;
  result.ok = false;
  result.reason = "cannot write " + what + ": " + ErrnoText(error);
  errno = error;
  return result;
}

UnpackResult Damaged(const std::string& reason) {
  UnpackResult result;
  result.ok = false;
  result.damaged = true;
  result.reason = reason;
  return result;
}

bool WriteAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t written = write(fd, data, size);
    if (written < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += written;
    size -= static_cast<size_t>(written);
  }
  return true;
}

// Opens `path` below `directory` for writing, creating its parent folders (0700).
int CreateEntryFile(int directory, const std::string& path, uint32_t mode) {
  for (size_t slash = path.find('/'); slash != std::string::npos;
       slash = path.find('/', slash + 1)) {
    if (mkdirat(directory, path.substr(0, slash).c_str(), 0700) != 0 && errno != EEXIST) {
      return -1;
    }
  }
  return openat(directory, path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                mode & 0755);
}

// Unpacks the (already verified) payload into the empty directory `target`, stamp last.
UnpackResult Unpack(const Self& self, const uint8_t* mapped, const std::string& target) {
  const Trailer& trailer = self.trailer;
  std::vector<Entry> entries;
  std::string reason;
  if (!ParseIndex(reinterpret_cast<const char*>(mapped), trailer.index_size, trailer, &entries,
                  &reason)) {
    return Damaged(reason);
  }
  int directory = open(target.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (directory < 0) return WriteError(target, errno);

  ZSTD_DCtx* context = ZSTD_createDCtx();
  if (context == nullptr) {
    close(directory);
    return Damaged("out of memory");
  }
  ZSTD_DCtx_setParameter(context, ZSTD_d_windowLogMax, kMaxWindowLog);
  ZSTD_inBuffer input = {mapped + trailer.index_size, trailer.payload_size, 0};
  std::vector<char> buffer(1 << 18);
  size_t entry_index = 0;
  uint64_t entry_remaining = 0;
  int fd = -1;
  UnpackResult result;
  bool frame_done = false;
  // Opens files until one with bytes left is open (empty files are just created).
  auto advance = [&]() -> bool {
    while (fd < 0 || entry_remaining == 0) {
      if (fd >= 0) {
        close(fd);
        fd = -1;
      }
      if (entry_index == entries.size()) return true;
      const Entry& entry = entries[entry_index++];
      fd = CreateEntryFile(directory, entry.path, entry.mode);
      if (fd < 0) {
        result = WriteError(target + "/" + entry.path, errno);
        return false;
      }
      entry_remaining = entry.size;
    }
    return true;
  };
  if (!advance()) goto done;
  while (!frame_done) {
    ZSTD_outBuffer output = {buffer.data(), buffer.size(), 0};
    size_t status = ZSTD_decompressStream(context, &output, &input);
    if (ZSTD_isError(status)) {
      result = Damaged(std::string("damaged payload: ") + ZSTD_getErrorName(status));
      goto done;
    }
    frame_done = status == 0;
    if (!frame_done && output.pos == 0 && input.pos == input.size) {
      result = Damaged("damaged payload: compressed data ends early");
      goto done;
    }
    const char* data = buffer.data();
    size_t available = output.pos;
    while (available > 0) {
      if (fd < 0) {
        result = Damaged("damaged payload: more data than the index lists");
        goto done;
      }
      size_t take = entry_remaining < available ? entry_remaining : available;
      if (!WriteAll(fd, data, take)) {
        result = WriteError(target + "/" + entries[entry_index - 1].path, errno);
        goto done;
      }
      data += take;
      available -= take;
      entry_remaining -= take;
      if (!advance()) goto done;
    }
  }
  if (input.pos != input.size || fd >= 0 || entry_index != entries.size()) {
    result = Damaged("damaged payload: its size does not match the index");
    goto done;
  }
  {
    std::string stamp = StampText(trailer);
    int stamp_fd = openat(directory, kStampFileName,
                          O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (stamp_fd < 0 || !WriteAll(stamp_fd, stamp.data(), stamp.size()) ||
        close(stamp_fd) != 0) {
      result = WriteError(target + "/" + kStampFileName, errno);
    }
  }
done:
  int saved_errno = errno;
  if (fd >= 0) close(fd);
  ZSTD_freeDCtx(context);
  close(directory);
  errno = saved_errno;
  return result;
}

// Maps the index and payload and checks their SHA-256 against the trailer.
const uint8_t* MapAndVerify(const Self& self) {
  const Trailer& trailer = self.trailer;
  uint64_t page = static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
  uint64_t start = trailer.index_offset / page * page;
  uint64_t length = trailer.index_offset + trailer.index_size + trailer.payload_size - start;
  void* mapped = mmap(nullptr, length, PROT_READ, MAP_PRIVATE, self.fd, static_cast<off_t>(start));
  if (mapped == MAP_FAILED) Fail("cannot map its payload: " + ErrnoText(errno));
  const uint8_t* base = static_cast<const uint8_t*>(mapped) + (trailer.index_offset - start);
  Sha256 hash;
  hash.Update(base, trailer.index_size + trailer.payload_size);
  if (hash.Finish() != trailer.hash) {
    Fail("payload is damaged (SHA-256 mismatch); rebuild or download the program again");
  }
  return base;
}

[[noreturn]] void Exec(const std::string& directory, const Self& self, char** argv) {
  std::string program = directory + "/" + self.trailer.name;
  setenv("KILN_LAUNCHER", self.path.c_str(), 1);
  execv(program.c_str(), argv);
  Fail("cannot run " + program + ": " + ErrnoText(errno));
}

volatile sig_atomic_t g_child = 0;

void ForwardSignal(int signal_number, siginfo_t* info, void*) {
  // Signals the kernel sends to the whole process group (Ctrl-C, terminal hangup) reach
  // the child already; forward only those sent to the launcher itself.
  if (g_child > 0 && info != nullptr && info->si_code <= 0) kill(g_child, signal_number);
}

constexpr int kForwardedSignals[] = {SIGHUP,  SIGINT,  SIGQUIT, SIGTERM, SIGUSR1,
                                     SIGUSR2, SIGALRM, SIGWINCH, SIGCONT};

// Runs the program from a temporary directory that is removed afterwards.
[[noreturn]] void RunFromTemporary(const Self& self, const uint8_t* mapped, char** argv,
                                   const std::string& why) {
  const char* temporary_root = getenv("TMPDIR");
  std::string pattern = std::string(temporary_root != nullptr && temporary_root[0] == '/'
                                        ? temporary_root
                                        : "/tmp") +
                        "/kiln-" + self.trailer.name + "-XXXXXX";
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (mkdtemp(buffer.data()) == nullptr) {
    Fail(why + "; and cannot create a temporary directory " + pattern + ": " +
         ErrnoText(errno));
  }
  std::string directory = buffer.data();
  UnpackResult result = Unpack(self, mapped, directory);
  if (!result.ok) {
    RemoveTree(directory);
    Fail(result.damaged ? result.reason : why + "; and " + result.reason);
  }

  sigset_t all, previous;
  sigfillset(&all);
  sigprocmask(SIG_BLOCK, &all, &previous);
  pid_t child = fork();
  if (child < 0) {
    RemoveTree(directory);
    Fail("cannot start the program: " + ErrnoText(errno));
  }
  if (child == 0) {
    sigprocmask(SIG_SETMASK, &previous, nullptr);
    close(self.fd);
    std::string program = directory + "/" + self.trailer.name;
    setenv("KILN_LAUNCHER", self.path.c_str(), 1);
    execv(program.c_str(), argv);
    std::string line = std::string(g_program_name) + ": cannot run " + program + ": " +
                       ErrnoText(errno) + "\n";
    ssize_t ignored = write(STDERR_FILENO, line.data(), line.size());
    (void)ignored;
    _exit(kLauncherFailure);
  }
  g_child = child;
  struct sigaction action;
  memset(&action, 0, sizeof(action));
  action.sa_sigaction = ForwardSignal;
  action.sa_flags = SA_SIGINFO | SA_RESTART;
  sigemptyset(&action.sa_mask);
  for (int signal_number : kForwardedSignals) sigaction(signal_number, &action, nullptr);
  sigprocmask(SIG_SETMASK, &previous, nullptr);

  int status = 0;
  while (waitpid(child, &status, 0) < 0) {
    if (errno != EINTR) {
      status = kLauncherFailure << 8;
      break;
    }
  }
  RemoveTree(directory);
  if (WIFSIGNALED(status)) {
    int signal_number = WTERMSIG(status);
    struct rlimit no_core = {0, 0};
    setrlimit(RLIMIT_CORE, &no_core);  // the child has dumped core already, if any
    signal(signal_number, SIG_DFL);
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, signal_number);
    sigprocmask(SIG_UNBLOCK, &only, nullptr);
    raise(signal_number);
    _exit(128 + signal_number);
  }
  _exit(WIFEXITED(status) ? WEXITSTATUS(status) : kLauncherFailure);
}

[[noreturn]] void Main(char** argv) {
  Self self;
  ReadSelf(&self);
  std::string root = CacheRoot();
  std::string entry = root.empty() ? "" : root + "/" + CacheEntryName(self.trailer);

  EntryState state = EntryState::kMissing;
  if (!root.empty()) {
    struct stat info;
    if (stat(root.c_str(), &info) == 0) {
      std::string refusal = Distrust(root, info);
      if (!refusal.empty()) Fail(refusal);
      state = CheckEntry(entry, self.trailer);
      if (state == EntryState::kReady) Exec(entry, self, argv);
    }
  }

  // First run (or a damaged entry): verify the whole payload before using any of it.
  const uint8_t* mapped = MapAndVerify(self);
  if (root.empty()) RunFromTemporary(self, mapped, argv, "no cache directory (HOME is not set)");

  int error = MakeDirectories(root);
  if (error != 0) {
    RunFromTemporary(self, mapped, argv, "cannot create cache directory " + root + ": " +
                                             ErrnoText(error));
  }
  struct stat info;
  if (stat(root.c_str(), &info) != 0) {
    RunFromTemporary(self, mapped, argv, "cannot use cache directory " + root);
  }
  std::string refusal = Distrust(root, info);
  if (!refusal.empty()) Fail(refusal);

  RemoveDebris(root, CacheEntryName(self.trailer));
  std::string suffix = "-" + std::to_string(getpid());
  if (state == EntryState::kStale) {
    // Move the damaged entry out of the way (atomic), then delete it.
    std::string aside = root + "/.stale-" + CacheEntryName(self.trailer) + suffix;
    if (rename(entry.c_str(), aside.c_str()) == 0) {
      RemoveTree(aside);
    } else if (errno != ENOENT) {
      RunFromTemporary(self, mapped, argv,
                       "cannot replace damaged cache entry " + entry + ": " + ErrnoText(errno));
    }
  }

  std::string pattern = root + "/.tmp-" + CacheEntryName(self.trailer) + "-XXXXXX";
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (mkdtemp(buffer.data()) == nullptr) {
    RunFromTemporary(self, mapped, argv,
                     "cannot write cache directory " + root + ": " + ErrnoText(errno));
  }
  std::string temporary = buffer.data();
  UnpackResult result = Unpack(self, mapped, temporary);
  if (!result.ok) {
    RemoveTree(temporary);
    if (result.damaged) Fail(result.reason);
    RunFromTemporary(self, mapped, argv, result.reason);
  }
  if (rename(temporary.c_str(), entry.c_str()) != 0) {
    int rename_error = errno;
    RemoveTree(temporary);
    if (rename_error != EEXIST && rename_error != ENOTEMPTY) {
      RunFromTemporary(self, mapped, argv,
                       "cannot move cache entry into place: " + ErrnoText(rename_error));
    }
    // Another first run won the race: use its entry.
    if (CheckEntry(entry, self.trailer) != EntryState::kReady) {
      Fail("cache entry " + entry + " is damaged and in use; remove it and try again");
    }
  }
  Exec(entry, self, argv);
}

}  // namespace
}  // namespace kiln::launcher

int main(int argc, char** argv) {
  if (argc > 0 && argv[0] != nullptr) {
    const char* slash = strrchr(argv[0], '/');
    kiln::launcher::g_program_name = slash != nullptr ? slash + 1 : argv[0];
  }
  kiln::launcher::Main(argv);
}
