package dev.hygge.storage.gcs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Storage;
import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.InputObject;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.ObjectStoreContract;
import dev.hygge.storage.OutputObject;
import dev.hygge.testing.FakeGcsServer;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The object store contract on Cloud Storage, served by fake-gcs-server (a subprocess on a random
 * loopback port, in-memory backend; the test fails if the binary is missing), plus the GCS-only
 * behaviour: generations as versions, a missing bucket, invalid bucket names.
 */
class GcsObjectStoreTest extends ObjectStoreContract {
  private static final String BUCKET = "hygge-test";

  /** The smallest chunk the contract's comment asks for: 5 MiB, a multiple of 256 KiB. */
  private static final long CHUNK_SIZE = 5L * 1024 * 1024;

  private static FakeGcsServer server;

  private GcsObjectStore store;
  private Location root;

  @BeforeAll
  static void startFakeGcsServer() {
    server = FakeGcsServer.start();
    server.createBucket(BUCKET);
  }

  @AfterAll
  static void stopFakeGcsServer() {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void openStore() {
    store = new GcsObjectStore(GcsObjectStoreTest::newClient, options());
    root = Location.parse("gs://" + BUCKET + "/" + UUID.randomUUID() + "/");
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Override
  protected ObjectStore store() {
    return store;
  }

  @Override
  protected Location root() {
    return root;
  }

  @Test
  void versionIsTheGenerationAndChangesOnOverwrite() {
    Location location = root.resolve("versioned.txt");
    ObjectInfo first;
    try (OutputObject out = store.create(location)) {
      out.write("one".getBytes(UTF_8));
      first = out.commit();
    }
    assertThat(first.version()).matches("[0-9]+");
    assertThat(store.stat(location).orElseThrow().version()).isEqualTo(first.version());

    write(location, "two".getBytes(UTF_8));

    assertThat(store.stat(location).orElseThrow().version())
        .matches("[0-9]+")
        .isNotEqualTo(first.version());
  }

  @Test
  void readsStayOnTheGenerationFirstSeen() {
    Location location = root.resolve("pinned.bin");
    write(location, "first version".getBytes(UTF_8));
    InputObject in = store.open(location);
    byte[] head = new byte[5];
    in.readFully(0, head, 0, head.length);
    assertThat(new String(head, UTF_8)).isEqualTo("first");

    write(location, "other content".getBytes(UTF_8));

    assertThatThrownBy(() -> in.readFully(6, new byte[7], 0, 7))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith(
            "Cannot read " + location + ": the object was replaced or deleted while reading");
  }

  @Test
  void objectLargerThanAChunkIsUploadedInChunks() {
    Location location = root.resolve("chunks.bin");
    byte[] content = new byte[(int) (2 * CHUNK_SIZE + 1)];
    content[content.length - 1] = 7;
    try (OutputObject out = store.create(location)) {
      out.write(content);
      assertThat(out.commit().size()).isEqualTo(2 * CHUNK_SIZE + 1);
    }
    byte[] last = new byte[1];
    store.open(location).readFully(2 * CHUNK_SIZE, last, 0, 1);
    assertThat(last[0]).isEqualTo((byte) 7);
  }

  @Test
  void missingBucketIsNamedWithWhatToCheck() {
    Location missing = Location.parse("gs://no-such-bucket-here/orders/a.parquet");
    String expected =
        "bucket 'no-such-bucket-here' does not exist (check the bucket name, and that the"
            + " credential in use belongs to the project that owns the bucket)";

    assertThatThrownBy(() -> store.stat(missing))
        .isInstanceOf(HyggeException.class)
        .hasMessage("Cannot read " + missing + ": " + expected)
        .extracting(e -> ((HyggeException) e).kind())
        .isEqualTo(ErrorKind.CONFIG);
    assertThatThrownBy(() -> store.open(missing).length())
        .isInstanceOf(HyggeException.class)
        .hasMessage("Cannot read " + missing + ": " + expected);
    assertThatThrownBy(() -> store.create(missing))
        .isInstanceOf(HyggeException.class)
        .hasMessage("Cannot write " + missing + ": " + expected);
    assertThatThrownBy(() -> store.createOrOverwrite(missing))
        .isInstanceOf(HyggeException.class)
        .hasMessage("Cannot write " + missing + ": " + expected);
    assertThatThrownBy(() -> store.list(Location.parse("gs://no-such-bucket-here/orders/")))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith("Cannot list gs://no-such-bucket-here/orders/: " + expected)
        .extracting(e -> ((HyggeException) e).kind())
        .isEqualTo(ErrorKind.CONFIG);
  }

  @Test
  void invalidBucketNameIsAConfigError() {
    assertThatThrownBy(() -> store.open(Location.parse("gs://Bad_Bucket/key")))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith(
            "Malformed location 'gs://Bad_Bucket/key': 'Bad_Bucket' is not a valid bucket name")
        .extracting(e -> ((HyggeException) e).kind())
        .isEqualTo(ErrorKind.CONFIG);
  }

  @Test
  void otherSchemesAreRefusedNamingTheLocation() {
    assertThatThrownBy(() -> store.open(Location.parse("s3://sales/orders.parquet")))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "The Google Cloud Storage object store reads gs://bucket/object locations, not"
                + " 's3://sales/orders.parquet'");
  }

  private static GcsOptions options() {
    return GcsOptions.defaults().withChunkSize(CHUNK_SIZE).withListPageSize(LIST_PAGE_SIZE);
  }

  private static Storage newClient() {
    return new GcsEndpoint(Optional.of(FakeGcsServer.PROJECT), Optional.of(server.endpoint()))
        .newClient(options(), NoCredentials.getInstance());
  }
}
