package dev.bunsui.cli;

import dev.bunsui.cli.guard.GuardOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** Options every command takes, including the guard rails' (see {@code Guardrails}). */
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

  @Option(
      names = "--read-only",
      description =
          "Refuse every command that changes state (also: read_only: true in the config).")
  boolean readOnly;

  @Option(
      names = "--actor",
      paramLabel = "NAME",
      description =
          "Who runs this command, for the permissions file and the audit log"
              + " (default: $BUNSUI_ACTOR, else user:<OS user>).")
  String actor;

  @Option(
      names = "--approved-by",
      paramLabel = "NAME",
      description = "Who approved this command, for actions that need approval.")
  String approvedBy;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Guard-rail config (read_only, permissions_file, audit_log; default: $BUNSUI_CONFIG,"
              + " else ~/.config/bunsui/config.yaml if present).")
  Path config;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  /** The guard-rail options, with the command line as given (for the rerun-with-approval hint). */
  public GuardOptions guardOptions() {
    List<String> line = new ArrayList<>();
    if (command != null) {
      ParseResult parsed = command.root().commandLine().getParseResult();
      if (parsed != null) {
        line.add(command.root().name());
        line.addAll(parsed.originalArgs());
      }
    }
    return new GuardOptions(readOnly, actor, approvedBy, config, List.copyOf(line));
  }

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
