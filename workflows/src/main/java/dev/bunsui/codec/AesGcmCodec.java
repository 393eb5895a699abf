package dev.bunsui.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.EncodingKeys;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.Nonnull;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts every payload with AES-256-GCM (NIST SP 800-38D): the whole serialized {@link Payload}
 * (its metadata and data) becomes the ciphertext, so the stored payload reveals neither the value
 * nor its original encoding.
 *
 * <p>Shape of an encrypted payload: metadata {@code encoding = binary/encrypted} (the marker
 * Temporal's samples and Web UI use), {@code encryption-key-id = <id>}, {@code encryption-cipher =
 * AES/GCM/NoPadding}; data = 12-byte random nonce ‖ ciphertext ‖ 16-byte tag. The key id is bound
 * as additional authenticated data, so a payload cannot be relabelled to another key. A fresh nonce
 * comes from {@link SecureRandom} for every payload (SP 800-38D §8.2.2, random IV construction;
 * codecs run in the data converter, outside workflow code, so randomness is allowed here).
 *
 * <p>Decoding passes payloads without the marker through unchanged (histories written before
 * encryption was switched on stay readable) and decrypts marked ones with the key named in their
 * metadata, so old payloads decode after the encryption key rotated to a new id.
 */
public final class AesGcmCodec implements PayloadCodec {
  /** The {@code encoding} metadata value of an encrypted payload. */
  public static final String ENCODING = "binary/encrypted";

  /** Metadata key naming the key that encrypted the payload. */
  public static final String KEY_ID = "encryption-key-id";

  /** Metadata key naming the cipher. */
  public static final String CIPHER_KEY = "encryption-cipher";

  /** The JCA transformation used. */
  public static final String CIPHER = "AES/GCM/NoPadding";

  /** Nonce length in bytes (96 bits, SP 800-38D's recommended IV length). */
  public static final int NONCE_BYTES = 12;

  private static final int TAG_BITS = 128;
  private static final ByteString ENCODING_BYTES = ByteString.copyFromUtf8(ENCODING);
  private static final ByteString CIPHER_BYTES = ByteString.copyFromUtf8(CIPHER);

  private final Map<String, SecretKey> keys;
  private final String encryptionKeyId;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param settings enabled settings: every decryption key and the encryption key id
   * @throws CodecException when the settings are disabled
   */
  public AesGcmCodec(CodecSettings settings) {
    if (!settings.enabled()) {
      throw new CodecException("the payload codec is disabled (" + CodecSettings.ENV_ENABLED + ")");
    }
    this.keys = settings.keys();
    this.encryptionKeyId = settings.encryptionKeyId();
  }

  /** The id of the key that encrypts new payloads. */
  public String encryptionKeyId() {
    return encryptionKeyId;
  }

  @Nonnull
  @Override
  public List<Payload> encode(@Nonnull List<Payload> payloads) {
    List<Payload> out = new ArrayList<>(payloads.size());
    for (Payload p : payloads) {
      out.add(encrypt(p));
    }
    return out;
  }

  @Nonnull
  @Override
  public List<Payload> decode(@Nonnull List<Payload> payloads) {
    List<Payload> out = new ArrayList<>(payloads.size());
    for (Payload p : payloads) {
      out.add(decrypt(p));
    }
    return out;
  }

  /** Whether a payload carries the encryption marker. */
  public static boolean isEncrypted(Payload payload) {
    return ENCODING_BYTES.equals(payload.getMetadataMap().get(EncodingKeys.METADATA_ENCODING_KEY));
  }

  private Payload encrypt(Payload plain) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, encryptionKeyId, nonce);
      byte[] sealed = cipher.doFinal(plain.toByteArray());
      byte[] data = new byte[NONCE_BYTES + sealed.length];
      System.arraycopy(nonce, 0, data, 0, NONCE_BYTES);
      System.arraycopy(sealed, 0, data, NONCE_BYTES, sealed.length);
      return Payload.newBuilder()
          .putMetadata(EncodingKeys.METADATA_ENCODING_KEY, ENCODING_BYTES)
          .putMetadata(KEY_ID, ByteString.copyFromUtf8(encryptionKeyId))
          .putMetadata(CIPHER_KEY, CIPHER_BYTES)
          .setData(ByteString.copyFrom(data))
          .build();
    } catch (GeneralSecurityException e) {
      throw new PayloadCodecException("cannot encrypt a payload with key " + encryptionKeyId, e);
    }
  }

  private Payload decrypt(Payload payload) {
    if (!isEncrypted(payload)) {
      return payload;
    }
    ByteString idBytes = payload.getMetadataMap().get(KEY_ID);
    if (idBytes == null) {
      throw new PayloadCodecException(
          "an encrypted payload names no key (metadata " + KEY_ID + ")");
    }
    String id = idBytes.toStringUtf8();
    if (!keys.containsKey(id)) {
      throw new PayloadCodecException(
          "a payload was encrypted with key id "
              + id
              + ", which is not configured (configured: "
              + new java.util.TreeSet<>(keys.keySet())
              + "); add it to "
              + CodecSettings.ENV_KEYS
              + " or the key file");
    }
    byte[] data = payload.getData().toByteArray();
    if (data.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new PayloadCodecException(
          "an encrypted payload (key " + id + ") is " + data.length + " bytes, too short");
    }
    byte[] nonce = java.util.Arrays.copyOf(data, NONCE_BYTES);
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, id, nonce);
      byte[] plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
      return Payload.parseFrom(plain);
    } catch (GeneralSecurityException e) {
      throw new PayloadCodecException(
          "cannot decrypt a payload with key "
              + id
              + " (wrong key for this id, or the payload was altered)",
          e);
    } catch (InvalidProtocolBufferException e) {
      throw new PayloadCodecException(
          "a payload decrypted with key " + id + " is not a Payload", e);
    }
  }

  private Cipher cipher(int mode, String id, byte[] nonce) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(CIPHER);
    cipher.init(mode, keys.get(id), new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(id.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }
}
