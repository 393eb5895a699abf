package dev.bunsui.pipeline.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A step condition in bunsui's small expression language. It can read the run context and compare;
 * it cannot call anything, loop or assign.
 *
 * <pre>
 * expr     := or
 * or       := and ( "||" and )*
 * and      := unary ( "&amp;&amp;" unary )*
 * unary    := "!" unary | compare
 * compare  := operand ( ( "==" | "!=" | "&gt;" | "&gt;=" | "&lt;" | "&lt;=" ) operand )?
 * operand  := "(" expr ")" | JSONPath | number | 'text' | "text" | true | false | null
 * </pre>
 *
 * <p>Semantics: numbers compare as numbers, text as text (code point order), {@code ==} between
 * different types is false; a comparison with a missing value is false; a JSONPath on its own is
 * true only when it holds {@code true}. Parsing happens when a definition is validated, so a bad
 * condition never reaches a run.
 */
public final class Condition {
  private final String source;
  private final Node root;
  private final List<String> paths;

  private Condition(String source, Node root, List<String> paths) {
    this.source = source;
    this.root = root;
    this.paths = List.copyOf(paths);
  }

  /**
   * Parses a condition.
   *
   * @param source such as {@code $.steps.performance_prediction.output.score > 0.7}
   * @return the parsed condition
   * @throws ExpressionException with the column and the reason when it does not parse, or a
   *     JSONPath in it does not compile
   */
  public static Condition parse(String source) {
    if (source == null || source.isBlank()) {
      throw new ExpressionException(1, "empty condition");
    }
    Parser p = new Parser(source);
    Node root = p.expr();
    p.skipSpace();
    if (!p.atEnd()) {
      throw new ExpressionException(p.pos + 1, "unexpected '" + p.rest() + "'");
    }
    return new Condition(source, root, p.paths);
  }

  /** The expression as written. */
  public String source() {
    return source;
  }

  /** The JSONPaths the condition reads, in order of appearance. */
  public List<String> paths() {
    return paths;
  }

  /**
   * Evaluates the condition.
   *
   * @param context the run context
   * @return whether it holds
   */
  public boolean test(JsonNode context) {
    return truthy(root.eval(context));
  }

  /**
   * Explains an evaluation for the execution record, with each JSONPath's value: {@code
   * $.item.score (0.62) > 0.7 is false}.
   *
   * @param context the run context
   * @return the explanation
   */
  public String explain(JsonNode context) {
    StringBuilder sb = new StringBuilder(source);
    for (String path : paths) {
      JsonNode v = JsonPaths.read(path, context);
      sb.append(sb.length() == source.length() ? " with " : ", ")
          .append(path)
          .append(" = ")
          .append(v.isMissingNode() ? "missing" : v.toString());
    }
    return sb.append(" is ").append(test(context)).toString();
  }

  private static boolean truthy(JsonNode v) {
    return v != null && v.isBoolean() && v.booleanValue();
  }

  private interface Node {
    JsonNode eval(JsonNode ctx);
  }

  private static final class Parser {
    private final String s;
    private int pos;
    private final List<String> paths = new ArrayList<>();

    Parser(String s) {
      this.s = s;
    }

    Node expr() {
      Node left = and();
      while (eat("||")) {
        Node l = left;
        Node r = and();
        left = ctx -> bool(truthy(l.eval(ctx)) || truthy(r.eval(ctx)));
      }
      return left;
    }

    Node and() {
      Node left = unary();
      while (eat("&&")) {
        Node l = left;
        Node r = unary();
        left = ctx -> bool(truthy(l.eval(ctx)) && truthy(r.eval(ctx)));
      }
      return left;
    }

    Node unary() {
      skipSpace();
      if (peek('!') && !s.startsWith("!=", pos)) {
        pos++;
        Node inner = unary();
        return ctx -> bool(!truthy(inner.eval(ctx)));
      }
      return compare();
    }

    Node compare() {
      Node left = operand();
      skipSpace();
      for (String op : new String[] {"==", "!=", ">=", "<=", ">", "<"}) {
        if (s.startsWith(op, pos)) {
          pos += op.length();
          Node right = operand();
          Node l = left;
          return ctx -> bool(Comparison.holds(op, l.eval(ctx), right.eval(ctx)));
        }
      }
      return left;
    }

