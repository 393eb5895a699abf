package dev.bunsui.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where every artifact of a run lives. Content goes in under its SHA-256 (so a retried write is a
 * no-op and identical figures are stored once); a few well-known files per book (manifest, index)
 * go in under a name. Only {@link ArtifactRef}s cross Temporal.
 *
 * <p>Keys are '/'-separated paths relative to the store root, such as {@code
 * objects/ab/abcdef….png} or {@code books/rust-book-1a2b3c4d/manifest.json}.
 *
 * <p>Implementations: {@link LocalArtifactStore} (a folder) and {@link S3ArtifactStore} (a bucket).
 * Every method throws {@link StoreException}; its {@link StoreException#code()} says whether a
 * retry can help.
 */
public interface ArtifactStore {

  /**
   * Stores content under its hash.
   *
   * @param content the bytes
   * @param mediaType IANA media type recorded in the reference
   * @param extension file extension without the dot ({@code png}, {@code md}, {@code json})
   * @return the reference; the same for the same content and extension
   * @throws StoreException when the store cannot be written
   */
  ArtifactRef put(byte[] content, String mediaType, String extension);

  /**
   * Stores a file's content under its hash without reading it into memory: the hash is computed
   * while streaming, and large files go to S3 as a multipart upload. Same key and reference as
   * {@link #put} of the same bytes.
   *
   * @param file a regular file; not modified
   * @param mediaType IANA media type recorded in the reference
   * @param extension file extension without the dot
   * @return the reference
   * @throws StoreException when the file cannot be read or the store cannot be written
   */
  ArtifactRef putFile(Path file, String mediaType, String extension);

  /**
   * Stores content under a name, replacing what was there atomically.
   *
   * @param key a relative key without {@code ..} segments
   * @param content the bytes
   * @param mediaType IANA media type
   * @return the reference
   * @throws StoreException when the key is unsafe or the store cannot be written
   */
  ArtifactRef putNamed(String key, byte[] content, String mediaType);

  /**
   * Reads content back and checks it against the reference's hash.
   *
   * @throws StoreException when missing, unreadable or not matching its hash
   */
  byte[] get(ArtifactRef ref);

  /**
   * Streams an artifact into a file (replacing it) without holding it in memory, and checks it
   * against the reference's hash; on a mismatch the target is left untouched.
   *
   * @param ref the artifact
   * @param target the file to write; its folder must exist
   * @throws StoreException when missing, unreadable, not matching its hash, or the target cannot be
   *     written
   */
  void download(ArtifactRef ref, Path target);

  /**
   * Reads content stored under a name with {@link #putNamed}. No hash is checked: a named entry has
   * no reference to check against, so callers validate what they read.
   *
   * @param key a relative key without {@code ..} segments
   * @return the bytes, or empty when nothing is stored under the key
   * @throws StoreException when the key is unsafe or the entry exists but cannot be read
   */
  Optional<byte[]> getNamed(String key);

  /**
   * Whether the referenced artifact is still in this store with its recorded size. The content is
   * not re-hashed ({@link #get} does that on read).
   *
   * @return false when it is missing, has another size, or the reference belongs to another store
   * @throws StoreException when the store cannot be asked (S3: access denied, a server fault)
   */
  boolean exists(ArtifactRef ref);

  /**
   * The key of a reference inside this store.
   *
   * @throws StoreException when the reference belongs to another store
   */
  String key(ArtifactRef ref);

  /**
   * A URI naming a key: a folder or file URI for the local store, {@code s3://bucket/prefix/key}
   * for S3.
   */
  String uriOf(String key);

  /**
   * An HTTP(S) URL that fetches the key with a plain GET, without credentials: for S3 a presigned
   * GET URL valid for the configured duration ({@code bunsui.store.s3.presign-duration}).
   *
   * @param key a relative key without {@code ..} segments
   * @return the URL, or empty when the store has none (the local store; S3 without a presign
   *     duration)
   * @throws StoreException when the key is unsafe
   */
  default Optional<String> downloadUrl(String key) {
    return Optional.empty();
  }
}
