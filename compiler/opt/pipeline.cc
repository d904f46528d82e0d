#include "compiler/opt/pipeline.h"

#include "absl/strings/str_cat.h"
#include "compiler/ir/verifier.h"
#include "compiler/opt/passes.h"

namespace kiln::opt {

const std::vector<Pass>& Pipeline() {
  static const std::vector<Pass> kPasses = {
      {"definite-assignment", DefiniteAssignment},
      {"constant-fold", ConstantFold},
      {"dead-code", RemoveDeadCode},
      {"fuse-arithmetic", FuseArithmetic},
      {"error-checks", InsertErrorChecks},
      {"refcounts", InsertRefcounts},
  };
  return kPasses;
}

absl::Status RunPipeline(ir::Function& function, const PipelineOptions& options) {
  if (options.verify) {
    if (absl::Status status = ir::Verify(function); !status.ok()) {
      return absl::InternalError(absl::StrCat("after lowering: ", status.message()));
    }
  }
  for (const Pass& pass : Pipeline()) {
    pass.run(function);
    if (options.verify) {
      if (absl::Status status = ir::Verify(function); !status.ok()) {
        return absl::InternalError(absl::StrCat("after ", pass.name, ": ", status.message()));
      }
    }
    if (options.stop_after == pass.name) break;
  }
  return absl::OkStatus();
}

}  // namespace kiln::opt
