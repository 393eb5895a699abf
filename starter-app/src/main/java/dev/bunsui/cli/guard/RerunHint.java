package dev.bunsui.cli.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The command to run again with {@code --approved-by}, ready to paste into a POSIX shell. */
final class RerunHint {
  private static final String OPTION = "--approved-by";
  private static final String PLACEHOLDER = "<approver>";
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  private RerunHint() {}

  /**
   * The command line with {@code --approved-by APPROVER} (replacing one already given).
   *
   * @param commandLine program name and arguments as given; empty when unknown
   * @param approver the approver's name, or {@code null} for the placeholder {@code <approver>}
   */
  static String withApproval(List<String> commandLine, String approver) {
    String value = approver == null ? PLACEHOLDER : quote(approver);
    if (commandLine.isEmpty()) {
      return "the same command with " + OPTION + " " + value;
    }
    List<String> args = new ArrayList<>();
    int endOfOptions = -1;
    for (int i = 0; i < commandLine.size(); i++) {
      String a = commandLine.get(i);
      if (endOfOptions < 0 && a.equals(OPTION)) {
        i++; // drop the value too
      } else if (endOfOptions < 0 && a.startsWith(OPTION + "=")) {
        continue;
      } else {
        if (endOfOptions < 0 && a.equals("--")) {
          endOfOptions = args.size();
        }
        args.add(a);
      }
    }
    int at = endOfOptions < 0 ? args.size() : endOfOptions;
    List<String> quoted = new ArrayList<>(args.stream().map(RerunHint::quote).toList());
    quoted.addAll(at, List.of(OPTION, value));
    return String.join(" ", quoted);
  }

  private static String quote(String arg) {
    if (PLAIN.matcher(arg).matches()) {
      return arg;
    }
    return "'" + arg.replace("'", "'\\''") + "'";
  }
}
