package dev.bunsui.aggregate;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bunsui.store.ArtifactStore;
import dev.bunsui.support.Hashes;
import dev.bunsui.support.Json;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Where a book run's outputs are: the book folder {@code books/<book id>/} is named after the book
 * (slug plus a hash of its sources), which cannot be derived from the run's workflow id, so the
 * book aggregation also writes a pointer {@code runs/<workflow id>.json} = {@link Pointer}.
 * Workflow ids with characters outside {@code [A-Za-z0-9._-]} are written with those characters
 * replaced by {@code _} and the first 8 hex of the id's SHA-256 appended, so every id maps to one
 * safe key.
 */
public final class BookRuns {
  private BookRuns() {}

  /**
   * The pointer of one finished book run.
   *
   * @param workflowId the book run's workflow id
   * @param bookId the book id (its folder is {@code books/<book id>/})
   * @param manifest the store key of its {@code manifest.json}
   * @param generatedAt ISO-8601 instant the manifest was written
   */
  public record Pointer(
      @JsonProperty("workflow_id") String workflowId,
      @JsonProperty("book_id") String bookId,
      String manifest,
      @JsonProperty("generated_at") String generatedAt) {}

  /** The store key of the pointer of a workflow id. */
  public static String key(String workflowId) {
    boolean safe = workflowId.matches("[A-Za-z0-9._-]{1,200}") && !workflowId.startsWith(".");
    if (safe) {
      return "runs/" + workflowId + ".json";
    }
    String cleaned = workflowId.replaceAll("[^A-Za-z0-9._-]", "_");
    cleaned = cleaned.substring(0, Math.min(cleaned.length(), 150)).replaceAll("^\\.+", "_");
    return "runs/" + cleaned + "-" + Hashes.sha256(workflowId).substring(0, 8) + ".json";
  }

  /** The store key of a book's manifest. */
  public static String manifestKey(String bookId) {
    return "books/" + bookId + "/manifest.json";
  }

  /**
   * Writes the pointer of a run.
   *
   * @throws dev.bunsui.store.StoreException when the store cannot be written
   */
  public static void write(ArtifactStore store, Pointer pointer) {
    store.putNamed(key(pointer.workflowId()), Json.write(pointer), "application/json");
  }

  /**
   * Reads the pointer of a run.
   *
   * @return the pointer, or empty when the run never finished aggregation in this store
   * @throws dev.bunsui.store.StoreException when it exists but cannot be read
   * @throws UncheckedIOException when it is not a pointer
   */
  public static Optional<Pointer> read(ArtifactStore store, String workflowId) {
    return store.getNamed(key(workflowId)).map(b -> Json.read(b, Pointer.class));
  }
}
