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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fake of the parts of X API v2 the {@code x} channel uses, on a JDK HTTP server: {@code POST
 * /2/tweets} records the post and answers {@code 201 {"data": {"id", "text"}}}; {@code GET
 * /2/users/me} answers the user {@value #USER_ID}; {@code GET /2/users/<id>/tweets} lists what was
 * posted, newest first. Every request must carry {@code Authorization: Bearer <token>}, else 401.
 */
final class FakeXApi implements AutoCloseable {
  static final String USER_ID = "1500000000000000001";

  /** One post received. */
  record Post(String id, String text, Instant at) {}

  private final HttpServer server;
  private final String token;
  private final List<Post> posts = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong(1_900_000_000_000_000_000L);

  FakeXApi(String token) throws IOException {
    this.token = token;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/2/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  /** The base URL to configure as {@code bunsui.channels.x.base-url}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The posts received, in order. */
  List<Post> posts() {
    return List.copyOf(posts);
  }

  /** Every request as {@code METHOD path}, in order. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      String path = ex.getRequestURI().getPath();
      requests.add(method + " " + path);
      if (!("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
        send(ex, 401, "{\"title\":\"Unauthorized\",\"status\":401}");
        return;
      }
      if (method.equals("POST") && path.equals("/2/tweets")) {
        JsonNode body = Json.MAPPER.readTree(ex.getRequestBody());
        String text = body.path("text").asText("");
        if (text.isBlank()) {
          send(ex, 400, "{\"title\":\"Invalid Request\",\"detail\":\"text is required\"}");
          return;
        }
        Post p = new Post(Long.toString(ids.incrementAndGet()), text, Instant.now());
        posts.add(p);
        ObjectNode out = Json.MAPPER.createObjectNode();
        out.putObject("data").put("id", p.id()).put("text", p.text());
        send(ex, 201, out.toString());
      } else if (method.equals("GET") && path.equals("/2/users/me")) {
        send(ex, 200, "{\"data\":{\"id\":\"" + USER_ID + "\",\"username\":\"bunsui\"}}");
      } else if (method.equals("GET") && path.equals("/2/users/" + USER_ID + "/tweets")) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode data = out.putArray("data");
        List<Post> newestFirst = new ArrayList<>(posts);
        java.util.Collections.reverse(newestFirst);
        for (Post p : newestFirst) {
          data.addObject()
              .put("id", p.id())
              .put("text", p.text())
              .put("created_at", p.at().toString());
        }
        send(ex, 200, out.toString());
      } else {
        send(ex, 404, "{\"title\":\"Not Found\"}");
      }
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
