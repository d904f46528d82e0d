#include "compiler/ast/unparse.h"

#include <string_view>

namespace kiln::ast {
namespace {

// Binding strength, loosest first: an expression is parenthesized where the context
// asks for a stronger one than it has.
enum Level : int {
  kTuple,
  kTest,  // lambda, conditional expression
  kOr,
  kAnd,
  kNot,
  kCompare,
  kBitOr,
  kBitXor,
  kBitAnd,
  kShift,
  kArith,
  kTerm,
  kFactor,  // unary + - ~
  kPower,
  kAwait,
  kAtom,
};

struct BinaryInfo {
  const char* text;
  Level level;
};

BinaryInfo Binary(ast::OperatorKind op) {
  using O = ast::OperatorKind;
  switch (op) {
    case O::kAdd: return {" + ", kArith};
    case O::kSub: return {" - ", kArith};
    case O::kMult: return {" * ", kTerm};
    case O::kMatMult: return {" @ ", kTerm};
    case O::kDiv: return {" / ", kTerm};
    case O::kMod: return {" % ", kTerm};
    case O::kFloorDiv: return {" // ", kTerm};
    case O::kPow: return {" ** ", kPower};
    case O::kLShift: return {" << ", kShift};
    case O::kRShift: return {" >> ", kShift};
    case O::kBitOr: return {" | ", kBitOr};
    case O::kBitXor: return {" ^ ", kBitXor};
    case O::kBitAnd: return {" & ", kBitAnd};
  }
  return {" ? ", kAtom};
}

const char* CompareText(ast::CmpOpKind op) {
  using C = ast::CmpOpKind;
  switch (op) {
    case C::kEq: return " == ";
    case C::kNotEq: return " != ";
    case C::kLt: return " < ";
    case C::kLtE: return " <= ";
    case C::kGt: return " > ";
    case C::kGtE: return " >= ";
    case C::kIs: return " is ";
    case C::kIsNot: return " is not ";
    case C::kIn: return " in ";
    case C::kNotIn: return " not in ";
  }
  return " ? ";
}

class Unparser {
 public:
  explicit Unparser(AnnotationTemplate* out) : out_(out) {}

