package dev.bunsui.posting;

import dev.bunsui.store.ArtifactStore;
import dev.bunsui.store.StoreException;
import dev.bunsui.support.Json;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Post records in the artifact store under {@code posts/<idempotency key>.json}. A record is
 * replaced atomically ({@link ArtifactStore#putNamed}).
 */
public final class PostLedger {
  private final ArtifactStore store;

  /**
   * Creates the ledger.
   *
   * @param store the artifact store
   */
  public PostLedger(ArtifactStore store) {
    this.store = store;
  }

  /** The store key of a post's record. */
  public static String key(String idempotencyKey) {
    return "posts/" + idempotencyKey + ".json";
  }

  /**
   * Reads a record.
   *
   * @return the record, or empty when the post was never attempted
   * @throws StoreException when the record cannot be read or is not a post record
   */
  public Optional<PostRecord> read(String idempotencyKey) {
    Optional<byte[]> bytes = store.getNamed(key(idempotencyKey));
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.read(bytes.get(), PostRecord.class));
    } catch (UncheckedIOException e) {
      throw new StoreException(
          "post record " + key(idempotencyKey) + " is unreadable: " + e.getMessage(), e);
    }
  }

  /**
   * Writes a record, replacing the earlier one.
   *
   * @throws StoreException when the store cannot be written
   */
  public void write(PostRecord record) {
    store.putNamed(key(record.idempotencyKey()), Json.write(record), "application/json");
  }
}
