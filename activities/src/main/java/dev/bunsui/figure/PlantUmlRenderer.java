package dev.bunsui.figure;

import dev.bunsui.failure.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.sourceforge.plantuml.BlockUml;
import net.sourceforge.plantuml.ErrorUml;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import net.sourceforge.plantuml.core.Diagram;
import net.sourceforge.plantuml.error.PSystemError;

/**
 * PlantUML to PNG in process with {@code plantuml-mit}. Source without {@code @startuml} is wrapped
 * in {@code @startuml}/{@code @enduml}. PlantUML draws syntax errors as an image instead of
 * failing; such a diagram (a {@link PSystemError}) becomes {@code FIGURE_RENDER} with PlantUML's
 * error text and line.
 *
 * <p>Runs in PlantUML's {@code SANDBOX} security profile (unless {@code PLANTUML_SECURITY_PROFILE}
 * is set already), and preprocessor directives that read files or URLs ({@code !include…}, {@code
 * !import}, {@code %load_json}) are refused up front: a figure may only use its own text.
 */
final class PlantUmlRenderer {
  private static final Pattern FILE_DIRECTIVES =
      Pattern.compile(
          "(?m)^\\s*(!include\\w*|!import|!theme\\s+\\S+\\s+from)|%load_json|%getenv|%get_env");

  static {
    Headless.ensure();
    if (System.getProperty("PLANTUML_SECURITY_PROFILE") == null
        && System.getenv("PLANTUML_SECURITY_PROFILE") == null) {
      System.setProperty("PLANTUML_SECURITY_PROFILE", "SANDBOX");
    }
  }

  /**
   * Renders PlantUML text.
   *
   * @throws FigureException {@code INPUT_INVALID} when the text reads files or URLs, {@code
   *     FIGURE_RENDER} when PlantUML reports an error or produces nothing
   */
  RenderedFigure render(String text, String origin) {
    var directive = FILE_DIRECTIVES.matcher(text);
    if (directive.find()) {
      throw new FigureException(
          ErrorCode.INPUT_INVALID,
          origin,
          "PlantUML directive '"
              + directive.group().strip()
              + "' reads files or the environment; inline the content instead");
    }
    boolean wrapped = !text.strip().toLowerCase(Locale.ROOT).startsWith("@start");
    String body = text.stripTrailing();
    String source = wrapped ? "@startuml\n" + body + "\n@enduml\n" : body + "\n";
    SourceStringReader reader = new SourceStringReader(source);
    List<BlockUml> blocks = reader.getBlocks();
    if (blocks.isEmpty()) {
      throw new FigureException(
          ErrorCode.FIGURE_RENDER, origin, "PlantUML found no diagram between @startuml/@enduml");
    }
    Diagram diagram = blocks.get(0).getDiagram();
    if (diagram instanceof PSystemError error) {
      throw new FigureException(ErrorCode.FIGURE_RENDER, origin, describe(error, wrapped ? 0 : 1));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      reader.outputImage(out, 0, new FileFormatOption(FileFormat.PNG));
    } catch (IOException | RuntimeException e) {
      throw new FigureException(
          ErrorCode.FIGURE_RENDER, origin, "PlantUML failed: " + e.getMessage(), e);
    }
    return Images.rendered(out.toByteArray(), "PlantUML", origin);
  }

  /**
   * PlantUML's error text with the line in the figure's own text (1-based).
   *
   * @param lineOffset added to PlantUML's 0-based position: 1 for the source as given, 0 when we
   *     prepended {@code @startuml}
   */
  private static String describe(PSystemError error, int lineOffset) {
    ErrorUml first = error.getFirstError();
    StringBuilder sb = new StringBuilder("PlantUML syntax error");
    String message = first != null ? first.getError() : error.getWarningOrError();
    if (first != null && first.getLineLocation() != null) {
      sb.append(" on diagram line ").append(first.getLineLocation().getPosition() + lineOffset);
    }
    if (first != null && first.getLine() != null) {
      sb.append(" (\"").append(first.getLine().getString().strip()).append("\")");
    }
    if (message != null && !message.isBlank()) {
      sb.append(": ").append(message.strip());
    }
    return sb.toString();
  }
}
