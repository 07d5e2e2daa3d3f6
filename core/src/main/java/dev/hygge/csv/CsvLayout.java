package dev.hygge.csv;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * What an entity's CSV files hold and what a read returns.
 *
 * @param columns every column of the files, in file order
 * @param types the type of each column, in file order (strings for unselected inferred columns)
 * @param inferred names of the columns whose type was inferred rather than declared
 * @param selected indexes into {@code columns} of the columns to return, in output order
 * @param header the header every file must repeat; empty when the home has {@code header: false}
 * @param headerFile the file the header (or first row) came from, for messages
 * @param inferRows rows sampled for inference, for messages
 */
record CsvLayout(
    List<String> columns,
    List<CsvColumnType> types,
    Set<String> inferred,
    List<Integer> selected,
    Optional<List<String>> header,
    String headerFile,
    int inferRows) {
  CsvLayout {
    columns = List.copyOf(requireNonNull(columns, "columns is null"));
    types = List.copyOf(requireNonNull(types, "types is null"));
    inferred = Set.copyOf(requireNonNull(inferred, "inferred is null"));
    selected = List.copyOf(requireNonNull(selected, "selected is null"));
    requireNonNull(header, "header is null");
    requireNonNull(headerFile, "headerFile is null");
    if (columns.size() != types.size()) {
      throw new IllegalArgumentException("one type per column expected");
    }
  }

  /** The Arrow schema of the selected columns, all nullable. */
  Schema schema() {
    List<Field> fields = new ArrayList<>();
    for (int index : selected) {
      fields.add(
          new Field(columns.get(index), FieldType.nullable(types.get(index).arrowType()), null));
    }
    return new Schema(fields);
  }
}
