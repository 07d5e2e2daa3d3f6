package dev.hygge.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.flow.CommitResult;
import dev.hygge.flow.WriteMode;
import dev.hygge.storage.InputObject;
import dev.hygge.storage.Location;
import dev.hygge.storage.ObjectInfo;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.OutputObject;
import dev.hygge.storage.SupportsListing;
import dev.hygge.storage.SupportsMove;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The staged many-file publish on one object store backend: what readers see after a commit, after
 * a crash between two files, and what a later run cleans up. Subclasses give the backend.
 */
abstract class StagedObjectsContract {
  /** The backend under test. */
  protected abstract ObjectStore store();

  /** A fresh, empty prefix of the backend for one test. */
  protected abstract Location root();

  private StagedObjects staged(ObjectStore store, Clock clock) {
    return new StagedObjects(
        store, root().resolve("lake/orders"), "parquet", StagedObjects.DEFAULT_STALE_AFTER, clock);
  }

  private StagedObjects staged() {
    return staged(store(), Clock.systemUTC());
  }

  private void put(ObjectStore store, Location location, String text) {
    try (OutputObject out = store.createOrOverwrite(location)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.commit();
    }
  }

  private List<String> visible() {
    return ((SupportsListing) store())
        .list(root()).stream()
            .map(o -> o.location().path().substring(root().path().length()))
            .toList();
  }

  private StagedObjects.Staging stageFiles(StagedObjects directory, String run, int count) {
    StagedObjects.Staging staging = directory.stage(run);
    for (int i = 1; i <= count; i++) {
      put(store(), staging.dir().resolve("file-00000" + i + ".parquet"), run + "-" + i);
    }
    return staging;
  }

  @Test
  void commitPublishesEveryFileUnderRisingPartNamesAndLeavesNoStaging() {
    StagedObjects directory = staged();

    CommitResult first = directory.publish(stageFiles(directory, "run1", 2), WriteMode.APPEND);
    CommitResult second = directory.publish(stageFiles(directory, "run2", 1), WriteMode.APPEND);

    assertThat(first.files()).isEqualTo(2);
    assertThat(second.files()).isEqualTo(1);
    assertThat(visible())
        .containsExactly(
            "lake/orders/part-000001.parquet",
            "lake/orders/part-000002.parquet",
            "lake/orders/part-000003.parquet");
    assertThat(text(root().resolve("lake/orders/part-000003.parquet"))).isEqualTo("run2-1");
  }

  @Test
  void replaceDeletesTheOldFilesOnlyAfterTheNewOnesAreIn() {
    StagedObjects directory = staged();
    directory.publish(stageFiles(directory, "run1", 2), WriteMode.APPEND);

    directory.publish(stageFiles(directory, "run2", 1), WriteMode.REPLACE);

    assertThat(visible()).containsExactly("lake/orders/part-000003.parquet");
  }

  @Test
  void aCrashBetweenTwoFilesIsCompletedByTheNextRun() {
    StagedObjects first = staged();
    first.publish(stageFiles(first, "run1", 1), WriteMode.APPEND);
    CrashingMoves crashing = new CrashingMoves(store(), 2);
    StagedObjects crashingDirectory = staged(crashing, Clock.systemUTC());
    StagedObjects.Staging staging = stageFiles(crashingDirectory, "run2", 3);

    assertThatThrownBy(() -> crashingDirectory.publish(staging, WriteMode.REPLACE))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining("was interrupted after it was recorded")
        .hasMessageContaining("the next run of this entity completes it");
    crashingDirectory.discard(staging);
    // Half published: the record names every file, so nothing is visible without one.
    assertThat(visible())
        .contains(
            "lake/orders/part-000001.parquet",
            "lake/orders/part-000002.parquet",
            "lake/.hygge-staging/orders/run2/_PUBLISH");

    int completed = staged().recover();

    assertThat(completed).isEqualTo(1);
    assertThat(visible())
        .containsExactly(
            "lake/orders/part-000002.parquet",
            "lake/orders/part-000003.parquet",
            "lake/orders/part-000004.parquet");
    assertThat(text(root().resolve("lake/orders/part-000004.parquet"))).isEqualTo("run2-3");
  }

