package dev.hygge.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.parquet.io.PositionOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileChannelOutputTest {
  @TempDir Path dir;

  @Test
  void writesSmallAndLargeWritesInOrderAndTracksThePosition() throws Exception {
    Path file = dir.resolve("out.bin");
    Random random = new Random(7);
    byte[] large = new byte[FileChannelOutput.BLOCK_SIZE + 123];
    random.nextBytes(large);
    byte[] small = new byte[8192];
    random.nextBytes(small);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();

    try (PositionOutputStream out = new FileChannelOutput(file).create(0)) {
      out.write(42);
      expected.write(42);
      for (int i = 0; i < 200; i++) {
        out.write(small, 0, small.length);
        expected.write(small, 0, small.length);
      }
      out.write(large, 5, large.length - 5);
      expected.write(large, 5, large.length - 5);
      out.write(small, 100, 7);
      expected.write(small, 100, 7);

      assertThat(out.getPos()).isEqualTo(expected.size());
    }

    assertThat(Files.readAllBytes(file)).isEqualTo(expected.toByteArray());
  }

  @Test
  void createRefusesAnExistingFileAndCreateOrOverwriteReplacesIt() throws Exception {
    Path file = dir.resolve("exists.bin");
    Files.write(file, new byte[] {1, 2, 3, 4});
    FileChannelOutput output = new FileChannelOutput(file);

    assertThatThrownBy(() -> output.create(0)).isInstanceOf(FileAlreadyExistsException.class);
    try (PositionOutputStream out = output.createOrOverwrite(0)) {
      out.write(9);
    }

    assertThat(Files.readAllBytes(file)).containsExactly(9);
    assertThat(output.getPath()).isEqualTo(file.toString());
  }
}
