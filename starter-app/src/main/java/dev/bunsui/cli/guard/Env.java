package dev.bunsui.cli.guard;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the guard rails read from the process: environment variables, the home folder and the OS
 * user name. {@link #system()} in the CLI; tests pass their own.
 *
 * @param vars environment variables
 * @param home the home folder ({@code ~})
 * @param userName the OS user name
 */
public record Env(Map<String, String> vars, Path home, String userName) {
  /** This process's environment, {@code user.home} and {@code user.name}. */
  public static Env system() {
    return new Env(
        System.getenv(),
        Path.of(System.getProperty("user.home")),
        System.getProperty("user.name", "unknown"));
  }

  /** The variable's value, or {@code null} when it is unset or blank. */
  String get(String name) {
    String v = vars.get(name);
    return v == null || v.isBlank() ? null : v;
  }
}
