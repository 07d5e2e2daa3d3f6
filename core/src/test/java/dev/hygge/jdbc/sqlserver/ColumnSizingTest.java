package dev.hygge.jdbc.sqlserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Declared sizes of string and binary columns, from the longest value seen. */
class ColumnSizingTest {
  private final BufferAllocator allocator = new RootAllocator();

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void roundsUpToThePowerOfTwoWithAMinimumOf16() {
    assertThat(ColumnSizing.nvarchar(0)).isEqualTo("NVARCHAR(16)");
    assertThat(ColumnSizing.nvarchar(1)).isEqualTo("NVARCHAR(16)");
    assertThat(ColumnSizing.nvarchar(16)).isEqualTo("NVARCHAR(16)");
    assertThat(ColumnSizing.nvarchar(17)).isEqualTo("NVARCHAR(32)");
    assertThat(ColumnSizing.nvarchar(100)).isEqualTo("NVARCHAR(128)");
    assertThat(ColumnSizing.nvarchar(1024)).isEqualTo("NVARCHAR(1024)");
  }

  @Test
  void capsAt4000CharactersAndGoesToMaxBeyond() {
    assertThat(ColumnSizing.nvarchar(3000)).isEqualTo("NVARCHAR(4000)");
    assertThat(ColumnSizing.nvarchar(4000)).isEqualTo("NVARCHAR(4000)");
    assertThat(ColumnSizing.nvarchar(4001)).isEqualTo("NVARCHAR(MAX)");
    assertThat(ColumnSizing.varbinary(5000)).isEqualTo("VARBINARY(8000)");
    assertThat(ColumnSizing.varbinary(8001)).isEqualTo("VARBINARY(MAX)");
  }

  @Test
  void aNegativeLengthIsABug() {
    assertThatThrownBy(() -> ColumnSizing.nvarchar(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("longest is negative: -1");
  }

  @Test
  void widthsCountUtf16UnitsForTextAndBytesForBinaryAcrossBatches() {
    Schema schema =
        new Schema(
            List.of(
                Field.nullable("name", ArrowType.Utf8.INSTANCE),
                Field.nullable("blob", ArrowType.Binary.INSTANCE),
                Field.nullable("long_text", ArrowType.LargeUtf8.INSTANCE),
                Field.nullable("n", new ArrowType.Int(32, true))));
    ColumnWidths widths = new ColumnWidths(4);
    try (VectorSchemaRoot first = VectorSchemaRoot.create(schema, allocator);
        VectorSchemaRoot second = VectorSchemaRoot.create(schema, allocator)) {
      // "Ærø" is 3 UTF-16 units in 5 UTF-8 bytes; the emoji is 2 units in 4 bytes.
      fill(first, List.of("Ærø", "ab"), List.of(new byte[7]), List.of("😀😀x"));
      fill(second, List.of("\uD83D\uDE00abc"), List.of(new byte[2], new byte[3]), List.of("é"));
      widths.observe(first);
      widths.observe(second);
    }

    assertThat(widths.longest(0)).isEqualTo(5); // emoji (2) + abc (3)
    assertThat(widths.longest(1)).isEqualTo(7);
    assertThat(widths.longest(2)).isEqualTo(5);
    assertThat(widths.longest(3)).isZero();
  }

  private static void fill(
      VectorSchemaRoot root, List<String> names, List<byte[]> blobs, List<String> longTexts) {
    root.allocateNew();
    VarCharVector name = (VarCharVector) root.getVector("name");
    VarBinaryVector blob = (VarBinaryVector) root.getVector("blob");
    LargeVarCharVector longText = (LargeVarCharVector) root.getVector("long_text");
    IntVector n = (IntVector) root.getVector("n");
    int rows = Math.max(names.size(), Math.max(blobs.size(), longTexts.size()));
    for (int i = 0; i < rows; i++) {
      if (i < names.size()) {
        name.setSafe(i, names.get(i).getBytes(StandardCharsets.UTF_8));
      } else {
        name.setNull(i);
      }
      if (i < blobs.size()) {
        blob.setSafe(i, blobs.get(i));
      } else {
        blob.setNull(i);
      }
      if (i < longTexts.size()) {
        longText.setSafe(i, longTexts.get(i).getBytes(StandardCharsets.UTF_8));
      } else {
        longText.setNull(i);
      }
      n.setSafe(i, 123_456);
    }
    root.setRowCount(rows);
  }
}
