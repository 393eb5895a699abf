package dev.bunsui.worker.tracing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bunsui.book.BookRequest;
import dev.bunsui.book.BookTaskQueues;
import dev.bunsui.book.BookWorkflow;
import dev.bunsui.support.Json;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tracing on ({@code bunsui.tracing.otlp-endpoint} set to a fake OTLP/HTTP collector): a book run
 * with the OpenAI provider (a fake server) started from the worker's client forms one trace — the
 * client's start span, the book, chapter and section workflows, their activities and the outgoing
 * LLM HTTP requests — the LLM server receives the W3C {@code traceparent} of its request span, and
 * the spans reach the collector as OTLP protobuf.
 */
@SpringBootTest(properties = "spring.temporal.test-server.enabled=true")
class TracingTest {
  static final WireMockServer collector = new WireMockServer(options().dynamicPort());
  static final WireMockServer openai = new WireMockServer(options().dynamicPort());
  static final List<SpanData> spans = new CopyOnWriteArrayList<>();

  static {
    collector.start();
    openai.start();
    collector.stubFor(post(urlEqualTo("/v1/traces")).willReturn(aResponse().withStatus(200)));
  }

  @TempDir static Path dir;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("bunsui.store.root", () -> dir.resolve("out").toString());
    registry.add("bunsui.tracing.otlp-endpoint", collector::baseUrl);
    registry.add("bunsui.llm.providers.openai.base-url", () -> openai.baseUrl() + "/v1");
    registry.add("bunsui.llm.providers.openai.api-key", () -> "sk-test");
  }

  @TestConfiguration
  static class CollectSpans {
    @Bean
    SpanProcessor collectingSpanProcessor() {
      return SimpleSpanProcessor.create(
          new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> batch) {
              spans.addAll(batch);
              return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
              return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
              return CompletableResultCode.ofSuccess();
            }
          });
    }
  }

  @AfterAll
  static void stop() {
    collector.stop();
    openai.stop();
  }

  @Autowired WorkflowClient client;
  @Autowired OpenTelemetrySdk sdk;

  /** Answers each kind of prompt with output that passes validation. */
  static void answers() {
    answer(null, "Each value in Rust has one owner at a time.");
    answer(
        "section_analysis",
        "{\"key_points\":[\"Each value has one owner.\"],\"level\":\"beginner\",\"terms\":[\"owner\"]}");
    answer("x_posts", "{\"posts\":[\"Each value in Rust has exactly one owner.\"]}");
    answer(
        "video_script",
        "{\"title\":\"Ownership\",\"lang\":\"en\",\"scenes\":[{\"narration\":\"Each value has an"
            + " owner.\",\"on_screen_text\":\"One owner\",\"visual\":\"slide\","
            + "\"duration_seconds\":20}]}");
  }

  static void answer(String schema, String content) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1);
    body.put("model", "gpt-test");
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", "stop");
    choice.putObject("message").put("role", "assistant").put("content", content);
    body.putObject("usage")
        .put("prompt_tokens", 10)
        .put("completion_tokens", 5)
        .put("total_tokens", 15);
    var request = post(urlEqualTo("/v1/chat/completions"));
    if (schema != null) {
      request =
          request
              .withRequestBody(
                  matchingJsonPath("$.response_format.json_schema.name", equalTo(schema)))
              .atPriority(1);
    } else {
      request = request.atPriority(5);
    }
    openai.stubFor(
        request.willReturn(
            aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body.toString())));
  }

  @Test
  void aRunIsOneTraceFromTheClientToTheLlmRequests() throws Exception {
    answers();
    Path book = Files.createDirectories(dir.resolve("book"));
    Files.writeString(
        book.resolve("f.md"),
        "# Ownership\n\n## Rules\n\nEach value in Rust has an owner. There can only be one owner"
            + " at a time. When the owner goes out of scope, the value is dropped.\n");
    BookWorkflow workflow =
        client.newWorkflowStub(
            BookWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(BookTaskQueues.BOOK)
                .setWorkflowId("traced-book")
                .build());
    try {
      workflow.run(
          new BookRequest(
              book.resolve("f.md").toString(), "en", null, List.of(), "openai", "gpt-test", false));
    } catch (WorkflowException e) {
      // an output the fake answers badly fails only its step; the trace is what is checked here
    }
    sdk.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);

    SpanData start =
        spans.stream()
            .filter(s -> s.getName().equals("StartWorkflow:BookWorkflow"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no client span in " + names()));
    String traceId = start.getTraceId();
    List<SpanData> trace = spans.stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    Set<String> names = trace.stream().map(SpanData::getName).collect(Collectors.toSet());
    assertThat(names)
        .contains(
            "RunWorkflow:BookWorkflow",
            "StartActivity:ParseBook",
            "RunActivity:ParseBook",
            "RunWorkflow:ChapterWorkflow",
            "RunWorkflow:SectionWorkflow",
            "RunActivity:AnalyzeSection",
            "RunActivity:GenerateArticle");

    // the LLM requests: client spans under the activities that made them
    Map<String, SpanData> byId =
        trace.stream().collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));
    List<SpanData> http =
        trace.stream()
            .filter(s -> s.getKind() == SpanKind.CLIENT && s.getName().equals("POST"))
            .toList();
    assertThat(http).isNotEmpty();
    for (SpanData h : http) {
      SpanData parent = byId.get(h.getParentSpanId());
      assertThat(parent).as("parent of " + h).isNotNull();
      assertThat(parent.getName()).startsWith("RunActivity:");
      assertThat(h.getAttributes().asMap().toString())
          .contains("/v1/chat/completions")
          .doesNotContain("sk-test");
    }

    // the LLM server got the trace context of the request spans
    Set<String> httpSpanIds = http.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
    List<LoggedRequest> calls =
        openai.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")));
    assertThat(calls).isNotEmpty();
    for (LoggedRequest call : calls) {
      String traceparent = call.getHeader("traceparent");
      assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
      String[] parts = traceparent.split("-");
      assertThat(parts[1]).isEqualTo(traceId);
      assertThat(httpSpanIds).contains(parts[2]);
    }

    // and the spans were exported to the collector as OTLP protobuf
    List<LoggedRequest> exports = collector.findAll(postRequestedFor(urlEqualTo("/v1/traces")));
    assertThat(exports).isNotEmpty();
    assertThat(exports.get(0).getHeader("Content-Type")).isEqualTo("application/x-protobuf");
    String exported =
        exports.stream()
            .map(r -> new String(r.getBody(), StandardCharsets.ISO_8859_1))
            .collect(Collectors.joining());
    assertThat(exported).contains("RunActivity:GenerateArticle", "bunsui-worker");
  }

  private static List<String> names() {
    return spans.stream().map(SpanData::getName).distinct().toList();
  }
}
