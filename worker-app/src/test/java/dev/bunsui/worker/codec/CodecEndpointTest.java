package dev.bunsui.worker.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import dev.bunsui.codec.CodecSettings;
import dev.bunsui.codec.Codecs;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.client.WorkflowClient;
import io.temporal.common.converter.DefaultDataConverter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worker with the codec on, over real HTTP on a random port: the Temporal client the
 * autoconfiguration builds encrypts; {@code /codec/encode} and {@code /codec/decode} speak the
 * codec server protocol; CORS admits the Web UI origin only; the bearer token guards the endpoint;
 * bad input is a 400 naming the problem; neither keys nor token reach the log.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.temporal.test-server.enabled=true",
      "bunsui.codec.enabled=true",
      "bunsui.codec.key-id=k2",
      "bunsui.codec.web-ui-origin=http://localhost:8233"
    })
@ExtendWith(OutputCaptureExtension.class)
class CodecEndpointTest {
  static final String K1 = key();
  static final String K2 = key();
  static final String TOKEN = "codec-token-" + key();
  private static final String TEXT = "The lighthouse keeper counts seven silver boats";
  private final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired WorkflowClient client;

  static String key() {
    byte[] k = new byte[32];
    new SecureRandom().nextBytes(k);
    return Base64.getEncoder().encodeToString(k);
  }

  @DynamicPropertySource
  static void secrets(DynamicPropertyRegistry registry) {
    registry.add("bunsui.codec.keys", () -> "k1:" + K1 + ",k2:" + K2);
    registry.add("bunsui.codec.token", () -> TOKEN);
  }

  @Test
  void theTemporalClientEncryptsWithTheConfiguredKey() {
    Payload p = client.getOptions().getDataConverter().toPayload(TEXT).orElseThrow();
    assertThat(p.getMetadataMap().get("encoding").toStringUtf8()).isEqualTo("binary/encrypted");
    assertThat(p.getMetadataMap().get("encryption-key-id").toStringUtf8()).isEqualTo("k2");
    assertThat(p.getData().toStringUtf8()).doesNotContain("lighthouse");
  }

  @Test
  void decodeRestoresPayloadsEncryptedElsewhereUnderAnOlderKey() throws Exception {
    // a payload written before rotation, by another process holding only k1 (e.g. the CLI)
    Payload old =
        Codecs.dataConverter(CodecSettings.of(true, "k1:" + K1, null, "k1"))
            .toPayload(TEXT)
            .orElseThrow();
    HttpResponse<String> r = post("/codec/decode", json(old), "Bearer " + TOKEN);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Payload decoded = parse(r.body()).getPayloads(0);
    assertThat(decoded.getMetadataMap().get("encoding").toStringUtf8()).isEqualTo("json/plain");
    assertThat(
            DefaultDataConverter.STANDARD_INSTANCE.fromPayload(decoded, String.class, String.class))
        .isEqualTo(TEXT);
  }

  @Test
  void encodeThenDecodeRoundTripsOverHttp() throws Exception {
    Payload plain = DefaultDataConverter.STANDARD_INSTANCE.toPayload(TEXT).orElseThrow();
    HttpResponse<String> enc = post("/codec/encode", json(plain, plain), "Bearer " + TOKEN);
    assertThat(enc.statusCode()).as(enc.body()).isEqualTo(200);
    assertThat(enc.body())
        .doesNotContain(Base64.getEncoder().encodeToString(plain.getData().toByteArray()));
    Payloads encoded = parse(enc.body());
    assertThat(encoded.getPayloadsCount()).isEqualTo(2);
    assertThat(encoded.getPayloads(0).getMetadataMap().get("encryption-key-id").toStringUtf8())
        .isEqualTo("k2");
    HttpResponse<String> dec = post("/codec/decode", enc.body(), "Bearer " + TOKEN);
    assertThat(parse(dec.body()).getPayloadsList()).containsExactly(plain, plain);
  }

  @Test
  void corsAdmitsTheWebUiOriginOnly() throws Exception {
    HttpResponse<String> ok = preflight("http://localhost:8233");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("http://localhost:8233");
    assertThat(ok.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
        .contains("x-namespace")
        .contains("content-type")
        .contains("authorization");
    assertThat(preflight("http://evil.example").statusCode()).isEqualTo(403);
  }

  @Test
  void theTokenGuardsTheEndpoint() throws Exception {
    Payload plain = DefaultDataConverter.STANDARD_INSTANCE.toPayload(TEXT).orElseThrow();
    assertThat(post("/codec/decode", json(plain), null).statusCode()).isEqualTo(401);
    HttpResponse<String> wrong = post("/codec/encode", json(plain), "Bearer nope");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("Bearer").doesNotContain(TOKEN);
  }

  @Test
  void badInputIsA400NamingTheProblem() throws Exception {
    HttpResponse<String> notJson = post("/codec/decode", "{\"payloads\": 7}", "Bearer " + TOKEN);
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).contains("not Payloads JSON");
    Payload foreign =
        Codecs.dataConverter(CodecSettings.of(true, "k9:" + key(), null, "k9"))
            .toPayload(TEXT)
            .orElseThrow();
    HttpResponse<String> unknown = post("/codec/decode", json(foreign), "Bearer " + TOKEN);
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("key id k9").contains("[k1, k2]");
  }

  @Test
  void secretsStayOutOfTheLog(CapturedOutput output) throws Exception {
    post("/codec/decode", "{}", "Bearer wrong");
    assertThat(output.getAll()).doesNotContain(K1).doesNotContain(K2).doesNotContain(TOKEN);
  }

  private HttpResponse<String> post(String path, String body, String authorization)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .header("X-Namespace", "default")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> preflight(String origin) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/codec/decode"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type,x-namespace,authorization")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String json(Payload... payloads) throws Exception {
    return JsonFormat.printer()
        .print(Payloads.newBuilder().addAllPayloads(java.util.List.of(payloads)));
  }

  private static Payloads parse(String json) throws Exception {
    Payloads.Builder b = Payloads.newBuilder();
    JsonFormat.parser().merge(json, b);
    return b.build();
  }
}
