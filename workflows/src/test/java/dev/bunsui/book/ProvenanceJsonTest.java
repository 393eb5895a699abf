package dev.bunsui.book;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Provenance through Temporal's default JSON converter, old and new shape. */
class ProvenanceJsonTest {
  private final DataConverter converter = DefaultDataConverter.newDefaultInstance();

  private static Payload json(String json) {
    return Payload.newBuilder()
        .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
        .setData(ByteString.copyFrom(json, StandardCharsets.UTF_8))
        .build();
  }

  @Test
  void anOutputRecordedBeforeTheCachedFlagExistedReadsAsNotCached() {
    String old =
        "{\"kind\":\"ARTICLE\",\"ref\":{\"uri\":\"file:///out/a.md\",\"sha256\":\"ab\","
            + "\"size\":3,\"mediaType\":\"text/markdown\"},\"provenance\":{\"provider\":\"openai\","
            + "\"model\":\"gpt-4o-mini\",\"promptHash\":\"p\",\"inputHash\":\"i\","
            + "\"inputTokens\":12,\"outputTokens\":34}}";

    GeneratedOutput out =
        converter.fromPayload(json(old), GeneratedOutput.class, GeneratedOutput.class);

    assertThat(out.provenance())
        .isEqualTo(new Provenance("openai", "gpt-4o-mini", "p", "i", 12, 34, false));
  }

  @Test
  void theCachedFlagRoundTrips() {
    Provenance cached =
        new Provenance("extractive", "textrank-1", "p", "i", 1, 2, false).asCached();
    Optional<Payload> payload = converter.toPayload(cached);

    assertThat(payload).isPresent();
    assertThat(payload.get().getData().toStringUtf8()).contains("\"cached\":true");
    assertThat(converter.fromPayload(payload.get(), Provenance.class, Provenance.class))
        .isEqualTo(cached);
    assertThat(cached.cached()).isTrue();
  }
}
