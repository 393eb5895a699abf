package dev.bunsui.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalArtifactStoreTest {
  @TempDir Path dir;

  @Test
  void contentIsStoredOnceUnderItsHashAndReadBackVerified() throws Exception {
    LocalArtifactStore store = new LocalArtifactStore(dir.resolve("out"));
    byte[] png = "not really a png".getBytes(StandardCharsets.UTF_8);

    ArtifactRef first = store.put(png, "image/png", "png");
    ArtifactRef again = store.put(png, "image/png", "png");

    assertThat(again).isEqualTo(first);
    assertThat(first.sha256()).isEqualTo(dev.bunsui.support.Hashes.sha256(png)).hasSize(64);
    assertThat(first.size()).isEqualTo(png.length);
    assertThat(store.key(first))
        .isEqualTo("objects/" + first.sha256().substring(0, 2) + "/" + first.sha256() + ".png");
    assertThat(store.get(first)).isEqualTo(png);
    try (Stream<Path> files = Files.walk(dir)) {
      // no temporary files are left behind by the atomic writes
      assertThat(files.filter(Files::isRegularFile)).hasSize(1);
    }
  }

  @Test
  void aKeyThatLeavesTheStoreIsRefusedAndNothingIsWrittenOutside() {
    LocalArtifactStore store = new LocalArtifactStore(dir.resolve("out"));

    assertThatThrownBy(() -> store.putNamed("../escape.txt", new byte[] {1}, "text/plain"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("unsafe artifact key '../escape.txt'");
    assertThat(dir.resolve("escape.txt")).doesNotExist();
  }

  @Test
  void contentThatNoLongerMatchesItsHashIsReported() throws Exception {
    LocalArtifactStore store = new LocalArtifactStore(dir.resolve("out"));
    ArtifactRef ref = store.put("hello".getBytes(StandardCharsets.UTF_8), "text/plain", "txt");
    Files.writeString(dir.resolve("out").resolve(store.key(ref)), "tampered");

    assertThatThrownBy(() -> store.get(ref))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("does not match its hash");
  }

  @Test
  void aReferenceFromAnotherStoreIsRefused() {
    LocalArtifactStore store = new LocalArtifactStore(dir.resolve("out"));
    ArtifactRef foreign =
        new ArtifactRef(dir.resolve("elsewhere/x.txt").toUri().toString(), "00", 1, "text/plain");

    assertThatThrownBy(() -> store.get(foreign)).hasMessageContaining("is outside the store");
  }

  @Test
  void namedEntriesReadBackAndAbsentOnesAreEmpty() {
    LocalArtifactStore store = new LocalArtifactStore(dir.resolve("out"));
    byte[] json = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    store.putNamed("cache/steps/ab/entry.json", json, "application/json");

    assertThat(store.getNamed("cache/steps/ab/entry.json")).hasValue(json);
    assertThat(store.getNamed("cache/steps/ab/other.json")).isEmpty();
    assertThatThrownBy(() -> store.getNamed("../outside.json"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("unsafe artifact key");
  }

  @Test
  void existsChecksPresenceAndSizeWithoutThrowing() throws Exception {
    LocalArtifactStore store = new LocalArtifactStore(dir.resolve("out"));
    ArtifactRef ref = store.put("hello".getBytes(StandardCharsets.UTF_8), "text/plain", "txt");
    assertThat(store.exists(ref)).isTrue();

    Path file = dir.resolve("out").resolve(store.key(ref));
    Files.writeString(file, "hello, truncated or grown");
    assertThat(store.exists(ref)).isFalse();
    Files.delete(file);
    assertThat(store.exists(ref)).isFalse();
    ArtifactRef foreign =
        new ArtifactRef(dir.resolve("elsewhere/x.txt").toUri().toString(), "00", 1, "text/plain");
    assertThat(store.exists(foreign)).isFalse();
    assertThat(store.exists(new ArtifactRef("s3://bucket/x.txt", "00", 1, "text/plain"))).isFalse();
  }

  @Test
  void aFileGoesInStreamedUnderTheSameKeyAsItsBytesAndDownloadsVerified() throws Exception {
    LocalArtifactStore store = new LocalArtifactStore(dir.resolve("out"));
    byte[] content = new byte[300_000];
    new java.util.Random(3).nextBytes(content);
    Path file = Files.write(dir.resolve("in.bin"), content);

    ArtifactRef fromFile = store.putFile(file, "application/octet-stream", "bin");
    ArtifactRef fromBytes = store.put(content, "application/octet-stream", "bin");
    Path target = dir.resolve("copy.bin");
    store.download(fromFile, target);

    assertThat(fromFile).isEqualTo(fromBytes);
    assertThat(fromFile.sha256()).isEqualTo(dev.bunsui.support.Hashes.sha256(content));
    assertThat(Files.readAllBytes(target)).isEqualTo(content);
    assertThat(store.downloadUrl(store.key(fromFile))).isEmpty();

    Files.writeString(dir.resolve("out").resolve(store.key(fromFile)), "tampered");
    Path untouched = dir.resolve("untouched.bin");
    assertThatThrownBy(() -> store.download(fromFile, untouched))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("does not match its hash");
    assertThat(untouched).doesNotExist();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
    }
  }
}
