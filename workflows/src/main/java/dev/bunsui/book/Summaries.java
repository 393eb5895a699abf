package dev.bunsui.book;

/**
 * The summary lines the Web UI shows for book runs, their child workflows and their activities:
 * {@code <what>: <title> · <lang> · <provider> [model]}. One format for the CLI (which starts the
 * book run) and the workflows (which start the children).
 */
public final class Summaries {
  private Summaries() {}

  /**
   * One summary line.
   *
   * @param what what runs, such as {@code book}, {@code chapter 2} or {@code section ch02/flow}
   * @param title its title
   * @param lang its language; null shows {@code lang auto}
   * @param provider the LLM provider; null shows {@code default provider}
   * @param model the model; omitted when null
   * @return the line
   */
  public static String line(String what, String title, String lang, String provider, String model) {
    String p = provider == null ? "default provider" : provider;
    if (model != null) {
      p += " " + model;
    }
    return what + ": " + title + " · " + (lang == null ? "lang auto" : lang) + " · " + p;
  }
}
