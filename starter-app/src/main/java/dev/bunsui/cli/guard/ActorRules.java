package dev.bunsui.cli.guard;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One entry of a permissions file: the rules of one actor (or of {@code default}).
 *
 * @param entry the entry's key (the actor name, or {@code default})
 * @param line the entry's line
 * @param allowed the allow-list, or {@code null} when the entry has none (then nothing is denied
 *     for being unlisted)
 * @param denied actions always refused
 * @param approvalRequired actions that need {@code --approved-by} naming one of {@code approvers}
 * @param approvers who may approve
 * @param file the permissions file, for messages
 */
record ActorRules(
    String entry,
    int line,
    List<Rule> allowed,
    List<Rule> denied,
    List<Rule> approvalRequired,
    List<Approver> approvers,
    Path file) {

  /**
   * One action pattern of a list, with its line.
   *
   * @param pattern the pattern
   * @param line where it is written
   */
  record Rule(ActionPattern pattern, int line) {}

  /**
   * One approver, with its line.
   *
   * @param name the name {@code --approved-by} must give
   * @param line where it is written
   */
  record Approver(String name, int line) {}

  /** The first rule of {@code rules} that matches {@code action}. */
  static Optional<Rule> match(List<Rule> rules, String action) {
    return rules.stream().filter(r -> r.pattern().matches(action)).findFirst();
  }

  /** Where a rule is, for messages: {@code permissions file F, line N}. */
  String at(int line) {
    return "permissions file " + file + ", line " + line;
  }

  /** Whether {@code name} is listed in {@code approvers}. */
  boolean isApprover(String name) {
    return approvers.stream().anyMatch(a -> a.name().equals(name));
  }

  /** The approvers' names. */
  List<String> approverNames() {
    return approvers.stream().map(Approver::name).toList();
  }
}
