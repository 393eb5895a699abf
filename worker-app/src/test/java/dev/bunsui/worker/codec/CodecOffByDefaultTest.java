package dev.bunsui.worker.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.common.v1.Payload;
import io.temporal.client.WorkflowClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** Without {@code bunsui.codec.enabled}: plain JSON payloads and no codec endpoint. */
@SpringBootTest(properties = "spring.temporal.test-server.enabled=true")
class CodecOffByDefaultTest {
  @Autowired WorkflowClient client;
  @Autowired ApplicationContext context;

  @Test
  void payloadsArePlainAndNoEndpointIsRegistered() {
    Payload p = client.getOptions().getDataConverter().toPayload("plain words").orElseThrow();
    assertThat(p.getMetadataMap().get("encoding").toStringUtf8()).isEqualTo("json/plain");
    assertThat(p.getData().toStringUtf8()).contains("plain words");
    assertThat(context.getBeansOfType(CodecController.class)).isEmpty();
    assertThat(context.getBeansOfType(CodecConfiguration.class)).isEmpty();
  }
}