  void Write(const Node* node, int level) {
    std::string& text = out_->text;
    switch (node->node_kind) {
      case ast::Kind::kConstant: return WriteConstant(node->As<ast::Constant>());
      case ast::Kind::kName: text += node->As<ast::Name>()->id; return;
      case ast::Kind::kAttribute: {
        const auto* attribute = node->As<ast::Attribute>();
        Write(attribute->value, kAtom);
        // `1 .real`: an integer followed by a dot would read as a float.
        const auto* constant = attribute->value->As<ast::Constant>();
        text += constant && constant->value.type == ast::ConstantValue::Type::kInt ? " ." : ".";
        text += attribute->attr;
        return;
      }
      case ast::Kind::kSubscript: {
        const auto* subscript = node->As<ast::Subscript>();
        Write(subscript->value, kAtom);
        text += "[";
        Write(subscript->slice, kTuple);
        text += "]";
        return;
      }
      case ast::Kind::kSlice: {
        const auto* slice = node->As<ast::Slice>();
        if (slice->lower) Write(slice->lower, kTest);
        text += ":";
        if (slice->upper) Write(slice->upper, kTest);
        if (slice->step) {
          text += ":";
          Write(slice->step, kTest);
        }
        return;
      }
      case ast::Kind::kStarred:
        text += "*";
        return Write(node->As<ast::Starred>()->value, kBitOr);
      case ast::Kind::kTuple: {
        const ast::NodeList& elements = node->As<ast::Tuple>()->elts;
        if (elements.empty()) {
          text += "()";
          return;
        }
        if (level > kTuple) text += "(";
        Items(elements, kTest);
        if (elements.size == 1) text += ",";
        if (level > kTuple) text += ")";
        return;
      }
      case ast::Kind::kList:
        text += "[";
        Items(node->As<ast::List>()->elts, kTest);
        text += "]";
        return;
      case ast::Kind::kSet:
        text += "{";
        Items(node->As<ast::Set>()->elts, kTest);
        text += "}";
        return;
      case ast::Kind::kDict: {
        const auto* dict = node->As<ast::Dict>();
        text += "{";
        for (uint32_t i = 0; i < dict->values.size; ++i) {
          if (i > 0) text += ", ";
          if (dict->keys[i] == nullptr) {
            text += "**";
            Write(dict->values[i], kBitOr);
          } else {
            Write(dict->keys[i], kTest);
            text += ": ";
            Write(dict->values[i], kTest);
          }
        }
        text += "}";
        return;
      }
      case ast::Kind::kBoolOp: {
        const auto* boolean = node->As<ast::BoolOp>();
        Level own = boolean->op == ast::BoolOpKind::kAnd ? kAnd : kOr;
        Open(level > own);
        for (uint32_t i = 0; i < boolean->values.size; ++i) {
          if (i > 0) text += own == kAnd ? " and " : " or ";
          Write(boolean->values[i], own + 1);
        }
        return Close(level > own);
      }
      case ast::Kind::kBinOp: {
        const auto* binary = node->As<ast::BinOp>();
        BinaryInfo info = Binary(binary->op);
        bool right_associative = binary->op == ast::OperatorKind::kPow;
        Open(level > info.level);
        Write(binary->left, info.level + (right_associative ? 1 : 0));
        text += info.text;
        Write(binary->right, info.level + (right_associative ? 0 : 1));
        return Close(level > info.level);
      }
      case ast::Kind::kUnaryOp: {
        const auto* unary = node->As<ast::UnaryOp>();
        using U = ast::UnaryOpKind;
        Level own = unary->op == U::kNot ? kNot : kFactor;
        Open(level > own);
        text += unary->op == U::kNot ? "not " : unary->op == U::kInvert ? "~" : unary->op == U::kUAdd ? "+" : "-";
        Write(unary->operand, own);
        return Close(level > own);
      }
      case ast::Kind::kCompare: {
        const auto* compare = node->As<ast::Compare>();
        Open(level > kCompare);
        Write(compare->left, kCompare + 1);
        for (uint32_t i = 0; i < compare->comparators.size; ++i) {
          text += CompareText(compare->ops.items[i]);
          Write(compare->comparators[i], kCompare + 1);
        }
        return Close(level > kCompare);
      }
      case ast::Kind::kIfExp: {
        const auto* conditional = node->As<ast::IfExp>();
        Open(level > kTest);
        Write(conditional->body, kTest + 1);
        text += " if ";
        Write(conditional->test, kTest + 1);
        text += " else ";
        Write(conditional->orelse, kTest);
        return Close(level > kTest);
      }
      case ast::Kind::kLambda: {
        const auto* lambda = node->As<ast::Lambda>();
        Open(level > kTest);
        text += "lambda";
        Parameters(lambda->args->As<ast::Arguments>());
        text += ": ";
        Write(lambda->body, kTest);
        return Close(level > kTest);
      }
      case ast::Kind::kNamedExpr: {
        const auto* named = node->As<ast::NamedExpr>();
        Open(level > kTuple);
        Write(named->target, kAtom);
        text += " := ";
        Write(named->value, kAtom);
        return Close(level > kTuple);
      }
      case ast::Kind::kAwait:
        Open(level > kAwait);
        text += "await ";
        Write(node->As<ast::Await>()->value, kAtom);
        return Close(level > kAwait);
      case ast::Kind::kYield: {
        const Node* value = node->As<ast::Yield>()->value;
        Open(level > kTuple);
        text += "yield";
        if (value) {
          text += " ";
          Write(value, kTuple);
        }
        return Close(level > kTuple);
      }
      case ast::Kind::kYieldFrom:
        Open(level > kTuple);
        text += "yield from ";
        Write(node->As<ast::YieldFrom>()->value, kTuple);
        return Close(level > kTuple);
      case ast::Kind::kCall: return WriteCall(node->As<ast::Call>());
      case ast::Kind::kListComp: {
        const auto* comprehension = node->As<ast::ListComp>();
        return Comprehension("[", comprehension->elt, nullptr, comprehension->generators, "]");
      }
      case ast::Kind::kSetComp: {
        const auto* comprehension = node->As<ast::SetComp>();
        return Comprehension("{", comprehension->elt, nullptr, comprehension->generators, "}");
      }
      case ast::Kind::kDictComp: {
        const auto* comprehension = node->As<ast::DictComp>();
        return Comprehension("{", comprehension->key, comprehension->value, comprehension->generators,
                             "}");
      }
      case ast::Kind::kGeneratorExp: {
        const auto* comprehension = node->As<ast::GeneratorExp>();
        return Comprehension("(", comprehension->elt, nullptr, comprehension->generators, ")");
      }
      case ast::Kind::kJoinedStr:
        text += "f";
        text += kQuoteOpen;
        FStringBody(node->As<ast::JoinedStr>()->values);
        text += kQuoteClose;
        return;
      case ast::Kind::kFormattedValue:
        text += "f";
        text += kQuoteOpen;
        Replacement(node->As<ast::FormattedValue>());
        text += kQuoteClose;
        return;
      default:
        text += "?";
        return;
    }
  }

 private:
  void Open(bool parenthesize) {
    if (parenthesize) out_->text += "(";
  }
  void Close(bool parenthesize) {
    if (parenthesize) out_->text += ")";
  }
  void Items(const ast::NodeList& items, int level) {
    for (uint32_t i = 0; i < items.size; ++i) {
      if (i > 0) out_->text += ", ";
      Write(items[i], level);
    }
  }

  void WriteConstant(const ast::Constant* constant) {
    using Type = ast::ConstantValue::Type;
    std::string& text = out_->text;
    switch (constant->value.type) {
      case Type::kNone: text += "None"; return;
      case Type::kTrue: text += "True"; return;
      case Type::kFalse: text += "False"; return;
      case Type::kEllipsis: text += "..."; return;
      case Type::kStr:
        if (constant->kind.data() != nullptr && constant->kind == "u") text += "u";
        break;
      default: break;
    }
    text += kReprMark;
    out_->constants.push_back(constant);
  }

