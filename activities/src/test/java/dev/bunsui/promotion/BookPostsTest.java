package dev.bunsui.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bunsui.aggregate.BookRuns;
import dev.bunsui.aggregate.Manifest;
import dev.bunsui.aggregate.ManifestEntry;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.store.LocalArtifactStore;
import dev.bunsui.support.Json;
import dev.bunsui.tool.ToolRequest;
import dev.bunsui.tool.ToolResult;
import dev.bunsui.toolrun.ToolRunner;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code book_posts} over a hand-built book run in a temp store. */
class BookPostsTest {
  private static final String RUN = "book-demo-1a2b3c4d";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-06-01T08:00:00Z"), ZoneOffset.UTC);
  @TempDir Path dir;
  LocalArtifactStore store;
  ToolRunner runner;
  ArtifactRef chapter2Posts;

  @BeforeEach
  void setUp() {
    store = new LocalArtifactStore(dir.resolve("out"));
    runner = new ToolRunner(store);
    List<ManifestEntry> outputs = new ArrayList<>();
    outputs.add(
        entry(
            "ARTICLE",
            1,
            "s1",
            store.put("# A".getBytes(StandardCharsets.UTF_8), "text/markdown", "md")));
    outputs.add(entry("X_POSTS", 1, "s1", json(List.of("Post A #Rust", "Post B"))));
    chapter2Posts = json(List.of("Post C", "Post D", "Post E"));
    outputs.add(entry("X_POSTS", 2, "s2", chapter2Posts));
    Manifest m =
        new Manifest(
            "demo-1234",
            "Demo Book",
            "en",
            "single-file",
            RUN,
            "2025-05-31T00:00:00Z",
            List.of("extractive/textrank"),
            new Manifest.Totals(2, 2, 0, 0, 3, 0),
            List.of(
                new Manifest.TocChapter(1, "Ownership", List.of(section("s1", "Moves"))),
                new Manifest.TocChapter(2, "Borrowing", List.of(section("s2", "References")))),
            outputs,
            List.of(),
            null);
    store.putNamed("books/demo-1234/manifest.json", Json.write(m), "application/json");
    BookRuns.write(
        store,
        new BookRuns.Pointer(RUN, "demo-1234", "books/demo-1234/manifest.json", m.generatedAt()));
  }

  private static Manifest.TocSection section(String id, String title) {
    return new Manifest.TocSection(id, title, "book.md", 1, "DONE", null, "sections/" + id);
  }

  private ArtifactRef json(List<String> posts) {
    return store.put(Json.write(posts), "application/json", "json");
  }

  private ManifestEntry entry(String kind, int chapter, String section, ArtifactRef ref) {
    return new ManifestEntry(
        kind,
        chapter,
        section,
        store.key(ref),
        ref.uri(),
        ref.sha256(),
        ref.size(),
        ref.mediaType(),
        "extractive",
        "textrank",
        null,
        null,
        0,
        0,
        false,
        null);
  }

  private ToolResult run(ObjectNode input) {
    return runner.run(
        "book_posts",
        new ToolRequest("promo-1", "plan_posts", null, input),
        1,
        new BookPostsService(store, CLOCK)::schedule);
  }

  private static ObjectNode input(String book) {
    return Json.MAPPER.createObjectNode().put("book", book);
  }

  @Test
  void schedulesPostsInBookOrderSpreadOverDays() {
    ObjectNode in = input(RUN);
    in.put("start_at", "2025-05-01T09:00:00+09:00")
        .put("interval", "1d")
        .put("per_day", 2)
        .put("limit", 4);
    JsonNode out = run(in).output();
    JsonNode posts = out.path("posts");
    assertThat(posts).hasSize(4);
    assertThat(posts.findValuesAsText("text"))
        .containsExactly("Post A #Rust", "Post B", "Post C", "Post D");
    assertThat(posts.findValuesAsText("publish_at"))
        .containsExactly(
            "2025-05-01T00:00:00Z",
            "2025-05-01T12:00:00Z",
            "2025-05-02T00:00:00Z",
            "2025-05-02T12:00:00Z");
    assertThat(posts.get(2).path("chapter").asInt()).isEqualTo(2);
    assertThat(posts.get(2).path("chapter_title").asText()).isEqualTo("Borrowing");
    assertThat(posts.get(2).path("section").asText()).isEqualTo("s2");
    assertThat(posts.get(2).path("section_title").asText()).isEqualTo("References");
    assertThat(out.path("book").path("book_id").asText()).isEqualTo("demo-1234");
    assertThat(out.path("book").path("workflow_id").asText()).isEqualTo(RUN);
    assertThat(out.path("book").path("posts_available").asInt()).isEqualTo(5);
  }

