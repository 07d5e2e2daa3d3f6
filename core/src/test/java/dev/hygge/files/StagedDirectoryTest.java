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

  private static void stageFiles(Path staging, String... contents) throws IOException {
    for (int i = 0; i < contents.length; i++) {
      Files.writeString(staging.resolve(String.format("file-%04d.parquet", i)), contents[i]);
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
    Path first = dir.stage("run1");
    stageFiles(first, "a", "b");
    CommitResult one = dir.publish(first, WriteMode.APPEND);
    Path second = dir.stage("run2");
    stageFiles(second, "c");
    CommitResult two = dir.publish(second, WriteMode.APPEND);

    assertThat(one).isEqualTo(new CommitResult(2, 2));
    assertThat(two).isEqualTo(new CommitResult(1, 1));
    assertThat(finalFiles())
        .containsExactly("part-000001.parquet=a", "part-000002.parquet=b", "part-000003.parquet=c");
    assertThat(temp.resolve("lake").resolve(StagedDirectory.STAGING_DIR)).doesNotExist();
  }

  @Test
  void replaceDeletesPreviousFilesOnlyAfterTheNewOnesAreIn() throws IOException {
    StagedDirectory dir = new StagedDirectory(lake(), "parquet");
    Path first = dir.stage("run1");
    stageFiles(first, "old1", "old2");
    dir.publish(first, WriteMode.APPEND);
    Files.writeString(lake().resolve("_SUCCESS.parquet"), "kept: underscore files are not data");
    Files.writeString(lake().resolve("notes.txt"), "kept: not a data file");

    Path second = dir.stage("run2");
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
    Path first = dir.stage("run1");
    stageFiles(first, "old");
    dir.publish(first, WriteMode.APPEND);
    // A crash after the plan was recorded and one of two files was moved:
    Path second = dir.stage("run2");
    stageFiles(second, "new1", "new2");
    new PublishPlan(
            List.of(
                new PublishPlan.Move("file-0000.parquet", "part-000002.parquet"),
                new PublishPlan.Move("file-0001.parquet", "part-000003.parquet")),
            List.of("part-000001.parquet"))
        .write(second);
    Files.move(second.resolve("file-0000.parquet"), lake().resolve("part-000002.parquet"));

    int completed = new StagedDirectory(lake(), "parquet").recover();

    assertThat(completed).isEqualTo(1);
    assertThat(finalFiles())
        .containsExactly("part-000002.parquet=new1", "part-000003.parquet=new2");
    assertThat(temp.resolve("lake").resolve(StagedDirectory.STAGING_DIR)).doesNotExist();
  }

  @Test
  void recoverRemovesStagingOfRunsThatNeverCommittedAndLeavesTheFinalDirectoryAlone()
      throws IOException {
    StagedDirectory dir = new StagedDirectory(lake(), "parquet");
    Path first = dir.stage("run1");
    stageFiles(first, "kept");
    dir.publish(first, WriteMode.APPEND);
    Path crashed = dir.stage("run2");
    stageFiles(crashed, "half-writ");

    assertThat(dir.recover()).isZero();

    assertThat(finalFiles()).containsExactly("part-000001.parquet=kept");
    assertThat(crashed).doesNotExist();
  }

  @Test
  void aCorruptPublishRecordFailsWithHowToRepair() throws IOException {
    StagedDirectory dir = new StagedDirectory(lake(), "parquet");
    Path staging = dir.stage("run1");
    Files.writeString(
        staging.resolve(PublishPlan.FILE_NAME), "hygge-publish-plan 1\nmove\tonly-one\n");

    assertThatThrownBy(dir::recover)
        .isInstanceOf(HyggeException.class)
        .hasMessageContaining("is corrupt at line 2")
        .hasMessageContaining("delete the staging directory")
        .satisfies(e -> assertThat(((HyggeException) e).kind()).isEqualTo(ErrorKind.STATE));
  }

  @Test
  void discardRemovesEverythingStaged() throws IOException {
    StagedDirectory dir = new StagedDirectory(lake(), "parquet");
    Path staging = dir.stage("run1");
    stageFiles(staging, "x");
    dir.discard(staging);
    dir.discard(staging);
    assertThat(staging).doesNotExist();
    assertThat(lake()).doesNotExist();
  }
}
