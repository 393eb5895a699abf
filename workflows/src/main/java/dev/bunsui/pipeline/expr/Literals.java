package dev.bunsui.pipeline.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;

/** Literal values of the condition language. */
final class Literals {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Literals() {}

  static JsonNode text(String s) {
    return F.textNode(s);
  }

  static JsonNode bool(boolean b) {
    return F.booleanNode(b);
  }

  static JsonNode nul() {
    return F.nullNode();
  }

  static JsonNode number(String token, int column) {
    try {
      return F.numberNode(new BigDecimal(token));
    } catch (NumberFormatException e) {
      throw new ExpressionException(column, "bad number '" + token + "'");
    }
  }
}
