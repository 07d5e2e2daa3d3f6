package dev.hygge.files;

import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.local.LocalObjectStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The staged object publish on local files through the local object store. */
class LocalStagedObjectsTest extends StagedObjectsContract {
  @TempDir Path temp;
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
    return new Location(Location.FILE, "", temp.toAbsolutePath() + "/");
  }
}
