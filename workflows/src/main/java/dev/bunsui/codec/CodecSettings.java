package dev.bunsui.codec;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.crypto.SecretKey;

/**
 * Whether payloads are encrypted, with which keys, and which key encrypts new payloads.
 *
 * <p>Rotation: add a new key id (to the list or the key file) and make it the encryption key;
 * payloads written under older ids still decrypt as long as their keys stay configured.
 *
 * @param enabled whether the worker and the CLI encrypt payloads; off by default
 * @param keys every key that may decrypt, by id (insertion order); empty when disabled
 * @param encryptionKeyId the id of the key that encrypts new payloads; null when disabled
 */
public record CodecSettings(boolean enabled, Map<String, SecretKey> keys, String encryptionKeyId) {
  /** Environment variable: {@code true} turns encryption on. */
  public static final String ENV_ENABLED = "BUNSUI_CODEC_ENABLED";

  /** Environment variable: {@code id:<base64 32 bytes>,…}. */
  public static final String ENV_KEYS = "BUNSUI_CODEC_KEYS";

  /** Environment variable: a file with one {@code id:<base64>} per line. */
  public static final String ENV_KEY_FILE = "BUNSUI_CODEC_KEY_FILE";

  /** Environment variable: the id of the key that encrypts (default: the last key listed). */
  public static final String ENV_KEY_ID = "BUNSUI_CODEC_KEY_ID";

  /** Encryption off. */
  public static final CodecSettings DISABLED = new CodecSettings(false, Map.of(), null);

  /**
   * Checks the settings.
   *
   * @throws CodecException when enabled with no keys or with an encryption key id that has no key
   */
  public CodecSettings {
    keys =
        keys == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(keys));
    if (enabled) {
      if (keys.isEmpty()) {
        throw new CodecException(
            "the payload codec is enabled but has no keys: set "
                + ENV_KEYS
                + " (id:<base64 32 bytes>,…) or "
                + ENV_KEY_FILE);
      }
      if (encryptionKeyId == null || !keys.containsKey(encryptionKeyId)) {
        throw new CodecException(
            "codec encryption key id "
                + encryptionKeyId
                + " has no key; configured ids: "
                + new java.util.TreeSet<>(keys.keySet()));
      }
    }
  }

  /**
   * Builds settings from their textual form (environment variables or Spring properties).
   *
   * @param enabled whether encryption is on; when false nothing else is read
   * @param keyList {@code id:<base64>,…}, may be blank
   * @param keyFile path of a key file, may be blank
   * @param keyId encryption key id; blank for the last key of the list, else of the file
   * @return the settings
   * @throws CodecException naming the variable or file line that is wrong
   */
  public static CodecSettings of(boolean enabled, String keyList, String keyFile, String keyId) {
    if (!enabled) {
      return DISABLED;
    }
    Map<String, SecretKey> fromList = CodecKeys.parseList(ENV_KEYS, keyList);
    Map<String, SecretKey> fromFile =
        keyFile == null || keyFile.isBlank()
            ? Map.of()
            : CodecKeys.parseFile(Path.of(keyFile.strip()));
    Map<String, SecretKey> all = CodecKeys.merge(fromList, fromFile);
    String id = keyId == null || keyId.isBlank() ? null : keyId.strip();
    if (id == null && !all.isEmpty()) {
      Map<String, SecretKey> last = fromList.isEmpty() ? fromFile : fromList;
      id = last.keySet().stream().reduce((a, b) -> b).orElse(null);
    }
    return new CodecSettings(true, all, id);
  }

  /**
   * Reads {@value #ENV_ENABLED}, {@value #ENV_KEYS}, {@value #ENV_KEY_FILE} and {@value
   * #ENV_KEY_ID} through {@code lookup} (e.g. {@code System::getenv}).
   *
   * @param lookup variable name to value, null when unset
   * @return the settings; {@link #DISABLED} unless {@value #ENV_ENABLED} is {@code true}
   * @throws CodecException as {@link #of}, or when {@value #ENV_ENABLED} is neither true nor false
   */
  public static CodecSettings fromEnvironment(UnaryOperator<String> lookup) {
    String flag = lookup.apply(ENV_ENABLED);
    boolean enabled;
    if (flag == null || flag.isBlank() || flag.strip().equalsIgnoreCase("false")) {
      enabled = false;
    } else if (flag.strip().equalsIgnoreCase("true")) {
      enabled = true;
    } else {
      throw new CodecException(ENV_ENABLED + " must be true or false, not '" + flag + "'");
    }
    return of(
        enabled, lookup.apply(ENV_KEYS), lookup.apply(ENV_KEY_FILE), lookup.apply(ENV_KEY_ID));
  }

  /** Never shows key material: only whether it is on, the key ids and the encryption key id. */
  @Override
  public String toString() {
    return "CodecSettings[enabled="
        + enabled
        + ", keyIds="
        + keys.keySet()
        + ", encryptionKeyId="
        + encryptionKeyId
        + "]";
  }
}
