package dev.hygge.parquet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The schema of many Parquet files read as one stream: column names and types must match; a column
 * nullable in any file is nullable in the union.
 */
final class ParquetSchemaUnion {
  private ParquetSchemaUnion() {}

  /** The first difference between two schemas, ignoring nullability; empty when compatible. */
  static Optional<String> difference(Schema first, Schema second) {
    return difference(first.getFields(), second.getFields(), "");
  }

  private static Optional<String> difference(List<Field> first, List<Field> second, String prefix) {
    for (int i = 0; i < Math.max(first.size(), second.size()); i++) {
      if (i >= first.size()) {
        return Optional.of(
            "column '" + prefix + second.get(i).getName() + "' is only in the second");
      }
      if (i >= second.size()) {
        return Optional.of("column '" + prefix + first.get(i).getName() + "' is only in the first");
      }
      Field a = first.get(i);
      Field b = second.get(i);
      if (!a.getName().equals(b.getName())) {
        return Optional.of(
            "column "
                + (i + 1)
                + " is '"
                + prefix
                + a.getName()
                + "' in the first but '"
                + prefix
                + b.getName()
                + "' in the second");
      }
      if (!a.getType().equals(b.getType())) {
        return Optional.of(
            "column '"
                + prefix
                + a.getName()
                + "' is "
                + a.getType()
                + " in the first but "
                + b.getType()
                + " in the second");
      }
      Optional<String> nested =
          difference(a.getChildren(), b.getChildren(), prefix + a.getName() + ".");
      if (nested.isPresent()) {
        return nested;
      }
    }
    return Optional.empty();
  }

  /** The two compatible schemas with every field nullable where either is. */
  static Schema widen(Schema first, Schema second) {
    return new Schema(widen(first.getFields(), second.getFields()), first.getCustomMetadata());
  }

  private static List<Field> widen(List<Field> first, List<Field> second) {
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < first.size(); i++) {
      Field a = first.get(i);
      Field b = second.get(i);
      FieldType type =
          new FieldType(
              a.isNullable() || b.isNullable(), a.getType(), a.getDictionary(), a.getMetadata());
      fields.add(new Field(a.getName(), type, widen(a.getChildren(), b.getChildren())));
    }
    return fields;
  }
}
