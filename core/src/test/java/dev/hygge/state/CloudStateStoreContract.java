package dev.hygge.state;

import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.OutputObject;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The state store contract over an object store of a cloud emulator, one fresh prefix a test. */
public abstract class CloudStateStoreContract extends StateStoreContract {
  private ObjectStateStore store;
  private ObjectStore raw;

  /** A new object store on the emulator; the test closes it. */
  protected abstract ObjectStore newObjectStore();

  /** The bucket or container URL, e.g. {@code s3://bucket}. */
  protected abstract String bucket();

  @BeforeEach
  void open() {
    Location root = Location.parse(bucket() + "/" + UUID.randomUUID() + "/state");
    store = new ObjectStateStore(newObjectStore(), root);
    raw = newObjectStore();
  }

  @AfterEach
  void close() {
    store.close();
    raw.close();
  }

  @Override
  protected StateStore store() {
    return store;
  }

  @Override
  protected void overwriteRaw(EntityKey key, byte[] bytes) {
    try (OutputObject out = raw.createOrOverwrite(store.location(key))) {
      out.write(bytes);
      out.commit();
    }
  }
}
