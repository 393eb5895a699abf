package dev.bunsui.worker.codec;

import dev.bunsui.codec.CodecSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The worker's {@code bunsui.codec.*} settings: payload encryption and the codec endpoint the
 * Temporal Web UI calls (see {@code application.yml} for the environment variables).
 *
 * @param enabled whether payloads are encrypted ({@code BUNSUI_CODEC_ENABLED}); off by default
 * @param keys {@code id:<base64 32 bytes>,…} ({@code BUNSUI_CODEC_KEYS}); never logged
 * @param keyFile a file with one {@code id:<base64>} per line ({@code BUNSUI_CODEC_KEY_FILE})
 * @param keyId the id of the key that encrypts ({@code BUNSUI_CODEC_KEY_ID}); blank for the last
 *     listed
 * @param webUiOrigin the Web UI origin allowed to call {@code /codec/*} from the browser (CORS)
 * @param token when set, {@code /codec/*} requires {@code Authorization: Bearer <token>}; never
 *     logged
 */
@ConfigurationProperties("bunsui.codec")
public record CodecProperties(
    @DefaultValue("false") boolean enabled,
    String keys,
    String keyFile,
    String keyId,
    @DefaultValue("http://localhost:8233") String webUiOrigin,
    String token) {

  /**
   * The codec settings these properties describe.
   *
   * @throws dev.bunsui.codec.CodecException naming the bad key entry or file line
   */
  public CodecSettings settings() {
    return CodecSettings.of(enabled, keys, keyFile, keyId);
  }

  /** Whether a bearer token guards the endpoint. */
  public boolean hasToken() {
    return token != null && !token.isBlank();
  }

  /** Never shows the keys or the token. */
  @Override
  public String toString() {
    return "CodecProperties[enabled="
        + enabled
        + ", keys="
        + (keys == null || keys.isBlank() ? "unset" : "***")
        + ", keyFile="
        + keyFile
        + ", keyId="
        + keyId
        + ", webUiOrigin="
        + webUiOrigin
        + ", token="
        + (hasToken() ? "***" : "unset")
        + "]";
  }
}
