package dev.bunsui.aggregate;

/** Relative links between store keys, so outputs stay browsable wherever the store is copied. */
final class Links {
  private Links() {}

  /**
   * The relative path from the folder of {@code fromKey} to {@code toKey}.
   *
   * @param fromKey key of the document that holds the link, such as {@code objects/ab/x.md}
   * @param toKey key of the target, such as {@code objects/cd/y.png}
   * @return for those two, {@code ../cd/y.png}
   */
  static String relative(String fromKey, String toKey) {
    String[] from = fromKey.split("/");
    String[] to = toKey.split("/");
    int common = 0;
    while (common < from.length - 1 && common < to.length - 1 && from[common].equals(to[common])) {
      common++;
    }
    StringBuilder b = new StringBuilder();
    for (int i = common; i < from.length - 1; i++) {
      b.append("../");
    }
    for (int i = common; i < to.length; i++) {
      b.append(to[i]);
      if (i < to.length - 1) {
        b.append('/');
      }
    }
    return b.toString();
  }
}