    Node operand() {
      skipSpace();
      if (atEnd()) {
        throw new ExpressionException(pos + 1, "expected a value, a JSONPath or '(' at the end");
      }
      int start = pos;
      char c = s.charAt(pos);
      if (c == '(') {
        pos++;
        Node inner = expr();
        skipSpace();
        if (!eat(")")) {
          throw new ExpressionException(pos + 1, "missing ')' for '(' at column " + (start + 1));
        }
        return inner;
      }
      if (c == '$') {
        String path = pathToken();
        try {
          JsonPaths.compile(path);
        } catch (ExpressionException e) {
          throw new ExpressionException(start + 1, e.getMessage().replaceFirst("^column 1: ", ""));
        }
        paths.add(path);
        return ctx -> JsonPaths.read(path, ctx);
      }
      if (c == '\'' || c == '"') {
        JsonNode text = Literals.text(stringToken(c));
        return ctx -> text;
      }
      if (c == '-' || Character.isDigit(c)) {
        JsonNode number = Literals.number(numberToken(), start + 1);
        return ctx -> number;
      }
      String word = wordToken();
      JsonNode literal =
          switch (word) {
            case "true" -> Literals.bool(true);
            case "false" -> Literals.bool(false);
            case "null" -> Literals.nul();
            case "" -> throw new ExpressionException(start + 1, "unexpected '" + c + "'");
            default ->
                throw new ExpressionException(
                    start + 1,
                    "unknown word '"
                        + word
                        + "' (operands are JSONPaths starting with $, numbers, quoted text,"
                        + " true, false or null; nothing can be called)");
          };
      return ctx -> literal;
    }

    /** A JSONPath runs to the first space or operator outside brackets and quotes. */
    private String pathToken() {
      int start = pos;
      int depth = 0;
      char quote = 0;
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (quote != 0) {
          if (c == quote) {
            quote = 0;
          }
        } else if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '[' || c == '(') {
          depth++;
        } else if (c == ']' || (c == ')' && depth > 0)) {
          depth--;
        } else if (depth == 0 && (Character.isWhitespace(c) || "=!<>&|)".indexOf(c) >= 0)) {
          break;
        }
        pos++;
      }
      if (quote != 0 || depth != 0) {
        throw new ExpressionException(start + 1, "unterminated JSONPath " + s.substring(start));
      }
      return s.substring(start, pos);
    }

    private String stringToken(char quote) {
      int start = pos++;
      StringBuilder sb = new StringBuilder();
      while (pos < s.length() && s.charAt(pos) != quote) {
        char c = s.charAt(pos++);
        if (c == '\\' && pos < s.length()) {
          c = s.charAt(pos++);
        }
        sb.append(c);
      }
      if (atEnd()) {
        throw new ExpressionException(start + 1, "unterminated text starting here");
      }
      pos++;
      return sb.toString();
    }

    private String numberToken() {
      int start = pos;
      if (peek('-')) {
        pos++;
      }
      while (pos < s.length()
          && (Character.isDigit(s.charAt(pos)) || ".eE+-".indexOf(s.charAt(pos)) >= 0)) {
        if ((s.charAt(pos) == '+' || s.charAt(pos) == '-')
            && !(s.charAt(pos - 1) == 'e' || s.charAt(pos - 1) == 'E')) {
          break;
        }
        pos++;
      }
      return s.substring(start, pos);
    }

    private String wordToken() {
      int start = pos;
      while (pos < s.length()
          && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
        pos++;
      }
      return s.substring(start, pos);
    }

    boolean eat(String token) {
      skipSpace();
      if (s.startsWith(token, pos)) {
        pos += token.length();
        return true;
      }
      return false;
    }

    boolean peek(char c) {
      return pos < s.length() && s.charAt(pos) == c;
    }

    void skipSpace() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    boolean atEnd() {
      return pos >= s.length();
    }

    String rest() {
      return s.substring(pos);
    }
  }

  private static JsonNode bool(boolean b) {
    return Literals.bool(b);
  }
}
