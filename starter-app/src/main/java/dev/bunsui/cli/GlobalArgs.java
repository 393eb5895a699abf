package dev.bunsui.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lets global options come first, as in {@code bunsui --target host:7233 --format json session
 * list}: picocli binds {@link GlobalOptions} on each command, so options given before the resource
 * are moved to the end of the arguments, where the command sees them.
 */
final class GlobalArgs {
  /** Global options that take a value. */
  static final Set<String> WITH_VALUE =
      Set.of("--target", "--namespace", "--format", "--actor", "--approved-by", "--config");

  /** Global options without a value. */
  static final Set<String> FLAGS = Set.of("--read-only");

  private GlobalArgs() {}

  /**
   * Moves the global options that precede the first non-option argument (the resource) behind the
   * rest; {@code --name=value} and {@code --name value} both work. Arguments after the resource are
   * left in place.
   *
   * @param args the command line
   * @return the reordered command line (a new array)
   */
  static String[] hoist(String[] args) {
    List<String> globals = new ArrayList<>();
    int i = 0;
    while (i < args.length) {
      String a = args[i];
      String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
      if (FLAGS.contains(a)) {
        globals.add(a);
        i++;
      } else if (WITH_VALUE.contains(name) && a.contains("=")) {
        globals.add(a);
        i++;
      } else if (WITH_VALUE.contains(a) && i + 1 < args.length) {
        globals.add(a);
        globals.add(args[i + 1]);
        i += 2;
      } else {
        break;
      }
    }
    if (globals.isEmpty() || i == args.length) {
      return args.clone();
    }
    List<String> out = new ArrayList<>(List.of(args).subList(i, args.length));
    out.addAll(globals);
    return out.toArray(String[]::new);
  }
}
