package dev.bunsui.codec;

/**
 * Bad codec configuration (a malformed key, an unknown key id, an unreadable key file) or a payload
 * that cannot be decrypted. The message names the variable, file and line, or key id, and why; it
 * never contains key material.
 */
public class CodecException extends RuntimeException {
  /**
   * @param message what is wrong and where
   */
  public CodecException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong and where
   * @param cause the underlying error
   */
  public CodecException(String message, Throwable cause) {
    super(message, cause);
  }
}
