package dev.bunsui.cli.guard;

import java.util.regex.Pattern;

/**
 * An action name or pattern. Actions are named {@code resource:action} ({@code pipeline:run},
 * {@code session:rerun}); patterns may use {@code *} for a whole part ({@code session:*}, {@code
 * *:list}) or alone ({@code *}, every action). Parts are lower-case letters, digits, {@code _} and
 * {@code -}, starting with a letter.
 *
 * @param resource the resource part, or {@code *}
 * @param action the action part, or {@code *}
 */
record ActionPattern(String resource, String action) {
  private static final Pattern PART = Pattern.compile("[a-z][a-z0-9_-]*");
  private static final String SYNTAX =
      "expected resource:action, resource:*, *:action or * (lower-case letters, digits, _ and -)";

  /**
   * Parses a pattern.
   *
   * @throws IllegalArgumentException saying what is wrong
   */
  static ActionPattern parse(String text) {
    if (text.equals("*")) {
      return new ActionPattern("*", "*");
    }
    int colon = text.indexOf(':');
    if (colon < 0 || colon != text.lastIndexOf(':')) {
      throw new IllegalArgumentException("'" + text + "' is not an action pattern: " + SYNTAX);
    }
    String resource = text.substring(0, colon);
    String action = text.substring(colon + 1);
    if (!validPart(resource) || !validPart(action)) {
      throw new IllegalArgumentException("'" + text + "' is not an action pattern: " + SYNTAX);
    }
    return new ActionPattern(resource, action);
  }

  /**
   * Checks an action name given by a command (no wildcards).
   *
   * @throws IllegalArgumentException when it is not {@code resource:action}
   */
  static String requireName(String name) {
    ActionPattern p = parse(name == null ? "" : name);
    if (p.resource().equals("*") || p.action().equals("*")) {
      throw new IllegalArgumentException("'" + name + "' is a pattern, not an action name");
    }
    return name;
  }

  private static boolean validPart(String part) {
    return part.equals("*") || PART.matcher(part).matches();
  }

  /** Whether the action {@code name} ({@code resource:action}) matches this pattern. */
  boolean matches(String name) {
    int colon = name.indexOf(':');
    return (resource.equals("*") || resource.equals(name.substring(0, colon)))
        && (action.equals("*") || action.equals(name.substring(colon + 1)));
  }

  @Override
  public String toString() {
    return resource.equals("*") && action.equals("*") ? "*" : resource + ":" + action;
  }
}
