package dev.hygge.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The state store contract on the local directory backend. */
class LocalStateStoreContractTest extends StateStoreContract {
  @TempDir Path dir;

  private LocalStateStore store;

  @BeforeEach
  void open() {
    store = new LocalStateStore(dir.resolve("state"));
  }

  @Override
  protected StateStore store() {
    return store;
  }

  @Override
  protected void overwriteRaw(EntityKey key, byte[] bytes) {
    try {
      Files.write(store.file(key), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
