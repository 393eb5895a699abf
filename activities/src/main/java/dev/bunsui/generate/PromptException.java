package dev.bunsui.generate;

/** A prompt template is missing or uses a placeholder the renderer does not know. */
public class PromptException extends IllegalArgumentException {
  /** Creates the exception with a message naming the file and the problem. */
  public PromptException(String message) {
    super(message);
  }
}
