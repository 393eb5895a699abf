package dev.bunsui.promotion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bunsui.aggregate.BookRuns;
import dev.bunsui.aggregate.Manifest;
import dev.bunsui.aggregate.ManifestEntry;
import dev.bunsui.book.OutputKind;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.store.ArtifactStore;
import dev.bunsui.support.Json;
import dev.bunsui.toolrun.ToolInput;
import dev.bunsui.toolrun.ToolInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code book_posts} tool: the X posts a finished book run generated, each with a publish time.
 *
 * <p>The run is found through its pointer {@code runs/<workflow id>.json} ({@link BookRuns},
 * written by the book aggregation), which names {@code books/<book id>/manifest.json}; a book id
 * given instead of a workflow id is accepted too. The manifest's {@code X_POSTS} outputs (stored
 * JSON arrays of strings, read back with their hash checked) are taken in book order: chapter, then
 * section, then the order within the section.
 *
 * <p>Input: {@code book} (workflow id of the book run), optional {@code start_at} (ISO-8601 with
 * offset; default: now by the activity's clock), {@code interval} (ISO-8601 or {@code 1d}/{@code
 * 12h}; default 1 day), {@code per_day} (1–48, default 1), {@code limit} (1–10000). Output: {@code
 * {"posts": [{"text", "chapter", "chapter_title", "section", "section_title", "publish_at"}],
 * "book": {"workflow_id", "book_id", "title", "lang", "manifest", "posts_available"}}}, publish
 * times by {@link PostSchedule}.
 */
public final class BookPostsService {
  /** Most posts per interval. */
  public static final int MAX_PER_DAY = 48;

  private final ArtifactStore store;
  private final Clock clock;

  /**
   * Creates the service.
   *
   * @param store the artifact store the book runs wrote to
   * @param clock gives the default start time
   */
  public BookPostsService(ArtifactStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Schedules the posts.
   *
   * @param input the tool input
   * @return the output described above
   * @throws ToolInputException naming the book id when the run or its manifest is not in the store,
   *     or naming the field for other bad input
   * @throws dev.bunsui.store.StoreException when a stored output cannot be read
   */
  public JsonNode schedule(ToolInput input) {
    String book = input.requiredText("book");
    Instant start =
        input
            .text("start_at")
            .map(
                t ->
                    PostSchedule.parseInstant(t)
                        .orElseThrow(
                            () ->
                                input.invalid(
                                    "start_at",
                                    "is '" + t + "'; use ISO-8601 like 2025-05-01T09:00:00Z")))
            .orElse(clock.instant());
    Duration interval =
        input
            .text("interval")
            .map(
                t ->
                    PostSchedule.parseDuration(t)
                        .orElseThrow(
                            () ->
                                input.invalid(
                                    "interval",
                                    "is '" + t + "'; use a positive duration like 1d, 12h, PT6H")))
            .orElse(Duration.ofDays(1));
    int perDay = input.integer("per_day", 1, 1, MAX_PER_DAY);
    int limit = input.integer("limit", Integer.MAX_VALUE, 1, 10_000);
    PostSchedule schedule = new PostSchedule(start, interval, perDay);

    Located located = locate(input, book);
    Manifest m = located.manifest();
    Map<String, String> sectionTitles = new HashMap<>();
    Map<Integer, String> chapterTitles = new HashMap<>();
    for (Manifest.TocChapter c : m.chapters()) {
      chapterTitles.put(c.number(), c.title());
      c.sections().forEach(s -> sectionTitles.put(s.id(), s.title()));
    }
    ObjectNode out = Json.MAPPER.createObjectNode();
    ArrayNode posts = out.putArray("posts");
    int available = 0;
    for (ManifestEntry e : m.outputs()) {
      if (!OutputKind.X_POSTS.name().equals(e.kind())) {
        continue;
      }
      JsonNode texts = read(e, book);
      for (JsonNode t : texts) {
        if (!t.isTextual() || t.asText().isBlank()) {
          continue;
        }
        if (posts.size() < limit) {
          ObjectNode p = posts.addObject();
          p.put("text", t.asText());
          p.put("chapter", e.chapter());
          p.put("chapter_title", chapterTitles.get(e.chapter()));
          p.put("section", e.section());
          p.put("section_title", sectionTitles.get(e.section()));
          p.put("publish_at", schedule.at(posts.size() - 1).toString());
        }
        available++;
      }
    }
    ObjectNode b = out.putObject("book");
    b.put("workflow_id", m.workflowId());
    b.put("book_id", m.bookId());
    b.put("title", m.title());
    b.put("lang", m.lang());
    b.put("manifest", located.key());
    b.put("posts_available", available);
    return out;
  }

  private record Located(String key, Manifest manifest) {}

  private Located locate(ToolInput input, String book) {
    String key;
    Optional<BookRuns.Pointer> pointer;
    try {
      pointer = BookRuns.read(store, book);
    } catch (UncheckedIOException e) {
      throw input.invalid(
          "book",
          "'"
              + book
              + "': its run pointer "
              + BookRuns.key(book)
              + " is unreadable: "
              + e.getMessage());
    }
    if (pointer.isPresent()) {
      key = pointer.get().manifest();
    } else if (book.matches("[A-Za-z0-9._-]+")
        && store.getNamed(BookRuns.manifestKey(book)).isPresent()) {
      key = BookRuns.manifestKey(book);
    } else {
      throw new ToolInputException(
          "step '"
              + input.step()
              + "': book run '"
              + book
              + "' not found in the artifact store "
              + store.uriOf("runs")
              + ": there is no "
              + BookRuns.key(book)
              + " (written when a book run finishes) nor books/"
              + book
              + "/manifest.json. Give the workflow id of a completed book run (bunsui session"
              + " list) and check that this worker uses the same store (bunsui.store.root)");
    }
    byte[] bytes =
        store
            .getNamed(key)
            .orElseThrow(
                () ->
                    new ToolInputException(
                        "step '"
                            + input.step()
                            + "': the manifest "
                            + key
                            + " of book run '"
                            + book
                            + "' is missing from the artifact store"));
    try {
      return new Located(key, Json.read(bytes, Manifest.class));
    } catch (UncheckedIOException e) {
      throw new ToolInputException(
          "step '"
              + input.step()
              + "': the manifest "
              + key
              + " of book run '"
              + book
              + "' is not a manifest: "
              + e.getMessage());
    }
  }

  private JsonNode read(ManifestEntry e, String book) {
    byte[] bytes = store.get(new ArtifactRef(e.uri(), e.sha256(), e.size(), e.mediaType()));
    try {
      JsonNode n = Json.MAPPER.readTree(bytes);
      if (!n.isArray()) {
        throw new ToolInputException(
            "book run '" + book + "': X posts " + e.key() + " is not a JSON array");
      }
      return n;
    } catch (IOException ex) {
      throw new ToolInputException(
          "book run '" + book + "': X posts " + e.key() + " is not JSON: " + ex.getMessage());
    }
  }
}
