// Writing CPython 3.11 bytecode: the few instructions a compiled code object carries
// (its prefix, call trampoline and, for generators, resume loop; see MakeCode and
// AppendGeneratorBody). Each unit is an opcode and an 8-bit argument.
#ifndef KILN_RUNTIME_OBJECTS_BYTECODE_H_
#define KILN_RUNTIME_OBJECTS_BYTECODE_H_

#include <string>

namespace kiln::bytecode {

enum Opcode : int {
  kCache = 0, kPopTop = 1, kPushNull = 2, kNop = 9, kReturnValue = 83, kYieldValue = 86,
  kAsyncGenWrap = 87, kSwap = 99, kLoadConst = 100, kJumpForward = 110,
  kPopJumpForwardIfTrue = 115, kIsOp = 117, kCopy = 120, kSend = 123, kMakeCell = 135,
  kJumpBackwardNoInterrupt = 134, kJumpBackward = 140, kExtendedArg = 144,
  kCopyFreeVars = 149, kResume = 151, kPrecall = 166, kCall = 171,
};

// One unit; the argument's low 8 bits.
inline void Unit(std::string* code, int opcode, unsigned int argument = 0) {
  code->push_back(static_cast<char>(opcode));
  code->push_back(static_cast<char>(argument & 0xff));
}

// One instruction, with the EXTENDED_ARG units an argument over 255 needs.
inline void Emit(std::string* code, int opcode, unsigned int argument = 0) {
  for (int shift = 24; shift > 0; shift -= 8) {
    if (argument >> shift) Unit(code, kExtendedArg, argument >> shift);
  }
  Unit(code, opcode, argument);
}

// PUSH_NULL; LOAD_CONST f; PRECALL 0; CALL 0 (with caches): 9 units, pushes f().
inline void CallNoArgs(std::string* code, int constant) {
  Unit(code, kPushNull);
  Unit(code, kLoadConst, constant);
  Unit(code, kPrecall, 0);
  Unit(code, kCache);
  Unit(code, kCall, 0);
  for (int i = 0; i < 4; ++i) Unit(code, kCache);
}

// With the argument on the stack: PUSH_NULL; SWAP 2; LOAD_CONST f; SWAP 2; PRECALL 1;
// CALL 1 (with caches): 11 units, replaces the argument by f(argument).
inline void CallOneArg(std::string* code, int constant) {
  Unit(code, kPushNull);
  Unit(code, kSwap, 2);
  Unit(code, kLoadConst, constant);
  Unit(code, kSwap, 2);
  Unit(code, kPrecall, 1);
  Unit(code, kCache);
  Unit(code, kCall, 1);
  for (int i = 0; i < 4; ++i) Unit(code, kCache);
}

}  // namespace kiln::bytecode

#endif  // KILN_RUNTIME_OBJECTS_BYTECODE_H_
