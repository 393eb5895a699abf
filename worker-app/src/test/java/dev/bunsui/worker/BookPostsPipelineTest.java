package dev.bunsui.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bunsui.aggregate.BookRuns;
import dev.bunsui.aggregate.Manifest;
import dev.bunsui.book.BookResult;
import dev.bunsui.posting.ChannelSettings;
import dev.bunsui.posting.OutboxChannel;
import dev.bunsui.promotion.BookPostsService;
import dev.bunsui.support.Json;
import dev.bunsui.toolrun.ToolInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code book_posts} over a book really produced by the book pipeline: the run's pointer leads to
 * its manifest and the X posts come back in book order with publish times.
 */
class BookPostsPipelineTest {
  @TempDir Path dir;

  @Test
  void schedulesTheXPostsOfAFinishedBookRun() throws Exception {
    Path book = Files.createDirectories(dir.resolve("book"));
    Files.writeString(
        book.resolve("rust.md"),
        "# Ownership\n\n## Moves\n\nOwnership is a set of rules that govern how a Rust program"
            + " manages memory. Each value has an owner. When the owner goes out of scope, the"
            + " value is dropped.\n\n## Borrowing\n\nA reference lets you use a value without"
            + " taking ownership of it. References are immutable by default. Mutable references"
            + " allow changing the borrowed value.\n");
    try (BookPipelineHarness h = new BookPipelineHarness(dir.resolve("out"))) {
      BookResult result = h.run("book-rust-tools-test", book.resolve("rust.md"));
      Manifest manifest = h.manifest(result);
      assertThat(h.store.getNamed(BookRuns.key("book-rust-tools-test"))).isPresent();

      Clock clock = Clock.fixed(Instant.parse("2025-07-01T00:00:00Z"), ZoneOffset.UTC);
      ObjectNode in =
          Json.MAPPER.createObjectNode().put("book", "book-rust-tools-test").put("interval", "12h");
      JsonNode out = new BookPostsService(h.store, clock).schedule(new ToolInput("plan", in));

      JsonNode posts = out.path("posts");
      long expected = manifest.outputs().stream().filter(e -> e.kind().equals("X_POSTS")).count();
      assertThat(expected).isPositive();
      assertThat(posts.size()).isGreaterThanOrEqualTo((int) expected);
      assertThat(out.path("book").path("book_id").asText()).isEqualTo(result.bookId());
      int chapter = 1;
      for (int i = 0; i < posts.size(); i++) {
        JsonNode p = posts.get(i);
        assertThat(p.path("text").asText()).isNotBlank();
        assertThat(p.path("chapter").asInt()).isGreaterThanOrEqualTo(chapter);
        chapter = p.path("chapter").asInt();
        assertThat(p.path("chapter_title").asText()).isNotBlank();
        assertThat(p.path("section_title").asText()).isIn("Moves", "Borrowing");
        assertThat(Instant.parse(p.path("publish_at").asText()))
            .isEqualTo(clock.instant().plus(Duration.ofHours(12L * i)));
      }
      // sections in book order
      List<String> titles = posts.findValuesAsText("section_title");
      assertThat(titles.indexOf("Borrowing")).isGreaterThan(titles.lastIndexOf("Moves"));

      // the outbox default lives in the store folder
      ChannelSettings channels =
          ToolsConfiguration.channelSettings(
              new BunsuiProperties.Channels(
                  null,
                  Duration.ofSeconds(5),
                  new BunsuiProperties.Webhook(" ", false),
                  new BunsuiProperties.Slack(""),
                  new BunsuiProperties.X("https://api.x.com", "tok", null),
                  new BunsuiProperties.Github(null, null, "o/r", "", "posts")),
              h.out);
      assertThat(channels.outbox()).isEqualTo(h.out.resolve("outbox.jsonl"));
      assertThat(channels.webhook().url()).isNull();
      assertThat(channels.slack().webhookUrl()).isNull();
      assertThat(channels.x().accessToken()).isEqualTo("tok");
      assertThat(channels.toString()).doesNotContain("tok,").contains("accessToken=***");
      assertThat(OutboxChannel.texts(channels.outbox())).isEmpty();
    }
  }
}
