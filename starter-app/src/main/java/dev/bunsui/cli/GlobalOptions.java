package dev.bunsui.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public class GlobalOptions {
  /** The default Temporal frontend. */
  public static final String DEFAULT_TARGET = "localhost:7233";

  @Option(
      names = "--target",
      description = "Temporal frontend host:port (default: ${DEFAULT-VALUE}).",
      defaultValue = DEFAULT_TARGET)
  String target;

  @Option(
      names = "--namespace",
      description = "Temporal namespace (default: ${DEFAULT-VALUE}).",
      defaultValue = "default")
  String namespace;

  @Option(
      names = "--format",
      description = "Output format: json, yaml or table (default: table on a terminal, else json).")
  Format format;

  /** The output format in force. */
  Format format() {
    if (format != null) {
      return format;
    }
    return isTerminal() ? Format.TABLE : Format.JSON;
  }

  /**
   * Whether standard input and output are a terminal. From JDK 22 {@code System.console()} is
   * non-null even when redirected, so {@code Console.isTerminal()} (JDK 22+) decides there.
   */
  static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK 21: a console exists only on a terminal
    }
  }

  /** Output formats. */
  public enum Format {
    JSON,
    YAML,
    TABLE;

    @Override
    public String toString() {
      return name().toLowerCase();
    }
  }
}
