package dev.bunsui.posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bunsui.support.Json;
import dev.bunsui.tool.ToolResult;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code auto_posting} to the outbox: at most once, pending recovery, bad input. */
class OutboxPostingTest {
  private static final String TEXT = "StockPilot is here. Try it today #Inventory";
  @TempDir Path dir;
  Path outbox;
  PostingFixture f;

  @BeforeEach
  void setUp() {
    outbox = dir.resolve("outbox/outbox.jsonl");
    f = new PostingFixture(dir, ChannelSettings.outboxOnly(outbox));
  }

  @Test
  void postsOnceAndAnswersAlreadyPostedAfterwards() throws Exception {
    ToolResult first = f.post(PostingFixture.input("outbox", TEXT), 1);
    JsonNode out = first.output();
    assertThat(out.path("status").asText()).isEqualTo("posted");
    assertThat(out.path("channel").asText()).isEqualTo("outbox");
    assertThat(out.path("idempotency_key").asText()).isEqualTo(PostingFixture.key("outbox", TEXT));
    assertThat(out.path("post_id").asText()).isEqualTo("1");
    assertThat(out.path("url").asText()).endsWith("outbox.jsonl#L1");
    assertThat(out.path("posted_at").asText()).isEqualTo("2025-05-01T09:00:00Z");
    List<String> lines = Files.readAllLines(outbox);
    assertThat(lines).hasSize(1);
    JsonNode line = Json.MAPPER.readTree(lines.get(0));
    assertThat(line.path("text").asText()).isEqualTo(TEXT);
    assertThat(line.path("idempotency_key").asText())
        .isEqualTo(out.path("idempotency_key").asText());
    assertThat(f.record("outbox", TEXT).orElseThrow().state()).isEqualTo("confirmed");
    assertThat(store(first.inputRef())).isEqualTo(PostingFixture.input("outbox", TEXT));

    ToolResult again = f.post(PostingFixture.input("outbox", TEXT), 2);
    assertThat(again.output().path("status").asText()).isEqualTo("already_posted");
    assertThat(again.output().path("post_id").asText()).isEqualTo("1");
    assertThat(again.attempt()).isEqualTo(2);
    assertThat(Files.readAllLines(outbox)).hasSize(1);

    // another text is another post
    f.post(PostingFixture.input("outbox", TEXT + " now"), 1);
    assertThat(Files.readAllLines(outbox)).hasSize(2);
    assertThat(OutboxChannel.texts(outbox)).containsExactly(TEXT, TEXT + " now");
    assertThat(f.posts).containsOnly(entry("outbox/posted", 2), entry("outbox/already_posted", 1));
  }

  @Test
  void aPendingPostFoundInTheOutboxIsNotPostedAgain() throws Exception {
    // attempt 1 appended the line, then died before confirming
    f.pending("outbox", TEXT);
    new OutboxChannel(outbox, PostingFixture.CLOCK)
        .publish(
            new PostRequest(
                PostingFixture.key("outbox", TEXT),
                new PostContent(TEXT, "Launch", Json.MAPPER.createObjectNode()),
                "campaign-1",
                "auto_posting",
                0,
                Json.MAPPER.createObjectNode()));
    JsonNode out = f.post(PostingFixture.input("outbox", TEXT), 2).output();
    assertThat(out.path("status").asText()).isEqualTo("already_posted");
    assertThat(Files.readAllLines(outbox)).hasSize(1);
    PostRecord r = f.record("outbox", TEXT).orElseThrow();
    assertThat(r.state()).isEqualTo("confirmed");
    assertThat(r.attempt()).isEqualTo(2);
  }

  @Test
  void aPendingPostMissingFromTheOutboxIsPosted() throws Exception {
    f.pending("outbox", TEXT);
    Files.createDirectories(outbox.getParent());
    Files.writeString(outbox, "{\"idempotency_key\": \"other\", \"text\": \"x\"}\n{torn");
    JsonNode out = f.post(PostingFixture.input("outbox", TEXT), 2).output();
    assertThat(out.path("status").asText()).isEqualTo("posted");
    List<String> lines = Files.readAllLines(outbox);
    assertThat(lines).hasSize(3);
    assertThat(Json.MAPPER.readTree(lines.get(2)).path("text").asText()).isEqualTo(TEXT);
    assertThat(out.path("post_id").asText()).isEqualTo("3");
  }

