package dev.hygge.jdbc.sqlserver;

import java.util.List;
import java.util.function.IntToLongFunction;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseLargeVariableWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.LargeVarCharVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The longest value seen so far in each text and binary column: UTF-16 code units for text (what
 * {@code NVARCHAR(n)} counts), bytes for binary. Other columns stay at 0.
 */
final class ColumnWidths {
  private static final int CONTINUATION_MASK = 0xC0;
  private static final int CONTINUATION = 0x80;
  private static final int FOUR_BYTE_MASK = 0xF8;
  private static final int FOUR_BYTE_LEAD = 0xF0;
  private static final int BYTE_MASK = 0xFF;

  private final long[] longest;

  ColumnWidths(int columns) {
    this.longest = new long[columns];
  }

  /** Takes in every value of {@code batch}. */
  void observe(VectorSchemaRoot batch) {
    List<FieldVector> vectors = batch.getFieldVectors();
    int rows = batch.getRowCount();
    for (int i = 0; i < longest.length; i++) {
      FieldVector vector = vectors.get(i);
      if (vector instanceof VarCharVector text) {
        observe(i, text, rows, text::getStartOffset, text::getEndOffset, Units.UTF16);
      } else if (vector instanceof LargeVarCharVector text) {
        observe(i, text, rows, largeStart(text), largeStart(text, 1), Units.UTF16);
      } else if (vector instanceof BaseVariableWidthVector binary) {
        observe(i, binary, rows, binary::getStartOffset, binary::getEndOffset, Units.BYTES);
      } else if (vector instanceof BaseLargeVariableWidthVector binary) {
        observe(i, binary, rows, largeStart(binary), largeStart(binary, 1), Units.BYTES);
      }
    }
  }

  private static IntToLongFunction largeStart(FieldVector vector) {
    return largeStart(vector, 0);
  }

  /** The offset of row + {@code shift} in a vector with 64-bit offsets. */
  private static IntToLongFunction largeStart(FieldVector vector, int shift) {
    ArrowBuf offsets = vector.getOffsetBuffer();
    return row -> offsets.getLong((long) (row + shift) * BaseLargeVariableWidthVector.OFFSET_WIDTH);
  }

  /** The longest value of column {@code index}. */
  long longest(int index) {
    return longest[index];
  }

  private enum Units {
    UTF16,
    BYTES
  }

  private void observe(
      int column,
      FieldVector vector,
      int rows,
      IntToLongFunction starts,
      IntToLongFunction ends,
      Units units) {
    ArrowBuf data = vector.getDataBuffer();
    for (int row = 0; row < rows; row++) {
      if (vector.isNull(row)) {
        continue;
      }
      long start = starts.applyAsLong(row);
      long bytes = ends.applyAsLong(row) - start;
      // UTF-16 never needs more units than UTF-8 needs bytes: shorter values need no scan.
      if (bytes > longest[column]) {
        long length = units == Units.BYTES ? bytes : utf16Units(data, start, bytes);
        longest[column] = Math.max(longest[column], length);
      }
    }
  }

  private static long utf16Units(ArrowBuf data, long start, long bytes) {
    long units = 0;
    for (long i = start; i < start + bytes; i++) {
      int b = data.getByte(i) & BYTE_MASK;
      if ((b & CONTINUATION_MASK) != CONTINUATION) {
        units++;
      }
      if ((b & FOUR_BYTE_MASK) == FOUR_BYTE_LEAD) {
        units++; // a supplementary character takes a surrogate pair
      }
    }
    return units;
  }
}
