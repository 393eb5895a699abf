package dev.bunsui.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bunsui.book.BookRequest;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The AES-GCM codec: round trips, the payload shape, rotation and the errors it names. */
class AesGcmCodecTest {
  private static final String SENTENCE = "The lighthouse keeper counts seven silver boats";

  static String key() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return Base64.getEncoder().encodeToString(k);
  }

  private static CodecSettings settings(String keys, String keyId) {
    return CodecSettings.fromEnvironment(
        Map.of(
                "BUNSUI_CODEC_ENABLED",
                "true",
                "BUNSUI_CODEC_KEYS",
                keys,
                "BUNSUI_CODEC_KEY_ID",
                keyId)
            ::get);
  }

  private static BookRequest request() {
    return new BookRequest("/books/" + SENTENCE, "en", SENTENCE, List.of(), null, null, false);
  }

  @Test
  void aRoundTripRestoresTheValueAndHidesItsText() {
    CodecSettings s = settings("k1:" + key(), "k1");
    DataConverter dc = Codecs.dataConverter(s);
    Optional<Payloads> payloads = dc.toPayloads(request());
    Payload stored = payloads.orElseThrow().getPayloads(0);

    assertThat(stored.getMetadataMap().get("encoding").toStringUtf8())
        .isEqualTo("binary/encrypted");
    assertThat(stored.getMetadataMap().get("encryption-key-id").toStringUtf8()).isEqualTo("k1");
    assertThat(stored.getMetadataMap().get("encryption-cipher").toStringUtf8())
        .isEqualTo("AES/GCM/NoPadding");
    assertThat(new String(stored.toByteArray(), StandardCharsets.ISO_8859_1))
        .doesNotContain("lighthouse");
    assertThat(dc.fromPayloads(0, payloads, BookRequest.class, BookRequest.class))
        .isEqualTo(request());
  }

  @Test
  void everyPayloadGetsItsOwnNonce() {
    AesGcmCodec codec = new AesGcmCodec(settings("k1:" + key(), "k1"));
    Payload plain = DefaultDataConverter.STANDARD_INSTANCE.toPayload(SENTENCE).orElseThrow();
    List<Payload> twice = codec.encode(List.of(plain, plain));
    byte[] a = twice.get(0).getData().toByteArray();
    byte[] b = twice.get(1).getData().toByteArray();
    assertThat(java.util.Arrays.copyOf(a, 12)).isNotEqualTo(java.util.Arrays.copyOf(b, 12));
    assertThat(a).isNotEqualTo(b);
    // nonce (12) + serialized payload + GCM tag (16)
    assertThat(a.length).isEqualTo(12 + plain.toByteArray().length + 16);
    assertThat(codec.decode(twice)).containsExactly(plain, plain);
  }

  @Test
  void afterRotationOldPayloadsStillDecode() {
    String k1 = "k1:" + key();
    AesGcmCodec old = new AesGcmCodec(settings(k1, "k1"));
    Payload plain = DefaultDataConverter.STANDARD_INSTANCE.toPayload(SENTENCE).orElseThrow();
    Payload underK1 = old.encode(List.of(plain)).get(0);

    AesGcmCodec rotated = new AesGcmCodec(settings(k1 + ",k2:" + key(), "k2"));
    Payload underK2 = rotated.encode(List.of(plain)).get(0);
    assertThat(underK2.getMetadataMap().get("encryption-key-id").toStringUtf8()).isEqualTo("k2");
    assertThat(rotated.decode(List.of(underK1, underK2))).containsExactly(plain, plain);
    // the new key id with no key id given: the last key listed encrypts
    assertThat(CodecSettings.of(true, k1 + ",k3:" + key(), null, null).encryptionKeyId())
        .isEqualTo("k3");
  }

  @Test
  void plainPayloadsPassThroughDecoding() {
    AesGcmCodec codec = new AesGcmCodec(settings("k1:" + key(), "k1"));
    Payload plain = DefaultDataConverter.STANDARD_INSTANCE.toPayload(SENTENCE).orElseThrow();
    assertThat(codec.decode(List.of(plain))).containsExactly(plain);
  }

  @Test
  void anUnknownKeyIdOrAWrongKeyIsNamed() {
    Payload plain = DefaultDataConverter.STANDARD_INSTANCE.toPayload(SENTENCE).orElseThrow();
    Payload underK9 = new AesGcmCodec(settings("k9:" + key(), "k9")).encode(List.of(plain)).get(0);
    assertThatThrownBy(
            () -> new AesGcmCodec(settings("k1:" + key(), "k1")).decode(List.of(underK9)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("key id k9")
        .hasMessageContaining("[k1]");
    assertThatThrownBy(
            () -> new AesGcmCodec(settings("k9:" + key(), "k9")).decode(List.of(underK9)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("cannot decrypt a payload with key k9");
    // relabelling a payload to another configured key fails authentication (key id is AAD)
    String shared = key();
    AesGcmCodec both = new AesGcmCodec(settings("a:" + shared + ",b:" + shared, "a"));
    Payload underA = both.encode(List.of(plain)).get(0);
    Payload relabelled =
        underA.toBuilder()
            .putMetadata("encryption-key-id", com.google.protobuf.ByteString.copyFromUtf8("b"))
            .build();
    assertThatThrownBy(() -> both.decode(List.of(relabelled)))
        .hasMessageContaining("cannot decrypt a payload with key b");
  }

  @Test
  void badKeyConfigurationNamesWhereAndWhy(@TempDir Path dir) throws Exception {
    assertThatThrownBy(
            () -> settings("k1:" + Base64.getEncoder().encodeToString(new byte[16]), "k1"))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("BUNSUI_CODEC_KEYS entry 1")
        .hasMessageContaining("16 bytes; AES-256 needs 32");
    assertThatThrownBy(() -> settings("k1:" + key() + ",k2:not*base64", "k1"))
        .hasMessageContaining("BUNSUI_CODEC_KEYS entry 2: key k2 is not valid Base64");
    assertThatThrownBy(() -> settings("k1:" + key(), "k2"))
        .hasMessageContaining("key id k2 has no key; configured ids: [k1]");
    assertThatThrownBy(() -> settings("", "k1")).hasMessageContaining("has no keys");
    assertThatThrownBy(
            () -> CodecSettings.fromEnvironment(Map.of("BUNSUI_CODEC_ENABLED", "yes")::get))
        .hasMessageContaining("BUNSUI_CODEC_ENABLED must be true or false, not 'yes'");

    Path file = dir.resolve("keys");
    Files.writeString(file, "# codec keys\nold:" + key() + "\n\nnew:" + key() + "\nbroken\n");
    assertThatThrownBy(() -> CodecSettings.of(true, null, file.toString(), null))
        .hasMessageContaining(file + ":5: expected id:<base64 key>");
    Files.writeString(file, "# codec keys\nold:" + key() + "\n\nnew:" + key() + "\n");
    CodecSettings fromFile = CodecSettings.of(true, null, file.toString(), null);
    assertThat(fromFile.keys()).containsOnlyKeys("old", "new");
    assertThat(fromFile.encryptionKeyId()).isEqualTo("new");
  }

  @Test
  void settingsNeverPrintKeyMaterial() {
    String k = key();
    CodecSettings s = settings("k1:" + k, "k1");
    assertThat(s.toString()).contains("k1").doesNotContain(k);
    assertThat(CodecSettings.fromEnvironment(Map.<String, String>of()::get).enabled()).isFalse();
    assertThat(
            Codecs.dataConverter(CodecSettings.DISABLED)
                .toPayload(SENTENCE)
                .orElseThrow()
                .getData()
                .toStringUtf8())
        .contains(SENTENCE);
  }
}