  @Test
  void composesCreativesAndBookPosts() {
    ObjectNode creative = Json.MAPPER.createObjectNode();
    creative
        .putObject("post")
        .put("headline", "Stock, sorted")
        .put("body", "StockPilot counts for you.")
        .put("call_to_action", "Learn more")
        .putArray("hashtags")
        .add("#Inventory");
    JsonNode out = f.post(creative, 1).output();
    assertThat(out.path("status").asText()).isEqualTo("posted");
    assertThat(OutboxChannel.texts(outbox).get(0))
        .isEqualTo("Stock, sorted\n\nStockPilot counts for you.\n\nLearn more\n\n#Inventory");

    ObjectNode bookPost = Json.MAPPER.createObjectNode();
    bookPost.putObject("post").put("text", "Ownership in Rust, explained.").put("chapter", 4);
    assertThat(f.post(bookPost, 1).output().path("channel").asText()).isEqualTo("outbox");
  }

  @Test
  void badInputIsInputInvalidNamingTheField() {
    ApplicationFailure e =
        catchThrowableOfType(
            ApplicationFailure.class, () -> f.post(PostingFixture.input("fax", TEXT), 1));
    assertThat(e.getType()).isEqualTo("INPUT_INVALID");
    assertThat(e.getOriginalMessage()).contains("'channel'").contains("fax");

    ObjectNode noPost = Json.MAPPER.createObjectNode().put("channel", "outbox");
    e = catchThrowableOfType(ApplicationFailure.class, () -> f.post(noPost, 1));
    assertThat(e.getOriginalMessage()).contains("'post' is required");

    ObjectNode badOption = PostingFixture.input("outbox", TEXT);
    badOption.putObject("options").put("path", "a.md");
    e = catchThrowableOfType(ApplicationFailure.class, () -> f.post(badOption, 1));
    assertThat(e.getOriginalMessage()).contains("options.path").contains("takes none");

    e =
        catchThrowableOfType(
            ApplicationFailure.class, () -> f.post(PostingFixture.input("x", "a".repeat(281)), 1));
    assertThat(e.getType()).isEqualTo("INPUT_INVALID");
    assertThat(e.getOriginalMessage()).contains("281 weighted characters");

    e =
        catchThrowableOfType(
            ApplicationFailure.class, () -> f.post(PostingFixture.input("x", TEXT), 1));
    assertThat(e.getType()).isEqualTo("POST_REJECTED");
    assertThat(e.isNonRetryable()).isTrue();
    assertThat(e.getOriginalMessage()).contains("BUNSUI_X_ACCESS_TOKEN");
  }

  @Test
  void keysDependOnEveryPartAndSettingsMaskSecrets() {
    String k = IdempotencyKey.of("w", "s", 1, "x", "h");
    assertThat(k).hasSize(64).isEqualTo(IdempotencyKey.of("w", "s", 1, "x", "h"));
    assertThat(k)
        .isNotEqualTo(IdempotencyKey.of("w", "s", 2, "x", "h"))
        .isNotEqualTo(IdempotencyKey.of("w", "s", null, "x", "h"))
        .isNotEqualTo(IdempotencyKey.of("w", "s", 1, "slack", "h"))
        .isNotEqualTo(IdempotencyKey.of("w", "s", 1, "x", "h2"))
        .isNotEqualTo(IdempotencyKey.of("w2", "s", 1, "x", "h"));
    ChannelSettings s =
        new ChannelSettings(
            outbox,
            new ChannelSettings.Webhook("https://hooks.example.com/in/secret-path", false),
            new ChannelSettings.Slack("https://hooks.slack.com/services/T0/B0/sekrit"),
            new ChannelSettings.X(null, "x-token-value", null),
            new ChannelSettings.Github(null, "ghp_token", "o/r", null, null),
            null);
    assertThat(s.toString())
        .doesNotContain("sekrit", "x-token-value", "ghp_token", "secret-path")
        .contains("hooks.example.com", "api.x.com", "o/r");
  }

  private JsonNode store(dev.bunsui.store.ArtifactRef ref) throws Exception {
    return Json.MAPPER.readTree(f.store.get(ref));
  }
}
