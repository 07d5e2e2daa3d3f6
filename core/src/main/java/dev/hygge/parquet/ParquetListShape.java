package dev.hygge.parquet;

import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.Type;

/**
 * How a Parquet LIST or MAP group lays out its elements, following the backward-compatibility rules
 * of the Parquet format spec (LogicalTypes.md): the repeated node, and the node that holds one
 * element, which is the repeated node itself in legacy two-level lists.
 *
 * @param repeated the repeated child of the annotated group
 * @param element the element node: the repeated node's only child in three-level lists, else the
 *     repeated node
 */
record ParquetListShape(Type repeated, Type element) {

  /** Whether the element is the repeated node itself (a legacy two-level list or a map entry). */
  boolean elementIsRepeated() {
    return element == repeated;
  }

  static boolean isList(Type type) {
    return !type.isPrimitive()
        && type.getLogicalTypeAnnotation()
            instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation
        && type.asGroupType().getFieldCount() == 1
        && type.asGroupType().getType(0).isRepetition(Type.Repetition.REPEATED);
  }

  static boolean isMap(Type type) {
    if (type.isPrimitive()) {
      return false;
    }
    LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
    boolean annotated =
        annotation instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
            || annotation instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation;
    GroupType group = type.asGroupType();
    return annotated
        && group.getFieldCount() == 1
        && group.getType(0).isRepetition(Type.Repetition.REPEATED)
        && !group.getType(0).isPrimitive()
        && group.getType(0).asGroupType().getFieldCount() == 2;
  }

  /** The shape of a group that {@link #isList} accepts. */
  static ParquetListShape ofList(GroupType list) {
    Type repeated = list.getType(0);
    if (repeated.isPrimitive()) {
      return new ParquetListShape(repeated, repeated);
    }
    GroupType group = repeated.asGroupType();
    boolean legacy =
        group.getFieldCount() != 1
            || group.getName().equals("array")
            || group.getName().equals(list.getName() + "_tuple");
    return new ParquetListShape(repeated, legacy ? repeated : group.getType(0));
  }

  /** The shape of a group that {@link #isMap} accepts: the element is the key/value group. */
  static ParquetListShape ofMap(GroupType map) {
    Type repeated = map.getType(0);
    return new ParquetListShape(repeated, repeated);
  }
}
