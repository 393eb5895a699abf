package dev.bunsui.cli.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: write guard-rail files, read audit records. */
final class GuardFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GuardFiles() {}

  /** Writes {@code text} to {@code file} (creating folders) and returns the file. */
  static Path write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a config with {@code audit_log: audit.jsonl} in {@code dir}, and {@code permissions:
   * perms.yaml} with {@code permissions} when it is not null.
   */
  static Path config(Path dir, boolean readOnly, String permissions) {
    String text = "read_only: " + readOnly + "\naudit_log: audit.jsonl\n";
    if (permissions != null) {
      write(dir.resolve("perms.yaml"), permissions);
      text += "permissions_file: perms.yaml\n";
    }
    return write(dir.resolve("config.yaml"), text);
  }

  /** The audit records in {@code file}, each line parsed; none when the file does not exist. */
  static List<JsonNode> records(Path file) {
    List<JsonNode> out = new ArrayList<>();
    try {
      if (!Files.exists(file)) {
        return out;
      }
      for (String line : Files.readAllLines(file)) {
        out.add(JSON.readTree(line));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The records of one actor only (for logs shared by several tests). */
  static List<JsonNode> records(Path file, String actor) {
    return records(file).stream().filter(r -> r.path("actor").asText().equals(actor)).toList();
  }
}
