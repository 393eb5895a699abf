package dev.bunsui.generate;

import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {{name}}} placeholders (letters, digits, underscores; spaces inside the braces
 * allowed). Values are inserted verbatim, never re-scanned.
 */
public final class TemplateRenderer {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

  private TemplateRenderer() {}

  /**
   * Renders a template.
   *
   * @param template the text
   * @param values placeholder values
   * @param source the template's file name, for messages
   * @return the rendered text
   * @throws PromptException naming the file, line and placeholder when a placeholder has no value
   */
  public static String render(String template, Map<String, String> values, String source) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String value = values.get(name);
      if (value == null) {
        long line = template.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
        throw new PromptException(
            "unknown placeholder {{"
                + name
                + "}} in prompt "
                + source
                + " line "
                + line
                + "; known placeholders: "
                + new TreeSet<>(values.keySet()));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
