package dev.bunsui.generate;

import dev.bunsui.support.Hashes;

/**
 * The two templates of one prompt kind.
 *
 * @param kind the prompt folder name ({@code article}, {@code x_posts} …)
 * @param system the system template
 * @param message the user message template
 */
public record PromptPair(String kind, String system, String message) {

  /** SHA-256 (hex) of the system template, a NUL separator and the message template. */
  public String hash() {
    return Hashes.sha256(system + "\u0000" + message);
  }
}
