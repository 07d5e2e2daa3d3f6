package dev.hygge.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.storage.Location;
import dev.hygge.storage.OutputObject;
import dev.hygge.storage.local.LocalObjectStore;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state store contract on object storage backed by local files. */
class ObjectStateStoreTest extends StateStoreContract {
  @TempDir Path dir;

  private ObjectStateStore store;

  @BeforeEach
  void open() {
    store = new ObjectStateStore(new LocalObjectStore(), Location.of(dir.resolve("state")));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Override
  protected StateStore store() {
    return store;
  }

  @Test
  void aRivalWriteBetweenReadAndWriteIsAConflictAndKeepsTheRivalsState() {
    RivalWriterStore files = new RivalWriterStore();
    try (ObjectStateStore racing =
        new ObjectStateStore(files, Location.of(dir.resolve("racing")))) {
      StateVersion first = racing.write(ORDERS, sample(), Optional.empty());
      EntityState rivals = sample().withLease(Optional.empty());
      files.rivalWritesNext(StateFileFormat.encode(rivals, 2));

      assertThatThrownBy(() -> racing.write(ORDERS, sample(), Optional.of(first)))
          .isInstanceOf(StateConflictException.class)
          .hasMessageContaining("expected version " + first.token())
          .hasMessageContaining("Nothing was written");
      assertThat(racing.read(ORDERS).orElseThrow().state()).isEqualTo(rivals);
    }
  }

  @Override
  protected void overwriteRaw(EntityKey key, byte[] bytes) {
    try (LocalObjectStore files = new LocalObjectStore();
        OutputObject out = files.createOrOverwrite(store.location(key))) {
      out.write(bytes);
      out.commit();
    }
  }
}
