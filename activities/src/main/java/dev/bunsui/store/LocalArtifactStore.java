package dev.bunsui.store;

import dev.bunsui.support.Hashes;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The artifact store in a local folder ({@code ./out} by default). Writes go to a temporary file in
 * the target folder and are renamed into place, so a reader never sees half a file.
 */
public final class LocalArtifactStore implements ArtifactStore {
  private final Path root;

  /**
   * Opens (and creates) the store folder.
   *
   * @param root the folder; created when missing
   * @throws StoreException when it cannot be created
   */
  public LocalArtifactStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
    try {
      Files.createDirectories(this.root);
    } catch (IOException e) {
      throw new StoreException("cannot create the output folder " + this.root + ": " + e, e);
    }
  }

  /** The store folder. */
  public Path root() {
    return root;
  }

  @Override
  public ArtifactRef put(byte[] content, String mediaType, String extension) {
    String sha = Hashes.sha256(content);
    Path target = resolve(objectKey(sha, extension));
    if (!Files.isRegularFile(target) || size(target) != content.length) {
      write(target, content);
    }
    return new ArtifactRef(target.toUri().toString(), sha, content.length, mediaType);
  }

  @Override
  public ArtifactRef putFile(Path file, String mediaType, String extension) {
    FileDigest digest = FileDigest.of(file);
    String sha = digest.sha256();
    long size = digest.size();
    Path target = resolve(objectKey(sha, extension));
    if (!Files.isRegularFile(target) || size(target) != size) {
      copy(file, target);
    }
    return new ArtifactRef(target.toUri().toString(), sha, size, mediaType);
  }

  @Override
  public ArtifactRef putNamed(String key, byte[] content, String mediaType) {
    Path target = resolve(key);
    write(target, content);
    return new ArtifactRef(
        target.toUri().toString(), Hashes.sha256(content), content.length, mediaType);
  }

  @Override
  public byte[] get(ArtifactRef ref) {
    Path path = resolve(key(ref));
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (IOException e) {
      throw new StoreException("cannot read artifact " + path + ": " + e, e);
    }
    String sha = Hashes.sha256(bytes);
    if (!sha.equals(ref.sha256())) {
      throw new StoreException(
          "artifact " + path + " does not match its hash (expected " + ref.sha256() + ")");
    }
    return bytes;
  }

  @Override
  public void download(ArtifactRef ref, Path target) {
    Path path = resolve(key(ref));
    Path tmp = null;
    try {
      tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".tmp-", ".part");
      Files.copy(path, tmp, StandardCopyOption.REPLACE_EXISTING);
      String sha = Hashes.sha256(tmp);
      if (!sha.equals(ref.sha256())) {
        throw new StoreException(
            "artifact " + path + " does not match its hash (expected " + ref.sha256() + ")");
      }
      move(tmp, target);
    } catch (IOException e) {
      throw new StoreException("cannot copy artifact " + path + " to " + target + ": " + e, e);
    } finally {
      deleteQuietly(tmp);
    }
  }

  @Override
  public Optional<byte[]> getNamed(String key) {
    Path path = resolve(key);
    try {
      return Optional.of(Files.readAllBytes(path));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new StoreException("cannot read " + path + ": " + e, e);
    }
  }

  @Override
  public boolean exists(ArtifactRef ref) {
    Path path;
    try {
      path = resolve(key(ref));
    } catch (StoreException e) {
      return false;
    }
    return Files.isRegularFile(path) && size(path) == ref.size();
  }

  @Override
  public String key(ArtifactRef ref) {
    Path path;
    try {
      path = Path.of(URI.create(ref.uri())).toAbsolutePath().normalize();
    } catch (IllegalArgumentException | FileSystemNotFoundException e) {
      throw new StoreException("not a local artifact: " + ref.uri(), e);
    }
    if (!path.startsWith(root)) {
      throw new StoreException("artifact " + ref.uri() + " is outside the store " + root);
    }
    return root.relativize(path).toString().replace('\\', '/');
  }

  @Override
  public String uriOf(String key) {
    return resolve(key).toUri().toString();
  }

  private Path resolve(String key) {
    Path path = root.resolve(key).normalize();
    if (key.isBlank() || !path.startsWith(root) || path.equals(root)) {
      throw new StoreException(
          "unsafe artifact key '" + key + "' (it leaves the store " + root + ")");
    }
    return path;
  }

  /** {@code objects/<first two hex>/<sha256>.<extension>}: the content address of a key. */
  static String objectKey(String sha256, String extension) {
    return "objects/" + sha256.substring(0, 2) + "/" + sha256 + "." + extension;
  }

  private static long size(Path path) {
    try {
      return Files.size(path);
    } catch (IOException e) {
      return -1;
    }
  }

  private static void write(Path target, byte[] content) {
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
      try {
        Files.write(tmp, content);
        move(tmp, target);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new StoreException("cannot write artifact " + target + ": " + e, e);
    }
  }

  private static void copy(Path source, Path target) {
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
      try {
        Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
        move(tmp, target);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new StoreException("cannot write artifact " + target + " from " + source + ": " + e, e);
    }
  }

  private static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path tmp) {
    if (tmp != null) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // a leftover .part file in the caller's folder; nothing else to do
      }
    }
  }
}
