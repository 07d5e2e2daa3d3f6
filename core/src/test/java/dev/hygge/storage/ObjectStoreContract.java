package dev.hygge.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ObjectStore} backend shares; each backend's test extends it. Backends
 * with a part size use the smallest one (5 MiB) so the 64 MiB upload crosses many parts, and list
 * in pages of {@link #LIST_PAGE_SIZE} so listings cross pages.
 */
public abstract class ObjectStoreContract {
  protected static final int LIST_PAGE_SIZE = 2;
  private static final int MIB = 1024 * 1024;
  private static final int LARGE_OBJECT_MIB = 64;

  /** The store under test. */
  protected abstract ObjectStore store();

  /** A directory-like location of its own for each test, ending with {@code /}. */
  protected abstract Location root();

  @Test
  void largeUploadIsStreamedInPartsAndReadsBackIdentical() throws Exception {
    Location location = root().resolve("large.bin");
    MessageDigest written = MessageDigest.getInstance("SHA-256");
    Random random = new Random(42);
    byte[] chunk = new byte[MIB];
    try (OutputObject out = store().create(location)) {
      for (int i = 0; i < LARGE_OBJECT_MIB; i++) {
        random.nextBytes(chunk);
        written.update(chunk);
        out.write(chunk);
      }
      assertThat(out.position()).isEqualTo((long) LARGE_OBJECT_MIB * MIB);
      ObjectInfo info = out.commit();
      assertThat(info.size()).isEqualTo((long) LARGE_OBJECT_MIB * MIB);
    }
    assertThat(store().open(location).length()).isEqualTo((long) LARGE_OBJECT_MIB * MIB);
    assertThat(digest(store().open(location))).isEqualTo(written.digest());
  }

  @Test
  void rangedReadsReturnExactlyTheBytesAsked() {
    byte[] content = new byte[10_000];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i % 251);
    }
    Location location = root().resolve("ranged.bin");
    write(location, content);
    InputObject in = store().open(location);

    byte[] head = new byte[16];
    in.readFully(0, head, 0, head.length);
    assertThat(head).containsExactly(slice(content, 0, 16));
    byte[] middle = new byte[100];
    in.readFully(5_000, middle, 10, 50);
    assertThat(slice(middle, 10, 50)).containsExactly(slice(content, 5_000, 50));
    byte[] tail = new byte[8];
    in.readFully(9_992, tail, 0, 8);
    assertThat(tail).containsExactly(slice(content, 9_992, 8));

    assertThatThrownBy(() -> in.readFully(9_995, new byte[10], 0, 10))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining("Cannot read 10 bytes at offset 9995 of " + location)
        .hasMessageContaining("has only 10000 bytes");
  }

  @Test
  void listsByPrefixAndGlobAcrossPages() {
    for (String name :
        List.of(
            "landing/a.parquet",
            "landing/b.parquet",
            "landing/c.csv",
            "landing/2024/d.parquet",
            "landing/2024/e.parquet",
            "other/f.parquet")) {
      write(root().resolve(name), name.getBytes(UTF_8));
    }
    SupportsListing listing = (SupportsListing) store();

    assertThat(names(listing.list(root().resolve("landing/"))))
        .containsExactly(
            "landing/2024/d.parquet",
            "landing/2024/e.parquet",
            "landing/a.parquet",
            "landing/b.parquet",
            "landing/c.csv");
    assertThat(names(listing.match(root().resolve("landing/*.parquet"))))
        .containsExactly("landing/a.parquet", "landing/b.parquet");
    assertThat(names(listing.match(root().resolve("landing/*/*.parquet"))))
        .containsExactly("landing/2024/d.parquet", "landing/2024/e.parquet");
    assertThat(names(listing.match(root().resolve("*/**.parquet"))))
        .containsExactly(
            "landing/2024/d.parquet",
            "landing/2024/e.parquet",
            "landing/a.parquet",
            "landing/b.parquet",
            "other/f.parquet");
    assertThat(listing.list(root().resolve("landing/a.parquet")).get(0).size())
        .isEqualTo("landing/a.parquet".length());
    assertThat(listing.list(root().resolve("nothing-here/"))).isEmpty();
  }

  @Test
  void createFailsWhenTheObjectExistsAndOverwriteReplacesIt() {
    Location location = root().resolve("once.txt");
    write(location, "one".getBytes(UTF_8));

    assertThatThrownBy(() -> store().create(location))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "Cannot create "
                + location
                + ": an object already exists there (delete it first or write with overwrite)")
        .extracting(e -> ((HyggeException) e).kind())
        .isEqualTo(ErrorKind.STORE);

    try (OutputObject out = store().createOrOverwrite(location)) {
      out.write("two!".getBytes(UTF_8));
      out.commit();
    }
    assertThat(read(location)).isEqualTo("two!");
  }

  @Test
  void createFailsAtCommitWhenAnotherWriterCreatedTheObjectMeanwhile() {
    Location location = root().resolve("race.txt");
    try (OutputObject slow = store().create(location)) {
      slow.write("slow".getBytes(UTF_8));
      write(location, "fast".getBytes(UTF_8));

      assertThatThrownBy(slow::commit)
          .isInstanceOf(HyggeException.class)
          .hasMessageContaining("Cannot create " + location + ": an object already exists there");
    }
    assertThat(read(location)).isEqualTo("fast");
  }

  @Test
  void deleteRemovesTheObjectAndIgnoresMissingOnes() {
    Location location = root().resolve("doomed.txt");
    write(location, "bye".getBytes(UTF_8));
    assertThat(store().exists(location)).isTrue();
    assertThat(store().stat(location).orElseThrow().size()).isEqualTo(3);

    store().delete(location);
    store().delete(location);

    assertThat(store().exists(location)).isFalse();
    assertThatThrownBy(() -> store().open(location).length())
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith("Cannot read " + location + ": the object does not exist");
  }

  @Test
  void uploadClosedWithoutCommitLeavesNothing() {
    Location location = root().resolve("aborted.bin");
    byte[] chunk = new byte[MIB];
    try (OutputObject out = store().create(location)) {
      for (int i = 0; i < 12; i++) {
        out.write(chunk);
      }
    }
    assertThat(store().exists(location)).isFalse();
    assertThat(((SupportsListing) store()).list(root())).isEmpty();
  }

  @Test
  void writerFailingMidwayLeavesNothing() {
    Location location = root().resolve("failed.bin");
    byte[] chunk = new byte[MIB];
    assertThatThrownBy(
            () -> {
              try (OutputObject out = store().createOrOverwrite(location)) {
                for (int i = 0; i < 11; i++) {
                  out.write(chunk);
                }
                throw new IllegalStateException("source went away");
              }
            })
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("source went away");
    assertThat(store().exists(location)).isFalse();
    assertThat(((SupportsListing) store()).list(root())).isEmpty();
  }

  @Test
  void emptyObjectRoundTrips() {
    Location location = root().resolve("empty");
    try (OutputObject out = store().create(location)) {
      assertThat(out.commit().size()).isZero();
    }
    assertThat(read(location)).isEmpty();
  }

  /** Writes and commits a small object. */
  protected void write(Location location, byte[] content) {
    try (OutputObject out = store().createOrOverwrite(location)) {
      out.write(content);
      out.commit();
    }
  }

  private String read(Location location) {
    try (InputStream in = store().open(location).newStream()) {
      return new String(in.readAllBytes(), UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private List<String> names(List<ObjectInfo> objects) {
    return objects.stream()
        .map(info -> info.location().path().substring(root().path().length()))
        .collect(Collectors.toList());
  }

  private static byte[] digest(InputObject in) throws IOException, NoSuchAlgorithmException {
    MessageDigest read = MessageDigest.getInstance("SHA-256");
    try (InputStream stream = new DigestInputStream(in.newStream(), read)) {
      stream.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return read.digest();
  }

  private static byte[] slice(byte[] bytes, int from, int length) {
    return java.util.Arrays.copyOfRange(bytes, from, from + length);
  }
}
