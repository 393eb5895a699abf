package dev.bunsui.pipeline.expr;

import com.fasterxml.jackson.databind.JsonNode;

/** The comparison operators of the condition language (see {@link Condition}). */
final class Comparison {
  private Comparison() {}

  static boolean holds(String op, JsonNode a, JsonNode b) {
    if (a == null || b == null || a.isMissingNode() || b.isMissingNode()) {
      return false;
    }
    if (op.equals("==") || op.equals("!=")) {
      boolean equal = equal(a, b);
      return op.equals("==") == equal;
    }
    int c;
    if (a.isNumber() && b.isNumber()) {
      c = a.decimalValue().compareTo(b.decimalValue());
    } else if (a.isTextual() && b.isTextual()) {
      c = a.textValue().compareTo(b.textValue());
    } else {
      return false;
    }
    return switch (op) {
      case ">" -> c > 0;
      case ">=" -> c >= 0;
      case "<" -> c < 0;
      case "<=" -> c <= 0;
      default -> throw new IllegalArgumentException(op);
    };
  }

  private static boolean equal(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }
}
