package dev.hygge.parquet;

import dev.hygge.files.StagedDirectory;
import dev.hygge.files.StagedObjects;
import dev.hygge.flow.CommitResult;
import dev.hygge.flow.WriteMode;
import dev.hygge.storage.ObjectStore;
import dev.hygge.storage.ObjectStores;
import dev.hygge.storage.StorageTarget;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.parquet.io.OutputFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where one run of a Parquet store puts its files until commit: a staging directory on local disk
 * ({@link StagedDirectory}) or a staging prefix in an object store ({@link StagedObjects}). Opening
 * it first completes publishes an earlier run left interrupted.
 */
abstract sealed class PartStaging implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PartStaging.class);

  /** Stages a run into the target directory, after recovering what earlier runs left. */
  static PartStaging open(StorageTarget target, String runId, String entity) {
    if (target.isLocal()) {
      return new Local(
          new StagedDirectory(Path.of(target.location().path()), "parquet"), runId, entity);
    }
    ObjectStore store = ObjectStores.open(target);
    try {
      return new Objects(
          store,
          new StagedObjects(
              store,
              target.location(),
              "parquet",
              StagedObjects.DEFAULT_STALE_AFTER,
              Clock.systemUTC()),
          runId,
          entity);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** A new staged file named {@code name}, to be written once and closed. */
  abstract OutputFile file(String name);

  /** Publishes the staged files into the final directory. */
  abstract CommitResult publish(WriteMode mode);

  /** Drops the staged files, unless a publish of them was recorded. */
  abstract void discard();

  /** Releases the object store, if any. */
  @Override
  public abstract void close();

  static void logRecovered(int recovered, String entity, Object finalDir) {
    if (recovered > 0) {
      LOG.warn(
          "Entity {}: completed {} publish(es) into {} that an earlier run left unfinished",
          entity,
          recovered,
          finalDir);
    }
  }

  /** Staging on local disk. */
  static final class Local extends PartStaging {
    private final StagedDirectory directory;
    private final StagedDirectory.Staging staging;

    Local(StagedDirectory directory, String runId, String entity) {
      this.directory = directory;
      logRecovered(directory.recover(), entity, directory.finalDir());
      this.staging = directory.stage(runId);
    }

    @Override
    OutputFile file(String name) {
      return new FileChannelOutput(staging.dir().resolve(name));
    }

    @Override
    CommitResult publish(WriteMode mode) {
      return directory.publish(staging, mode);
    }

    @Override
    void discard() {
      directory.discard(staging);
    }

    @Override
    public void close() {
      // Local staging holds no connection.
    }
  }

  /** Staging in an object store. */
  static final class Objects extends PartStaging {
    private final ObjectStore store;
    private final StagedObjects directory;
    private final StagedObjects.Staging staging;

    Objects(ObjectStore store, StagedObjects directory, String runId, String entity) {
      this.store = store;
      this.directory = directory;
      logRecovered(directory.recover(), entity, directory.finalDir());
      this.staging = directory.stage(runId);
    }

    @Override
    OutputFile file(String name) {
      return new ObjectOutputFile(store, staging.dir().resolve(name));
    }

    @Override
    CommitResult publish(WriteMode mode) {
      return directory.publish(staging, mode);
    }

    @Override
    void discard() {
      directory.discard(staging);
    }

    @Override
    public void close() {
      store.close();
    }
  }
}
