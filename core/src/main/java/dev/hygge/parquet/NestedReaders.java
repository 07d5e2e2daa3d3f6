package dev.hygge.parquet;

import java.util.List;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.parquet.column.ColumnReader;

/**
 * Readers for Arrow structs, lists and maps: they decide structure from the first leaf's levels.
 */
final class NestedReaders {
  private NestedReaders() {}

  /** A struct, present when the first leaf's definition level reaches the struct's. */
  static final class StructReader extends FieldReader {
    private final StructVector vector;
    private final int definitionLevel;
    private final FieldReader[] children;

    StructReader(StructVector vector, int definitionLevel, List<FieldReader> children) {
      this.vector = vector;
      this.definitionLevel = definitionLevel;
      this.children = children.toArray(new FieldReader[0]);
    }

    @Override
    void read(int index) {
      if (children[0].firstLeaf().getCurrentDefinitionLevel() < definitionLevel) {
        readNull(index);
        return;
      }
      vector.setIndexDefined(index);
      for (FieldReader child : children) {
        child.read(index);
      }
    }

    @Override
    void readNull(int index) {
      vector.setNull(index);
      for (FieldReader child : children) {
        child.readNull(index);
      }
    }

    @Override
    void skip() {
      for (FieldReader child : children) {
        child.skip();
      }
    }

    @Override
    ColumnReader firstLeaf() {
      return children[0].firstLeaf();
    }
  }

  /**
   * A list or map: null below {@code definitionLevel}, empty below {@code elementsLevel}, and its
   * elements continue while the repetition level equals {@code repetitionLevel}.
   */
  abstract static class RepeatedReader extends FieldReader {
    private final int definitionLevel;
    private final int elementsLevel;
    private final int repetitionLevel;
    private final FieldReader element;

    RepeatedReader(
        int definitionLevel, int elementsLevel, int repetitionLevel, FieldReader element) {
      this.definitionLevel = definitionLevel;
      this.elementsLevel = elementsLevel;
      this.repetitionLevel = repetitionLevel;
      this.element = element;
    }

    /** Marks {@code index} present and returns where its elements start in the child vector. */
    abstract int begin(int index);

    abstract void end(int index, int size);

    abstract void setNull(int index);

    @Override
    final void read(int index) {
      ColumnReader levels = element.firstLeaf();
      int level = levels.getCurrentDefinitionLevel();
      if (level < definitionLevel) {
        setNull(index);
        element.skip();
        return;
      }
      int start = begin(index);
      if (level < elementsLevel) {
        end(index, 0);
        element.skip();
        return;
      }
      int size = 0;
      do {
        element.read(start + size);
        size++;
      } while (levels.getCurrentRepetitionLevel() == repetitionLevel);
      end(index, size);
    }

    @Override
    final void readNull(int index) {
      setNull(index);
      element.skip();
    }

    @Override
    final void skip() {
      element.skip();
    }

    @Override
    final ColumnReader firstLeaf() {
      return element.firstLeaf();
    }
  }

  /** ListVector and MapVector. */
  static final class ListReader extends RepeatedReader {
    private final ListVector vector;

    ListReader(
        ListVector vector,
        int definitionLevel,
        int elementsLevel,
        int repetitionLevel,
        FieldReader element) {
      super(definitionLevel, elementsLevel, repetitionLevel, element);
      this.vector = vector;
    }

    @Override
    int begin(int index) {
      return vector.startNewValue(index);
    }

    @Override
    void end(int index, int size) {
      vector.endValue(index, size);
    }

    @Override
    void setNull(int index) {
      vector.setNull(index);
    }
  }

  /** LargeListVector. */
  static final class LargeListReader extends RepeatedReader {
    private final LargeListVector vector;

    LargeListReader(
        LargeListVector vector,
        int definitionLevel,
        int elementsLevel,
        int repetitionLevel,
        FieldReader element) {
      super(definitionLevel, elementsLevel, repetitionLevel, element);
      this.vector = vector;
    }

    @Override
    int begin(int index) {
      return Math.toIntExact(vector.startNewValue(index));
    }

    @Override
    void end(int index, int size) {
      vector.endValue(index, size);
    }

    @Override
    void setNull(int index) {
      vector.setNull(index);
    }
  }

  /** FixedSizeListVector: the elements of list {@code i} sit at {@code i * listSize}. */
  static final class FixedSizeListReader extends RepeatedReader {
    private final FixedSizeListVector vector;

    FixedSizeListReader(
        FixedSizeListVector vector,
        int definitionLevel,
        int elementsLevel,
        int repetitionLevel,
        FieldReader element) {
      super(definitionLevel, elementsLevel, repetitionLevel, element);
      this.vector = vector;
    }

    @Override
    int begin(int index) {
      return vector.startNewValue(index);
    }

    @Override
    void end(int index, int size) {
      if (size != vector.getListSize()) {
        throw new IllegalStateException(
            "fixed-size list '"
                + vector.getName()
                + "' holds "
                + size
                + " elements at row "
                + index
                + ", expected "
                + vector.getListSize());
      }
    }

    @Override
    void setNull(int index) {
      vector.setNull(index);
    }
  }
}
