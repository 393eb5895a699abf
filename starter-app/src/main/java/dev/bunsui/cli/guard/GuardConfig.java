package dev.bunsui.cli.guard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The guard-rail config file (YAML) and where the audit log goes.
 *
 * <p>The file is {@code --config FILE}, else {@code $BUNSUI_CONFIG}, else {@code
 * ~/.config/bunsui/config.yaml} when it exists (none is fine). Keys, all optional:
 *
 * <ul>
 *   <li>{@code read_only: true|false} — refuse every mutating command (default false);
 *   <li>{@code permissions_file: PATH} — the permissions file (see {@link Permissions}); none means
 *       every action is allowed;
 *   <li>{@code audit_log: PATH} — the JSONL audit log (default {@code
 *       ~/.local/state/bunsui/audit.jsonl}); {@code $BUNSUI_AUDIT_LOG} overrides it.
 * </ul>
 *
 * <p>Paths may start with {@code ~/}; relative paths are relative to the config file's folder.
 *
 * @param file the config file read, or {@code null}
 * @param readOnly {@code read_only}
 * @param permissionsFile {@code permissions_file}, or {@code null}
 * @param auditLog the audit log in force
 */
record GuardConfig(Path file, boolean readOnly, Path permissionsFile, Path auditLog) {
  /** Environment variable naming the config file. */
  static final String CONFIG_ENV = "BUNSUI_CONFIG";

  /** Environment variable naming the audit log; it wins over {@code audit_log}. */
  static final String AUDIT_LOG_ENV = "BUNSUI_AUDIT_LOG";

  static final Set<String> KEYS =
      new LinkedHashSet<>(List.of("read_only", "permissions_file", "audit_log"));

  /**
   * Finds and reads the config.
   *
   * @param explicit {@code --config}, or {@code null}
   * @throws dev.bunsui.cli.CliException naming file, line and why when the file is missing (given
   *     explicitly) or malformed
   */
  static GuardConfig load(Path explicit, Env env) {
    Path file = explicit;
    if (file == null && env.get(CONFIG_ENV) != null) {
      file = Path.of(env.get(CONFIG_ENV));
    }
    if (file == null) {
      Path dflt = env.home().resolve(".config/bunsui/config.yaml");
      file = Files.isRegularFile(dflt) ? dflt : null;
    }
    boolean readOnly = false;
    Path permissions = null;
    Path auditLog = env.home().resolve(".local/state/bunsui/audit.jsonl");
    if (file != null) {
      file = file.toAbsolutePath().normalize();
      YamlFile yaml = new YamlFile("config file", file);
      YamlNode root = yaml.read();
      Map<String, YamlNode.Field> fields =
          root == null ? Map.of() : yaml.mapping(root, "the config", KEYS);
      if (fields.containsKey("read_only")) {
        readOnly = yaml.bool(fields.get("read_only"));
      }
      if (fields.containsKey("permissions_file")) {
        permissions = path(yaml.string(fields.get("permissions_file")), file.getParent(), env);
      }
      if (fields.containsKey("audit_log")) {
        auditLog = path(yaml.string(fields.get("audit_log")), file.getParent(), env);
      }
    }
    if (env.get(AUDIT_LOG_ENV) != null) {
      auditLog = Path.of(env.get(AUDIT_LOG_ENV)).toAbsolutePath().normalize();
    }
    return new GuardConfig(file, readOnly, permissions, auditLog);
  }

  private static Path path(String text, Path base, Env env) {
    if (text.equals("~")) {
      return env.home();
    }
    if (text.startsWith("~/")) {
      return env.home().resolve(text.substring(2)).normalize();
    }
    return base.resolve(text).normalize();
  }
}
