package dev.bunsui.codec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Parses AES-256 keys by key id, in insertion order.
 *
 * <p>Two sources, which may be combined: a list {@code id:<base64>,id:<base64>} (the environment
 * variable {@code BUNSUI_CODEC_KEYS}) and a key file with one {@code id:<base64>} per line, blank
 * lines and lines starting with {@code #} ignored. Every key must decode (standard or URL-safe
 * Base64) to exactly 32 bytes, as AES-256 requires (NIST FIPS 197); ids are {@code [A-Za-z0-9._-]+}
 * and unique across both sources. Generate a key with {@code openssl rand -base64 32}.
 */
public final class CodecKeys {
  /** AES-256 key length in bytes. */
  public static final int KEY_BYTES = 32;

  private CodecKeys() {}

  /**
   * Parses a comma-separated key list.
   *
   * @param source where the list came from, for messages (e.g. {@code BUNSUI_CODEC_KEYS})
   * @param list {@code id:<base64>,…}; null or blank for none
   * @return keys by id in list order
   * @throws CodecException naming {@code source}, the entry's position and id, and why
   */
  public static Map<String, SecretKey> parseList(String source, String list) {
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    if (list == null || list.isBlank()) {
      return keys;
    }
    String[] entries = list.split(",");
    for (int i = 0; i < entries.length; i++) {
      String entry = entries[i].strip();
      if (!entry.isEmpty()) {
        add(keys, source + " entry " + (i + 1), entry);
      }
    }
    return keys;
  }

  /**
   * Reads a key file.
   *
   * @param file one {@code id:<base64>} per line
   * @return keys by id in file order
   * @throws CodecException naming the file and line and why, or that it cannot be read
   */
  public static Map<String, SecretKey> parseFile(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CodecException("cannot read the codec key file " + file + ": " + e, e);
    }
    Map<String, SecretKey> keys = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        add(keys, file + ":" + (i + 1), line);
      }
    }
    return keys;
  }

  /**
   * Merges key sets; an id in both is an error.
   *
   * @throws CodecException naming the duplicated id
   */
  static Map<String, SecretKey> merge(Map<String, SecretKey> a, Map<String, SecretKey> b) {
    Map<String, SecretKey> all = new LinkedHashMap<>(a);
    for (Map.Entry<String, SecretKey> e : b.entrySet()) {
      if (all.putIfAbsent(e.getKey(), e.getValue()) != null) {
        throw new CodecException(
            "codec key id " + e.getKey() + " is defined twice (in the key list and the key file)");
      }
    }
    return Collections.unmodifiableMap(all);
  }

  private static void add(Map<String, SecretKey> keys, String where, String entry) {
    int colon = entry.indexOf(':');
    if (colon <= 0) {
      throw new CodecException(where + ": expected id:<base64 key>, found no key id");
    }
    String id = entry.substring(0, colon).strip();
    if (!id.matches("[A-Za-z0-9._-]+")) {
      throw new CodecException(where + ": key id '" + id + "' may use only A-Z a-z 0-9 . _ -");
    }
    byte[] bytes = decode(where, id, entry.substring(colon + 1).strip());
    if (bytes.length != KEY_BYTES) {
      throw new CodecException(
          where
              + ": key "
              + id
              + " is "
              + bytes.length
              + " bytes; AES-256 needs "
              + KEY_BYTES
              + " (openssl rand -base64 32)");
    }
    if (keys.putIfAbsent(id, new SecretKeySpec(bytes, "AES")) != null) {
      throw new CodecException(where + ": key id " + id + " is defined twice");
    }
  }

  private static byte[] decode(String where, String id, String base64) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      try {
        return Base64.getUrlDecoder().decode(base64);
      } catch (IllegalArgumentException again) {
        throw new CodecException(where + ": key " + id + " is not valid Base64");
      }
    }
  }
}
