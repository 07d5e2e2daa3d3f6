package dev.hygge.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.ObjectStoreContract;
import dev.hygge.storage.OutputObject;
import dev.hygge.testing.S3Emulator;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The object store contract on S3, served by s3proxy in this JVM on a random loopback port with an
 * in-memory blob store, plus the S3-only failures (missing bucket, invalid bucket name).
 */
class S3ObjectStoreTest extends ObjectStoreContract {
  private static final String BUCKET = "hygge-test";
  private static S3Emulator s3;

  private S3ObjectStore store;
  private Location root;

  @BeforeAll
  static void startS3() throws Exception {
    s3 = S3Emulator.start();
    s3.createBucket(BUCKET);
  }

  @AfterAll
  static void stopS3() throws Exception {
    if (s3 != null) {
      s3.close();
    }
  }

  @BeforeEach
  void openStore() {
    store = new S3ObjectStore(S3ObjectStoreTest::newClient, options());
    root = Location.parse("s3://" + BUCKET + "/" + UUID.randomUUID() + "/");
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
  void objectLargerThanAPartIsUploadedInParts() {
    Location location = root.resolve("parts.bin");
    try (OutputObject out = store.create(location)) {
      out.write(new byte[(int) (2 * S3Options.MIN_PART_SIZE + 1)]);
      // A multipart object's ETag ends with the number of its parts.
      assertThat(out.commit().version()).endsWith("-3\"");
    }
    assertThat(store.stat(location).orElseThrow().size())
        .isEqualTo(2 * S3Options.MIN_PART_SIZE + 1);
  }

  @Test
  void abortedUploadLeavesNoPendingMultipartUpload() {
    Location location = root.resolve("pending.bin");
    try (OutputObject out = store.create(location)) {
      out.write(new byte[(int) (2 * S3Options.MIN_PART_SIZE + 1)]);
    }
    try (S3Client client = newClient()) {
      assertThat(client.listMultipartUploads(b -> b.bucket(BUCKET).prefix(root.path())).uploads())
          .isEmpty();
    }
  }

  @Test
  void missingBucketIsNamedWithWhatToCheck() {
    Location missing = Location.parse("s3://no-such-bucket-here/orders/a.parquet");
    String expected =
        "bucket 'no-such-bucket-here' does not exist (check the bucket name, the region and the"
            + " endpoint";

    assertThatThrownBy(() -> store.stat(missing))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith("Cannot read " + missing + ": " + expected)
        .extracting(e -> ((HyggeException) e).kind())
        .isEqualTo(ErrorKind.CONFIG);
    assertThatThrownBy(() -> store.create(missing))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith("Cannot write " + missing + ": " + expected);
    assertThatThrownBy(() -> store.createOrOverwrite(missing))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith("Cannot write " + missing + ": " + expected);
    assertThatThrownBy(() -> store.list(Location.parse("s3://no-such-bucket-here/orders/")))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith("Cannot list s3://no-such-bucket-here/orders/: " + expected);
  }

  @Test
  void invalidBucketNameIsAConfigError() {
    assertThatThrownBy(() -> store.open(Location.parse("s3://Bad_Bucket/key")))
        .isInstanceOf(HyggeException.class)
        .hasMessageStartingWith(
            "Malformed location 's3://Bad_Bucket/key': 'Bad_Bucket' is not a valid bucket name");
  }

  @Test
  void localLocationIsRefusedNamingTheScheme() {
    assertThatThrownBy(() -> store.open(Location.parse("/tmp/orders.parquet")))
        .isInstanceOf(HyggeException.class)
        .hasMessage(
            "The S3 object store reads s3://bucket/key locations, not '/tmp/orders.parquet'");
  }

  private static S3Options options() {
    return S3Options.defaults()
        .withPartSize(S3Options.MIN_PART_SIZE)
        .withListPageSize(LIST_PAGE_SIZE);
  }

  private static S3Client newClient() {
    return s3.client(options());
  }
}
