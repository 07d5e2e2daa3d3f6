package dev.hygge.parquet;

import dev.hygge.HyggeException;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;

/** Writers for Arrow structs, lists and maps: they compute levels and delegate to leaves. */
final class NestedWriters {
  private NestedWriters() {}

  static HyggeException nullInRequired(FieldVector vector, int index) {
    return HyggeException.store(
        "Column '"
            + vector.getField().getName()
            + "' is declared not nullable but holds a null at position "
            + index
            + " (declare the field nullable)",
        null);
  }

  /** A struct: one definition level when nullable, children at the same index. */
  static final class StructWriter extends FieldWriter {
    private final FieldVector vector;
    private final boolean nullable;
    private final FieldWriter[] children;

    StructWriter(FieldVector vector, boolean nullable, List<FieldWriter> children) {
      this.vector = vector;
      this.nullable = nullable;
      this.children = children.toArray(new FieldWriter[0]);
    }

    @Override
    void write(int index, int repetitionLevel, int parentDefinitionLevel) {
      if (vector.isNull(index)) {
        if (!nullable) {
          throw nullInRequired(vector, index);
        }
        writeNull(repetitionLevel, parentDefinitionLevel);
        return;
      }
      int definitionLevel = parentDefinitionLevel + (nullable ? 1 : 0);
      for (FieldWriter child : children) {
        child.write(index, repetitionLevel, definitionLevel);
      }
    }

    @Override
    void writeNull(int repetitionLevel, int definitionLevel) {
      for (FieldWriter child : children) {
        child.writeNull(repetitionLevel, definitionLevel);
      }
    }
  }

  /**
   * A list or map: one definition level when nullable, one more for "has elements", and one
   * repetition level. Subclasses say where each list's elements are in the child vector.
   */
  abstract static class RepeatedWriter extends FieldWriter {
    private final FieldVector vector;
    private final boolean nullable;
    private final int repetitionLevel;
    private final FieldWriter element;

    RepeatedWriter(FieldVector vector, boolean nullable, int repetitionLevel, FieldWriter element) {
      this.vector = vector;
      this.nullable = nullable;
      this.repetitionLevel = repetitionLevel;
      this.element = element;
    }

    abstract int start(int index);

    abstract int end(int index);

    @Override
    final void write(int index, int firstRepetitionLevel, int parentDefinitionLevel) {
      if (vector.isNull(index)) {
        if (!nullable) {
          throw nullInRequired(vector, index);
        }
        element.writeNull(firstRepetitionLevel, parentDefinitionLevel);
        return;
      }
      int definitionLevel = parentDefinitionLevel + (nullable ? 1 : 0);
      int start = start(index);
      int end = end(index);
      if (start == end) {
        element.writeNull(firstRepetitionLevel, definitionLevel);
        return;
      }
      element.write(start, firstRepetitionLevel, definitionLevel + 1);
      for (int i = start + 1; i < end; i++) {
        element.write(i, repetitionLevel, definitionLevel + 1);
      }
    }

    @Override
    final void writeNull(int firstRepetitionLevel, int definitionLevel) {
      element.writeNull(firstRepetitionLevel, definitionLevel);
    }
  }

  /** ListVector and MapVector: 32-bit offsets. */
  static final class ListWriter extends RepeatedWriter {
    private final ArrowBuf offsets;

    ListWriter(ListVector vector, boolean nullable, int repetitionLevel, FieldWriter element) {
      super(vector, nullable, repetitionLevel, element);
      this.offsets = vector.getOffsetBuffer();
    }

    @Override
    int start(int index) {
      return offsets.getInt((long) index * ListVector.OFFSET_WIDTH);
    }

    @Override
    int end(int index) {
      return offsets.getInt((long) (index + 1) * ListVector.OFFSET_WIDTH);
    }
  }

  /** LargeListVector: 64-bit offsets (elements addressed by int, as Arrow Java's vectors are). */
  static final class LargeListWriter extends RepeatedWriter {
    private final ArrowBuf offsets;

    LargeListWriter(
        LargeListVector vector, boolean nullable, int repetitionLevel, FieldWriter element) {
      super(vector, nullable, repetitionLevel, element);
      this.offsets = vector.getOffsetBuffer();
    }

    @Override
    int start(int index) {
      return (int) offsets.getLong((long) index * LargeListVector.OFFSET_WIDTH);
    }

    @Override
    int end(int index) {
      return (int) offsets.getLong((long) (index + 1) * LargeListVector.OFFSET_WIDTH);
    }
  }

  /** FixedSizeListVector: every list holds {@code listSize} elements. */
  static final class FixedSizeListWriter extends RepeatedWriter {
    private final int listSize;

    FixedSizeListWriter(
        FixedSizeListVector vector, boolean nullable, int repetitionLevel, FieldWriter element) {
      super(vector, nullable, repetitionLevel, element);
      this.listSize = vector.getListSize();
    }

    @Override
    int start(int index) {
      return index * listSize;
    }

    @Override
    int end(int index) {
      return (index + 1) * listSize;
    }
  }
}
