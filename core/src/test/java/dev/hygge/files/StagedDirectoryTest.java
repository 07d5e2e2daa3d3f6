package dev.hygge.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hygge.ErrorKind;
import dev.hygge.HyggeException;
import dev.hygge.flow.CommitResult;
import dev.hygge.flow.WriteMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedDirectoryTest {
  @TempDir Path temp;

  private Path lake() {
    return temp.resolve("lake").resolve("orders");
  }

  private static void stageFiles(StagedDirectory.Staging staging, String... contents)
      throws IOException {
    for (int i = 0; i < contents.length; i++) {
      Files.writeString(staging.dir().resolve(String.format("file-%04d.parquet", i)), contents[i]);
    }
  }

  private List<String> finalFiles() throws IOException {
    try (Stream<Path> files = Files.list(lake())) {
      return files.map(p -> p.getFileName() + "=" + read(p)).sorted().toList();
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void appendPublishesUnderNextSequenceNumbersAndRemovesStaging() throws IOException {
    StagedDirectory dir = new StagedDirectory(lake(), "parquet");
    StagedDirectory.Staging first = dir.stage("run1");
    stageFiles(first, "a", "b");
    CommitResult one = dir.publish(first, WriteMode.APPEND);
    StagedDirectory.Staging second = dir.stage("run2");
    stageFiles(second, "c");
    CommitResult two = dir.publish(second, WriteMode.APPEND);

    assertThat(one).isEqualTo(new CommitResult(2, 2));
    assertThat(two).isEqualTo(new CommitResult(1, 1));
    assertThat(finalFiles())
        .containsExactly("part-000001.parquet=a", "part-000002.parquet=b", "part-000003.parquet=c");
    assertThat(dir.stagingRoot()).doesNotExist();
  }

  @Test
  void replaceDeletesPreviousFilesOnlyAfterTheNewOnesAreIn() throws IOException {
    StagedDirectory dir = new StagedDirectory(lake(), "parquet");
    StagedDirectory.Staging first = dir.stage("run1");
    stageFiles(first, "old1", "old2");
    dir.publish(first, WriteMode.APPEND);
    Files.writeString(lake().resolve("_SUCCESS.parquet"), "kept: underscore files are not data");
    Files.writeString(lake().resolve("notes.txt"), "kept: not a data file");

    StagedDirectory.Staging second = dir.stage("run2");
    stageFiles(second, "new");
    dir.publish(second, WriteMode.REPLACE);

    assertThat(finalFiles())
        .containsExactly(
            "_SUCCESS.parquet=kept: underscore files are not data",
            "notes.txt=kept: not a data file",
            "part-000003.parquet=new");
  }

  @Test
  void recoverCompletesAPublishInterruptedMidway() throws IOException {
    StagedDirectory dir = new StagedDirectory(lake(), "parquet");
    StagedDirectory.Staging first = dir.stage("run1");
    stageFiles(first, "old");
    dir.publish(first, WriteMode.APPEND);
    // A crash after the plan was recorded and one of two files was moved:
    StagedDirectory.Staging second = dir.stage("run2");
    stageFiles(second, "new1", "new2");
    new PublishPlan(
            List.of(
                new PublishPlan.Move("file-0000.parquet", "part-000002.parquet"),
                new PublishPlan.Move("file-0001.parquet", "part-000003.parquet")),
            List.of("part-000001.parquet"))
        .write(second.dir());
    Files.move(second.dir().resolve("file-0000.parquet"), lake().resolve("part-000002.parquet"));
    second.release(); // the run dies: the OS drops its lock, the recorded publish stays

    int completed = new StagedDirectory(lake(), "parquet").recover();

    assertThat(completed).isEqualTo(1);
    assertThat(finalFiles())
        .containsExactly("part-000002.parquet=new1", "part-000003.parquet=new2");
    assertThat(dir.stagingRoot()).doesNotExist();
  }

  @Test
  void recoverRemovesStagingOfRunsThatNeverCommittedAndLeavesTheFinalDirectoryAlone()
      throws IOException {
    StagedDirectory dir = new StagedDirectory(lake(), "parquet");
    StagedDirectory.Staging first = dir.stage("run1");
    stageFiles(first, "kept");
    dir.publish(first, WriteMode.APPEND);
    StagedDirectory.Staging crashed = dir.stage("run2");
    stageFiles(crashed, "half-writ");
    Path crashedDir = crashed.dir();
    // Still alive: another run's recovery leaves it alone.
    assertThat(new StagedDirectory(lake(), "parquet").recover()).isZero();
    assertThat(crashedDir.resolve("file-0000.parquet")).exists();
    // Dead: the operating system drops a dead process's lock.
    crashed.release();

    assertThat(dir.recover()).isZero();

    assertThat(finalFiles()).containsExactly("part-000001.parquet=kept");
    assertThat(crashedDir).doesNotExist();
  }

  @Test
  void aPublishFailingAfterItWasRecordedIsKeptForTheNextRunToComplete() throws IOException {
    StagedDirectory dir = new StagedDirectory(lake(), "parquet");
    StagedDirectory.Staging first = dir.stage("run1");
    stageFiles(first, "old");
    dir.publish(first, WriteMode.APPEND);
    Files.createDirectories(lake().resolve("part-000002.parquet")); // the rename will fail
    StagedDirectory.Staging second = dir.stage("run2");
    stageFiles(second, "new");

    assertThatThrownBy(() -> dir.publish(second, WriteMode.REPLACE))
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining("was interrupted after it was recorded")
        .hasMessageContaining("the next run of this entity completes it");
    dir.discard(second);

    assertThat(second.dir().resolve(PublishPlan.FILE_NAME)).exists();
    assertThat(lake().resolve("part-000001.parquet")).content().isEqualTo("old");
    Files.delete(lake().resolve("part-000002.parquet"));
    assertThat(new StagedDirectory(lake(), "parquet").recover()).isEqualTo(1);
    assertThat(finalFiles()).containsExactly("part-000002.parquet=new");
  }

  @Test
  void concurrentAppendsNeverOverwriteEachOther() throws Exception {
    int runs = 8;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<CommitResult>> commits = new java.util.ArrayList<>();
      for (int run = 0; run < runs; run++) {
        String id = "run" + run;
        commits.add(
            pool.submit(
                () -> {
                  StagedDirectory dir = new StagedDirectory(lake(), "parquet");
                  dir.recover();
                  StagedDirectory.Staging staging = dir.stage(id);
                  stageFiles(staging, id + "-a", id + "-b");
                  return dir.publish(staging, WriteMode.APPEND);
                }));
      }
      for (java.util.concurrent.Future<CommitResult> commit : commits) {
        assertThat(commit.get().files()).isEqualTo(2);
      }
    } finally {
      pool.shutdownNow();
    }

    List<String> files = finalFiles();
    assertThat(files).hasSize(2 * runs);
    assertThat(files.stream().map(f -> f.substring(f.indexOf('=') + 1)).distinct())
        .hasSize(2 * runs);
  }

  @Test
  void aCorruptPublishRecordFailsWithHowToRepair() throws IOException {
    StagedDirectory dir = new StagedDirectory(lake(), "parquet");
    StagedDirectory.Staging staging = dir.stage("run1");
    Files.writeString(
        staging.dir().resolve(PublishPlan.FILE_NAME), "hygge-publish-plan 1\nmove\tonly-one\n");
    staging.release();

    assertThatThrownBy(dir::recover)
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining("is corrupt at line 2")
        .hasMessageContaining("delete the staging directory")
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.STATE));
  }

  @Test
  void discardRemovesEverythingStaged() throws IOException {
    StagedDirectory dir = new StagedDirectory(lake(), "parquet");
    StagedDirectory.Staging staging = dir.stage("run1");
    stageFiles(staging, "x");
    dir.discard(staging);
    dir.discard(staging);
    assertThat(staging.dir()).doesNotExist();
    assertThat(lake()).doesNotExist();
  }
}
