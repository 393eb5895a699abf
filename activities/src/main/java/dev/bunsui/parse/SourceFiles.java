package dev.bunsui.parse;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The only door to the book's files: every path is checked to stay inside the book folder (also
 * after resolving symlinks), every byte read feeds the book's content hash, and text is decoded as
 * strict UTF-8.
 */
final class SourceFiles {
  private final Path root;
  private final MessageDigest digest;

  /**
   * @param root the book folder, already a real path
   */
  SourceFiles(Path root) {
    this.root = root;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  Path root() {
    return root;
  }

  /** The path relative to the book folder with '/' separators. */
  String rel(Path path) {
    return root.relativize(path).toString().replace('\\', '/');
  }

  /**
   * Resolves a link as written in a file of the book.
   *
   * @param fromDir folder of the file the link is written in (a real path inside the book)
   * @param link the link; percent-encoding decoded, {@code ?query} and {@code #fragment} dropped; a
   *     leading {@code /} means the book folder
   * @return the real path of an existing file inside the book folder
   * @throws ProblemException "escapes the book folder" or "not found"
   */
  Path resolveInside(Path fromDir, String link) throws ProblemException {
    String clean = link.replaceAll("[?#].*$", "");
    try {
      clean = URLDecoder.decode(clean.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // keep as written
    }
    if (clean.isBlank()) {
      throw new ProblemException("is empty");
    }
    Path p;
    try {
      p = clean.startsWith("/") ? root.resolve(clean.substring(1)) : fromDir.resolve(clean);
    } catch (java.nio.file.InvalidPathException e) {
      throw new ProblemException("is not a valid path");
    }
    p = p.normalize();
    if (!p.startsWith(root)) {
      throw new ProblemException("escapes the book folder");
    }
    if (!Files.isRegularFile(p)) {
      throw new ProblemException("not found");
    }
    Path real;
    try {
      real = p.toRealPath();
    } catch (IOException e) {
      throw new ProblemException("cannot be opened: " + e.getMessage());
    }
    if (!real.startsWith(root)) {
      throw new ProblemException("escapes the book folder (through a symbolic link)");
    }
    return real;
  }

  /** Reads a file (already checked to be inside the book) and adds it to the content hash. */
  byte[] readBytes(Path path) throws ProblemException {
    try {
      byte[] bytes = Files.readAllBytes(path);
      addToHash(bytes);
      return bytes;
    } catch (IOException e) {
      throw new ProblemException("cannot be read: " + e.getMessage());
    }
  }

  /** Adds bytes read elsewhere (remote images) to the content hash. */
  synchronized void addToHash(byte[] bytes) {
    digest.update(bytes);
  }

  /**
   * Reads a text file of the book.
   *
   * @throws BookInputException naming the file (and line where known) when it cannot be read, is
   *     binary or is not UTF-8
   */
  String readText(Path path) {
    String rel = rel(path);
    byte[] bytes;
    try {
      bytes = readBytes(path);
    } catch (ProblemException e) {
      throw new BookInputException(rel, 0, e.reason());
    }
    return decode(bytes, rel);
  }

  /**
   * Decodes strict UTF-8 (a leading byte order mark is dropped).
   *
   * @throws BookInputException for a NUL byte (binary file) or an invalid UTF-8 sequence, naming
   *     byte offset and line
   */
  static String decode(byte[] bytes, String rel) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new BookInputException(
            rel,
            lineAt(bytes, i),
            "binary file, not Markdown text (NUL byte at byte offset " + i + ")");
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      throw new BookInputException(
          rel,
          lineAt(bytes, offset),
          "not UTF-8 text (invalid byte 0x"
              + HexFormat.of().toHexDigits(bytes[Math.min(offset, bytes.length - 1)])
              + " at byte offset "
              + offset
              + ")");
    }
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** Lowercase hex SHA-256 over every byte read so far. */
  synchronized String hash() {
    try {
      return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
