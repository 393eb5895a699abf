package dev.bunsui.posting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bunsui.store.LocalArtifactStore;
import dev.bunsui.support.Json;
import dev.bunsui.tool.ToolRequest;
import dev.bunsui.tool.ToolResult;
import dev.bunsui.toolrun.ToolRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** A posting service over a temp store and the given channel settings, and request helpers. */
final class PostingFixture {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-05-01T09:00:00Z"), ZoneOffset.UTC);
  final LocalArtifactStore store;
  final PostLedger ledger;
  final PostingService service;
  final ToolRunner runner;

  /** Posts counted per {@code channel/outcome}, as the service reports them to its metrics. */
  final java.util.Map<String, Integer> posts = new java.util.concurrent.ConcurrentHashMap<>();

  PostingFixture(Path dir, ChannelSettings settings) {
    store = new LocalArtifactStore(dir.resolve("out"));
    ledger = new PostLedger(store);
    service =
        PostingService.create(
            ledger,
            settings,
            CLOCK,
            new dev.bunsui.metrics.Metrics() {
              @Override
              public void post(String channel, String outcome) {
                posts.merge(channel + "/" + outcome, 1, Integer::sum);
              }
            });
    runner = new ToolRunner(store);
  }

  static ObjectNode input(String channel, String text) {
    ObjectNode in = Json.MAPPER.createObjectNode();
    in.put("channel", channel);
    in.putObject("post").put("text", text).put("headline", "Launch");
    return in;
  }

  static ToolRequest request(JsonNode input) {
    return new ToolRequest("campaign-1", "auto_posting", 0, input);
  }

  ToolResult post(JsonNode input, int attempt) {
    ToolRequest r = request(input);
    return runner.run("auto_posting", r, attempt, in -> service.post(r, in, attempt));
  }

  /** The key the service computes for this input (text and headline as in {@link #input}). */
  static String key(String channel, String text) {
    return IdempotencyKey.of(
        "campaign-1", "auto_posting", 0, channel, new PostContent(text, "Launch", null).hash());
  }

  /** Writes the pending record an attempt cut off after calling the channel would leave. */
  void pending(String channel, String text) {
    String key = key(channel, text);
    ledger.write(
        new PostRecord(
            key,
            channel,
            PostRecord.PENDING,
            new PostContent(text, "Launch", null).hash(),
            "campaign-1",
            "auto_posting",
            0,
            1,
            CLOCK.instant(),
            null,
            null,
            null,
            null));
  }

  Optional<PostRecord> record(String channel, String text) {
    return ledger.read(key(channel, text));
  }
}
