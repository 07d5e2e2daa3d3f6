package dev.hygge.files;

import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.s3.S3ObjectStore;
import dev.hygge.storage.s3.S3Options;
import dev.hygge.testing.S3Emulator;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The staged object publish on S3, served by s3proxy in this JVM on loopback. */
class S3StagedObjectsTest extends StagedObjectsContract {
  private static final String BUCKET = "staging-test";
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
    store = new S3ObjectStore(() -> s3.client(S3Options.defaults()), S3Options.defaults());
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
}
