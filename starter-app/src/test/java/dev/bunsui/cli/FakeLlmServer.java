package dev.bunsui.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible chat-completions server for integration tests. It answers the analysis
 * prompt with a valid analysis JSON and any other prompt with a short Markdown text derived from
 * the request, so answers are deterministic. It counts requests per distinct prompt (system plus
 * user message), which is how tests show that a rerun repeated no LLM call.
 */
final class FakeLlmServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final AtomicInteger total = new AtomicInteger();
  private final java.util.List<Long> arrivals =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());
  private volatile Duration delay = Duration.ZERO;
  private volatile String authorization;

  FakeLlmServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/chat/completions", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
    server.start();
  }

  /** Base URL to configure as {@code OPENAI_BASE_URL}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** Makes every answer wait this long (to catch a run in the middle). */
  void delay(Duration d) {
    this.delay = d;
  }

  /** Requests received so far. */
  int total() {
    return total.get();
  }

  /** How often each distinct prompt was asked. */
  Map<String, Integer> callsPerPrompt() {
    Map<String, Integer> m = new java.util.TreeMap<>();
    calls.forEach((k, v) -> m.put(k, v.get()));
    return m;
  }

  /** When each request arrived, in milliseconds of {@link System#nanoTime()}, in arrival order. */
  java.util.List<Long> arrivalMillis() {
    synchronized (arrivals) {
      return java.util.List.copyOf(arrivals);
    }
  }

  /** The {@code Authorization} header of the latest request (the API key the worker sent). */
  String lastAuthorization() {
    return authorization;
  }

  /** Forgets the counts. */
  void reset() {
    calls.clear();
    total.set(0);
    arrivals.clear();
  }

  private void handle(HttpExchange ex) throws IOException {
    arrivals.add(System.nanoTime() / 1_000_000);
    authorization = ex.getRequestHeaders().getFirst("Authorization");
    try (ex) {
      JsonNode req = JSON.readTree(ex.getRequestBody());
      String system = "";
      String user = "";
      for (JsonNode m : req.path("messages")) {
        String content =
            m.path("content").isTextual()
                ? m.path("content").asText()
                : m.path("content").toString();
        if ("system".equals(m.path("role").asText())) {
          system = content;
        } else {
          user = content;
        }
      }
      String key = sha(system + "\n---\n" + user);
      calls.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      total.incrementAndGet();
      if (!delay.isZero()) {
        Thread.sleep(delay.toMillis());
      }
      String answer =
          system.contains("key_points")
              ? "{\"key_points\":[\"Point one of "
                  + key.substring(0, 8)
                  + "\",\"Point two\",\"Point three\"],\"level\":\"beginner\",\"terms\":[\"workflow\"]}"
              : "# Article "
                  + key.substring(0, 8)
                  + "\n\nA durable article written from the section.\n";
      ObjectNode body = JSON.createObjectNode();
      body.put("id", "chatcmpl-" + key.substring(0, 8))
          .put("object", "chat.completion")
          .put("created", 1)
          .put("model", req.path("model").asText("fake"));
      ObjectNode choice = body.putArray("choices").addObject();
      choice.put("index", 0).put("finish_reason", "stop");
      choice.putObject("message").put("role", "assistant").put("content", answer);
      body.putObject("usage")
          .put("prompt_tokens", 10)
          .put("completion_tokens", 5)
          .put("total_tokens", 15);
      byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String sha(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
