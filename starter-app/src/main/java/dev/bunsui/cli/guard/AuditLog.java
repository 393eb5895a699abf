package dev.bunsui.cli.guard;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The append-only JSONL audit log: one {@link AuditRecord} per line. Appends take an exclusive file
 * lock (other CLI processes) and a per-file monitor (other threads of this process, since a JVM
 * holds file locks for all its threads); the file is opened in append mode only, so it is never
 * truncated, and its parent folders are created.
 */
public final class AuditLog {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ConcurrentMap<Path, Object> MONITORS = new ConcurrentHashMap<>();

  private final Path file;

  /**
   * @param file the log file (created on the first append)
   */
  public AuditLog(Path file) {
    this.file = file.toAbsolutePath().normalize();
  }

  /** The log file. */
  public Path file() {
    return file;
  }

  /**
   * Creates the log (and its folders) if needed and checks it can be appended to.
   *
   * @throws IOException when it cannot
   */
  void checkWritable() throws IOException {
    Files.createDirectories(file.getParent());
    try (FileChannel ignored = open()) {
      // opening for append is the check
    }
  }

  /**
   * Appends one record as one line.
   *
   * @throws UncheckedIOException when the log cannot be written
   */
  public void append(AuditRecord record) {
    try {
      byte[] line = (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
      Files.createDirectories(file.getParent());
      synchronized (MONITORS.computeIfAbsent(file, f -> new Object())) {
        try (FileChannel channel = open();
            FileLock lock = channel.lock()) {
          ByteBuffer buffer = ByteBuffer.wrap(line);
          while (buffer.hasRemaining()) {
            channel.write(buffer);
          }
          channel.force(false);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the audit log " + file + ": " + e, e);
    }
  }

  private FileChannel open() throws IOException {
    return FileChannel.open(
        file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }
}
