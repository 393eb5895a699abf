package dev.bunsui.parse;

/** A local problem (one file, include or image) that callers turn into a skipped item. */
final class ProblemException extends Exception {
  ProblemException(String reason) {
    super(reason, null, false, false);
  }

  String reason() {
    return getMessage();
  }
}
