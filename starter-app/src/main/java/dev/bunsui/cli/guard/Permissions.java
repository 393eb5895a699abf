package dev.bunsui.cli.guard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A permissions file (YAML): one entry per actor, plus {@code default} for actors not listed.
 *
 * <pre>
 * ai-agent:
 *   allowed_actions: [session:*, job:rerun, error:analyze, recovery:suggest]
 *   denied_actions: [pipeline:delete]
 *   approval_required: [job:rerun, session:rerun]
 *   approvers: [alice@example.com]
 * default:
 *   denied_actions: [pipeline:delete]
 * </pre>
 *
 * <p>Every key of an entry is optional. An actor with no entry and no {@code default} entry is not
 * restricted. See {@link Guardrails} for how the rules apply.
 */
final class Permissions {
  /** The entry for actors not listed. */
  static final String DEFAULT = "default";

  static final Set<String> KEYS =
      new LinkedHashSet<>(
          List.of("allowed_actions", "denied_actions", "approval_required", "approvers"));

  private final Path file;
  private final Map<String, ActorRules> entries;

  private Permissions(Path file, Map<String, ActorRules> entries) {
    this.file = file;
    this.entries = entries;
  }

  /**
   * Reads and checks a permissions file.
   *
   * @throws dev.bunsui.cli.CliException naming file, line and why when it is malformed
   */
  static Permissions load(Path path) {
    YamlFile yaml = new YamlFile("permissions file", path);
    YamlNode root = yaml.read();
    if (root == null) {
      throw yaml.error(
          1,
          "the file is empty; list actors (or 'default') with "
              + String.join(", ", KEYS)
              + ", or remove permissions_file from the config");
    }
    Map<String, ActorRules> entries = new LinkedHashMap<>();
    for (YamlNode.Field actor : yaml.mapping(root, "the top level (actor names)", null).values()) {
      entries.put(actor.key(), entry(yaml, actor));
    }
    return new Permissions(path, entries);
  }

  private static ActorRules entry(YamlFile yaml, YamlNode.Field actor) {
    String where = "actor '" + actor.key() + "'";
    if (actor.value() instanceof YamlNode.Scalar sc && sc.kind() == YamlNode.Scalar.Kind.NULL) {
      throw yaml.error(
          actor.line(), where + " has no rules; give it some of " + String.join(", ", KEYS));
    }
    Map<String, YamlNode.Field> fields = yaml.mapping(actor.value(), where, KEYS);
    List<ActorRules.Rule> allowed =
        fields.containsKey("allowed_actions") ? rules(yaml, fields.get("allowed_actions")) : null;
    List<ActorRules.Rule> denied = rules(yaml, fields.get("denied_actions"));
    List<ActorRules.Rule> approval = rules(yaml, fields.get("approval_required"));
    List<ActorRules.Approver> approvers = new ArrayList<>();
    if (fields.containsKey("approvers")) {
      for (YamlNode.Scalar s : yaml.strings(fields.get("approvers"), "name")) {
        approvers.add(new ActorRules.Approver(s.text(), s.line()));
      }
    }
    if (!approval.isEmpty() && approvers.isEmpty()) {
      throw yaml.error(
          fields.get("approval_required").line(),
          where
              + " has approval_required actions but no approvers, so nobody could approve them;"
              + " add approvers: [name, …]");
    }
    return new ActorRules(
        actor.key(), actor.line(), allowed, denied, approval, approvers, yaml.path());
  }

  private static List<ActorRules.Rule> rules(YamlFile yaml, YamlNode.Field field) {
    List<ActorRules.Rule> out = new ArrayList<>();
    if (field == null) {
      return out;
    }
    for (YamlNode.Scalar s : yaml.strings(field, "action pattern")) {
      try {
        out.add(new ActorRules.Rule(ActionPattern.parse(s.text()), s.line()));
      } catch (IllegalArgumentException e) {
        throw yaml.error(s.line(), e.getMessage());
      }
    }
    return out;
  }

  /** The rules for {@code actor}: its entry, else {@code default}, else {@code null}. */
  ActorRules rulesFor(String actor) {
    ActorRules rules = entries.get(actor);
    return rules != null ? rules : entries.get(DEFAULT);
  }

  /** The file read. */
  Path file() {
    return file;
  }
}