  @Test
  void recoveringTwiceChangesNothingTheSecondTime() {
    CrashingMoves crashing = new CrashingMoves(store(), 1);
    StagedObjects crashingDirectory = staged(crashing, Clock.systemUTC());
    StagedObjects.Staging staging = stageFiles(crashingDirectory, "run1", 2);
    assertThatThrownBy(() -> crashingDirectory.publish(staging, WriteMode.APPEND))
        .isInstanceOf(HyggeException.class);

    assertThat(staged().recover()).isEqualTo(1);
    assertThat(staged().recover()).isZero();

    assertThat(visible())
        .containsExactly("lake/orders/part-000001.parquet", "lake/orders/part-000002.parquet");
  }

  @Test
  void abortedRunsLeaveNothingAndOldAbandonedStagingIsRemoved() {
    StagedObjects directory = staged();
    StagedObjects.Staging aborted = stageFiles(directory, "aborted", 2);
    directory.discard(aborted);
    stageFiles(directory, "abandoned", 1);

    Clock now = Clock.systemUTC();
    assertThat(staged(store(), now).recover()).isZero();
    assertThat(visible()).contains("lake/.hygge-staging/orders/abandoned/file-000001.parquet");

    Clock tomorrow = Clock.fixed(Instant.now().plus(Duration.ofHours(25)), ZoneOffset.UTC);
    staged(store(), tomorrow).recover();
    assertThat(visible()).isEmpty();
  }

  @Test
  void theRootOfABucketIsNotADirectoryToPublishInto() {
    Location bucketRoot = new Location(root().scheme(), root().authority(), "");
    assertThatThrownBy(
            () ->
                new StagedObjects(
                    store(), bucketRoot, "parquet", Duration.ofHours(1), Clock.systemUTC()))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining("Cannot write into the root of")
        .extracting(e -> ((HyggeException) e).kind())
        .isEqualTo(ErrorKind.CONFIG);
  }

  private String text(Location location) {
    InputObject object = store().open(location);
    byte[] bytes = new byte[(int) object.length()];
    object.readFully(0, bytes, 0, bytes.length);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * The backend under test, except that its {@code n}th move (1-based) throws as a crash would: a
   * real store with one injected failure, not a mock.
   */
  private static final class CrashingMoves implements ObjectStore, SupportsListing, SupportsMove {
    private final ObjectStore delegate;
    private final int crashAt;
    private final AtomicInteger moves = new AtomicInteger();

    CrashingMoves(ObjectStore delegate, int crashAt) {
      this.delegate = delegate;
      this.crashAt = crashAt;
    }

    @Override
    public void move(Location from, Location to) {
      if (moves.incrementAndGet() == crashAt) {
        throw new HyggeException(ErrorKind.STORE, "injected crash before moving " + from);
      }
      ((SupportsMove) delegate).move(from, to);
    }

    @Override
    public List<ObjectInfo> list(Location prefix) {
      return ((SupportsListing) delegate).list(prefix);
    }

    @Override
    public List<ObjectInfo> match(Location pattern) {
      return ((SupportsListing) delegate).match(pattern);
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

  /**
   * Checks a backend's server-side move: the target is replaced by the source's bytes, the source
   * is gone, and moving a missing object fails naming it.
   */
  protected void assertMovesInsideTheService(SupportsMove mover) throws Exception {
    Location from = root().resolve("move/staged.parquet");
    Location to = root().resolve("move/out/part-000001.parquet");
    put(store(), from, "new");
    put(store(), to, "old");

    mover.move(from, to);

    assertThat(store().exists(from)).isFalse();
    try (java.io.InputStream in = store().open(to).newStream()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("new");
    }
    assertThatThrownBy(() -> mover.move(from, to))
        .isInstanceOf(HyggeException.class)
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.STORE))
        .hasMessageContaining(from.toString())
        .hasMessageContaining("does not exist");
  }
}
