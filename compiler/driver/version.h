// The version kilnc reports (`kilnc --version`, and in the header of generated files).
#ifndef KILN_COMPILER_DRIVER_VERSION_H_
#define KILN_COMPILER_DRIVER_VERSION_H_

namespace kiln::driver {

inline constexpr char kVersion[] = "0.1.0";

}  // namespace kiln::driver

#endif  // KILN_COMPILER_DRIVER_VERSION_H_
