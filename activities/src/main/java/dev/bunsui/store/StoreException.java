package dev.bunsui.store;

/** The artifact store could not read or write; the message names the key and the reason. */
public class StoreException extends RuntimeException {
  /** Creates the exception with a message naming key and reason. */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Creates the exception with a message naming key and reason. */
  public StoreException(String message) {
    super(message);
  }
}
