// The table of kilnc's subcommands.
//
// A subcommand takes the positional arguments that follow its name (flags are already
// parsed) and returns the process exit status: 0 success, 1 bad input (diagnostics
// printed), 2 usage error.
#ifndef KILN_COMPILER_DRIVER_SUBCOMMANDS_H_
#define KILN_COMPILER_DRIVER_SUBCOMMANDS_H_

#include <string>
#include <vector>

#include "absl/types/span.h"

namespace kiln::driver {

struct Subcommand {
  std::string name;
  std::string summary;
  int (*run)(const std::vector<std::string>& arguments);
};

// Every subcommand, in the order `kilnc --help` lists them.
const std::vector<Subcommand>& Subcommands();

}  // namespace kiln::driver

#endif  // KILN_COMPILER_DRIVER_SUBCOMMANDS_H_
