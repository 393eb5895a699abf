package dev.bunsui.store;

import dev.bunsui.support.Hashes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file's content hash and size, read once for {@link ArtifactStore#putFile}.
 *
 * @param sha256 lowercase hex SHA-256 of the bytes
 * @param size bytes
 */
record FileDigest(String sha256, long size) {

  /**
   * Reads a file through once, streaming.
   *
   * @param file the file
   * @return its digest
   * @throws StoreException (STORE_IO) naming the file when it cannot be read
   */
  static FileDigest of(Path file) {
    try {
      return new FileDigest(Hashes.sha256(file), Files.size(file));
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e, e);
    }
  }
}