  void WriteCall(const ast::Call* call) {
    std::string& text = out_->text;
    Write(call->func, kAtom);
    text += "(";
    if (call->args.size == 1 && call->keywords.empty() &&
        call->args[0]->node_kind == ast::Kind::kGeneratorExp) {
      // f(x for x in y): the generator's own parentheses are the call's.
      const auto* generator = call->args[0]->As<ast::GeneratorExp>();
      Write(generator->elt, kTest);
      Generators(generator->generators);
    } else {
      Items(call->args, kTest);
      for (uint32_t i = 0; i < call->keywords.size; ++i) {
        if (i > 0 || call->args.size > 0) text += ", ";
        const auto* keyword = call->keywords[i]->As<ast::Keyword>();
        if (keyword->arg.data() == nullptr) {
          text += "**";
        } else {
          text += keyword->arg;
          text += "=";
        }
        Write(keyword->value, kTest);
      }
    }
    text += ")";
  }

  void Comprehension(const char* open, const Node* element, const Node* value,
                     const ast::NodeList& generators, const char* close) {
    out_->text += open;
    Write(element, kTest);
    if (value) {
      out_->text += ": ";
      Write(value, kTest);
    }
    Generators(generators);
    out_->text += close;
  }
  void Generators(const ast::NodeList& generators) {
    for (const Node* node : generators) {
      const auto* generator = node->As<ast::Comprehension>();
      out_->text += generator->is_async ? " async for " : " for ";
      Write(generator->target, kTuple);
      out_->text += " in ";
      Write(generator->iter, kTest + 1);
      for (const Node* condition : generator->ifs) {
        out_->text += " if ";
        Write(condition, kTest + 1);
      }
    }
  }

  // lambda's parameters, as CPython writes them: "lambda x, y=1" but "lambda*a".
  void Parameters(const ast::Arguments* arguments) {
    std::string& text = out_->text;
    bool first = true;
    auto separator = [&] {
      if (!first) text += ", ";
      first = false;
    };
    uint32_t positional = arguments->posonlyargs.size + arguments->args.size;
    if (positional > 0) text += " ";
    // Defaults belong to the last positional parameters.
    uint32_t without_default = positional - arguments->defaults.size;
    for (uint32_t i = 0; i < positional; ++i) {
      separator();
      const Node* parameter = i < arguments->posonlyargs.size
                                  ? arguments->posonlyargs[i]
                                  : arguments->args[i - arguments->posonlyargs.size];
      text += parameter->As<ast::Arg>()->arg;
      if (i >= without_default) {
        text += "=";
        Write(arguments->defaults[i - without_default], kTest);
      }
      if (i + 1 == arguments->posonlyargs.size) text += ", /";
    }
    if (arguments->vararg || arguments->kwonlyargs.size > 0) {
      separator();
      text += "*";
      if (arguments->vararg) text += arguments->vararg->As<ast::Arg>()->arg;
    }
    for (uint32_t i = 0; i < arguments->kwonlyargs.size; ++i) {
      separator();
      text += arguments->kwonlyargs[i]->As<ast::Arg>()->arg;
      if (arguments->kw_defaults[i]) {
        text += "=";
        Write(arguments->kw_defaults[i], kTest);
      }
    }
    if (arguments->kwarg) {
      separator();
      text += "**";
      text += arguments->kwarg->As<ast::Arg>()->arg;
    }
  }

  // The inside of an f-string (or of a format spec): literal text with braces doubled,
  // and {replacement fields}.
  void FStringBody(const ast::NodeList& values) {
    for (const Node* value : values) {
      if (const auto* constant = value->As<ast::Constant>()) {
        out_->text += kFStringTextMark;
        out_->constants.push_back(constant);
      } else if (const auto* field = value->As<ast::FormattedValue>()) {
        Replacement(field);
      }
    }
  }
  void Replacement(const ast::FormattedValue* field) {
    std::string& text = out_->text;
    text += "{";
    size_t start = text.size();
    Write(field->value, kTest + 1);
    // "{ {a}}": a brace right after the opening one would read as an escaped brace.
    if (text.size() > start && text[start] == '{') text.insert(start, " ");
    if (field->conversion > 0) {
      text += "!";
      text += static_cast<char>(field->conversion);
    }
    if (field->format_spec) {
      text += ":";
      if (const auto* spec = field->format_spec->As<ast::JoinedStr>()) FStringBody(spec->values);
    }
    text += "}";
  }

  AnnotationTemplate* out_;
};

}  // namespace

AnnotationTemplate UnparseAnnotation(const ast::Node* expression) {
  AnnotationTemplate result;
  Unparser(&result).Write(expression, kTest);
  return result;
}

}  // namespace kiln::ast
