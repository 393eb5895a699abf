package dev.bunsui.figure;

/**
 * Makes Java2D headless before AWT initialises, so rendering works on servers without a display.
 * Respects an explicit {@code -Djava.awt.headless=false}.
 */
final class Headless {
  private Headless() {}

  /** Sets {@code java.awt.headless=true} unless the property was set explicitly. */
  static void ensure() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }
}