  @Test
  void startsNowByTheActivityClockWithOneAPostADayByDefault() {
    JsonNode posts = run(input(RUN)).output().path("posts");
    assertThat(posts).hasSize(5);
    assertThat(posts.get(0).path("publish_at").asText()).isEqualTo("2025-06-01T08:00:00Z");
    assertThat(posts.get(4).path("publish_at").asText()).isEqualTo("2025-06-05T08:00:00Z");
    // the book id works as well as the run's workflow id
    assertThat(run(input("demo-1234")).output().path("posts")).hasSize(5);
  }

  @Test
  void intervalsInBothForms() {
    assertThat(PostSchedule.parseDuration("12h")).contains(Duration.ofHours(12));
    assertThat(PostSchedule.parseDuration("1d12h")).contains(Duration.ofHours(36));
    assertThat(PostSchedule.parseDuration("PT6H")).contains(Duration.ofHours(6));
    assertThat(PostSchedule.parseDuration("P1D")).contains(Duration.ofDays(1));
    assertThat(PostSchedule.parseDuration("0d")).isEmpty();
    assertThat(PostSchedule.parseDuration("soon")).isEmpty();
    ObjectNode in = input(RUN).put("interval", "PT6H").put("per_day", 3);
    JsonNode posts = run(in).output().path("posts");
    assertThat(posts.findValuesAsText("publish_at"))
        .containsExactly(
            "2025-06-01T08:00:00Z",
            "2025-06-01T10:00:00Z",
            "2025-06-01T12:00:00Z",
            "2025-06-01T14:00:00Z",
            "2025-06-01T16:00:00Z");
  }

  @Test
  void anUnknownBookRunIsInputInvalidNamingIt() {
    ApplicationFailure e =
        catchThrowableOfType(ApplicationFailure.class, () -> run(input("book-nope-00000000")));
    assertThat(e.getType()).isEqualTo("INPUT_INVALID");
    assertThat(e.isNonRetryable()).isTrue();
    assertThat(e.getOriginalMessage())
        .contains("book run 'book-nope-00000000' not found")
        .contains("runs/book-nope-00000000.json");

    ObjectNode bad = input(RUN).put("interval", "soon");
    e = catchThrowableOfType(ApplicationFailure.class, () -> run(bad));
    assertThat(e.getOriginalMessage()).contains("'interval'").contains("soon");
    ObjectNode badStart = input(RUN).put("start_at", "tomorrow");
    e = catchThrowableOfType(ApplicationFailure.class, () -> run(badStart));
    assertThat(e.getOriginalMessage()).contains("'start_at'");

    // the pointer is there but the manifest is gone
    BookRuns.write(
        store, new BookRuns.Pointer("book-gone", "gone", "books/gone/manifest.json", null));
    e = catchThrowableOfType(ApplicationFailure.class, () -> run(input("book-gone")));
    assertThat(e.getType()).isEqualTo("INPUT_INVALID");
    assertThat(e.getOriginalMessage()).contains("books/gone/manifest.json").contains("book-gone");
  }

  @Test
  void aTamperedOutputIsAStoreError() throws Exception {
    Files.writeString(Path.of(java.net.URI.create(chapter2Posts.uri())), "[\"changed\"]");
    ApplicationFailure e = catchThrowableOfType(ApplicationFailure.class, () -> run(input(RUN)));
    assertThat(e.getType()).isEqualTo("STORE_IO");
    assertThat(e.getOriginalMessage()).contains("does not match its hash");
  }

  @Test
  void everyWorkflowIdMapsToASafeKey() {
    assertThat(BookRuns.key("book-rust-1a2b")).isEqualTo("runs/book-rust-1a2b.json");
    String odd = BookRuns.key("../本/x y");
    assertThat(odd).startsWith("runs/").endsWith(".json").doesNotContain("..", "/本", " ");
    assertThat(odd).isNotEqualTo(BookRuns.key("../本/x_y"));
  }
}
