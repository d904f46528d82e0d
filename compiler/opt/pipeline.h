// The pass pipeline, listed in one place: what `kilnc compile` and `kilnc dump-ir`
// run on every lowered function.
//
//   absl::Status status = opt::RunPipeline(function, {.verify = true});
#ifndef KILN_COMPILER_OPT_PIPELINE_H_
#define KILN_COMPILER_OPT_PIPELINE_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "compiler/ir/ir.h"

namespace kiln::opt {

struct Pass {
  const char* name;
  void (*run)(ir::Function&);
};

// The passes in the order they run.
const std::vector<Pass>& Pipeline();

struct PipelineOptions {
  bool verify = false;        // run the verifier before the first pass and after each
  std::string stop_after;     // stop after the pass of this name ("": run them all)
};

absl::Status RunPipeline(ir::Function& function, const PipelineOptions& options);

}  // namespace kiln::opt

#endif  // KILN_COMPILER_OPT_PIPELINE_H_
