package dev.hygge.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.common.StorageSharedKeyCredential;
import dev.hygge.flow.WriteMode;
import dev.hygge.storage.InputObject;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.OutputObject;
import dev.hygge.storage.SupportsDirectoryRename;
import dev.hygge.storage.SupportsListing;
import dev.hygge.storage.SupportsMove;
import dev.hygge.storage.azure.AdlsObjectStore;
import dev.hygge.storage.azure.AzureEndpoint;
import dev.hygge.storage.azure.AzureOptions;
import dev.hygge.storage.azure.FakeDataLake;
import java.io.IOException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The staged object publish on ADLS Gen2, where files move by an atomic rename. Azurite has no Data
 * Lake (dfs) API, so {@link FakeDataLake}, an in-process fake of the documented REST contract,
 * serves it: this checks what hygge sends, not the real service.
 */
class AdlsStagedObjectsTest extends StagedObjectsContract {
  private static final String FILE_SYSTEM = "staging-test";
  private static final String KEY = Base64.getEncoder().encodeToString(new byte[64]);
  private static FakeDataLake fake;

  private AdlsObjectStore store;
  private Location root;

  @BeforeAll
  static void startFake() throws IOException {
    fake = FakeDataLake.start();
    fake.createFileSystem(FILE_SYSTEM);
  }

  @AfterAll
  static void stopFake() {
    fake.close();
  }

  @BeforeEach
  void openStore() {
    store =
        new AdlsObjectStore(
            account ->
                AzureEndpoint.local(account, fake.endpoint())
                    .newDataLakeClient(
                        AzureOptions.defaults(), new StorageSharedKeyCredential(account, KEY)),
            AzureOptions.defaults());
    root =
        Location.parse(
            "abfss://"
                + FILE_SYSTEM
                + "@"
                + FakeDataLake.ACCOUNT
                + ".dfs.core.windows.net/"
                + UUID.randomUUID()
                + "/");
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
  void movesByRename() throws Exception {
    assertMovesInsideTheService(store);
  }

  @Test
  void aFirstPublishRenamesTheWholeStagingDirectoryIntoPlace() {
    AtomicInteger directoryRenames = new AtomicInteger();
    CountingRenames counting = new CountingRenames(store, directoryRenames);
    StagedObjects directory =
        new StagedObjects(
            counting,
            root.resolve("lake/orders"),
            "parquet",
            StagedObjects.DEFAULT_STALE_AFTER,
            Clock.systemUTC());

    StagedObjects.Staging first = directory.stage("run1");
    put(first.dir().resolve("file-000001.parquet"), "a");
    put(first.dir().resolve("file-000002.parquet"), "b");
    directory.publish(first, WriteMode.APPEND);
    StagedObjects.Staging second = directory.stage("run2");
    put(second.dir().resolve("file-000001.parquet"), "c");
    directory.publish(second, WriteMode.APPEND);

    assertThat(directoryRenames.get()).isEqualTo(1);
    assertThat(store.list(root))
        .extracting(o -> o.location().path().substring(root.path().length()))
        .containsExactly(
            "lake/orders/part-000001.parquet",
            "lake/orders/part-000002.parquet",
            "lake/orders/part-000003.parquet");
  }

  private void put(Location location, String text) {
    try (OutputObject out = store.createOrOverwrite(location)) {
      out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.commit();
    }
  }

  /** The ADLS store, counting its directory renames (a real store, not a mock). */
  private static final class CountingRenames
      implements ObjectStore, SupportsListing, SupportsMove, SupportsDirectoryRename {
    private final AdlsObjectStore delegate;
    private final AtomicInteger renames;

    CountingRenames(AdlsObjectStore delegate, AtomicInteger renames) {
      this.delegate = delegate;
      this.renames = renames;
    }

    @Override
    public void renameDirectory(Location from, Location to) {
      renames.incrementAndGet();
      delegate.renameDirectory(from, to);
    }

    @Override
    public boolean directoryExists(Location location) {
      return delegate.directoryExists(location);
    }

    @Override
    public void move(Location from, Location to) {
      delegate.move(from, to);
    }

    @Override
    public List<ObjectInfo> list(Location prefix) {
      return delegate.list(prefix);
    }

    @Override
    public List<ObjectInfo> match(Location pattern) {
      return delegate.match(pattern);
    }

    @Override
    public InputObject open(Location location) {
      return delegate.open(location);
    }

    @Override
    public OutputObject create(Location location) {
      return delegate.create(location);
    }

    @Override
    public OutputObject createOrOverwrite(Location location) {
      return delegate.createOrOverwrite(location);
    }

    @Override
    public Optional<ObjectInfo> stat(Location location) {
      return delegate.stat(location);
    }

    @Override
    public void delete(Location location) {
      delegate.delete(location);
    }

    @Override
    public void close() {
      // The delegate belongs to the test.
    }
  }
}
