package dev.bunsui.cli.dev;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a log file, for error messages. */
final class LogTail {
  private LogTail() {}

  /**
   * The file's last {@code lines} lines (a half-written character at the end decodes leniently), or
   * a note saying why there are none.
   */
  static String of(Path log, int lines) {
    try {
      if (!Files.exists(log)) {
        return "(no log written)";
      }
      String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).strip();
      if (text.isEmpty()) {
        return "(the log is empty)";
      }
      List<String> all = List.of(text.split("\\R"));
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read the log: " + e + ")";
    }
  }
}
