// Unboxed arithmetic for fused expressions (the compiler's fuse-arithmetic pass): an
// expression tree of +, -, *, /, // and % over values that are exact floats or small
// exact ints is computed on C numbers and boxed once, instead of making an object per
// operation. Each step follows Python's rules for the types it meets (int op int is
// an int, except / which is a float; a float operand makes a float); any step these
// helpers cannot do exactly as CPython does (an int past 64 bits, a division or modulo
// by zero, // or % on floats, an int too large to divide exactly as a double) answers
// false, and the caller computes the whole expression again on objects, which gives
// CPython's result and its exceptions.
//
//   kiln::Number a, b, sum;
//   if (kiln::ToNumber(x, &a) && kiln::ToNumber(y, &b) && kiln::NumberAdd(a, b, &sum)) {
//     PyObject* result = kiln::BoxNumber(sum);  // NULL only when memory runs out
//   }
#ifndef KILN_RUNTIME_OPS_NUMBER_H_
#define KILN_RUNTIME_OPS_NUMBER_H_

#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <cstdint>

#include "runtime/ops/fast.h"

namespace kiln {

struct Number {
  bool is_float;
  int64_t integer;
  double real;
};

// An exact float, or an exact int of one or two 30-bit digits (bool and other
// subclasses are not numbers here: their operators may be overridden).
inline bool ToNumber(PyObject* value, Number* out) {
  if (PyFloat_CheckExact(value)) {
    out->is_float = true;
    out->real = PyFloat_AS_DOUBLE(value);
    return true;
  }
  if (PyLong_CheckExact(value)) {
    Py_ssize_t size = Py_SIZE(value);
    if (size < -2 || size > 2) return false;
    const digit* digits = reinterpret_cast<PyLongObject*>(value)->ob_digit;
    int64_t magnitude = size == 0 ? 0 : static_cast<int64_t>(digits[0]);
    if (size == 2 || size == -2) magnitude |= static_cast<int64_t>(digits[1]) << PyLong_SHIFT;
    out->is_float = false;
    out->integer = size < 0 ? -magnitude : magnitude;
    return true;
  }
  return false;
}

// Python's int-to-float conversion of a 64-bit value (round to nearest, as
// PyLong_AsDouble).
inline double AsReal(const Number& number) {
  return number.is_float ? number.real : static_cast<double>(number.integer);
}

inline bool NumberAdd(const Number& a, const Number& b, Number* out) {
  if (!a.is_float && !b.is_float) {
    out->is_float = false;
    return !__builtin_add_overflow(a.integer, b.integer, &out->integer);
  }
  out->is_float = true;
  out->real = AsReal(a) + AsReal(b);
  return true;
}

inline bool NumberSubtract(const Number& a, const Number& b, Number* out) {
  if (!a.is_float && !b.is_float) {
    out->is_float = false;
    return !__builtin_sub_overflow(a.integer, b.integer, &out->integer);
  }
  out->is_float = true;
  out->real = AsReal(a) - AsReal(b);
  return true;
}

inline bool NumberMultiply(const Number& a, const Number& b, Number* out) {
  if (!a.is_float && !b.is_float) {
    out->is_float = false;
    return !__builtin_mul_overflow(a.integer, b.integer, &out->integer);
  }
  out->is_float = true;
  out->real = AsReal(a) * AsReal(b);
  return true;
}

// int / int is correctly rounded by dividing doubles only while both are exact
// doubles (CPython's long_true_divide takes the same shortcut).
inline bool NumberTrueDivide(const Number& a, const Number& b, Number* out) {
  constexpr int64_t kExact = int64_t{1} << 53;
  if (!a.is_float && (a.integer > kExact || a.integer < -kExact)) return false;
  if (!b.is_float && (b.integer > kExact || b.integer < -kExact)) return false;
  double divisor = AsReal(b);
  if (divisor == 0.0) return false;  // ZeroDivisionError: the object path raises it
  out->is_float = true;
  out->real = AsReal(a) / divisor;
  return true;
}

// Floor division and modulo of ints (floats take the object path).
inline bool NumberFloorDivide(const Number& a, const Number& b, Number* out) {
  if (a.is_float || b.is_float || b.integer == 0) return false;
  if (a.integer == INT64_MIN && b.integer == -1) return false;
  int64_t quotient = a.integer / b.integer;
  if ((a.integer % b.integer != 0) && ((a.integer < 0) != (b.integer < 0))) --quotient;
  out->is_float = false;
  out->integer = quotient;
  return true;
}

inline bool NumberRemainder(const Number& a, const Number& b, Number* out) {
  if (a.is_float || b.is_float || b.integer == 0) return false;
  if (a.integer == INT64_MIN && b.integer == -1) return false;
  int64_t remainder = a.integer % b.integer;
  if (remainder != 0 && ((remainder < 0) != (b.integer < 0))) remainder += b.integer;
  out->is_float = false;
  out->integer = remainder;
  return true;
}

// `a op b` (op: Py_LT ... Py_GE) into *truth. An int and a float compare exactly in
// Python, which a double comparison does only while the int is an exact double.
inline bool NumberCompare(const Number& a, const Number& b, int op, int* truth) {
  if (!a.is_float && !b.is_float) {
    *truth = CompareNumbers(a.integer, b.integer, op);
    return true;
  }
  constexpr int64_t kExact = int64_t{1} << 53;
  if (!a.is_float && (a.integer > kExact || a.integer < -kExact)) return false;
  if (!b.is_float && (b.integer > kExact || b.integer < -kExact)) return false;
  *truth = CompareNumbers(AsReal(a), AsReal(b), op);
  return true;
}

// A new reference to the number as a Python object, or NULL (MemoryError).
inline PyObject* BoxNumber(const Number& number) {
  if (number.is_float) return PyFloat_FromDouble(number.real);
  return PyLong_FromLongLong(number.integer);
}

}  // namespace kiln

#endif  // KILN_RUNTIME_OPS_NUMBER_H_
