package dev.bunsui.posting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bunsui.creative.ChannelLimits;
import dev.bunsui.support.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code outbox} channel (the default): appends one JSON line per post to a local JSONL file,
 * {@code {"idempotency_key", "channel": "outbox", "posted_at", "text", "title"?, "workflow_id",
 * "step_id", "item"?, "post"}}. Appends hold a file lock (other processes) and a JVM lock (other
 * threads) and start on a new line even after a torn write; unreadable lines are skipped when
 * reading. The post id is the line number, the URL {@code file:…#L<line>}. Whether an earlier
 * attempt posted is answered by scanning the file for the idempotency key.
 */
public final class OutboxChannel implements Channel {
  private static final Object LOCK = new Object();
  private final Path file;
  private final Clock clock;

  /**
   * Creates the channel.
   *
   * @param file the JSONL file; created with its folder on the first post
   * @param clock stamps {@code posted_at}
   */
  public OutboxChannel(Path file, Clock clock) {
    this.file = file.toAbsolutePath().normalize();
    this.clock = clock;
  }

  @Override
  public String name() {
    return ChannelLimits.OUTBOX;
  }

  @Override
  public Optional<String> missingConfiguration() {
    return Optional.empty();
  }

  @Override
  public Posted publish(PostRequest request) {
    Instant now = clock.instant();
    ObjectNode line = Json.MAPPER.createObjectNode();
    line.put("idempotency_key", request.key());
    line.put("channel", name());
    line.put("posted_at", now.toString());
    line.put("text", request.content().text());
    if (request.content().title() != null) {
      line.put("title", request.content().title());
    }
    line.put("workflow_id", request.workflowId());
    line.put("step_id", request.stepId());
    if (request.item() != null) {
      line.put("item", request.item());
    }
    line.set("post", request.content().post());
    int number = append(line.toString());
    return new Posted(Integer.toString(number), file.toUri() + "#L" + number, now);
  }

  @Override
  public boolean canLookup() {
    return true;
  }

  @Override
  public Optional<Posted> find(PostRequest request) {
    List<JsonNode> lines = read(file);
    for (int i = 0; i < lines.size(); i++) {
      JsonNode l = lines.get(i);
      if (request.key().equals(l.path("idempotency_key").asText())) {
        Instant at = Instant.parse(l.path("posted_at").asText(clock.instant().toString()));
        return Optional.of(new Posted(Integer.toString(i + 1), file.toUri() + "#L" + (i + 1), at));
      }
    }
    return Optional.empty();
  }

  /**
   * The texts of every post in an outbox file, for the optimizer's novelty feature.
   *
   * @param file the JSONL file; a missing file has none
   * @return the texts in file order
   */
  public static List<String> texts(Path file) {
    List<String> out = new ArrayList<>();
    for (JsonNode l : read(file)) {
      String t = l.path("text").asText("");
      if (!t.isBlank()) {
        out.add(t);
      }
    }
    return out;
  }

  /** Every line of the file as JSON, unreadable ones as missing nodes (so line numbers hold). */
  private static List<JsonNode> read(Path file) {
    List<String> raw;
    try {
      raw = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the outbox " + file + ": " + e, e);
    }
    List<JsonNode> out = new ArrayList<>();
    for (String r : raw) {
      JsonNode n;
      try {
        n = r.isBlank() ? Json.MAPPER.missingNode() : Json.MAPPER.readTree(r);
      } catch (IOException e) {
        n = Json.MAPPER.missingNode();
      }
      out.add(n);
    }
    return out;
  }

  /** Appends a line; returns its 1-based line number. */
  private int append(String json) {
    synchronized (LOCK) {
      try {
        Files.createDirectories(file.getParent());
        try (FileChannel ch =
                FileChannel.open(
                    file,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock ignored = ch.lock()) {
          long size = ch.size();
          String prefix = "";
          if (size > 0) {
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last, size - 1);
            if (last.get(0) != '\n') {
              prefix = "\n";
            }
          }
          int lines = read(file).size();
          ByteBuffer buf = ByteBuffer.wrap((prefix + json + "\n").getBytes(StandardCharsets.UTF_8));
          long at = size;
          while (buf.hasRemaining()) {
            at += ch.write(buf, at);
          }
          ch.force(true);
          return lines + 1;
        }
      } catch (IOException e) {
        throw new ChannelException(
            "outbox: cannot append to " + file + ": " + e, false, false, null, e);
      }
    }
  }
}
