package dev.bunsui.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bunsui.support.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible chat-completions server (JDK HTTP server) that answers the bundled {@code
 * creative} prompt. It reads the brief's product and the requested count from the prompt and writes
 * that many creatives: all but the last are well-formed X posts (a short headline, one upbeat
 * sentence, a call to action, two hashtags); the last is deliberately poor (long, jargon, negative,
 * no hashtags, a sign-off instead of a call to action). Any other prompt gets HTTP 400.
 */
final class FakeCreativeLlm implements AutoCloseable {
  private static final Pattern COUNT = Pattern.compile("Exactly (\\d+) creatives");
  private static final Pattern PRODUCT = Pattern.compile("(?m)^- product: (.*)$");

  private final HttpServer server;
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

  FakeCreativeLlm() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/chat/completions", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.start();
  }

  /** The base URL to configure as the openai provider's {@code base-url}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** The request bodies received. */
  List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  /** The headline the poor creative gets (to find it in the record). */
  static final String POOR_HEADLINE =
      "Notwithstanding organizational infrastructure considerations, unfortunately";

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      JsonNode req = Json.MAPPER.readTree(ex.getRequestBody());
      requests.add(req);
      String system = "";
      String user = "";
      for (JsonNode m : req.path("messages")) {
        String content = m.path("content").asText("");
        if ("system".equals(m.path("role").asText())) {
          system = content;
        } else {
          user = content;
        }
      }
      Matcher count = COUNT.matcher(system);
      Matcher product = PRODUCT.matcher(user);
      if (!system.contains("advertising creatives") || !count.find() || !product.find()) {
        send(ex, 400, "{\"error\":{\"message\":\"this fake answers the creative prompt only\"}}");
        return;
      }
      String name = product.group(1).strip();
      int n = Integer.parseInt(count.group(1));
      ObjectNode answer = Json.MAPPER.createObjectNode();
      ArrayNode creatives = answer.putArray("creatives");
      for (int i = 1; i < n; i++) {
        creatives
            .addObject()
            .put("headline", name + ": pipelines that survive crashes, take " + i)
            .put("body", "Enjoy easy, reliable runs. Each step resumes where it stopped.")
            .put("call_to_action", "Try it today")
            .set("hashtags", Json.MAPPER.createArrayNode().add("#Temporal").add("Java"));
      }
      creatives
          .addObject()
          .put("headline", POOR_HEADLINE)
          .put(
              "body",
              "Painful, expensive and confusing: interdependent synchronization"
                  + " difficulties and unanticipated configuration complications occasionally"
                  + " necessitate comprehensive reconsideration by administrators, organizations"
                  + " and institutional stakeholders everywhere.")
          .put("call_to_action", "Regards")
          .putArray("hashtags");
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.put("id", "chatcmpl-creative")
          .put("object", "chat.completion")
          .put("created", 1)
          .put("model", req.path("model").asText("fake"));
      ObjectNode choice = body.putArray("choices").addObject();
      choice.put("index", 0).put("finish_reason", "stop");
      choice.putObject("message").put("role", "assistant").put("content", answer.toString());
      body.putObject("usage")
          .put("prompt_tokens", 321)
          .put("completion_tokens", 123)
          .put("total_tokens", 444);
      send(ex, 200, body.toString());
    }
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
