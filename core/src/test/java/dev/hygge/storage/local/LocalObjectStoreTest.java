package dev.hygge.storage.local;

import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.ObjectStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The object store contract on the local file system. */
class LocalObjectStoreTest extends ObjectStoreContract {
  @TempDir Path directory;

  private final LocalObjectStore store = new LocalObjectStore();

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
    return Location.of(directory).resolve("");
  }
}
