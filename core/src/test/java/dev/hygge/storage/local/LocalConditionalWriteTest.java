package dev.hygge.storage.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hygge.storage.ConditionalWriteContract;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.SupportsConditionalWrite;
import dev.hygge.storage.WriteCondition;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conditional writes on local files: a lock, a comparison of size and modification time. */
class LocalConditionalWriteTest extends ConditionalWriteContract {
  @TempDir Path directory;

  private final LocalObjectStore store = new LocalObjectStore();

  @Override
  protected SupportsConditionalWrite store() {
    return store;
  }

  @Override
  protected Location root() {
    return Location.of(directory.resolve("state"));
  }

  @Test
  void sameSizeWrittenAtOnceStillGetsANewVersion() {
    Location location = root().resolve("same.json");
    ObjectInfo first = store.writeIf(location, new byte[] {1}, WriteCondition.absent());
    ObjectInfo second =
        store.writeIf(location, new byte[] {2}, WriteCondition.matches(first.version()));
    ObjectInfo third =
        store.writeIf(location, new byte[] {3}, WriteCondition.matches(second.version()));

    assertThat(first.version()).isNotEqualTo(second.version());
    assertThat(second.version()).isNotEqualTo(third.version());
  }

  @Test
  void lockFilesStayOutOfListings() {
    Location location = root().resolve("listed.json");
    store.writeIf(location, new byte[] {1}, WriteCondition.absent());

    assertThat(store.list(root())).extracting(ObjectInfo::location).containsExactly(location);
  }
}
